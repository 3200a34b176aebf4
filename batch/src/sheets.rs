//! The browser's part of reading a file and of saving a spreadsheet: what this bundle leaves to
//! others so that it stays small.
//!
//! - A spreadsheet is read, and a workbook written, by the sheets bundle (`www/sheets-pkg/`,
//!   built from `sheets/`: calamine and rust_xlsxwriter through `tic-tabular`, the code
//!   `tic screen` runs). The host page hands [`crate::mount`] a `sheets` function that imports
//!   and starts that bundle; it is called the first time a spreadsheet is opened or saved, and
//!   the module is kept. Only bytes and JSON text pass between the two modules.
//! - A CSV saved in GBK/GB18030 (Excel on a Chinese Windows) is decoded by the browser's own
//!   `TextDecoder` (the WHATWG GB18030 decoder, which encoding_rs implements too on the command
//!   line) before `tic-tabular` reads it as UTF-8.

use crate::source::Input;
use std::cell::RefCell;
use tic_core::Text;
use tic_tabular::{Book, InputFormat, OutBook};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

thread_local! {
    /// The host page's loader: returns a promise of the started sheets module.
    static LOADER: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
    /// The sheets module, once loaded.
    static MODULE: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

/// Keeps the host page's loader of the sheets bundle (`mount`'s `sheets` option).
pub fn set_loader(loader: Option<js_sys::Function>) {
    LOADER.with(|l| *l.borrow_mut() = loader);
}

fn unavailable(why: &str) -> Text {
    Text::new(
        format!("无法加载电子表格模块（读写 XLSX 所需）：{why}"),
        format!(
            "The spreadsheet module (needed to read and write XLSX) could not be loaded: {why}"
        ),
    )
}

fn shown(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_default()
}

async fn module() -> Result<JsValue, Text> {
    if let Some(m) = MODULE.with(|m| m.borrow().clone()) {
        return Ok(m);
    }
    let loader = LOADER
        .with(|l| l.borrow().clone())
        .ok_or_else(|| unavailable("mount({ sheets })"))?;
    let promise = loader
        .call0(&JsValue::NULL)
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
        .ok_or_else(|| unavailable("mount({ sheets })"))?;
    let m = JsFuture::from(promise)
        .await
        .map_err(|e| unavailable(&shown(&e)))?;
    MODULE.with(|c| *c.borrow_mut() = Some(m.clone()));
    Ok(m)
}

/// Starts loading the sheets bundle, without waiting for it: called when the official opens the
/// file picker or drags a file over the view, so that a spreadsheet does not wait for the bundle
/// once picked (a CSV or JSON file then loaded it for nothing: a static file of the site, cached).
pub fn preload() {
    thread_local!(static ASKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
    if !ASKED.with(|a| a.replace(true)) {
        wasm_bindgen_futures::spawn_local(async {
            if module().await.is_err() {
                // Asked again next time (the file's own reading reports the error).
                ASKED.with(|a| a.set(false));
            }
        });
    }
}

/// Calls the sheets module's `name` with `arg`; what it throws is a JSON [`Text`].
async fn call(name: &str, arg: &JsValue) -> Result<JsValue, Text> {
    let m = module().await?;
    let f = js_sys::Reflect::get(&m, &JsValue::from_str(name))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or_else(|| unavailable(name))?;
    f.call1(&JsValue::NULL, arg).map_err(|e| {
        let s = shown(&e);
        serde_json::from_str(&s).unwrap_or_else(|_| unavailable(&s))
    })
}

/// Every sheet of a spreadsheet, as `tic-tabular` reads it (in the sheets bundle).
pub async fn read(bytes: &[u8]) -> Result<Book, Text> {
    let json = call("read_book", &js_sys::Uint8Array::from(bytes).into()).await?;
    let json = json.as_string().unwrap_or_default();
    serde_json::from_str(&json).map_err(|e| unavailable(&e.to_string()))
}

/// A workbook's XLSX bytes, as `tic-tabular` writes them (in the sheets bundle).
pub async fn write(book: &OutBook) -> Result<Vec<u8>, Text> {
    let json = serde_json::to_string(book).map_err(|e| unavailable(&e.to_string()))?;
    let bytes = call("write_book", &JsValue::from_str(&json)).await?;
    Ok(js_sys::Uint8Array::new(&bytes).to_vec())
}

/// Text in GB18030 (GBK is a part of it), by the browser's decoder; `None` when the bytes are
/// not valid GB18030 either (then `tic-tabular` says which encodings a CSV may have).
fn gb18030(bytes: &[u8]) -> Option<String> {
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    let decoder = web_sys::TextDecoder::new_with_label_and_options("gb18030", &options).ok()?;
    decoder.decode_with_u8_array(bytes).ok()
}

/// A picked file made ready for [`crate::source`]: a spreadsheet read by the sheets bundle, a
/// CSV that is neither UTF-8 nor marked by a byte-order mark decoded as GB18030.
pub async fn prepare(name: String, bytes: Vec<u8>) -> Result<Input, Text> {
    let mut input = Input::new(name, bytes);
    match input.format() {
        InputFormat::Xlsx => input.book = Some(read(&input.bytes).await?),
        InputFormat::Csv => {
            let b = &input.bytes;
            let marked = b.starts_with(b"\xEF\xBB\xBF")
                || b.starts_with(b"\xFF\xFE")
                || b.starts_with(b"\xFE\xFF");
            if !marked && std::str::from_utf8(b).is_err() {
                if let Some(text) = gb18030(b) {
                    input.bytes = text.into_bytes();
                }
            }
        }
        InputFormat::Json => {}
    }
    Ok(input)
}
