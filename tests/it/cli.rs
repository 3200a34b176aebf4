//! The `tic` binary as a process: exit codes, stdout and stderr, formats, the template.

use crate::{cases_dir, strong};
use serde_json::Value;
use std::io::Write;
use std::process::{Command, Output, Stdio};

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

fn tic_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(TIC)
        .args(args)
        .env("LANG", "C")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn case(path: &str) -> String {
    cases_dir().join(path).to_string_lossy().into_owned()
}

fn tmp(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("tic-it-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn assess_prints_the_full_assessment() {
    let o = tic(&["assess", &case("valid/strong.applicant.json")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["schema"], "tic-assessment/1");
    assert_eq!(v["verdict"], "eligible");
    assert_eq!(v["requirements"].as_array().unwrap().len(), 21);
    assert!(
        v["requirements"][0]["explanation"]["zh"].is_string(),
        "full detail"
    );
    assert!(o.stderr.is_empty());
}

#[test]
fn assess_reads_stdin() {
    let input = std::fs::read(case("valid/strong.applicant.json")).unwrap();
    let o = tic_stdin(&["assess", "-"], &input);
    assert_eq!(o.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["funding"]["total_wan"], 1000.0);
}

#[test]
fn invalid_assess_exits_2_with_nothing_on_stdout() {
    let o = tic(&["assess", &case("invalid/x10-many-problems.applicant.json")]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    let err = stderr(&o);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 4, "{err}");
    assert!(lines.contains(&"investment_wan[0]: must be ≥ 0"), "{err}");
    assert!(lines
        .iter()
        .any(|l| l.starts_with("recommended_by: unknown value \"mayor\"")));
    assert!(!err.contains("panicked"));
}

#[test]
fn language_from_flag_and_from_the_environment() {
    let f = case("invalid/x01-negative.applicant.json");
    let o = tic(&["assess", &f, "--lang", "zh"]);
    assert_eq!(stderr(&o).trim(), "investment_wan[1]: 必须 ≥ 0");
    let o = Command::new(TIC)
        .args(["assess", &f])
        .env("LANG", "zh_CN.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .unwrap();
    assert_eq!(stderr(&o).trim(), "investment_wan[1]: 必须 ≥ 0");
    let o = tic(&["--lang", "en", "assess", &f]);
    assert_eq!(stderr(&o).trim(), "investment_wan[1]: must be ≥ 0");
}

#[test]
fn unreadable_files_and_bad_arguments_exit_2() {
    let o = tic(&["assess", "/nonexistent/a.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    assert!(stderr(&o).contains("/nonexistent/a.json"));
    let o = tic(&["screen", "/nonexistent/a.csv"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    let o = tic(&["frobnicate"]);
    assert_eq!(o.status.code(), Some(2));
    let o = tic(&[
        "assess",
        &case("valid/strong.applicant.json"),
        "--policy",
        "nope",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    assert!(
        stderr(&o).contains("ningbo-tic-2023-draft"),
        "lists the policies"
    );
    let o = tic(&[
        "assess",
        &case("valid/strong.applicant.json"),
        "--policy",
        "ningbo-tic-2023-draft",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let o = tic(&["--help"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).contains("screen"));
}

#[test]
fn assess_table_shows_verdict_requirements_and_funding() {
    let o = tic(&[
        "assess",
        &case("valid/strong.applicant.json"),
        "--format",
        "table",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let t = String::from_utf8(o.stdout).unwrap();
    let verdict = format!(
        "Verdict: {}",
        tic_core::explain::verdict_name(tic_core::vocab::Verdict::Eligible).en
    );
    for want in [
        verdict.as_str(),
        "Before applying",
        "Within 2 years of approval",
        "invest.year2",
        "二（五）",
        "first-year cap",
        "total cap",
        "1,000 万元",
    ] {
        assert!(t.contains(want), "missing {want:?} in\n{t}");
    }
    let o = tic(&[
        "assess",
        &case("valid/g-invest-y2-9999.99.applicant.json"),
        "--format",
        "table",
        "--lang",
        "zh",
    ]);
    let t = String::from_utf8(o.stdout).unwrap();
    assert!(
        t.contains(&format!(
            "结论：{}",
            tic_core::explain::verdict_name(tic_core::vocab::Verdict::EligibleWithGaps).zh
        )),
        "{t}"
    );
    assert!(t.contains("0.01万元"), "shortfall shown: {t}");
}

fn batch_with_invalid_at(index: usize) -> (Vec<Value>, std::path::PathBuf) {
    let mut arr = Vec::new();
    for name in [
        "strong",
        "separate-accounting",
        "out-of-scope",
        "g-fund-1666.67",
        "g-verdict-incomplete",
        "g-fund-both-absent",
    ] {
        let t = std::fs::read_to_string(case(&format!("valid/{name}.applicant.json"))).unwrap();
        arr.push(serde_json::from_str::<Value>(&t).unwrap());
    }
    let bad = std::fs::read_to_string(case("invalid/x10-many-problems.applicant.json")).unwrap();
    arr.insert(index, serde_json::from_str(&bad).unwrap());
    let path = tmp(&format!("batch-{index}.json"));
    std::fs::write(&path, serde_json::to_vec(&arr).unwrap()).unwrap();
    (arr, path)
}

#[test]
fn screen_json_keeps_order_and_reports_row_errors() {
    let (arr, path) = batch_with_invalid_at(2);
    let o = tic(&["screen", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let res: Vec<Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(res.len(), arr.len());
    for (i, r) in res.iter().enumerate() {
        assert_eq!(r["row"], i + 1);
        if i == 2 {
            let e = &r["error"];
            assert_eq!(e["row"], 3);
            let problems = e["problems"].as_array().unwrap();
            assert_eq!(problems.len(), 4);
            assert_eq!(e["field"], problems[0]["field"]);
            assert_eq!(e["message"], problems[0]["message"]);
            assert!(problems
                .iter()
                .any(|p| p["field"] == "investment_wan[0]" && p["message"] == "must be ≥ 0"));
            assert!(r.get("verdict").is_none());
        } else {
            assert!(r.get("error").is_none());
            assert_eq!(r["name"], arr[i]["name"]);
            assert!(r["verdict"].is_string());
            assert!(
                r["requirements"][0].get("explanation").is_none(),
                "summary by default"
            );
        }
    }
    assert!(stderr(&o).contains("row 3"), "{}", stderr(&o));
    // The table lists the invalid row's four problems under their heading, then the policy.
    let o = tic(&["screen", path.to_str().unwrap(), "--format", "table"]);
    let text = String::from_utf8(o.stdout).unwrap();
    let problems = crate::invalid_rows(&text, "Invalid rows:\n");
    assert_eq!(problems.matches("  row 3: ").count(), 4, "{text}");
    assert!(
        problems.contains("investment_wan[0]: must be ≥ 0"),
        "{text}"
    );
    let o = tic(&[
        "screen",
        path.to_str().unwrap(),
        "--format",
        "table",
        "--lang",
        "zh",
    ]);
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(text.contains("无效的行：\n  行 3: "), "{text}");
    let o = tic(&["screen", path.to_str().unwrap(), "--explain"]);
    let res: Vec<Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert!(res[0]["requirements"][0]["explanation"]["en"].is_string());
    // all valid: exit 0
    let ok = tmp("ok.json");
    std::fs::write(&ok, serde_json::to_vec(&vec![strong(), strong()]).unwrap()).unwrap();
    assert_eq!(
        tic(&["screen", ok.to_str().unwrap()]).status.code(),
        Some(0)
    );
}

#[test]
fn screen_brief_gives_the_page_modules_result_per_row() {
    // Its own invalid position: tests run in parallel, each writes its batch file.
    let (arr, path) = batch_with_invalid_at(4);
    let o = tic(&["screen", path.to_str().unwrap(), "--brief"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let res: Vec<Value> = serde_json::from_slice(&o.stdout).unwrap();
    // What the page's module gives for the same array (`assess_many`).
    let module = tic_core::report::brief_many(
        crate::policy(),
        &serde_json::to_string(&arr).unwrap(),
        tic_core::Lang::En,
    )
    .unwrap();
    let module: Vec<Value> = serde_json::from_str(&module).unwrap();
    assert_eq!(res.len(), arr.len());
    for (i, (r, m)) in res.iter().zip(&module).enumerate() {
        let mut r = r.clone();
        assert_eq!(
            r.as_object_mut().unwrap().remove("row"),
            Some((i + 1).into())
        );
        if i == 4 {
            assert_eq!(r["error"]["row"], 5);
            assert!(m["error"].is_array());
        } else {
            assert_eq!(&r, m, "row {}", i + 1);
            assert!(r["verdict"].is_string() && r["funding"]["total_wan"].is_number());
        }
    }
    for extra in [
        &["--format", "csv"][..],
        &["--explain"],
        &["--compare", "ningbo-tic-2023-draft"],
    ] {
        let mut args = vec!["screen", path.to_str().unwrap(), "--brief"];
        args.extend_from_slice(extra);
        let o = tic(&args);
        assert_eq!(o.status.code(), Some(2), "{extra:?}");
        assert!(
            o.stdout.is_empty() && stderr(&o).contains("--brief"),
            "{}",
            stderr(&o)
        );
    }
}

#[test]
fn screen_rejects_unreadable_content_with_exit_2() {
    for (name, bytes) in [
        ("garbage.xlsx", b"PK\x03\x04 this is not a zip".to_vec()),
        ("obj.json", b"{\"schema\":\"tic-applicant/1\"}".to_vec()),
        ("bad.json", b"[{".to_vec()),
        ("headers.csv", "foo,bar\n1,2\n".as_bytes().to_vec()),
    ] {
        let p = tmp(name);
        std::fs::write(&p, bytes).unwrap();
        let o = tic(&["screen", p.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2), "{name}: {}", stderr(&o));
        assert!(o.stdout.is_empty(), "{name}");
        assert!(
            !stderr(&o).is_empty() && !stderr(&o).contains("panicked"),
            "{name}"
        );
    }
}

#[test]
fn screen_csv_output_has_the_documented_columns() {
    let (_, path) = batch_with_invalid_at(0);
    let o = tic(&["screen", path.to_str().unwrap(), "--format", "csv"]);
    assert_eq!(o.status.code(), Some(1));
    let text = String::from_utf8(o.stdout).unwrap();
    let text = text.strip_prefix('\u{feff}').expect("BOM for Excel");
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(header, tic_tabular::RESULT_COLUMNS);
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    assert_eq!(rows.len(), 7);
    assert!(rows[0][21].contains("investment_wan[0]"), "error column");
    assert_eq!(&rows[0][3], "");
    assert_eq!(&rows[1][3], "eligible");
    assert_eq!(&rows[1][4], "1000");
    assert_eq!(&rows[1][6], "first_year_cap");
}

#[test]
fn screen_xlsx_input_and_output() {
    let (header, example) = tic_tabular::write::template_rows(tic_core::policy::current());
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (j, h) in header.iter().enumerate() {
        sheet.write_string(0, j as u16, h).unwrap();
        sheet.write_string(1, j as u16, &example[j]).unwrap();
        sheet.write_string(2, j as u16, &example[j]).unwrap();
    }
    let year2 = header
        .iter()
        .position(|h| {
            h.contains("(investment_wan.year2)") || h.contains("（investment_wan.year2）")
        })
        .expect("a column for investment year 2");
    sheet.write_number(2, year2 as u16, -5.0).unwrap(); // investment year 2 of row 3
    let input = tmp("in.xlsx");
    book.save(&input).unwrap();
    let o = tic(&["screen", input.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let res: Vec<Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(res[0]["row"], 2);
    assert_eq!(res[0]["verdict"], "eligible");
    let column = char::from(b'A' + year2 as u8); // fewer than 26 columns before it
    assert_eq!(res[1]["error"]["cell"], format!("{column}3"));
    assert_eq!(res[1]["error"]["field"], "investment_wan[1]");
    let out = tmp("out.xlsx");
    let o = tic(&[
        "screen",
        input.to_str().unwrap(),
        "--format",
        "xlsx",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    use calamine::{Data, Reader};
    let mut wb: calamine::Xlsx<_> = calamine::open_workbook(&out).unwrap();
    let range = wb.worksheet_range_at(0).unwrap().unwrap();
    assert_eq!(
        range.get((1, 4)),
        Some(&Data::Float(1000.0)),
        "numbers stay numbers"
    );
}

#[test]
fn template_round_trips_through_screen() {
    let o = tic(&["template"]);
    assert_eq!(o.status.code(), Some(0));
    let csv_path = tmp("template.csv");
    std::fs::write(&csv_path, &o.stdout).unwrap();
    let o = tic(&["screen", csv_path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let res: Vec<Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(res.len(), 1);
    // the example row is the contract's strong applicant
    let direct = tic(&["assess", &case("valid/strong.applicant.json")]);
    let direct: Value = serde_json::from_slice(&direct.stdout).unwrap();
    assert_eq!(res[0]["verdict"], direct["verdict"]);
    assert_eq!(
        res[0]["funding"]["total_wan"],
        direct["funding"]["total_wan"]
    );
    for (a, b) in res[0]["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .zip(direct["requirements"].as_array().unwrap())
    {
        assert_eq!(a["status"], b["status"]);
    }
    let xlsx = tmp("template.xlsx");
    let o = tic(&["template", "--format", "xlsx", "-o", xlsx.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = tic(&["screen", xlsx.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let res2: Vec<Value> = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(res2[0]["verdict"], res[0]["verdict"]);
    assert_eq!(res2[0]["requirements"], res[0]["requirements"]);
}

#[test]
fn a_closed_pipe_is_not_a_crash() {
    let arr: Vec<Value> = (0..3000).map(|_| strong()).collect();
    let p = tmp("big.json");
    std::fs::write(&p, serde_json::to_vec(&arr).unwrap()).unwrap();
    let mut child = Command::new(TIC)
        .args(["screen", p.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    let err = stderr(&o);
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.is_empty(), "{err}");
}

#[test]
fn the_readings_a_result_rests_on_are_said_in_json_and_in_the_table() {
    let p = crate::policy();
    let valid = crate::cases_dir().join("valid");
    let file = crate::files(&valid, ".applicant.json")
        .into_iter()
        .next()
        .unwrap();
    let o = tic(&["assess", file.to_str().unwrap()]);
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let table = tic(&[
        "assess",
        "--format",
        "table",
        "--lang",
        "zh",
        file.to_str().unwrap(),
    ]);
    let table = String::from_utf8(table.stdout).unwrap();
    let mut said = 0;
    for q in v["requirements"].as_array().unwrap() {
        let id = q["id"].as_str().unwrap();
        let want: Vec<&str> = p.readings_for(id).map(|r| r.id.as_str()).collect();
        let got: Vec<&str> = q["readings"]
            .as_array()
            .map(|l| l.iter().map(|r| r["id"].as_str().unwrap()).collect())
            .unwrap_or_default();
        assert_eq!(got, want, "{id}");
        for r in p.readings_for(id) {
            assert!(
                table.contains(&r.text.zh),
                "table lacks the reading {}",
                r.id
            );
            said += 1;
        }
    }
    // 「多个基地」 and 「原则上」 at least.
    assert!(said >= 2);
}
