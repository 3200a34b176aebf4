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
use super::FormCtx;
use crate::browser;
use crate::form::Form;
use crate::i18n;
use crate::state::{Action, ImportProblem, Source, State};
use std::rc::Rc;
use tic_core::vocab::Status;
use tic_core::{explain, Applicant, Lang};
use tic_ui::{link, on, Shared};
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

/// The way in from outside the component tree (the mount handle): the record shown and the
/// dispatcher.
pub type Current = tic_ui::Current<State, Applicant>;

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
    } else if let Some(linked) = p.link.then(|| link::linked(browser::LINK_PREFIX)).flatten() {
        s = s.reduce(linked.into());
        if s.import_errors.is_none() {
            link::drop_from_address();
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
            let early = p.current.take_early();
            let s = early
                .into_iter()
                .fold(Rc::new(initial(&p)), Reducible::reduce);
            Rc::try_unwrap(s).unwrap_or_else(|rc| (*rc).clone())
        }
    });
    let root = use_node_ref();
    let results = use_node_ref();
    let today = use_memo((), |_| tic_ui::browser::today());
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
    // `<html lang>` follows on the main page.
    {
        let root = root.clone();
        use_effect_with(l, move |l| {
            if let Some(host) = root.cast::<web_sys::Element>() {
                tic_ui::browser::follow_lang(&host, l.code());
            }
        });
    }
    {
        let current = props.current.clone();
        let d = state.dispatcher();
        use_effect_with(state.applicant.clone(), move |a| {
            current.show(a.clone(), d);
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
                tic_ui::browser::focus(&el, &id, true);
            }
        })
    };
    // The skip link and the phone result bar: focus the results without following the
    // `#tic-results` href (the address may be a host page's).
    let to_results = on::focus_node(results.clone());
    let onexport = {
        let applicant = state.applicant.clone();
        Callback::from(move |_| {
            tic_ui::browser::download_text(
                "applicant.json",
                "application/json",
                &applicant.to_json(),
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
    let oncopy = {
        let d = d.clone();
        let applicant = state.applicant.clone();
        Callback::from(move |_| {
            let link = browser::share_link(&applicant);
            let d = d.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let ok = tic_ui::browser::copy(&link).await;
                d.dispatch(Action::Link(link, ok));
            });
        })
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
