//! Properties (proptest): the funding's caps and rate, monotonicity in investment, and no
//! panic on any JSON, any CSV bytes or any spreadsheet-ish input.

use crate::{policy, strong};
use proptest::prelude::*;
use serde_json::{json, Value};
use tic_core::vocab::Status;
use tic_core::{applicant_from_value, assess, report, Detail, Wan};

/// Amounts in 万元 with up to 2 decimals, from 0 to 200,000.
fn amount() -> impl Strategy<Value = f64> {
    (0u64..20_000_000).prop_map(|c| c as f64 / 100.0)
}

fn applicant_with(inv: &[f64], cap: Option<&[f64]>) -> tic_core::Applicant {
    let mut v = strong();
    v["investment_wan"] = json!(inv);
    match cap {
        Some(c) => v["capacity_investment_wan"] = json!(c),
        None => {
            v.as_object_mut().unwrap().remove("capacity_investment_wan");
        }
    }
    applicant_from_value(policy(), &v).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn funding_respects_caps_and_rate(cap in prop::collection::vec(amount(), 0..=3),
                                      inv in prop::collection::vec(amount(), 0..=5),
                                      use_cap in any::<bool>()) {
        let a = applicant_with(&inv, use_cap.then_some(&cap[..]));
        let f = assess(policy(), &a).funding;
        let p = policy();
        prop_assert_eq!(f.years.len(), 3);
        prop_assert!(f.years[0].amount <= p.funding.first_year_cap);
        prop_assert!(f.total <= p.funding.total_cap);
        let mut sum = Wan::ZERO;
        for y in &f.years {
            // 30 % of the base, in whole yuan, is an upper bound
            prop_assert!(y.amount.yuan() * 10 <= y.base.yuan() * 3, "year {} {:?}", y.year, y);
            sum = sum.plus(y.amount);
        }
        prop_assert_eq!(sum, f.total);
        let bases: &[f64] = if use_cap { &cap } else { &inv };
        for (i, y) in f.years.iter().enumerate() {
            let want = bases.get(i).copied().unwrap_or(0.0);
            prop_assert!((y.base.as_wan() - want).abs() < 1e-6);
        }
    }

    #[test]
    fn more_investment_never_hurts(inv in prop::collection::vec(amount(), 0..=5),
                                   cap in prop::collection::vec(amount(), 0..=3),
                                   which in 0usize..8, extra in amount()) {
        let (mut inv2, mut cap2) = (inv.clone(), cap.clone());
        if which < 5 {
            if which < inv2.len() { inv2[which] += extra } else { inv2.push(extra) }
        } else {
            let i = which - 5;
            if i < cap2.len() { cap2[i] += extra } else { cap2.push(extra) }
        }
        for use_cap in [true, false] {
            let a = applicant_with(&inv, use_cap.then_some(&cap[..]));
            let b = applicant_with(&inv2, use_cap.then_some(&cap2[..]));
            let (ra, rb) = (assess(policy(), &a), assess(policy(), &b));
            prop_assert!(rb.funding.total >= ra.funding.total);
            for (x, y) in ra.requirements.iter().zip(&rb.requirements) {
                prop_assert!(!(x.status == Status::Met && y.status == Status::Gap),
                             "{} met → gap", x.requirement.id);
            }
        }
    }
}

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f)
            .map(Value::Number)
            .unwrap_or(Value::Null)),
        "[a-z_.\\[\\]0-9]{0,12}".prop_map(Value::from),
        prop::sample::select(vec![
            "tic-applicant/1",
            "enterprise",
            "new_materials",
            "independent",
            "district",
            "robotics",
            "none",
            "key_laboratory"
        ])
        .prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        let keys = prop::sample::select(vec![
            "schema",
            "name",
            "district",
            "recommended_by",
            "lead_unit",
            "kind",
            "leading_enterprise",
            "platforms",
            "fields",
            "highlands",
            "chains",
            "clusters",
            "carbon_neutral",
            "organization",
            "legal_status",
            "bases",
            "board",
            "investment_wan",
            "capacity_investment_wan",
            "team",
            "staff_year2",
            "ecosystem",
            "spinoffs",
            "indicators",
            "1.1",
            "x",
        ]);
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(keys, inner, 0..8).prop_map(|m| Value::Object(
                m.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
            )),
        ]
    })
}

fn run_all(v: &Value) {
    let p = policy();
    let text = v.to_string();
    // The same text read straight (borrowing, in the document's order) or first into a value
    // as a caller would hold it: the same applicant or the same problems in the same order
    // (`to_string` writes a value's keys in the order the value iterates them). The value is
    // read back from the text, not `v` itself: serde_json reads a float of many digits to the
    // nearest double only within one unit of the last place, on both paths alike.
    let again: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        applicant_from_value(p, &again),
        tic_core::parse_applicant(p, &text),
        "{text}"
    );
    if let Ok(a) = applicant_from_value(p, v) {
        let r = assess(p, &a);
        let _ = report(&r, &a, Detail::Full).to_json();
        let _ = report(&r, &a, Detail::Summary).to_json();
    }
    let _ = tic_core::assess_json(&text);
    let _ = tic_cli::assess(
        p,
        text.as_bytes(),
        tic_cli::AssessFormat::Table,
        tic_core::Lang::Zh,
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn any_json_never_panics(v in arb_json()) {
        run_all(&v);
        // and the same value grafted into a valid applicant, to reach the deep checks
        let mut s = strong();
        if let (Value::Object(m), Value::Object(extra)) = (&mut s, &v) {
            for (k, x) in extra { m.insert(k.clone(), x.clone()); }
        }
        run_all(&s);
        let batch = Value::Array(vec![v.clone(), s]);
        let _ = tic_cli::screen(policy(), batch.to_string().as_bytes(), None, tic_cli::ScreenFormat::Csv, Detail::Summary, tic_core::Lang::En);
    }

    #[test]
    fn any_bytes_never_panic_the_readers(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        for name in [None, Some("a.csv"), Some("a.xlsx"), Some("a.json")] {
            let _ = tic_cli::screen(policy(), &bytes, name, tic_cli::ScreenFormat::Json, Detail::Summary, tic_core::Lang::En);
        }
        let _ = tic_cli::assess(policy(), &bytes, tic_cli::AssessFormat::Json, tic_core::Lang::En);
    }

    #[test]
    fn any_cells_under_a_valid_header_never_panic(cells in prop::collection::vec("[-0-9a-z.,;；、是否 \"\n=+@]{0,10}", 64..=96)) {
        let (header, _) = tic_tabular::write::template_rows(tic_core::policy::current());
        let n = header.len();
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(&header).unwrap();
        w.write_record(&cells[..n]).unwrap();
        w.write_record(&cells[cells.len() - n..]).unwrap();
        let bytes = w.into_inner().unwrap();
        for f in [tic_cli::ScreenFormat::Json, tic_cli::ScreenFormat::Csv, tic_cli::ScreenFormat::Xlsx, tic_cli::ScreenFormat::Table] {
            let out = tic_cli::screen(policy(), &bytes, Some("a.csv"), f, Detail::Summary, tic_core::Lang::Zh);
            prop_assert!(out.code <= 1, "a readable file: {:?}", out.stderr);
        }
    }
}

#[test]
fn spreadsheet_with_odd_cells_never_panics() {
    let (header, _) = tic_tabular::write::template_rows(tic_core::policy::current());
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (j, h) in header.iter().enumerate() {
        let c = j as u16;
        sheet.write_string(0, c, h).unwrap();
        sheet.write_number(1, c, -1.5).unwrap();
        sheet.write_boolean(2, c, true).unwrap();
        sheet.write_number(3, c, f64::MAX).unwrap();
        sheet.write_formula(4, c, "=1/0").unwrap();
    }
    let bytes = book.save_to_buffer().unwrap();
    let out = tic_cli::screen(
        policy(),
        &bytes,
        Some("odd.xlsx"),
        tic_cli::ScreenFormat::Json,
        Detail::Summary,
        tic_core::Lang::En,
    );
    assert_eq!(out.code, 1, "{:?}", out.stderr);
    let v: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v.len() >= 3 && v.iter().all(|r| r.get("error").is_some()));
}
