//! The same applicants as a JSON array, a CSV file and an XLSX file give the same results.

use crate::{cases_dir, files, policy};
use serde_json::Value;
use tic_core::{Detail, Lang};
use tic_tabular::columns::{columns, Kind};

/// The cell text of a contract value for a column, written independently of the reader: ids
/// as they are, lists joined by `;`, booleans as true/false.
fn cell(applicant: &Value, path: &str) -> String {
    let (list, idx) = match path.split_once('[') {
        Some((l, i)) => (l, i.trim_end_matches(']').parse::<usize>().ok()),
        None => (path, None),
    };
    let mut v = applicant;
    for part in list.split('.') {
        v = match v.get(part) {
            Some(x) => x,
            None => return String::new(),
        };
    }
    if let Some(i) = idx {
        v = match v.get(i) {
            Some(x) => x,
            None => return String::new(),
        };
    }
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) if items.is_empty() => "none".into(),
        Value::Array(items) => items
            .iter()
            .map(|x| x.as_str().unwrap_or("").to_owned())
            .collect::<Vec<_>>()
            .join(";"),
        other => other.to_string(),
    }
}

/// Valid cases whose applicants fit the tabular layout (no capacity list given as `[]`, whose
/// meaning an empty cell cannot carry; no investment list given as `[]`).
fn applicants() -> Vec<Value> {
    files(&cases_dir().join("valid"), ".applicant.json")
        .into_iter()
        .map(|p| serde_json::from_slice::<Value>(&std::fs::read(p).unwrap()).unwrap())
        // a row with no answer at all is a blank row in a table, and blank rows are skipped
        .filter(|a| a.as_object().is_some_and(|m| m.len() > 1))
        .filter(|a| {
            a.get("capacity_investment_wan")
                .and_then(Value::as_array)
                .is_none_or(|l| !l.is_empty())
                && a.get("investment_wan")
                    .and_then(Value::as_array)
                    .is_none_or(|l| !l.is_empty())
        })
        .collect()
}

/// The cell text as the page shows the value: the page's words for vocabulary values (in
/// `lang`), 是/否 or yes/no for booleans; other cells as [`cell`].
fn cell_as_shown(applicant: &Value, c: &tic_tabular::columns::Column, lang: Lang) -> String {
    let text = cell(applicant, c.path);
    let word = |v, id: &str| {
        let (zh, en) = tic_core::fields::words(policy(), v, id).unwrap_or((id, id));
        if lang == Lang::Zh { zh } else { en }.to_owned()
    };
    match c.kind {
        Kind::Choice(v) if !text.is_empty() => word(v, &text),
        Kind::List(v) if !text.is_empty() && text != "none" => text
            .split(';')
            .map(|id| word(v, id))
            .collect::<Vec<_>>()
            .join(if lang == Lang::Zh { "、" } else { ";" }),
        Kind::Bool => match (text.as_str(), lang) {
            ("true", Lang::Zh) => "是".into(),
            ("false", Lang::Zh) => "否".into(),
            ("true", Lang::En) => "yes".into(),
            ("false", Lang::En) => "no".into(),
            _ => text,
        },
        _ => text,
    }
}

/// The applicants as CSV written with the page's words (what an official who copies the page's
/// answers into a sheet writes), under the Chinese or English headers.
fn as_csv_shown(apps: &[Value], lang: Lang) -> Vec<u8> {
    let cols = columns(policy());
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(
        cols.iter()
            .map(|c| if lang == Lang::Zh { c.zh } else { c.key }),
    )
    .unwrap();
    for a in apps {
        w.write_record(cols.iter().map(|c| cell_as_shown(a, c, lang)))
            .unwrap();
    }
    w.into_inner().unwrap()
}

/// The same as an XLSX sheet (words as text cells, numbers as number cells).
fn as_xlsx_shown(apps: &[Value]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (j, c) in columns(policy()).iter().enumerate() {
        sheet.write_string(0, j as u16, c.zh).unwrap();
        for (i, a) in apps.iter().enumerate() {
            let text = cell_as_shown(a, c, Lang::Zh);
            let r = (i + 1) as u32;
            match (c.kind, text.parse::<f64>()) {
                (_, _) if text.is_empty() => continue,
                (Kind::Count | Kind::Money, Ok(n)) => {
                    sheet.write_number(r, j as u16, n).map(|_| ())
                }
                _ => sheet.write_string(r, j as u16, &text).map(|_| ()),
            }
            .unwrap();
        }
    }
    book.save_to_buffer().unwrap()
}

fn as_csv(apps: &[Value], zh_headers: bool) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(columns(tic_core::policy::current()).iter().map(|c| {
        if zh_headers {
            c.zh
        } else {
            c.key
        }
    }))
    .unwrap();
    for a in apps {
        w.write_record(
            columns(tic_core::policy::current())
                .iter()
                .map(|c| cell(a, c.path)),
        )
        .unwrap();
    }
    w.into_inner().unwrap()
}

fn as_xlsx(apps: &[Value]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (j, c) in columns(tic_core::policy::current()).iter().enumerate() {
        sheet
            .write_string(0, j as u16, c.template_header())
            .unwrap();
        for (i, a) in apps.iter().enumerate() {
            let text = cell(a, c.path);
            if text.is_empty() {
                continue;
            }
            let r = (i + 1) as u32;
            match (c.kind, text.parse::<f64>()) {
                (Kind::Count | Kind::Money, Ok(n)) => {
                    sheet.write_number(r, j as u16, n).map(|_| ())
                }
                (Kind::Bool, _) => sheet.write_boolean(r, j as u16, text == "true").map(|_| ()),
                _ => sheet.write_string(r, j as u16, &text).map(|_| ()),
            }
            .unwrap();
        }
    }
    book.save_to_buffer().unwrap()
}

fn essentials(results: &[Value]) -> Vec<Value> {
    results
        .iter()
        .map(|r| {
            serde_json::json!({
                "verdict": r["verdict"],
                "statuses": r["requirements"].as_array().map(|q| q.iter().map(|x| x["status"].clone()).collect::<Vec<_>>()),
                "funding": r["funding"],
                "name": r["name"],
            })
        })
        .collect()
}

fn screen(bytes: &[u8], name: &str) -> (u8, Vec<Value>) {
    let out = tic_cli::screen(
        policy(),
        bytes,
        Some(name),
        tic_cli::ScreenFormat::Json,
        Detail::Summary,
        Lang::En,
    );
    let v: Vec<Value> = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{name}: {e}: {:?}", out.stderr));
    (out.code, v)
}

#[test]
fn json_csv_and_xlsx_agree() {
    let apps = applicants();
    assert!(apps.len() > 80);
    let (c1, json) = screen(&serde_json::to_vec(&apps).unwrap(), "a.json");
    let (c2, csv_en) = screen(&as_csv(&apps, false), "a.csv");
    let (c3, csv_zh) = screen(&as_csv(&apps, true), "a.csv");
    let (c4, xlsx) = screen(&as_xlsx(&apps), "a.xlsx");
    let (c5, shown_zh) = screen(&as_csv_shown(&apps, Lang::Zh), "a.csv");
    let (c6, shown_en) = screen(&as_csv_shown(&apps, Lang::En), "a.csv");
    let (c7, shown_xlsx) = screen(&as_xlsx_shown(&apps), "a.xlsx");
    assert_eq!((c1, c2, c3, c4, c5, c6, c7), (0, 0, 0, 0, 0, 0, 0));
    let want = essentials(&json);
    for (what, got) in [
        ("csv", essentials(&csv_en)),
        ("csv zh", essentials(&csv_zh)),
        ("xlsx", essentials(&xlsx)),
        ("csv with the page's Chinese words", essentials(&shown_zh)),
        ("csv with the page's English words", essentials(&shown_en)),
        (
            "xlsx with the page's Chinese words",
            essentials(&shown_xlsx),
        ),
    ] {
        assert_eq!(got.len(), want.len(), "{what}");
        for (i, (g, w)) in got.iter().zip(&want).enumerate() {
            assert!(g == w, "{what} row {i} ({}): {g}\n!= {w}", apps[i]);
        }
    }
    // rows: position in the array; spreadsheet row (header = 1) in the tables
    assert_eq!(json[0]["row"], 1);
    assert_eq!(csv_en[0]["row"], 2);
    assert_eq!(xlsx[apps.len() - 1]["row"], apps.len() + 1);
}

#[test]
fn csv_and_xlsx_exports_have_the_same_cells() {
    let apps = applicants();
    let batch = tic_tabular::read(policy(), &serde_json::to_vec(&apps).unwrap(), None).unwrap();
    let rows = tic_tabular::screen_rows(policy(), &batch);
    let csv_bytes = tic_tabular::results_csv(policy(), &rows, Lang::Zh).unwrap();
    let xlsx_bytes = tic_tabular::results_xlsx(policy(), &rows, Lang::Zh).unwrap();
    let text = String::from_utf8(csv_bytes).unwrap();
    let mut r = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let csv_rows: Vec<Vec<String>> =
        std::iter::once(r.headers().unwrap().iter().map(str::to_owned).collect())
            .chain(
                r.records()
                    .map(|x| x.unwrap().iter().map(str::to_owned).collect()),
            )
            .collect();
    use calamine::{Data, Reader};
    let mut wb = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(xlsx_bytes)).unwrap();
    let range = wb.worksheet_range_at(0).unwrap().unwrap();
    let xlsx_rows: Vec<Vec<String>> = range
        .rows()
        .map(|r| {
            r.iter()
                .map(|d| match d {
                    Data::Empty => String::new(),
                    Data::Float(f) => f.to_string(),
                    Data::String(s) => s.clone(),
                    other => format!("{other:?}"),
                })
                .collect()
        })
        .collect();
    assert_eq!(csv_rows.len(), apps.len() + 1);
    assert_eq!(csv_rows[0][3], "结论");
    for (a, b) in csv_rows.iter().zip(&xlsx_rows) {
        // calamine trims trailing empty cells
        let a: Vec<&String> = a.iter().collect();
        assert_eq!(&a[..b.len()], &b.iter().collect::<Vec<_>>()[..]);
        assert!(a[b.len()..].iter().all(|s| s.is_empty()));
    }
}

#[test]
fn the_sample_files_agree_and_show_every_kind_of_row() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../www/samples");
    let csv_bytes = std::fs::read(root.join("applicants.csv")).unwrap();
    let xlsx_bytes = std::fs::read(root.join("applicants.xlsx")).unwrap();
    let (c1, from_csv) = screen(&csv_bytes, "applicants.csv");
    let (c2, from_xlsx) = screen(&xlsx_bytes, "applicants.xlsx");
    assert_eq!((c1, c2), (1, 1), "some rows are invalid on purpose");
    assert_eq!(
        from_csv, from_xlsx,
        "regenerate: cargo run -p tic-cli --example sample_xlsx"
    );
    assert!(from_csv.len() >= 25);
    let count = |v: &str| from_csv.iter().filter(|r| r["verdict"] == v).count();
    for v in [
        "eligible",
        "eligible_with_gaps",
        "not_eligible",
        "incomplete",
    ] {
        assert!(count(v) > 0, "no {v} row");
    }
    let errors: Vec<&Value> = from_csv
        .iter()
        .filter(|r| r.get("error").is_some())
        .collect();
    assert!(errors.len() >= 3);
    assert!(errors
        .iter()
        .all(|e| e["error"]["cell"].is_string() && e["error"]["column"].is_string()));
}
