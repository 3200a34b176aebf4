//! Construction-period case files (`tic-progress/1`), written by the independent oracle
//! tests/progress/gen.py: `tests/progress/valid/*.progress.json` with `*.expected.json` run
//! through `parse_progress` + `track` + `track_report(Detail::Full)` and compared by the rules of
//! the contract's checker (numbers within 0.005; a null in expected means absent; a field missing
//! from expected is not checked; arrays in order, same length); `tests/progress/invalid/*.progress.json`
//! must be refused with errors at exactly the paths of `*.errors.txt`.

use crate::{files, policy};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::PathBuf;
use tic_core::track::{parse_progress, track, track_report};
use tic_core::Detail;

fn progress_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/progress")
}

fn stem(path: &std::path::Path, suffix: &str) -> String {
    path.file_name()
        .unwrap()
        .to_string_lossy()
        .trim_end_matches(suffix)
        .to_owned()
}

/// Differences of `got` from `exp` (check_progress.py's `compare`).
fn compare(got: Option<&Value>, exp: &Value, path: &str, out: &mut Vec<String>) {
    let got = got.filter(|g| !g.is_null());
    match (exp, got) {
        (Value::Null, None) => {}
        (Value::Null, Some(g)) => out.push(format!("{path}: got {g}, want absent")),
        (e, None) => out.push(format!("{path}: absent, want {e}")),
        (Value::Object(e), Some(g)) => {
            let Some(g) = g.as_object() else {
                out.push(format!("{path}: got {g}, want an object"));
                return;
            };
            for (k, v) in e {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                compare(g.get(k), v, &p, out);
            }
        }
        (Value::Array(e), Some(g)) => {
            let Some(g) = g.as_array() else {
                out.push(format!("{path}: got {g}, want an array"));
                return;
            };
            if g.len() != e.len() {
                out.push(format!("{path}: got {} entries, want {}", g.len(), e.len()));
                return;
            }
            for (i, (gv, ev)) in g.iter().zip(e).enumerate() {
                compare(Some(gv), ev, &format!("{path}[{i}]"), out);
            }
        }
        (Value::Number(e), Some(g)) => {
            let close =
                matches!((g.as_f64(), e.as_f64()), (Some(x), Some(y)) if (x - y).abs() < 0.005);
            if !close {
                out.push(format!("{path}: got {g}, want {e}"));
            }
        }
        (e, Some(g)) => {
            if e != g {
                out.push(format!("{path}: got {g}, want {e}"));
            }
        }
    }
}

#[test]
fn valid_progress_cases_match_the_oracle() {
    let expected = files(&progress_dir().join("valid"), ".expected.json");
    assert!(expected.len() >= 60, "only {} valid cases", expected.len());
    let mut bad = Vec::new();
    for exp_path in &expected {
        let name = stem(exp_path, ".expected.json");
        let record =
            std::fs::read_to_string(exp_path.with_file_name(format!("{name}.progress.json")))
                .unwrap();
        let exp: Value = serde_json::from_slice(&std::fs::read(exp_path).unwrap()).unwrap();
        let progress = match parse_progress(policy(), &record) {
            Ok(p) => p,
            Err(errors) => {
                bad.push(format!("{name}: refused: {errors:?}"));
                continue;
            }
        };
        let t = track(policy(), &progress);
        let got: Value =
            serde_json::from_str(&track_report(&t, &progress, Detail::Full).to_json()).unwrap();
        assert_eq!(got["schema"], "tic-progress-report/1", "{name}");
        let mut diffs = Vec::new();
        compare(Some(&got), &exp, "", &mut diffs);
        if !diffs.is_empty() {
            bad.push(format!("{name}: {}", diffs.join("; ")));
        }
    }
    assert!(
        bad.is_empty(),
        "{} disagreements:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn the_progress_cases_cover_every_standing_status_and_outlook() {
    let mut seen: BTreeMap<&str, std::collections::BTreeSet<String>> = BTreeMap::new();
    for p in files(&progress_dir().join("valid"), ".expected.json") {
        let e: Value = serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap();
        let mut add = |k: &'static str, v: &Value| {
            if let Some(s) = v.as_str() {
                seen.entry(k).or_default().insert(s.to_owned());
            }
        };
        add("standing", &e["standing"]);
        for m in e["milestones"].as_array().unwrap() {
            add("status", &m["status"]);
            add("source", &m["source"]);
        }
        for y in e["funding"]["years"].as_array().unwrap() {
            add("outlook", &y["outlook"]);
            add("limited_by", &y["limited_by"]);
        }
    }
    let count = |k: &str| seen.get(k).map_or(0, |s| s.len());
    assert_eq!(count("standing"), 6, "{seen:?}");
    assert_eq!(count("status"), 4, "{seen:?}");
    assert_eq!(count("source"), 2, "{seen:?}");
    assert_eq!(count("outlook"), 4, "{seen:?}");
    assert_eq!(count("limited_by"), 3, "{seen:?}");
}

#[test]
fn invalid_progress_cases_name_exactly_their_fields() {
    let records = files(&progress_dir().join("invalid"), ".progress.json");
    assert!(records.len() >= 10, "only {} invalid cases", records.len());
    let mut bad = Vec::new();
    for rec in &records {
        let name = stem(rec, ".progress.json");
        let mut want: Vec<String> =
            std::fs::read_to_string(rec.with_file_name(format!("{name}.errors.txt")))
                .unwrap()
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(str::to_owned)
                .collect();
        want.sort();
        let text = std::fs::read_to_string(rec).unwrap();
        match parse_progress(policy(), &text) {
            Ok(_) => bad.push(format!("{name}: accepted")),
            Err(errors) => {
                let mut got: Vec<String> = errors
                    .iter()
                    .map(|e| {
                        if e.path.is_empty() {
                            "(document)".to_owned()
                        } else {
                            e.path.clone()
                        }
                    })
                    .collect();
                got.sort();
                if got != want {
                    bad.push(format!("{name}: {got:?} != {want:?}"));
                }
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
