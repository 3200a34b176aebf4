//! Case files: `tests/cases/valid/*.applicant.json` with `*.expected.json` (verdict, statuses in
//! order, optional `actual` / `required` / `shortfall`, funding), and
//! `tests/cases/invalid/*.applicant.json` with `*.errors.txt` (one field path per line).

use crate::{cases_dir, files, policy};
use serde_json::Value;
use std::collections::BTreeSet;
use tic_cli::AssessFormat;
use tic_core::Lang;

fn close(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => (x - y).abs() < 0.005,
        _ => false,
    }
}

fn compare(name: &str, got: &Value, exp: &Value, bad: &mut Vec<String>) {
    if got["verdict"] != exp["verdict"] {
        bad.push(format!(
            "{name}: verdict {} != {}",
            got["verdict"], exp["verdict"]
        ));
    }
    let greq = got["requirements"].as_array().cloned().unwrap_or_default();
    let ereq = exp["requirements"].as_array().cloned().unwrap_or_default();
    if greq.len() != ereq.len() {
        bad.push(format!(
            "{name}: {} requirements != {}",
            greq.len(),
            ereq.len()
        ));
    }
    for (g, e) in greq.iter().zip(&ereq) {
        if g["id"] != e["id"] || g["status"] != e["status"] {
            bad.push(format!(
                "{name}: {} {} != {} {}",
                g["id"], g["status"], e["id"], e["status"]
            ));
        }
        for key in ["actual", "required", "shortfall"] {
            if let Some(ev) = e.get(key) {
                if !close(&g[key], ev) {
                    bad.push(format!("{name}: {} {key} {} != {ev}", e["id"], g[key]));
                }
            } else if key == "shortfall" && e["status"] != "unknown" && g.get(key).is_some() {
                bad.push(format!(
                    "{name}: {} has a shortfall {} but none is expected",
                    e["id"], g[key]
                ));
            }
        }
    }
    let gy = got["funding"]["years"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    for ey in exp["funding"]["years"]
        .as_array()
        .cloned()
        .unwrap_or_default()
    {
        let Some(g) = gy.iter().find(|y| y["year"] == ey["year"]) else {
            bad.push(format!("{name}: no funding year {}", ey["year"]));
            continue;
        };
        if !close(&g["amount_wan"], &ey["amount_wan"]) || g["limited_by"] != ey["limited_by"] {
            bad.push(format!(
                "{name}: year {} {}/{} != {}/{}",
                ey["year"], g["amount_wan"], g["limited_by"], ey["amount_wan"], ey["limited_by"]
            ));
        }
        if let Some(b) = ey.get("base_wan") {
            if !close(&g["base_wan"], b) {
                bad.push(format!(
                    "{name}: year {} base {} != {b}",
                    ey["year"], g["base_wan"]
                ));
            }
        }
    }
    if !close(&got["funding"]["total_wan"], &exp["funding"]["total_wan"]) {
        bad.push(format!(
            "{name}: total {} != {}",
            got["funding"]["total_wan"], exp["funding"]["total_wan"]
        ));
    }
}

#[test]
fn valid_cases_match_the_oracle() {
    let expected = files(&cases_dir().join("valid"), ".expected.json");
    assert!(expected.len() >= 100, "only {} valid cases", expected.len());
    let mut bad = Vec::new();
    for exp_path in &expected {
        let name = exp_path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .replace(".expected.json", "");
        let app = std::fs::read(exp_path.with_file_name(format!("{name}.applicant.json"))).unwrap();
        let exp: Value = serde_json::from_slice(&std::fs::read(exp_path).unwrap()).unwrap();
        let out = tic_cli::assess(policy(), &app, AssessFormat::Json, Lang::En);
        if out.code != 0 {
            bad.push(format!("{name}: exit {} {:?}", out.code, out.stderr));
            continue;
        }
        let got: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(got["schema"], "tic-assessment/1");
        compare(&name, &got, &exp, &mut bad);
    }
    assert!(
        bad.is_empty(),
        "{} disagreements:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn the_oracle_covers_every_verdict_and_limited_by() {
    let mut verdicts = BTreeSet::new();
    let mut limits = BTreeSet::new();
    for p in files(&cases_dir().join("valid"), ".expected.json") {
        let e: Value = serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap();
        verdicts.insert(e["verdict"].as_str().unwrap().to_owned());
        for y in e["funding"]["years"].as_array().unwrap() {
            limits.insert(y["limited_by"].as_str().unwrap().to_owned());
        }
    }
    assert_eq!(verdicts.len(), 4, "{verdicts:?}");
    assert_eq!(limits.len(), 3, "{limits:?}");
}

fn paths(lines: &[String]) -> BTreeSet<String> {
    lines
        .iter()
        .map(|l| l.split_once(": ").map(|(p, _)| p).unwrap_or(l).to_owned())
        .collect()
}

#[test]
fn invalid_cases_exit_2_naming_every_field() {
    let apps = files(&cases_dir().join("invalid"), ".applicant.json");
    assert!(apps.len() >= 10);
    let mut bad = Vec::new();
    for app in &apps {
        let name = app
            .file_name()
            .unwrap()
            .to_string_lossy()
            .replace(".applicant.json", "");
        let want: BTreeSet<String> =
            std::fs::read_to_string(app.with_file_name(format!("{name}.errors.txt")))
                .unwrap()
                .lines()
                .filter(|l| !l.trim().is_empty())
                .map(str::to_owned)
                .collect();
        let input = std::fs::read(app).unwrap();
        for lang in [Lang::En, Lang::Zh] {
            let out = tic_cli::assess(policy(), &input, AssessFormat::Json, lang);
            if out.code != 2 || !out.stdout.is_empty() {
                bad.push(format!(
                    "{name}: exit {}, {} bytes on stdout",
                    out.code,
                    out.stdout.len()
                ));
            }
            let got = paths(&out.stderr);
            if got != want || out.stderr.len() != want.len() {
                bad.push(format!("{name} ({lang:?}): {:?} != {want:?}", out.stderr));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn contract_message_for_a_negative_year() {
    let input = std::fs::read(cases_dir().join("invalid/x01-negative.applicant.json")).unwrap();
    let out = tic_cli::assess(policy(), &input, AssessFormat::Json, Lang::En);
    assert_eq!(
        out.stderr,
        vec!["investment_wan[1]: must be ≥ 0".to_owned()]
    );
    let zh = tic_cli::assess(policy(), &input, AssessFormat::Json, Lang::Zh);
    assert_eq!(zh.stderr, vec!["investment_wan[1]: 必须 ≥ 0".to_owned()]);
}
