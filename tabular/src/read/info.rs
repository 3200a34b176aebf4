//! What was read of a tabular file, and the options that choose it.

use tic_core::text::Text;

/// How to read a tabular file; the defaults find the sheet and the header themselves.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// The sheet to read (XLSX), by name; `None`: the sheet whose header names the most known
    /// columns (the first of equals).
    pub sheet: Option<String>,
    /// The header's row (1-based, as the spreadsheet numbers it); `None`: the row among the
    /// first [`super::HEADER_SEARCH_ROWS`] non-blank rows that names the most known columns.
    pub header_row: Option<usize>,
}

/// A column of the file that is not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IgnoredColumn {
    /// Its letter (`A`).
    pub column: String,
    /// Its header as written (normalised: line breaks and invisible characters removed).
    pub header: String,
    /// The known column it is close to, as its Chinese header, if any (a likely typo).
    pub suggestion: Option<String>,
}

/// A row that was skipped: a total, a note or a signature line, never an applicant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkippedRow {
    /// The spreadsheet row (1-based).
    pub row: usize,
    /// Its first non-empty cell (shortened).
    pub text: String,
    /// Why it was skipped.
    pub reason: Text,
}

/// How a file was read: what `tic screen` prints to stderr as a note and the batch view shows
/// before the results ("how your file was read"). Available from [`super::Source::info`] and
/// [`super::Batch::info`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReadInfo {
    /// The sheet read (spreadsheets).
    pub sheet: Option<String>,
    /// Every sheet of the workbook, in order (spreadsheets), to offer another.
    pub sheets: Vec<String>,
    /// The header's row (1-based; CSV and spreadsheets); with a two-row header, its first row.
    pub header_row: Option<usize>,
    /// 2 for a header whose group cell (`总投入（万元）`) sits over sub-headers (`第1年`…), else 1.
    pub header_rows: usize,
    /// Columns of the header that are not read (序号, 联系人, …).
    pub ignored_columns: Vec<IgnoredColumn>,
    /// Total, note and signature rows left out.
    pub skipped_rows: Vec<SkippedRow>,
    /// Notes about the file as a whole.
    pub notes: Vec<Text>,
}

impl ReadInfo {
    /// The short note `tic screen` prints to stderr: where the table was found, what was
    /// ignored and skipped. Empty for a JSON file.
    pub fn lines(&self, lang: tic_core::Lang) -> Vec<String> {
        let zh = lang == tic_core::Lang::Zh;
        let mut out = Vec::new();
        if let Some(h) = self.header_row {
            let rows = if self.header_rows > 1 {
                if zh {
                    format!("第{}–{}行", h, h + self.header_rows - 1)
                } else {
                    format!("rows {}–{}", h, h + self.header_rows - 1)
                }
            } else if zh {
                format!("第{h}行")
            } else {
                format!("row {h}")
            };
            out.push(match (&self.sheet, zh) {
                (Some(s), true) => format!("读取工作表「{s}」，表头在{rows}"),
                (Some(s), false) => format!("read sheet \"{s}\", header in {rows}"),
                (None, true) => format!("表头在{rows}"),
                (None, false) => format!("header in {rows}"),
            });
        }
        if !self.ignored_columns.is_empty() {
            let list: Vec<String> = self
                .ignored_columns
                .iter()
                .map(|c| {
                    let mut s = format!("{} {}", c.column, c.header);
                    if let Some(g) = &c.suggestion {
                        s.push_str(&if zh {
                            format!("（是否指：{g}？）")
                        } else {
                            format!(" (did you mean {g}?)")
                        });
                    }
                    s
                })
                .collect();
            out.push(if zh {
                format!("未读取的列：{}", list.join("、"))
            } else {
                format!("columns not read: {}", list.join(", "))
            });
        }
        for s in &self.skipped_rows {
            out.push(if zh {
                format!("跳过第{}行（{}）：{}", s.row, s.reason.zh, s.text)
            } else {
                format!("skipped row {} ({}): {}", s.row, s.reason.en, s.text)
            });
        }
        for n in &self.notes {
            out.push(n.get(lang).to_owned());
        }
        out
    }
}
