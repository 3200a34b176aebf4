//! The form as the user typed it: the raw text of every field (nothing typed is ever lost), and
//! its translation to and from the contract's applicant JSON. Deciding anything is left to
//! `tic_core`: this module only shapes text into JSON and reports text that is not a number.

use crate::i18n;
use serde_json::{Map, Number, Value};
use tic_core::json::Json;
use tic_core::number::NumberError;
use tic_core::{InputError, Lang, APPLICANT_SCHEMA};

/// How a scalar field's text becomes JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldKind {
    /// Free text.
    Text,
    /// One identifier of a closed list (select).
    Choice,
    /// `"true"` / `"false"` (select).
    Bool,
    /// A whole number (text input, checked by the core).
    Count,
}

/// The scalar fields of the applicant (from the core's field table,
/// [`tic_core::fields::FIELDS`]), by contract path, with how their text becomes JSON.
pub fn scalars() -> impl Iterator<Item = (&'static str, FieldKind)> {
    use tic_core::fields::Kind;
    tic_core::fields::FIELDS.iter().filter_map(|f| {
        let kind = match f.kind {
            Kind::Text => FieldKind::Text,
            Kind::Choice(_) => FieldKind::Choice,
            Kind::Bool => FieldKind::Bool,
            Kind::Count { .. } => FieldKind::Count,
            Kind::List(_) | Kind::Money(_) => return None,
        };
        Some((f.path, kind))
    })
}

/// The checkbox lists, by contract path.
pub fn lists() -> impl Iterator<Item = &'static str> {
    tic_core::fields::FIELDS
        .iter()
        .filter(|f| matches!(f.kind, tic_core::fields::Kind::List(_)))
        .map(|f| f.path)
}

/// The money lists and how many years each has under the current policy.
pub fn money_lists() -> impl Iterator<Item = (&'static str, usize)> {
    let p = tic_core::policy::current();
    tic_core::fields::FIELDS
        .iter()
        .filter(|f| f.years(p) > 0)
        .map(move |f| (f.path, f.years(p)))
}

/// The element id of a field: `f-` + the contract path with `.` and `[i]` written as `-`
/// (indicator ids keep their dot as `_`: `f-indicators-6_4`).
pub fn field_id(path: &str) -> String {
    if let Some(id) = path.strip_prefix("indicators.") {
        return format!("f-indicators-{}", id.replace('.', "_"));
    }
    let mut s = String::with_capacity(path.len() + 2);
    s.push_str("f-");
    for c in path.chars() {
        match c {
            '.' | '[' => s.push('-'),
            ']' => {}
            c => s.push(c),
        }
    }
    s
}

/// The element id of one checkbox of a list.
pub fn choice_id(list: &str, choice: &str) -> String {
    format!("{}-{choice}", field_id(list))
}

/// What is wrong with one field.
#[derive(Clone, Debug, PartialEq)]
pub enum FieldProblem {
    /// The text is not a number (why).
    NotNumber(NumberError),
    /// A later year is given while this one is empty.
    EarlierYearMissing,
    /// The core refused the value.
    Core(InputError),
}

/// A problem of one field, by contract path.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldError {
    /// Contract path, e.g. `investment_wan[1]`.
    pub path: String,
    /// What is wrong.
    pub problem: FieldProblem,
}

impl FieldError {
    /// The problem in words, without the field's name.
    pub fn message(&self, lang: Lang) -> String {
        match &self.problem {
            FieldProblem::NotNumber(e) => e.message().get(lang).to_owned(),
            FieldProblem::EarlierYearMissing => i18n::ERR_EARLIER_YEAR.get(lang).to_owned(),
            FieldProblem::Core(e) => e.message(lang),
        }
    }

    /// The field's name and the problem, for the error summary.
    pub fn summary(&self, lang: Lang) -> String {
        let sep = if lang == Lang::Zh { "：" } else { ": " };
        format!(
            "{}{sep}{}",
            i18n::field_label(&self.path, lang),
            self.message(lang)
        )
    }
}

/// The raw state of every field.
///
/// The two maps are JSON objects (`serde_json::Map`) holding only strings and lists of strings:
/// the page carries that map's code for every JSON value anyway, and maps of their own types
/// (`BTreeMap<String, String>`, `BTreeMap<String, Vec<String>>`) would each link their own copy
/// of the B-tree's code. [`Form::get`], [`Form::set`], [`Form::list`] and [`Form::set_list`] keep
/// them to those types.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Form {
    /// Raw text of scalar fields, money years (`investment_wan[0]`) and indicator self-ratings
    /// (`indicators.6.4`), by contract path. Absent or empty: not answered.
    values: Map<String, Value>,
    /// Checkbox lists by contract path; absent: not answered, present and empty: "none of these".
    lists: Map<String, Value>,
    /// The district select shows "other" (free text).
    pub district_other: bool,
}

/// Reads a number as people type it: the core's one number reader
/// ([`tic_core::number::read_number`]), the same as the batch view and `tic screen` use.
pub fn parse_number(text: &str) -> Result<f64, NumberError> {
    tic_core::number::read_number(text)
}

fn number_value(f: f64) -> Option<Value> {
    if f >= 0.0 && f.fract() == 0.0 && f < 9.0e15 {
        Some(Value::Number(Number::from(f as u64)))
    } else {
        Number::from_f64(f).map(Value::Number)
    }
}

fn insert(root: &mut Map<String, Value>, path: &str, v: Value) {
    match path.split_once('.') {
        None => {
            root.insert(path.to_owned(), v);
        }
        Some((head, rest)) => {
            let entry = root
                .entry(head.to_owned())
                .or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(m) = entry {
                insert(m, rest, v);
            }
        }
    }
}

/// Removes the value at a contract path (an array element truncates the array there, since
/// later years cannot be placed without it). Returns whether something was removed.
pub fn remove_path(root: &mut Value, path: &str) -> bool {
    let Value::Object(m) = root else {
        return false;
    };
    if let Some(key) = path.strip_prefix("indicators.") {
        return match m.get_mut("indicators") {
            Some(Value::Object(ind)) => ind.remove(key).is_some(),
            _ => false,
        };
    }
    let (head, rest) = match path.split_once('.') {
        Some((h, r)) => (h, Some(r)),
        None => (path, None),
    };
    if let Some((name, idx)) = head.strip_suffix(']').and_then(|h| h.split_once('[')) {
        let Ok(i) = idx.parse::<usize>() else {
            return false;
        };
        return match (m.get_mut(name), rest) {
            (Some(Value::Array(a)), None) if i < a.len() => {
                a.truncate(i);
                true
            }
            (Some(Value::Array(a)), Some(r)) => a.get_mut(i).is_some_and(|v| remove_path(v, r)),
            _ => false,
        };
    }
    match rest {
        None => m.remove(head).is_some(),
        Some(r) => m.get_mut(head).is_some_and(|v| remove_path(v, r)),
    }
}

impl Form {
    /// The raw text of a field ("" if not answered).
    pub fn get(&self, path: &str) -> &str {
        self.values.get(path).and_then(Value::as_str).unwrap_or("")
    }

    /// Sets the raw text of a field.
    pub fn set(&mut self, path: &str, text: String) {
        if text.is_empty() {
            self.values.remove(path);
        } else {
            self.values.insert(path.to_owned(), Value::String(text));
        }
    }

    /// The ids ticked in a checkbox list: `None` if not answered, empty for "none of these".
    pub fn list(&self, path: &str) -> Option<Vec<String>> {
        let Some(Value::Array(items)) = self.lists.get(path) else {
            return None;
        };
        Some(
            items
                .iter()
                .filter_map(|i| i.as_str().map(str::to_owned))
                .collect(),
        )
    }

    /// Sets a checkbox list (`None`: not answered).
    pub fn set_list(&mut self, path: &str, ids: Option<Vec<String>>) {
        match ids {
            Some(ids) => {
                let items = ids.into_iter().map(Value::String).collect();
                self.lists.insert(path.to_owned(), Value::Array(items));
            }
            None => {
                self.lists.remove(path);
            }
        }
    }

    /// The raw text of every field, as a JSON object (the draft kept while a field has a
    /// problem).
    pub fn texts(&self) -> &Map<String, Value> {
        &self.values
    }

    /// Whether nothing at all is answered.
    pub fn is_empty(&self) -> bool {
        self.values
            .values()
            .all(|v| v.as_str().is_none_or(|t| t.trim().is_empty()))
            && self.lists.is_empty()
    }

    /// The applicant JSON the form describes, and the problems of fields the page itself
    /// could not put into JSON (left out of it).
    pub fn to_value(&self) -> (Value, Vec<FieldError>) {
        let mut errors = Vec::new();
        let mut root = Map::new();
        root.insert("schema".into(), Value::String(APPLICANT_SCHEMA.into()));
        for (path, kind) in scalars() {
            let raw = self.get(path);
            let text = raw.trim();
            if text.is_empty() {
                continue;
            }
            let v = match kind {
                FieldKind::Text | FieldKind::Choice => Value::String(text.to_owned()),
                FieldKind::Bool => match text {
                    "true" => Value::Bool(true),
                    "false" => Value::Bool(false),
                    other => Value::String(other.to_owned()),
                },
                FieldKind::Count => match parse_number(text).map(number_value) {
                    Ok(Some(v)) => v,
                    Ok(None) | Err(_) => {
                        let e = parse_number(text).err().unwrap_or(NumberError::OutOfRange);
                        errors.push(FieldError {
                            path: path.to_owned(),
                            problem: FieldProblem::NotNumber(e),
                        });
                        continue;
                    }
                },
            };
            insert(&mut root, path, v);
        }
        for list in lists() {
            if let Some(ids @ Value::Array(_)) = self.lists.get(list) {
                insert(&mut root, list, ids.clone());
            }
        }
        for (name, years) in money_lists() {
            let texts: Vec<&str> = (0..years)
                .map(|i| self.get(&format!("{name}[{i}]")).trim())
                .collect();
            let Some(last) = texts.iter().rposition(|t| !t.is_empty()) else {
                continue;
            };
            let mut out = Vec::new();
            let mut ok = true;
            for (i, t) in texts[..=last].iter().enumerate() {
                let path = format!("{name}[{i}]");
                let problem = if t.is_empty() {
                    Some(FieldProblem::EarlierYearMissing)
                } else {
                    match parse_number(t).map(number_value) {
                        Ok(Some(v)) => {
                            if ok {
                                out.push(v);
                            }
                            None
                        }
                        Ok(None) => Some(FieldProblem::NotNumber(NumberError::OutOfRange)),
                        Err(e) => Some(FieldProblem::NotNumber(e)),
                    }
                };
                if let Some(problem) = problem {
                    ok = false;
                    errors.push(FieldError { path, problem });
                }
            }
            insert(&mut root, name, Value::Array(out));
        }
        let policy = tic_core::policy::current();
        let mut ind = Map::new();
        for i in &policy.indicators {
            let t = self.get(&format!("indicators.{}", i.id)).trim();
            if !t.is_empty() {
                ind.insert(i.id.clone(), Value::String(t.to_owned()));
            }
        }
        if !ind.is_empty() {
            root.insert("indicators".into(), Value::Object(ind));
        }
        (Value::Object(root), errors)
    }

    /// The form of an applicant already checked by the core ([`tic_core::input::applicant_from_json`]):
    /// every field of the core's table ([`tic_core::fields::FIELDS`]) read at its path, and the
    /// indicator ratings.
    pub fn from_json(v: &Json) -> Form {
        use tic_core::fields::{Kind, FIELDS};
        let mut f = Form::default();
        for field in FIELDS {
            let Some(x) = field.value_in(v) else {
                continue;
            };
            match (field.kind, x) {
                (Kind::List(_), Json::Array(items)) => {
                    let ids = items.iter().filter_map(|i| i.as_str().map(str::to_owned));
                    f.set_list(field.path, Some(ids.collect()));
                }
                (Kind::Money(_), Json::Array(items)) => {
                    for (i, n) in items.iter().enumerate() {
                        let w = n.as_f64().and_then(|n| tic_core::Wan::from_wan(n).ok());
                        if let Some(w) = w {
                            f.set(&format!("{}[{i}]", field.path), crate::num::wan_plain(w));
                        }
                    }
                }
                (_, Json::String(s)) => f.set(field.path, s.to_string()),
                (_, Json::Bool(b)) => f.set(field.path, b.to_string()),
                (_, Json::Number(n)) => {
                    if let Some(n) = n.as_u64() {
                        f.set(field.path, n.to_string());
                    }
                }
                _ => {}
            }
        }
        if let Some(Json::Object(m)) = v.get("indicators") {
            for (id, r) in m.iter() {
                if let Json::String(r) = r {
                    f.set(&format!("indicators.{id}"), r.to_string());
                }
            }
        }
        let policy = tic_core::policy::current();
        f.district_other = v
            .get("district")
            .and_then(Json::as_str)
            .is_some_and(|d| !policy.districts.iter().any(|c| c.id == d));
        f
    }

    /// Answered and answerable fields, for the progress bar. Indicators the profile already
    /// derives count as neither.
    pub fn progress(&self, derived: &dyn Fn(&str) -> bool) -> (usize, usize) {
        let mut answered = 0;
        let mut total = 0;
        let mut count = |ok: bool| {
            total += 1;
            if ok {
                answered += 1;
            }
        };
        for (path, _) in scalars() {
            count(!self.get(path).trim().is_empty());
        }
        for list in lists() {
            count(self.lists.contains_key(list));
        }
        for (name, years) in money_lists() {
            for i in 0..years {
                count(!self.get(&format!("{name}[{i}]")).trim().is_empty());
            }
        }
        for i in &tic_core::policy::current().indicators {
            if !derived(&i.id) {
                count(!self.get(&format!("indicators.{}", i.id)).is_empty());
            }
        }
        (answered, total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_the_contract_paths() {
        assert_eq!(field_id("team.staff_year2"), "f-team-staff_year2");
        assert_eq!(field_id("investment_wan[3]"), "f-investment_wan-3");
        assert_eq!(field_id("indicators.6.4"), "f-indicators-6_4");
        assert_eq!(
            choice_id("lead_unit.platforms", "key_laboratory"),
            "f-lead_unit-platforms-key_laboratory"
        );
    }

    #[test]
    fn numbers_as_people_type_them() {
        assert_eq!(parse_number("1,200.5"), Ok(1200.5));
        assert_eq!(parse_number(" １２００ "), Ok(1200.0));
        assert_eq!(parse_number("3000万元"), Ok(3000.0));
        assert_eq!(parse_number("12。5"), Ok(12.5));
        assert_eq!(parse_number("-3"), Ok(-3.0));
        assert!(parse_number("abc").is_err());
        assert!(parse_number("inf").is_err());
        assert!(parse_number("1e400").is_err());
        assert!(parse_number("").is_err());
        // "1,5" is refused as the tabular reader refuses it (it was read as 15 here once).
        assert_eq!(parse_number("1,5"), Err(NumberError::AmbiguousComma));
    }

    #[test]
    fn a_gap_in_the_years_is_reported_and_truncates() {
        let mut f = Form::default();
        f.set("investment_wan[0]", "100".into());
        f.set("investment_wan[2]", "300".into());
        let (v, errors) = f.to_value();
        assert_eq!(v["investment_wan"], serde_json::json!([100]));
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].path, "investment_wan[1]");
        assert_eq!(errors[0].problem, FieldProblem::EarlierYearMissing);
    }

    #[test]
    fn remove_path_reaches_nested_and_indicator_keys() {
        let mut v = serde_json::json!({"team": {"staff_year2": -1}, "indicators": {"6.4": "x"}, "investment_wan": [1, -2, 3]});
        assert!(remove_path(&mut v, "team.staff_year2"));
        assert!(remove_path(&mut v, "indicators.6.4"));
        assert!(remove_path(&mut v, "investment_wan[1]"));
        assert_eq!(
            v,
            serde_json::json!({"team": {}, "indicators": {}, "investment_wan": [1]})
        );
        assert!(!remove_path(&mut v, "nothing.here"));
    }
}
