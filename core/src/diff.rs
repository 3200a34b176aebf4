//! What differs between two policy versions: every parameter, requirement, list entry, reading,
//! tracked milestone and clause text added, removed or changed, each with its clause.
//!
//! Works on the policy files (the source data), so what it lists is what an official edited.

use crate::schema::PolicyFile;
use serde::Serialize;
use serde_json::Value;

/// How an entry changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// Only in the second version.
    Added,
    /// Only in the first version.
    Removed,
    /// In both, different.
    Changed,
}

/// One difference between two policy versions.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PolicyChange {
    /// The part of the policy file: `policy`, `parameters`, `requirements`, `highlands`,
    /// `chains`, `clusters`, `districts`, `indicator_groups`, `indicators`, `tracking`,
    /// `spending`, `readings` or `clauses`.
    pub section: &'static str,
    /// The entry's key or id (for `policy`, the field).
    pub id: String,
    /// Added, removed or changed.
    pub change: ChangeKind,
    /// The clause the entry cites (the second version's, when both cite one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clause: Option<String>,
    /// The first version's entry (for a parameter whose number changed: the number).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<Value>,
    /// The second version's entry (for a parameter whose number changed: the number).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<Value>,
    /// For a parameter: its unit (the second version's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<Value>,
}

/// Entries of a section as (key, value), in file order.
fn entries(section: &Value) -> Vec<(String, Value)> {
    match section {
        Value::Object(m) => m.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let key = match v {
                    Value::String(s) => s.clone(),
                    _ => v
                        .get("id")
                        .and_then(Value::as_str)
                        .map_or_else(|| i.to_string(), str::to_owned),
                };
                (key, v.clone())
            })
            .collect(),
        _ => Vec::new(),
    }
}

fn clause_of(v: &Value) -> Option<String> {
    v.get("clause").and_then(Value::as_str).map(str::to_owned)
}

/// Every difference from `a` to `b`, section by section in the file's order, entries in `a`'s
/// order with `b`'s additions after them.
pub fn diff(a: &PolicyFile, b: &PolicyFile) -> Vec<PolicyChange> {
    let (va, vb) = (
        serde_json::to_value(a).unwrap_or_default(),
        serde_json::to_value(b).unwrap_or_default(),
    );
    const SECTIONS: &[&str] = &[
        "policy",
        "parameters",
        "requirements",
        "highlands",
        "chains",
        "clusters",
        "districts",
        "indicator_groups",
        "indicators",
        "tracking",
        "spending",
        "readings",
        "clauses",
    ];
    let mut out = Vec::new();
    for &section in SECTIONS {
        let (sa, sb) = match section {
            // The tracked milestones are a list of ids.
            "tracking" => (&va[section]["milestones"], &vb[section]["milestones"]),
            _ => (&va[section], &vb[section]),
        };
        let (ea, eb) = (entries(sa), entries(sb));
        for (k, x) in &ea {
            match eb.iter().find(|(kb, _)| kb == k) {
                None => out.push(PolicyChange {
                    section,
                    id: k.clone(),
                    change: ChangeKind::Removed,
                    clause: clause_of(x),
                    from: Some(x.clone()),
                    to: None,
                    unit: None,
                }),
                Some((_, y)) if x != y => {
                    let number = section == "parameters" && x["value"] != y["value"];
                    let (from, to) = if number {
                        (x["value"].clone(), y["value"].clone())
                    } else {
                        (x.clone(), y.clone())
                    };
                    out.push(PolicyChange {
                        section,
                        id: k.clone(),
                        change: ChangeKind::Changed,
                        clause: clause_of(y).or_else(|| clause_of(x)),
                        from: Some(from),
                        to: Some(to),
                        unit: (section == "parameters").then(|| y["unit"].clone()),
                    });
                }
                Some(_) => {}
            }
        }
        for (k, y) in &eb {
            if !ea.iter().any(|(ka, _)| ka == k) {
                out.push(PolicyChange {
                    section,
                    id: k.clone(),
                    change: ChangeKind::Added,
                    clause: clause_of(y),
                    from: None,
                    to: Some(y.clone()),
                    unit: (section == "parameters").then(|| y["unit"].clone()),
                });
            }
        }
    }
    // A clause text's clause is itself.
    for c in out.iter_mut().filter(|c| c.section == "clauses") {
        c.clause = Some(c.id.clone());
    }
    out
}

/// A value of a policy difference in words, short: a number with its unit (`130人`, `25%`,
/// `1,200万元`), a string as it is, anything else as compact JSON cut at 60 characters.
pub fn value_text(v: Option<&Value>, unit: Option<&Value>, lang: crate::Lang) -> String {
    use crate::explain;
    use crate::vocab::Unit;
    let Some(v) = v else {
        return String::new();
    };
    let unit: Option<Unit> = unit.and_then(|u| serde_json::from_value(u.clone()).ok());
    let text = match (v.as_f64(), unit) {
        (Some(x), Some(Unit::Wan)) => crate::Wan::from_wan(x)
            .map(|w| explain::money(w, lang))
            .unwrap_or_else(|_| v.to_string()),
        (Some(x), Some(Unit::Percent)) => explain::percent((x * 100.0).round() as u32),
        (Some(x), Some(u)) if x.fract() == 0.0 && x >= 0.0 => explain::count(x as u64, u, lang),
        _ => match v {
            Value::String(s) => s.clone(),
            _ => v.to_string(),
        },
    };
    const MAX: usize = 60;
    if text.chars().count() > MAX {
        let cut: String = text.chars().take(MAX - 1).collect();
        format!("{cut}…")
    } else {
        text
    }
}

impl PolicyChange {
    /// The first version's value in words ([`value_text`]).
    pub fn from_text(&self, lang: crate::Lang) -> String {
        value_text(self.from.as_ref(), self.unit.as_ref(), lang)
    }

    /// The second version's value in words ([`value_text`]).
    pub fn to_text(&self, lang: crate::Lang) -> String {
        value_text(self.to.as_ref(), self.unit.as_ref(), lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy;

    fn file() -> PolicyFile {
        policy::current().file.clone()
    }

    #[test]
    fn a_version_does_not_differ_from_itself() {
        assert_eq!(diff(&file(), &file()), Vec::new());
    }

    #[test]
    fn every_kind_of_edit_is_listed_with_its_clause() {
        let a = file();
        let mut b = file();
        b.policy.id = "sandbox".into();
        b.parameters.get_mut("staff_year2_min").unwrap().value = 80.0;
        b.parameters.get_mut("subsidy_rate").unwrap().quote = "edited".into();
        let gone = b.chains.remove(0);
        b.requirements[0].kind = crate::vocab::Kind::Condition;
        let mut new = b.clusters[0].clone();
        new.id = "new_cluster".into();
        b.clusters.push(new);
        let d = diff(&a, &b);
        let find = |section: &str, id: &str| {
            d.iter()
                .find(|c| c.section == section && c.id == id)
                .unwrap_or_else(|| panic!("{section} {id} not listed: {d:?}"))
        };
        let staff = find("parameters", "staff_year2_min");
        assert_eq!(staff.change, ChangeKind::Changed);
        assert_eq!(staff.from, Some(serde_json::json!(100.0)));
        assert_eq!(staff.to, Some(serde_json::json!(80.0)));
        assert_eq!(staff.clause.as_deref(), Some("二（六）"));
        assert_eq!(staff.unit, Some(serde_json::json!("people")));
        // Not the number, but the quote: the whole entry is given.
        assert!(find("parameters", "subsidy_rate").from.as_ref().unwrap()["quote"].is_string());
        assert_eq!(find("chains", &gone.id).change, ChangeKind::Removed);
        assert_eq!(find("clusters", "new_cluster").change, ChangeKind::Added);
        assert_eq!(
            find("requirements", &a.requirements[0].id).change,
            ChangeKind::Changed
        );
        assert_eq!(find("policy", "id").to, Some(serde_json::json!("sandbox")));
        assert_eq!(d.len(), 6, "{d:?}");
    }
}
