//! The requirements that are open, grouped by due point, each with actual vs required, the
//! shortfall, the core's explanation, the clause and the clause's original text on demand, and
//! under each group how the tool reads the words of the text those requirements rest on.

use crate::i18n;
use tic_core::assess::{Measure, Outcome, Shortfall};
use tic_core::policy::Reading;
use tic_core::vocab::{Due, Kind, Status};
use tic_core::{explain, Applicant, Assessment, Lang};
use tic_ui::Shared;
use yew::prelude::*;

/// Properties of [`Gaps`].
#[derive(Properties, PartialEq)]
pub struct GapsProps {
    /// Interface language.
    pub lang: Lang,
    /// The assessment.
    pub assessment: Shared<Assessment<'static>>,
    /// The applicant assessed (for the explanations).
    pub applicant: Shared<Applicant>,
    /// Compact layout: a count per due point, its list folded.
    #[prop_or_default]
    pub compact: bool,
}

fn numbers(m: &Measure, l: Lang) -> (String, String, Option<String>) {
    match *m {
        Measure::Count {
            actual,
            required,
            unit,
        } => (
            actual.map_or_else(
                || i18n::NOT_GIVEN.get(l).to_owned(),
                |v| explain::count(v, unit, l),
            ),
            explain::count(required, unit, l),
            match m.shortfall() {
                Some(Shortfall::Count(n)) => Some(explain::count(n, unit, l)),
                _ => None,
            },
        ),
        Measure::Money {
            actual,
            required,
            years_known,
            ..
        } => (
            if years_known == 0 {
                i18n::NOT_GIVEN.get(l).to_owned()
            } else {
                explain::money(actual, l)
            },
            explain::money(required, l),
            match m.shortfall() {
                Some(Shortfall::Money(w)) => Some(explain::money(w, l)),
                _ => None,
            },
        ),
    }
}

fn item(o: &Outcome<'_>, a: &Applicant, l: Lang) -> Html {
    let policy = tic_core::policy::current();
    let r = o.requirement;
    let status = o.status;
    let clause_text = policy.clause(&r.clause).map(|c| c.text.clone());
    let nums = o.measure.as_ref().map(|m| numbers(m, l));
    html! {
        <li class={classes!("req", format!("req--{}", status.id()))} data-req={r.id.clone()} data-status={status.id()}>
            <div class="req__head">
                <h5 class="req__title">{r.title.get(l).to_owned()}</h5>
                <span class={classes!("tag", format!("tag--{}", status.id()))}>{explain::outcome_name(o, a).get(l)}</span>
                if r.kind == Kind::Gate { <span class="tag tag--gate">{i18n::GATE.get(l)}</span> }
            </div>
            if status != Status::Met {
                if let Some((actual, required, short)) = nums {
                    <dl class="req__numbers">
                        <div><dt>{i18n::ACTUAL.get(l)}</dt><dd>{actual}</dd></div>
                        <div><dt>{i18n::REQUIRED.get(l)}</dt><dd>{required}</dd></div>
                        if let Some(s) = short { <div class="req__short"><dt>{i18n::SHORTFALL.get(l)}</dt><dd>{s}</dd></div> }
                    </dl>
                }
                <p class="req__why">{explain::requirement(policy, a, o).get(l).to_owned()}</p>
            }
            <details class="req__clause">
                <summary>{format!("{} {} · {}", i18n::CLAUSE.get(l), r.clause, i18n::ORIGINAL.get(l))}</summary>
                if let Some(t) = &clause_text { <blockquote lang="zh-CN">{t.clone()}</blockquote> }
            </details>
            if status != Status::Met {
                if let Some(t) = clause_text { <blockquote class="print-only req__print-clause" lang="zh-CN">{format!("{} {}", r.clause, t)}</blockquote> }
            }
        </li>
    }
}

/// `#gaps`.
#[function_component]
pub fn Gaps(p: &GapsProps) -> Html {
    let l = p.lang;
    let a = &p.assessment;
    let policy = a.policy;
    let open: Vec<&Outcome<'_>> = a
        .requirements
        .iter()
        .filter(|o| o.status != Status::Met)
        .collect();
    let met: Vec<&Outcome<'_>> = a
        .requirements
        .iter()
        .filter(|o| o.status == Status::Met)
        .collect();
    let groups = Due::ALL.iter().filter_map(|d| {
        let items: Vec<&&Outcome<'_>> = open.iter().filter(|o| o.requirement.due == *d).collect();
        if items.is_empty() {
            return None;
        }
        let title = html! { <h4 class="due-group__title">{i18n::due(*d, l)}<span class="count">{items.len()}</span></h4> };
        // How the tool reads the words these requirements rest on (「原则上」, 附件1注, …): each
        // reading once per group, beside the gaps that depend on it.
        let mut readings: Vec<&Reading> = Vec::new();
        for o in &items {
            for r in policy.readings_for(&o.requirement.id) {
                if !readings.iter().any(|x| x.id == r.id) {
                    readings.push(r);
                }
            }
        }
        let list = html! {
            <>
                <ul class="req-list">{ for items.iter().map(|o| item(o, &p.applicant, l)) }</ul>
                if !readings.is_empty() {
                    <div class="readings">
                        <p class="readings__title">{i18n::READINGS.get(l)}</p>
                        <ul>{ for readings.iter().map(|r| html! { <li data-reading={r.id.clone()}><b>{r.clause.clone()}</b>{" "}{r.text.get(l).to_owned()}</li> }) }</ul>
                    </div>
                }
            </>
        };
        Some(if p.compact {
            html! { <details class="due-group fold" data-due={d.id()}><summary>{title}</summary>{list}</details> }
        } else {
            html! { <div class="due-group" data-due={d.id()}>{title}{list}</div> }
        })
    });
    html! {
        <section id="gaps" class="result-block" aria-labelledby="gaps-h">
            <h3 class="result-block__title" id="gaps-h">{i18n::GAPS.get(l)}</h3>
            if open.is_empty() { <p class="body">{i18n::NO_GAPS.get(l)}</p> }
            { for groups }
            if !met.is_empty() {
                <details class="met-group">
                    <summary>{if l == Lang::Zh { format!("{}（{}）", i18n::MET_GROUP.get(l), met.len()) } else { format!("{} ({})", i18n::MET_GROUP.get(l), met.len()) }}</summary>
                    <ul class="req-list req-list--met">{ for met.iter().map(|o| item(o, &p.applicant, l)) }</ul>
                </details>
            }
        </section>
    }
}
