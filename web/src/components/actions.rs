//! Save and share: export and import the applicant JSON, the share link, print, clear; the
//! message of the last action and the problems of a refused import (`#import-errors`).

use crate::i18n;
use crate::state::{ImportProblem, Notice, Source};
use tic_core::Lang;
use yew::prelude::*;

/// Properties of [`Actions`].
#[derive(Properties, PartialEq)]
pub struct ActionsProps {
    /// Interface language.
    pub lang: Lang,
    /// Answers are saved automatically.
    pub storage: bool,
    /// Offer the share link (the app owns the address).
    pub share: bool,
    /// The last refused import.
    pub import_errors: Option<(Source, ImportProblem)>,
    /// The share link last made.
    pub link: Option<String>,
    /// The message of the last action.
    pub notice: Option<Notice>,
    /// Compact layout: the block folded.
    #[prop_or_default]
    pub compact: bool,
    /// Export pressed.
    pub onexport: Callback<()>,
    /// A file chosen to import.
    pub onimport: Callback<web_sys::File>,
    /// Copy link pressed.
    pub oncopy: Callback<()>,
    /// Print pressed.
    pub onprint: Callback<()>,
    /// Clear pressed.
    pub onclear: Callback<()>,
}

/// The actions block.
#[function_component]
pub fn Actions(p: &ActionsProps) -> Html {
    let l = p.lang;
    let click = tic_ui::on::click;
    let onchange = tic_ui::on::file_picked(p.onimport.clone());
    let notice = p.notice.map(|n| match n {
        Notice::Imported => i18n::IMPORTED,
        Notice::FromLink => i18n::FROM_LINK,
        Notice::Restored => i18n::RESTORED,
        Notice::SavedUnreadable => i18n::SAVED_UNREADABLE,
        Notice::Cleared => i18n::CLEARED,
        Notice::Copied => i18n::LINK_COPIED,
        Notice::NotCopied => i18n::LINK_NOT_COPIED,
    });
    let title = html! { <h2 class="actions__title" id="actions-h">{i18n::ACTIONS.get(l)}</h2> };
    let hint = html! { <p class="hint">{if p.storage { i18n::AUTOSAVE_ON.get(l) } else { i18n::AUTOSAVE_OFF.get(l) }}</p> };
    let errors = html! {
        if let Some((source, problem)) = &p.import_errors {
            <div id="import-errors" class="error-summary" role="alert">
                <h3 class="error-summary__title">{if *source == Source::Link { i18n::LINK_REFUSED.get(l) } else { i18n::IMPORT_REFUSED.get(l) }}</h3>
                <ul class="error-summary__list error-summary__list--plain">
                    { for problem.lines(l, |path, _| path.to_owned()).map(|s| html! { <li>{s}</li> }) }
                </ul>
            </div>
        }
    };
    let controls = html! {
        <>
            <div class="button-group">
                <button type="button" id="export-json" class="button button--secondary" onclick={click(&p.onexport)}>{i18n::EXPORT.get(l)}</button>
                if p.share {
                    <button type="button" id="copy-link" class="button button--secondary" onclick={click(&p.oncopy)}>{i18n::COPY_LINK.get(l)}</button>
                }
                <button type="button" id="print" class="button button--secondary" onclick={click(&p.onprint)}>{i18n::PRINT.get(l)}</button>
            </div>
            <div class="field">
                <label class="label" for="import-json">{i18n::IMPORT.get(l)}</label>
                <input type="file" id="import-json" class="file-upload" accept=".json,application/json" {onchange} />
            </div>
            if let Some(link) = &p.link {
                <div class="field">
                    <label class="label" for="share-link">{i18n::LINK_LABEL.get(l)}</label>
                    <input class="input input--full" id="share-link" type="text" readonly=true value={link.clone()} />
                </div>
            }
            <button type="button" id="clear-data" class="button button--warning" onclick={click(&p.onclear)}>{i18n::CLEAR.get(l)}</button>
        </>
    };
    let status = html! {
        <div class="status" role="status">
            if let Some(n) = notice { <p class="notice">{n.get(l)}</p> }
        </div>
    };
    // Compact: the buttons folded; a refused import and the last action's message stay in view.
    html! {
        <section class="actions" aria-labelledby="actions-h">
            if p.compact {
                <details class="fold"><summary>{title}</summary>{hint}{controls}</details>
                {errors}{status}
            } else {
                {title}{hint}{errors}{controls}{status}
            }
        </section>
    }
}
