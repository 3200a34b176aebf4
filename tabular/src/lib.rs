//! `tic-tabular`: the batch side of `tic`, shared by the command line and the browser.
//!
//! Bytes in, bytes out; no file I/O, so it builds for `wasm32-unknown-unknown`.
//!
//! - [`read()`] turns a JSON array, a CSV or an XLSX file into rows in contract shape
//!   ([`Batch`]), with the problems of their cells;
//! - [`check`] turns a row into a [`tic_core::Applicant`] or a [`RowError`] naming every problem
//!   with its field path, column and cell;
//! - [`screen_to`] streams the JSON array or the CSV export of `tic screen` to a writer as
//!   the rows are screened (in parallel on native targets, in input order);
//! - [`screen_json`] gives the JSON array of `tic screen`, [`screen_rows`] the flat
//!   [`ResultRow`]s that [`results_csv`] and [`results_xlsx`] write (the same columns in both);
//! - [`template_csv`] / [`template_xlsx`] give the documented header with one example row;
//! - [`progress`] reads construction-period portfolios (one row per centre and year) into
//!   progress records and writes their reports' flat columns and the tracking sheet template.
//!
//! The layout is in [`columns::columns`]; docs/tabular.md documents it.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod columns;
pub mod compare;
pub mod progress;
pub mod read;
pub mod screen;
pub mod write;

pub use progress::{
    portfolio_from_json, portfolio_from_json_text, progress_book, progress_csv,
    progress_template_book, progress_template_csv, read_portfolio_book, read_portfolio_table,
    PortfolioItem,
};
#[cfg(feature = "xlsx")]
pub use progress::{progress_template_xlsx, progress_xlsx};
pub use read::{
    detect, read, Batch, Book, IgnoredColumn, InputFormat, InputRow, Layout, ReadInfo, ReadOptions,
    SkippedRow, Source,
};
pub use screen::{
    screen_json, screen_rows, screen_source_rows, screen_to, ScreenJson, StreamFormat, Tally,
};
pub use write::{
    neutralise, result_header, results_book, results_csv, template_book, template_csv, OutBook,
    OutCell, OutSheet, RESULT_COLUMNS,
};
#[cfg(feature = "xlsx")]
pub use write::{results_xlsx, template_xlsx};

use serde::Serialize;
use std::fmt;
use tic_core::policy::Policy;
use tic_core::vocab::{Due, LimitedBy, Status, Verdict};
use tic_core::{Applicant, Lang, Text, Wan};

/// A file that cannot be read at all (`tic screen` exits 2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileError {
    /// What is wrong, in both languages.
    pub message: Text,
}

impl FileError {
    /// A file error from its two messages.
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> FileError {
        FileError {
            message: Text::new(zh, en),
        }
    }
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message.en)
    }
}

impl std::error::Error for FileError {}

/// One problem of a row: its contract field path, and where it is in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowProblem {
    /// The contract field path (`investment_wan[1]`); empty for the whole row.
    pub field: String,
    /// The column header as written in the file (CSV / XLSX).
    pub column: Option<String>,
    /// The cell reference, `H6` (CSV / XLSX).
    pub cell: Option<String>,
    /// What is wrong.
    pub message: Text,
}

impl RowProblem {
    /// `H6 (第2年总投入（万元）) investment_wan[1]: must be ≥ 0`.
    pub fn line(&self, lang: Lang) -> String {
        let mut s = String::new();
        if let Some(cell) = &self.cell {
            s.push_str(cell);
            s.push(' ');
        }
        if let Some(col) = &self.column {
            s.push_str(&format!("({col}) "));
        }
        if self.field.is_empty() {
            s.push_str("(document)");
        } else {
            s.push_str(&self.field);
        }
        s.push_str(": ");
        s.push_str(self.message.get(lang));
        s
    }
}

/// An invalid row: every problem found in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    /// The row (see [`InputRow::row`]).
    pub row: usize,
    /// Every problem, cell problems first, then those the core found.
    pub problems: Vec<RowProblem>,
}

impl RowError {
    /// The error as the `error` object of a screen result, in `lang`: the first problem's
    /// `field`, `column`, `cell` and `message`, and all of them in `problems`.
    pub fn out(&self, lang: Lang) -> ErrorOut<'_> {
        let first = self.problems.first();
        ErrorOut {
            row: self.row,
            field: first.map(|p| p.field.as_str()).unwrap_or(""),
            column: first.and_then(|p| p.column.as_deref()),
            cell: first.and_then(|p| p.cell.as_deref()),
            message: first.map(|p| p.message.get(lang)).unwrap_or(""),
            problems: self
                .problems
                .iter()
                .map(|p| ProblemOut {
                    field: &p.field,
                    column: p.column.as_deref(),
                    cell: p.cell.as_deref(),
                    message: p.message.get(lang),
                })
                .collect(),
        }
    }

    /// Every problem on one line each (as [`RowProblem::line`]), joined by `; `.
    pub fn summary(&self, lang: Lang) -> String {
        self.problems
            .iter()
            .map(|p| p.line(lang))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// The `error` object of an invalid row (see [`RowError::out`]).
#[derive(Serialize, Debug)]
pub struct ErrorOut<'a> {
    row: usize,
    field: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cell: Option<&'a str>,
    message: &'a str,
    problems: Vec<ProblemOut<'a>>,
}

#[derive(Serialize, Debug)]
struct ProblemOut<'a> {
    field: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cell: Option<&'a str>,
    message: &'a str,
}

/// Checks one row: the applicant, or every problem of the row (its cells' and the core's), each
/// with its column and cell when the batch is tabular.
pub fn check(policy: &Policy, batch: &Batch, row: &InputRow) -> Result<Applicant, RowError> {
    check_row(policy, batch.layout.as_ref(), row)
}

/// [`check`], given the layout of the file the row comes from (`None` for JSON).
pub fn check_row(
    policy: &Policy,
    layout: Option<&Layout>,
    row: &InputRow,
) -> Result<Applicant, RowError> {
    let core = tic_core::applicant_from_value(policy, &row.value);
    if row.problems.is_empty() {
        if let Ok(a) = core {
            return Ok(a);
        }
    }
    let mut problems = row.problems.clone();
    if let Err(errors) = core {
        for e in errors {
            let (column, cell) = match layout.and_then(|l| l.locate(&e.path, row.row)) {
                Some((c, r)) => (Some(c), Some(r)),
                None => (None, None),
            };
            problems.push(RowProblem {
                message: Text::new(e.message(Lang::Zh), e.message(Lang::En)),
                field: e.path,
                column,
                cell,
            });
        }
    }
    Err(RowError {
        row: row.row,
        problems,
    })
}

/// The name and district a row gives, even when it is invalid (to say whose row it is).
pub(crate) fn row_identity(row: &InputRow) -> (Option<String>, Option<String>) {
    let get = |k: &str| row.value.get(k).and_then(|v| v.as_str()).map(str::to_owned);
    (get("name"), get("district"))
}

/// The flat result of one row, for tables and the CSV / XLSX export.
#[derive(Clone, Debug, PartialEq)]
pub struct ResultRow {
    /// The row (see [`InputRow::row`]).
    pub row: usize,
    /// Name, as given.
    pub name: Option<String>,
    /// District, as given.
    pub district: Option<String>,
    /// The assessment's summary, or the row's error.
    pub outcome: Result<RowSummary, RowError>,
}

/// The numbers of one assessment that a table shows.
#[derive(Clone, Debug, PartialEq)]
pub struct RowSummary {
    /// The verdict.
    pub verdict: Verdict,
    /// The subsidy estimate's total.
    pub total: Wan,
    /// Per subsidised year: amount and the term that decided it.
    pub years: Vec<(Wan, LimitedBy)>,
    /// Per due point (application, year2, year5, acceptance): (gaps, unknowns).
    pub by_due: [(usize, usize); 4],
    /// Ids of the requirements that are gaps, in policy order.
    pub gaps: Vec<String>,
    /// Ids of the requirements that are unknown, in policy order.
    pub unknown: Vec<String>,
    /// The row's warnings ([`InputRow::warnings`]: an amount implausibly large); empty from
    /// [`RowSummary::of`], set by [`result_row`] (a shell that builds its own summary sets it
    /// from the input row).
    pub warnings: Vec<RowProblem>,
}

/// The index of a due point in [`RowSummary::by_due`].
pub fn due_index(d: Due) -> usize {
    match d {
        Due::Application => 0,
        Due::Year2 => 1,
        Due::Year5 => 2,
        Due::Acceptance => 3,
    }
}

impl RowSummary {
    /// The summary of an assessment.
    pub fn of(a: &tic_core::Assessment<'_>) -> RowSummary {
        let mut by_due = [(0, 0); 4];
        let mut gaps = Vec::new();
        let mut unknown = Vec::new();
        for o in &a.requirements {
            let d = &mut by_due[due_index(o.requirement.due)];
            match o.status {
                Status::Gap => {
                    d.0 += 1;
                    gaps.push(o.requirement.id.clone());
                }
                Status::Unknown => {
                    d.1 += 1;
                    unknown.push(o.requirement.id.clone());
                }
                Status::Met => {}
            }
        }
        RowSummary {
            verdict: a.verdict,
            total: a.funding.total,
            years: a
                .funding
                .years
                .iter()
                .map(|y| (y.amount, y.limited_by))
                .collect(),
            by_due,
            gaps,
            unknown,
            warnings: Vec::new(),
        }
    }
}

/// The flat result of one row (checked, assessed and summed up).
pub fn result_row(policy: &Policy, layout: Option<&Layout>, row: &InputRow) -> ResultRow {
    let outcome = check_row(policy, layout, row).map(|applicant| {
        let a = tic_core::assess(policy, &applicant);
        let mut s = RowSummary::of(&a);
        s.warnings = row.warnings.clone();
        s
    });
    let (name, district) = row_identity(row);
    ResultRow {
        row: row.row,
        name,
        district,
        outcome,
    }
}
