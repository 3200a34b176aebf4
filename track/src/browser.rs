//! What the tracking view asks of the browser: the saved record (localStorage), the
//! `#progress=` link, the result event, a file download and printing. Every call the browser
//! may refuse fails quietly instead of throwing.

use crate::state::{set_raw, Form};
use gloo_storage::{LocalStorage, Storage};
use serde_json::Value;
use tic_core::json::Json;
use tic_core::track::Progress;
use wasm_bindgen::{JsCast, JsValue};

/// localStorage key of the record (contract `tic-progress/1`).
pub const KEY: &str = "tic-progress-v1";
/// localStorage key of the raw text of the inputs that do not parse.
pub const KEY_DRAFT: &str = "tic-progress-draft-v1";
/// Name of the result event.
pub const EVENT: &str = "tic-track:result";
/// Prefix of the link fragment.
pub const LINK_PREFIX: &str = "#progress=";

fn storage_ok() -> bool {
    web_sys::window().is_some_and(|w| matches!(w.local_storage(), Ok(Some(_))))
}

/// Saves the record and, while some input does not parse, its raw text. Nothing typed:
/// both removed.
pub fn save(progress: &Progress, form: &Form, draft: Option<Value>) {
    if !storage_ok() {
        return;
    }
    if form.is_empty() {
        forget();
        return;
    }
    // Both as the download writes them (pretty): a value's serialisation is linked once.
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = s.set_item(KEY, &progress.to_json());
    }
    match draft {
        Some(d) => {
            let _ = LocalStorage::raw().set_item(
                KEY_DRAFT,
                &serde_json::to_string_pretty(&d).unwrap_or_default(),
            );
        }
        None => LocalStorage::delete(KEY_DRAFT),
    }
}

/// Erases the saved record.
pub fn forget() {
    if storage_ok() {
        LocalStorage::delete(KEY);
        LocalStorage::delete(KEY_DRAFT);
    }
}

/// What is saved: nothing, a readable record (as a form, with its draft), or something that
/// cannot be read (corrupt or foreign).
pub enum Saved {
    /// Nothing saved.
    Nothing,
    /// The saved record.
    Record(Form),
    /// A value that is not a record.
    Unreadable,
}

/// The saved record.
pub fn restore() -> Saved {
    if !storage_ok() {
        return Saved::Nothing;
    }
    let Some(text) = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(KEY).ok().flatten())
    else {
        return Saved::Nothing;
    };
    let Ok(p) = tic_core::parse_progress(tic_core::policy::current(), &text) else {
        return Saved::Unreadable;
    };
    let mut form = Form::from_progress(&p);
    let draft = LocalStorage::raw().get_item(KEY_DRAFT).ok().flatten();
    if let Some(Ok(Json::Object(draft))) = draft.as_deref().map(tic_core::input::read_json) {
        for (k, v) in draft.iter() {
            if let Some(v) = v.as_str() {
                set_raw(&mut form, k, v.to_owned());
            }
        }
    }
    Saved::Record(form)
}

/// Encodes record JSON for a link: base64url of the UTF-8, no padding.
pub fn encode_link_data(json: &str) -> String {
    tic_core::link::encode(json)
}

/// Decodes the data of a link (padding tolerated). `None` if it is not base64url UTF-8.
pub fn decode_link_data(data: &str) -> Option<String> {
    tic_core::link::decode(data)
}

/// The link's data in the current address, if it has one.
pub fn link_data() -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    hash.strip_prefix(LINK_PREFIX).map(str::to_owned)
}

/// Removes the `#progress=` fragment from the address once loaded.
pub fn drop_link_from_address() {
    let Some(w) = web_sys::window() else { return };
    let (Ok(path), Ok(search), Ok(history)) =
        (w.location().pathname(), w.location().search(), w.history())
    else {
        return;
    };
    let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{search}")));
}

/// The share link of a record: this page's address with `#progress=…`.
pub fn share_link(progress: &Progress) -> String {
    // The download's pretty JSON made compact by the browser's own JSON (the same members in the
    // same order), not by a second serialisation linked into the module.
    let pretty = progress.to_json();
    let json = js_sys::JSON::parse(&pretty)
        .and_then(|v| js_sys::JSON::stringify(&v))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or(pretty);
    let base = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let base = base.split('#').next().unwrap_or_default();
    format!("{base}{LINK_PREFIX}{}", encode_link_data(&json))
}

/// Dispatches the result event (bubbles, composed; detail = the report object).
pub fn dispatch_result(target: &web_sys::Element, report_json: &str) {
    let detail = js_sys::JSON::parse(report_json).unwrap_or(JsValue::NULL);
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict(EVENT, &init) {
        let _ = target.dispatch_event(&ev);
    }
}

/// Offers `text` as a download named `name`.
pub fn download(name: &str, text: &str, within: &web_sys::Element) {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type("application/json");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(a) = within
        .owner_document()
        .and_then(|d| d.create_element("a").ok())
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Opens the print dialog.
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Moves the focus to the element with `id` inside `root` (error summary links).
pub fn focus(root: &web_sys::Element, id: &str) {
    if let Ok(Some(el)) = root.query_selector(&format!("#{id}")) {
        el.scroll_into_view();
        if let Some(h) = el.dyn_ref::<web_sys::HtmlElement>() {
            let _ = h.focus();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_data_round_trips_utf8() {
        let json = r#"{"schema":"tic-progress/1","name":"宁波市某某中心"}"#;
        let d = encode_link_data(json);
        assert!(!d.contains('=') && !d.contains('+') && !d.contains('/'));
        assert_eq!(decode_link_data(&d).as_deref(), Some(json));
        assert_eq!(decode_link_data("%%%"), None);
    }
}
