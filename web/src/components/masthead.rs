//! The header: title, a phase banner (draft guideline, estimate) and the language switch.

use crate::i18n;
use tic_core::Lang;
use yew::prelude::*;

/// Properties of [`Masthead`].
#[derive(Properties, PartialEq)]
pub struct MastheadProps {
    /// Interface language.
    pub lang: Lang,
    /// Called when the language switch is pressed.
    pub onlang: Callback<()>,
    /// Compact layout: no lead paragraph.
    #[prop_or_default]
    pub compact: bool,
}

/// Title and language switch (`#lang-toggle`).
#[function_component]
pub fn Masthead(p: &MastheadProps) -> Html {
    let l = p.lang;
    let onclick = {
        let cb = p.onlang.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let other = match l {
        Lang::Zh => "en",
        Lang::En => "zh",
    };
    html! {
        <header class="masthead">
            <div class="masthead__bar">
                <span class="masthead__service">{i18n::SERVICE.get(l)}</span>
                <button type="button" id="lang-toggle" class="lang-toggle" lang={other}
                    aria-label={i18n::LANG_SWITCH_LABEL.get(l)} {onclick}>
                    {i18n::LANG_SWITCH.get(l)}
                </button>
            </div>
            <div class="phase-banner">
                <strong class="tag tag--phase">{i18n::PHASE_TAG.get(l)}</strong>
                <span>{i18n::PHASE_TEXT.get(l)}</span>
            </div>
            <h1 class="masthead__title">{i18n::TITLE.get(l)}</h1>
            if !p.compact { <p class="masthead__lead">{i18n::LEAD.get(l)}</p> }
        </header>
    }
}
