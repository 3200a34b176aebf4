//! Writing: the screen results as CSV and XLSX (the same columns in both), and the template.

use crate::columns::{columns, vocabulary, Kind};
use crate::{FileError, ResultRow};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use tic_core::policy::Policy;
use tic_core::Lang;

/// A UTF-8 byte-order mark: CSV files start with it so that Excel (which otherwise assumes the
/// local code page, GBK on a Chinese Windows) shows Chinese text correctly.
pub const BOM: &str = "\u{feff}";

/// Neutralises a text cell against formula injection: a cell that begins with `=`, `+`, `-`,
/// `@`, a tab or a carriage return gets a leading `'`, so a spreadsheet shows it as text
/// instead of running it.
pub fn neutralise(s: &str) -> Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// A cell of the results (in JSON: `null`, a string or a number).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum OutCell {
    /// Nothing.
    Empty,
    /// Text (neutralised when written).
    Text(String),
    /// A number (a number cell in XLSX).
    Number(f64),
}

/// The results' column headers, for `years` subsidised years, in `lang`: row, name, district,
/// verdict, total subsidy, per year amount and limited_by, gaps / unknowns per due point, the
/// ids of the gaps and of the unknowns, the error.
pub fn result_header(policy: &Policy, lang: Lang) -> Vec<String> {
    let years = policy.funding.years;
    let zh = lang == Lang::Zh;
    let pick = |z: &str, e: &str| if zh { z.to_owned() } else { e.to_owned() };
    let mut h = vec![
        pick("行号", "row"),
        pick("名称", "name"),
        pick("所在区县", "district"),
        pick("结论", "verdict"),
        pick("补助估算合计（万元）", "total_subsidy_wan"),
    ];
    for n in 1..=years {
        h.push(if zh {
            format!("第{n}年补助（万元）")
        } else {
            format!("year{n}_subsidy_wan")
        });
        h.push(if zh {
            format!("第{n}年决定因素")
        } else {
            format!("year{n}_limited_by")
        });
    }
    for d in tic_core::vocab::Due::ALL {
        let z = tic_core::explain::due_short(policy, *d).zh;
        let e = d.id();
        h.push(if zh {
            format!("{z}差距项数")
        } else {
            format!("{e}_gaps")
        });
        h.push(if zh {
            format!("{z}待定项数")
        } else {
            format!("{e}_unknown")
        });
    }
    h.push(pick("差距项", "gap_ids"));
    h.push(pick("待定项", "unknown_ids"));
    h.push(pick("错误", "error"));
    h.push(pick("警告", "warnings"));
    h
}

/// The identifiers of [`result_header`] (the English header), for three subsidised years.
pub const RESULT_COLUMNS: &[&str] = &[
    "row",
    "name",
    "district",
    "verdict",
    "total_subsidy_wan",
    "year1_subsidy_wan",
    "year1_limited_by",
    "year2_subsidy_wan",
    "year2_limited_by",
    "year3_subsidy_wan",
    "year3_limited_by",
    "application_gaps",
    "application_unknown",
    "year2_gaps",
    "year2_unknown",
    "year5_gaps",
    "year5_unknown",
    "acceptance_gaps",
    "acceptance_unknown",
    "gap_ids",
    "unknown_ids",
    "error",
    "warnings",
];

/// The cells of one result, matching [`result_header`] for `years` years.
pub fn result_cells(r: &ResultRow, years: usize, lang: Lang) -> Vec<OutCell> {
    let text = |s: &Option<String>| match s {
        Some(s) => OutCell::Text(s.clone()),
        None => OutCell::Empty,
    };
    let mut c = vec![
        OutCell::Number(r.row as f64),
        text(&r.name),
        text(&r.district),
    ];
    match &r.outcome {
        Ok(s) => {
            c.push(OutCell::Text(s.verdict.id().to_owned()));
            c.push(OutCell::Number(s.total.as_wan()));
            for n in 0..years {
                match s.years.get(n) {
                    Some((amount, by)) => {
                        c.push(OutCell::Number(amount.as_wan()));
                        c.push(OutCell::Text(by.id().to_owned()));
                    }
                    None => c.extend([OutCell::Empty, OutCell::Empty]),
                }
            }
            for (gaps, unknown) in s.by_due {
                c.push(OutCell::Number(gaps as f64));
                c.push(OutCell::Number(unknown as f64));
            }
            c.push(OutCell::Text(s.gaps.join(";")));
            c.push(OutCell::Text(s.unknown.join(";")));
            c.push(OutCell::Empty);
            c.push(if s.warnings.is_empty() {
                OutCell::Empty
            } else {
                OutCell::Text(
                    s.warnings
                        .iter()
                        .map(|p| p.line(lang))
                        .collect::<Vec<_>>()
                        .join("; "),
                )
            });
        }
        Err(e) => {
            c.extend(std::iter::repeat_n(OutCell::Empty, 2 + 2 * years + 8 + 2));
            c.push(OutCell::Text(e.summary(lang)));
            c.push(OutCell::Empty);
        }
    }
    c
}

pub(crate) fn csv_error(e: csv::Error) -> FileError {
    FileError::new(
        format!("写 CSV 失败：{e}"),
        format!("cannot write CSV: {e}"),
    )
}

/// The results as CSV (UTF-8 with a BOM), header in `lang`; every text cell neutralised.
pub fn results_csv(policy: &Policy, rows: &[ResultRow], lang: Lang) -> Result<Vec<u8>, FileError> {
    let years = policy.funding.years;
    let mut out = Vec::with_capacity(rows.len() * 200 + 512);
    out.extend_from_slice(BOM.as_bytes());
    let mut w = csv::Writer::from_writer(out);
    write_csv_header(&mut w, policy, lang).map_err(csv_error)?;
    let mut num = String::new();
    for r in rows {
        write_csv_row(&mut w, r, years, lang, &mut num).map_err(csv_error)?;
    }
    w.into_inner().map_err(|e| csv_error(e.into_error().into()))
}

/// Writes the results' header (see [`result_header`]), neutralised.
pub(crate) fn write_csv_header<W: std::io::Write>(
    w: &mut csv::Writer<W>,
    policy: &Policy,
    lang: Lang,
) -> csv::Result<()> {
    w.write_record(
        result_header(policy, lang)
            .iter()
            .map(|h| neutralise(h).into_owned()),
    )
}

/// Writes one result (see [`result_cells`]), every text cell neutralised; `num` is scratch
/// space kept between rows.
pub(crate) fn write_csv_row<W: std::io::Write>(
    w: &mut csv::Writer<W>,
    r: &ResultRow,
    years: usize,
    lang: Lang,
    num: &mut String,
) -> csv::Result<()> {
    use std::fmt::Write as _;
    for cell in result_cells(r, years, lang) {
        match cell {
            OutCell::Empty => w.write_field(b"")?,
            OutCell::Text(s) => w.write_field(neutralise(&s).as_bytes())?,
            OutCell::Number(f) => {
                num.clear();
                // Writing into a String cannot fail.
                let _ = write!(num, "{f}");
                w.write_field(num.as_bytes())?;
            }
        }
    }
    w.write_record(None::<&[u8]>)
}

/// A workbook to write: what every XLSX this crate makes is described as, before
/// [`OutBook::to_xlsx`] writes it. The batch view describes its exports the same way and has
/// the sheets bundle write them (as JSON between the two), so that the browser's files are the
/// command line's.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OutBook {
    /// Its sheets, in order.
    pub sheets: Vec<OutSheet>,
}

/// A sheet of an [`OutBook`]: its first row is a header (bold).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct OutSheet {
    /// The sheet's name.
    pub name: String,
    /// Its rows, the header first; every text cell is neutralised when written.
    pub rows: Vec<Vec<OutCell>>,
    /// Whether the header stays in view when scrolling.
    pub freeze_header: bool,
    /// Column widths (0-based column, width in characters); other columns keep the default.
    pub widths: Vec<(u16, f64)>,
}

impl OutSheet {
    pub(crate) fn new(name: &str, freeze_header: bool) -> OutSheet {
        OutSheet {
            name: name.to_owned(),
            freeze_header,
            ..OutSheet::default()
        }
    }

    /// A table of one row per item (results, reports): the header frozen, column B (the name)
    /// wide.
    pub(crate) fn table(name: &str, header: Vec<String>) -> OutSheet {
        let mut sheet = OutSheet::new(name, true);
        sheet.text_row(header);
        sheet.widths.push((1, 30.0));
        sheet
    }

    /// The workbook of this sheet followed by `rows`.
    pub(crate) fn book(mut self, rows: impl Iterator<Item = Vec<OutCell>>) -> OutBook {
        self.rows.extend(rows);
        OutBook { sheets: vec![self] }
    }

    /// The XLSX of this sheet followed by `rows`, written one at a time.
    #[cfg(feature = "xlsx")]
    pub(crate) fn xlsx(
        &self,
        rows: impl Iterator<Item = Vec<OutCell>>,
    ) -> Result<Vec<u8>, FileError> {
        xlsx_of(std::iter::once((self, rows)))
    }

    /// A row of text cells.
    pub(crate) fn text_row<S: Into<String>>(&mut self, cells: impl IntoIterator<Item = S>) {
        self.rows
            .push(cells.into_iter().map(|c| OutCell::Text(c.into())).collect());
    }
}

#[cfg(feature = "xlsx")]
impl OutBook {
    /// The workbook's bytes (XLSX).
    pub fn to_xlsx(&self) -> Result<Vec<u8>, FileError> {
        xlsx_of(self.sheets.iter().map(|s| (s, std::iter::empty())))
    }
}

/// The XLSX of sheets, each followed by more rows given one at a time: the command line's
/// exports of many rows are written without first holding every row's cells (100,000 results
/// held as cells took 95 MB more).
#[cfg(feature = "xlsx")]
pub(crate) fn xlsx_of<'s, R: Iterator<Item = Vec<OutCell>>>(
    sheets: impl Iterator<Item = (&'s OutSheet, R)>,
) -> Result<Vec<u8>, FileError> {
    use rust_xlsxwriter::{Format, Workbook};
    let xlsx_error = |e: rust_xlsxwriter::XlsxError| {
        FileError::new(
            format!("写 XLSX 失败：{e}"),
            format!("cannot write XLSX: {e}"),
        )
    };
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    for (s, more) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(&s.name).map_err(xlsx_error)?;
        let rows = s
            .rows
            .iter()
            .map(|r| r.as_slice())
            .map(std::borrow::Cow::Borrowed);
        let rows = rows.chain(more.map(std::borrow::Cow::Owned));
        for (i, cells) in rows.enumerate() {
            let row = u32::try_from(i).unwrap_or(u32::MAX);
            for (j, cell) in cells.iter().enumerate() {
                let col = u16::try_from(j).unwrap_or(u16::MAX);
                match cell {
                    OutCell::Empty => continue,
                    OutCell::Text(t) if i == 0 => {
                        sheet.write_string_with_format(row, col, neutralise(t), &bold)
                    }
                    OutCell::Text(t) => sheet.write_string(row, col, neutralise(t)),
                    OutCell::Number(n) => sheet.write_number(row, col, *n),
                }
                .map_err(xlsx_error)?;
            }
        }
        if s.freeze_header {
            sheet.set_freeze_panes(1, 0).map_err(xlsx_error)?;
        }
        for &(col, width) in &s.widths {
            sheet.set_column_width(col, width).map_err(xlsx_error)?;
        }
    }
    book.save_to_buffer().map_err(xlsx_error)
}

/// The results' sheet without its rows.
fn results_sheet(policy: &Policy, lang: Lang) -> OutSheet {
    let name = if lang == Lang::Zh {
        "预审结果"
    } else {
        "results"
    };
    OutSheet::table(name, result_header(policy, lang))
}

/// The results as a workbook (one sheet), the same columns as [`results_csv`]; numbers stay
/// numbers.
pub fn results_book(policy: &Policy, rows: &[ResultRow], lang: Lang) -> OutBook {
    let years = policy.funding.years;
    let cells = rows.iter().map(|r| result_cells(r, years, lang));
    results_sheet(policy, lang).book(cells)
}

/// [`results_book`] as XLSX (written row by row); every text cell is neutralised.
#[cfg(feature = "xlsx")]
pub fn results_xlsx(policy: &Policy, rows: &[ResultRow], lang: Lang) -> Result<Vec<u8>, FileError> {
    let years = policy.funding.years;
    let cells = rows.iter().map(|r| result_cells(r, years, lang));
    results_sheet(policy, lang).xlsx(cells)
}

/// The template's header (`中文（key）`) and example row: one column per field of the policy
/// (one per year for the yearly amounts).
pub fn template_rows(policy: &Policy) -> (Vec<String>, Vec<String>) {
    let cols = columns(policy);
    (
        cols.iter().map(|c| c.template_header()).collect(),
        cols.iter().map(|c| c.example.to_owned()).collect(),
    )
}

/// The template as CSV (UTF-8 with a BOM): the bilingual header and one example row.
pub fn template_csv(policy: &Policy) -> Result<Vec<u8>, FileError> {
    let (header, example) = template_rows(policy);
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(&header).map_err(csv_error)?;
    w.write_record(&example).map_err(csv_error)?;
    let body = w
        .into_inner()
        .map_err(|e| csv_error(e.into_error().into()))?;
    let mut out = BOM.as_bytes().to_vec();
    out.extend_from_slice(&body);
    Ok(out)
}

fn kind_text(k: Kind) -> &'static str {
    match k {
        Kind::Text => "文字 text",
        Kind::Choice(_) => "单选 one value",
        Kind::List(_) => "多选，用 ; ； 或 、 分隔 several, separated by ; ； 、",
        Kind::Bool => "是/否 yes/no (true/false, 1/0)",
        Kind::Count => "非负整数 whole number ≥ 0",
        Kind::Money => "万元，可有小数 万元, decimals allowed",
    }
}

/// The template as a workbook: sheet 1 the header and example row (the sheet `tic screen`
/// reads), sheet 2 (`说明`) every column with its accepted values.
pub fn template_book(policy: &Policy) -> OutBook {
    let (header, example) = template_rows(policy);
    let cols = columns(policy);
    let mut sheet = OutSheet::new("applicants", true);
    sheet.text_row(header);
    sheet.rows.push(
        cols.iter()
            .zip(example)
            .map(|(c, v)| match (c.kind, v.parse::<f64>()) {
                (Kind::Count | Kind::Money, Ok(n)) => OutCell::Number(n),
                _ => OutCell::Text(v),
            })
            .collect(),
    );
    sheet.widths = (0..cols.len())
        .map(|j| (u16::try_from(j).unwrap_or(u16::MAX), 16.0))
        .collect();
    let mut notes = OutSheet::new("说明", false);
    notes.text_row([
        "列 column",
        "中文表头",
        "填写 kind",
        "可填的值 accepted values",
    ]);
    for c in cols.iter() {
        let values = match c.kind {
            Kind::Choice(v) | Kind::List(v) => vocabulary(policy, v)
                .into_iter()
                .map(|(id, zh)| {
                    if zh.is_empty() {
                        id
                    } else {
                        format!("{zh} = {id}")
                    }
                })
                .collect::<Vec<_>>()
                .join("; "),
            _ => String::new(),
        };
        notes.text_row([c.key.into(), c.zh.into(), kind_text(c.kind).into(), values]);
    }
    notes.widths = vec![(0, 32.0), (1, 28.0)];
    OutBook {
        sheets: vec![sheet, notes],
    }
}

/// [`template_book`] as XLSX.
#[cfg(feature = "xlsx")]
pub fn template_xlsx(policy: &Policy) -> Result<Vec<u8>, FileError> {
    template_book(policy).to_xlsx()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neutralises_formula_starts() {
        for s in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralise(s), format!("'{s}"), "{s:?}");
        }
        for s in ["宁波", "1", "a=b", " =x", ""] {
            assert_eq!(neutralise(s), s);
        }
    }

    #[test]
    fn english_header_matches_the_constant() {
        let p = tic_core::policy::current();
        assert_eq!(p.funding.years, 3);
        assert_eq!(result_header(p, Lang::En), RESULT_COLUMNS);
        assert_eq!(result_header(p, Lang::Zh).len(), RESULT_COLUMNS.len());
    }
}
