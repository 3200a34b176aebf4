//! What it would take: per due point, the change that closes each open requirement (the core's
//! `reach` and its wording), with the readings of the text each rests on.

use super::Shared;
use crate::i18n;
use tic_core::reach::reach;
use tic_core::{explain, Lang};
use yew::prelude::*;

/// Properties of [`Takes`].
#[derive(Properties, PartialEq)]
pub struct TakesProps {
    /// Language.
    pub lang: Lang,
    /// The answers.
    pub applicant: Shared,
}

/// `#apply-takes`.
#[function_component]
pub fn Takes(p: &TakesProps) -> Html {
    let l = p.lang;
    let policy = tic_core::policy::current();
    let a = tic_core::assess(policy, &p.applicant);
    let r = reach(&a);
    // Each reading is said once, under the first step that rests on it.
    let mut said: Vec<&str> = Vec::new();
    let mut readings = |id: &'static str| -> Vec<&'static tic_core::policy::Reading> {
        policy
            .readings_for(id)
            .filter(|rd| {
                let new = !said.contains(&rd.id.as_str());
                if new {
                    said.push(&rd.id);
                }
                new
            })
            .collect()
    };
    let due: Vec<Html> = r
        .due
        .iter()
        .map(|d| {
            html! {
                <div class="apply-due" data-due={d.due.id()}>
                    <h4>{explain::due_name(policy, d.due).get(l).to_owned()}</h4>
                    <ul>
                        { for d.steps.iter().map(|s| html! {
                            <li data-req={s.requirement.id.clone()} data-change={s.change.id()}>
                                <p class="apply-step">{explain::step(policy, &p.applicant, s).get(l).to_owned()}</p>
                                { for readings(&s.requirement.id).into_iter().map(|rd| html! {
                                    <p class="reading"><span>{i18n::READING.get(l)}</span>{rd.text.get(l).to_owned()}{format!("（{}）", rd.clause)}</p>
                                }) }
                            </li>
                        }) }
                    </ul>
                </div>
            }
        })
        .collect();
    html! {
        <section id="apply-takes" class="apply-block" aria-labelledby="apply-takes-h">
            <h3 id="apply-takes-h">{i18n::TAKES.get(l)}</h3>
            if r.due.is_empty() { <p>{i18n::NOTHING_OPEN.get(l)}</p> }
            { for due }
        </section>
    }
}
