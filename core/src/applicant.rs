//! An applicant profile (contract `tic-applicant/1`). Every answer is optional: an absent answer
//! makes the requirements that need it `unknown`.

use crate::keymap::KeyMap;
use crate::money::Wan;
use crate::vocab::{LeadKind, LegalStatus, Platform, Rating, Recommender};
use serde::Serialize;

/// The schema identifier of applicant files.
pub const APPLICANT_SCHEMA: &str = "tic-applicant/1";

/// An applicant profile. Build one with [`crate::parse_applicant`] (which checks everything) or
/// by hand; [`Applicant::default`] answers nothing.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Applicant {
    /// Always [`APPLICANT_SCHEMA`] when written.
    #[serde(serialize_with = "schema_id")]
    pub schema: (),
    /// Name of the planned centre.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// District (区（县、市）) or 管委会.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    /// Who recommends.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recommended_by: Option<Recommender>,
    /// The main 依托单位.
    #[serde(skip_serializing_if = "LeadUnit::is_empty")]
    pub lead_unit: LeadUnit,
    /// Fields of work.
    #[serde(skip_serializing_if = "Fields::is_empty")]
    pub fields: Fields,
    /// Organisation.
    #[serde(skip_serializing_if = "Organization::is_empty")]
    pub organization: Organization,
    /// Total investment per construction year, year 1 first. Years not given are unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub investment_wan: Option<Vec<Wan>>,
    /// Capacity-building investment of the subsidised years (the subsidy base).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capacity_investment_wan: Option<Vec<Wan>>,
    /// Team at year 2 and year 5.
    #[serde(skip_serializing_if = "Team::is_empty")]
    pub team: Team,
    /// Ecosystem at the end of construction.
    #[serde(skip_serializing_if = "Ecosystem::is_empty")]
    pub ecosystem: Ecosystem,
    /// Self-ratings of the 附件1 indicators, by indicator id ("1.1" … "10.7").
    #[serde(skip_serializing_if = "KeyMap::is_empty")]
    pub indicators: KeyMap<Rating>,
}

fn schema_id<S: serde::Serializer>(_: &(), s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(APPLICANT_SCHEMA)
}

/// The main 依托单位.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct LeadUnit {
    /// Its kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<LeadKind>,
    /// An enterprise with outstanding innovation capacity.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub leading_enterprise: Option<bool>,
    /// Provincial-or-higher platforms it runs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub platforms: Option<Vec<Platform>>,
}

/// Fields of work (二（二）).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Fields {
    /// 三大科创高地, policy identifiers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub highlands: Option<Vec<String>>,
    /// 标志性产业链, policy identifiers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chains: Option<Vec<String>>,
    /// 重点优势产业集群, policy identifiers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clusters: Option<Vec<String>>,
    /// 碳达峰碳中和 technology.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub carbon_neutral: Option<bool>,
    /// A field outside the policy's lists, in the applicant's words (二（二）'s list ends in
    /// 「等」): with no listed field chosen, it leaves `scope.field` to the reviewers' judgement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other: Option<String>,
}

impl Fields {
    /// The field described outside the lists, if any text is there: spaces and the invisible
    /// characters pasted text carries ([`crate::number::invisible`]) are no answer.
    pub fn described(&self) -> Option<&str> {
        self.other
            .as_deref()
            .map(|t| t.trim_matches(crate::number::invisible))
            .filter(|t| !t.is_empty())
    }
}

/// Organisation (四).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Organization {
    /// Legal status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub legal_status: Option<LegalStatus>,
    /// Bases beyond the core.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bases: Option<u32>,
    /// 理事会（董事会）.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub board: Option<bool>,
    /// 中心主任（总经理）.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub director: Option<bool>,
    /// 首席科学家.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chief_scientist: Option<bool>,
    /// 专家咨询委员会.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expert_committee: Option<bool>,
}

/// Team (二（六）).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Team {
    /// Staff at year 2.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub staff_year2: Option<u32>,
    /// High-level teams at year 2.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub teams_year2: Option<u32>,
    /// Staff at year 5.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub staff_year5: Option<u32>,
    /// High-level teams at year 5.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub teams_year5: Option<u32>,
}

/// Ecosystem at the end of construction (二（十）).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Ecosystem {
    /// 承接技术转移转化和产业化的基地.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transfer_bases: Option<u32>,
    /// 紧密合作企业.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partner_firms: Option<u32>,
    /// 累计衍生孵化企业.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub spinoffs: Option<u32>,
    /// 累计服务企业.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub firms_served: Option<u32>,
}

impl LeadUnit {
    /// Nothing answered.
    pub fn is_empty(&self) -> bool {
        *self == LeadUnit::default()
    }
}
impl Fields {
    /// Nothing answered.
    pub fn is_empty(&self) -> bool {
        *self == Fields::default()
    }
}
impl Organization {
    /// Nothing answered.
    pub fn is_empty(&self) -> bool {
        *self == Organization::default()
    }
}
impl Team {
    /// Nothing answered.
    pub fn is_empty(&self) -> bool {
        *self == Team::default()
    }
}
impl Ecosystem {
    /// Nothing answered.
    pub fn is_empty(&self) -> bool {
        *self == Ecosystem::default()
    }
}

impl Applicant {
    /// The applicant as contract JSON (pretty-printed), ready to save or to put in a link.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}
