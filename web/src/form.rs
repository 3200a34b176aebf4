//! The form as the user typed it: the raw text of every field (nothing typed is ever lost), and
//! its translation to and from the contract's applicant JSON. Deciding anything is left to
//! `tic_core`: this module only shapes text into JSON and reports text that is not a number.

use crate::i18n;
use serde_json::{Map, Number, Value};
use std::collections::BTreeMap;
use tic_core::number::NumberError;
use tic_core::vocab::Rating;
use tic_core::{Applicant, InputError, Lang, APPLICANT_SCHEMA};

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

/// The scalar fields of the applicant, by contract path, in form order.
pub const SCALARS: &[(&str, FieldKind)] = &[
    ("name", FieldKind::Text),
    ("district", FieldKind::Text),
    ("recommended_by", FieldKind::Choice),
    ("fields.carbon_neutral", FieldKind::Bool),
    ("lead_unit.kind", FieldKind::Choice),
    ("lead_unit.leading_enterprise", FieldKind::Bool),
    ("organization.legal_status", FieldKind::Choice),
    ("organization.bases", FieldKind::Count),
    ("organization.board", FieldKind::Bool),
    ("organization.director", FieldKind::Bool),
    ("organization.chief_scientist", FieldKind::Bool),
    ("organization.expert_committee", FieldKind::Bool),
    ("team.staff_year2", FieldKind::Count),
    ("team.teams_year2", FieldKind::Count),
    ("team.staff_year5", FieldKind::Count),
    ("team.teams_year5", FieldKind::Count),
    ("ecosystem.transfer_bases", FieldKind::Count),
    ("ecosystem.partner_firms", FieldKind::Count),
    ("ecosystem.spinoffs", FieldKind::Count),
    ("ecosystem.firms_served", FieldKind::Count),
];

/// The checkbox lists, by contract path.
pub const LISTS: &[&str] = &[
    "fields.highlands",
    "fields.chains",
    "fields.clusters",
    "lead_unit.platforms",
];

/// The money lists and how many years each has under the current policy.
pub fn money_lists() -> [(&'static str, usize); 2] {
    let p = tic_core::policy::current();
    [
        ("investment_wan", p.construction_years),
        ("capacity_investment_wan", p.funding.years),
    ]
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
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Form {
    /// Raw text of scalar fields, money years (`investment_wan[0]`) and indicator self-ratings
    /// (`indicators.6.4`), by contract path. Absent or empty: not answered.
    pub values: BTreeMap<String, String>,
    /// Checkbox lists by contract path; absent: not answered, present and empty: "none of these".
    pub lists: BTreeMap<String, Vec<String>>,
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
        self.values.get(path).map(String::as_str).unwrap_or("")
    }

    /// Sets the raw text of a field.
    pub fn set(&mut self, path: &str, text: String) {
        if text.is_empty() {
            self.values.remove(path);
        } else {
            self.values.insert(path.to_owned(), text);
        }
    }

    /// Whether nothing at all is answered.
    pub fn is_empty(&self) -> bool {
        self.values.values().all(|v| v.trim().is_empty()) && self.lists.is_empty()
    }

    /// The applicant JSON the form describes, and the problems of fields the page itself
    /// could not put into JSON (left out of it).
    pub fn to_value(&self) -> (Value, Vec<FieldError>) {
        let mut errors = Vec::new();
        let mut root = Map::new();
        root.insert("schema".into(), Value::String(APPLICANT_SCHEMA.into()));
        for (path, kind) in SCALARS {
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
                            path: (*path).to_owned(),
                            problem: FieldProblem::NotNumber(e),
                        });
                        continue;
                    }
                },
            };
            insert(&mut root, path, v);
        }
        for list in LISTS {
            if let Some(ids) = self.lists.get(*list) {
                let v = ids.iter().map(|s| Value::String(s.clone())).collect();
                insert(&mut root, list, Value::Array(v));
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

    /// The form showing an applicant.
    pub fn from_applicant(a: &Applicant) -> Form {
        let mut f = Form::default();
        let mut put = |path: &str, v: Option<String>| {
            if let Some(v) = v {
                f.set(path, v);
            }
        };
        let b = |v: Option<bool>| v.map(|b| b.to_string());
        let n = |v: Option<u32>| v.map(|n| n.to_string());
        put("name", a.name.clone());
        put("district", a.district.clone());
        put(
            "recommended_by",
            a.recommended_by.map(|r| r.id().to_owned()),
        );
        put(
            "lead_unit.kind",
            a.lead_unit.kind.map(|k| k.id().to_owned()),
        );
        put(
            "lead_unit.leading_enterprise",
            b(a.lead_unit.leading_enterprise),
        );
        put("fields.carbon_neutral", b(a.fields.carbon_neutral));
        let o = &a.organization;
        put(
            "organization.legal_status",
            o.legal_status.map(|s| s.id().to_owned()),
        );
        put("organization.bases", n(o.bases));
        put("organization.board", b(o.board));
        put("organization.director", b(o.director));
        put("organization.chief_scientist", b(o.chief_scientist));
        put("organization.expert_committee", b(o.expert_committee));
        put("team.staff_year2", n(a.team.staff_year2));
        put("team.teams_year2", n(a.team.teams_year2));
        put("team.staff_year5", n(a.team.staff_year5));
        put("team.teams_year5", n(a.team.teams_year5));
        let e = &a.ecosystem;
        put("ecosystem.transfer_bases", n(e.transfer_bases));
        put("ecosystem.partner_firms", n(e.partner_firms));
        put("ecosystem.spinoffs", n(e.spinoffs));
        put("ecosystem.firms_served", n(e.firms_served));
        for (name, list) in [
            ("investment_wan", &a.investment_wan),
            ("capacity_investment_wan", &a.capacity_investment_wan),
        ] {
            for (i, w) in list.iter().flatten().enumerate() {
                put(&format!("{name}[{i}]"), Some(crate::num::wan_plain(*w)));
            }
        }
        for (id, r) in &a.indicators {
            put(&format!("indicators.{id}"), Some(r.id().to_owned()));
        }
        let lists: [(&str, Option<Vec<String>>); 4] = [
            ("fields.highlands", a.fields.highlands.clone()),
            ("fields.chains", a.fields.chains.clone()),
            ("fields.clusters", a.fields.clusters.clone()),
            (
                "lead_unit.platforms",
                a.lead_unit
                    .platforms
                    .as_ref()
                    .map(|p| p.iter().map(|x| x.id().to_owned()).collect()),
            ),
        ];
        for (path, v) in lists {
            if let Some(v) = v {
                f.lists.insert(path.to_owned(), v);
            }
        }
        let policy = tic_core::policy::current();
        f.district_other = a
            .district
            .as_ref()
            .is_some_and(|d| !policy.districts.iter().any(|c| &c.id == d));
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
        for (path, _) in SCALARS {
            count(!self.get(path).trim().is_empty());
        }
        for list in LISTS {
            count(self.lists.contains_key(*list));
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

/// The rating identifiers offered for a self-rating, in order.
pub const RATINGS: [Rating; 4] = [
    Rating::Met,
    Rating::Partial,
    Rating::NotMet,
    Rating::Unknown,
];

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
