//! `tic-web`: the self-assessment page for Ningbo's Technology Innovation Centre guideline, in
//! Yew + WebAssembly. The page decides nothing itself: every verdict, amount and explanation
//! comes from `tic_core`.
//!
//! JavaScript API (see docs/embed.md and docs/format.md):
//! - [`assess`]`(applicantJson) -> string`: the contract assessment, or throws an `Error` listing
//!   every problem;
//! - [`mount`]`(element, options)`: mounts the app into any element (the page and the embed).
//!   Each mounted app dispatches `tic-assess:result` from that element.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

/// The allocator of the page's WebAssembly module (see web/Cargo.toml for why).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub mod browser;
pub mod components;
pub mod form;
pub mod i18n;
pub mod num;
pub mod state;

use components::app::{App, AppProps, Current};
use state::Action;
use tic_core::Lang;
use wasm_bindgen::prelude::*;

/// Assesses an applicant (contract JSON) under the current policy and returns the assessment
/// as contract JSON, exactly as `tic assess` prints it. Invalid input throws an `Error` whose
/// message lists every problem, one per line (`path: message`).
///
/// `options` (optional): `{ brief: true }` gives the brief result instead (verdict, each
/// requirement's status and numbers, the funding per year; docs/format.md "Brief result"),
/// for portals that screen many applicants in the page.
#[wasm_bindgen]
pub fn assess(applicant_json: &str, options: JsValue) -> Result<String, JsError> {
    let refuse = |errors: Vec<tic_core::InputError>| {
        let lines: Vec<String> = errors.iter().map(|e| e.line(Lang::En)).collect();
        JsError::new(&lines.join("\n"))
    };
    if !brief(&options) {
        return tic_core::assess_json(applicant_json).map_err(refuse);
    }
    let policy = tic_core::policy::current();
    let applicant = tic_core::parse_applicant(policy, applicant_json).map_err(refuse)?;
    let mut out = String::new();
    tic_core::report::write_brief(&tic_core::assess(policy, &applicant), &mut out);
    Ok(out)
}

/// Assesses every applicant of a JSON array in one call (no JS↔WebAssembly crossing per
/// applicant) and returns a JSON array of brief results in the same order; an invalid applicant
/// gives `{"error": ["path: message", …]}` in its place. Throws if the text is not a JSON array.
#[wasm_bindgen]
pub fn assess_many(applicants_json: &str) -> Result<String, JsError> {
    tic_core::report::brief_many(tic_core::policy::current(), applicants_json, Lang::En)
        .map_err(|e| JsError::new(&e.line(Lang::En)))
}

fn brief(options: &JsValue) -> bool {
    tic_ui::options::Options(options).get("brief").is_truthy()
}

/// Reads `mount`'s options: `{ lang: "zh"|"en", mode: "full"|"compact", applicant: object or
/// JSON string, storage: bool, link: bool }`. Anything missing or of the wrong type takes its
/// default (`storage` and `link` default to true, as on the page; the embed passes `false` for
/// both, so a widget neither stores anything nor reads or changes the host page's address).
pub fn props_from_options(options: &JsValue) -> AppProps {
    let o = tic_ui::options::Options(options);
    AppProps {
        lang: o.lang(),
        compact: o.get("mode").as_string().as_deref() == Some("compact"),
        storage: o.flag("storage", true),
        applicant: o.json("applicant"),
        link: o.flag("link", true),
        current: Default::default(),
    }
}

/// Mounts the full app into `element` (any element, also inside a shadow root). `options` as
/// in [`props_from_options`]; `undefined` for the defaults. Returns a [`Mounted`] handle that
/// changes the language or the layout in place. Throws if `element` is not an element.
#[wasm_bindgen]
pub fn mount(element: JsValue, options: JsValue) -> Result<Mounted, JsError> {
    let element: web_sys::Element = element
        .dyn_into()
        .map_err(|_| JsError::new("mount: the first argument must be an Element"))?;
    let props = props_from_options(&options);
    let current = props.current.clone();
    let app = yew::Renderer::<App>::with_root_and_props(element, props).render();
    Ok(Mounted {
        app: Some(app),
        current,
    })
}

/// A mounted app, as `mount` returns it: the embed changes its language and layout without
/// mounting it afresh, so nothing the user typed is lost.
#[wasm_bindgen]
pub struct Mounted {
    app: Option<yew::AppHandle<App>>,
    current: Current,
}

#[wasm_bindgen]
impl Mounted {
    /// Switches the interface language (`"zh"` or `"en"`; anything else is ignored).
    pub fn set_lang(&self, lang: &str) {
        if let Some(l) = Lang::from_code(lang) {
            self.current.dispatch(Action::Lang(l));
        }
    }

    /// Switches the layout: `"compact"`, else full.
    pub fn set_mode(&self, mode: &str) {
        self.current.dispatch(Action::Compact(mode == "compact"));
    }

    /// The applicant shown now, as contract JSON (`undefined` before the first render or
    /// after `unmount`).
    pub fn applicant_json(&self) -> Option<String> {
        self.app
            .as_ref()
            .and_then(|_| self.current.shown(|r| r.to_json()))
    }

    /// Removes the app from its element.
    pub fn unmount(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}
