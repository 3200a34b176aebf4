//! The rows (or centres) that could not be read: every problem with its row, column, cell and
//! message (`#row-errors`).

use super::Shared;
use crate::model::RowError;
use crate::source::Kind;
use crate::text::t;
use tic_core::Lang;
use yew::prelude::*;

/// Properties of [`RowErrors`].
#[derive(Properties, PartialEq)]
pub struct RowErrorsProps {
    /// Interface language.
    pub lang: Lang,
    /// Rows of applicants, or centres of a portfolio.
    pub mode: Kind,
    /// Rows (centres) that could not be read.
    pub invalid: usize,
    /// Their problems, in file order.
    pub errors: Shared<Vec<RowError>>,
}

/// Nothing when every row was read.
#[function_component]
pub fn RowErrors(p: &RowErrorsProps) -> Html {
    if p.errors.is_empty() {
        return html! {};
    }
    let lang = p.lang;
    let items = p.errors.iter().map(|e| {
        let cell = e.cell.as_deref().map(|c| format!(" [{c}]")).unwrap_or_default();
        let place = match (lang, e.column.is_empty()) {
            (Lang::Zh, false) => format!("第 {} 行，“{}”列{cell}", e.row, e.column),
            (Lang::Zh, true) => format!("第 {} 行", e.row),
            (Lang::En, false) => format!("Row {}, column “{}”{cell}", e.row, e.column),
            (Lang::En, true) => format!("Row {}", e.row),
        };
        html! {
            <li data-row={e.row.to_string()} data-column={e.column.clone()} data-cell={e.cell.clone()}>
                <span class="err-place">{ place }</span>{ t(lang, "：", ": ") }
                <span class="err-msg">{ e.message.get(lang) }</span>
            </li>
        }
    });
    let (n, k) = (p.invalid, p.errors.len());
    let title = match (lang, p.mode) {
        (Lang::Zh, Kind::Applicants) => {
            format!("无法读取的行（{n} 行，{k} 个问题）；其余各行均已评估")
        }
        (Lang::En, Kind::Applicants) => format!(
            "Rows that could not be read ({n} rows, {k} problems); every other row was assessed"
        ),
        (Lang::Zh, Kind::Portfolio) => {
            format!("无法读取的中心（{n} 个，{k} 个问题）；其余中心均已跟踪")
        }
        (Lang::En, Kind::Portfolio) => format!(
            "Centres that could not be read ({n} centres, {k} problems); every other centre was tracked"
        ),
    };
    html! {
        <section id="row-errors" class="row-errors" aria-labelledby="row-errors-title">
            <h2 id="row-errors-title">{ title }</h2>
            <ol>{ for items }</ol>
        </section>
    }
}
