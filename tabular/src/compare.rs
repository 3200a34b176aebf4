//! The totals of a screened batch (counts by verdict, estimated funding by year and by
//! district), and the same batch under two policy versions side by side: the policy sandbox of
//! `tic screen --compare`.

use crate::{ResultRow, RowSummary};
use tic_core::vocab::Verdict;
use tic_core::Wan;

/// Whether an applicant's estimate counts towards the budget: it passes every gate (verdict
/// `eligible` or `eligible_with_gaps`). The estimate is computed for every applicant; the
/// budget counts only those who could be approved.
pub fn in_budget(v: Verdict) -> bool {
    matches!(v, Verdict::Eligible | Verdict::EligibleWithGaps)
}

/// The totals of one district (or of the rows that give none: `district` is `None`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DistrictTotals {
    /// The district as the rows give it.
    pub district: Option<String>,
    /// Valid rows.
    pub rows: usize,
    /// Of those, how many pass every gate.
    pub in_budget: usize,
    /// Their estimated funding.
    pub funding_total: Wan,
}

/// The totals of a screened batch.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    /// Rows in all.
    pub rows: usize,
    /// Rows that could not be assessed.
    pub invalid: usize,
    /// Valid rows per verdict, in the order of [`Verdict::ALL`].
    pub by_verdict: Vec<(Verdict, usize)>,
    /// Rows that count towards the budget ([`in_budget`]).
    pub in_budget: usize,
    /// Their estimated funding per subsidised year.
    pub funding_years: Vec<Wan>,
    /// Their estimated funding in all.
    pub funding_total: Wan,
    /// Per district, in order of first appearance (rows without one last).
    pub by_district: Vec<DistrictTotals>,
}

/// What [`Totals`] needs of one row: its verdict (`None`: the row could not be assessed), its
/// estimate in all and per subsidised year, and its district.
#[derive(Clone, Copy, Debug)]
pub struct TotalsRow<'a> {
    /// The verdict, or `None` for a row that could not be assessed.
    pub verdict: Option<Verdict>,
    /// The estimate in all.
    pub total: Wan,
    /// The estimate per subsidised year.
    pub years: &'a [Wan],
    /// The district as given (blank: none).
    pub district: Option<&'a str>,
}

impl Totals {
    /// The totals of screened rows.
    pub fn of(rows: &[ResultRow]) -> Totals {
        let years: Vec<Vec<Wan>> = rows
            .iter()
            .map(|r| match &r.outcome {
                Ok(s) => s.years.iter().map(|(w, _)| *w).collect(),
                Err(_) => Vec::new(),
            })
            .collect();
        Totals::from_rows(rows.iter().zip(&years).map(|(r, y)| TotalsRow {
            verdict: r.outcome.as_ref().ok().map(|s| s.verdict),
            total: r.outcome.as_ref().map_or(Wan::ZERO, |s| s.total),
            years: y,
            district: r.district.as_deref(),
        }))
    }

    /// The totals of any rows (the batch view's, `tic screen`'s).
    pub fn from_rows<'a>(rows: impl IntoIterator<Item = TotalsRow<'a>>) -> Totals {
        let mut t = Totals {
            rows: 0,
            invalid: 0,
            by_verdict: Verdict::ALL.iter().map(|v| (*v, 0)).collect(),
            in_budget: 0,
            funding_years: Vec::new(),
            funding_total: Wan::ZERO,
            by_district: Vec::new(),
        };
        let mut none = DistrictTotals {
            district: None,
            rows: 0,
            in_budget: 0,
            funding_total: Wan::ZERO,
        };
        for r in rows {
            t.rows += 1;
            let Some(verdict) = r.verdict else {
                t.invalid += 1;
                continue;
            };
            if let Some(v) = t.by_verdict.iter_mut().find(|(v, _)| *v == verdict) {
                v.1 += 1;
            }
            let district = r.district.map(str::trim).filter(|d| !d.is_empty());
            let d = match district {
                Some(name) => {
                    let at = t
                        .by_district
                        .iter()
                        .position(|d| d.district.as_deref() == Some(name));
                    match at {
                        Some(i) => &mut t.by_district[i],
                        None => {
                            t.by_district.push(DistrictTotals {
                                district: Some(name.to_owned()),
                                rows: 0,
                                in_budget: 0,
                                funding_total: Wan::ZERO,
                            });
                            t.by_district.last_mut().expect("just pushed")
                        }
                    }
                }
                None => &mut none,
            };
            d.rows += 1;
            if in_budget(verdict) {
                d.in_budget += 1;
                d.funding_total = d.funding_total.plus(r.total);
                t.in_budget += 1;
                t.funding_total = t.funding_total.plus(r.total);
                if t.funding_years.len() < r.years.len() {
                    t.funding_years.resize(r.years.len(), Wan::ZERO);
                }
                for (sum, amount) in t.funding_years.iter_mut().zip(r.years) {
                    *sum = sum.plus(*amount);
                }
            }
        }
        if none.rows > 0 {
            t.by_district.push(none);
        }
        t
    }
}

/// One row under both versions.
#[derive(Clone, Debug, PartialEq)]
pub struct RowComparison<'a> {
    /// The row under the first version (its identity: row, name, district).
    pub base: &'a ResultRow,
    /// The same row under the second.
    pub other: &'a ResultRow,
}

impl RowComparison<'_> {
    fn summaries(&self) -> Option<(&RowSummary, &RowSummary)> {
        match (&self.base.outcome, &self.other.outcome) {
            (Ok(a), Ok(b)) => Some((a, b)),
            _ => None,
        }
    }

    /// Whether the verdict differs (or the row is valid under one version only).
    pub fn verdict_changed(&self) -> bool {
        match self.summaries() {
            Some((a, b)) => a.verdict != b.verdict,
            None => self.base.outcome.is_ok() != self.other.outcome.is_ok(),
        }
    }

    /// The funding estimate under the second version minus the first, in 万元 (negative: less);
    /// `None` unless the row is valid under both.
    pub fn funding_change(&self) -> Option<f64> {
        self.summaries()
            .map(|(a, b)| b.total.as_wan() - a.total.as_wan())
    }

    /// Whether anything a table shows changed: the verdict, the funding, or the validity.
    pub fn changed(&self) -> bool {
        self.verdict_changed()
            || match self.summaries() {
                Some((a, b)) => a.total != b.total || a.gaps != b.gaps || a.unknown != b.unknown,
                None => false,
            }
    }
}

/// Pairs the rows of one file screened under two versions (same file, so the same rows in the
/// same order; a row missing from either side is left out).
pub fn pair<'a>(base: &'a [ResultRow], other: &'a [ResultRow]) -> Vec<RowComparison<'a>> {
    let mut out = Vec::with_capacity(base.len());
    let mut rest = other.iter().peekable();
    for a in base {
        while rest.peek().is_some_and(|b| b.row < a.row) {
            rest.next();
        }
        if let Some(b) = rest.peek().filter(|b| b.row == a.row) {
            out.push(RowComparison { base: a, other: b });
        }
    }
    out
}
