//! The officials' portfolio (建设期跟踪): every centre of a tracking portfolio judged by
//! `tic_core::track`, the figures the table shows, sorting by risk or by any column, the counts
//! by standing and by district, and the totals. Pure and tested natively; the components only
//! display it.

use crate::model::{row_errors, Direction, RowError};
use tic_core::track::track;
use tic_core::vocab::{MilestoneStatus, Standing};
use tic_core::{Policy, Wan};
use tic_tabular::PortfolioItem;

/// The standings from most to least at risk: the table's default order and the order of the
/// counts.
pub const RISK: [Standing; 6] = [
    Standing::Delisted,
    Standing::Revoked,
    Standing::Warning,
    Standing::AcceptanceUnknown,
    Standing::OnTrack,
    Standing::Accepted,
];

/// A standing's place in [`RISK`].
pub fn risk_rank(s: Standing) -> usize {
    RISK.iter().position(|x| *x == s).unwrap_or(RISK.len())
}

/// One tracked centre, as the table shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Centre {
    /// Position in the file's order of centres (0-based), valid and invalid together.
    pub index: usize,
    /// The spreadsheet row of the centre's first row (the position for JSON).
    pub row: usize,
    /// Its name ("" when absent).
    pub name: String,
    /// Its district ("" when absent).
    pub district: String,
    /// Where it stands (the core's judgement).
    pub standing: Standing,
    /// The year of delisting, when delisted.
    pub delisted_year: Option<usize>,
    /// Construction years reported.
    pub years_reported: usize,
    /// Milestones due and missed.
    pub missed: usize,
    /// The subsidy it is entitled to so far.
    pub entitled: Wan,
    /// The subsidy received, as reported.
    pub received: Wan,
    /// Unspent plus non-compliant subsidy (`None` without spending figures).
    pub recovery: Option<Wan>,
    /// Whether the recovery applies now (delisted or revoked).
    pub recovery_applies: bool,
}

/// The columns the portfolio table can be sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PColumn {
    /// Row in the file.
    Row,
    /// Name.
    Name,
    /// District.
    District,
    /// Standing, most at risk first (the initial order).
    #[default]
    Standing,
    /// Delisted year.
    Delisted,
    /// Years reported.
    Years,
    /// Missed milestones.
    Missed,
    /// Entitled total.
    Entitled,
    /// Received total.
    Received,
    /// Recovery amount.
    Recovery,
}

/// A whole portfolio, tracked.
#[derive(Debug, Default)]
pub struct Portfolio {
    /// The centres as read (what the exports write, in file order).
    pub items: Vec<PortfolioItem>,
    /// The valid centres, tracked, in file order.
    pub centres: Vec<Centre>,
    /// The problems of the centres that could not be read.
    pub errors: Vec<RowError>,
    /// Centres that could not be read.
    pub invalid: usize,
    /// Centres per standing, in [`RISK`] order.
    pub by_standing: [usize; 6],
    /// Per district (sorted; "" for none given): centres, and those delisted, revoked or in
    /// warning.
    pub by_district: Vec<(String, usize, usize)>,
    /// The entitlement of every centre.
    pub entitled_total: Wan,
    /// The subsidy received by every centre.
    pub received_total: Wan,
    /// The recovery amounts of every centre that reports its spending (what is at stake).
    pub exposure: Wan,
    /// Of those, the amounts of centres delisted or revoked (recovered now).
    pub recovery_due: Wan,
}

impl Portfolio {
    /// Tracks every valid centre of `items` with the core.
    pub fn track(policy: &Policy, items: Vec<PortfolioItem>) -> Portfolio {
        let mut p = Portfolio::default();
        for (index, item) in items.iter().enumerate() {
            match &item.outcome {
                Ok(progress) => {
                    let t = track(policy, progress);
                    let c = Centre {
                        index,
                        row: item.row,
                        name: item.name.clone().unwrap_or_default(),
                        district: item.district.clone().unwrap_or_default(),
                        standing: t.standing,
                        delisted_year: t.delisted_year,
                        years_reported: t.years_reported,
                        missed: t
                            .milestones
                            .iter()
                            .filter(|m| m.status == MilestoneStatus::Missed)
                            .count(),
                        entitled: t.funding.entitled_total,
                        received: t.funding.received_total,
                        recovery: t.recovery.amount(),
                        recovery_applies: t.recovery.applies,
                    };
                    if let Some(n) = p.by_standing.get_mut(risk_rank(c.standing)) {
                        *n += 1;
                    }
                    p.entitled_total = p.entitled_total.plus(c.entitled);
                    p.received_total = p.received_total.plus(c.received);
                    if let Some(r) = c.recovery {
                        p.exposure = p.exposure.plus(r);
                        if c.recovery_applies {
                            p.recovery_due = p.recovery_due.plus(r);
                        }
                    }
                    let at_risk = usize::from(risk_rank(c.standing) < 3);
                    match p.by_district.iter_mut().find(|d| d.0 == c.district) {
                        Some(d) => {
                            d.1 += 1;
                            d.2 += at_risk;
                        }
                        None => p.by_district.push((c.district.clone(), 1, at_risk)),
                    }
                    p.centres.push(c);
                }
                Err(e) => {
                    p.invalid += 1;
                    p.errors.extend(row_errors(index, e));
                }
            }
        }
        p.by_district.sort_by(|a, b| a.0.cmp(&b.0));
        p.items = items;
        p
    }
}

/// Sorts `order` (indices into `centres`) by a column; ties keep the file order.
pub fn sort(centres: &[Centre], order: &mut [usize], column: PColumn, direction: Direction) {
    order.sort_by(|&a, &b| {
        let (x, y) = (&centres[a], &centres[b]);
        let primary = match column {
            PColumn::Row => x.row.cmp(&y.row),
            PColumn::Name => x.name.cmp(&y.name),
            PColumn::District => x.district.cmp(&y.district),
            PColumn::Standing => risk_rank(x.standing).cmp(&risk_rank(y.standing)),
            PColumn::Delisted => x.delisted_year.cmp(&y.delisted_year),
            PColumn::Years => x.years_reported.cmp(&y.years_reported),
            PColumn::Missed => x.missed.cmp(&y.missed),
            PColumn::Entitled => x.entitled.cmp(&y.entitled),
            PColumn::Received => x.received.cmp(&y.received),
            PColumn::Recovery => x.recovery.cmp(&y.recovery),
        };
        let primary = match direction {
            Direction::Ascending => primary,
            Direction::Descending => primary.reverse(),
        };
        primary.then(x.index.cmp(&y.index))
    });
}
