//! CSV: decoding (UTF-8 with or without BOM, UTF-16 with BOM, GBK/GB18030) and records.

use super::{layout_of, Batch, Cell, InputFormat, Items, RawTable, Source};
use crate::FileError;
use tic_core::policy::Policy;

/// Text of a CSV file: UTF-8 (BOM or not), UTF-16 with a BOM, or GBK/GB18030 (what Excel on a
/// Chinese Windows saves). Anything else is refused with a clear message.
pub fn decode_text(bytes: &[u8]) -> Result<String, FileError> {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) =
            enc.decode_without_bom_handling(bytes.get(bom..).unwrap_or_default());
        if !had_errors {
            return Ok(text.into_owned());
        }
        return Err(FileError::new(
            format!(
                "文件以 {} 的 BOM 开头，但内容不是有效的 {}",
                enc.name(),
                enc.name()
            ),
            format!(
                "the file starts with a {} BOM but is not valid {}",
                enc.name(),
                enc.name()
            ),
        ));
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(s.to_owned());
    }
    match encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(s) => Ok(s.into_owned()),
        None => Err(FileError::new(
            "无法识别文件编码：CSV 须为 UTF-8（可带 BOM）、带 BOM 的 UTF-16 或 GBK/GB18030 编码",
            "cannot read the text: a CSV must be UTF-8 (with or without BOM), UTF-16 with a BOM, or GBK/GB18030",
        )),
    }
}

/// Reads CSV bytes (see [`decode_text`] for encodings). The separator is `,`, or tab / `;`
/// when the header line has no comma but those.
pub fn read_csv(policy: &Policy, bytes: &[u8]) -> Result<Batch, FileError> {
    Ok(open_csv(bytes)?.into_batch(policy))
}

pub(super) fn open_csv(bytes: &[u8]) -> Result<Source<'static>, FileError> {
    let (header, body) = csv_records(bytes)?;
    let (layout, positions) = layout_of(&header, 0)?;
    Ok(Source {
        format: InputFormat::Csv,
        layout: Some(layout),
        positions,
        items: Items::Csv(body),
    })
}

/// A CSV file (see [`decode_text`]) as a [`RawTable`].
pub(crate) fn csv_table(bytes: &[u8]) -> Result<RawTable, FileError> {
    let (header, body) = csv_records(bytes)?;
    let rows = body
        .into_iter()
        .map(|(row, rec)| {
            let cells = rec
                .iter()
                .map(|s| {
                    if s.is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(s.to_owned())
                    }
                })
                .collect();
            (row, cells)
        })
        .collect();
    Ok(RawTable {
        header,
        col0: 0,
        rows,
    })
}

/// The header cells and the non-blank records (spreadsheet row, fields) of a CSV file.
#[allow(clippy::type_complexity)]
fn csv_records(bytes: &[u8]) -> Result<(Vec<Cell>, Vec<(usize, csv::StringRecord)>), FileError> {
    let text = decode_text(bytes)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let first = text.lines().next().unwrap_or("");
    let delimiter = if first.contains(',') {
        b','
    } else if first.contains('\t') {
        b'\t'
    } else if first.contains(';') {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut header = Vec::new();
    let mut body = Vec::new();
    for (i, rec) in reader.records().enumerate() {
        let rec = rec.map_err(|e| {
            FileError::new(
                format!("CSV 第{}行无法读取：{e}", i + 1),
                format!("CSV row {} cannot be read: {e}", i + 1),
            )
        })?;
        if i == 0 {
            header = rec
                .iter()
                .map(|s| {
                    if s.is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(s.to_owned())
                    }
                })
                .collect();
        } else if !rec.iter().all(|s| s.trim().is_empty()) {
            body.push((i + 1, rec));
        }
    }
    Ok((header, body))
}
