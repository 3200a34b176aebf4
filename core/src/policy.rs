//! The policy at run time: the embedded data files, loaded once and resolved so the rules read
//! plain numbers.

use crate::money::Wan;
use crate::schema::{CheckDef, ClauseDef, PolicyFile};
use crate::text::Text;
use crate::vocab::{Due, FieldList, Kind, LeadKind, LegalStatus, Metric, OrgFlag, Unit};
use std::sync::OnceLock;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/policies.rs"));
}

/// What build.rs's generated `file_N()` functions build a [`PolicyFile`] from: rows of static
/// strings, turned into the owned structures here (one loop per table, so the code stays small).
mod gen {
    use crate::schema::{
        CheckDef, Choice, ClauseDef, District, IndicatorDef, IndicatorGroupDef, KeyMap, Parameter,
        ReadingDef, RequirementDef, SpendingDef,
    };
    use crate::vocab::{Due, Kind, Unit};

    /// key, value, unit, clause, quote, note.
    pub type Param = (
        &'static str,
        f64,
        Unit,
        &'static str,
        &'static str,
        Option<&'static str>,
    );
    /// id, zh, en, clause, group, confirmed, source.
    pub type ChoiceRow = (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        Option<&'static str>,
        bool,
        Option<&'static str>,
    );
    /// id, zh, en, forbidden, clause.
    pub type SpendRow = (&'static str, &'static str, &'static str, bool, &'static str);
    /// Three strings.
    pub type Row3 = (&'static str, &'static str, &'static str);
    /// id, zh, en, clause, parent.
    #[cfg_attr(not(feature = "application"), allow(dead_code))]
    pub type StepRow = (
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        Option<&'static str>,
    );

    #[cfg_attr(not(feature = "application"), allow(dead_code))]
    pub fn step_defs(rows: &[StepRow]) -> Vec<crate::schema::StepDef> {
        rows.iter()
            .map(|&(id, zh, en, clause, parent)| crate::schema::StepDef {
                id: s(id),
                zh: s(zh),
                en: s(en),
                clause: s(clause),
                parent: os(parent),
            })
            .collect()
    }
    /// A generated `file_N()`.
    pub type MakeFile = fn() -> crate::schema::PolicyFile;

    pub fn s(x: &str) -> String {
        x.to_owned()
    }

    fn os(x: Option<&str>) -> Option<String> {
        x.map(str::to_owned)
    }

    // The maps below are filled by inserting, one entry at a time (the tables come in key order).
    pub fn parameters(rows: &[Param]) -> KeyMap<Parameter> {
        let mut out = KeyMap::new();
        for &(k, value, unit, clause, quote, note) in rows {
            let p = Parameter {
                value,
                unit,
                clause: s(clause),
                quote: s(quote),
                note: os(note),
            };
            out.insert(s(k), p);
        }
        out
    }

    pub fn req(
        (id, clause, due, kind, title_zh, title_en): (&str, &str, Due, Kind, &str, &str),
        check: CheckDef,
    ) -> RequirementDef {
        RequirementDef {
            id: s(id),
            clause: s(clause),
            due,
            kind,
            title_zh: s(title_zh),
            title_en: s(title_en),
            check,
        }
    }

    pub fn choices(rows: &[ChoiceRow]) -> Vec<Choice> {
        rows.iter()
            .map(|&(id, zh, en, clause, group, confirmed, source)| Choice {
                id: s(id),
                zh: s(zh),
                en: s(en),
                clause: s(clause),
                group: os(group),
                confirmed,
                source: os(source),
            })
            .collect()
    }

    pub fn spending_defs(rows: &[SpendRow]) -> Vec<SpendingDef> {
        rows.iter()
            .map(|&(id, zh, en, forbidden, clause)| SpendingDef {
                id: s(id),
                zh: s(zh),
                en: s(en),
                forbidden,
                clause: s(clause),
            })
            .collect()
    }

    #[cfg_attr(
        not(any(feature = "construction", feature = "application")),
        allow(dead_code)
    )]
    pub fn reading(
        (id, clause, zh, en): (&str, &str, &str, &str),
        applies_to: &[&str],
    ) -> ReadingDef {
        ReadingDef {
            id: s(id),
            clause: s(clause),
            applies_to: applies_to.iter().map(|a| s(a)).collect(),
            zh: s(zh),
            en: s(en),
        }
    }

    pub fn district_defs(rows: &[Row3]) -> Vec<District> {
        rows.iter()
            .map(|&(id, en, clause)| District {
                id: s(id),
                en: s(en),
                clause: s(clause),
            })
            .collect()
    }

    pub fn group_defs(rows: &[Row3]) -> Vec<IndicatorGroupDef> {
        rows.iter()
            .map(|&(id, zh, en)| IndicatorGroupDef {
                id: s(id),
                zh: s(zh),
                en: s(en),
            })
            .collect()
    }

    pub fn indicator_defs(rows: &[Row3]) -> Vec<IndicatorDef> {
        rows.iter()
            .map(|&(id, zh, en)| IndicatorDef {
                id: s(id),
                zh: s(zh),
                en: s(en),
                derive: Vec::new(),
            })
            .collect()
    }

    pub fn clause_defs(rows: &[Row3]) -> KeyMap<ClauseDef> {
        let mut out = KeyMap::new();
        for &(k, title, text) in rows {
            let c = ClauseDef {
                title: s(title),
                text: s(text),
            };
            out.insert(s(k), c);
        }
        out
    }
}

/// A rule with its numbers resolved from the parameters.
#[derive(Clone, Debug, PartialEq)]
pub enum Rule {
    /// Any highland, chain or cluster, or carbon-neutral technology.
    AnyField,
    /// Any entry in one of these lists.
    AnyOfLists(Vec<FieldList>),
    /// The lead unit's kind is one of these.
    LeadKind(Vec<LeadKind>),
    /// Not an enterprise, or a leading enterprise, or one running a platform.
    LeadCapacity,
    /// `recommended_by` is not `none`.
    Recommended,
    /// The legal status is one of these.
    LegalStatus(Vec<LegalStatus>),
    /// An organisational flag is true.
    Flag(OrgFlag),
    /// A count reaches `min`.
    AtLeast {
        /// The count.
        metric: Metric,
        /// The minimum.
        min: u64,
        /// Unit of the count.
        unit: Unit,
        /// Parameter key it came from.
        param: String,
    },
    /// Years `1..=years` of `investment_wan` sum to at least `min`.
    InvestmentSum {
        /// Years counted.
        years: usize,
        /// The minimum.
        min: Wan,
        /// Parameter key of the minimum.
        param: String,
    },
}

/// One requirement, resolved.
#[derive(Clone, Debug, PartialEq)]
pub struct Requirement {
    /// Stable identifier (contract).
    pub id: String,
    /// Clause reference.
    pub clause: String,
    /// When it is due.
    pub due: Due,
    /// Gate or condition.
    pub kind: Kind,
    /// Short title.
    pub title: Text,
    /// The rule.
    pub rule: Rule,
}

/// A named choice of a policy list.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    /// Identifier used in applicant files.
    pub id: String,
    /// Name.
    pub name: Text,
    /// Sub-list, if any.
    pub group: Option<String>,
    /// False where the entry is not confirmed by the text or a public source.
    pub confirmed: bool,
    /// Where it comes from, when not from the text.
    pub source: Option<String>,
}

/// One use of the subsidy (三（四）).
#[derive(Clone, Debug, PartialEq)]
pub struct SpendingUse {
    /// Identifier used in progress records.
    pub id: String,
    /// Name.
    pub name: Text,
    /// Whether the clause forbids it.
    pub forbidden: bool,
    /// Clause reference.
    pub clause: String,
}

/// How words the text leaves open are read (see [`crate::schema::ReadingDef`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    /// Stable identifier.
    pub id: String,
    /// Clause reference.
    pub clause: String,
    /// What it applies to.
    pub applies_to: Vec<String>,
    /// The reading.
    pub text: Text,
}

/// A second-level indicator of 附件1.
#[derive(Clone, Debug)]
pub struct Indicator {
    /// "1.1" … "10.7".
    pub id: String,
    /// Index of its group in [`Policy::indicator_groups`].
    pub group: usize,
    /// Name.
    pub name: Text,
    /// Rules that derive it from the profile (empty: self-rating only).
    pub derive: Vec<Rule>,
}

/// A first-level indicator of 附件1.
#[derive(Clone, Debug)]
pub struct IndicatorGroup {
    /// "1" … "10".
    pub id: String,
    /// Name.
    pub name: Text,
}

/// The funding terms of 三（四）.
#[derive(Clone, Debug)]
pub struct FundingTerms {
    /// Rate of the capacity-building investment, in basis points (30 % = 3000).
    pub rate_bp: u32,
    /// Years subsidised.
    pub years: usize,
    /// Cap of the first year.
    pub first_year_cap: Wan,
    /// Cap of all years together.
    pub total_cap: Wan,
    /// Clause of the terms.
    pub clause: String,
}

/// A policy version, ready to assess with.
#[derive(Clone, Debug)]
pub struct Policy {
    /// Stable identifier, e.g. `ningbo-tic-2023-draft`.
    pub id: String,
    /// Title.
    pub title: Text,
    /// `draft` or `final`.
    pub status: String,
    /// Provenance.
    pub source: String,
    /// The notice every result carries.
    pub notice: Text,
    /// Years of construction (upper bound on `investment_wan`).
    pub construction_years: usize,
    /// The first horizon of 二（五）（六） (years after approval; the `year2` due point).
    pub first_horizon: usize,
    /// The second horizon (the `year5` due point).
    pub second_horizon: usize,
    /// Failed evaluations in a row that delist a centre (五（四）).
    pub delist_fails: usize,
    /// Requirements tracked during construction, in report order (indices into
    /// [`Policy::requirements`]).
    pub milestones: Vec<usize>,
    /// The uses of the subsidy (三（四）).
    pub spending: Vec<SpendingUse>,
    /// How words the text leaves open are read.
    pub readings: Vec<Reading>,
    /// The funding terms.
    pub funding: FundingTerms,
    /// Requirements, in output order.
    pub requirements: Vec<Requirement>,
    /// 三大科创高地.
    pub highlands: Vec<Choice>,
    /// 标志性产业链.
    pub chains: Vec<Choice>,
    /// 重点优势产业集群.
    pub clusters: Vec<Choice>,
    /// Districts and 管委会 (identifier = Chinese name).
    pub districts: Vec<Choice>,
    /// First-level indicators.
    pub indicator_groups: Vec<IndicatorGroup>,
    /// Second-level indicators.
    pub indicators: Vec<Indicator>,
    /// The source data, for display (parameters with units, quotes and notes).
    pub file: PolicyFile,
}

impl Policy {
    /// Loads a policy from its file form. Fails with every problem found.
    pub fn from_file(file: PolicyFile) -> Result<Policy, Vec<String>> {
        let problems = file.problems();
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Policy::resolve(file))
    }

    /// Resolves a sound policy file (one without [`PolicyFile::problems`]).
    fn resolve(file: PolicyFile) -> Policy {
        let num = |k: &str| file.parameters.get(k).map(|p| p.value).unwrap_or(0.0);
        let wan = |k: &str| Wan::from_wan(num(k)).unwrap_or(Wan::ZERO);
        let resolve = |d: &CheckDef| -> Rule {
            match d {
                CheckDef::AnyField => Rule::AnyField,
                CheckDef::AnyOfLists { lists } => Rule::AnyOfLists(lists.clone()),
                CheckDef::LeadKind { any_of } => Rule::LeadKind(any_of.clone()),
                CheckDef::LeadCapacity => Rule::LeadCapacity,
                CheckDef::Recommended => Rule::Recommended,
                CheckDef::LegalStatus { any_of } => Rule::LegalStatus(any_of.clone()),
                CheckDef::Flag { field } => Rule::Flag(*field),
                CheckDef::AtLeast { metric, min } => Rule::AtLeast {
                    metric: *metric,
                    min: num(min) as u64,
                    unit: file
                        .parameters
                        .get(min)
                        .map(|p| p.unit)
                        .unwrap_or(Unit::People),
                    param: min.clone(),
                },
                CheckDef::InvestmentSum { years, min } => Rule::InvestmentSum {
                    years: num(years) as usize,
                    min: wan(min),
                    param: min.clone(),
                },
            }
        };
        let choices = |list: &[crate::schema::Choice]| -> Vec<Choice> {
            list.iter()
                .map(|c| Choice {
                    id: c.id.clone(),
                    name: Text::new(&c.zh, &c.en),
                    group: c.group.clone(),
                    confirmed: c.confirmed,
                    source: c.source.clone(),
                })
                .collect()
        };
        let rate = file.parameters.get("subsidy_rate");
        Policy {
            id: file.policy.id.clone(),
            title: Text::new(&file.policy.title_zh, &file.policy.title_en),
            status: file.policy.status.clone(),
            source: file.policy.source.clone(),
            notice: Text::new(&file.policy.notice_zh, &file.policy.notice_en),
            construction_years: num("construction_years") as usize,
            first_horizon: num("first_horizon") as usize,
            second_horizon: num("second_horizon") as usize,
            delist_fails: num("delist_consecutive_fails") as usize,
            milestones: file
                .tracking
                .milestones
                .iter()
                .filter_map(|m| file.requirements.iter().position(|r| &r.id == m))
                .collect(),
            spending: file
                .spending
                .iter()
                .map(|sp| SpendingUse {
                    id: sp.id.clone(),
                    name: Text::new(&sp.zh, &sp.en),
                    forbidden: sp.forbidden,
                    clause: sp.clause.clone(),
                })
                .collect(),
            readings: file
                .readings
                .iter()
                .map(|r| Reading {
                    id: r.id.clone(),
                    clause: r.clause.clone(),
                    applies_to: r.applies_to.clone(),
                    text: Text::new(&r.zh, &r.en),
                })
                .collect(),
            funding: FundingTerms {
                rate_bp: (num("subsidy_rate") * 100.0).round() as u32,
                years: num("subsidy_years") as usize,
                first_year_cap: wan("first_year_cap"),
                total_cap: wan("total_cap"),
                clause: rate.map(|p| p.clause.clone()).unwrap_or_default(),
            },
            requirements: file
                .requirements
                .iter()
                .map(|r| Requirement {
                    id: r.id.clone(),
                    clause: r.clause.clone(),
                    due: r.due,
                    kind: r.kind,
                    title: Text::new(&r.title_zh, &r.title_en),
                    rule: resolve(&r.check),
                })
                .collect(),
            highlands: choices(&file.highlands),
            chains: choices(&file.chains),
            clusters: choices(&file.clusters),
            districts: file
                .districts
                .iter()
                .map(|d| Choice {
                    id: d.id.clone(),
                    name: Text::new(&d.id, &d.en),
                    group: None,
                    confirmed: true,
                    source: None,
                })
                .collect(),
            indicator_groups: file
                .indicator_groups
                .iter()
                .map(|g| IndicatorGroup {
                    id: g.id.clone(),
                    name: Text::new(&g.zh, &g.en),
                })
                .collect(),
            indicators: file
                .indicators
                .iter()
                .map(|i| Indicator {
                    id: i.id.clone(),
                    group: i
                        .id
                        .split('.')
                        .next()
                        .and_then(|g| file.indicator_groups.iter().position(|x| x.id == g))
                        .unwrap_or(0),
                    name: Text::new(&i.zh, &i.en),
                    derive: i.derive.iter().map(resolve).collect(),
                })
                .collect(),
            file,
        }
    }

    /// Loads a policy from its JSON form (as embedded).
    pub fn from_json(json: &str) -> Result<Policy, Vec<String>> {
        let file: PolicyFile = serde_json::from_str(json).map_err(|e| vec![e.to_string()])?;
        Policy::from_file(file)
    }

    /// The original text of a clause, if the policy cites it.
    pub fn clause(&self, reference: &str) -> Option<&ClauseDef> {
        self.file.clauses.get(reference)
    }

    /// The list of choices for a `fields` list.
    pub fn list(&self, list: FieldList) -> &[Choice] {
        match list {
            FieldList::Highlands => &self.highlands,
            FieldList::Chains => &self.chains,
            FieldList::Clusters => &self.clusters,
        }
    }

    /// The requirement with this id.
    pub fn requirement(&self, id: &str) -> Option<&Requirement> {
        self.requirements.iter().find(|r| r.id == id)
    }

    /// The construction year by whose end a due point falls: `year2` → the first horizon,
    /// `year5` → the second, `acceptance` → the last year of construction; `None` before
    /// applying.
    pub fn due_year(&self, due: Due) -> Option<usize> {
        match due {
            Due::Application => None,
            Due::Year2 => Some(self.first_horizon),
            Due::Year5 => Some(self.second_horizon),
            Due::Acceptance => Some(self.construction_years),
        }
    }

    /// The readings that apply to `what` (a requirement id, a parameter key, `standing`, …).
    pub fn readings_for<'a>(&'a self, what: &'a str) -> impl Iterator<Item = &'a Reading> + 'a {
        self.readings
            .iter()
            .filter(move |r| r.applies_to.iter().any(|a| a == what))
    }
}

/// Every embedded policy version, built on first use from the Rust data build.rs generated
/// (the same data as [`embedded_json`]; no parsing at start-up). Their soundness was checked
/// when `tic-core` was built: build.rs runs the same [`PolicyFile::problems`] and refuses to
/// build otherwise.
pub fn all() -> &'static [Policy] {
    static ALL: OnceLock<Vec<Policy>> = OnceLock::new();
    ALL.get_or_init(|| {
        embedded::FILES
            .iter()
            .map(|(_, file)| Policy::resolve(file()))
            .collect()
    })
}

/// The identifiers of the embedded policies, in file-name order.
pub fn ids() -> impl Iterator<Item = &'static str> {
    embedded::EMBEDDED.iter().map(|(id, _)| *id)
}

/// The embedded policy with this id.
pub fn by_id(id: &str) -> Option<&'static Policy> {
    all().iter().find(|p| p.id == id)
}

/// The policy used when none is named: the last embedded version by file name.
///
/// # Panics
/// Never for a built crate: build.rs refuses to build without at least one sound policy file.
pub fn current() -> &'static Policy {
    all()
        .last()
        .expect("build.rs embeds at least one sound policy")
}

/// The policy data files as embedded, for tests and tools: (identifier, JSON).
pub fn embedded_json() -> &'static [(&'static str, &'static str)] {
    embedded::EMBEDDED
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::applicant::Applicant;

    const TOML: &str = include_str!("../policy/ningbo-tic-2023-draft.toml");
    const SOURCE: &str = include_str!("../policy/ningbo-tic-2023-draft.source.zh.txt");

    fn file() -> PolicyFile {
        toml::from_str(TOML).expect("the policy file parses")
    }

    #[test]
    fn every_parameter_has_a_clause_with_its_text() {
        let f = file();
        assert!(!f.parameters.is_empty());
        for (key, p) in &f.parameters {
            let clause = f.clauses.get(&p.clause);
            assert!(
                clause.is_some(),
                "parameter {key} cites {:?}, which has no text",
                p.clause
            );
        }
        assert!(f.problems().is_empty(), "{:?}", f.problems());
    }

    #[test]
    fn a_value_without_its_clause_is_refused() {
        let mut f = file();
        f.parameters.get_mut("total_cap").unwrap().clause = String::new();
        let problems = f.problems();
        assert!(
            problems.iter().any(|p| p.contains("total_cap")),
            "{problems:?}"
        );
        assert!(Policy::from_file(f).is_err());
        // Removing the line from the file itself fails to parse at all.
        let broken = TOML.replacen(
            "clause = \"三（四）\"\nquote = \"合计支持金额",
            "quote = \"合计支持金额",
            1,
        );
        assert_ne!(broken, TOML);
        assert!(toml::from_str::<PolicyFile>(&broken).is_err());
    }

    #[test]
    fn a_rule_naming_a_missing_parameter_is_refused() {
        let mut f = file();
        f.parameters.remove("staff_year5_min");
        assert!(f.problems().iter().any(|p| p.contains("staff_year5_min")));
    }

    #[test]
    fn clause_texts_and_quotes_are_verbatim() {
        let flat: String = SOURCE
            .chars()
            .filter(|c| *c != '\n' && *c != '\r')
            .collect();
        let f = file();
        for (key, c) in &f.clauses {
            assert!(flat.contains(&c.text), "clause {key} is not verbatim");
        }
        for (key, p) in &f.parameters {
            assert!(flat.contains(&p.quote), "quote of {key} is not verbatim");
        }
        // The plan's outline: every heading as 附件2 writes it, in its order.
        let outline: String = f.plan_outline.iter().map(|h| h.zh.as_str()).collect();
        assert!(!outline.is_empty() && flat.contains(&outline), "{outline}");
        for i in &f.indicators {
            assert!(
                flat.contains(&i.zh),
                "indicator {} name is not verbatim",
                i.id
            );
        }
    }

    #[test]
    fn indicator_system_matches_the_text() {
        // 附件1 lists 10 first-level and 42 second-level indicators.
        let p = current();
        assert_eq!(p.indicator_groups.len(), 10);
        assert_eq!(p.indicators.len(), 42);
        let in_text = SOURCE.lines().filter(|l| {
            let t = l.trim();
            t.split_once(' ').is_some_and(|(id, _)| {
                id.split_once('.').is_some_and(|(a, b)| {
                    !a.is_empty()
                        && !b.is_empty()
                        && a.chars().chain(b.chars()).all(|c| c.is_ascii_digit())
                })
            })
        });
        assert_eq!(in_text.count(), p.indicators.len());
    }

    #[test]
    fn the_generated_rust_data_is_the_embedded_json() {
        assert_eq!(embedded::FILES.len(), embedded::EMBEDDED.len());
        for ((id, json), (rid, file)) in embedded::EMBEDDED.iter().zip(embedded::FILES) {
            assert_eq!(id, rid);
            let from_json: PolicyFile = serde_json::from_str(json).unwrap();
            let from_rust = file();
            assert!(from_rust.problems().is_empty());
            assert_eq!(
                serde_json::to_value(&from_rust).unwrap(),
                serde_json::to_value(&from_json).unwrap(),
                "{id}"
            );
            let (a, b) = (
                Policy::from_json(json).unwrap(),
                Policy::from_file(from_rust).unwrap(),
            );
            assert_eq!(a.requirements, b.requirements);
            assert_eq!(a.highlands, b.highlands);
            assert_eq!(a.districts, b.districts);
        }
        // And what the library uses is exactly that.
        assert_eq!(all().len(), embedded::EMBEDDED.len());
        assert_eq!(
            serde_json::to_value(&current().file).unwrap(),
            serde_json::from_str::<serde_json::Value>(embedded::EMBEDDED[0].1).unwrap()
        );
    }

    #[test]
    fn the_embedded_policy_is_the_file() {
        assert_eq!(ids().collect::<Vec<_>>(), vec!["ningbo-tic-2023-draft"]);
        let p = current();
        assert_eq!(p.funding.rate_bp, 3000);
        assert_eq!(
            p.funding.first_year_cap,
            crate::Wan::from_wan(500.0).unwrap()
        );
        assert_eq!(p.funding.total_cap, crate::Wan::from_wan(1000.0).unwrap());
        assert_eq!(p.requirements.len(), 21);
        assert!(p.chains.iter().all(|c| !c.confirmed && c.source.is_some()));
    }

    #[test]
    fn a_second_version_is_data_alone() {
        // A later version with other numbers needs no code: change the data, get other results.
        let text = TOML
            .replace(
                "id = \"ningbo-tic-2023-draft\"",
                "id = \"ningbo-tic-test-final\"",
            )
            .replace(
                "[parameters.subsidy_rate]\nvalue = 30",
                "[parameters.subsidy_rate]\nvalue = 40",
            )
            .replace(
                "[parameters.staff_year2_min]\nvalue = 100",
                "[parameters.staff_year2_min]\nvalue = 150",
            );
        let p = Policy::from_file(toml::from_str(&text).unwrap()).unwrap();
        assert_eq!(p.id, "ningbo-tic-test-final");
        let a = Applicant {
            capacity_investment_wan: Some(vec![crate::Wan::from_wan(1000.0).unwrap()]),
            team: crate::applicant::Team {
                staff_year2: Some(120),
                ..Default::default()
            },
            ..Default::default()
        };
        let old = crate::assess(current(), &a);
        let new = crate::assess(&p, &a);
        assert_eq!(
            old.funding.years[0].amount,
            crate::Wan::from_wan(300.0).unwrap()
        );
        assert_eq!(
            new.funding.years[0].amount,
            crate::Wan::from_wan(400.0).unwrap()
        );
        let staff = |x: &crate::Assessment<'_>| {
            x.requirements
                .iter()
                .find(|o| o.requirement.id == "team.staff_year2")
                .unwrap()
                .status
        };
        assert_eq!(staff(&old), crate::vocab::Status::Met);
        assert_eq!(staff(&new), crate::vocab::Status::Gap);
    }
}
