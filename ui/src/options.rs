//! The options object a view's `mount` function is given by `main.js`, the embed or a portal's
//! own script: anything missing or of the wrong type takes its default, so a wrong option never
//! stops a view from mounting.

use tic_core::Lang;
use wasm_bindgen::JsValue;

/// A view's options (`undefined`, `null` or an object).
#[derive(Clone, Copy, Debug)]
pub struct Options<'a>(pub &'a JsValue);

impl Options<'_> {
    /// The option `key` (`undefined` when missing, or when the options are not an object).
    #[inline]
    pub fn get(&self, key: &str) -> JsValue {
        if self.0.is_object() {
            js_sys::Reflect::get(self.0, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
        } else {
            JsValue::UNDEFINED
        }
    }

    /// `lang`: `"zh"` or `"en"`, else Chinese.
    #[inline]
    pub fn lang(&self) -> Lang {
        self.get("lang")
            .as_string()
            .and_then(|s| Lang::from_code(&s))
            .unwrap_or_default()
    }

    /// A boolean option; `default` when it is missing or not a boolean.
    #[inline]
    pub fn flag(&self, key: &str, default: bool) -> bool {
        self.get(key).as_bool().unwrap_or(default)
    }

    /// A JSON option given as a JSON string or as an object (made a string), else `None`.
    #[inline]
    pub fn json(&self, key: &str) -> Option<yew::AttrValue> {
        let v = self.get(key);
        if let Some(s) = v.as_string() {
            Some(s.into())
        } else if v.is_object() {
            js_sys::JSON::stringify(&v)
                .ok()
                .and_then(|s| s.as_string())
                .map(Into::into)
        } else {
            None
        }
    }
}
