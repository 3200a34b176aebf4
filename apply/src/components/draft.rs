//! The construction-plan draft of 附件2 (the core's `plan::draft`): a preview of every heading
//! with its content, printable alone, and downloads as DOCX, Markdown and HTML (written by
//! `tic-plan`, in the browser).

use super::Shared;
use crate::i18n;
use tic_core::plan::{draft, Block, PlanDraft};
use tic_core::Lang;
use tic_ui::browser;
use yew::prelude::*;

/// Properties of [`Draft`].
#[derive(Properties, PartialEq)]
pub struct DraftProps {
    /// Language.
    pub lang: Lang,
    /// The answers.
    pub applicant: Shared,
}

fn file_name(d: &PlanDraft, l: Lang, ext: &str) -> String {
    // The title without characters file systems refuse.
    let t: String = d
        .title
        .get(l)
        .chars()
        .map(|c| if "\\/:*?\"<>|".contains(c) { '_' } else { c })
        .collect();
    format!("{t}.{ext}")
}

fn block(b: &Block, l: Lang) -> Html {
    match b {
        Block::Para(t) => html! { <p>{t.get(l).to_owned()}</p> },
        Block::Fill(t) => html! {
            <p class="fill"><strong>{tic_plan::fill_mark(l)}</strong>{t.get(l).to_owned()}</p>
        },
        Block::Note(t) => html! { <p class="note">{t.get(l).to_owned()}</p> },
        Block::Table(t) => html! {
            <table class="apply-table">
                <caption>{t.caption.get(l).to_owned()}</caption>
                <thead><tr>{ for t.header.iter().map(|h| html! { <th>{h.get(l).to_owned()}</th> }) }</tr></thead>
                <tbody>
                    { for t.rows.iter().map(|r| html! {
                        <tr>{ for r.iter().map(|c| html! { <td>{c.get(l).to_owned()}</td> }) }</tr>
                    }) }
                </tbody>
            </table>
        },
    }
}

/// `#apply-draft`.
#[function_component]
pub fn Draft(p: &DraftProps) -> Html {
    let l = p.lang;
    let policy = tic_core::policy::current();
    let a = tic_core::assess(policy, &p.applicant);
    let d = std::rc::Rc::new(draft(&a, &p.applicant));
    let failed = use_state(|| None::<String>);
    let on = |format: tic_plan::Format, ext: &'static str, mime: &'static str| {
        let d = d.clone();
        let failed = failed.clone();
        Callback::from(move |_: MouseEvent| match tic_plan::write(&d, format, l) {
            Ok(bytes) => {
                failed.set(None);
                browser::download_bytes(&file_name(&d, l, ext), mime, &bytes);
            }
            Err(e) => failed.set(Some(e)),
        })
    };
    let ondocx = on(
        tic_plan::Format::Docx,
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    let onmd = on(tic_plan::Format::Markdown, "md", "text/markdown");
    let onhtml = on(tic_plan::Format::Html, "html", "text/html");
    let onprint = Callback::from(|_: MouseEvent| browser::print_marked("tic-print-draft"));
    html! {
        <section id="apply-draft" class="apply-block" aria-labelledby="apply-draft-h">
            <h3 id="apply-draft-h">{i18n::DRAFT.get(l)}</h3>
            <div class="button-group">
                <button type="button" class="button" data-action="docx" onclick={ondocx}>{i18n::DOCX.get(l)}</button>
                <button type="button" class="button button--secondary" data-action="md" onclick={onmd}>{i18n::MD.get(l)}</button>
                <button type="button" class="button button--secondary" data-action="html" onclick={onhtml}>{i18n::HTML.get(l)}</button>
                <button type="button" class="button button--secondary" data-action="print" onclick={onprint}>{i18n::PRINT.get(l)}</button>
            </div>
            if let Some(e) = &*failed { <p class="error-message" role="alert">{format!("{}{e}", i18n::DOCX_FAILED.get(l))}</p> }
            <article class="draft" lang={super::code(l)}>
                <h1>{d.title.get(l).to_owned()}</h1>
                { for d.preface.iter().map(|t| html! { <p class="preface">{t.get(l).to_owned()}</p> }) }
                { for d.sections.iter().map(|s| html! {
                    <section class="draft__section" data-outline={s.id.clone()}>
                        if s.level == 1 { <h2>{s.heading.get(l).to_owned()}</h2> } else { <h3>{s.heading.get(l).to_owned()}</h3> }
                        { for s.blocks.iter().map(|b| block(b, l)) }
                    </section>
                }) }
            </article>
        </section>
    }
}
