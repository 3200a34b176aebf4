//! The verdict banner: one of four states, with the reasons the core gives.

use crate::i18n;
use tic_core::{explain, Applicant, Assessment, Lang};
use tic_ui::Shared;
use yew::prelude::*;

/// Properties of [`VerdictBanner`].
#[derive(Properties, PartialEq)]
pub struct VerdictProps {
    /// Interface language.
    pub lang: Lang,
    /// The assessment.
    pub assessment: Shared<Assessment<'static>>,
    /// The applicant assessed (for the reasons).
    pub applicant: Shared<Applicant>,
}

/// `#verdict` with `data-verdict`.
#[function_component]
pub fn VerdictBanner(p: &VerdictProps) -> Html {
    let v = p.assessment.verdict;
    let reasons = explain::verdict_reasons(&p.assessment, &p.applicant);
    html! {
        <div id="verdict" class={classes!("verdict", format!("verdict--{}", v.id()))} data-verdict={v.id()}>
            <p class="verdict__label">{i18n::VERDICT.get(p.lang)}</p>
            <h3 class="verdict__title">{i18n::verdict(v).get(p.lang)}</h3>
            <ul class="verdict__reasons">
                { for reasons.iter().map(|r| html! { <li>{r.get(p.lang).to_owned()}</li> }) }
            </ul>
        </div>
    }
}
