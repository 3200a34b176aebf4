//! The page's words in Chinese and English.

use tic_core::vocab::{Due, Verdict};
use tic_core::Lang;

/// The version of a fixed text in `lang`.
pub fn t(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// A verdict in words.
pub fn verdict(lang: Lang, v: Verdict) -> &'static str {
    match v {
        Verdict::Eligible => t(lang, "符合条件", "Eligible"),
        Verdict::EligibleWithGaps => t(lang, "符合条件，有待补足", "Eligible with gaps"),
        Verdict::Incomplete => t(lang, "信息不全", "Incomplete"),
        Verdict::NotEligible => t(lang, "不符合条件", "Not eligible"),
    }
}

/// A due point in words, as a column header.
pub fn due(lang: Lang, d: Due) -> &'static str {
    match d {
        Due::Application => t(lang, "申报时", "Before applying"),
        Due::Year2 => t(lang, "2年内", "By year 2"),
        Due::Year5 => t(lang, "5年内", "By year 5"),
        Due::Acceptance => t(lang, "验收时", "At acceptance"),
    }
}

/// A whole number with thousands separators: `10,000`.
pub fn count(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped() {
        assert_eq!(count(0), "0");
        assert_eq!(count(999), "999");
        assert_eq!(count(1000), "1,000");
        assert_eq!(count(1234567), "1,234,567");
    }

    #[test]
    fn every_verdict_and_due_has_two_different_words() {
        for v in tic_core::vocab::Verdict::ALL {
            assert_ne!(verdict(Lang::Zh, *v), verdict(Lang::En, *v));
        }
        for d in tic_core::vocab::Due::ALL {
            assert_ne!(due(Lang::Zh, *d), due(Lang::En, *d));
        }
    }
}
