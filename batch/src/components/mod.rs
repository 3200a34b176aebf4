//! One component per file. Components render the [`crate::state::State`] they are given and
//! report what the user did through `on…` callbacks; they decide nothing.

pub mod budget;
pub mod drop_zone;
pub mod exports;
pub mod filters;
pub mod masthead;
pub mod mode_switch;
pub mod portfolio_summary;
pub mod portfolio_table;
pub mod progress;
pub mod read_info;
pub mod row_errors;
pub mod summary;
pub mod table;

use crate::model::Direction;
use yew::prelude::*;

pub use tic_ui::Shared;

/// A column header that sorts its table: a button in the `th`, `aria-sort` on the `th`.
pub fn sort_header(
    label: String,
    class: &'static str,
    sort: Option<Direction>,
    onclick: Callback<MouseEvent>,
) -> Html {
    let aria = sort.map_or("none", Direction::aria);
    html! {
        <th scope="col" class={class} aria-sort={aria}>
            <button type="button" class="sort" {onclick}>
                { label }
                <span class="sort-mark" aria-hidden="true">{ match sort {
                    Some(Direction::Ascending) => "▲",
                    Some(Direction::Descending) => "▼",
                    None => "",
                } }</span>
            </button>
        </th>
    }
}
