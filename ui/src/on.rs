//! The callbacks every view builds the same way.

use yew::prelude::*;

/// A file input's `onchange`: the first picked file goes to `then`, and the input is cleared so
/// that picking the same file again is seen again.
#[inline]
pub fn file_picked(then: Callback<web_sys::File>) -> Callback<Event> {
    Callback::from(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            then.emit(file);
        }
        input.set_value("");
    })
}

/// A button's `onclick` that emits `then`.
#[inline]
pub fn click(then: &Callback<()>) -> Callback<MouseEvent> {
    let then = then.clone();
    Callback::from(move |_: MouseEvent| then.emit(()))
}

/// Reads `file` as text in the background, then gives `then` the text, or `None` when the
/// browser could not read it.
#[inline]
pub fn read_text(file: web_sys::File, then: impl FnOnce(Option<String>) + 'static) {
    wasm_bindgen_futures::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(file.text())
            .await
            .ok()
            .and_then(|v| v.as_string());
        then(text);
    });
}

/// A link's `onclick` that scrolls to `node` and focuses it, without following the link's
/// `href` (the address may be a host page's).
#[inline]
pub fn focus_node(node: NodeRef) -> Callback<MouseEvent> {
    Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        if let Some(el) = node.cast::<web_sys::HtmlElement>() {
            el.scroll_into_view();
            let _ = el.focus();
        }
    })
}
