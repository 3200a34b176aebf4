//! The batch's data, independent of the browser: one summary row per valid applicant, the rows
//! that could not be read, counts per verdict, sorting, filtering and the single-view link.
//!
//! Everything here is pure and tested natively; the Yew view (`app`) only displays it.

use base64::Engine as _;
use tic_core::vocab::{Due, Verdict};
use tic_core::{assess, Applicant, Policy, Text, Wan};
use tic_tabular::RowSummary;

/// One assessed applicant, as the table shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// Position in the file's order of applicants (0-based), valid and invalid rows together.
    pub index: usize,
    /// The row number the official sees in the file (spreadsheet row; position for JSON).
    pub row: usize,
    /// Name of the planned centre ("" when absent).
    pub name: String,
    /// District ("" when absent).
    pub district: String,
    /// The verdict.
    pub verdict: Verdict,
    /// Estimated subsidy, all subsidised years.
    pub total: Wan,
    /// Estimated subsidy per subsidised year.
    pub years: Vec<Wan>,
    /// Number of requirements that are gaps, by due point (application, year 2, year 5,
    /// acceptance).
    pub gaps: [usize; 4],
    /// The applicant itself, for the link to the single view.
    pub applicant: Applicant,
    /// The link to the single view, made the first time the row is shown.
    pub link: std::cell::OnceCell<String>,
    /// The row's warnings (an amount implausibly large, 「请确认单位为万元」): the row is still
    /// assessed; the table marks it and the exports write them, as `tic screen` does.
    pub warnings: Vec<tic_tabular::RowProblem>,
}

/// One problem of a row that could not be read as an applicant.
#[derive(Clone, Debug, PartialEq)]
pub struct RowError {
    /// Position in the file's order of applicants (0-based).
    pub index: usize,
    /// The row number in the file.
    pub row: usize,
    /// The column header as written in the file; for JSON (no columns), the field path; empty
    /// when it concerns the whole row.
    pub column: String,
    /// The cell reference (`H6`), for CSV and XLSX.
    pub cell: Option<String>,
    /// What is wrong, in Chinese and English.
    pub message: Text,
}

/// The four due points in the order of the table's gap columns.
pub const DUES: [Due; 4] = [Due::Application, Due::Year2, Due::Year5, Due::Acceptance];

/// The table row of an assessed applicant.
pub fn table_row(index: usize, row: usize, applicant: Applicant, s: &RowSummary) -> Row {
    Row {
        index,
        row,
        name: applicant.name.clone().unwrap_or_default(),
        district: applicant.district.clone().unwrap_or_default(),
        verdict: s.verdict,
        total: s.total,
        years: s.years.iter().map(|(w, _)| *w).collect(),
        gaps: s.by_due.map(|(gaps, _unknown)| gaps),
        applicant,
        link: std::cell::OnceCell::new(),
        warnings: s.warnings.clone(),
    }
}

/// Assesses one applicant: its table row and the summary the exports write, with the row's
/// warnings (`InputRow::warnings`) in both, as `tic_tabular::result_row` (`tic screen`) does.
pub fn summarise(
    policy: &Policy,
    index: usize,
    row: usize,
    applicant: Applicant,
    warnings: &[tic_tabular::RowProblem],
) -> (Row, RowSummary) {
    let mut s = RowSummary::of(&assess(policy, &applicant));
    s.warnings = warnings.to_vec();
    (table_row(index, row, applicant, &s), s)
}

/// The budget view of the batch: counts by verdict, and the estimated subsidy by year, in all and
/// by district of the applicants past every gate (`tic_tabular::compare`, as `tic screen
/// --compare` totals them), over every row of the file, not only those a filter shows.
pub fn budget(rows: &[Row], invalid: usize) -> tic_tabular::compare::Totals {
    use tic_tabular::compare::{Totals, TotalsRow};
    let valid = rows.iter().map(|r| TotalsRow {
        verdict: Some(r.verdict),
        total: r.total,
        years: &r.years,
        district: Some(r.district.as_str()),
    });
    let bad = (0..invalid).map(|_| TotalsRow {
        verdict: None,
        total: Wan::ZERO,
        years: &[],
        district: None,
    });
    Totals::from_rows(valid.chain(bad))
}

/// The problems of an invalid row, one entry each.
pub fn row_errors(index: usize, e: &tic_tabular::RowError) -> Vec<RowError> {
    e.problems
        .iter()
        .map(|p| RowError {
            index,
            row: e.row,
            column: p.column.clone().unwrap_or_else(|| p.field.clone()),
            cell: p.cell.clone(),
            message: p.message.clone(),
        })
        .collect()
}

/// The columns the table can be sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Column {
    /// Row number in the file (the initial order).
    #[default]
    Row,
    /// Name.
    Name,
    /// District.
    District,
    /// Verdict (eligible first).
    Verdict,
    /// Subsidy total.
    Total,
    /// Gaps due at the given point (index into [`DUES`]).
    Gaps(usize),
}

/// Sort direction.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Direction {
    /// Smallest first.
    #[default]
    Ascending,
    /// Largest first.
    Descending,
}

impl Direction {
    /// The value of `aria-sort`.
    pub fn aria(self) -> &'static str {
        match self {
            Direction::Ascending => "ascending",
            Direction::Descending => "descending",
        }
    }
}

/// The verdicts in the order the page lists them.
pub const VERDICTS: [Verdict; 4] = [
    Verdict::Eligible,
    Verdict::EligibleWithGaps,
    Verdict::Incomplete,
    Verdict::NotEligible,
];

fn verdict_rank(v: Verdict) -> usize {
    VERDICTS
        .iter()
        .position(|x| *x == v)
        .unwrap_or(VERDICTS.len())
}

/// Sorts `order` (indices into `rows`) by a column; ties keep the file order, so the sort is
/// stable and repeatable.
pub fn sort(rows: &[Row], order: &mut [usize], column: Column, direction: Direction) {
    order.sort_by(|&a, &b| {
        let (ra, rb) = (&rows[a], &rows[b]);
        let primary = match column {
            Column::Row => ra.row.cmp(&rb.row),
            Column::Name => ra.name.cmp(&rb.name),
            Column::District => ra.district.cmp(&rb.district),
            Column::Verdict => verdict_rank(ra.verdict).cmp(&verdict_rank(rb.verdict)),
            Column::Total => ra.total.cmp(&rb.total),
            Column::Gaps(i) => ra.gaps.get(i).cmp(&rb.gaps.get(i)),
        };
        let primary = match direction {
            Direction::Ascending => primary,
            Direction::Descending => primary.reverse(),
        };
        primary.then(ra.index.cmp(&rb.index))
    });
}

/// Which rows to show.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    /// Only this verdict.
    pub verdict: Option<Verdict>,
    /// Only this district.
    pub district: Option<String>,
}

impl Filter {
    /// Whether a row passes.
    pub fn accepts(&self, row: &Row) -> bool {
        self.verdict.is_none_or(|v| v == row.verdict)
            && self.district.as_deref().is_none_or(|d| d == row.district)
    }
}

/// The rows in the given sort order that pass the filter.
pub fn visible(rows: &[Row], order: &[usize], filter: &Filter) -> Vec<usize> {
    order
        .iter()
        .copied()
        .filter(|&i| rows.get(i).is_some_and(|r| filter.accepts(r)))
        .collect()
}

/// How many rows have each verdict, in the order of [`VERDICTS`].
pub fn counts(rows: &[Row]) -> [usize; 4] {
    let mut c = [0; 4];
    for r in rows {
        if let Some(slot) = c.get_mut(verdict_rank(r.verdict)) {
            *slot += 1;
        }
    }
    c
}

/// The distinct districts of the rows, sorted; the empty district is left out.
pub fn districts(rows: &[Row]) -> Vec<String> {
    let mut d: Vec<String> = rows
        .iter()
        .filter(|r| !r.district.is_empty())
        .map(|r| r.district.clone())
        .collect();
    d.sort();
    d.dedup();
    d
}

/// The single view with this row's applicant, as the contract's link (relative to
/// `batch.html`), made the first time it is asked for.
pub fn single_view_url(r: &Row) -> &str {
    r.link
        .get_or_init(|| format!("../index.html#{}", applicant_fragment(&r.applicant)))
}

/// The fragment of the contract's single-view link: `applicant=` + the applicant JSON (UTF-8),
/// base64url without padding.
pub fn applicant_fragment(applicant: &Applicant) -> String {
    let json = serde_json::to_string(applicant).unwrap_or_default();
    format!(
        "applicant={}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(json.as_bytes())
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use tic_core::{parse_applicant, policy};

    fn applicant(json: &str) -> Applicant {
        match parse_applicant(policy::current(), json) {
            Ok(a) => a,
            Err(e) => panic!("test applicant invalid: {e:?}"),
        }
    }

    fn full() -> Applicant {
        // The contract's example `strong.applicant.json`.
        applicant(
            r#"{"schema": "tic-applicant/1", "name": "宁波市先进磁性材料技术创新中心", "district": "鄞州区",
            "recommended_by": "district",
            "lead_unit": {"kind": "enterprise", "leading_enterprise": true, "platforms": ["provincial_engineering_center"]},
            "fields": {"highlands": ["new_materials"], "chains": [], "clusters": [], "carbon_neutral": false},
            "organization": {"legal_status": "independent", "bases": 2, "board": true, "director": true,
              "chief_scientist": true, "expert_committee": true},
            "investment_wan": [6000, 5000, 4000, 3000, 3000], "capacity_investment_wan": [2000, 1500, 1200],
            "team": {"staff_year2": 120, "teams_year2": 2, "staff_year5": 320, "teams_year5": 5},
            "ecosystem": {"transfer_bases": 1, "partner_firms": 25, "spinoffs": 5, "firms_served": 120}}"#,
        )
    }

    #[test]
    fn summary_counts_gaps_by_due_and_keeps_funding() {
        let p = policy::current();
        let a = applicant(
            r#"{"schema":"tic-applicant/1","name":"甲","district":"鄞州区",
                "investment_wan":[1000,1000],"capacity_investment_wan":[2000,1500,1200],
                "team":{"staff_year2":50,"staff_year5":500}}"#,
        );
        let (r, s) = summarise(p, 3, 7, a, &[]);
        assert_eq!(s.gaps, vec!["invest.year2", "team.staff_year2"]);
        assert_eq!((r.index, r.row), (3, 7));
        assert_eq!(r.name, "甲");
        assert_eq!(r.district, "鄞州区");
        // invest.year2 (2000 < 10000) and team.staff_year2 (50 < 100) are year-2 gaps;
        // nothing else is known to be short.
        assert_eq!(r.gaps, [0, 2, 0, 0]);
        // 500 (first-year cap) + 450 + 50 (total cap) = 1000 万元.
        assert_eq!(r.total, Wan::from_wan(1000.0).unwrap_or(Wan::ZERO));
        assert_eq!(r.verdict, Verdict::Incomplete);
    }

    fn rows() -> Vec<Row> {
        let p = policy::current();
        let mk = |i: usize, name: &str, district: &str, inv: &str| {
            let json = format!(
                r#"{{"schema":"tic-applicant/1","name":"{name}","district":"{district}","capacity_investment_wan":[{inv}]}}"#
            );
            summarise(p, i, i + 2, applicant(&json), &[]).0
        };
        let mut v = vec![
            mk(0, "b", "北仑区", "100"),
            mk(1, "a", "鄞州区", "3000"),
            mk(2, "c", "北仑区", "1000"),
        ];
        let mut e = full();
        e.name = Some("d".into());
        v.push(summarise(p, 3, 5, e, &[]).0);
        v
    }

    #[test]
    fn sort_by_each_column_and_direction() {
        let rows = rows();
        let mut order: Vec<usize> = (0..rows.len()).collect();
        sort(&rows, &mut order, Column::Name, Direction::Ascending);
        assert_eq!(order, vec![1, 0, 2, 3]);
        sort(&rows, &mut order, Column::Total, Direction::Descending);
        // 3000 → 500 (cap) vs full example's total, 1000 → 300, 100 → 30
        assert_eq!(rows[order[2]].name, "c");
        assert_eq!(rows[order[3]].name, "b");
        sort(&rows, &mut order, Column::Verdict, Direction::Ascending);
        assert_eq!(rows[order[0]].verdict, Verdict::Eligible);
        sort(&rows, &mut order, Column::Row, Direction::Descending);
        assert_eq!(order, vec![3, 2, 1, 0]);
        // Ties keep file order: both 北仑区 rows in index order.
        sort(&rows, &mut order, Column::District, Direction::Ascending);
        let bl: Vec<usize> = order
            .iter()
            .copied()
            .filter(|&i| rows[i].district == "北仑区")
            .collect();
        assert_eq!(bl, vec![0, 2]);
    }

    #[test]
    fn filter_counts_and_districts() {
        let rows = rows();
        let order: Vec<usize> = (0..rows.len()).collect();
        let f = Filter {
            verdict: None,
            district: Some("北仑区".into()),
        };
        assert_eq!(visible(&rows, &order, &f), vec![0, 2]);
        let f = Filter {
            verdict: Some(Verdict::Eligible),
            district: None,
        };
        assert_eq!(visible(&rows, &order, &f), vec![3]);
        let c = counts(&rows);
        assert_eq!(c.iter().sum::<usize>(), rows.len());
        assert_eq!(c[0], 1);
        assert_eq!(
            districts(&rows),
            vec!["北仑区".to_string(), "鄞州区".to_string()]
        );
    }

    #[test]
    fn the_budget_counts_only_rows_past_every_gate_and_adds_up_by_year_and_district() {
        let rows = rows();
        let b = budget(&rows, 2);
        assert_eq!(b.rows, rows.len() + 2);
        assert_eq!(b.invalid, 2);
        let past: Vec<&Row> = rows
            .iter()
            .filter(|r| tic_tabular::compare::in_budget(r.verdict))
            .collect();
        assert!(
            !past.is_empty() && past.len() < rows.len(),
            "both kinds of row"
        );
        assert_eq!(b.in_budget, past.len());
        let total = past.iter().fold(Wan::ZERO, |s, r| s.plus(r.total));
        assert_eq!(b.funding_total, total);
        let by_year = b.funding_years.iter().fold(Wan::ZERO, |s, w| s.plus(*w));
        assert_eq!(by_year, total);
        let by_district = b
            .by_district
            .iter()
            .fold(Wan::ZERO, |s, d| s.plus(d.funding_total));
        assert_eq!(by_district, total);
        let counted: usize = b.by_verdict.iter().map(|(_, n)| n).sum();
        assert_eq!(counted, rows.len());
    }

    #[test]
    fn fragment_round_trips_to_the_same_applicant() {
        let a = full();
        let f = applicant_fragment(&a);
        let data = f.strip_prefix("applicant=").unwrap_or_default();
        assert!(!data.contains('=') && !data.contains('+') && !data.contains('/'));
        let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(data)
            .unwrap_or_default();
        let back = applicant(std::str::from_utf8(&bytes).unwrap_or_default());
        assert_eq!(back, a);
    }
}
