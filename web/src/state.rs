//! The page's one reducer: the raw form, what the core makes of it, the language and the
//! interface flags. Every change goes through [`State::reduce`], which asks `tic_core` to parse
//! and assess; components only render the state and send [`Action`]s.

use crate::form::{remove_path, FieldError, FieldProblem, Form};
use std::rc::Rc;
use tic_core::indicators::RatingSource;
use tic_core::{assess, report, Applicant, Assessment, Detail, Lang};
use yew::Reducible;

pub use tic_ui::import::{ImportProblem, Source};

/// A short message about the last action.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    /// A file was imported.
    Imported,
    /// A link was loaded.
    FromLink,
    /// Saved answers were restored.
    Restored,
    /// Something was saved but could not be read; the form starts empty.
    SavedUnreadable,
    /// Everything was cleared.
    Cleared,
    /// The share link was copied.
    Copied,
    /// The share link could not be copied automatically.
    NotCopied,
}

/// Everything the page shows.
#[derive(Clone, Debug)]
pub struct State {
    /// The raw text of every field.
    pub form: Rc<Form>,
    /// The interface language.
    pub lang: Lang,
    /// The applicant the core read from the form (fields with problems left out).
    pub applicant: Rc<Applicant>,
    /// Its assessment.
    pub assessment: Rc<Assessment<'static>>,
    /// Problems of fields, in form order.
    pub errors: Rc<Vec<FieldError>>,
    /// The assessment as contract JSON (`tic assess`), for the result event.
    pub report: Rc<str>,
    /// The last refused import, with its problems.
    pub import_errors: Option<(Source, ImportProblem)>,
    /// A message about the last action.
    pub notice: Option<Notice>,
    /// The share link last made.
    pub link: Option<String>,
    /// Compact layout (embed): no indicator self-rating, no radar.
    pub compact: bool,
    /// Answers are saved in localStorage.
    pub storage: bool,
}

/// Every change the page can make.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Sets the raw text of a field, by contract path.
    Set(String, String),
    /// Checks or unchecks one choice of a list.
    Toggle {
        /// Contract path of the list.
        list: String,
        /// The choice.
        id: String,
        /// Checked.
        on: bool,
    },
    /// Checks or unchecks "none of these" of a list.
    NoneOf(String, bool),
    /// The district select changed (`"__other"` for free text).
    District(String),
    /// Switches the language.
    Lang(Lang),
    /// Switches between the compact and the full layout.
    Compact(bool),
    /// Loads the text of an applicant file or link.
    Import(Source, String),
    /// Refuses an import for a reason found outside the core.
    Refuse(Source, ImportProblem),
    /// Replaces the form (restoring saved answers).
    Restore(Form),
    /// Answers were saved but cannot be read: say so, start empty.
    SavedUnreadable,
    /// A share link was made; whether it is on the clipboard.
    Link(String, bool),
    /// Clears every answer.
    Clear,
}

/// A share link read from the address: its record imported, or refused as cut short.
impl From<tic_ui::link::Linked> for Action {
    fn from(linked: tic_ui::link::Linked) -> Action {
        match linked {
            tic_ui::link::Linked::Record(json) => Action::Import(Source::Link, json),
            tic_ui::link::Linked::Bad => Action::Refuse(Source::Link, ImportProblem::BadLink),
        }
    }
}

impl State {
    /// A fresh state showing `form`.
    pub fn new(form: Form, lang: Lang, compact: bool, storage: bool) -> State {
        let policy = tic_core::policy::current();
        let applicant = Applicant::default();
        let assessment = assess(policy, &applicant);
        let mut s = State {
            form: Rc::new(form),
            lang,
            applicant: Rc::new(applicant),
            assessment: Rc::new(assessment),
            errors: Rc::default(),
            report: Rc::from(""),
            import_errors: None,
            notice: None,
            link: None,
            compact,
            storage,
        };
        s.refresh();
        s
    }

    /// Re-reads the form through the core and re-assesses. A field the core refuses is left
    /// out and reported; everything else still counts.
    fn refresh(&mut self) {
        let policy = tic_core::policy::current();
        let (mut value, mut errors) = self.form.to_value();
        let mut applicant = Applicant::default();
        for _ in 0..4 {
            match tic_core::applicant_from_value(policy, &value) {
                Ok(a) => {
                    applicant = a;
                    break;
                }
                Err(es) => {
                    let mut removed = false;
                    for e in es {
                        removed |= remove_path(&mut value, &e.path);
                        errors.push(FieldError {
                            path: e.path.clone(),
                            problem: FieldProblem::Core(e),
                        });
                    }
                    if !removed {
                        break;
                    }
                }
            }
        }
        // In reading order, stable. An insertion sort: the errors are a handful, and the
        // standard library's sort would link its own code (~4 kB) for this one use.
        for i in 1..errors.len() {
            let mut j = i;
            while j > 0 && field_order(&errors[j - 1].path) > field_order(&errors[j].path) {
                errors.swap(j - 1, j);
                j -= 1;
            }
        }
        errors.dedup_by(|a, b| a.path == b.path);
        let assessment = assess(policy, &applicant);
        let json = report(&assessment, &applicant, Detail::Full).to_json_pretty();
        self.report = Rc::from(json);
        self.assessment = Rc::new(assessment);
        self.applicant = Rc::new(applicant);
        self.errors = Rc::new(errors);
    }

    /// The raw text of the fields that have problems, for the draft store.
    pub fn draft(&self) -> Option<&serde_json::Map<String, serde_json::Value>> {
        if self.errors.is_empty() {
            None
        } else {
            Some(self.form.texts())
        }
    }

    /// Whether an indicator is rated from the profile.
    pub fn derived(&self, id: &str) -> bool {
        let policy = tic_core::policy::current();
        policy
            .indicators
            .iter()
            .zip(self.assessment.indicators.iter())
            .any(|(i, o)| i.id == id && o.source == RatingSource::Profile)
    }

    /// Answered and answerable fields (in the compact layout, which has no indicator
    /// self-rating, the indicators are not counted).
    pub fn progress(&self) -> (usize, usize) {
        self.form.progress(&|id| self.compact || self.derived(id))
    }

    /// The problem of a field, if any.
    pub fn error(&self, path: &str) -> Option<&FieldError> {
        self.errors.iter().find(|e| e.path == path)
    }
}

/// Position of a field in the form, to list errors in reading order.
fn field_order(path: &str) -> usize {
    const ORDER: &[&str] = &[
        "name",
        "district",
        "recommended_by",
        "fields.",
        "lead_unit.",
        "organization.",
        "investment_wan",
        "capacity_investment_wan",
        "team.",
        "ecosystem.",
        "indicators",
    ];
    let group = ORDER
        .iter()
        .position(|p| path.starts_with(p))
        .unwrap_or(ORDER.len());
    let idx = path
        .rsplit_once('[')
        .and_then(|(_, r)| r.trim_end_matches(']').parse::<usize>().ok())
        .unwrap_or(0);
    group * 100 + idx
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        s.notice = None;
        let mut changed = true;
        match action {
            Action::Set(path, value) => Rc::make_mut(&mut s.form).set(&path, value),
            Action::Toggle { list, id, on } => {
                let f = Rc::make_mut(&mut s.form);
                let mut l = f.list(&list).unwrap_or_default();
                l.retain(|x| x != &id);
                if on {
                    l.push(id);
                    // In the order the choices are listed; an id not among them (none today)
                    // stays first, where a sort by position put it. Built, not sorted: a sort
                    // would link the standard library's sort code (~4 kB) for this one use.
                    let order = choice_order(&list);
                    let mut ordered: Vec<String> =
                        l.iter().filter(|x| !order.contains(x)).cloned().collect();
                    ordered.extend(order.into_iter().filter(|o| l.contains(o)));
                    l = ordered;
                }
                f.set_list(&list, Some(l));
            }
            Action::NoneOf(list, on) => {
                let f = Rc::make_mut(&mut s.form);
                f.set_list(&list, on.then(Vec::new));
            }
            Action::District(choice) => {
                let f = Rc::make_mut(&mut s.form);
                if choice == "__other" {
                    f.district_other = true;
                    let policy = tic_core::policy::current();
                    if policy.districts.iter().any(|d| d.id == f.get("district")) {
                        f.set("district", String::new());
                    }
                } else {
                    f.district_other = false;
                    f.set("district", choice);
                }
            }
            Action::Lang(l) => {
                s.lang = l;
                changed = false;
            }
            Action::Compact(c) => {
                s.compact = c;
                changed = false;
            }
            Action::Import(source, text) => {
                let policy = tic_core::policy::current();
                let checked = tic_core::input::read_json(&text)
                    .map_err(|e| vec![e])
                    .and_then(|v| tic_core::input::applicant_from_json(policy, &v).map(|_| v));
                match checked {
                    Ok(v) => {
                        s.form = Rc::new(Form::from_json(&v));
                        s.import_errors = None;
                        s.notice = Some(match source {
                            Source::File | Source::Options => Notice::Imported,
                            Source::Link => Notice::FromLink,
                        });
                    }
                    Err(es) => {
                        s.import_errors = Some((source, ImportProblem::Input(es)));
                        changed = false;
                    }
                }
            }
            Action::Refuse(source, problem) => {
                s.import_errors = Some((source, problem));
                changed = false;
            }
            Action::Restore(form) => {
                s.form = Rc::new(form);
                s.notice = Some(Notice::Restored);
            }
            Action::SavedUnreadable => {
                s.notice = Some(Notice::SavedUnreadable);
                changed = false;
            }
            Action::Link(link, copied) => {
                s.link = Some(link);
                s.notice = Some(if copied {
                    Notice::Copied
                } else {
                    Notice::NotCopied
                });
                changed = false;
            }
            Action::Clear => {
                s.form = Rc::default();
                s.import_errors = None;
                s.link = None;
                s.notice = Some(Notice::Cleared);
            }
        }
        if changed {
            s.refresh();
        }
        Rc::new(s)
    }
}

/// The policy order of a list's choices.
fn choice_order(list: &str) -> Vec<String> {
    use tic_core::vocab::{FieldList, Platform};
    let policy = tic_core::policy::current();
    let of = |l: FieldList| policy.list(l).iter().map(|c| c.id.clone()).collect();
    match list {
        "fields.highlands" => of(FieldList::Highlands),
        "fields.chains" => of(FieldList::Chains),
        "fields.clusters" => of(FieldList::Clusters),
        _ => Platform::ALL.iter().map(|p| p.id().to_owned()).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tic_core::vocab::Verdict;

    fn state() -> Rc<State> {
        Rc::new(State::new(Form::default(), Lang::Zh, false, false))
    }

    #[test]
    fn typing_reassesses() {
        let s = state();
        assert_eq!(s.assessment.verdict, Verdict::Incomplete);
        let s = s.reduce(Action::Set(
            "capacity_investment_wan[0]".into(),
            "2000".into(),
        ));
        assert_eq!(s.assessment.funding.years[0].amount.as_wan(), 500.0);
    }

    #[test]
    fn a_bad_number_is_kept_and_reported_and_the_rest_counts() {
        let s = state()
            .reduce(Action::Set("team.staff_year2".into(), "12x".into()))
            .reduce(Action::Set("team.teams_year2".into(), "-1".into()))
            .reduce(Action::Set("team.staff_year5".into(), "320".into()));
        assert_eq!(s.form.get("team.staff_year2"), "12x");
        let paths: Vec<&str> = s.errors.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(paths, ["team.staff_year2", "team.teams_year2"]);
        assert_eq!(s.applicant.team.staff_year5, Some(320));
        assert_eq!(s.applicant.team.teams_year2, None);
        assert!(s.draft().is_some());
    }

    #[test]
    fn a_refused_import_leaves_the_answers() {
        let s = state().reduce(Action::Set("name".into(), "A".into()));
        let s = s.reduce(Action::Import(
            Source::File,
            "{\"schema\":\"x\",\"team\":1}".into(),
        ));
        assert_eq!(s.form.get("name"), "A");
        match &s.import_errors {
            Some((Source::File, ImportProblem::Input(es))) => assert_eq!(es.len(), 2),
            other => panic!("expected refusal, got {other:?}"),
        }
    }

    #[test]
    fn ticked_choices_keep_the_listed_order_and_errors_the_reading_order() {
        let mut s = state();
        let order = choice_order("fields.chains");
        for id in [&order[2], &order[0], &order[1]] {
            s = s.reduce(Action::Toggle {
                list: "fields.chains".into(),
                id: id.clone(),
                on: true,
            });
        }
        s = s.reduce(Action::Toggle {
            list: "fields.chains".into(),
            id: order[1].clone(),
            on: false,
        });
        assert_eq!(
            s.form.list("fields.chains"),
            Some(vec![order[0].clone(), order[2].clone()])
        );
        for (path, text) in [
            ("ecosystem.spinoffs", "x"),
            ("investment_wan[1]", "y"),
            ("organization.bases", "z"),
            ("investment_wan[0]", "w"),
        ] {
            s = s.reduce(Action::Set(path.into(), text.into()));
        }
        let paths: Vec<&str> = s.errors.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "organization.bases",
                "investment_wan[0]",
                "investment_wan[1]",
                "ecosystem.spinoffs"
            ]
        );
    }

    #[test]
    fn lists_answered_none_make_scope_a_gap() {
        let mut s = state();
        for l in ["fields.highlands", "fields.chains", "fields.clusters"] {
            s = s.reduce(Action::NoneOf(l.into(), true));
        }
        s = s.reduce(Action::Set("fields.carbon_neutral".into(), "false".into()));
        assert_eq!(s.assessment.verdict, Verdict::NotEligible);
        s = s.reduce(Action::Toggle {
            list: "fields.clusters".into(),
            id: "auto_parts".into(),
            on: true,
        });
        assert_eq!(
            s.applicant.fields.clusters.as_deref(),
            Some(&["auto_parts".to_owned()][..])
        );
    }
}
