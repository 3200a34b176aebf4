//! CSV: decoding (UTF-8 with or without BOM, UTF-16 with BOM, GBK/GB18030) and records.

use super::sheet::{find_header, HEADER_SEARCH_ROWS};
use super::{
    layout_of, no_header, skipped, Batch, Cell, InputFormat, Items, RawTable, ReadInfo,
    ReadOptions, Source,
};
use crate::columns::{columns, Columns};
use crate::FileError;
use tic_core::policy::Policy;

/// Text of a CSV file: UTF-8 (BOM or not), UTF-16 with a BOM, or GBK/GB18030 (what Excel on a
/// Chinese Windows saves). Anything else is refused with a clear message.
///
/// GBK/GB18030 is decoded with the `xlsx` feature (encoding_rs). Without it (the batch view's
/// bundle), such a file gets the same message as any unreadable one: the batch view decodes it
/// first with the browser's own GB18030 decoder (the same WHATWG decoder as encoding_rs), so
/// that what reaches this function there is UTF-8.
pub fn decode_text(bytes: &[u8]) -> Result<String, FileError> {
    if let Some((name, text)) = with_bom(bytes) {
        return text.ok_or_else(|| {
            FileError::new(
                format!("文件以 {name} 的 BOM 开头，但内容不是有效的 {name}"),
                format!("the file starts with a {name} BOM but is not valid {name}"),
            )
        });
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(s.to_owned());
    }
    match gb18030(bytes) {
        Some(s) => Ok(s),
        None => Err(FileError::new(
            "无法识别文件编码：CSV 须为 UTF-8（可带 BOM）、带 BOM 的 UTF-16 或 GBK/GB18030 编码",
            "cannot read the text: a CSV must be UTF-8 (with or without BOM), UTF-16 with a BOM, or GBK/GB18030",
        )),
    }
}

/// A text that starts with a byte-order mark: the encoding's name, and the text after the mark
/// (`None` when it is not valid in that encoding).
fn with_bom(bytes: &[u8]) -> Option<(&'static str, Option<String>)> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return Some(("UTF-8", std::str::from_utf8(rest).ok().map(str::to_owned)));
    }
    let (name, unit): (_, fn([u8; 2]) -> u16) = match bytes.get(..2)? {
        [0xFF, 0xFE] => ("UTF-16LE", u16::from_le_bytes),
        [0xFE, 0xFF] => ("UTF-16BE", u16::from_be_bytes),
        _ => return None,
    };
    let rest = &bytes[2..];
    let units = rest.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    let text = char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .ok();
    Some((name, text.filter(|_| rest.len() % 2 == 0)))
}

#[cfg(feature = "xlsx")]
fn gb18030(bytes: &[u8]) -> Option<String> {
    encoding_rs::GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|s| s.into_owned())
}

#[cfg(not(feature = "xlsx"))]
fn gb18030(_: &[u8]) -> Option<String> {
    None
}

/// Reads CSV bytes (see [`decode_text`] for encodings). The separator is `,`, or tab / `;`
/// when the header line has no comma but those.
pub fn read_csv(policy: &Policy, bytes: &[u8]) -> Result<Batch, FileError> {
    Ok(open_csv(columns(policy), bytes, &ReadOptions::default())?.into_batch(policy))
}

pub(super) fn open_csv(
    cols: &'static Columns,
    bytes: &[u8],
    options: &ReadOptions,
) -> Result<Source<'static>, FileError> {
    let records = csv_all(bytes)?;
    let from = match options.header_row {
        Some(n) => match records.iter().position(|(r, _)| *r == n) {
            Some(i) => i,
            None => return Err(no_header(None, Some(n))),
        },
        None => 0,
    };
    let head: Vec<(u32, Vec<(u32, String)>)> = records
        .iter()
        .skip(from)
        .take(HEADER_SEARCH_ROWS + 1)
        .map(|(r, rec)| {
            let cells = rec
                .iter()
                .enumerate()
                .filter(|(_, t)| !t.trim().is_empty())
                .map(|(c, t)| (c as u32, t.to_owned()))
                .collect();
            (*r as u32 - 1, cells)
        })
        .collect();
    let at = options.header_row.map(|_| 0);
    let h = find_header(cols, &head, at).ok_or_else(|| no_header(None, options.header_row))?;
    let first = head[h.index].0 as usize + 1;
    let last = head[h.index + h.height - 1].0 as usize + 1;
    let (layout, positions, ignored, _) = layout_of(cols, &h.cells, Some(0))?;
    let mut skipped_rows = Vec::new();
    let body = records
        .into_iter()
        .filter(|(r, rec)| {
            if *r <= last {
                return false;
            }
            let first = rec
                .iter()
                .find(|t| !t.trim().is_empty())
                .map(super::clean_text);
            match skipped(*r, first) {
                Some(s) => {
                    skipped_rows.push(s);
                    false
                }
                None => true,
            }
        })
        .collect();
    Ok(Source {
        format: InputFormat::Csv,
        layout: Some(layout),
        positions,
        items: Items::Csv(body),
        info: ReadInfo {
            header_row: Some(first),
            header_rows: h.height,
            ignored_columns: ignored,
            skipped_rows,
            ..ReadInfo::default()
        },
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

/// The header cells (the first non-blank record) and the other non-blank records (spreadsheet
/// row, fields) of a CSV file.
#[allow(clippy::type_complexity)]
fn csv_records(bytes: &[u8]) -> Result<(Vec<Cell>, Vec<(usize, csv::StringRecord)>), FileError> {
    let mut records = csv_all(bytes)?.into_iter();
    let header = records
        .next()
        .map(|(_, rec)| {
            rec.iter()
                .map(|s| {
                    if s.is_empty() {
                        Cell::Empty
                    } else {
                        Cell::Text(s.to_owned())
                    }
                })
                .collect()
        })
        .unwrap_or_default();
    Ok((header, records.collect()))
}

/// The non-blank records (spreadsheet row, fields) of a CSV file.
fn csv_all(bytes: &[u8]) -> Result<Vec<(usize, csv::StringRecord)>, FileError> {
    let text = decode_text(bytes)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let first = text
        .lines()
        .find(|l| !l.trim_matches([',', ';', '\t', ' ']).is_empty())
        .unwrap_or("");
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
    let mut body = Vec::new();
    for (i, rec) in reader.records().enumerate() {
        let rec = rec.map_err(|e| {
            FileError::new(
                format!("CSV 第{}行无法读取：{e}", i + 1),
                format!("CSV row {} cannot be read: {e}", i + 1),
            )
        })?;
        if !rec.iter().all(|s| {
            s.chars()
                .all(|c| c.is_whitespace() || c == '\u{200B}' || c == '\u{FEFF}')
        }) {
            body.push((i + 1, rec));
        }
    }
    Ok(body)
}
