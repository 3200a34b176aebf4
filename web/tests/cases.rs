//! The case files (the contract examples among them) assessed by the core compiled to
//! WebAssembly, in the browser, through the page's `assess` export: same verdict, same
//! requirement statuses in order, same funding as the expected files say.

use serde_json::Value;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

include!(concat!(env!("OUT_DIR"), "/cases.rs"));

/// Every field of `expected` is in `actual` with the same value (arrays: same length, element
/// by element; numbers compared as f64).
fn subset(expected: &Value, actual: &Value, path: &str, problems: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, v) in e {
                match a.get(k) {
                    Some(av) => subset(v, av, &format!("{path}.{k}"), problems),
                    None => problems.push(format!("{path}.{k}: missing")),
                }
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                problems.push(format!("{path}: {} entries, expected {}", a.len(), e.len()));
            }
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                subset(ev, av, &format!("{path}[{i}]"), problems);
            }
        }
        (Value::Number(e), Value::Number(a)) => {
            if e.as_f64() != a.as_f64() {
                problems.push(format!("{path}: {a}, expected {e}"));
            }
        }
        (e, a) => {
            if e != a {
                problems.push(format!("{path}: {a}, expected {e}"));
            }
        }
    }
}

#[wasm_bindgen_test]
fn every_valid_case_matches_in_webassembly() {
    assert!(
        CASES.len() >= 3,
        "the case files were not found ({} cases)",
        CASES.len()
    );
    for name in ["strong", "out-of-scope", "separate-accounting"] {
        assert!(
            CASES.iter().any(|(n, _, _)| *n == name),
            "contract example {name} is missing"
        );
    }
    let mut failures = Vec::new();
    for (name, applicant, expected) in CASES {
        let out = match tic_web::assess(applicant, wasm_bindgen::JsValue::UNDEFINED) {
            Ok(s) => s,
            Err(_) => {
                failures.push(format!("{name}: refused"));
                continue;
            }
        };
        let (Ok(actual), Ok(expected)) = (
            serde_json::from_str::<Value>(&out),
            serde_json::from_str::<Value>(expected),
        ) else {
            failures.push(format!("{name}: output or expected file is not JSON"));
            continue;
        };
        assert_eq!(actual["schema"], "tic-assessment/1");
        let mut problems = Vec::new();
        subset(&expected, &actual, "", &mut problems);
        if !problems.is_empty() {
            failures.push(format!("{name}: {}", problems.join("; ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[wasm_bindgen_test]
fn the_same_as_natively_for_the_strong_example() {
    let (_, applicant, _) = CASES
        .iter()
        .find(|(n, _, _)| *n == "strong")
        .expect("strong example present");
    let Ok(via_export) = tic_web::assess(applicant, wasm_bindgen::JsValue::UNDEFINED) else {
        panic!("the strong example was refused");
    };
    let direct = tic_core::assess_json(applicant).expect("valid");
    assert_eq!(via_export, direct);
    let v: Value = serde_json::from_str(&via_export).expect("json");
    assert_eq!(v["funding"]["total_wan"], 1000.0);
}
