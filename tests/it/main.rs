//! The integration tests of `tic`: one binary, a module per area.
//!
//! - `cases`: every case file under tests/cases (valid: expected verdict, statuses, numbers and
//!   funding written by the independent oracle tests/cases/gen.py; invalid: exit 2 and the
//!   expected field paths);
//! - `progress_cases`: every construction-period case under tests/progress (`tic-progress/1`,
//!   written by the independent oracle tests/progress/gen.py) through `tic_core::track`;
//! - `cli`: the `tic` binary as a process (exit codes, stdout/stderr, formats, template);
//! - `screen`: batches in JSON, CSV and XLSX give the same results;
//! - `tabular`: the column layout, header and value names, encodings, export, formula injection;
//! - `properties`: proptest invariants of the funding and the requirements, and no panics;
//! - `track`: `tic track` on the contract's progress examples in every format, portfolios as
//!   JSON, CSV and XLSX, bad cells, gaps and repeats of years, the tracking template;
//! - `review`: a field described outside the lists is left to the reviewers' judgement;
//! - `policy`: every parameter cited, the contract's table, `tic-core`'s dependencies.

mod cases;
mod cli;
mod plan;
mod policy;
mod policy_file;
mod progress_cases;
mod properties;
mod reach;
mod review;
mod sandbox;
mod screen;
mod spreadsheets;
mod tabular;
mod track;

use std::path::PathBuf;

/// tests/cases.
pub fn cases_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/cases")
}

/// Files of a directory whose names end with `suffix`, sorted.
pub fn files(dir: &std::path::Path, suffix: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(suffix))
        .collect();
    v.sort();
    v
}

/// Runs `tic` with `args` in the C locale (English messages unless `--lang` says otherwise).
pub fn tic_c(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_tic"))
        .args(args)
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap()
}

/// The current policy.
pub fn policy() -> &'static tic_core::Policy {
    tic_core::policy::current()
}

/// The invalid rows that a table of many rows (`tic screen`, `tic track`) lists under `heading`,
/// checked to end with the policy line, as the table prints them.
pub fn invalid_rows<'a>(table: &'a str, heading: &str) -> &'a str {
    let rows = table
        .split(heading)
        .nth(1)
        .unwrap_or_else(|| panic!("no {heading:?} in {table}"));
    let policy = format!("Policy: {}", policy().id);
    assert!(rows.trim_end().ends_with(&policy), "{table}");
    rows
}

/// The first contract example (strong applicant), as JSON.
pub fn strong() -> serde_json::Value {
    let text = std::fs::read_to_string(cases_dir().join("valid/strong.applicant.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}
