//! Reading and writing files through `tic-tabular`, the one reader and writer that `tic screen`
//! uses too, so the browser and the command line give the same rows, errors and export columns.

use crate::model::{self, Row, RowError};
use serde_json::value::RawValue;
use serde_json::Value;
use tic_core::track::PROGRESS_SCHEMA;
use tic_core::{Lang, Policy, Text};
use tic_tabular::columns::fold;
use tic_tabular::progress::{progress_columns, ProgressField};
use tic_tabular::{
    Batch, Book, InputFormat, OutBook, PortfolioItem, ReadInfo, ReadOptions, ResultRow, Source,
};

/// The two kinds of file the view reads (and its two modes).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Kind {
    /// Applicants to pre-screen (申报预审): what `tic screen` reads.
    #[default]
    Applicants,
    /// A tracking portfolio (建设期跟踪): what `tic track` reads.
    Portfolio,
}

/// A file, read.
#[derive(Debug)]
pub enum Opened {
    /// Applicants, not yet checked.
    Applicants(Batch),
    /// The centres of a portfolio, each read and checked.
    Portfolio(Vec<PortfolioItem>),
}

/// A file as the view reads it: its name, its bytes (a CSV in GBK already decoded to UTF-8 by
/// the browser), and for a spreadsheet every sheet as the sheets bundle read it
/// ([`crate::sheets`]).
#[derive(Debug, Default)]
pub struct Input {
    /// The file's name (its extension helps find the format).
    pub name: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
    /// The spreadsheet, read; `None` for CSV and JSON.
    pub book: Option<Book>,
}

impl Input {
    /// A CSV or JSON file (a spreadsheet needs its [`Book`] too).
    pub fn new(name: impl Into<String>, bytes: Vec<u8>) -> Input {
        Input {
            name: name.into(),
            bytes,
            book: None,
        }
    }

    /// The format [`tic_tabular::detect`] finds.
    pub fn format(&self) -> InputFormat {
        tic_tabular::detect(&self.bytes, Some(&self.name))
    }
}

/// Reads a CSV, XLSX or JSON file into rows (not yet checked); an `Err` when the file as a whole
/// cannot be read.
pub fn read(policy: &Policy, input: &Input) -> Result<Batch, Text> {
    read_with(policy, input, &ReadOptions::default())
}

/// [`read`] with the sheet or the header row chosen (the panel's "read another sheet / header
/// row"; `tic screen --sheet NAME --header-row N`): `Source::open_with` (or, for a spreadsheet,
/// `Source::open_book`), the reader `tic screen` runs.
pub fn read_with(policy: &Policy, input: &Input, options: &ReadOptions) -> Result<Batch, Text> {
    match &input.book {
        Some(book) => Source::open_book(policy, book, options),
        None => Source::open_with(policy, &input.bytes, Some(&input.name), options),
    }
    .map(|s| s.into_batch(policy))
    .map_err(|e| e.message)
}

/// Reads a file of either kind, finding which it is: a JSON array whose records say
/// `"schema": "tic-progress/1"` (or one such record) is a portfolio; a table is a portfolio when
/// the applicants' layout leaves a `year` / 建设年度 column unread or refuses it, and the
/// tracking layout reads it. `prefer` (the view's mode) decides a JSON file whose records name no schema, and
/// whose reader's message a table that neither layout reads gets.
pub fn open(policy: &Policy, prefer: Kind, input: &Input) -> Result<Opened, Text> {
    open_with(policy, prefer, input, &ReadOptions::default())
}

/// [`open`] with read options. Options chosen by the official (a sheet or a header row) mean the
/// file is read as applicants: the portfolio reader takes no options and reports no
/// [`ReadInfo`] (`tic_tabular::read_portfolio_table`), so the panel and its choices are offered
/// for applicant files only.
pub fn open_with(
    policy: &Policy,
    prefer: Kind,
    input: &Input,
    options: &ReadOptions,
) -> Result<Opened, Text> {
    if *options != ReadOptions::default() {
        return read_with(policy, input, options).map(Opened::Applicants);
    }
    let format = input.format();
    if format == InputFormat::Json {
        return match json_portfolio(policy, &input.bytes, prefer) {
            Some(items) => Ok(Opened::Portfolio(items)),
            None => read(policy, input).map(Opened::Applicants),
        };
    }
    let portfolio = || {
        match &input.book {
            Some(book) => tic_tabular::read_portfolio_book(policy, book),
            None => tic_tabular::read_portfolio_table(policy, &input.bytes, format),
        }
        .map(Opened::Portfolio)
        .map_err(|e| e.message)
    };
    match prefer {
        Kind::Applicants => match read(policy, input) {
            // The applicants' reader leaves a column it does not know unread: a year column
            // among those says the file is a tracking sheet.
            Ok(batch)
                if batch
                    .info
                    .ignored_columns
                    .iter()
                    .any(|c| names_year(policy, &c.header)) =>
            {
                portfolio().or(Ok(Opened::Applicants(batch)))
            }
            Ok(batch) => Ok(Opened::Applicants(batch)),
            Err(e) => portfolio().map_err(|_| e),
        },
        Kind::Portfolio => {
            portfolio().or_else(|e| read(policy, input).map(Opened::Applicants).map_err(|_| e))
        }
    }
}

/// Whether a header names the tracking layout's year column (`year`, 建设年度, `建设年度（year）`).
fn names_year(policy: &Policy, header: &str) -> bool {
    let f = fold(header);
    progress_columns(policy)
        .iter()
        .filter(|c| c.field == ProgressField::Year)
        .any(|c| {
            let key = fold(&c.key);
            f == key || f == fold(&c.zh) || f.ends_with(&format!("({key})"))
        })
}

/// The records of a JSON portfolio, read as `tic track` reads them; `None` when the file is not
/// one (then it is read as applicants, whose reader reports any syntax error).
fn json_portfolio(policy: &Policy, bytes: &[u8], prefer: Kind) -> Option<Vec<PortfolioItem>> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(body).ok()?;
    let schema = |v: &Value| v.get("schema").and_then(Value::as_str).map(str::to_owned);
    if let Ok(items) = serde_json::from_str::<Vec<&RawValue>>(text) {
        let schemas: Vec<Option<String>> = items
            .iter()
            .map(|raw| {
                serde_json::from_str::<Value>(raw.get())
                    .ok()
                    .and_then(|v| schema(&v))
            })
            .collect();
        let progress = schemas
            .iter()
            .any(|s| s.as_deref() == Some(PROGRESS_SCHEMA));
        let other = schemas.iter().any(|s| s.is_some());
        return (progress || (!other && prefer == Kind::Portfolio))
            .then(|| tic_tabular::portfolio_from_json_text(policy, &items));
    }
    let value: Value = serde_json::from_str(text).ok()?;
    (schema(&value).as_deref() == Some(PROGRESS_SCHEMA))
        .then(|| tic_tabular::portfolio_from_json(policy, std::slice::from_ref(&value)))
}

/// The tracking reports as CSV: the columns of `tic track --format csv`, headers in `lang`.
pub fn portfolio_csv(
    policy: &Policy,
    items: &[PortfolioItem],
    lang: Lang,
) -> Result<Vec<u8>, Text> {
    tic_tabular::progress_csv(policy, items, lang).map_err(|e| e.message)
}

/// The tracking reports as a workbook, for the sheets bundle to write: `tic track --format
/// xlsx`.
pub fn portfolio_book(policy: &Policy, items: &[PortfolioItem], lang: Lang) -> OutBook {
    tic_tabular::progress_book(policy, items, lang)
}

/// The tracking sheet template as CSV (`tic template --kind progress`).
pub fn portfolio_template_csv(policy: &Policy) -> Result<Vec<u8>, Text> {
    tic_tabular::progress_template_csv(policy).map_err(|e| e.message)
}

/// The tracking sheet template as a workbook (XLSX once the sheets bundle writes it).
pub fn portfolio_template_book(policy: &Policy) -> OutBook {
    tic_tabular::progress_template_book(policy)
}

/// Everything the view keeps of a screened file.
#[derive(Debug, Default)]
pub struct Screened {
    /// The assessed applicants, in file order.
    pub rows: Vec<Row>,
    /// The problems of the rows that could not be read, in file order.
    pub errors: Vec<RowError>,
    /// One result per row of the file (valid or not), in file order: what the exports write.
    pub results: Vec<ResultRow>,
    /// How the file was read (sheet, header row, ignored columns, skipped rows, notes): the
    /// panel before the results, what `tic screen` prints on stderr.
    pub info: ReadInfo,
}

impl Screened {
    /// An empty result with room for `n` rows.
    pub fn with_capacity(n: usize) -> Screened {
        Screened {
            rows: Vec::with_capacity(n),
            errors: Vec::new(),
            results: Vec::with_capacity(n),
            info: ReadInfo::default(),
        }
    }

    /// Checks and assesses row `index` of `batch` (as `tic screen` does) and keeps its result.
    pub fn push(&mut self, policy: &Policy, batch: &Batch, index: usize) {
        let Some(input) = batch.rows.get(index) else {
            return;
        };
        let given = |k: &str| {
            input
                .value
                .get(k)
                .and_then(|v| v.as_str())
                .map(str::to_owned)
        };
        let (name, district) = (given("name"), given("district"));
        let outcome = match tic_tabular::check(policy, batch, input) {
            Ok(applicant) => {
                // The row's warnings go into the summary, as `tic_tabular::result_row` does:
                // the exports' `warnings` column is then `tic screen`'s.
                let (row, summary) =
                    model::summarise(policy, index, input.row, applicant, &input.warnings);
                self.rows.push(row);
                Ok(summary)
            }
            Err(e) => {
                self.errors.extend(model::row_errors(index, &e));
                Err(e)
            }
        };
        self.results.push(ResultRow {
            row: input.row,
            name,
            district,
            outcome,
        });
    }

    /// Number of rows that could not be read.
    pub fn invalid(&self) -> usize {
        self.results.iter().filter(|r| r.outcome.is_err()).count()
    }
}

/// The results as CSV: the columns of `tic screen --format csv`, headers in `lang`.
pub fn results_csv(policy: &Policy, results: &[ResultRow], lang: Lang) -> Result<Vec<u8>, Text> {
    tic_tabular::results_csv(policy, results, lang).map_err(|e| e.message)
}

/// The results as a workbook (XLSX once the sheets bundle writes it), the same columns as the
/// CSV.
pub fn results_book(policy: &Policy, results: &[ResultRow], lang: Lang) -> OutBook {
    tic_tabular::results_book(policy, results, lang)
}

/// The empty template with bilingual headers and an example row, as CSV.
pub fn template_csv() -> Result<Vec<u8>, Text> {
    tic_tabular::template_csv(tic_core::policy::current()).map_err(|e| e.message)
}

/// The same template as a workbook (XLSX once the sheets bundle writes it).
pub fn template_book(policy: &Policy) -> OutBook {
    tic_tabular::template_book(policy)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use tic_core::policy;
    use tic_tabular::{progress_template_xlsx, template_xlsx};

    /// A file as the view has it once the browser's part is done: a spreadsheet read into its
    /// book (here by tabular's own reader, which the sheets bundle runs in the browser).
    pub(crate) fn input(name: &str, bytes: &[u8]) -> Input {
        let mut i = Input::new(name, bytes.to_vec());
        if i.format() == InputFormat::Xlsx {
            i.book = Some(Book::read(bytes).unwrap_or_else(|e| panic!("{name}: {}", e.message.en)));
        }
        i
    }

    /// Screens a file the way the view does, row by row.
    fn screen(name: &str, bytes: &[u8]) -> Screened {
        let p = policy::current();
        let batch = match read(p, &input(name, bytes)) {
            Ok(b) => b,
            Err(e) => panic!("test file unreadable: {}", e.en),
        };
        let mut s = Screened::with_capacity(batch.rows.len());
        for i in 0..batch.rows.len() {
            s.push(p, &batch, i);
        }
        s
    }

    #[test]
    fn row_by_row_gives_the_same_results_as_the_command_line() {
        let json = r#"[
            {"schema":"tic-applicant/1","name":"a","district":"北仑区","capacity_investment_wan":[100]},
            {"schema":"tic-applicant/1","name":"b","investment_wan":[-1]},
            {"schema":"tic-applicant/1","name":"c","team":{"staff_year2":500}}
        ]"#
        .as_bytes();
        let s = screen("x.json", json);
        let p = policy::current();
        let batch = read(p, &input("x.json", json)).unwrap_or_else(|e| panic!("{}", e.en));
        assert_eq!(s.results, tic_tabular::screen_rows(p, &batch));
        assert_eq!(s.rows.len(), 2);
        assert_eq!(s.invalid(), 1);
        assert_eq!(s.rows[1].index, 2);
        assert_eq!(s.errors.len(), 1);
        assert_eq!(s.errors[0].row, 2);
        assert_eq!(s.errors[0].column, "investment_wan[0]");
        assert!(s.errors[0].message.en.contains('0'), "{:?}", s.errors[0]);
    }

    /// The template's example under a title row, with a 序号 column, a 合计 row, and the
    /// second row's year-1 investment in 元 (60,000,000: a warning).
    pub(crate) fn official_csv() -> String {
        let tpl = template_csv().unwrap_or_default();
        let text = String::from_utf8_lossy(&tpl)
            .trim_start_matches('\u{feff}')
            .to_owned();
        let mut lines = text.lines();
        let header = lines.next().unwrap_or_default().to_owned();
        let example = lines.next().unwrap_or_default().to_owned();
        let n = header.split(',').count();
        let year1 = header
            .split(',')
            .position(|h| h.ends_with("（investment_wan.year1）"))
            .unwrap_or(usize::MAX);
        let mut big: Vec<&str> = example.split(',').collect();
        big[year1] = "60000000";
        format!(
            "申报汇总表{}\n序号,{header}\n1,{example}\n2,{}\n合计{}\n",
            ",".repeat(n),
            big.join(","),
            ",".repeat(n)
        )
    }

    #[test]
    fn warnings_reach_the_results_as_on_the_command_line() {
        let p = policy::current();
        let csv = official_csv();
        let s = screen("a.csv", csv.as_bytes());
        let batch = read(p, &input("a.csv", csv.as_bytes())).unwrap_or_else(|e| panic!("{}", e.en));
        assert_eq!(s.results, tic_tabular::screen_rows(p, &batch));
        assert_eq!(s.rows.len(), 2);
        assert!(s.rows[0].warnings.is_empty());
        assert_eq!(s.rows[1].warnings.len(), 1, "{:?}", s.rows[1]);
        assert!(s.rows[1].warnings[0].message.zh.contains("万元"));
        let info = &batch.info;
        assert_eq!(info.header_row, Some(2));
        assert_eq!(
            info.skipped_rows.iter().map(|r| r.row).collect::<Vec<_>>(),
            [5]
        );
        assert_eq!(info.ignored_columns[0].header, "序号");
        // The header row chosen: the title row is no header; row 2 reads as found.
        let opts = |n| ReadOptions {
            sheet: None,
            header_row: Some(n),
        };
        assert!(open_with(
            p,
            Kind::Applicants,
            &input("a.csv", csv.as_bytes()),
            &opts(1)
        )
        .is_err());
        match open_with(
            p,
            Kind::Portfolio,
            &input("a.csv", csv.as_bytes()),
            &opts(2),
        ) {
            Ok(Opened::Applicants(b)) => assert_eq!(b.info, batch.info),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn each_kind_of_file_is_recognised_whatever_the_mode() {
        let p = policy::current();
        let kind = |prefer, name: &str, bytes: &[u8]| match open(p, prefer, &input(name, bytes)) {
            Ok(Opened::Applicants(b)) => (Kind::Applicants, b.rows.len()),
            Ok(Opened::Portfolio(items)) => (Kind::Portfolio, items.len()),
            Err(e) => panic!("{name}: {}", e.en),
        };
        let files = [
            (
                "p.csv",
                portfolio_template_csv(p).unwrap_or_default(),
                Kind::Portfolio,
            ),
            (
                "p.xlsx",
                progress_template_xlsx(p).unwrap_or_default(),
                Kind::Portfolio,
            ),
            (
                "a.csv",
                template_csv().unwrap_or_default(),
                Kind::Applicants,
            ),
            (
                "a.xlsx",
                template_xlsx(p).unwrap_or_default(),
                Kind::Applicants,
            ),
        ];
        for (name, bytes, want) in &files {
            for prefer in [Kind::Applicants, Kind::Portfolio] {
                assert_eq!(
                    kind(prefer, name, bytes),
                    (*want, 1),
                    "{name} read in {prefer:?} mode"
                );
            }
        }
    }

    #[test]
    fn template_reads_back_as_one_valid_row() {
        let p = policy::current();
        for (name, bytes) in [
            ("t.csv", template_csv().unwrap_or_default()),
            ("t.xlsx", template_xlsx(p).unwrap_or_default()),
        ] {
            let s = screen(name, &bytes);
            assert_eq!(
                (s.rows.len(), s.invalid()),
                (1, 0),
                "{name}: {:?}",
                s.errors
            );
        }
    }

    #[test]
    fn csv_errors_name_the_column_and_cell() {
        let p = policy::current();
        let tpl = template_csv().unwrap_or_default();
        let text = String::from_utf8_lossy(&tpl).into_owned();
        let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
        assert!(lines.len() >= 2);
        // A second row: the example with its name changed and one number made invalid.
        let header: Vec<String> = lines[0].split(',').map(str::to_owned).collect();
        let staff = header
            .iter()
            .position(|h| h.contains("staff_year2"))
            .unwrap_or_else(|| panic!("no staff_year2 column in {header:?}"));
        let mut cells: Vec<String> = lines[1].split(',').map(str::to_owned).collect();
        cells[staff] = "很多".into();
        lines.push(cells.join(","));
        let s = screen("t.csv", lines.join("\n").as_bytes());
        assert_eq!((s.rows.len(), s.invalid()), (1, 1));
        let e = &s.errors[0];
        assert_eq!(e.row, 3);
        assert_eq!(e.column, header[staff].trim_matches('"'));
        assert!(e.cell.as_deref().is_some_and(|c| c.ends_with('3')));
        let csv = results_csv(p, &s.results, Lang::En).unwrap_or_default();
        let csv = String::from_utf8_lossy(&csv);
        assert_eq!(csv.lines().count(), 3, "{csv}");
    }
}
