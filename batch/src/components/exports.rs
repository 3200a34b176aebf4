//! The sample, the templates and the exports (`#load-sample`, `#template-*`, `#export-*`).

use crate::source::Kind;
use crate::state::Save;
use crate::text::t;
use tic_core::Lang;
use yew::prelude::*;

/// Properties of [`Exports`].
#[derive(Properties, PartialEq)]
pub struct ExportsProps {
    /// Interface language.
    pub lang: Lang,
    /// The mode: which sample and templates.
    pub mode: Kind,
    /// A file is being read.
    pub busy: bool,
    /// Results are shown (they can be exported).
    pub ready: bool,
    /// Load the sample file.
    pub onsample: Callback<()>,
    /// Save a file.
    pub onsave: Callback<Save>,
}

/// `div.batch-actions`.
#[function_component]
pub fn Exports(p: &ExportsProps) -> Html {
    let lang = p.lang;
    let save = |what: Save| p.onsave.reform(move |_: MouseEvent| what);
    let portfolio = p.mode == Kind::Portfolio;
    html! {
        <div class="batch-actions">
            <button id="load-sample" type="button" disabled={p.busy}
                onclick={p.onsample.reform(|_: MouseEvent| ())}>{ t(lang, "载入示例文件", "Load the sample file") }</button>
            <button id="template-csv" type="button" onclick={save(Save::TemplateCsv)}>{
                if portfolio { t(lang, "下载跟踪表模板（CSV）", "Tracking template (CSV)") }
                else { t(lang, "下载模板（CSV）", "Template (CSV)") }
            }</button>
            <button id="template-xlsx" type="button" onclick={save(Save::TemplateXlsx)}>{
                if portfolio { t(lang, "下载跟踪表模板（XLSX）", "Tracking template (XLSX)") }
                else { t(lang, "下载模板（XLSX）", "Template (XLSX)") }
            }</button>
            <button id="export-csv" type="button" disabled={!p.ready} onclick={save(Save::ResultsCsv)}>{
                if portfolio { t(lang, "导出跟踪结果（CSV）", "Export tracking (CSV)") }
                else { t(lang, "导出结果（CSV）", "Export results (CSV)") }
            }</button>
            <button id="export-xlsx" type="button" disabled={!p.ready} onclick={save(Save::ResultsXlsx)}>{
                if portfolio { t(lang, "导出跟踪结果（XLSX）", "Export tracking (XLSX)") }
                else { t(lang, "导出结果（XLSX）", "Export results (XLSX)") }
            }</button>
        </div>
    }
}
