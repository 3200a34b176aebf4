//! Construction-period portfolios (`tic-progress/1`) in tables: the layout of one row per
//! centre and year, read into progress records that the core checks; the reports' flat columns
//! written as CSV and XLSX; the tracking sheet template. docs/progress.md documents the layout.

use crate::columns::{column_letter, fold, identifier, is_ignored_header, Kind, Vocab};
use crate::read::{cell_value, csv_table, decode_text, show, xlsx_table, CellRef, Open, RawTable};
use crate::write::{csv_error, OutBook, OutCell, OutSheet, BOM};
use crate::Book;
use crate::{neutralise, FileError, InputFormat, RowError, RowProblem};
use serde_json::{Map, Value};
use std::collections::HashMap;
use tic_core::fields::Choice;
use tic_core::policy::Policy;
use tic_core::track::{
    evaluation_name, progress_from_value, year_field, Progress, YearKind, PROGRESS_SCHEMA,
};
use tic_core::vocab::{Evaluation, LegalStatus, YearField};
use tic_core::{Lang, Text};

/// What a column of the progress layout holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProgressField {
    /// The centre's name (`name`, 名称).
    Name,
    /// Its district (`district`, 所在区县).
    District,
    /// The construction year the row reports (`year`, 建设年度), 1 to the construction period.
    Year,
    /// A figure of that year.
    Figure(YearField),
    /// The centre's own target of a milestone (`target.<id>`), read from any row of the centre.
    Target(String),
    /// Subsidy spent on a use (`spending.<id>`), read from any row of the centre.
    Spending(String),
}

/// One column of the progress layout.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgressColumn {
    /// What it holds.
    pub field: ProgressField,
    /// The English header (`staff`, `target.team.staff_year5`).
    pub key: String,
    /// The Chinese header.
    pub zh: String,
}

impl ProgressColumn {
    /// The template's header: `中文（key）`.
    pub fn template_header(&self) -> String {
        format!("{}（{}）", self.zh, self.key)
    }
}

/// The progress layout under a policy, in template order: name, district, year, the yearly
/// figures (in [`YearField::ALL`] order), one target column per numeric milestone, one spending
/// column per use of the subsidy.
pub fn progress_columns(policy: &Policy) -> Vec<ProgressColumn> {
    let c = |field, key: &str, zh: &str| ProgressColumn {
        field,
        key: key.to_owned(),
        zh: zh.to_owned(),
    };
    let mut out = vec![
        c(ProgressField::Name, "name", "名称"),
        c(ProgressField::District, "district", "所在区县"),
        c(ProgressField::Year, "year", "建设年度"),
    ];
    for f in YearField::ALL {
        out.push(c(
            ProgressField::Figure(*f),
            f.id(),
            year_field(*f).label.zh,
        ));
    }
    for r in tic_core::track::numeric_milestones(policy) {
        out.push(c(
            ProgressField::Target(r.id.clone()),
            &format!("target.{}", r.id),
            &format!("约定目标：{}", r.title.zh),
        ));
    }
    for u in &policy.spending {
        out.push(c(
            ProgressField::Spending(u.id.clone()),
            &format!("spending.{}", u.id),
            &format!("补助支出：{}", u.name.zh),
        ));
    }
    out
}

/// The column of `columns` a header names: its key, its Chinese header, or `中文（key）` (or
/// anything ending in `(key)`). Compared as [`fold`] does.
fn column_for(columns: &[ProgressColumn], header: &str) -> Option<usize> {
    let f = fold(header);
    let by = |s: &str| {
        columns
            .iter()
            .position(|c| fold(&c.key) == s || fold(&c.zh) == s)
    };
    if let Some(i) = by(&f) {
        return Some(i);
    }
    if let Some(i) = columns.iter().position(|c| fold(&c.template_header()) == f) {
        return Some(i);
    }
    let inner = f.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let key = &inner[open + 1..];
    columns.iter().position(|c| fold(&c.key) == key)
}

/// One centre of a portfolio, read and checked.
#[derive(Clone, Debug, PartialEq)]
pub struct PortfolioItem {
    /// For a table, the spreadsheet row of the centre's first row (the header is row 1); for a
    /// JSON array, the 1-based position.
    pub row: usize,
    /// The centre's name, as given.
    pub name: Option<String>,
    /// Its district, as given.
    pub district: Option<String>,
    /// The record, or every problem of the centre (with cells for a table).
    pub outcome: Result<Progress, RowError>,
}

/// The records of a JSON array, each checked by the core.
pub fn portfolio_from_json(policy: &Policy, items: &[Value]) -> Vec<PortfolioItem> {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| json_item(policy, i + 1, item))
        .collect()
}

/// The records of a JSON array given as the text of its elements (whose syntax was checked
/// with the whole array): each is parsed, checked and dropped in turn, so that the whole
/// array's values are never held at once.
pub fn portfolio_from_json_text(
    policy: &Policy,
    items: &[&serde_json::value::RawValue],
) -> Vec<PortfolioItem> {
    items
        .iter()
        .enumerate()
        .map(|(i, raw)| {
            // Only a value nested deeper than the parser allows fails here: the core then
            // reports the element as not an object.
            let item: Value = serde_json::from_str(raw.get()).unwrap_or(Value::Null);
            json_item(policy, i + 1, &item)
        })
        .collect()
}

fn json_item(policy: &Policy, position: usize, item: &Value) -> PortfolioItem {
    let get = |k: &str| item.get(k).and_then(Value::as_str).map(str::to_owned);
    let outcome = progress_from_value(policy, item).map_err(|errors| RowError {
        row: position,
        problems: errors
            .into_iter()
            .map(|e| RowProblem {
                message: Text::new(e.message(Lang::Zh), e.message(Lang::En)),
                field: e.path,
                column: None,
                cell: None,
            })
            .collect(),
    });
    PortfolioItem {
        row: position,
        name: get("name"),
        district: get("district"),
        outcome,
    }
}

/// Reads a progress portfolio in the tabular layout (CSV or XLSX bytes; `format` as
/// [`crate::detect`] finds it). An error here is a file that cannot be read at all (encoding,
/// an unknown or duplicate header, no `name` or `year` column); every other problem costs
/// only the centre it belongs to.
pub fn read_portfolio_table(
    policy: &Policy,
    bytes: &[u8],
    format: InputFormat,
) -> Result<Vec<PortfolioItem>, FileError> {
    let table = match format {
        #[cfg(feature = "xlsx")]
        InputFormat::Xlsx => xlsx_table(Open::bytes(bytes)?)?,
        #[cfg(not(feature = "xlsx"))]
        InputFormat::Xlsx => return Err(crate::read::spreadsheets_elsewhere()),
        InputFormat::Csv => csv_table(bytes)?,
        InputFormat::Json => {
            // Callers read JSON themselves; text is tried as CSV all the same.
            decode_text(bytes)?;
            csv_table(bytes)?
        }
    };
    read_table(policy, &table)
}

/// [`read_portfolio_table`] for a spreadsheet read already ([`Book::read`]; the batch view's
/// sheets bundle): its first sheet, read the same way.
pub fn read_portfolio_book(policy: &Policy, book: &Book) -> Result<Vec<PortfolioItem>, FileError> {
    read_table(policy, &xlsx_table(Open::Read(book))?)
}

/// Where each layout column is in the file: (file column, header as written).
struct Found {
    columns: Vec<ProgressColumn>,
    at: Vec<Option<(usize, String)>>,
}

impl Found {
    fn pos(&self, f: &ProgressField) -> Option<(usize, &str)> {
        let i = self.columns.iter().position(|c| &c.field == f)?;
        self.at[i].as_ref().map(|(p, h)| (*p, h.as_str()))
    }
}

fn header_of(policy: &Policy, t: &RawTable) -> Result<Found, FileError> {
    let columns = progress_columns(policy);
    let mut at: Vec<Option<(usize, String)>> = vec![None; columns.len()];
    let mut unknown = Vec::new();
    let mut duplicate = Vec::new();
    for (j, h) in t.header.iter().enumerate() {
        let text = h.as_text();
        if text.is_empty() || is_ignored_header(&text) {
            continue;
        }
        match column_for(&columns, &text) {
            Some(i) if at[i].is_some() => duplicate.push(text),
            Some(i) => at[i] = Some((t.col0 + j, text)),
            None => unknown.push(text),
        }
    }
    let mut zh = Vec::new();
    let mut en = Vec::new();
    if !unknown.is_empty() {
        zh.push(format!("不认识的列标题：{}", unknown.join("、")));
        en.push(format!("unknown column headers: {}", unknown.join(", ")));
    }
    if !duplicate.is_empty() {
        zh.push(format!("重复的列：{}", duplicate.join("、")));
        en.push(format!("columns given twice: {}", duplicate.join(", ")));
    }
    let missing: Vec<&ProgressColumn> = columns
        .iter()
        .zip(&at)
        .filter(|(c, a)| {
            matches!(c.field, ProgressField::Name | ProgressField::Year) && a.is_none()
        })
        .map(|(c, _)| c)
        .collect();
    if !missing.is_empty() {
        zh.push(format!(
            "缺少必需的列：{}",
            missing
                .iter()
                .map(|c| c.template_header())
                .collect::<Vec<_>>()
                .join("、")
        ));
        en.push(format!(
            "required columns missing: {}",
            missing
                .iter()
                .map(|c| c.key.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    if !zh.is_empty() {
        zh.push("（列标题见 tic template --kind progress 或 docs/progress.md）".into());
        en.push("(see tic template --kind progress or docs/progress.md for the headers)".into());
        return Err(FileError::new(zh.join("；"), en.join("; ")));
    }
    Ok(Found { columns, at })
}

/// A cell of a row at a file column.
fn cell_at<'c>(t: &RawTable, cells: &'c [crate::read::Cell], pos: usize) -> CellRef<'c> {
    cells
        .get(pos.wrapping_sub(t.col0))
        .map_or(CellRef::Empty, |c| c.view())
}

fn text_of(c: CellRef<'_>) -> Option<String> {
    (!c.is_blank()).then(|| c.text().into_owned())
}

/// A centre being gathered from its rows.
struct Centre<'t> {
    first_row: usize,
    name: String,
    district: Option<String>,
    /// (row, cells), in file order.
    rows: Vec<(usize, &'t [crate::read::Cell])>,
}

fn read_table(policy: &Policy, t: &RawTable) -> Result<Vec<PortfolioItem>, FileError> {
    let found = header_of(policy, t)?;
    let name_pos = found.pos(&ProgressField::Name).map(|(p, _)| p);
    let district_pos = found.pos(&ProgressField::District).map(|(p, _)| p);
    let mut items: Vec<Result<Centre<'_>, PortfolioItem>> = Vec::new();
    let mut index: HashMap<(String, Option<String>), usize> = HashMap::new();
    for (row, cells) in &t.rows {
        let get = |p: Option<usize>| p.and_then(|p| text_of(cell_at(t, cells, p)));
        let district = get(district_pos);
        let Some(name) = get(name_pos) else {
            let (col, header) = found.pos(&ProgressField::Name).unwrap_or((0, "name"));
            items.push(Err(PortfolioItem {
                row: *row,
                name: None,
                district,
                outcome: Err(RowError {
                    row: *row,
                    problems: vec![RowProblem {
                        field: "name".into(),
                        column: Some(header.to_owned()),
                        cell: Some(format!("{}{row}", column_letter(col))),
                        message: Text::new(
                            "名称为空：无法判断这一行属于哪个中心",
                            "the name is empty: the row cannot be given to a centre",
                        ),
                    }],
                }),
            }));
            continue;
        };
        let key = (name.clone(), district.clone());
        match index.get(&key) {
            Some(&i) => {
                if let Some(Ok(c)) = items.get_mut(i) {
                    c.rows.push((*row, cells));
                }
            }
            None => {
                index.insert(key, items.len());
                items.push(Ok(Centre {
                    first_row: *row,
                    name,
                    district,
                    rows: vec![(*row, cells)],
                }));
            }
        }
    }
    Ok(items
        .into_iter()
        .map(|c| match c {
            Ok(c) => centre_item(policy, t, &found, c),
            Err(item) => item,
        })
        .collect())
}

/// Where a value of the record came from: (file column, header, row).
type Origin = (usize, String, usize);

fn problem_at(origin: Option<&Origin>, field: &str, message: Text) -> RowProblem {
    RowProblem {
        field: field.to_owned(),
        column: origin.map(|o| o.1.clone()),
        cell: origin.map(|(c, _, r)| format!("{}{r}", column_letter(*c))),
        message,
    }
}

/// The construction year a `year` cell names: `2`, `2.0`, `第2年`.
fn year_number(c: CellRef<'_>) -> Option<usize> {
    let f = match c {
        CellRef::Number(f) => f,
        _ => {
            let t = c.text();
            let t = t.trim().trim_start_matches('第').trim_end_matches('年');
            crate::read::parse_number(t)?
        }
    };
    (f.fract() == 0.0 && (0.0..1.0e6).contains(&f)).then_some(f as usize)
}

/// The identifier a word names among `ids`, their Chinese and English names.
fn named_id<T: Copy>(
    word: &str,
    all: &[T],
    id: impl Fn(T) -> &'static str,
    name: impl Fn(T) -> tic_core::Words,
) -> Option<&'static str> {
    let f = fold(word);
    all.iter().find_map(|&x| {
        let n = name(x);
        (fold(id(x)) == f || fold(n.zh) == f || fold(n.en) == f).then(|| id(x))
    })
}

/// The value of a non-blank figure cell.
fn figure_value(policy: &Policy, f: YearField, c: CellRef<'_>) -> Result<Value, Text> {
    match year_field(f).kind {
        YearKind::Money => cell_value(policy, Kind::Money, c),
        YearKind::Count => cell_value(policy, Kind::Count, c),
        YearKind::LegalStatus => {
            let word = c.text();
            let id = identifier(policy, Vocab::LegalStatus, &word);
            Ok(Value::from(id.unwrap_or_else(|| word.into_owned())))
        }
        YearKind::Evaluation => {
            let word = c.text();
            let id = named_id(&word, Evaluation::ALL, |x| x.id(), evaluation_name);
            Ok(Value::from(
                id.map_or_else(|| word.into_owned(), str::to_owned),
            ))
        }
    }
}

fn centre_item(policy: &Policy, t: &RawTable, found: &Found, c: Centre<'_>) -> PortfolioItem {
    let mut problems: Vec<RowProblem> = Vec::new();
    let origin = |f: &ProgressField, row: usize| -> Option<Origin> {
        found.pos(f).map(|(p, h)| (p, h.to_owned(), row))
    };
    let year_pos = found.pos(&ProgressField::Year).map(|(p, _)| p).unwrap_or(0);
    let period = policy.construction_years;

    // The year of each row; repeats and values out of range are errors naming the row.
    let mut by_year: Vec<Option<(usize, &[crate::read::Cell])>> = vec![None; period];
    for &(row, cells) in &c.rows {
        let cell = cell_at(t, cells, year_pos);
        let at = origin(&ProgressField::Year, row);
        let year = if cell.is_blank() {
            problems.push(problem_at(
                at.as_ref(),
                "year",
                Text::new(
                    format!("第{row}行没有填建设年度（1–{period}）"),
                    format!("row {row} gives no construction year (1–{period})"),
                ),
            ));
            continue;
        } else {
            year_number(cell)
        };
        match year {
            Some(y) if (1..=period).contains(&y) => match by_year[y - 1] {
                Some((first, _)) => problems.push(problem_at(
                    at.as_ref(),
                    "year",
                    Text::new(
                        format!("第{row}行重复填报第{y}年（第{first}行已填报）"),
                        format!("row {row} repeats year {y} (already given in row {first})"),
                    ),
                )),
                None => by_year[y - 1] = Some((row, cells)),
            },
            _ => problems.push(problem_at(
                at.as_ref(),
                "year",
                Text::new(
                    format!("第{row}行的建设年度应为 1–{period} 的整数，实为 \"{}\"", show(cell)),
                    format!(
                        "row {row}: the construction year must be a whole number 1–{period}, found \"{}\"",
                        show(cell)
                    ),
                ),
            )),
        }
    }
    // Years must run 1..Y: a gap is named at the row of the first year after it.
    let last = by_year.iter().rposition(Option::is_some);
    let reported = last.map_or(0, |l| l + 1);
    for y in 0..reported {
        if by_year[y].is_none() {
            if let Some((row, _)) = by_year[y..].iter().flatten().next() {
                let after = by_year[y..].iter().position(Option::is_some).unwrap_or(0) + y + 1;
                problems.push(problem_at(
                    origin(&ProgressField::Year, *row).as_ref(),
                    "year",
                    Text::new(
                        format!("缺少第{}年：第{row}行填报第{after}年，建设年度须从1起连续填报", y + 1),
                        format!(
                            "year {} is missing: row {row} gives year {after}, and the years must run from 1 without gaps",
                            y + 1
                        ),
                    ),
                ));
            }
        }
    }

    // The record, with where each value came from.
    let mut origins: HashMap<String, Origin> = HashMap::new();
    let mut root = Map::new();
    root.insert("schema".into(), Value::from(PROGRESS_SCHEMA));
    root.insert("name".into(), Value::from(c.name.clone()));
    if let Some(o) = origin(&ProgressField::Name, c.first_row) {
        origins.insert("name".into(), o);
    }
    if let Some(d) = &c.district {
        root.insert("district".into(), Value::from(d.clone()));
        if let Some(o) = origin(&ProgressField::District, c.first_row) {
            origins.insert("district".into(), o);
        }
    }
    let figure_pos: Vec<(YearField, usize)> = YearField::ALL
        .iter()
        .filter_map(|f| found.pos(&ProgressField::Figure(*f)).map(|(p, _)| (*f, p)))
        .collect();
    let mut years = Vec::with_capacity(reported);
    for (i, entry) in by_year.iter().take(reported).enumerate() {
        let mut m = Map::new();
        if let Some((row, cells)) = entry {
            // The cells of a year are located only when the core finds a problem (below).
            for (f, pos) in &figure_pos {
                let cell = cell_at(t, cells, *pos);
                if cell.is_blank() {
                    continue;
                }
                match figure_value(policy, *f, cell) {
                    Ok(v) => {
                        m.insert(f.id().to_owned(), v);
                    }
                    Err(msg) => problems.push(problem_at(
                        origin(&ProgressField::Figure(*f), *row).as_ref(),
                        &format!("years[{i}].{}", f.id()),
                        msg,
                    )),
                }
            }
        }
        years.push(Value::Object(m));
    }
    root.insert("years".into(), Value::Array(years));

    // Targets and spending: from any row of the centre; two different values are an error.
    let mut targets = Map::new();
    let mut spending = Map::new();
    let mut any_spending = false;
    for col in &found.columns {
        let (path, into) = match &col.field {
            ProgressField::Target(id) => (format!("targets.{id}"), &mut targets),
            ProgressField::Spending(id) => (format!("subsidy_spending_wan.{id}"), &mut spending),
            _ => continue,
        };
        let Some((pos, _)) = found.pos(&col.field) else {
            continue;
        };
        let mut seen: Option<(Value, Origin, String)> = None;
        for &(row, cells) in &c.rows {
            let cell = cell_at(t, cells, pos);
            if cell.is_blank() {
                continue;
            }
            let o = origin(&col.field, row);
            let kind = match &col.field {
                ProgressField::Target(id) if is_count_target(policy, id) => Kind::Count,
                _ => Kind::Money,
            };
            match cell_value(policy, kind, cell) {
                Err(msg) => problems.push(problem_at(o.as_ref(), &path, msg)),
                Ok(v) => match (&seen, o) {
                    (None, Some(o)) => seen = Some((v, o, cell.text().into_owned())),
                    (Some((first, fo, ft)), Some(o)) if !same_number(first, &v) => {
                        let a = format!("{}{}", column_letter(fo.0), fo.2);
                        let b = format!("{}{}", column_letter(o.0), o.2);
                        let bt = cell.text();
                        problems.push(problem_at(
                            Some(&o),
                            &path,
                            Text::new(
                                format!("同一中心的两行填了不同的值：{a} 为 {ft}，{b} 为 {bt}"),
                                format!("two rows of the centre differ: {a} is {ft}, {b} is {bt}"),
                            ),
                        ));
                    }
                    _ => {}
                },
            }
        }
        if let Some((v, o, _)) = seen {
            if matches!(col.field, ProgressField::Spending(_)) {
                any_spending = true;
            }
            let key = path.split_once('.').map_or("", |(_, k)| k).to_owned();
            into.insert(key, v);
            origins.insert(path, o);
        }
    }
    if !targets.is_empty() {
        root.insert("targets".into(), Value::Object(targets));
    }
    if any_spending {
        root.insert("subsidy_spending_wan".into(), Value::Object(spending));
    }

    let value = Value::Object(root);
    let core = progress_from_value(policy, &value);
    let outcome = match core {
        Ok(p) if problems.is_empty() => Ok(p),
        core => {
            if let Err(errors) = core {
                for e in errors {
                    let o = origins.get(&e.path).cloned().or_else(|| {
                        // `years[1].staff`: that year's row, that figure's column; `years[1]`
                        // (the whole entry): the row's year cell.
                        let rest = e.path.strip_prefix("years[")?;
                        let (i, rest) = rest.split_once(']')?;
                        let (row, _) = by_year.get(i.parse::<usize>().ok()?)?.as_ref()?;
                        let field = match rest.strip_prefix('.') {
                            Some(id) => ProgressField::Figure(YearField::from_id(id)?),
                            None => ProgressField::Year,
                        };
                        origin(&field, *row)
                    });
                    problems.push(problem_at(
                        o.as_ref(),
                        &e.path,
                        Text::new(e.message(Lang::Zh), e.message(Lang::En)),
                    ));
                }
            }
            Err(RowError {
                row: c.first_row,
                problems,
            })
        }
    };
    PortfolioItem {
        row: c.first_row,
        name: Some(c.name),
        district: c.district,
        outcome,
    }
}

fn is_count_target(policy: &Policy, id: &str) -> bool {
    tic_core::track::numeric_milestones(policy)
        .find(|r| r.id == id)
        .is_some_and(|r| matches!(r.rule, tic_core::policy::Rule::AtLeast { .. }))
}

fn same_number(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

// ---------------------------------------------------------------------------------------------
// Writing the reports.

/// The reports' column headers under `policy`, in `lang`: row, name, district, years reported,
/// standing, delisted year, one status column per milestone (its title in Chinese, its id in
/// English), entitlement and outlook per subsidy year (`policy.funding.years` of them), the
/// entitled and received totals, the recovery (applies, unspent, non-compliant, amount), the
/// warnings and the error.
pub fn progress_header(policy: &Policy, lang: Lang) -> Vec<String> {
    let zh = lang == Lang::Zh;
    let pick = |z: &str, e: &str| if zh { z.to_owned() } else { e.to_owned() };
    let mut h = vec![
        pick("行号", "row"),
        pick("名称", "name"),
        pick("所在区县", "district"),
        pick("已填报年数", "years_reported"),
        pick("状态", "standing"),
        pick("摘牌年度", "delisted_year"),
    ];
    for r in milestones(policy) {
        h.push(if zh { r.title.zh.clone() } else { r.id.clone() });
    }
    for n in 1..=policy.funding.years {
        h.push(if zh {
            format!("第{n}年应得补助（万元）")
        } else {
            format!("year{n}_entitled_wan")
        });
        h.push(if zh {
            format!("第{n}年补助前景")
        } else {
            format!("year{n}_outlook")
        });
    }
    for (z, e) in [
        ("应得补助合计（万元）", "entitled_total_wan"),
        ("已收到补助合计（万元）", "received_total_wan"),
        ("是否收回", "recovery_applies"),
        ("结余（万元）", "recovery_unspent_wan"),
        ("不合规使用（万元）", "recovery_noncompliant_wan"),
        ("收回金额（万元）", "recovery_amount_wan"),
        ("提示", "warnings"),
        ("错误", "error"),
    ] {
        h.push(pick(z, e));
    }
    h
}

fn milestones(policy: &Policy) -> impl Iterator<Item = &tic_core::policy::Requirement> {
    policy
        .milestones
        .iter()
        .filter_map(|&i| policy.requirements.get(i))
}

/// The cells of one centre's report, matching [`progress_header`].
pub fn progress_cells(policy: &Policy, item: &PortfolioItem, lang: Lang) -> Vec<OutCell> {
    let text = |s: &Option<String>| match s {
        Some(s) => OutCell::Text(s.clone()),
        None => OutCell::Empty,
    };
    let money = |w: tic_core::Wan| OutCell::Number(w.as_wan());
    let mut c = vec![
        OutCell::Number(item.row as f64),
        text(&item.name),
        text(&item.district),
    ];
    let n_milestones = milestones(policy).count();
    let years = policy.funding.years;
    match &item.outcome {
        Ok(p) => {
            let t = tic_core::track(policy, p);
            c.push(OutCell::Number(t.years_reported as f64));
            c.push(OutCell::Text(t.standing.id().to_owned()));
            c.push(
                t.delisted_year
                    .map_or(OutCell::Empty, |y| OutCell::Number(y as f64)),
            );
            for r in milestones(policy) {
                c.push(
                    t.milestones
                        .iter()
                        .find(|m| m.requirement.id == r.id)
                        .map_or(OutCell::Empty, |m| OutCell::Text(m.status.id().to_owned())),
                );
            }
            for n in 1..=years {
                match t.funding.years.iter().find(|y| y.year == n) {
                    Some(y) => {
                        c.push(y.entitled.map_or(OutCell::Empty, |e| money(e.amount)));
                        c.push(OutCell::Text(y.outlook.id().to_owned()));
                    }
                    None => c.extend([OutCell::Empty, OutCell::Empty]),
                }
            }
            c.push(money(t.funding.entitled_total));
            c.push(money(t.funding.received_total));
            let r = &t.recovery;
            c.push(OutCell::Text(r.applies.to_string()));
            c.push(r.unspent.map_or(OutCell::Empty, money));
            c.push(r.noncompliant.map_or(OutCell::Empty, money));
            c.push(r.amount().map_or(OutCell::Empty, money));
            let warnings = tic_core::track::warnings(&t);
            let w: Vec<&str> = warnings.iter().map(|w| w.get(lang)).collect();
            c.push(if w.is_empty() {
                OutCell::Empty
            } else {
                OutCell::Text(w.join(" "))
            });
            c.push(OutCell::Empty);
        }
        Err(e) => {
            c.extend(std::iter::repeat_n(
                OutCell::Empty,
                3 + n_milestones + 2 * years + 7,
            ));
            c.push(OutCell::Text(e.summary(lang)));
        }
    }
    c
}

/// The reports as CSV (UTF-8 with a BOM), header in `lang`; every text cell neutralised.
pub fn progress_csv(
    policy: &Policy,
    items: &[PortfolioItem],
    lang: Lang,
) -> Result<Vec<u8>, FileError> {
    let rows = std::iter::once(
        progress_header(policy, lang)
            .into_iter()
            .map(OutCell::Text)
            .collect::<Vec<_>>(),
    )
    .chain(items.iter().map(|i| progress_cells(policy, i, lang)));
    csv_of(rows)
}

fn csv_of(rows: impl Iterator<Item = Vec<OutCell>>) -> Result<Vec<u8>, FileError> {
    let mut w = csv::Writer::from_writer(BOM.as_bytes().to_vec());
    for row in rows {
        for cell in row {
            match cell {
                OutCell::Empty => w.write_field(b""),
                OutCell::Text(s) => w.write_field(neutralise(&s).as_bytes()),
                OutCell::Number(f) => w.write_field(format!("{f}").as_bytes()),
            }
            .map_err(csv_error)?;
        }
        w.write_record(None::<&[u8]>).map_err(csv_error)?;
    }
    w.into_inner().map_err(|e| csv_error(e.into_error().into()))
}

/// The reports' sheet without its rows.
fn progress_sheet(policy: &Policy, lang: Lang) -> OutSheet {
    let name = if lang == Lang::Zh {
        "建设期跟踪"
    } else {
        "tracking"
    };
    OutSheet::table(name, progress_header(policy, lang))
}

/// The reports as a workbook (one sheet), the same columns as [`progress_csv`]; numbers stay
/// numbers.
pub fn progress_book(policy: &Policy, items: &[PortfolioItem], lang: Lang) -> OutBook {
    let cells = items.iter().map(|item| progress_cells(policy, item, lang));
    progress_sheet(policy, lang).book(cells)
}

/// [`progress_book`] as XLSX (written row by row); every text cell is neutralised.
#[cfg(feature = "xlsx")]
pub fn progress_xlsx(
    policy: &Policy,
    items: &[PortfolioItem],
    lang: Lang,
) -> Result<Vec<u8>, FileError> {
    let cells = items.iter().map(|item| progress_cells(policy, item, lang));
    progress_sheet(policy, lang).xlsx(cells)
}

// ---------------------------------------------------------------------------------------------
// The template.

/// The example centre of the template: two years, its own staff target, its spending.
fn example_cell(col: &ProgressColumn, year: usize) -> OutCell {
    let t = |s: &str| OutCell::Text(s.to_owned());
    let n = OutCell::Number;
    match (&col.field, year) {
        (ProgressField::Name, _) => t("宁波市某新材料技术创新中心"),
        (ProgressField::District, _) => t("北仑区"),
        (ProgressField::Year, y) => n(y as f64),
        (ProgressField::Figure(f), 1) => match f {
            YearField::InvestmentWan => n(5800.0),
            YearField::CapacityInvestmentWan => n(2000.0),
            YearField::Staff => n(72.0),
            YearField::Teams => n(1.0),
            YearField::Bases => n(1.0),
            YearField::LegalStatus => t(Choice::words(LegalStatus::SeparateAccounting).zh),
            YearField::TransferBases => n(0.0),
            YearField::PartnerFirms => n(8.0),
            YearField::Spinoffs => n(1.0),
            YearField::FirmsServed => n(20.0),
            YearField::Evaluation => t(evaluation_name(Evaluation::Pass).zh),
            YearField::SubsidyReceivedWan => n(500.0),
        },
        (ProgressField::Figure(f), _) => match f {
            YearField::InvestmentWan => n(3600.0),
            YearField::CapacityInvestmentWan => n(1400.0),
            YearField::Staff => n(95.0),
            YearField::Teams => n(2.0),
            YearField::Evaluation => t(evaluation_name(Evaluation::Fail).zh),
            YearField::SubsidyReceivedWan => n(300.0),
            _ => OutCell::Empty,
        },
        (ProgressField::Target(id), 1) if id == "team.staff_year5" => n(260.0),
        (ProgressField::Spending(id), 1) => match id.as_str() {
            "research_projects" => n(400.0),
            "equipment" => n(250.0),
            "basic_construction" => n(40.0),
            _ => OutCell::Empty,
        },
        _ => OutCell::Empty,
    }
}

fn template_table(policy: &Policy) -> Vec<Vec<OutCell>> {
    let cols = progress_columns(policy);
    let mut rows = vec![cols
        .iter()
        .map(|c| OutCell::Text(c.template_header()))
        .collect::<Vec<_>>()];
    for y in 1..=2 {
        rows.push(cols.iter().map(|c| example_cell(c, y)).collect());
    }
    rows
}

/// The tracking sheet template as CSV (UTF-8 with a BOM): the header (`中文（key）`) and an
/// example centre's first two years.
pub fn progress_template_csv(policy: &Policy) -> Result<Vec<u8>, FileError> {
    csv_of(template_table(policy).into_iter())
}

/// The tracking sheet template as a workbook: sheet 1 the header and example rows (what
/// `tic track` reads), sheet 2 (`说明`) every column with what it takes.
pub fn progress_template_book(policy: &Policy) -> OutBook {
    let mut sheet = OutSheet::new("progress", true);
    sheet.rows = template_table(policy);
    sheet.widths.push((0, 30.0));
    let mut notes = OutSheet::new("说明", false);
    notes.text_row(["列 column", "中文表头", "填写 what it takes"]);
    for c in progress_columns(policy) {
        let what = match &c.field {
            ProgressField::Name => "文字；同名（且同区县）的行属于同一中心 text; rows with the same name (and district) are one centre".to_owned(),
            ProgressField::District => "文字 text".to_owned(),
            ProgressField::Year => format!(
                "1–{} 的整数，每个中心从1起连续 whole number 1–{}, from 1 without gaps",
                policy.construction_years, policy.construction_years
            ),
            ProgressField::Figure(f) => match year_field(*f).kind {
                YearKind::Money => "万元，可有小数 万元, decimals allowed".to_owned(),
                YearKind::Count => "非负整数 whole number ≥ 0".to_owned(),
                YearKind::LegalStatus => LegalStatus::ALL
                    .iter()
                    .map(|s| format!("{} = {}", Choice::words(*s).zh, s.id()))
                    .collect::<Vec<_>>()
                    .join("; "),
                YearKind::Evaluation => Evaluation::ALL
                    .iter()
                    .map(|e| format!("{} = {}", evaluation_name(*e).zh, e.id()))
                    .collect::<Vec<_>>()
                    .join("; "),
            },
            ProgressField::Target(_) => "建设责任书约定的目标（可在该中心任一行填写）the agreement's target (any row of the centre)".to_owned(),
            ProgressField::Spending(_) => "已收到补助的支出，万元（可在该中心任一行填写）subsidy spent, 万元 (any row of the centre)".to_owned(),
        };
        notes.text_row([c.key, c.zh, what]);
    }
    notes.widths = vec![(0, 32.0), (1, 28.0)];
    OutBook {
        sheets: vec![sheet, notes],
    }
}

/// [`progress_template_book`] as XLSX.
#[cfg(feature = "xlsx")]
pub fn progress_template_xlsx(policy: &Policy) -> Result<Vec<u8>, FileError> {
    progress_template_book(policy).to_xlsx()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_in_both_languages() {
        let policy = tic_core::policy::current();
        let cols = progress_columns(policy);
        let staff = cols
            .iter()
            .position(|c| c.field == ProgressField::Figure(YearField::Staff))
            .unwrap();
        for h in [
            "staff",
            " Staff ",
            "年末技术创新队伍人数",
            "年末技术创新队伍人数（staff）",
            "whatever (staff)",
        ] {
            assert_eq!(column_for(&cols, h), Some(staff), "{h}");
        }
        let t = column_for(&cols, "约定目标：5年内技术创新队伍人数").unwrap();
        assert_eq!(cols[t].key, "target.team.staff_year5");
        let mut seen = std::collections::HashSet::new();
        for c in &cols {
            assert!(seen.insert(fold(&c.key)), "{}", c.key);
            assert!(seen.insert(fold(&c.zh)), "{}", c.zh);
        }
    }

    #[test]
    fn the_template_reads_back() {
        let policy = tic_core::policy::current();
        let csv = progress_template_csv(policy).unwrap();
        let items = read_portfolio_table(policy, &csv, InputFormat::Csv).unwrap();
        assert_eq!(items.len(), 1);
        let p = items[0].outcome.as_ref().unwrap();
        assert_eq!(p.years.len(), 2);
        assert_eq!(p.targets.len(), 1);
        let x = progress_template_xlsx(policy).unwrap();
        let from_xlsx = read_portfolio_table(policy, &x, InputFormat::Xlsx).unwrap();
        assert_eq!(from_xlsx[0].outcome, items[0].outcome);
    }

    #[test]
    fn the_header_follows_the_subsidy_years() {
        let policy = tic_core::policy::current();
        let h = progress_header(policy, Lang::En);
        let years = policy.funding.years;
        assert_eq!(h.iter().filter(|c| c.ends_with("_outlook")).count(), years);
        let item = PortfolioItem {
            row: 2,
            name: None,
            district: None,
            outcome: Err(RowError {
                row: 2,
                problems: Vec::new(),
            }),
        };
        assert_eq!(progress_cells(policy, &item, Lang::En).len(), h.len());
    }
}
