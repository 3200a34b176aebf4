//! The one table of truth for the applicant's answers (contract `tic-applicant/1`): every field
//! with its path, kind, unit, bound, clause, labels and help, and every value of a closed
//! vocabulary with the words the page shows for it and the other words a user may type.
//!
//! Validation ([`crate::input`]), the tabular columns (read and written), the page's form labels
//! and the tables of the command line all derive from it. Where a label names a year that the
//! policy sets (the `year2` and `year5` due points, the years of investment), the table holds the
//! words without the number and [`Field::label`] adds it from the policy.
//!
//! The page only links what it renders: the labels and value words are separate functions from
//! the other wordings ([`Choice::also`]) and the column headers, so the reader's aliases cost the
//! page no bytes.

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
    /// A whole number from 0 to `max`, in `unit`.
    Count {
        /// What is counted.
        unit: Unit,
        /// The largest accepted: far beyond any real centre, so a larger figure is a typo or a
        /// unit mistake, said as such. A bound of the tool, not of the policy.
        max: u64,
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
    /// The label, without the year of `at` or of a list entry.
    pub words: Words,
}

/// The largest count accepted in any count field.
pub const MAX_COUNT: u64 = 1_000_000;

const fn count(unit: Unit) -> Kind {
    Kind::Count {
        unit,
        max: MAX_COUNT,
    }
}

const fn f(path: &'static str, kind: Kind, clause: &'static str, words: Words) -> Field {
    Field {
        path,
        kind,
        clause,
        at: None,
        words,
    }
}

const fn at(
    path: &'static str,
    unit: Unit,
    horizon: Horizon,
    clause: &'static str,
    words: Words,
) -> Field {
    Field {
        path,
        kind: count(unit),
        clause,
        at: Some(horizon),
        words,
    }
}

/// Every field of `tic-applicant/1` but `schema` and `indicators` (the policy's own list), in
/// the order of the form, the tabular columns and the contract.
pub const FIELDS: &[Field] = &[
    f(
        "name",
        Kind::Text,
        "三（一）",
        w("创新中心名称", "Name of the centre"),
    ),
    f(
        "district",
        Kind::Text,
        "三（一）",
        w(
            "所在区（县、市）或管委会",
            "District (county, city) or management committee",
        ),
    ),
    f(
        "recommended_by",
        Kind::Choice(Vocab::Recommender),
        "三（一）",
        w("推荐方式", "Who recommends the centre"),
    ),
    f(
        "lead_unit.kind",
        Kind::Choice(Vocab::LeadKind),
        "二（三）",
        w("主要依托单位类型", "Kind of the main lead unit"),
    ),
    f(
        "lead_unit.leading_enterprise",
        Kind::Bool,
        "二（三）",
        w(
            "是否为创新能力突出的领军企业",
            "Is it a leading enterprise with outstanding innovation capacity?",
        ),
    ),
    f(
        "lead_unit.platforms",
        Kind::List(Vocab::Platform),
        "二（三）",
        w(
            "已建设的省级以上创新载体",
            "Provincial-or-higher platforms it runs",
        ),
    ),
    f(
        "fields.highlands",
        Kind::List(Vocab::Field(FieldList::Highlands)),
        "二（二）",
        w("三大科创高地", "The three science and innovation highlands"),
    ),
    f(
        "fields.chains",
        Kind::List(Vocab::Field(FieldList::Chains)),
        "二（二）",
        w("标志性产业链", "The landmark industrial chains"),
    ),
    f(
        "fields.clusters",
        Kind::List(Vocab::Field(FieldList::Clusters)),
        "二（二）",
        w("重点优势产业集群", "Priority industry clusters"),
    ),
    f(
        "fields.carbon_neutral",
        Kind::Bool,
        "二（二）",
        w(
            "是否属于碳达峰碳中和技术领域",
            "Is it carbon-peak / carbon-neutral technology?",
        ),
    ),
    f(
        "organization.legal_status",
        Kind::Choice(Vocab::LegalStatus),
        "四",
        w("法人形式", "Legal form"),
    ),
    f(
        "organization.bases",
        count(Unit::Bases),
        "二（四）",
        w("核心以外的基地数量", "Bases beyond the core"),
    ),
    f(
        "organization.board",
        Kind::Bool,
        "四（一）1",
        w("已设立理事会（董事会）", "Board (理事会/董事会) in place"),
    ),
    f(
        "organization.director",
        Kind::Bool,
        "四（一）2",
        w(
            "已聘任中心主任（总经理）",
            "Director (中心主任/总经理) appointed",
        ),
    ),
    f(
        "organization.chief_scientist",
        Kind::Bool,
        "四（一）3",
        w("已聘任首席科学家", "Chief scientist appointed"),
    ),
    f(
        "organization.expert_committee",
        Kind::Bool,
        "四（一）4",
        w("已设立专家咨询委员会", "Expert advisory committee in place"),
    ),
    f(
        "investment_wan",
        Kind::Money(Years::Construction),
        "二（五）",
        w("总投入（万元）", "total investment (万元)"),
    ),
    f(
        "capacity_investment_wan",
        Kind::Money(Years::Funding),
        "三（四）",
        w(
            "创新能力建设投入（万元）",
            "capacity-building investment (万元)",
        ),
    ),
    at(
        "team.staff_year2",
        Unit::People,
        Horizon::First,
        "二（六）",
        w("高水平技术创新队伍人数", "innovation staff"),
    ),
    at(
        "team.teams_year2",
        Unit::Teams,
        Horizon::First,
        "二（六）",
        w("高层次创新创业团队数", "high-level teams"),
    ),
    at(
        "team.staff_year5",
        Unit::People,
        Horizon::Second,
        "二（六）",
        w("高水平技术创新队伍人数", "innovation staff"),
    ),
    at(
        "team.teams_year5",
        Unit::Teams,
        Horizon::Second,
        "二（六）",
        w("高层次创新创业团队数", "high-level teams"),
    ),
    f(
        "ecosystem.transfer_bases",
        count(Unit::Bases),
        "二（十）",
        w(
            "承接技术转移转化和产业化的基地数",
            "Bases taking up technology transfer",
        ),
    ),
    f(
        "ecosystem.partner_firms",
        count(Unit::Firms),
        "二（十）",
        w("紧密合作企业数", "Closely partnered firms"),
    ),
    f(
        "ecosystem.spinoffs",
        count(Unit::Firms),
        "二（十）",
        w("累计衍生孵化企业数", "Spin-offs incubated (cumulative)"),
    ),
    f(
        "ecosystem.firms_served",
        count(Unit::Firms),
        "二（十）",
        w("累计服务企业数", "Firms served (cumulative)"),
    ),
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
            f.path.split('.').next()
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
    /// The label, with the year the policy sets where it has one (`第2年高水平技术创新队伍人数`,
    /// `Innovation staff at year 2`); `year` (1-based) names one entry of a list of years
    /// (`第3年总投入（万元）`).
    pub fn label(&self, policy: &Policy, year: Option<usize>, lang: Lang) -> String {
        let n = year.or_else(|| self.at.map(|h| h.year(policy)));
        match (n, lang) {
            (None, _) => self.words.get(lang).to_owned(),
            (Some(n), Lang::Zh) => format!("第{n}年{}", self.words.zh),
            (Some(n), Lang::En) if self.at.is_some() => {
                let mut s = capitalised(self.words.en);
                s.push_str(&format!(" at year {n}"));
                s
            }
            (Some(n), Lang::En) => format!("Year {n} {}", self.words.en),
        }
    }

    /// Whether its answer is a list of entries (of years or of vocabulary values).
    pub fn is_list(&self) -> bool {
        matches!(self.kind, Kind::List(_) | Kind::Money(_))
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + c.as_str(),
        None => String::new(),
    }
}

/// A value of one of the contract's own vocabularies, with its words.
pub trait Choice: Copy + Sized + 'static {
    /// Every value, in the contract's order.
    const ALL: &'static [Self];
    /// The contract identifier.
    fn id(self) -> &'static str;
    /// What the page shows for it (Chinese, English).
    fn words(self) -> Words;
    /// Other words a user may type for it in a file (the page's words and the identifier are
    /// always accepted too).
    fn also(self) -> &'static [&'static str];
}

macro_rules! choice {
    ($t:ident { $($v:ident => ($zh:literal, $en:literal) [$($also:literal),* $(,)?]),+ $(,)? }) => {
        impl Choice for $t {
            const ALL: &'static [Self] = $t::ALL;
            fn id(self) -> &'static str {
                $t::id(self)
            }
            fn words(self) -> Words {
                match self { $($t::$v => w($zh, $en)),+ }
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

/// One value of a vocabulary with its words: the identifier, the page's words and the others.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValueWords {
    /// The contract identifier.
    pub id: String,
    /// What the page shows, in Chinese.
    pub zh: String,
    /// What the page shows, in English.
    pub en: String,
    /// Other words accepted for it.
    pub also: Vec<String>,
}

fn of<T: Choice>() -> Vec<ValueWords> {
    T::ALL
        .iter()
        .map(|v| ValueWords {
            id: v.id().to_owned(),
            zh: v.words().zh.to_owned(),
            en: v.words().en.to_owned(),
            also: v.also().iter().map(|s| (*s).to_owned()).collect(),
        })
        .collect()
}

/// Every value of a vocabulary with its words, in order: for the policy's lists, the policy's
/// names (Chinese, English).
pub fn values(policy: &Policy, v: Vocab) -> Vec<ValueWords> {
    match v {
        Vocab::Recommender => of::<Recommender>(),
        Vocab::LeadKind => of::<LeadKind>(),
        Vocab::LegalStatus => of::<LegalStatus>(),
        Vocab::Platform => of::<Platform>(),
        Vocab::Field(list) => policy
            .list(list)
            .iter()
            .map(|c| ValueWords {
                id: c.id.clone(),
                zh: c.name.zh.clone(),
                en: c.name.en.clone(),
                also: Vec::new(),
            })
            .collect(),
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
            "Year 5 total investment (万元)"
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
                for word in [&x.id, &x.zh, &x.en].into_iter().chain(&x.also) {
                    if let Some(other) = seen.insert(word.clone(), x.id.clone()) {
                        assert_eq!(other, x.id, "{word} names {other} and {}", x.id);
                    }
                }
            }
        }
    }
}
