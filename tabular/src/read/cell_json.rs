//! A [`Cell`] in JSON, as a spreadsheet's book crosses between the browser's two modules (the
//! spreadsheet bundle reads it, the batch view opens it): each cell is its own JSON value, text a
//! string, a number a number, a boolean a boolean, nothing `null`; the rare rest an object of one
//! member (`{"other": …}`, `{"error": "#DIV/0!"}`, `{"date": "2026-01-15"}`, `{"novalue": true}`).
//!
//! Serde's derived form names every cell's kind (`{"Text":"宁波"}`): about 9 characters more a
//! cell, read back by matching the name, for a 10,000-row sheet some megabytes of JSON.

use super::Cell;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::Serializer;
use std::fmt;

impl serde::Serialize for Cell {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // The rare kinds as serde's newtype variants: in JSON an object of one member, written
        // by the code that the book's `Ok`/`Err` sheets already link.
        match self {
            Cell::Empty => s.serialize_unit(),
            Cell::Text(t) => s.serialize_str(t),
            Cell::Number(n) => s.serialize_f64(*n),
            Cell::Bool(b) => s.serialize_bool(*b),
            Cell::Other(t) => s.serialize_newtype_variant("Cell", 0, "other", t),
            Cell::Error(t) => s.serialize_newtype_variant("Cell", 1, "error", t),
            Cell::Date(t) => s.serialize_newtype_variant("Cell", 2, "date", t),
            Cell::NoValue => s.serialize_newtype_variant("Cell", 3, "novalue", &true),
        }
    }
}

impl<'de> serde::Deserialize<'de> for Cell {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Cell, D::Error> {
        d.deserialize_any(CellVisitor)
    }
}

struct CellVisitor;

impl<'de> Visitor<'de> for CellVisitor {
    type Value = Cell;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a spreadsheet cell")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Cell, E> {
        Ok(Cell::Empty)
    }

    fn visit_none<E: de::Error>(self) -> Result<Cell, E> {
        Ok(Cell::Empty)
    }

    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Cell, E> {
        Ok(Cell::Bool(b))
    }

    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Cell, E> {
        Ok(Cell::Number(n))
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Cell, E> {
        Ok(Cell::Number(n as f64))
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Cell, E> {
        Ok(Cell::Number(n as f64))
    }

    fn visit_str<E: de::Error>(self, t: &str) -> Result<Cell, E> {
        Ok(Cell::Text(t.to_owned()))
    }

    fn visit_string<E: de::Error>(self, t: String) -> Result<Cell, E> {
        Ok(Cell::Text(t))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Cell, A::Error> {
        let Some(key) = m.next_key::<String>()? else {
            return Err(de::Error::invalid_length(0, &self));
        };
        let cell = match key.as_str() {
            "novalue" => {
                m.next_value::<bool>()?;
                Cell::NoValue
            }
            "other" => Cell::Other(m.next_value()?),
            "error" => Cell::Error(m.next_value()?),
            "date" => Cell::Date(m.next_value()?),
            other => {
                return Err(de::Error::unknown_field(
                    other,
                    &["novalue", "other", "error", "date"],
                ))
            }
        };
        match m.next_key::<String>()? {
            None => Ok(cell),
            Some(_) => Err(de::Error::invalid_length(2, &self)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cell_round_trips_as_its_own_json_value() {
        let cells = [
            (Cell::Empty, "null"),
            (Cell::Text("宁波 \"x\"".into()), r#""宁波 \"x\"""#),
            (Cell::Number(6000.0), "6000.0"),
            (Cell::Number(-1.25), "-1.25"),
            (Cell::Bool(true), "true"),
            (Cell::Other("a picture".into()), r#"{"other":"a picture"}"#),
            (Cell::Error("#DIV/0!".into()), r##"{"error":"#DIV/0!"}"##),
            (Cell::Date("2026-01-15".into()), r#"{"date":"2026-01-15"}"#),
            (Cell::NoValue, r#"{"novalue":true}"#),
        ];
        for (cell, json) in cells {
            assert_eq!(serde_json::to_string(&cell).unwrap(), json);
            assert_eq!(serde_json::from_str::<Cell>(json).unwrap(), cell, "{json}");
        }
        // A whole number written by another writer is still a number.
        assert_eq!(
            serde_json::from_str::<Cell>("12").unwrap(),
            Cell::Number(12.0)
        );
        for bad in [
            r#"{}"#,
            r#"{"colour":"red"}"#,
            r#"{"date":"x","error":"y"}"#,
            "[1]",
        ] {
            assert!(serde_json::from_str::<Cell>(bad).is_err(), "{bad}");
        }
    }
}
