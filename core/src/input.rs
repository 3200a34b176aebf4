//! Reading an applicant: every problem of the input in one pass, each naming its field path.
//!
//! Parsing is the only part of the core that can refuse its input; the assessment itself cannot
//! fail. An absent answer (or `null`) is not a problem: it makes the requirements that need it
//! `unknown`.

use crate::applicant::{Applicant, APPLICANT_SCHEMA};
use crate::json::{Json, Object};
use crate::money::{MoneyError, Wan};
use crate::policy::Policy;
use crate::text::{Lang, Text};
use crate::vocab::{FieldList, LeadKind, LegalStatus, Platform, Rating, Recommender};
use serde_json::Value;
use std::fmt;

/// One problem of an input, at a field path such as `investment_wan[1]` or `team.staff_year2`.
#[derive(Clone, Debug, PartialEq)]
pub struct InputError {
    /// The field path, as in the contract; empty for the whole document.
    pub path: String,
    /// What is wrong.
    pub problem: Problem,
}

/// What is wrong with a value.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// Not JSON at all.
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// The parser's description (English).
        detail: String,
    },
    /// `schema` is missing.
    SchemaMissing {
        /// The schema the document must name.
        expected: &'static str,
    },
    /// `schema` is not the one expected.
    SchemaWrong {
        /// The schema the document must name.
        expected: &'static str,
        /// What was found.
        found: String,
    },
    /// The value has the wrong type.
    WrongType {
        /// What was expected.
        expected: Expected,
    },
    /// A field that the format does not have.
    UnknownField {
        /// The fields allowed here.
        allowed: Vec<&'static str>,
    },
    /// A value that is not one of the choices.
    UnknownValue {
        /// The value found.
        found: String,
        /// The choices (identifiers).
        allowed: Vec<String>,
    },
    /// A number below zero.
    Negative,
    /// A number that is not finite.
    NotFinite,
    /// A fraction where a whole number is needed.
    NotWhole,
    /// A number above the largest accepted.
    TooLarge {
        /// The largest accepted, as written.
        max: String,
    },
    /// A list longer than allowed.
    TooMany {
        /// The most allowed.
        max: usize,
    },
    /// A value listed twice.
    Duplicate,
}

/// The type a value should have had.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    /// `{…}`.
    Object,
    /// `[…]`.
    Array,
    /// `"…"`.
    String,
    /// `true` / `false`.
    Bool,
    /// A number.
    Number,
    /// A whole number ≥ 0.
    WholeNumber,
}

impl Expected {
    fn text(self) -> Text {
        match self {
            Expected::Object => Text::new("对象 {…}", "an object {…}"),
            Expected::Array => Text::new("列表 […]", "a list […]"),
            Expected::String => Text::new("文字", "text"),
            Expected::Bool => Text::new("是/否（true/false）", "true or false"),
            Expected::Number => Text::new("数字", "a number"),
            Expected::WholeNumber => Text::new("非负整数", "a whole number ≥ 0"),
        }
    }
}

impl InputError {
    pub(crate) fn new(path: impl Into<String>, problem: Problem) -> InputError {
        InputError {
            path: path.into(),
            problem,
        }
    }

    /// The problem in words, without the path.
    pub fn message(&self, lang: Lang) -> String {
        let t = match &self.problem {
            Problem::Syntax {
                line,
                column,
                detail,
            } => Text::new(
                format!("不是有效的 JSON（第{line}行第{column}列）：{detail}"),
                format!("not valid JSON (line {line}, column {column}): {detail}"),
            ),
            Problem::SchemaMissing { expected } => Text::new(
                format!("缺少 schema，应为 \"{expected}\""),
                format!("missing; must be \"{expected}\""),
            ),
            Problem::SchemaWrong { expected, found } => Text::new(
                format!("应为 \"{expected}\"，实为 {found}"),
                format!("must be \"{expected}\", found {found}"),
            ),
            Problem::WrongType { expected } => {
                let e = expected.text();
                Text::new(format!("应为{}", e.zh), format!("must be {}", e.en))
            }
            Problem::UnknownField { allowed } => Text::new(
                format!("不认识的字段（可用：{}）", allowed.join("、")),
                format!("unknown field (allowed: {})", allowed.join(", ")),
            ),
            Problem::UnknownValue { found, allowed } => {
                let list = if allowed.len() > 12 {
                    format!("{}, …", allowed[..12].join(", "))
                } else {
                    allowed.join(", ")
                };
                Text::new(
                    format!("不认识的取值 \"{found}\"（可选：{list}）"),
                    format!("unknown value \"{found}\" (one of: {list})"),
                )
            }
            Problem::Negative => Text::new("必须 ≥ 0", "must be ≥ 0"),
            Problem::NotFinite => Text::new("必须是有限的数字", "must be a finite number"),
            Problem::NotWhole => Text::new("必须是整数", "must be a whole number"),
            Problem::TooLarge { max } => {
                Text::new(format!("不能大于 {max}"), format!("must be ≤ {max}"))
            }
            Problem::TooMany { max } => {
                Text::new(format!("最多 {max} 项"), format!("at most {max} entries"))
            }
            Problem::Duplicate => Text::new("重复填写", "listed twice"),
        };
        t.get(lang).to_owned()
    }

    /// `path: message`, as the command line prints it.
    pub fn line(&self, lang: Lang) -> String {
        let path = if self.path.is_empty() {
            "(document)"
        } else {
            &self.path
        };
        format!("{path}: {}", self.message(lang))
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.line(Lang::En))
    }
}

/// Parses and checks an applicant file against a policy. Returns the applicant, or every
/// problem found.
pub fn parse_applicant(policy: &Policy, json: &str) -> Result<Applicant, Vec<InputError>> {
    applicant_from_json(policy, &read_json(json).map_err(|e| vec![e])?)
}

/// Reads JSON text for the readers to walk, borrowing from it; the syntax error (line, column)
/// as the problem.
pub fn read_json(json: &str) -> Result<Json<'_>, InputError> {
    serde_json::from_str(json).map_err(|e| syntax(&e))
}

/// A JSON syntax error as the document's problem, with its line and column.
pub(crate) fn syntax(e: &serde_json::Error) -> InputError {
    InputError::new(
        "",
        Problem::Syntax {
            line: e.line(),
            column: e.column(),
            detail: e.to_string(),
        },
    )
}

/// Checks an applicant already parsed as a `serde_json::Value` (a spreadsheet row, the page's
/// form). Returns the applicant, or every problem found.
pub fn applicant_from_value(policy: &Policy, value: &Value) -> Result<Applicant, Vec<InputError>> {
    applicant_from_json(policy, &Json::from(value))
}

/// Checks an applicant already read with [`read_json`]. Returns the applicant, or every problem
/// found.
pub fn applicant_from_json(policy: &Policy, value: &Json) -> Result<Applicant, Vec<InputError>> {
    let mut r = Reader {
        policy,
        errors: Vec::new(),
    };
    let a = r.applicant(value);
    if r.errors.is_empty() {
        Ok(a)
    } else {
        Err(r.errors)
    }
}

/// The names of the applicant's objects: what [`crate::fields::members`] derives from the field
/// table, written out so that a program that only reads applicants carries no table (a test
/// checks that the two agree).
struct Members {
    root: &'static [&'static str],
    lead_unit: &'static [&'static str],
    field_lists: &'static [&'static str],
    organization: &'static [&'static str],
    team: &'static [&'static str],
    ecosystem: &'static [&'static str],
}

const MEMBERS: Members = Members {
    root: &[
        "schema",
        "name",
        "district",
        "recommended_by",
        "lead_unit",
        "fields",
        "organization",
        "investment_wan",
        "capacity_investment_wan",
        "team",
        "ecosystem",
        "indicators",
    ],
    lead_unit: &["kind", "leading_enterprise", "platforms"],
    field_lists: &["highlands", "chains", "clusters", "carbon_neutral", "other"],
    organization: &[
        "legal_status",
        "bases",
        "board",
        "director",
        "chief_scientist",
        "expert_committee",
    ],
    team: &["staff_year2", "teams_year2", "staff_year5", "teams_year5"],
    ecosystem: &[
        "transfer_bases",
        "partner_firms",
        "spinoffs",
        "firms_served",
    ],
};

/// The largest count accepted: the field table's bound ([`crate::fields::MAX_COUNT`]).
pub const MAX_COUNT: u64 = crate::fields::MAX_COUNT;

/// An amount in 万元, or what is wrong with it.
fn read_money(v: &Json) -> Result<Wan, Problem> {
    let Json::Number(n) = v else {
        return Err(Problem::WrongType {
            expected: Expected::Number,
        });
    };
    Wan::from_wan(n.as_f64()).map_err(|e| match e {
        MoneyError::Negative => Problem::Negative,
        MoneyError::NotFinite => Problem::NotFinite,
        MoneyError::TooLarge => Problem::TooLarge {
            max: Wan::MAX.to_string(),
        },
    })
}

/// Walks a JSON document once and collects every problem with its path; shared by the
/// applicant and the progress-record readers.
pub(crate) struct Reader<'p> {
    pub(crate) policy: &'p Policy,
    pub(crate) errors: Vec<InputError>,
}

pub(crate) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

impl Reader<'_> {
    /// Checks the document's `schema`.
    pub(crate) fn schema(&mut self, root: &Object, expected: &'static str) {
        match root.get("schema") {
            None => self.fail("schema", Problem::SchemaMissing { expected }),
            Some(Json::String(s)) if s == expected => {}
            Some(other) => self.fail(
                "schema",
                Problem::SchemaWrong {
                    expected,
                    found: other.to_string(),
                },
            ),
        }
    }

    pub(crate) fn fail(&mut self, path: impl Into<String>, problem: Problem) {
        self.errors.push(InputError::new(path, problem));
    }

    /// The object at `path`, with its unknown fields reported. `None` if absent or wrong.
    pub(crate) fn object<'v, 'j>(
        &mut self,
        path: &str,
        v: Option<&'v Json<'j>>,
        allowed: &'static [&'static str],
    ) -> Option<&'v Object<'j>> {
        match v {
            None | Some(Json::Null) => None,
            Some(Json::Object(m)) => {
                for (k, _) in m.iter() {
                    if !allowed.contains(&k) {
                        self.fail(
                            join(path, k),
                            Problem::UnknownField {
                                allowed: allowed.to_vec(),
                            },
                        );
                    }
                }
                Some(m)
            }
            Some(_) => {
                self.fail(
                    path,
                    Problem::WrongType {
                        expected: Expected::Object,
                    },
                );
                None
            }
        }
    }

    pub(crate) fn string(&mut self, path: &str, v: Option<&Json>) -> Option<String> {
        match v {
            None | Some(Json::Null) => None,
            Some(Json::String(s)) => Some(s.to_string()),
            Some(_) => {
                self.fail(
                    path,
                    Problem::WrongType {
                        expected: Expected::String,
                    },
                );
                None
            }
        }
    }

    pub(crate) fn bool(&mut self, path: &str, v: Option<&Json>) -> Option<bool> {
        match v {
            None | Some(Json::Null) => None,
            Some(Json::Bool(b)) => Some(*b),
            Some(_) => {
                self.fail(
                    path,
                    Problem::WrongType {
                        expected: Expected::Bool,
                    },
                );
                None
            }
        }
    }

    pub(crate) fn choice<T>(
        &mut self,
        path: &str,
        v: Option<&Json>,
        from_id: fn(&str) -> Option<T>,
        all: &[&'static str],
    ) -> Option<T> {
        let s = self.string(path, v)?;
        match from_id(&s) {
            Some(t) => Some(t),
            None => {
                let allowed = all.iter().map(|s| s.to_string()).collect();
                self.fail(path, Problem::UnknownValue { found: s, allowed });
                None
            }
        }
    }

    pub(crate) fn count(&mut self, path: &str, v: Option<&Json>) -> Option<u32> {
        match v {
            None | Some(Json::Null) => None,
            Some(Json::Number(n)) => {
                let f = n.as_f64();
                if let Some(u) = n.as_u64() {
                    if u <= MAX_COUNT {
                        return Some(u as u32);
                    }
                    self.fail(
                        path,
                        Problem::TooLarge {
                            max: crate::money::grouped(MAX_COUNT),
                        },
                    );
                } else if !f.is_finite() {
                    self.fail(path, Problem::NotFinite);
                } else if f < 0.0 {
                    self.fail(path, Problem::Negative);
                } else if f.fract() != 0.0 {
                    self.fail(path, Problem::NotWhole);
                } else if f <= MAX_COUNT as f64 {
                    return Some(f as u32);
                } else {
                    self.fail(
                        path,
                        Problem::TooLarge {
                            max: crate::money::grouped(MAX_COUNT),
                        },
                    );
                }
                None
            }
            Some(_) => {
                self.fail(
                    path,
                    Problem::WrongType {
                        expected: Expected::WholeNumber,
                    },
                );
                None
            }
        }
    }

    pub(crate) fn money(&mut self, path: &str, v: &Json) -> Option<Wan> {
        match read_money(v) {
            Ok(w) => Some(w),
            Err(problem) => {
                self.fail(path, problem);
                None
            }
        }
    }

    pub(crate) fn array<'v, 'j>(
        &mut self,
        path: &str,
        v: Option<&'v Json<'j>>,
        max: usize,
    ) -> Option<&'v [Json<'j>]> {
        match v {
            None | Some(Json::Null) => None,
            Some(Json::Array(a)) => {
                if a.len() > max {
                    self.fail(path, Problem::TooMany { max });
                }
                Some(a)
            }
            Some(_) => {
                self.fail(
                    path,
                    Problem::WrongType {
                        expected: Expected::Array,
                    },
                );
                None
            }
        }
    }

    pub(crate) fn money_list(
        &mut self,
        path: &str,
        v: Option<&Json>,
        max: usize,
    ) -> Option<Vec<Wan>> {
        let items = self.array(path, v, max)?;
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            // The item's path is written only for a problem: most lists have none.
            match read_money(item) {
                Ok(w) => out.push(w),
                Err(problem) => self.fail(format!("{path}[{i}]"), problem),
            }
        }
        Some(out)
    }

    pub(crate) fn id_list<T: PartialEq>(
        &mut self,
        path: &str,
        v: Option<&Json>,
        parse: &dyn Fn(&str) -> Option<T>,
        allowed: &dyn Fn() -> Vec<String>,
    ) -> Option<Vec<T>> {
        let items = self.array(path, v, usize::MAX)?;
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            // The item's path is written only for a problem: most lists have none.
            let at = || format!("{path}[{i}]");
            let Json::String(s) = item else {
                self.fail(
                    at(),
                    Problem::WrongType {
                        expected: Expected::String,
                    },
                );
                continue;
            };
            match parse(s) {
                Some(t) if out.contains(&t) => self.fail(at(), Problem::Duplicate),
                Some(t) => out.push(t),
                None => self.fail(
                    at(),
                    Problem::UnknownValue {
                        found: s.to_string(),
                        allowed: allowed(),
                    },
                ),
            }
        }
        Some(out)
    }

    fn policy_list(
        &mut self,
        path: &str,
        v: Option<&Json>,
        list: FieldList,
    ) -> Option<Vec<String>> {
        let choices = self.policy.list(list);
        self.id_list(
            path,
            v,
            &|s| choices.iter().find(|c| c.id == s).map(|c| c.id.clone()),
            &|| choices.iter().map(|c| c.id.clone()).collect(),
        )
    }

    fn applicant(&mut self, v: &Json) -> Applicant {
        let mut a = Applicant::default();
        let Some(root) = self.object("", Some(v), MEMBERS.root) else {
            if v.is_null() {
                self.fail(
                    "",
                    Problem::WrongType {
                        expected: Expected::Object,
                    },
                );
            }
            return a;
        };
        self.schema(root, APPLICANT_SCHEMA);
        a.name = self.string("name", root.get("name"));
        a.district = self.string("district", root.get("district"));
        a.recommended_by = self.choice(
            "recommended_by",
            root.get("recommended_by"),
            Recommender::from_id,
            &Recommender::ALL.iter().map(|x| x.id()).collect::<Vec<_>>(),
        );
        if let Some(m) = self.object("lead_unit", root.get("lead_unit"), MEMBERS.lead_unit) {
            a.lead_unit.kind = self.choice(
                "lead_unit.kind",
                m.get("kind"),
                LeadKind::from_id,
                &LeadKind::ALL.iter().map(|x| x.id()).collect::<Vec<_>>(),
            );
            a.lead_unit.leading_enterprise =
                self.bool("lead_unit.leading_enterprise", m.get("leading_enterprise"));
            a.lead_unit.platforms = self.id_list(
                "lead_unit.platforms",
                m.get("platforms"),
                &Platform::from_id,
                &|| Platform::ALL.iter().map(|p| p.id().to_owned()).collect(),
            );
        }
        if let Some(m) = self.object("fields", root.get("fields"), MEMBERS.field_lists) {
            a.fields.highlands =
                self.policy_list("fields.highlands", m.get("highlands"), FieldList::Highlands);
            a.fields.chains = self.policy_list("fields.chains", m.get("chains"), FieldList::Chains);
            a.fields.clusters =
                self.policy_list("fields.clusters", m.get("clusters"), FieldList::Clusters);
            a.fields.carbon_neutral = self.bool("fields.carbon_neutral", m.get("carbon_neutral"));
            a.fields.other = self.string("fields.other", m.get("other"));
        }
        if let Some(m) = self.object(
            "organization",
            root.get("organization"),
            MEMBERS.organization,
        ) {
            let o = &mut a.organization;
            o.legal_status = self.choice(
                "organization.legal_status",
                m.get("legal_status"),
                LegalStatus::from_id,
                &LegalStatus::ALL.iter().map(|x| x.id()).collect::<Vec<_>>(),
            );
            o.bases = self.count("organization.bases", m.get("bases"));
            o.board = self.bool("organization.board", m.get("board"));
            o.director = self.bool("organization.director", m.get("director"));
            o.chief_scientist = self.bool("organization.chief_scientist", m.get("chief_scientist"));
            o.expert_committee =
                self.bool("organization.expert_committee", m.get("expert_committee"));
        }
        a.investment_wan = self.money_list(
            "investment_wan",
            root.get("investment_wan"),
            self.policy.construction_years,
        );
        a.capacity_investment_wan = self.money_list(
            "capacity_investment_wan",
            root.get("capacity_investment_wan"),
            self.policy.funding.years,
        );
        if let Some(m) = self.object("team", root.get("team"), MEMBERS.team) {
            a.team.staff_year2 = self.count("team.staff_year2", m.get("staff_year2"));
            a.team.teams_year2 = self.count("team.teams_year2", m.get("teams_year2"));
            a.team.staff_year5 = self.count("team.staff_year5", m.get("staff_year5"));
            a.team.teams_year5 = self.count("team.teams_year5", m.get("teams_year5"));
        }
        if let Some(m) = self.object("ecosystem", root.get("ecosystem"), MEMBERS.ecosystem) {
            let e = &mut a.ecosystem;
            e.transfer_bases = self.count("ecosystem.transfer_bases", m.get("transfer_bases"));
            e.partner_firms = self.count("ecosystem.partner_firms", m.get("partner_firms"));
            e.spinoffs = self.count("ecosystem.spinoffs", m.get("spinoffs"));
            e.firms_served = self.count("ecosystem.firms_served", m.get("firms_served"));
        }
        match root.get("indicators") {
            None | Some(Json::Null) => {}
            Some(Json::Object(m)) => {
                for (k, v) in m.iter() {
                    let path = format!("indicators.{k}");
                    if !self.policy.indicators.iter().any(|i| i.id == k) {
                        let allowed = self
                            .policy
                            .indicators
                            .iter()
                            .map(|i| i.id.clone())
                            .collect();
                        self.fail(
                            path,
                            Problem::UnknownValue {
                                found: k.to_owned(),
                                allowed,
                            },
                        );
                        continue;
                    }
                    let all: Vec<&str> = Rating::ALL.iter().map(|r| r.id()).collect();
                    if let Some(r) = self.choice(&path, Some(v), Rating::from_id, &all) {
                        a.indicators.insert(k.to_owned(), r);
                    }
                }
            }
            Some(_) => self.fail(
                "indicators",
                Problem::WrongType {
                    expected: Expected::Object,
                },
            ),
        }
        a
    }
}

#[cfg(test)]
mod tests {
    use super::MEMBERS;
    use crate::fields::members;

    #[test]
    fn the_object_names_are_the_field_tables() {
        let m = &MEMBERS;
        for (object, names) in [
            ("", m.root),
            ("lead_unit", m.lead_unit),
            ("fields", m.field_lists),
            ("organization", m.organization),
            ("team", m.team),
            ("ecosystem", m.ecosystem),
        ] {
            assert_eq!(members(object), names, "{object:?}");
        }
    }
}
