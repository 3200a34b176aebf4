//! What the view asks of the browser: a file download and printing. Every call the browser may
//! refuse fails quietly instead of throwing.

use wasm_bindgen::JsCast;

/// Offers `bytes` as a file `name` of MIME type `mime`.
pub fn download(name: &str, mime: &str, bytes: &[u8]) {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes).into());
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(a) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Prints the plan draft alone: the document is marked so the print style sheet shows only it.
pub fn print_draft() {
    let Some(w) = web_sys::window() else { return };
    let root = w.document().and_then(|d| d.document_element());
    if let Some(r) = &root {
        let _ = r.class_list().add_1("tic-print-draft");
    }
    let _ = w.print();
    if let Some(r) = &root {
        let _ = r.class_list().remove_1("tic-print-draft");
    }
}
