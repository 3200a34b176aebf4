//! The one number reader: what a person types in the page or an official's spreadsheet cell
//! holds, read the same way everywhere.
//!
//! Accepted: ASCII and full-width digits (`３５００`), a sign (`-`, `－`, `−`), a decimal point
//! (`.`, `．`, `。`), an exponent (`1e3`), spaces and zero-width characters anywhere (text pasted
//! from chat), a trailing `万元` or `万` (the unit every money field already has), and thousands
//! separators (`,`, `，`) **only where they group by three**: `1,200.5` and `6,000` are read,
//! `1,5` is refused as ambiguous (it could mean 1.5 or 15) with a message saying so. Nothing else
//! (`NaN`, `inf`, words) is a number.

use crate::text::Text;

/// Why a text is not a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberError {
    /// Nothing but spaces.
    Empty,
    /// Not a number at all.
    NotANumber,
    /// A comma that does not group by three (`1,5`): a decimal comma or a typo.
    AmbiguousComma,
    /// Too large to be any real figure (beyond ±1e300 or more than 64 characters of digits).
    OutOfRange,
}

impl NumberError {
    /// The problem in words.
    pub fn message(self) -> Text {
        match self {
            NumberError::Empty => Text::new("未填写", "empty"),
            NumberError::NotANumber => Text::new(
                "请输入数字，例如 1200 或 1,200.5",
                "enter a number, like 1200 or 1,200.5",
            ),
            NumberError::AmbiguousComma => Text::new(
                "逗号只能用作千位分隔符（如 1,200）；小数请用小数点（如 1.5）",
                "a comma may only separate thousands (1,200); write decimals with a point (1.5)",
            ),
            NumberError::OutOfRange => Text::new("数字过大", "the number is too large"),
        }
    }
}

/// Whether `c` is a character that people paste without seeing it (zero-width spaces and
/// joiners, the BOM, a soft hyphen), or a space.
pub fn invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
        )
}

/// The text with full-width forms folded to ASCII and invisible characters dropped: the form in
/// which two cells that look the same compare equal. Used for numbers and for matching words.
pub fn fold_width(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            c if invisible(c) => {}
            '\u{FF01}'..='\u{FF5E}' => {
                // Full-width ASCII (！ to ～) sits 0xFEE0 above its ASCII form.
                s.push(char::from_u32(c as u32 - 0xFEE0).unwrap_or(c))
            }
            '。' => s.push('.'),
            '−' | '–' => s.push('-'),
            c => s.push(c),
        }
    }
    s
}

/// Reads a number as people write it (see the module's rules).
pub fn read_number(text: &str) -> Result<f64, NumberError> {
    let folded = fold_width(text);
    let s = folded
        .strip_suffix("万元")
        .or_else(|| folded.strip_suffix('万'))
        .unwrap_or(&folded);
    if s.is_empty() {
        return Err(NumberError::Empty);
    }
    if s.len() > 64 {
        return Err(NumberError::OutOfRange);
    }
    let plain: String = if s.contains(',') {
        let (int, frac) = match s.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (s, None),
        };
        let digits = int.trim_start_matches(['+', '-']);
        let mut groups = digits.split(',');
        let first = groups.next().unwrap_or("");
        let grouped = !first.is_empty()
            && first.len() <= 3
            && first.bytes().all(|b| b.is_ascii_digit())
            && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
        if !grouped {
            return Err(
                if s.bytes()
                    .all(|b| b.is_ascii_digit() || b"+-.,".contains(&b))
                {
                    NumberError::AmbiguousComma
                } else {
                    NumberError::NotANumber
                },
            );
        }
        let mut out = int.replace(',', "");
        if let Some(f) = frac {
            out.push('.');
            out.push_str(f);
        }
        out
    } else {
        s.to_owned()
    };
    match decimal(&plain) {
        Some(f) if f.is_finite() && f.abs() <= 1e300 => Ok(f),
        Some(_) => Err(NumberError::OutOfRange),
        None => Err(NumberError::NotANumber),
    }
}

/// Reads a decimal number as `str::parse::<f64>` does (`[+-]digits[.digits][e[+-]digits]`, with
/// `5.` and `.5` allowed; `None` where it refuses), without linking core's `dec2flt` and its
/// ~10 kB table of powers of five. Up to 15 significant digits and 10^±22 (every amount or count
/// a person types) it is exact and correctly rounded, as `parse` is; beyond that it goes through
/// `serde_json`'s number reader (what the core reads applicant JSON with).
pub fn decimal(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    let mut i = 0;
    let neg = match b.first() {
        Some(b'-') => {
            i = 1;
            true
        }
        Some(b'+') => {
            i = 1;
            false
        }
        _ => false,
    };
    let mut digits = String::new();
    let (mut seen_digit, mut seen_dot, mut frac_digits) = (false, false, 0i64);
    while let Some(&c) = b.get(i) {
        match c {
            b'0'..=b'9' => {
                seen_digit = true;
                if !(digits.is_empty() && c == b'0') {
                    digits.push(c as char);
                }
                if seen_dot {
                    frac_digits += 1;
                }
            }
            b'.' if !seen_dot => seen_dot = true,
            _ => break,
        }
        i += 1;
    }
    if !seen_digit {
        return None;
    }
    let mut exp: i64 = 0;
    if let Some(b'e' | b'E') = b.get(i) {
        i += 1;
        let exp_neg = match b.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let start = i;
        while let Some(c @ b'0'..=b'9') = b.get(i) {
            exp = (exp * 10 + i64::from(c - b'0')).min(1_000_000);
            i += 1;
        }
        if i == start {
            return None;
        }
        if exp_neg {
            exp = -exp;
        }
    }
    if i != b.len() {
        return None;
    }
    let sign = if neg { -1.0 } else { 1.0 };
    if digits.is_empty() {
        return Some(sign * 0.0);
    }
    // Trailing zeros of the digits move into the exponent.
    let kept = digits.trim_end_matches('0');
    let exp10 = exp - frac_digits + (digits.len() - kept.len()) as i64;
    if kept.len() <= 15 && exp10.abs() <= 22 {
        // Clinger's fast path: an exact integer below 2^53 times or over an exact power of ten,
        // one rounding.
        let m = kept.parse::<u64>().ok()? as f64;
        let mut p = 1.0;
        for _ in 0..exp10.abs() {
            p *= 10.0;
        }
        return Some(sign * if exp10 >= 0 { m * p } else { m / p });
    }
    let json = format!("{}{kept}e{exp10}", if neg { "-" } else { "" });
    match serde_json::from_str::<serde_json::Value>(&json) {
        Ok(v) => v.as_f64(),
        // Out of range: `parse` gives ±infinity there.
        Err(_) if exp10 > 0 => Some(sign * f64::INFINITY),
        Err(_) => Some(sign * 0.0),
    }
}

/// An amount in 万元 without grouping, as `w.as_wan().to_string()` writes it: `1000`,
/// `1666.67`, `0.5`, `0.0001` (exact: an amount is whole yuan, 1/10,000 万元).
pub fn wan_plain(w: crate::Wan) -> String {
    // Through `format!`, whose machinery every bundle has anyway: [`push_wan_plain`]'s digit
    // loops would add ~120 bytes gzipped to a bundle that writes no list (a test checks that the
    // two write the same text).
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

/// Appends [`wan_plain`]'s text to `out`, with no allocation of its own: the brief results of
/// a whole list are written this way (`tic screen --brief`, the module's `assess_many`), where
/// `format!`'s allocations cost a tenth of the time.
pub fn push_wan_plain(out: &mut String, w: crate::Wan) {
    use std::fmt::Write;
    let yuan = w.yuan();
    let sign = if yuan < 0 { "-" } else { "" };
    let abs = yuan.unsigned_abs();
    let (whole, frac) = (abs / 10_000, abs % 10_000);
    // Writing into a String cannot fail.
    let _ = write!(out, "{sign}{whole}");
    if frac != 0 {
        let _ = write!(out, ".{frac:04}");
        // Four decimals at most, trailing zeros left out.
        while out.ends_with('0') {
            out.pop();
        }
    }
}

/// Appends the decimal digits of `n` to `out`, with no allocation of its own.
pub fn push_digits(out: &mut String, n: u64) {
    use std::fmt::Write;
    // Writing into a String cannot fail.
    let _ = write!(out, "{n}");
}

/// `x` rounded to `places` decimals (at most 6), trailing zeros dropped: `dec(155.4333, 2)` is
/// `155.43`, `dec(2.5, 2)` is `2.5`, `dec(160.0, 1)` is `160`. For SVG coordinates and axis
/// labels. Not finite: `0`.
pub fn dec(x: f64, places: u32) -> String {
    let places = places.min(6);
    let scale = 10u64.pow(places);
    let scaled = (x * scale as f64).round();
    if !scaled.is_finite() {
        return "0".into();
    }
    // `as` saturates; coordinates are far inside i64.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_people_type() {
        assert_eq!(read_number("1,200.5"), Ok(1200.5));
        assert_eq!(read_number("6,000"), Ok(6000.0));
        assert_eq!(read_number(" １２００ "), Ok(1200.0));
        assert_eq!(read_number("３，５００"), Ok(3500.0));
        assert_eq!(read_number("3000万元"), Ok(3000.0));
        assert_eq!(read_number("12。5"), Ok(12.5));
        assert_eq!(read_number("-3"), Ok(-3.0));
        assert_eq!(read_number("1e3"), Ok(1000.0));
        assert_eq!(read_number("\u{200B}3500\u{200B}"), Ok(3500.0));
        assert_eq!(read_number("1 200"), Ok(1200.0));
        assert_eq!(read_number("1,5"), Err(NumberError::AmbiguousComma));
        assert_eq!(read_number("1,5000"), Err(NumberError::AmbiguousComma));
        assert_eq!(read_number(""), Err(NumberError::Empty));
        assert_eq!(read_number("abc"), Err(NumberError::NotANumber));
        assert_eq!(read_number("NaN"), Err(NumberError::NotANumber));
        assert_eq!(read_number("inf"), Err(NumberError::NotANumber));
        assert_eq!(read_number("1e400"), Err(NumberError::OutOfRange));
    }

    #[test]
    fn decimal_reads_as_parse_does() {
        // Up to 15 significant digits and 10^±22: bit for bit.
        let exact = [
            "0",
            "-0",
            "+0",
            "1",
            "+1",
            "-3",
            "1200.5",
            "12.5",
            "5.",
            ".5",
            "-.5",
            "0.1",
            "0.2",
            "0.3",
            "1666.67",
            "1666.666666",
            "00012.50",
            "1e5",
            "1E-3",
            "2.5e+3",
            "1.e2",
            ".5e1",
            "123456789012345",
            "0.000001",
            "3000",
            "1e22",
            "1e-22",
            "0.0000000000000000000001",
            "1000000000000000000000000",
            "",
            ".",
            "-",
            "+",
            "e5",
            "1e",
            "1e+",
            "1.2.3",
            "--1",
            "+-1",
            "1-",
            "1e5e5",
            "1..2",
            "abc",
            "1,2",
            "١",
        ];
        for c in exact {
            let want = c.parse::<f64>().ok();
            let got = decimal(c);
            assert_eq!(
                got.map(f64::to_bits),
                want.map(f64::to_bits),
                "{c:?}: {got:?} vs {want:?}"
            );
        }
        // Beyond: the same to an ulp or two, the same infinities and zeros.
        let beyond = [
            "1234567890123456789",
            "9007199254740993",
            "1e23",
            "1e-23",
            "1e308",
            "1e309",
            "1e-400",
            "1e400",
            "-1e400",
            "0.1000000000000000055511151231257827",
        ];
        for c in beyond {
            let (want, got) = (c.parse::<f64>().unwrap(), decimal(c).unwrap());
            assert!(
                got == want || ((got - want) / want).abs() < 1e-15,
                "{c:?}: {got:?} vs {want:?}"
            );
        }
        // Every amount with up to 4 decimals a person could type in a small range.
        for n in 0..200_000u32 {
            let t = format!("{}.{:04}", n / 10_000, n % 10_000);
            assert_eq!(decimal(&t), t.parse::<f64>().ok(), "{t}");
        }
    }
    #[test]
    fn wan_plain_and_push_wan_plain_write_what_f64_display_wrote() {
        for yuan in (0..30_000).chain([
            16_666_700,
            10_000_000,
            123_456_789,
            crate::Wan::MAX.yuan(),
            crate::Wan::MAX.yuan() - 1,
            -1,
            -10_000,
            -123_456_789,
        ]) {
            let w = crate::Wan::from_yuan(yuan);
            assert_eq!(wan_plain(w), w.as_wan().to_string(), "{yuan}");
            let mut pushed = String::from("x");
            push_wan_plain(&mut pushed, w);
            assert_eq!(pushed[1..], wan_plain(w), "{yuan}");
        }
    }

    #[test]
    fn dec_rounds_and_trims() {
        assert_eq!(dec(155.433_333_333, 2), "155.43");
        assert_eq!(dec(2.5, 2), "2.5");
        assert_eq!(dec(160.0, 1), "160");
        assert_eq!(dec(-3.06, 1), "-3.1");
        assert_eq!(dec(-0.01, 1), "0");
        assert_eq!(dec(0.0, 2), "0");
        assert_eq!(dec(f64::NAN, 2), "0");
        for i in 0..=40 {
            let v = i as f64 * 2.5;
            assert_eq!(dec(v, 2), format!("{v}"));
        }
    }
}
