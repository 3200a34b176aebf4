//! The tracking view's one reducer: the raw text of the record (grid, targets, spending), what
//! the core makes of it, the plan shown as placeholders, the language and the notices. Every
//! change goes through [`State::reduce`], which asks `tic_core` to read and track; components
//! only render the state and send [`Action`]s.

use crate::num;
use serde_json::{Map, Number, Value};
use std::collections::BTreeMap;
use std::rc::Rc;
use tic_core::policy::{Policy, Rule};
use tic_core::track::{
    numeric_milestones, parse_progress, progress_from_value, track, track_report, year_field,
    Progress, Target, Tracking, YearKind, YearValue,
};
use tic_core::vocab::{Metric, YearField};
use tic_core::{Applicant, Detail, InputError, Lang, Text, Wan};
use yew::Reducible;

/// The raw text of every input of the record: what the user typed, kept as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Form {
    /// Name of the centre.
    pub name: String,
    /// District.
    pub district: String,
    /// Grid cells by (0-based year, figure). Selects hold the contract identifier.
    pub cells: BTreeMap<(usize, YearField), String>,
    /// The centre's own targets, by milestone id.
    pub targets: BTreeMap<String, String>,
    /// Subsidy spending, by use id.
    pub spending: BTreeMap<String, String>,
}

impl Form {
    /// The raw text of a cell.
    pub fn cell(&self, year: usize, f: YearField) -> &str {
        self.cells.get(&(year, f)).map(String::as_str).unwrap_or("")
    }

    /// Nothing typed anywhere.
    pub fn is_empty(&self) -> bool {
        self.name.trim().is_empty()
            && self.district.trim().is_empty()
            && self.cells.values().all(|v| v.trim().is_empty())
            && self.targets.values().all(|v| v.trim().is_empty())
            && self.spending.values().all(|v| v.trim().is_empty())
    }

    /// The years reported: up to the last column that has anything.
    pub fn years(&self) -> usize {
        self.cells
            .iter()
            .filter(|(_, v)| !v.trim().is_empty())
            .map(|((y, _), _)| y + 1)
            .max()
            .unwrap_or(0)
    }

    /// The form showing a record.
    pub fn from_progress(p: &Progress) -> Form {
        let mut f = Form {
            name: p.name.clone().unwrap_or_default(),
            district: p.district.clone().unwrap_or_default(),
            ..Form::default()
        };
        for (i, y) in p.years.iter().enumerate() {
            for field in YearField::ALL {
                if let Some(v) = y.get(*field) {
                    let text = match v {
                        YearValue::Money(w) => num::wan_plain(w),
                        YearValue::Count(n) => n.to_string(),
                        YearValue::Legal(s) => s.id().to_owned(),
                        YearValue::Eval(e) => e.id().to_owned(),
                    };
                    f.cells.insert((i, *field), text);
                }
            }
        }
        for (k, t) in &p.targets {
            let text = match t {
                Target::Money(w) => num::wan_plain(*w),
                Target::Count(n) => n.to_string(),
            };
            f.targets.insert(k.clone(), text);
        }
        if let Some(sp) = &p.spending {
            for (k, w) in sp {
                f.spending.insert(k.clone(), num::wan_plain(*w));
            }
        }
        f
    }

    /// The record as contract JSON, leaving out the paths in `skip`; with the problems of
    /// numbers that could not be read at all (each with its contract path).
    fn to_value(&self, policy: &Policy, skip: &[String]) -> (Value, Vec<InputError>) {
        let mut errors = Vec::new();
        let mut root = Map::new();
        root.insert(
            "schema".into(),
            Value::from(tic_core::track::PROGRESS_SCHEMA),
        );
        for (k, v) in [("name", &self.name), ("district", &self.district)] {
            if !v.trim().is_empty() {
                root.insert(k.into(), Value::from(v.trim()));
            }
        }
        let mut number = |path: String, text: &str, out: &mut Map<String, Value>, key: &str| {
            if text.trim().is_empty() || skip.contains(&path) {
                return;
            }
            match num::read(text) {
                Some(x) => {
                    if let Some(n) = Number::from_f64(x) {
                        // A whole number goes in as an integer (a count must be one).
                        let v = if x.fract() == 0.0 && x.abs() < 1e15 {
                            Value::from(x as i64)
                        } else {
                            Value::Number(n)
                        };
                        out.insert(key.to_owned(), v);
                    }
                }
                None => errors.push(InputError {
                    path,
                    problem: tic_core::Problem::WrongType {
                        expected: tic_core::input::Expected::Number,
                    },
                }),
            }
        };
        let mut targets = Map::new();
        for (k, v) in &self.targets {
            number(format!("targets.{k}"), v, &mut targets, k);
        }
        if !targets.is_empty() {
            root.insert("targets".into(), Value::Object(targets));
        }
        let n = self.years().min(policy.construction_years);
        let mut years = Vec::with_capacity(n);
        for i in 0..n {
            let mut y = Map::new();
            for f in YearField::ALL {
                let text = self.cell(i, *f);
                let path = format!("years[{i}].{}", f.id());
                match year_field(*f).kind {
                    YearKind::Money | YearKind::Count => number(path, text, &mut y, f.id()),
                    YearKind::LegalStatus | YearKind::Evaluation => {
                        if !text.is_empty() && !skip.contains(&path) {
                            y.insert(f.id().into(), Value::from(text));
                        }
                    }
                }
            }
            years.push(Value::Object(y));
        }
        root.insert("years".into(), Value::Array(years));
        if self.spending.values().any(|v| !v.trim().is_empty()) {
            let mut sp = Map::new();
            for (k, v) in &self.spending {
                number(format!("subsidy_spending_wan.{k}"), v, &mut sp, k);
            }
            root.insert("subsidy_spending_wan".into(), Value::Object(sp));
        }
        (Value::Object(root), errors)
    }
}

/// The self-assessment's plan, shown as placeholders and as a dashed line: never as figures.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan {
    /// Planned yearly investment (index 0: year 1).
    pub investment: Vec<Wan>,
    /// Planned yearly capacity-building investment.
    pub capacity: Vec<Wan>,
    /// Planned staff by construction year (the years of the staff milestones).
    pub staff: BTreeMap<usize, u32>,
}

impl Plan {
    /// The plan of an applicant (the self-assessment's answers).
    pub fn from_applicant(policy: &Policy, a: &Applicant) -> Plan {
        let mut staff = BTreeMap::new();
        for req in numeric_milestones(policy) {
            if let Rule::AtLeast { metric, .. } = req.rule {
                let planned = match metric {
                    Metric::StaffYear2 => a.team.staff_year2,
                    Metric::StaffYear5 => a.team.staff_year5,
                    _ => None,
                };
                if let (Some(n), Some(y)) = (planned, policy.due_year(req.due)) {
                    staff.insert(y, n);
                }
            }
        }
        Plan {
            investment: a.investment_wan.clone().unwrap_or_default(),
            capacity: a.capacity_investment_wan.clone().unwrap_or_default(),
            staff,
        }
    }

    /// The placeholder of a grid cell (0-based year), if the plan has one.
    pub fn placeholder(&self, year: usize, f: YearField) -> Option<String> {
        match f {
            YearField::InvestmentWan => self.investment.get(year).map(|w| num::wan_plain(*w)),
            YearField::CapacityInvestmentWan => self.capacity.get(year).map(|w| num::wan_plain(*w)),
            YearField::Staff => self.staff.get(&(year + 1)).map(u32::to_string),
            _ => None,
        }
    }
}

pub use tic_ui::import::{ImportProblem, Source};

/// A short message about the last action.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    /// A file was imported.
    Imported,
    /// A link was loaded.
    FromLink,
    /// The saved record was restored.
    Restored,
    /// The saved value could not be read; the view starts empty.
    SavedUnreadable,
    /// Everything was cleared.
    Cleared,
    /// The record was started from the self-assessment.
    FromPlan,
    /// There are no self-assessment answers to start from.
    NoPlan,
    /// The share link was made.
    LinkMade,
}

/// A problem of an input of the view: where it is and what is wrong.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldError {
    /// The contract path (`years[1].staff`).
    pub path: String,
    /// The core's problem.
    pub error: InputError,
}

impl FieldError {
    /// The element id of the input the path belongs to.
    pub fn input_id(&self) -> String {
        input_id(&self.path)
    }

    /// "第2年 · 年末技术创新队伍人数：…": the year and the field named.
    pub fn summary(&self, l: Lang) -> String {
        format!(
            "{}{}{}",
            where_(&self.path, l),
            sep(l),
            self.error.message(l)
        )
    }
}

fn sep(l: Lang) -> &'static str {
    match l {
        Lang::Zh => "：",
        Lang::En => ": ",
    }
}

/// The element id of the input of a contract path.
pub fn input_id(path: &str) -> String {
    if let Some(rest) = path.strip_prefix("years[") {
        if let Some((i, f)) = rest.split_once("].") {
            let y = i.parse::<usize>().unwrap_or(0) + 1;
            return format!("trk-y{y}-{}", f.replace('_', "-"));
        }
    }
    if let Some(k) = path.strip_prefix("targets.") {
        return format!("trk-t-{}", k.replace(['.', '_'], "-"));
    }
    if let Some(k) = path.strip_prefix("subsidy_spending_wan.") {
        return format!("trk-s-{}", k.replace('_', "-"));
    }
    format!("trk-{}", path.replace(['.', '_'], "-"))
}

/// The year and field a contract path names, in words.
pub fn where_(path: &str, l: Lang) -> String {
    let policy = tic_core::policy::current();
    if let Some(rest) = path.strip_prefix("years[") {
        if let Some((i, f)) = rest.split_once("].") {
            let y = i.parse::<usize>().unwrap_or(0) + 1;
            let label = YearField::from_id(f)
                .map(|f| year_field(f).label.get(l).to_owned())
                .unwrap_or_else(|| f.to_owned());
            return match l {
                Lang::Zh => format!("第{y}年 · {label}"),
                Lang::En => format!("Year {y} · {label}"),
            };
        }
    }
    if let Some(k) = path.strip_prefix("targets.") {
        let t = policy
            .requirement(k)
            .map(|r| r.title.get(l).to_owned())
            .unwrap_or_else(|| k.to_owned());
        return format!("{}{}{t}", crate::i18n::TARGETS.get(l), sep(l));
    }
    if let Some(k) = path.strip_prefix("subsidy_spending_wan.") {
        let n = policy
            .spending
            .iter()
            .find(|u| u.id == k)
            .map(|u| u.name.get(l).to_owned())
            .unwrap_or_else(|| k.to_owned());
        return format!("{}{}{n}", crate::i18n::SPENDING.get(l), sep(l));
    }
    if path.is_empty() {
        return crate::i18n::WHOLE_FILE.get(l).to_owned();
    }
    path.to_owned()
}

/// Everything the view shows.
#[derive(Clone, Debug)]
pub struct State {
    /// The raw text of every input.
    pub form: Rc<Form>,
    /// The interface language.
    pub lang: Lang,
    /// The record the core read from the form (inputs with problems left out).
    pub progress: Rc<Progress>,
    /// Its tracking.
    pub tracking: Rc<Tracking<'static>>,
    /// Problems of inputs, in grid order.
    pub errors: Rc<Vec<FieldError>>,
    /// The report (`tic-progress-report/1`) as JSON, for the result event.
    pub report: Rc<str>,
    /// The self-assessment's answers (contract JSON), when the page has them.
    pub plan_source: Option<Rc<str>>,
    /// The plan the record was started from, shown as placeholders.
    pub plan: Option<Rc<Plan>>,
    /// The last refused import.
    pub import_errors: Option<(Source, ImportProblem)>,
    /// A message about the last action.
    pub notice: Option<Notice>,
    /// The share link last made.
    pub link: Option<String>,
    /// The record is saved in localStorage.
    pub storage: bool,
}

/// Every change the view can make.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Sets a grid cell (0-based year).
    Cell(usize, YearField, String),
    /// Sets the name.
    Name(String),
    /// Sets the district.
    District(String),
    /// Sets a target, by milestone id.
    Target(String, String),
    /// Sets a spending amount, by use id.
    Spending(String, String),
    /// Switches the language.
    Lang(Lang),
    /// Loads the text of a record (file, link, options).
    Import(Source, String),
    /// Refuses an import for a reason found outside the core.
    Refuse(Source, ImportProblem),
    /// Replaces the form (restoring the saved record).
    Restore(Form),
    /// The saved value was corrupt or foreign.
    SavedUnreadable,
    /// The self-assessment's answers changed (contract JSON, or none).
    PlanSource(Option<String>),
    /// Starts the record from the self-assessment's plan.
    StartFromPlan,
    /// A share link was made.
    Link(String),
    /// Clears everything.
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
    pub fn new(form: Form, lang: Lang, storage: bool) -> State {
        let policy = tic_core::policy::current();
        let progress = Progress::default();
        let tracking = track(policy, &progress);
        let mut s = State {
            form: Rc::new(form),
            lang,
            progress: Rc::new(progress),
            tracking: Rc::new(tracking),
            errors: Rc::default(),
            report: Rc::from(""),
            plan_source: None,
            plan: None,
            import_errors: None,
            notice: None,
            link: None,
            storage,
        };
        s.refresh();
        s
    }

    /// Re-reads the form through the core and re-tracks. An input the core refuses is left
    /// out and reported; everything else still counts.
    fn refresh(&mut self) {
        let policy = tic_core::policy::current();
        let mut skip: Vec<String> = Vec::new();
        let mut errors: Vec<FieldError> = Vec::new();
        let mut progress = Progress::default();
        for _ in 0..4 {
            let (value, unread) = self.form.to_value(policy, &skip);
            for e in unread {
                skip.push(e.path.clone());
                errors.push(FieldError {
                    path: e.path.clone(),
                    error: e,
                });
            }
            match progress_from_value(policy, &value) {
                Ok(p) => {
                    progress = p;
                    break;
                }
                Err(es) => {
                    let mut removed = false;
                    for e in es {
                        if !skip.contains(&e.path) {
                            skip.push(e.path.clone());
                            removed = true;
                        }
                        errors.push(FieldError {
                            path: e.path.clone(),
                            error: e,
                        });
                    }
                    if !removed {
                        break;
                    }
                }
            }
        }
        errors.sort_by_key(|e| order(&e.path));
        errors.dedup_by(|a, b| a.path == b.path);
        let tracking = track(policy, &progress);
        self.report = Rc::from(track_report(&tracking, &progress, Detail::Full).to_json());
        self.tracking = Rc::new(tracking);
        self.progress = Rc::new(progress);
        self.errors = Rc::new(errors);
    }

    /// The raw text of the inputs while some has a problem, for the draft store.
    pub fn draft(&self) -> Option<Value> {
        if self.errors.is_empty() {
            return None;
        }
        let mut m = Map::new();
        for e in self.errors.iter() {
            if let Some(text) = self.raw(&e.path) {
                m.insert(e.path.clone(), Value::from(text));
            }
        }
        Some(Value::Object(m))
    }

    /// The raw text at a contract path.
    pub fn raw(&self, path: &str) -> Option<String> {
        raw_at(&self.form, path)
    }

    /// The problem of an input, in the current language.
    pub fn error(&self, path: &str) -> Option<String> {
        self.errors
            .iter()
            .find(|e| e.path == path)
            .map(|e| e.error.message(self.lang))
    }
}

fn raw_at(form: &Form, path: &str) -> Option<String> {
    if let Some(rest) = path.strip_prefix("years[") {
        let (i, f) = rest.split_once("].")?;
        let i = i.parse::<usize>().ok()?;
        return form.cells.get(&(i, YearField::from_id(f)?)).cloned();
    }
    if let Some(k) = path.strip_prefix("targets.") {
        return form.targets.get(k).cloned();
    }
    if let Some(k) = path.strip_prefix("subsidy_spending_wan.") {
        return form.spending.get(k).cloned();
    }
    None
}

/// Sets the raw text at a contract path (restoring a draft).
pub fn set_raw(form: &mut Form, path: &str, text: String) {
    if let Some(rest) = path.strip_prefix("years[") {
        if let Some((i, f)) = rest.split_once("].") {
            if let (Ok(i), Some(f)) = (i.parse::<usize>(), YearField::from_id(f)) {
                form.cells.insert((i, f), text);
            }
        }
    } else if let Some(k) = path.strip_prefix("targets.") {
        form.targets.insert(k.to_owned(), text);
    } else if let Some(k) = path.strip_prefix("subsidy_spending_wan.") {
        form.spending.insert(k.to_owned(), text);
    }
}

/// Position of an input in the view, to list problems in reading order: the grid year by
/// year, then targets, then spending.
fn order(path: &str) -> (usize, usize, String) {
    if let Some(rest) = path.strip_prefix("years[") {
        if let Some((i, f)) = rest.split_once("].") {
            let y = i.parse::<usize>().unwrap_or(0);
            let fi = YearField::ALL
                .iter()
                .position(|x| x.id() == f)
                .unwrap_or(usize::MAX);
            return (1, y * 100 + fi, String::new());
        }
    }
    let group = if path.starts_with("targets.") {
        2
    } else if path.starts_with("subsidy_spending_wan.") {
        3
    } else {
        0
    };
    (group, 0, path.to_owned())
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        s.notice = None;
        let mut changed = true;
        match action {
            Action::Cell(y, f, v) => {
                Rc::make_mut(&mut s.form).cells.insert((y, f), v);
            }
            Action::Name(v) => Rc::make_mut(&mut s.form).name = v,
            Action::District(v) => Rc::make_mut(&mut s.form).district = v,
            Action::Target(k, v) => {
                Rc::make_mut(&mut s.form).targets.insert(k, v);
            }
            Action::Spending(k, v) => {
                Rc::make_mut(&mut s.form).spending.insert(k, v);
            }
            Action::Lang(l) => {
                s.lang = l;
                changed = false;
            }
            Action::Import(source, text) => {
                let policy = tic_core::policy::current();
                match parse_progress(policy, &text) {
                    Ok(p) => {
                        s.form = Rc::new(Form::from_progress(&p));
                        s.import_errors = None;
                        s.notice = match source {
                            Source::File => Some(Notice::Imported),
                            Source::Link => Some(Notice::FromLink),
                            Source::Options => None,
                        };
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
            Action::PlanSource(json) => {
                s.plan_source = json.map(Rc::from);
                changed = false;
            }
            Action::StartFromPlan => {
                let policy = tic_core::policy::current();
                let plan = s
                    .plan_source
                    .as_deref()
                    .and_then(|j| tic_core::parse_applicant(policy, j).ok());
                match plan {
                    Some(a) => {
                        let f = Rc::make_mut(&mut s.form);
                        if let Some(n) = &a.name {
                            f.name = n.clone();
                        }
                        if let Some(d) = &a.district {
                            f.district = d.clone();
                        }
                        s.plan = Some(Rc::new(Plan::from_applicant(policy, &a)));
                        s.notice = Some(Notice::FromPlan);
                    }
                    None => {
                        s.notice = Some(Notice::NoPlan);
                        changed = false;
                    }
                }
            }
            Action::Link(link) => {
                s.link = Some(link);
                s.notice = Some(Notice::LinkMade);
                changed = false;
            }
            Action::Clear => {
                s.form = Rc::default();
                s.plan = None;
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

/// The problems of a record for the `track` export: `path: message` per line.
pub fn error_text(errors: &[InputError]) -> String {
    errors
        .iter()
        .map(|e| e.line(Lang::En))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A bilingual text in the current language.
pub fn text(t: &Text, l: Lang) -> String {
    t.get(l).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use tic_core::vocab::{Evaluation, MilestoneStatus, Standing};

    fn state() -> Rc<State> {
        Rc::new(State::new(Form::default(), Lang::Zh, false))
    }

    fn policy() -> &'static Policy {
        tic_core::policy::current()
    }

    /// The default of the first investment milestone, and its due year.
    fn invest_milestone() -> (Wan, usize) {
        let p = policy();
        numeric_milestones(p)
            .find_map(|r| match r.rule {
                Rule::InvestmentSum { min, .. } => Some((min, p.due_year(r.due)?)),
                _ => None,
            })
            .expect("an investment milestone")
    }

    #[test]
    fn typing_a_figure_retracks() {
        let (min, due) = invest_milestone();
        let mut s = state();
        assert_eq!(s.tracking.years_reported, 0);
        // Each year below an even share of the target, so the sum falls short when due.
        let share = min.yuan() / 10_000 / (due as i64) - 1;
        for y in 0..due {
            s = s.reduce(Action::Cell(y, YearField::InvestmentWan, share.to_string()));
        }
        assert_eq!(s.tracking.years_reported, due);
        let m = &s.tracking.milestones[0];
        assert_eq!(m.status, MilestoneStatus::Missed);
        assert_eq!(s.tracking.standing, Standing::Warning);
        assert!(s.report.contains("\"standing\":\"warning\""));
    }

    #[test]
    fn a_bad_number_is_kept_and_reported_with_year_and_field_and_the_rest_counts() {
        let s = state()
            .reduce(Action::Cell(0, YearField::Staff, "12x".into()))
            .reduce(Action::Cell(1, YearField::Teams, "1.5".into()))
            .reduce(Action::Cell(1, YearField::Staff, "80".into()));
        assert_eq!(s.form.cell(0, YearField::Staff), "12x");
        let paths: Vec<&str> = s.errors.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(paths, ["years[0].staff", "years[1].teams"]);
        let first = s.errors[0].summary(Lang::Zh);
        assert!(first.starts_with("第1年 · 年末技术创新队伍人数"), "{first}");
        assert_eq!(s.errors[1].input_id(), "trk-y2-teams");
        assert_eq!(s.progress.years.len(), 2);
        assert_eq!(s.progress.years[1].count(YearField::Staff), Some(80));
        assert_eq!(s.progress.years[0].count(YearField::Staff), None);
        assert!(s.draft().is_some());
    }

    #[test]
    fn two_failed_evaluations_in_a_row_delist() {
        let mut s = state();
        for y in 0..policy().delist_fails {
            s = s.reduce(Action::Cell(
                y,
                YearField::Evaluation,
                Evaluation::Fail.id().into(),
            ));
        }
        assert_eq!(s.tracking.standing, Standing::Delisted);
    }

    #[test]
    fn a_refused_import_leaves_the_record() {
        let s = state().reduce(Action::Name("A".into()));
        let s = s.reduce(Action::Import(
            Source::File,
            r#"{"schema":"x","years":[{"staff":-1}]}"#.into(),
        ));
        assert_eq!(s.form.name, "A");
        match &s.import_errors {
            Some((Source::File, ImportProblem::Input(es))) => assert_eq!(es.len(), 2),
            other => panic!("expected refusal, got {other:?}"),
        }
        let lines: Vec<_> = s
            .import_errors
            .as_ref()
            .unwrap()
            .1
            .lines(Lang::Zh, where_)
            .collect();
        assert!(lines.iter().any(|l| l.starts_with("第1年")), "{lines:?}");
    }

    #[test]
    fn an_import_round_trips() {
        let s = state()
            .reduce(Action::Cell(0, YearField::InvestmentWan, "5800.5".into()))
            .reduce(Action::Cell(
                0,
                YearField::Evaluation,
                Evaluation::Pass.id().into(),
            ))
            .reduce(Action::Spending("equipment".into(), "250".into()));
        let json = s.progress.to_json();
        let t = state().reduce(Action::Import(Source::File, json));
        assert_eq!(t.progress, s.progress);
        assert_eq!(t.form.cell(0, YearField::InvestmentWan), "5800.5");
    }

    #[test]
    fn start_from_plan_sets_placeholders_not_values() {
        let plan = r#"{"schema":"tic-applicant/1","name":"某中心","district":"北仑区",
            "investment_wan":[6000,5000],"team":{"staff_year2":120}}"#;
        let s = state()
            .reduce(Action::PlanSource(Some(plan.into())))
            .reduce(Action::StartFromPlan);
        assert_eq!(s.form.name, "某中心");
        assert_eq!(s.form.district, "北仑区");
        assert_eq!(
            s.progress.years.len(),
            0,
            "no year is reported from the plan"
        );
        assert!(s.form.cells.is_empty());
        let plan = s.plan.as_ref().expect("plan");
        assert_eq!(
            plan.placeholder(0, YearField::InvestmentWan).as_deref(),
            Some("6000")
        );
        let y2 = policy().first_horizon;
        assert_eq!(
            plan.placeholder(y2 - 1, YearField::Staff).as_deref(),
            Some("120")
        );
    }

    #[test]
    fn start_without_a_plan_says_so() {
        let s = state().reduce(Action::StartFromPlan);
        assert_eq!(s.notice, Some(Notice::NoPlan));
        assert!(s.plan.is_none());
    }

    #[test]
    fn a_target_replaces_the_default() {
        let s = state().reduce(Action::Target("team.staff_year5".into(), "260".into()));
        let m = s
            .tracking
            .milestones
            .iter()
            .find(|m| m.requirement.id == "team.staff_year5")
            .unwrap();
        assert_eq!(m.source, tic_core::vocab::TargetSource::Agreement);
    }
}
