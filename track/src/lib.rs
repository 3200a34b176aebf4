//! `tic-track-web`: the construction-period tracking view (contract `tic-progress/1`) in Yew +
//! WebAssembly, a separate bundle the page loads only when its tracking tab is first opened.
//! The view decides nothing itself: the standing, milestones, funding and recovery all come
//! from `tic_core::track`.
//!
//! JavaScript API:
//! - [`track`]`(recordJson) -> string`: the report (`tic-progress-report/1`), or throws an
//!   `Error` listing every problem;
//! - [`mount_track`]`(element, options)`: mounts the view; it dispatches `tic-track:result`
//!   from that element each time the result changes.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

/// The allocator of the WebAssembly module (see web/Cargo.toml for why).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

pub mod browser;
pub mod components;
pub mod i18n;
pub mod num;
pub mod state;

use components::app::{App, AppProps, Current};
use state::Action;
use tic_core::Lang;
use wasm_bindgen::prelude::*;

/// Tracks a progress record (contract JSON) under the current policy and returns the report
/// as JSON, exactly as `tic track` prints it. Invalid input throws an `Error` whose message
/// lists every problem, one per line (`path: message`).
#[wasm_bindgen]
pub fn track(record_json: &str) -> Result<String, JsError> {
    tic_core::track_json(record_json).map_err(|errors| JsError::new(&state::error_text(&errors)))
}

/// Reads `mount_track`'s options: `{ lang: "zh"|"en", storage: bool, link: bool, plan:
/// applicant (object or JSON string), record: progress record (object or JSON string) }`.
/// Anything missing or of the wrong type takes its default (`storage` and `link` default to
/// true, as on the page; the embed passes `false` for both).
pub fn props_from_options(options: &JsValue) -> AppProps {
    let o = tic_ui::options::Options(options);
    AppProps {
        lang: o.lang(),
        storage: o.flag("storage", true),
        link: o.flag("link", true),
        plan: o.json("plan"),
        record: o.json("record"),
        current: Default::default(),
    }
}

/// Mounts the tracking view into `element` (any element, also inside a shadow root).
/// Returns a [`TrackMounted`] handle. Throws if `element` is not an element.
#[wasm_bindgen]
pub fn mount_track(element: JsValue, options: JsValue) -> Result<TrackMounted, JsError> {
    let element: web_sys::Element = element
        .dyn_into()
        .map_err(|_| JsError::new("mount_track: the first argument must be an Element"))?;
    let props = props_from_options(&options);
    let current = props.current.clone();
    let app = yew::Renderer::<App>::with_root_and_props(element, props).render();
    Ok(TrackMounted {
        app: Some(app),
        current,
    })
}

/// A mounted tracking view, as `mount_track` returns it.
#[wasm_bindgen]
pub struct TrackMounted {
    app: Option<yew::AppHandle<App>>,
    current: Current,
}

#[wasm_bindgen]
impl TrackMounted {
    /// Switches the interface language (`"zh"` or `"en"`; anything else is ignored).
    pub fn set_lang(&self, lang: &str) {
        if let Some(l) = Lang::from_code(lang) {
            self.current.dispatch(Action::Lang(l));
        }
    }

    /// Gives the self-assessment's current answers (applicant JSON; `undefined` for none), which
    /// "start from the plan" uses.
    pub fn set_plan(&self, plan: Option<String>) {
        self.current.dispatch(Action::PlanSource(plan));
    }

    /// The record shown now, as contract JSON (`undefined` before the first render or after
    /// `unmount`).
    pub fn record_json(&self) -> Option<String> {
        self.app
            .as_ref()
            .and_then(|_| self.current.shown(|r| r.to_json()))
    }

    /// Removes the view from its element.
    pub fn unmount(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}
