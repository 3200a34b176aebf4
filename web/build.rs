//! Collects the case files for the WebAssembly tests, embedded into the test binary so the tests
//! read no file at run time:
//! - `cases.rs`: every `../tests/cases/valid/*.applicant.json` with its `*.expected.json` (the
//!   contract examples are among them), as `CASES`;
//! - `progress_cases.rs`: every `../tests/progress/valid/*.progress.json` with its
//!   `*.expected.json` (construction-period tracking, `tic-progress/1`), as `PROGRESS_CASES`.

use std::{env, fs, path::Path};

/// (name, input file, expected file) of every `NAME{suffix}` in `dir` that has a
/// `NAME.expected.json`, sorted by name; absolute paths for `include_str!`.
fn collect(dir: &Path, suffix: &str) -> Vec<(String, String, String)> {
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut cases = Vec::new();
    if let Ok(entries) = fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            let Some(name) = p.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            let Some(stem) = name.strip_suffix(suffix) else {
                continue;
            };
            let expected = dir.join(format!("{stem}.expected.json"));
            if expected.exists() {
                let abs = |p: &Path| fs::canonicalize(p).map(|p| p.display().to_string());
                if let (Ok(a), Ok(x)) = (abs(&p), abs(&expected)) {
                    cases.push((stem.to_owned(), a, x));
                }
            }
        }
    }
    cases.sort();
    cases
}

/// Writes `OUT_DIR/file` with a static table `table` of (name, input JSON, expected JSON).
fn write(file: &str, doc: &str, table: &str, cases: &[(String, String, String)]) {
    let mut out = format!("/// {doc}\npub static {table}: &[(&str, &str, &str)] = &[\n");
    for (name, a, x) in cases {
        out.push_str(&format!(
            "    ({name:?}, include_str!({a:?}), include_str!({x:?})),\n"
        ));
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").unwrap_or_else(|_| ".".into())).join(file);
    if let Err(e) = fs::write(&dest, out) {
        println!("cargo:warning=cannot write {}: {e}", dest.display());
    }
}

fn main() {
    write(
        "cases.rs",
        "(name, applicant JSON, expected JSON) of every valid case file.",
        "CASES",
        &collect(Path::new("../tests/cases/valid"), ".applicant.json"),
    );
    write(
        "progress_cases.rs",
        "(name, progress record JSON, expected report fields JSON) of every valid construction-period case file.",
        "PROGRESS_CASES",
        &collect(Path::new("../tests/progress/valid"), ".progress.json"),
    );
}
