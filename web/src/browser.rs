//! The few things the page asks of the browser: saved answers (localStorage), the
//! `#applicant=` link, the result event, a file download, the clipboard and today's date.
//! Every call that the browser may refuse (storage in a sandbox, clipboard without permission)
//! fails quietly instead of throwing.

use crate::form::Form;
use gloo_storage::{LocalStorage, Storage};
use tic_core::json::Json;
use tic_core::Applicant;
use wasm_bindgen::{JsCast, JsValue};

/// localStorage key of the applicant JSON (contract format).
pub const KEY_APPLICANT: &str = "tic-applicant/1";
/// localStorage key of the raw text of every field while some field does not parse.
pub const KEY_DRAFT: &str = "tic-draft/1";
/// Name of the result event.
pub const EVENT: &str = "tic-assess:result";
/// Prefix of the link fragment.
pub const LINK_PREFIX: &str = "#applicant=";

/// Whether localStorage can be used here (gloo-storage throws where it cannot).
fn storage_ok() -> bool {
    web_sys::window().is_some_and(|w| matches!(w.local_storage(), Ok(Some(_))))
}

/// Saves the answers: the applicant in contract format, and while some field does not parse,
/// the raw text of every field. An empty form removes both.
pub fn save(
    applicant: &Applicant,
    form: &Form,
    draft: Option<&serde_json::Map<String, serde_json::Value>>,
) {
    if !storage_ok() {
        return;
    }
    if form.is_empty() {
        LocalStorage::delete(KEY_APPLICANT);
        LocalStorage::delete(KEY_DRAFT);
        return;
    }
    // As the download writes it (`to_json`): the applicant's serialisation is linked once.
    let _ = LocalStorage::raw().set_item(KEY_APPLICANT, &applicant.to_json());
    match draft {
        Some(d) => {
            let _ = LocalStorage::raw().set_item(
                KEY_DRAFT,
                &serde_json::to_string_pretty(d).unwrap_or_default(),
            );
        }
        None => LocalStorage::delete(KEY_DRAFT),
    }
}

/// Erases the saved answers.
pub fn forget() {
    if storage_ok() {
        LocalStorage::delete(KEY_APPLICANT);
        LocalStorage::delete(KEY_DRAFT);
    }
}

/// What [`restore`] finds in the browser's storage.
pub enum Saved {
    /// Nothing saved (or no storage).
    Nothing,
    /// The saved answers.
    Answers(Form),
    /// Something is saved under the key but is not an applicant this page can read (damaged, or
    /// written by another version): the page says so and starts empty.
    Unreadable,
}

/// The saved answers, if any, and whether they could be read.
pub fn restore() -> Saved {
    let saved = match storage_ok() {
        true => LocalStorage::raw().get_item(KEY_APPLICANT).ok().flatten(),
        false => None,
    };
    let Some(saved) = saved else {
        return Saved::Nothing;
    };
    let policy = tic_core::policy::current();
    let mut form = match tic_core::input::read_json(&saved) {
        Ok(v) if tic_core::input::applicant_from_json(policy, &v).is_ok() => Form::from_json(&v),
        _ => return Saved::Unreadable,
    };
    // An object of strings, else nothing, as before.
    let draft = LocalStorage::raw().get_item(KEY_DRAFT).ok().flatten();
    if let Some(Ok(Json::Object(draft))) = draft.as_deref().map(tic_core::input::read_json) {
        if draft.iter().all(|(_, v)| v.as_str().is_some()) {
            for (k, v) in draft.iter() {
                if let Some(v) = v.as_str() {
                    form.set(k, v.to_owned());
                }
            }
        }
    }
    Saved::Answers(form)
}

/// Encodes applicant JSON for a link: base64url of the UTF-8, no padding.
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

/// Removes the `#applicant=` fragment from the address once loaded, so a reload shows the
/// saved answers (which then include the link's) rather than the link again.
pub fn drop_link_from_address() {
    let Some(w) = web_sys::window() else { return };
    let (Ok(path), Ok(search), Ok(history)) =
        (w.location().pathname(), w.location().search(), w.history())
    else {
        return;
    };
    let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{search}")));
}

/// The share link of an applicant: this page's address with `#applicant=…`.
pub fn share_link(applicant: &Applicant) -> String {
    // The download's pretty JSON made compact by the browser's own JSON (the same members in the
    // same order): the applicant's serialisation is linked into the module once, not per format.
    let pretty = applicant.to_json();
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

/// Puts text on the clipboard; reports whether it worked.
pub async fn copy(text: &str) -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    let clipboard = w.navigator().clipboard();
    if clipboard.is_undefined() || clipboard.is_null() {
        return false;
    }
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .is_ok()
}

/// Dispatches the result event (bubbles, composed; detail = the assessment object).
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

/// Today's date (year, month, day) in the user's time zone.
pub fn today() -> (u32, u32, u32) {
    let d = js_sys::Date::new_0();
    (d.get_full_year(), d.get_month() + 1, d.get_date())
}

/// Sets `<html lang>` when the app is mounted in the main document (not in a shadow root).
pub fn follow_lang(host: &web_sys::Element, lang: &str) {
    let root = host.get_root_node();
    if let Some(doc) = root.dyn_ref::<web_sys::Document>() {
        if let Some(html) = doc.document_element() {
            let _ = html.set_attribute("lang", lang);
        }
    }
}

/// Moves the focus to the element with `id` inside `root` (error summary links), unfolding
/// the `<details>` it is in (the compact layout's folded sections).
pub fn focus(root: &web_sys::Element, id: &str) {
    if let Ok(Some(el)) = root.query_selector(&format!("#{id}")) {
        while let Ok(Some(d)) = el.closest("details:not([open])") {
            if d.set_attribute("open", "").is_err() {
                break;
            }
        }
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
        let json = r#"{"schema":"tic-applicant/1","name":"宁波市某某中心"}"#;
        let d = encode_link_data(json);
        assert!(!d.contains('=') && !d.contains('+') && !d.contains('/'));
        assert_eq!(decode_link_data(&d).as_deref(), Some(json));
        assert_eq!(decode_link_data("%%%"), None);
    }
}
