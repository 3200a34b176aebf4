//! The one tabular layout: one column per contract field, each with an English and a Chinese
//! header, and the words accepted in its cells.

use std::collections::HashMap;
use std::sync::OnceLock;
use tic_core::policy::Policy;
use tic_core::vocab::{FieldList, LeadKind, LegalStatus, Platform, Recommender};

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

/// The vocabularies a cell may name, by identifier or by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Vocab {
    /// `recommended_by`.
    Recommender,
    /// `lead_unit.kind`.
    LeadKind,
    /// `organization.legal_status`.
    LegalStatus,
    /// `lead_unit.platforms`.
    Platform,
    /// A list of the policy's `fields`.
    Field(FieldList),
}

/// One column of the layout.
#[derive(Clone, Copy, Debug)]
pub struct Column {
    /// The English header: the contract's field path (`.year1` … for the years).
    pub key: &'static str,
    /// The Chinese header.
    pub zh: &'static str,
    /// The contract field path it fills (`investment_wan[0]` for year 1).
    pub path: &'static str,
    /// What it holds.
    pub kind: Kind,
    /// The value of the template's example row.
    pub example: &'static str,
}

const fn col(
    key: &'static str,
    zh: &'static str,
    path: &'static str,
    kind: Kind,
    example: &'static str,
) -> Column {
    Column {
        key,
        zh,
        path,
        kind,
        example,
    }
}

/// Every column, in template order.
pub const COLUMNS: &[Column] = &[
    col(
        "name",
        "名称",
        "name",
        Kind::Text,
        "宁波市某某材料技术创新中心",
    ),
    col("district", "所在区县", "district", Kind::Text, "鄞州区"),
    col(
        "recommended_by",
        "推荐方式",
        "recommended_by",
        Kind::Choice(Vocab::Recommender),
        "区县推荐",
    ),
    col(
        "lead_unit.kind",
        "依托单位类型",
        "lead_unit.kind",
        Kind::Choice(Vocab::LeadKind),
        "企业",
    ),
    col(
        "lead_unit.leading_enterprise",
        "是否领军企业",
        "lead_unit.leading_enterprise",
        Kind::Bool,
        "是",
    ),
    col(
        "lead_unit.platforms",
        "省级以上创新载体",
        "lead_unit.platforms",
        Kind::List(Vocab::Platform),
        "省工程技术研究中心",
    ),
    col(
        "fields.highlands",
        "科创高地",
        "fields.highlands",
        Kind::List(Vocab::Field(FieldList::Highlands)),
        "新材料",
    ),
    col(
        "fields.chains",
        "标志性产业链",
        "fields.chains",
        Kind::List(Vocab::Field(FieldList::Chains)),
        "无",
    ),
    col(
        "fields.clusters",
        "重点优势产业集群",
        "fields.clusters",
        Kind::List(Vocab::Field(FieldList::Clusters)),
        "炼化一体化与新材料",
    ),
    col(
        "fields.carbon_neutral",
        "碳达峰碳中和技术",
        "fields.carbon_neutral",
        Kind::Bool,
        "否",
    ),
    col(
        "organization.legal_status",
        "法人状态",
        "organization.legal_status",
        Kind::Choice(Vocab::LegalStatus),
        "独立法人",
    ),
    col(
        "organization.bases",
        "核心以外基地数",
        "organization.bases",
        Kind::Count,
        "2",
    ),
    col(
        "organization.board",
        "理事会（董事会）",
        "organization.board",
        Kind::Bool,
        "是",
    ),
    col(
        "organization.director",
        "中心主任（总经理）",
        "organization.director",
        Kind::Bool,
        "是",
    ),
    col(
        "organization.chief_scientist",
        "首席科学家",
        "organization.chief_scientist",
        Kind::Bool,
        "是",
    ),
    col(
        "organization.expert_committee",
        "专家咨询委员会",
        "organization.expert_committee",
        Kind::Bool,
        "是",
    ),
    col(
        "investment_wan.year1",
        "第1年总投入（万元）",
        "investment_wan[0]",
        Kind::Money,
        "6000",
    ),
    col(
        "investment_wan.year2",
        "第2年总投入（万元）",
        "investment_wan[1]",
        Kind::Money,
        "5000",
    ),
    col(
        "investment_wan.year3",
        "第3年总投入（万元）",
        "investment_wan[2]",
        Kind::Money,
        "4000",
    ),
    col(
        "investment_wan.year4",
        "第4年总投入（万元）",
        "investment_wan[3]",
        Kind::Money,
        "3000",
    ),
    col(
        "investment_wan.year5",
        "第5年总投入（万元）",
        "investment_wan[4]",
        Kind::Money,
        "3000",
    ),
    col(
        "capacity_investment_wan.year1",
        "第1年创新能力建设投入（万元）",
        "capacity_investment_wan[0]",
        Kind::Money,
        "2000",
    ),
    col(
        "capacity_investment_wan.year2",
        "第2年创新能力建设投入（万元）",
        "capacity_investment_wan[1]",
        Kind::Money,
        "1500",
    ),
    col(
        "capacity_investment_wan.year3",
        "第3年创新能力建设投入（万元）",
        "capacity_investment_wan[2]",
        Kind::Money,
        "1200",
    ),
    col(
        "team.staff_year2",
        "第2年创新队伍人数",
        "team.staff_year2",
        Kind::Count,
        "120",
    ),
    col(
        "team.teams_year2",
        "第2年高层次团队数",
        "team.teams_year2",
        Kind::Count,
        "2",
    ),
    col(
        "team.staff_year5",
        "第5年创新队伍人数",
        "team.staff_year5",
        Kind::Count,
        "320",
    ),
    col(
        "team.teams_year5",
        "第5年高层次团队数",
        "team.teams_year5",
        Kind::Count,
        "5",
    ),
    col(
        "ecosystem.transfer_bases",
        "技术转移转化基地数",
        "ecosystem.transfer_bases",
        Kind::Count,
        "1",
    ),
    col(
        "ecosystem.partner_firms",
        "紧密合作企业数",
        "ecosystem.partner_firms",
        Kind::Count,
        "25",
    ),
    col(
        "ecosystem.spinoffs",
        "累计衍生孵化企业数",
        "ecosystem.spinoffs",
        Kind::Count,
        "5",
    ),
    col(
        "ecosystem.firms_served",
        "累计服务企业数",
        "ecosystem.firms_served",
        Kind::Count,
        "120",
    ),
];

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

/// The column a header names: its English key (dots or underscores), its Chinese header, or the
/// template's `中文（key）`. `None` for an unknown header.
pub fn column_for_header(header: &str) -> Option<usize> {
    static MAP: OnceLock<HashMap<String, usize>> = OnceLock::new();
    let map = MAP.get_or_init(|| {
        let mut m = HashMap::new();
        for (i, c) in COLUMNS.iter().enumerate() {
            m.insert(fold(c.key), i);
            m.insert(fold(&c.key.replace('.', "_")), i);
            m.insert(fold(c.path), i);
            m.insert(fold(c.zh), i);
            m.insert(fold(&c.template_header()), i);
            m.insert(fold(&format!("{} ({})", c.zh, c.key)), i);
        }
        m
    });
    let f = fold(header);
    if let Some(i) = map.get(&f) {
        return Some(*i);
    }
    // `anything (key)`: the part in the last brackets decides.
    let inner = f.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    map.get(&inner[open + 1..]).copied()
}

/// Whether a header is one of the ignored note columns (or starts with `#`).
pub fn is_ignored_header(header: &str) -> bool {
    let f = fold(header);
    f.starts_with('#') || IGNORED_HEADERS.iter().any(|h| fold(h) == f)
}

/// Chinese names (and other accepted words) of the contract's own vocabularies.
fn fixed_aliases(v: Vocab) -> &'static [(&'static str, &'static str)] {
    match v {
        Vocab::Recommender => &[
            ("区县推荐", "district"),
            ("区（县、市）推荐", "district"),
            ("区（县、市）政府推荐", "district"),
            ("区（县、市）政府/管委会", "district"),
            ("管委会推荐", "district"),
            ("区县", "district"),
            ("市级部门推荐", "municipal_department"),
            ("市级有关部门", "municipal_department"),
            ("市级有关部门推荐", "municipal_department"),
            ("市级部门", "municipal_department"),
            ("市政府主动布局", "municipal_layout"),
            ("主动布局", "municipal_layout"),
            ("无", "none"),
            ("暂无", "none"),
            ("未推荐", "none"),
        ],
        Vocab::LeadKind => &[
            ("企业", "enterprise"),
            ("高校", "university"),
            ("高等院校", "university"),
            ("大学", "university"),
            ("科研院所", "research_institute"),
            ("科研机构", "research_institute"),
            ("其他", "other"),
            ("其他单位", "other"),
        ],
        Vocab::LegalStatus => &[
            ("独立法人", "independent"),
            ("单独核算", "separate_accounting"),
            ("财务单独核算", "separate_accounting"),
            ("人、物相对独立、财务单独核算", "separate_accounting"),
            ("相对独立", "separate_accounting"),
            ("无", "none"),
            ("尚未独立", "none"),
            ("未独立", "none"),
        ],
        Vocab::Platform => &[
            ("国家工程技术研究中心", "national_engineering_center"),
            ("省工程技术研究中心", "provincial_engineering_center"),
            ("省级工程技术研究中心", "provincial_engineering_center"),
            ("省重点企业研究院", "provincial_key_enterprise_institute"),
            ("国家企业技术中心", "national_enterprise_tech_center"),
            ("省级企业技术中心", "provincial_enterprise_tech_center"),
            ("省企业技术中心", "provincial_enterprise_tech_center"),
            ("重点实验室", "key_laboratory"),
            ("其他省级以上创新载体", "other_provincial_platform"),
            ("其他省级创新载体", "other_provincial_platform"),
        ],
        Vocab::Field(_) => &[],
    }
}

fn vocab_ids(v: Vocab) -> Vec<&'static str> {
    match v {
        Vocab::Recommender => Recommender::ALL.iter().map(|x| x.id()).collect(),
        Vocab::LeadKind => LeadKind::ALL.iter().map(|x| x.id()).collect(),
        Vocab::LegalStatus => LegalStatus::ALL.iter().map(|x| x.id()).collect(),
        Vocab::Platform => Platform::ALL.iter().map(|x| x.id()).collect(),
        Vocab::Field(_) => Vec::new(),
    }
}

/// The contract identifier a cell word names in a vocabulary: the identifier itself (any case),
/// a Chinese name, or (for the policy's lists) the English name. `None` if it names nothing;
/// the caller then passes the word on and the core reports it with the allowed identifiers.
pub fn identifier(policy: &Policy, v: Vocab, word: &str) -> Option<String> {
    // Exact identifiers and Chinese names first, without allocating.
    if let Vocab::Field(list) = v {
        if let Some(c) = policy
            .list(list)
            .iter()
            .find(|c| c.id == word || c.name.zh == word)
        {
            return Some(c.id.clone());
        }
    } else if let Some(id) = vocab_ids(v).into_iter().find(|id| *id == word) {
        return Some(id.to_owned());
    } else if let Some((_, id)) = fixed_aliases(v).iter().find(|(name, _)| *name == word) {
        return Some((*id).to_owned());
    }
    let f = fold(word);
    if let Vocab::Field(list) = v {
        return policy
            .list(list)
            .iter()
            .find(|c| fold(&c.id) == f || fold(&c.name.zh) == f || fold(&c.name.en) == f)
            .map(|c| c.id.clone());
    }
    if let Some(id) = vocab_ids(v).into_iter().find(|id| fold(id) == f) {
        return Some(id.to_owned());
    }
    fixed_aliases(v)
        .iter()
        .find(|(name, _)| fold(name) == f)
        .map(|(_, id)| (*id).to_owned())
}

/// Every allowed value of a vocabulary by its labels (Chinese, English), in order: the
/// policy's names for its lists, else the first Chinese name of [`fixed_aliases`] and the
/// identifier's words. What messages list instead of identifiers.
pub fn labels(policy: &Policy, v: Vocab) -> Vec<(String, String)> {
    if let Vocab::Field(list) = v {
        return policy
            .list(list)
            .iter()
            .map(|c| (c.name.zh.clone(), c.name.en.clone()))
            .collect();
    }
    vocab_ids(v)
        .into_iter()
        .map(|id| {
            let zh = chinese_name(policy, v, id).unwrap_or_else(|| id.to_owned());
            (zh, id.replace('_', " "))
        })
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
    // Every accepted name with the identifier it names.
    let mut names: Vec<(String, String)> = Vec::new();
    if let Vocab::Field(list) = v {
        for c in policy.list(list) {
            for name in [&c.id, &c.name.zh, &c.name.en] {
                names.push((fold(name), c.id.clone()));
            }
        }
    } else {
        for id in vocab_ids(v) {
            names.push((fold(id), id.to_owned()));
        }
        for (name, id) in fixed_aliases(v) {
            names.push((fold(name), (*id).to_owned()));
        }
    }
    let (d, id) = names
        .iter()
        .map(|(name, id)| {
            let d = crate::read::edit_distance(&f, name);
            // A word contained in a name (or the reverse) is close too.
            let d = if name.contains(f.as_str()) || f.contains(name.as_str()) {
                d.min(n.abs_diff(name.chars().count()).max(1))
            } else {
                d
            };
            (d, id)
        })
        .min_by_key(|(d, _)| *d)?;
    if d > (n / 3).max(1) {
        return None;
    }
    labels(policy, v)
        .into_iter()
        .zip(match v {
            Vocab::Field(list) => policy.list(list).iter().map(|c| c.id.clone()).collect(),
            _ => vocab_ids(v)
                .into_iter()
                .map(str::to_owned)
                .collect::<Vec<_>>(),
        })
        .find(|(_, i)| i == id)
        .map(|(l, _)| l)
}

/// The Chinese name of an identifier, for the template and the docs.
pub fn chinese_name(policy: &Policy, v: Vocab, id: &str) -> Option<String> {
    if let Vocab::Field(list) = v {
        return policy
            .list(list)
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.name.zh.clone());
    }
    fixed_aliases(v)
        .iter()
        .find(|(_, i)| *i == id)
        .map(|(name, _)| (*name).to_owned())
}

/// Every identifier of a vocabulary with its first Chinese name, for the docs.
pub fn vocabulary(policy: &Policy, v: Vocab) -> Vec<(String, String)> {
    let ids: Vec<String> = match v {
        Vocab::Field(list) => policy.list(list).iter().map(|c| c.id.clone()).collect(),
        _ => vocab_ids(v).into_iter().map(str::to_owned).collect(),
    };
    ids.into_iter()
        .map(|id| {
            let zh = chinese_name(policy, v, &id).unwrap_or_default();
            (id, zh)
        })
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
        let inv2 = COLUMNS
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
            assert_eq!(column_for_header(h), Some(inv2), "{h}");
        }
        assert_eq!(column_for_header("investment_year9"), None);
    }

    #[test]
    fn every_header_is_unique() {
        let mut seen = std::collections::HashSet::new();
        for c in COLUMNS {
            assert!(seen.insert(fold(c.key)), "{}", c.key);
            assert!(seen.insert(fold(c.zh)), "{}", c.zh);
        }
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
