//! JSON arrays of applicants: the whole file's syntax checked at once, each element parsed
//! when its row is asked for.

use super::{Batch, InputFormat, InputRow};
use crate::{FileError, RowProblem};
use serde::de::IgnoredAny;
use serde_json::value::RawValue;
use serde_json::Value;
use tic_core::text::Text;

/// Reads a JSON array of applicants.
pub fn read_json(bytes: &[u8]) -> Result<Batch, FileError> {
    // A JSON row needs no policy to become a value.
    let items = json_items(bytes)?;
    let rows = items
        .iter()
        .enumerate()
        .map(|(i, raw)| json_row(i + 1, raw))
        .collect();
    Ok(Batch {
        format: InputFormat::Json,
        rows,
        layout: None,
        info: Default::default(),
    })
}

/// The elements of a JSON array of applicants, as text; the whole file's syntax is checked.
pub(super) fn json_items(bytes: &[u8]) -> Result<Vec<&RawValue>, FileError> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let syntax = |e: serde_json::Error| {
        FileError::new(
            format!("不是有效的 JSON（第{}行第{}列）：{e}", e.line(), e.column()),
            format!(
                "not valid JSON (line {}, column {}): {e}",
                e.line(),
                e.column()
            ),
        )
    };
    match serde_json::from_slice::<Vec<&RawValue>>(body) {
        Ok(items) => Ok(items),
        // A type error can only be the whole document's: valid JSON that is not an array, or
        // broken JSON that does not start like one (which the syntax check tells).
        Err(e) if e.is_data() => match serde_json::from_slice::<IgnoredAny>(body) {
            Err(e) => Err(syntax(e)),
            Ok(_) => Err(FileError::new(
                "批量文件应为申请单位的 JSON 列表 […]（单个申请请用 tic assess）",
                "a batch must be a JSON array of applicants […] (use tic assess for one applicant)",
            )),
        },
        Err(e) => Err(syntax(e)),
    }
}

/// One element of a JSON array as a row. Its syntax was checked with the whole file; only a
/// value nested deeper than the parser allows can fail here, and that is the row's problem.
pub(super) fn json_row(row: usize, raw: &RawValue) -> InputRow {
    match serde_json::from_str::<Value>(raw.get()) {
        Ok(value) => InputRow {
            row,
            value,
            problems: Vec::new(),
            warnings: Vec::new(),
        },
        Err(e) => InputRow {
            row,
            value: Value::Null,
            problems: vec![RowProblem {
                field: String::new(),
                column: None,
                cell: None,
                message: Text::new(format!("无法读取：{e}"), format!("cannot be read: {e}")),
            }],
            warnings: Vec::new(),
        },
    }
}
