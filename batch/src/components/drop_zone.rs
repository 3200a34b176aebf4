//! The drop zone and the file picker (`#batch-drop`, `#batch-file`).

use crate::source::Kind;
use crate::text::t;
use tic_core::Lang;
use yew::prelude::*;

/// Properties of [`DropZone`].
#[derive(Properties, PartialEq)]
pub struct DropZoneProps {
    /// Interface language.
    pub lang: Lang,
    /// The mode (its hint).
    pub mode: Kind,
    /// A file is dragged over it.
    pub dragging: bool,
    /// A file is being read: the picker is disabled.
    pub busy: bool,
    /// A file was picked or dropped.
    pub onfile: Callback<web_sys::File>,
    /// A file is dragged over it (true) or has left it.
    pub ondrag: Callback<bool>,
    /// The picker was opened or a file is dragged over: a file is about to come.
    pub onpicking: Callback<()>,
}

/// A label around the (visually hidden) file input, so a click anywhere picks a file.
#[function_component]
pub fn DropZone(p: &DropZoneProps) -> Html {
    let lang = p.lang;
    let onfile = p.onfile.clone();
    let onchange = tic_ui::on::file_picked(onfile);
    let (ondrag, picking) = (p.ondrag.clone(), p.onpicking.clone());
    let ondragover = move |e: DragEvent| {
        e.prevent_default();
        picking.emit(());
        ondrag.emit(true);
    };
    let onclick = p.onpicking.reform(|_: MouseEvent| ());
    let ondragleave = p.ondrag.reform(|_: DragEvent| false);
    let onfile = p.onfile.clone();
    let ondrop = move |e: DragEvent| {
        e.prevent_default();
        if let Some(file) = e
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            onfile.emit(file);
        }
    };
    html! {
        <label id="batch-drop" for="batch-file"
            class={classes!("drop", p.dragging.then_some("dragging"))}
            {ondragover} {ondragleave} {ondrop}>
            <span class="drop-title">{ t(lang, "拖入文件，或点击选择", "Drop a file here, or click to pick one") }</span>
            <span class="drop-hint">{ match p.mode {
                Kind::Applicants => t(lang, "CSV（UTF-8 或 GBK）、XLSX（或 XLS、ODS）、JSON 数组；表头和工作表自动识别", "CSV (UTF-8 or GBK), XLSX (or XLS, ODS), JSON array; header row and sheet found automatically"),
                Kind::Portfolio => t(lang, "跟踪表：每个中心每个建设年度一行（CSV、XLSX），或 tic-progress/1 记录的 JSON 数组", "Tracking sheet: one row per centre and construction year (CSV, XLSX), or a JSON array of tic-progress/1 records"),
            } }</span>
            <span class="drop-button" aria-hidden="true">{ t(lang, "选择文件…", "Choose a file…") }</span>
            <input id="batch-file" type="file" accept=".csv,.xlsx,.xlsm,.xls,.xlsb,.ods,.json,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel"
                disabled={p.busy} {onchange} {onclick} />
        </label>
    }
}
