//! The procedure of 三（一）–（三） and what follows approval, as a timeline from the policy data:
//! each step with its clause, and the construction years from the policy.

use crate::i18n;
use tic_core::Lang;
use yew::prelude::*;

/// Properties of [`Procedure`].
#[derive(Properties, PartialEq)]
pub struct ProcedureProps {
    /// Language.
    pub lang: Lang,
}

/// `#apply-procedure`.
#[function_component]
pub fn Procedure(p: &ProcedureProps) -> Html {
    let l = p.lang;
    let policy = tic_core::policy::current();
    html! {
        <section id="apply-procedure" class="apply-block" aria-labelledby="apply-procedure-h">
            <h3 id="apply-procedure-h">{i18n::PROCEDURE.get(l)}</h3>
            <p class="apply-muted">{i18n::PROCEDURE_LEAD.get(l)}</p>
            <ol class="timeline">
                { for policy.file.procedure.iter().map(|s| {
                    let clause = policy.clause(&s.clause).map(|c| c.text.clone()).unwrap_or_default();
                    html! {
                        <li data-step={s.id.clone()}>
                            <span class="timeline__what">{if l == Lang::Zh { s.zh.clone() } else { s.en.clone() }}</span>
                            <span class="timeline__clause" title={clause}>{s.clause.clone()}</span>
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}
