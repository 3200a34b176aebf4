//! A JSON document as the input readers walk it: read in one pass without copying what need not
//! be copied. A string without escapes is borrowed from the text, an object is a list of its
//! members in the document's order (a later member of the same name replaces the earlier, as in
//! `serde_json::Value`, within an object's first [`Object::SEARCHED`] members), and nothing is
//! sorted or hashed.
//!
//! Why not `serde_json::Value`: reading an applicant into it allocated a string per key and a
//! B-tree per object, which was most of the time an applicant took to check (natively and, more
//! so, in WebAssembly; see docs/speed.md). Both readers ([`crate::input`], [`mod@crate::track`]) walk
//! this type only, so their rules and messages are written once; a `Value` that a caller already
//! holds (a spreadsheet row, the page's form) is borrowed into it with [`Json::from`].

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use std::borrow::Cow;
use std::fmt;

/// One JSON value, borrowing from the text it was read from (`'a`).
#[derive(Clone, Debug, PartialEq)]
pub enum Json<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as the parser gave it.
    Number(Number),
    /// A string: borrowed unless it had escapes.
    String(Cow<'a, str>),
    /// An array.
    Array(Vec<Json<'a>>),
    /// An object.
    Object(Object<'a>),
}

/// A JSON number: a whole number is kept whole, so a count is read without rounding.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Number {
    /// A whole number ≥ 0.
    Unsigned(u64),
    /// A whole number < 0.
    Signed(i64),
    /// Any other number (always finite: the parser refuses the rest).
    Float(f64),
}

impl Number {
    /// The number if it is a whole number ≥ 0 that fits in `u64`.
    pub fn as_u64(self) -> Option<u64> {
        match self {
            Number::Unsigned(u) => Some(u),
            Number::Signed(i) => u64::try_from(i).ok(),
            Number::Float(_) => None,
        }
    }

    /// The number as `f64` (a whole number beyond 2⁵³ rounded).
    pub fn as_f64(self) -> f64 {
        match self {
            Number::Unsigned(u) => u as f64,
            Number::Signed(i) => i as f64,
            Number::Float(f) => f,
        }
    }
}

/// A JSON object: its members in the document's order, each name once among the first
/// [`Object::SEARCHED`] (a repeated name past those is kept twice).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Object<'a>(Vec<(Cow<'a, str>, Json<'a>)>);

impl<'a> Object<'a> {
    /// The member named `key`. (In an object longer than [`Object::SEARCHED`] a repeated name
    /// keeps its first value here; the readers only look members up by name in objects whose
    /// names are fixed and fewer, so such an object always has unknown names, reported as such.)
    pub fn get(&self, key: &str) -> Option<&Json<'a>> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// The members, in the document's order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Json<'a>)> {
        self.0.iter().map(|(k, v)| (k.as_ref(), v))
    }

    /// Puts a member, replacing one of the same name in its place. Past [`Object::SEARCHED`]
    /// members a repeated name is appended instead (and [`Object::iter`] gives both), so that an
    /// object of a million names costs a million steps, not a million squared.
    fn put(&mut self, key: Cow<'a, str>, value: Json<'a>) {
        let searched = self.0.len().min(Self::SEARCHED);
        match self.0[..searched].iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = value,
            None => self.0.push((key, value)),
        }
    }

    /// How many members an object may have before a repeated name stops being looked for: more
    /// than any object of the formats has (the indicator ratings, the longest, have 42).
    pub const SEARCHED: usize = 64;
}

impl<'a> Json<'a> {
    /// Whether this is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }

    /// The member `key` of an object (`None` for anything else).
    pub fn get(&self, key: &str) -> Option<&Json<'a>> {
        match self {
            Json::Object(o) => o.get(key),
            _ => None,
        }
    }

    /// The string, if this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    /// The number as `f64`, if this is one.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Number(n) => Some(n.as_f64()),
            _ => None,
        }
    }
}

/// The value as JSON text (compact), to quote it in a message. Written here rather than through
/// `serde_json::Value`, whose map would link a sort and a B-tree builder into the page.
impl fmt::Display for Json<'_> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Json::Null => f.write_str("null"),
            Json::Bool(b) => write!(f, "{b}"),
            Json::Number(Number::Unsigned(u)) => write!(f, "{u}"),
            Json::Number(Number::Signed(i)) => write!(f, "{i}"),
            Json::Number(Number::Float(x)) => match serde_json::Number::from_f64(*x) {
                Some(n) => write!(f, "{n}"),
                None => f.write_str("null"),
            },
            Json::String(s) => quote(s, f),
            Json::Array(items) => {
                f.write_str("[")?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    write!(f, "{item}")?;
                }
                f.write_str("]")
            }
            Json::Object(o) => {
                f.write_str("{")?;
                for (i, (k, v)) in o.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    quote(k, f)?;
                    write!(f, ":{v}")?;
                }
                f.write_str("}")
            }
        }
    }
}

fn quote(s: &str, f: &mut fmt::Formatter) -> fmt::Result {
    f.write_str(&serde_json::to_string(s).map_err(|_| fmt::Error)?)
}

impl<'a> From<&'a Value> for Json<'a> {
    fn from(v: &'a Value) -> Self {
        match v {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(*b),
            Value::Number(n) => Json::Number(match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => Number::Unsigned(u),
                (None, Some(i)) => Number::Signed(i),
                _ => Number::Float(n.as_f64().unwrap_or(f64::NAN)),
            }),
            Value::String(s) => Json::String(Cow::Borrowed(s)),
            Value::Array(a) => Json::Array(a.iter().map(Json::from).collect()),
            Value::Object(m) => Json::Object(Object(
                m.iter()
                    .map(|(k, v)| (Cow::Borrowed(k.as_str()), Json::from(v)))
                    .collect(),
            )),
        }
    }
}

impl<'de> Deserialize<'de> for Json<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E>(self) -> Result<Json<'de>, E> {
        Ok(Json::Null)
    }

    fn visit_bool<E>(self, b: bool) -> Result<Json<'de>, E> {
        Ok(Json::Bool(b))
    }

    fn visit_u64<E>(self, u: u64) -> Result<Json<'de>, E> {
        Ok(Json::Number(Number::Unsigned(u)))
    }

    fn visit_i64<E>(self, i: i64) -> Result<Json<'de>, E> {
        Ok(Json::Number(match u64::try_from(i) {
            Ok(u) => Number::Unsigned(u),
            Err(_) => Number::Signed(i),
        }))
    }

    fn visit_f64<E>(self, f: f64) -> Result<Json<'de>, E> {
        Ok(Json::Number(Number::Float(f)))
    }

    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Borrowed(s)))
    }

    fn visit_str<E>(self, s: &str) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Owned(s.to_owned())))
    }

    fn visit_string<E>(self, s: String) -> Result<Json<'de>, E> {
        Ok(Json::String(Cow::Owned(s)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json<'de>, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json<'de>, A::Error> {
        let mut object = Object::default();
        while let Some(key) = map.next_key_seed(Key)? {
            object.put(key, map.next_value()?);
        }
        Ok(Json::Object(object))
    }
}

/// Reads a JSON array, giving each element to `each` as soon as it is read, so that a long list
/// is never held whole. `Ok(false)` if the text is JSON but not an array; the syntax error if it
/// is not JSON.
pub fn each_item<'a>(
    text: &'a str,
    each: &mut dyn FnMut(Json<'a>),
) -> Result<bool, serde_json::Error> {
    let mut d = serde_json::Deserializer::from_str(text);
    let array = d.deserialize_any(Items(each))?;
    d.end()?;
    Ok(array)
}

/// The visitor of [`each_item`]. What is not an array is read through (so that its syntax is
/// still checked) and answered with `false`, not with an error: a visitor's error goes through
/// `serde_json`'s message parsing, which the page would link only for this.
struct Items<'f, 'a>(&'f mut dyn FnMut(Json<'a>));

impl<'de> Visitor<'de> for Items<'_, 'de> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<bool, A::Error> {
        while let Some(item) = seq.next_element()? {
            (self.0)(item);
        }
        Ok(true)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        // Read as members (not skipped with `IgnoredAny`, whose reader would be more code).
        while map.next_key_seed(Key)?.is_some() {
            map.next_value::<Json>()?;
        }
        Ok(false)
    }

    fn visit_unit<E>(self) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_bool<E>(self, _: bool) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_u64<E>(self, _: u64) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_i64<E>(self, _: i64) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_f64<E>(self, _: f64) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_str<E>(self, _: &str) -> Result<bool, E> {
        Ok(false)
    }
}

/// A member's name, borrowed where it can be.
struct Key;

impl<'de> DeserializeSeed<'de> for Key {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(s))
    }

    fn visit_str<E>(self, s: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(s.to_owned()))
    }

    fn visit_string<E: de::Error>(self, s: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Json<'_> {
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn reads_what_serde_json_reads() {
        for text in [
            r#"{"b":[1,-2,3.5,1e300,18446744073709551615,-9223372036854775808],"a":{"x":null,"y":true},"s":"é\"\u4e2d"}"#,
            "[]",
            "{}",
            "\"x\"",
            "0",
            "-0.0",
        ] {
            let value: Value = serde_json::from_str(text).unwrap();
            let again = |j: Json| serde_json::from_str::<Value>(&j.to_string()).unwrap();
            assert_eq!(again(read(text)), value, "{text}");
            assert_eq!(again(Json::from(&value)), value, "{text}");
        }
    }

    #[test]
    fn borrows_plain_strings_and_keeps_the_last_of_a_repeated_member() {
        let Json::Object(o) = read(r#"{"k":"plain","e":"a\nb","k":"again"}"#) else {
            panic!("an object");
        };
        assert!(matches!(
            o.get("k"),
            Some(Json::String(Cow::Borrowed("again")))
        ));
        assert!(matches!(o.get("e"), Some(Json::String(Cow::Owned(s))) if s == "a\nb"));
        assert_eq!(o.iter().map(|(k, _)| k).collect::<Vec<_>>(), ["k", "e"]);
    }

    #[test]
    fn each_item_gives_the_elements_in_order_and_refuses_what_is_not_an_array() {
        let mut seen = Vec::new();
        let array = each_item(r#" [1, {"a": "b"}, [null]] "#, &mut |j| {
            seen.push(j.to_string())
        });
        assert!(array.unwrap());
        assert_eq!(seen, ["1", r#"{"a":"b"}"#, "[null]"]);
        for other in [r#"{"a":[1,{}]}"#, "1", "\"x\"", "null", "true", "-1", "1.5"] {
            assert!(!each_item(other, &mut |_| {}).unwrap(), "{other}");
        }
        for bad in [r#"{"a":[1,}"#, "[1,", "[1] 2", "{} {}", ""] {
            assert!(each_item(bad, &mut |_| {}).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_long_object_is_read_in_linear_time() {
        let n = 200_000;
        let mut text = String::from("{");
        for i in 0..n {
            text.push_str(&format!("\"k{}\":{i},", i % (n / 2)));
        }
        text.push_str("\"k0\":\"last\"}");
        let Json::Object(o) = read(&text) else {
            panic!("an object");
        };
        assert_eq!(o.get("k0"), Some(&Json::String(Cow::Borrowed("last"))));
        assert_eq!(
            o.get("k1"),
            Some(&Json::Number(Number::Unsigned(n / 2 + 1)))
        );
        // A repeat among the first members replaced them; past those, repeats were appended.
        let half = n as usize / 2;
        assert_eq!(o.iter().count(), half + (half - Object::SEARCHED));
    }

    #[test]
    fn numbers_keep_whole_numbers_whole() {
        assert_eq!(read("7"), Json::Number(Number::Unsigned(7)));
        assert_eq!(read("-7"), Json::Number(Number::Signed(-7)));
        assert_eq!(read("7.0"), Json::Number(Number::Float(7.0)));
        assert_eq!(Number::Signed(-1).as_u64(), None);
        assert_eq!(Number::Float(2.5).as_f64(), 2.5);
        assert!(serde_json::from_str::<Json>("1e400").is_err());
        assert!(serde_json::from_str::<Json>("{\"a\":}").is_err());
    }
}
