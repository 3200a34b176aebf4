//! A list of checkboxes with an exclusive "none of these", in a fieldset.

use crate::form::{choice_id, field_id};
use yew::prelude::*;

/// One checkbox.
#[derive(Clone, PartialEq)]
pub struct CheckItem {
    /// Identifier (contract value).
    pub id: AttrValue,
    /// Visible text.
    pub label: AttrValue,
    /// A marker after the text (e.g. unconfirmed).
    pub note: Option<AttrValue>,
    /// Sub-heading of the group it starts, if it starts one.
    pub group: Option<AttrValue>,
}

/// Properties of [`CheckList`].
#[derive(Properties, PartialEq)]
pub struct CheckListProps {
    /// Contract path of the list.
    pub path: AttrValue,
    /// Legend.
    pub legend: AttrValue,
    /// Hint under the legend.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// A warning shown above the choices.
    #[prop_or_default]
    pub warning: Option<AttrValue>,
    /// The choices.
    pub items: Vec<CheckItem>,
    /// The choices checked; `None` when the list is not answered.
    pub selected: Option<Vec<String>>,
    /// Text of "none of these".
    pub none_label: AttrValue,
    /// Text between the choices and "none of these".
    pub or_label: AttrValue,
    /// Called with (list, choice, checked).
    pub ontoggle: Callback<(String, String, bool)>,
    /// Called with (list, checked) for "none of these".
    pub onnone: Callback<(String, bool)>,
}

/// A fieldset of checkboxes.
#[function_component]
pub fn CheckList(p: &CheckListProps) -> Html {
    let hint_id = format!("{}-hint", field_id(&p.path));
    let none_checked = p.selected.as_ref().is_some_and(|s| s.is_empty());
    let none_id = choice_id(&p.path, "none");
    let onnone = {
        let path = p.path.to_string();
        let cb = p.onnone.clone();
        Callback::from(move |e: Event| {
            let i: web_sys::HtmlInputElement = e.target_unchecked_into();
            cb.emit((path.clone(), i.checked()));
        })
    };
    html! {
        <div class="field">
            <fieldset class="fieldset" id={field_id(&p.path)} aria-describedby={p.hint.as_ref().map(|_| hint_id.clone())}>
                <legend class="fieldset__legend">{p.legend.clone()}</legend>
                if let Some(h) = &p.hint { <div class="hint" id={hint_id}>{h.clone()}</div> }
                if let Some(w) = &p.warning { <div class="warning-text"><span class="warning-text__icon" aria-hidden="true">{"!"}</span><span>{w.clone()}</span></div> }
                <div class="checkboxes">
                    { for p.items.iter().map(|it| {
                        let id = choice_id(&p.path, &it.id);
                        let checked = p.selected.as_ref().is_some_and(|s| s.iter().any(|x| *x == *it.id));
                        let onchange = {
                            let path = p.path.to_string();
                            let choice = it.id.to_string();
                            let cb = p.ontoggle.clone();
                            Callback::from(move |e: Event| {
                                let i: web_sys::HtmlInputElement = e.target_unchecked_into();
                                cb.emit((path.clone(), choice.clone(), i.checked()));
                            })
                        };
                        html! {
                            <>
                            if let Some(g) = &it.group { <p class="checkboxes__group">{g.clone()}</p> }
                            <div class="checkbox">
                                <input class="checkbox__input" type="checkbox" id={id.clone()} value={it.id.clone()} {checked} {onchange} />
                                <label class="checkbox__label" for={id}>
                                    {it.label.clone()}
                                    if let Some(n) = &it.note { <span class="tag tag--grey">{n.clone()}</span> }
                                </label>
                            </div>
                            </>
                        }
                    }) }
                    <p class="checkboxes__divider">{p.or_label.clone()}</p>
                    <div class="checkbox">
                        <input class="checkbox__input" type="checkbox" id={none_id.clone()} value="none" checked={none_checked} onchange={onnone} />
                        <label class="checkbox__label" for={none_id}>{p.none_label.clone()}</label>
                    </div>
                </div>
            </fieldset>
        </div>
    }
}
