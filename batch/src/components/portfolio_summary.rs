//! A portfolio at a glance: centres per standing (`#portfolio-counts`), per district
//! (`#portfolio-districts`), and the totals of entitlement and recovery (`#portfolio-totals`).

use super::Shared;
use crate::portfolio::{Portfolio, RISK};
use crate::text::{self, t};
use tic_core::explain::money;
use tic_core::Lang;
use yew::prelude::*;

/// Properties of [`PortfolioSummary`].
#[derive(Properties, PartialEq)]
pub struct PortfolioSummaryProps {
    /// Interface language.
    pub lang: Lang,
    /// The tracked portfolio.
    pub data: Shared<Portfolio>,
}

/// Counts and totals.
#[function_component]
pub fn PortfolioSummary(p: &PortfolioSummaryProps) -> Html {
    let lang = p.lang;
    let d = &p.data;
    let standings = RISK.iter().zip(d.by_standing).map(|(s, n)| {
        html! {
            <li data-standing={s.id()} data-count={n.to_string()}>
                <span class={classes!("count", format!("standing-{}", s.id()))}>
                    <span class="count-n">{ text::count(n) }</span>
                    <span class="count-label">{ text::standing(lang, *s) }</span>
                </span>
            </li>
        }
    });
    let districts = d.by_district.iter().map(|(name, n, risk)| {
        html! {
            <tr data-district={name.clone()} data-count={n.to_string()} data-at-risk={risk.to_string()}>
                <th scope="row">{ if name.is_empty() { t(lang, "（未填区县）", "(no district)").to_owned() } else { name.clone() } }</th>
                <td class="num">{ text::count(*n) }</td>
                <td class={classes!("num", (*risk > 0).then_some("has-gaps"))}>{ text::count(*risk) }</td>
            </tr>
        }
    });
    let figure = |id: &'static str, label: &'static str, w: tic_core::Wan| {
        html! {
            <div class="total" id={id} data-wan={w.as_wan().to_string()}>
                <dt>{ label }</dt>
                <dd>{ money(w, lang) }</dd>
            </div>
        }
    };
    html! {
        <section class="portfolio-summary" aria-label={ t(lang, "跟踪概况", "Portfolio at a glance") }>
            <ul id="portfolio-counts" class="counts">
                { for standings }
                <li data-standing="invalid" data-count={d.invalid.to_string()}>
                    <a class="count verdict-invalid" href="#row-errors">
                        <span class="count-n">{ text::count(d.invalid) }</span>
                        <span class="count-label">{ t(lang, "无法读取", "Could not be read") }</span>
                    </a>
                </li>
            </ul>
            <div class="portfolio-facts">
                <dl id="portfolio-totals" class="totals">
                    { figure("total-entitled", t(lang, "应得补助合计", "Entitled subsidy, all centres"), d.entitled_total) }
                    { figure("total-received", t(lang, "已收到补助合计", "Subsidy received, all centres"), d.received_total) }
                    { figure("total-exposure", t(lang, "可能收回金额合计（如摘牌或取消资格）", "Recovery exposure (if delisted or revoked)"), d.exposure) }
                    { figure("total-recovery-due", t(lang, "其中应收回（已摘牌或取消资格）", "Of which due now (delisted or revoked)"), d.recovery_due) }
                </dl>
                <div class="table-wrap districts-wrap">
                    <table id="portfolio-districts">
                        <caption>{ t(lang, "各区县", "By district") }</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ t(lang, "区县", "District") }</th>
                                <th scope="col" class="num">{ t(lang, "中心数", "Centres") }</th>
                                <th scope="col" class="num">{ t(lang, "摘牌、取消资格或预警", "Delisted, revoked or warned") }</th>
                            </tr>
                        </thead>
                        <tbody>{ for districts }</tbody>
                    </table>
                </div>
            </div>
        </section>
    }
}
