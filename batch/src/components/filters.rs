//! The filters of the applicants' table: by verdict and by district.

use super::Shared;
use crate::model::VERDICTS;
use crate::text::{self, t};
use tic_core::vocab::Verdict;
use tic_core::Lang;
use yew::prelude::*;

/// Properties of [`Filters`].
#[derive(Properties, PartialEq)]
pub struct FiltersProps {
    /// Interface language.
    pub lang: Lang,
    /// The verdict filtered on.
    pub verdict: Option<Verdict>,
    /// The district filtered on.
    pub district: Option<String>,
    /// The districts of the file.
    pub districts: Shared<Vec<String>>,
    /// A verdict id was chosen ("" for all).
    pub onverdict: Callback<String>,
    /// A district was chosen ("" for all).
    pub ondistrict: Callback<String>,
}

/// A `change` listener that reports the select's value.
fn on_select(cb: &Callback<String>) -> impl Fn(Event) {
    let cb = cb.clone();
    move |e: Event| {
        if let Some(s) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
            cb.emit(s.value());
        }
    }
}

/// `#filter-verdict` and `#filter-district`.
#[function_component]
pub fn Filters(p: &FiltersProps) -> Html {
    let lang = p.lang;
    let verdicts = VERDICTS.iter().map(|v| {
        html! { <option value={v.id()} selected={p.verdict == Some(*v)}>{ text::verdict(lang, *v) }</option> }
    });
    let districts = p.districts.iter().map(|d| {
        html! { <option value={d.clone()} selected={p.district.as_deref() == Some(d.as_str())}>{ d.clone() }</option> }
    });
    html! {
        <div class="filters">
            <label for="filter-verdict">{ t(lang, "结论", "Verdict") }</label>
            <select id="filter-verdict" onchange={on_select(&p.onverdict)}>
                <option value="" selected={p.verdict.is_none()}>{ t(lang, "全部", "All") }</option>
                { for verdicts }
            </select>
            <label for="filter-district">{ t(lang, "区县", "District") }</label>
            <select id="filter-district" onchange={on_select(&p.ondistrict)}>
                <option value="" selected={p.district.is_none()}>{ t(lang, "全部", "All") }</option>
                { for districts }
            </select>
        </div>
    }
}
