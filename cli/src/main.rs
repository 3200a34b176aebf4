//! `tic`: assess and pre-screen applicants for Ningbo municipal Technology Innovation Centres.
//!
//! Argument parsing and I/O only; the logic is in `tic_cli` (lib.rs) and `tic-tabular`.
//! Whatever makes the input unusable (exit 2) is found before anything is written, so it never
//! leaves partial output. `tic screen` then streams its results (JSON, CSV) as the rows are
//! screened; every other output is built whole, then written. A closed pipe ends the program
//! quietly.

use clap::{Parser, Subcommand, ValueEnum};
use std::fs::File;
use std::io::{BufWriter, ErrorKind, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use tic_cli::{
    AssessFormat, Output, ScreenFormat, TemplateFormat, TemplateKind, TrackFormat, EXIT_UNUSABLE,
};
use tic_core::{Detail, Lang};

/// Self-assessment for Ningbo's municipal Technology Innovation Centres (宁波市技术创新中心建设工作指引).
#[derive(Parser, Debug)]
#[command(name = "tic", version, about, long_about = None)]
struct Cli {
    /// Language of messages and tables (default: zh if $LANG starts with zh, else en).
    #[arg(long, global = true, value_enum)]
    lang: Option<LangArg>,
    /// Policy version to assess under: a built-in id, or the path of a policy file (TOML, the
    /// schema of the built-in one; checked before use). Default: the current built-in one.
    #[arg(long, global = true, value_name = "ID|FILE")]
    policy: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Assess one applicant (JSON file, `-` for stdin); prints the full assessment.
    Assess {
        /// The applicant file (contract tic-applicant/1), or `-` for standard input.
        file: String,
        /// Output format.
        #[arg(long, value_enum, default_value = "json")]
        format: AssessFormatArg,
    },
    /// Pre-screen many applicants (JSON array, CSV or XLSX); one result per row, in order.
    ///
    /// Exit 0 if every row was valid, 1 if some rows were invalid (they get an "error"
    /// result), 2 if the file could not be read at all.
    Screen {
        /// The batch file (.json / .csv / .xlsx, detected by content), or `-` for stdin.
        file: String,
        /// Output format (xlsx needs -o, or stdout not a terminal).
        #[arg(long, value_enum, default_value = "json")]
        format: ScreenFormatArg,
        /// Full assessments (explanations, clause texts) instead of summaries (JSON only).
        #[arg(long)]
        explain: bool,
        /// Brief results instead of summaries (JSON only): per row its verdict, each
        /// requirement's status and numbers, the funding per year; what the page's module
        /// gives for a list (`assess_many`).
        #[arg(long, conflicts_with_all = ["explain", "compare"])]
        brief: bool,
        /// The sheet to read (XLSX), by name; default: the sheet whose header names the most
        /// known columns.
        #[arg(long, value_name = "NAME")]
        sheet: Option<String>,
        /// The header's row (1-based, as the spreadsheet numbers it); default: found among the
        /// first 20 non-blank rows.
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
        header_row: Option<u32>,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// The policy sandbox: screen the file under this second version too (a built-in id or
        /// a policy file) and give both side by side: per row, and the totals (counts by
        /// verdict, estimated funding by year, by district). JSON or table.
        #[arg(long, value_name = "ID|FILE")]
        compare: Option<String>,
    },
    /// Draft the construction plan (附件2 建设方案编写提纲) from an applicant's answers: the
    /// outline's headings in order, prefilled from the answers, with marked places for what
    /// only the applicant can write.
    Plan {
        /// The applicant file (contract tic-applicant/1), or `-` for standard input.
        file: String,
        /// Write to this file; its extension sets the format (.docx, .md, .html) unless
        /// --format is given. Without it, Markdown goes to standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// The format (default: from the output file's extension, else md).
        #[arg(long, value_enum)]
        format: Option<PlanFormatArg>,
    },
    /// Policy versions: `tic policy diff A B` lists what differs.
    Policy {
        #[command(subcommand)]
        action: PolicyAction,
    },
    /// Follow approved centres through construction (contract tic-progress/1): one record
    /// (a JSON object) or a portfolio (a JSON array, or a CSV / XLSX sheet with one row per
    /// centre and year); one report per centre, in order.
    ///
    /// Exit 0 if every record was valid, 1 if some centres of a portfolio were invalid (they
    /// get an "error" result), 2 if the input could not be used at all.
    Track {
        /// The progress record or portfolio (.json / .csv / .xlsx, detected by content), or `-`
        /// for standard input.
        file: String,
        /// Output format (xlsx needs -o, or stdout not a terminal).
        #[arg(long, value_enum, default_value = "json")]
        format: TrackFormatArg,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Print a tabular template: bilingual header and example rows.
    Template {
        /// applicant (the pre-screening sheet of `tic screen`) or progress (the tracking
        /// sheet of `tic track`: one row per centre and year).
        #[arg(long, value_enum, default_value = "applicant")]
        kind: TemplateKindArg,
        /// csv (to stdout) or xlsx (needs -o, or stdout not a terminal).
        #[arg(long, value_enum, default_value = "csv")]
        format: TemplateFormatArg,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

#[derive(Subcommand, Debug)]
enum PolicyAction {
    /// Every parameter, requirement, list entry, reading and clause text that differs from
    /// version A to version B, each with its clause.
    Diff {
        /// The first version: a built-in id or a policy file (TOML).
        a: String,
        /// The second version.
        b: String,
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: AssessFormatArg,
    },
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum PlanFormatArg {
    Docx,
    Md,
    Html,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum LangArg {
    Zh,
    En,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum AssessFormatArg {
    Json,
    Table,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum ScreenFormatArg {
    Json,
    Csv,
    Xlsx,
    Table,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum TrackFormatArg {
    Json,
    Table,
    Csv,
    Xlsx,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum TemplateKindArg {
    Applicant,
    Progress,
}

#[derive(ValueEnum, Clone, Copy, Debug)]
enum TemplateFormatArg {
    Csv,
    Xlsx,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = tic_cli::choose_lang(
        cli.lang.map(|l| match l {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }),
        |k| std::env::var(k).ok(),
    );
    run(cli, lang)
}

fn run(cli: Cli, lang: Lang) -> ExitCode {
    let policy = match tic_cli::choose_policy(cli.policy.as_deref(), lang) {
        Ok(p) => p,
        Err(out) => return emit(out, None, lang),
    };
    match cli.command {
        Command::Assess { file, format } => {
            let input = match read_input(&file, lang) {
                Ok(b) => b,
                Err(out) => return emit(out, None, lang),
            };
            let format = match format {
                AssessFormatArg::Json => AssessFormat::Json,
                AssessFormatArg::Table => AssessFormat::Table,
            };
            emit(tic_cli::assess(policy, &input, format, lang), None, lang)
        }
        Command::Screen {
            file,
            format,
            explain,
            brief,
            sheet,
            header_row,
            output,
            compare,
        } => {
            let options = tic_tabular::ReadOptions {
                sheet,
                header_row: header_row.map(|n| n as usize),
            };
            if let Some(other) = compare {
                let format = match format {
                    ScreenFormatArg::Json => AssessFormat::Json,
                    ScreenFormatArg::Table => AssessFormat::Table,
                    ScreenFormatArg::Csv | ScreenFormatArg::Xlsx => {
                        return emit(
                            Output::unusable(vec![match lang {
                                Lang::Zh => {
                                    "tic: --compare 只支持 --format json 或 table".to_owned()
                                }
                                Lang::En => {
                                    "tic: --compare gives --format json or table only".to_owned()
                                }
                            }]),
                            None,
                            lang,
                        )
                    }
                };
                let other = match tic_cli::choose_policy(Some(&other), lang) {
                    Ok(p) => p,
                    Err(out) => return emit(out, None, lang),
                };
                let input = match read_input(&file, lang) {
                    Ok(b) => b,
                    Err(out) => return emit(out, None, lang),
                };
                let name = (file != "-").then_some(file.as_str());
                return emit(
                    tic_cli::screen_compare(policy, other, &input, name, &options, format, lang),
                    output.as_deref(),
                    lang,
                );
            }
            let format = match format {
                ScreenFormatArg::Json if brief => ScreenFormat::Brief,
                ScreenFormatArg::Json => ScreenFormat::Json,
                _ if brief => {
                    return emit(
                        Output::unusable(vec![match lang {
                            Lang::Zh => "tic: --brief 只支持 --format json".to_owned(),
                            Lang::En => "tic: --brief gives --format json only".to_owned(),
                        }]),
                        None,
                        lang,
                    )
                }
                ScreenFormatArg::Csv => ScreenFormat::Csv,
                ScreenFormatArg::Xlsx => ScreenFormat::Xlsx,
                ScreenFormatArg::Table => ScreenFormat::Table,
            };
            if format == ScreenFormat::Xlsx {
                if let Some(out) = refuse_binary_to_terminal(output.as_deref(), lang) {
                    return emit(out, None, lang);
                }
            }
            let input = match read_input(&file, lang) {
                Ok(b) => b,
                Err(out) => return emit(out, None, lang),
            };
            let detail = if explain {
                Detail::Full
            } else {
                Detail::Summary
            };
            let name = (file != "-").then_some(file.as_str());
            // Everything that makes the file unreadable is found here, before any output.
            let source = match tic_cli::open_batch_with(policy, &input, name, &options, lang) {
                Ok(s) => s,
                Err(out) => return emit(out, None, lang),
            };
            let screen = |w: &mut dyn Write| {
                let mut w = BufWriter::with_capacity(1 << 16, w);
                let mut done = tic_cli::screen_into(policy, &source, format, detail, lang, &mut w);
                if done.write_error.is_none() {
                    done.write_error = w.flush().err();
                }
                done
            };
            match output {
                Some(path) => match File::create(&path) {
                    Ok(mut f) => {
                        let mut done = screen(&mut f);
                        let regular = std::fs::metadata(&path).is_ok_and(|m| m.is_file());
                        if done.write_error.is_some() && regular {
                            // A partial file is worth nothing (a device such as /dev/full stays).
                            let _ = std::fs::remove_file(&path);
                        }
                        if let Some(e) = done.write_error.take() {
                            done.stderr.push(cannot_write(&path, &e, lang));
                            done.code = EXIT_UNUSABLE;
                        }
                        finish(done.stderr, done.code)
                    }
                    Err(e) => finish(vec![cannot_write(&path, &e, lang)], EXIT_UNUSABLE),
                },
                None => {
                    let mut stdout = std::io::stdout().lock();
                    let mut done = screen(&mut stdout);
                    match done.write_error.take() {
                        Some(e) if e.kind() == ErrorKind::BrokenPipe => {}
                        Some(e) => {
                            done.stderr.push(format!("tic: stdout: {e}"));
                            done.code = EXIT_UNUSABLE;
                        }
                        None => {}
                    }
                    finish(done.stderr, done.code)
                }
            }
        }
        Command::Plan {
            file,
            output,
            format,
        } => {
            let format =
                match (format, &output) {
                    (Some(PlanFormatArg::Docx), _) => tic_plan::Format::Docx,
                    (Some(PlanFormatArg::Md), _) => tic_plan::Format::Markdown,
                    (Some(PlanFormatArg::Html), _) => tic_plan::Format::Html,
                    (None, Some(path)) => {
                        match tic_plan::Format::from_path(&path.to_string_lossy()) {
                        Some(f) => f,
                        None => {
                            return emit(
                                Output::unusable(vec![match lang {
                                    Lang::Zh => format!("tic: 无法从文件名 {} 判断格式（.docx、.md、.html），请用 --format 指定", path.display()),
                                    Lang::En => format!("tic: cannot tell the format from {} (.docx, .md, .html); give --format", path.display()),
                                }]),
                                None,
                                lang,
                            )
                        }
                    }
                    }
                    (None, None) => tic_plan::Format::Markdown,
                };
            if format == tic_plan::Format::Docx {
                if let Some(out) = refuse_binary_to_terminal(output.as_deref(), lang) {
                    return emit(out, None, lang);
                }
            }
            let input = match read_input(&file, lang) {
                Ok(b) => b,
                Err(out) => return emit(out, None, lang),
            };
            emit(
                tic_cli::plan(policy, &input, format, lang),
                output.as_deref(),
                lang,
            )
        }
        Command::Policy {
            action: PolicyAction::Diff { a, b, format },
        } => {
            let (a, b) = match (
                tic_cli::choose_policy(Some(&a), lang),
                tic_cli::choose_policy(Some(&b), lang),
            ) {
                (Ok(a), Ok(b)) => (a, b),
                (Err(out), _) | (_, Err(out)) => return emit(out, None, lang),
            };
            let format = match format {
                AssessFormatArg::Json => AssessFormat::Json,
                AssessFormatArg::Table => AssessFormat::Table,
            };
            emit(tic_cli::policy_diff(a, b, format, lang), None, lang)
        }
        Command::Track {
            file,
            format,
            output,
        } => {
            let format = match format {
                TrackFormatArg::Json => TrackFormat::Json,
                TrackFormatArg::Table => TrackFormat::Table,
                TrackFormatArg::Csv => TrackFormat::Csv,
                TrackFormatArg::Xlsx => TrackFormat::Xlsx,
            };
            if format == TrackFormat::Xlsx {
                if let Some(out) = refuse_binary_to_terminal(output.as_deref(), lang) {
                    return emit(out, None, lang);
                }
            }
            let input = match read_input(&file, lang) {
                Ok(b) => b,
                Err(out) => return emit(out, None, lang),
            };
            let name = (file != "-").then_some(file.as_str());
            emit(
                tic_cli::track(policy, &input, name, format, lang),
                output.as_deref(),
                lang,
            )
        }
        Command::Template {
            kind,
            format,
            output,
        } => {
            let kind = match kind {
                TemplateKindArg::Applicant => TemplateKind::Applicant,
                TemplateKindArg::Progress => TemplateKind::Progress,
            };
            let format = match format {
                TemplateFormatArg::Csv => TemplateFormat::Csv,
                TemplateFormatArg::Xlsx => TemplateFormat::Xlsx,
            };
            if format == TemplateFormat::Xlsx {
                if let Some(out) = refuse_binary_to_terminal(output.as_deref(), lang) {
                    return emit(out, None, lang);
                }
            }
            emit(
                tic_cli::template(policy, kind, format, lang),
                output.as_deref(),
                lang,
            )
        }
    }
}

fn refuse_binary_to_terminal(output: Option<&Path>, lang: Lang) -> Option<Output> {
    if output.is_none() && std::io::stdout().is_terminal() {
        Some(Output::unusable(vec![match lang {
            Lang::Zh => "tic: XLSX 是二进制文件，请用 -o 文件名 指定输出文件".to_owned(),
            Lang::En => "tic: XLSX is binary; name an output file with -o FILE".to_owned(),
        }]))
    } else {
        None
    }
}

fn read_input(file: &str, lang: Lang) -> Result<Vec<u8>, Output> {
    let result = if file == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map(|_| buf)
    } else {
        std::fs::read(file)
    };
    result.map_err(|e| {
        Output::unusable(vec![match lang {
            Lang::Zh => format!("tic: 无法读取 {file}：{e}"),
            Lang::En => format!("tic: cannot read {file}: {e}"),
        }])
    })
}

fn cannot_write(path: &Path, e: &std::io::Error, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("tic: 无法写入 {}：{e}", path.display()),
        Lang::En => format!("tic: cannot write {}: {e}", path.display()),
    }
}

/// Writes the output (to `file` if given, else stdout) and the messages, and gives the exit
/// code. A closed stdout (`tic … | head`) is not an error.
fn emit(out: Output, file: Option<&Path>, lang: Lang) -> ExitCode {
    let mut code = out.code;
    let mut messages = out.stderr;
    if !out.stdout.is_empty() {
        match file {
            Some(path) => {
                if let Err(e) = std::fs::write(path, &out.stdout) {
                    messages.push(cannot_write(path, &e, lang));
                    code = EXIT_UNUSABLE;
                }
            }
            None => {
                let mut stdout = std::io::stdout().lock();
                let written = stdout.write_all(&out.stdout).and_then(|()| stdout.flush());
                if let Err(e) = written {
                    if e.kind() != ErrorKind::BrokenPipe {
                        messages.push(format!("tic: stdout: {e}"));
                        code = EXIT_UNUSABLE;
                    }
                }
            }
        }
    }
    finish(messages, code)
}

/// Prints the messages on stderr and gives the exit code.
fn finish(messages: Vec<String>, code: u8) -> ExitCode {
    let mut stderr = std::io::stderr().lock();
    for m in messages {
        // Nothing more can be done if stderr is closed.
        let _ = writeln!(stderr, "{m}");
    }
    ExitCode::from(code)
}
