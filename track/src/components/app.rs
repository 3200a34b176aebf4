//! The whole tracking view: one reducer, the record's inputs beside the results, the
//! save/share actions, and the side effects (result event, autosave, the `#progress=` link).

use super::actions::{notice_text, Actions};
use super::chart::Timeline;
use super::grid::Record;
use super::results::{Funding, Milestones, PolicyNotice, Recovery, StandingBanner};
use crate::browser::{self, Saved};
use crate::i18n;
use crate::state::{Action, ImportProblem, Source, State};
use std::rc::Rc;
use tic_core::track::{standing_name, Progress};
use tic_core::vocab::MilestoneStatus;
use tic_core::Lang;
use tic_ui::{link, on, Shared};
use yew::prelude::*;

/// Properties of [`App`] (what `mount_track` reads from its options).
#[derive(Properties, PartialEq, Clone, Default)]
pub struct AppProps {
    /// Interface language to start with.
    #[prop_or_default]
    pub lang: Lang,
    /// Save the record in localStorage and restore it.
    #[prop_or_default]
    pub storage: bool,
    /// The address is the view's own: read a `#progress=` link from it and offer a share link.
    #[prop_or_default]
    pub link: bool,
    /// The self-assessment's answers (contract JSON), for "start from the plan".
    #[prop_or_default]
    pub plan: Option<AttrValue>,
    /// A record to start with (contract JSON; takes precedence over a link and the saved one).
    #[prop_or_default]
    pub record: Option<AttrValue>,
    /// Where the view leaves the record it shows (for the mount handle).
    #[prop_or_default]
    pub current: Current,
}

/// The way in from outside the component tree (the mount handle): the record shown and the
/// dispatcher.
pub type Current = tic_ui::Current<State, Progress>;

fn initial(p: &AppProps) -> State {
    let mut s = Rc::new(State::new(Default::default(), p.lang, p.storage));
    if p.storage {
        s = match browser::restore() {
            Saved::Nothing => s,
            Saved::Record(form) => s.reduce(Action::Restore(form)),
            Saved::Unreadable => s.reduce(Action::SavedUnreadable),
        };
    }
    if let Some(plan) = &p.plan {
        s = s.reduce(Action::PlanSource(Some(plan.to_string())));
    }
    if let Some(json) = &p.record {
        s = s.reduce(Action::Import(Source::Options, json.to_string()));
    } else if let Some(linked) = p.link.then(|| link::linked(browser::LINK_PREFIX)).flatten() {
        s = s.reduce(linked.into());
        if s.import_errors.is_none() {
            link::drop_from_address();
        }
    }
    Rc::try_unwrap(s).unwrap_or_else(|rc| (*rc).clone())
}

/// The view.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer({
        let p = props.clone();
        move || {
            let early = p.current.take_early();
            let s = early
                .into_iter()
                .fold(Rc::new(initial(&p)), Reducible::reduce);
            Rc::try_unwrap(s).unwrap_or_else(|rc| (*rc).clone())
        }
    });
    let root = use_node_ref();
    let results = use_node_ref();
    let l = state.lang;

    // The result event, once after mount and whenever the result changes.
    {
        let root = root.clone();
        use_effect_with(state.report.clone(), move |report| {
            if let Some(host) = root
                .cast::<web_sys::Element>()
                .and_then(|e| e.parent_element())
            {
                tic_ui::browser::dispatch(&host, browser::EVENT, report);
            }
        });
    }
    {
        let current = props.current.clone();
        let d = state.dispatcher();
        use_effect_with(state.progress.clone(), move |p| {
            current.show(p.clone(), d);
        });
    }
    // Autosave (a saved value that could not be read stays until the user types).
    {
        let st = state.clone();
        use_effect_with(state.form.clone(), move |_| {
            if st.storage && st.notice != Some(crate::state::Notice::SavedUnreadable) {
                browser::save(&st.progress, &st.form, st.draft());
            }
        });
    }
    let d = state.dispatcher();
    // A link pasted into the address bar of the open page arrives as a `hashchange`.
    {
        let (d, on) = (d.clone(), props.link);
        use_effect_with((), move |_| {
            let stop = on.then(|| {
                // A link cut short stays in the address, for the user to see.
                link::follow(browser::LINK_PREFIX, move |linked| {
                    let record = matches!(linked, link::Linked::Record(_));
                    d.dispatch(linked.into());
                    if record {
                        link::drop_from_address();
                    }
                })
            });
            move || stop.into_iter().for_each(|stop| stop())
        });
    }
    let ondispatch = {
        let d = d.clone();
        Callback::from(move |a: Action| d.dispatch(a))
    };
    let onlang = {
        let d = d.clone();
        let other = match l {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        };
        Callback::from(move |_: MouseEvent| d.dispatch(Action::Lang(other)))
    };
    let onfocus = {
        let root = root.clone();
        move |id: String| {
            let root = root.clone();
            Callback::from(move |e: MouseEvent| {
                e.prevent_default();
                if let Some(el) = root.cast::<web_sys::Element>() {
                    tic_ui::browser::focus(&el, &id, false);
                }
            })
        }
    };
    let to_results = on::focus_node(results.clone());
    let onexport = {
        let progress = state.progress.clone();
        Callback::from(move |_| {
            tic_ui::browser::download_text(
                "progress.json",
                "application/json",
                &progress.to_json(),
            );
        })
    };
    let onimport = {
        let d = d.clone();
        Callback::from(move |file: web_sys::File| {
            let d = d.clone();
            on::read_text(file, move |text| {
                d.dispatch(match text {
                    Some(text) => Action::Import(Source::File, text),
                    None => Action::Refuse(Source::File, ImportProblem::Unreadable),
                })
            });
        })
    };
    let onlink = {
        let d = d.clone();
        let progress = state.progress.clone();
        Callback::from(move |_| d.dispatch(Action::Link(browser::share_link(&progress))))
    };
    let onprint = Callback::from(|_| tic_ui::browser::print());
    let onclear = {
        let d = d.clone();
        let storage = state.storage;
        Callback::from(move |_| {
            if storage {
                browser::STORE.forget();
            }
            d.dispatch(Action::Clear);
        })
    };

    let t = Shared(state.tracking.clone());
    let missed = state
        .tracking
        .milestones
        .iter()
        .filter(|m| m.status == MilestoneStatus::Missed)
        .count();
    let live = i18n::pick(
        l,
        format!(
            "{}。已填报{}年，{}项目标未达到。",
            standing_name(state.tracking.standing).get(l),
            state.tracking.years_reported,
            missed
        ),
        format!(
            "{}. {} year(s) reported, {} target(s) missed.",
            standing_name(state.tracking.standing).get(l),
            state.tracking.years_reported,
            missed
        ),
    );
    let onsubmit = Callback::from(|e: SubmitEvent| e.prevent_default());
    html! {
        <div class="tic-app tic-track" lang={l.code()} ref={root}>
            <a class="skip-link" href="#trk-results" onclick={to_results}>{i18n::SKIP_TO_RESULTS.get(l)}</a>
            <header class="masthead masthead--track">
                <div class="masthead__bar">
                    <span class="masthead__service">{i18n::SERVICE.get(l)}</span>
                    <button type="button" id="trk-lang" class="lang-toggle" lang={if l == Lang::Zh { "en" } else { "zh" }}
                        aria-label={i18n::LANG_SWITCH_LABEL.get(l)} onclick={onlang}>{i18n::LANG_SWITCH.get(l)}</button>
                </div>
                <h1 class="masthead__title">{i18n::TITLE.get(l)}</h1>
                <p class="masthead__lead">{i18n::LEAD.get(l)}</p>
            </header>
            <div class="status" role="status" id="trk-status">
                if let Some(n) = state.notice { <p class="notice">{notice_text(n).get(l)}</p> }
            </div>
            <div class="tic-layout">
                <div class="tic-main">
                    if !state.errors.is_empty() {
                        <div id="trk-error-summary" class="error-summary" role="alert" aria-labelledby="trk-error-summary-h" tabindex="-1">
                            <h2 class="error-summary__title" id="trk-error-summary-h">{i18n::ERROR_SUMMARY.get(l)}</h2>
                            <p class="body">{i18n::ERROR_SUMMARY_INTRO.get(l)}</p>
                            <ul class="error-summary__list">
                                { for state.errors.iter().map(|e| {
                                    let id = e.input_id();
                                    html! { <li><a href={format!("#{id}")} onclick={onfocus(id.clone())}>{e.summary(l)}</a></li> }
                                }) }
                            </ul>
                        </div>
                    }
                    <h2 class="visually-hidden" id="trk-form-h">{i18n::RECORD.get(l)}</h2>
                    <form class="tic-form" novalidate=true {onsubmit} aria-labelledby="trk-form-h">
                        <Record lang={l} form={state.form.clone()} errors={state.errors.clone()} plan={state.plan.clone()} {ondispatch} />
                    </form>
                    <Actions lang={l} storage={state.storage} share={props.link} import_errors={state.import_errors.clone()}
                        link={state.link.clone()} {onexport} {onimport} {onlink} {onprint} {onclear} />
                </div>
                <section class="tic-results" id="trk-results" aria-labelledby="trk-results-h" tabindex="-1" ref={results}>
                    <h2 class="tic-results__title" id="trk-results-h">{i18n::RESULTS.get(l)}</h2>
                    <p class="visually-hidden" aria-live="polite" aria-atomic="true" id="trk-live">{live}</p>
                    <StandingBanner lang={l} tracking={t.clone()} />
                    <Timeline lang={l} tracking={t.clone()} progress={Shared(state.progress.clone())} plan={state.plan.clone()} />
                    <Milestones lang={l} tracking={t.clone()} />
                    <Funding lang={l} tracking={t.clone()} />
                    <Recovery lang={l} tracking={t.clone()} />
                    <PolicyNotice lang={l} />
                </section>
            </div>
        </div>
    }
}
