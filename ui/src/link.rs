//! Share links: a record in the address's fragment (`#applicant=…`, `#progress=…`), made
//! compact and base64url-encoded by [`tic_core::link`]. Opening such a link loads the record;
//! once loaded, the fragment is taken out of the address so that a reload shows the saved
//! record rather than the link again.

use wasm_bindgen::{closure::Closure, JsCast, JsValue};

/// What a link in the address holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Linked {
    /// The record's JSON (not yet checked: the view's reducer reads it like an imported file).
    Record(String),
    /// Data that is not base64url-encoded UTF-8 (a link cut short when it was copied).
    Bad,
}

/// The link in the current address that starts with `prefix`, if there is one.
#[inline]
pub fn linked(prefix: &str) -> Option<Linked> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let data = hash.strip_prefix(prefix)?;
    Some(tic_core::link::decode(data).map_or(Linked::Bad, Linked::Record))
}

/// Removes the fragment from the address (keeping the path and the query).
#[inline]
pub fn drop_from_address() {
    let Some(w) = web_sys::window() else { return };
    let (Ok(mut path), Ok(search), Ok(history)) =
        (w.location().pathname(), w.location().search(), w.history())
    else {
        return;
    };
    path.push_str(&search);
    let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&path));
}

/// The share link of a record given as JSON: this page's address with `prefix` and the
/// record, made compact and encoded.
///
/// The JSON is made compact by the browser's own `JSON.parse`/`JSON.stringify` (the same
/// members in the same order), so that a view links one serialisation of its record (the
/// download's, pretty) and not a second, compact one.
#[inline]
pub fn share(prefix: &str, json: String) -> String {
    let json = js_sys::JSON::parse(&json)
        .and_then(|v| js_sys::JSON::stringify(&v))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or(json);
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    // Split, not truncated: `truncate` would link a panic for a cut inside a character.
    let mut link = String::from(href.split('#').next().unwrap_or_default());
    link.push_str(prefix);
    link.push_str(&tic_core::link::encode(&json));
    link
}

/// Follows the links pasted into the address bar of the open page (a `hashchange`): each one
/// that starts with `prefix` is given to `then`, until the returned function is called. A
/// view calls this from an effect that runs once (`use_effect_with((), …)`) and returns the
/// function as the effect's cleanup.
#[inline]
pub fn follow(prefix: &'static str, then: impl Fn(Linked) + 'static) -> impl FnOnce() {
    let listener = Closure::<dyn Fn()>::new(move || {
        if let Some(l) = linked(prefix) {
            then(l);
        }
    });
    if let Some(w) = web_sys::window() {
        let _ = w.add_event_listener_with_callback("hashchange", listener.as_ref().unchecked_ref());
    }
    move || {
        if let Some(w) = web_sys::window() {
            let _ = w.remove_event_listener_with_callback(
                "hashchange",
                listener.as_ref().unchecked_ref(),
            );
        }
    }
}
