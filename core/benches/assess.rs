//! One assessment: `assess` alone, and with the Summary and Full report as JSON.
//! Goal: ≤ 1 µs per `assess` natively.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use tic_core::{assess, parse_applicant, policy, report, Detail};

const STRONG: &str = r#"{
  "schema": "tic-applicant/1", "name": "宁波市某某材料技术创新中心", "district": "鄞州区",
  "recommended_by": "district",
  "lead_unit": { "kind": "enterprise", "leading_enterprise": true, "platforms": ["provincial_engineering_center"] },
  "fields": { "highlands": ["new_materials"], "chains": [], "clusters": ["refining_chemical_new_materials"], "carbon_neutral": false },
  "organization": { "legal_status": "independent", "bases": 2, "board": true, "director": true, "chief_scientist": true, "expert_committee": true },
  "investment_wan": [6000, 5000, 4000, 3000, 3000],
  "capacity_investment_wan": [2000, 1500, 1200],
  "team": { "staff_year2": 120, "teams_year2": 2, "staff_year5": 320, "teams_year5": 5 },
  "ecosystem": { "transfer_bases": 1, "partner_firms": 25, "spinoffs": 5, "firms_served": 120 }
}"#;

fn bench(c: &mut Criterion) {
    let p = policy::current();
    let a = parse_applicant(p, STRONG).expect("valid");
    c.bench_function("assess", |b| b.iter(|| assess(p, black_box(&a))));
    c.bench_function("parse+assess", |b| {
        b.iter(|| assess(p, &parse_applicant(p, black_box(STRONG)).expect("valid")).verdict)
    });
    c.bench_function("assess+summary_json", |b| {
        b.iter(|| {
            let r = assess(p, black_box(&a));
            report(&r, &a, Detail::Summary).to_json()
        })
    });
    c.bench_function("assess+full_json", |b| {
        b.iter(|| {
            let r = assess(p, black_box(&a));
            report(&r, &a, Detail::Full).to_json()
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
