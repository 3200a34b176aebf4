//! Where the page keeps the answers in the browser, and its names there: the localStorage keys,
//! the `#applicant=` link, the result event. The browser calls themselves are `tic_ui`'s.

use crate::form::Form;
use tic_core::Applicant;
use tic_ui::browser::Store;

/// The localStorage keys: the applicant JSON (contract format), and the raw text of every field
/// while some field does not parse.
pub const STORE: Store = Store {
    key: "tic-applicant/1",
    draft: "tic-draft/1",
};
/// Name of the result event.
pub const EVENT: &str = "tic-assess:result";
/// Prefix of the link fragment.
pub const LINK_PREFIX: &str = "#applicant=";

/// Saves the answers: the applicant in contract format, and while some field does not parse,
/// the raw text of every field. An empty form removes both.
pub fn save(
    applicant: &Applicant,
    form: &Form,
    draft: Option<&serde_json::Map<String, serde_json::Value>>,
) {
    if form.is_empty() {
        return STORE.forget();
    }
    // As the download writes it (`to_json`): the applicant's serialisation is linked once.
    let draft = draft.map(|d| serde_json::to_string_pretty(d).unwrap_or_default());
    STORE.save(&applicant.to_json(), draft.as_deref());
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
    let Some(saved) = STORE.record() else {
        return Saved::Nothing;
    };
    let policy = tic_core::policy::current();
    let mut form = match tic_core::input::read_json(&saved) {
        Ok(v) if tic_core::input::applicant_from_json(policy, &v).is_ok() => Form::from_json(&v),
        _ => return Saved::Unreadable,
    };
    STORE.draft(|k, v| form.set(k, v));
    Saved::Answers(form)
}

/// The share link of an applicant: this page's address with `#applicant=…`.
pub fn share_link(applicant: &Applicant) -> String {
    tic_ui::link::share(LINK_PREFIX, applicant.to_json())
}
