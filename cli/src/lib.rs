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

/// The policy named by `--policy`, or the current one.
pub fn choose_policy(id: Option<&str>, lang: Lang) -> Result<&'static Policy, Output> {
    match id {
        None => Ok(tic_core::policy::current()),
        Some(id) => tic_core::policy::by_id(id).ok_or_else(|| {
            let ids: Vec<&str> = tic_core::policy::ids().collect();
            Output::unusable(vec![match lang {
                Lang::Zh => format!("tic: 没有政策版本 \"{id}\"（可用：{}）", ids.join("、")),
                Lang::En => format!("tic: no policy \"{id}\" (available: {})", ids.join(", ")),
            }])
        }),
    }
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
    let body = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
    let Ok(text) = std::str::from_utf8(body) else {
        return Output::unusable(vec![match lang {
            Lang::Zh => "(document): 文件不是 UTF-8 编码的文本".to_owned(),
            Lang::En => "(document): the file is not UTF-8 text".to_owned(),
        }]);
    };
    let applicant = match tic_core::parse_applicant(policy, text) {
        Ok(a) => a,
        Err(errors) => return Output::unusable(errors.iter().map(|e| e.line(lang)).collect()),
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

/// Output format of `screen`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScreenFormat {
    /// A JSON array, one result per row.
    Json,
    /// The result columns as CSV (UTF-8 with BOM).
    Csv,
    /// The result columns as XLSX.
    Xlsx,
    /// A readable terminal table.
    Table,
}

/// `tic screen`: a batch file (JSON array, CSV or XLSX bytes; `file_name` helps detection) →
/// one result per row in input order. Exit 0 if every row was valid, 1 if some were invalid,
/// 2 (nothing on stdout) if the file could not be read at all.
pub fn screen(
    policy: &Policy,
    input: &[u8],
    file_name: Option<&str>,
    format: ScreenFormat,
    detail: Detail,
    lang: Lang,
) -> Output {
    let batch = match tic_tabular::read(policy, input, file_name) {
        Ok(b) => b,
        Err(e) => {
            let what = file_name.unwrap_or("-");
            return Output::unusable(vec![format!("tic: {what}: {}", e.message.get(lang))]);
        }
    };
    let (stdout, rows, invalid, errors) = match format {
        ScreenFormat::Json => {
            let s = tic_tabular::screen_json(policy, &batch, detail, lang);
            // Errors for stderr: recomputed only for invalid rows (cheap: they are few).
            let errors = if s.invalid > 0 {
                batch
                    .rows
                    .iter()
                    .filter_map(|r| tic_tabular::check(policy, &batch, r).err())
                    .collect()
            } else {
                Vec::new()
            };
            (s.json.into_bytes(), s.rows, s.invalid, errors)
        }
        ScreenFormat::Csv | ScreenFormat::Xlsx | ScreenFormat::Table => {
            let results = tic_tabular::screen_rows(policy, &batch);
            let errors: Vec<_> = results
                .iter()
                .filter_map(|r| r.outcome.as_ref().err().cloned())
                .collect();
            let bytes = match format {
                ScreenFormat::Csv => tic_tabular::results_csv(policy, &results, lang),
                ScreenFormat::Xlsx => tic_tabular::results_xlsx(policy, &results, lang),
                _ => Ok(table::screen(policy, &results, lang).into_bytes()),
            };
            match bytes {
                Ok(b) => (b, results.len(), errors.len(), errors),
                Err(e) => return Output::unusable(vec![format!("tic: {}", e.message.get(lang))]),
            }
        }
    };
    let mut stderr = Vec::new();
    for e in errors.iter().take(20) {
        for p in &e.problems {
            stderr.push(match lang {
                Lang::Zh => format!("第{}行 {}", e.row, p.line(lang)),
                Lang::En => format!("row {}: {}", e.row, p.line(lang)),
            });
        }
    }
    if errors.len() > 20 {
        stderr.push(match lang {
            Lang::Zh => format!("……另有{}行无效", errors.len() - 20),
            Lang::En => format!("… and {} more invalid rows", errors.len() - 20),
        });
    }
    if invalid > 0 {
        stderr.push(match lang {
            Lang::Zh => format!("tic: {rows}行中{invalid}行无效，其余已评估"),
            Lang::En => format!("tic: {invalid} of {rows} rows invalid; the others were assessed"),
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

/// Format of `template`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TemplateFormat {
    /// CSV (UTF-8 with BOM).
    Csv,
    /// XLSX, with a second sheet describing the columns.
    Xlsx,
}

/// `tic template`: the documented header (Chinese and English) and one example row.
pub fn template(policy: &Policy, format: TemplateFormat, lang: Lang) -> Output {
    let bytes = match format {
        TemplateFormat::Csv => tic_tabular::template_csv(),
        TemplateFormat::Xlsx => tic_tabular::template_xlsx(policy),
    };
    match bytes {
        Ok(b) => Output::ok(b),
        Err(e) => Output::unusable(vec![format!("tic: {}", e.message.get(lang))]),
    }
}
