//! The portfolio's table (`#portfolio-table`): one row per tracked centre, most at risk first,
//! sortable by any column.

use super::{sort_header, Shared};
use crate::model::Direction;
use crate::portfolio::{PColumn, Portfolio};
use crate::text::{self, t};
use tic_core::explain::money;
use tic_core::Lang;
use yew::prelude::*;

/// Properties of [`PortfolioTable`].
#[derive(Properties, PartialEq)]
pub struct PortfolioTableProps {
    /// Interface language.
    pub lang: Lang,
    /// The tracked portfolio.
    pub data: Shared<Portfolio>,
    /// Indices into `data.centres`, in display order.
    pub order: Shared<Vec<usize>>,
    /// The sort column and direction.
    pub sort: (PColumn, Direction),
    /// Sort by a column.
    pub onsort: Callback<PColumn>,
}

/// Every centre's standing and money.
#[function_component]
pub fn PortfolioTable(p: &PortfolioTableProps) -> Html {
    let lang = p.lang;
    let header = |column: PColumn, zh: &'static str, en: &'static str, class: &'static str| {
        let sort = (p.sort.0 == column).then_some(p.sort.1);
        sort_header(
            t(lang, zh, en).to_owned(),
            class,
            sort,
            p.onsort.reform(move |_| column),
        )
    };
    let dash = || html! { <span aria-label={ t(lang, "无", "none") }>{ "—" }</span> };
    let body = p.order.iter().filter_map(|&i| {
        let c = p.data.centres.get(i)?;
        let id = c.standing.id();
        let recovery = match c.recovery {
            Some(w) => html! {
                <>
                    { money(w, lang) }
                    if c.recovery_applies {
                        <span class="badge standing-delisted recovery-due">{ t(lang, "应收回", "due") }</span>
                    }
                </>
            },
            None => html! { <span title={ t(lang, "未填报补助支出", "No spending reported") }>{ "—" }</span> },
        };
        Some(html! {
            <tr key={i} data-row={c.row.to_string()} data-standing={id}
                data-entitled-wan={c.entitled.as_wan().to_string()}
                data-received-wan={c.received.as_wan().to_string()}
                data-recovery-wan={c.recovery.map(|w| w.as_wan().to_string())}
                data-missed={c.missed.to_string()}>
                <td class="num">{ c.row }</td>
                <th scope="row" class="name">{ if c.name.is_empty() { t(lang, "（未填名称）", "(no name)").to_owned() } else { c.name.clone() } }</th>
                <td>{ &c.district }</td>
                <td><span class={classes!("badge", format!("standing-{id}"))}>{ text::standing(lang, c.standing) }</span></td>
                <td class="num">{ match c.delisted_year { Some(y) => html! { { y } }, None => dash() } }</td>
                <td class="num">{ c.years_reported }</td>
                <td class={classes!("num", (c.missed > 0).then_some("has-gaps"))}>{ c.missed }</td>
                <td class="num">{ money(c.entitled, lang) }</td>
                <td class="num">{ money(c.received, lang) }</td>
                <td class="num">{ recovery }</td>
            </tr>
        })
    });
    let n = text::count(p.order.len());
    html! {
        <div class="table-wrap">
            <table id="portfolio-table">
                <caption id="portfolio-table-caption">{ match lang {
                    Lang::Zh => format!("建设期跟踪：{n} 个中心（默认按风险排序：摘牌、取消创建资格、预警在前；点击表头可重新排序）"),
                    Lang::En => format!("Construction period: {n} centres (most at risk first: delisted, revoked, warning; click a header to sort)"),
                } }</caption>
                <thead>
                    <tr>
                        { header(PColumn::Row, "行", "Row", "num") }
                        { header(PColumn::Name, "名称", "Name", "") }
                        { header(PColumn::District, "区县", "District", "") }
                        { header(PColumn::Standing, "状态", "Standing", "") }
                        { header(PColumn::Delisted, "摘牌年度", "Delisted in year", "num") }
                        { header(PColumn::Years, "已填报年数", "Years reported", "num") }
                        { header(PColumn::Missed, "未达到的节点", "Missed milestones", "num") }
                        { header(PColumn::Entitled, "应得补助", "Entitled", "num") }
                        { header(PColumn::Received, "已收到补助", "Received", "num") }
                        { header(PColumn::Recovery, "收回金额", "Recovery", "num") }
                    </tr>
                </thead>
                <tbody>{ for body }</tbody>
            </table>
        </div>
    }
}
