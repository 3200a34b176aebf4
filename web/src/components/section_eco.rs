//! Ecosystem at the end of construction (二（十）).

use super::section_team::counts;
use super::{section, FormCtx};
use crate::i18n;
use yew::prelude::*;

/// Properties of [`SectionEco`].
#[derive(Properties, PartialEq)]
pub struct SectionEcoProps {
    /// Shared form context.
    pub ctx: FormCtx,
}

/// Transfer bases, partner firms, spin-offs, firms served.
#[function_component]
pub fn SectionEco(p: &SectionEcoProps) -> Html {
    let c = &p.ctx;
    let body = html! {
        <>
            <p class="body">{c.t(i18n::HINT_ECO)}</p>
            { counts(c, &["ecosystem.transfer_bases", "ecosystem.partner_firms", "ecosystem.spinoffs", "ecosystem.firms_served"]) }
        </>
    };
    section(c, "sec-eco", c.t(i18n::SEC_ECO), "二（十）", body)
}
