//! Numbers as text and text as numbers. Chart coordinates are formatted from integers (as the
//! page's `num.rs` does: no float printing tables in the bundle); amounts are whole yuan.

use tic_core::Wan;

/// Reads a typed number with the core's one number reader (full-width digits, thousands
/// separators, a trailing 万元, invisible characters); `None` if it is not one.
pub fn read(text: &str) -> Option<f64> {
    tic_core::number::read_number(text).ok()
}

/// An amount in 万元 without grouping: `1000`, `1666.67`, `0.5` (exact: whole yuan).
pub fn wan_plain(w: Wan) -> String {
    let yuan = w.yuan();
    let sign = if yuan < 0 { "-" } else { "" };
    let abs = yuan.unsigned_abs();
    let (whole, frac) = (abs / 10_000, abs % 10_000);
    if frac == 0 {
        format!("{sign}{whole}")
    } else {
        let digits = format!("{frac:04}");
        format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
    }
}

/// `x` rounded to `places` decimals (at most 6), trailing zeros dropped. Not finite: `0`.
pub fn dec(x: f64, places: u32) -> String {
    let places = places.min(6);
    let scale = 10u64.pow(places);
    let scaled = (x * scale as f64).round();
    if !scaled.is_finite() {
        return "0".into();
    }
    let n = scaled as i64;
    let sign = if n < 0 { "-" } else { "" };
    let abs = n.unsigned_abs();
    let (whole, frac) = (abs / scale, abs % scale);
    if frac == 0 {
        format!("{sign}{whole}")
    } else {
        let digits = format!("{frac:0width$}", width = places as usize);
        format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
    }
}

/// A round step for about four gridlines up to `max`.
pub fn step(max: f64) -> f64 {
    let raw = (max / 4.0).max(1.0);
    let mut mag = 1.0;
    while mag * 10.0 <= raw && mag < 1e300 {
        mag *= 10.0;
    }
    let n = raw / mag;
    let nice = if n <= 1.0 {
        1.0
    } else if n <= 2.0 {
        2.0
    } else if n <= 2.5 {
        2.5
    } else if n <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * mag
}

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
        assert_eq!(wan_plain(Wan::from_yuan(16_666_700)), "1666.67");
        assert_eq!(dec(2.5, 2), "2.5");
        assert_eq!(dec(160.0, 1), "160");
        assert_eq!(step(10_000.0), 2_500.0);
    }
}
