//! `--policy FILE`: a modified policy (6-year period, 4 subsidy years, a later first horizon,
//! another rate, cap and threshold) given as a TOML file changes what every output says, with
//! no code change; a file with a missing or out-of-range parameter is refused, naming it.

use crate::cases_dir;
use serde_json::Value;
use std::path::PathBuf;
use std::process::Output;

const TOML: &str = include_str!("../../core/policy/ningbo-tic-2023-draft.toml");

fn dir() -> PathBuf {
    let d = std::env::temp_dir().join(format!("tic-it-policy-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// The built-in policy with other numbers, written to a file once (tests run in parallel: a
/// file rewritten by one while another reads it would be read empty).
pub(crate) fn six_year_policy() -> PathBuf {
    static PATH: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    PATH.get_or_init(write_six_year_policy).clone()
}

fn write_six_year_policy() -> PathBuf {
    let mut s = TOML.to_owned();
    for (a, b) in [
        ("id = \"ningbo-tic-2023-draft\"", "id = \"test-six-years\""),
        (
            "[parameters.subsidy_rate]\nvalue = 30",
            "[parameters.subsidy_rate]\nvalue = 25",
        ),
        (
            "[parameters.subsidy_years]\nvalue = 3",
            "[parameters.subsidy_years]\nvalue = 4",
        ),
        (
            "[parameters.construction_years]\nvalue = 5",
            "[parameters.construction_years]\nvalue = 6",
        ),
        (
            "[parameters.first_horizon]\nvalue = 2",
            "[parameters.first_horizon]\nvalue = 3",
        ),
        (
            "[parameters.total_cap]\nvalue = 1000",
            "[parameters.total_cap]\nvalue = 1200",
        ),
        (
            "[parameters.staff_year2_min]\nvalue = 100",
            "[parameters.staff_year2_min]\nvalue = 130",
        ),
        // the requirement titles are data too
        ("\"2年内", "\"3年内"),
        ("within 2 years\"", "within 3 years\""),
    ] {
        assert!(s.contains(a), "{a}");
        s = s.replace(a, b);
    }
    let p = dir().join("six.toml");
    std::fs::write(&p, s).unwrap();
    p
}

fn tic(args: &[&str]) -> Output {
    crate::tic_c(args)
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn strong() -> String {
    cases_dir()
        .join("valid/strong.applicant.json")
        .to_string_lossy()
        .into_owned()
}

#[test]
fn the_table_shows_the_files_numbers_and_no_stale_one() {
    let p = six_year_policy();
    let o = tic(&[
        "--lang",
        "zh",
        "--policy",
        p.to_str().unwrap(),
        "assess",
        &strong(),
        "--format",
        "table",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let t = out(&o);
    assert!(t.contains("批复创建后3年内"), "{t}");
    assert!(!t.contains("2年内"), "{t}");
    assert!(t.contains("130人"), "{t}");
    assert!(t.contains("test-six-years"), "{t}");
    // four subsidy years: 25 % of 1,500 = 375 in year 2, and a row for year 4
    assert!(t.contains("375万元"), "{t}");
    assert!(t.lines().any(|l| l.trim_start().starts_with("4 ")), "{t}");
    let j: Value = serde_json::from_slice(
        &tic(&["--policy", p.to_str().unwrap(), "assess", &strong()]).stdout,
    )
    .unwrap();
    assert_eq!(j["funding"]["years"].as_array().unwrap().len(), 4);
    assert_eq!(j["funding"]["rate_percent"], 25.0);
    assert_eq!(j["policy"]["id"], "test-six-years");
}

#[test]
fn export_headers_follow_the_file() {
    let p = six_year_policy();
    let batch = dir().join("batch.json");
    let a = std::fs::read_to_string(strong()).unwrap();
    std::fs::write(&batch, format!("[{a}]")).unwrap();
    for (lang, want, stale) in [
        (
            "en",
            vec!["year4_subsidy_wan", "year4_limited_by"],
            vec!["year5_subsidy_wan"],
        ),
        (
            "zh",
            vec!["第4年补助（万元）", "3年内差距项数"],
            vec!["2年内差距项数", "第5年补助"],
        ),
    ] {
        let o = tic(&[
            "--lang",
            lang,
            "--policy",
            p.to_str().unwrap(),
            "screen",
            batch.to_str().unwrap(),
            "--format",
            "csv",
        ]);
        assert_eq!(o.status.code(), Some(0));
        let text = out(&o);
        let header = text.lines().next().unwrap();
        for w in want {
            assert!(header.contains(w), "{lang}: {w} not in {header}");
        }
        for s in stale {
            assert!(!header.contains(s), "{lang}: {s} in {header}");
        }
        let x = dir().join(format!("r-{lang}.xlsx"));
        let o = tic(&[
            "--lang",
            lang,
            "--policy",
            p.to_str().unwrap(),
            "screen",
            batch.to_str().unwrap(),
            "--format",
            "xlsx",
            "-o",
            x.to_str().unwrap(),
        ]);
        assert_eq!(o.status.code(), Some(0));
        use calamine::{Reader, Xlsx};
        let mut book: Xlsx<_> = calamine::open_workbook(&x).unwrap();
        let sheet = book.worksheet_range_at(0).unwrap().unwrap();
        let xhead: Vec<String> = sheet
            .rows()
            .next()
            .unwrap()
            .iter()
            .map(|c| c.to_string())
            .collect();
        let csv_head: Vec<String> = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.trim_start_matches('\u{feff}').as_bytes())
            .records()
            .next()
            .unwrap()
            .unwrap()
            .iter()
            .map(str::to_owned)
            .collect();
        assert_eq!(xhead, csv_head, "{lang}");
    }
}

#[test]
fn tracking_follows_the_files_period() {
    let p = six_year_policy();
    let year = r#"{"investment_wan": 4000, "capacity_investment_wan": 1000, "staff": 320, "teams": 5, "bases": 2,
        "legal_status": "independent", "transfer_bases": 1, "partner_firms": 20, "spinoffs": 5, "firms_served": 100,
        "evaluation": "pass"}"#;
    let five = format!(
        r#"{{"schema": "tic-progress/1", "years": [{}]}}"#,
        [year; 5].join(",")
    );
    let six = format!(
        r#"{{"schema": "tic-progress/1", "years": [{}]}}"#,
        [year; 6].join(",")
    );
    let (f5, f6) = (dir().join("five.json"), dir().join("six.json"));
    std::fs::write(&f5, five).unwrap();
    std::fs::write(&f6, &six).unwrap();
    // Built-in policy: 5 years end construction; 6 are too many.
    let r: Value = serde_json::from_slice(&tic(&["track", f5.to_str().unwrap()]).stdout).unwrap();
    assert_eq!(r["standing"], "accepted");
    assert_eq!(tic(&["track", f6.to_str().unwrap()]).status.code(), Some(2));
    // The file's policy: year 5 is not the end; year 6 is, and there are 4 subsidy years.
    let r: Value = serde_json::from_slice(
        &tic(&[
            "--policy",
            p.to_str().unwrap(),
            "track",
            f5.to_str().unwrap(),
        ])
        .stdout,
    )
    .unwrap();
    assert_eq!(r["standing"], "on_track", "{r}");
    let r: Value = serde_json::from_slice(
        &tic(&[
            "--policy",
            p.to_str().unwrap(),
            "track",
            f6.to_str().unwrap(),
        ])
        .stdout,
    )
    .unwrap();
    assert_eq!(r["standing"], "accepted", "{r}");
    assert_eq!(r["funding"]["years"].as_array().unwrap().len(), 4);
    assert_eq!(r["funding"]["years"][0]["entitled_wan"], 250.0);
}

#[test]
fn a_file_with_a_missing_or_out_of_range_parameter_is_refused_by_name() {
    let broken = TOML
        .replace(
            "[parameters.first_year_cap]",
            "[parameters.first_year_cap_typo]",
        )
        .replace(
            "[parameters.subsidy_rate]\nvalue = 30",
            "[parameters.subsidy_rate]\nvalue = 130",
        );
    let p = dir().join("broken.toml");
    std::fs::write(&p, broken).unwrap();
    let o = tic(&["--policy", p.to_str().unwrap(), "assess", &strong()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(e.contains("first_year_cap is not defined"), "{e}");
    assert!(
        e.contains("subsidy_rate") && e.contains("out of range"),
        "{e}"
    );
    let o = tic(&["--policy", "no-such-policy", "assess", &strong()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no policy"));
}
