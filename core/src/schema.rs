//! The shape of a policy data file (`core/policy/*.toml`) and the checks every file must pass.
//!
//! Compiled twice: into `build.rs`, which refuses to build `tic-core` with a policy file that
//! fails [`PolicyFile::problems`], and into the library, which loads the same data at run time.
//! It depends on nothing but `serde`, [`crate::vocab`] and [`crate::keymap`].

pub use crate::keymap::KeyMap;
use crate::vocab::{FieldList, LeadKind, LegalStatus, Metric, OrgFlag, Unit};
use serde::{Deserialize, Serialize};

/// A whole policy file.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyFile {
    /// Identity and provenance.
    pub policy: Meta,
    /// Every number the rules use, by key.
    pub parameters: KeyMap<Parameter>,
    /// The requirements, in output order.
    pub requirements: Vec<RequirementDef>,
    /// 三大科创高地.
    pub highlands: Vec<Choice>,
    /// 标志性产业链.
    pub chains: Vec<Choice>,
    /// 重点优势产业集群.
    pub clusters: Vec<Choice>,
    /// Who may recommend: districts and 管委会.
    pub districts: Vec<District>,
    /// 附件1 first-level indicators.
    pub indicator_groups: Vec<IndicatorGroupDef>,
    /// 附件1 second-level indicators.
    pub indicators: Vec<IndicatorDef>,
    /// The construction period: which requirements are tracked as milestones.
    pub tracking: TrackingDef,
    /// The uses of the subsidy (三（四）): permitted and forbidden.
    pub spending: Vec<SpendingDef>,
    /// How unclear words of the text are read: each reading named, cited and explained.
    #[serde(default)]
    pub readings: Vec<ReadingDef>,
    /// The procedure of 三（一）–（三） and what follows approval, step by step.
    #[serde(default)]
    pub procedure: Vec<StepDef>,
    /// The outline of the construction plan (附件2), heading by heading.
    #[serde(default)]
    pub plan_outline: Vec<StepDef>,
    /// The original text of every clause cited, by clause reference.
    pub clauses: KeyMap<ClauseDef>,
}

/// The construction period (五（一）（四）, contract `tic-progress/1`).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrackingDef {
    /// Requirement ids tracked year by year during construction, in report order. Each is
    /// due at its due point's year (`first_horizon`, `second_horizon`, `construction_years`).
    pub milestones: Vec<String>,
}

/// One use of the municipal subsidy (三（四）).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpendingDef {
    /// Identifier used in progress records (`subsidy_spending_wan`).
    pub id: String,
    /// Chinese name.
    pub zh: String,
    /// English name.
    pub en: String,
    /// Whether the clause forbids it (不得用于…).
    pub forbidden: bool,
    /// Clause reference.
    pub clause: String,
}

/// A reading of words the text leaves open (「原则上」, 「等」, 「连续两次」 …): the tool reads them
/// one way and says so where a result depends on it.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadingDef {
    /// Stable identifier.
    pub id: String,
    /// Clause reference.
    pub clause: String,
    /// What it applies to: requirement or milestone ids, parameter keys, or `standing`,
    /// `funding`, `recovery`.
    pub applies_to: Vec<String>,
    /// The reading, in Chinese.
    pub zh: String,
    /// The reading, in English.
    pub en: String,
}

/// One step of the procedure, or one heading of the plan's outline.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepDef {
    /// Stable identifier.
    pub id: String,
    /// In Chinese (for a heading: as the text numbers it).
    pub zh: String,
    /// In English.
    pub en: String,
    /// The clause that says it, a key of [`PolicyFile::clauses`].
    pub clause: String,
    /// For a sub-heading: the id of its heading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
}

/// Identity and provenance of a policy version.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// Stable identifier, stamped on every assessment.
    pub id: String,
    /// Title in Chinese.
    pub title_zh: String,
    /// Title in English.
    pub title_en: String,
    /// `draft` or `final`.
    pub status: String,
    /// Where the text comes from.
    pub source: String,
    /// The notice to show with every result, in Chinese.
    pub notice_zh: String,
    /// The same notice in English.
    pub notice_en: String,
}

/// One number of the policy, with its unit and legal reference.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Parameter {
    /// The number, in `unit`.
    pub value: f64,
    /// Its unit.
    pub unit: Unit,
    /// The clause it comes from, a key of [`PolicyFile::clauses`].
    pub clause: String,
    /// The words of the clause that state it.
    pub quote: String,
    /// How the number was read from the words, where that needed a choice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A rule, as named in the policy file. Numbers are named by parameter key.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case", deny_unknown_fields)]
pub enum CheckDef {
    /// Any highland, chain or cluster, or carbon-neutral technology.
    AnyField,
    /// Any entry in one of these `fields` lists.
    AnyOfLists {
        /// The lists.
        lists: Vec<FieldList>,
    },
    /// The lead unit's kind is one of these.
    LeadKind {
        /// The kinds that pass.
        any_of: Vec<LeadKind>,
    },
    /// Not an enterprise, or a leading enterprise, or one running a platform.
    LeadCapacity,
    /// Someone recommends (or the city lays it out).
    Recommended,
    /// The legal status is one of these.
    LegalStatus {
        /// The statuses that pass.
        any_of: Vec<LegalStatus>,
    },
    /// An organisational flag is true.
    Flag {
        /// The flag.
        field: OrgFlag,
    },
    /// A count reaches a parameter.
    AtLeast {
        /// The count.
        metric: Metric,
        /// Parameter key of the minimum.
        min: String,
    },
    /// The investment of the first years reaches a parameter.
    InvestmentSum {
        /// Parameter key of the number of years counted.
        years: String,
        /// Parameter key of the minimum, in 万元.
        min: String,
    },
}

/// One requirement of the assessment.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequirementDef {
    /// Stable identifier (contract).
    pub id: String,
    /// Clause reference, a key of [`PolicyFile::clauses`].
    pub clause: String,
    /// When it is due.
    pub due: crate::vocab::Due,
    /// Gate or condition.
    pub kind: crate::vocab::Kind,
    /// Short title in Chinese.
    pub title_zh: String,
    /// Short title in English.
    pub title_en: String,
    /// The rule that decides it.
    pub check: CheckDef,
}

/// One choice of a policy-defined list (highlands, chains, clusters).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Identifier used in applicant files.
    pub id: String,
    /// Chinese name.
    pub zh: String,
    /// English name.
    pub en: String,
    /// Clause that names it, a key of [`PolicyFile::clauses`].
    pub clause: String,
    /// A sub-list it belongs to (e.g. Ningbo's or Zhejiang's chains).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// False where neither the text nor a public source confirms the entry.
    #[serde(default = "yes")]
    pub confirmed: bool,
    /// Where the entry comes from, when not from the text itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

fn yes() -> bool {
    true
}

/// A district or 管委会 that may recommend.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct District {
    /// Its Chinese name, used as the identifier.
    pub id: String,
    /// English name.
    pub en: String,
    /// Clause reference.
    pub clause: String,
}

/// A first-level indicator of 附件1.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorGroupDef {
    /// "1" … "10".
    pub id: String,
    /// Chinese name.
    pub zh: String,
    /// English name.
    pub en: String,
}

/// A second-level indicator of 附件1.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorDef {
    /// "1.1" … "10.7"; the part before the dot names its group.
    pub id: String,
    /// Chinese name, as in 附件1.
    pub zh: String,
    /// English name.
    pub en: String,
    /// Rules that answer it from the profile; empty: self-rating only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub derive: Vec<CheckDef>,
}

/// The original text of a clause.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClauseDef {
    /// The clause's heading.
    pub title: String,
    /// Its words, verbatim.
    pub text: String,
}

/// Parameters every policy file must define, with their unit and the range a value must lie
/// in (inclusive): the funding formula, the horizons and the construction period use them. A
/// file without one, or with a value out of its range, is refused with a message naming it.
pub const REQUIRED_PARAMETERS: &[(&str, Unit, f64, f64)] = &[
    ("subsidy_rate", Unit::Percent, 0.0, 100.0),
    ("subsidy_years", Unit::Years, 1.0, 20.0),
    ("first_year_cap", Unit::Wan, 0.0, 100_000_000.0),
    ("total_cap", Unit::Wan, 0.0, 100_000_000.0),
    ("construction_years", Unit::Years, 1.0, 20.0),
    ("first_horizon", Unit::Years, 1.0, 20.0),
    ("second_horizon", Unit::Years, 1.0, 20.0),
    ("delist_consecutive_fails", Unit::Evaluations, 1.0, 20.0),
];

/// The largest value of any parameter in 万元, and of any count: far beyond any real policy,
/// small enough that sums stay exact.
pub const MAX_WAN: f64 = 100_000_000.0;
/// The largest count (people, teams, bases, firms) any parameter may have.
pub const MAX_COUNT: f64 = 1_000_000.0;

impl PolicyFile {
    /// Every problem of the file: a value without its clause, a clause without its text, a
    /// parameter named but not defined or of the wrong unit, duplicate identifiers. Empty when
    /// the file is sound.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        let clause_ok = |c: &str| !c.trim().is_empty() && self.clauses.contains_key(c);
        for (key, p) in &self.parameters {
            if !clause_ok(&p.clause) {
                out.push(format!(
                    "parameter {key}: clause {:?} is empty or has no text in [clauses]",
                    p.clause
                ));
            }
            if p.quote.trim().is_empty() {
                out.push(format!("parameter {key}: quote is empty"));
            }
            if !p.value.is_finite() || p.value < 0.0 {
                out.push(format!("parameter {key}: value must be finite and ≥ 0"));
            }
            if p.unit != Unit::Wan && p.value.fract() != 0.0 {
                out.push(format!(
                    "parameter {key}: a {} value must be whole",
                    p.unit.id()
                ));
            }
        }
        for (key, p) in &self.parameters {
            if REQUIRED_PARAMETERS.iter().any(|(k, ..)| k == key) {
                continue; // checked against its own range below
            }
            let max = match p.unit {
                Unit::Wan => MAX_WAN,
                Unit::Percent => 100.0,
                Unit::Years | Unit::Evaluations => 20.0,
                _ => MAX_COUNT,
            };
            if p.value > max {
                out.push(format!(
                    "parameter {key}: value {} is above {max}, the largest a {} value may be",
                    p.value,
                    p.unit.id()
                ));
            }
        }
        for (key, unit, lo, hi) in REQUIRED_PARAMETERS {
            self.expect_param(&mut out, "policy", key, &[*unit]);
            if let Some(p) = self.parameters.get(key) {
                if p.value < *lo || p.value > *hi {
                    out.push(format!(
                        "parameter {key}: value {} is out of range ({lo} to {hi})",
                        p.value
                    ));
                }
            }
        }
        let val = |k: &str| self.parameters.get(k).map(|p| p.value);
        if let (Some(c), Some(s)) = (val("construction_years"), val("subsidy_years")) {
            if s > c {
                out.push(format!(
                    "parameter subsidy_years: {s} years is more than construction_years ({c})"
                ));
            }
        }
        if let (Some(c), Some(h1), Some(h2)) = (
            val("construction_years"),
            val("first_horizon"),
            val("second_horizon"),
        ) {
            if h1 > h2 {
                out.push(format!(
                    "parameter first_horizon: {h1} years is after second_horizon ({h2})"
                ));
            }
            if h2 > c {
                out.push(format!(
                    "parameter second_horizon: {h2} years is after construction_years ({c})"
                ));
            }
        }
        let req_ids: std::collections::BTreeSet<&str> =
            self.requirements.iter().map(|r| r.id.as_str()).collect();
        let mut seen_m = std::collections::BTreeSet::new();
        for m in &self.tracking.milestones {
            if !seen_m.insert(m.as_str()) {
                out.push(format!("tracking: milestone {m} listed twice"));
            }
            match self.requirements.iter().find(|r| &r.id == m) {
                None => out.push(format!("tracking: milestone {m} is not a requirement")),
                Some(r) if r.due == crate::vocab::Due::Application => out.push(format!(
                    "tracking: milestone {m} is due at application, not during construction"
                )),
                Some(r) => match &r.check {
                    CheckDef::AtLeast { .. }
                    | CheckDef::InvestmentSum { .. }
                    | CheckDef::LegalStatus { .. } => {}
                    _ => out.push(format!(
                        "tracking: milestone {m} has a rule that no reported figure answers"
                    )),
                },
            }
        }
        let mut seen_s = std::collections::BTreeSet::new();
        for sp in &self.spending {
            if !seen_s.insert(sp.id.as_str()) {
                out.push(format!("spending {}: duplicate id", sp.id));
            }
            if !clause_ok(&sp.clause) {
                out.push(format!(
                    "spending {}: clause {:?} has no text",
                    sp.id, sp.clause
                ));
            }
        }
        let mut seen_r = std::collections::BTreeSet::new();
        for r in &self.readings {
            if !seen_r.insert(r.id.as_str()) {
                out.push(format!("reading {}: duplicate id", r.id));
            }
            if !clause_ok(&r.clause) {
                out.push(format!(
                    "reading {}: clause {:?} has no text",
                    r.id, r.clause
                ));
            }
            if r.zh.trim().is_empty() || r.en.trim().is_empty() {
                out.push(format!("reading {}: needs its words in zh and en", r.id));
            }
            for a in &r.applies_to {
                let known = req_ids.contains(a.as_str())
                    || self.parameters.contains_key(a)
                    || [
                        "standing",
                        "funding",
                        "funding_base",
                        "recovery",
                        "targets",
                        "districts",
                    ]
                    .contains(&a.as_str());
                if !known {
                    out.push(format!("reading {}: applies to unknown {a}", r.id));
                }
            }
        }
        for (list, steps) in [
            ("procedure", &self.procedure),
            ("plan_outline", &self.plan_outline),
        ] {
            let mut seen = std::collections::BTreeSet::new();
            for st in steps {
                if !seen.insert(st.id.as_str()) {
                    out.push(format!("{list} {}: duplicate id", st.id));
                }
                if !clause_ok(&st.clause) {
                    out.push(format!(
                        "{list} {}: clause {:?} has no text",
                        st.id, st.clause
                    ));
                }
                if let Some(p) = &st.parent {
                    if !steps.iter().any(|x| &x.id == p && x.parent.is_none()) {
                        out.push(format!(
                            "{list} {}: parent {p} is not a heading of it",
                            st.id
                        ));
                    }
                }
            }
        }
        for (what, c) in self.clauses.iter() {
            if c.text.trim().is_empty() {
                out.push(format!("clause {what}: text is empty"));
            }
        }
        let mut ids = std::collections::BTreeSet::new();
        for r in &self.requirements {
            if !ids.insert(r.id.as_str()) {
                out.push(format!("requirement {}: duplicate id", r.id));
            }
            if !clause_ok(&r.clause) {
                out.push(format!(
                    "requirement {}: clause {:?} has no text",
                    r.id, r.clause
                ));
            }
            self.check_rule(&mut out, &r.id, &r.check);
        }
        for (name, list) in [
            ("highlands", &self.highlands),
            ("chains", &self.chains),
            ("clusters", &self.clusters),
        ] {
            let mut seen = std::collections::BTreeSet::new();
            for c in list {
                if !seen.insert(c.id.as_str()) {
                    out.push(format!("{name} {}: duplicate id", c.id));
                }
                if !clause_ok(&c.clause) {
                    out.push(format!(
                        "{name} {}: clause {:?} has no text",
                        c.id, c.clause
                    ));
                }
                if !c.confirmed && c.source.as_deref().unwrap_or("").trim().is_empty() {
                    out.push(format!(
                        "{name} {}: unconfirmed entries must give a source",
                        c.id
                    ));
                }
            }
        }
        for d in &self.districts {
            if !clause_ok(&d.clause) {
                out.push(format!(
                    "district {}: clause {:?} has no text",
                    d.id, d.clause
                ));
            }
        }
        let groups: std::collections::BTreeSet<&str> = self
            .indicator_groups
            .iter()
            .map(|g| g.id.as_str())
            .collect();
        let mut seen = std::collections::BTreeSet::new();
        for i in &self.indicators {
            if !seen.insert(i.id.as_str()) {
                out.push(format!("indicator {}: duplicate id", i.id));
            }
            let group = i.id.split('.').next().unwrap_or("");
            if !groups.contains(group) {
                out.push(format!(
                    "indicator {}: no first-level indicator {group}",
                    i.id
                ));
            }
            for d in &i.derive {
                self.check_rule(&mut out, &i.id, d);
            }
        }
        out
    }

    fn expect_param(&self, out: &mut Vec<String>, who: &str, key: &str, units: &[Unit]) {
        match self.parameters.get(key) {
            None => out.push(format!("{who}: parameter {key} is not defined")),
            Some(p) if !units.contains(&p.unit) => out.push(format!(
                "{who}: parameter {key} has unit {}, wants {}",
                p.unit.id(),
                units
                    .iter()
                    .map(|u| u.id())
                    .collect::<Vec<_>>()
                    .join(" or ")
            )),
            Some(_) => {}
        }
    }

    fn check_rule(&self, out: &mut Vec<String>, who: &str, rule: &CheckDef) {
        match rule {
            CheckDef::AtLeast { min, .. } => self.expect_param(
                out,
                who,
                min,
                &[Unit::People, Unit::Teams, Unit::Bases, Unit::Firms],
            ),
            CheckDef::InvestmentSum { years, min } => {
                self.expect_param(out, who, years, &[Unit::Years]);
                self.expect_param(out, who, min, &[Unit::Wan]);
            }
            CheckDef::AnyOfLists { lists } if lists.is_empty() => {
                out.push(format!("{who}: any_of_lists names no list"))
            }
            CheckDef::LeadKind { any_of } if any_of.is_empty() => {
                out.push(format!("{who}: lead_kind allows no kind"))
            }
            CheckDef::LegalStatus { any_of } if any_of.is_empty() => {
                out.push(format!("{who}: legal_status allows no status"))
            }
            _ => {}
        }
    }
}
