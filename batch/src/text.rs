//! The page's words in Chinese and English.

use tic_core::vocab::{Due, Standing, Verdict};
use tic_core::Lang;

/// The version of a fixed text in `lang`.
pub fn t(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// A verdict in words (the core's wording, shared by every shell).
pub fn verdict(lang: Lang, v: Verdict) -> &'static str {
    tic_core::explain::verdict_name(v).get(lang)
}

/// A standing in words (the core's wording, as `tic track` prints it).
pub fn standing(lang: Lang, s: Standing) -> &'static str {
    tic_core::track::standing_name(s).get(lang)
}

/// A due point in words, as a column header.
pub fn due(lang: Lang, d: Due) -> String {
    tic_core::explain::due_short(tic_core::policy::current(), d)
        .get(lang)
        .to_owned()
}

/// A whole number with thousands separators: `10,000` (the core's grouping, as for money).
pub fn count(n: usize) -> String {
    tic_core::money::grouped(n as u64)
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
