//! The soak run (issue 8, item 10): millions of randomized inputs through the core's parsers,
//! the assessment, the tracking and the tabular readers, outside the normal test run. Every input
//! runs under `catch_unwind`: a panic is counted (and its input written to
//! `target/soak-failures/`), not fatal; so is a property that does not hold.
//!
//! ```text
//! cargo run --release -p tic-cli --example soak -- [--cases N] [--seed S] [--minutes M]
//!                                                  [--threads T] [--replay ROUND:INDEX]
//! ```
//!
//! Deterministic given the seed: input `i` of round `r` is generated from its own PRNG stream,
//! seeded from `(seed, r, i)`, so the same inputs are generated whatever the number of threads,
//! and `--replay r:i` regenerates and reruns exactly one of them. See docs/robustness.md for
//! what each round generates and checks.

use serde_json::{json, Map, Value};
use std::cell::RefCell;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::Instant;
use tic_core::policy::{Policy, Rule};
use tic_core::schema::{CheckDef, PolicyFile};
use tic_core::track::{numeric_milestones, year_field, YearKind};
use tic_core::vocab::{
    Due, Evaluation, Kind, LeadKind, LegalStatus, LimitedBy, MilestoneStatus, OrgFlag, Platform,
    Rating, Recommender, Standing, Status, Unit, Verdict, YearField,
};
use tic_core::{assess, report, Applicant, Assessment, Detail, Lang, Wan};
use tic_tabular::screen::{screen_to, StreamFormat, Tally};
use tic_tabular::Source;

// ---------------------------------------------------------------------------------------------
// A small PRNG (SplitMix64): no dependency, the same sequence everywhere.

#[derive(Clone)]
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: u64) -> u64 {
        ((self.next() as u128 * n as u128) >> 64) as u64
    }
    fn index(&mut self, n: usize) -> usize {
        self.below(n as u64) as usize
    }
    /// Uniform in `lo..=hi`.
    fn upto(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi - lo + 1)
    }
    fn one_in(&mut self, n: u64) -> bool {
        self.below(n) == 0
    }
    fn coin(&mut self) -> bool {
        self.next() & 1 == 1
    }
    fn pick<'a, T>(&mut self, s: &'a [T]) -> &'a T {
        &s[self.index(s.len())]
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// A random subset of `items`, in random order, without repeats.
    fn subset<T: Clone>(&mut self, items: &[T]) -> Vec<T> {
        let mut v: Vec<T> = items.to_vec();
        for i in (1..v.len()).rev() {
            let j = self.index(i + 1);
            v.swap(i, j);
        }
        let k = self.index(v.len() + 1);
        v.truncate(k);
        v
    }
}

/// The seed of input `index` of round `round`.
fn seed_for(seed: u64, round: usize, index: u64) -> u64 {
    let mut r = Rng(seed ^ (round as u64 + 1).wrapping_mul(0xA24B_AED4_963E_E407));
    let mix = r.next();
    let mut r = Rng(mix ^ index.wrapping_mul(0x9FB2_1C65_1E98_DF25));
    r.next()
}

// ---------------------------------------------------------------------------------------------
// Rounds, inputs, outcomes.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Round {
    Json,
    Applicant,
    Progress,
    Csv,
    Xlsx,
    Policy,
}

const ROUNDS: [Round; 6] = [
    Round::Json,
    Round::Applicant,
    Round::Progress,
    Round::Csv,
    Round::Xlsx,
    Round::Policy,
];

impl Round {
    fn name(self) -> &'static str {
        match self {
            Round::Json => "1-json",
            Round::Applicant => "2-applicant",
            Round::Progress => "3-progress",
            Round::Csv => "4-csv",
            Round::Xlsx => "4-xlsx",
            Round::Policy => "5-policy",
        }
    }
    /// Inputs of this round in a block of 10,000 (XLSX building is slow; a policy input also
    /// assesses several applicants and tracks records under the policy).
    fn weight(self) -> u64 {
        match self {
            Round::Json => 3_000,
            Round::Applicant => 2_600,
            Round::Progress => 2_600,
            Round::Csv => 1_500,
            Round::Xlsx => 60,
            Round::Policy => 240,
        }
    }
}

/// What an input was, kept so a failure can be written out.
#[derive(Default)]
struct Slot {
    bytes: Vec<u8>,
    ext: &'static str,
    note: String,
}

impl Slot {
    fn set(&mut self, bytes: impl Into<Vec<u8>>, ext: &'static str) {
        self.bytes = bytes.into();
        self.ext = ext;
    }
}

type Check = Result<(), String>;

macro_rules! ensure {
    ($cond:expr, $($arg:tt)+) => {
        if !$cond {
            return Err(format!($($arg)+));
        }
    };
}

enum Outcome {
    Pass,
    Property(String),
    Panic(String),
}

thread_local! {
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

fn run_one(round: Round, seed: u64, slot: &mut Slot) -> Outcome {
    LAST_PANIC.with(|p| p.borrow_mut().take());
    let result = catch_unwind(AssertUnwindSafe(|| {
        let mut rng = Rng(seed);
        match round {
            Round::Json => round_json(&mut rng, slot),
            Round::Applicant => round_applicant(&mut rng, slot),
            Round::Progress => round_progress(&mut rng, slot),
            Round::Csv => round_csv(&mut rng, slot),
            Round::Xlsx => round_xlsx(&mut rng, slot),
            Round::Policy => round_policy(&mut rng, slot),
        }
    }));
    match result {
        Ok(Ok(())) => Outcome::Pass,
        Ok(Err(msg)) => Outcome::Property(msg),
        Err(_) => Outcome::Panic(
            LAST_PANIC
                .with(|p| p.borrow_mut().take())
                .unwrap_or_else(|| "panic (no message)".into()),
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// Shared vocabularies and value generators.

fn policy() -> &'static Policy {
    tic_core::policy::current()
}

/// The applicant's top-level names, from the core's field table.
fn root_keys() -> Vec<&'static str> {
    tic_core::fields::members("")
}

/// Names of nested objects (the applicant's from the core's field table) and of the progress
/// record, and some that belong nowhere.
fn other_keys() -> Vec<&'static str> {
    let mut keys: Vec<&'static str> = ["lead_unit", "fields", "organization", "team", "ecosystem"]
        .into_iter()
        .flat_map(tic_core::fields::members)
        .collect();
    keys.extend([
        "1.1",
        "10.7",
        "x",
        "",
        "years",
        "targets",
        "subsidy_spending_wan",
        "staff",
        "teams",
        "evaluation",
        "subsidy_received_wan",
        "invest.year2",
        "team.staff_year5",
        "research_projects",
        "fines",
        "__proto__",
        "Schema",
        "investment_wan ",
    ]);
    keys
}

const STRINGS: &[&str] = &[
    "",
    " ",
    "tic-applicant/1",
    "tic-progress/1",
    "tic-applicant/2",
    "enterprise",
    "university",
    "new_materials",
    "independent",
    "separate_accounting",
    "none",
    "district",
    "municipal_layout",
    "key_laboratory",
    "pass",
    "fail",
    "excellent",
    "met",
    "partial",
    "not_met",
    "unknown",
    "12",
    "-1",
    "1e309",
    "NaN",
    "１２３",
    "12万元",
    "1,5",
    "1,500",
    "\u{200b}7",
    "true",
    "null",
    "是",
    "否",
    "鄞州区",
    "新材料",
    "\u{0}",
    "\u{feff}",
    "\u{10ffff}",
    "e\u{301}",
    "=1+1",
    "\"quoted\"",
];

fn random_string(rng: &mut Rng) -> String {
    match rng.below(5) {
        0 | 1 => (*rng.pick(STRINGS)).to_owned(),
        2 => {
            let n = rng.below(24);
            (0..n)
                .map(|_| {
                    let c = match rng.below(4) {
                        0 => rng.upto(0x20, 0x7e),
                        1 => rng.upto(0x4e00, 0x9fff),
                        2 => rng.upto(0, 0x2fff),
                        _ => rng.upto(0xff00, 0xffef),
                    } as u32;
                    char::from_u32(c).unwrap_or('?')
                })
                .collect()
        }
        3 => rng.pick(STRINGS).repeat(rng.upto(1, 300) as usize),
        _ => format!("{}", rng.next()),
    }
}

fn special_number(rng: &mut Rng) -> Value {
    match rng.below(16) {
        0 => json!(0),
        1 => json!(-1),
        2 => json!(-0.0),
        3 => json!(0.5),
        4 => json!(1.5e300),
        5 => json!(-1.5e300),
        6 => json!(u32::MAX),
        7 => json!(u32::MAX as u64 + 1),
        8 => json!(i64::MIN),
        9 => json!(u64::MAX),
        10 => json!(1e-300),
        11 => json!(100_000_000_000.000_1),
        12 => json!(4294967295.5),
        13 => json!(rng.next() as i64),
        14 => json!(rng.unit() * 1e6 - 5e5),
        _ => json!(1e15 + 0.3),
    }
}

fn arb_leaf(rng: &mut Rng) -> Value {
    match rng.below(6) {
        0 => Value::Null,
        1 => Value::Bool(rng.coin()),
        2 | 3 => special_number(rng),
        _ => Value::String(random_string(rng)),
    }
}

fn arb_key(rng: &mut Rng) -> String {
    match rng.below(5) {
        0 | 1 => (*rng.pick(&root_keys())).to_owned(),
        2 | 3 => (*rng.pick(&other_keys())).to_owned(),
        _ => random_string(rng),
    }
}

/// Any JSON value, up to `depth` levels of containers.
fn arb_value(rng: &mut Rng, depth: u32) -> Value {
    if depth == 0 || rng.below(3) == 0 {
        return arb_leaf(rng);
    }
    if rng.coin() {
        let n = rng.below(7);
        Value::Array((0..n).map(|_| arb_value(rng, depth - 1)).collect())
    } else {
        let n = rng.below(9);
        let mut m = Map::new();
        for _ in 0..n {
            m.insert(arb_key(rng), arb_value(rng, depth - 1));
        }
        Value::Object(m)
    }
}

/// A value of the wrong type for most places.
fn wrong_type(rng: &mut Rng) -> Value {
    match rng.below(6) {
        0 => json!("12"),
        1 => json!(true),
        2 => json!([1, 2]),
        3 => json!({"x": 1}),
        4 => Value::Null,
        _ => special_number(rng),
    }
}

fn nest(rng: &mut Rng, v: Value, levels: usize) -> Value {
    let mut v = v;
    for _ in 0..levels {
        v = if rng.coin() {
            Value::Array(vec![v])
        } else {
            let mut m = Map::new();
            m.insert(arb_key(rng), v);
            Value::Object(m)
        };
    }
    v
}

/// One random change somewhere in `v`: a field dropped, a wrong type, an odd number, an unknown
/// key, a long array, deep nesting.
fn mutate_value(rng: &mut Rng, v: &mut Value) {
    // Walk down to a random container (or stop early).
    let mut node = v;
    loop {
        let descend = rng.below(3) != 0;
        let next: Option<usize> = match &*node {
            Value::Object(m) if descend && !m.is_empty() => Some(rng.index(m.len())),
            Value::Array(a) if descend && !a.is_empty() => Some(rng.index(a.len())),
            _ => None,
        };
        let Some(i) = next else { break };
        let is_container = |x: &Value| matches!(x, Value::Object(_) | Value::Array(_));
        let child_ok = match &*node {
            Value::Object(m) => m.values().nth(i).is_some_and(is_container),
            Value::Array(a) => is_container(&a[i]),
            _ => false,
        };
        if !child_ok {
            break;
        }
        node = match node {
            Value::Object(m) => m.values_mut().nth(i).unwrap(),
            Value::Array(a) => &mut a[i],
            _ => unreachable!(),
        };
    }
    let replacement = |rng: &mut Rng, old: &Value| -> Value {
        match rng.below(7) {
            0 => arb_value(rng, 3),
            1 => wrong_type(rng),
            2 | 3 => special_number(rng),
            4 => {
                let levels = rng.upto(1, 300) as usize;
                nest(rng, old.clone(), levels)
            }
            5 => Value::String(random_string(rng)),
            _ => match old {
                Value::Number(n) => {
                    let f = n.as_f64().unwrap_or(0.0);
                    let g = match rng.below(4) {
                        0 => -f,
                        1 => f + 0.5,
                        2 => f * 1e12,
                        _ => f + 1.0,
                    };
                    serde_json::Number::from_f64(g)
                        .map(Value::Number)
                        .unwrap_or(Value::Null)
                }
                _ => Value::Null,
            },
        }
    };
    match node {
        Value::Object(m) => {
            let op = rng.below(4);
            if op == 0 && !m.is_empty() {
                let k = m.keys().nth(rng.index(m.len())).unwrap().clone();
                m.remove(&k);
            } else if op == 1 || m.is_empty() {
                let k = arb_key(rng);
                let val = arb_value(rng, 2);
                m.insert(k, val);
            } else {
                let k = m.keys().nth(rng.index(m.len())).unwrap().clone();
                let old = m[&k].clone();
                m.insert(k, replacement(rng, &old));
            }
        }
        Value::Array(a) => {
            let op = rng.below(4);
            if op == 0 && !a.is_empty() {
                let i = rng.index(a.len());
                a.remove(i);
            } else if op == 1 && !a.is_empty() {
                let n = rng.upto(1, 40);
                let x = a[rng.index(a.len())].clone();
                for _ in 0..n {
                    a.push(x.clone());
                }
            } else if a.is_empty() {
                a.push(arb_value(rng, 2));
            } else {
                let i = rng.index(a.len());
                let old = a[i].clone();
                a[i] = replacement(rng, &old);
            }
        }
        other => {
            let old = other.clone();
            *other = replacement(rng, &old);
        }
    }
}

/// Changes to the text itself: cut, a character inserted or removed, a BOM, odd number
/// spellings, deep nesting written out.
fn mutate_text(rng: &mut Rng, text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let at = rng.index(chars.len() + 1);
    let (a, b) = (
        chars[..at].iter().collect::<String>(),
        chars[at..].iter().collect::<String>(),
    );
    match rng.below(8) {
        0 => a,
        1 => format!(
            "{a}{}{b}",
            rng.pick(&['"', ',', '{', '}', '[', ']', ':', '\\', '\u{0}'])
        ),
        2 => format!("{a}{}", b.chars().skip(1).collect::<String>()),
        3 => format!("\u{feff}{text}"),
        4 => {
            let n = rng.upto(100, 20_000) as usize;
            format!("{}{}", "[".repeat(n), "]".repeat(n))
        }
        5 => format!(
            "{a}{}{b}",
            rng.pick(&[
                "1e400",
                "-0",
                "1.0000000000000000001",
                "123456789012345678901234567890",
                "-1e-400",
                "0x10",
                "NaN",
                "Infinity",
            ])
        ),
        6 => format!("{text}{text}"),
        _ => format!("{a}\"{}\":1,{b}", arb_key(rng)),
    }
}

// ---------------------------------------------------------------------------------------------
// Valid inputs under a policy.

/// Edges worth hitting: every count threshold, every investment threshold and the bases that
/// reach the funding caps.
struct Edges {
    counts: Vec<u64>,
    money: Vec<Wan>,
}

fn edges(p: &Policy) -> Edges {
    let mut counts = vec![0, 1, 2];
    let mut money = vec![Wan::ZERO, p.funding.first_year_cap, p.funding.total_cap];
    for r in p.requirements.iter() {
        match &r.rule {
            Rule::AtLeast { min, .. } => counts.push(*min),
            Rule::InvestmentSum { min, .. } => money.push(*min),
            _ => {}
        }
    }
    for cap in [p.funding.first_year_cap, p.funding.total_cap] {
        if let Some(b) = Wan::base_reaching(cap, p.funding.rate_bp) {
            money.push(b);
        }
    }
    Edges { counts, money }
}

fn count_value(rng: &mut Rng, e: &Edges) -> u64 {
    match rng.below(6) {
        0..=2 => {
            let m = *rng.pick(&e.counts);
            (m + rng.upto(0, 2)).saturating_sub(1)
        }
        3 => rng.below(50),
        4 => rng.below(MAX_COUNT),
        // The bound of the field table, and 0.
        _ => *rng.pick(&[MAX_COUNT, MAX_COUNT - 1, 0]),
    }
    .min(MAX_COUNT)
}

/// The largest count a valid applicant may have (the field table's bound).
const MAX_COUNT: u64 = tic_core::fields::MAX_COUNT;

/// An amount in whole yuan, at most [`Wan::MAX`].
fn money_yuan(rng: &mut Rng, e: &Edges) -> i64 {
    let y = match rng.below(8) {
        0..=2 => {
            let m = rng.pick(&e.money).yuan();
            m + rng.upto(0, 200) as i64 * 100 - 10_000
        }
        3 => rng.below(20_000_000) as i64 * 100,
        4 => rng.below(20_000) as i64 * 10_000,
        5 => rng.below(2_000_000_000) as i64,
        6 => rng.below(Wan::MAX.yuan() as u64 + 1) as i64,
        _ => *rng.pick(&[0, 1, 99, 100, Wan::MAX.yuan()]),
    };
    y.clamp(0, Wan::MAX.yuan())
}

fn money_json(yuan: i64) -> Value {
    if yuan % 10_000 == 0 {
        json!(yuan / 10_000)
    } else {
        json!(yuan as f64 / 10_000.0)
    }
}

fn ids(list: &[tic_core::policy::Choice]) -> Vec<String> {
    list.iter().map(|c| c.id.clone()).collect()
}

/// An applicant with every answer in range (any answer may be left out).
fn valid_applicant(rng: &mut Rng, p: &Policy, e: &Edges) -> Value {
    let mut m = Map::new();
    m.insert("schema".into(), json!("tic-applicant/1"));
    let keep = |rng: &mut Rng| !rng.one_in(6);
    if keep(rng) {
        m.insert("name".into(), json!(random_string(rng)));
    }
    if keep(rng) {
        let d = if rng.one_in(4) || p.districts.is_empty() {
            random_string(rng)
        } else {
            rng.pick(&p.districts).id.clone()
        };
        m.insert("district".into(), json!(d));
    }
    if keep(rng) {
        m.insert(
            "recommended_by".into(),
            json!(rng.pick(Recommender::ALL).id()),
        );
    }
    if keep(rng) {
        let mut l = Map::new();
        if keep(rng) {
            l.insert("kind".into(), json!(rng.pick(LeadKind::ALL).id()));
        }
        if keep(rng) {
            l.insert("leading_enterprise".into(), json!(rng.coin()));
        }
        if keep(rng) {
            let ps: Vec<&str> = rng
                .subset(Platform::ALL)
                .into_iter()
                .map(|x| x.id())
                .collect();
            l.insert("platforms".into(), json!(ps));
        }
        m.insert("lead_unit".into(), Value::Object(l));
    }
    if keep(rng) {
        let mut f = Map::new();
        for (k, list) in [
            ("highlands", &p.highlands),
            ("chains", &p.chains),
            ("clusters", &p.clusters),
        ] {
            if keep(rng) {
                f.insert(k.into(), json!(rng.subset(&ids(list))));
            }
        }
        if keep(rng) {
            f.insert("carbon_neutral".into(), json!(rng.coin()));
        }
        m.insert("fields".into(), Value::Object(f));
    }
    if keep(rng) {
        let mut o = Map::new();
        if keep(rng) {
            o.insert(
                "legal_status".into(),
                json!(rng.pick(LegalStatus::ALL).id()),
            );
        }
        if keep(rng) {
            o.insert("bases".into(), json!(count_value(rng, e)));
        }
        for f in OrgFlag::ALL {
            if keep(rng) {
                o.insert(f.id().into(), json!(rng.coin()));
            }
        }
        m.insert("organization".into(), Value::Object(o));
    }
    for (k, max) in [
        ("investment_wan", p.construction_years),
        ("capacity_investment_wan", p.funding.years),
    ] {
        if keep(rng) {
            let n = rng.index(max + 1);
            let v: Vec<Value> = (0..n).map(|_| money_json(money_yuan(rng, e))).collect();
            m.insert(k.into(), Value::Array(v));
        }
    }
    for (k, keys) in [
        (
            "team",
            &["staff_year2", "teams_year2", "staff_year5", "teams_year5"],
        ),
        (
            "ecosystem",
            &[
                "transfer_bases",
                "partner_firms",
                "spinoffs",
                "firms_served",
            ],
        ),
    ] {
        if keep(rng) {
            let mut t = Map::new();
            for key in keys {
                if keep(rng) {
                    t.insert((*key).into(), json!(count_value(rng, e)));
                }
            }
            m.insert(k.into(), Value::Object(t));
        }
    }
    if rng.coin() {
        let mut ind = Map::new();
        for i in &p.indicators {
            if rng.one_in(3) {
                ind.insert(i.id.clone(), json!(rng.pick(Rating::ALL).id()));
            }
        }
        m.insert("indicators".into(), Value::Object(ind));
    }
    Value::Object(m)
}

/// A progress record with every figure in range (any figure may be left out).
fn valid_progress(rng: &mut Rng, p: &Policy, e: &Edges) -> Value {
    let mut m = Map::new();
    m.insert("schema".into(), json!("tic-progress/1"));
    if rng.coin() {
        m.insert("name".into(), json!(random_string(rng)));
    }
    if rng.coin() && !p.districts.is_empty() {
        m.insert("district".into(), json!(rng.pick(&p.districts).id));
    }
    if rng.one_in(3) {
        let mut t = Map::new();
        for r in numeric_milestones(p) {
            if !rng.one_in(3) {
                continue;
            }
            match r.rule {
                Rule::InvestmentSum { .. } => {
                    t.insert(r.id.clone(), money_json(money_yuan(rng, e)));
                }
                Rule::AtLeast { .. } => {
                    t.insert(r.id.clone(), json!(count_value(rng, e)));
                }
                _ => {}
            }
        }
        m.insert("targets".into(), Value::Object(t));
    }
    // Biased towards complete periods and runs of failures.
    let n = if rng.coin() {
        p.construction_years
    } else {
        rng.index(p.construction_years + 1)
    };
    let fail_bias = rng.below(4);
    let mut years = Vec::with_capacity(n);
    for _ in 0..n {
        let mut y = Map::new();
        for f in YearField::ALL {
            if rng.one_in(5) {
                continue;
            }
            let v = match year_field(*f).kind {
                YearKind::Money => money_json(money_yuan(rng, e)),
                YearKind::Count => json!(count_value(rng, e)),
                YearKind::LegalStatus => json!(rng.pick(LegalStatus::ALL).id()),
                YearKind::Evaluation => {
                    if rng.below(4) < fail_bias {
                        json!("fail")
                    } else {
                        json!(rng.pick(Evaluation::ALL).id())
                    }
                }
            };
            y.insert(f.id().into(), v);
        }
        years.push(Value::Object(y));
    }
    m.insert("years".into(), Value::Array(years));
    if rng.coin() {
        let mut s = Map::new();
        for u in &p.spending {
            if rng.coin() {
                s.insert(u.id.clone(), money_json(money_yuan(rng, e)));
            }
        }
        m.insert("subsidy_spending_wan".into(), Value::Object(s));
    }
    Value::Object(m)
}

// ---------------------------------------------------------------------------------------------
// Properties.

/// The contract's verdict, written again from the statuses.
fn expected_verdict(a: &Assessment<'_>) -> Verdict {
    let gate = |s: Status| {
        a.requirements
            .iter()
            .any(|o| o.requirement.kind == Kind::Gate && o.status == s)
    };
    if gate(Status::Gap) {
        Verdict::NotEligible
    } else if gate(Status::Unknown) {
        Verdict::Incomplete
    } else if a.requirements.iter().all(|o| o.status == Status::Met) {
        Verdict::Eligible
    } else {
        Verdict::EligibleWithGaps
    }
}

/// Funding of one assessment: the caps, the rate, the sum, and the formula of 三（四） itself
/// (per year the least of the rate on the base, the first-year cap, what is left of the total).
fn check_funding(p: &Policy, app: &Applicant, a: &Assessment<'_>) -> Check {
    let t = &p.funding;
    let f = &a.funding;
    ensure!(
        f.years.len() == t.years,
        "{} funding years, policy has {}",
        f.years.len(),
        t.years
    );
    let bases: &[Wan] = match (&app.capacity_investment_wan, &app.investment_wan) {
        (Some(c), _) => c,
        (None, Some(i)) => i,
        (None, None) => &[],
    };
    let mut sum = Wan::ZERO;
    for (i, y) in f.years.iter().enumerate() {
        let base = bases.get(i).copied().unwrap_or(Wan::ZERO);
        ensure!(
            y.base == base,
            "year {}: base {:?}, want {:?}",
            y.year,
            y.base,
            base
        );
        if y.year == 1 {
            ensure!(
                y.amount <= t.first_year_cap,
                "year 1: {:?} above the first-year cap {:?}",
                y.amount,
                t.first_year_cap
            );
        }
        ensure!(
            (y.amount.yuan() as i128) * 10_000 <= (y.base.yuan() as i128) * t.rate_bp as i128,
            "year {}: {:?} above {} bp of the base {:?}",
            y.year,
            y.amount,
            t.rate_bp,
            y.base
        );
        let by_rate = base.share_floor(t.rate_bp);
        let mut want = by_rate.min(t.total_cap.minus(sum));
        if i == 0 {
            want = want.min(t.first_year_cap);
        }
        ensure!(
            y.amount == want,
            "year {}: amount {:?}, the formula gives {:?}",
            y.year,
            y.amount,
            want
        );
        ensure!(
            y.limited_by != LimitedBy::FirstYearCap || y.year == 1,
            "year {} limited by the first-year cap",
            y.year
        );
        sum = sum.plus(y.amount);
    }
    ensure!(sum == f.total, "sum {:?} != total {:?}", sum, f.total);
    ensure!(
        f.total <= t.total_cap,
        "total {:?} above the total cap {:?}",
        f.total,
        t.total_cap
    );
    Ok(())
}

fn check_assessment(p: &Policy, app: &Applicant, a: &Assessment<'_>) -> Check {
    ensure!(
        a.requirements.len() == p.requirements.len(),
        "{} outcomes for {} requirements",
        a.requirements.len(),
        p.requirements.len()
    );
    let want = expected_verdict(a);
    ensure!(
        a.verdict == want,
        "verdict {:?}, the statuses give {:?}",
        a.verdict,
        want
    );
    check_funding(p, app, a)
}

/// Raises one count or one investment figure of `a` (never adds an answer that was absent,
/// except a further year of an investment list already given).
fn raise(rng: &mut Rng, a: &Applicant, p: &Policy) -> (Applicant, String) {
    let mut b = a.clone();
    for _ in 0..8 {
        let delta_count = *rng.pick(&[1u32, 2, 10, 1000, u32::MAX]);
        let delta_yuan = *rng.pick(&[1i64, 100, 10_000, 10_000_000, Wan::MAX.yuan()]);
        let which = rng.below(11);
        let count = match which {
            0 => Some((&mut b.organization.bases, "organization.bases")),
            1 => Some((&mut b.team.staff_year2, "team.staff_year2")),
            2 => Some((&mut b.team.teams_year2, "team.teams_year2")),
            3 => Some((&mut b.team.staff_year5, "team.staff_year5")),
            4 => Some((&mut b.team.teams_year5, "team.teams_year5")),
            5 => Some((&mut b.ecosystem.transfer_bases, "ecosystem.transfer_bases")),
            6 => Some((&mut b.ecosystem.partner_firms, "ecosystem.partner_firms")),
            7 => Some((&mut b.ecosystem.spinoffs, "ecosystem.spinoffs")),
            8 => Some((&mut b.ecosystem.firms_served, "ecosystem.firms_served")),
            _ => None,
        };
        if let Some((field, name)) = count {
            if let Some(v) = field {
                *v = v.saturating_add(delta_count);
                return (b, format!("{name} +{delta_count}"));
            }
            continue;
        }
        let (list, name, max) = if which == 9 {
            (
                &mut b.investment_wan,
                "investment_wan",
                p.construction_years,
            )
        } else {
            (
                &mut b.capacity_investment_wan,
                "capacity_investment_wan",
                p.funding.years,
            )
        };
        if let Some(l) = list {
            let i = rng.index(l.len() + 1);
            let raise_to =
                |w: Wan| Wan::from_yuan(w.yuan().saturating_add(delta_yuan).min(Wan::MAX.yuan()));
            if i < l.len() {
                l[i] = raise_to(l[i]);
                return (b, format!("{name}[{i}] +{delta_yuan} yuan"));
            } else if l.len() < max {
                l.push(raise_to(Wan::ZERO));
                return (b, format!("{name}[{i}] added: {delta_yuan} yuan"));
            }
        }
    }
    (b, "nothing raised".into())
}

fn check_monotone(p: &Policy, a: &Applicant, b: &Applicant, what: &str) -> Check {
    let (ra, rb) = (assess(p, a), assess(p, b));
    for (x, y) in ra.requirements.iter().zip(&rb.requirements) {
        ensure!(
            !(x.status == Status::Met && y.status == Status::Gap),
            "{what}: requirement {} went from met to gap",
            x.requirement.id
        );
    }
    ensure!(
        rb.funding.total >= ra.funding.total,
        "{what}: total subsidy fell from {:?} to {:?}",
        ra.funding.total,
        rb.funding.total
    );
    Ok(())
}

/// Assess, report (full and summary), the export round trip.
fn assess_and_report(p: &Policy, app: &Applicant, rng: &mut Rng) -> Check {
    let a = assess(p, app);
    check_assessment(p, app, &a)?;
    let full = report(&a, app, Detail::Full).to_json();
    let summary = report(&a, app, Detail::Summary).to_json();
    if rng.one_in(8) {
        for (what, text) in [("full", &full), ("summary", &summary)] {
            let v: Value = serde_json::from_str(text)
                .map_err(|e| format!("{what} report is not JSON: {e}"))?;
            ensure!(
                v["verdict"] == json!(a.verdict.id()),
                "{what} report's verdict {} is not {}",
                v["verdict"],
                a.verdict.id()
            );
        }
    }
    // The applicant's own export reads back as the same applicant.
    let back = tic_core::parse_applicant(p, &app.to_json())
        .map_err(|e| format!("export refused on re-reading: {}", lines(&e)))?;
    ensure!(
        &back == app,
        "export re-read differs:\n{:?}\nvs\n{:?}",
        back,
        app
    );
    Ok(())
}

fn lines(errors: &[tic_core::InputError]) -> String {
    errors
        .iter()
        .take(6)
        .map(|e| e.line(Lang::En))
        .collect::<Vec<_>>()
        .join("; ")
}

fn words(errors: &[tic_core::InputError]) {
    for e in errors {
        let _ = e.line(Lang::Zh);
        let _ = e.line(Lang::En);
    }
}

/// The tracking properties: caps of the entitlement, delisting, the standing at the end.
fn check_tracking(p: &Policy, prog: &tic_core::Progress) -> Check {
    let t = tic_core::track(p, prog);
    let y = prog.years.len();
    ensure!(
        t.years_reported == y && y <= p.construction_years,
        "years_reported {} of {} records, period {}",
        t.years_reported,
        y,
        p.construction_years
    );
    // Delisted iff a run of `delist_fails` failed evaluations (in consecutive years).
    let k = p.delist_fails.max(1);
    let mut run = 0;
    let mut want_delisted = None;
    for (i, yr) in prog.years.iter().enumerate() {
        if yr.evaluation() == Some(Evaluation::Fail) {
            run += 1;
            if run == k {
                want_delisted = Some(i + 1);
                break;
            }
        } else {
            run = 0;
        }
    }
    ensure!(
        t.delisted_year == want_delisted,
        "delisted_year {:?}, the evaluations give {:?} (run of {k})",
        t.delisted_year,
        want_delisted
    );
    ensure!(
        (t.standing == Standing::Delisted) == want_delisted.is_some(),
        "standing {:?} with delisting year {:?}",
        t.standing,
        want_delisted
    );
    let end_standing = matches!(
        t.standing,
        Standing::Accepted | Standing::Revoked | Standing::AcceptanceUnknown
    );
    let at_end = want_delisted.is_none() && y == p.construction_years;
    ensure!(
        end_standing == at_end,
        "standing {:?} after {y} of {} years (delisted {:?})",
        t.standing,
        p.construction_years,
        want_delisted
    );
    if at_end {
        let due_end = t
            .milestones
            .iter()
            .filter(|m| m.due_year == p.construction_years);
        let missed = due_end.clone().any(|m| m.status == MilestoneStatus::Missed);
        ensure!(
            (t.standing == Standing::Revoked) == missed,
            "standing {:?}, a milestone due at the end missed: {missed}",
            t.standing
        );
    }
    ensure!(
        t.recovery.applies == matches!(t.standing, Standing::Delisted | Standing::Revoked),
        "recovery applies {} with standing {:?}",
        t.recovery.applies,
        t.standing
    );
    // The entitlement: caps, rate, and known only while every earlier base is.
    let terms = &p.funding;
    ensure!(
        t.funding.years.len() == terms.years,
        "{} entitlement years",
        t.funding.years.len()
    );
    let mut sum = Wan::ZERO;
    let mut broken = false;
    for e in &t.funding.years {
        match (&e.entitled, e.base) {
            (Some(fy), Some(b)) => {
                ensure!(!broken, "year {} entitled after an unreported base", e.year);
                ensure!(fy.base == b, "year {}: base differs", e.year);
                if e.year == 1 {
                    ensure!(
                        fy.amount <= terms.first_year_cap,
                        "year 1 entitlement {:?} above the first-year cap",
                        fy.amount
                    );
                }
                ensure!(
                    (fy.amount.yuan() as i128) * 10_000
                        <= (b.yuan() as i128) * terms.rate_bp as i128,
                    "year {}: entitlement {:?} above the rate on {:?}",
                    e.year,
                    fy.amount,
                    b
                );
                sum = sum.plus(fy.amount);
            }
            (Some(_), None) => return Err(format!("year {} entitled without a base", e.year)),
            (None, _) => broken = true,
        }
    }
    ensure!(
        sum == t.funding.entitled_total,
        "entitlements sum to {:?}, total says {:?}",
        sum,
        t.funding.entitled_total
    );
    ensure!(
        sum <= terms.total_cap,
        "entitled total {:?} above the total cap {:?}",
        sum,
        terms.total_cap
    );
    let _ = tic_core::track_report(&t, prog, Detail::Full).to_json();
    let _ = tic_core::track_report(&t, prog, Detail::Summary).to_json();
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Round 1: arbitrary JSON and mutated applicants → parse_applicant → assess + reports.

fn round_json(rng: &mut Rng, slot: &mut Slot) -> Check {
    let p = policy();
    let e = edges(p);
    let value = match rng.below(10) {
        0..=2 => arb_value(rng, 5),
        _ => {
            let mut v = valid_applicant(rng, p, &e);
            for _ in 0..rng.upto(1, 6) {
                mutate_value(rng, &mut v);
            }
            v
        }
    };
    let mut text = value.to_string();
    if rng.one_in(4) {
        text = mutate_text(rng, &text);
    }
    slot.set(text.clone(), "json");
    // From the value too (deep values that the text parser refuses reach the walker here).
    match tic_core::applicant_from_value(p, &value) {
        Ok(a) => assess_and_report(p, &a, rng)?,
        Err(errs) => words(&errs),
    }
    match tic_core::parse_applicant(p, &text) {
        Ok(a) => assess_and_report(p, &a, rng)?,
        Err(errs) => words(&errs),
    }
    if rng.one_in(8) {
        let format = if rng.coin() {
            tic_cli::AssessFormat::Json
        } else {
            tic_cli::AssessFormat::Table
        };
        let lang = if rng.coin() { Lang::Zh } else { Lang::En };
        let out = tic_cli::assess(p, text.as_bytes(), format, lang);
        ensure!(out.code <= 2, "tic assess exit {}", out.code);
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Round 2: valid applicants → assess; caps, rate, formula, verdict, monotonicity.

fn round_applicant(rng: &mut Rng, slot: &mut Slot) -> Check {
    let p = policy();
    let e = edges(p);
    applicant_properties(rng, slot, p, &e)
}

fn applicant_properties(rng: &mut Rng, slot: &mut Slot, p: &Policy, e: &Edges) -> Check {
    let v = valid_applicant(rng, p, e);
    let text = v.to_string();
    slot.set(text.clone(), "json");
    let a = tic_core::parse_applicant(p, &text)
        .map_err(|errs| format!("a valid applicant was refused: {}", lines(&errs)))?;
    assess_and_report(p, &a, rng)?;
    for _ in 0..2 {
        let (b, what) = raise(rng, &a, p);
        slot.note = what.clone();
        check_monotone(p, &a, &b, &what)?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Round 3: progress records (valid, mutated, arbitrary) → parse_progress → track + reports.

fn round_progress(rng: &mut Rng, slot: &mut Slot) -> Check {
    let p = policy();
    let e = edges(p);
    progress_properties(rng, slot, p, &e)
}

fn progress_properties(rng: &mut Rng, slot: &mut Slot, p: &Policy, e: &Edges) -> Check {
    let kind = rng.below(10);
    let mut v = if kind == 0 {
        arb_value(rng, 5)
    } else {
        valid_progress(rng, p, e)
    };
    let valid = kind >= 5;
    if !valid && kind != 0 {
        for _ in 0..rng.upto(1, 6) {
            mutate_value(rng, &mut v);
        }
        if rng.one_in(6) {
            // More years than the period.
            let extra = rng.upto(1, 30);
            if let Some(Value::Array(ys)) = v.get_mut("years") {
                for _ in 0..extra {
                    ys.push(json!({"evaluation": "fail"}));
                }
            }
        }
    }
    let mut text = v.to_string();
    if !valid && rng.one_in(5) {
        text = mutate_text(rng, &text);
    }
    slot.set(text.clone(), "json");
    match tic_core::parse_progress(p, &text) {
        Ok(prog) => {
            check_tracking(p, &prog)?;
            let back = tic_core::parse_progress(p, &prog.to_json())
                .map_err(|e| format!("progress export refused on re-reading: {}", lines(&e)))?;
            ensure!(back == prog, "progress export re-read differs");
        }
        Err(errs) => {
            ensure!(
                !valid,
                "a valid progress record was refused: {}",
                lines(&errs)
            );
            words(&errs);
        }
    }
    if !valid {
        if let Ok(prog) = tic_core::track::progress_from_value(p, &v) {
            check_tracking(p, &prog)?;
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Round 4: CSV bytes (random, and mutations of valid files) and XLSX workbooks.

const SAMPLE_CSV: &[u8] = include_bytes!("../../www/samples/applicants.csv");

const CELLS: &[&str] = &[
    "",
    " ",
    "是",
    "否",
    "yes",
    "no",
    "true",
    "1",
    "0",
    "-1",
    "1,5",
    "1,500",
    "１２３",
    "12万元",
    "1e309",
    "NaN",
    "inf",
    "-0",
    "0.005",
    "4294967296",
    "99999999999999999999",
    "=1+1",
    "@x",
    "+1",
    "\"",
    "\"\"",
    "\n",
    "\r\n",
    "a;b；c、d",
    "新材料",
    "独立法人",
    "区县推荐",
    "企业",
    "\u{200b}7",
    "７，０００",
    "1 000",
    "\t",
    "null",
    "{}",
    "[]",
    "企业;企业",
    "new_materials;new_materials",
    "1000000000000",
    "100000000000.5",
];

fn random_cell(rng: &mut Rng) -> String {
    match rng.below(6) {
        0..=2 => (*rng.pick(CELLS)).to_owned(),
        3 => format!("{}", rng.below(100_000)),
        4 => format!("{:.3}", rng.unit() * 10_000.0),
        _ => random_string(rng),
    }
}

fn table_of(bytes: &[u8]) -> Vec<Vec<String>> {
    let text = String::from_utf8_lossy(bytes);
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    r.records()
        .filter_map(Result::ok)
        .map(|rec| rec.iter().map(str::to_owned).collect())
        .collect()
}

fn valid_tables() -> &'static [Vec<Vec<String>>] {
    static T: OnceLock<Vec<Vec<Vec<String>>>> = OnceLock::new();
    T.get_or_init(|| {
        let template =
            tic_tabular::write::template_csv(tic_core::policy::current()).expect("template");
        vec![table_of(SAMPLE_CSV), table_of(&template)]
    })
}

fn mutate_table(rng: &mut Rng, t: &mut Vec<Vec<String>>) {
    let width = t.first().map_or(0, Vec::len);
    match rng.below(9) {
        0..=2 => {
            for _ in 0..rng.upto(1, 8) {
                if t.is_empty() {
                    break;
                }
                let r = rng.index(t.len());
                if t[r].is_empty() {
                    continue;
                }
                let c = rng.index(t[r].len());
                t[r][c] = random_cell(rng);
            }
        }
        3 if width > 0 => {
            let c = rng.index(width);
            for row in t.iter_mut() {
                if c < row.len() {
                    row.remove(c);
                }
            }
        }
        4 if width > 1 => {
            let (a, b) = (rng.index(width), rng.index(width));
            for row in t.iter_mut() {
                if a < row.len() && b < row.len() {
                    row.swap(a, b);
                }
            }
        }
        5 if width > 0 => {
            let c = rng.index(width);
            for row in t.iter_mut() {
                if c < row.len() {
                    let x = row[c].clone();
                    row.push(x);
                }
            }
        }
        6 if !t.is_empty() => {
            let r = rng.index(t.len());
            let row = t[r].clone();
            for _ in 0..rng.upto(1, 30) {
                t.push(row.clone());
            }
        }
        7 => {
            let n = rng.index(t.len() + 1);
            t.truncate(n);
        }
        _ => {
            let n = rng.below(width as u64 + 3) as usize;
            t.push((0..n).map(|_| random_cell(rng)).collect());
        }
    }
}

fn table_bytes(t: &[Vec<String>]) -> Vec<u8> {
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    for row in t {
        let _ = w.write_record(row);
    }
    w.into_inner().unwrap_or_default()
}

fn mutate_bytes(rng: &mut Rng, b: &mut Vec<u8>) {
    for _ in 0..rng.upto(1, 6) {
        match rng.below(5) {
            0 if !b.is_empty() => {
                let i = rng.index(b.len());
                b[i] = rng.next() as u8;
            }
            1 => {
                let i = rng.index(b.len() + 1);
                b.insert(i, *rng.pick(b"\",\n\r\t;\x00\xff\xe4\xef"));
            }
            2 if !b.is_empty() => {
                let i = rng.index(b.len());
                b.remove(i);
            }
            3 => {
                let n = rng.index(b.len() + 1);
                b.truncate(n);
            }
            _ if !b.is_empty() => {
                let i = rng.index(b.len());
                b[i] ^= 1 << rng.below(8);
            }
            _ => {}
        }
    }
}

const NAMES: &[Option<&str>] = &[
    None,
    Some("a.csv"),
    Some("A.CSV"),
    Some("a.txt"),
    Some("a.xlsx"),
    Some("a.json"),
    Some("a"),
];

/// Source::open, then the rows screened to JSON and to CSV in memory.
fn open_and_screen(bytes: &[u8], name: Option<&str>, rng: &mut Rng) -> Check {
    let p = policy();
    let Ok(src) = Source::open(p, bytes, name) else {
        return Ok(());
    };
    let n = src.len();
    let lang = if rng.coin() { Lang::Zh } else { Lang::En };
    let detail = if rng.one_in(16) {
        Detail::Full
    } else {
        Detail::Summary
    };
    let mut out = Vec::new();
    let mut tally = Tally::default();
    screen_to(
        p,
        &src,
        StreamFormat::Json(detail),
        lang,
        4,
        &mut out,
        &mut tally,
    )
    .map_err(|e| format!("screen_to(JSON) into memory failed: {e}"))?;
    ensure!(tally.rows == n, "JSON: {} rows screened of {n}", tally.rows);
    let v: Value = serde_json::from_slice(&out).map_err(|e| format!("JSON output: {e}"))?;
    ensure!(
        v.as_array().map(Vec::len) == Some(n),
        "JSON output has {:?} elements for {n} rows",
        v.as_array().map(Vec::len)
    );
    let mut out = Vec::new();
    let mut tally = Tally::default();
    screen_to(p, &src, StreamFormat::Csv, lang, 4, &mut out, &mut tally)
        .map_err(|e| format!("screen_to(CSV) into memory failed: {e}"))?;
    ensure!(tally.rows == n, "CSV: {} rows screened of {n}", tally.rows);
    Ok(())
}

fn round_csv(rng: &mut Rng, slot: &mut Slot) -> Check {
    let bytes = if rng.one_in(6) {
        let n = rng.below(600) as usize;
        (0..n)
            .map(|_| match rng.below(3) {
                0 => *rng.pick(b",\"\n\r;\t 0123456789.-"),
                1 => rng.upto(0x20, 0x7e) as u8,
                _ => rng.next() as u8,
            })
            .collect()
    } else {
        let mut t = rng.pick(valid_tables()).clone();
        if !rng.one_in(8) {
            // The header and a few rows: most files small, so more of them.
            let keep = rng.upto(1, 5).min(t.len() as u64) as usize;
            t.truncate(keep);
        }
        for _ in 0..rng.upto(1, 4) {
            mutate_table(rng, &mut t);
        }
        let mut b = table_bytes(&t);
        match rng.below(12) {
            0 => {
                let text = String::from_utf8_lossy(&b).into_owned();
                let (enc, _, _) = encoding_rs::GBK.encode(&text);
                b = enc.into_owned();
            }
            1 => {
                let text = String::from_utf8_lossy(&b).into_owned();
                let mut u = vec![0xFF, 0xFE];
                for unit in text.encode_utf16() {
                    u.extend_from_slice(&unit.to_le_bytes());
                }
                b = u;
            }
            2 | 3 => {
                let mut with = "\u{feff}".as_bytes().to_vec();
                with.extend_from_slice(&b);
                b = with;
            }
            4..=6 => mutate_bytes(rng, &mut b),
            _ => {}
        }
        b
    };
    slot.set(bytes.clone(), "csv");
    let name = *rng.pick(NAMES);
    slot.note = format!("file name {name:?}");
    open_and_screen(&bytes, name, rng)
}

// ---------------------------------------------------------------------------------------------
// Round 4 (XLSX): random cells under a (mutated) header, written with rust_xlsxwriter; and
// byte mutations of such workbooks.

fn workbook(rng: &mut Rng) -> Vec<u8> {
    let mut header = if rng.coin() {
        tic_tabular::write::template_rows(tic_core::policy::current()).0
    } else {
        valid_tables()[0][0].clone()
    };
    if rng.one_in(3) {
        let mut t = vec![header];
        mutate_table(rng, &mut t);
        header = t.into_iter().next().unwrap_or_default();
    }
    let mut book = rust_xlsxwriter::Workbook::new();
    if rng.one_in(5) {
        let s = book.add_worksheet();
        let _ = s.write_string(0, 0, "notes");
    }
    let sheet = book.add_worksheet();
    for (j, h) in header.iter().enumerate() {
        let _ = sheet.write_string(0, j as u16, h);
    }
    let rows = rng.upto(0, 12) as u32;
    let width = header.len() as u16 + rng.below(3) as u16;
    for r in 1..=rows {
        for c in 0..width {
            let _ = match rng.below(10) {
                0..=3 => sheet.write_string(r, c, random_cell(rng)),
                4 | 5 => sheet.write_number(r, c, rng.below(100_000) as f64),
                6 => sheet.write_number(
                    r,
                    c,
                    *rng.pick(&[
                        -1.5,
                        0.5,
                        f64::MAX,
                        -0.0,
                        1e15 + 0.3,
                        4294967296.0,
                        f64::NAN,
                        f64::INFINITY,
                        1e-300,
                    ]),
                ),
                7 => sheet.write_boolean(r, c, rng.coin()),
                8 => sheet.write_formula(r, c, *rng.pick(&["=1/0", "=A1", "=\"是\"", "=NA()"])),
                _ => continue,
            };
        }
    }
    book.save_to_buffer().unwrap_or_default()
}

/// A few workbooks built once per run, whose bytes the mutations start from.
fn base_workbooks() -> &'static [Vec<u8>] {
    static W: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    W.get_or_init(|| {
        let mut rng = Rng(0x5E_ED0F_B00C);
        (0..8).map(|_| workbook(&mut rng)).collect()
    })
}

fn round_xlsx(rng: &mut Rng, slot: &mut Slot) -> Check {
    if rng.coin() {
        let bytes = workbook(rng);
        slot.set(bytes.clone(), "xlsx");
        let name = *rng.pick(&[None, Some("a.xlsx"), Some("a.csv")]);
        open_and_screen(&bytes, name, rng)
    } else {
        // Mutations of built workbooks are cheap: several per input.
        for _ in 0..4 {
            let mut bytes = rng.pick(base_workbooks()).clone();
            mutate_bytes(rng, &mut bytes);
            slot.set(bytes.clone(), "xlsx");
            open_and_screen(&bytes, Some("a.xlsx"), rng)?;
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------
// Round 5: mutated policy files → Policy::from_file → refused, or assessing and tracking under
// the policy keeps every property.

const POLICY_TOML: &str = include_str!("../../core/policy/ningbo-tic-2023-draft.toml");

fn odd_f64(rng: &mut Rng, lo: f64, hi: f64) -> f64 {
    match rng.below(12) {
        0 => f64::NAN,
        1 => f64::INFINITY,
        2 => f64::NEG_INFINITY,
        3 => -1.0,
        4 => 1e300,
        5 => 0.0,
        6 => 2.5,
        7 => lo - 1.0,
        8 => hi + 1.0,
        9 => lo + (hi - lo) * rng.unit(),
        _ => (lo + (hi - lo) * rng.unit()).round(),
    }
}

/// In range (and whole where the unit wants it), so that many mutated files are accepted.
fn in_range(rng: &mut Rng, unit: Unit, lo: f64, hi: f64) -> f64 {
    let hi = hi.min(match unit {
        Unit::Wan => 50_000.0,
        Unit::Years | Unit::Evaluations => 8.0,
        Unit::Percent => 100.0,
        _ => 500.0,
    });
    let x = lo + (hi - lo) * rng.unit();
    if unit == Unit::Wan && rng.coin() {
        (x * 100.0).round() / 100.0
    } else {
        x.round()
    }
}

fn mutate_policy(rng: &mut Rng, f: &mut PolicyFile) -> String {
    let required = tic_core::schema::REQUIRED_PARAMETERS;
    let keys: Vec<String> = f.parameters.keys().cloned().collect();
    match rng.below(16) {
        0..=5 => {
            // A number in range: many of these files are accepted.
            let k = rng.pick(&keys).clone();
            let Some(unit) = f.parameters.get(&k).map(|p| p.unit) else {
                return String::new();
            };
            let (lo, hi) = required
                .iter()
                .find(|(n, ..)| *n == k)
                .map_or((0.0, 1_000.0), |(_, _, lo, hi)| (*lo, *hi));
            let x = in_range(rng, unit, lo, hi);
            f.parameters.get_mut(&k).unwrap().value = x;
            format!("{k} = {x}")
        }
        6 | 7 => {
            let k = rng.pick(&keys).clone();
            let x = odd_f64(rng, 0.0, 100.0);
            f.parameters.get_mut(&k).unwrap().value = x;
            format!("{k} = {x} (odd)")
        }
        8 => {
            let k = rng.pick(&keys).clone();
            f.parameters.remove(&k);
            format!("{k} removed")
        }
        9 => {
            let k = rng.pick(&keys).clone();
            let u = *rng.pick(Unit::ALL);
            f.parameters.get_mut(&k).unwrap().unit = u;
            format!("{k} unit {}", u.id())
        }
        10 if !f.requirements.is_empty() => {
            let i = rng.index(f.requirements.len());
            let r = f.requirements.remove(i);
            format!("requirement {} removed", r.id)
        }
        11 if !f.requirements.is_empty() => {
            let i = rng.index(f.requirements.len());
            let r = &mut f.requirements[i];
            let k = rng.pick(&keys).clone();
            let what = match rng.below(4) {
                0 => {
                    r.due = *rng.pick(Due::ALL);
                    format!("due {}", r.due.id())
                }
                1 => {
                    r.kind = *rng.pick(Kind::ALL);
                    format!("kind {}", r.kind.id())
                }
                2 => {
                    r.check = match rng.below(3) {
                        0 => CheckDef::AtLeast {
                            metric: *rng.pick(tic_core::vocab::Metric::ALL),
                            min: k.clone(),
                        },
                        1 => CheckDef::InvestmentSum {
                            years: k.clone(),
                            min: rng.pick(&keys).clone(),
                        },
                        _ => CheckDef::LegalStatus {
                            any_of: rng.subset(LegalStatus::ALL),
                        },
                    };
                    format!("check {:?}", r.check)
                }
                _ => {
                    let copy = r.clone();
                    f.requirements.push(copy);
                    "duplicated".into()
                }
            };
            format!("requirement {i}: {what}")
        }
        12 => {
            let ids: Vec<String> = f.requirements.iter().map(|r| r.id.clone()).collect();
            match rng.below(3) {
                0 => f.tracking.milestones.clear(),
                1 if !ids.is_empty() => f.tracking.milestones.push(rng.pick(&ids).clone()),
                _ => f.tracking.milestones = rng.subset(&ids),
            }
            format!("milestones {:?}", f.tracking.milestones)
        }
        13 => {
            match rng.below(4) {
                0 => f.spending.clear(),
                1 if !f.spending.is_empty() => {
                    let i = rng.index(f.spending.len());
                    f.spending[i].forbidden ^= true;
                }
                2 => f.highlands.clear(),
                _ => f.indicators.truncate(rng.index(f.indicators.len() + 1)),
            }
            "lists changed".into()
        }
        14 => {
            let ks: Vec<String> = f.clauses.keys().cloned().collect();
            if ks.is_empty() {
                return "no clause".into();
            }
            let k = rng.pick(&ks).clone();
            f.clauses.remove(&k);
            format!("clause {k} removed")
        }
        _ => {
            // Every required parameter in range at once (a policy quite unlike the original).
            for (k, unit, lo, hi) in required {
                if let Some(p) = f.parameters.get_mut(k) {
                    p.value = in_range(rng, *unit, *lo, *hi);
                }
            }
            "all required parameters redrawn".into()
        }
    }
}

fn mutate_toml(rng: &mut Rng) -> String {
    let mut lines: Vec<String> = POLICY_TOML.lines().map(str::to_owned).collect();
    for _ in 0..rng.upto(1, 4) {
        let i = rng.index(lines.len());
        match rng.below(4) {
            0 => {
                if let Some(eq) = lines[i].find("value = ") {
                    let x = *rng.pick(&[
                        "nan", "inf", "-inf", "-1", "1e400", "0.333", "0", "1e15", "\"5\"", "true",
                    ]);
                    lines[i] = format!("{}value = {x}", &lines[i][..eq]);
                } else {
                    lines.remove(i);
                }
            }
            1 => {
                lines.remove(i);
            }
            2 => {
                let l = lines[i].clone();
                lines.insert(i, l);
            }
            _ => {
                let cut = lines[i].chars().count();
                let at = rng.index(cut + 1);
                lines[i] = lines[i].chars().take(at).collect();
            }
        }
    }
    lines.join("\n")
}

fn round_policy(rng: &mut Rng, slot: &mut Slot) -> Check {
    let base = &policy().file;
    let file: Option<PolicyFile> = if rng.one_in(10) {
        let text = mutate_toml(rng);
        slot.set(text.clone(), "toml");
        toml::from_str::<PolicyFile>(&text).ok()
    } else {
        let mut f = base.clone();
        let mut what = Vec::new();
        for _ in 0..rng.upto(1, 4) {
            what.push(mutate_policy(rng, &mut f));
        }
        slot.set(
            serde_json::to_string_pretty(&f).unwrap_or_default(),
            "policy.json",
        );
        slot.note = what.join("; ");
        if rng.one_in(8) {
            // Through the JSON form too (NaN and infinities become null and are refused there).
            let text = serde_json::to_string(&f).unwrap_or_default();
            let _ = Policy::from_json(&text);
        }
        Some(f)
    };
    let Some(file) = file else { return Ok(()) };
    let p = match Policy::from_file(file) {
        Ok(p) => p,
        Err(problems) => {
            ensure!(!problems.is_empty(), "refused without a problem");
            return Ok(());
        }
    };
    // Accepted: assessing, reporting and tracking under it keeps every property.
    let e = edges(&p);
    let mut scratch = Slot::default();
    for _ in 0..6 {
        applicant_properties(rng, &mut scratch, &p, &e).map_err(|m| {
            format!(
                "under the mutated policy: {m}; applicant {}",
                String::from_utf8_lossy(&scratch.bytes)
            )
        })?;
    }
    for _ in 0..3 {
        progress_properties(rng, &mut scratch, &p, &e).map_err(|m| {
            format!(
                "under the mutated policy: {m}; record {}",
                String::from_utf8_lossy(&scratch.bytes)
            )
        })?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// The driver.

struct Args {
    cases: u64,
    seed: u64,
    minutes: Option<f64>,
    threads: usize,
    replay: Option<(Round, u64)>,
}

fn parse_args() -> Result<Args, String> {
    let mut a = Args {
        cases: 1_000_000,
        seed: 20_231_108,
        minutes: None,
        threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
        replay: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut val = || it.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--cases" => {
                a.cases = val()?
                    .replace('_', "")
                    .parse()
                    .map_err(|e| format!("--cases: {e}"))?
            }
            "--seed" => a.seed = val()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--minutes" => a.minutes = Some(val()?.parse().map_err(|e| format!("--minutes: {e}"))?),
            "--threads" => {
                a.threads = val()?
                    .parse::<usize>()
                    .map_err(|e| format!("--threads: {e}"))?
                    .max(1)
            }
            "--replay" => {
                let v = val()?;
                let (r, i) = v.split_once(':').ok_or("--replay ROUND:INDEX")?;
                let round = ROUNDS
                    .iter()
                    .copied()
                    .find(|x| x.name() == r)
                    .ok_or(format!("--replay: no round {r}"))?;
                a.replay = Some((round, i.parse().map_err(|e| format!("--replay: {e}"))?));
            }
            "-h" | "--help" => {
                println!(
                    "soak [--cases N] [--seed S] [--minutes M] [--threads T] [--replay ROUND:INDEX]\n\
                     rounds: {}",
                    ROUNDS.map(Round::name).join(", ")
                );
                std::process::exit(0);
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(a)
}

struct Failure {
    round: Round,
    index: u64,
    panic: bool,
    message: String,
    slot: Slot,
}

fn failures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target/soak-failures")
}

fn write_failure(seed: u64, f: &Failure) -> std::io::Result<PathBuf> {
    let dir = failures_dir();
    std::fs::create_dir_all(&dir)?;
    let stem = format!("{}-{}", f.round.name(), f.index);
    let input = dir.join(format!("{stem}.{}", f.slot.ext));
    std::fs::write(&input, &f.slot.bytes)?;
    std::fs::write(
        dir.join(format!("{stem}.txt")),
        format!(
            "{}: {}\nround {} input {} (seed {seed})\nnote: {}\ninput: {}\nreplay: cargo run --release -p tic-cli --example soak -- --seed {seed} --replay {}:{}\n",
            if f.panic { "panic" } else { "property failed" },
            f.message,
            f.round.name(),
            f.index,
            f.slot.note,
            input.display(),
            f.round.name(),
            f.index,
        ),
    )?;
    Ok(input)
}

fn main() {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("soak: {e}");
            std::process::exit(2);
        }
    };
    std::panic::set_hook(Box::new(|info| {
        let msg = info.to_string();
        LAST_PANIC.with(|p| *p.borrow_mut() = Some(msg));
    }));
    // Built before the clock starts and outside any input.
    let _ = (valid_tables(), base_workbooks(), policy());

    if let Some((round, index)) = args.replay {
        let mut slot = Slot::default();
        let outcome = run_one(round, seed_for(args.seed, round as usize, index), &mut slot);
        println!(
            "input ({} bytes, .{}): {}",
            slot.bytes.len(),
            slot.ext,
            String::from_utf8_lossy(&slot.bytes[..slot.bytes.len().min(4000)])
        );
        println!("note: {}", slot.note);
        match outcome {
            Outcome::Pass => println!("passes"),
            Outcome::Property(m) => println!("property failed: {m}"),
            Outcome::Panic(m) => println!("panic: {m}"),
        }
        return;
    }

    let total_weight: u64 = ROUNDS.iter().map(|r| r.weight()).sum();
    let block = total_weight; // inputs per block, over all rounds
    let done: [AtomicU64; 6] = Default::default();
    let nanos: [AtomicU64; 6] = Default::default();
    let panics = AtomicU64::new(0);
    let property = AtomicU64::new(0);
    let failures: Mutex<Vec<Failure>> = Mutex::new(Vec::new());
    let start = Instant::now();
    let mut next_index = [0u64; 6];
    let mut last_print = Instant::now();
    let mut total: u64 = 0;
    println!(
        "soak: seed {}, up to {} inputs{}, {} threads; rounds per {} inputs: {}",
        args.seed,
        args.cases,
        args.minutes
            .map(|m| format!(" or {m} minutes"))
            .unwrap_or_default(),
        args.threads,
        block,
        ROUNDS
            .iter()
            .map(|r| format!("{} {}", r.name(), r.weight()))
            .collect::<Vec<_>>()
            .join(", ")
    );
    while total < args.cases {
        if let Some(m) = args.minutes {
            if start.elapsed().as_secs_f64() >= m * 60.0 {
                break;
            }
        }
        // This block: each round's share, scaled down for the last (partial) block.
        let left = args.cases - total;
        let counts: Vec<u64> = ROUNDS
            .iter()
            .map(|r| {
                if left >= block {
                    r.weight()
                } else {
                    (r.weight() * left).div_ceil(block)
                }
            })
            .collect();
        std::thread::scope(|s| {
            for t in 0..args.threads {
                let (counts, next_index) = (&counts, &next_index);
                let (done, nanos, panics, property, failures) =
                    (&done, &nanos, &panics, &property, &failures);
                let (seed, threads) = (args.seed, args.threads as u64);
                s.spawn(move || {
                    for (ri, round) in ROUNDS.iter().enumerate() {
                        let first = next_index[ri];
                        let mut k = t as u64;
                        while k < counts[ri] {
                            let index = first + k;
                            let mut slot = Slot::default();
                            let t0 = Instant::now();
                            let outcome = run_one(*round, seed_for(seed, ri, index), &mut slot);
                            nanos[ri].fetch_add(t0.elapsed().as_nanos() as u64, Ordering::Relaxed);
                            done[ri].fetch_add(1, Ordering::Relaxed);
                            let (panic, message) = match outcome {
                                Outcome::Pass => {
                                    k += threads;
                                    continue;
                                }
                                Outcome::Panic(m) => {
                                    panics.fetch_add(1, Ordering::Relaxed);
                                    (true, m)
                                }
                                Outcome::Property(m) => {
                                    property.fetch_add(1, Ordering::Relaxed);
                                    (false, m)
                                }
                            };
                            let mut f = failures.lock().unwrap();
                            if f.len() < 200 {
                                f.push(Failure {
                                    round: *round,
                                    index,
                                    panic,
                                    message,
                                    slot,
                                });
                            }
                            k += threads;
                        }
                    }
                });
            }
        });
        for (ri, c) in counts.iter().enumerate() {
            next_index[ri] += c;
            total += c;
        }
        if last_print.elapsed().as_secs() >= 10 || total >= args.cases {
            last_print = Instant::now();
            let secs = start.elapsed().as_secs_f64();
            println!(
                "  {:>9} inputs, {:>6.0}/s, {} panics, {} property failures, {:.0} s",
                total,
                total as f64 / secs,
                panics.load(Ordering::Relaxed),
                property.load(Ordering::Relaxed),
                secs
            );
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let failures = failures.into_inner().unwrap();
    // Written in a stable order (input order within each round).
    let mut failures = failures;
    failures.sort_by_key(|f| (f.round as usize, f.index));
    for (i, f) in failures.iter().enumerate() {
        let path = if i < 50 {
            write_failure(args.seed, f)
                .map(|p| p.display().to_string())
                .unwrap_or_else(|e| format!("(not written: {e})"))
        } else {
            "(not written)".into()
        };
        if i < 10 {
            eprintln!(
                "soak: {} in round {} input {}: {}\n      input: {path}  note: {}",
                if f.panic { "PANIC" } else { "PROPERTY FAILED" },
                f.round.name(),
                f.index,
                f.message
                    .lines()
                    .take(6)
                    .collect::<Vec<_>>()
                    .join("\n      "),
                f.slot.note
            );
        }
    }
    for (ri, r) in ROUNDS.iter().enumerate() {
        let n = done[ri].load(Ordering::Relaxed);
        let busy = nanos[ri].load(Ordering::Relaxed) as f64 / 1e9;
        println!(
            "  round {:<12} {:>9} inputs, {:>7.1} s busy, {:>7.1} µs each",
            r.name(),
            n,
            busy,
            busy * 1e6 / n.max(1) as f64
        );
    }
    let (np, nf) = (
        panics.load(Ordering::Relaxed),
        property.load(Ordering::Relaxed),
    );
    println!("soak: {total} inputs, {np} panics, {nf} property failures, {secs:.0} s");
    if np + nf > 0 {
        std::process::exit(1);
    }
}
