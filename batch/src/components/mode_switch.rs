//! The two modes: 申报预审 (applicants) and 建设期跟踪 (a tracking portfolio).

use crate::source::Kind;
use crate::text::t;
use tic_core::Lang;
use yew::prelude::*;

/// Properties of [`ModeSwitch`].
#[derive(Properties, PartialEq)]
pub struct ModeSwitchProps {
    /// Interface language.
    pub lang: Lang,
    /// The mode.
    pub mode: Kind,
    /// A file is being read.
    pub busy: bool,
    /// A mode was chosen.
    pub onmode: Callback<Kind>,
}

/// `#mode-switch`: `#mode-screening` and `#mode-portfolio`, `aria-pressed`.
#[function_component]
pub fn ModeSwitch(p: &ModeSwitchProps) -> Html {
    let lang = p.lang;
    let button = |kind: Kind, id: &'static str, label: &'static str| {
        let onclick = p.onmode.reform(move |_: MouseEvent| kind);
        html! {
            <button {id} type="button" class="mode" aria-pressed={(p.mode == kind).to_string()}
                disabled={p.busy} {onclick}>{ label }</button>
        }
    };
    html! {
        <div id="mode-switch" class="mode-switch" role="group" aria-label={ t(lang, "工作内容", "What to do") }>
            { button(Kind::Applicants, "mode-screening", t(lang, "申报预审", "Pre-screening")) }
            { button(Kind::Portfolio, "mode-portfolio", t(lang, "建设期跟踪", "Construction tracking")) }
        </div>
    }
}
