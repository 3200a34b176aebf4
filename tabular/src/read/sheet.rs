//! A sheet's cells that hold something, and how a table is found in them: the header row among
//! the first [`HEADER_SEARCH_ROWS`] rows (a two-row header with a group cell over sub-headers
//! too), merged cells filling every row they cover, the columns capped to the header's width.

use super::Cell;
use crate::columns::Columns;
use serde::{Deserialize, Serialize};

/// How many non-blank rows at the top of a sheet are searched for the header.
pub const HEADER_SEARCH_ROWS: usize = 20;

/// A row of a sheet: its 0-based index, and its non-blank cells (0-based column, cell) in
/// column order.
pub(super) type SheetRow = (u32, Vec<(u32, Cell)>);

/// The cells of a sheet that hold something, by row, and its merged regions
/// (`(start, end)`, 0-based `(row, column)`, inclusive).
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub(super) struct Grid {
    pub(super) rows: Vec<SheetRow>,
    pub(super) merges: Vec<((u32, u32), (u32, u32))>,
}

/// The header a table was found to have.
#[derive(Clone, Debug)]
pub(super) struct Header {
    /// Index (in the searched rows) of its first row.
    pub(super) index: usize,
    /// 1 or 2 rows (a group cell over sub-headers).
    pub(super) height: usize,
    /// Its cells: (0-based column, header text); sub-headers combined with their group.
    pub(super) cells: Vec<(u32, String)>,
    /// How many distinct known columns it names.
    pub(super) score: usize,
}

fn known(cols: &Columns, text: &str) -> Option<usize> {
    if text.is_empty() {
        None
    } else {
        cols.for_header(text)
    }
}

fn score(cols: &Columns, cells: &[(u32, String)]) -> usize {
    let mut seen: Vec<usize> = cells.iter().filter_map(|(_, t)| known(cols, t)).collect();
    seen.sort_unstable();
    seen.dedup();
    seen.len()
}

/// The best header among `head` (the first rows: (row, (column, text))): the row naming the
/// most known columns, or two rows whose sub-headers combined with the group cell above them
/// (`总投入（万元）` over `第1年`: `第1年总投入（万元）`) name more. The earliest wins a tie.
/// `at`: only that index is considered (the `--header-row` option).
pub(super) fn find_header(
    cols: &Columns,
    head: &[(u32, Vec<(u32, String)>)],
    at: Option<usize>,
) -> Option<Header> {
    let mut best: Option<Header> = None;
    for (i, (_, cells)) in head.iter().enumerate() {
        if at.is_some_and(|a| a != i) {
            continue;
        }
        let single = score(cols, cells);
        let mut pick = Header {
            index: i,
            height: 1,
            cells: cells.clone(),
            score: single,
        };
        if let Some((_, below)) = head.get(i + 1) {
            let combined = combine(cols, cells, below);
            let s = score(cols, &combined);
            // Two rows only when they name more than either alone (a title above the header
            // adds nothing).
            if s > single && s > score(cols, below) {
                pick = Header {
                    index: i,
                    height: 2,
                    cells: combined,
                    score: s,
                };
            }
        }
        if pick.score > 0 && best.as_ref().is_none_or(|b| pick.score > b.score) {
            best = Some(pick);
        }
    }
    best
}

/// Two header rows as one: a known upper cell stays; otherwise the lower cell, prefixed to its
/// group (`第1年` + `总投入（万元）`), or suffixed, or alone, whichever names a known column.
fn combine(
    table: &Columns,
    upper: &[(u32, String)],
    lower: &[(u32, String)],
) -> Vec<(u32, String)> {
    let mut cols: Vec<u32> = upper.iter().chain(lower).map(|(c, _)| *c).collect();
    cols.sort_unstable();
    cols.dedup();
    let get = |v: &[(u32, String)], c: u32| {
        v.iter()
            .find(|(x, _)| *x == c)
            .map(|(_, t)| t.clone())
            .unwrap_or_default()
    };
    cols.into_iter()
        .map(|c| {
            let (a, b) = (get(upper, c), get(lower, c));
            let text = if known(table, &a).is_some() || b.is_empty() || a == b {
                a
            } else if a.is_empty() {
                b
            } else {
                [format!("{b}{a}"), format!("{a}{b}"), b.clone()]
                    .into_iter()
                    .find(|t| known(table, t).is_some())
                    .unwrap_or(format!("{a}{b}"))
            };
            (c, text)
        })
        .collect()
}

impl Grid {
    /// The first `n` rows as header candidates: (row, (column, text)), merged cells filled
    /// (across and down) within them.
    pub(super) fn head(&self, from: u32, n: usize) -> Vec<(u32, Vec<(u32, String)>)> {
        let rows: Vec<&SheetRow> = self
            .rows
            .iter()
            .filter(|(r, _)| *r >= from)
            .take(n)
            .collect();
        let Some(last) = rows.last().map(|r| r.0) else {
            return Vec::new();
        };
        let mut out: Vec<(u32, Vec<(u32, String)>)> = rows
            .iter()
            .map(|(r, cells)| {
                let v = cells
                    .iter()
                    .map(|(c, cell)| (*c, cell.as_text()))
                    .filter(|(_, t)| !t.is_empty())
                    .collect();
                (*r, v)
            })
            .collect();
        let max_col = out
            .iter()
            .flat_map(|(_, v)| v.iter().map(|(c, _)| *c))
            .max()
            .unwrap_or(0);
        for &((r0, c0), (r1, c1)) in &self.merges {
            if r0 > last {
                continue;
            }
            let Some(text) = out
                .iter()
                .find(|(r, _)| *r == r0)
                .and_then(|(_, v)| v.iter().find(|(c, _)| *c == c0))
                .map(|(_, t)| t.clone())
            else {
                continue;
            };
            for (r, v) in out.iter_mut().filter(|(r, _)| (r0..=r1).contains(r)) {
                let _ = r;
                for c in c0..=c1.min(max_col) {
                    if let Err(at) = v.binary_search_by_key(&c, |(x, _)| *x) {
                        v.insert(at, (c, text.clone()));
                    }
                }
            }
        }
        out
    }

    /// Fills every cell of a merged region that lies in a row holding data, below `after` and in
    /// the columns `cols`, with the region's value.
    pub(super) fn fill_merges(&mut self, after: u32, cols: (u32, u32)) {
        for &((r0, c0), (r1, c1)) in &self.merges {
            if r1 <= after || c1 < cols.0 || c0 > cols.1 {
                continue;
            }
            let Some(value) = self.cell(r0, c0).cloned() else {
                continue;
            };
            let start = self.rows.partition_point(|(r, _)| *r < r0.max(after + 1));
            for (r, cells) in self.rows[start..].iter_mut() {
                if *r > r1 {
                    break;
                }
                for c in c0.max(cols.0)..=c1.min(cols.1) {
                    if let Err(at) = cells.binary_search_by_key(&c, |(x, _)| *x) {
                        cells.insert(at, (c, value.clone()));
                    }
                }
            }
        }
    }

    fn cell(&self, r: u32, c: u32) -> Option<&Cell> {
        let i = self.rows.binary_search_by_key(&r, |(x, _)| *x).ok()?;
        let cells = &self.rows[i].1;
        let j = cells.binary_search_by_key(&c, |(x, _)| *x).ok()?;
        Some(&cells[j].1)
    }

    /// The rows after row `after`, each dense over the columns `cols` (trailing empty cells
    /// left out); rows with nothing in those columns are left out. Row numbers are 1-based.
    pub(super) fn body(self, after: Option<u32>, cols: (u32, u32)) -> Vec<(usize, Vec<Cell>)> {
        self.rows
            .into_iter()
            .filter(|(r, _)| after.is_none_or(|a| *r > a))
            .filter_map(|(r, cells)| {
                let mut dense = Vec::new();
                for (c, cell) in cells {
                    if c < cols.0 || c > cols.1 {
                        continue;
                    }
                    let at = (c - cols.0) as usize;
                    if dense.len() <= at {
                        dense.resize(at + 1, Cell::Empty);
                    }
                    dense[at] = cell;
                }
                (!dense.iter().all(Cell::is_blank)).then_some((r as usize + 1, dense))
            })
            .collect()
    }

    /// The sheet as a [`super::RawTable`] whose header is its first row (the tracking sheet).
    pub(super) fn first_row_table(mut self) -> super::RawTable {
        let Some((r, cells)) = self.rows.first() else {
            return super::RawTable {
                header: Vec::new(),
                col0: 0,
                rows: Vec::new(),
            };
        };
        let r = *r;
        let col0 = cells.first().map_or(0, |(c, _)| *c);
        let col_end = cells.last().map_or(0, |(c, _)| *c);
        let mut header = vec![Cell::Empty; (col_end - col0) as usize + 1];
        for (c, cell) in cells {
            header[(c - col0) as usize] = cell.clone();
        }
        self.fill_merges(r, (col0, col_end));
        let rows = self.body(Some(r), (col0, col_end));
        super::RawTable {
            header,
            col0: col0 as usize,
            rows,
        }
    }
}
