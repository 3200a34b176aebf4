//! The notice every result carries: the guideline is a draft and the result an estimate,
//! stamped with the policy version and today's date.

use crate::i18n;
use tic_core::Lang;
use yew::prelude::*;

/// Properties of [`PolicyNotice`].
#[derive(Properties, PartialEq)]
pub struct PolicyNoticeProps {
    /// Interface language.
    pub lang: Lang,
    /// Today (year, month, day).
    pub today: (u32, u32, u32),
}

/// `#policy-notice`.
#[function_component]
pub fn PolicyNotice(p: &PolicyNoticeProps) -> Html {
    let l = p.lang;
    let policy = tic_core::policy::current();
    let (y, m, d) = p.today;
    let status = match (policy.status.as_str(), l) {
        ("draft", Lang::Zh) => "征求意见稿".to_owned(),
        ("draft", Lang::En) => "draft for comments".to_owned(),
        (s, _) => s.to_owned(),
    };
    html! {
        <section id="policy-notice" class="policy-notice" data-policy={policy.id.clone()} aria-labelledby="policy-notice-h">
            <h3 class="policy-notice__title" id="policy-notice-h">{i18n::NOTICE.get(l)}</h3>
            <p class="policy-notice__text"><strong>{policy.notice.get(l).to_owned()}</strong></p>
            <dl class="policy-notice__meta">
                <div><dt>{i18n::POLICY_VERSION.get(l)}</dt><dd><code>{policy.id.clone()}</code>{if l == Lang::Zh { format!("（{status}）") } else { format!(" ({status})") }}</dd></div>
                <div><dt>{i18n::DATE.get(l)}</dt><dd>{i18n::date(y, m, d, l)}</dd></div>
            </dl>
            <p class="policy-notice__title-text">{policy.title.get(l).to_owned()}</p>
            <p class="hint">{i18n::PRIVACY.get(l)}</p>
        </section>
    }
}
