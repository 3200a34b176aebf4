//! The one table of truth for the applicant's answers (contract `tic-applicant/1`): every field
//! with its path, kind, unit and clause ([`FIELDS`]; the bound of every count is [`MAX_COUNT`]),
//! its labels and hint (`LABELS`, beside it), and every value of a closed vocabulary with the
//! words the page shows for it ([`Choice::TABLE`]) and the other words a file may use
//! ([`Choice::also`], [`header_also`] for column headers).
//!
//! The tabular columns (read and written), the page's form, its printed answers and the answers
//! of `tic assess --format table` derive from it; the input reader's object names are checked
//! against it by a test. Where a label names a year that the policy sets (the `year2` and
//! `year5` due points, the years of investment), the table holds the words without the number
//! and [`Field::label`] adds it from the policy.
//!
//! Each kind of words is its own static or function, so a program links only what it uses: the
//! tracking view, which only reads applicants, carries no labels; the page carries no aliases.

use crate::json::Json;
use crate::policy::Policy;
use crate::text::{Lang, Words};
use crate::vocab::{FieldList, LeadKind, LegalStatus, Platform, Rating, Recommender, Unit};

const fn w(zh: &'static str, en: &'static str) -> Words {
    Words { zh, en }
}

/// The closed vocabularies an answer can name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Vocab {
    /// `recommended_by`.
    Recommender,
    /// `lead_unit.kind`.
    LeadKind,
    /// `organization.legal_status`.
    LegalStatus,
    /// `lead_unit.platforms`.
    Platform,
    /// One of the policy's lists of `fields`.
    Field(FieldList),
}

/// Which years a list of yearly amounts covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Years {
    /// Every year of construction (`construction_years`).
    Construction,
    /// The subsidised years (`funding.years`).
    Funding,
}

impl Years {
    /// How many years the policy gives.
    pub fn count(self, policy: &Policy) -> usize {
        match self {
            Years::Construction => policy.construction_years,
            Years::Funding => policy.funding.years,
        }
    }
}

/// The due point a count is planned for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Horizon {
    /// The first horizon of 二（五）（六） (the `year2` due point).
    First,
    /// The second horizon (the `year5` due point).
    Second,
}

impl Horizon {
    /// The year the policy sets for it.
    pub fn year(self, policy: &Policy) -> usize {
        match self {
            Horizon::First => policy.first_horizon,
            Horizon::Second => policy.second_horizon,
        }
    }
}

/// What a field holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Free text.
    Text,
    /// true / false.
    Bool,
    /// A whole number from 0 to [`MAX_COUNT`], in `unit`.
    Count {
        /// What is counted.
        unit: Unit,
    },
    /// One value of a vocabulary.
    Choice(Vocab),
    /// Several values of a vocabulary, each at most once.
    List(Vocab),
    /// One amount in 万元 per year.
    Money(Years),
}

/// One field of the applicant.
#[derive(Clone, Copy, Debug)]
pub struct Field {
    /// The contract path (`team.staff_year2`); a list of years is one field (`investment_wan`).
    pub path: &'static str,
    /// What it holds.
    pub kind: Kind,
    /// The clause of the guideline it answers.
    pub clause: &'static str,
    /// For a count planned for a due point: which one (its year goes into the label).
    pub at: Option<Horizon>,
}

/// The largest count accepted in any count field (people, teams, bases, firms): far beyond any
/// real centre, so a larger figure is a typo or a unit mistake, said as such instead of a
/// machine limit. A bound of the tool, not of the policy.
pub const MAX_COUNT: u64 = 1_000_000;

const fn count(unit: Unit) -> Kind {
    Kind::Count { unit }
}

const fn f(path: &'static str, kind: Kind, clause: &'static str) -> Field {
    Field {
        path,
        kind,
        clause,
        at: None,
    }
}

const fn at(path: &'static str, unit: Unit, horizon: Horizon, clause: &'static str) -> Field {
    Field {
        path,
        kind: count(unit),
        clause,
        at: Some(horizon),
    }
}

/// Every field of `tic-applicant/1` but `schema` and `indicators` (the policy's own list), in
/// the order of the form, the tabular columns and the contract.
pub static FIELDS: &[Field] = &[
    f("name", Kind::Text, "三（一）"),
    f("district", Kind::Text, "三（一）"),
    f(
        "recommended_by",
        Kind::Choice(Vocab::Recommender),
        "三（一）",
    ),
    f("lead_unit.kind", Kind::Choice(Vocab::LeadKind), "二（三）"),
    f("lead_unit.leading_enterprise", Kind::Bool, "二（三）"),
    f(
        "lead_unit.platforms",
        Kind::List(Vocab::Platform),
        "二（三）",
    ),
    f(
        "fields.highlands",
        Kind::List(Vocab::Field(FieldList::Highlands)),
        "二（二）",
    ),
    f(
        "fields.chains",
        Kind::List(Vocab::Field(FieldList::Chains)),
        "二（二）",
    ),
    f(
        "fields.clusters",
        Kind::List(Vocab::Field(FieldList::Clusters)),
        "二（二）",
    ),
    f("fields.carbon_neutral", Kind::Bool, "二（二）"),
    f("fields.other", Kind::Text, "二（二）"),
    f(
        "organization.legal_status",
        Kind::Choice(Vocab::LegalStatus),
        "四",
    ),
    f("organization.bases", count(Unit::Bases), "二（四）"),
    f("organization.board", Kind::Bool, "四（一）1"),
    f("organization.director", Kind::Bool, "四（一）2"),
    f("organization.chief_scientist", Kind::Bool, "四（一）3"),
    f("organization.expert_committee", Kind::Bool, "四（一）4"),
    f(
        "investment_wan",
        Kind::Money(Years::Construction),
        "二（五）",
    ),
    f(
        "capacity_investment_wan",
        Kind::Money(Years::Funding),
        "三（四）",
    ),
    at("team.staff_year2", Unit::People, Horizon::First, "二（六）"),
    at("team.teams_year2", Unit::Teams, Horizon::First, "二（六）"),
    at(
        "team.staff_year5",
        Unit::People,
        Horizon::Second,
        "二（六）",
    ),
    at("team.teams_year5", Unit::Teams, Horizon::Second, "二（六）"),
    f("ecosystem.transfer_bases", count(Unit::Bases), "二（十）"),
    f("ecosystem.partner_firms", count(Unit::Firms), "二（十）"),
    f("ecosystem.spinoffs", count(Unit::Firms), "二（十）"),
    f("ecosystem.firms_served", count(Unit::Firms), "二（十）"),
];

/// The labels and hints of the fields, by path, in the order of [`FIELDS`] (a test checks it):
/// apart from the table so that a program that only reads applicants (the tracking view) does
/// not carry the words.
static LABELS: &[(&str, Words, Option<Words>)] = &[
    ("name", w("创新中心名称", "Name of the centre"), Some(w("例如：宁波市某某材料技术创新中心", "For example: Ningbo XX Materials Technology Innovation Centre"))),
    ("district", w("所在区（县、市）或管委会", "District (county, city) or management committee"), None),
    ("recommended_by", w("推荐方式", "Who recommends the centre"), Some(w("三（一）：市政府主动布局和区（县、市）政府（管委会）、相关部门推荐相结合。", "三（一）: laid out by the city, or recommended by a district or a department."))),
    ("lead_unit.kind", w("主要依托单位类型", "Kind of the main lead unit"), None),
    ("lead_unit.leading_enterprise", w("是否为创新能力突出的领军企业", "Is it a leading enterprise with outstanding innovation capacity?"), None),
    ("lead_unit.platforms", w("已建设的省级以上创新载体", "Provincial-or-higher platforms it runs"), None),
    ("fields.highlands", w("三大科创高地", "The three science and innovation highlands"), None),
    ("fields.chains", w("标志性产业链", "The landmark industrial chains"), None),
    ("fields.clusters", w("重点优势产业集群", "Priority industry clusters"), None),
    ("fields.carbon_neutral", w("是否属于碳达峰碳中和技术领域", "Is it carbon-peak / carbon-neutral technology?"), None),
    ("fields.other", w("所列以外的领域（自行描述）", "A field outside these lists (in your words)"), Some(w("以上均不适用时填写，例如：海洋工程装备。", "Only if none of the above applies, e.g. marine engineering equipment."))),
    ("organization.legal_status", w("法人形式", "Legal form"), Some(w("原则上应为独立法人；暂不具备条件的，先行实现人、物相对独立、财务单独核算，建设期内完成向独立法人过渡。", "In principle an independent legal entity; until then, separately managed with separate accounts, becoming a legal entity during construction."))),
    ("organization.bases", w("核心以外的基地数量", "Bases beyond the core"), Some(w("“强核心、多基地”：按建设期满验收时计。", "“Strong core, several bases”: counted at acceptance."))),
    ("organization.board", w("已设立理事会（董事会）", "Board (理事会/董事会) in place"), None),
    ("organization.director", w("已聘任中心主任（总经理）", "Director (中心主任/总经理) appointed"), None),
    ("organization.chief_scientist", w("已聘任首席科学家", "Chief scientist appointed"), None),
    ("organization.expert_committee", w("已设立专家咨询委员会", "Expert advisory committee in place"), None),
    ("investment_wan", w("总投入（万元）", "Total investment (万元)"), None),
    ("capacity_investment_wan", w("创新能力建设投入（万元）", "Capacity-building investment (万元)"), None),
    ("team.staff_year2", w("高水平技术创新队伍人数", "Innovation staff"), None),
    ("team.teams_year2", w("高层次创新创业团队数", "High-level teams"), None),
    ("team.staff_year5", w("高水平技术创新队伍人数", "Innovation staff"), None),
    ("team.teams_year5", w("高层次创新创业团队数", "High-level teams"), None),
    ("ecosystem.transfer_bases", w("承接技术转移转化和产业化的基地数", "Bases taking up technology transfer"), None),
    ("ecosystem.partner_firms", w("紧密合作企业数", "Closely partnered firms"), None),
    ("ecosystem.spinoffs", w("累计衍生孵化企业数", "Spin-offs incubated (cumulative)"), None),
    ("ecosystem.firms_served", w("累计服务企业数", "Firms served (cumulative)"), None),
];

/// The field at a contract path (`investment_wan[2]` names `investment_wan`).
pub fn field(path: &str) -> Option<&'static Field> {
    let base = path.split_once('[').map_or(path, |(b, _)| b);
    FIELDS.iter().find(|f| f.path == base)
}

/// The names of the fields of an object of the applicant: `""` for the root (every top-level
/// name, `schema` and `indicators` included), `"team"` for the team's.
pub fn members(object: &str) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    if object.is_empty() {
        out.push("schema");
    }
    for f in FIELDS {
        let name = if object.is_empty() {
            Some(f.path.split_once('.').map_or(f.path, |(first, _)| first))
        } else {
            f.path
                .strip_prefix(object)
                .and_then(|r| r.strip_prefix('.'))
        };
        if let Some(n) = name {
            if !out.contains(&n) {
                out.push(n);
            }
        }
    }
    if object.is_empty() {
        out.push("indicators");
    }
    out
}

/// Other headers a spreadsheet column of the field may have (the short headers of earlier
/// templates), without the year the label adds; the label and the path are always accepted.
pub fn header_also(path: &str) -> &'static [&'static str] {
    match path {
        "name" => &["名称", "中心名称"],
        "district" => &["所在区县", "区县"],
        "lead_unit.kind" => &["依托单位类型"],
        "lead_unit.leading_enterprise" => &["是否领军企业"],
        "lead_unit.platforms" => &["省级以上创新载体"],
        "fields.highlands" => &["科创高地"],
        "fields.chains" => &["十大标志性产业链"],
        "fields.carbon_neutral" => &["碳达峰碳中和技术"],
        "fields.other" => &["其他领域"],
        "organization.legal_status" => &["法人状态"],
        "organization.bases" => &["核心以外基地数"],
        "organization.board" => &["理事会（董事会）"],
        "organization.director" => &["中心主任（总经理）"],
        "organization.chief_scientist" => &["首席科学家"],
        "organization.expert_committee" => &["专家咨询委员会"],
        "team.staff_year2" | "team.staff_year5" => &["创新队伍人数"],
        "team.teams_year2" | "team.teams_year5" => &["高层次团队数"],
        "ecosystem.transfer_bases" => &["技术转移转化基地数"],
        _ => &[],
    }
}

impl Field {
    /// Its answer in an applicant JSON value, if given (paths are one or two names deep).
    #[inline]
    pub fn value_in<'v, 'j>(&self, applicant: &'v Json<'j>) -> Option<&'v Json<'j>> {
        match self.path.split_once('.') {
            Some((object, name)) => applicant.get(object).and_then(|o| o.get(name)),
            None => applicant.get(self.path),
        }
    }

    fn labels(&self) -> Option<&'static (&'static str, Words, Option<Words>)> {
        LABELS.iter().find(|(p, _, _)| *p == self.path)
    }

    /// The label, without the year of `at` or of a list entry.
    pub fn words(&self) -> Words {
        self.labels().map_or(w("", ""), |l| l.1)
    }

    /// A hint shown under the label (the policy's own words where it has them).
    pub fn help(&self) -> Option<Words> {
        self.labels().and_then(|l| l.2)
    }

    /// The label, with the year the policy sets where it has one (`第2年高水平技术创新队伍人数`,
    /// `Innovation staff at year 2`); `year` (1-based) names one entry of a list of years
    /// (`第3年总投入（万元）`).
    pub fn label(&self, policy: &Policy, year: Option<usize>, lang: Lang) -> String {
        let n = year.or_else(|| self.at.map(|h| h.year(policy)));
        let words = self.words();
        match (n, lang) {
            (None, _) => words.get(lang).to_owned(),
            (Some(n), Lang::Zh) => format!("第{n}年{}", words.zh),
            (Some(n), Lang::En) if self.at.is_some() => format!("{} at year {n}", words.en),
            (Some(n), Lang::En) => format!("{}, year {n}", words.en),
        }
    }

    /// For a list of yearly amounts: how many years the policy gives it; else 0.
    pub fn years(&self, policy: &Policy) -> usize {
        match self.kind {
            Kind::Money(y) => y.count(policy),
            _ => 0,
        }
    }
}

/// A value of one of the contract's own vocabularies, with its words.
pub trait Choice: Copy + Sized + 'static {
    /// Every value, in the contract's order.
    const ALL: &'static [Self];
    /// Every value's identifier with what the page shows for it (Chinese, English), in order.
    const TABLE: &'static [(&'static str, Words)];
    /// The contract identifier.
    fn id(self) -> &'static str;
    /// What the page shows for it (Chinese, English).
    fn words(self) -> Words {
        lookup(Self::TABLE, self.id()).unwrap_or(w("", ""))
    }
    /// Other words a user may type for it in a file (the page's words and the identifier are
    /// always accepted too).
    fn also(self) -> &'static [&'static str];
}

/// The words of `id` in a vocabulary's [`Choice::TABLE`].
pub fn lookup(table: &[(&str, Words)], id: &str) -> Option<Words> {
    table.iter().find(|(i, _)| *i == id).map(|(_, w)| *w)
}

macro_rules! choice {
    ($t:ident { $($v:ident => ($zh:literal, $en:literal) [$($also:literal),* $(,)?]),+ $(,)? }) => {
        impl Choice for $t {
            const ALL: &'static [Self] = $t::ALL;
            const TABLE: &'static [(&'static str, Words)] = &[$(($t::$v.id(), w($zh, $en))),+];
            fn id(self) -> &'static str {
                $t::id(self)
            }
            fn also(self) -> &'static [&'static str] {
                match self { $($t::$v => &[$($also),*]),+ }
            }
        }
    };
}

choice!(Recommender {
    District => ("区（县、市）政府/管委会推荐", "A district (county, city) government or management committee")
        ["区县推荐", "区（县、市）推荐", "区（县、市）政府推荐", "区（县、市）政府/管委会", "管委会推荐", "区县"],
    MunicipalDepartment => ("市级有关部门推荐", "A municipal department")
        ["市级部门推荐", "市级有关部门", "市级部门"],
    MunicipalLayout => ("市政府主动布局", "Laid out by the municipal government")
        ["主动布局"],
    None => ("暂无推荐", "Nobody yet") ["无", "暂无", "未推荐"],
});

choice!(LeadKind {
    Enterprise => ("企业", "Enterprise") [],
    University => ("高校", "University") ["高等院校", "大学"],
    ResearchInstitute => ("科研院所", "Research institute") ["科研机构"],
    Other => ("其他", "Other") ["其他单位"],
});

choice!(LegalStatus {
    Independent => ("独立法人", "Independent legal entity") [],
    SeparateAccounting => ("人、物相对独立，财务单独核算", "Separately managed, separate accounts")
        ["人、物相对独立、财务单独核算", "单独核算", "财务单独核算", "相对独立"],
    None => ("尚未独立", "Neither yet") ["无", "未独立"],
});

choice!(Platform {
    NationalEngineeringCenter => ("国家工程技术研究中心", "National engineering technology research centre") [],
    ProvincialEngineeringCenter => ("省工程技术研究中心", "Provincial engineering technology research centre")
        ["省级工程技术研究中心"],
    ProvincialKeyEnterpriseInstitute => ("省重点企业研究院", "Provincial key enterprise research institute") [],
    NationalEnterpriseTechCenter => ("国家企业技术中心", "National enterprise technology centre") [],
    ProvincialEnterpriseTechCenter => ("省级企业技术中心", "Provincial enterprise technology centre")
        ["省企业技术中心"],
    KeyLaboratory => ("重点实验室", "Key laboratory") [],
    OtherProvincialPlatform => ("其他省级以上创新载体", "Other provincial-or-higher platform")
        ["其他省级创新载体"],
});

choice!(Rating {
    Met => ("已达到", "Met") [],
    Partial => ("部分达到", "Partly met") [],
    NotMet => ("未达到", "Not met") [],
    Unknown => ("不确定", "Not sure") [],
});

/// One value of a vocabulary with the page's words for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValueWords {
    /// The contract identifier.
    pub id: String,
    /// What the page shows, in Chinese.
    pub zh: String,
    /// What the page shows, in English.
    pub en: String,
}

/// Every field of the table with its label and its answer in words, for a contract applicant
/// value (`tic assess --format table` prints them): the page's words for vocabulary values,
/// 是/否 for yes/no, amounts with their unit, 「未填」/"not answered" where there is no answer.
/// A list of yearly amounts gives one line per year of the policy.
pub fn answers(policy: &Policy, applicant: &Json, lang: Lang) -> Vec<(String, String)> {
    answer_rows(policy, applicant, lang)
        .into_iter()
        .map(|(_, label, shown)| (label, shown))
        .collect()
}

/// [`answers`] with each row's field path first (`investment_wan[1]` for year 2's amount).
pub fn answer_rows(policy: &Policy, applicant: &Json, lang: Lang) -> Vec<(String, String, String)> {
    let zh = lang == Lang::Zh;
    let none = if zh { "未填" } else { "not answered" };
    let mut out = Vec::new();
    for f in FIELDS {
        let v = f.value_in(applicant);
        let word = |voc: Vocab, id: &str| {
            words(policy, voc, id).map_or(id.to_owned(), |(z, e)| if zh { z } else { e }.to_owned())
        };
        if let Kind::Money(_) = f.kind {
            for i in 0..f.years(policy) {
                let item = match v {
                    Some(Json::Array(l)) => l.get(i),
                    _ => None,
                };
                let shown = match item.and_then(Json::as_f64) {
                    Some(n) => crate::Wan::from_wan(n)
                        .map_or_else(|_| n.to_string(), |w| crate::explain::money(w, lang)),
                    None => none.to_owned(),
                };
                out.push((
                    format!("{}[{i}]", f.path),
                    f.label(policy, Some(i + 1), lang),
                    shown,
                ));
            }
            continue;
        }
        let shown = match (f.kind, v) {
            (_, None | Some(Json::Null)) => none.to_owned(),
            (Kind::List(_), Some(Json::Array(l))) if l.is_empty() => {
                if zh { "均无" } else { "none of these" }.to_owned()
            }
            (Kind::List(voc), Some(Json::Array(l))) => l
                .iter()
                .filter_map(Json::as_str)
                .map(|id| word(voc, id))
                .collect::<Vec<_>>()
                .join(if zh { "、" } else { ", " }),
            (Kind::Choice(voc), Some(Json::String(id))) => word(voc, id),
            (Kind::Bool, Some(Json::Bool(b))) => match (b, zh) {
                (true, true) => "是",
                (false, true) => "否",
                (true, false) => "yes",
                (false, false) => "no",
            }
            .to_owned(),
            (_, Some(Json::String(s))) => s.to_string(),
            (_, Some(other)) => other.to_string(),
        };
        out.push((f.path.to_owned(), f.label(policy, None, lang), shown));
    }
    out
}

/// The identifiers and words of one of the contract's own vocabularies (`None` for the
/// policy's lists).
pub fn choice_table(v: Vocab) -> Option<&'static [(&'static str, Words)]> {
    match v {
        Vocab::Recommender => Some(Recommender::TABLE),
        Vocab::LeadKind => Some(LeadKind::TABLE),
        Vocab::LegalStatus => Some(LegalStatus::TABLE),
        Vocab::Platform => Some(Platform::TABLE),
        Vocab::Field(_) => None,
    }
}

/// Every value of a vocabulary with the page's words for it, in order: for the policy's lists,
/// the policy's names (Chinese, English).
pub fn values(policy: &Policy, v: Vocab) -> Vec<ValueWords> {
    match (v, choice_table(v)) {
        (_, Some(t)) => t
            .iter()
            .map(|(id, w)| ValueWords {
                id: (*id).to_owned(),
                zh: w.zh.to_owned(),
                en: w.en.to_owned(),
            })
            .collect(),
        (Vocab::Field(list), None) => policy
            .list(list)
            .iter()
            .map(|c| ValueWords {
                id: c.id.clone(),
                zh: c.name.zh.clone(),
                en: c.name.en.clone(),
            })
            .collect(),
        (_, None) => Vec::new(),
    }
}

/// The page's words (Chinese, English) for the value `id` of a vocabulary, if it names one.
pub fn words<'p>(policy: &'p Policy, v: Vocab, id: &str) -> Option<(&'p str, &'p str)> {
    match (v, choice_table(v)) {
        (_, Some(t)) => lookup(t, id).map(|w| (w.zh, w.en)),
        (Vocab::Field(list), None) => policy
            .list(list)
            .iter()
            .find(|c| c.id == id)
            .map(|c| (c.name.zh.as_str(), c.name.en.as_str())),
        (_, None) => None,
    }
}

fn also_of<T: Choice>(id: &str) -> &'static [&'static str] {
    T::ALL
        .iter()
        .find(|v| v.id() == id)
        .map_or(&[], |v| v.also())
}

/// The other words accepted for the value `id` of a vocabulary ([`Choice::also`]; none for
/// the policy's lists).
pub fn also(v: Vocab, id: &str) -> &'static [&'static str] {
    match v {
        Vocab::Recommender => also_of::<Recommender>(id),
        Vocab::LeadKind => also_of::<LeadKind>(id),
        Vocab::LegalStatus => also_of::<LegalStatus>(id),
        Vocab::Platform => also_of::<Platform>(id),
        Vocab::Field(_) => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_path_is_once_and_every_clause_is_in_the_policy() {
        let p = crate::policy::current();
        for (i, f) in FIELDS.iter().enumerate() {
            assert!(
                FIELDS[..i].iter().all(|g| g.path != f.path),
                "{} twice",
                f.path
            );
            assert!(
                p.clause(f.clause).is_some(),
                "{}: clause {}",
                f.path,
                f.clause
            );
        }
    }

    #[test]
    fn every_field_has_its_labels_in_order() {
        assert_eq!(LABELS.len(), FIELDS.len());
        for (f, (path, _, _)) in FIELDS.iter().zip(LABELS) {
            assert_eq!(f.path, *path);
        }
    }

    #[test]
    fn labels_take_their_year_from_the_policy() {
        let mut p = crate::policy::current().clone();
        let staff = field("team.staff_year2").unwrap();
        assert_eq!(
            staff.label(&p, None, Lang::Zh),
            "第2年高水平技术创新队伍人数"
        );
        assert_eq!(
            staff.label(&p, None, Lang::En),
            "Innovation staff at year 2"
        );
        p.first_horizon = 3;
        assert_eq!(
            staff.label(&p, None, Lang::Zh),
            "第3年高水平技术创新队伍人数"
        );
        let inv = field("investment_wan[4]").unwrap();
        assert_eq!(inv.label(&p, Some(5), Lang::Zh), "第5年总投入（万元）");
        assert_eq!(
            inv.label(&p, Some(5), Lang::En),
            "Total investment (万元), year 5"
        );
    }

    #[test]
    fn members_are_the_contract_objects() {
        assert_eq!(
            members("team"),
            ["staff_year2", "teams_year2", "staff_year5", "teams_year5"]
        );
        let root = members("");
        assert_eq!(root.first(), Some(&"schema"));
        assert_eq!(root.last(), Some(&"indicators"));
        assert!(root.contains(&"lead_unit") && root.contains(&"investment_wan"));
    }

    #[test]
    fn no_word_names_two_values() {
        let p = crate::policy::current();
        for v in [
            Vocab::Recommender,
            Vocab::LeadKind,
            Vocab::LegalStatus,
            Vocab::Platform,
        ] {
            let vals = values(p, v);
            let mut seen = std::collections::HashMap::new();
            for x in &vals {
                let also = also(v, &x.id).iter().map(|s| s.to_string());
                for word in [x.id.clone(), x.zh.clone(), x.en.clone()]
                    .into_iter()
                    .chain(also)
                {
                    if let Some(other) = seen.insert(word.clone(), x.id.clone()) {
                        assert_eq!(other, x.id, "{word} names {other} and {}", x.id);
                    }
                }
            }
        }
    }
}
