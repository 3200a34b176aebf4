//! The assessment as contract JSON (`tic-assessment/1`): the fields the contract fixes, and the
//! project's additions (explanations, clause texts, shortfalls, funding detail, indicators).
//!
//! Two levels of detail: [`Detail::Full`] for one applicant (what `tic assess`, the page and the
//! `assess` export give), [`Detail::Summary`] for many (`tic screen`): the same numbers without
//! the explanation and clause texts.

use crate::applicant::Applicant;
use crate::assess::{Assessment, Measure, Shortfall};
use crate::explain;
use crate::indicators::coverage;
use crate::money::Wan;
use crate::text::Text;
use crate::vocab::{Due, Kind, LimitedBy, Rating, Status, Unit, Verdict};
use serde::Serialize;

/// The schema identifier of assessment files.
pub const ASSESSMENT_SCHEMA: &str = "tic-assessment/1";

/// How much to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Detail {
    /// Everything, with explanations and clause texts.
    Full,
    /// The numbers only.
    Summary,
}

/// The serialisable report of one assessment.
#[derive(Serialize, Debug)]
pub struct Report<'a> {
    schema: &'static str,
    policy: PolicyStamp<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    district: Option<&'a str>,
    verdict: Verdict,
    #[serde(skip_serializing_if = "Option::is_none")]
    reasons: Option<Vec<Text>>,
    summary: Summary,
    requirements: Vec<RequirementOut<'a>>,
    funding: FundingOut,
    indicators: IndicatorsOut<'a>,
    /// What it would take to close every open requirement and reach the largest subsidy (full
    /// detail; not in the page's build, whose first view does not show it).
    #[cfg(feature = "application")]
    #[serde(skip_serializing_if = "Option::is_none")]
    what_it_takes: Option<ReachOut<'a>>,
}

/// [`crate::reach::Reach`] as reports give it.
#[cfg(feature = "application")]
#[derive(Serialize, Debug)]
struct ReachOut<'a> {
    due: Vec<DueStepsOut<'a>>,
    subsidy: SubsidyReachOut<'a>,
}

#[cfg(feature = "application")]
#[derive(Serialize, Debug)]
struct DueStepsOut<'a> {
    due: Due,
    title: Text,
    steps: Vec<StepOut<'a>>,
}

#[cfg(feature = "application")]
#[derive(Serialize, Debug)]
struct StepOut<'a> {
    requirement: &'a str,
    status: Status,
    /// `count`, `invest`, `meet` or `answer`.
    change: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    from: Option<Num>,
    #[serde(skip_serializing_if = "Option::is_none")]
    earlier: Option<Num>,
    #[serde(skip_serializing_if = "Option::is_none")]
    add: Option<Num>,
    #[serde(skip_serializing_if = "Option::is_none")]
    to: Option<Num>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<Unit>,
    #[serde(skip_serializing_if = "Option::is_none")]
    years_counted: Option<usize>,
    text: Text,
}

#[cfg(feature = "application")]
#[derive(Serialize, Debug)]
struct SubsidyReachOut<'a> {
    max_wan: Wan,
    estimate_wan: Wan,
    #[serde(skip_serializing_if = "Option::is_none")]
    first_year_base_wan: Option<Wan>,
    #[serde(skip_serializing_if = "Option::is_none")]
    total_base_wan: Option<Wan>,
    #[serde(skip_serializing_if = "Option::is_none")]
    add_wan: Option<Wan>,
    #[serde(skip_serializing_if = "Option::is_none")]
    add_in_year: Option<usize>,
    base_source: &'static str,
    text: Vec<Text>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    readings: Vec<ReadingOut<'a>>,
}

#[cfg(feature = "application")]
fn reach_out<'a>(a: &'a Assessment<'a>, applicant: &Applicant) -> ReachOut<'a> {
    use crate::funding::BaseSource;
    use crate::reach::{reach, Change};
    let p = a.policy;
    let r = reach(a);
    let due = r
        .due
        .iter()
        .map(|d| DueStepsOut {
            due: d.due,
            title: explain::due_name(p, d.due),
            steps: d
                .steps
                .iter()
                .map(|s| {
                    let mut o = StepOut {
                        requirement: &s.requirement.id,
                        status: s.status,
                        change: s.change.id(),
                        field: None,
                        from: None,
                        earlier: None,
                        add: None,
                        to: None,
                        unit: None,
                        years_counted: None,
                        text: explain::step(p, applicant, s),
                    };
                    match s.change {
                        Change::Count {
                            field,
                            from,
                            to,
                            unit,
                        } => {
                            o.field = Some(field);
                            o.from = from.map(Num::Count);
                            o.add = from.map(|f| Num::Count(to - f));
                            o.to = Some(Num::Count(to));
                            o.unit = Some(unit);
                        }
                        Change::Invest {
                            years,
                            from,
                            earlier,
                            add,
                            ..
                        } => {
                            o.field = Some("investment_wan");
                            o.from = Some(Num::Wan(from));
                            o.earlier = Some(Num::Wan(earlier));
                            o.add = Some(Num::Wan(add));
                            o.to = Some(Num::Wan(from.plus(earlier).plus(add)));
                            o.unit = Some(Unit::Wan);
                            o.years_counted = Some(years);
                        }
                        Change::Answer | Change::Meet => {}
                    }
                    o
                })
                .collect(),
        })
        .collect();
    let s = &r.subsidy;
    let mut readings: Vec<ReadingOut<'a>> = p.readings_for("funding").map(ReadingOut::of).collect();
    if s.base_source == BaseSource::Investment {
        readings.extend(p.readings_for("funding_base").map(ReadingOut::of));
    }
    ReachOut {
        due,
        subsidy: SubsidyReachOut {
            max_wan: s.max,
            estimate_wan: s.estimate,
            first_year_base_wan: s.first_year_base,
            total_base_wan: s.total_base,
            add_wan: s.add.map(|(_, w)| w),
            add_in_year: s.add.map(|(y, _)| y),
            base_source: s.base_source.id(),
            text: explain::subsidy_reach(p, s),
            readings,
        },
    }
}

/// The policy version a report was made under (on every report).
#[derive(Serialize, Debug)]
pub(crate) struct PolicyStamp<'a> {
    id: &'a str,
    status: &'a str,
    title: &'a str,
    source: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    notice: Option<&'a Text>,
}

impl<'a> PolicyStamp<'a> {
    /// The stamp of `p`; `full` adds the notice.
    pub(crate) fn of(p: &'a crate::Policy, full: bool) -> PolicyStamp<'a> {
        PolicyStamp {
            id: &p.id,
            status: &p.status,
            title: &p.title.zh,
            source: &p.source,
            notice: full.then_some(&p.notice),
        }
    }
}

#[derive(Serialize, Debug, Default)]
struct Counts {
    met: usize,
    gap: usize,
    unknown: usize,
}

impl Counts {
    fn add(&mut self, s: Status) {
        match s {
            Status::Met => self.met += 1,
            Status::Gap => self.gap += 1,
            Status::Unknown => self.unknown += 1,
        }
    }
}

#[derive(Serialize, Debug, Default)]
struct Summary {
    met: usize,
    gap: usize,
    unknown: usize,
    by_due: ByDue,
}

#[derive(Serialize, Debug, Default)]
struct ByDue {
    application: Counts,
    year2: Counts,
    year5: Counts,
    acceptance: Counts,
}

#[derive(Serialize, Debug)]
struct RequirementOut<'a> {
    id: &'a str,
    clause: &'a str,
    status: Status,
    due: Due,
    kind: Kind,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    actual: Option<Num>,
    #[serde(skip_serializing_if = "Option::is_none")]
    required: Option<Num>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<Unit>,
    #[serde(skip_serializing_if = "Option::is_none")]
    shortfall: Option<Num>,
    #[serde(skip_serializing_if = "Option::is_none")]
    years_counted: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    years_given: Option<usize>,
    /// `true` when the status is `unknown` because the answers leave it to the reviewers'
    /// judgement (`assess::for_review`), not because an answer is missing.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    needs_review: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    explanation: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    clause_text: Option<&'a str>,
    /// How the tool reads unclear words of the text this requirement rests on (full detail;
    /// the data of the `readings` feature, which the page's build carries too).
    #[cfg(feature = "readings")]
    #[serde(skip_serializing_if = "Vec::is_empty")]
    readings: Vec<ReadingOut<'a>>,
}

/// A reading of unclear words of the text, as reports give it.
#[derive(Serialize, Debug)]
pub(crate) struct ReadingOut<'a> {
    pub(crate) id: &'a str,
    pub(crate) clause: &'a str,
    pub(crate) text: &'a Text,
}

impl<'a> ReadingOut<'a> {
    pub(crate) fn of(r: &'a crate::policy::Reading) -> ReadingOut<'a> {
        ReadingOut {
            id: &r.id,
            clause: &r.clause,
            text: &r.text,
        }
    }
}

/// A number of the output: a count, or money in 万元.
#[derive(Serialize, Debug, Clone, Copy)]
#[serde(untagged)]
enum Num {
    Count(u64),
    Wan(Wan),
}

#[derive(Serialize, Debug)]
struct FundingOut {
    years: Vec<FundingYearOut>,
    total_wan: Wan,
    total_cap_wan: Wan,
    first_year_cap_wan: Wan,
    rate_percent: f64,
    base_source: &'static str,
    clause: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    explanation: Option<Text>,
}

#[derive(Serialize, Debug)]
struct FundingYearOut {
    year: usize,
    base_wan: Wan,
    base_given: bool,
    by_rate_wan: Wan,
    cap_wan: Wan,
    amount_wan: Wan,
    limited_by: LimitedBy,
    #[serde(skip_serializing_if = "Option::is_none")]
    base_to_reach_cap_wan: Option<Wan>,
    #[serde(skip_serializing_if = "Option::is_none")]
    explanation: Option<Text>,
}

#[derive(Serialize, Debug)]
struct IndicatorsOut<'a> {
    coverage: Vec<CoverageOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    items: Option<Vec<IndicatorOut<'a>>>,
}

#[derive(Serialize, Debug)]
struct CoverageOut<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a Text>,
    total: usize,
    met: usize,
    partial: usize,
    not_met: usize,
    unknown: usize,
}

#[derive(Serialize, Debug)]
struct IndicatorOut<'a> {
    id: &'a str,
    name: &'a Text,
    rating: Rating,
    source: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    self_rating: Option<Rating>,
}

/// Builds the report of an assessment of `applicant`.
pub fn report<'a>(a: &'a Assessment<'a>, applicant: &'a Applicant, detail: Detail) -> Report<'a> {
    let full = detail == Detail::Full;
    let p = a.policy;
    let mut summary = Summary::default();
    let requirements = a
        .requirements
        .iter()
        .map(|o| {
            let r = o.requirement;
            summary_add(&mut summary, r.due, o.status);
            let (actual, required, unit, years_counted, years_given) = match o.measure {
                Some(Measure::Count {
                    actual,
                    required,
                    unit,
                }) => (
                    actual.map(Num::Count),
                    Some(Num::Count(required)),
                    Some(unit),
                    None,
                    None,
                ),
                Some(Measure::Money {
                    actual,
                    required,
                    years,
                    years_known,
                }) => (
                    Some(Num::Wan(actual)),
                    Some(Num::Wan(required)),
                    Some(Unit::Wan),
                    Some(years),
                    Some(years_known),
                ),
                None => (None, None, None, None, None),
            };
            let shortfall = o.measure.and_then(|m| m.shortfall()).map(|s| match s {
                Shortfall::Count(n) => Num::Count(n),
                Shortfall::Money(w) => Num::Wan(w),
            });
            RequirementOut {
                id: &r.id,
                clause: &r.clause,
                status: o.status,
                due: r.due,
                kind: r.kind,
                title: full.then_some(&r.title),
                actual,
                required,
                unit,
                shortfall,
                years_counted,
                years_given,
                needs_review: crate::assess::for_review(o, applicant),
                explanation: full.then(|| explain::requirement(p, applicant, o)),
                clause_text: if full {
                    p.clause(&r.clause).map(|c| c.text.as_str())
                } else {
                    None
                },
                #[cfg(feature = "readings")]
                readings: if full {
                    p.readings_for(&r.id).map(ReadingOut::of).collect()
                } else {
                    Vec::new()
                },
            }
        })
        .collect();
    let f = &a.funding;
    let funding = FundingOut {
        years: f
            .years
            .iter()
            .map(|y| FundingYearOut {
                year: y.year,
                base_wan: y.base,
                base_given: y.base_given,
                by_rate_wan: y.by_rate,
                cap_wan: y.cap,
                amount_wan: y.amount,
                limited_by: y.limited_by,
                base_to_reach_cap_wan: y.base_to_reach_cap,
                explanation: full.then(|| explain::funding_year(p, y, f.base_source)),
            })
            .collect(),
        total_wan: f.total,
        total_cap_wan: f.total_cap,
        first_year_cap_wan: p.funding.first_year_cap,
        rate_percent: p.funding.rate_bp as f64 / 100.0,
        base_source: f.base_source.id(),
        clause: p.funding.clause.clone(),
        explanation: full.then(|| explain::funding_total(p, f.total)),
    };
    let cov = coverage(p, &a.indicators);
    let indicators = IndicatorsOut {
        coverage: p
            .indicator_groups
            .iter()
            .zip(cov)
            .map(|(g, c)| CoverageOut {
                id: &g.id,
                name: full.then_some(&g.name),
                total: c.total,
                met: c.met,
                partial: c.partial,
                not_met: c.not_met,
                unknown: c.unknown,
            })
            .collect(),
        items: full.then(|| {
            p.indicators
                .iter()
                .zip(&a.indicators)
                .map(|(i, o)| IndicatorOut {
                    id: &i.id,
                    name: &i.name,
                    rating: o.rating,
                    source: o.source.id(),
                    self_rating: o.self_rating,
                })
                .collect()
        }),
    };
    Report {
        schema: ASSESSMENT_SCHEMA,
        policy: PolicyStamp::of(p, full),
        name: applicant.name.as_deref(),
        district: applicant.district.as_deref(),
        verdict: a.verdict,
        reasons: full.then(|| explain::verdict_reasons(a, applicant)),
        summary,
        requirements,
        funding,
        indicators,
        #[cfg(feature = "application")]
        what_it_takes: full.then(|| reach_out(a, applicant)),
    }
}

fn summary_add(s: &mut Summary, due: Due, status: Status) {
    match status {
        Status::Met => s.met += 1,
        Status::Gap => s.gap += 1,
        Status::Unknown => s.unknown += 1,
    }
    match due {
        Due::Application => s.by_due.application.add(status),
        Due::Year2 => s.by_due.year2.add(status),
        Due::Year5 => s.by_due.year5.add(status),
        Due::Acceptance => s.by_due.acceptance.add(status),
    }
}

impl Report<'_> {
    /// The report as pretty-printed JSON.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The report as compact JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The report as a JSON value.
    pub fn to_value(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or_default()
    }
}

fn push_wan(out: &mut String, w: Wan) {
    crate::number::push_wan_plain(out, w);
}

/// Appends the brief result of an assessment as compact JSON: the verdict, each requirement's
/// id and status (with `actual` and `required` where it is a number), and the funding per year
/// with its total. What a portal screening many applicants in the page needs, written straight
/// into `out` without building a value tree (see docs/format.md, "Brief result").
pub fn write_brief(a: &Assessment<'_>, out: &mut String) {
    out.push_str("{\"verdict\":\"");
    out.push_str(a.verdict.id());
    out.push_str("\",\"requirements\":[");
    for (i, o) in a.requirements.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"id\":\"");
        out.push_str(&o.requirement.id);
        out.push_str("\",\"status\":\"");
        out.push_str(o.status.id());
        out.push('"');
        match o.measure {
            Some(Measure::Count {
                actual, required, ..
            }) => {
                if let Some(v) = actual {
                    out.push_str(",\"actual\":");
                    crate::number::push_digits(out, v);
                }
                out.push_str(",\"required\":");
                crate::number::push_digits(out, required);
            }
            Some(Measure::Money {
                actual, required, ..
            }) => {
                out.push_str(",\"actual\":");
                push_wan(out, actual);
                out.push_str(",\"required\":");
                push_wan(out, required);
            }
            None => {}
        }
        out.push('}');
    }
    out.push_str("],\"funding\":{\"years\":[");
    for (i, y) in a.funding.years.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("{\"year\":");
        crate::number::push_digits(out, y.year as u64);
        out.push_str(",\"amount_wan\":");
        push_wan(out, y.amount);
        out.push_str(",\"limited_by\":\"");
        out.push_str(y.limited_by.id());
        out.push_str("\"}");
    }
    out.push_str("],\"total_wan\":");
    push_wan(out, a.funding.total);
    out.push_str("}}");
}

/// The brief result (see [`write_brief`]) of every applicant of a JSON array, as a JSON array in
/// the same order; an invalid applicant gives `{"error": ["path: message", …]}` in its place.
/// One call for a whole list: what the page's `assess_many` export runs. A text that is not a
/// JSON array is refused with its problem.
pub fn brief_many(
    policy: &crate::Policy,
    json: &str,
    lang: crate::Lang,
) -> Result<String, crate::InputError> {
    // Each element is read into a `Json` tree and checked by the one reader (its rules and
    // messages), then dropped: the list is never held whole. Not a `Vec<Applicant>`: a typed
    // visitor's error messages would link float printing (~15 kB) into the WebAssembly bundle.
    let mut out = String::with_capacity(json.len() + json.len() / 2);
    out.push('[');
    let read = crate::json::each_item(json, &mut |v| {
        if out.len() > 1 {
            out.push(',');
        }
        match crate::input::applicant_from_json(policy, &v) {
            Ok(applicant) => write_brief(&crate::assess(policy, &applicant), &mut out),
            Err(errors) => {
                let lines: Vec<String> = errors.iter().map(|e| e.line(lang)).collect();
                out.push_str("{\"error\":");
                out.push_str(&serde_json::to_string(&lines).unwrap_or_default());
                out.push('}');
            }
        }
    });
    if !read.map_err(|e| crate::input::syntax(&e))? {
        return Err(crate::InputError::new(
            "",
            crate::input::Problem::WrongType {
                expected: crate::input::Expected::Array,
            },
        ));
    }
    out.push(']');
    Ok(out)
}

#[cfg(test)]
mod brief_tests {
    use super::*;

    #[test]
    fn the_brief_result_says_what_the_full_report_says() {
        let p = crate::policy::current();
        for json in [
            r#"{"schema":"tic-applicant/1"}"#,
            r#"{"schema":"tic-applicant/1","investment_wan":[6000,4000.5],"capacity_investment_wan":[1666.67,2000,1],"team":{"staff_year2":99},"organization":{"bases":2}}"#,
        ] {
            let app = crate::parse_applicant(p, json).unwrap();
            let a = crate::assess(p, &app);
            let mut s = String::new();
            write_brief(&a, &mut s);
            let brief: serde_json::Value = serde_json::from_str(&s).unwrap();
            let full = report(&a, &app, Detail::Summary).to_value();
            assert_eq!(brief["verdict"], full["verdict"]);
            for (b, f) in brief["requirements"]
                .as_array()
                .unwrap()
                .iter()
                .zip(full["requirements"].as_array().unwrap())
            {
                for k in ["id", "status"] {
                    assert_eq!(b.get(k), f.get(k), "{k} of {}", f["id"]);
                }
                for k in ["actual", "required"] {
                    let n = |x: &serde_json::Value| x.get(k).map(|v| v.as_f64());
                    assert_eq!(n(b), n(f), "{k} of {}", f["id"]);
                }
            }
            assert_eq!(
                brief["funding"]["total_wan"].as_f64(),
                full["funding"]["total_wan"].as_f64()
            );
            for (b, f) in brief["funding"]["years"]
                .as_array()
                .unwrap()
                .iter()
                .zip(full["funding"]["years"].as_array().unwrap())
            {
                assert_eq!(b["amount_wan"].as_f64(), f["amount_wan"].as_f64());
                assert_eq!(b["limited_by"], f["limited_by"]);
            }
        }
        let many = brief_many(
            p,
            r#"[{"schema":"tic-applicant/1"}, {"schema":"x"}]"#,
            crate::Lang::En,
        )
        .unwrap();
        let v: serde_json::Value = serde_json::from_str(&many).unwrap();
        assert_eq!(v[0]["verdict"], "incomplete");
        assert!(v[1]["error"][0].as_str().unwrap().starts_with("schema:"));
        let refused = |text| brief_many(p, text, crate::Lang::En).unwrap_err().problem;
        assert!(matches!(
            refused("{}"),
            crate::input::Problem::WrongType {
                expected: crate::input::Expected::Array
            }
        ));
        assert!(matches!(
            refused("[{\"schema\":\"tic-applicant/1\"},\n {"),
            crate::input::Problem::Syntax { line: 2, .. }
        ));
    }
}
