//! Priority fields (二（二）): highlands, chains (unconfirmed in the data, and said so),
//! clusters, carbon-neutral technology, and a field outside the lists in the applicant's words.

use super::check_list::{CheckItem, CheckList};
use super::select_field::SelectField;
use super::text_field::TextField;
use super::{section, yes_no, FormCtx};
use crate::i18n;
use tic_core::vocab::FieldList;
use yew::prelude::*;

/// Properties of [`SectionFields`].
#[derive(Properties, PartialEq)]
pub struct SectionFieldsProps {
    /// Shared form context.
    pub ctx: FormCtx,
    /// Called with (list, choice, checked).
    pub ontoggle: Callback<(String, String, bool)>,
    /// Called with (list, checked) for "none of these".
    pub onnone: Callback<(String, bool)>,
}

/// The checkbox items of a policy list, with group headings and unconfirmed markers.
pub fn items(list: FieldList, lang: tic_core::Lang) -> Vec<CheckItem> {
    let policy = tic_core::policy::current();
    let mut last_group: Option<&str> = None;
    policy
        .list(list)
        .iter()
        .map(|c| {
            let group = match c.group.as_deref() {
                Some(g) if last_group != Some(g) => {
                    last_group = Some(g);
                    let t = match g {
                        "ningbo" => i18n::CHAINS_NINGBO.get(lang),
                        "zhejiang" => i18n::CHAINS_ZHEJIANG.get(lang),
                        other => other,
                    };
                    Some(AttrValue::from(t.to_owned()))
                }
                _ => None,
            };
            CheckItem {
                id: c.id.clone().into(),
                label: c.name.get(lang).to_owned().into(),
                note: (!c.confirmed).then(|| AttrValue::Static(i18n::UNCONFIRMED.get(lang))),
                group,
            }
        })
        .collect()
}

/// The fields section.
#[function_component]
pub fn SectionFields(p: &SectionFieldsProps) -> Html {
    let c = &p.ctx;
    let l = c.lang;
    let list = |path: &'static str,
                kind: FieldList,
                hint: Option<AttrValue>,
                warning: Option<AttrValue>| {
        let (legend, _) = c.label(path);
        html! {
            <CheckList path={path} legend={legend} hint={hint} warning={warning}
                items={items(kind, l)} selected={c.form.list(path)}
                none_label={c.t(i18n::NONE_OF_THESE)} or_label={c.t(i18n::OR)}
                ontoggle={p.ontoggle.clone()} onnone={p.onnone.clone()} />
        }
    };
    let any_unconfirmed = tic_core::policy::current()
        .chains
        .iter()
        .any(|c| !c.confirmed);
    let (carbon_l, _) = c.label("fields.carbon_neutral");
    let (other_l, other_h) = c.label("fields.other");
    let body = html! {
        <>
            <p class="body">{c.t(i18n::HINT_FIELDS)}</p>
            { list("fields.highlands", FieldList::Highlands, Some(c.t(i18n::CHECK_ALL)), None) }
            { list("fields.chains", FieldList::Chains, Some(c.t(i18n::CHECK_ALL)),
                any_unconfirmed.then(|| c.t(i18n::CHAINS_UNCONFIRMED))) }
            { list("fields.clusters", FieldList::Clusters, Some(c.t(i18n::CHECK_ALL)), None) }
            <SelectField path="fields.carbon_neutral" label={carbon_l} value={c.value("fields.carbon_neutral")}
                placeholder={c.t(i18n::CHOOSE)} options={yes_no(l)} error={c.error("fields.carbon_neutral")}
                onset={c.onset.clone()} />
            <TextField path="fields.other" label={other_l} hint={other_h} value={c.value("fields.other")}
                error={c.error("fields.other")} width="input--full" onset={c.onset.clone()} />
        </>
    };
    section(c, "sec-fields", c.t(i18n::SEC_FIELDS), "二（二）", body)
}
