//! Numbers as text and text as numbers. Chart coordinates are formatted from integers (as the
//! page's `num.rs` does: no float printing tables in the bundle); amounts are whole yuan.

/// Reads a typed number with the core's one number reader (full-width digits, thousands
/// separators, a trailing 万元, invisible characters); `None` if it is not one.
pub fn read(text: &str) -> Option<f64> {
    tic_core::number::read_number(text).ok()
}

/// Amounts and coordinates as text, from integers: the core's (shared with the page).
pub use tic_core::number::{dec, wan_plain};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_numbers_and_refuses_words() {
        assert_eq!(read(" 1200 "), Some(1200.0));
        assert_eq!(read("5800.5万元"), Some(5800.5));
        assert_eq!(read("12x"), None);
        assert_eq!(read("３，５００"), Some(3500.0));
        assert_eq!(read("1,5"), None);
        assert_eq!(read("NaN"), None);
        assert_eq!(read("inf"), None);
    }

    #[test]
    fn formats() {
        assert_eq!(wan_plain(tic_core::Wan::from_yuan(16_666_700)), "1666.67");
        assert_eq!(dec(2.5, 2), "2.5");
        assert_eq!(dec(160.0, 1), "160");
    }
}
