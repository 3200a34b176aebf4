//! The shape of a policy data file (`core/policy/*.toml`) and the checks every file must pass.
//!
//! Compiled twice: into `build.rs`, which refuses to build `tic-core` with a policy file that
//! fails [`PolicyFile::problems`], and into the library, which loads the same data at run time.
//! It depends on nothing but `serde` and [`crate::vocab`].

use crate::vocab::{FieldList, LeadKind, LegalStatus, Metric, OrgFlag, Unit};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A whole policy file.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyFile {
    /// Identity and provenance.
    pub policy: Meta,
    /// Every number the rules use, by key.
    pub parameters: BTreeMap<String, Parameter>,
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
    /// The original text of every clause cited, by clause reference.
    pub clauses: BTreeMap<String, ClauseDef>,
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

/// Parameters every policy file must define, with their units: the funding formula uses them.
pub const FUNDING_PARAMETERS: &[(&str, Unit)] = &[
    ("subsidy_rate", Unit::Percent),
    ("subsidy_years", Unit::Years),
    ("first_year_cap", Unit::Wan),
    ("total_cap", Unit::Wan),
    ("construction_years", Unit::Years),
];

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
        for (key, unit) in FUNDING_PARAMETERS {
            self.expect_param(&mut out, "funding", key, &[*unit]);
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
