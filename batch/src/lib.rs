//! `tic-batch`: the district officials' pre-screening view, a WebAssembly bundle of its own so
//! the single-applicant page stays small.
//!
//! An official picks or drops a CSV, XLSX or JSON file; it is read by `tic-tabular` (the same
//! reader as `tic screen`) and every applicant is assessed by `tic-core`, all in the browser:
//! nothing is uploaded. The view shows the counts per verdict, the rows that could not be read
//! (row, column, message), and a sortable, filterable table; a row opens in the single view.
//! Results export as CSV or XLSX through `tic-tabular`'s writers.
//!
//! It also reads a construction-period portfolio (a tracking sheet, or a JSON array of
//! `tic-progress/1` records; detected, or chosen with the mode switch): every centre's standing
//! from `tic_core::track`, sorted by risk, the counts and totals, and the exports of `tic track`.
//!
//! One reducer ([`state`]) and one function component per file ([`components`]); [`app`] is the
//! root.
//!
//! `www/batch.js` does `import init, { mount } from './batch-pkg/tic_batch.js'; await init();
//! mount(document.getElementById('batch-app'), { lang, sheets })`, where `sheets` imports and
//! starts the spreadsheet bundle (`www/sheets-pkg/`, see [`sheets`]) when first needed.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod app;
pub mod components;
pub mod dom;
pub mod model;
pub mod portfolio;
pub mod sheets;
pub mod source;
pub mod state;
pub mod text;

use wasm_bindgen::prelude::*;

/// The allocator of the WebAssembly module (see web/Cargo.toml for why).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Mounts the batch view into `element`. `options` may be `{ lang: "zh" | "en", sheets }`
/// (default: Chinese); `sheets` is a function returning a promise of the started sheets module
/// (`www/sheets-pkg/tic_sheets.js`), without which spreadsheets cannot be opened or saved.
#[wasm_bindgen]
pub fn mount(element: web_sys::Element, options: JsValue) {
    let o = tic_ui::options::Options(&options);
    let lang = o.lang();
    sheets::set_loader(o.get("sheets").dyn_into().ok());
    yew::Renderer::<app::App>::with_root_and_props(element, app::Props { lang }).render();
}
