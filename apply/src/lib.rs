//! `tic-apply-web`: the way in, a separate bundle the page loads only when its 「申报准备」 tab is
//! first opened (the first view's bundle does not grow). From the self-assessment's answers it
//! shows what it would take to meet every condition, the subsidy against capacity-building
//! investment (a sweep chart with its kinks, live), the procedure of 三（一）–（三）, and the
//! construction-plan draft of 附件2 to preview, print or download (DOCX, Markdown, HTML).
//! Everything comes from the core (`reach`, `plan`, the policy data); nothing leaves the browser.
//!
//! JavaScript API: [`mount_apply`]`(element, { lang, plan })` mounts the view and returns a
//! handle with `set_lang(code)` and `set_plan(json)`; [`plan_docx`]`(applicantJson, lang)`
//! gives the DOCX bytes.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

/// The allocator of the WebAssembly module (see web/Cargo.toml for why).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub mod app;
pub mod components;
pub mod i18n;
pub mod state;

use app::{App, AppProps, Handle};
use state::Action;
use tic_core::Lang;
use wasm_bindgen::prelude::*;

fn option(options: &JsValue, key: &str) -> JsValue {
    if options.is_object() {
        js_sys::Reflect::get(options, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    }
}

/// The applicant of an option: a JSON string, or an object (stringified).
fn json_of(v: JsValue) -> Option<String> {
    if let Some(s) = v.as_string() {
        Some(s)
    } else if v.is_object() {
        js_sys::JSON::stringify(&v).ok().and_then(|s| s.as_string())
    } else {
        None
    }
}

/// Mounts the view into `element`. Options (as the tracking view's): `lang` (`"zh"`/`"en"`),
/// `plan` (the self-assessment's answers: contract JSON text or object). Throws if `element` is not an
/// element.
#[wasm_bindgen]
pub fn mount_apply(element: JsValue, options: JsValue) -> Result<ApplyMounted, JsError> {
    let element: web_sys::Element = element
        .dyn_into()
        .map_err(|_| JsError::new("mount_apply: the first argument must be an Element"))?;
    let handle = Handle::default();
    let props = AppProps {
        lang: option(&options, "lang")
            .as_string()
            .and_then(|s| Lang::from_code(&s))
            .unwrap_or_default(),
        applicant: json_of(option(&options, "plan")),
        handle: handle.clone(),
    };
    let app = yew::Renderer::<App>::with_root_and_props(element, props).render();
    Ok(ApplyMounted {
        app: Some(app),
        handle,
    })
}

/// A mounted view, as [`mount_apply`] returns it.
#[wasm_bindgen]
pub struct ApplyMounted {
    app: Option<yew::AppHandle<App>>,
    handle: Handle,
}

#[wasm_bindgen]
impl ApplyMounted {
    /// Switches the language (`"zh"` or `"en"`; anything else is ignored).
    pub fn set_lang(&self, lang: &str) {
        if let Some(l) = Lang::from_code(lang) {
            self.handle.dispatch(Action::Lang(l));
        }
    }

    /// Gives the self-assessment's current answers (contract JSON; `undefined` for none), as
    /// the tracking view's handle takes them.
    pub fn set_plan(&self, applicant: Option<String>) {
        self.handle.dispatch(Action::Applicant(applicant));
    }

    /// Removes the view from its element.
    pub fn unmount(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

/// The 附件2 plan draft of an applicant (contract JSON) as DOCX bytes, in `lang` (`"zh"`,
/// `"en"`). Throws an `Error` listing the applicant's problems, one per line.
#[wasm_bindgen]
pub fn plan_docx(applicant_json: &str, lang: &str) -> Result<Vec<u8>, JsError> {
    let lang = Lang::from_code(lang).unwrap_or_default();
    let policy = tic_core::policy::current();
    let a = tic_core::parse_applicant(policy, applicant_json).map_err(|errors| {
        JsError::new(
            &errors
                .iter()
                .map(|e| e.line(lang))
                .collect::<Vec<_>>()
                .join("\n"),
        )
    })?;
    let draft = tic_core::plan::draft(&tic_core::assess(policy, &a), &a);
    tic_plan::docx(&draft, lang).map_err(|e| JsError::new(&e))
}
