//! The comparison, independent of the browser (tested natively): a policy file read and checked,
//! a batch file screened under two versions, their totals, the rows that change, and the
//! differences of the versions.

use std::rc::Rc;
use tic_core::diff::{diff, PolicyChange};
use tic_core::{Policy, Text};
use tic_tabular::compare::{pair, RowComparison, Totals};
use tic_tabular::ResultRow;

/// A policy file's text read and checked: the version, or every problem.
pub fn load_policy(text: &str) -> Result<Policy, Vec<String>> {
    let file: tic_core::schema::PolicyFile =
        toml::from_str(text).map_err(|e| vec![e.to_string().trim().to_owned()])?;
    Policy::from_file(file)
}

/// The version `start` with some numbers changed in the page, as (parameter key, value as typed)
/// pairs: named `<id>-edited`, and checked as a policy file is. A value that does not read as a
/// number (full-width digits, thousands separators and 万元 are read, as everywhere) is named
/// with its parameter, in `lang`; every problem is given, and the typed values stay as they are.
pub fn edited(
    start: &tic_core::schema::PolicyFile,
    edits: &[(String, String)],
    lang: tic_core::Lang,
) -> Result<Policy, Vec<String>> {
    let mut file = start.clone();
    file.policy.id = format!("{}-edited", start.policy.id);
    let mut problems = Vec::new();
    for (key, typed) in edits {
        let Some(p) = file.parameters.get_mut(key) else {
            problems.push(format!(
                "{key}: {}",
                Text::new("没有这个参数", "no such parameter").get(lang)
            ));
            continue;
        };
        match tic_core::number::read_number(typed) {
            Ok(v) => p.value = v,
            Err(e) => problems.push(format!("{key}: {}", e.message().get(lang))),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Policy::from_file(file)
}

/// A file screened under two versions.
#[derive(Clone, Debug)]
pub struct Comparison {
    /// The rows under the first version (shared: the page keeps them while only the other
    /// version changes).
    pub base: Rc<Vec<ResultRow>>,
    /// The rows under the second.
    pub other: Vec<ResultRow>,
    /// The totals of each.
    pub totals: (Totals, Totals),
    /// Every difference of the two versions.
    pub changes: Vec<PolicyChange>,
}

impl Comparison {
    /// The comparison of the rows of one file screened under `base` (`a`) and `other` (`b`).
    pub fn of(base: &Policy, other: &Policy, a: Rc<Vec<ResultRow>>, b: Vec<ResultRow>) -> Self {
        Comparison {
            totals: (Totals::of(&a), Totals::of(&b)),
            base: a,
            other: b,
            changes: diff(&base.file, &other.file),
        }
    }

    /// The rows whose result changes, each under both versions.
    pub fn changed(&self) -> Vec<RowComparison<'_>> {
        pair(&self.base, &self.other)
            .into_iter()
            .filter(|p| p.changed())
            .collect()
    }
}

/// Screens the batch file (`bytes`, its `name` for detection) under `policy`, with its column
/// layout; or why the file cannot be read at all. One applicant (a JSON object, as the
/// self-assessment page exports it) is a batch of one.
pub fn screen(policy: &Policy, bytes: &[u8], name: &str) -> Result<Vec<ResultRow>, Text> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let one: Vec<u8>;
    let bytes = if body.trim_ascii_start().starts_with(b"{") {
        one = [b"[".as_slice(), body, b"]"].concat();
        &one[..]
    } else {
        bytes
    };
    tic_tabular::Source::open(policy, bytes, Some(name))
        .map(|s| tic_tabular::screen::screen_source_rows(policy, &s))
        .map_err(|e| e.message.clone())
}

/// Screens the batch file under `base` and `other` and compares them.
pub fn compare(
    base: &Policy,
    other: &Policy,
    bytes: &[u8],
    name: &str,
) -> Result<Comparison, Text> {
    let (a, b) = (screen(base, bytes, name)?, screen(other, bytes, name)?);
    Ok(Comparison::of(base, other, Rc::new(a), b))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOML: &str = include_str!("../../core/policy/ningbo-tic-2023-draft.toml");
    const SAMPLE: &[u8] = include_bytes!("../../www/samples/applicants.csv");

    fn edited_toml() -> String {
        let a = "[parameters.staff_year2_min]\nvalue = 100";
        assert!(TOML.contains(a));
        TOML.replace("id = \"ningbo-tic-2023-draft\"", "id = \"sandbox\"")
            .replace(a, "[parameters.staff_year2_min]\nvalue = 60")
    }

    #[test]
    fn a_version_against_itself_changes_nothing() {
        let p = tic_core::policy::current();
        let c = compare(p, p, SAMPLE, "applicants.csv").unwrap();
        assert_eq!(c.totals.0, c.totals.1);
        assert!(c.changed().is_empty());
        assert!(c.changes.is_empty());
    }

    #[test]
    fn a_lower_threshold_changes_rows_and_is_listed_with_its_clause() {
        let p = tic_core::policy::current();
        let other = load_policy(&edited_toml()).unwrap();
        let c = compare(p, &other, SAMPLE, "applicants.csv").unwrap();
        assert!(!c.changed().is_empty());
        let staff = c
            .changes
            .iter()
            .find(|x| x.id == "staff_year2_min")
            .expect("listed");
        assert_eq!(staff.clause.as_deref(), Some("二（六）"));
        // Lowering a threshold can only add rows that meet it.
        let met = |t: &Totals| {
            t.by_verdict
                .iter()
                .find(|(v, _)| v.id() == "eligible")
                .map(|x| x.1)
        };
        assert!(met(&c.totals.1) >= met(&c.totals.0));
    }

    #[test]
    fn one_applicant_exported_by_the_page_is_a_batch_of_one() {
        let p = tic_core::policy::current();
        let one = include_bytes!("../../tests/cases/valid/strong.applicant.json");
        let other = load_policy(&edited_toml()).unwrap();
        let c = compare(p, &other, one, "applicant.json").unwrap();
        assert_eq!(c.base.len(), 1);
        assert!(c.base[0].outcome.is_ok(), "{:?}", c.base[0].outcome);
        assert_eq!(c.totals.0.rows, 1);
    }

    #[test]
    fn numbers_edited_in_the_page_make_a_version_like_a_file_does() {
        let p = tic_core::policy::current();
        let typed = vec![("staff_year2_min".to_owned(), "６０".to_owned())];
        let other = edited(&p.file, &typed, tic_core::Lang::Zh).unwrap();
        assert_eq!(other.id, format!("{}-edited", p.id));
        let from_file = load_policy(&edited_toml()).unwrap();
        let (a, b) = (
            compare(p, &other, SAMPLE, "applicants.csv").unwrap(),
            compare(p, &from_file, SAMPLE, "applicants.csv").unwrap(),
        );
        assert_eq!(a.totals, b.totals);
        assert_eq!(a.changes.len(), 2, "the id and the number: {:?}", a.changes);
        // a bad value is named with its parameter; a value out of range as a file's would be
        let bad = vec![
            ("staff_year2_min".to_owned(), "六十".to_owned()),
            ("no_such".to_owned(), "1".to_owned()),
        ];
        let problems = edited(&p.file, &bad, tic_core::Lang::Zh).unwrap_err();
        assert!(problems[0].starts_with("staff_year2_min: "), "{problems:?}");
        assert!(problems[1].starts_with("no_such: "), "{problems:?}");
        let negative = vec![("total_cap".to_owned(), "-5".to_owned())];
        let problems = edited(&p.file, &negative, tic_core::Lang::En).unwrap_err();
        assert!(
            problems.iter().any(|x| x.contains("total_cap")),
            "{problems:?}"
        );
    }

    #[test]
    fn a_broken_policy_file_names_its_problems() {
        let broken = edited_toml().replace("[parameters.total_cap]", "[parameters.total_cap_typo]");
        let problems = load_policy(&broken).unwrap_err();
        assert!(
            problems.iter().any(|p| p.contains("total_cap")),
            "{problems:?}"
        );
        assert!(load_policy("not toml [").is_err());
    }
}
