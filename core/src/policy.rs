//! The policy at run time: the embedded data files, loaded once and resolved so the rules read
//! plain numbers.

use crate::money::Wan;
use crate::schema::{CheckDef, ClauseDef, PolicyFile};
use crate::text::Text;
use crate::vocab::{Due, FieldList, Kind, LeadKind, LegalStatus, Metric, OrgFlag, Unit};
use std::collections::BTreeMap;
use std::sync::OnceLock;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/policies.rs"));
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
        let group_index: BTreeMap<&str, usize> = file
            .indicator_groups
            .iter()
            .enumerate()
            .map(|(i, g)| (g.id.as_str(), i))
            .collect();
        let rate = file.parameters.get("subsidy_rate");
        Ok(Policy {
            id: file.policy.id.clone(),
            title: Text::new(&file.policy.title_zh, &file.policy.title_en),
            status: file.policy.status.clone(),
            source: file.policy.source.clone(),
            notice: Text::new(&file.policy.notice_zh, &file.policy.notice_en),
            construction_years: num("construction_years") as usize,
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
                        .and_then(|g| group_index.get(g).copied())
                        .unwrap_or(0),
                    name: Text::new(&i.zh, &i.en),
                    derive: i.derive.iter().map(resolve).collect(),
                })
                .collect(),
            file,
        })
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
}

/// Every embedded policy version, loaded on first use. Their soundness was checked when
/// `tic-core` was built (build.rs runs the same [`PolicyFile::problems`]); one that still failed
/// to load would be left out rather than panic.
pub fn all() -> &'static [Policy] {
    static ALL: OnceLock<Vec<Policy>> = OnceLock::new();
    ALL.get_or_init(|| {
        embedded::EMBEDDED
            .iter()
            .filter_map(|(_, json)| Policy::from_json(json).ok())
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
