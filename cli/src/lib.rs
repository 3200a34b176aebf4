//! The logic of the `tic` command line, as a library: each command takes the input bytes and
//! gives back everything to print ([`Output`]); `main.rs` only parses the arguments, reads the
//! files and writes. Tests and benchmarks call these functions directly.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod table;

use tic_core::policy::Policy;
use tic_core::{Detail, Lang};

/// Exit code: success (every row valid).
pub const EXIT_OK: u8 = 0;
/// Exit code of `screen` when some rows were invalid.
pub const EXIT_SOME_INVALID: u8 = 1;
/// Exit code for unusable input (invalid applicant, unreadable file, bad arguments).
pub const EXIT_UNUSABLE: u8 = 2;

/// What a command produced: bytes for stdout, lines for stderr, the exit code.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Output {
    /// Everything for standard output (empty on error).
    pub stdout: Vec<u8>,
    /// Lines for standard error.
    pub stderr: Vec<String>,
    /// The exit code.
    pub code: u8,
}

impl Output {
    fn ok(stdout: Vec<u8>) -> Output {
        Output {
            stdout,
            stderr: Vec::new(),
            code: EXIT_OK,
        }
    }

    /// A failure: nothing on stdout, these lines on stderr, exit 2.
    pub fn unusable(lines: Vec<String>) -> Output {
        Output {
            stdout: Vec::new(),
            stderr: lines,
            code: EXIT_UNUSABLE,
        }
    }
}

/// The language: `--lang` if given, else `zh` when the first set of `LC_ALL`, `LC_MESSAGES`,
/// `LANG` starts with `zh`, else `en`.
pub fn choose_lang(flag: Option<Lang>, env: impl Fn(&str) -> Option<String>) -> Lang {
    if let Some(l) = flag {
        return l;
    }
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| env(k))
        .find(|v| !v.is_empty())
        .unwrap_or_default();
    if locale.to_ascii_lowercase().starts_with("zh") {
        Lang::Zh
    } else {
        Lang::En
    }
}

/// The policy named by `--policy`: a built-in id, or a policy file (TOML, the schema of
/// `core/policy/*.toml`), which is checked as the build checks the built-in ones (every
/// parameter present with its clause and in range; a missing or out-of-range one is refused
/// with a message naming it). Without `--policy`, the current built-in one.
pub fn choose_policy(id: Option<&str>, lang: Lang) -> Result<&'static Policy, Output> {
    let Some(id) = id else {
        return Ok(tic_core::policy::current());
    };
    if let Some(p) = tic_core::policy::by_id(id) {
        return Ok(p);
    }
    let path = std::path::Path::new(id);
    if path.is_file() || id.ends_with(".toml") {
        return load_policy_file(path, lang).map(|p| &*Box::leak(Box::new(p)));
    }
    let ids: Vec<&str> = tic_core::policy::ids().collect();
    Err(Output::unusable(vec![match lang {
        Lang::Zh => format!(
            "tic: 没有政策版本 \"{id}\"（可用：{}；或给出政策文件 .toml 的路径）",
            ids.join("、")
        ),
        Lang::En => format!(
            "tic: no policy \"{id}\" (available: {}; or give the path of a policy .toml file)",
            ids.join(", ")
        ),
    }]))
}

/// Reads and checks a policy file (TOML).
pub fn load_policy_file(path: &std::path::Path, lang: Lang) -> Result<Policy, Output> {
    let shown = path.display();
    let text = std::fs::read_to_string(path).map_err(|e| {
        Output::unusable(vec![match lang {
            Lang::Zh => format!("tic: 无法读取政策文件 {shown}：{e}"),
            Lang::En => format!("tic: cannot read the policy file {shown}: {e}"),
        }])
    })?;
    let file: tic_core::schema::PolicyFile = toml::from_str(&text).map_err(|e| {
        let e = e.to_string();
        Output::unusable(vec![match lang {
            Lang::Zh => format!("tic: 政策文件 {shown} 格式不对：{}", e.trim()),
            Lang::En => format!("tic: the policy file {shown} is not valid: {}", e.trim()),
        }])
    })?;
    Policy::from_file(file).map_err(|problems| {
        let mut lines = vec![match lang {
            Lang::Zh => format!("tic: 政策文件 {shown} 有以下问题："),
            Lang::En => format!("tic: the policy file {shown} has these problems:"),
        }];
        lines.extend(problems.into_iter().map(|p| format!("  {p}")));
        Output::unusable(lines)
    })
}

/// Output format of `assess`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssessFormat {
    /// The full assessment JSON (contract `tic-assessment/1`).
    Json,
    /// A readable terminal summary.
    Table,
}

/// `tic assess`: one applicant (JSON bytes) → the full assessment, or exit 2 with one line per
/// problem (`field.path: message`) and nothing on stdout.
pub fn assess(policy: &Policy, input: &[u8], format: AssessFormat, lang: Lang) -> Output {
    let applicant = match applicant(policy, input, lang) {
        Ok(a) => a,
        Err(out) => return out,
    };
    let a = tic_core::assess(policy, &applicant);
    match format {
        AssessFormat::Json => {
            let mut s = tic_core::report(&a, &applicant, Detail::Full).to_json_pretty();
            s.push('\n');
            Output::ok(s.into_bytes())
        }
        AssessFormat::Table => Output::ok(table::assessment(&a, &applicant, lang).into_bytes()),
    }
}

/// `tic plan`: one applicant (JSON bytes) → the construction-plan draft of 附件2 in `format`,
/// or exit 2 with one line per problem of the applicant (as `assess`).
pub fn plan(policy: &Policy, input: &[u8], format: tic_plan::Format, lang: Lang) -> Output {
    let applicant = match applicant(policy, input, lang) {
        Ok(a) => a,
        Err(out) => return out,
    };
    let a = tic_core::assess(policy, &applicant);
    let draft = tic_core::plan::draft(&a, &applicant);
    match tic_plan::write(&draft, format, lang) {
        Ok(bytes) => Output::ok(bytes),
        Err(e) => Output::unusable(vec![format!("tic: {e}")]),
    }
}

/// The applicant of a JSON file's bytes, or the exit-2 output naming every problem.
fn applicant(policy: &Policy, input: &[u8], lang: Lang) -> Result<tic_core::Applicant, Output> {
    let body = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
    let Ok(text) = std::str::from_utf8(body) else {
        return Err(Output::unusable(vec![match lang {
            Lang::Zh => "(document): 文件不是 UTF-8 编码的文本".to_owned(),
            Lang::En => "(document): the file is not UTF-8 text".to_owned(),
        }]));
    };
    tic_core::parse_applicant(policy, text)
        .map_err(|errors| Output::unusable(errors.iter().map(|e| e.line(lang)).collect()))
}

/// `tic policy diff A B`: every parameter, requirement, list entry, reading and clause text
/// that differs from version `a` to version `b`, each with its clause. JSON:
/// `{"base": {id, status}, "other": {id, status}, "changes": [{section, id, change, clause,
/// from, to, unit}]}`.
pub fn policy_diff(a: &Policy, b: &Policy, format: AssessFormat, lang: Lang) -> Output {
    let changes = tic_core::diff::diff(&a.file, &b.file);
    match format {
        AssessFormat::Json => {
            let v = serde_json::json!({
                "base": {"id": a.id, "status": a.status},
                "other": {"id": b.id, "status": b.status},
                "changes": changes,
            });
            let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
            s.push('\n');
            Output::ok(s.into_bytes())
        }
        AssessFormat::Table => Output::ok(table::policy_diff(a, b, &changes, lang).into_bytes()),
    }
}

fn stamp(p: &Policy) -> serde_json::Value {
    serde_json::json!({"id": p.id, "status": p.status, "title": p.title.zh, "source": p.source})
}

fn totals_json(t: &tic_tabular::compare::Totals) -> serde_json::Value {
    serde_json::json!({
        "rows": t.rows,
        "invalid": t.invalid,
        "by_verdict": t.by_verdict.iter().map(|(v, n)| (v.id().to_owned(), serde_json::json!(n))).collect::<serde_json::Map<_, _>>(),
        "in_budget": t.in_budget,
        "funding_years_wan": t.funding_years,
        "funding_total_wan": t.funding_total,
        "by_district": t.by_district.iter().map(|d| serde_json::json!({
            "district": d.district,
            "rows": d.rows,
            "in_budget": d.in_budget,
            "funding_total_wan": d.funding_total,
        })).collect::<Vec<_>>(),
    })
}

fn side_json(r: &tic_tabular::ResultRow, lang: Lang) -> serde_json::Value {
    match &r.outcome {
        Ok(s) => serde_json::json!({
            "verdict": s.verdict,
            "funding_total_wan": s.total,
            "funding_years_wan": s.years.iter().map(|(w, _)| *w).collect::<Vec<_>>(),
            "gaps": s.gaps,
            "unknown": s.unknown,
        }),
        Err(e) => serde_json::json!({"error": e.summary(lang)}),
    }
}

/// `tic screen FILE --compare OTHER`: the batch screened under `base` and under `other`, side
/// by side. JSON: `{"schema": "tic-policy-comparison/1", "base": {policy, totals}, "other":
/// {policy, totals}, "rows": [{row, name, district, base, other, verdict_changed,
/// funding_change_wan}]}`; table: the totals, by district, and the rows that change. Exit 1
/// when some rows were invalid under either version, 2 when the file cannot be read.
pub fn screen_compare(
    base: &Policy,
    other: &Policy,
    input: &[u8],
    file_name: Option<&str>,
    options: &tic_tabular::ReadOptions,
    format: AssessFormat,
    lang: Lang,
) -> Output {
    // Opened once per version: the column layout follows each version's years.
    let rows_of = |p: &Policy| {
        open_batch_with(p, input, file_name, options, lang)
            .map(|source| tic_tabular::screen::screen_source_rows(p, &source))
    };
    let (ra, rb) = match (rows_of(base), rows_of(other)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(out), _) | (_, Err(out)) => return out,
    };
    let (ta, tb) = (
        tic_tabular::compare::Totals::of(&ra),
        tic_tabular::compare::Totals::of(&rb),
    );
    let pairs = tic_tabular::compare::pair(&ra, &rb);
    let stdout = match format {
        AssessFormat::Json => {
            let rows: Vec<serde_json::Value> = pairs
                .iter()
                .map(|r| {
                    serde_json::json!({
                        "row": r.base.row,
                        "name": r.base.name,
                        "district": r.base.district,
                        "base": side_json(r.base, lang),
                        "other": side_json(r.other, lang),
                        "verdict_changed": r.verdict_changed(),
                        "funding_change_wan": r.funding_change(),
                    })
                })
                .collect();
            let v = serde_json::json!({
                "schema": "tic-policy-comparison/1",
                "base": {"policy": stamp(base), "totals": totals_json(&ta)},
                "other": {"policy": stamp(other), "totals": totals_json(&tb)},
                "rows": rows,
            });
            let mut s = serde_json::to_string_pretty(&v).unwrap_or_default();
            s.push('\n');
            s.into_bytes()
        }
        AssessFormat::Table => {
            table::comparison(base, other, &pairs, (&ta, &tb), lang).into_bytes()
        }
    };
    let invalid = ta.invalid.max(tb.invalid);
    let mut stderr = Vec::new();
    if invalid > 0 {
        stderr.push(match lang {
            Lang::Zh => format!(
                "tic: {}行中有无效行（{}：{}行，{}：{}行）",
                ta.rows, base.id, ta.invalid, other.id, tb.invalid
            ),
            Lang::En => format!(
                "tic: some of {} rows invalid ({}: {}, {}: {})",
                ta.rows, base.id, ta.invalid, other.id, tb.invalid
            ),
        });
    }
    Output {
        stdout,
        stderr,
        code: if invalid > 0 {
            EXIT_SOME_INVALID
        } else {
            EXIT_OK
        },
    }
}

/// Output format of `screen`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScreenFormat {
    /// A JSON array, one result per row.
    Json,
    /// A JSON array of brief results (verdict, requirement statuses and numbers, funding per
    /// year; what the page module's `assess_many` gives), one per row after its `row`.
    Brief,
    /// The result columns as CSV (UTF-8 with BOM).
    Csv,
    /// The result columns as XLSX.
    Xlsx,
    /// A readable terminal table.
    Table,
}

/// `tic screen`: a batch file (JSON array, CSV or XLSX bytes; `file_name` helps detection) →
/// one result per row in input order. Exit 0 if every row was valid, 1 if some were invalid,
/// 2 (nothing on stdout) if the file could not be read at all. The whole output in memory:
/// [`open_batch`] and [`screen_into`] are the streaming form the binary uses.
pub fn screen(
    policy: &Policy,
    input: &[u8],
    file_name: Option<&str>,
    format: ScreenFormat,
    detail: Detail,
    lang: Lang,
) -> Output {
    let source = match open_batch(policy, input, file_name, lang) {
        Ok(s) => s,
        Err(out) => return out,
    };
    let mut stdout = Vec::new();
    let done = screen_into(policy, &source, format, detail, lang, &mut stdout);
    Output {
        stdout,
        stderr: done.stderr,
        code: done.code,
    }
}

/// `tic screen`, first step: the batch file (bytes; `file_name` helps detection) opened and
/// checked as a whole, or the exit-2 output (nothing on stdout) when it cannot be read at all.
pub fn open_batch<'a>(
    policy: &Policy,
    input: &'a [u8],
    file_name: Option<&str>,
    lang: Lang,
) -> Result<tic_tabular::Source<'a>, Output> {
    open_batch_with(
        policy,
        input,
        file_name,
        &tic_tabular::ReadOptions::default(),
        lang,
    )
}

/// [`open_batch`] with the sheet or header row chosen (`--sheet`, `--header-row`).
pub fn open_batch_with<'a>(
    policy: &Policy,
    input: &'a [u8],
    file_name: Option<&str>,
    options: &tic_tabular::ReadOptions,
    lang: Lang,
) -> Result<tic_tabular::Source<'a>, Output> {
    tic_tabular::Source::open_with(policy, input, file_name, options).map_err(|e| {
        let what = file_name.unwrap_or("-");
        Output::unusable(vec![format!("tic: {what}: {}", e.message.get(lang))])
    })
}

/// How [`screen_into`] ended.
#[derive(Debug)]
pub struct Screened {
    /// Lines for standard error (the first rows' problems, the count of invalid rows).
    pub stderr: Vec<String>,
    /// The exit code.
    pub code: u8,
    /// The error that stopped the writing, if any (the exit code does not reflect it).
    pub write_error: Option<std::io::Error>,
}

/// Rows whose problems are listed on stderr.
const ERRORS_SHOWN: usize = 20;

/// `tic screen`, second step: screens an opened file and writes the results to `out`. JSON
/// and CSV are written as the rows are screened (in input order, in parallel on native
/// targets); XLSX and the table are built whole, then written (an XLSX that cannot be built
/// exits 2 with nothing written).
pub fn screen_into<W: std::io::Write + ?Sized>(
    policy: &Policy,
    source: &tic_tabular::Source<'_>,
    format: ScreenFormat,
    detail: Detail,
    lang: Lang,
    out: &mut W,
) -> Screened {
    let mut tally = tic_tabular::Tally::default();
    let written = match format {
        ScreenFormat::Json | ScreenFormat::Brief | ScreenFormat::Csv => {
            let stream = match format {
                ScreenFormat::Json => tic_tabular::StreamFormat::Json(detail),
                ScreenFormat::Brief => tic_tabular::StreamFormat::Brief,
                _ => tic_tabular::StreamFormat::Csv,
            };
            tic_tabular::screen_to(policy, source, stream, lang, ERRORS_SHOWN, out, &mut tally)
        }
        ScreenFormat::Xlsx | ScreenFormat::Table => {
            let results = tic_tabular::screen_source_rows(policy, source);
            tally.rows = results.len();
            for r in &results {
                if let Ok(s) = &r.outcome {
                    if !s.warnings.is_empty() {
                        tally.warned += 1;
                        if tally.warnings.len() < ERRORS_SHOWN {
                            tally
                                .warnings
                                .extend(s.warnings.iter().map(|w| (r.row, w.clone())));
                        }
                    }
                }
            }
            for e in results.iter().filter_map(|r| r.outcome.as_ref().err()) {
                tally.invalid += 1;
                if tally.errors.len() < ERRORS_SHOWN {
                    tally.errors.push(e.clone());
                }
            }
            let bytes = if format == ScreenFormat::Xlsx {
                tic_tabular::results_xlsx(policy, &results, lang)
            } else {
                Ok(table::screen(policy, &results, lang).into_bytes())
            };
            match bytes {
                Ok(b) => out.write_all(&b),
                Err(e) => {
                    return Screened {
                        stderr: vec![format!("tic: {}", e.message.get(lang))],
                        code: EXIT_UNUSABLE,
                        write_error: None,
                    }
                }
            }
        }
    };
    // How the file was read (sheet, header row, ignored columns, skipped rows), as a note.
    let mut stderr: Vec<String> = source
        .info()
        .lines(lang)
        .into_iter()
        .map(|l| format!("tic: {l}"))
        .collect();
    for (row, w) in &tally.warnings {
        stderr.push(match lang {
            Lang::Zh => format!("第{row}行 警告：{}", w.line(lang)),
            Lang::En => format!("row {row}: warning: {}", w.line(lang)),
        });
    }
    for e in &tally.errors {
        for p in &e.problems {
            stderr.push(match lang {
                Lang::Zh => format!("第{}行 {}", e.row, p.line(lang)),
                Lang::En => format!("row {}: {}", e.row, p.line(lang)),
            });
        }
    }
    let (rows, invalid) = (tally.rows, tally.invalid);
    if invalid > tally.errors.len() {
        stderr.push(match lang {
            Lang::Zh => format!("……另有{}行无效", invalid - tally.errors.len()),
            Lang::En => format!("… and {} more invalid rows", invalid - tally.errors.len()),
        });
    }
    if invalid > 0 {
        stderr.push(match lang {
            Lang::Zh => format!("tic: {rows}行中{invalid}行无效，其余已评估"),
            Lang::En => format!("tic: {invalid} of {rows} rows invalid; the others were assessed"),
        });
    }
    Screened {
        stderr,
        code: if invalid > 0 {
            EXIT_SOME_INVALID
        } else {
            EXIT_OK
        },
        write_error: written.err(),
    }
}

/// Format of `template`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TemplateFormat {
    /// CSV (UTF-8 with BOM).
    Csv,
    /// XLSX, with a second sheet describing the columns.
    Xlsx,
}

/// Which template `template` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TemplateKind {
    /// The pre-screening sheet of `tic screen` (one row per applicant).
    Applicant,
    /// The tracking sheet of `tic track` (one row per centre and construction year).
    Progress,
}

/// `tic template`: the documented header (Chinese and English) and example rows: one applicant,
/// or one centre over two construction years.
pub fn template(policy: &Policy, kind: TemplateKind, format: TemplateFormat, lang: Lang) -> Output {
    let bytes = match (kind, format) {
        (TemplateKind::Applicant, TemplateFormat::Csv) => tic_tabular::template_csv(policy),
        (TemplateKind::Applicant, TemplateFormat::Xlsx) => tic_tabular::template_xlsx(policy),
        (TemplateKind::Progress, TemplateFormat::Csv) => tic_tabular::progress_template_csv(policy),
        (TemplateKind::Progress, TemplateFormat::Xlsx) => {
            tic_tabular::progress_template_xlsx(policy)
        }
    };
    match bytes {
        Ok(b) => Output::ok(b),
        Err(e) => Output::unusable(vec![format!("tic: {}", e.message.get(lang))]),
    }
}

/// Output format of `track`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TrackFormat {
    /// The report JSON (contract `tic-progress-report/1`): an object for one record, an array
    /// for a portfolio.
    Json,
    /// A readable terminal summary (one centre), or a table with a line per centre.
    Table,
    /// One row per centre with the report's flat columns, CSV (UTF-8 with BOM).
    Csv,
    /// The same columns as an XLSX sheet.
    Xlsx,
}

/// What `tic track` read: one record, or a portfolio.
enum Tracked {
    One(tic_core::Progress),
    /// The centres, and whether they came from a table (rows) or a JSON array (positions).
    Many(Vec<tic_tabular::PortfolioItem>, bool),
}

/// One element of a portfolio's JSON output (one lives at a time, while it is written: the
/// size of the report variant does not matter).
#[derive(serde::Serialize)]
#[allow(clippy::large_enum_variant)]
#[serde(untagged)]
enum PortfolioOut<'a> {
    Report {
        row: usize,
        #[serde(flatten)]
        report: tic_core::track::TrackReport<'a>,
    },
    Error {
        row: usize,
        #[serde(skip_serializing_if = "Option::is_none")]
        name: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        district: Option<&'a str>,
        error: tic_tabular::ErrorOut<'a>,
    },
}

/// `tic track`: one progress record (a JSON object) → its report, or exit 2 with one line per
/// problem and nothing on stdout; a portfolio (a JSON array of records, or a CSV / XLSX sheet
/// with one row per centre and year, detected by content; `file_name` helps) → one report per
/// centre in input order, a bad centre giving `{"row", "name", "error"}` in its place (exit 1).
pub fn track(
    policy: &Policy,
    input: &[u8],
    file_name: Option<&str>,
    format: TrackFormat,
    lang: Lang,
) -> Output {
    let tracked = match read_tracked(policy, input, file_name, lang) {
        Ok(t) => t,
        Err(out) => return out,
    };
    match tracked {
        Tracked::One(p) => {
            let t = tic_core::track(policy, &p);
            let bytes = match format {
                TrackFormat::Json => {
                    let mut s = tic_core::track_report(&t, &p, Detail::Full).to_json_pretty();
                    s.push('\n');
                    Ok(s.into_bytes())
                }
                TrackFormat::Table => Ok(table::progress(&t, &p, lang).into_bytes()),
                TrackFormat::Csv | TrackFormat::Xlsx => {
                    let item = tic_tabular::PortfolioItem {
                        row: 1,
                        name: p.name.clone(),
                        district: p.district.clone(),
                        outcome: Ok(p.clone()),
                    };
                    portfolio_bytes(policy, &[item], format, lang)
                }
            };
            match bytes {
                Ok(b) => Output::ok(b),
                Err(e) => Output::unusable(vec![format!("tic: {}", e.message.get(lang))]),
            }
        }
        Tracked::Many(items, from_table) => {
            let bytes = match portfolio_bytes(policy, &items, format, lang) {
                Ok(b) => b,
                Err(e) => return Output::unusable(vec![format!("tic: {}", e.message.get(lang))]),
            };
            let mut stderr = Vec::new();
            let mut invalid = 0;
            for e in items.iter().filter_map(|i| i.outcome.as_ref().err()) {
                invalid += 1;
                for p in &e.problems {
                    stderr.push(match (lang, from_table) {
                        (Lang::Zh, true) => format!("第{}行 {}", e.row, p.line(lang)),
                        (Lang::En, true) => format!("row {}: {}", e.row, p.line(lang)),
                        (Lang::Zh, false) => format!("第{}项 {}", e.row, p.line(lang)),
                        (Lang::En, false) => format!("record {}: {}", e.row, p.line(lang)),
                    });
                }
            }
            if invalid > 0 {
                stderr.push(match lang {
                    Lang::Zh => format!("tic: {}个中心中{invalid}个无效，其余已跟踪", items.len()),
                    Lang::En => format!(
                        "tic: {invalid} of {} centres invalid; the others were tracked",
                        items.len()
                    ),
                });
            }
            Output {
                stdout: bytes,
                stderr,
                code: if invalid > 0 {
                    EXIT_SOME_INVALID
                } else {
                    EXIT_OK
                },
            }
        }
    }
}

fn read_tracked(
    policy: &Policy,
    input: &[u8],
    file_name: Option<&str>,
    lang: Lang,
) -> Result<Tracked, Output> {
    let what = file_name.unwrap_or("-");
    let format = tic_tabular::detect(input, file_name);
    if format != tic_tabular::InputFormat::Json {
        return tic_tabular::read_portfolio_table(policy, input, format)
            .map(|items| Tracked::Many(items, true))
            .map_err(|e| Output::unusable(vec![format!("tic: {what}: {}", e.message.get(lang))]));
    }
    let body = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
    let Ok(text) = std::str::from_utf8(body) else {
        return Err(Output::unusable(vec![match lang {
            Lang::Zh => "(document): 文件不是 UTF-8 编码的文本".to_owned(),
            Lang::En => "(document): the file is not UTF-8 text".to_owned(),
        }]));
    };
    // A portfolio: its elements' text, each parsed only when its turn comes.
    if text.trim_start().starts_with('[') {
        if let Ok(items) = serde_json::from_str::<Vec<&serde_json::value::RawValue>>(text) {
            return Ok(Tracked::Many(
                tic_tabular::portfolio_from_json_text(policy, &items),
                false,
            ));
        }
    }
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        // The core reports the syntax error with its line and column.
        Err(_) => {
            return Err(match tic_core::parse_progress(policy, text) {
                Err(errors) => Output::unusable(errors.iter().map(|e| e.line(lang)).collect()),
                Ok(_) => Output::unusable(vec!["(document): not JSON".to_owned()]),
            })
        }
    };
    match &value {
        serde_json::Value::Array(items) => Ok(Tracked::Many(
            tic_tabular::portfolio_from_json(policy, items),
            false,
        )),
        _ => tic_core::track::progress_from_value(policy, &value)
            .map(Tracked::One)
            .map_err(|errors| Output::unusable(errors.iter().map(|e| e.line(lang)).collect())),
    }
}

/// A portfolio's JSON array, each element tracked and reported when its turn comes (so that
/// the reports are never held all at once, only the text written).
struct Reports<'a> {
    policy: &'a Policy,
    items: &'a [tic_tabular::PortfolioItem],
    lang: Lang,
}

impl serde::Serialize for Reports<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = s.serialize_seq(Some(self.items.len()))?;
        for i in self.items {
            match &i.outcome {
                Ok(p) => {
                    let t = tic_core::track(self.policy, p);
                    seq.serialize_element(&PortfolioOut::Report {
                        row: i.row,
                        report: tic_core::track_report(&t, p, Detail::Full),
                    })?;
                }
                Err(e) => seq.serialize_element(&PortfolioOut::Error {
                    row: i.row,
                    name: i.name.as_deref(),
                    district: i.district.as_deref(),
                    error: e.out(self.lang),
                })?,
            }
        }
        seq.end()
    }
}

fn portfolio_bytes(
    policy: &Policy,
    items: &[tic_tabular::PortfolioItem],
    format: TrackFormat,
    lang: Lang,
) -> Result<Vec<u8>, tic_tabular::FileError> {
    match format {
        TrackFormat::Json => {
            let all = Reports {
                policy,
                items,
                lang,
            };
            let mut s = serde_json::to_string_pretty(&all).unwrap_or_default();
            s.push('\n');
            Ok(s.into_bytes())
        }
        TrackFormat::Table => Ok(table::portfolio(policy, items, lang).into_bytes()),
        TrackFormat::Csv => tic_tabular::progress_csv(policy, items, lang),
        TrackFormat::Xlsx => tic_tabular::progress_xlsx(policy, items, lang),
    }
}
