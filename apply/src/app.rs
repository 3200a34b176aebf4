//! The whole view: one reducer, the answers parsed and assessed by the core, and the four
//! parts (what it would take, the sweep, the procedure, the plan draft).

use crate::components::{draft::Draft, procedure::Procedure, sweep::Sweep, takes::Takes};
use crate::i18n;
use crate::state::{Action, State};
use std::cell::RefCell;
use std::rc::Rc;
use tic_core::Lang;
use yew::prelude::*;

/// The reducer's dispatcher once the view has rendered, and the changes asked for before.
type Link = (Option<UseReducerDispatcher<State>>, Vec<Action>);

/// The way in from outside the component tree (the mount handle). Compared by identity.
#[derive(Clone, Default)]
pub struct Handle(Rc<RefCell<Link>>);

impl Handle {
    /// Changes the state as the view's own controls would (queued until the first render).
    pub fn dispatch(&self, action: Action) {
        let d = self.0.borrow().0.clone();
        match d {
            Some(d) => d.dispatch(action),
            None => self.0.borrow_mut().1.push(action),
        }
    }
}

impl PartialEq for Handle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Properties of [`App`] (what `mount_apply` reads from its options).
#[derive(Properties, PartialEq, Clone, Default)]
pub struct AppProps {
    /// Language to start with.
    #[prop_or_default]
    pub lang: Lang,
    /// The self-assessment's answers (contract JSON).
    #[prop_or_default]
    pub applicant: Option<String>,
    /// The mount handle's way in.
    #[prop_or_default]
    pub handle: Handle,
}

/// The view.
#[function_component]
pub fn App(p: &AppProps) -> Html {
    let state = {
        let (lang, applicant) = (p.lang, p.applicant.clone());
        use_reducer(move || State {
            lang,
            applicant,
            base: String::new(),
        })
    };
    {
        let handle = p.handle.clone();
        let d = state.dispatcher();
        use_effect_with((), move |_| {
            let early = {
                let mut h = handle.0.borrow_mut();
                h.0 = Some(d.clone());
                std::mem::take(&mut h.1)
            };
            for a in early {
                d.dispatch(a);
            }
        });
    }
    let l = state.lang;
    let policy = tic_core::policy::current();
    let parsed = state
        .applicant
        .as_deref()
        .filter(|s| !s.trim().is_empty())
        .map(|json| tic_core::parse_applicant(policy, json));
    let body = match parsed {
        // Nothing answered yet: there is nothing to plan from.
        None => html! { <p class="apply-empty">{i18n::NO_ANSWERS.get(l)}</p> },
        Some(Ok(a)) if a == tic_core::Applicant::default() => {
            html! { <p class="apply-empty">{i18n::NO_ANSWERS.get(l)}</p> }
        }
        Some(Err(errors)) => html! {
            <div class="apply-empty" role="alert">
                <p>{i18n::BAD_ANSWERS.get(l)}</p>
                <ul>{ for errors.iter().map(|e| html! { <li>{e.line(l)}</li> }) }</ul>
            </div>
        },
        Some(Ok(applicant)) => {
            let applicant = Rc::new(applicant);
            let onbase = {
                let d = state.dispatcher();
                Callback::from(move |v: String| d.dispatch(Action::Base(v)))
            };
            html! {
                <>
                    <Takes lang={l} applicant={applicant.clone()} />
                    <Sweep lang={l} applicant={applicant.clone()} base={state.base.clone()} {onbase} />
                    <Procedure lang={l} />
                    <Draft lang={l} applicant={applicant} />
                </>
            }
        }
    };
    html! {
        <div class="tic-app apply" lang={if l == Lang::Zh { "zh-CN" } else { "en" }}>
            <h2 class="apply__title">{i18n::TITLE.get(l)}</h2>
            <p class="apply__lead">{i18n::LEAD.get(l)}</p>
            <p class="apply__notice">{policy.notice.get(l).to_owned()}</p>
            {body}
        </div>
    }
}
