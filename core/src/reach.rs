//! What it would take: from an assessment, the least change to the answers that closes every
//! open requirement of each due point, and the capacity-building investment that earns the
//! largest subsidy the policy allows.
//!
//! Pure, like the assessment: it reads the outcomes and the funding estimate, never fails, and
//! returns a step for every open requirement. The numbers are exact in the sense that applying
//! the changes and assessing again closes the gaps and reaches the maximum, and that one unit
//! (one person, 0.01 万元) less does not (both are tested).

use crate::assess::{Assessment, Measure, Outcome};
use crate::funding::{year_amount, BaseSource};
use crate::money::Wan;
use crate::policy::{FundingTerms, Policy, Requirement, Rule};
use crate::vocab::{Due, Metric, Status, Unit};

/// What it would take, for one assessment.
#[derive(Clone, Debug, PartialEq)]
pub struct Reach<'p> {
    /// One entry per due point that has open requirements, in the order of [`Due::ALL`].
    pub due: Vec<DueSteps<'p>>,
    /// What would earn the largest subsidy.
    pub subsidy: SubsidyReach,
}

/// The steps that close a due point's open requirements.
#[derive(Clone, Debug, PartialEq)]
pub struct DueSteps<'p> {
    /// The due point.
    pub due: Due,
    /// One step per open requirement due then, in the policy's order.
    pub steps: Vec<Step<'p>>,
}

/// One open requirement and the change that would close it.
#[derive(Clone, Debug, PartialEq)]
pub struct Step<'p> {
    /// The requirement.
    pub requirement: &'p Requirement,
    /// Its status now (`gap` or `unknown`).
    pub status: Status,
    /// The change.
    pub change: Change,
}

/// The change to the answers that would close one requirement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// Raise a count (or, not answered, plan at least `to`).
    Count {
        /// The answer's contract path (`team.staff_year2`).
        field: &'static str,
        /// The answer now (`None`: not answered).
        from: Option<u64>,
        /// The least that meets the requirement.
        to: u64,
        /// What is counted.
        unit: Unit,
    },
    /// Invest more over years `1..=years` (`investment_wan`), after what the earlier due
    /// points' steps already add.
    Invest {
        /// Years counted by the requirement.
        years: usize,
        /// The sum of those years now (years not answered count as 0).
        from: Wan,
        /// What the earlier due points' steps already add within those years.
        earlier: Wan,
        /// What this step adds.
        add: Wan,
        /// Of the years counted, how many the applicant answered.
        years_known: usize,
    },
    /// Not a number: the answer must change so that the requirement holds (what must hold is the
    /// requirement's title and the assessment's explanation).
    Meet,
    /// Not answered, or left to the reviewers' judgement ([`crate::assess::for_review`]): the
    /// question must be answered first (or the reviewers must judge it).
    Answer,
}

impl Change {
    /// Its kind as reports name it: `count`, `invest`, `meet` or `answer`.
    pub const fn id(&self) -> &'static str {
        match self {
            Change::Count { .. } => "count",
            Change::Invest { .. } => "invest",
            Change::Meet => "meet",
            Change::Answer => "answer",
        }
    }
}

/// What would earn the largest subsidy of 三（四）.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SubsidyReach {
    /// The largest amount the terms allow in all: the total cap (with a single subsidised
    /// year, the lesser of the two caps).
    pub max: Wan,
    /// The estimate now.
    pub estimate: Wan,
    /// Year 1's base that earns the first-year cap (`None`: the rate is 0).
    pub first_year_base: Option<Wan>,
    /// The least base over all subsidised years that earns `max`, with year 1 at
    /// `first_year_base` (`None`: the rate is 0).
    pub total_base: Option<Wan>,
    /// The least capacity-building investment to add to the applicant's figures to reach
    /// `max`, and the year it is counted in (the last subsidised year; any year after the first
    /// earns the same until the total cap). `None` when `max` is reached or cannot be.
    pub add: Option<(usize, Wan)>,
    /// Where the bases now come from (the fallback to total investment is the tool's reading).
    pub base_source: BaseSource,
}

impl Metric {
    /// The contract path of the answer this metric reads.
    pub const fn path(self) -> &'static str {
        match self {
            Metric::Bases => "organization.bases",
            Metric::StaffYear2 => "team.staff_year2",
            Metric::TeamsYear2 => "team.teams_year2",
            Metric::StaffYear5 => "team.staff_year5",
            Metric::TeamsYear5 => "team.teams_year5",
            Metric::TransferBases => "ecosystem.transfer_bases",
            Metric::PartnerFirms => "ecosystem.partner_firms",
            Metric::Spinoffs => "ecosystem.spinoffs",
            Metric::FirmsServed => "ecosystem.firms_served",
        }
    }
}

/// What it would take to close every open requirement and reach the largest subsidy.
pub fn reach<'p>(a: &Assessment<'p>) -> Reach<'p> {
    // Additions to `investment_wan` already planned by earlier steps: (years counted, amount).
    let mut added: Vec<(usize, Wan)> = Vec::new();
    let mut due = Vec::new();
    for &d in Due::ALL {
        let mut open: Vec<&Outcome<'p>> = a
            .requirements
            .iter()
            .filter(|o| o.requirement.due == d && o.status != Status::Met)
            .collect();
        if open.is_empty() {
            continue;
        }
        // Shorter investment horizons first: their additions count in the longer sums too.
        open.sort_by_key(|o| match o.requirement.rule {
            Rule::InvestmentSum { years, .. } => years,
            _ => 0,
        });
        let mut steps: Vec<Step<'p>> = open.iter().map(|o| step(o, &mut added)).collect();
        // Back into the policy's order.
        let index = |r: &Requirement| {
            a.requirements
                .iter()
                .position(|o| std::ptr::eq(o.requirement, r))
        };
        steps.sort_by_key(|s| index(s.requirement));
        due.push(DueSteps { due: d, steps });
    }
    Reach {
        due,
        subsidy: subsidy(a.policy, a),
    }
}

fn step<'p>(o: &Outcome<'p>, added: &mut Vec<(usize, Wan)>) -> Step<'p> {
    let r = o.requirement;
    let change = match (&r.rule, o.measure) {
        (
            Rule::AtLeast { metric, unit, .. },
            Some(Measure::Count {
                actual, required, ..
            }),
        ) => Change::Count {
            field: metric.path(),
            from: actual,
            to: required,
            unit: *unit,
        },
        (
            Rule::InvestmentSum { years, .. },
            Some(Measure::Money {
                actual,
                required,
                years_known,
                ..
            }),
        ) => {
            let earlier = added
                .iter()
                .filter(|(y, _)| y <= years)
                .fold(Wan::ZERO, |s, (_, w)| s.plus(*w));
            let add = required.minus(actual.plus(earlier));
            if add > Wan::ZERO {
                added.push((*years, add));
            }
            Change::Invest {
                years: *years,
                from: actual,
                earlier,
                add,
                years_known,
            }
        }
        _ if o.status == Status::Unknown => Change::Answer,
        _ => Change::Meet,
    };
    Step {
        requirement: r,
        status: o.status,
        change,
    }
}

/// The largest amount `terms` allow in all.
pub fn max_subsidy(terms: &FundingTerms) -> Wan {
    match terms.years {
        0 => Wan::ZERO,
        1 => terms.first_year_cap.min(terms.total_cap),
        _ => terms.total_cap,
    }
}

fn subsidy(policy: &Policy, a: &Assessment<'_>) -> SubsidyReach {
    let terms = &policy.funding;
    let f = &a.funding;
    let max = max_subsidy(terms);
    let first_amount = terms.first_year_cap.min(max);
    let first_year_base = Wan::base_reaching(first_amount, terms.rate_bp);
    let total_base = first_year_base.and_then(|b1| {
        let rest = max.minus(first_amount);
        if rest == Wan::ZERO {
            Some(b1)
        } else {
            Wan::base_reaching(rest, terms.rate_bp).map(|b| b1.plus(b))
        }
    });
    let add = match f.years.last() {
        Some(last) if f.total < max => {
            // What the earlier years grant stays; the last year's base rises to earn the rest.
            let granted = f.total.minus(last.amount);
            Wan::base_reaching(max.minus(granted), terms.rate_bp)
                .map(|b| {
                    // With one year, the first-year cap may bind: the base is that of `max`.
                    let y = year_amount(terms, last.year, Some(b), granted);
                    (y.amount, b)
                })
                .filter(|(amount, _)| granted.plus(*amount) >= max)
                .map(|(_, b)| (last.year, b.minus(last.base)))
        }
        _ => None,
    };
    SubsidyReach {
        max,
        estimate: f.total,
        first_year_base,
        total_base,
        add,
        base_source: f.base_source,
    }
}

/// The estimate when the applicant invests the same capacity-building `base` in every
/// subsidised year: one point of the sweep chart (subsidy against investment).
pub fn sweep(terms: &FundingTerms, base: Wan) -> crate::funding::Funding {
    let a = crate::Applicant {
        capacity_investment_wan: Some(vec![base; terms.years]),
        ..Default::default()
    };
    crate::funding::estimate(terms, &a)
}

/// Where the sweep's curve bends: the yearly base from which year 1 earns the first-year cap,
/// and the least yearly base from which the total reaches [`max_subsidy`] (`None`: the rate is
/// 0, or no subsidised year).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Kinks {
    /// Year 1 reaches the first-year cap from this base on.
    pub first_year: Option<Wan>,
    /// The total reaches the largest subsidy from this base on.
    pub total: Option<Wan>,
}

/// The kinks of [`sweep`].
pub fn kinks(terms: &FundingTerms) -> Kinks {
    let max = max_subsidy(terms);
    if terms.years == 0 || terms.rate_bp == 0 {
        return Kinks {
            first_year: None,
            total: None,
        };
    }
    let first_year = Wan::base_reaching(terms.first_year_cap.min(max), terms.rate_bp);
    // The least base (in cents) whose sweep reaches the maximum: the total is monotone in the
    // base, so a binary search between 0 and the base that reaches it in one year.
    let total = Wan::base_reaching(max, terms.rate_bp).map(|hi| {
        let cent = 100; // yuan in 0.01 万元
        let (mut lo, mut hi) = (0i64, hi.yuan() / cent);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if sweep(terms, Wan::from_yuan(mid * cent)).total >= max {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        Wan::from_yuan(lo * cent)
    });
    Kinks { first_year, total }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assess::assess;
    use crate::funding::estimate;
    use crate::input::parse_applicant;
    use crate::policy;

    fn applicant(extra: &str) -> crate::Applicant {
        let json = format!(
            r#"{{"schema":"tic-applicant/1","fields":{{"chains":["{}"]}},"lead_unit":{{"kind":"university"}}{extra}}}"#,
            policy::current().chains[0].id
        );
        parse_applicant(policy::current(), &json).expect("a valid applicant")
    }

    fn first(r: &Reach<'_>, id: &str) -> Change {
        r.due
            .iter()
            .flat_map(|d| &d.steps)
            .find(|s| s.requirement.id == id)
            .map(|s| s.change)
            .unwrap_or_else(|| panic!("no step for {id}"))
    }

    #[test]
    fn every_open_requirement_has_one_step_under_its_due_point() {
        let p = policy::current();
        let a = applicant("");
        let asm = assess(p, &a);
        let r = reach(&asm);
        let open: Vec<&str> = asm
            .requirements
            .iter()
            .filter(|o| o.status != Status::Met)
            .map(|o| o.requirement.id.as_str())
            .collect();
        let mut stepped: Vec<&str> = Vec::new();
        for d in &r.due {
            for s in &d.steps {
                assert_eq!(s.requirement.due, d.due, "{}", s.requirement.id);
                stepped.push(&s.requirement.id);
            }
        }
        let mut sorted_open = open.clone();
        sorted_open.sort();
        stepped.sort();
        assert_eq!(sorted_open, stepped);
    }

    #[test]
    fn a_count_is_raised_to_its_threshold_and_not_one_more() {
        let p = policy::current();
        let min = p
            .requirements
            .iter()
            .find_map(|r| match r.rule {
                Rule::AtLeast {
                    metric: Metric::StaffYear2,
                    min,
                    ..
                } => Some(min as u32),
                _ => None,
            })
            .expect("a staff threshold");
        let a = applicant(&format!(r#","team":{{"staff_year2":{}}}"#, min - 14));
        let r = reach(&assess(p, &a));
        assert_eq!(
            first(&r, "team.staff_year2"),
            Change::Count {
                field: "team.staff_year2",
                from: Some(u64::from(min - 14)),
                to: u64::from(min),
                unit: Unit::People
            }
        );
        // Applying it closes the gap; one less does not.
        for (n, want) in [(min, Status::Met), (min - 1, Status::Gap)] {
            let a = applicant(&format!(r#","team":{{"staff_year2":{n}}}"#));
            let asm = assess(p, &a);
            let o = asm
                .requirements
                .iter()
                .find(|o| o.requirement.id == "team.staff_year2")
                .unwrap();
            assert_eq!(o.status, want, "{n}");
        }
    }

    #[test]
    fn the_year_2_investment_counts_towards_year_5() {
        let p = policy::current();
        // 4,000 + 4,800 over years 1–2, 1,000 a year after.
        let a = applicant(r#","investment_wan":[4000,4800,1000,1000,1000]"#);
        let asm = assess(p, &a);
        let r = reach(&asm);
        let Change::Invest { add: add2, .. } = first(&r, "invest.year2") else {
            panic!("not an investment step")
        };
        let Change::Invest {
            add: add5,
            earlier,
            from,
            ..
        } = first(&r, "invest.year5")
        else {
            panic!("not an investment step")
        };
        assert_eq!(earlier, add2);
        // Adding both to year 2 meets both sums exactly; 0.01 万元 less misses year 5.
        for less in [Wan::ZERO, Wan::from_yuan(100)] {
            let y2 = Wan::from_wan(4800.0)
                .unwrap()
                .plus(add2)
                .plus(add5)
                .minus(less);
            let json = format!(r#","investment_wan":[4000,{},1000,1000,1000]"#, y2.as_wan());
            let asm = assess(p, &applicant(&json));
            let st = |id: &str| {
                asm.requirements
                    .iter()
                    .find(|o| o.requirement.id == id)
                    .unwrap()
                    .status
            };
            assert_eq!(st("invest.year2"), Status::Met);
            assert_eq!(st("invest.year5") == Status::Met, less == Wan::ZERO);
        }
        assert_eq!(from, Wan::from_wan(11800.0).unwrap());
    }

    #[test]
    fn the_added_base_reaches_the_largest_subsidy_and_a_cent_less_does_not() {
        let p = policy::current();
        for bases in [
            "[100]",
            "[100,200,300]",
            "[2000,10,10]",
            "[0,0,0]",
            "[3000]",
        ] {
            let a = applicant(&format!(r#","capacity_investment_wan":{bases}"#));
            let asm = assess(p, &a);
            let s = reach(&asm).subsidy;
            assert_eq!(s.max, max_subsidy(&p.funding));
            let (year, add) = s.add.expect("below the maximum");
            let mut b: Vec<Wan> = a.capacity_investment_wan.clone().unwrap();
            b.resize(p.funding.years, Wan::ZERO);
            b[year - 1] = b[year - 1].plus(add);
            let mut more = a.clone();
            more.capacity_investment_wan = Some(b.clone());
            assert_eq!(estimate(&p.funding, &more).total, s.max, "{bases}");
            b[year - 1] = b[year - 1].minus(Wan::from_yuan(100));
            more.capacity_investment_wan = Some(b);
            assert!(estimate(&p.funding, &more).total < s.max, "{bases}");
        }
    }

    #[test]
    fn the_bases_of_the_caps_earn_the_caps() {
        let p = policy::current();
        let t = &p.funding;
        let s = reach(&assess(p, &applicant(""))).subsidy;
        let b1 = s.first_year_base.unwrap();
        assert_eq!(b1.share_floor(t.rate_bp), t.first_year_cap);
        let total = s.total_base.unwrap();
        let rest = total.minus(b1);
        let mut a = applicant("");
        a.capacity_investment_wan = Some(vec![b1, rest]);
        assert_eq!(estimate(t, &a).total, s.max);
        a.capacity_investment_wan = Some(vec![b1, rest.minus(Wan::from_yuan(100))]);
        assert!(estimate(t, &a).total < s.max);
    }

    #[test]
    fn at_the_maximum_nothing_is_to_add() {
        let p = policy::current();
        let a = applicant(r#","capacity_investment_wan":[5000,5000,5000]"#);
        let s = reach(&assess(p, &a)).subsidy;
        assert_eq!(s.estimate, s.max);
        assert_eq!(s.add, None);
    }

    #[test]
    fn the_sweep_bends_at_its_kinks_and_not_a_cent_before() {
        let p = policy::current();
        let t = &p.funding;
        let k = kinks(t);
        let (k1, k2) = (k.first_year.unwrap(), k.total.unwrap());
        // Under this policy the same base every year reaches the total cap (30 % × 3 years)
        // before year 1 alone would reach its cap.
        assert!(k2 < k1);
        let cent = Wan::from_yuan(100);
        assert_eq!(sweep(t, k1).years[0].amount, t.first_year_cap);
        assert!(sweep(t, k1.minus(cent)).years[0].amount < t.first_year_cap);
        assert_eq!(sweep(t, k2).total, max_subsidy(t));
        assert!(sweep(t, k2.minus(cent)).total < max_subsidy(t));
        // Below both kinks every year earns the rate.
        let b = Wan::from_yuan(k1.min(k2).yuan() / 2);
        let s = sweep(t, b);
        assert!(s.years.iter().all(|y| y.amount == b.share_floor(t.rate_bp)));
    }

    #[test]
    fn every_metric_names_a_field_of_the_table() {
        for m in Metric::ALL {
            assert!(
                crate::fields::FIELDS.iter().any(|f| f.path == m.path()),
                "{}",
                m.path()
            );
        }
    }
}
