//! The record's inputs: the centre, "start from the plan", the year-by-year grid (one column
//! per construction year, one row per yearly figure), the agreement's targets and the
//! subsidy's spending by use.

use crate::i18n;
use crate::state::{input_id, Action, FieldError, Form, Plan};
use std::rc::Rc;
use tic_core::policy::Rule;
use tic_core::track::{evaluation_name, numeric_milestones, year_field, YearKind};
use tic_core::vocab::{Evaluation, LegalStatus, YearField};
use tic_core::Lang;
use yew::prelude::*;

/// Properties of [`Record`].
#[derive(Properties, PartialEq)]
pub struct RecordProps {
    /// Interface language.
    pub lang: Lang,
    /// The raw inputs.
    pub form: Rc<Form>,
    /// Problems of inputs.
    pub errors: Rc<Vec<FieldError>>,
    /// The plan shown as placeholders.
    pub plan: Option<Rc<Plan>>,
    /// Sends a change.
    pub ondispatch: Callback<Action>,
}

fn err(errors: &[FieldError], path: &str, l: Lang) -> Option<String> {
    errors
        .iter()
        .find(|e| e.path == path)
        .map(|e| e.error.message(l))
}

/// A labelled text input of the record.
fn text_input(
    id: String,
    label: Html,
    value: &str,
    placeholder: Option<String>,
    error: Option<String>,
    numeric: bool,
    on: Callback<String>,
) -> Html {
    let oninput = Callback::from(move |e: InputEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        on.emit(input.value());
    });
    let error_id = format!("{id}-error");
    html! {
        <div class={classes!("field", error.is_some().then_some("field--error"))}>
            <label class="label" for={id.clone()}>{label}</label>
            if let Some(e) = &error { <p class="error-message" id={error_id.clone()}>{e.clone()}</p> }
            <input class={classes!("input", numeric.then_some("input--w8"), (!numeric).then_some("input--full"), error.is_some().then_some("input--error"))}
                id={id.clone()} name={id} type="text"
                inputmode={numeric.then_some("decimal")} autocomplete="off" spellcheck="false"
                value={value.to_owned()} placeholder={placeholder}
                aria-describedby={error.is_some().then_some(error_id)}
                aria-invalid={error.is_some().then_some("true")}
                {oninput} />
        </div>
    }
}

/// The inputs of the record.
#[function_component]
pub fn Record(p: &RecordProps) -> Html {
    let l = p.lang;
    let policy = tic_core::policy::current();
    let d = p.ondispatch.clone();
    let years = policy.construction_years;

    let centre = html! {
        <section class="form-section" id="trk-sec-centre" aria-labelledby="trk-sec-centre-h">
            <h3 class="form-section__title" id="trk-sec-centre-h">{i18n::CENTRE.get(l)}</h3>
            <div class="field-grid">
                { text_input("trk-name".into(), html!{ i18n::NAME.get(l) }, &p.form.name, None, None, false, {
                    let d = d.clone(); Callback::from(move |v| d.emit(Action::Name(v))) }) }
                { text_input("trk-district".into(), html!{ i18n::DISTRICT.get(l) }, &p.form.district, None, None, false, {
                    let d = d.clone(); Callback::from(move |v| d.emit(Action::District(v))) }) }
            </div>
            <div class="plan-start">
                <button type="button" id="trk-from-plan" class="button button--secondary"
                    aria-describedby="trk-plan-hint"
                    onclick={ let d = d.clone(); Callback::from(move |_: MouseEvent| d.emit(Action::StartFromPlan)) }>
                    {i18n::PLAN_BUTTON.get(l)}
                </button>
                <p class="hint" id="trk-plan-hint">{i18n::PLAN_HINT.get(l)}</p>
            </div>
        </section>
    };

    let head = html! {
        <tr>
            <th scope="col" class="grid__corner">{i18n::FIGURE.get(l)}</th>
            { for (1..=years).map(|y| html! { <th scope="col" id={format!("trk-col-{y}")} class="grid__year">{i18n::year(y, l)}</th> }) }
        </tr>
    };
    let rows = YearField::ALL.iter().map(|f| {
        let def = year_field(*f);
        let row_id = format!("trk-row-{}", f.id().replace('_', "-"));
        let cells = (0..years).map(|i| {
            let path = format!("years[{i}].{}", f.id());
            let id = input_id(&path);
            let value = p.form.cell(i, *f).to_owned();
            let error = err(&p.errors, &path, l);
            let labelled = format!("trk-col-{} {row_id}", i + 1);
            let error_id = format!("{id}-error");
            let described = error.is_some().then(|| error_id.clone());
            let field = *f;
            let d = d.clone();
            let control = match def.kind {
                YearKind::Money | YearKind::Count => {
                    let placeholder = p.plan.as_ref().and_then(|pl| pl.placeholder(i, field));
                    let oninput = Callback::from(move |e: InputEvent| {
                        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                        d.emit(Action::Cell(i, field, input.value()));
                    });
                    html! {
                        <input class={classes!("input", "grid__input", error.is_some().then_some("input--error"))}
                            id={id.clone()} name={id.clone()} type="text"
                            inputmode={if def.kind == YearKind::Money { "decimal" } else { "numeric" }}
                            autocomplete="off" spellcheck="false" value={value.clone()} placeholder={placeholder}
                            aria-labelledby={labelled} aria-describedby={described}
                            aria-invalid={error.is_some().then_some("true")} {oninput} />
                    }
                }
                YearKind::LegalStatus | YearKind::Evaluation => {
                    let options: Vec<(&'static str, &'static str)> = if def.kind == YearKind::LegalStatus {
                        LegalStatus::ALL.iter().map(|s| (s.id(), tic_core::fields::Choice::words(*s).get(l))).collect()
                    } else {
                        Evaluation::ALL.iter().map(|e| (e.id(), evaluation_name(*e).get(l))).collect()
                    };
                    let onchange = Callback::from(move |e: Event| {
                        let s: web_sys::HtmlSelectElement = e.target_unchecked_into();
                        d.emit(Action::Cell(i, field, s.value()));
                    });
                    let fail = def.kind == YearKind::Evaluation && value == Evaluation::Fail.id();
                    html! {
                        <select class={classes!("select", "grid__select", fail.then_some("grid__select--fail"), error.is_some().then_some("input--error"))}
                            id={id.clone()} name={id.clone()} aria-labelledby={labelled} aria-describedby={described}
                            aria-invalid={error.is_some().then_some("true")} {onchange}>
                            <option value="" selected={value.is_empty()}>{i18n::CHOOSE.get(l)}</option>
                            { for options.into_iter().map(|(v, n)| html! { <option value={v} selected={value == v}>{n}</option> }) }
                        </select>
                    }
                }
            };
            html! {
                <td class={classes!("grid__cell", error.is_some().then_some("grid__cell--error"))} data-year={(i + 1).to_string()}>
                    {control}
                    if let Some(e) = &error { <p class="error-message grid__error" id={error_id}>{e.clone()}</p> }
                </td>
            }
        });
        html! {
            <tr data-field={f.id()}>
                <th scope="row" id={row_id.clone()} class="grid__label">{def.label.get(l)}</th>
                { for cells }
            </tr>
        }
    });
    let grid = html! {
        <section class="form-section" id="trk-sec-grid" aria-labelledby="trk-sec-grid-h">
            <h3 class="form-section__title" id="trk-sec-grid-h">{i18n::GRID.get(l)}</h3>
            <p class="hint" id="trk-grid-hint">{i18n::GRID_HINT.get(l)}</p>
            <div class="grid-wrap" role="region" aria-labelledby="trk-sec-grid-h" tabindex="0">
                <table class="grid" aria-describedby="trk-grid-hint">
                    <thead>{head}</thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </section>
    };

    let targets = numeric_milestones(policy).map(|r| {
        let path = format!("targets.{}", r.id);
        let id = input_id(&path);
        let default = match &r.rule {
            Rule::InvestmentSum { min, .. } => crate::num::wan_plain(*min),
            Rule::AtLeast { min, .. } => min.to_string(),
            _ => String::new(),
        };
        let due = policy.due_year(r.due).unwrap_or(0);
        let label = html! {
            <>
                {r.title.get(l).to_owned()}
                <span class="clause-tag">{r.clause.clone()}</span>
                <span class="grid__due">{format!(" · {}", i18n::year(due, l))}</span>
            </>
        };
        let k = r.id.clone();
        let d = d.clone();
        text_input(
            id,
            label,
            p.form.targets.get(&r.id).map(String::as_str).unwrap_or(""),
            Some(default),
            err(&p.errors, &path, l),
            true,
            Callback::from(move |v| d.emit(Action::Target(k.clone(), v))),
        )
    });
    let targets = html! {
        <section class="form-section" id="trk-sec-targets" aria-labelledby="trk-sec-targets-h">
            <h3 class="form-section__title" id="trk-sec-targets-h">{i18n::TARGETS.get(l)}</h3>
            <p class="hint">{i18n::TARGETS_HINT.get(l)}</p>
            { super::results::readings("targets", l) }
            <div class="field-grid">{ for targets }</div>
        </section>
    };

    let spending = policy.spending.iter().map(|u| {
        let path = format!("subsidy_spending_wan.{}", u.id);
        let id = input_id(&path);
        let label = html! {
            <>
                {u.name.get(l).to_owned()}
                if u.forbidden {
                    <span class="tag tag--gap">{i18n::FORBIDDEN.get(l)}</span>
                }
                <span class="clause-tag">{u.clause.clone()}</span>
            </>
        };
        let k = u.id.clone();
        let d = d.clone();
        html! {
            <div class={classes!("spend", u.forbidden.then_some("spend--forbidden"))} data-use={u.id.clone()}>
                { text_input(id, label, p.form.spending.get(&u.id).map(String::as_str).unwrap_or(""), None,
                    err(&p.errors, &path, l), true, Callback::from(move |v| d.emit(Action::Spending(k.clone(), v)))) }
            </div>
        }
    });
    let spending = html! {
        <section class="form-section" id="trk-sec-spending" aria-labelledby="trk-sec-spending-h">
            <h3 class="form-section__title" id="trk-sec-spending-h">{i18n::SPENDING.get(l)}<span class="clause-tag">{policy.funding.clause.clone()}</span></h3>
            <p class="hint">{i18n::SPENDING_HINT.get(l)}</p>
            <div class="field-grid">{ for spending }</div>
        </section>
    };
    html! { <>{centre}{grid}{targets}{spending}</> }
}
