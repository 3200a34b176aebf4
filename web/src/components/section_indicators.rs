//! Self-rating of the 附件1 indicators (10 first-level, 42 second-level in the policy data).
//! Indicators the profile already answers are shown as derived, read-only.

use super::select_field::SelectField;
use super::{section, FormCtx};
use crate::i18n;
use tic_core::fields::Choice;
use tic_core::indicators::RatingSource;
use tic_core::vocab::Rating;
use tic_core::Assessment;
use tic_ui::Shared;
use yew::prelude::*;

/// Properties of [`SectionIndicators`].
#[derive(Properties, PartialEq)]
pub struct SectionIndicatorsProps {
    /// Shared form context.
    pub ctx: FormCtx,
    /// The assessment (for the derived ratings).
    pub assessment: Shared<Assessment<'static>>,
}

/// One fieldset per first-level indicator.
#[function_component]
pub fn SectionIndicators(p: &SectionIndicatorsProps) -> Html {
    let c = &p.ctx;
    let l = c.lang;
    let policy = tic_core::policy::current();
    let options = c.options(Rating::TABLE);
    let groups = policy.indicator_groups.iter().enumerate().map(|(gi, g)| {
        let rows = policy
            .indicators
            .iter()
            .zip(p.assessment.indicators.iter())
            .filter(|(i, _)| i.group == gi)
            .map(|(i, o)| {
                let path = format!("indicators.{}", i.id);
                let derived = o.source == RatingSource::Profile;
                let value = if derived {
                    AttrValue::Static(o.rating.id())
                } else {
                    c.value(&path)
                };
                let note = if derived {
                    Some(i18n::DERIVED)
                } else if !i.derive.is_empty() {
                    Some(i18n::DERIVABLE)
                } else {
                    None
                };
                let label = format!("{} {}", i.id, i.name.get(l));
                html! {
                    <li class={classes!("indicator", derived.then_some("indicator--derived"))} data-indicator={i.id.clone()}>
                        <div class="indicator__text">
                            <span class="indicator__id">{i.id.clone()}</span>
                            <span class="indicator__name">{i.name.get(l).to_owned()}</span>
                            if let Some(n) = note { <span class="indicator__note">{c.t(n)}</span> }
                        </div>
                        <SelectField path={path.clone()} label={label} value={value}
                            placeholder={c.t(i18n::CHOOSE)} options={options.clone()}
                            error={c.error(&path)} disabled={derived} compact=true
                            onset={c.onset.clone()} />
                    </li>
                }
            });
        html! {
            <fieldset class="fieldset indicator-group">
                <legend class="fieldset__legend">{format!("{} {}", g.id, g.name.get(l))}</legend>
                <ul class="indicator-list">{ for rows }</ul>
            </fieldset>
        }
    });
    let body = html! {
        <>
            <p class="body">{i18n::hint_ind(c.lang)}</p>
            { for groups }
        </>
    };
    section(c, "sec-indicators", c.t(i18n::SEC_IND), "附件1", body)
}
