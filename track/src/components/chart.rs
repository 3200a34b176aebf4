//! The timeline: cumulative investment against the investment milestones (their required sums
//! at their due years), staff against the staff milestones, each year's evaluation marked (a
//! failed one in red with the failures left before delisting), and the plan as a dashed line.
//! SVG drawn from the core's figures; coordinates formatted from integers (`num::dec`).

use crate::i18n;
use crate::num::dec;
use crate::state::Plan;
use std::rc::Rc;
use tic_core::policy::Rule;
use tic_core::track::{evaluation_name, metric_field, Figure, Progress, Tracking};
use tic_core::vocab::{Evaluation, YearField};
use tic_core::{explain, Lang};
use tic_ui::Shared;
use yew::prelude::*;

/// Properties of [`Timeline`].
#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    /// Interface language.
    pub lang: Lang,
    /// The tracking.
    pub tracking: Shared<Tracking<'static>>,
    /// The record tracked.
    pub progress: Shared<Progress>,
    /// The plan, if the record was started from it.
    pub plan: Option<Rc<Plan>>,
}

const W: f64 = 420.0;
const LEFT: f64 = 58.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 18.0;
const BOTTOM: f64 = 160.0;

/// A line of the chart: points (year, value); `None` breaks the line.
type Series = Vec<(usize, Option<f64>)>;

/// A target: (due year, value, label).
type Mark = (usize, f64, String);

struct Panel<'a> {
    id: &'a str,
    title: &'a str,
    actual: Series,
    plan: Series,
    targets: Vec<Mark>,
    evaluations: Option<Vec<(Option<Evaluation>, usize)>>,
    summary: String,
}

fn path(points: &Series, x: &dyn Fn(usize) -> f64, y: &dyn Fn(f64) -> f64) -> String {
    let mut d = String::new();
    let mut pen = false;
    for (yr, v) in points {
        match v {
            Some(v) => {
                d.push_str(&format!(
                    "{}{} {} ",
                    if pen { "L" } else { "M" },
                    dec(x(*yr), 2),
                    dec(y(*v), 2)
                ));
                pen = true;
            }
            None => pen = false,
        }
    }
    d.trim_end().to_owned()
}

fn panel(p: &Panel<'_>, years: usize, l: Lang) -> Html {
    let h = if p.evaluations.is_some() {
        222.0
    } else {
        190.0
    };
    let top = p
        .actual
        .iter()
        .chain(p.plan.iter())
        .filter_map(|(_, v)| *v)
        .chain(p.targets.iter().map(|t| t.1))
        .fold(0.0, f64::max)
        .max(1.0);
    let st = tic_ui::chart::step(top);
    let ymax = (top / st).ceil() * st;
    let slot = (W - LEFT - RIGHT) / years.max(1) as f64;
    let x = move |yr: usize| LEFT + slot * (yr as f64 - 0.5);
    let y = move |v: f64| BOTTOM - (v.min(ymax) / ymax) * (BOTTOM - TOP);
    let grid = (0..=((ymax / st).round() as usize)).map(|i| {
        let v = i as f64 * st;
        html! {
            <g class="chart__grid">
                <line x1={dec(LEFT, 2)} x2={dec(W - RIGHT, 2)} y1={dec(y(v), 2)} y2={dec(y(v), 2)} />
                <text x={dec(LEFT - 6.0, 2)} y={dec(y(v) + 4.0, 2)} text-anchor="end">{dec(v, 2)}</text>
            </g>
        }
    });
    let targets = p.targets.iter().map(|(due, v, label)| {
        html! {
            <g class="chart__target">
                <line x1={dec(LEFT, 2)} x2={dec(x(*due), 2)} y1={dec(y(*v), 2)} y2={dec(y(*v), 2)} />
                <circle cx={dec(x(*due), 2)} cy={dec(y(*v), 2)} r="4" />
                <text x={dec(x(*due) - 6.0, 2)} y={dec(y(*v) - 6.0, 2)} text-anchor="end">{label.clone()}</text>
            </g>
        }
    });
    let dots = p
        .actual
        .iter()
        .filter_map(|(yr, v)| v.map(|v| (*yr, v)))
        .map(|(yr, v)| {
            html! { <circle class="chart__dot" cx={dec(x(yr), 2)} cy={dec(y(v), 2)} r="4" /> }
        });
    let labels = (1..=years).map(|yr| {
        html! { <text class="chart__xlabel" x={dec(x(yr), 2)} y={dec(BOTTOM + 18.0, 2)} text-anchor="middle">{i18n::year(yr, l)}</text> }
    });
    let evals = p.evaluations.iter().flatten().enumerate().map(|(i, (e, left))| {
        let yr = i + 1;
        let Some(e) = e else { return Html::default() };
        let fail = *e == Evaluation::Fail;
        html! {
            <g class={classes!("chart__eval", format!("chart__eval--{}", e.id()))} data-year={yr.to_string()}>
                <text x={dec(x(yr), 2)} y={dec(BOTTOM + 38.0, 2)} text-anchor="middle">{evaluation_name(*e).get(l)}</text>
                if fail {
                    <text class="chart__eval-left" x={dec(x(yr), 2)} y={dec(BOTTOM + 54.0, 2)} text-anchor="middle">{i18n::fails_left(*left, l)}</text>
                }
            </g>
        }
    });
    html! {
        <figure class="timeline__panel" id={p.id.to_owned()}>
            <figcaption class="timeline__title">{p.title.to_owned()}</figcaption>
            <svg class="chart timeline" viewBox={format!("0 0 {} {}", dec(W, 0), dec(h, 0))} role="img" aria-label={p.summary.clone()} focusable="false">
                { for grid }
                { for targets }
                if p.plan.iter().any(|(_, v)| v.is_some()) {
                    <path class="chart__plan" d={path(&p.plan, &x, &y)} />
                }
                <path class="chart__actual" d={path(&p.actual, &x, &y)} />
                { for dots }
                <line class="chart__axis" x1={dec(LEFT, 2)} x2={dec(W - RIGHT, 2)} y1={dec(BOTTOM, 2)} y2={dec(BOTTOM, 2)} />
                { for labels }
                { for evals }
            </svg>
        </figure>
    }
}

/// `#trk-timeline`.
#[function_component]
pub fn Timeline(p: &TimelineProps) -> Html {
    let l = p.lang;
    let t = &*p.tracking;
    let policy = t.policy;
    let years = policy.construction_years;
    let rec = &*p.progress;

    // Cumulative investment of the years reported; an unknown year breaks the line.
    let mut cum = 0.0;
    let mut broken = false;
    let actual: Series = rec
        .years
        .iter()
        .enumerate()
        .map(|(i, yr)| match yr.money(YearField::InvestmentWan) {
            Some(w) if !broken => {
                cum += w.as_wan();
                (i + 1, Some(cum))
            }
            _ => {
                broken = true;
                (i + 1, None)
            }
        })
        .collect();
    let mut pcum = 0.0;
    let plan_invest: Series = p
        .plan
        .iter()
        .flat_map(|pl| pl.investment.iter().take(years).enumerate())
        .map(|(i, w)| {
            pcum += w.as_wan();
            (i + 1, Some(pcum))
        })
        .collect();
    let mut invest_targets = Vec::new();
    let mut staff_targets = Vec::new();
    for m in &t.milestones {
        match (&m.requirement.rule, m.required) {
            (Rule::InvestmentSum { .. }, Figure::Money(w)) => {
                invest_targets.push((m.due_year, w.as_wan(), explain::money(w, l)))
            }
            (Rule::AtLeast { metric, .. }, Figure::Count(n))
                if metric_field(*metric) == YearField::Staff =>
            {
                staff_targets.push((m.due_year, n as f64, n.to_string()))
            }
            _ => {}
        }
    }
    // Each evaluation with the failures still allowed before delisting after it.
    let mut run = 0;
    let evaluations: Vec<(Option<Evaluation>, usize)> = t
        .evaluations
        .iter()
        .map(|e| {
            if *e == Some(Evaluation::Fail) {
                run += 1;
            } else {
                run = 0;
            }
            (*e, policy.delist_fails.saturating_sub(run))
        })
        .collect();
    let staff: Series = rec
        .years
        .iter()
        .enumerate()
        .map(|(i, yr)| (i + 1, yr.count(YearField::Staff).map(f64::from)))
        .collect();
    let plan_staff: Series = p
        .plan
        .iter()
        .flat_map(|pl| pl.staff.iter())
        .map(|(y, n)| (*y, Some(f64::from(*n))))
        .collect();
    let sep = if l == Lang::Zh { "，" } else { ", " };
    let invest_summary =
        {
            let mut parts: Vec<String> = actual
                .iter()
                .map(|(y, v)| {
                    format!(
                        "{} {}",
                        i18n::year(*y, l),
                        v.map(|v| dec(v, 2))
                            .unwrap_or_else(|| i18n::NOT_GIVEN.get(l).into())
                    )
                })
                .collect();
            parts.extend(invest_targets.iter().map(|(d, _, s)| {
                format!("{} {} {s}", i18n::LEGEND_TARGET.get(l), i18n::year(*d, l))
            }));
            parts.extend(t.evaluations.iter().enumerate().filter_map(|(i, e)| {
                e.map(|e| format!("{} {}", i18n::year(i + 1, l), evaluation_name(e).get(l)))
            }));
            format!("{}: {}", i18n::CUM_INVEST.get(l), parts.join(sep))
        };
    let staff_summary = format!(
        "{}: {}",
        i18n::STAFF.get(l),
        staff
            .iter()
            .map(|(y, v)| format!(
                "{} {}",
                i18n::year(*y, l),
                v.map(|v| dec(v, 0))
                    .unwrap_or_else(|| i18n::NOT_GIVEN.get(l).into())
            ))
            .chain(staff_targets.iter().map(|(d, _, s)| format!(
                "{} {} {s}",
                i18n::LEGEND_TARGET.get(l),
                i18n::year(*d, l)
            )))
            .collect::<Vec<_>>()
            .join(sep)
    );
    let invest = Panel {
        id: "trk-chart-invest",
        title: i18n::CUM_INVEST.get(l),
        actual,
        plan: plan_invest,
        targets: invest_targets,
        evaluations: Some(evaluations),
        summary: invest_summary,
    };
    let staff = Panel {
        id: "trk-chart-staff",
        title: i18n::STAFF.get(l),
        actual: staff,
        plan: plan_staff,
        targets: staff_targets,
        evaluations: None,
        summary: staff_summary,
    };
    html! {
        <section id="trk-timeline" class="result-block" aria-labelledby="trk-timeline-h">
            <h3 class="result-block__title" id="trk-timeline-h">{i18n::TIMELINE.get(l)}</h3>
            <div class="timeline__panels">
                { panel(&invest, years, l) }
                { panel(&staff, years, l) }
            </div>
            <ul class="chart-legend" aria-hidden="true">
                <li><span class="swatch swatch--actual"></span>{i18n::LEGEND_ACTUAL.get(l)}</li>
                if p.plan.is_some() { <li><span class="swatch swatch--plan"></span>{i18n::LEGEND_PLAN.get(l)}</li> }
                <li><span class="swatch swatch--target"></span>{i18n::LEGEND_TARGET.get(l)}</li>
                <li><span class="swatch swatch--fail"></span>{format!("{} {}", i18n::EVALUATION.get(l), evaluation_name(Evaluation::Fail).get(l))}</li>
            </ul>
        </section>
    }
}
