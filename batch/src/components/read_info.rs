//! "How your file was read" (`#read-info`), before the results: the sheet, the header row, the
//! columns not read, the rows skipped (totals, notes, signatures) and the reader's notes — the
//! lines `tic screen` prints on stderr (`ReadInfo::lines`), in the view's language — with a
//! choice of another sheet or header row, which reads the same bytes again.

use super::Shared;
use crate::text::t;
use tic_core::Lang;
use tic_tabular::{ReadInfo, ReadOptions};
use yew::prelude::*;

/// Properties of [`ReadInfoPanel`].
#[derive(Properties, PartialEq)]
pub struct ReadInfoProps {
    /// Interface language.
    pub lang: Lang,
    /// How the file was read.
    pub info: Shared<ReadInfo>,
    /// The options of the last reading (default: found by the reader).
    pub options: ReadOptions,
    /// A file is being read: the choices wait.
    pub busy: bool,
    /// Read the same file again with these options.
    pub onread: Callback<ReadOptions>,
}

/// Nothing for a JSON file (no sheet, no header).
#[function_component]
pub fn ReadInfoPanel(p: &ReadInfoProps) -> Html {
    let lang = p.lang;
    let info = &*p.info;
    let header_input = use_node_ref();
    if info.header_row.is_none() && info.sheets.is_empty() {
        return html! {};
    }
    // `lines` gives, in order: the header line (when there is a header row), one line for
    // the columns not read (when any), one per skipped row, one per note. Each item keeps its
    // kind and row in data attributes.
    let lines = info.lines(lang);
    let mut kinds: Vec<(&'static str, Option<usize>)> = Vec::new();
    if info.header_row.is_some() {
        kinds.push(("header", info.header_row));
    }
    if !info.ignored_columns.is_empty() {
        kinds.push(("ignored", None));
    }
    kinds.extend(info.skipped_rows.iter().map(|s| ("skipped", Some(s.row))));
    kinds.extend(info.notes.iter().map(|_| ("note", None)));
    let items = lines.iter().zip(kinds).map(|(line, (kind, row))| {
        let columns = (kind == "ignored").then(|| {
            info.ignored_columns
                .iter()
                .map(|c| c.header.as_str())
                .collect::<Vec<_>>()
                .join("\u{1f}")
        });
        html! {
            <li data-kind={kind} data-row={row.map(|r| r.to_string())} data-columns={columns}>{ line }</li>
        }
    });

    // Another sheet: read it with its header found again.
    let onsheet = {
        let onread = p.onread.clone();
        move |e: Event| {
            if let Some(s) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                onread.emit(ReadOptions {
                    sheet: Some(s.value()),
                    header_row: None,
                });
            }
        }
    };
    // Another header row, on the sheet being read.
    let reread = {
        let (onread, input, sheet) = (p.onread.clone(), header_input.clone(), info.sheet.clone());
        move || {
            let n = input
                .cast::<web_sys::HtmlInputElement>()
                .and_then(|i| i.value().trim().parse::<usize>().ok())
                .filter(|n| *n >= 1);
            if let Some(n) = n {
                onread.emit(ReadOptions {
                    sheet: sheet.clone(),
                    header_row: Some(n),
                });
            }
        }
    };
    let onclick = {
        let reread = reread.clone();
        move |_: MouseEvent| reread()
    };
    let onkeydown = move |e: KeyboardEvent| {
        if e.key() == "Enter" {
            e.prevent_default();
            reread();
        }
    };
    let onauto = {
        let onread = p.onread.clone();
        move |_: MouseEvent| onread.emit(ReadOptions::default())
    };
    let sheets = (info.sheets.len() > 1).then(|| {
        let options = info.sheets.iter().map(|s| {
            html! { <option value={s.clone()} selected={info.sheet.as_deref() == Some(s.as_str())}>{ s.clone() }</option> }
        });
        html! {
            <>
                <label for="read-sheet">{ t(lang, "工作表", "Sheet") }</label>
                <select id="read-sheet" disabled={p.busy} onchange={onsheet}>{ for options }</select>
            </>
        }
    });
    let value = info.header_row.map(|h| h.to_string()).unwrap_or_default();
    html! {
        <section id="read-info" class="read-info" aria-labelledby="read-info-title"
            data-sheet={info.sheet.clone()} data-header-row={value.clone()}
            data-header-rows={info.header_rows.to_string()}>
            <h2 id="read-info-title">{ t(lang, "文件的读取方式", "How your file was read") }</h2>
            <ul>{ for items }</ul>
            <div class="read-choose filters">
                { for sheets }
                <label for="read-header-row">{ t(lang, "表头所在行", "Header row") }</label>
                <input id="read-header-row" type="number" min="1" step="1" inputmode="numeric"
                    value={value} ref={header_input} disabled={p.busy} {onkeydown} />
                <button id="read-again" type="button" disabled={p.busy} {onclick}>
                    { t(lang, "按此行重新读取", "Read again with this row") }
                </button>
                if p.options != ReadOptions::default() {
                    <button id="read-auto" type="button" disabled={p.busy} onclick={onauto}>
                        { t(lang, "恢复自动识别", "Find sheet and header again") }
                    </button>
                }
            </div>
        </section>
    }
}
