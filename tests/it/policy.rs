//! The policy data: every parameter cited by a clause whose words are in the guideline; the
//! contract's requirement table; `tic-core`'s dependencies.

use crate::policy;
use serde_json::Value;

fn guideline() -> String {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../core/policy/ningbo-tic-2023-draft.source.zh.txt");
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn every_parameter_has_a_clause_whose_text_is_in_the_guideline() {
    let text = squash(&guideline());
    let mut checked = 0;
    for (id, json) in tic_core::policy::embedded_json() {
        let file: Value = serde_json::from_str(json).unwrap();
        let clauses = file["clauses"].as_object().unwrap();
        for (key, p) in file["parameters"].as_object().unwrap() {
            let clause = p["clause"].as_str().unwrap_or("");
            let c = clauses
                .get(clause)
                .unwrap_or_else(|| panic!("{id} {key}: clause {clause:?} missing"));
            let words = squash(c["text"].as_str().unwrap_or(""));
            assert!(!words.is_empty(), "{id} {key}: empty clause text");
            if p["unit"] != Value::Null && id.contains("ningbo-tic-2023-draft") {
                assert!(
                    text.contains(&words),
                    "{id} {key}: text of {clause} not in the guideline"
                );
                let quote = squash(p["quote"].as_str().unwrap_or(""));
                assert!(
                    !quote.is_empty() && words.contains(&quote),
                    "{id} {key}: quote {quote:?} not in {clause}"
                );
            }
            checked += 1;
        }
    }
    assert!(checked >= 15, "{checked}");
}

#[test]
fn requirements_follow_the_contract_table() {
    let want = [
        ("scope.field", "二（二）", "application", "gate"),
        ("lead.unit", "二（三）", "application", "gate"),
        ("lead.capacity", "二（三）", "application", "condition"),
        (
            "application.recommendation",
            "三（一）",
            "application",
            "condition",
        ),
        ("org.accounting", "四", "application", "condition"),
        ("org.legal_entity", "四", "acceptance", "condition"),
        ("org.board", "四（一）1", "application", "condition"),
        ("org.director", "四（一）2", "application", "condition"),
        (
            "org.chief_scientist",
            "四（一）3",
            "application",
            "condition",
        ),
        (
            "org.expert_committee",
            "四（一）4",
            "application",
            "condition",
        ),
        ("org.bases", "二（四）", "acceptance", "condition"),
        ("invest.year2", "二（五）", "year2", "condition"),
        ("invest.year5", "二（五）", "year5", "condition"),
        ("team.staff_year2", "二（六）", "year2", "condition"),
        ("team.teams_year2", "二（六）", "year2", "condition"),
        ("team.staff_year5", "二（六）", "year5", "condition"),
        ("team.teams_year5", "二（六）", "year5", "condition"),
        ("eco.transfer_bases", "二（十）", "acceptance", "condition"),
        ("eco.partner_firms", "二（十）", "acceptance", "condition"),
        ("eco.spinoffs", "二（十）", "acceptance", "condition"),
        ("eco.firms_served", "二（十）", "acceptance", "condition"),
    ];
    let got: Vec<(String, String, String, String)> = policy()
        .requirements
        .iter()
        .map(|r| {
            (
                r.id.clone(),
                r.clause.clone(),
                r.due.id().to_owned(),
                r.kind.id().to_owned(),
            )
        })
        .collect();
    let want: Vec<(String, String, String, String)> = want
        .iter()
        .map(|(a, b, c, d)| (a.to_string(), b.to_string(), c.to_string(), d.to_string()))
        .collect();
    assert_eq!(got, want);
    let f = &policy().funding;
    assert_eq!(
        (
            f.rate_bp,
            f.years,
            f.first_year_cap.as_wan(),
            f.total_cap.as_wan()
        ),
        (3000, 3, 500.0, 1000.0)
    );
}

#[test]
fn core_depends_on_no_io_or_browser_crate() {
    let out = std::process::Command::new(env!("CARGO"))
        .args([
            "tree",
            "-p",
            "tic-core",
            "-e",
            "normal",
            "--prefix",
            "none",
            "--offline",
            "--locked",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let allowed = [
        "tic-core",
        "serde",
        "serde_core",
        "serde_derive",
        "serde_json",
        "proc-macro2",
        "quote",
        "syn",
        "unicode-ident",
        "itoa",
        "memchr",
        "ryu",
        "zmij",
    ];
    let tree = String::from_utf8(out.stdout).unwrap();
    let names: Vec<&str> = tree
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert!(names.contains(&"serde_json"), "{tree}");
    for n in names {
        assert!(allowed.contains(&n), "tic-core depends on {n}:\n{tree}");
    }
}
