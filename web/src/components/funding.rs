//! The subsidy estimate (三（四）): an SVG bar chart of years 1–3 with the 30 % amount, each
//! year's cap (the first-year cap, what is left of the total), the amount and the term that
//! bound it; then the same as a table with the core's explanations.

use crate::{i18n, num};
use tic_core::vocab::LimitedBy;
use tic_core::{explain, Assessment, Lang, Wan};
use tic_ui::Shared;
use yew::prelude::*;

/// Properties of [`FundingChart`].
#[derive(Properties, PartialEq)]
pub struct FundingProps {
    /// Interface language.
    pub lang: Lang,
    /// The assessment.
    pub assessment: Shared<Assessment<'static>>,
    /// Compact layout: the total, the chart and the figures per year, without the explanations.
    #[prop_or_default]
    pub compact: bool,
}

const W: f64 = 420.0;
const H: f64 = 250.0;
const LEFT: f64 = 48.0;
const RIGHT: f64 = 8.0;
const TOP: f64 = 22.0;
const BOTTOM: f64 = 200.0;

/// A number of 万元 as data attribute / axis text: `1000`, `1666.67`.
pub fn wan_attr(w: Wan) -> String {
    num::wan_plain(w)
}

/// `#funding`.
#[function_component]
pub fn FundingChart(p: &FundingProps) -> Html {
    let l = p.lang;
    let policy = tic_core::policy::current();
    let f = &p.assessment.funding;
    let m = |w: Wan| explain::money(w, l);
    let cap_max = f.years.iter().map(|y| y.cap.as_wan()).fold(0.0, f64::max);
    let top = f
        .years
        .iter()
        .map(|y| y.by_rate.as_wan().min(cap_max * 1.25))
        .fold(cap_max, f64::max)
        .max(1.0);
    let st = tic_ui::chart::step(top);
    let ymax = (top / st).ceil() * st;
    let y = |v: f64| BOTTOM - (v.min(ymax) / ymax) * (BOTTOM - TOP);
    let n = f.years.len().max(1) as f64;
    let slot = (W - LEFT - RIGHT) / n;
    let grid = (0..=((ymax / st).round() as usize)).map(|i| {
        let v = i as f64 * st;
        let yy = y(v);
        html! {
            <g class="chart__grid">
                <line x1={num::dec(LEFT, 2)} x2={num::dec(W - RIGHT, 2)} y1={num::dec(yy, 2)} y2={num::dec(yy, 2)} />
                <text x={num::dec(LEFT - 6.0, 2)} y={num::dec(yy + 4.0, 2)} text-anchor="end">{num::dec(v, 2)}</text>
            </g>
        }
    });
    let bars = f.years.iter().enumerate().map(|(i, yr)| {
        let x0 = LEFT + slot * i as f64;
        let cx = x0 + slot / 2.0;
        let bw = (slot * 0.42).min(64.0);
        let bx = cx - bw / 2.0;
        let amount = yr.amount.as_wan();
        let rate = yr.by_rate.as_wan();
        let cap = yr.cap.as_wan();
        let clipped = rate > ymax;
        let bound = match yr.limited_by {
            LimitedBy::Rate => "rate",
            LimitedBy::FirstYearCap => "first-year-cap",
            LimitedBy::TotalCap => "total-cap",
        };
        html! {
            <g class={classes!("chart__year", format!("chart__year--{bound}"))}>
                if rate > amount {
                    <rect class="chart__rate" x={num::dec(bx, 2)} y={num::dec(y(rate), 2)} width={num::dec(bw, 2)} height={num::dec(BOTTOM - y(rate), 2)} />
                    if clipped { <text class="chart__clip" x={num::dec(cx, 2)} y={num::dec(TOP - 8.0, 2)} text-anchor="middle">{format!("↑ {}", yr.by_rate)}</text> }
                }
                <rect class="chart__amount" x={num::dec(bx, 2)} y={num::dec(y(amount), 2)} width={num::dec(bw, 2)} height={num::dec((BOTTOM - y(amount)).max(0.0), 2)} />
                <line class="chart__cap" x1={num::dec(x0 + 6.0, 2)} x2={num::dec(x0 + slot - 6.0, 2)} y1={num::dec(y(cap), 2)} y2={num::dec(y(cap), 2)} />
                <text class="chart__value" x={num::dec(cx, 2)} y={num::dec((y(amount) - 6.0).min(BOTTOM - 6.0), 2)} text-anchor="middle">{yr.amount.to_string()}</text>
                <text class="chart__xlabel" x={num::dec(cx, 2)} y={num::dec(BOTTOM + 18.0, 2)} text-anchor="middle">{i18n::year(yr.year, l)}</text>
                <text class="chart__bound" x={num::dec(cx, 2)} y={num::dec(BOTTOM + 36.0, 2)} text-anchor="middle">{i18n::limited_by(yr.limited_by, true, l)}</text>
            </g>
        }
    });
    let summary = f
        .years
        .iter()
        .map(|yr| format!("{} {}", i18n::year(yr.year, l), m(yr.amount)))
        .collect::<Vec<_>>()
        .join(if l == Lang::Zh { "，" } else { ", " });
    let left = f.total_cap.minus(f.total);
    html! {
        <section id="funding" class="result-block" aria-labelledby="funding-h">
            <h3 class="result-block__title" id="funding-h">{i18n::funding_heading(l)}</h3>
            <p class="hint">{i18n::FUNDING_NOTE.get(l)}
                // The caps and the rate are ceilings (「不超过」): the policy data's reading.
                { for p.assessment.policy.readings_for("funding").map(|r| html! { <>{if l == Lang::Zh { "" } else { " " }}{r.text.get(l).to_owned()}</> }) }
            </p>
            <p id="funding-total" class="funding-total" data-wan={wan_attr(f.total)}>
                <span class="funding-total__label">{i18n::TOTAL.get(l)}</span>
                <span class="funding-total__value">{m(f.total)}</span>
                <span class="funding-total__left">{format!("{}{}{}", i18n::LEFT_OF_CAP.get(l), if l == Lang::Zh { "" } else { ": " }, m(left))}</span>
            </p>
            <svg class="chart" viewBox={format!("0 0 {} {}", num::dec(W, 0), num::dec(H, 0))} role="img" aria-label={summary} focusable="false">
                <text class="chart__unit" x="4" y="12">{i18n::WAN_SHORT.get(l)}</text>
                { for grid }
                { for bars }
                <line class="chart__axis" x1={num::dec(LEFT, 2)} x2={num::dec(W - RIGHT, 2)} y1={num::dec(BOTTOM, 2)} y2={num::dec(BOTTOM, 2)} />
            </svg>
            <ul class="chart-legend" aria-hidden="true">
                <li><span class="swatch swatch--amount"></span>{i18n::LEGEND_AMOUNT.get(l)}</li>
                <li><span class="swatch swatch--rate"></span>{i18n::limited_by(LimitedBy::Rate, false, l)}</li>
                <li><span class="swatch swatch--cap"></span>{i18n::LEGEND_CAP.get(l)}</li>
            </ul>
            <table class="table funding-table">
                <caption class="visually-hidden">{i18n::funding_heading(l)}</caption>
                <thead><tr>
                    <th scope="col">{i18n::YEAR.get(l)}</th>
                    <th scope="col" class="num">{i18n::BASE.get(l)}</th>
                    <th scope="col" class="num">{i18n::AMOUNT.get(l)}</th>
                    <th scope="col">{i18n::DECIDED_BY.get(l)}</th>
                </tr></thead>
                <tbody>
                { for f.years.iter().map(|yr| html! {
                    <tr data-funding-year={yr.year.to_string()} data-amount-wan={wan_attr(yr.amount)} data-limited-by={yr.limited_by.id()}>
                        <th scope="row">{i18n::year(yr.year, l)}</th>
                        <td class="num">{if yr.base_given { m(yr.base) } else { i18n::NOT_GIVEN.get(l).to_owned() }}</td>
                        <td class="num"><strong>{m(yr.amount)}</strong></td>
                        <td>{i18n::limited_by(yr.limited_by, false, l)}</td>
                    </tr>
                }) }
                </tbody>
            </table>
            if !p.compact {
                <ul class="explanations">
                    { for f.years.iter().map(|yr| html! {
                        <li>{explain::funding_year(policy, yr, f.base_source).get(l).to_owned()}</li>
                    }) }
                    <li>{explain::funding_total(policy, f.total).get(l).to_owned()}</li>
                </ul>
            }
        </section>
    }
}
