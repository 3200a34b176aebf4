//! The GOV.UK error summary: every field with a problem, each linking to (and focusing) it.

use crate::form::{field_id, FieldError};
use crate::i18n;
use std::rc::Rc;
use tic_core::Lang;
use yew::prelude::*;

/// Properties of [`ErrorSummary`].
#[derive(Properties, PartialEq)]
pub struct ErrorSummaryProps {
    /// Interface language.
    pub lang: Lang,
    /// The problems, in form order.
    pub errors: Rc<Vec<FieldError>>,
    /// Called with the element id of the field to focus.
    pub onfocus: Callback<String>,
}

/// `#error-summary`, present only when there are problems.
#[function_component]
pub fn ErrorSummary(p: &ErrorSummaryProps) -> Html {
    if p.errors.is_empty() {
        return Html::default();
    }
    let l = p.lang;
    html! {
        <div id="error-summary" class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
            <h2 class="error-summary__title" id="error-summary-title">{i18n::ERROR_SUMMARY.get(l)}</h2>
            <p class="body">{i18n::ERROR_SUMMARY_INTRO.get(l)}</p>
            <ul class="error-summary__list">
                { for p.errors.iter().map(|e| {
                    let id = field_id(&e.path);
                    let onclick = {
                        let cb = p.onfocus.clone();
                        let id = id.clone();
                        Callback::from(move |ev: MouseEvent| {
                            ev.prevent_default();
                            cb.emit(id.clone());
                        })
                    };
                    html! { <li><a href={format!("#{id}")} {onclick}>{e.summary(l)}</a></li> }
                }) }
            </ul>
        </div>
    }
}
