//! The applicants' table (`#batch-table`): sortable headers, one row per assessed applicant
//! (a click opens it in the single view), "show more" / "show all".

use super::{sort_header, Shared};
use crate::model::{single_view_url, Column, Direction, DUES};
use crate::source::Screened;
use crate::state::{PAGE, SHOW_ALL_MAX};
use crate::text::{self, t};
use tic_core::explain::money;
use tic_core::Lang;
use yew::prelude::*;

/// Properties of [`ResultsTable`].
#[derive(Properties, PartialEq)]
pub struct TableProps {
    /// Interface language.
    pub lang: Lang,
    /// The screened file.
    pub data: Shared<Screened>,
    /// Indices into `data.rows` to show, in order.
    pub visible: Shared<Vec<usize>>,
    /// How many of them to render.
    pub shown: usize,
    /// The sort column and direction.
    pub sort: (Column, Direction),
    /// Sort by a column.
    pub onsort: Callback<Column>,
    /// Open the row at this index of `data.rows`.
    pub onopen: Callback<usize>,
    /// Render more rows.
    pub onmore: Callback<()>,
    /// Render every row.
    pub onall: Callback<()>,
}

/// The table and its "more" buttons.
#[function_component]
pub fn ResultsTable(p: &TableProps) -> Html {
    let lang = p.lang;
    let header = |column: Column, label: String, class: &'static str| {
        let sort = (p.sort.0 == column).then_some(p.sort.1);
        sort_header(label, class, sort, p.onsort.reform(move |_| column))
    };
    // One handler for every row: a click outside the name link opens the row's applicant.
    let onopen = p.onopen.clone();
    let on_row_click = move |e: MouseEvent| {
        let index = || {
            let target: web_sys::Element = e.target_dyn_into()?;
            if target.closest("a").ok().flatten().is_some() {
                return None; // the link opens the tab itself
            }
            let tr = target.closest("tr[data-index]").ok().flatten()?;
            tr.get_attribute("data-index")?.parse().ok()
        };
        if let Some(i) = index() {
            onopen.emit(i);
        }
    };
    let total = p.visible.len();
    let shown = total.min(p.shown);
    let body = p.visible.iter().take(shown).filter_map(|&i| {
        let r = p.data.rows.get(i)?;
        let gaps = r.gaps.iter().zip(DUES).map(|(n, d)| {
            html! { <td class={classes!("num", "gaps", (*n > 0).then_some("has-gaps"))} data-due={d.id()}>{ n }</td> }
        });
        Some(html! {
            <tr key={i} data-row={r.row.to_string()} data-verdict={r.verdict.id()}
                data-warnings={(!r.warnings.is_empty()).then(|| r.warnings.len().to_string())}
                data-total-wan={r.total.as_wan().to_string()} data-index={i.to_string()}>
                <td class="num">{ r.row }</td>
                <th scope="row" class="name">
                    <a href={single_view_url(r).to_owned()} target="_blank" rel="noopener"
                        title={ t(lang, "在新标签页中打开完整评估", "Open the full assessment in a new tab") }>
                        { if r.name.is_empty() { t(lang, "（未填名称）", "(no name)").to_owned() } else { r.name.clone() } }
                    </a>
                    { for r.warnings.iter().map(|w| html! {
                        // A warning (e.g. an amount implausibly large: 「请确认单位为万元」): the row
                        // is assessed all the same; the exports' `warnings` column has the same line.
                        <div class="row-warning" role="note" data-cell={w.cell.clone()}>
                            <span class="badge verdict-eligible_with_gaps" aria-hidden="true">{ "⚠" }</span>
                            { " " }{ w.line(lang) }
                        </div>
                    }) }
                </th>
                <td>{ &r.district }</td>
                <td><span class={classes!("badge", format!("verdict-{}", r.verdict.id()))}>{ text::verdict(lang, r.verdict) }</span></td>
                <td class="num">{ money(r.total, lang) }</td>
                { for gaps }
            </tr>
        })
    });
    let more = total.saturating_sub(shown);
    let (n_shown, n_total, n_more) = (
        text::count(shown),
        text::count(total),
        text::count(more.min(PAGE * 5)),
    );
    html! {
        <>
            <div class="table-wrap">
                <table id="batch-table">
                    <caption id="batch-table-caption">{ match lang {
                        Lang::Zh => format!("评估结果：显示 {n_shown} / {n_total} 行（点击一行在新标签页中查看完整评估）"),
                        Lang::En => format!("Results: showing {n_shown} of {n_total} rows (click a row to open its full assessment in a new tab)"),
                    } }</caption>
                    <thead>
                        <tr>
                            { header(Column::Row, t(lang, "行", "Row").into(), "num") }
                            { header(Column::Name, t(lang, "名称", "Name").into(), "") }
                            { header(Column::District, t(lang, "区县", "District").into(), "") }
                            { header(Column::Verdict, t(lang, "结论", "Verdict").into(), "") }
                            { header(Column::Total, t(lang, "补助合计", "Subsidy total").into(), "num") }
                            { for DUES.iter().enumerate().map(|(k, d)| header(
                                Column::Gaps(k),
                                format!("{}{}", t(lang, "差距·", "Gaps: "), text::due(lang, *d)),
                                "num",
                            )) }
                        </tr>
                    </thead>
                    <tbody onclick={on_row_click}>{ for body }</tbody>
                </table>
            </div>
            if more > 0 {
                <div class="more">
                    <button id="show-more" type="button" onclick={p.onmore.reform(|_: MouseEvent| ())}>
                        { match lang {
                            Lang::Zh => format!("再显示 {n_more} 行"),
                            Lang::En => format!("Show {n_more} more"),
                        } }
                    </button>
                    // Thousands of table rows take seconds to lay out: "all" only for a few.
                    if total <= SHOW_ALL_MAX {
                        <button id="show-all" type="button" onclick={p.onall.reform(|_: MouseEvent| ())}>
                            { match lang {
                                Lang::Zh => format!("全部显示（{n_total} 行）"),
                                Lang::En => format!("Show all {n_total}"),
                            } }
                        </button>
                    }
                </div>
            }
        </>
    }
}
