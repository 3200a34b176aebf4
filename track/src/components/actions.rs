//! Save and share: export and import the record (JSON), the share link, print, clear; the
//! message of the last action and the problems of a refused import (`#trk-import-errors`).

use crate::i18n;
use crate::state::{where_, ImportProblem, Notice, Source};
use tic_core::Lang;
use yew::prelude::*;

/// Properties of [`Actions`].
#[derive(Properties, PartialEq)]
pub struct ActionsProps {
    /// Interface language.
    pub lang: Lang,
    /// The record is saved automatically.
    pub storage: bool,
    /// Offer the share link (the view owns the address).
    pub share: bool,
    /// The last refused import.
    pub import_errors: Option<(Source, ImportProblem)>,
    /// The share link last made.
    pub link: Option<String>,
    /// Export pressed.
    pub onexport: Callback<()>,
    /// A file chosen to import.
    pub onimport: Callback<web_sys::File>,
    /// Share link pressed.
    pub onlink: Callback<()>,
    /// Print pressed.
    pub onprint: Callback<()>,
    /// Clear pressed.
    pub onclear: Callback<()>,
}

/// The words of a notice.
pub fn notice_text(n: Notice) -> i18n::Tr {
    match n {
        Notice::Imported => i18n::IMPORTED,
        Notice::FromLink => i18n::FROM_LINK,
        Notice::Restored => i18n::RESTORED,
        Notice::SavedUnreadable => i18n::SAVED_UNREADABLE,
        Notice::Cleared => i18n::CLEARED,
        Notice::FromPlan => i18n::FROM_PLAN,
        Notice::NoPlan => i18n::NO_PLAN,
        Notice::LinkMade => i18n::LINK_MADE,
    }
}

/// The actions block.
#[function_component]
pub fn Actions(p: &ActionsProps) -> Html {
    let l = p.lang;
    let click = tic_ui::on::click;
    let onchange = tic_ui::on::file_picked(p.onimport.clone());
    html! {
        <section class="actions" aria-labelledby="trk-actions-h">
            <h2 class="actions__title" id="trk-actions-h">{i18n::ACTIONS.get(l)}</h2>
            <p class="hint">{if p.storage { i18n::AUTOSAVE_ON.get(l) } else { i18n::AUTOSAVE_OFF.get(l) }}</p>
            if let Some((source, problem)) = &p.import_errors {
                <div id="trk-import-errors" class="error-summary" role="alert">
                    <h3 class="error-summary__title">{match source {
                        Source::Link => i18n::LINK_REFUSED.get(l),
                        Source::File => i18n::IMPORT_REFUSED.get(l),
                        Source::Options => i18n::OPTIONS_REFUSED.get(l),
                    }}</h3>
                    <ul class="error-summary__list error-summary__list--plain">
                        { for problem.lines(l, where_).map(|s| html! { <li>{s}</li> }) }
                    </ul>
                </div>
            }
            <div class="button-group">
                <button type="button" id="trk-export" class="button button--secondary" onclick={click(&p.onexport)}>{i18n::EXPORT.get(l)}</button>
                if p.share {
                    <button type="button" id="trk-make-link" class="button button--secondary" aria-describedby="trk-link-hint" onclick={click(&p.onlink)}>{i18n::MAKE_LINK.get(l)}</button>
                }
                <button type="button" id="trk-print" class="button button--secondary" onclick={click(&p.onprint)}>{i18n::PRINT.get(l)}</button>
            </div>
            if p.share { <p class="hint" id="trk-link-hint">{i18n::LINK_HINT.get(l)}</p> }
            <div class="field">
                <label class="label" for="trk-import">{i18n::IMPORT.get(l)}</label>
                <input type="file" id="trk-import" class="file-upload" accept=".json,application/json" {onchange} />
            </div>
            if let Some(link) = &p.link {
                <div class="field">
                    <label class="label" for="trk-share-link">{i18n::LINK_LABEL.get(l)}</label>
                    <input class="input input--full" id="trk-share-link" type="text" readonly=true value={link.clone()} />
                </div>
            }
            <button type="button" id="trk-clear" class="button button--warning" onclick={click(&p.onclear)}>{i18n::CLEAR.get(l)}</button>
        </section>
    }
}
