//! The screen pipeline of `tic screen` on 100,000 generated applicants, from JSON and from CSV,
//! through the library code the command line runs (`tic_cli::open_batch`, then
//! `tic_cli::screen_into` streaming to a writer that discards, as `tic screen … > /dev/null`):
//! read, check, assess, write the JSON array / the CSV export. Goal: ≤ 1 s per 100k.

use criterion::{criterion_group, criterion_main, Criterion};
use serde_json::json;
use std::hint::black_box;
use tic_cli::ScreenFormat;
use tic_core::{Detail, Lang};
use tic_tabular::columns::columns;

const N: usize = 100_000;
const DISTRICTS: &[&str] = &[
    "海曙区",
    "江北区",
    "镇海区",
    "北仑区",
    "鄞州区",
    "余姚市",
    "慈溪市",
];
const HIGHLANDS: &[&str] = &[
    "new_materials",
    "industrial_internet",
    "key_core_components",
];

/// A varied applicant (deterministic): amounts, counts and answers change with `i`.
fn applicant(i: usize) -> serde_json::Value {
    let k = (i * 7919) % 1000;
    json!({
        "schema": "tic-applicant/1",
        "name": format!("宁波市第{i}号技术创新中心"),
        "district": DISTRICTS[i % DISTRICTS.len()],
        "recommended_by": if i % 11 == 0 { "none" } else { "district" },
        "lead_unit": {"kind": if i % 13 == 0 { "other" } else { "enterprise" }, "leading_enterprise": i % 3 != 0, "platforms": []},
        "fields": {"highlands": [HIGHLANDS[i % 3]], "chains": [], "carbon_neutral": i % 5 == 0},
        "organization": {"legal_status": if i % 4 == 0 { "separate_accounting" } else { "independent" }, "bases": k % 4,
                         "board": true, "director": true, "chief_scientist": i % 6 != 0, "expert_committee": true},
        "investment_wan": [3000 + k * 5, 3000 + k * 3, 3000, 2500.5, 2000],
        "capacity_investment_wan": [800 + k * 2, 900 + k, 1000],
        "team": {"staff_year2": 60 + k / 10, "teams_year2": k % 4, "staff_year5": 200 + k / 5, "teams_year5": k % 8},
        "ecosystem": {"transfer_bases": k % 3, "partner_firms": k % 40, "spinoffs": k % 9, "firms_served": k % 200}
    })
}

fn as_json(n: usize) -> Vec<u8> {
    serde_json::to_vec(&(0..n).map(applicant).collect::<Vec<_>>()).expect("json")
}

fn cell(v: &serde_json::Value, path: &str) -> String {
    let (list, idx) = match path.split_once('[') {
        Some((l, i)) => (l, i.trim_end_matches(']').parse::<usize>().ok()),
        None => (path, None),
    };
    let mut x = v;
    for part in list.split('.') {
        match x.get(part) {
            Some(y) => x = y,
            None => return String::new(),
        }
    }
    if let Some(i) = idx {
        match x.get(i) {
            Some(y) => x = y,
            None => return String::new(),
        }
    }
    match x {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(a) if a.is_empty() => "无".into(),
        serde_json::Value::Array(a) => a
            .iter()
            .filter_map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(";"),
        other => other.to_string(),
    }
}

fn as_csv(n: usize) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(columns(tic_core::policy::current()).iter().map(|c| c.zh))
        .expect("csv");
    for i in 0..n {
        let a = applicant(i);
        w.write_record(
            columns(tic_core::policy::current())
                .iter()
                .map(|c| cell(&a, c.path)),
        )
        .expect("csv");
    }
    w.into_inner().expect("csv")
}

/// One `tic screen` of `input` into a sink; the exit code.
fn screen(input: &[u8], name: &str, format: ScreenFormat) -> u8 {
    let p = tic_core::policy::current();
    let Ok(source) = tic_cli::open_batch(tic_core::policy::current(), input, Some(name), Lang::En)
    else {
        return 2;
    };
    let done = tic_cli::screen_into(
        p,
        &source,
        format,
        Detail::Summary,
        Lang::En,
        &mut std::io::sink(),
    );
    done.code
}

fn bench(c: &mut Criterion) {
    let json = as_json(N);
    let csv = as_csv(N);
    let mut g = c.benchmark_group("screen_100k");
    g.sample_size(10);
    g.bench_function("json_to_json", |b| {
        b.iter(|| screen(black_box(&json), "a.json", ScreenFormat::Json))
    });
    g.bench_function("csv_to_json", |b| {
        b.iter(|| screen(black_box(&csv), "a.csv", ScreenFormat::Json))
    });
    g.bench_function("csv_to_csv", |b| {
        b.iter(|| screen(black_box(&csv), "a.csv", ScreenFormat::Csv))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
