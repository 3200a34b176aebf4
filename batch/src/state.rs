//! The view's one reducer: the mode, the file being read and what was made of it, the sort,
//! the filters and the interface flags. Every change goes through [`State::reduce`], which asks
//! `tic-tabular` and `tic-core` (through [`crate::model`], [`crate::portfolio`] and
//! [`crate::source`]); components only render the state and send [`Action`]s.

use crate::model::{self, Column, Direction, Filter};
use crate::portfolio::{self, PColumn, Portfolio};
use crate::source::{self, Input, Kind, Screened};
use std::rc::Rc;
use tic_core::vocab::Verdict;
use tic_core::{policy, Lang, Text};
use tic_tabular::{OutBook, PortfolioItem, ReadInfo, ReadOptions};
use yew::Reducible;

/// Rows rendered at first, and added by "show more".
pub const PAGE: usize = 200;
/// "Show all" is offered up to this many rows (use the filters to narrow larger files).
pub const SHOW_ALL_MAX: usize = 2_000;

/// Where the processing of a file stands.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Phase {
    /// No file yet.
    #[default]
    Idle,
    /// Reading the file (`total` 0: not known yet).
    Working {
        /// Rows done.
        done: usize,
        /// Rows in the file.
        total: usize,
    },
    /// The results are shown.
    Ready,
    /// The file could not be read at all.
    Failed(Text),
}

/// What to save.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Save {
    /// Results (screening) or reports (portfolio) as CSV.
    ResultsCsv,
    /// The same as XLSX.
    ResultsXlsx,
    /// The empty template of the mode as CSV.
    TemplateCsv,
    /// The same as XLSX.
    TemplateXlsx,
}

/// What a download holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Content {
    /// The file's bytes (CSV).
    Bytes(Vec<u8>),
    /// A workbook, for the sheets bundle to write as XLSX ([`crate::sheets::write`]).
    Xlsx(OutBook),
}

/// A file to offer for download.
#[derive(Clone, Debug, PartialEq)]
pub struct Download {
    /// What it holds.
    pub content: Content,
    /// Its name.
    pub name: &'static str,
    /// Its MIME type.
    pub mime: &'static str,
}

const CSV_MIME: &str = "text/csv;charset=utf-8";
const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// A screened file of applicants and how it is shown.
#[derive(Clone, Debug, Default)]
pub struct Screening {
    /// Rows, errors and results.
    pub data: Rc<Screened>,
    /// The problems of the rows that could not be read (taken out of `data`).
    pub errors: Rc<Vec<model::RowError>>,
    /// Rows that could not be read.
    pub invalid: usize,
    /// Rows per verdict, in [`model::VERDICTS`] order.
    pub counts: [usize; 4],
    /// The districts of the rows.
    pub districts: Rc<Vec<String>>,
    /// The budget view: the estimated subsidy by year and by district.
    pub budget: Rc<tic_tabular::compare::Totals>,
    /// Indices into `data.rows`, sorted.
    pub order: Rc<Vec<usize>>,
    /// `order` filtered.
    pub visible: Rc<Vec<usize>>,
    /// The sort column and direction.
    pub sort: (Column, Direction),
    /// The filters.
    pub filter: Filter,
    /// Rows rendered.
    pub shown: usize,
}

impl Screening {
    fn new(mut data: Screened) -> Screening {
        let mut s = Screening {
            errors: Rc::new(std::mem::take(&mut data.errors)),
            invalid: data.invalid(),
            counts: model::counts(&data.rows),
            budget: Rc::new(model::budget(&data.rows, data.invalid())),
            districts: Rc::new(model::districts(&data.rows)),
            order: Rc::new((0..data.rows.len()).collect()),
            sort: (Column::Row, Direction::Ascending),
            shown: PAGE,
            data: Rc::new(data),
            ..Screening::default()
        };
        s.refresh();
        s
    }

    fn refresh(&mut self) {
        self.visible = Rc::new(model::visible(&self.data.rows, &self.order, &self.filter));
    }
}

/// A tracked portfolio and how it is shown.
#[derive(Clone, Debug, Default)]
pub struct Tracked {
    /// The centres, tracked.
    pub data: Rc<Portfolio>,
    /// The problems of the centres that could not be read (taken out of `data`).
    pub errors: Rc<Vec<model::RowError>>,
    /// Indices into `data.centres`, sorted.
    pub order: Rc<Vec<usize>>,
    /// The sort column and direction.
    pub sort: (PColumn, Direction),
}

impl Tracked {
    fn new(mut data: Portfolio) -> Tracked {
        let mut t = Tracked {
            errors: Rc::new(std::mem::take(&mut data.errors)),
            data: Rc::new(data),
            ..Tracked::default()
        };
        t.sort_by(PColumn::Standing, Direction::Ascending);
        t
    }

    fn sort_by(&mut self, column: PColumn, direction: Direction) {
        let mut order: Vec<usize> = (0..self.data.centres.len()).collect();
        portfolio::sort(&self.data.centres, &mut order, column, direction);
        self.order = Rc::new(order);
        self.sort = (column, direction);
    }
}

/// Everything the view shows.
#[derive(Clone, Debug, Default)]
pub struct State {
    /// The interface language.
    pub lang: Lang,
    /// The mode: which templates and sample are offered, and how a file that does not say
    /// what it is gets read. A file read switches the mode to its kind.
    pub mode: Kind,
    /// Where the processing stands.
    pub phase: Phase,
    /// The file's name.
    pub file_name: String,
    /// The current run (a later file makes earlier runs' messages stale).
    pub run: u32,
    /// `performance.now()` when the file was picked.
    pub started: f64,
    /// Milliseconds from picking the file to the results in the document.
    pub elapsed_ms: Option<f64>,
    /// A message about the last save.
    pub notice: Option<Text>,
    /// A file is dragged over the drop zone.
    pub dragging: bool,
    /// The applicants, when the file was of them.
    pub screening: Option<Screening>,
    /// The portfolio, when the file was one.
    pub portfolio: Option<Tracked>,
    /// The last file (its bytes, and the spreadsheet read), kept to read it again with other
    /// [`ReadOptions`] (another sheet or header row) without asking the official to pick it
    /// again.
    pub file: Option<Rc<Input>>,
    /// The options the last file was read with (default: found by the reader).
    pub options: ReadOptions,
    /// How the last applicant file was read (the panel "how your file was read"); kept when
    /// a re-read of the same file fails, so that another choice can still be made.
    pub info: Option<Rc<ReadInfo>>,
}

/// Every change the view can make.
#[derive(Debug)]
pub enum Action {
    /// Switch the language.
    Lang(Lang),
    /// Switch the mode (clears results of the other kind).
    Mode(Kind),
    /// A file is dragged over the drop zone (or has left it).
    Drag(bool),
    /// Reading of a file started.
    Start {
        /// The run.
        run: u32,
        /// The file's name.
        name: String,
        /// `performance.now()`.
        at: f64,
    },
    /// Run `run`'s file is in, to be read with `options` (a new file: default options; the
    /// same file again: the panel's choice).
    Loaded {
        /// The run.
        run: u32,
        /// The file.
        file: Rc<Input>,
        /// How to read it.
        options: ReadOptions,
    },
    /// Run `run` has assessed `done` of `total` applicants.
    Progress {
        /// The run.
        run: u32,
        /// Applicants assessed.
        done: usize,
        /// Applicants in the file.
        total: usize,
    },
    /// Run `run` screened every applicant.
    Screened {
        /// The run.
        run: u32,
        /// Everything screened.
        data: Box<Screened>,
    },
    /// Run `run` read a portfolio: the reducer tracks every centre.
    Portfolio {
        /// The run.
        run: u32,
        /// The centres as read.
        items: Vec<PortfolioItem>,
    },
    /// The file of run `run` could not be read at all.
    Failed {
        /// The run.
        run: u32,
        /// Why.
        message: Text,
    },
    /// The results of run `.0` were in the document `.1` milliseconds after the file was picked.
    Measured(u32, f64),
    /// Sort the applicants by a column (again: reverse).
    Sort(Column),
    /// Sort the portfolio by a column (again: reverse).
    SortPortfolio(PColumn),
    /// Filter by verdict id ("" for all).
    FilterVerdict(String),
    /// Filter by district ("" for all).
    FilterDistrict(String),
    /// Render more rows.
    ShowMore,
    /// Render every row.
    ShowAll,
    /// The outcome of a save: `None` when it worked.
    Notice(Option<Text>),
}

fn next<C: PartialEq>(sort: (C, Direction), column: C) -> Direction {
    if sort.0 == column && sort.1 == Direction::Ascending {
        Direction::Descending
    } else {
        Direction::Ascending
    }
}

impl State {
    /// A fresh view in `lang`.
    pub fn new(lang: Lang) -> State {
        State {
            lang,
            ..State::default()
        }
    }

    /// Whether the results are in and not yet timed.
    pub fn measure_pending(&self) -> bool {
        self.phase == Phase::Ready && self.elapsed_ms.is_none()
    }

    /// The file `what` asks for, made by `tic-tabular` (the code `tic screen` / `tic track` /
    /// `tic template` use), in the mode of the view.
    pub fn export(&self, what: Save) -> Result<Download, Text> {
        let p = policy::current();
        let lang = self.lang;
        let csv = |r: Result<Vec<u8>, Text>| r.map(Content::Bytes);
        let xlsx = |b: OutBook| Ok(Content::Xlsx(b));
        let results = self.screening.as_ref().map(|s| &s.data.results[..]);
        let items = self.portfolio.as_ref().map(|t| &t.data.items[..]);
        let (content, name, mime) = match (self.mode, what) {
            (Kind::Applicants, Save::ResultsCsv) => {
                let r = source::results_csv(p, results.unwrap_or_default(), lang);
                (csv(r), "tic-results.csv", CSV_MIME)
            }
            (Kind::Applicants, Save::ResultsXlsx) => {
                let b = source::results_book(p, results.unwrap_or_default(), lang);
                (xlsx(b), "tic-results.xlsx", XLSX_MIME)
            }
            (Kind::Applicants, Save::TemplateCsv) => {
                (csv(source::template_csv()), "tic-template.csv", CSV_MIME)
            }
            (Kind::Applicants, Save::TemplateXlsx) => (
                xlsx(source::template_book(p)),
                "tic-template.xlsx",
                XLSX_MIME,
            ),
            (Kind::Portfolio, Save::ResultsCsv) => {
                let r = source::portfolio_csv(p, items.unwrap_or_default(), lang);
                (csv(r), "tic-track.csv", CSV_MIME)
            }
            (Kind::Portfolio, Save::ResultsXlsx) => {
                let b = source::portfolio_book(p, items.unwrap_or_default(), lang);
                (xlsx(b), "tic-track.xlsx", XLSX_MIME)
            }
            (Kind::Portfolio, Save::TemplateCsv) => (
                csv(source::portfolio_template_csv(p)),
                "tic-progress-template.csv",
                CSV_MIME,
            ),
            (Kind::Portfolio, Save::TemplateXlsx) => (
                xlsx(source::portfolio_template_book(p)),
                "tic-progress-template.xlsx",
                XLSX_MIME,
            ),
        };
        content.map(|content| Download {
            content,
            name,
            mime,
        })
    }

    fn clear(&mut self) {
        self.screening = None;
        self.portfolio = None;
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let stale = |run: &u32| *run != self.run;
        match &action {
            Action::Progress { run, .. }
            | Action::Loaded { run, .. }
            | Action::Screened { run, .. }
            | Action::Portfolio { run, .. }
            | Action::Failed { run, .. }
            | Action::Measured(run, _)
                if stale(run) =>
            {
                return self;
            }
            Action::Drag(on) if *on == self.dragging => return self,
            _ => {}
        }
        let mut s = (*self).clone();
        match action {
            Action::Lang(lang) => s.lang = lang,
            Action::Mode(mode) => {
                if mode != s.mode {
                    s.mode = mode;
                    s.clear();
                    s.info = None;
                    s.file = None;
                    s.phase = Phase::Idle;
                    s.notice = None;
                }
            }
            Action::Drag(on) => s.dragging = on,
            Action::Start { run, name, at } => {
                s.run = run;
                s.started = at;
                s.elapsed_ms = None;
                s.notice = None;
                s.dragging = false;
                s.file_name = name;
                s.phase = Phase::Working { done: 0, total: 0 };
            }
            Action::Loaded { file, options, .. } => {
                let same = s.file.as_ref().is_some_and(|f| Rc::ptr_eq(f, &file));
                if !same {
                    s.info = None;
                }
                s.file = Some(file);
                s.options = options;
            }
            Action::Progress { done, total, .. } => s.phase = Phase::Working { done, total },
            Action::Screened { data, .. } => {
                s.clear();
                s.mode = Kind::Applicants;
                s.info = Some(Rc::new(data.info.clone()));
                s.screening = Some(Screening::new(*data));
                s.phase = Phase::Ready;
            }
            Action::Portfolio { items, .. } => {
                s.clear();
                s.info = None;
                s.mode = Kind::Portfolio;
                s.portfolio = Some(Tracked::new(Portfolio::track(policy::current(), items)));
                s.phase = Phase::Ready;
            }
            Action::Failed { message, .. } => {
                s.clear();
                s.phase = Phase::Failed(message);
            }
            Action::Measured(_, ms) => s.elapsed_ms = Some(ms),
            Action::Sort(column) => {
                if let Some(sc) = s.screening.as_mut() {
                    let direction = next(sc.sort, column);
                    sc.sort = (column, direction);
                    model::sort(
                        &sc.data.rows,
                        Rc::make_mut(&mut sc.order).as_mut_slice(),
                        column,
                        direction,
                    );
                    sc.refresh();
                }
            }
            Action::SortPortfolio(column) => {
                if let Some(t) = s.portfolio.as_mut() {
                    let direction = next(t.sort, column);
                    t.sort_by(column, direction);
                }
            }
            Action::FilterVerdict(id) => {
                if let Some(sc) = s.screening.as_mut() {
                    sc.filter.verdict = Verdict::from_id(&id);
                    sc.shown = PAGE;
                    sc.refresh();
                }
            }
            Action::FilterDistrict(d) => {
                if let Some(sc) = s.screening.as_mut() {
                    sc.filter.district = (!d.is_empty()).then_some(d);
                    sc.shown = PAGE;
                    sc.refresh();
                }
            }
            Action::ShowMore => {
                if let Some(sc) = s.screening.as_mut() {
                    sc.shown = sc.shown.saturating_add(PAGE * 5);
                }
            }
            Action::ShowAll => {
                if let Some(sc) = s.screening.as_mut() {
                    sc.shown = usize::MAX;
                }
            }
            Action::Notice(n) => s.notice = n,
        }
        Rc::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tic_core::vocab::Standing;
    use tic_core::Wan;

    const HEADER: &str = "name,district,year,capacity_investment_wan,staff,teams,evaluation,subsidy_received_wan,spending.research_projects,spending.basic_construction\n";

    /// Four centres: delisted (two failed evaluations), warning (year-2 staff missed), on
    /// track, and one that cannot be read (a negative count).
    fn portfolio_csv() -> String {
        let rows = [
            "甲,北仑区,1,1000,120,2,fail,300,200,50",
            "甲,北仑区,2,1000,120,2,fail,,,",
            "乙,鄞州区,1,2000,60,1,pass,500,,",
            "乙,鄞州区,2,1000,80,1,pass,300,,",
            "丙,鄞州区,1,1500,90,2,pass,450,,",
            "丁,海曙区,1,1000,-3,1,pass,,,",
        ];
        format!("{HEADER}{}\n", rows.join("\n"))
    }

    fn reduce(s: Rc<State>, a: Action) -> Rc<State> {
        Reducible::reduce(s, a)
    }

    fn read(s: Rc<State>, run: u32, name: &str, bytes: &[u8]) -> Rc<State> {
        let s = reduce(
            s,
            Action::Start {
                run,
                name: name.into(),
                at: 0.0,
            },
        );
        let file = crate::source::tests::input(name, bytes);
        match source::open(policy::current(), s.mode, &file) {
            Ok(source::Opened::Portfolio(items)) => reduce(s, Action::Portfolio { run, items }),
            Ok(source::Opened::Applicants(batch)) => {
                let mut data = Screened::with_capacity(batch.rows.len());
                for i in 0..batch.rows.len() {
                    data.push(policy::current(), &batch, i);
                }
                reduce(
                    s,
                    Action::Screened {
                        run,
                        data: Box::new(data),
                    },
                )
            }
            Err(message) => reduce(s, Action::Failed { run, message }),
        }
    }

    fn wan(n: f64) -> Wan {
        Wan::from_wan(n).unwrap_or(Wan::ZERO)
    }

    #[test]
    fn a_portfolio_is_detected_tracked_sorted_by_risk_counted_and_exported() {
        let csv = portfolio_csv();
        let s = read(Rc::new(State::new(Lang::Zh)), 1, "p.csv", csv.as_bytes());
        assert_eq!(s.phase, Phase::Ready);
        assert_eq!(s.mode, Kind::Portfolio, "detected from the year column");
        assert!(s.screening.is_none());
        let t = s.portfolio.clone().unwrap_or_default();
        let d = &t.data;
        assert_eq!((d.centres.len(), d.invalid), (3, 1));
        // Most at risk first.
        let shown: Vec<(&str, Standing)> = t
            .order
            .iter()
            .map(|&i| (d.centres[i].name.as_str(), d.centres[i].standing))
            .collect();
        assert_eq!(
            shown,
            vec![
                ("甲", Standing::Delisted),
                ("乙", Standing::Warning),
                ("丙", Standing::OnTrack)
            ]
        );
        assert_eq!(d.centres[0].delisted_year, Some(2));
        assert_eq!(d.centres[1].missed, 2, "year-2 staff and teams");
        // Counts in RISK order: delisted, revoked, warning, acceptance_unknown, on_track, accepted.
        assert_eq!(d.by_standing, [1, 0, 1, 0, 1, 0]);
        assert_eq!(
            d.by_district,
            vec![("北仑区".to_owned(), 1, 1), ("鄞州区".to_owned(), 2, 1)]
        );
        // 甲: 300 + 300 (30 % of 1000 a year); 乙: 500 (cap) + 300; 丙: 450.
        assert_eq!(d.entitled_total, wan(1850.0));
        assert_eq!(d.received_total, wan(300.0 + 800.0 + 450.0));
        // 甲 received 300 and spent 250 (50 on basic construction): 50 unspent + 50 recovered.
        assert_eq!((d.exposure, d.recovery_due), (wan(100.0), wan(100.0)));
        assert_eq!(t.errors.len(), 1);
        assert_eq!(
            (t.errors[0].row, t.errors[0].cell.as_deref()),
            (7, Some("E7"))
        );

        // Re-sorted by a column (entitled: 丙 450, 甲 600, 乙 800), and again: reversed.
        let s = reduce(s, Action::SortPortfolio(PColumn::Entitled));
        let order = |s: &State| s.portfolio.as_ref().map(|t| t.order.to_vec());
        assert_eq!(order(&s), Some(vec![2, 0, 1]));
        assert_eq!(
            s.portfolio.as_ref().map(|t| t.sort.1),
            Some(Direction::Ascending)
        );
        let s = reduce(s, Action::SortPortfolio(PColumn::Entitled));
        assert_eq!(order(&s), Some(vec![1, 0, 2]));

        // The export is `tic track --format csv`: tabular's writer on the items as read.
        let p = policy::current();
        let items =
            tic_tabular::read_portfolio_table(p, csv.as_bytes(), INPUT_CSV).unwrap_or_default();
        for lang in [Lang::Zh, Lang::En] {
            let s = reduce(s.clone(), Action::Lang(lang));
            let file = s.export(Save::ResultsCsv).map(|f| (f.content, f.name));
            let want = tic_tabular::progress_csv(p, &items, lang).unwrap_or_default();
            assert_eq!(file, Ok((Content::Bytes(want), "tic-track.csv")));
            // The XLSX is `tic track --format xlsx`'s workbook, written by the sheets bundle.
            let file = s.export(Save::ResultsXlsx).map(|f| (f.content, f.name));
            let want = tic_tabular::progress_book(p, &items, lang);
            assert_eq!(file, Ok((Content::Xlsx(want), "tic-track.xlsx")));
        }

        // A later run makes an earlier one's messages stale; switching the mode clears.
        let s = reduce(s, Action::Measured(0, 5.0));
        assert_eq!(s.elapsed_ms, None);
        let s = reduce(s, Action::Measured(1, 5.0));
        assert_eq!(s.elapsed_ms, Some(5.0));
        let s = reduce(s, Action::Mode(Kind::Applicants));
        assert!(s.portfolio.is_none() && s.phase == Phase::Idle);
    }

    #[test]
    fn the_bytes_are_kept_to_read_again_and_the_read_info_survives_a_failed_re_read() {
        let csv = Rc::new(Input::new(
            "a.csv",
            crate::source::tests::official_csv().into_bytes(),
        ));
        let p = policy::current();
        let run = |s: Rc<State>, n: u32, options: ReadOptions| {
            let s = reduce(
                s,
                Action::Start {
                    run: n,
                    name: "a.csv".into(),
                    at: 0.0,
                },
            );
            let s = reduce(
                s,
                Action::Loaded {
                    run: n,
                    file: Rc::clone(&csv),
                    options: options.clone(),
                },
            );
            match source::open_with(p, s.mode, &csv, &options) {
                Ok(source::Opened::Applicants(mut batch)) => {
                    let mut data = Screened::with_capacity(batch.rows.len());
                    data.info = std::mem::take(&mut batch.info);
                    for i in 0..batch.rows.len() {
                        data.push(p, &batch, i);
                    }
                    reduce(
                        s,
                        Action::Screened {
                            run: n,
                            data: Box::new(data),
                        },
                    )
                }
                Ok(source::Opened::Portfolio(items)) => {
                    reduce(s, Action::Portfolio { run: n, items })
                }
                Err(message) => reduce(s, Action::Failed { run: n, message }),
            }
        };
        let s = run(Rc::new(State::new(Lang::Zh)), 1, ReadOptions::default());
        assert_eq!(s.phase, Phase::Ready);
        assert_eq!(s.info.as_ref().and_then(|i| i.header_row), Some(2));
        assert!(s.file.as_ref().is_some_and(|f| Rc::ptr_eq(f, &csv)));
        let title = ReadOptions {
            sheet: None,
            header_row: Some(1),
        };
        let s = run(s, 2, title.clone());
        assert!(matches!(s.phase, Phase::Failed(_)));
        assert_eq!(s.options, title);
        assert_eq!(
            s.info.as_ref().and_then(|i| i.header_row),
            Some(2),
            "kept to choose again"
        );
        let s = run(s, 3, ReadOptions::default());
        assert_eq!(s.phase, Phase::Ready);
        let results = &s.screening.as_ref().map(|x| x.data.results.clone());
        assert_eq!(results.as_ref().map(Vec::len), Some(2));
        // A new file forgets the old one's reading.
        let s = reduce(
            s,
            Action::Loaded {
                run: 3,
                file: Rc::new(Input::new("b.json", b"[]".to_vec())),
                options: ReadOptions::default(),
            },
        );
        assert!(s.info.is_none());
    }

    const INPUT_CSV: tic_tabular::InputFormat = tic_tabular::InputFormat::Csv;

    #[test]
    fn a_json_array_of_progress_records_is_a_portfolio_and_applicants_are_screened() {
        let json = r#"[{"schema":"tic-progress/1","name":"甲","district":"北仑区",
            "years":[{"evaluation":"fail"},{"evaluation":"fail"}]},
            {"schema":"tic-progress/1","name":"乙","years":[{"staff":"many"}]}]"#;
        let s = read(Rc::new(State::new(Lang::En)), 1, "p.json", json.as_bytes());
        let t = s.portfolio.clone().unwrap_or_default();
        assert_eq!((t.data.centres.len(), t.data.invalid), (1, 1));
        assert_eq!(t.data.centres[0].standing, Standing::Delisted);
        assert_eq!(t.errors[0].column, "years[0].staff");

        // Applicants after a portfolio: the mode follows the file.
        let applicants = r#"[{"schema":"tic-applicant/1","name":"a","district":"北仑区"},
            {"schema":"tic-applicant/1","name":"b","district":"鄞州区"}]"#;
        let s = read(s, 2, "a.json", applicants.as_bytes());
        assert_eq!(s.mode, Kind::Applicants);
        assert!(s.portfolio.is_none());
        let sc = s.screening.clone().unwrap_or_default();
        assert_eq!(sc.data.rows.len(), 2);
        let s = reduce(s, Action::FilterDistrict("鄞州区".into()));
        assert_eq!(
            s.screening.as_ref().map(|s| s.visible.to_vec()),
            Some(vec![1])
        );
        let s = reduce(s, Action::Sort(Column::Name));
        let s = reduce(s, Action::Sort(Column::Name));
        assert_eq!(
            s.screening.as_ref().map(|s| s.sort),
            Some((Column::Name, Direction::Descending))
        );
    }
}
