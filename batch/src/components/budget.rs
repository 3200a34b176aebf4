//! The budget view of an applicants file (`#batch-budget`): the estimated subsidy of the
//! applicants past every gate, by subsidised year and by district, each with a bar, and the total.
//! The numbers are `tic_tabular::compare::Totals` (what `tic screen --compare` totals); every
//! amount is a ceiling (the rate and caps are 「不超过」).

use super::Shared;
use crate::text::{self, t};
use tic_core::explain;
use tic_core::{Lang, Wan};
use tic_tabular::compare::Totals;
use yew::prelude::*;

/// Properties of [`Budget`].
#[derive(Properties, PartialEq)]
pub struct BudgetProps {
    /// Interface language.
    pub lang: Lang,
    /// The totals of the whole file.
    pub totals: Shared<Totals>,
}

/// A bar as wide as `part` of `whole`: an SVG rectangle (an inline `style` would break the
/// page's CSP), its width in tenths of a percent, from integers.
fn bar(part: Wan, whole: Wan) -> Html {
    let permille = if whole.yuan() > 0 {
        (part.yuan().max(0) as i128 * 1000 / whole.yuan() as i128) as i64
    } else {
        0
    };
    html! {
        <svg class="bar" viewBox="0 0 1000 10" preserveAspectRatio="none" aria-hidden="true">
            <rect class="bar__fill" width={permille.to_string()} height="10" />
        </svg>
    }
}

/// The section.
#[function_component]
pub fn Budget(p: &BudgetProps) -> Html {
    let lang = p.lang;
    let tot = &p.totals;
    let money = |w: Wan| explain::money(w, lang);
    let year_max = tot.funding_years.iter().copied().max().unwrap_or(Wan::ZERO);
    let district_max = tot
        .by_district
        .iter()
        .map(|d| d.funding_total)
        .max()
        .unwrap_or(Wan::ZERO);
    html! {
        <section id="batch-budget" class="batch-budget" aria-labelledby="batch-budget-h">
            <h2 id="batch-budget-h">{ t(lang, "市级补助预算估算", "Municipal subsidy: the budget estimate") }</h2>
            <p class="batch-note">{ match lang {
                Lang::Zh => format!(
                    "只计通过全部门槛的申报（{}家，共{}行）；金额均为上限（最高额），是依据征求意见稿的估算。",
                    text::count(tot.in_budget), text::count(tot.rows)),
                Lang::En => format!(
                    "Only the applicants past every gate ({} of {} rows); every amount is a ceiling (up to), an estimate under the draft guideline.",
                    text::count(tot.in_budget), text::count(tot.rows)),
            } }</p>
            <table class="budget-table" id="budget-years">
                <caption>{ t(lang, "按年度", "By year") }</caption>
                <thead><tr>
                    <th scope="col">{ t(lang, "年度", "Year") }</th>
                    <th scope="col">{ t(lang, "补助（最高）", "Subsidy (up to)") }</th>
                    <th scope="col" class="bar-col"><span class="visually-hidden">{ t(lang, "比较", "Comparison") }</span></th>
                </tr></thead>
                <tbody>
                    { for tot.funding_years.iter().enumerate().map(|(i, w)| html! {
                        <tr data-year={(i + 1).to_string()} data-wan={tic_core::number::wan_plain(*w)}>
                            <th scope="row">{ explain::years_span(i + 1, i + 1, lang) }</th>
                            <td class="num">{ money(*w) }</td>
                            <td>{ bar(*w, year_max) }</td>
                        </tr>
                    }) }
                    <tr class="total" data-wan={tic_core::number::wan_plain(tot.funding_total)}>
                        <th scope="row">{ t(lang, "合计", "Total") }</th>
                        <td class="num">{ money(tot.funding_total) }</td>
                        <td></td>
                    </tr>
                </tbody>
            </table>
            <table class="budget-table" id="budget-districts">
                <caption>{ t(lang, "按区（县、市）", "By district") }</caption>
                <thead><tr>
                    <th scope="col">{ t(lang, "区（县、市）", "District") }</th>
                    <th scope="col">{ t(lang, "行数", "Rows") }</th>
                    <th scope="col">{ t(lang, "通过门槛", "Past the gates") }</th>
                    <th scope="col">{ t(lang, "补助（最高）", "Subsidy (up to)") }</th>
                    <th scope="col" class="bar-col"><span class="visually-hidden">{ t(lang, "比较", "Comparison") }</span></th>
                </tr></thead>
                <tbody>
                    { for tot.by_district.iter().map(|d| html! {
                        <tr data-district={d.district.clone().unwrap_or_default()} data-wan={tic_core::number::wan_plain(d.funding_total)}>
                            <th scope="row">{ d.district.clone().unwrap_or_else(|| t(lang, "（未填）", "(none given)").to_owned()) }</th>
                            <td class="num">{ text::count(d.rows) }</td>
                            <td class="num">{ text::count(d.in_budget) }</td>
                            <td class="num">{ money(d.funding_total) }</td>
                            <td>{ bar(d.funding_total, district_max) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            // The district list is the tool's (public sources), not the guideline's: said here,
            // where the figures are grouped by it.
            { for tic_core::policy::current().readings_for("districts").map(|r| html! {
                <p class="batch-note reading">{ match lang {
                    Lang::Zh => format!("{}（{}）", r.text.zh, r.clause),
                    Lang::En => format!("{} ({})", r.text.en, r.clause),
                } }</p>
            }) }
        </section>
    }
}
