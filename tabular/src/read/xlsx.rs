//! Spreadsheets (XLSX, and XLS, XLSB, ODS) through calamine.
//!
//! XLSX sheets are read cell by cell from the worksheet's XML (`XlsxCellReader`), keeping only
//! the cells that hold something: time and memory follow the cells with data, never the sheet's
//! declared size (one stray cell at XFD1048576 costs one cell). A formula cell without a saved
//! value is kept as [`Cell::NoValue`] so that it is reported, never read as empty. Merged
//! regions are read too (see [`super::sheet`]). The legacy formats go through calamine's dense
//! `Range`, as before.
//!
//! calamine is there with the `xlsx` feature. Without it (the batch view's bundle) a spreadsheet
//! arrives already read, as a [`Book`] that the sheets bundle made with [`Book::read`], and
//! everything after the reading (which sheet, which header, merged cells, totals) is the same
//! code.

#[cfg(feature = "xlsx")]
use super::sheet::SheetRow;
use super::sheet::{find_header, Grid, Header, HEADER_SEARCH_ROWS};
use super::{
    layout_of, no_header, skipped, Cell, InputFormat, Items, RawTable, ReadInfo, ReadOptions,
    Source,
};
use crate::columns::Columns;
use crate::FileError;
#[cfg(feature = "xlsx")]
use calamine::{Data, DataRef, Reader, Xlsx};
use serde::{Deserialize, Serialize};
#[cfg(feature = "xlsx")]
use std::io::Cursor;
use tic_core::Text;

/// Reads a spreadsheet (XLSX, XLS, XLSB, ODS): the sheet whose header names the most known
/// columns (the header search of `read/sheet.rs`).
#[cfg(feature = "xlsx")]
pub fn read_xlsx(
    policy: &tic_core::policy::Policy,
    bytes: &[u8],
) -> Result<super::Batch, FileError> {
    let cols = crate::columns::columns(policy);
    Ok(open_xlsx(cols, Open::bytes(bytes)?, &ReadOptions::default())?.into_batch(policy))
}

/// A spreadsheet read whole: each sheet's name and what was read of it (the cells that hold
/// something and the merged regions, or why the sheet could not be read). The batch view gets
/// one from the sheets bundle, which reads the file with [`Book::read`] (the reader of
/// `tic screen`); between the two it travels as JSON.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Book {
    sheets: Vec<(String, Result<Grid, Text>)>,
}

impl Book {
    /// Reads every sheet of a spreadsheet (XLSX, XLS, XLSB, ODS). An error here is a file that
    /// is not a spreadsheet at all; a sheet that cannot be read keeps its error, reported if
    /// that sheet is the one looked at.
    #[cfg(feature = "xlsx")]
    pub fn read(bytes: &[u8]) -> Result<Book, FileError> {
        let mut open = Open::bytes(bytes)?;
        let sheets = open
            .sheet_names()
            .into_iter()
            .map(|name| {
                let grid = open.grid(&name).map_err(|e| e.message);
                (name, grid)
            })
            .collect();
        Ok(Book { sheets })
    }
}

/// An open workbook.
pub(crate) enum Open<'a> {
    #[cfg(feature = "xlsx")]
    Xlsx(Box<Xlsx<Cursor<&'a [u8]>>>, &'a [u8]),
    #[cfg(feature = "xlsx")]
    Other(Box<calamine::Sheets<Cursor<&'a [u8]>>>),
    /// Read already ([`Book::read`]).
    Read(&'a Book),
}

#[cfg(feature = "xlsx")]
fn unreadable(e: impl std::fmt::Display) -> FileError {
    FileError::new(
        format!("无法读取电子表格：{e}"),
        format!("cannot read the spreadsheet: {e}"),
    )
}

impl<'a> Open<'a> {
    #[cfg(feature = "xlsx")]
    pub(crate) fn bytes(bytes: &'a [u8]) -> Result<Open<'a>, FileError> {
        if bytes.starts_with(b"PK\x03\x04") {
            if let Ok(x) = Xlsx::new(Cursor::new(bytes)) {
                return Ok(Open::Xlsx(Box::new(x), bytes));
            }
        }
        calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
            .map(|b| Open::Other(Box::new(b)))
            .map_err(unreadable)
    }

    pub(super) fn sheet_names(&self) -> Vec<String> {
        match self {
            #[cfg(feature = "xlsx")]
            Open::Xlsx(x, _) => x.sheet_names(),
            #[cfg(feature = "xlsx")]
            Open::Other(b) => b.sheet_names(),
            Open::Read(b) => b.sheets.iter().map(|(n, _)| n.clone()).collect(),
        }
    }

    /// A sheet's cells that hold something, by row, and its merged regions.
    pub(super) fn grid(&mut self, name: &str) -> Result<Grid, FileError> {
        let cannot = |e: &dyn std::fmt::Display| {
            FileError::new(
                format!("无法读取工作表「{name}」：{e}"),
                format!("cannot read the sheet \"{name}\": {e}"),
            )
        };
        match self {
            Open::Read(book) => match book.sheets.iter().find(|(n, _)| n == name) {
                Some((_, Ok(grid))) => Ok(grid.clone()),
                Some((_, Err(e))) => Err(FileError { message: e.clone() }),
                None => Err(cannot(&"没有这个工作表 no such sheet")),
            },
            #[cfg(feature = "xlsx")]
            Open::Xlsx(x, bytes) => xlsx_grid(x, bytes, name, cannot),
            #[cfg(feature = "xlsx")]
            Open::Other(b) => {
                let range = b.worksheet_range(name).map_err(|e| cannot(&e))?;
                let (r0, c0) = range.start().unwrap_or((0, 0));
                let mut rows = Rows::default();
                for (r, c, d) in range.used_cells() {
                    rows.push((r0 + r as u32, c0 + c as u32), data_cell(d));
                }
                Ok(rows.into_grid(Vec::new()))
            }
        }
    }
}

/// An XLSX sheet's cells, read cell by cell from its XML, and its merged regions.
#[cfg(feature = "xlsx")]
fn xlsx_grid(
    x: &mut Xlsx<Cursor<&[u8]>>,
    bytes: &[u8],
    name: &str,
    cannot: impl Fn(&dyn std::fmt::Display) -> FileError,
) -> Result<Grid, FileError> {
    let merges_of = |x: &mut Xlsx<Cursor<&[u8]>>| -> Vec<((u32, u32), (u32, u32))> {
        x.merge_cells_by_sheet_name(name)
            .unwrap_or_default()
            .into_iter()
            .map(|d| (d.start, d.end))
            .collect()
    };
    let mut rows = Rows::default();
    let mut cells = |x: &mut Xlsx<Cursor<&[u8]>>| -> Result<(), FileError> {
        let mut reader = x.worksheet_cells_reader(name).map_err(|e| cannot(&e))?;
        while let Some(rec) = reader.next_cell_with_formula().map_err(|e| cannot(&e))? {
            let formula = rec.formula.as_ref().is_some_and(|f| !f.is_empty());
            rows.push(rec.pos, data_ref_cell(rec.value, formula));
        }
        Ok(())
    };
    // The merged regions come after the cells in the sheet's XML, and calamine finds them by
    // parsing it all again: natively, a second reader of the same bytes does that beside this
    // one (100,000 rows: 0.9 s of 2.1 s). WebAssembly has no threads here: one after the other.
    #[cfg(not(target_arch = "wasm32"))]
    let merges = std::thread::scope(|s| {
        let other = s.spawn(|| {
            Xlsx::new(Cursor::new(bytes))
                .map(|mut x| merges_of(&mut x))
                .unwrap_or_default()
        });
        cells(x)?;
        Ok::<_, FileError>(
            other
                .join()
                .unwrap_or_else(|p| std::panic::resume_unwind(p)),
        )
    })?;
    #[cfg(target_arch = "wasm32")]
    let merges = {
        let _ = bytes;
        cells(x)?;
        merges_of(x)
    };
    Ok(rows.into_grid(merges))
}

/// A sheet's non-blank cells as they are read, by row.
#[cfg(feature = "xlsx")]
#[derive(Default)]
struct Rows(Vec<SheetRow>);

#[cfg(feature = "xlsx")]
impl Rows {
    fn push(&mut self, (r, c): (u32, u32), cell: Cell) {
        if cell.is_blank() {
            return;
        }
        match self.0.last_mut() {
            Some((last, cells)) if *last == r => cells.push((c, cell)),
            _ => self.0.push((r, vec![(c, cell)])),
        }
    }

    /// The grid, rows and cells put in order (XML order is row-major; a file written otherwise
    /// is put in order).
    fn into_grid(self, merges: Vec<((u32, u32), (u32, u32))>) -> Grid {
        let mut rows = self.0;
        if rows.windows(2).any(|w| w[0].0 >= w[1].0) {
            rows.sort_by_key(|(r, _)| *r);
            let mut merged: Vec<SheetRow> = Vec::with_capacity(rows.len());
            for (r, cells) in rows {
                match merged.last_mut() {
                    Some((last, v)) if *last == r => v.extend(cells),
                    _ => merged.push((r, cells)),
                }
            }
            rows = merged;
        }
        for (_, cells) in &mut rows {
            if cells.windows(2).any(|w| w[0].0 >= w[1].0) {
                cells.sort_by_key(|(c, _)| *c);
                cells.dedup_by_key(|(c, _)| *c);
            }
        }
        Grid { rows, merges }
    }
}

#[cfg(feature = "xlsx")]
fn data_ref_cell(v: DataRef<'_>, formula: bool) -> Cell {
    match v {
        DataRef::Empty if formula => Cell::NoValue,
        DataRef::String(s) if formula && s.trim().is_empty() => Cell::NoValue,
        DataRef::Empty => Cell::Empty,
        DataRef::String(s) => Cell::Text(s),
        DataRef::SharedString(s) => Cell::Text(s.to_owned()),
        DataRef::Int(i) => Cell::Number(i as f64),
        DataRef::Float(f) => Cell::Number(f),
        DataRef::Bool(b) => Cell::Bool(b),
        DataRef::DateTime(d) if d.is_datetime() => Cell::Date(serial_date(d.as_f64())),
        DataRef::DateTime(d) => Cell::Other(format!("{}", d.as_f64())),
        DataRef::DateTimeIso(s) => Cell::Date(s),
        DataRef::DurationIso(s) => Cell::Other(s),
        DataRef::Error(e) => Cell::Error(e.to_string()),
    }
}

#[cfg(feature = "xlsx")]
fn data_cell(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(d) if d.is_datetime() => Cell::Date(serial_date(d.as_f64())),
        Data::DateTime(d) => Cell::Other(format!("{}", d.as_f64())),
        Data::DateTimeIso(s) => Cell::Date(s.clone()),
        Data::DurationIso(s) => Cell::Other(s.clone()),
        Data::Error(e) => Cell::Error(e.to_string()),
    }
}

/// Opens a spreadsheet: the sheet and header found (or chosen by `options`), merged cells
/// filled, totals and notes skipped.
pub(super) fn open_xlsx(
    cols: &'static Columns,
    mut book: Open<'_>,
    options: &ReadOptions,
) -> Result<Source<'static>, FileError> {
    let names = book.sheet_names();
    if names.is_empty() {
        return Err(FileError::new(
            "电子表格没有工作表",
            "the spreadsheet has no sheet",
        ));
    }
    let candidates: Vec<String> = match &options.sheet {
        Some(want) => {
            let f = super::match_form(want);
            match names
                .iter()
                .find(|n| *n == want)
                .or_else(|| names.iter().find(|n| super::match_form(n) == f))
            {
                Some(n) => vec![n.clone()],
                None => {
                    return Err(FileError::new(
                        format!("没有名为「{want}」的工作表（有：{}）", names.join("、")),
                        format!(
                            "no sheet named \"{want}\" (there are: {})",
                            names.join(", ")
                        ),
                    ))
                }
            }
        }
        None => names.clone(),
    };
    // The sheet, its cells, its header, the rows searched.
    type Found = (String, Grid, Header, Vec<u32>);
    let mut best: Option<Found> = None;
    for name in &candidates {
        let from = options.header_row.map_or(0, |n| n.saturating_sub(1) as u32);
        // The whole sheet at once: the rows to search and the data are read in one pass.
        let grid = book.grid(name)?;
        let head = grid.head(from, HEADER_SEARCH_ROWS + 1);
        let at = match options.header_row {
            Some(n) if head.first().is_some_and(|(r, _)| *r as usize + 1 == n) => Some(0),
            Some(_) => continue,
            None => None,
        };
        let Some(h) = find_header(cols, &head, at) else {
            continue;
        };
        if best.as_ref().is_none_or(|(_, _, b, _)| h.score > b.score) {
            let rows = head.iter().map(|(r, _)| *r).collect();
            best = Some((name.clone(), grid, h, rows));
        }
    }
    let Some((name, mut grid, h, head_rows)) = best else {
        return Err(no_header(options.sheet.as_deref(), options.header_row));
    };
    let first = head_rows[h.index];
    let last = head_rows[h.index + h.height - 1];
    let (layout, positions, ignored, col0) = layout_of(cols, &h.cells, None)?;
    let col_end = h.cells.iter().map(|(c, _)| *c).max().unwrap_or(0);
    grid.fill_merges(last, (col0 as u32, col_end));
    let mut skipped_rows = Vec::new();
    let rows: Vec<(usize, Vec<Cell>)> = grid
        .body(Some(last), (col0 as u32, col_end))
        .into_iter()
        .filter(|(r, cells)| {
            let first = cells
                .iter()
                .find(|c| !c.is_blank())
                .map(|c| c.view().text());
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
        format: InputFormat::Xlsx,
        layout: Some(layout),
        positions,
        items: Items::Cells(rows),
        info: ReadInfo {
            sheet: Some(name),
            sheets: names,
            header_row: Some(first as usize + 1),
            header_rows: h.height,
            ignored_columns: ignored,
            skipped_rows,
            notes: Vec::new(),
        },
    })
}

/// An Excel date serial (1900 system) as `2026-01-15` (with `hh:mm` if it has a time).
#[cfg(feature = "xlsx")]
fn serial_date(serial: f64) -> String {
    if !serial.is_finite() || !(0.0..3_000_000.0).contains(&serial) {
        return format!("{serial}");
    }
    let days = serial.floor() as i64 - 25_569; // 1970-01-01
                                               // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    let minutes = ((serial - serial.floor()) * 1440.0).round() as i64;
    if minutes > 0 && minutes < 1440 {
        format!(
            "{y:04}-{m:02}-{d:02} {:02}:{:02}",
            minutes / 60,
            minutes % 60
        )
    } else {
        format!("{y:04}-{m:02}-{d:02}")
    }
}

/// The first sheet of a spreadsheet as a [`RawTable`]: its first non-empty row is the header
/// (the tracking sheet's reader; read sparsely, columns capped to the header's width).
pub(crate) fn xlsx_table(mut book: Open<'_>) -> Result<RawTable, FileError> {
    let Some(name) = book.sheet_names().into_iter().next() else {
        return Err(FileError::new(
            "电子表格没有工作表",
            "the spreadsheet has no sheet",
        ));
    };
    let grid = book.grid(&name)?;
    Ok(grid.first_row_table())
}

#[cfg(all(test, feature = "xlsx"))]
mod tests {
    use super::serial_date;

    #[test]
    fn dates() {
        assert_eq!(serial_date(46037.0), "2026-01-15");
        assert_eq!(serial_date(45658.5), "2025-01-01 12:00");
    }
}
