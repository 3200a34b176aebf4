//! One component per file. Components render the [`crate::state::State`] they are given and
//! report what the user did through `on…` callbacks; they decide nothing.

pub mod actions;
pub mod answers;
pub mod app;
pub mod check_list;
pub mod error_summary;
pub mod funding;
pub mod gaps;
pub mod masthead;
pub mod policy_notice;
pub mod progress;
pub mod radar;
pub mod section_basic;
pub mod section_eco;
pub mod section_fields;
pub mod section_indicators;
pub mod section_invest;
pub mod section_lead;
pub mod section_org;
pub mod section_team;
pub mod select_field;
pub mod text_field;
pub mod verdict;

use crate::form::FieldError;
use crate::form::Form;
use crate::i18n::{self, Tr};
use std::rc::Rc;
use tic_core::{Lang, Words};
use yew::prelude::*;

/// What every form section needs: the language, the raw answers, the problems and the
/// callback that sets a field (contract path, raw text).
#[derive(Clone, PartialEq)]
pub struct FormCtx {
    /// Interface language.
    pub lang: Lang,
    /// The raw answers.
    pub form: Rc<Form>,
    /// Problems of fields.
    pub errors: Rc<Vec<FieldError>>,
    /// Sets a field: (contract path, raw text).
    pub onset: Callback<(String, String)>,
    /// Compact layout: every section but the first folded.
    pub compact: bool,
}

impl FormCtx {
    /// The message of a field's problem, in the current language.
    pub fn error(&self, path: &str) -> Option<AttrValue> {
        self.errors
            .iter()
            .find(|e| e.path == path)
            .map(|e| AttrValue::from(e.message(self.lang)))
    }

    /// The raw text of a field.
    pub fn value(&self, path: &str) -> AttrValue {
        AttrValue::from(self.form.get(path).to_owned())
    }

    /// A translated string.
    pub fn t(&self, tr: Tr) -> AttrValue {
        AttrValue::Static(tr.get(self.lang))
    }

    /// The options of a select: a vocabulary's identifiers with the page's words for them
    /// ([`tic_core::fields::Choice::TABLE`]).
    pub fn options(&self, table: &'static [(&'static str, Words)]) -> Vec<(AttrValue, AttrValue)> {
        table
            .iter()
            .map(|(id, w)| (AttrValue::Static(id), AttrValue::Static(w.get(self.lang))))
            .collect()
    }

    /// Label and hint of a scalar field.
    pub fn label(&self, path: &str) -> (AttrValue, Option<AttrValue>) {
        let help = tic_core::fields::field(path)
            .and_then(|f| f.help())
            .map(|h| AttrValue::Static(h.get(self.lang)));
        (AttrValue::from(i18n::field_label(path, self.lang)), help)
    }
}

/// Options of a yes/no select.
pub fn yes_no(lang: Lang) -> Vec<(AttrValue, AttrValue)> {
    vec![
        ("true".into(), i18n::YES.get(lang).into()),
        ("false".into(), i18n::NO.get(lang).into()),
    ]
}

/// A section of the form: a fieldset-like block with a heading and its clause. In the compact
/// layout every section but the first (`sec-basic`) is folded into a `<details>`.
pub fn section(c: &FormCtx, id: &str, title: AttrValue, clause: &str, body: Html) -> Html {
    let heading = html! {
        <h3 class="form-section__title" id={format!("{id}-h")}>
            {title}
            if !clause.is_empty() { <span class="clause-tag">{clause.to_owned()}</span> }
        </h3>
    };
    html! {
        <section class="form-section" id={id.to_owned()} aria-labelledby={format!("{id}-h")}>
            if c.compact && id != "sec-basic" {
                <details class="fold"><summary>{heading}</summary>{body}</details>
            } else {
                {heading}{body}
            }
        </section>
    }
}
