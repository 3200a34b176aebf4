//! The indicator system of 附件1: each second-level indicator rated from the profile where the
//! profile answers it, else from the applicant's self-rating; coverage per first-level indicator.
//! The guideline gives no weights, so none are invented: coverage is counts.

use crate::applicant::Applicant;
use crate::assess::{evaluate, Measure};
use crate::policy::Policy;
use crate::vocab::{Rating, Status};

/// Where an indicator's rating came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RatingSource {
    /// Derived from the profile's answers.
    Profile,
    /// The applicant's self-rating.
    SelfRated,
    /// Not answered.
    None,
}

impl RatingSource {
    /// Identifier used in assessment files.
    pub fn id(self) -> &'static str {
        match self {
            RatingSource::Profile => "profile",
            RatingSource::SelfRated => "self",
            RatingSource::None => "none",
        }
    }
}

/// The rating of one indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IndicatorOutcome {
    /// The rating used.
    pub rating: Rating,
    /// Where it came from.
    pub source: RatingSource,
    /// The self-rating, when given (also when the profile decided).
    pub self_rating: Option<Rating>,
}

/// Coverage of one first-level indicator.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    /// Second-level indicators in the group.
    pub total: usize,
    /// Rated met.
    pub met: usize,
    /// Rated partial.
    pub partial: usize,
    /// Rated not met.
    pub not_met: usize,
    /// Not rated.
    pub unknown: usize,
}

/// Rates every indicator of the policy.
pub fn rate_indicators(policy: &Policy, a: &Applicant) -> Vec<IndicatorOutcome> {
    policy
        .indicators
        .iter()
        .map(|ind| {
            let self_rating = a
                .indicators
                .get(&ind.id)
                .copied()
                .filter(|r| *r != Rating::Unknown);
            let derived = derive(&ind.derive, a);
            match (derived, self_rating) {
                (Some(r), s) => IndicatorOutcome {
                    rating: r,
                    source: RatingSource::Profile,
                    self_rating: s,
                },
                (None, Some(r)) => IndicatorOutcome {
                    rating: r,
                    source: RatingSource::SelfRated,
                    self_rating: Some(r),
                },
                (None, None) => IndicatorOutcome {
                    rating: Rating::Unknown,
                    source: RatingSource::None,
                    self_rating: None,
                },
            }
        })
        .collect()
}

/// Met if every rule is met, not met if every rule is a gap with nothing achieved, partial when
/// between; `None` when no rule applies or an answer is missing.
fn derive(rules: &[crate::policy::Rule], a: &Applicant) -> Option<Rating> {
    if rules.is_empty() {
        return None;
    }
    let (mut met, mut some) = (0, false);
    for rule in rules {
        match evaluate(rule, a) {
            (Status::Unknown, _) => return None,
            (Status::Met, _) => met += 1,
            (
                Status::Gap,
                Some(Measure::Count {
                    actual: Some(v), ..
                }),
            ) if v > 0 => some = true,
            (Status::Gap, _) => {}
        }
    }
    Some(if met == rules.len() {
        Rating::Met
    } else if met > 0 || some {
        Rating::Partial
    } else {
        Rating::NotMet
    })
}

/// Coverage per first-level indicator, in the policy's order.
pub fn coverage(policy: &Policy, outcomes: &[IndicatorOutcome]) -> Vec<Coverage> {
    let mut out = vec![Coverage::default(); policy.indicator_groups.len()];
    for (ind, o) in policy.indicators.iter().zip(outcomes) {
        let Some(c) = out.get_mut(ind.group) else {
            continue;
        };
        c.total += 1;
        match o.rating {
            Rating::Met => c.met += 1,
            Rating::Partial => c.partial += 1,
            Rating::NotMet => c.not_met += 1,
            Rating::Unknown => c.unknown += 1,
        }
    }
    out
}
