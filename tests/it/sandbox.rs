//! The policy sandbox: `tic policy diff A B` and `tic screen FILE --compare OTHER`, checked
//! against the policy files themselves and against `tic screen` run under each version alone.

use crate::policy_file::six_year_policy;
use crate::{cases_dir, files};
use serde_json::Value;
use std::path::PathBuf;
use std::process::Output;

const BUILT_IN: &str = "ningbo-tic-2023-draft";

fn tic(args: &[&str]) -> Output {
    crate::tic_c(args)
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stderr)))
}

/// The valid case files as one batch, spread over three districts and none.
fn batch(tag: &str) -> PathBuf {
    let districts = [Some("海曙区"), Some("江北区"), None, Some("鄞州区")];
    let rows: Vec<Value> = files(&cases_dir().join("valid"), ".applicant.json")
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let mut a: Value = serde_json::from_slice(&std::fs::read(f).unwrap()).unwrap();
            let o = a.as_object_mut().unwrap();
            o.remove("district");
            if let Some(d) = districts[i % districts.len()] {
                o.insert("district".into(), d.into());
            }
            a
        })
        .collect();
    let p = std::env::temp_dir().join(format!("tic-it-sandbox-{tag}-{}.json", std::process::id()));
    std::fs::write(&p, serde_json::to_string(&rows).unwrap()).unwrap();
    p
}

#[test]
fn a_version_compared_with_itself_differs_nowhere() {
    let o = tic(&["policy", "diff", BUILT_IN, BUILT_IN, "--format", "json"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(json(&o)["changes"], serde_json::json!([]));
    let o = tic(&["policy", "diff", BUILT_IN, BUILT_IN]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("do not differ"));
}

#[test]
fn the_diff_lists_every_changed_number_with_its_clause() {
    let six = six_year_policy();
    let o = tic(&[
        "policy",
        "diff",
        BUILT_IN,
        six.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v = json(&o);
    assert_eq!(v["other"]["id"], "test-six-years");
    let changes = v["changes"].as_array().unwrap();
    let param = |k: &str| {
        changes
            .iter()
            .find(|c| c["section"] == "parameters" && c["id"] == k)
            .unwrap_or_else(|| panic!("{k} not listed"))
    };
    for (k, from, to, clause) in [
        ("subsidy_rate", 30.0, 25.0, "三（四）"),
        ("subsidy_years", 3.0, 4.0, "三（四）"),
        ("construction_years", 5.0, 6.0, "三（一）"),
        ("first_horizon", 2.0, 3.0, "二（五）"),
        ("total_cap", 1000.0, 1200.0, "三（四）"),
        ("staff_year2_min", 100.0, 130.0, "二（六）"),
    ] {
        let c = param(k);
        assert_eq!(c["change"], "changed", "{k}");
        assert_eq!(c["from"].as_f64(), Some(from), "{k}");
        assert_eq!(c["to"].as_f64(), Some(to), "{k}");
        assert_eq!(c["clause"], clause, "{k}");
    }
    // Exactly those six parameters changed (and the id, and the retitled requirements).
    let params = changes
        .iter()
        .filter(|c| c["section"] == "parameters")
        .count();
    assert_eq!(params, 6);
    assert!(changes
        .iter()
        .any(|c| c["section"] == "requirements" && c["id"] == "team.staff_year2"));
    // The table says the same in words.
    let t = tic(&[
        "policy",
        "diff",
        BUILT_IN,
        six.to_str().unwrap(),
        "--lang",
        "zh",
    ]);
    let t = String::from_utf8_lossy(&t.stdout).into_owned();
    assert!(
        t.contains("130人") && t.contains("1,200万元") && t.contains("25%"),
        "{t}"
    );
}

#[test]
fn an_unknown_version_is_refused_by_name() {
    let o = tic(&["policy", "diff", BUILT_IN, "no-such-version"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no-such-version"));
    assert!(o.stdout.is_empty());
}

/// Totals recomputed from `tic screen` under one version alone: counts by verdict, and the
/// funding (per year and in all) of the rows past every gate.
fn totals_alone(policy: &str, batch: &str) -> (Value, Vec<i64>, i64) {
    let o = tic(&["screen", "--policy", policy, batch]);
    let rows = json(&o);
    let mut by_verdict = serde_json::Map::new();
    let (mut years, mut total) = (Vec::<i64>::new(), 0i64);
    for r in rows.as_array().unwrap() {
        let v = r["verdict"].as_str().unwrap();
        let n = by_verdict.get(v).and_then(Value::as_u64).unwrap_or(0);
        by_verdict.insert(v.to_owned(), (n + 1).into());
        if v == "eligible" || v == "eligible_with_gaps" {
            let cents = |x: &Value| (x.as_f64().unwrap() * 100.0).round() as i64;
            total += cents(&r["funding"]["total_wan"]);
            for (i, y) in r["funding"]["years"].as_array().unwrap().iter().enumerate() {
                if years.len() <= i {
                    years.push(0);
                }
                years[i] += cents(&y["amount_wan"]);
            }
        }
    }
    (Value::Object(by_verdict), years, total)
}

#[test]
fn the_comparison_agrees_with_each_version_screened_alone() {
    let six = six_year_policy();
    let batch = batch("the_comparis");
    let (b, s) = (batch.to_str().unwrap(), six.to_str().unwrap());
    let o = tic(&["screen", b, "--compare", s]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v = json(&o);
    assert_eq!(v["schema"], "tic-policy-comparison/1");
    assert_eq!(v["base"]["policy"]["id"], BUILT_IN);
    assert_eq!(v["other"]["policy"]["id"], "test-six-years");
    let cents = |x: &Value| (x.as_f64().unwrap() * 100.0).round() as i64;
    for (side, policy) in [("base", BUILT_IN), ("other", s)] {
        let t = &v[side]["totals"];
        let (by_verdict, years, total) = totals_alone(policy, b);
        for (verdict, n) in by_verdict.as_object().unwrap() {
            assert_eq!(&t["by_verdict"][verdict], n, "{side} {verdict}");
        }
        let got: Vec<i64> = t["funding_years_wan"]
            .as_array()
            .unwrap()
            .iter()
            .map(cents)
            .collect();
        assert_eq!(got, years, "{side}");
        assert_eq!(cents(&t["funding_total_wan"]), total, "{side}");
        // The districts add up to the whole.
        let by_d: i64 = t["by_district"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| cents(&d["funding_total_wan"]))
            .sum();
        assert_eq!(by_d, total, "{side}");
    }
    // Four subsidy years under the six-year version, three under the built-in one.
    assert_eq!(
        v["base"]["totals"]["funding_years_wan"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
    assert_eq!(
        v["other"]["totals"]["funding_years_wan"]
            .as_array()
            .unwrap()
            .len(),
        4
    );
    // The staff threshold rose from 100 to 130: a row with 100 staff by year 2 loses that
    // requirement, and is named as changed.
    let rows = v["rows"].as_array().unwrap();
    let moved = rows.iter().find(|r| {
        r["base"]["gaps"]
            .as_array()
            .is_some_and(|g| !g.contains(&"team.staff_year2".into()))
            && r["other"]["gaps"]
                .as_array()
                .is_some_and(|g| g.contains(&"team.staff_year2".into()))
    });
    assert!(moved.is_some(), "no row lost team.staff_year2");
    for r in rows {
        let changed = r["base"]["verdict"] != r["other"]["verdict"];
        assert_eq!(r["verdict_changed"], changed, "{r}");
    }
}

#[test]
fn a_version_compared_with_itself_changes_no_row() {
    let batch = batch("a_version_co");
    let o = tic(&[
        "screen",
        batch.to_str().unwrap(),
        "--compare",
        BUILT_IN,
        "--format",
        "table",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let t = String::from_utf8_lossy(&o.stdout).into_owned();
    let n = files(&cases_dir().join("valid"), ".applicant.json").len();
    assert!(
        t.contains(&format!("Rows whose result changes: 0 of {n}")),
        "{t}"
    );
    let o = tic(&["screen", batch.to_str().unwrap(), "--compare", BUILT_IN]);
    let v = json(&o);
    assert_eq!(v["base"]["totals"], v["other"]["totals"]);
    assert!(v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["funding_change_wan"] == 0.0 && r["verdict_changed"] == false));
}

#[test]
fn compare_refuses_csv_output_and_unknown_versions() {
    let batch = batch("compare_refu");
    let b = batch.to_str().unwrap();
    let o = tic(&["screen", b, "--compare", BUILT_IN, "--format", "csv"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--compare"));
    let o = tic(&["screen", b, "--compare", "nope"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("nope"));
    assert!(o.stdout.is_empty());
}
