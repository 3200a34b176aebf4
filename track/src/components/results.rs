//! The result blocks, all from the core: the standing with its reason, the milestone table,
//! the subsidy year by year with its outlook, the recovery, the readings and the policy
//! notice.

use crate::i18n;
use tic_core::policy::Rule;
use tic_core::track::{
    figure_text, milestone_explanation, milestone_status_name, outlook_name, recovery_explanation,
    standing_name, standing_reason, warnings, Milestone, Tracking,
};
use tic_core::vocab::{MilestoneStatus, Standing, TargetSource, Unit};
use tic_core::{explain, Lang};
use tic_ui::Shared;
use yew::prelude::*;

/// The readings of the policy that apply to `what`, as a note.
pub fn readings(what: &str, l: Lang) -> Html {
    let policy = tic_core::policy::current();
    let rs: Vec<_> = policy.readings_for(what).collect();
    if rs.is_empty() {
        return Html::default();
    }
    html! {
        <div class="reading" data-reading={what.to_owned()}>
            <p class="reading__title">{i18n::READING.get(l)}</p>
            <ul class="reading__list">
                { for rs.iter().map(|r| html! {
                    <li data-reading-id={r.id.clone()}>{r.text.get(l).to_owned()}<span class="clause-tag">{r.clause.clone()}</span></li>
                }) }
            </ul>
        </div>
    }
}

/// Properties of the result blocks.
#[derive(Properties, PartialEq)]
pub struct ResultProps {
    /// Interface language.
    pub lang: Lang,
    /// The tracking.
    pub tracking: Shared<Tracking<'static>>,
}

fn standing_class(s: Standing) -> &'static str {
    match s {
        Standing::OnTrack | Standing::Accepted => "standing--good",
        Standing::Warning | Standing::AcceptanceUnknown => "standing--warn",
        Standing::Delisted | Standing::Revoked => "standing--bad",
    }
}

/// `#trk-standing`.
#[function_component]
pub fn StandingBanner(p: &ResultProps) -> Html {
    let l = p.lang;
    let t = &*p.tracking;
    let policy = t.policy;
    let notes = warnings(t);
    html! {
        <section id="trk-standing" class={classes!("verdict", "standing", standing_class(t.standing))}
            data-standing={t.standing.id()} aria-labelledby="trk-standing-h">
            <p class="verdict__label">{format!("{} · {} {}/{}", i18n::STANDING.get(l), i18n::YEARS_REPORTED.get(l), t.years_reported, policy.construction_years)}</p>
            <h3 class="verdict__title" id="trk-standing-h">{standing_name(t.standing).get(l)}</h3>
            <p class="standing__reason" id="trk-reason">{standing_reason(t).get(l).to_owned()}</p>
            if !notes.is_empty() {
                <ul class="verdict__reasons">
                    { for notes.iter().map(|n| html! { <li>{n.get(l).to_owned()}</li> }) }
                </ul>
            }
        </section>
    }
}

fn unit_of(m: &Milestone<'_>) -> Unit {
    match m.requirement.rule {
        Rule::AtLeast { unit, .. } => unit,
        _ => Unit::Wan,
    }
}

fn status_tag(s: MilestoneStatus) -> &'static str {
    match s {
        MilestoneStatus::Met => "tag--met",
        MilestoneStatus::Missed => "tag--gap",
        MilestoneStatus::Unknown => "tag--unknown",
        MilestoneStatus::Pending => "tag--grey",
    }
}

/// `#trk-milestones`.
#[function_component]
pub fn Milestones(p: &ResultProps) -> Html {
    let l = p.lang;
    let t = &*p.tracking;
    let dash = || "—".to_owned();
    let rows = t.milestones.iter().map(|m| {
        let u = unit_of(m);
        let f = |x| figure_text(x, u, l);
        let source = match m.source {
            TargetSource::Agreement => i18n::SOURCE_AGREEMENT,
            TargetSource::Policy => i18n::SOURCE_POLICY,
        };
        html! {
            <tr data-milestone={m.requirement.id.clone()} data-status={m.status.id()}>
                <th scope="row">
                    {m.requirement.title.get(l).to_owned()}
                    <span class="clause-tag">{m.requirement.clause.clone()}</span>
                    <span class="milestone__why">{milestone_explanation(m).get(l).to_owned()}</span>
                </th>
                <td class="nowrap" data-label={i18n::DUE.get(l)}>{i18n::year(m.due_year, l)}</td>
                <td data-label={i18n::STATUS.get(l)}><strong class={classes!("tag", status_tag(m.status))}>{milestone_status_name(m.status).get(l)}</strong></td>
                <td class="num" data-label={i18n::ACTUAL.get(l)}>{m.actual.map(f).unwrap_or_else(dash)}</td>
                <td class="num" data-label={i18n::REQUIRED.get(l)}>{f(m.required)}<span class="milestone__source">{source.get(l)}</span></td>
                <td class="num" data-label={i18n::REMAINING.get(l)}>{m.remaining.map(f).unwrap_or_else(dash)}</td>
                <td class="num" data-label={i18n::PER_YEAR.get(l)}>{m.per_year_needed.map(f).unwrap_or_else(dash)}</td>
            </tr>
        }
    });
    html! {
        <section id="trk-milestones" class="result-block" aria-labelledby="trk-milestones-h">
            <h3 class="result-block__title" id="trk-milestones-h">{i18n::MILESTONES.get(l)}</h3>
            <div class="table-wrap" role="region" aria-labelledby="trk-milestones-h" tabindex="0">
                <table class="table milestone-table cards">
                    <caption class="visually-hidden">{i18n::MILESTONES.get(l)}</caption>
                    <thead><tr>
                        <th scope="col">{i18n::MILESTONE.get(l)}</th>
                        <th scope="col">{i18n::DUE.get(l)}</th>
                        <th scope="col">{i18n::STATUS.get(l)}</th>
                        <th scope="col" class="num">{i18n::ACTUAL.get(l)}</th>
                        <th scope="col" class="num">{i18n::REQUIRED.get(l)}</th>
                        <th scope="col" class="num">{i18n::REMAINING.get(l)}</th>
                        <th scope="col" class="num">{i18n::PER_YEAR.get(l)}</th>
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            { readings("standing", l) }
        </section>
    }
}

/// `#trk-funding`.
#[function_component]
pub fn Funding(p: &ResultProps) -> Html {
    let l = p.lang;
    let t = &*p.tracking;
    let f = &t.funding;
    let m = |w| explain::money(w, l);
    let priority = if f.major_project_priority_years.is_empty() {
        "—".to_owned()
    } else {
        f.major_project_priority_years
            .iter()
            .map(|y| i18n::year(*y, l))
            .collect::<Vec<_>>()
            .join(if l == Lang::Zh { "、" } else { ", " })
    };
    html! {
        <section id="trk-funding" class="result-block" aria-labelledby="trk-funding-h">
            <h3 class="result-block__title" id="trk-funding-h">{i18n::FUNDING.get(l)}<span class="clause-tag">{t.policy.funding.clause.clone()}</span></h3>
            <div class="table-wrap" role="region" aria-labelledby="trk-funding-h" tabindex="0">
            <table class="table funding-table cards">
                <caption class="visually-hidden">{i18n::FUNDING.get(l)}</caption>
                <thead><tr>
                    <th scope="col">{i18n::YEAR.get(l)}</th>
                    <th scope="col" class="num">{i18n::BASE.get(l)}</th>
                    <th scope="col" class="num">{i18n::ENTITLED.get(l)}</th>
                    <th scope="col">{i18n::DECIDED_BY.get(l)}</th>
                    <th scope="col">{i18n::OUTLOOK.get(l)}</th>
                </tr></thead>
                <tbody>
                { for f.years.iter().map(|y| html! {
                    <tr data-funding-year={y.year.to_string()} data-outlook={y.outlook.id()}>
                        <th scope="row" class="nowrap">{i18n::year(y.year, l)}</th>
                        <td class="num" data-label={i18n::BASE.get(l)}>{y.base.map(m).unwrap_or_else(|| i18n::NOT_GIVEN.get(l).to_owned())}</td>
                        <td class="num" data-label={i18n::ENTITLED.get(l)}><strong>{y.entitled.map(|e| m(e.amount)).unwrap_or_else(|| "—".to_owned())}</strong></td>
                        <td data-label={i18n::DECIDED_BY.get(l)}>{y.entitled.map(|e| i18n::limited_by(e.limited_by, l)).unwrap_or("—")}</td>
                        <td data-label={i18n::OUTLOOK.get(l)}><span class={classes!("tag", format!("outlook--{}", y.outlook.id()))}>{outlook_name(y.outlook).get(l)}</span></td>
                    </tr>
                }) }
                </tbody>
            </table>
            </div>
            <dl class="figures">
                <div><dt>{i18n::ENTITLED_TOTAL.get(l)}</dt><dd id="trk-entitled-total">{m(f.entitled_total)}</dd></div>
                <div><dt>{i18n::RECEIVED_TOTAL.get(l)}</dt><dd>{m(f.received_total)}</dd></div>
                <div><dt>{i18n::PRIORITY.get(l)}</dt><dd>{priority}</dd></div>
            </dl>
        </section>
    }
}

/// `#trk-recovery`.
#[function_component]
pub fn Recovery(p: &ResultProps) -> Html {
    let l = p.lang;
    let t = &*p.tracking;
    let r = &t.recovery;
    let policy = t.policy;
    let m = |w| explain::money(w, l);
    let forbidden = r.forbidden.iter().map(|(id, w)| {
        let u = policy.spending.iter().find(|u| &u.id == id);
        html! {
            <li data-use={id.clone()}>
                {u.map(|u| u.name.get(l).to_owned()).unwrap_or_else(|| id.clone())}
                {format!("{}{}", if l == Lang::Zh { "：" } else { ": " }, m(*w))}
                if let Some(u) = u { <span class="clause-tag">{u.clause.clone()}</span> }
            </li>
        }
    });
    html! {
        <section id="trk-recovery" class={classes!("result-block", r.applies.then_some("recovery--applies"))}
            data-applies={r.applies.to_string()} aria-labelledby="trk-recovery-h">
            <h3 class="result-block__title" id="trk-recovery-h">{i18n::RECOVERY.get(l)}<span class="clause-tag">{"五（四）"}</span></h3>
            <p class="recovery__when"><strong class={classes!("tag", if r.applies { "tag--gap" } else { "tag--grey" })}>
                {if r.applies { i18n::APPLIES.get(l) } else { i18n::WOULD_APPLY.get(l) }}</strong></p>
            <p id="trk-recovery-text">{recovery_explanation(t).get(l).to_owned()}</p>
            if let Some(a) = r.amount() {
                <dl class="figures">
                    <div><dt>{i18n::UNSPENT.get(l)}</dt><dd>{m(r.unspent.unwrap_or_default())}</dd></div>
                    <div><dt>{i18n::NONCOMPLIANT.get(l)}</dt><dd>{m(r.noncompliant.unwrap_or_default())}</dd></div>
                    <div><dt>{i18n::TOTAL.get(l)}</dt><dd id="trk-recovery-amount">{m(a)}</dd></div>
                </dl>
            }
            if !r.forbidden.is_empty() {
                <ul class="recovery__forbidden">{ for forbidden }</ul>
            }
            { readings("recovery", l) }
        </section>
    }
}

/// Properties of [`PolicyNotice`].
#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    /// Interface language.
    pub lang: Lang,
}

/// `#trk-policy-notice`: the guideline is a draft and the result an estimate.
#[function_component]
pub fn PolicyNotice(p: &NoticeProps) -> Html {
    let l = p.lang;
    let policy = tic_core::policy::current();
    let status = match (policy.status.as_str(), l) {
        ("draft", Lang::Zh) => "征求意见稿".to_owned(),
        ("draft", Lang::En) => "draft for comments".to_owned(),
        (s, _) => s.to_owned(),
    };
    html! {
        <section id="trk-policy-notice" class="policy-notice" data-policy={policy.id.clone()} aria-labelledby="trk-policy-notice-h">
            <h3 class="policy-notice__title" id="trk-policy-notice-h">{i18n::NOTICE.get(l)}</h3>
            <p class="policy-notice__text"><strong>{policy.notice.get(l).to_owned()}</strong></p>
            <p>{i18n::ESTIMATE.get(l)}</p>
            <dl class="policy-notice__meta">
                <div><dt>{i18n::POLICY_VERSION.get(l)}</dt><dd><code>{policy.id.clone()}</code>{if l == Lang::Zh { format!("（{status}）") } else { format!(" ({status})") }}</dd></div>
            </dl>
            <p class="policy-notice__title-text">{policy.title.get(l).to_owned()}</p>
        </section>
    }
}
