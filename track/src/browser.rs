//! Where the tracking view keeps the record in the browser, and its names there: the
//! localStorage keys, the `#progress=` link, the result event. The browser calls themselves are
//! `tic_ui`'s.

use crate::state::{set_raw, Form};
use serde_json::Value;
use tic_core::track::Progress;
use tic_ui::browser::Store;

/// The localStorage keys: the record (contract `tic-progress/1`), and the raw text of the
/// inputs that do not parse.
pub const STORE: Store = Store {
    key: "tic-progress-v1",
    draft: "tic-progress-draft-v1",
};
/// Name of the result event.
pub const EVENT: &str = "tic-track:result";
/// Prefix of the link fragment.
pub const LINK_PREFIX: &str = "#progress=";

/// Saves the record and, while some input does not parse, its raw text. Nothing typed:
/// both removed.
pub fn save(progress: &Progress, form: &Form, draft: Option<Value>) {
    if form.is_empty() {
        return STORE.forget();
    }
    // Both as the download writes them (pretty): a value's serialisation is linked once.
    let draft = draft.map(|d| serde_json::to_string_pretty(&d).unwrap_or_default());
    STORE.save(&progress.to_json(), draft.as_deref());
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
    let Some(text) = STORE.record() else {
        return Saved::Nothing;
    };
    let Ok(p) = tic_core::parse_progress(tic_core::policy::current(), &text) else {
        return Saved::Unreadable;
    };
    let mut form = Form::from_progress(&p);
    STORE.draft(|k, v| set_raw(&mut form, k, v));
    Saved::Record(form)
}

/// The share link of a record: this page's address with `#progress=…`.
pub fn share_link(progress: &Progress) -> String {
    tic_ui::link::share(LINK_PREFIX, progress.to_json())
}
