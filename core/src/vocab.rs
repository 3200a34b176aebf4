//! The closed vocabularies of the interchange contract: every enum an applicant or an
//! assessment uses, with the exact identifiers the contract fixes.
//!
//! This module is also compiled into `build.rs` (the policy file names some of these values),
//! so it depends on nothing but `serde`.

use serde::{Deserialize, Serialize};

macro_rules! vocab {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $variant:ident = $id:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[allow(clippy::enum_variant_names)]
        pub enum $name {
            $($(#[$vm])* #[serde(rename = $id)] $variant),+
        }
        impl $name {
            /// Every value, in the contract's order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The identifier used in applicant and assessment files.
            pub const fn id(self) -> &'static str {
                match self { $($name::$variant => $id),+ }
            }
            /// The value whose identifier is `id`, if any.
            pub fn from_id(id: &str) -> Option<Self> {
                match id { $($id => Some($name::$variant),)+ _ => None }
            }
        }
    };
}

vocab! {
    /// Who puts the applicant forward (三（一）).
    Recommender {
        /// 区（县、市）政府/管委会.
        District = "district",
        /// 市级有关部门.
        MunicipalDepartment = "municipal_department",
        /// 市政府主动布局.
        MunicipalLayout = "municipal_layout",
        /// Nobody yet.
        None = "none",
    }
}

vocab! {
    /// The kind of the main 依托单位 (二（三）).
    LeadKind {
        /// An enterprise.
        Enterprise = "enterprise",
        /// A university.
        University = "university",
        /// A research institute.
        ResearchInstitute = "research_institute",
        /// Anything else.
        Other = "other",
    }
}

vocab! {
    /// Provincial-or-higher innovation carriers the lead unit already runs (二（三）).
    Platform {
        /// 国家工程技术研究中心.
        NationalEngineeringCenter = "national_engineering_center",
        /// 省工程技术研究中心.
        ProvincialEngineeringCenter = "provincial_engineering_center",
        /// 省重点企业研究院.
        ProvincialKeyEnterpriseInstitute = "provincial_key_enterprise_institute",
        /// 国家企业技术中心.
        NationalEnterpriseTechCenter = "national_enterprise_tech_center",
        /// 省级企业技术中心.
        ProvincialEnterpriseTechCenter = "provincial_enterprise_tech_center",
        /// 重点实验室.
        KeyLaboratory = "key_laboratory",
        /// 其他省级以上创新载体.
        OtherProvincialPlatform = "other_provincial_platform",
    }
}

vocab! {
    /// Legal form of the centre (四).
    LegalStatus {
        /// 独立法人.
        Independent = "independent",
        /// 人、物相对独立 + 财务单独核算, not yet a legal entity.
        SeparateAccounting = "separate_accounting",
        /// Neither.
        None = "none",
    }
}

vocab! {
    /// The organisational flags of 四（一）.
    OrgFlag {
        /// 理事会（董事会）.
        Board = "board",
        /// 中心主任（总经理）.
        Director = "director",
        /// 首席科学家.
        ChiefScientist = "chief_scientist",
        /// 专家咨询委员会.
        ExpertCommittee = "expert_committee",
    }
}

vocab! {
    /// The whole-number answers a threshold can be checked against.
    Metric {
        /// `organization.bases`.
        Bases = "bases",
        /// `team.staff_year2`.
        StaffYear2 = "staff_year2",
        /// `team.teams_year2`.
        TeamsYear2 = "teams_year2",
        /// `team.staff_year5`.
        StaffYear5 = "staff_year5",
        /// `team.teams_year5`.
        TeamsYear5 = "teams_year5",
        /// `ecosystem.transfer_bases`.
        TransferBases = "transfer_bases",
        /// `ecosystem.partner_firms`.
        PartnerFirms = "partner_firms",
        /// `ecosystem.spinoffs`.
        Spinoffs = "spinoffs",
        /// `ecosystem.firms_served`.
        FirmsServed = "firms_served",
    }
}

vocab! {
    /// The lists of `fields`.
    FieldList {
        /// 三大科创高地.
        Highlands = "highlands",
        /// 标志性产业链.
        Chains = "chains",
        /// 重点优势产业集群.
        Clusters = "clusters",
    }
}

vocab! {
    /// When a requirement must be met.
    Due {
        /// Before applying.
        Application = "application",
        /// Within 2 years of approval.
        Year2 = "year2",
        /// Within 5 years of approval.
        Year5 = "year5",
        /// At acceptance, when construction ends.
        Acceptance = "acceptance",
    }
}

vocab! {
    /// Whether a gap blocks eligibility.
    Kind {
        /// A gap makes the applicant not eligible.
        Gate = "gate",
        /// To be met by its due point.
        Condition = "condition",
    }
}

vocab! {
    /// The outcome of one requirement.
    Status {
        /// The answers meet it.
        Met = "met",
        /// The answers are known and fall short.
        Gap = "gap",
        /// Some answer it needs is missing.
        Unknown = "unknown",
    }
}

vocab! {
    /// The overall verdict.
    Verdict {
        /// Every requirement met.
        Eligible = "eligible",
        /// Gates met, some conditions open.
        EligibleWithGaps = "eligible_with_gaps",
        /// A gate is a gap.
        NotEligible = "not_eligible",
        /// A gate is unknown.
        Incomplete = "incomplete",
    }
}

vocab! {
    /// The term of the funding formula that decided a year's amount.
    LimitedBy {
        /// 30% of the year's base.
        Rate = "rate",
        /// The first-year cap.
        FirstYearCap = "first_year_cap",
        /// What is left of the total cap.
        TotalCap = "total_cap",
    }
}

vocab! {
    /// A rating of one indicator of 附件1.
    Rating {
        /// Fully in place.
        Met = "met",
        /// Partly in place.
        Partial = "partial",
        /// Not in place.
        NotMet = "not_met",
        /// Not answered.
        Unknown = "unknown",
    }
}

vocab! {
    /// The unit of a policy parameter.
    Unit {
        /// 万元 (10,000 CNY).
        Wan = "wan",
        /// Per cent.
        Percent = "percent",
        /// Years.
        Years = "years",
        /// People.
        People = "people",
        /// Teams.
        Teams = "teams",
        /// Bases.
        Bases = "bases",
        /// Firms.
        Firms = "firms",
        /// Annual evaluations.
        Evaluations = "evaluations",
    }
}

vocab! {
    /// The annual performance evaluation of a year of construction (五（四）).
    Evaluation {
        /// 优秀.
        Excellent = "excellent",
        /// 合格.
        Pass = "pass",
        /// 不合格.
        Fail = "fail",
    }
}

vocab! {
    /// Where a centre stands during construction (contract `tic-progress/1`).
    Standing {
        /// Nothing is wrong so far.
        OnTrack = "on_track",
        /// The latest evaluation failed, or a milestone was missed.
        Warning = "warning",
        /// Two evaluations in a row failed: 摘牌.
        Delisted = "delisted",
        /// Construction is over and every milestone due at its end is met: 验收.
        Accepted = "accepted",
        /// Construction is over and a milestone due at its end is missed: 取消创建资格.
        Revoked = "revoked",
        /// Construction is over, none missed, some not known.
        AcceptanceUnknown = "acceptance_unknown",
    }
}

vocab! {
    /// The status of one milestone of construction.
    MilestoneStatus {
        /// Due and reached.
        Met = "met",
        /// Due and known to fall short.
        Missed = "missed",
        /// Due, but the figure is not reported.
        Unknown = "unknown",
        /// Not due yet.
        Pending = "pending",
    }
}

vocab! {
    /// Where a milestone's required value comes from.
    TargetSource {
        /// The policy's default.
        Policy = "policy",
        /// The centre's own target in its 建设责任书.
        Agreement = "agreement",
    }
}

vocab! {
    /// The outlook of one subsidy year during construction.
    Outlook {
        /// Nothing stands in its way.
        Normal = "normal",
        /// The evaluation of the year before failed.
        AtRisk = "at_risk",
        /// The year before is not evaluated yet.
        Pending = "pending",
        /// The centre was delisted before this year.
        Stopped = "stopped",
    }
}

vocab! {
    /// The figures a centre reports for each construction year, in the order they are shown.
    YearField {
        /// All investment of the year, 万元.
        InvestmentWan = "investment_wan",
        /// 创新能力建设投入 of the year, 万元 (the subsidy base).
        CapacityInvestmentWan = "capacity_investment_wan",
        /// Staff of the innovation team at the end of the year.
        Staff = "staff",
        /// High-level teams at the end of the year.
        Teams = "teams",
        /// Bases beyond the core at the end of the year.
        Bases = "bases",
        /// Legal form at the end of the year.
        LegalStatus = "legal_status",
        /// Bases for technology transfer at the end of the year.
        TransferBases = "transfer_bases",
        /// Closely cooperating firms at the end of the year.
        PartnerFirms = "partner_firms",
        /// Spin-offs incubated since approval.
        Spinoffs = "spinoffs",
        /// Firms served since approval.
        FirmsServed = "firms_served",
        /// The year's annual evaluation.
        Evaluation = "evaluation",
        /// Municipal subsidy received in the year, 万元.
        SubsidyReceivedWan = "subsidy_received_wan",
    }
}
