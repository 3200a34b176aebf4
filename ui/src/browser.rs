//! What the views ask of the browser. Each function fails quietly where the browser refuses
//! (no window in a native test, storage off in a sandboxed frame, the clipboard without
//! permission): it returns nothing, `None` or `false` instead of throwing.

use tic_core::json::Json;
use wasm_bindgen::{JsCast, JsValue};

#[inline]
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Where a view keeps its record in localStorage: the record under `key`, and under `draft`
/// the raw text of the inputs that do not parse yet (an object of strings), so a reload loses
/// nothing the user typed.
#[derive(Clone, Copy, Debug)]
pub struct Store {
    /// The key of the record (its contract JSON).
    pub key: &'static str,
    /// The key of the draft.
    pub draft: &'static str,
}

impl Store {
    /// Saves the record and the draft; without a draft, a saved one is removed.
    #[inline]
    pub fn save(&self, record: &str, draft: Option<&str>) {
        let Some(s) = storage() else { return };
        let _ = s.set_item(self.key, record);
        let _ = match draft {
            Some(d) => s.set_item(self.draft, d),
            None => s.remove_item(self.draft),
        };
    }

    /// Removes the record and the draft.
    #[inline]
    pub fn forget(&self) {
        if let Some(s) = storage() {
            let _ = s.remove_item(self.key);
            let _ = s.remove_item(self.draft);
        }
    }

    /// The saved record's text, if there is one.
    #[inline]
    pub fn record(&self) -> Option<String> {
        storage()?.get_item(self.key).ok().flatten()
    }

    /// Gives `set` each input of the saved draft (its name and raw text): each member of the
    /// saved object that is a string. A draft that is not a JSON object (damaged, or written by
    /// another version) gives nothing; the view's own reading of each input checks the text.
    #[inline]
    pub fn draft(&self, mut set: impl FnMut(&str, String)) {
        let Some(text) = storage().and_then(|s| s.get_item(self.draft).ok().flatten()) else {
            return;
        };
        if let Ok(Json::Object(draft)) = tic_core::input::read_json(&text) {
            for (k, v) in draft.iter() {
                if let Some(v) = v.as_str() {
                    set(k, v.to_owned());
                }
            }
        }
    }
}

/// Dispatches the event `name` from `target` (bubbling, and out of a shadow root), its detail
/// the object of the JSON `detail`.
pub fn dispatch(target: &web_sys::Element, name: &str, detail: &str) {
    let detail = js_sys::JSON::parse(detail).unwrap_or(JsValue::NULL);
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = target.dispatch_event(&ev);
    }
}

/// Offers `text` as a download named `name` of type `mime` (written as UTF-8). Whether the
/// browser took it.
#[inline]
pub fn download_text(name: &str, mime: &str, text: &str) -> bool {
    offer(name, mime, &JsValue::from_str(text))
}

/// Offers `bytes` as a download named `name` of type `mime`. Whether the browser took it.
#[inline]
pub fn download_bytes(name: &str, mime: &str, bytes: &[u8]) -> bool {
    offer(name, mime, &js_sys::Uint8Array::from(bytes))
}

/// Offers a file of one part (a string or a `Uint8Array`) for download: a Blob URL clicked
/// through a link (nothing leaves the browser), and revoked at once. (The batch view used to
/// revoke it ten seconds later, for browsers that start the download after the click handler
/// returns; keeping the URL costs ~120 B gzipped in each bundle, and Chromium, which the
/// end-to-end tests download through, starts it at the click.) web-sys names Blob's
/// constructor by the type of its parts; JavaScript's takes a string or a `Uint8Array` alike, and
/// one import is linked instead of two.
#[inline]
fn offer(name: &str, mime: &str, part: &JsValue) -> bool {
    let parts = js_sys::Array::of1(part);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let Some(a) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        let _ = web_sys::Url::revoke_object_url(&url);
        return false;
    };
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    true
}

/// Opens the print dialog.
#[inline]
pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Prints with `class` set on the document's root element for the time of the dialog, so that
/// the print style sheet can show one part of the page alone.
pub fn print_marked(class: &str) {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    if let Some(r) = &root {
        let _ = r.class_list().add_1(class);
    }
    print();
    if let Some(r) = &root {
        let _ = r.class_list().remove_1(class);
    }
}

/// Puts text on the clipboard; whether it worked.
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

/// Today's date (year, month, day) in the user's time zone.
pub fn today() -> (u32, u32, u32) {
    let d = js_sys::Date::new_0();
    (d.get_full_year(), d.get_month() + 1, d.get_date())
}

/// Sets `<html lang>` when the view is mounted in the main document (not in a shadow root,
/// whose host page's language is its own).
pub fn follow_lang(host: &web_sys::Element, lang: &str) {
    let root = host.get_root_node();
    if let Some(doc) = root.dyn_ref::<web_sys::Document>() {
        if let Some(html) = doc.document_element() {
            let _ = html.set_attribute("lang", lang);
        }
    }
}

/// Moves the focus to the element with `id` inside `root` (an error summary's links), and
/// with `unfold`, first unfolds every closed `<details>` it is in (a view that folds its
/// sections).
#[inline]
pub fn focus(root: &web_sys::Element, id: &str, unfold: bool) {
    if let Ok(Some(el)) = root.query_selector(&["#", id].concat()) {
        while let (true, Ok(Some(d))) = (unfold, el.closest("details:not([open])")) {
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
