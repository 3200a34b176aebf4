//! The counts per verdict (`#batch-counts`); a click on a count filters the table.

use crate::model::VERDICTS;
use crate::text::{self, t};
use tic_core::vocab::Verdict;
use tic_core::Lang;
use yew::prelude::*;

/// Properties of [`Summary`].
#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    /// Interface language.
    pub lang: Lang,
    /// Rows per verdict, in [`VERDICTS`] order.
    pub counts: [usize; 4],
    /// Rows that could not be read.
    pub invalid: usize,
    /// The verdict filtered on.
    pub filter: Option<Verdict>,
    /// Filter by a verdict id ("" for all).
    pub onfilter: Callback<String>,
}

/// One button per verdict (`aria-pressed` when filtered on) and a link to the row errors.
#[function_component]
pub fn Summary(p: &SummaryProps) -> Html {
    let lang = p.lang;
    let items = VERDICTS.iter().zip(p.counts).map(|(v, n)| {
        let id = v.id();
        let pressed = p.filter == Some(*v);
        let onclick = p.onfilter.reform(move |_: MouseEvent| {
            if pressed {
                String::new()
            } else {
                id.to_owned()
            }
        });
        html! {
            <li data-verdict={id} data-count={n.to_string()}>
                <button type="button" class={classes!("count", format!("verdict-{id}"))}
                    aria-pressed={pressed.to_string()} {onclick}>
                    <span class="count-n">{ text::count(n) }</span>
                    <span class="count-label">{ text::verdict(lang, *v) }</span>
                </button>
            </li>
        }
    });
    html! {
        <section class="batch-summary" aria-label={ t(lang, "结论统计", "Counts per verdict") }>
            <ul id="batch-counts">
                { for items }
                <li data-verdict="invalid" data-count={p.invalid.to_string()}>
                    <a class="count verdict-invalid" href="#row-errors">
                        <span class="count-n">{ text::count(p.invalid) }</span>
                        <span class="count-label">{ t(lang, "无法读取", "Could not be read") }</span>
                    </a>
                </li>
            </ul>
        </section>
    }
}
