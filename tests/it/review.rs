//! A field outside the policy's lists, described in the applicant's words (`fields.other`):
//! `scope.field` is `unknown` for the reviewers' judgement instead of a gap, in JSON, in the
//! table, in the reasons and from a spreadsheet column; blank or invisible text is no answer,
//! and a listed field still decides.

use crate::{policy, tic_c};
use serde_json::{json, Value};
use tic_core::{assess, parse_applicant, Detail, Lang};

fn with_fields(fields: Value) -> Value {
    json!({"schema": "tic-applicant/1", "lead_unit": {"kind": "university"}, "fields": fields})
}

fn scope(report: &Value) -> &Value {
    report["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["id"] == "scope.field")
        .unwrap()
}

fn full(applicant: &Value) -> Value {
    let a = parse_applicant(policy(), &applicant.to_string()).unwrap();
    let r = tic_core::report(&assess(policy(), &a), &a, Detail::Full).to_json();
    serde_json::from_str(&r).unwrap()
}

const NONE: [(&str, Value); 4] = [
    ("highlands", Value::Array(Vec::new())),
    ("chains", Value::Array(Vec::new())),
    ("clusters", Value::Array(Vec::new())),
    ("carbon_neutral", Value::Bool(false)),
];

fn none_listed(other: Option<&str>) -> Value {
    let mut f: serde_json::Map<String, Value> = NONE
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect();
    if let Some(o) = other {
        f.insert("other".into(), Value::String(o.into()));
    }
    with_fields(Value::Object(f))
}

#[test]
fn a_described_field_is_for_the_reviewers_not_a_gap() {
    let r = full(&none_listed(Some("海洋工程装备")));
    let s = scope(&r);
    assert_eq!(s["status"], "unknown");
    assert_eq!(s["needs_review"], true);
    let zh = s["explanation"]["zh"].as_str().unwrap();
    assert!(
        zh.contains("海洋工程装备") && zh.contains("审核部门判断"),
        "{zh}"
    );
    assert!(s["explanation"]["en"]
        .as_str()
        .unwrap()
        .contains("reviewers' judgement"));
    assert_eq!(r["verdict"], "incomplete");
    let reasons = r["reasons"].as_array().unwrap();
    assert!(
        reasons
            .iter()
            .any(|t| t["zh"].as_str().unwrap().contains("需由审核部门判断")),
        "{reasons:?}"
    );
    // the reading of 二（二）'s 「等」 goes with it
    assert!(s["readings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|x| x["id"] == "fields_open_list"));
}

#[test]
fn without_a_description_it_stays_a_gap_and_a_listed_field_decides() {
    for blank in [None, Some(""), Some(" \u{3000}\u{200B}\u{FEFF} ")] {
        let r = full(&none_listed(blank));
        assert_eq!(scope(&r)["status"], "gap", "{blank:?}");
        assert!(scope(&r).get("needs_review").is_none());
        assert_eq!(r["verdict"], "not_eligible");
    }
    let r = full(&with_fields(
        json!({"chains": ["robotics"], "other": "海洋工程装备"}),
    ));
    assert_eq!(scope(&r)["status"], "met");
    assert!(scope(&r).get("needs_review").is_none());
    // unanswered lists and a description: still unknown, and for review
    let r = full(&with_fields(json!({"other": "海洋工程装备"})));
    assert_eq!(scope(&r)["status"], "unknown");
    assert_eq!(scope(&r)["needs_review"], true);
}

#[test]
fn the_description_comes_from_a_spreadsheet_column_and_shows_in_the_table() {
    let csv = "名称,科创高地,标志性产业链,重点优势产业集群,是否属于碳达峰碳中和技术领域,所列以外的领域（自行描述）\n\
               甲,无,无,无,否,海洋工程装备\n乙,无,无,无,否,\n";
    let batch = tic_tabular::read(policy(), csv.as_bytes(), Some("x.csv")).unwrap();
    let s = tic_tabular::screen_json(policy(), &batch, Detail::Summary, Lang::Zh);
    let rows: Vec<Value> = serde_json::from_str(&s.json).unwrap();
    assert_eq!(scope(&rows[0])["status"], "unknown");
    assert_eq!(scope(&rows[0])["needs_review"], true);
    assert_eq!(scope(&rows[1])["status"], "gap");

    let dir = std::env::temp_dir().join(format!("tic-review-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("a.json");
    std::fs::write(&file, none_listed(Some("海洋工程装备")).to_string()).unwrap();
    let out = tic_c(&[
        "assess",
        file.to_str().unwrap(),
        "--format",
        "table",
        "--lang",
        "zh",
    ]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("海洋工程装备"), "{text}");
    assert!(text.contains("门槛条件需由审核部门判断"), "{text}");
    std::fs::remove_dir_all(&dir).unwrap();
}
