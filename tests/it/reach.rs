//! `what_it_takes` of `tic assess`: following each change it names, on every valid case file,
//! closes the requirement it was named for, one unit less does not, and the added capacity
//! investment reaches the largest subsidy.

use crate::{cases_dir, files};
use serde_json::{json, Value};
use std::io::Write;
use std::process::{Command, Stdio};

const TIC: &str = env!("CARGO_BIN_EXE_tic");

fn assess(applicant: &Value) -> Value {
    let mut child = Command::new(TIC)
        .args(["assess", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(applicant.to_string().as_bytes())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}\n{applicant}",
        String::from_utf8_lossy(&o.stderr)
    );
    serde_json::from_slice(&o.stdout).unwrap()
}

/// Money in whole cents (0.01 万元), as the contract's amounts are.
fn cents(v: &Value) -> i64 {
    (v.as_f64().unwrap() * 100.0).round() as i64
}

fn wan(c: i64) -> Value {
    json!(c as f64 / 100.0)
}

fn set(applicant: &mut Value, path: &str, v: Value) {
    let mut at = applicant;
    let parts: Vec<&str> = path.split('.').collect();
    for p in &parts[..parts.len() - 1] {
        at = at
            .as_object_mut()
            .unwrap()
            .entry(p.to_string())
            .or_insert(json!({}));
    }
    at[parts[parts.len() - 1]] = v;
}

/// Adds `c` cents to year `year` of a list of amounts, padding missing years with 0.
fn add_to_year(applicant: &mut Value, list: &str, year: usize, c: i64) {
    let mut years: Vec<i64> = applicant[list]
        .as_array()
        .map(|l| l.iter().map(cents).collect())
        .unwrap_or_default();
    if years.len() < year {
        years.resize(year, 0);
    }
    years[year - 1] += c;
    applicant[list] = Value::Array(years.into_iter().map(wan).collect());
}

fn status(report: &Value, id: &str) -> String {
    report["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id)
        .map(|r| r["status"].as_str().unwrap().to_owned())
        .unwrap()
}

fn steps(report: &Value) -> Vec<Value> {
    report["what_it_takes"]["due"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["steps"].as_array().unwrap().clone())
        .collect()
}

#[test]
fn following_what_it_takes_closes_every_numeric_gap_and_reaches_the_largest_subsidy() {
    let valid = cases_dir().join("valid");
    let (mut counts, mut invests, mut subsidies) = (0, 0, 0);
    for file in files(&valid, ".applicant.json") {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let applicant: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
        let report = assess(&applicant);
        let open = report["requirements"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["status"] != "met")
            .count();
        let steps = steps(&report);
        assert_eq!(steps.len(), open, "{name}: one step per open requirement");
        let mut after = applicant.clone();
        // The same changes, one unit short on the last numeric step.
        let mut short = applicant.clone();
        let mut last: Option<String> = None;
        for s in &steps {
            assert!(
                s["text"]["zh"].as_str().is_some_and(|t| !t.is_empty()),
                "{name}"
            );
            let id = s["requirement"].as_str().unwrap();
            match s["change"].as_str().unwrap() {
                "count" => {
                    let to = s["to"].as_u64().unwrap();
                    let field = s["field"].as_str().unwrap();
                    set(&mut after, field, json!(to));
                    set(&mut short, field, json!(to - 1));
                    counts += 1;
                    last = Some(id.to_owned());
                }
                "invest" => {
                    let years = s["years_counted"].as_u64().unwrap() as usize;
                    let add = cents(&s["add"]);
                    assert_eq!(
                        cents(&s["to"]),
                        cents(&s["from"]) + cents(&s["earlier"]) + add,
                        "{name}"
                    );
                    if add > 0 {
                        add_to_year(&mut after, "investment_wan", years, add);
                        add_to_year(&mut short, "investment_wan", years, add);
                        invests += 1;
                        last = Some(id.to_owned());
                    }
                }
                "meet" | "answer" => {}
                other => panic!("{name}: unknown change {other}"),
            }
        }
        if let Some(y) = report["what_it_takes"]["subsidy"]["add_in_year"].as_u64() {
            let add = cents(&report["what_it_takes"]["subsidy"]["add_wan"]);
            let list = if applicant.get("capacity_investment_wan").is_some() {
                "capacity_investment_wan"
            } else {
                "investment_wan"
            };
            add_to_year(&mut after, list, y as usize, add);
            subsidies += 1;
        }
        let fixed = assess(&after);
        for s in &steps {
            let id = s["requirement"].as_str().unwrap();
            if matches!(s["change"].as_str(), Some("count" | "invest")) {
                assert_eq!(status(&fixed, id), "met", "{name}: {id} after its change");
            }
        }
        let sub = &fixed["what_it_takes"]["subsidy"];
        if applicant.get("capacity_investment_wan").is_some()
            || applicant.get("investment_wan").is_some()
        {
            assert_eq!(
                cents(&fixed["funding"]["total_wan"]),
                cents(&sub["max_wan"]),
                "{name}: the largest subsidy after the addition"
            );
        }
        if let Some(id) = last {
            // One person (or 0.01 万元 for an investment) short of the last step: still open.
            if status(&report, &id) == "gap" {
                let mut s2 = short.clone();
                if let Some(step) = steps.iter().find(|s| s["requirement"] == id.as_str()) {
                    if step["change"] == "invest" {
                        let years = step["years_counted"].as_u64().unwrap() as usize;
                        add_to_year(&mut s2, "investment_wan", years, -1);
                    }
                }
                assert_eq!(
                    status(&assess(&s2), &id),
                    "gap",
                    "{name}: {id} one unit short"
                );
            }
        }
    }
    assert!(
        counts > 20 && invests > 5 && subsidies > 5,
        "{counts} {invests} {subsidies}"
    );
}

#[test]
fn a_screen_gives_the_plan_only_with_explain() {
    let one = std::fs::read_to_string(cases_dir().join("valid/strong.applicant.json")).unwrap();
    let path = std::env::temp_dir().join(format!("tic-it-reach-{}.json", std::process::id()));
    std::fs::write(&path, format!("[{one}]")).unwrap();
    let screen = |extra: &[&str]| -> Value {
        let o = Command::new(TIC)
            .arg("screen")
            .args(extra)
            .arg(&path)
            .output()
            .unwrap();
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        serde_json::from_slice(&o.stdout).unwrap()
    };
    let summary = screen(&[]);
    assert!(summary[0]["verdict"].is_string(), "{summary}");
    assert!(summary[0].get("what_it_takes").is_none(), "{summary}");
    let full = screen(&["--explain"]);
    assert!(
        full[0]["what_it_takes"]["subsidy"]["max_wan"].is_number(),
        "{full}"
    );
    let _ = std::fs::remove_file(&path);
}
