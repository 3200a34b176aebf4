//! The whole app: one reducer, the form beside the results, the save/share actions, and the
//! side effects (result event, autosave, `<html lang>`).

use super::actions::Actions;
use super::answers::Answers;
use super::error_summary::ErrorSummary;
use super::funding::FundingChart;
use super::gaps::Gaps;
use super::masthead::Masthead;
use super::policy_notice::PolicyNotice;
use super::progress::Progress;
use super::radar::Radar;
use super::section_basic::SectionBasic;
use super::section_eco::SectionEco;
use super::section_fields::SectionFields;
use super::section_indicators::SectionIndicators;
use super::section_invest::SectionInvest;
use super::section_lead::SectionLead;
use super::section_org::SectionOrg;
use super::section_team::SectionTeam;
use super::verdict::VerdictBanner;
use super::{FormCtx, Shared};
use crate::browser;
use crate::form::Form;
use crate::i18n;
use crate::state::{Action, ImportProblem, Source, State};
use std::cell::RefCell;
use std::rc::Rc;
use tic_core::vocab::Status;
use tic_core::{explain, Applicant, Lang};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Properties of [`App`] (what `mount` reads from its options).
#[derive(Properties, PartialEq, Clone, Default)]
pub struct AppProps {
    /// Interface language to start with.
    #[prop_or_default]
    pub lang: Lang,
    /// Compact layout (embed): no indicator self-rating, no radar.
    #[prop_or_default]
    pub compact: bool,
    /// Save answers in localStorage and restore them.
    #[prop_or_default]
    pub storage: bool,
    /// Applicant JSON to start with (takes precedence over a link and saved answers).
    #[prop_or_default]
    pub applicant: Option<AttrValue>,
    /// The address is the app's own: read an `#applicant=` link from it (at start and on
    /// `hashchange`), remove it once loaded, and offer "copy link". Off in an embedded widget,
    /// whose host page's address is none of its business.
    #[prop_or_default]
    pub link: bool,
    /// Where the app leaves the applicant it currently shows (for `mount`'s handle).
    #[prop_or_default]
    pub current: Current,
}

/// The way in from outside the component tree (`mount`'s handle): the app leaves here the
/// applicant it shows and its dispatcher. Compared by identity.
#[derive(Clone, Default)]
pub struct Current(Rc<RefCell<Link>>);

/// What [`Current`] holds.
#[derive(Default)]
pub struct Link {
    applicant: Option<Rc<Applicant>>,
    dispatch: Option<UseReducerDispatcher<State>>,
    /// Changes asked for before the first render, applied by it.
    early: Vec<Action>,
}

impl Current {
    /// The applicant shown (contract JSON), once the app has rendered.
    pub fn json(&self) -> Option<String> {
        self.0.borrow().applicant.as_ref().map(|a| a.to_json())
    }

    /// Changes the app's state (language, layout) as its own controls would.
    pub fn dispatch(&self, action: Action) {
        let d = self.0.borrow().dispatch.clone();
        match d {
            Some(d) => d.dispatch(action),
            None => self.0.borrow_mut().early.push(action),
        }
    }
}

impl PartialEq for Current {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The state the app opens with: saved answers (if storage is on), replaced by the applicant
/// given in the options or else by an `#applicant=` link. A refused applicant or link leaves
/// the saved answers in place and lists its problems.
fn initial(p: &AppProps) -> State {
    let mut s = Rc::new(State::new(Form::default(), p.lang, p.compact, p.storage));
    match p.storage.then(browser::restore) {
        Some(browser::Saved::Answers(form)) => s = s.reduce(Action::Restore(form)),
        Some(browser::Saved::Unreadable) => s = s.reduce(Action::SavedUnreadable),
        _ => {}
    }
    if let Some(json) = &p.applicant {
        s = s.reduce(Action::Import(Source::File, json.to_string()));
    } else if let Some(data) = p.link.then(browser::link_data).flatten() {
        s = match browser::decode_link_data(&data) {
            Some(json) => s.reduce(Action::Import(Source::Link, json)),
            None => s.reduce(Action::Refuse(Source::Link, ImportProblem::BadLink)),
        };
        if s.import_errors.is_none() {
            browser::drop_link_from_address();
        }
    }
    Rc::try_unwrap(s).unwrap_or_else(|rc| (*rc).clone())
}

/// The app.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer({
        let p = props.clone();
        move || {
            let early = std::mem::take(&mut p.current.0.borrow_mut().early);
            let s = early
                .into_iter()
                .fold(Rc::new(initial(&p)), Reducible::reduce);
            Rc::try_unwrap(s).unwrap_or_else(|rc| (*rc).clone())
        }
    });
    let root = use_node_ref();
    let results = use_node_ref();
    let today = use_memo((), |_| browser::today());
    let l = state.lang;

    // The result event, once after mount and whenever the result changes.
    {
        let root = root.clone();
        use_effect_with(state.report.clone(), move |report| {
            if let Some(host) = root
                .cast::<web_sys::Element>()
                .and_then(|e| e.parent_element())
            {
                browser::dispatch_result(&host, report);
            }
        });
    }
    // `<html lang>` follows on the main page.
    {
        let root = root.clone();
        use_effect_with(l, move |l| {
            if let Some(host) = root.cast::<web_sys::Element>() {
                browser::follow_lang(&host, l.code());
            }
        });
    }
    {
        let current = props.current.clone();
        let d = state.dispatcher();
        use_effect_with(state.applicant.clone(), move |a| {
            let mut c = current.0.borrow_mut();
            c.applicant = Some(a.clone());
            c.dispatch = Some(d);
        });
    }
    // Autosave.
    {
        let st = state.clone();
        use_effect_with(state.form.clone(), move |_| {
            if st.storage {
                browser::save(&st.applicant, &st.form, st.draft());
            }
        });
    }

    let d = state.dispatcher();
    // A link pasted into the address bar of the open page arrives as a `hashchange`.
    {
        let d = d.clone();
        let link = props.link;
        use_effect_with((), move |_| {
            let listener = link.then(|| {
                wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
                    if let Some(data) = browser::link_data() {
                        match browser::decode_link_data(&data) {
                            Some(json) => {
                                d.dispatch(Action::Import(Source::Link, json));
                                browser::drop_link_from_address();
                            }
                            None => {
                                d.dispatch(Action::Refuse(Source::Link, ImportProblem::BadLink))
                            }
                        }
                    }
                })
            });
            let window = web_sys::window();
            if let (Some(w), Some(l)) = (&window, &listener) {
                let _ =
                    w.add_event_listener_with_callback("hashchange", l.as_ref().unchecked_ref());
            }
            move || {
                if let (Some(w), Some(l)) = (window, listener) {
                    let _ = w.remove_event_listener_with_callback(
                        "hashchange",
                        l.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }
    let onset = {
        let d = d.clone();
        Callback::from(move |(path, v): (String, String)| d.dispatch(Action::Set(path, v)))
    };
    let ontoggle = {
        let d = d.clone();
        Callback::from(move |(list, id, on): (String, String, bool)| {
            d.dispatch(Action::Toggle { list, id, on })
        })
    };
    let onnone = {
        let d = d.clone();
        Callback::from(move |(list, on): (String, bool)| d.dispatch(Action::NoneOf(list, on)))
    };
    let ondistrict = {
        let d = d.clone();
        Callback::from(move |v: String| d.dispatch(Action::District(v)))
    };
    let onlang = {
        let d = d.clone();
        let other = match l {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        };
        Callback::from(move |_| d.dispatch(Action::Lang(other)))
    };
    let onfocus = {
        let root = root.clone();
        Callback::from(move |id: String| {
            if let Some(el) = root.cast::<web_sys::Element>() {
                browser::focus(&el, &id);
            }
        })
    };
    // The skip link and the phone result bar: focus the results without following the
    // `#tic-results` href (the address may be a host page's).
    let to_results = {
        let results = results.clone();
        Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            if let Some(el) = results.cast::<web_sys::HtmlElement>() {
                el.scroll_into_view();
                let _ = el.focus();
            }
        })
    };
    let onexport = {
        let root = root.clone();
        let applicant = state.applicant.clone();
        Callback::from(move |_| {
            if let Some(el) = root.cast::<web_sys::Element>() {
                browser::download("applicant.json", &applicant.to_json(), &el);
            }
        })
    };
    let onimport = {
        let d = d.clone();
        Callback::from(move |file: web_sys::File| {
            let d = d.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match wasm_bindgen_futures::JsFuture::from(file.text())
                    .await
                    .ok()
                    .and_then(|v| v.as_string())
                {
                    Some(text) => d.dispatch(Action::Import(Source::File, text)),
                    None => d.dispatch(Action::Refuse(Source::File, ImportProblem::Unreadable)),
                }
            });
        })
    };
    let oncopy = {
        let d = d.clone();
        let applicant = state.applicant.clone();
        Callback::from(move |_| {
            let link = browser::share_link(&applicant);
            let d = d.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let ok = browser::copy(&link).await;
                d.dispatch(Action::Link(link, ok));
            });
        })
    };
    let onprint = Callback::from(|_| browser::print());
    let onclear = {
        let d = d.clone();
        let storage = state.storage;
        Callback::from(move |_| {
            if storage {
                browser::forget();
            }
            d.dispatch(Action::Clear);
        })
    };

    let ctx = FormCtx {
        lang: l,
        form: state.form.clone(),
        errors: state.errors.clone(),
        onset,
        compact: state.compact,
    };
    let assessment = Shared(state.assessment.clone());
    let applicant = Shared(state.applicant.clone());
    let (answered, total) = state.progress();
    let open = state
        .assessment
        .requirements
        .iter()
        .filter(|r| r.status != Status::Met)
        .count();
    let live = match l {
        Lang::Zh => format!(
            "{}。资金支持估算合计{}。{}项要求待达到或待填写。",
            i18n::verdict(state.assessment.verdict).get(l),
            explain::money(state.assessment.funding.total, l),
            open
        ),
        Lang::En => format!(
            "{}. Subsidy estimate: {} in total. {} requirement(s) open.",
            i18n::verdict(state.assessment.verdict).get(l),
            explain::money(state.assessment.funding.total, l),
            open
        ),
    };
    let onsubmit = Callback::from(|e: SubmitEvent| e.prevent_default());
    html! {
        <div class={classes!("tic-app", state.compact.then_some("tic-app--compact"))} lang={l.code()} ref={root}>
            <a class="skip-link" href="#tic-results" onclick={to_results.clone()}>{i18n::SKIP_TO_RESULTS.get(l)}</a>
            <Masthead lang={l} {onlang} compact={state.compact} />
            <div class="tic-layout">
                <div class="tic-main">
                    <ErrorSummary lang={l} errors={state.errors.clone()} {onfocus} />
                    <Progress lang={l} {answered} {total} />
                    <h2 class="visually-hidden" id="form-h">{i18n::FORM_HEADING.get(l)}</h2>
                    <form class="tic-form" novalidate=true {onsubmit} aria-labelledby="form-h">
                        <SectionBasic ctx={ctx.clone()} {ondistrict} />
                        <SectionFields ctx={ctx.clone()} ontoggle={ontoggle.clone()} onnone={onnone.clone()} />
                        <SectionLead ctx={ctx.clone()} {ontoggle} {onnone} />
                        <SectionOrg ctx={ctx.clone()} />
                        <SectionInvest ctx={ctx.clone()} />
                        <SectionTeam ctx={ctx.clone()} />
                        <SectionEco ctx={ctx.clone()} />
                        if !state.compact {
                            <SectionIndicators ctx={ctx.clone()} assessment={assessment.clone()} />
                        }
                    </form>
                    <Actions lang={l} storage={state.storage} share={props.link} import_errors={state.import_errors.clone()}
                        link={state.link.clone()} notice={state.notice} compact={state.compact}
                        {onexport} {onimport} {oncopy} {onprint} {onclear} />
                </div>
                <aside class="tic-results" id="tic-results" aria-labelledby="results-h" tabindex="-1" ref={results}>
                    <h2 class="tic-results__title" id="results-h">{i18n::RESULTS_HEADING.get(l)}</h2>
                    <p class="visually-hidden" aria-live="polite" aria-atomic="true">{live}</p>
                    <VerdictBanner lang={l} assessment={assessment.clone()} applicant={applicant.clone()} />
                    <FundingChart lang={l} assessment={assessment.clone()} compact={state.compact} />
                    <Gaps lang={l} assessment={assessment.clone()} applicant={applicant} compact={state.compact} />
                    if !state.compact {
                        <Radar lang={l} assessment={assessment.clone()} />
                    }
                    <PolicyNotice lang={l} today={*today} />
                </aside>
                <Answers lang={l} form={state.form.clone()} />
                // The fixed phone bar belongs to the page that owns the window; an embedded
                // widget must not cover its host page.
                if !state.compact && props.link {
                    <a class={classes!("result-bar", format!("result-bar--{}", state.assessment.verdict.id()))} href="#tic-results" onclick={to_results}>
                        <span class="result-bar__verdict">{i18n::verdict(state.assessment.verdict).get(l)}</span>
                        <span class="result-bar__total">{format!("{} {}", i18n::TOTAL.get(l), explain::money(state.assessment.funding.total, l))}</span>
                        <span class="result-bar__go">{i18n::SEE_RESULTS.get(l)}</span>
                    </a>
                }
            </div>
        </div>
    }
}
