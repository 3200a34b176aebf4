//! Organisation (四, 四（一）, 二（四）).

use super::select_field::SelectField;
use super::text_field::TextField;
use super::{section, yes_no, FormCtx};
use crate::i18n;
use tic_core::fields::Choice;
use tic_core::vocab::LegalStatus;
use yew::prelude::*;
use yew::AttrValue;

/// Properties of [`SectionOrg`].
#[derive(Properties, PartialEq)]
pub struct SectionOrgProps {
    /// Shared form context.
    pub ctx: FormCtx,
}

/// Legal status, bases, board, director, chief scientist, expert committee.
#[function_component]
pub fn SectionOrg(p: &SectionOrgProps) -> Html {
    let c = &p.ctx;
    let l = c.lang;
    let statuses = c.options(LegalStatus::TABLE);
    let (ls_l, ls_h) = c.label("organization.legal_status");
    let (b_l, b_h) = c.label("organization.bases");
    // The minimum comes from the policy data, not from the label's words.
    let b_h = match (
        b_h,
        crate::i18n::threshold_hint("organization.bases", c.lang),
    ) {
        (Some(h), Some(t)) => Some(AttrValue::from(format!("{h} {t}"))),
        (h, t) => h.or(t.map(AttrValue::from)),
    };
    let flag = |path: &'static str| {
        let (label, _) = c.label(path);
        html! {
            <SelectField path={path} label={label} value={c.value(path)}
                placeholder={c.t(i18n::CHOOSE)} options={yes_no(l)} error={c.error(path)}
                onset={c.onset.clone()} />
        }
    };
    let body = html! {
        <>
            <SelectField path="organization.legal_status" label={ls_l} hint={ls_h}
                value={c.value("organization.legal_status")} placeholder={c.t(i18n::CHOOSE)}
                options={statuses} error={c.error("organization.legal_status")} onset={c.onset.clone()} />
            <TextField path="organization.bases" label={b_l} hint={b_h} value={c.value("organization.bases")}
                error={c.error("organization.bases")} numeric=true width="input--w5" onset={c.onset.clone()} />
            <div class="field-grid">
                { flag("organization.board") }
                { flag("organization.director") }
                { flag("organization.chief_scientist") }
                { flag("organization.expert_committee") }
            </div>
        </>
    };
    section(c, "sec-org", c.t(i18n::SEC_ORG), "四", body)
}
