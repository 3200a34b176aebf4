//! Collects the case files for the WebAssembly tests: every
//! `../tests/cases/valid/*.applicant.json` with its `*.expected.json` (the contract examples
//! are among them), embedded into the test binary so the tests read no file at run time.

use std::{env, fs, path::Path};

fn main() {
    let dir = Path::new("../tests/cases/valid");
    println!("cargo:rerun-if-changed=../tests/cases/valid");
    let mut cases = Vec::new();
    if let Ok(entries) = fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            let Some(name) = p.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            let Some(stem) = name.strip_suffix(".applicant.json") else {
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
    let mut out = String::from("/// (name, applicant JSON, expected JSON) of every valid case file.\npub static CASES: &[(&str, &str, &str)] = &[\n");
    for (name, a, x) in &cases {
        out.push_str(&format!(
            "    ({name:?}, include_str!({a:?}), include_str!({x:?})),\n"
        ));
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").unwrap_or_else(|_| ".".into())).join("cases.rs");
    if let Err(e) = fs::write(&dest, out) {
        println!("cargo:warning=cannot write {}: {e}", dest.display());
    }
}
