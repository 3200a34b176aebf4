//! The construction period (contract `tic-progress/1`): an approved centre's yearly figures
//! against its milestones, its standing (on track, warning, delisted, accepted, revoked), the
//! subsidy it is entitled to year by year with the outlook of each year, and the subsidy that
//! would be recovered (五（一）（四）, 三（四）).
//!
//! Pure and total like the assessment: [`parse_progress`] is the only part that refuses input;
//! [`track`] cannot fail. Every number (the period, the horizons, the subsidy terms, the failures
//! that delist, the forbidden uses) comes from the policy data; the milestones are the policy's
//! own requirements (those listed under `[tracking]`), so their thresholds are written once.

use crate::funding::{year_amount, FundingYear};
use crate::input::{join, Expected, InputError, Problem, Reader};
use crate::json::{Json, Object};
use crate::money::Wan;
use crate::policy::{Policy, Requirement, Rule};
use crate::report::ReadingOut;
use crate::text::{Lang, Text, Words};
use crate::vocab::{
    Evaluation, LegalStatus, LimitedBy, Metric, MilestoneStatus, Outlook, Standing, TargetSource,
    Unit, YearField,
};
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The schema identifier of progress records.
pub const PROGRESS_SCHEMA: &str = "tic-progress/1";
/// The schema identifier of progress reports.
pub const PROGRESS_REPORT_SCHEMA: &str = "tic-progress-report/1";

const fn w(zh: &'static str, en: &'static str) -> Words {
    Words { zh, en }
}

/// How a year's figure is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearKind {
    /// 万元, decimals allowed.
    Money,
    /// A whole number ≥ 0.
    Count,
    /// `independent`, `separate_accounting`, `none`.
    LegalStatus,
    /// `excellent`, `pass`, `fail`.
    Evaluation,
}

/// The one description of a yearly figure: its kind, its unit and its names. The parser, the
/// report, the tabular layout of a portfolio and the page's grid all read it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct YearFieldDef {
    /// The figure.
    pub field: YearField,
    /// How it is written.
    pub kind: YearKind,
    /// Its unit, for numbers.
    pub unit: Option<Unit>,
    /// Its name, as a column header or a form label.
    pub label: Words,
}

/// The definition of a yearly figure.
pub const fn year_field(f: YearField) -> YearFieldDef {
    use YearField as F;
    let (kind, unit, label) = match f {
        F::InvestmentWan => (
            YearKind::Money,
            Some(Unit::Wan),
            w("当年总投入（万元）", "Investment in the year (万元)"),
        ),
        F::CapacityInvestmentWan => (
            YearKind::Money,
            Some(Unit::Wan),
            w(
                "当年创新能力建设投入（万元）",
                "Capacity-building investment in the year (万元)",
            ),
        ),
        F::Staff => (
            YearKind::Count,
            Some(Unit::People),
            w("年末技术创新队伍人数", "Innovation staff at year end"),
        ),
        F::Teams => (
            YearKind::Count,
            Some(Unit::Teams),
            w("年末高层次创新创业团队数", "High-level teams at year end"),
        ),
        F::Bases => (
            YearKind::Count,
            Some(Unit::Bases),
            w("年末核心以外基地数", "Bases beyond the core at year end"),
        ),
        F::LegalStatus => (
            YearKind::LegalStatus,
            None,
            w("年末法人形式", "Legal form at year end"),
        ),
        F::TransferBases => (
            YearKind::Count,
            Some(Unit::Bases),
            w(
                "年末技术转移转化基地数",
                "Technology transfer bases at year end",
            ),
        ),
        F::PartnerFirms => (
            YearKind::Count,
            Some(Unit::Firms),
            w(
                "年末紧密合作企业数",
                "Closely cooperating firms at year end",
            ),
        ),
        F::Spinoffs => (
            YearKind::Count,
            Some(Unit::Firms),
            w("累计衍生孵化企业数", "Spin-offs since approval"),
        ),
        F::FirmsServed => (
            YearKind::Count,
            Some(Unit::Firms),
            w("累计服务企业数", "Firms served since approval"),
        ),
        F::Evaluation => (
            YearKind::Evaluation,
            None,
            w("年度绩效评价", "Annual evaluation"),
        ),
        F::SubsidyReceivedWan => (
            YearKind::Money,
            Some(Unit::Wan),
            w(
                "当年收到市级补助（万元）",
                "Municipal subsidy received (万元)",
            ),
        ),
    };
    YearFieldDef {
        field: f,
        kind,
        unit,
        label,
    }
}

/// An evaluation in words.
pub const fn evaluation_name(e: Evaluation) -> Words {
    match e {
        Evaluation::Excellent => w("优秀", "Excellent"),
        Evaluation::Pass => w("合格", "Pass"),
        Evaluation::Fail => w("不合格", "Fail"),
    }
}

/// A standing in words.
pub const fn standing_name(s: Standing) -> Words {
    match s {
        Standing::OnTrack => w("按计划推进", "On track"),
        Standing::Warning => w("预警", "Warning"),
        Standing::Delisted => w("摘牌", "Delisted"),
        Standing::Accepted => w("通过验收", "Accepted"),
        Standing::Revoked => w("取消创建资格", "Status revoked"),
        Standing::AcceptanceUnknown => {
            w("验收待定（信息不全）", "Acceptance open (figures missing)")
        }
    }
}

/// A milestone's status in words.
pub const fn milestone_status_name(s: MilestoneStatus) -> Words {
    match s {
        MilestoneStatus::Met => w("已达到", "Met"),
        MilestoneStatus::Missed => w("未达到", "Missed"),
        MilestoneStatus::Unknown => w("未填报", "Not reported"),
        MilestoneStatus::Pending => w("未到期", "Not due yet"),
    }
}

/// A subsidy year's outlook in words.
pub const fn outlook_name(o: Outlook) -> Words {
    match o {
        Outlook::Normal => w("正常", "Normal"),
        Outlook::AtRisk => w("有风险", "At risk"),
        Outlook::Pending => w("待评价", "Awaiting evaluation"),
        Outlook::Stopped => w("已停止", "Stopped"),
    }
}

/// A reported figure of one year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearValue {
    /// Money.
    Money(Wan),
    /// A count.
    Count(u32),
    /// A legal status.
    Legal(LegalStatus),
    /// An evaluation.
    Eval(Evaluation),
}

/// The figures of one construction year, once it is over. Every figure is optional.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct YearReport {
    values: BTreeMap<YearField, YearValue>,
}

impl YearReport {
    /// The figure reported for `f`.
    pub fn get(&self, f: YearField) -> Option<YearValue> {
        self.values.get(&f).copied()
    }

    /// Sets (or, with `None`, clears) a figure.
    pub fn set(&mut self, f: YearField, v: Option<YearValue>) {
        match v {
            Some(v) => self.values.insert(f, v),
            None => self.values.remove(&f),
        };
    }

    /// A money figure.
    pub fn money(&self, f: YearField) -> Option<Wan> {
        match self.get(f) {
            Some(YearValue::Money(w)) => Some(w),
            _ => None,
        }
    }

    /// A count.
    pub fn count(&self, f: YearField) -> Option<u32> {
        match self.get(f) {
            Some(YearValue::Count(n)) => Some(n),
            _ => None,
        }
    }

    /// The legal status at the end of the year.
    pub fn legal_status(&self) -> Option<LegalStatus> {
        match self.get(YearField::LegalStatus) {
            Some(YearValue::Legal(s)) => Some(s),
            _ => None,
        }
    }

    /// The year's evaluation.
    pub fn evaluation(&self) -> Option<Evaluation> {
        match self.get(YearField::Evaluation) {
            Some(YearValue::Eval(e)) => Some(e),
            _ => None,
        }
    }

    /// Nothing reported.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }
}

/// A centre's own target, replacing the policy default of a numeric milestone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// For an investment milestone.
    Money(Wan),
    /// For a count milestone.
    Count(u64),
}

/// A progress record (`tic-progress/1`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Progress {
    /// Name of the centre.
    pub name: Option<String>,
    /// District.
    pub district: Option<String>,
    /// The centre's own targets (建设责任书), by milestone id.
    pub targets: BTreeMap<String, Target>,
    /// One entry per construction year reported, year 1 first.
    pub years: Vec<YearReport>,
    /// How the subsidy received was spent, by use id; `None`: not reported.
    pub spending: Option<BTreeMap<String, Wan>>,
}

/// Which milestones can take a centre's own target: those whose rule is a number.
pub fn numeric_milestones(policy: &Policy) -> impl Iterator<Item = &Requirement> {
    policy
        .milestones
        .iter()
        .filter_map(|&i| policy.requirements.get(i))
        .filter(|r| matches!(r.rule, Rule::AtLeast { .. } | Rule::InvestmentSum { .. }))
}

/// The yearly figure a count milestone reads.
pub fn metric_field(m: Metric) -> YearField {
    match m {
        Metric::Bases => YearField::Bases,
        Metric::StaffYear2 | Metric::StaffYear5 => YearField::Staff,
        Metric::TeamsYear2 | Metric::TeamsYear5 => YearField::Teams,
        Metric::TransferBases => YearField::TransferBases,
        Metric::PartnerFirms => YearField::PartnerFirms,
        Metric::Spinoffs => YearField::Spinoffs,
        Metric::FirmsServed => YearField::FirmsServed,
    }
}

const ROOT_FIELDS: &[&str] = &[
    "schema",
    "name",
    "district",
    "targets",
    "years",
    "subsidy_spending_wan",
];

/// Reads and checks a progress record. Returns it, or every problem found, each with its path
/// (`years[2].staff`).
pub fn parse_progress(policy: &Policy, json: &str) -> Result<Progress, Vec<InputError>> {
    let value = crate::input::read_json(json).map_err(|e| vec![e])?;
    progress_from_json(policy, &value)
}

/// Checks a progress record already parsed as a `serde_json::Value`.
pub fn progress_from_value(policy: &Policy, value: &Value) -> Result<Progress, Vec<InputError>> {
    progress_from_json(policy, &Json::from(value))
}

/// Checks a progress record already read with [`crate::input::read_json`].
pub fn progress_from_json(policy: &Policy, value: &Json) -> Result<Progress, Vec<InputError>> {
    let mut r = Reader {
        policy,
        errors: Vec::new(),
    };
    let p = read_progress(&mut r, value);
    if r.errors.is_empty() {
        Ok(p)
    } else {
        Err(r.errors)
    }
}

fn year_field_names() -> &'static [&'static str] {
    const N: usize = YearField::ALL.len();
    const fn names() -> [&'static str; N] {
        let mut out = [""; N];
        let mut i = 0;
        while i < N {
            out[i] = YearField::ALL[i].id();
            i += 1;
        }
        out
    }
    const NAMES: [&str; N] = names();
    &NAMES
}

fn read_progress(r: &mut Reader<'_>, v: &Json) -> Progress {
    let mut p = Progress::default();
    let Some(root) = r.object("", Some(v), ROOT_FIELDS) else {
        if v.is_null() {
            r.fail(
                "",
                Problem::WrongType {
                    expected: Expected::Object,
                },
            );
        }
        return p;
    };
    r.schema(root, PROGRESS_SCHEMA);
    p.name = r.string("name", root.get("name"));
    p.district = r.string("district", root.get("district"));
    match root.get("targets") {
        None | Some(Json::Null) => {}
        Some(Json::Object(m)) => read_targets(r, m, &mut p.targets),
        Some(_) => r.fail(
            "targets",
            Problem::WrongType {
                expected: Expected::Object,
            },
        ),
    }
    let period = r.policy.construction_years;
    if let Some(items) = r.array("years", root.get("years"), period) {
        for (i, item) in items.iter().enumerate().take(period) {
            let path = format!("years[{i}]");
            let mut y = YearReport::default();
            if let Some(m) = r.object(&path, Some(item), year_field_names()) {
                for f in YearField::ALL {
                    let fp = join(&path, f.id());
                    let raw = m.get(f.id());
                    let value = match year_field(*f).kind {
                        YearKind::Money => match raw {
                            None | Some(Json::Null) => None,
                            Some(v) => r.money(&fp, v).map(YearValue::Money),
                        },
                        YearKind::Count => r.count(&fp, raw).map(YearValue::Count),
                        YearKind::LegalStatus => {
                            let all: Vec<&str> = LegalStatus::ALL.iter().map(|x| x.id()).collect();
                            r.choice(&fp, raw, LegalStatus::from_id, &all)
                                .map(YearValue::Legal)
                        }
                        YearKind::Evaluation => {
                            let all: Vec<&str> = Evaluation::ALL.iter().map(|x| x.id()).collect();
                            r.choice(&fp, raw, Evaluation::from_id, &all)
                                .map(YearValue::Eval)
                        }
                    };
                    y.set(*f, value);
                }
            } else if item.is_null() {
                r.fail(
                    path,
                    Problem::WrongType {
                        expected: Expected::Object,
                    },
                );
            }
            p.years.push(y);
        }
    }
    match root.get("subsidy_spending_wan") {
        None | Some(Json::Null) => {}
        Some(Json::Object(m)) => {
            let mut out = BTreeMap::new();
            for (k, v) in m.iter() {
                let path = format!("subsidy_spending_wan.{k}");
                if !r.policy.spending.iter().any(|s| s.id == k) {
                    let allowed = r.policy.spending.iter().map(|s| s.id.clone()).collect();
                    r.fail(
                        path,
                        Problem::UnknownValue {
                            found: k.to_owned(),
                            allowed,
                        },
                    );
                    continue;
                }
                if v.is_null() {
                    continue;
                }
                if let Some(w) = r.money(&path, v) {
                    out.insert(k.to_owned(), w);
                }
            }
            p.spending = Some(out);
        }
        Some(_) => r.fail(
            "subsidy_spending_wan",
            Problem::WrongType {
                expected: Expected::Object,
            },
        ),
    }
    p
}

fn read_targets(r: &mut Reader<'_>, m: &Object, out: &mut BTreeMap<String, Target>) {
    let policy = r.policy;
    for (k, v) in m.iter() {
        let path = format!("targets.{k}");
        let Some(req) = numeric_milestones(policy).find(|q| q.id == k) else {
            let allowed = numeric_milestones(policy).map(|q| q.id.clone()).collect();
            r.fail(
                path,
                Problem::UnknownValue {
                    found: k.to_owned(),
                    allowed,
                },
            );
            continue;
        };
        let t = match req.rule {
            Rule::InvestmentSum { .. } => match v {
                Json::Null => None,
                v => r.money(&path, v).map(Target::Money),
            },
            _ => r.count(&path, Some(v)).map(|n| Target::Count(u64::from(n))),
        };
        if let Some(t) = t {
            out.insert(k.to_owned(), t);
        }
    }
}

impl Progress {
    /// The record as contract JSON (pretty-printed), ready to save or to put in a link.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(&self.to_value()).unwrap_or_default()
    }

    /// The record as a JSON value.
    pub fn to_value(&self) -> Value {
        let mut root = Map::new();
        root.insert("schema".into(), Value::from(PROGRESS_SCHEMA));
        if let Some(n) = &self.name {
            root.insert("name".into(), Value::from(n.clone()));
        }
        if let Some(d) = &self.district {
            root.insert("district".into(), Value::from(d.clone()));
        }
        // Maps built by inserting, not collected: collecting a map links a sort-and-dedup bulk
        // builder that the tracking bundle would carry for nothing (the keys come unique).
        if !self.targets.is_empty() {
            let mut t = Map::new();
            for (k, target) in &self.targets {
                let v = match target {
                    Target::Money(w) => money_value(*w),
                    Target::Count(n) => Value::from(*n),
                };
                t.insert(k.clone(), v);
            }
            root.insert("targets".into(), Value::Object(t));
        }
        let years: Vec<Value> = self
            .years
            .iter()
            .map(|y| {
                let mut m = Map::new();
                for (f, v) in &y.values {
                    let v = match v {
                        YearValue::Money(w) => money_value(*w),
                        YearValue::Count(n) => Value::from(*n),
                        YearValue::Legal(s) => Value::from(s.id()),
                        YearValue::Eval(e) => Value::from(e.id()),
                    };
                    m.insert(f.id().to_owned(), v);
                }
                Value::Object(m)
            })
            .collect();
        root.insert("years".into(), Value::Array(years));
        if let Some(sp) = &self.spending {
            let mut m = Map::new();
            for (k, w) in sp {
                m.insert(k.clone(), money_value(*w));
            }
            root.insert("subsidy_spending_wan".into(), Value::Object(m));
        }
        Value::Object(root)
    }
}

fn money_value(w: Wan) -> Value {
    if w.yuan() % 10_000 == 0 {
        Value::from(w.yuan() / 10_000)
    } else {
        serde_json::Number::from_f64(w.as_wan())
            .map(Value::Number)
            .unwrap_or(Value::Null)
    }
}

/// A figure a milestone compares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Figure {
    /// Money.
    Money(Wan),
    /// A count.
    Count(u64),
    /// A legal status.
    Legal(LegalStatus),
}

/// One milestone of construction, judged.
#[derive(Clone, Debug, PartialEq)]
pub struct Milestone<'p> {
    /// The requirement it tracks.
    pub requirement: &'p Requirement,
    /// The construction year by whose end it is due.
    pub due_year: usize,
    /// Met, missed, unknown or pending.
    pub status: MilestoneStatus,
    /// The value it must reach.
    pub required: Figure,
    /// Whether `required` is the policy's default or the centre's own target.
    pub source: TargetSource,
    /// The figure reached (for a sum: of the years known).
    pub actual: Option<Figure>,
    /// While pending: what is still missing (0 when already reached).
    pub remaining: Option<Figure>,
    /// While pending: years until it is due.
    pub years_left: Option<usize>,
    /// While pending: `remaining` spread over `years_left`, rounded up.
    pub per_year_needed: Option<Figure>,
    /// For a sum: how many of the years it counts are reported (of those that are over).
    pub years_known: Option<usize>,
}

/// One subsidy year during construction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntitlementYear {
    /// 1-based year.
    pub year: usize,
    /// The year's capacity-building investment, if reported.
    pub base: Option<Wan>,
    /// The entitlement, when it can be known (this and every earlier base reported).
    pub entitled: Option<FundingYear>,
    /// What stands in its way.
    pub outlook: Outlook,
}

/// The subsidy during construction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entitlement {
    /// One entry per subsidy year.
    pub years: Vec<EntitlementYear>,
    /// Sum of the known entitlements.
    pub entitled_total: Wan,
    /// Sum of the subsidy received, as reported.
    pub received_total: Wan,
    /// Years evaluated excellent (市级重大专项优先支持, 三（四）).
    pub major_project_priority_years: Vec<usize>,
}

/// The subsidy that would be recovered (五（四）).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recovery {
    /// Whether it applies now (delisted or revoked).
    pub applies: bool,
    /// Received and not spent; `None` without spending figures.
    pub unspent: Option<Wan>,
    /// Spent on forbidden uses; `None` without spending figures.
    pub noncompliant: Option<Wan>,
    /// The forbidden uses reported, with their amounts, in policy order.
    pub forbidden: Vec<(String, Wan)>,
    /// Total spending reported.
    pub spent: Option<Wan>,
}

impl Recovery {
    /// `unspent + noncompliant`, when spending is known.
    pub fn amount(&self) -> Option<Wan> {
        Some(self.unspent?.plus(self.noncompliant?))
    }
}

/// The whole result for one centre.
#[derive(Clone, Debug)]
pub struct Tracking<'p> {
    /// The policy version judged under.
    pub policy: &'p Policy,
    /// Construction years reported.
    pub years_reported: usize,
    /// Where the centre stands.
    pub standing: Standing,
    /// The year that completed the run of failed evaluations, when delisted.
    pub delisted_year: Option<usize>,
    /// The milestones, in the policy's order.
    pub milestones: Vec<Milestone<'p>>,
    /// The subsidy.
    pub funding: Entitlement,
    /// The subsidy at stake.
    pub recovery: Recovery,
    /// The evaluations by year (index 0: year 1), as reported.
    pub evaluations: Vec<Option<Evaluation>>,
}

/// `ceil(a / b)`, for `b > 0`.
fn div_ceil(a: i64, b: i64) -> i64 {
    (a + b - 1) / b
}

fn milestone<'p>(policy: &Policy, req: &'p Requirement, p: &Progress) -> Option<Milestone<'p>> {
    let due_year = policy.due_year(req.due)?;
    let y = p.years.len();
    let target = p.targets.get(&req.id).copied();
    let source = if target.is_some() {
        TargetSource::Agreement
    } else {
        TargetSource::Policy
    };
    let mut m = Milestone {
        requirement: req,
        due_year,
        status: MilestoneStatus::Pending,
        required: Figure::Count(0),
        source,
        actual: None,
        remaining: None,
        years_left: None,
        per_year_needed: None,
        years_known: None,
    };
    let pending = y < due_year;
    if pending {
        m.years_left = Some(due_year - y);
    }
    match &req.rule {
        Rule::InvestmentSum { min, .. } => {
            let required = match target {
                Some(Target::Money(w)) => w,
                _ => *min,
            };
            m.required = Figure::Money(required);
            let counted = &p.years[..y.min(due_year)];
            let known: Vec<Wan> = counted
                .iter()
                .filter_map(|yr| yr.money(YearField::InvestmentWan))
                .collect();
            let sum = known.iter().fold(Wan::ZERO, |s, w| s.plus(*w));
            m.years_known = Some(known.len());
            if pending {
                let actual = (!known.is_empty()).then_some(sum);
                m.actual = actual.map(Figure::Money);
                let remaining = required.minus(actual.unwrap_or(Wan::ZERO));
                let left = (due_year - y) as i64;
                let per = div_ceil(remaining.yuan(), left * 100) * 100;
                m.remaining = Some(Figure::Money(remaining));
                m.per_year_needed = Some(Figure::Money(Wan::from_yuan(per)));
            } else {
                m.actual = Some(Figure::Money(sum));
                m.status = if sum >= required {
                    MilestoneStatus::Met
                } else if known.len() == due_year {
                    MilestoneStatus::Missed
                } else {
                    MilestoneStatus::Unknown
                };
            }
        }
        Rule::AtLeast { metric, min, .. } => {
            let required = match target {
                Some(Target::Count(n)) => n,
                _ => *min,
            };
            m.required = Figure::Count(required);
            let f = metric_field(*metric);
            if pending {
                let latest = p.years.iter().rev().find_map(|yr| yr.count(f));
                let actual = latest.map(u64::from);
                m.actual = actual.map(Figure::Count);
                let remaining = required.saturating_sub(actual.unwrap_or(0));
                let left = (due_year - y) as u64;
                m.remaining = Some(Figure::Count(remaining));
                m.per_year_needed = Some(Figure::Count(remaining.div_ceil(left)));
            } else {
                let actual = p.years[due_year - 1].count(f).map(u64::from);
                m.actual = actual.map(Figure::Count);
                m.status = match actual {
                    Some(a) if a >= required => MilestoneStatus::Met,
                    Some(_) => MilestoneStatus::Missed,
                    None => MilestoneStatus::Unknown,
                };
            }
        }
        Rule::LegalStatus(allowed) => {
            m.required =
                Figure::Legal(allowed.first().copied().unwrap_or(LegalStatus::Independent));
            if !pending {
                let actual = p.years[due_year - 1].legal_status();
                m.actual = actual.map(Figure::Legal);
                m.status = match actual {
                    Some(s) if allowed.contains(&s) => MilestoneStatus::Met,
                    Some(_) => MilestoneStatus::Missed,
                    None => MilestoneStatus::Unknown,
                };
            }
        }
        _ => return None,
    }
    Some(m)
}

/// Judges a progress record under a policy.
pub fn track<'p>(policy: &'p Policy, p: &Progress) -> Tracking<'p> {
    let milestones: Vec<Milestone<'p>> = policy
        .milestones
        .iter()
        .filter_map(|&i| policy.requirements.get(i))
        .filter_map(|r| milestone(policy, r, p))
        .collect();
    let evaluations: Vec<Option<Evaluation>> = p.years.iter().map(YearReport::evaluation).collect();
    let y = p.years.len();

    // 1. Delisted: `delist_fails` failed evaluations in years in a row.
    let mut run = 0;
    let mut delisted_year = None;
    for (i, e) in evaluations.iter().enumerate() {
        if *e == Some(Evaluation::Fail) {
            run += 1;
            if run >= policy.delist_fails.max(1) {
                delisted_year = Some(i + 1);
                break;
            }
        } else {
            run = 0;
        }
    }
    let end = policy.construction_years;
    let due_at_end = || milestones.iter().filter(|m| m.due_year == end);
    let standing = if delisted_year.is_some() {
        Standing::Delisted
    } else if y >= end {
        if due_at_end().any(|m| m.status == MilestoneStatus::Missed) {
            Standing::Revoked
        } else if due_at_end().all(|m| m.status == MilestoneStatus::Met) {
            Standing::Accepted
        } else {
            Standing::AcceptanceUnknown
        }
    } else if evaluations.iter().rev().flatten().next() == Some(&Evaluation::Fail)
        || milestones
            .iter()
            .any(|m| m.status == MilestoneStatus::Missed)
    {
        Standing::Warning
    } else {
        Standing::OnTrack
    };

    // Funding: the assessment's rule on each reported base; an unreported base stops the count.
    let terms = &policy.funding;
    let mut granted = Wan::ZERO;
    let mut broken = false;
    let mut years = Vec::with_capacity(terms.years);
    for n in 1..=terms.years {
        let base = p
            .years
            .get(n - 1)
            .and_then(|yr| yr.money(YearField::CapacityInvestmentWan));
        let entitled = match base {
            Some(b) if !broken => {
                let fy = year_amount(terms, n, Some(b), granted);
                granted = granted.plus(fy.amount);
                Some(fy)
            }
            _ => {
                broken = true;
                None
            }
        };
        let outlook = if delisted_year.is_some_and(|d| d < n) {
            Outlook::Stopped
        } else if n == 1 {
            Outlook::Normal
        } else {
            match evaluations.get(n - 2).copied().flatten() {
                Some(Evaluation::Fail) => Outlook::AtRisk,
                None => Outlook::Pending,
                Some(_) => Outlook::Normal,
            }
        };
        years.push(EntitlementYear {
            year: n,
            base,
            entitled,
            outlook,
        });
    }
    let received_total = p
        .years
        .iter()
        .filter_map(|yr| yr.money(YearField::SubsidyReceivedWan))
        .fold(Wan::ZERO, Wan::plus);
    let funding = Entitlement {
        years,
        entitled_total: granted,
        received_total,
        major_project_priority_years: evaluations
            .iter()
            .enumerate()
            .filter(|(_, e)| **e == Some(Evaluation::Excellent))
            .map(|(i, _)| i + 1)
            .collect(),
    };

    let applies = matches!(standing, Standing::Delisted | Standing::Revoked);
    let recovery = match &p.spending {
        None => Recovery {
            applies,
            unspent: None,
            noncompliant: None,
            forbidden: Vec::new(),
            spent: None,
        },
        Some(sp) => {
            let spent = sp.values().fold(Wan::ZERO, |s, w| s.plus(*w));
            let forbidden: Vec<(String, Wan)> = policy
                .spending
                .iter()
                .filter(|u| u.forbidden)
                .filter_map(|u| sp.get(&u.id).map(|w| (u.id.clone(), *w)))
                .collect();
            let noncompliant = forbidden.iter().fold(Wan::ZERO, |s, (_, w)| s.plus(*w));
            Recovery {
                applies,
                unspent: Some(received_total.minus(spent)),
                noncompliant: Some(noncompliant),
                forbidden,
                spent: Some(spent),
            }
        }
    };
    Tracking {
        policy,
        years_reported: y,
        standing,
        delisted_year,
        milestones,
        funding,
        recovery,
        evaluations,
    }
}

/// A figure in words: `9,300万元`, `96人`, `独立法人`.
pub fn figure_text(f: Figure, unit: Unit, lang: Lang) -> String {
    match f {
        Figure::Money(w) => crate::explain::money(w, lang),
        Figure::Count(n) => crate::explain::count(n, unit, lang),
        Figure::Legal(s) => crate::fields::Choice::words(s).get(lang).to_owned(),
    }
}

fn unit_of(m: &Milestone<'_>) -> Unit {
    match m.requirement.rule {
        Rule::AtLeast { unit, .. } => unit,
        _ => Unit::Wan,
    }
}

/// Why a milestone has its status, in both languages.
pub fn milestone_explanation(m: &Milestone<'_>) -> Text {
    let u = unit_of(m);
    let f = |x: Option<Figure>, l: Lang| x.map(|x| figure_text(x, u, l));
    let t = &m.requirement.title;
    let c = &m.requirement.clause;
    let d = m.due_year;
    let req = |l| figure_text(m.required, u, l);
    let src = |l: Lang| match (m.source, l) {
        (TargetSource::Agreement, Lang::Zh) => "（建设责任书约定）",
        (TargetSource::Agreement, Lang::En) => " (construction agreement)",
        (TargetSource::Policy, _) => "",
    };
    match m.status {
        MilestoneStatus::Met => Text::new(
            format!(
                "{}：第{d}年达到{}，目标{}{}（{c}）。",
                t.zh,
                f(m.actual, Lang::Zh).unwrap_or_default(),
                req(Lang::Zh),
                src(Lang::Zh)
            ),
            format!(
                "{}: {} by year {d}, target {}{} ({c}).",
                t.en,
                f(m.actual, Lang::En).unwrap_or_default(),
                req(Lang::En),
                src(Lang::En)
            ),
        ),
        MilestoneStatus::Missed => Text::new(
            format!(
                "{}：第{d}年为{}，未达到目标{}{}（{c}）。",
                t.zh,
                f(m.actual, Lang::Zh).unwrap_or_default(),
                req(Lang::Zh),
                src(Lang::Zh)
            ),
            format!(
                "{}: {} by year {d}, short of the target {}{} ({c}).",
                t.en,
                f(m.actual, Lang::En).unwrap_or_default(),
                req(Lang::En),
                src(Lang::En)
            ),
        ),
        MilestoneStatus::Unknown => Text::new(
            format!(
                "{}：第{d}年到期，但相关数据未填报，目标{}{}（{c}）。",
                t.zh,
                req(Lang::Zh),
                src(Lang::Zh)
            ),
            format!(
                "{}: due by year {d}, but the figures are not reported; target {}{} ({c}).",
                t.en,
                req(Lang::En),
                src(Lang::En)
            ),
        ),
        MilestoneStatus::Pending => {
            let left = m.years_left.unwrap_or(0);
            match (m.remaining, m.per_year_needed) {
                (Some(rem), Some(per)) => Text::new(
                    format!(
                        "{}：目标{}{}，第{d}年到期；目前{}，尚差{}，剩余{left}年平均每年需{}（{c}）。",
                        t.zh,
                        req(Lang::Zh),
                        src(Lang::Zh),
                        f(m.actual, Lang::Zh).unwrap_or_else(|| "未填报".into()),
                        figure_text(rem, u, Lang::Zh),
                        figure_text(per, u, Lang::Zh)
                    ),
                    format!(
                        "{}: target {}{} by year {d}; now {}, {} to go, {} a year over the {left} year(s) left ({c}).",
                        t.en,
                        req(Lang::En),
                        src(Lang::En),
                        f(m.actual, Lang::En).unwrap_or_else(|| "not reported".into()),
                        figure_text(rem, u, Lang::En),
                        figure_text(per, u, Lang::En)
                    ),
                ),
                _ => Text::new(
                    format!("{}：须在第{d}年末前达到{}（{c}），还有{left}年。", t.zh, req(Lang::Zh), c = c),
                    format!("{}: must be {} by the end of year {d} ({c}); {left} year(s) left.", t.en, req(Lang::En)),
                ),
            }
        }
    }
}

/// Why the centre has its standing, in both languages.
pub fn standing_reason(t: &Tracking<'_>) -> Text {
    let n = t.policy.delist_fails;
    let end = t.policy.construction_years;
    let missed: Vec<&Milestone<'_>> = t
        .milestones
        .iter()
        .filter(|m| m.status == MilestoneStatus::Missed)
        .collect();
    let titles = |l: Lang, ms: &[&Milestone<'_>]| {
        ms.iter()
            .map(|m| m.requirement.title.get(l).to_owned())
            .collect::<Vec<_>>()
            .join(if l == Lang::Zh { "、" } else { ", " })
    };
    match t.standing {
        Standing::Delisted => {
            let y = t.delisted_year.unwrap_or(0);
            Text::new(
                format!("第{}–{y}年连续{n}次年度绩效评价不合格，按五（四）予以摘牌；财政结余经费和使用不合规经费予以收回。", y + 1 - n.min(y)),
                format!("The evaluations of years {}–{y} failed, {n} in a row: under 五（四） the centre is delisted, and unspent and non-compliant subsidy is recovered.", y + 1 - n.min(y)),
            )
        }
        Standing::Accepted => Text::new(
            format!("建设期{end}年已满，期满应达到的目标均已达到，可通过验收（五（四））。"),
            format!("The {end} years of construction are over and every target due at their end is met: the centre can be accepted (五（四）)."),
        ),
        Standing::Revoked => {
            let end_missed: Vec<&Milestone<'_>> = missed.iter().copied().filter(|m| m.due_year == end).collect();
            Text::new(
                format!("建设期满，未按约定完成：{}。按五（四）取消创建资格，并收回结余和不合规经费。", titles(Lang::Zh, &end_missed)),
                format!("Construction is over and these targets are not met: {}. Under 五（四） the centre loses its status, and unspent and non-compliant subsidy is recovered.", titles(Lang::En, &end_missed)),
            )
        }
        Standing::AcceptanceUnknown => Text::new(
            "建设期满，但部分期满目标的数据未填报，暂无法判断能否通过验收。",
            "Construction is over, but some figures due at its end are not reported: acceptance cannot be judged yet.",
        ),
        Standing::Warning => {
            let failed = t.evaluations.iter().rev().flatten().next() == Some(&Evaluation::Fail);
            let mut zh = Vec::new();
            let mut en = Vec::new();
            if failed {
                zh.push(format!("最近一次年度评价不合格，再有一次即连续{n}次，将予以摘牌"));
                en.push(format!("the latest evaluation failed; one more makes {n} in a row, which delists the centre"));
            }
            if !missed.is_empty() {
                zh.push(format!("未达到：{}", titles(Lang::Zh, &missed)));
                en.push(format!("missed: {}", titles(Lang::En, &missed)));
            }
            Text::new(format!("预警：{}。", zh.join("；")), format!("Warning: {}.", en.join("; ")))
        }
        Standing::OnTrack => Text::new(
            format!("已填报{}年，尚无未达到的到期目标，也没有不合格的最近评价。", t.years_reported),
            format!("{} year(s) reported; no target due so far is missed and the latest evaluation did not fail.", t.years_reported),
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// The report (`tic-progress-report/1`).

/// The serialisable report of one tracking.
#[derive(Serialize, Debug)]
pub struct TrackReport<'a> {
    schema: &'static str,
    policy: crate::report::PolicyStamp<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    district: Option<&'a str>,
    years_reported: usize,
    standing: Standing,
    #[serde(skip_serializing_if = "Option::is_none")]
    delisted_year: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<Text>,
    evaluations: Vec<Option<Evaluation>>,
    milestones: Vec<MilestoneOut<'a>>,
    funding: FundingOut,
    recovery: RecoveryOut<'a>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    warnings: Vec<Text>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    readings: Vec<ReadingOut<'a>>,
}

#[derive(Serialize, Debug, Clone, Copy)]
#[serde(untagged)]
enum FigureOut {
    Count(u64),
    Wan(Wan),
    Id(&'static str),
}

fn fig(f: Figure) -> FigureOut {
    match f {
        Figure::Money(w) => FigureOut::Wan(w),
        Figure::Count(n) => FigureOut::Count(n),
        Figure::Legal(s) => FigureOut::Id(s.id()),
    }
}

#[derive(Serialize, Debug)]
struct MilestoneOut<'a> {
    id: &'a str,
    clause: &'a str,
    due_year: usize,
    status: MilestoneStatus,
    required: FigureOut,
    source: TargetSource,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<Unit>,
    #[serde(skip_serializing_if = "Option::is_none")]
    actual: Option<FigureOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    remaining: Option<FigureOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    years_left: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    per_year_needed: Option<FigureOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    explanation: Option<Text>,
}

#[derive(Serialize, Debug)]
struct FundingYearOut {
    year: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    base_wan: Option<Wan>,
    #[serde(skip_serializing_if = "Option::is_none")]
    entitled_wan: Option<Wan>,
    #[serde(skip_serializing_if = "Option::is_none")]
    limited_by: Option<LimitedBy>,
    outlook: Outlook,
}

#[derive(Serialize, Debug)]
struct FundingOut {
    years: Vec<FundingYearOut>,
    entitled_total_wan: Wan,
    received_total_wan: Wan,
    major_project_priority_years: Vec<usize>,
    clause: String,
}

#[derive(Serialize, Debug)]
struct RecoveryOut<'a> {
    applies: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    unspent_wan: Option<Wan>,
    #[serde(skip_serializing_if = "Option::is_none")]
    noncompliant_wan: Option<Wan>,
    #[serde(skip_serializing_if = "Option::is_none")]
    amount_wan: Option<Wan>,
    #[serde(skip_serializing_if = "Option::is_none")]
    spent_wan: Option<Wan>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    forbidden: Vec<ForbiddenOut<'a>>,
    clause: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    explanation: Option<Text>,
}

#[derive(Serialize, Debug)]
struct ForbiddenOut<'a> {
    id: &'a str,
    amount_wan: Wan,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a Text>,
}

/// The warnings of a record: things allowed but worth saying (more spent than received).
pub fn warnings(t: &Tracking<'_>) -> Vec<Text> {
    let mut out = Vec::new();
    if let Some(spent) = t.recovery.spent {
        let got = t.funding.received_total;
        if spent > got {
            let (a, b) = (spent, got);
            out.push(Text::new(
                format!(
                    "填报的补助支出合计{}，超过已收到的市级补助{}；请核对（超出部分不计入结余）。",
                    crate::explain::money(a, Lang::Zh),
                    crate::explain::money(b, Lang::Zh)
                ),
                format!(
                    "The subsidy spending reported ({}) is more than the subsidy received ({}); please check (the excess counts as no unspent funds).",
                    crate::explain::money(a, Lang::En),
                    crate::explain::money(b, Lang::En)
                ),
            ));
        }
    }
    out
}

/// The recovery in words.
pub fn recovery_explanation(t: &Tracking<'_>) -> Text {
    let r = &t.recovery;
    let m = crate::explain::money;
    match r.amount() {
        None => Text::new(
            "未填报补助支出情况，无法计算结余和不合规经费。",
            "No spending of the subsidy is reported: unspent and non-compliant amounts cannot be computed.",
        ),
        Some(a) if r.applies => Text::new(
            format!("按五（四），应收回{}：结余{}，使用不合规{}。", m(a, Lang::Zh), m(r.unspent.unwrap_or_default(), Lang::Zh), m(r.noncompliant.unwrap_or_default(), Lang::Zh)),
            format!("Under 五（四）, {} is recovered: {} unspent and {} spent on forbidden uses.", m(a, Lang::En), m(r.unspent.unwrap_or_default(), Lang::En), m(r.noncompliant.unwrap_or_default(), Lang::En)),
        ),
        Some(a) => Text::new(
            format!("如被摘牌或取消创建资格，按五（四）将收回{}（结余{}，使用不合规{}）。", m(a, Lang::Zh), m(r.unspent.unwrap_or_default(), Lang::Zh), m(r.noncompliant.unwrap_or_default(), Lang::Zh)),
            format!("If the centre were delisted or lost its status, {} would be recovered under 五（四） ({} unspent, {} on forbidden uses).", m(a, Lang::En), m(r.unspent.unwrap_or_default(), Lang::En), m(r.noncompliant.unwrap_or_default(), Lang::En)),
        ),
    }
}

/// Builds the report of a tracking of `p`.
pub fn track_report<'a>(
    t: &'a Tracking<'a>,
    p: &'a Progress,
    detail: crate::report::Detail,
) -> TrackReport<'a> {
    let full = detail == crate::report::Detail::Full;
    let policy = t.policy;
    let milestones = t
        .milestones
        .iter()
        .map(|m| MilestoneOut {
            id: &m.requirement.id,
            clause: &m.requirement.clause,
            due_year: m.due_year,
            status: m.status,
            required: fig(m.required),
            source: m.source,
            unit: match m.required {
                Figure::Legal(_) => None,
                _ => Some(unit_of(m)),
            },
            actual: m.actual.map(fig),
            remaining: m.remaining.map(fig),
            years_left: m.years_left,
            per_year_needed: m.per_year_needed.map(fig),
            title: full.then_some(&m.requirement.title),
            explanation: full.then(|| milestone_explanation(m)),
        })
        .collect();
    let funding = FundingOut {
        years: t
            .funding
            .years
            .iter()
            .map(|y| FundingYearOut {
                year: y.year,
                base_wan: y.base,
                entitled_wan: y.entitled.map(|e| e.amount),
                limited_by: y.entitled.map(|e| e.limited_by),
                outlook: y.outlook,
            })
            .collect(),
        entitled_total_wan: t.funding.entitled_total,
        received_total_wan: t.funding.received_total,
        major_project_priority_years: t.funding.major_project_priority_years.clone(),
        clause: policy.funding.clause.clone(),
    };
    let r = &t.recovery;
    let recovery = RecoveryOut {
        applies: r.applies,
        unspent_wan: r.unspent,
        noncompliant_wan: r.noncompliant,
        amount_wan: r.amount(),
        spent_wan: r.spent,
        forbidden: r
            .forbidden
            .iter()
            .map(|(id, w)| ForbiddenOut {
                id,
                amount_wan: *w,
                name: full
                    .then(|| {
                        policy
                            .spending
                            .iter()
                            .find(|u| &u.id == id)
                            .map(|u| &u.name)
                    })
                    .flatten(),
            })
            .collect(),
        clause: "五（四）",
        explanation: full.then(|| recovery_explanation(t)),
    };
    let readings = if full {
        let mut seen: Vec<&str> = Vec::new();
        let mut out = Vec::new();
        let mut add = |what: &'a str| {
            for r in policy.readings_for(what) {
                if !seen.contains(&r.id.as_str()) {
                    seen.push(&r.id);
                    out.push(ReadingOut::of(r));
                }
            }
        };
        for what in ["standing", "targets", "recovery"] {
            add(what);
        }
        for m in &t.milestones {
            add(&m.requirement.id);
        }
        out
    } else {
        Vec::new()
    };
    TrackReport {
        schema: PROGRESS_REPORT_SCHEMA,
        policy: crate::report::PolicyStamp::of(policy, full),
        name: p.name.as_deref(),
        district: p.district.as_deref(),
        years_reported: t.years_reported,
        standing: t.standing,
        delisted_year: t.delisted_year,
        reason: full.then(|| standing_reason(t)),
        evaluations: t.evaluations.clone(),
        milestones,
        funding,
        recovery,
        warnings: warnings(t),
        readings,
    }
}

impl TrackReport<'_> {
    /// The report as pretty-printed JSON.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The report as compact JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// Parses a progress record and tracks it under the current policy, giving the full report
/// as pretty JSON; or every input problem. The one-call form of the browser's `track` export.
pub fn track_json(json: &str) -> Result<String, Vec<InputError>> {
    let policy = crate::policy::current();
    let p = parse_progress(policy, json)?;
    let t = track(policy, &p);
    Ok(track_report(&t, &p, crate::report::Detail::Full).to_json_pretty())
}
