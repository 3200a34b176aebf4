//! The lead unit and its platforms (二（三）).

use super::check_list::{CheckItem, CheckList};
use super::select_field::SelectField;
use super::{section, yes_no, FormCtx};
use crate::i18n;
use tic_core::fields::Choice;
use tic_core::vocab::{LeadKind, Platform};
use yew::prelude::*;

/// Properties of [`SectionLead`].
#[derive(Properties, PartialEq)]
pub struct SectionLeadProps {
    /// Shared form context.
    pub ctx: FormCtx,
    /// Called with (list, choice, checked).
    pub ontoggle: Callback<(String, String, bool)>,
    /// Called with (list, checked) for "none of these".
    pub onnone: Callback<(String, bool)>,
}

/// Kind, leading enterprise, platforms.
#[function_component]
pub fn SectionLead(p: &SectionLeadProps) -> Html {
    let c = &p.ctx;
    let l = c.lang;
    let kinds = c.options(LeadKind::TABLE);
    let platforms: Vec<CheckItem> = Platform::TABLE
        .iter()
        .map(|(id, w)| CheckItem {
            id: AttrValue::Static(id),
            label: AttrValue::Static(w.get(l)),
            note: None,
            group: None,
        })
        .collect();
    let (kind_l, _) = c.label("lead_unit.kind");
    let (lead_l, _) = c.label("lead_unit.leading_enterprise");
    let (plat_l, _) = c.label("lead_unit.platforms");
    let body = html! {
        <>
            <SelectField path="lead_unit.kind" label={kind_l} value={c.value("lead_unit.kind")}
                placeholder={c.t(i18n::CHOOSE)} options={kinds} error={c.error("lead_unit.kind")}
                onset={c.onset.clone()} />
            <SelectField path="lead_unit.leading_enterprise" label={lead_l} value={c.value("lead_unit.leading_enterprise")}
                placeholder={c.t(i18n::CHOOSE)} options={yes_no(l)} error={c.error("lead_unit.leading_enterprise")}
                onset={c.onset.clone()} />
            <CheckList path="lead_unit.platforms" legend={plat_l} hint={c.t(i18n::HINT_PLATFORMS)}
                items={platforms} selected={c.form.list("lead_unit.platforms")}
                none_label={c.t(i18n::NONE_OF_THESE)} or_label={c.t(i18n::OR)}
                ontoggle={p.ontoggle.clone()} onnone={p.onnone.clone()} />
        </>
    };
    section(c, "sec-lead", c.t(i18n::SEC_LEAD), "二（三）", body)
}
