//! The assessment: every requirement, the verdict, the funding estimate and the indicator
//! coverage, from one applicant. Pure and total: it cannot fail and returns every finding.

use crate::applicant::Applicant;
use crate::funding::{estimate, Funding};
use crate::indicators::{rate_indicators, IndicatorOutcome};
use crate::money::Wan;
use crate::policy::{Policy, Requirement, Rule};
use crate::vocab::{FieldList, Kind, LeadKind, Metric, OrgFlag, Status, Unit, Verdict};

/// The full result for one applicant.
#[derive(Clone, Debug)]
pub struct Assessment<'p> {
    /// The policy version it was assessed under.
    pub policy: &'p Policy,
    /// The overall verdict.
    pub verdict: Verdict,
    /// One outcome per requirement of the policy, in its order.
    pub requirements: Vec<Outcome<'p>>,
    /// The funding estimate (computed whatever the verdict).
    pub funding: Funding,
    /// One outcome per 附件1 indicator, in the policy's order.
    pub indicators: Vec<IndicatorOutcome>,
}

/// The outcome of one requirement.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome<'p> {
    /// The requirement.
    pub requirement: &'p Requirement,
    /// Met, gap or unknown.
    pub status: Status,
    /// The numbers compared, where the requirement is a number.
    pub measure: Option<Measure>,
}

/// The numbers a threshold compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    /// A count (people, teams, bases, firms).
    Count {
        /// The applicant's count, if answered.
        actual: Option<u64>,
        /// The minimum.
        required: u64,
        /// What is counted.
        unit: Unit,
    },
    /// A sum of investment over the first `years` years.
    Money {
        /// Sum of the years given (of those counted).
        actual: Wan,
        /// The minimum.
        required: Wan,
        /// Years counted.
        years: usize,
        /// Of those, how many the applicant gave.
        years_known: usize,
    },
}

impl Measure {
    /// How much is missing to reach the threshold, when the answer is known and short.
    pub fn shortfall(&self) -> Option<Shortfall> {
        match *self {
            Measure::Count {
                actual: Some(a),
                required,
                ..
            } if a < required => Some(Shortfall::Count(required - a)),
            Measure::Money {
                actual, required, ..
            } if actual < required => Some(Shortfall::Money(required.minus(actual))),
            _ => None,
        }
    }
}

/// How much is missing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shortfall {
    /// Of a count.
    Count(u64),
    /// Of money.
    Money(Wan),
}

/// Assesses an applicant under a policy.
pub fn assess<'p>(policy: &'p Policy, applicant: &Applicant) -> Assessment<'p> {
    let requirements: Vec<Outcome<'p>> = policy
        .requirements
        .iter()
        .map(|r| {
            let (status, measure) = evaluate(&r.rule, applicant);
            Outcome {
                requirement: r,
                status,
                measure,
            }
        })
        .collect();
    Assessment {
        policy,
        verdict: verdict(&requirements),
        funding: estimate(&policy.funding, applicant),
        indicators: rate_indicators(policy, applicant),
        requirements,
    }
}

/// The verdict of the contract: `not_eligible` if a gate is a gap; else `incomplete` if a gate
/// is unknown; else `eligible_with_gaps` if any condition is a gap or unknown; else `eligible`.
pub fn verdict(outcomes: &[Outcome<'_>]) -> Verdict {
    let gate = |s: Status| {
        outcomes
            .iter()
            .any(|o| o.requirement.kind == Kind::Gate && o.status == s)
    };
    if gate(Status::Gap) {
        Verdict::NotEligible
    } else if gate(Status::Unknown) {
        Verdict::Incomplete
    } else if outcomes.iter().any(|o| o.status != Status::Met) {
        Verdict::EligibleWithGaps
    } else {
        Verdict::Eligible
    }
}

/// Whether an open outcome is left to the reviewers' judgement rather than to a missing answer:
/// `scope.field` (rule `any_field`) with no listed field chosen and a field described in the
/// applicant's own words (`fields.other`). Its status is `unknown`, as the contract has it.
pub fn for_review(o: &Outcome<'_>, a: &Applicant) -> bool {
    matches!(o.requirement.rule, Rule::AnyField)
        && o.status == Status::Unknown
        && a.fields.described().is_some()
}

/// Combines answers that each may meet a requirement: met if any does, gap if all are known
/// and none does, unknown otherwise.
fn any_of(answers: impl IntoIterator<Item = Option<bool>>) -> Status {
    let mut all_known = true;
    for a in answers {
        match a {
            Some(true) => return Status::Met,
            Some(false) => {}
            None => all_known = false,
        }
    }
    if all_known {
        Status::Gap
    } else {
        Status::Unknown
    }
}

fn non_empty<T>(list: &Option<Vec<T>>) -> Option<bool> {
    list.as_ref().map(|l| !l.is_empty())
}

fn known(ok: Option<bool>) -> Status {
    match ok {
        Some(true) => Status::Met,
        Some(false) => Status::Gap,
        None => Status::Unknown,
    }
}

fn field_list(a: &Applicant, list: FieldList) -> &Option<Vec<String>> {
    match list {
        FieldList::Highlands => &a.fields.highlands,
        FieldList::Chains => &a.fields.chains,
        FieldList::Clusters => &a.fields.clusters,
    }
}

/// The applicant's answer for a count.
pub fn metric(a: &Applicant, m: Metric) -> Option<u32> {
    match m {
        Metric::Bases => a.organization.bases,
        Metric::StaffYear2 => a.team.staff_year2,
        Metric::TeamsYear2 => a.team.teams_year2,
        Metric::StaffYear5 => a.team.staff_year5,
        Metric::TeamsYear5 => a.team.teams_year5,
        Metric::TransferBases => a.ecosystem.transfer_bases,
        Metric::PartnerFirms => a.ecosystem.partner_firms,
        Metric::Spinoffs => a.ecosystem.spinoffs,
        Metric::FirmsServed => a.ecosystem.firms_served,
    }
}

/// The applicant's answer for an organisational flag.
pub fn flag(a: &Applicant, f: OrgFlag) -> Option<bool> {
    let o = &a.organization;
    match f {
        OrgFlag::Board => o.board,
        OrgFlag::Director => o.director,
        OrgFlag::ChiefScientist => o.chief_scientist,
        OrgFlag::ExpertCommittee => o.expert_committee,
    }
}

/// Evaluates one rule against an applicant.
pub fn evaluate(rule: &Rule, a: &Applicant) -> (Status, Option<Measure>) {
    match rule {
        Rule::AnyField => {
            let listed = any_of([
                non_empty(&a.fields.highlands),
                non_empty(&a.fields.chains),
                non_empty(&a.fields.clusters),
                a.fields.carbon_neutral,
            ]);
            // 二（二）'s list ends in 「等」: a field described outside it is not a gap but
            // the reviewers' call (see `for_review`).
            let described = a.fields.described().is_some();
            let status = if listed == Status::Gap && described {
                Status::Unknown
            } else {
                listed
            };
            (status, None)
        }
        Rule::AnyOfLists(lists) => (
            any_of(lists.iter().map(|l| non_empty(field_list(a, *l)))),
            None,
        ),
        Rule::LeadKind(allowed) => (known(a.lead_unit.kind.map(|k| allowed.contains(&k))), None),
        Rule::LeadCapacity => (
            any_of([
                a.lead_unit.kind.map(|k| k != LeadKind::Enterprise),
                a.lead_unit.leading_enterprise,
                non_empty(&a.lead_unit.platforms),
            ]),
            None,
        ),
        Rule::Recommended => (
            known(
                a.recommended_by
                    .map(|r| r != crate::vocab::Recommender::None),
            ),
            None,
        ),
        Rule::LegalStatus(allowed) => (
            known(a.organization.legal_status.map(|s| allowed.contains(&s))),
            None,
        ),
        Rule::Flag(f) => (known(flag(a, *f)), None),
        Rule::AtLeast {
            metric: m,
            min,
            unit,
            ..
        } => {
            let actual = metric(a, *m).map(u64::from);
            (
                known(actual.map(|v| v >= *min)),
                Some(Measure::Count {
                    actual,
                    required: *min,
                    unit: *unit,
                }),
            )
        }
        Rule::InvestmentSum { years, min, .. } => {
            let given = a.investment_wan.as_deref().unwrap_or(&[]);
            let counted = &given[..given.len().min(*years)];
            let actual = counted.iter().fold(Wan::ZERO, |s, w| s.plus(*w));
            let status = if actual >= *min {
                Status::Met
            } else if counted.len() == *years {
                Status::Gap
            } else {
                Status::Unknown
            };
            let measure = Measure::Money {
                actual,
                required: *min,
                years: *years,
                years_known: counted.len(),
            };
            (status, Some(measure))
        }
    }
}
