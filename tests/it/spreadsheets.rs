//! Officials' real spreadsheets (issue 9): totals and notes skipped, merged cells, formulas
//! without saved values, implausible amounts, the header and sheet found, normalised text and
//! list separators, a stray far cell, allowed values by label. Every fixture is built here.

use crate::policy;
use rust_xlsxwriter::{Format, Formula, Workbook, Worksheet};
use serde_json::Value;
use tic_core::Lang;
use tic_tabular::{read, screen_rows, ReadOptions, Source};

fn xlsx(build: impl FnOnce(&mut Worksheet)) -> Vec<u8> {
    let mut book = Workbook::new();
    build(book.add_worksheet());
    book.save_to_buffer().unwrap()
}

fn row(ws: &mut Worksheet, r: u32, cells: &[&str]) {
    for (c, t) in cells.iter().enumerate() {
        if !t.is_empty() {
            ws.write_string(r, c as u16, *t).unwrap();
        }
    }
}

fn problems(bytes: &[u8], name: &str) -> Vec<(usize, String, String)> {
    let b = read(policy(), bytes, Some(name)).unwrap();
    screen_rows(policy(), &b)
        .iter()
        .filter_map(|r| r.outcome.as_ref().err())
        .flat_map(|e| {
            e.problems.iter().map(move |p| {
                (
                    e.row,
                    p.cell.clone().unwrap_or_default(),
                    p.message.zh.clone(),
                )
            })
        })
        .collect()
}

#[test]
fn total_note_and_signature_rows_are_skipped_and_listed() {
    let bytes = xlsx(|ws| {
        row(ws, 0, &["名称", "第1年总投入（万元）"]);
        row(ws, 1, &["甲", "100"]);
        row(ws, 2, &["注塑模具技术创新中心", "200"]);
        row(ws, 3, &["合 计", "300"]);
        row(ws, 4, &["注：1.金额单位为万元"]);
        row(ws, 5, &["填报单位（盖章）：", "填报人："]);
    });
    let b = read(policy(), &bytes, Some("a.xlsx")).unwrap();
    assert_eq!(b.rows.iter().map(|r| r.row).collect::<Vec<_>>(), vec![2, 3]);
    let skipped: Vec<(usize, &str)> = b
        .info
        .skipped_rows
        .iter()
        .map(|s| (s.row, s.reason.zh.as_str()))
        .collect();
    assert_eq!(
        skipped,
        vec![(4, "合计行"), (5, "说明行"), (6, "签字盖章行")]
    );
    // CSV in GBK too, and a skipped row does not make the exit code 1
    let (gbk, _, _) = encoding_rs::GBK.encode("名称,所在区县\n甲,鄞州区\n小计,\n备注：无\n");
    let s = Source::open(tic_core::policy::current(), &gbk, Some("a.csv")).unwrap();
    assert_eq!(s.len(), 1);
    assert_eq!(s.info().skipped_rows.len(), 2);
    let out = tic_cli::screen(
        policy(),
        &gbk,
        Some("a.csv"),
        tic_cli::ScreenFormat::Json,
        tic_core::Detail::Summary,
        Lang::Zh,
    );
    assert_eq!(out.code, 0);
    assert!(
        out.stderr
            .iter()
            .any(|l| l.contains("跳过第3行（合计行）：小计")),
        "{:?}",
        out.stderr
    );
}

#[test]
fn a_merged_cell_fills_every_row_it_covers() {
    let bytes = xlsx(|ws| {
        row(ws, 0, &["名称", "推荐方式"]);
        row(ws, 1, &["甲"]);
        row(ws, 2, &["乙"]);
        row(ws, 3, &["丙"]);
        ws.merge_range(1, 1, 3, 1, "区县推荐", &Format::new())
            .unwrap();
    });
    let b = read(policy(), &bytes, Some("a.xlsx")).unwrap();
    let rec: Vec<&Value> = b.rows.iter().map(|r| &r.value["recommended_by"]).collect();
    assert_eq!(rec, vec!["district", "district", "district"]);
}

#[test]
fn formula_without_value_error_values_dates_and_fractions_are_named() {
    let bytes = xlsx(|ws| {
        row(
            ws,
            0,
            &[
                "名称",
                "第1年总投入（万元）",
                "第2年总投入（万元）",
                "核心以外基地数",
                "紧密合作企业数",
                "累计服务企业数",
            ],
        );
        row(ws, 1, &["甲"]);
        ws.write_formula(1, 1, Formula::new("=SUM(X1:X2)").set_result(" "))
            .unwrap();
        ws.write_formula(1, 2, Formula::new("=1/0").set_result("#DIV/0!"))
            .unwrap();
        ws.write_number(1, 3, 1.0000000002).unwrap();
        ws.write_number(1, 4, 2.5).unwrap();
        let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2026, 1, 15).unwrap();
        ws.write_datetime_with_format(1, 5, &date, &Format::new().set_num_format("yyyy-mm-dd"))
            .unwrap();
    });
    let p = problems(&bytes, "a.xlsx");
    let msg = |cell: &str| {
        p.iter()
            .find(|(_, c, _)| c == cell)
            .map(|(_, _, m)| m.clone())
            .unwrap_or_else(|| panic!("{cell} not in {p:?}"))
    };
    assert_eq!(
        msg("B2"),
        "公式没有保存的计算结果，请在 Excel 中打开并保存，或填入数值"
    );
    assert!(msg("C2").contains("#DIV/0!"), "{}", msg("C2"));
    assert_eq!(msg("E2"), "必须是整数，实为 2.5");
    assert!(msg("F2").contains("2026-01-15"), "{}", msg("F2"));
    assert!(
        !p.iter().any(|(_, c, _)| c == "D2"),
        "1.0000000002 is 1: {p:?}"
    );
}

#[test]
fn an_implausible_amount_warns_and_the_row_is_still_assessed() {
    let text = "名称,第1年总投入（万元）\n甲,60000000\n乙,6000\n";
    let out = tic_cli::screen(
        policy(),
        text.as_bytes(),
        Some("a.csv"),
        tic_cli::ScreenFormat::Json,
        tic_core::Detail::Summary,
        Lang::Zh,
    );
    assert_eq!(out.code, 0);
    let v: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v[0]["verdict"].is_string());
    assert_eq!(v[0]["warnings"][0]["cell"], "B2");
    assert!(v[0]["warnings"][0]["message"]
        .as_str()
        .unwrap()
        .contains("请确认单位为万元（而非元）"));
    assert!(v[1].get("warnings").is_none());
    assert!(
        out.stderr.iter().any(|l| l.starts_with("第2行 警告：B2")),
        "{:?}",
        out.stderr
    );
    let csv = tic_cli::screen(
        policy(),
        text.as_bytes(),
        Some("a.csv"),
        tic_cli::ScreenFormat::Csv,
        tic_core::Detail::Summary,
        Lang::Zh,
    );
    let s = String::from_utf8(csv.stdout).unwrap();
    assert!(s.lines().next().unwrap().ends_with(",警告"));
    assert!(s.lines().nth(1).unwrap().contains("金额异常大"));
}

#[test]
fn the_header_and_the_data_sheet_are_found() {
    let mut book = Workbook::new();
    let help = book.add_worksheet().set_name("填表说明").unwrap();
    row(help, 0, &["请按下表填写"]);
    let data = book.add_worksheet().set_name("申报汇总").unwrap();
    row(data, 0, &["2026年技术创新中心申报汇总表"]);
    row(
        data,
        2,
        &[
            "",
            "序号",
            "名称",
            "联系人",
            "第\u{200B}3年\n总投入（万元）",
            "联系电话",
        ],
    );
    row(data, 3, &["", "1", "甲", "王", "３５００", "123"]);
    data.set_column_hidden(5).unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let s = Source::open(tic_core::policy::current(), &bytes, Some("a.xlsx")).unwrap();
    let info = s.info();
    assert_eq!(info.sheet.as_deref(), Some("申报汇总"));
    assert_eq!(info.header_row, Some(3));
    let ignored: Vec<(&str, &str)> = info
        .ignored_columns
        .iter()
        .map(|c| (c.column.as_str(), c.header.as_str()))
        .collect();
    assert_eq!(
        ignored,
        vec![("B", "序号"), ("D", "联系人"), ("F", "联系电话")]
    );
    let r = s.row(policy(), 0).unwrap();
    assert_eq!(r.row, 4);
    assert_eq!(r.value["investment_wan"][2], 3500.0);
    // overrides
    let opts = ReadOptions {
        sheet: Some("填表说明".into()),
        header_row: None,
    };
    assert!(Source::open_with(tic_core::policy::current(), &bytes, Some("a.xlsx"), &opts).is_err());
    let opts = ReadOptions {
        sheet: None,
        header_row: Some(3),
    };
    assert_eq!(
        Source::open_with(tic_core::policy::current(), &bytes, Some("a.xlsx"), &opts)
            .unwrap()
            .info()
            .header_row,
        Some(3)
    );
}

#[test]
fn a_two_row_header_with_a_group_cell_is_understood() {
    let bytes = xlsx(|ws| {
        let f = Format::new();
        ws.merge_range(0, 0, 1, 0, "名称", &f).unwrap();
        ws.merge_range(0, 1, 0, 2, "总投入（万元）", &f).unwrap();
        row(ws, 1, &["", "第1年", "第2年"]);
        row(ws, 2, &["甲", "100", "200"]);
    });
    let s = Source::open(tic_core::policy::current(), &bytes, Some("a.xlsx")).unwrap();
    assert_eq!(s.info().header_rows, 2);
    let r = s.row(policy(), 0).unwrap();
    assert_eq!(r.value["investment_wan"], serde_json::json!([100.0, 200.0]));
}

#[test]
fn text_is_normalised_and_lists_take_every_separator() {
    let text = "名称,科创高地,是否领军企业\n\u{200B}甲 ,\"新材料，工业互联网\",是\u{200B}\n";
    let b = read(policy(), text.as_bytes(), Some("a.csv")).unwrap();
    assert_eq!(b.rows[0].value["name"], "甲");
    assert_eq!(
        b.rows[0].value["fields"]["highlands"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(b.rows[0].value["lead_unit"]["leading_enterprise"], true);
}

#[test]
fn a_stray_far_cell_costs_nothing() {
    let bytes = xlsx(|ws| {
        row(ws, 0, &["名称"]);
        row(ws, 1, &["甲"]);
        ws.write_string(1_048_575, 16_383, "x").unwrap();
        ws.write_string(1_048_574, 31, " ").unwrap();
    });
    let t = std::time::Instant::now();
    let b = read(policy(), &bytes, Some("a.xlsx")).unwrap();
    assert!(t.elapsed().as_secs_f64() < 2.0);
    assert_eq!(b.rows.len(), 1);
}

#[test]
fn allowed_values_by_label_with_the_closest_suggested() {
    let text = "名称,省级以上创新载体\n甲,省级企业技术中\n";
    let p = problems(text.as_bytes(), "a.csv");
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(
        p[0].2.contains("可选：国家工程技术研究中心、"),
        "{}",
        p[0].2
    );
    assert!(p[0].2.ends_with("是否指：省级企业技术中心？"), "{}", p[0].2);
    assert!(!p[0].2.contains("national_engineering_center"));
}

/// The XLSX exports the command line writes row by row are the workbooks the batch view
/// describes (`results_book`, `progress_book`) and has the sheets bundle write: the same sheets,
/// cells and merged regions read back (the bytes differ only in the creation time).
#[test]
fn exports_written_row_by_row_are_the_described_workbooks() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let read_back =
        |bytes: Vec<u8>| serde_json::to_string(&tic_tabular::Book::read(&bytes).unwrap()).unwrap();
    let applicants = std::fs::read(root.join("www/samples/applicants.csv")).unwrap();
    let batch = read(policy(), &applicants, Some("a.csv")).unwrap();
    let results = screen_rows(policy(), &batch);
    assert!(
        results.iter().any(|r| r.outcome.is_err()) && results.iter().any(|r| r.outcome.is_ok())
    );
    let portfolio = std::fs::read(root.join("www/samples/portfolio.csv")).unwrap();
    let items =
        tic_tabular::read_portfolio_table(policy(), &portfolio, tic_tabular::InputFormat::Csv)
            .unwrap();
    assert!(items.len() > 2);
    for lang in [Lang::Zh, Lang::En] {
        let streamed = read_back(tic_tabular::results_xlsx(policy(), &results, lang).unwrap());
        let described = tic_tabular::results_book(policy(), &results, lang);
        assert_eq!(described.sheets[0].rows.len(), results.len() + 1);
        assert_eq!(streamed, read_back(described.to_xlsx().unwrap()));
        let streamed = read_back(tic_tabular::progress_xlsx(policy(), &items, lang).unwrap());
        let described = tic_tabular::progress_book(policy(), &items, lang);
        assert_eq!(streamed, read_back(described.to_xlsx().unwrap()));
    }
}
