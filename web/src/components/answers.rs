//! The answers as text, for the printed report (hidden on screen).

use crate::form::{money_lists, FieldKind, Form, SCALARS};
use crate::i18n;
use std::rc::Rc;
use tic_core::vocab::FieldList;
use tic_core::vocab::{LeadKind, LegalStatus, Platform, Recommender};
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

fn shown(path: &str, raw: &str, kind: FieldKind, l: Lang) -> String {
    let t = |tr: i18n::Tr| tr.get(l).to_owned();
    match (kind, path) {
        (FieldKind::Bool, _) => match raw {
            "true" => t(i18n::YES),
            "false" => t(i18n::NO),
            other => other.to_owned(),
        },
        (FieldKind::Choice, "recommended_by") => {
            Recommender::from_id(raw).map_or(raw.to_owned(), |r| t(i18n::recommender(r)))
        }
        (FieldKind::Choice, "lead_unit.kind") => {
            LeadKind::from_id(raw).map_or(raw.to_owned(), |r| t(i18n::lead_kind(r)))
        }
        (FieldKind::Choice, _) => {
            LegalStatus::from_id(raw).map_or(raw.to_owned(), |r| t(i18n::legal_status(r)))
        }
        _ => raw.to_owned(),
    }
}

/// A definition list of every answer given.
#[function_component]
pub fn Answers(p: &AnswersProps) -> Html {
    let l = p.lang;
    let policy = tic_core::policy::current();
    let mut rows: Vec<(String, String)> = Vec::new();
    for (path, kind) in SCALARS {
        let raw = p.form.get(path).trim();
        if !raw.is_empty() {
            rows.push((i18n::field_label(path, l), shown(path, raw, *kind, l)));
        }
    }
    for (path, list) in [
        ("fields.highlands", Some(FieldList::Highlands)),
        ("fields.chains", Some(FieldList::Chains)),
        ("fields.clusters", Some(FieldList::Clusters)),
        ("lead_unit.platforms", None),
    ] {
        if let Some(ids) = p.form.lists.get(path) {
            let names: Vec<String> = ids
                .iter()
                .map(|id| match list {
                    Some(fl) => policy
                        .list(fl)
                        .iter()
                        .find(|c| &c.id == id)
                        .map_or(id.clone(), |c| c.name.get(l).to_owned()),
                    None => Platform::from_id(id)
                        .map_or(id.clone(), |x| i18n::platform(x).get(l).to_owned()),
                })
                .collect();
            let v = if names.is_empty() {
                i18n::NONE_OF_THESE.get(l).to_owned()
            } else {
                names.join(if l == Lang::Zh { "、" } else { ", " })
            };
            rows.push((i18n::field_label(path, l), v));
        }
    }
    for (name, years) in money_lists() {
        for i in 0..years {
            let path = format!("{name}[{i}]");
            let raw = p.form.get(&path).trim();
            if !raw.is_empty() {
                rows.push((i18n::field_label(&path, l), format!("{raw} 万元")));
            }
        }
    }
    for i in &policy.indicators {
        let raw = p.form.get(&format!("indicators.{}", i.id));
        if let Some(r) = tic_core::vocab::Rating::from_id(raw) {
            rows.push((
                format!("{} {}", i.id, i.name.get(l)),
                i18n::rating(r).get(l).to_owned(),
            ));
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
