//! How much of the form is answered (`#progress`, role=progressbar).

use crate::i18n;
use tic_core::Lang;
use yew::prelude::*;

/// Properties of [`Progress`].
#[derive(Properties, PartialEq)]
pub struct ProgressProps {
    /// Interface language.
    pub lang: Lang,
    /// Fields answered.
    pub answered: usize,
    /// Fields answerable.
    pub total: usize,
}

/// A bar drawn in SVG (no inline style under the page's CSP).
#[function_component]
pub fn Progress(p: &ProgressProps) -> Html {
    let pct = (p.answered * 100).checked_div(p.total).unwrap_or(0);
    let text = i18n::progress(p.answered, p.total, p.lang);
    html! {
        <div class="progress">
            <div class="progress__label" id="progress-label">
                <span>{i18n::PROGRESS.get(p.lang)}</span>
                <span class="progress__value">{if p.lang == Lang::Zh { format!("{text}（{pct}%）") } else { format!("{text} ({pct}%)") }}</span>
            </div>
            <div id="progress" class="progress__bar" role="progressbar" aria-labelledby="progress-label"
                aria-valuemin="0" aria-valuemax="100" aria-valuenow={pct.to_string()} aria-valuetext={text}>
                <svg viewBox="0 0 100 6" preserveAspectRatio="none" focusable="false" aria-hidden="true">
                    <rect class="progress__track" x="0" y="0" width="100" height="6" />
                    <rect class="progress__fill" x="0" y="0" width={pct.to_string()} height="6" />
                </svg>
            </div>
        </div>
    }
}
