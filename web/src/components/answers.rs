//! The answers as text, for the printed report (hidden on screen).

use crate::form::Form;
use crate::i18n;
use std::rc::Rc;
use tic_core::fields::{lookup, words, Choice, Kind, Vocab, FIELDS};
use tic_core::vocab::Rating;
use tic_core::Lang;
use yew::prelude::*;

/// Properties of [`Answers`].
#[derive(Properties, PartialEq)]
pub struct AnswersProps {
    /// Interface language.
    pub lang: Lang,
    /// The raw answers.
    pub form: Rc<Form>,
}

/// A definition list of every answer given.
#[function_component]
pub fn Answers(p: &AnswersProps) -> Html {
    let l = p.lang;
    let policy = tic_core::policy::current();
    let mut rows: Vec<(String, String)> = Vec::new();
    // The page's words for a value of a vocabulary.
    let word = |v: Vocab, id: &str| {
        words(policy, v, id).map_or(id.to_owned(), |(zh, en)| {
            if l == Lang::Zh { zh } else { en }.to_owned()
        })
    };
    for f in FIELDS {
        let path = f.path;
        let raw = p.form.get(path).trim();
        let shown = match f.kind {
            Kind::Money(_) => {
                for i in 0..f.years(policy) {
                    let path = format!("{path}[{i}]");
                    let raw = p.form.get(&path).trim();
                    if !raw.is_empty() {
                        rows.push((i18n::field_label(&path, l), format!("{raw} 万元")));
                    }
                }
                continue;
            }
            Kind::List(v) => match p.form.list(path) {
                None => continue,
                Some(ids) if ids.is_empty() => i18n::NONE_OF_THESE.get(l).to_owned(),
                Some(ids) => ids
                    .iter()
                    .map(|id| word(v, id))
                    .collect::<Vec<_>>()
                    .join(if l == Lang::Zh { "、" } else { ", " }),
            },
            _ if raw.is_empty() => continue,
            Kind::Bool => match raw {
                "true" => i18n::YES.get(l).to_owned(),
                "false" => i18n::NO.get(l).to_owned(),
                other => other.to_owned(),
            },
            Kind::Choice(v) => word(v, raw),
            Kind::Text | Kind::Count { .. } => raw.to_owned(),
        };
        rows.push((i18n::field_label(path, l), shown));
    }
    for i in &policy.indicators {
        let raw = p.form.get(&format!("indicators.{}", i.id));
        if let Some(w) = lookup(Rating::TABLE, raw) {
            rows.push((format!("{} {}", i.id, i.name.get(l)), w.get(l).to_owned()));
        }
    }
    html! {
        <section class="print-only answers">
            <h2>{i18n::PRINT_ANSWERS.get(l)}</h2>
            <dl class="answers__list">
                { for rows.into_iter().map(|(k, v)| html! { <div><dt>{k}</dt><dd>{v}</dd></div> }) }
            </dl>
        </section>
    }
}
