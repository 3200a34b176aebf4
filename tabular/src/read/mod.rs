//! Reading a batch: JSON array, CSV or XLSX bytes in, one contract-shaped JSON value per
//! applicant out, with the problems of its cells.

use crate::columns::{
    column_for_header, column_letter, identifier, is_ignored_header, Kind, Vocab, COLUMNS,
};
use crate::{FileError, RowProblem};
use serde_json::value::RawValue;
use serde_json::{Map, Number, Value};
use std::borrow::Cow;
use tic_core::policy::Policy;
use tic_core::text::Text;

mod csv;
mod json;
mod xlsx;

pub(crate) use self::csv::csv_table;
use self::csv::open_csv;
pub use self::csv::{decode_text, read_csv};
pub use self::json::read_json;
use self::json::{json_items, json_row};
use self::xlsx::open_xlsx;
pub use self::xlsx::read_xlsx;
pub(crate) use self::xlsx::xlsx_table;

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
}

/// Where the columns of a tabular file are.
#[derive(Clone, Debug, Default)]
pub struct Layout {
    /// For each layout column ([`COLUMNS`] index): its 0-based position in the file and its
    /// header as written there.
    pub columns: Vec<Option<(usize, String)>>,
}

impl Layout {
    /// The column (header as written) and cell reference (`H6`) of a contract field path in a
    /// row, if the layout has a column for it.
    pub fn locate(&self, path: &str, row: usize) -> Option<(String, String)> {
        let i = column_of_path(path)?;
        let (pos, header) = self.columns.get(i)?.as_ref()?;
        Some((header.clone(), format!("{}{}", column_letter(*pos), row)))
    }
}

/// The layout column of a contract field path: `investment_wan[1]` → year 2's column,
/// `fields.highlands[0]` → the highlands column.
pub fn column_of_path(path: &str) -> Option<usize> {
    if let Some(i) = COLUMNS.iter().position(|c| c.path == path) {
        return Some(i);
    }
    let base = match path.rfind('[') {
        Some(open) => &path[..open],
        None => path,
    };
    COLUMNS.iter().position(|c| c.path == base)
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
}

/// Reads a batch file (bytes), of the format [`detect`] finds.
pub fn read(policy: &Policy, bytes: &[u8], file_name: Option<&str>) -> Result<Batch, FileError> {
    Ok(Source::open(bytes, file_name)?.into_batch(policy))
}

/// once and can build the rows' values in parallel; [`read`] turns it into a [`Batch`].
#[derive(Debug)]
pub struct Source<'a> {
    format: InputFormat,
    layout: Option<Layout>,
    /// Every column present, where it is among a row's cells.
    positions: Vec<Position>,
    items: Items<'a>,
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
    pub fn open(bytes: &'a [u8], file_name: Option<&str>) -> Result<Source<'a>, FileError> {
        match detect(bytes, file_name) {
            InputFormat::Json => Ok(Source {
                format: InputFormat::Json,
                layout: None,
                positions: Vec::new(),
                items: Items::Json(json_items(bytes)?),
            }),
            InputFormat::Csv => open_csv(bytes),
            InputFormat::Xlsx => open_xlsx(bytes),
        }
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
        }
    }
}

/// A cell as read from a file.
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
    /// Something that cannot be an answer (an error value, a date), described.
    Other(String),
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
            CellRef::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as text (trimmed).
    pub(crate) fn text(self) -> Cow<'c, str> {
        match self {
            CellRef::Empty => Cow::Borrowed(""),
            CellRef::Text(s) => Cow::Borrowed(s.trim()),
            CellRef::Number(f) => Cow::Owned(format_number(f)),
            CellRef::Bool(b) => Cow::Borrowed(if b { "true" } else { "false" }),
            CellRef::Other(s) => Cow::Borrowed(s),
        }
    }
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
    /// Its index in [`COLUMNS`].
    column: usize,
    /// Its 0-based position among a row's cells.
    cell: usize,
    /// [`crate::columns::Column::list_entry`] of the column.
    list_entry: Option<(&'static str, usize)>,
}

/// The layout of a header row (`col0`: the file column of `header[0]`), and the position of
/// each present column among a row's cells; an unknown or duplicate header makes the file
/// unreadable.
fn layout_of(header: &[Cell], col0: usize) -> Result<(Layout, Vec<Position>), FileError> {
    let mut layout = Layout {
        columns: vec![None; COLUMNS.len()],
    };
    let mut unknown = Vec::new();
    let mut duplicate = Vec::new();
    for (j, h) in header.iter().enumerate() {
        let text = h.as_text();
        if text.is_empty() || is_ignored_header(&text) {
            continue;
        }
        match column_for_header(&text) {
            Some(i) if layout.columns[i].is_some() => duplicate.push(text),
            Some(i) => layout.columns[i] = Some((col0 + j, text)),
            None => unknown.push(text),
        }
    }
    if !unknown.is_empty() || !duplicate.is_empty() {
        let mut zh = Vec::new();
        let mut en = Vec::new();
        if !unknown.is_empty() {
            zh.push(format!("不认识的列标题：{}", unknown.join("、")));
            en.push(format!("unknown column headers: {}", unknown.join(", ")));
        }
        if !duplicate.is_empty() {
            zh.push(format!("重复的列：{}", duplicate.join("、")));
            en.push(format!("columns given twice: {}", duplicate.join(", ")));
        }
        zh.push("（列标题见 tic template 或 docs/tabular.md）".into());
        en.push("(see tic template or docs/tabular.md for the headers)".into());
        return Err(FileError::new(zh.join("；"), en.join("; ")));
    }
    if layout.columns.iter().all(Option::is_none) {
        return Err(FileError::new(
            "第一行不是表头：没有认识的列标题（见 tic template）",
            "the first row is not a header: no known column header (see tic template)",
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
                list_entry: COLUMNS[i].list_entry(),
            })
        })
        .collect();
    Ok((layout, positions))
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
    // Year lists: (path, entries by index).
    let mut years: Vec<(&'static str, Vec<Option<Value>>)> = Vec::new();
    for p in positions {
        let c = &COLUMNS[p.column];
        let cell = cell(p.cell);
        if cell.is_blank() {
            if let Some((list, idx)) = p.list_entry {
                year_slot(&mut years, list, idx);
            }
            continue;
        }
        let value = match cell_value(policy, c.kind, cell) {
            Ok(v) => Some(v),
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

/// The JSON value of one non-blank cell, or why it cannot be one.
pub(crate) fn cell_value(policy: &Policy, kind: Kind, cell: CellRef<'_>) -> Result<Value, Text> {
    match kind {
        Kind::Text => match cell {
            CellRef::Other(_) => Err(not_text(cell)),
            _ => Ok(Value::from(cell.text().into_owned())),
        },
        Kind::Bool => match cell {
            CellRef::Bool(b) => Ok(Value::from(b)),
            CellRef::Number(1.0) => Ok(Value::from(true)),
            CellRef::Number(0.0) => Ok(Value::from(false)),
            _ => parse_bool(&cell.text()).map(Value::from).ok_or_else(|| {
                Text::new(
                    format!("应填 是/否（true/false、1/0），实为 \"{}\"", show(cell)),
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
                return Err(Text::new(
                    format!("应为数字，实为 \"{}\"", show(cell)),
                    format!("must be a number, found \"{}\"", show(cell)),
                ));
            };
            if !f.is_finite() {
                return Err(Text::new("必须是有限的数字", "must be a finite number"));
            }
            if kind == Kind::Count && f.fract() == 0.0 && f.abs() < 9.0e15 {
                return Ok(Value::from(f as i64));
            }
            Number::from_f64(f)
                .map(Value::Number)
                .ok_or_else(|| Text::new("必须是有限的数字", "must be a finite number"))
        }
        Kind::Choice(v) => match cell {
            CellRef::Text(_) => {
                let word = cell.text();
                Ok(Value::from(
                    identifier(policy, v, &word).unwrap_or_else(|| word.into_owned()),
                ))
            }
            _ => Err(not_text(cell)),
        },
        Kind::List(v) => match cell {
            CellRef::Text(_) => Ok(Value::Array(list_items(policy, v, &cell.text()))),
            _ => Err(not_text(cell)),
        },
    }
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

fn list_items(policy: &Policy, v: Vocab, text: &str) -> Vec<Value> {
    if EMPTY_LIST_WORDS
        .iter()
        .any(|w| w.eq_ignore_ascii_case(text.trim()))
    {
        return Vec::new();
    }
    text.split([';', '；', '、', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|w| Value::from(identifier(policy, v, w).unwrap_or_else(|| w.to_owned())))
        .collect()
}

/// `true` for true/yes/y/是/有/1/√, `false` for false/no/n/否/无/0/×, in any case.
pub fn parse_bool(s: &str) -> Option<bool> {
    match s.trim().to_ascii_lowercase().as_str() {
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
    }

    #[test]
    fn json_files_are_checked_whole_before_any_row() {
        let policy = tic_core::policy::current();
        let not_array = |b: &[u8]| Source::open(b, None).unwrap_err().message.en;
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
        let s = Source::open(deep.as_bytes(), None).unwrap();
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
        let s = Source::open(text.as_bytes(), None).unwrap();
        assert_eq!(s.len(), 2);
        let b = s.row(policy, 1).unwrap();
        assert_eq!(b.row, 4);
        assert_eq!(b.problems[0].cell.as_deref(), Some("B4"));
        let batch = s.into_batch(policy);
        assert_eq!(batch.rows[0].value["name"], "A");
        assert_eq!(batch.rows[0].value["organization"]["bases"], 2);
    }
}
