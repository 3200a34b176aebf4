//! A text input (numbers are text too, `inputmode="decimal"`, so nothing typed is lost).

use crate::form::field_id;
use yew::prelude::*;

/// Properties of [`TextField`].
#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    /// Contract path of the field.
    pub path: AttrValue,
    /// Visible label.
    pub label: AttrValue,
    /// Hint under the label.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// Raw text.
    pub value: AttrValue,
    /// Problem to show.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// A number field.
    #[prop_or_default]
    pub numeric: bool,
    /// A unit shown after the input.
    #[prop_or_default]
    pub suffix: Option<AttrValue>,
    /// Width class (`input--w5` …).
    #[prop_or_default]
    pub width: Option<&'static str>,
    /// Called with (path, text) on every keystroke.
    pub onset: Callback<(String, String)>,
}

/// A labelled text input with hint and inline error.
#[function_component]
pub fn TextField(p: &TextFieldProps) -> Html {
    let id = field_id(&p.path);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let suffix_id = format!("{id}-unit");
    let mut described = Vec::new();
    if p.hint.is_some() {
        described.push(hint_id.clone());
    }
    if p.error.is_some() {
        described.push(error_id.clone());
    }
    if p.suffix.is_some() {
        described.push(suffix_id.clone());
    }
    let oninput = {
        let path = p.path.to_string();
        let onset = p.onset.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            onset.emit((path.clone(), input.value()));
        })
    };
    html! {
        <div class={classes!("field", p.error.is_some().then_some("field--error"))}>
            <label class="label" for={id.clone()}>{p.label.clone()}</label>
            if let Some(h) = &p.hint { <div class="hint" id={hint_id}>{h.clone()}</div> }
            if let Some(e) = &p.error { <p class="error-message" id={error_id}>{e.clone()}</p> }
            <div class="input-row">
                <input
                    class={classes!("input", p.width, p.error.is_some().then_some("input--error"))}
                    id={id.clone()} name={id} type="text"
                    inputmode={p.numeric.then_some("decimal")}
                    autocomplete="off" spellcheck="false"
                    value={p.value.clone()}
                    aria-describedby={(!described.is_empty()).then(|| described.join(" "))}
                    aria-invalid={p.error.is_some().then_some("true")}
                    {oninput} />
                if let Some(s) = &p.suffix { <span class="input-suffix" id={suffix_id}>{s.clone()}</span> }
            </div>
        </div>
    }
}
