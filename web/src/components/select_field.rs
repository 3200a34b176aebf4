//! A select of closed choices, with "not answered" first.

use crate::form::field_id;
use yew::prelude::*;

/// Properties of [`SelectField`].
#[derive(Properties, PartialEq)]
pub struct SelectFieldProps {
    /// Contract path of the field.
    pub path: AttrValue,
    /// Visible label.
    pub label: AttrValue,
    /// Hint under the label.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// Current value ("" = not answered).
    pub value: AttrValue,
    /// Text of the "not answered" option.
    pub placeholder: AttrValue,
    /// (value, text) of each choice.
    pub options: Vec<(AttrValue, AttrValue)>,
    /// Problem to show.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// Read-only.
    #[prop_or_default]
    pub disabled: bool,
    /// Smaller, inline layout (indicator table).
    #[prop_or_default]
    pub compact: bool,
    /// Called with (path, value) on change.
    pub onset: Callback<(String, String)>,
}

/// A labelled select. The shown choice follows `value` also after the user has used it
/// (the `selected` attribute alone would not).
#[function_component]
pub fn SelectField(p: &SelectFieldProps) -> Html {
    let id = field_id(&p.path);
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(p.value.clone(), move |v| {
            if let Some(sel) = node.cast::<web_sys::HtmlSelectElement>() {
                if sel.value() != v.as_str() {
                    sel.set_value(v);
                }
            }
        });
    }
    let onchange = {
        let path = p.path.to_string();
        let onset = p.onset.clone();
        Callback::from(move |e: Event| {
            let sel: web_sys::HtmlSelectElement = e.target_unchecked_into();
            onset.emit((path.clone(), sel.value()));
        })
    };
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let mut described = Vec::new();
    if p.hint.is_some() {
        described.push(hint_id.clone());
    }
    if p.error.is_some() {
        described.push(error_id.clone());
    }
    html! {
        <div class={classes!("field", p.compact.then_some("field--compact"), p.error.is_some().then_some("field--error"))}>
            <label class={classes!("label", p.compact.then_some("visually-hidden"))} for={id.clone()}>{p.label.clone()}</label>
            if let Some(h) = &p.hint { <div class="hint" id={hint_id}>{h.clone()}</div> }
            if let Some(e) = &p.error { <p class="error-message" id={error_id}>{e.clone()}</p> }
            <select class={classes!("select", p.error.is_some().then_some("input--error"))}
                id={id.clone()} name={id} ref={node} disabled={p.disabled}
                aria-describedby={(!described.is_empty()).then(|| described.join(" "))}
                aria-invalid={p.error.is_some().then_some("true")}
                {onchange}>
                <option value="" selected={p.value.is_empty()}>{p.placeholder.clone()}</option>
                { for p.options.iter().map(|(v, t)| html! {
                    <option value={v.clone()} selected={*v == p.value}>{t.clone()}</option>
                }) }
            </select>
        </div>
    }
}
