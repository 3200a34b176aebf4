//! The data of a shareable link (`#applicant=DATA`, `#progress=DATA`): the record's JSON as
//! UTF-8, base64url without padding. Written here once for the page, the batch view and the
//! tracking view; a dozen lines instead of a general base64 crate keep ~2 kB out of each
//! WebAssembly bundle.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// base64url of `text`'s UTF-8, without padding.
pub fn encode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

/// The text of link data: base64url (padding and surrounding spaces tolerated; `+` and `/` of
/// plain base64 too) of UTF-8. `None` if it is not.
pub fn decode(data: &str) -> Option<String> {
    let data = data.trim().trim_end_matches('=');
    let mut bytes = Vec::with_capacity(data.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in data.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            bytes.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    // A lone trailing character (6 bits) cannot end valid base64; leftover bits must be zero.
    if bits >= 6 || acc != 0 {
        return None;
    }
    String::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_matches_the_standard() {
        // RFC 4648 test vectors, base64url without padding.
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
            ("宁波?>~", "5a6B5rOiPz5-"),
        ] {
            assert_eq!(encode(plain), coded, "{plain}");
            assert_eq!(decode(coded).as_deref(), Some(plain), "{coded}");
        }
        assert_eq!(decode("Zm9vYg==").as_deref(), Some("foob"));
        assert_eq!(decode("5a6B5rOiPz5+").as_deref(), Some("宁波?>~"));
        for bad in ["Z", "Zm9vY", "Zh", "a b", "%%", "/w"] {
            assert_eq!(decode(bad), None, "{bad}");
        }
        let long: String = (0..500)
            .map(|i| char::from_u32(0x4e00 + i * 7).unwrap())
            .collect();
        assert_eq!(decode(&encode(&long)), Some(long));
    }
}
