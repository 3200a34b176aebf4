//! Spreadsheets (XLSX, and XLS, XLSB, ODS) through calamine.

use super::{layout_of, Batch, Cell, InputFormat, Items, RawTable, Source};
use crate::FileError;
use std::io::Cursor;
use tic_core::policy::Policy;

/// Reads the first sheet of a spreadsheet (XLSX, XLS, XLSB, ODS). The first non-empty row is
/// the header.
pub fn read_xlsx(policy: &Policy, bytes: &[u8]) -> Result<Batch, FileError> {
    Ok(open_xlsx(bytes)?.into_batch(policy))
}

pub(super) fn open_xlsx(bytes: &[u8]) -> Result<Source<'static>, FileError> {
    let t = xlsx_table(bytes)?;
    let (layout, positions) = layout_of(&t.header, t.col0)?;
    Ok(Source {
        format: InputFormat::Xlsx,
        layout: Some(layout),
        positions,
        items: Items::Cells(t.rows),
    })
}

/// The first sheet of a spreadsheet as a [`RawTable`]: its first non-empty row is the header.
pub(crate) fn xlsx_table(bytes: &[u8]) -> Result<RawTable, FileError> {
    use calamine::{Data, Reader};
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| {
        FileError::new(
            format!("无法读取电子表格：{e}"),
            format!("cannot read the spreadsheet: {e}"),
        )
    })?;
    let range = match book.worksheet_range_at(0) {
        Some(Ok(r)) => r,
        Some(Err(e)) => {
            return Err(FileError::new(
                format!("无法读取第一个工作表：{e}"),
                format!("cannot read the first sheet: {e}"),
            ))
        }
        None => {
            return Err(FileError::new(
                "电子表格没有工作表",
                "the spreadsheet has no sheet",
            ))
        }
    };
    let (row0, col0) = range.start().unwrap_or((0, 0));
    let cell = |d: &Data| match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(d) => Cell::Other(format!("date {}", d.as_f64())),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Other(format!("date {s}")),
        Data::Error(e) => Cell::Other(format!("#{e:?}")),
    };
    let mut rows = range.rows().enumerate();
    let mut header = Vec::new();
    for (_, r) in rows.by_ref() {
        let cells: Vec<Cell> = r.iter().map(cell).collect();
        if cells.iter().any(|c| !c.is_blank()) {
            header = cells;
            break;
        }
    }
    let body = rows
        .map(|(i, r)| {
            (
                row0 as usize + i + 1,
                r.iter().map(cell).collect::<Vec<_>>(),
            )
        })
        .filter(|(_, cells)| !cells.iter().all(Cell::is_blank))
        .collect();
    Ok(RawTable {
        header,
        col0: col0 as usize,
        rows: body,
    })
}
