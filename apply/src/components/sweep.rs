//! The subsidy against capacity-building investment: the same investment every subsidised year
//! on the x axis, the estimate in all and of year 1 on the y axis (the core's `reach::sweep`,
//! sampled and exact at its kinks), the kinks marked where 30 % meets the first-year cap and
//! the total cap, the applicant's own point, and a typed or dragged value computed live.

use super::Shared;
use crate::i18n;
use tic_core::number::{dec, read_number, wan_plain};
use tic_core::reach::{kinks, max_subsidy, sweep};
use tic_core::{explain, Lang, Wan};
use yew::prelude::*;

/// Properties of [`Sweep`].
#[derive(Properties, PartialEq)]
pub struct SweepProps {
    /// Language.
    pub lang: Lang,
    /// The answers.
    pub applicant: Shared,
    /// The investment per year as typed (empty: the applicant's own average).
    pub base: String,
    /// Called with the text typed or the value dragged.
    pub onbase: Callback<String>,
}

const W: f64 = 640.0;
const H: f64 = 260.0;
const PAD_L: f64 = 56.0;
const PAD_R: f64 = 12.0;
const PAD_T: f64 = 16.0;
const PAD_B: f64 = 40.0;

fn money(w: Wan, l: Lang) -> String {
    explain::money(w, l)
}

/// `#apply-sweep`.
#[function_component]
pub fn Sweep(p: &SweepProps) -> Html {
    let l = p.lang;
    let policy = tic_core::policy::current();
    let terms = &policy.funding;
    let a = tic_core::assess(policy, &p.applicant);
    let max = max_subsidy(terms);
    let k = kinks(terms);
    // The applicant's own point: the average of its subsidy bases, its estimate.
    let n = terms.years.max(1) as i64;
    let own_base = Wan::from_yuan(a.funding.years.iter().map(|y| y.base.yuan()).sum::<i64>() / n);
    let own = a.funding.total;
    // The value shown: typed, else the applicant's own.
    let typed = p.base.trim();
    let chosen: Result<Wan, ()> = if typed.is_empty() {
        Ok(own_base)
    } else {
        read_number(typed)
            .ok()
            .filter(|x| *x >= 0.0)
            .and_then(|x| Wan::from_wan(x).ok())
            .ok_or(())
    };
    // The axis does not follow the typed value (the slider's range would run away with it); a
    // value beyond it is drawn at the edge.
    let far = [k.first_year, k.total, Some(own_base)]
        .into_iter()
        .flatten()
        .map(|w| w.as_wan())
        .fold(0.0_f64, f64::max);
    let x_max = (far * 1.4).max(100.0);
    let y_max = max.as_wan().max(own.as_wan()).max(1.0) * 1.15;
    let sx = |x: f64| PAD_L + x / x_max * (W - PAD_L - PAD_R);
    let sy = |y: f64| H - PAD_B - y / y_max * (H - PAD_T - PAD_B);
    // Sample points, plus the kinks exactly, so the bends are where the core puts them.
    let mut xs: Vec<f64> = (0..=48).map(|i| x_max * i as f64 / 48.0).collect();
    for kink in [k.first_year, k.total]
        .into_iter()
        .flatten()
        .map(|w| w.as_wan())
    {
        // In order, without a sort (a sort of floats is code the bundle need not carry).
        let at = xs.iter().position(|x| *x > kink).unwrap_or(xs.len());
        xs.insert(at, kink);
    }
    let path = |f: &dyn Fn(&tic_core::funding::Funding) -> Wan| {
        let mut d = String::new();
        for (i, x) in xs.iter().enumerate() {
            let base = Wan::from_wan(*x).unwrap_or(Wan::ZERO);
            let y = f(&sweep(terms, base)).as_wan();
            d.push_str(&format!(
                "{}{},{} ",
                if i == 0 { "M" } else { "L" },
                dec(sx(*x), 1),
                dec(sy(y), 1)
            ));
        }
        d
    };
    let total_path = path(&|f| f.total);
    let first_path = path(&|f| f.years.first().map_or(Wan::ZERO, |y| y.amount));
    let kink = |at: Option<Wan>, label: &str, cls: &str| match at {
        Some(b) => {
            let x = dec(sx(b.as_wan()), 1);
            html! {
                <g class={classes!("kink", cls.to_owned())}>
                    <line x1={x.clone()} x2={x.clone()} y1={dec(PAD_T, 1)} y2={dec(H - PAD_B, 1)} />
                    <text x={x} y={dec(H - PAD_B + 28.0, 1)} text-anchor="middle">{format!("{label} {}", wan_plain(b))}</text>
                    <title>{label.to_owned()}</title>
                </g>
            }
        }
        None => html! {},
    };
    let onchange = {
        let cb = p.onbase.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            cb.emit(input.value());
        })
    };
    let value_text = if typed.is_empty() {
        wan_plain(own_base)
    } else {
        p.base.clone()
    };
    let result = match chosen {
        Ok(b) => {
            let f = sweep(terms, b);
            html! {
                <table class="apply-table" data-base={wan_plain(b)}>
                    <thead><tr><th>{i18n::YEAR.get(l)}</th><th>{i18n::SUBSIDY.get(l)}</th></tr></thead>
                    <tbody>
                        { for f.years.iter().map(|y| html! {
                            <tr><td>{explain::years_span(y.year, y.year, l)}</td><td class="num">{money(y.amount, l)}</td></tr>
                        }) }
                        <tr class="total"><td>{i18n::TOTAL.get(l)}</td><td class="num" data-total={wan_plain(f.total)}>{money(f.total, l)}</td></tr>
                    </tbody>
                </table>
            }
        }
        Err(()) => html! { <p class="error-message" role="alert">{i18n::SWEEP_BAD.get(l)}</p> },
    };
    let ticks = (0..=4).map(|i| {
        let v = y_max / 1.15 * i as f64 / 4.0;
        html! {
            <g class="tick">
                <line x1={dec(PAD_L, 1)} x2={dec(W - PAD_R, 1)} y1={dec(sy(v), 1)} y2={dec(sy(v), 1)} />
                <text x={dec(PAD_L - 6.0, 1)} y={dec(sy(v) + 4.0, 1)} text-anchor="end">{dec(v, 0)}</text>
            </g>
        }
    });
    html! {
        <section id="apply-sweep" class="apply-block" aria-labelledby="apply-sweep-h">
            <h3 id="apply-sweep-h">{i18n::SWEEP.get(l)}</h3>
            <p class="apply-muted">{i18n::SWEEP_LEAD.get(l)}</p>
            <svg class="sweep" viewBox={format!("0 0 {} {}", W, H)} role="img" aria-label={i18n::SWEEP.get(l)}>
                { for ticks }
                <path class="curve curve--total" d={total_path} />
                <path class="curve curve--first" d={first_path} />
                { kink(k.first_year, "①", "kink--first") }
                { kink(k.total, "②", "kink--total") }
                <circle class="own" cx={dec(sx(own_base.as_wan()), 1)} cy={dec(sy(own.as_wan()), 1)} r="5">
                    <title>{format!("{} {} → {}", i18n::YOUR_POINT.get(l), money(own_base, l), money(own, l))}</title>
                </circle>
                if let Ok(b) = chosen {
                    <circle class="chosen" cx={dec(sx(b.as_wan().min(x_max)), 1)} cy={dec(sy(sweep(terms, b).total.as_wan()), 1)} r="4" />
                }
            </svg>
            <p class="legend">
                <span class="legend__total">{i18n::CURVE_TOTAL.get(l)}</span>
                <span class="legend__first">{i18n::CURVE_FIRST.get(l)}</span>
                <span class="legend__own">{i18n::YOUR_POINT.get(l)}</span>
            </p>
            <ul class="kinks">
                if let Some(b) = k.first_year {
                    <li data-kink="first_year">{format!("① {}：{}", i18n::KINK_FIRST.get(l), money(b, l))}</li>
                }
                if let Some(b) = k.total {
                    <li data-kink="total">{format!("② {}：{}", i18n::KINK_TOTAL.get(l), money(b, l))}</li>
                }
            </ul>
            <label class="sweep__input">
                <span>{i18n::SWEEP_INPUT.get(l)}</span>
                <input type="text" inputmode="decimal" value={value_text.clone()} oninput={onchange.clone()} aria-describedby="apply-sweep-h" />
                <input type="range" min="0" max={dec(x_max, 0)} step="1" value={chosen.map(|b| dec(b.as_wan(), 0)).unwrap_or_default()} oninput={onchange} aria-label={i18n::SWEEP_INPUT.get(l)} />
            </label>
            {result}
            // The same answers under another policy version: the sandbox page, with the
            // applicant in the link's fragment (never sent to a server).
            <p class="apply-muted" id="apply-sandbox">{i18n::SANDBOX.get(l)}
                <a href={format!("www/sandbox.html{}#applicant={}", if l == Lang::En { "?lang=en" } else { "" }, tic_core::link::encode(&p.applicant.to_json()))}
                    target="_blank" rel="noopener">{i18n::SANDBOX_LINK.get(l)}</a></p>
        </section>
    }
}
