//! The funding estimate of 三（四）: for each subsidised year, the least of the rate on that
//! year's capacity-building investment, the first-year cap and what is left of the total cap.

use crate::applicant::Applicant;
use crate::money::Wan;
use crate::policy::FundingTerms;
use crate::vocab::LimitedBy;

/// Where the subsidy base came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BaseSource {
    /// `capacity_investment_wan`.
    Capacity,
    /// The first years of `investment_wan` (no capacity figures given).
    Investment,
    /// Neither was given: every base is 0.
    None,
}

impl BaseSource {
    /// Identifier used in assessment files.
    pub fn id(self) -> &'static str {
        match self {
            BaseSource::Capacity => "capacity_investment_wan",
            BaseSource::Investment => "investment_wan",
            BaseSource::None => "none",
        }
    }
}

/// The estimate for one year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FundingYear {
    /// 1-based year.
    pub year: usize,
    /// The year's capacity-building investment (0 when not given).
    pub base: Wan,
    /// Whether the applicant gave that year's base.
    pub base_given: bool,
    /// The rate applied to the base, rounded down to 0.01 万元.
    pub by_rate: Wan,
    /// The most this year could get: the first-year cap (year 1) and what is left of the total.
    pub cap: Wan,
    /// The amount: the least of `by_rate` and `cap`.
    pub amount: Wan,
    /// Which term decided it (on a tie, the later of rate, first-year cap, total cap).
    pub limited_by: LimitedBy,
    /// When the rate decided and the cap is higher: the base that would reach the cap.
    pub base_to_reach_cap: Option<Wan>,
}

/// The whole estimate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Funding {
    /// One entry per subsidised year.
    pub years: Vec<FundingYear>,
    /// Sum of the years.
    pub total: Wan,
    /// The total cap.
    pub total_cap: Wan,
    /// Where the bases came from.
    pub base_source: BaseSource,
}

/// One subsidy year: the least of the rate on the year's base (`None`: not given, counted as
/// 0), the first-year cap (year 1) and what is left of the total cap after `granted` (the
/// amounts of the earlier years). On a tie the later term is named.
pub fn year_amount(
    terms: &FundingTerms,
    n: usize,
    given: Option<Wan>,
    granted: Wan,
) -> FundingYear {
    let base = given.unwrap_or(Wan::ZERO);
    let by_rate = base.share_floor(terms.rate_bp);
    let left = terms.total_cap.minus(granted);
    // The terms in the contract's order; on a tie the later one is named.
    let mut amount = by_rate;
    let mut limited_by = LimitedBy::Rate;
    let mut cap = left;
    if n == 1 {
        cap = cap.min(terms.first_year_cap);
        if terms.first_year_cap <= amount {
            amount = terms.first_year_cap;
            limited_by = LimitedBy::FirstYearCap;
        }
    }
    if left <= amount {
        amount = left;
        limited_by = LimitedBy::TotalCap;
    }
    let base_to_reach_cap = if limited_by == LimitedBy::Rate && amount < cap {
        Wan::base_reaching(cap, terms.rate_bp)
    } else {
        None
    };
    FundingYear {
        year: n,
        base,
        base_given: given.is_some(),
        by_rate,
        cap,
        amount,
        limited_by,
        base_to_reach_cap,
    }
}

/// Computes the estimate.
pub fn estimate(terms: &FundingTerms, a: &Applicant) -> Funding {
    let (bases, source): (&[Wan], BaseSource) =
        match (&a.capacity_investment_wan, &a.investment_wan) {
            (Some(c), _) => (c, BaseSource::Capacity),
            (None, Some(i)) => (i, BaseSource::Investment),
            (None, None) => (&[], BaseSource::None),
        };
    let mut years = Vec::with_capacity(terms.years);
    let mut total = Wan::ZERO;
    for n in 1..=terms.years {
        let given = bases.get(n - 1).copied();
        let y = year_amount(terms, n, given, total);
        total = total.plus(y.amount);
        years.push(y);
    }
    Funding {
        years,
        total,
        total_cap: terms.total_cap,
        base_source: source,
    }
}
