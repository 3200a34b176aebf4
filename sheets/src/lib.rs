//! The batch view's spreadsheet bundle: the two things the view needs calamine and
//! rust_xlsxwriter for, and nothing else (no view, no policy).
//!
//! - [`read_book`]: a spreadsheet's bytes → every sheet read ([`tic_tabular::Book::read`], the
//!   reader `tic screen` uses), as JSON. The view then finds the sheet and the header in it
//!   with `Source::open_book`, the same code as for a file read here.
//! - [`write_book`]: a workbook described as JSON ([`tic_tabular::OutBook`], which the view builds
//!   with the same functions as `tic screen --format xlsx`) → its XLSX bytes.
//!
//! These crates and their tables (ZIP, deflate, XML, the legacy code pages) are half of what
//! the view would otherwise download; as a bundle of its own, the view fetches them only when
//! an official opens or saves a spreadsheet. Between the two modules only JSON text and bytes
//! travel, through the host page's JavaScript.

use tic_core::Text;
use tic_tabular::{Book, OutBook};
use wasm_bindgen::prelude::*;

/// The allocator of the WebAssembly module (see web/Cargo.toml for why).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Reads a spreadsheet (XLSX, XLS, XLSB, ODS) whole: the [`Book`] as JSON. Throws the reason,
/// as the JSON of a bilingual [`Text`], when the bytes are not a spreadsheet.
#[wasm_bindgen]
pub fn read_book(bytes: &[u8]) -> Result<String, String> {
    let book = Book::read(bytes).map_err(|e| text_json(&e.message))?;
    serde_json::to_string(&book).map_err(|e| text_json(&unwritable(e)))
}

/// Writes a workbook described as JSON (an [`OutBook`]): its XLSX bytes. Throws the reason, as
/// the JSON of a bilingual [`Text`], when the description cannot be read or written.
#[wasm_bindgen]
pub fn write_book(json: &str) -> Result<Vec<u8>, String> {
    let book: OutBook = serde_json::from_str(json).map_err(|e| {
        text_json(&Text::new(
            format!("工作簿描述无效：{e}"),
            format!("invalid workbook description: {e}"),
        ))
    })?;
    book.to_xlsx().map_err(|e| text_json(&e.message))
}

fn unwritable(e: serde_json::Error) -> Text {
    Text::new(
        format!("无法传递读取结果：{e}"),
        format!("cannot pass on what was read: {e}"),
    )
}

fn text_json(t: &Text) -> String {
    serde_json::to_string(t).unwrap_or_else(|_| t.en.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use tic_core::policy;
    use tic_tabular::{ReadOptions, Source};

    /// What the view does with a spreadsheet (bytes → this bundle → JSON → `open_book`) gives
    /// the rows, the read info and the errors of reading the bytes directly, as `tic screen`
    /// does, whatever the options.
    #[test]
    fn a_book_read_here_opens_as_the_file_does() {
        let p = policy::current();
        let described = serde_json::to_string(&tic_tabular::template_book(p)).unwrap();
        let xlsx = write_book(&described).unwrap();
        // The workbook written from its description is the command line's (their bytes differ
        // only in the creation time).
        let direct_xlsx = tic_tabular::template_xlsx(p).unwrap();
        assert_eq!(read_book(&xlsx), read_book(&direct_xlsx));
        let book: Book = serde_json::from_str(&read_book(&xlsx).unwrap()).unwrap();
        let options = [
            ReadOptions::default(),
            ReadOptions {
                sheet: Some("applicants".into()),
                header_row: Some(1),
            },
            ReadOptions {
                sheet: Some("说明".into()),
                header_row: None,
            },
            ReadOptions {
                sheet: Some("none".into()),
                header_row: None,
            },
            ReadOptions {
                sheet: None,
                header_row: Some(2),
            },
        ];
        for o in &options {
            let shown = |r: Result<Source<'_>, tic_tabular::FileError>| match r {
                Ok(s) => {
                    let b = s.into_batch(p);
                    format!("{:?} {:?}", b.rows, b.info)
                }
                Err(e) => format!("{:?}", e.message),
            };
            let via_book = shown(Source::open_book(p, &book, o));
            let direct = shown(Source::open_with(p, &xlsx, Some("t.xlsx"), o));
            assert_eq!(via_book, direct, "{o:?}");
        }
        let read = Source::open_book(p, &book, &options[0]).unwrap();
        assert_eq!(read.len(), 1);
    }

    #[test]
    fn what_is_not_a_spreadsheet_is_refused_in_both_languages() {
        let e = read_book(b"name,district\n").unwrap_err();
        let t: Text = serde_json::from_str(&e).unwrap();
        assert!(t.zh.contains("无法读取电子表格"), "{t:?}");
        assert!(t.en.contains("cannot read the spreadsheet"), "{t:?}");
        let e = write_book("{").unwrap_err();
        let t: Text = serde_json::from_str(&e).unwrap();
        assert!(t.zh.starts_with("工作簿描述无效"), "{t:?}");
    }
}
