//! `tic-sandbox-web`: the policy sandbox page (`www/sandbox.html`) for officials. A file of
//! applicants (CSV, XLSX or JSON, one applicant or many) is screened under the current policy and
//! under a policy file (TOML, the built-in one's schema, checked as `tic --policy FILE` checks
//! it), and the two are shown side by side: the totals (counts by verdict, the subsidy by year
//! and by district), the rows whose result changes, and every difference of the two versions
//! with its clause. What `tic screen FILE --compare OTHER` and `tic policy diff` give, in the
//! browser; nothing is uploaded. Its own bundle, loaded only by that page.
//!
//! JavaScript API: [`mount`]`(element, { lang })`.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod app;
pub mod model;

use tic_core::Lang;
use wasm_bindgen::prelude::*;

/// Mounts the sandbox into `element`. Options: `lang` (`"zh"` or `"en"`).
#[wasm_bindgen]
pub fn mount(element: JsValue, options: JsValue) -> Result<(), JsError> {
    let element: web_sys::Element = element
        .dyn_into()
        .map_err(|_| JsError::new("mount: the first argument must be an Element"))?;
    let lang = if options.is_object() {
        js_sys::Reflect::get(&options, &JsValue::from_str("lang"))
            .ok()
            .and_then(|v| v.as_string())
            .and_then(|s| Lang::from_code(&s))
            .unwrap_or_default()
    } else {
        Lang::default()
    };
    yew::Renderer::<app::App>::with_root_and_props(element, app::AppProps { lang }).render();
    Ok(())
}
