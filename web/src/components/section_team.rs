//! Team at year 2 and year 5 (二（六）).

use super::text_field::TextField;
use super::{section, FormCtx};
use crate::i18n;
use yew::prelude::*;

/// Properties of [`SectionTeam`].
#[derive(Properties, PartialEq)]
pub struct SectionTeamProps {
    /// Shared form context.
    pub ctx: FormCtx,
}

/// Renders counted fields in a grid.
pub fn counts(c: &FormCtx, paths: &[&'static str]) -> Html {
    html! {
        <div class="field-grid">
            { for paths.iter().map(|path| {
                let (label, _) = c.label(path);
                let hint = crate::i18n::threshold_hint(path, c.lang).map(AttrValue::from);
                html! {
                    <TextField path={*path} label={label} hint={hint} value={c.value(path)}
                        error={c.error(path)} numeric=true width="input--w8" onset={c.onset.clone()} />
                }
            }) }
        </div>
    }
}

/// Staff and teams.
#[function_component]
pub fn SectionTeam(p: &SectionTeamProps) -> Html {
    let c = &p.ctx;
    let body = html! {
        <>
            <p class="body">{i18n::hint_team(c.lang)}</p>
            { counts(c, &["team.staff_year2", "team.teams_year2", "team.staff_year5", "team.teams_year5"]) }
        </>
    };
    section(c, "sec-team", c.t(i18n::SEC_TEAM), "二（六）", body)
}
