//! The view's one reducer: the language, the self-assessment's answers, and the sweep's typed
//! investment. Everything shown is derived from them by the core at render time.

use std::rc::Rc;
use tic_core::Lang;
use yew::Reducible;

/// The view's state.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct State {
    /// Interface language.
    pub lang: Lang,
    /// The self-assessment's answers (contract JSON), if any.
    pub applicant: Option<String>,
    /// The sweep's investment per year as typed (万元); empty: the applicant's own.
    pub base: String,
}

/// What can change.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The language.
    Lang(Lang),
    /// New answers from the self-assessment.
    Applicant(Option<String>),
    /// The sweep's investment, as typed.
    Base(String),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Lang(l) => s.lang = l,
            Action::Applicant(a) => s.applicant = a,
            Action::Base(b) => s.base = b,
        }
        if s == *self {
            self
        } else {
            Rc::new(s)
        }
    }
}
