//! Investment by construction year and the capacity-building base of years 1–3 (二（五）, 三（四））.

use super::text_field::TextField;
use super::{section, FormCtx};
use crate::i18n;
use yew::prelude::*;

/// Properties of [`SectionInvest`].
#[derive(Properties, PartialEq)]
pub struct SectionInvestProps {
    /// Shared form context.
    pub ctx: FormCtx,
}

/// Five years of total investment, three of capacity-building investment.
#[function_component]
pub fn SectionInvest(p: &SectionInvestProps) -> Html {
    let c = &p.ctx;
    let l = c.lang;
    let policy = tic_core::policy::current();
    let years_of = |path: &'static str| {
        (
            path,
            tic_core::fields::field(path).map_or(0, |f| f.years(policy)),
        )
    };
    let (inv, inv_years) = years_of("investment_wan");
    let (cap, cap_years) = years_of("capacity_investment_wan");
    let years = |name: &'static str, n: usize| {
        html! {
            <div class="field-grid field-grid--years">
                { for (0..n).map(|i| {
                    let path = format!("{name}[{i}]");
                    html! {
                        <TextField path={path.clone()} label={i18n::year(i + 1, l)}
                            value={c.value(&path)} error={c.error(&path)} numeric=true
                            suffix={c.t(i18n::WAN_SHORT)} width="input--w8" onset={c.onset.clone()} />
                    }
                }) }
            </div>
        }
    };
    let body = html! {
        <>
            <p class="body">{c.t(i18n::HINT_INVEST)}</p>
            <fieldset class="fieldset">
                <legend class="fieldset__legend">{c.t(i18n::INVEST_TOTAL)}</legend>
                { years(inv, inv_years) }
            </fieldset>
            <fieldset class="fieldset">
                <legend class="fieldset__legend">{c.t(i18n::INVEST_CAPACITY)}</legend>
                <div class="hint">{i18n::hint_capacity(c.lang)}</div>
                { years(cap, cap_years) }
            </fieldset>
        </>
    };
    section(c, "sec-invest", c.t(i18n::SEC_INVEST), "二（五）", body)
}
