//! Reading a batch: JSON array, CSV or XLSX bytes in, one contract-shaped JSON value per
//! applicant out, with the problems of its cells.

use crate::columns::{
    column_letter, columns, identifier, is_ignored_header, labels, suggestion, Columns, Kind, Vocab,
};
use crate::{FileError, RowProblem};
use serde_json::value::RawValue;
use serde_json::{Map, Number, Value};
use std::borrow::Cow;
use tic_core::number::invisible;
use tic_core::policy::Policy;
use tic_core::text::Text;

mod cell_json;
mod csv;
mod info;
mod json;
mod sheet;
pub mod skip;
mod xlsx;

pub use self::info::{IgnoredColumn, ReadInfo, ReadOptions, SkippedRow};
pub use self::sheet::HEADER_SEARCH_ROWS;

pub(crate) use self::csv::csv_table;
use self::csv::open_csv;
pub use self::csv::{decode_text, read_csv};
pub use self::json::read_json;
use self::json::{json_items, json_row};
#[cfg(feature = "xlsx")]
pub use self::xlsx::read_xlsx;
pub use self::xlsx::Book;
pub(crate) use self::xlsx::{xlsx_table, Open};

/// The kind of a batch file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputFormat {
    /// A JSON array of applicants.
    Json,
    /// CSV (UTF-8, UTF-16 with BOM, or GBK/GB18030).
    Csv,
    /// A spreadsheet (XLSX; XLS, XLSB and ODS are read too): the first sheet.
    Xlsx,
}

impl InputFormat {
    /// `json`, `csv` or `xlsx`.
    pub fn id(self) -> &'static str {
        match self {
            InputFormat::Json => "json",
            InputFormat::Csv => "csv",
            InputFormat::Xlsx => "xlsx",
        }
    }
}

/// Decides the format from the content, with the file name's extension as a hint for what the
/// content cannot tell (CSV vs. something else). A ZIP or OLE signature is a spreadsheet; text
/// whose first non-blank character is `[` or `{` is JSON; everything else is CSV.
pub fn detect(bytes: &[u8], file_name: Option<&str>) -> InputFormat {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return InputFormat::Xlsx;
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match body.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'[') | Some(b'{') => return InputFormat::Json,
        _ => {}
    }
    let ext = file_name
        .and_then(|n| n.rsplit_once('.'))
        .map(|(_, e)| e.to_ascii_lowercase());
    match ext.as_deref() {
        Some("xlsx" | "xlsm" | "xls" | "xlsb" | "ods") => InputFormat::Xlsx,
        Some("json") => InputFormat::Json,
        _ => InputFormat::Csv,
    }
}

/// One applicant of a batch, before checking.
#[derive(Clone, Debug)]
pub struct InputRow {
    /// Its row: the spreadsheet row (the header is row 1) for CSV and XLSX, the 1-based position
    /// in the array for JSON.
    pub row: usize,
    /// The applicant in contract shape (as far as its cells could be read).
    pub value: Value,
    /// Problems of its cells found while reading (a word that is not a number, …).
    pub problems: Vec<RowProblem>,
    /// Warnings on its cells (an amount implausibly large, see
    /// [`crate::columns::PLAUSIBLE_MAX`]): the row is still assessed.
    pub warnings: Vec<RowProblem>,
}

/// Where the columns of a tabular file are.
#[derive(Clone, Debug)]
pub struct Layout {
    /// The policy's columns.
    pub table: &'static Columns,
    /// For each of the policy's columns (by index in [`Layout::table`]): its 0-based position
    /// in the file and its header as written there.
    pub columns: Vec<Option<(usize, String)>>,
}

impl Layout {
    /// The column (header as written) and cell reference (`H6`) of a contract field path in a
    /// row, if the layout has a column for it.
    pub fn locate(&self, path: &str, row: usize) -> Option<(String, String)> {
        let i = self.table.of_path(path)?;
        let (pos, header) = self.columns.get(i)?.as_ref()?;
        Some((header.clone(), format!("{}{}", column_letter(*pos), row)))
    }
}

/// A file read into rows.
#[derive(Clone, Debug)]
pub struct Batch {
    /// What it was.
    pub format: InputFormat,
    /// Its applicants, in file order (blank rows left out).
    pub rows: Vec<InputRow>,
    /// Where the columns are (CSV and XLSX).
    pub layout: Option<Layout>,
    /// How the file was read (sheet, header row, ignored columns, skipped rows).
    pub info: ReadInfo,
}

/// Reads a batch file (bytes), of the format [`detect`] finds.
pub fn read(policy: &Policy, bytes: &[u8], file_name: Option<&str>) -> Result<Batch, FileError> {
    Ok(Source::open(policy, bytes, file_name)?.into_batch(policy))
}

/// A batch file checked as a whole (syntax, encoding, header: everything that makes a file
/// unreadable) whose rows become contract values one at a time, when asked for
/// ([`Source::row`]). `tic screen` streams from it, so that it never holds every row's value at
/// once and can build the rows' values in parallel; [`read`] turns it into a [`Batch`].
#[derive(Debug)]
pub struct Source<'a> {
    format: InputFormat,
    layout: Option<Layout>,
    /// Every column present, where it is among a row's cells.
    positions: Vec<Position>,
    items: Items<'a>,
    info: ReadInfo,
}

#[derive(Debug)]
enum Items<'a> {
    /// The elements of a JSON array, as their text (the whole file's syntax is checked).
    Json(Vec<&'a RawValue>),
    /// The non-blank rows of a CSV file: spreadsheet row, fields.
    Csv(Vec<(usize, ::csv::StringRecord)>),
    /// The non-blank rows of a spreadsheet: spreadsheet row, cells.
    Cells(Vec<(usize, Vec<Cell>)>),
}

impl<'a> Source<'a> {
    /// Opens a batch file (bytes) of the format [`detect`] finds. An error here is a file that
    /// cannot be read at all; every later problem belongs to a row.
    pub fn open(
        policy: &Policy,
        bytes: &'a [u8],
        file_name: Option<&str>,
    ) -> Result<Source<'a>, FileError> {
        Source::open_with(policy, bytes, file_name, &ReadOptions::default())
    }

    /// [`Source::open`], with the sheet or the header row chosen (`tic screen --sheet`,
    /// `--header-row`; the batch view's "read another sheet"). The options are ignored for JSON.
    pub fn open_with(
        policy: &Policy,
        bytes: &'a [u8],
        file_name: Option<&str>,
        options: &ReadOptions,
    ) -> Result<Source<'a>, FileError> {
        match detect(bytes, file_name) {
            InputFormat::Json => Ok(Source {
                format: InputFormat::Json,
                layout: None,
                positions: Vec::new(),
                items: Items::Json(json_items(bytes)?),
                info: ReadInfo::default(),
            }),
            InputFormat::Csv => open_csv(columns(policy), bytes, options),
            #[cfg(feature = "xlsx")]
            InputFormat::Xlsx => xlsx::open_xlsx(columns(policy), Open::bytes(bytes)?, options),
            #[cfg(not(feature = "xlsx"))]
            InputFormat::Xlsx => Err(spreadsheets_elsewhere()),
        }
    }

    /// [`Source::open_with`] for a spreadsheet read already ([`Book::read`]; the batch view's
    /// sheets bundle): the same sheet and header found, the same rows.
    pub fn open_book(
        policy: &Policy,
        book: &Book,
        options: &ReadOptions,
    ) -> Result<Source<'static>, FileError> {
        xlsx::open_xlsx(columns(policy), Open::Read(book), options)
    }

    /// How the file was read: sheet, header row, ignored columns, skipped rows (see
    /// [`ReadInfo`]; empty for JSON).
    pub fn info(&self) -> &ReadInfo {
        &self.info
    }

    /// What the file was.
    pub fn format(&self) -> InputFormat {
        self.format
    }

    /// Where the columns are (CSV and XLSX).
    pub fn layout(&self) -> Option<&Layout> {
        self.layout.as_ref()
    }

    /// The number of rows (blank rows of a table left out).
    pub fn len(&self) -> usize {
        match &self.items {
            Items::Json(v) => v.len(),
            Items::Csv(v) => v.len(),
            Items::Cells(v) => v.len(),
        }
    }

    /// `true` if the file has no row.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The text of element `i` of a JSON array (`None` for CSV and XLSX): a screen reads a valid
    /// element straight from it ([`tic_core::input::read_json`]) and builds the [`InputRow`]
    /// only for an element with problems.
    pub fn json_text(&self, i: usize) -> Option<&'a str> {
        match &self.items {
            Items::Json(v) => v.get(i).map(|raw| raw.get()),
            _ => None,
        }
    }

    /// Row `i` (0-based, in file order) in contract shape, with the problems of its cells.
    pub fn row(&self, policy: &Policy, i: usize) -> Option<InputRow> {
        match &self.items {
            Items::Json(v) => v.get(i).map(|raw| json_row(i + 1, raw)),
            Items::Csv(v) => v.get(i).map(|(row, rec)| {
                self.row_value(policy, *row, |pos| {
                    rec.get(pos).map_or(CellRef::Empty, CellRef::csv)
                })
            }),
            Items::Cells(v) => v.get(i).map(|(row, cells)| {
                self.row_value(policy, *row, |pos| {
                    cells.get(pos).map_or(CellRef::Empty, Cell::view)
                })
            }),
        }
    }

    fn row_value<'c>(
        &self,
        policy: &Policy,
        row: usize,
        cell: impl Fn(usize) -> CellRef<'c>,
    ) -> InputRow {
        match &self.layout {
            Some(layout) => row_value(policy, layout, &self.positions, row, cell),
            // Tables always have a layout; this is not reached.
            None => InputRow {
                row,
                value: Value::Null,
                problems: Vec::new(),
                warnings: Vec::new(),
            },
        }
    }

    /// Every row, in file order.
    pub fn into_batch(self, policy: &Policy) -> Batch {
        let rows = (0..self.len())
            .filter_map(|i| self.row(policy, i))
            .collect();
        Batch {
            format: self.format,
            rows,
            layout: self.layout,
            info: self.info,
        }
    }
}

/// A cell as read from a file.
/// In JSON, a cell is its own JSON value (`cell_json`).
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Nothing.
    Empty,
    /// Text.
    Text(String),
    /// A number (spreadsheets).
    Number(f64),
    /// A boolean (spreadsheets).
    Bool(bool),
    /// Something that cannot be an answer, described.
    Other(String),
    /// An Excel error value, as Excel spells it (`#DIV/0!`).
    Error(String),
    /// A date, as `2026-01-15`.
    Date(String),
    /// A formula without a saved result (a file written by a program that does not compute).
    NoValue,
}

impl Cell {
    pub(crate) fn is_blank(&self) -> bool {
        self.view().is_blank()
    }

    pub(crate) fn as_text(&self) -> String {
        self.view().text().into_owned()
    }

    pub(crate) fn view(&self) -> CellRef<'_> {
        match self {
            Cell::Empty => CellRef::Empty,
            Cell::Text(s) => CellRef::Text(s),
            Cell::Number(f) => CellRef::Number(*f),
            Cell::Bool(b) => CellRef::Bool(*b),
            Cell::Other(s) => CellRef::Other(s),
            Cell::Error(s) => CellRef::Error(s),
            Cell::Date(s) => CellRef::Date(s),
            Cell::NoValue => CellRef::NoValue,
        }
    }
}

/// A [`Cell`] borrowed from where it is stored (a CSV record's text, a spreadsheet row), so
/// that reading a row copies no cell.
#[derive(Clone, Copy, Debug)]
pub(crate) enum CellRef<'c> {
    Empty,
    Text(&'c str),
    Number(f64),
    Bool(bool),
    Other(&'c str),
    Error(&'c str),
    Date(&'c str),
    NoValue,
}

impl<'c> CellRef<'c> {
    /// A CSV field: empty, or text.
    fn csv(s: &'c str) -> CellRef<'c> {
        if s.is_empty() {
            CellRef::Empty
        } else {
            CellRef::Text(s)
        }
    }

    pub(crate) fn is_blank(self) -> bool {
        match self {
            CellRef::Empty => true,
            CellRef::Text(s) => s.chars().all(invisible),
            _ => false,
        }
    }

    /// The cell as text (trimmed).
    pub(crate) fn text(self) -> Cow<'c, str> {
        match self {
            CellRef::Empty => Cow::Borrowed(""),
            CellRef::Text(s) => clean_text(s),
            CellRef::Number(f) => Cow::Owned(format_number(f)),
            CellRef::Bool(b) => Cow::Borrowed(if b { "true" } else { "false" }),
            CellRef::Other(s) | CellRef::Error(s) | CellRef::Date(s) => Cow::Borrowed(s),
            CellRef::NoValue => Cow::Borrowed(""),
        }
    }
}

/// A text cell as a value: zero-width characters dropped, line breaks, tabs and runs of spaces
/// made one space, trimmed. Borrowed when nothing changes.
pub(crate) fn clean_text(s: &str) -> Cow<'_, str> {
    let t = s.trim_matches(invisible);
    let plain = |c: char| c == ' ' || !invisible(c);
    if t.chars().all(plain) && !t.contains("  ") {
        return Cow::Borrowed(t);
    }
    let mut out = String::with_capacity(t.len());
    let mut space = false;
    for c in t.chars() {
        if c.is_whitespace() {
            space = true;
        } else if !invisible(c) {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The form in which words are compared: full-width forms folded to ASCII, invisible
/// characters and spaces dropped ([`tic_core::number::fold_width`]), lower-cased.
pub fn match_form(s: &str) -> String {
    tic_core::number::fold_width(s).to_lowercase()
}

fn format_number(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        f.to_string()
    }
}

/// A table read whole: its header cells, the file column of the first of them, and its
/// non-blank rows (spreadsheet row, cells).
#[derive(Debug)]
pub(crate) struct RawTable {
    pub(crate) header: Vec<Cell>,
    pub(crate) col0: usize,
    pub(crate) rows: Vec<(usize, Vec<Cell>)>,
}

/// A column present in a file.
#[derive(Clone, Copy, Debug)]
struct Position {
    /// Its index in the policy's [`Columns`].
    column: usize,
    /// Its 0-based position among a row's cells.
    cell: usize,
    /// [`crate::columns::Column::list_entry`] of the column.
    list_entry: Option<(&'static str, usize)>,
}

/// The layout of a found header (`header`: 0-based file column, text as written), the first
/// column of the table (`col0`, else the header's first), and the columns not read. A header naming a column twice makes the file
/// unreadable (which one to read cannot be known); other headers are ignored and listed.
#[allow(clippy::type_complexity)]
fn layout_of(
    table: &'static Columns,
    header: &[(u32, String)],
    col0: Option<usize>,
) -> Result<(Layout, Vec<Position>, Vec<IgnoredColumn>, usize), FileError> {
    let mut layout = Layout {
        table,
        columns: vec![None; table.len()],
    };
    let col0 = col0.unwrap_or_else(|| header.iter().map(|(c, _)| *c as usize).min().unwrap_or(0));
    let mut ignored = Vec::new();
    let mut duplicate = Vec::new();
    for (j, raw) in header {
        let text = clean_text(raw).into_owned();
        let j = *j as usize;
        if text.is_empty() {
            continue;
        }
        match table.for_header(&text) {
            Some(i) if layout.columns[i].is_some() => duplicate.push(text),
            Some(i) => layout.columns[i] = Some((j, text)),
            None => {
                let suggestion = if is_ignored_header(&text) {
                    None
                } else {
                    closest_header(table, &text)
                };
                ignored.push(IgnoredColumn {
                    column: column_letter(j),
                    header: text,
                    suggestion,
                })
            }
        }
    }
    if !duplicate.is_empty() {
        return Err(FileError::new(
            format!(
                "重复的列：{}（只能有一列，请删去或改名其中一列）",
                duplicate.join("、")
            ),
            format!(
                "columns given twice: {} (keep one of them, or rename the other)",
                duplicate.join(", ")
            ),
        ));
    }
    let positions = layout
        .columns
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            c.as_ref().map(|(pos, _)| Position {
                column: i,
                cell: pos - col0,
                list_entry: table[i].list_entry(),
            })
        })
        .collect();
    Ok((layout, positions, ignored, col0))
}

/// No header found: what to do about it.
/// Without the `xlsx` feature, spreadsheet bytes are not read here: the caller reads them into a
/// [`Book`] first ([`Source::open_book`]).
#[cfg(not(feature = "xlsx"))]
pub(crate) fn spreadsheets_elsewhere() -> FileError {
    FileError::new(
        "此处不能直接读取电子表格",
        "a spreadsheet is not read here: it is read into a Book first",
    )
}

fn no_header(sheet: Option<&str>, header_row: Option<usize>) -> FileError {
    let where_zh = sheet.map(|s| format!("工作表「{s}」")).unwrap_or_default();
    let where_en = sheet
        .map(|s| format!(" of sheet \"{s}\""))
        .unwrap_or_default();
    match header_row {
        Some(n) => FileError::new(
            format!("{where_zh}第{n}行不是表头：没有认识的列标题（列标题见 tic template 或 docs/tabular.md）"),
            format!("row {n}{where_en} is not a header: no known column header (see tic template or docs/tabular.md)"),
        ),
        None => FileError::new(
            format!(
                "{where_zh}前{HEADER_SEARCH_ROWS}行中没有找到表头：没有认识的列标题（列标题见 tic template 或 docs/tabular.md；可用 --sheet、--header-row 指定）"
            ),
            format!(
                "no header found in the first {HEADER_SEARCH_ROWS} rows{where_en}: no known column header (see tic template or docs/tabular.md; --sheet and --header-row choose)"
            ),
        ),
    }
}

/// The Chinese header of the known column closest to an unknown header (a likely typo).
fn closest_header(table: &Columns, text: &str) -> Option<String> {
    let f = match_form(text);
    let n = f.chars().count();
    // A cell far longer than any header is not a typo of one (and the distance costs n × m).
    if n > 64 {
        return None;
    }
    table
        .iter()
        .flat_map(|c| [c.zh, c.key])
        .map(|h| (h, edit_distance(&f, &match_form(h))))
        .filter(|(_, d)| *d > 0 && *d <= (n / 4).max(2) && 2 * *d <= n)
        .min_by_key(|(_, d)| *d)
        .map(|(h, _)| {
            table
                .iter()
                .find(|c| c.key == h)
                .map_or(h, |c| c.zh)
                .to_owned()
        })
}

/// The number of single-character edits between two strings.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The skipped row among `cells` (a row's cells in order), if its first non-empty cell says it
/// is a total, a note or a signature line.
fn skipped(row: usize, first: Option<Cow<'_, str>>) -> Option<SkippedRow> {
    let text = first?;
    let kind = skip::skip_kind(&text)?;
    let short: String = text.chars().take(30).collect();
    Some(SkippedRow {
        row,
        text: if text.chars().count() > 30 {
            format!("{short}…")
        } else {
            short
        },
        reason: kind.reason(),
    })
}

fn problem(layout: &Layout, path: &str, row: usize, message: Text) -> RowProblem {
    let (column, cell) = match layout.locate(path, row) {
        Some((c, r)) => (Some(c), Some(r)),
        None => (None, None),
    };
    RowProblem {
        field: path.to_owned(),
        column,
        cell,
        message,
    }
}

/// Builds the contract-shaped value of one row, from its cells (`cell(position)`).
fn row_value<'c>(
    policy: &Policy,
    layout: &Layout,
    positions: &[Position],
    row: usize,
    cell: impl Fn(usize) -> CellRef<'c>,
) -> InputRow {
    let mut root = Map::new();
    root.insert("schema".into(), Value::from(tic_core::APPLICANT_SCHEMA));
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    // Year lists: (path, entries by index).
    let mut years: Vec<(&'static str, Vec<Option<Value>>)> = Vec::new();
    for p in positions {
        let c = &layout.table[p.column];
        let cell = cell(p.cell);
        if cell.is_blank() {
            if let Some((list, idx)) = p.list_entry {
                year_slot(&mut years, list, idx);
            }
            continue;
        }
        let value = match cell_value(policy, c.kind, cell) {
            Ok(v) => {
                if let Some(w) = implausible(c.path, &v) {
                    warnings.push(problem(layout, c.path, row, w));
                }
                Some(v)
            }
            Err(msg) => {
                problems.push(problem(layout, c.path, row, msg));
                // A placeholder keeps the later years in place; the row is invalid anyway.
                p.list_entry.map(|_| Value::from(0))
            }
        };
        match (p.list_entry, value) {
            (Some((list, idx)), v) => *year_slot(&mut years, list, idx) = v,
            (None, Some(v)) => insert_path(&mut root, c.path, v),
            (None, None) => {}
        }
    }
    for (list, entries) in years {
        let last = entries.iter().rposition(Option::is_some);
        let Some(last) = last else { continue };
        let mut out = Vec::with_capacity(last + 1);
        for (idx, e) in entries.into_iter().take(last + 1).enumerate() {
            match e {
                Some(v) => out.push(v),
                None => {
                    let path = format!("{list}[{idx}]");
                    problems.push(problem(
                        layout,
                        &path,
                        row,
                        Text::new(
                            format!("空着，但后面的年份有数；没有投入请填 0（第{}年）", idx + 1),
                            format!(
                                "empty while a later year is given; enter 0 if nothing is invested (year {})",
                                idx + 1
                            ),
                        ),
                    ));
                    out.push(Value::from(0));
                }
            }
        }
        root.insert(list.to_owned(), Value::Array(out));
    }
    InputRow {
        row,
        value: Value::Object(root),
        problems,
        warnings,
    }
}

fn year_slot<'a>(
    years: &'a mut Vec<(&'static str, Vec<Option<Value>>)>,
    list: &'static str,
    idx: usize,
) -> &'a mut Option<Value> {
    let pos = match years.iter().position(|(l, _)| *l == list) {
        Some(p) => p,
        None => {
            years.push((list, Vec::new()));
            years.len() - 1
        }
    };
    let entries = &mut years[pos].1;
    if entries.len() <= idx {
        entries.resize(idx + 1, None);
    }
    &mut entries[idx]
}

fn insert_path(root: &mut Map<String, Value>, path: &str, v: Value) {
    match path.split_once('.') {
        None => {
            root.insert(path.to_owned(), v);
        }
        Some((head, tail)) => {
            if !root.contains_key(head) {
                root.insert(head.to_owned(), Value::Object(Map::new()));
            }
            if let Some(Value::Object(m)) = root.get_mut(head) {
                m.insert(tail.to_owned(), v);
            }
        }
    }
}

pub(crate) fn show(cell: CellRef<'_>) -> String {
    let t = cell.text();
    if t.chars().count() > 40 {
        let cut: String = t.chars().take(40).collect();
        format!("{cut}…")
    } else {
        t.into_owned()
    }
}

/// The warning on an amount above its plausible bound ([`crate::columns::PLAUSIBLE_MAX`]).
fn implausible(path: &str, v: &Value) -> Option<Text> {
    let list = path.split('[').next().unwrap_or(path);
    let (_, max) = crate::columns::PLAUSIBLE_MAX
        .iter()
        .find(|(p, _)| *p == list)?;
    let f = v.as_f64()?;
    (f > *max).then(|| {
        Text::new(
            format!(
                "金额异常大（{}万元），请确认单位为万元（而非元）",
                format_number(f)
            ),
            format!(
                "amount implausibly large ({} 万元): check that it is in 万元 (10,000 yuan), not yuan",
                format_number(f)
            ),
        )
    })
}

/// The message for a formula cell without a saved result.
pub(crate) fn no_value() -> Text {
    Text::new(
        "公式没有保存的计算结果，请在 Excel 中打开并保存，或填入数值",
        "the formula has no saved result: open and save the file in Excel, or enter the value",
    )
}

/// Why a cell that is not a plain value cannot be read, if it is one (error value, formula
/// without result).
fn unreadable_cell(cell: CellRef<'_>) -> Option<Text> {
    match cell {
        CellRef::NoValue => Some(no_value()),
        CellRef::Error(e) => Some(Text::new(
            format!("单元格是 Excel 错误值 {e}，请改正公式或填入数值"),
            format!("the cell holds the Excel error {e}: correct the formula or enter the value"),
        )),
        _ => None,
    }
}

/// A number as shown in a message: `1.0000000002`, `3500`.
fn shown_number(f: f64) -> String {
    format_number(f)
}

/// The JSON value of one non-blank cell, or why it cannot be one.
pub(crate) fn cell_value(policy: &Policy, kind: Kind, cell: CellRef<'_>) -> Result<Value, Text> {
    if let Some(t) = unreadable_cell(cell) {
        return Err(t);
    }
    match kind {
        Kind::Text => match cell {
            CellRef::Other(_) | CellRef::Date(_) => Err(not_text(cell)),
            _ => Ok(Value::from(cell.text().into_owned())),
        },
        Kind::Bool => match cell {
            CellRef::Bool(b) => Ok(Value::from(b)),
            CellRef::Number(1.0) => Ok(Value::from(true)),
            CellRef::Number(0.0) => Ok(Value::from(false)),
            _ => parse_bool(&cell.text()).map(Value::from).ok_or_else(|| {
                Text::new(
                    format!("应填 是/否（有/无、√/×、1/0），实为 \"{}\"", show(cell)),
                    format!(
                        "must be yes/no (true/false, 是/否, 1/0), found \"{}\"",
                        show(cell)
                    ),
                )
            }),
        },
        Kind::Count | Kind::Money => {
            let f = match cell {
                CellRef::Number(f) => Some(f),
                CellRef::Text(s) => parse_number(s),
                _ => None,
            };
            let Some(f) = f else {
                return Err(match cell {
                    CellRef::Date(d) => Text::new(
                        format!("应为数字，实为日期 {d}（请把单元格格式改为数字）"),
                        format!(
                            "must be a number, found the date {d} (format the cell as a number)"
                        ),
                    ),
                    _ => Text::new(
                        format!("应为数字，实为 \"{}\"", show(cell)),
                        format!("must be a number, found \"{}\"", show(cell)),
                    ),
                });
            };
            if !f.is_finite() {
                return Err(Text::new("必须是有限的数字", "must be a finite number"));
            }
            if kind == Kind::Count {
                let r = f.round();
                // Formula noise (1.0000000002) is the whole number it means.
                if (f - r).abs() <= 1e-9 && r.abs() < 9.0e15 {
                    return Ok(Value::from(r as i64));
                }
                return Err(Text::new(
                    format!("必须是整数，实为 {}", shown_number(f)),
                    format!("must be a whole number, found {}", shown_number(f)),
                ));
            }
            Number::from_f64(f)
                .map(Value::Number)
                .ok_or_else(|| Text::new("必须是有限的数字", "must be a finite number"))
        }
        Kind::Choice(v) => match cell {
            CellRef::Text(_) => {
                let word = cell.text();
                identifier(policy, v, &word)
                    .map(Value::from)
                    .ok_or_else(|| not_allowed(policy, v, &word))
            }
            _ => Err(not_text(cell)),
        },
        Kind::List(v) => match cell {
            CellRef::Text(_) => list_items(policy, v, &cell.text()).map(Value::Array),
            _ => Err(not_text(cell)),
        },
    }
}

/// A word that names no value of a vocabulary: the allowed values by their labels, and the
/// closest one.
fn not_allowed(policy: &Policy, v: Vocab, word: &str) -> Text {
    let labels = labels(policy, v);
    let zh: Vec<&str> = labels.iter().map(|(z, _)| z.as_str()).collect();
    let en: Vec<&str> = labels.iter().map(|(_, e)| e.as_str()).collect();
    let mut t = Text::new(
        format!("不是可选的值：\"{word}\"（可选：{}）", zh.join("、")),
        format!(
            "not an allowed value: \"{word}\" (allowed: {})",
            en.join(", ")
        ),
    );
    if let Some((z, e)) = suggestion(policy, v, word) {
        t.zh.push_str(&format!("；是否指：{z}？"));
        t.en.push_str(&format!("; did you mean {e}?"));
    }
    t
}

fn not_text(cell: CellRef<'_>) -> Text {
    Text::new(
        format!("应为文字，实为 {}", show(cell)),
        format!("must be text, found {}", show(cell)),
    )
}

/// Words meaning "none" in a list cell: an explicit empty list (unlike an empty cell, which
/// leaves the answer unknown).
pub const EMPTY_LIST_WORDS: &[&str] = &["无", "没有", "none", "[]"];

/// The separators of a list cell (only in list columns: in a number cell `,` stays a thousands
/// separator).
pub const LIST_SEPARATORS: &[char] = &[';', '；', ',', '，', '、', '\n', '\r'];

fn list_items(policy: &Policy, v: Vocab, text: &str) -> Result<Vec<Value>, Text> {
    let f = match_form(text);
    if EMPTY_LIST_WORDS.iter().any(|w| match_form(w) == f) {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    let mut bad = Vec::new();
    for w in text.split(LIST_SEPARATORS) {
        let w = clean_text(w);
        if w.is_empty() {
            continue;
        }
        match identifier(policy, v, &w) {
            Some(id) => out.push(Value::from(id)),
            None => bad.push(not_allowed(policy, v, &w)),
        }
    }
    match bad.into_iter().reduce(|mut a, b| {
        a.zh.push('；');
        a.zh.push_str(&b.zh);
        a.en.push_str("; ");
        a.en.push_str(&b.en);
        a
    }) {
        Some(t) => Err(t),
        None => Ok(out),
    }
}

/// `true` for true/yes/y/是/有/1/√, `false` for false/no/n/否/无/0/×, in any case.
pub fn parse_bool(s: &str) -> Option<bool> {
    match match_form(s).as_str() {
        "true" | "yes" | "y" | "是" | "有" | "1" | "√" | "✓" | "对" => Some(true),
        "false" | "no" | "n" | "否" | "无" | "没有" | "0" | "×" | "✗" => Some(false),
        _ => None,
    }
}

/// A number as written in a cell: the core's one number reader
/// ([`tic_core::number::read_number`]; the page reads typed numbers with it too). `None` for
/// anything it refuses.
pub fn parse_number(s: &str) -> Option<f64> {
    tic_core::number::read_number(s).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(parse_number("1,200.5"), Some(1200.5));
        assert_eq!(parse_number("9999.99"), Some(9999.99));
        assert_eq!(parse_number(" -3 "), Some(-3.0));
        assert_eq!(parse_number("1e3"), Some(1000.0));
        assert_eq!(parse_number("1,5"), None);
        assert_eq!(parse_number("NaN"), None);
        assert_eq!(parse_number("inf"), None);
        assert_eq!(parse_number("abc"), None);
        assert_eq!(parse_number(""), None);
    }

    #[test]
    fn booleans() {
        for t in ["是", "TRUE", "yes", "1", "Y"] {
            assert_eq!(parse_bool(t), Some(true), "{t}");
        }
        for f in ["否", "false", "No", "0", "无"] {
            assert_eq!(parse_bool(f), Some(false), "{f}");
        }
        assert_eq!(parse_bool("maybe"), None);
    }

    #[test]
    fn detects_formats() {
        assert_eq!(detect(b"PK\x03\x04...", None), InputFormat::Xlsx);
        assert_eq!(detect(b"\xEF\xBB\xBF [ ]", None), InputFormat::Json);
        assert_eq!(
            detect(b"name,district\n", Some("a.json")),
            InputFormat::Json
        );
        assert_eq!(detect(b"name,district\n", Some("a.csv")), InputFormat::Csv);
        assert_eq!(detect(b"name,district\n", None), InputFormat::Csv);
    }

    #[test]
    fn decodes_gbk() {
        let (bytes, _, _) = encoding_rs::GBK.encode("名称,所在区县\n甲,鄞州区\n");
        assert_eq!(decode_text(&bytes).unwrap(), "名称,所在区县\n甲,鄞州区\n");
        let mut utf16 = vec![0xFF, 0xFE];
        for u in "名称".encode_utf16() {
            utf16.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode_text(&utf16).unwrap(), "名称");
        // Decoded by hand (no encoding_rs without the `xlsx` feature): checked against it.
        let text = "名称,所在区县\n甲😀,鄞州区\n";
        for (bom, enc) in [
            (&[0xFF, 0xFE][..], encoding_rs::UTF_16LE),
            (&[0xFE, 0xFF][..], encoding_rs::UTF_16BE),
            (&[0xEF, 0xBB, 0xBF][..], encoding_rs::UTF_8),
        ] {
            let mut bytes = bom.to_vec();
            match enc.name() {
                "UTF-16LE" => text
                    .encode_utf16()
                    .for_each(|u| bytes.extend(u.to_le_bytes())),
                "UTF-16BE" => text
                    .encode_utf16()
                    .for_each(|u| bytes.extend(u.to_be_bytes())),
                _ => bytes.extend(text.as_bytes()),
            }
            assert_eq!(decode_text(&bytes).unwrap(), text, "{}", enc.name());
            let (want, _, _) = enc.decode(&bytes);
            assert_eq!(decode_text(&bytes).unwrap(), want);
            // Cut in the middle of a character (or a surrogate pair): refused, naming the
            // encoding, as encoding_rs finds it broken.
            let cut = &bytes[..bytes.len() - 3];
            assert!(enc.decode_without_bom_handling(&cut[bom.len()..]).1);
            let e = decode_text(cut).unwrap_err();
            assert!(e.message.en.contains(enc.name()), "{:?}", e.message);
            assert!(e.message.zh.contains(enc.name()), "{:?}", e.message);
        }
    }

    #[test]
    fn json_files_are_checked_whole_before_any_row() {
        let policy = tic_core::policy::current();
        let not_array = |b: &[u8]| {
            Source::open(tic_core::policy::current(), b, None)
                .unwrap_err()
                .message
                .en
        };
        assert!(not_array(b"{\"schema\": \"tic-applicant/1\"}").starts_with("a batch must be"));
        assert!(not_array(b"\n {} \n").starts_with("a batch must be"));
        for broken in [
            &b"{\"schema\": "[..],
            b"[{}, {]",
            b"[{}] x",
            b"[{\"a\": \"\xff\"}]",
        ] {
            let m = not_array(broken);
            assert!(m.starts_with("not valid JSON (line 1, column"), "{m}");
        }
        let s = Source::open(
            tic_core::policy::current(),
            b"\xEF\xBB\xBF [{\"name\": \"A\"}, {\"x\": [1, {\"y\": 2}]}]",
            None,
        )
        .unwrap();
        assert_eq!((s.format(), s.len()), (InputFormat::Json, 2));
        let row = s.row(policy, 1).unwrap();
        assert_eq!(row.row, 2);
        assert_eq!(row.value, serde_json::json!({"x": [1, {"y": 2}]}));
        assert!(s.row(policy, 2).is_none());
    }

    #[test]
    fn a_row_nested_too_deep_is_that_rows_problem() {
        let deep = format!("[{{}}, {}{}]", "[".repeat(200), "]".repeat(200));
        let s = Source::open(tic_core::policy::current(), deep.as_bytes(), None).unwrap();
        let policy = tic_core::policy::current();
        assert!(s.row(policy, 0).unwrap().problems.is_empty());
        let row = s.row(policy, 1).unwrap();
        assert_eq!(row.problems.len(), 1);
        assert!(row.problems[0].message.en.starts_with("cannot be read"));
    }

    #[test]
    fn csv_rows_are_built_when_asked_and_blank_rows_are_left_out() {
        let policy = tic_core::policy::current();
        let text = "name,organization.bases\nA,2\n , \nB,x\n";
        let s = Source::open(tic_core::policy::current(), text.as_bytes(), None).unwrap();
        assert_eq!(s.len(), 2);
        let b = s.row(policy, 1).unwrap();
        assert_eq!(b.row, 4);
        assert_eq!(b.problems[0].cell.as_deref(), Some("B4"));
        let batch = s.into_batch(policy);
        assert_eq!(batch.rows[0].value["name"], "A");
        assert_eq!(batch.rows[0].value["organization"]["bases"], 2);
    }
}
