//! The few browser calls of the view's own (the others are `tic_ui`'s): the clock, reading the
//! bundled sample, opening a tab. None of them sends the official's data anywhere.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Milliseconds from `performance.now()` (0 when there is no window, e.g. in native tests).
pub fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Reads a file of the site itself (the bundled sample), relative to the page.
pub async fn fetch_bytes(url: &str) -> Result<Vec<u8>, JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await?
        .dyn_into()?;
    if !response.ok() {
        return Err(JsValue::from_str(&format!("HTTP {}", response.status())));
    }
    let buffer = JsFuture::from(response.array_buffer()?).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Opens `url` in a new tab, without giving it a handle on this page.
pub fn open_tab(url: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.open_with_url_and_target_and_features(url, "_blank", "noopener");
    }
}

/// Sets `<html lang>` and the document title.
pub fn set_document_lang(code: &str, title: &str) {
    if let Some(d) = web_sys::window().and_then(|w| w.document()) {
        if let Some(root) = d.document_element() {
            let _ = root.set_attribute("lang", code);
        }
        d.set_title(title);
    }
}

/// Waits for the browser to handle events and paint (a zero-delay timer).
pub async fn yield_to_browser() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}
