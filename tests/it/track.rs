//! `tic track` as a process: the contract's examples (tests/progress/examples, copied from the
//! shared contract so that the repository stands alone) in every format; portfolios as a JSON
//! array, a CSV sheet and an XLSX sheet (one row per centre and year) give the same reports;
//! a bad cell costs its centre only; gaps and repeats of years; the tracking template.

use crate::files;
use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};
use tic_core::fields::Choice;
use tic_core::track::{evaluation_name, year_field, YearKind};
use tic_core::vocab::{Evaluation, LegalStatus, YearField};

const TIC: &str = env!("CARGO_BIN_EXE_tic");

fn tic(args: &[&str]) -> Output {
    Command::new(TIC)
        .args(args)
        .env("LANG", "en_US.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap()
}

fn examples_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/progress/examples")
}

/// (name, record path, expected report parts).
fn examples() -> Vec<(String, PathBuf, Value)> {
    let v: Vec<_> = files(&examples_dir(), ".progress.json")
        .into_iter()
        .map(|p| {
            let name = p
                .file_name()
                .unwrap()
                .to_string_lossy()
                .trim_end_matches(".progress.json")
                .to_owned();
            let exp = p.with_file_name(format!("{name}.expected.json"));
            let exp: Value = serde_json::from_slice(&std::fs::read(exp).unwrap()).unwrap();
            (name, p, exp)
        })
        .collect();
    assert_eq!(v.len(), 3, "the three contract examples");
    v
}

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tic-it-track-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&o.stdout)))
}

/// Differences of `got` from `exp` as the contract's checker reads them: a `null` expected
/// means absent; numbers within 0.005; a field missing from `exp` is not checked.
fn compare(got: Option<&Value>, exp: &Value, path: &str, out: &mut Vec<String>) {
    match (got, exp) {
        (g, Value::Null) => {
            if g.is_some_and(|g| !g.is_null()) {
                out.push(format!("{path}: want absent"));
            }
        }
        (None, _) => out.push(format!("{path}: absent")),
        (Some(g), Value::Object(m)) => {
            for (k, v) in m {
                compare(g.get(k), v, &format!("{path}.{k}"), out);
            }
        }
        (Some(Value::Array(g)), Value::Array(e)) => {
            if g.len() != e.len() {
                out.push(format!("{path}: {} entries, want {}", g.len(), e.len()));
                return;
            }
            for (i, (g, e)) in g.iter().zip(e).enumerate() {
                compare(Some(g), e, &format!("{path}[{i}]"), out);
            }
        }
        (Some(g), Value::Number(n)) => match g.as_f64() {
            Some(x) if (x - n.as_f64().unwrap()).abs() < 0.005 => {}
            _ => out.push(format!("{path}: got {g}, want {n}")),
        },
        (Some(g), e) => {
            if g != e {
                out.push(format!("{path}: got {g}, want {e}"));
            }
        }
    }
}

fn csv_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = std::str::from_utf8(bytes).unwrap();
    assert!(text.starts_with('\u{feff}'), "CSV starts with a BOM");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

fn xlsx_rows(path: &std::path::Path) -> Vec<Vec<String>> {
    use calamine::{Data, Reader};
    let mut book = calamine::open_workbook_auto(path).unwrap();
    let range = book.worksheet_range_at(0).unwrap().unwrap();
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::Empty => String::new(),
                    Data::String(s) => s.clone(),
                    Data::Float(f) => format!("{f}"),
                    Data::Int(i) => format!("{i}"),
                    Data::Bool(b) => b.to_string(),
                    other => format!("{other:?}"),
                })
                .collect()
        })
        .collect()
}

fn column(header: &[String], name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {header:?}"))
}

#[test]
fn the_contract_examples_in_json() {
    for (name, path, exp) in examples() {
        let o = tic(&["track", path.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0), "{name}: {}", stderr(&o));
        let got = json(&o);
        let mut diffs = Vec::new();
        compare(Some(&got), &exp, &name, &mut diffs);
        assert!(diffs.is_empty(), "{diffs:#?}");
        assert_eq!(got["schema"], "tic-progress-report/1");
    }
}

#[test]
fn the_contract_examples_as_tables() {
    for (name, path, exp) in examples() {
        let standing =
            tic_core::vocab::Standing::from_id(exp["standing"].as_str().unwrap()).unwrap();
        for (lang, l) in [("zh", tic_core::Lang::Zh), ("en", tic_core::Lang::En)] {
            let o = tic(&[
                "--lang",
                lang,
                "track",
                path.to_str().unwrap(),
                "--format",
                "table",
            ]);
            assert_eq!(o.status.code(), Some(0), "{name}: {}", stderr(&o));
            let text = String::from_utf8(o.stdout).unwrap();
            let record: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
            assert!(text.contains(record["name"].as_str().unwrap()), "{text}");
            assert!(
                text.contains(tic_core::track::standing_name(standing).get(l)),
                "{name} {lang}: {text}"
            );
            // Every milestone, by its title in the language.
            for m in exp["milestones"].as_array().unwrap() {
                let id = m["id"].as_str().unwrap();
                let r = crate::policy()
                    .requirements
                    .iter()
                    .find(|r| r.id == id)
                    .unwrap();
                assert!(text.contains(r.title.get(l)), "{name} {lang}: {id}");
            }
        }
    }
}

#[test]
fn the_contract_examples_as_csv_and_xlsx() {
    let policy = crate::policy();
    for (name, path, exp) in examples() {
        let o = tic(&["track", path.to_str().unwrap(), "--format", "csv"]);
        assert_eq!(o.status.code(), Some(0), "{name}: {}", stderr(&o));
        let csv = csv_rows(&o.stdout);
        let out = tmp(&format!("{name}.xlsx"));
        let o = tic(&[
            "track",
            path.to_str().unwrap(),
            "--format",
            "xlsx",
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(o.status.code(), Some(0), "{name}: {}", stderr(&o));
        let xlsx = xlsx_rows(&out);
        for rows in [&csv, &xlsx] {
            assert_eq!(rows.len(), 2, "{name}: header and one row");
            let (h, r) = (&rows[0], &rows[1]);
            assert_eq!(r[column(h, "standing")], exp["standing"].as_str().unwrap());
            assert_eq!(
                r[column(h, "years_reported")],
                exp["years_reported"].to_string()
            );
            for m in exp["milestones"].as_array().unwrap() {
                let id = m["id"].as_str().unwrap();
                assert_eq!(
                    r[column(h, id)],
                    m["status"].as_str().unwrap(),
                    "{name} {id}"
                );
            }
            let f = &exp["funding"];
            for y in f["years"].as_array().unwrap() {
                let n = y["year"].as_u64().unwrap();
                assert_eq!(
                    r[column(h, &format!("year{n}_outlook"))],
                    y["outlook"].as_str().unwrap()
                );
            }
            let num = |c: &str| r[column(h, c)].parse::<f64>().unwrap();
            assert!(
                (num("entitled_total_wan") - f["entitled_total_wan"].as_f64().unwrap()).abs()
                    < 0.005
            );
            assert!(
                (num("received_total_wan") - f["received_total_wan"].as_f64().unwrap()).abs()
                    < 0.005
            );
            if let Some(a) = exp["recovery"]["amount_wan"].as_f64() {
                assert!((num("recovery_amount_wan") - a).abs() < 0.005);
            }
            assert_eq!(r[column(h, "error")], "");
            assert_eq!(
                h.iter().filter(|c| c.ends_with("_outlook")).count(),
                policy.funding.years,
                "one outlook column per subsidy year of the policy"
            );
        }
        // Chinese headers: the milestones' titles.
        let o = tic(&[
            "--lang",
            "zh",
            "track",
            path.to_str().unwrap(),
            "--format",
            "csv",
        ]);
        let zh = csv_rows(&o.stdout);
        for r in tic_core::track::numeric_milestones(policy) {
            assert!(zh[0].contains(&r.title.zh), "{}", r.title.zh);
        }
        assert_eq!(zh[0].len(), csv[0].len());
    }
}

// ---------------------------------------------------------------------------------------------
// Portfolios in the tabular layout.

/// A cell of the sheet built from records.
#[derive(Clone, Debug)]
enum Cell {
    Empty,
    Text(String),
    Number(f64),
}

/// Records → the tabular layout: one row per centre and year; targets and spending on the
/// centre's first row. `zh`: Chinese headers and value names, else ids.
fn sheet(records: &[Value], zh: bool) -> Vec<Vec<Cell>> {
    let policy = crate::policy();
    let mut header = vec![
        if zh { "名称" } else { "name" }.to_owned(),
        if zh { "所在区县" } else { "district" }.to_owned(),
        if zh { "建设年度" } else { "year" }.to_owned(),
    ];
    for f in YearField::ALL {
        header.push(if zh {
            format!("{}（{}）", year_field(*f).label.zh, f.id())
        } else {
            f.id().to_owned()
        });
    }
    let targets: Vec<&tic_core::policy::Requirement> =
        tic_core::track::numeric_milestones(policy).collect();
    for r in &targets {
        header.push(if zh {
            format!("约定目标：{}", r.title.zh)
        } else {
            format!("target.{}", r.id)
        });
    }
    for u in &policy.spending {
        header.push(if zh {
            format!("补助支出：{}", u.name.zh)
        } else {
            format!("spending.{}", u.id)
        });
    }
    let mut rows = vec![header.into_iter().map(Cell::Text).collect::<Vec<_>>()];
    for rec in records {
        let years = rec["years"].as_array().cloned().unwrap_or_default();
        for (i, y) in years.iter().enumerate() {
            let mut row = vec![
                Cell::Text(rec["name"].as_str().unwrap().to_owned()),
                Cell::Text(rec["district"].as_str().unwrap().to_owned()),
                Cell::Number((i + 1) as f64),
            ];
            for f in YearField::ALL {
                let v = &y[f.id()];
                row.push(match (year_field(*f).kind, v) {
                    (_, Value::Null) => Cell::Empty,
                    (YearKind::LegalStatus, Value::String(s)) if zh => Cell::Text(
                        Choice::words(LegalStatus::from_id(s).unwrap())
                            .zh
                            .to_owned(),
                    ),
                    (YearKind::Evaluation, Value::String(s)) if zh => Cell::Text(
                        evaluation_name(Evaluation::from_id(s).unwrap())
                            .zh
                            .to_owned(),
                    ),
                    (_, Value::String(s)) => Cell::Text(s.clone()),
                    (_, v) => Cell::Number(v.as_f64().unwrap()),
                });
            }
            for r in &targets {
                row.push(match rec["targets"][&r.id].as_f64() {
                    Some(n) if i == 0 => Cell::Number(n),
                    _ => Cell::Empty,
                });
            }
            for u in &policy.spending {
                row.push(match rec["subsidy_spending_wan"][&u.id].as_f64() {
                    Some(n) if i == 0 => Cell::Number(n),
                    _ => Cell::Empty,
                });
            }
            rows.push(row);
        }
    }
    rows
}

fn to_csv(rows: &[Vec<Cell>]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    for r in rows {
        w.write_record(r.iter().map(|c| match c {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            // Thousands separators are accepted.
            Cell::Number(n) if *n >= 1000.0 && n.fract() == 0.0 => {
                let s = format!("{n}");
                let (a, b) = s.split_at(s.len() - 3);
                format!("{a},{b}")
            }
            Cell::Number(n) => format!("{n}"),
        }))
        .unwrap();
    }
    w.into_inner().unwrap()
}

fn to_xlsx(rows: &[Vec<Cell>], path: &std::path::Path) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (i, r) in rows.iter().enumerate() {
        for (j, c) in r.iter().enumerate() {
            match c {
                Cell::Empty => {}
                Cell::Text(s) => {
                    sheet.write_string(i as u32, j as u16, s).unwrap();
                }
                Cell::Number(n) => {
                    sheet.write_number(i as u32, j as u16, *n).unwrap();
                }
            }
        }
    }
    book.save(path).unwrap();
}

fn records() -> Vec<Value> {
    examples()
        .into_iter()
        .map(|(_, p, _)| serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap())
        .collect()
}

fn without_row(v: &Value) -> Vec<Value> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let mut e = e.clone();
            e.as_object_mut().unwrap().remove("row");
            e
        })
        .collect()
}

#[test]
fn a_portfolio_gives_the_same_reports_as_json_csv_and_xlsx() {
    let recs = records();
    let json_path = tmp("portfolio.json");
    std::fs::write(&json_path, serde_json::to_vec(&recs).unwrap()).unwrap();
    let o = tic(&["track", json_path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let from_json = json(&o);
    assert_eq!(
        from_json[1]["row"], 2,
        "a JSON element's row is its position"
    );

    let csv_path = tmp("portfolio.csv");
    std::fs::write(&csv_path, to_csv(&sheet(&recs, false))).unwrap();
    let o = tic(&["track", csv_path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let from_csv = json(&o);
    assert_eq!(without_row(&from_csv), without_row(&from_json));
    assert_eq!(from_csv[0]["row"], 2, "a centre's row is its first row");

    let xlsx_path = tmp("portfolio.xlsx");
    to_xlsx(&sheet(&recs, true), &xlsx_path);
    let o = tic(&["track", xlsx_path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(without_row(&json(&o)), without_row(&from_json));

    // Every output format reads the sheet.
    for f in ["table", "csv"] {
        let o = tic(&["track", xlsx_path.to_str().unwrap(), "--format", f]);
        assert_eq!(o.status.code(), Some(0), "{f}: {}", stderr(&o));
    }
    let o = tic(&["track", csv_path.to_str().unwrap(), "--format", "csv"]);
    assert_eq!(csv_rows(&o.stdout).len(), 1 + recs.len());
    let o = tic(&["track", csv_path.to_str().unwrap(), "--format", "table"]);
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(text.contains("By standing:"), "{text}");
    for r in &recs {
        assert!(text.contains(r["name"].as_str().unwrap()), "{text}");
    }
}

/// A small CSV sheet: centre A (years 1–2), centre B (year 1), with `edit` applied to the cells.
fn small_sheet(edit: impl Fn(&mut Vec<Vec<String>>)) -> PathBuf {
    let mut rows: Vec<Vec<String>> = [
        "name,district,year,investment_wan,staff,evaluation,target.team.staff_year5",
        "A,鄞州区,1,6000,70,合格,250",
        "A,鄞州区,2,3000,96,pass,",
        "B,北仑区,1,5000,50,fail,",
    ]
    .iter()
    .map(|l| l.split(',').map(str::to_owned).collect())
    .collect();
    edit(&mut rows);
    let text: Vec<String> = rows.iter().map(|r| r.join(",")).collect();
    static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let path = tmp(&format!("small-{n}.csv"));
    std::fs::write(&path, text.join("\n")).unwrap();
    path
}

#[test]
fn a_bad_cell_costs_its_centre_only() {
    let path = small_sheet(|r| r[2][4] = "abc".into());
    let o = tic(&["track", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let v = json(&o);
    let a = &v[0];
    assert_eq!(a["row"], 2);
    assert_eq!(a["name"], "A");
    assert_eq!(a["error"]["field"], "years[1].staff");
    assert_eq!(a["error"]["cell"], "E3");
    assert_eq!(a["error"]["column"], "staff");
    assert!(a["error"]["message"].as_str().unwrap().contains("abc"));
    assert_eq!(v[1]["name"], "B");
    assert_eq!(v[1]["schema"], "tic-progress-report/1");
    assert_eq!(v[1]["row"], 4);
    let err = stderr(&o);
    assert!(err.contains("row 2: E3 (staff) years[1].staff:"), "{err}");
    let o = tic(&["--lang", "zh", "track", path.to_str().unwrap()]);
    assert!(
        stderr(&o).contains("第2行 E3 (staff) years[1].staff"),
        "{}",
        stderr(&o)
    );
    // The core's problems are placed too: a negative count in year 1.
    let path = small_sheet(|r| r[1][4] = "-3".into());
    let o = tic(&["track", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(json(&o)[0]["error"]["cell"], "E2");
    // And in the CSV export, the error column.
    let o = tic(&["track", path.to_str().unwrap(), "--format", "csv"]);
    let rows = csv_rows(&o.stdout);
    let e = column(&rows[0], "error");
    assert!(rows[1][e].contains("E2"), "{:?}", rows[1]);
    assert_eq!(rows[2][e], "");
    // And in the table: the centre counted invalid, its problem under the heading, in both
    // languages, then the policy line.
    let o = tic(&["track", path.to_str().unwrap(), "--format", "table"]);
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(text.contains("  invalid: 1"), "{text}");
    let problems = crate::invalid_rows(&text, "Invalid centres:");
    assert!(
        problems.contains("  row 2: E2 (staff) years[0].staff:"),
        "{text}"
    );
    let o = tic(&[
        "--lang",
        "zh",
        "track",
        path.to_str().unwrap(),
        "--format",
        "table",
    ]);
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(
        text.contains("无效的中心：\n  行 2: E2 (staff) years[0].staff"),
        "{text}"
    );
    assert!(
        text.contains(&format!("政策版本: {}", crate::policy().id)),
        "{text}"
    );
}

#[test]
fn gaps_and_repeats_of_years_name_the_row() {
    let gap = small_sheet(|r| r[2][2] = "3".into());
    let o = tic(&["track", gap.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    assert_eq!(v[0]["error"]["field"], "year");
    assert_eq!(v[0]["error"]["cell"], "C3");
    assert!(
        v[0]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("year 2 is missing"),
        "{}",
        v[0]["error"]
    );
    assert_eq!(v[1]["schema"], "tic-progress-report/1");

    let repeat = small_sheet(|r| r[2][2] = "1".into());
    let o = tic(&["track", repeat.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let e = &json(&o)[0]["error"];
    assert_eq!(e["cell"], "C3");
    assert!(
        e["message"]
            .as_str()
            .unwrap()
            .contains("row 3 repeats year 1"),
        "{e}"
    );

    let beyond = small_sheet(|r| r[3][2] = "6".into());
    let e = &json(&tic(&["track", beyond.to_str().unwrap()]))[1]["error"];
    assert_eq!(e["cell"], "C4");

    // Two rows of a centre giving different targets: both cells named.
    let differ = small_sheet(|r| r[2][6] = "260".into());
    let e = &json(&tic(&["track", differ.to_str().unwrap()]))[0]["error"];
    assert_eq!(e["field"], "targets.team.staff_year5");
    assert!(e["message"].as_str().unwrap().contains("G2"), "{e}");
    assert!(e["message"].as_str().unwrap().contains("G3"), "{e}");
    // The same value twice is fine.
    let same = small_sheet(|r| r[2][6] = "250".into());
    assert_eq!(
        tic(&["track", same.to_str().unwrap()]).status.code(),
        Some(0)
    );
}

#[test]
fn an_unreadable_sheet_exits_2_with_nothing_on_stdout() {
    let unknown = small_sheet(|r| r[0][4] = "staf".into());
    let o = tic(&["track", unknown.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    assert!(
        stderr(&o).contains("unknown column headers: staf"),
        "{}",
        stderr(&o)
    );
    let no_year = small_sheet(|r| {
        for row in r.iter_mut() {
            row.remove(2);
        }
    });
    let o = tic(&["track", no_year.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("required columns missing: year"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn the_progress_template_reads_back() {
    let o = tic(&["template", "--kind", "progress"]);
    assert_eq!(o.status.code(), Some(0));
    let rows = csv_rows(&o.stdout);
    assert_eq!(rows.len(), 3, "header and two years of one centre");
    assert_eq!(rows[0][0], "名称（name）");
    assert!(rows[0].contains(&"年末技术创新队伍人数（staff）".to_owned()));
    let path = tmp("template.csv");
    std::fs::write(&path, &o.stdout).unwrap();
    let o = tic(&["track", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v = json(&o);
    assert_eq!(v.as_array().unwrap().len(), 1);
    assert_eq!(v[0]["years_reported"], 2);
    let xlsx = tmp("template.xlsx");
    let o = tic(&[
        "template",
        "--kind",
        "progress",
        "--format",
        "xlsx",
        "-o",
        xlsx.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = tic(&["track", xlsx.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(without_row(&json(&o)), without_row(&v));
    // The default kind is still the applicant template.
    let o = tic(&["template"]);
    assert!(csv_rows(&o.stdout)[0][0].starts_with("创新中心名称（name）"));
    assert!(!csv_rows(&o.stdout)[0]
        .iter()
        .any(|h| h.contains("(year)") || h.contains("（year）")));
}

#[test]
fn a_json_portfolio_with_a_bad_record() {
    let mut recs = records();
    recs[1]["years"][0]["staff"] = Value::from("many");
    let path = tmp("bad-portfolio.json");
    std::fs::write(&path, serde_json::to_vec(&recs).unwrap()).unwrap();
    let o = tic(&["track", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let v = json(&o);
    assert_eq!(v[1]["row"], 2);
    assert_eq!(v[1]["error"]["field"], "years[0].staff");
    assert!(v[1]["name"].is_string());
    assert_eq!(v[0]["schema"], "tic-progress-report/1");
    assert!(
        stderr(&o).contains("record 2: years[0].staff"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn the_csv_and_xlsx_columns_follow_the_policys_subsidy_years() {
    let toml = include_str!("../../core/policy/ningbo-tic-2023-draft.toml");
    let from = "[parameters.subsidy_years]\nvalue = 3";
    assert!(toml.contains(from));
    let policy = tmp("four-subsidy-years.toml");
    std::fs::write(
        &policy,
        toml.replace(from, "[parameters.subsidy_years]\nvalue = 4"),
    )
    .unwrap();
    let (_, record, _) = examples().remove(0);
    let o = tic(&[
        "--policy",
        policy.to_str().unwrap(),
        "track",
        record.to_str().unwrap(),
        "--format",
        "csv",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let rows = csv_rows(&o.stdout);
    let outlooks: Vec<&String> = rows[0].iter().filter(|h| h.ends_with("_outlook")).collect();
    assert_eq!(
        outlooks,
        [
            "year1_outlook",
            "year2_outlook",
            "year3_outlook",
            "year4_outlook"
        ]
    );
    assert_eq!(rows[1].len(), rows[0].len());
    let out = tmp("four-subsidy-years.xlsx");
    let o = tic(&[
        "--policy",
        policy.to_str().unwrap(),
        "track",
        record.to_str().unwrap(),
        "--format",
        "xlsx",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(xlsx_rows(&out)[0].contains(&"year4_entitled_wan".to_owned()));
}
