//! Coverage of the 10 first-level indicators of 附件1 as a radar chart (SVG): the share of each
//! group's second-level indicators met, and the share answered; then the counts as a table.

use crate::{i18n, num};
use tic_core::indicators::coverage;
use tic_core::{Assessment, Lang};
use tic_ui::Shared;
use yew::prelude::*;

/// Properties of [`Radar`].
#[derive(Properties, PartialEq)]
pub struct RadarProps {
    /// Interface language.
    pub lang: Lang,
    /// The assessment.
    pub assessment: Shared<Assessment<'static>>,
}

const C: f64 = 160.0;
const R: f64 = 118.0;

fn point(i: usize, n: usize, share: f64) -> (f64, f64) {
    let a = std::f64::consts::TAU * i as f64 / n as f64 - std::f64::consts::FRAC_PI_2;
    let (sin, cos) = num::sin_cos(a);
    (C + R * share * cos, C + R * share * sin)
}

fn polygon(shares: &[f64]) -> String {
    let n = shares.len();
    shares
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let (x, y) = point(i, n, *s);
            format!("{},{}", num::dec(x, 1), num::dec(y, 1))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `#radar`.
#[function_component]
pub fn Radar(p: &RadarProps) -> Html {
    let l = p.lang;
    let policy = tic_core::policy::current();
    let cov = coverage(policy, &p.assessment.indicators);
    let n = cov.len().max(3);
    let share = |x: usize, t: usize| if t == 0 { 0.0 } else { x as f64 / t as f64 };
    let met: Vec<f64> = cov.iter().map(|c| share(c.met, c.total)).collect();
    let answered: Vec<f64> = cov
        .iter()
        .map(|c| share(c.total - c.unknown, c.total))
        .collect();
    let rings = [0.25, 0.5, 0.75, 1.0].map(|s| polygon(&vec![s; n]));
    let label = cov
        .iter()
        .zip(&policy.indicator_groups)
        .map(|(c, g)| format!("{} {} {}/{}", g.id, g.name.get(l), c.met, c.total))
        .collect::<Vec<_>>()
        .join("; ");
    html! {
        <section class="result-block" aria-labelledby="radar-h">
            <h3 class="result-block__title" id="radar-h">{i18n::RADAR.get(l)}</h3>
            <p class="hint">{i18n::RADAR_NOTE.get(l)}</p>
            <svg id="radar" class="radar" viewBox="0 0 320 320" role="img" aria-label={label} focusable="false">
                { for rings.iter().map(|r| html! { <polygon class="radar__ring" points={r.clone()} /> }) }
                { for (0..n).map(|i| {
                    let (x, y) = point(i, n, 1.0);
                    let (lx, ly) = point(i, n, 1.17);
                    let id = policy.indicator_groups.get(i).map(|g| g.id.clone()).unwrap_or_default();
                    html! {
                        <>
                            <line class="radar__axis" x1={num::dec(C, 1)} y1={num::dec(C, 1)} x2={num::dec(x, 1)} y2={num::dec(y, 1)} />
                            <text class="radar__label" x={num::dec(lx, 1)} y={num::dec(ly + 5.0, 1)} text-anchor="middle">{id}</text>
                        </>
                    }
                }) }
                <polygon class="radar__answered" points={polygon(&answered)} />
                <polygon class="radar__met" points={polygon(&met)} />
            </svg>
            <ul class="chart-legend" aria-hidden="true">
                <li><span class="swatch swatch--met"></span>{i18n::RADAR_MET.get(l)}</li>
                <li><span class="swatch swatch--answered"></span>{i18n::RADAR_ANSWERED.get(l)}</li>
            </ul>
            <table class="table radar-table">
                <thead><tr>
                    <th scope="col">{i18n::RADAR_GROUP.get(l)}</th>
                    <th scope="col" class="num">{i18n::RADAR_MET.get(l)}</th>
                    <th scope="col" class="num">{i18n::RADAR_ANSWERED.get(l)}</th>
                </tr></thead>
                <tbody>
                { for cov.iter().zip(&policy.indicator_groups).map(|(c, g)| html! {
                    <tr data-group={g.id.clone()}>
                        <th scope="row">{format!("{} {}", g.id, g.name.get(l))}</th>
                        <td class="num">{format!("{}/{}", c.met, c.total)}</td>
                        <td class="num">{format!("{}/{}", c.total - c.unknown, c.total)}</td>
                    </tr>
                }) }
                </tbody>
            </table>
        </section>
    }
}
