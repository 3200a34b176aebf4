//! The construction-period case files (`tests/progress/valid`, written by the independent oracle
//! tests/progress/gen.py) tracked by the core compiled to WebAssembly, in the browser:
//! `parse_progress` + `track` + `track_report(Detail::Full)`, compared by the rules of the
//! contract's checker (numbers within 0.005; a null in expected means the field is absent; a
//! field missing from expected is not checked; arrays in order, same length).

use serde_json::Value;
use tic_core::track::{parse_progress, track, track_report};
use tic_core::Detail;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

include!(concat!(env!("OUT_DIR"), "/progress_cases.rs"));

/// Differences of `got` from `exp`, as "path: got X, want Y".
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

#[wasm_bindgen_test]
fn every_progress_case_matches_in_webassembly() {
    assert!(
        PROGRESS_CASES.len() >= 60,
        "the progress case files were not found ({} cases)",
        PROGRESS_CASES.len()
    );
    let policy = tic_core::policy::current();
    let mut failures = Vec::new();
    for (name, record, expected) in PROGRESS_CASES {
        let progress = match parse_progress(policy, record) {
            Ok(p) => p,
            Err(errors) => {
                failures.push(format!("{name}: refused ({} errors)", errors.len()));
                continue;
            }
        };
        let t = track(policy, &progress);
        let report = track_report(&t, &progress, Detail::Full).to_json();
        let (Ok(actual), Ok(expected)) = (
            serde_json::from_str::<Value>(&report),
            serde_json::from_str::<Value>(expected),
        ) else {
            failures.push(format!("{name}: report or expected file is not JSON"));
            continue;
        };
        assert_eq!(actual["schema"], "tic-progress-report/1");
        let mut problems = Vec::new();
        compare(Some(&actual), &expected, "", &mut problems);
        if !problems.is_empty() {
            failures.push(format!("{name}: {}", problems.join("; ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[wasm_bindgen_test]
fn the_one_call_form_gives_the_same_report() {
    let (_, record, _) = PROGRESS_CASES
        .iter()
        .find(|(n, _, _)| *n == "end-accepted")
        .expect("case end-accepted present");
    let policy = tic_core::policy::current();
    let progress = parse_progress(policy, record).expect("valid");
    let t = track(policy, &progress);
    let direct = track_report(&t, &progress, Detail::Full).to_json_pretty();
    assert_eq!(tic_core::track_json(record).expect("valid"), direct);
}
