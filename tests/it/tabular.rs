//! The column layout: header and value names in both languages, encodings, row errors mapped
//! to columns and cells, the exports and formula injection.

use crate::policy;
use serde_json::Value;
use tic_core::{Detail, Lang};
use tic_tabular::{check, read, screen_json, screen_rows, InputFormat};

fn rows_of(bytes: &[u8]) -> Vec<Value> {
    let batch = read(policy(), bytes, Some("x.csv")).unwrap();
    let s = screen_json(policy(), &batch, Detail::Summary, Lang::En);
    serde_json::from_str(&s.json).unwrap()
}

fn status(r: &Value, id: &str) -> String {
    r["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["id"] == id)
        .map(|q| q["status"].as_str().unwrap().to_owned())
        .unwrap()
}

#[test]
fn chinese_names_and_identifiers_are_the_same() {
    let zh =
        "名称,科创高地,标志性产业链,依托单位类型,是否领军企业,推荐方式,法人状态,碳达峰碳中和技术\n\
              甲,新材料、工业互联网,机器人；数控机床,企业,是,区县推荐,单独核算,否\n";
    let en = "name,fields.highlands,fields.chains,lead_unit.kind,lead_unit.leading_enterprise,recommended_by,organization.legal_status,fields.carbon_neutral\n\
              甲,new_materials;industrial_internet,robotics;cnc_machine_tools,enterprise,true,district,separate_accounting,false\n";
    let a = tic_tabular::read(policy(), zh.as_bytes(), None).unwrap();
    let b = tic_tabular::read(policy(), en.as_bytes(), None).unwrap();
    assert_eq!(a.rows[0].value, b.rows[0].value);
    let app = check(policy(), &a, &a.rows[0]).unwrap();
    assert_eq!(
        app.fields.highlands,
        Some(vec!["new_materials".into(), "industrial_internet".into()])
    );
    assert_eq!(app.lead_unit.leading_enterprise, Some(true));
}

#[test]
fn empty_cell_is_unknown_and_none_word_is_an_empty_list() {
    let r = rows_of("name,fields.highlands,fields.chains,fields.clusters,fields.carbon_neutral\n空,,,,\n无,无,无,无,否\n".as_bytes());
    assert_eq!(status(&r[0], "scope.field"), "unknown");
    assert_eq!(r[0]["verdict"], "incomplete");
    assert_eq!(status(&r[1], "scope.field"), "gap");
    assert_eq!(r[1]["verdict"], "not_eligible");
}

#[test]
fn partial_investment_years_are_unknown_not_zero() {
    let r = rows_of("investment_wan.year1,investment_wan.year2,investment_wan.year3\n6000,,\n6000,3999.99,\n6000,4000,\n".as_bytes());
    assert_eq!(status(&r[0], "invest.year2"), "unknown");
    assert_eq!(status(&r[1], "invest.year2"), "gap");
    assert_eq!(status(&r[2], "invest.year2"), "met");
    assert_eq!(status(&r[2], "invest.year5"), "unknown");
}

#[test]
fn every_problem_of_a_row_names_field_column_and_cell() {
    let csv = "名称,第1年总投入（万元）,第2年总投入（万元）,第2年创新队伍人数,科创高地,理事会（董事会）,第1年创新能力建设投入（万元）,第2年创新能力建设投入（万元）\n\
               好,1,2,3,新材料,是,,\n\
               坏,abc,-5,10.5,稀土,也许,,7\n";
    let batch = read(policy(), csv.as_bytes(), None).unwrap();
    assert_eq!(batch.format, InputFormat::Csv);
    assert!(check(policy(), &batch, &batch.rows[0]).is_ok());
    let e = check(policy(), &batch, &batch.rows[1]).unwrap_err();
    assert_eq!(e.row, 3);
    let got: Vec<(String, Option<String>, Option<String>)> = e
        .problems
        .iter()
        .map(|p| (p.field.clone(), p.column.clone(), p.cell.clone()))
        .collect();
    let want = [
        ("investment_wan[0]", "第1年总投入（万元）", "B3"),
        ("investment_wan[1]", "第2年总投入（万元）", "C3"),
        ("team.staff_year2", "第2年创新队伍人数", "D3"),
        ("fields.highlands", "科创高地", "E3"),
        ("organization.board", "理事会（董事会）", "F3"),
        (
            "capacity_investment_wan[0]",
            "第1年创新能力建设投入（万元）",
            "G3",
        ),
    ];
    for (f, c, cell) in want {
        assert!(
            got.contains(&(f.to_owned(), Some(c.to_owned()), Some(cell.to_owned()))),
            "{f} {c} {cell} not in {got:?}"
        );
    }
    assert_eq!(e.problems.len(), 6, "{:?}", e.problems);
    let line = e
        .problems
        .iter()
        .find(|p| p.field == "investment_wan[1]")
        .unwrap()
        .line(Lang::En);
    assert_eq!(
        line,
        "C3 (第2年总投入（万元）) investment_wan[1]: must be ≥ 0"
    );
    let json = serde_json::to_value(e.out(Lang::Zh)).unwrap();
    assert_eq!(json["row"], 3);
    assert_eq!(json["problems"].as_array().unwrap().len(), 6);
}

#[test]
fn header_problems_make_the_file_unreadable() {
    for text in ["name,名称\nx,y\n", "a,b\n1,2\n"] {
        assert!(read(policy(), text.as_bytes(), None).is_err(), "{text}");
    }
    // an unknown header is not read, and listed with the known one it is close to
    let b = read(policy(), "name,nmae\nx,y\n".as_bytes(), None).unwrap();
    assert_eq!(b.info.ignored_columns[0].header, "nmae");
    assert_eq!(
        b.info.ignored_columns[0].suggestion.as_deref(),
        Some("创新中心名称")
    );
    // notes columns are ignored; blank rows are skipped; row numbers stay the sheet's
    let b = read(
        policy(),
        "name,备注,#x\na,b,c\n,,\nd,e,f\n".as_bytes(),
        None,
    )
    .unwrap();
    assert_eq!(b.rows.iter().map(|r| r.row).collect::<Vec<_>>(), vec![2, 4]);
}

#[test]
fn encodings() {
    let text = "名称,所在区县,科创高地\n宁波甲,鄞州区,新材料\n";
    let (gbk, _, _) = encoding_rs::GBK.encode(text);
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(text.as_bytes());
    let mut utf16 = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    for bytes in [text.as_bytes().to_vec(), gbk.into_owned(), bom, utf16] {
        let b = read(policy(), &bytes, Some("a.csv")).unwrap();
        assert_eq!(b.rows[0].value["name"], "宁波甲");
        assert_eq!(b.rows[0].value["fields"]["highlands"][0], "new_materials");
    }
    let tab = read(policy(), "name\tdistrict\nA\tB\n".as_bytes(), None).unwrap();
    assert_eq!(tab.rows[0].value["district"], "B");
    let err = read(policy(), &[0x81, 0x20, 0xFF, 0xFE, 0x00], Some("a.csv")).unwrap_err();
    assert!(err.message.en.contains("UTF-8"), "{err}");
}

#[test]
fn exports_neutralise_formulas_and_keep_numbers() {
    // JSON input keeps leading tabs / CRs (CSV cells are trimmed)
    let input = serde_json::json!([
        {"schema": "tic-applicant/1", "name": "=HYPERLINK(\"http://x\")", "district": "+1", "investment_wan": [5000]},
        {"schema": "tic-applicant/1", "name": "@SUM(A1)", "district": "-x", "investment_wan": [1]},
        {"schema": "tic-applicant/1", "name": "\tTAB", "district": "\rCR", "investment_wan": [2]},
    ]);
    let batch = read(policy(), input.to_string().as_bytes(), None).unwrap();
    let rows = screen_rows(policy(), &batch);
    let out =
        String::from_utf8(tic_tabular::results_csv(policy(), &rows, Lang::En).unwrap()).unwrap();
    let mut r = csv::Reader::from_reader(out.trim_start_matches('\u{feff}').as_bytes());
    let recs: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    assert_eq!(&recs[0][1], "'=HYPERLINK(\"http://x\")");
    assert_eq!(&recs[0][2], "'+1");
    assert_eq!(&recs[1][1], "'@SUM(A1)");
    assert_eq!(&recs[1][2], "'-x");
    assert_eq!(&recs[2][1], "'\tTAB");
    assert_eq!(&recs[2][2], "'\rCR");
    for rec in &recs {
        for c in rec.iter() {
            assert!(!c.starts_with(['=', '+', '-', '@', '\t', '\r']), "{c:?}");
        }
    }
    let xlsx = tic_tabular::results_xlsx(policy(), &rows, Lang::En).unwrap();
    use calamine::{Data, Reader};
    let mut wb = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(xlsx)).unwrap();
    let range = wb.worksheet_range_at(0).unwrap().unwrap();
    assert_eq!(
        range.get((1, 1)),
        Some(&Data::String("'=HYPERLINK(\"http://x\")".into()))
    );
    assert_eq!(range.get((2, 1)), Some(&Data::String("'@SUM(A1)".into())));
    assert_eq!(
        range.get((1, 0)),
        Some(&Data::Float(1.0)),
        "row is a number"
    );
    assert_eq!(
        range.get((1, 5)),
        Some(&Data::Float(500.0)),
        "year 1 amount is a number"
    );
    // the exported sheet is re-readable and the counts agree with the summaries
    let header: Vec<String> = range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|d| d.to_string())
        .collect();
    assert_eq!(header, tic_tabular::RESULT_COLUMNS);
}

#[test]
fn template_csv_reads_back_as_one_valid_row() {
    let t = tic_tabular::template_csv(tic_core::policy::current()).unwrap();
    assert!(t.starts_with(b"\xEF\xBB\xBF"));
    let b = read(policy(), &t, Some("template.csv")).unwrap();
    assert_eq!(b.rows.len(), 1);
    let app = check(policy(), &b, &b.rows[0]).unwrap();
    assert_eq!(app.fields.chains, Some(vec![]));
    assert_eq!(app.investment_wan.as_ref().map(Vec::len), Some(5));
    // The example centre's field is in the lists: it describes no other field, and nothing
    // of it waits for the reviewers' judgement.
    assert_eq!(app.fields.other, None);
    let a = tic_core::assess::assess(policy(), &app);
    assert!(a
        .requirements
        .iter()
        .all(|o| !tic_core::assess::for_review(o, &app)));
}

/// The vocabularies of the field table.
fn vocabularies() -> Vec<tic_core::fields::Vocab> {
    let mut out = Vec::new();
    for f in tic_core::fields::FIELDS {
        if let tic_core::fields::Kind::Choice(v) | tic_core::fields::Kind::List(v) = f.kind {
            if !out.contains(&v) {
                out.push(v);
            }
        }
    }
    out
}

#[test]
fn every_word_the_page_shows_for_a_value_is_read_as_that_value() {
    let vocabularies = vocabularies();
    assert!(vocabularies.len() >= 7);
    for v in vocabularies {
        for x in tic_core::fields::values(policy(), v) {
            for word in [&x.zh, &x.en, &x.id] {
                assert_eq!(
                    tic_tabular::columns::identifier(policy(), v, word).as_deref(),
                    Some(x.id.as_str()),
                    "{v:?}: {word}"
                );
            }
            // As typed in a spreadsheet or pasted from chat: full-width brackets folded,
            // spaces and a zero-width space around.
            let pasted = format!(" \u{200b}{}\u{3000}", x.zh);
            assert_eq!(
                tic_tabular::columns::identifier(policy(), v, &pasted).as_deref(),
                Some(x.id.as_str()),
                "{v:?}: {pasted:?}"
            );
        }
    }
}

#[test]
fn every_field_of_the_table_is_a_template_column_and_a_line_of_the_cli_table() {
    use tic_core::fields::FIELDS;
    let p = policy();
    let (header, _) = tic_tabular::write::template_rows(p);
    let case = crate::cases_dir().join("valid");
    let any = crate::files(&case, ".applicant.json")
        .into_iter()
        .next()
        .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tic"))
        .args(["assess", "--format", "table", "--lang", "zh"])
        .arg(&any)
        .output()
        .unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    for f in FIELDS {
        let years: Vec<Option<usize>> = match f.years(p) {
            0 => vec![None],
            n => (1..=n).map(Some).collect(),
        };
        for y in years {
            let label = f.label(p, y, Lang::Zh);
            assert!(
                header.iter().any(|h| h.starts_with(&format!("{label}（"))),
                "template lacks {label}"
            );
            assert!(table.contains(&label), "tic assess table lacks {label}");
        }
    }
    // Exactly the policy's years: no sixth year of investment, no fourth of capacity.
    let years = p.construction_years;
    assert!(!header
        .iter()
        .any(|h| h.contains(&format!("investment_wan.year{}", years + 1))));
}
