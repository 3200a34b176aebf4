//! The one tabular layout, derived from the core's field table ([`tic_core::fields`]) and the
//! policy: one column per field, one per year for the lists of yearly amounts (as many as the
//! policy has years), each with an English key and a Chinese header, and the words accepted in
//! its cells.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};
use tic_core::fields::{self, Field};
use tic_core::policy::Policy;
use tic_core::Lang;

pub use tic_core::fields::Vocab;

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Free text.
    Text,
    /// One value of a closed vocabulary.
    Choice(Vocab),
    /// Several values of a closed vocabulary, separated by `;`, `；` or `、`.
    List(Vocab),
    /// true / false (also 是/否, 1/0, yes/no).
    Bool,
    /// A whole number ≥ 0.
    Count,
    /// An amount in 万元, one entry of a list of years.
    Money,
}

impl Kind {
    fn of(k: fields::Kind) -> Kind {
        match k {
            fields::Kind::Text => Kind::Text,
            fields::Kind::Bool => Kind::Bool,
            fields::Kind::Count { .. } => Kind::Count,
            fields::Kind::Choice(v) => Kind::Choice(v),
            fields::Kind::List(v) => Kind::List(v),
            fields::Kind::Money(_) => Kind::Money,
        }
    }
}

/// One column of the layout.
#[derive(Clone, Copy, Debug)]
pub struct Column {
    /// The English header: the contract's field path (`.year1` … for the years).
    pub key: &'static str,
    /// The Chinese header: the field's label ([`Field::label`]).
    pub zh: &'static str,
    /// The contract field path it fills (`investment_wan[0]` for year 1).
    pub path: &'static str,
    /// What it holds.
    pub kind: Kind,
    /// The value of the template's example row.
    pub example: &'static str,
    /// The field of the core's table it comes from.
    pub field: &'static Field,
}

/// The columns of a policy, with the headers that name each.
#[derive(Debug)]
pub struct Columns {
    list: Vec<Column>,
    headers: HashMap<String, usize>,
}

impl std::ops::Deref for Columns {
    type Target = [Column];
    fn deref(&self) -> &[Column] {
        &self.list
    }
}

/// The template's example value of a field (one year's for a list of years): a yes/no
/// field not named here is 是, any other field not named here is left empty (the example
/// centre's field is in the lists, so it describes no other).
fn example(field: &fields::Field, year: usize) -> &'static str {
    let path = field.path;
    let years: &[&str] = match path {
        "investment_wan" => &["6000", "5000", "4000", "3000", "3000"],
        "capacity_investment_wan" => &["2000", "1500", "1200"],
        _ => &[],
    };
    if !years.is_empty() {
        return years.get(year).copied().unwrap_or("");
    }
    match path {
        "name" => "宁波市某某材料技术创新中心",
        "district" => "鄞州区",
        "recommended_by" => "区（县、市）政府/管委会推荐",
        "lead_unit.kind" => "企业",
        "lead_unit.platforms" => "省工程技术研究中心",
        "fields.highlands" => "新材料",
        "fields.chains" => "无",
        "fields.clusters" => "炼化一体化与新材料",
        "fields.carbon_neutral" => "否",
        "organization.legal_status" => "独立法人",
        "organization.bases" => "2",
        "team.staff_year2" => "120",
        "team.teams_year2" => "2",
        "team.staff_year5" => "320",
        "team.teams_year5" => "5",
        "ecosystem.transfer_bases" => "1",
        "ecosystem.partner_firms" => "25",
        "ecosystem.spinoffs" => "5",
        "ecosystem.firms_served" => "120",
        _ if field.kind == fields::Kind::Bool => "是",
        _ => "",
    }
}

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

impl Columns {
    fn new(policy: &Policy) -> Columns {
        let mut list = Vec::new();
        let mut headers = HashMap::new();
        for f in fields::FIELDS {
            let kind = Kind::of(f.kind);
            let years = match f.kind {
                fields::Kind::Money(y) => (1..=y.count(policy)).map(Some).collect(),
                _ => vec![None],
            };
            for year in years {
                let (key, path) = match year {
                    Some(n) => (
                        leak(format!("{}.year{n}", f.path)),
                        leak(format!("{}[{}]", f.path, n - 1)),
                    ),
                    None => (f.path, f.path),
                };
                let zh = leak(f.label(policy, year, Lang::Zh));
                let i = list.len();
                let prefix = year
                    .or_else(|| f.at.map(|h| h.year(policy)))
                    .map(|n| format!("第{n}年"))
                    .unwrap_or_default();
                let mut names = vec![
                    key.to_owned(),
                    key.replace('.', "_"),
                    path.to_owned(),
                    zh.to_owned(),
                    format!("{zh}（{key}）"),
                    format!("{zh} ({key})"),
                ];
                names.extend(
                    fields::header_also(f.path)
                        .iter()
                        .map(|h| format!("{prefix}{h}")),
                );
                for n in names {
                    headers.entry(fold(&n)).or_insert(i);
                }
                list.push(Column {
                    key,
                    zh,
                    path,
                    kind,
                    example: example(f, year.map_or(0, |n| n - 1)),
                    field: f,
                });
            }
        }
        Columns { list, headers }
    }

    /// The column a header names: its English key (dots or underscores), its Chinese header
    /// (or an earlier template's), or the template's `中文（key）`. `None` for an unknown
    /// header.
    pub fn for_header(&self, header: &str) -> Option<usize> {
        let f = fold(header);
        if let Some(i) = self.headers.get(&f) {
            return Some(*i);
        }
        // `anything (key)`: the part in the last brackets decides.
        let inner = f.strip_suffix(')')?;
        let open = inner.rfind('(')?;
        self.headers.get(&inner[open + 1..]).copied()
    }

    /// The column of a contract field path: `investment_wan[1]` → year 2's column,
    /// `fields.highlands[0]` → the highlands column.
    pub fn of_path(&self, path: &str) -> Option<usize> {
        if let Some(i) = self.list.iter().position(|c| c.path == path) {
            return Some(i);
        }
        let base = match path.rfind('[') {
            Some(open) => &path[..open],
            None => path,
        };
        self.list.iter().position(|c| c.path == base)
    }
}

/// The columns of a policy: built once per set of the policy's years that they depend on (the
/// construction and subsidy years, the two due points) and kept for the life of the program.
pub fn columns(policy: &Policy) -> &'static Columns {
    type Key = (usize, usize, usize, usize);
    static CACHE: OnceLock<Mutex<Vec<(Key, &'static Columns)>>> = OnceLock::new();
    let key = (
        policy.construction_years,
        policy.funding.years,
        policy.first_horizon,
        policy.second_horizon,
    );
    let cache = CACHE.get_or_init(|| Mutex::new(Vec::new()));
    let mut cache = cache.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, c)) = cache.iter().find(|(k, _)| *k == key) {
        return c;
    }
    let c: &'static Columns = Box::leak(Box::new(Columns::new(policy)));
    cache.push((key, c));
    c
}

/// Headers that are accepted and ignored (notes kept beside the data).
pub const IGNORED_HEADERS: &[&str] = &[
    "备注", "说明", "note", "notes", "remark", "remarks", "comment",
];

impl Column {
    /// The header the template writes: `中文（key）`. Either half alone is accepted too.
    pub fn template_header(&self) -> String {
        format!("{}（{}）", self.zh, self.key)
    }

    /// For a year column (`…[n]`): the list path and the 0-based index.
    pub fn list_entry(&self) -> Option<(&'static str, usize)> {
        let open = self.path.find('[')?;
        let idx = self.path[open + 1..].trim_end_matches(']').parse().ok()?;
        Some((&self.path[..open], idx))
    }
}

/// Folds a header or a cell word for comparison: full-width forms folded to ASCII (`第３年`,
/// `（`), spaces, line breaks and invisible characters (zero-width spaces, a BOM) dropped
/// ([`tic_core::number::fold_width`]), lower-cased.
pub fn fold(s: &str) -> String {
    tic_core::number::fold_width(s).to_lowercase()
}

/// The largest plausible amount per money column (万元, one year): above it the row gets a
/// warning (「金额异常大，请确认单位为万元（而非元）」) and is still assessed. 1,000,000 万元 =
/// 100亿元 in one year, far beyond any real centre: such a figure was almost surely entered in
/// 元 under a 万元 header. A plausibility bound of the tool, not a policy number.
pub const PLAUSIBLE_MAX: &[(&str, f64)] = &[
    ("investment_wan", 1_000_000.0),
    ("capacity_investment_wan", 1_000_000.0),
];

/// Whether a header is one of the ignored note columns (or starts with `#`).
pub fn is_ignored_header(header: &str) -> bool {
    let f = fold(header);
    f.starts_with('#') || IGNORED_HEADERS.iter().any(|h| fold(h) == f)
}

/// The contract identifier a cell word names in a vocabulary: the identifier itself (any case),
/// the page's words for it (Chinese or English), or another accepted word
/// ([`tic_core::fields::Choice::also`]). `None` if it names nothing; the caller then passes the
/// word on and the core reports it with the allowed identifiers.
pub fn identifier(policy: &Policy, v: Vocab, word: &str) -> Option<String> {
    if let Vocab::Field(list) = v {
        // One of the policy's own lists: its identifiers and names.
        let choices = policy.list(list);
        if let Some(c) = choices.iter().find(|c| names(c).contains(&word)) {
            return Some(c.id.clone());
        }
        let f = fold(word);
        return choices
            .iter()
            .find(|c| names(c).iter().any(|n| fold(n) == f))
            .map(|c| c.id.clone());
    }
    let words = choice_words(v)?;
    words
        .get(word)
        .or_else(|| words.get(&fold(word)))
        .map(|id| (*id).to_owned())
}

/// The identifier and names of an entry of one of the policy's lists.
fn names(c: &tic_core::policy::Choice) -> [&str; 3] {
    [&c.id, &c.name.zh, &c.name.en]
}

/// Every word (as written and folded) that names a value of one of the contract's own
/// vocabularies, to its identifier: the identifier, the page's words, the other accepted words.
/// Built once; the policy plays no part.
fn choice_words(v: Vocab) -> Option<&'static HashMap<String, &'static str>> {
    static WORDS: OnceLock<HashMap<Vocab, HashMap<String, &'static str>>> = OnceLock::new();
    let all = WORDS.get_or_init(|| {
        let contract = [
            Vocab::Recommender,
            Vocab::LeadKind,
            Vocab::LegalStatus,
            Vocab::Platform,
        ];
        contract
            .into_iter()
            .filter_map(|v| Some((v, fields::choice_table(v)?)))
            .map(|(v, table)| {
                let mut m = HashMap::new();
                for (id, w) in table {
                    let also = fields::also(v, id).iter().copied();
                    for name in [*id, w.zh, w.en].into_iter().chain(also) {
                        m.entry(fold(name)).or_insert(*id);
                        m.entry(name.to_owned()).or_insert(*id);
                    }
                }
                (v, m)
            })
            .collect()
    });
    all.get(&v)
}

/// Every allowed value of a vocabulary by the page's words for it (Chinese, English), in order.
/// What messages list instead of identifiers.
pub fn labels(policy: &Policy, v: Vocab) -> Vec<(String, String)> {
    fields::values(policy, v)
        .into_iter()
        .map(|x| (x.zh, x.en))
        .collect()
}

/// The allowed value closest to an unknown word (a small edit distance over the folded
/// names), as its labels (Chinese, English): 「是否指：省级企业技术中心？」.
pub fn suggestion(policy: &Policy, v: Vocab, word: &str) -> Option<(String, String)> {
    let f = fold(word);
    let n = f.chars().count().max(1);
    // A word far longer than any name is not a typo of one (and the distance costs n × m).
    if n > 64 {
        return None;
    }
    let values = fields::values(policy, v);
    let (d, i) = values
        .iter()
        .enumerate()
        .flat_map(|(i, x)| {
            let also = fields::also(v, &x.id).iter().map(|s| s.to_string());
            [x.id.clone(), x.zh.clone(), x.en.clone()]
                .into_iter()
                .chain(also)
                .map(move |name| (fold(&name), i))
        })
        .map(|(name, i)| {
            let d = crate::read::edit_distance(&f, &name);
            // A word contained in a name (or the reverse) is close too.
            let d = if name.contains(f.as_str()) || f.contains(name.as_str()) {
                d.min(n.abs_diff(name.chars().count()).max(1))
            } else {
                d
            };
            (d, i)
        })
        .min_by_key(|(d, _)| *d)?;
    if d > (n / 3).max(1) {
        return None;
    }
    values.into_iter().nth(i).map(|x| (x.zh, x.en))
}

/// Every identifier of a vocabulary with the page's Chinese words for it, for the template and
/// the docs.
pub fn vocabulary(policy: &Policy, v: Vocab) -> Vec<(String, String)> {
    fields::values(policy, v)
        .into_iter()
        .map(|x| (x.id, x.zh))
        .collect()
}

/// The Excel-style letter of a 0-based column index: 0 → `A`, 26 → `AA`.
pub fn column_letter(mut index: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_in_both_languages() {
        let cols = columns(tic_core::policy::current());
        let inv2 = cols
            .iter()
            .position(|c| c.key == "investment_wan.year2")
            .unwrap();
        for h in [
            "investment_wan.year2",
            "investment_wan_year2",
            " Investment_Wan.Year2 ",
            "第2年总投入（万元）",
            "第2年总投入(万元)",
            "第2年总投入（万元）（investment_wan.year2）",
            "whatever (investment_wan.year2)",
        ] {
            assert_eq!(cols.for_header(h), Some(inv2), "{h}");
        }
        assert_eq!(cols.for_header("investment_year9"), None);
        // An earlier template's short header, with the year the policy sets.
        let staff2 = cols.of_path("team.staff_year2").unwrap();
        assert_eq!(cols.for_header("第2年创新队伍人数"), Some(staff2));
        assert_eq!(cols[staff2].zh, "第2年高水平技术创新队伍人数");
    }

    #[test]
    fn every_header_is_unique() {
        let mut seen = std::collections::HashSet::new();
        for c in columns(tic_core::policy::current()).iter() {
            assert!(seen.insert(fold(c.key)), "{}", c.key);
            assert!(seen.insert(fold(c.zh)), "{}", c.zh);
        }
    }

    #[test]
    fn the_years_are_the_policys() {
        let mut p = tic_core::policy::current().clone();
        p.construction_years = 6;
        p.funding.years = 4;
        p.first_horizon = 3;
        let cols = columns(&p);
        let keys: Vec<&str> = cols.iter().map(|c| c.key).collect();
        assert!(keys.contains(&"investment_wan.year6"));
        assert!(keys.contains(&"capacity_investment_wan.year4"));
        assert!(!keys.contains(&"capacity_investment_wan.year5"));
        let staff = &cols[cols.of_path("team.staff_year2").unwrap()];
        assert_eq!(staff.zh, "第3年高水平技术创新队伍人数");
        assert_eq!(
            cols.for_header("第6年总投入（万元）"),
            cols.of_path("investment_wan[5]")
        );
        // The built-in policy's columns are unchanged beside it.
        let builtin = columns(tic_core::policy::current());
        assert!(!builtin.iter().any(|c| c.key == "investment_wan.year6"));
    }

    #[test]
    fn a_policys_list_words_are_its_own_whatever_was_read_before() {
        use tic_core::vocab::FieldList;
        let builtin = tic_core::policy::current();
        // The same id and years, another name for the first chain.
        let mut other = builtin.clone();
        other.chains[0].name.zh = "另一条产业链".into();
        let id = other.chains[0].id.clone();
        let chains = Vocab::Field(FieldList::Chains);
        let old = builtin.chains[0].name.zh.clone();
        assert_eq!(identifier(builtin, chains, &old), Some(id.clone()));
        assert_eq!(identifier(&other, chains, "另一条产业链"), Some(id));
        assert_eq!(identifier(&other, chains, &old), None);
        assert_eq!(identifier(builtin, chains, "另一条产业链"), None);
    }

    #[test]
    fn letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }
}
