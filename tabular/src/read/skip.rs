//! Rows that are not applicants: totals, notes, signatures. The list is data: one table here,
//! documented in docs/tabular.md.

use tic_core::text::Text;

/// How a word of [`SKIP_ROWS`] must stand at the start of a row's first non-empty cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SkipMatch {
    /// The cell starts with it (`合计`, `合计（万元）`, `填报单位（盖章）：…`).
    Prefix,
    /// The cell is it, or it is followed by something that is not a letter (`注`, `注：…`,
    /// `注1.`), so that `注塑…技术创新中心` is still an applicant.
    Word,
}

/// What a skipped row is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SkipKind {
    /// A total or subtotal row.
    Total,
    /// A note under the table.
    Note,
    /// A signature or contact line.
    Signature,
}

impl SkipKind {
    /// Why the row was skipped, in both languages.
    pub fn reason(self) -> Text {
        match self {
            SkipKind::Total => Text::new("合计行", "a total row"),
            SkipKind::Note => Text::new("说明行", "a note"),
            SkipKind::Signature => Text::new("签字盖章行", "a signature line"),
        }
    }
}

/// The words that make a row not an applicant, compared with the row's first non-empty cell
/// after normalising (full-width forms folded, invisible characters and spaces dropped,
/// lower-cased).
pub const SKIP_ROWS: &[(&str, SkipMatch, SkipKind)] = &[
    ("合计", SkipMatch::Prefix, SkipKind::Total),
    ("小计", SkipMatch::Prefix, SkipKind::Total),
    ("总计", SkipMatch::Prefix, SkipKind::Total),
    ("共计", SkipMatch::Prefix, SkipKind::Total),
    ("total", SkipMatch::Word, SkipKind::Total),
    ("subtotal", SkipMatch::Word, SkipKind::Total),
    ("注", SkipMatch::Word, SkipKind::Note),
    ("注释", SkipMatch::Word, SkipKind::Note),
    ("说明", SkipMatch::Word, SkipKind::Note),
    ("备注", SkipMatch::Word, SkipKind::Note),
    ("填表说明", SkipMatch::Prefix, SkipKind::Note),
    ("note", SkipMatch::Word, SkipKind::Note),
    ("notes", SkipMatch::Word, SkipKind::Note),
    ("填报单位", SkipMatch::Prefix, SkipKind::Signature),
    ("填报人", SkipMatch::Prefix, SkipKind::Signature),
    ("填表人", SkipMatch::Prefix, SkipKind::Signature),
    ("审核人", SkipMatch::Prefix, SkipKind::Signature),
    ("联系人", SkipMatch::Prefix, SkipKind::Signature),
    ("联系电话", SkipMatch::Prefix, SkipKind::Signature),
    ("制表", SkipMatch::Prefix, SkipKind::Signature),
    ("负责人", SkipMatch::Prefix, SkipKind::Signature),
    ("单位负责人", SkipMatch::Prefix, SkipKind::Signature),
    ("盖章", SkipMatch::Prefix, SkipKind::Signature),
    ("签字", SkipMatch::Prefix, SkipKind::Signature),
    ("填报日期", SkipMatch::Prefix, SkipKind::Signature),
];

/// The kind of non-applicant row whose first non-empty cell is `text`, if it is one.
pub fn skip_kind(text: &str) -> Option<SkipKind> {
    let f = super::match_form(text);
    SKIP_ROWS.iter().find_map(|(w, m, k)| {
        let rest = f.strip_prefix(w)?;
        let ok = match m {
            SkipMatch::Prefix => true,
            SkipMatch::Word => rest.chars().next().is_none_or(|c| !(c.is_alphabetic())),
        };
        ok.then_some(*k)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_notes_and_signatures() {
        assert_eq!(skip_kind("合 计"), Some(SkipKind::Total));
        assert_eq!(skip_kind("合计（万元）"), Some(SkipKind::Total));
        assert_eq!(skip_kind("注：1.金额单位为万元"), Some(SkipKind::Note));
        assert_eq!(skip_kind("注1"), Some(SkipKind::Note));
        assert_eq!(skip_kind("注塑模具技术创新中心"), None);
        assert_eq!(skip_kind("填报单位（盖章）"), Some(SkipKind::Signature));
        assert_eq!(skip_kind("Total"), Some(SkipKind::Total));
        assert_eq!(skip_kind("Totally new centre"), None);
        assert_eq!(skip_kind("宁波甲"), None);
    }
}
