//! The header: the title, the link to the single view and the language switch.

use crate::source::Kind;
use crate::text::t;
use tic_core::Lang;
use yew::prelude::*;

/// Properties of [`Masthead`].
#[derive(Properties, PartialEq)]
pub struct MastheadProps {
    /// Interface language.
    pub lang: Lang,
    /// The mode.
    pub mode: Kind,
    /// The language switch was pressed.
    pub onlang: Callback<()>,
}

/// `header.batch-header` with `#lang-toggle`.
#[function_component]
pub fn Masthead(p: &MastheadProps) -> Html {
    let lang = p.lang;
    let onlang = p.onlang.reform(|_: MouseEvent| ());
    html! {
        <header class="batch-header">
            <h1>{ match p.mode {
                Kind::Applicants => t(lang, "技术创新中心申报预审（批量）", "Technology Innovation Centres: batch pre-screening"),
                Kind::Portfolio => t(lang, "技术创新中心建设期跟踪（批量）", "Technology Innovation Centres: construction-period portfolio"),
            } }</h1>
            <nav class="batch-nav">
                <a href="../index.html">{ t(lang, "单个自评", "Single self-assessment") }</a>
                <button id="lang-toggle" type="button" lang={ t(lang, "en", "zh") } onclick={onlang}>
                    { t(lang, "English", "中文") }
                </button>
            </nav>
        </header>
    }
}
