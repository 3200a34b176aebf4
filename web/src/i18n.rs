//! Every string of the page's own interface, in Chinese and English. Policy names, titles,
//! explanations and clause texts come from the core (`tic_core::Text`), not from here.

use tic_core::vocab::Verdict;
use tic_core::vocab::{Due, LimitedBy};
use tic_core::Lang;

pub use tic_ui::words::*;

/// Name of the service in the top bar.
pub const SERVICE: Tr = Tr(
    "宁波市技术创新中心 · 申报自评工具",
    "Ningbo Technology Innovation Centres · self-assessment",
);
/// Phase banner tag.
pub const PHASE_TAG: Tr = Tr("草案", "Draft");
/// Phase banner text.
pub const PHASE_TEXT: Tr = Tr(
    "依据《宁波市技术创新中心建设工作指引（试行）》征求意见稿，结果仅为估算。",
    "Based on the draft for comments of the Ningbo guideline; results are estimates.",
);
/// Page title.
pub const TITLE: Tr = Tr(
    "宁波市技术创新中心申报自评",
    "Ningbo Technology Innovation Centre: self-assessment",
);
/// Line under the title.
pub const LEAD: Tr = Tr(
    "填写中心的基本情况，即时查看是否满足建设条件、各阶段的要求和可获得的市级资金支持估算。所填信息只保存在本浏览器中，不会发送到任何地方。",
    "Describe the planned centre: see at once whether it meets the conditions, what it must reach by when, and the municipal subsidy it could get. Your answers never leave this browser.",
);
/// Heading of the form.
pub const FORM_HEADING: Tr = Tr("填写情况", "Your answers");
/// Heading of the results.
pub const RESULTS_HEADING: Tr = Tr("自评结果", "Result");
/// Progress label.
pub const PROGRESS: Tr = Tr("填写进度", "Answered");
/// Error summary heading.
pub const ERROR_SUMMARY: Tr = Tr("请检查以下内容", "There is a problem");
/// Error summary intro.
pub const ERROR_SUMMARY_INTRO: Tr = Tr(
    "以下填写内容暂未计入结果，其余内容已照常计算：",
    "These answers are left out of the result until corrected; everything else is counted:",
);
/// Option meaning "not answered".
pub const CHOOSE: Tr = Tr("请选择", "Select");
/// Yes.
pub const YES: Tr = Tr("是", "Yes");
/// No.
pub const NO: Tr = Tr("否", "No");
/// Checkbox: none of these.
pub const NONE_OF_THESE: Tr = Tr("以上都没有", "None of these");
/// Hint under a checkbox list.
pub const CHECK_ALL: Tr = Tr("可多选。", "Select all that apply.");
/// Unit after money inputs.
pub const WAN_SHORT: Tr = Tr("万元", "万元");
/// Between the choices and "none of these".
pub const OR: Tr = Tr("或", "or");
/// Hint of the fields section.
pub const HINT_FIELDS: Tr = Tr(
    "二（二）：围绕三大科创高地和十大标志性产业链，抢占碳达峰碳中和技术制高点，聚焦重点优势产业集群。至少属于其中之一。",
    "二（二）: the centre must work in at least one of the highlands, landmark chains or priority clusters, or on carbon-peak / carbon-neutral technology.",
);
/// Marker of an unconfirmed list entry.
pub const UNCONFIRMED: Tr = Tr("待确认", "unconfirmed");
/// Error: a later year given while an earlier one is empty.
pub const ERR_EARLIER_YEAR: Tr = Tr(
    "前一年尚未填写：请按年份顺序填写，或清空之后的年份",
    "the year before is empty: fill the years in order, or clear the later ones",
);
/// District choice "other".
pub const DISTRICT_OTHER: Tr = Tr("其他（请填写）", "Other (type it)");
/// Label of the free-text district.
pub const DISTRICT_OTHER_LABEL: Tr = Tr("所在区域名称", "Name of the district or zone");

/// Section headings and their clause, hint.
pub const SEC_BASIC: Tr = Tr("基本情况与推荐", "The centre and who recommends it");
/// Fields section.
pub const SEC_FIELDS: Tr = Tr("重点领域", "Priority fields");
/// Lead unit section.
pub const SEC_LEAD: Tr = Tr("依托单位与创新载体", "Lead unit and its platforms");
/// Organisation section.
pub const SEC_ORG: Tr = Tr("组织架构", "Organisation");
/// Investment section.
pub const SEC_INVEST: Tr = Tr("资金投入", "Investment");
/// Team section.
pub const SEC_TEAM: Tr = Tr("人才团队", "Team");
/// Ecosystem section.
pub const SEC_ECO: Tr = Tr("创新生态", "Innovation ecosystem");
/// Indicators section.
pub const SEC_IND: Tr = Tr(
    "指标体系自评（附件1）",
    "Self-rating of the indicators (Annex 1)",
);
/// Hint of the investment section.
pub const HINT_INVEST: Tr = Tr(
    "按建设年度填写各类资金投入合计（依托单位、共建单位、财政补助等），单位万元。未填的年份按“未知”处理，不按0计。",
    "Total investment from all sources (lead unit, partners, public funds) per construction year, in 万元. A year left empty counts as unknown, not as zero.",
);
/// Heading of total investment.
pub const INVEST_TOTAL: Tr = Tr("各年度总投入", "Total investment per year");
/// Heading of capacity investment.
pub const INVEST_CAPACITY: Tr = Tr(
    "创新能力建设投入（资金支持的计算基数）",
    "Capacity-building investment (the subsidy base)",
);
/// The policy's reading of the subsidy base when no capacity investment is given.
fn reading_base(lang: Lang) -> &'static str {
    tic_core::policy::current()
        .readings_for("funding_base")
        .next()
        .map_or("", |r| r.text.get(lang))
}

/// Hint of capacity investment (the subsidised years from the policy; the fallback is the
/// tool's assumption, and the policy data's reading says so).
pub fn hint_capacity(lang: Lang) -> String {
    let n = tic_core::policy::current().funding.years;
    pick(
        lang,
        format!(
            "资金支持年度（前{n}年）每年的创新能力建设投入。{}",
            reading_base(Lang::Zh)
        ),
        format!(
            "Capacity-building investment in each subsidised year (years 1–{n}). {}",
            reading_base(Lang::En)
        ),
    )
}
/// Hint of the team section (the horizons from the policy).
pub fn hint_team(lang: Lang) -> String {
    let p = tic_core::policy::current();
    let (a, b) = (p.first_horizon, p.second_horizon);
    pick(
        lang,
        format!("批复创建后第{a}年和第{b}年计划（或已有）的人数和团队数。"),
        format!("Planned (or actual) numbers at year {a} and year {b} after approval."),
    )
}
/// Hint of the ecosystem section.
pub const HINT_ECO: Tr = Tr(
    "建设期满时的计划数（累计）。",
    "Planned figures at the end of construction (cumulative).",
);
/// Hint of the indicators section (the counts from the policy data).
pub fn hint_ind(lang: Lang) -> String {
    let p = tic_core::policy::current();
    let (g, i) = (p.indicator_groups.len(), p.indicators.len());
    pick(
        lang,
        format!("指引附件1共{g}项一级指标、{i}项二级指标。已由上方信息得出的指标自动显示，无需自评；其余请按实际情况自评。指引未规定权重，结果只统计项数。"),
        format!("Annex 1 has {g} first-level and {i} second-level indicators. Those your answers above already decide are shown as derived; rate the others yourself. The guideline gives no weights, so only counts are shown."),
    )
}
/// Marker of a derived indicator.
pub const DERIVED: Tr = Tr("由上方填写的信息得出", "Derived from your answers above");
/// Marker of a derivable indicator not yet derived.
pub const DERIVABLE: Tr = Tr(
    "填写上方相关信息后将自动得出；也可先自评",
    "Will be derived once the related answers above are given; you may rate it meanwhile",
);
/// Hint of the chains list.
pub const CHAINS_UNCONFIRMED: Tr = Tr(
    "注意：指引原文未列出“十大标志性产业链”的名单。以下名单来自公开资料，尚未确认是否为指引所指，仅供参考。",
    "Note: the guideline does not list the ten landmark chains. The names below come from public sources and are not confirmed to be the ones it means.",
);
/// Group heading for Ningbo chains.
pub const CHAINS_NINGBO: Tr = Tr("宁波市公开资料", "From a Ningbo notice");
/// Group heading for Zhejiang chains.
pub const CHAINS_ZHEJIANG: Tr = Tr("浙江省十大标志性产业链", "Zhejiang's ten landmark chains");
/// Hint of the platforms list.
pub const HINT_PLATFORMS: Tr = Tr(
    "依托单位已建设的省级以上创新载体。可多选。",
    "Provincial-or-higher innovation platforms the lead unit already runs. Select all that apply.",
);

/// Autosave note.
pub const AUTOSAVE_ON: Tr = Tr(
    "填写内容自动保存在本浏览器中，刷新页面后仍在。",
    "Your answers are saved in this browser automatically and come back after a reload.",
);
/// Autosave off note.
pub const AUTOSAVE_OFF: Tr = Tr(
    "本页面不自动保存填写内容。",
    "Answers are not saved automatically here.",
);
/// Export.
pub const EXPORT: Tr = Tr("导出为 JSON 文件", "Export as a JSON file");
/// Import.
pub const IMPORT: Tr = Tr("导入 JSON 文件", "Import a JSON file");
/// Copy link.
pub const COPY_LINK: Tr = Tr("复制分享链接", "Copy a link to these answers");
/// Link copied.
pub const LINK_COPIED: Tr = Tr(
    "链接已复制。链接中包含全部填写内容，请只发给可信的人。",
    "Link copied. It holds all your answers: share it only with people you trust.",
);
/// Link not copied automatically.
pub const LINK_NOT_COPIED: Tr = Tr(
    "无法自动复制，请手动复制下面的链接。链接中包含全部填写内容。",
    "Could not copy automatically: copy the link below. It holds all your answers.",
);
/// Label of the link field.
pub const LINK_LABEL: Tr = Tr("分享链接", "Link");
/// Print.
pub const PRINT: Tr = Tr("打印或存为 PDF", "Print or save as PDF");
/// Cleared.
pub const CLEARED: Tr = Tr(
    "已清除全部填写内容和本地保存的数据。",
    "All answers and the data saved in this browser are cleared.",
);
/// Imported.
pub const IMPORTED: Tr = Tr(
    "已导入文件中的填写内容。",
    "The answers from the file are loaded.",
);
/// Loaded from a link.
pub const FROM_LINK: Tr = Tr(
    "已载入链接中的填写内容。",
    "The answers from the link are loaded.",
);
/// Notice: the saved answers could not be read.
pub const SAVED_UNREADABLE: Tr = Tr(
    "此前保存的填写内容无法读取（已损坏或来自其他版本），已从空白开始。",
    "The answers saved earlier could not be read (damaged, or from another version); the form starts empty.",
);
/// Restored from storage.
pub const RESTORED: Tr = Tr(
    "已恢复上次保存的填写内容。",
    "Your saved answers are restored.",
);
/// Import refused.
pub const IMPORT_REFUSED: Tr = Tr(
    "未导入：该文件有以下问题，当前填写内容未作改动。",
    "Not imported: the file has these problems. Your current answers are unchanged.",
);
/// Link refused.
pub const LINK_REFUSED: Tr = Tr(
    "链接中的数据无法读取，当前填写内容未作改动：",
    "The link's data cannot be read; your current answers are unchanged:",
);

/// Verdict section heading.
pub const VERDICT: Tr = Tr("申报条件", "Eligibility");
/// Funding heading, with the clause of the funding terms.
pub fn funding_heading(lang: Lang) -> String {
    let c = &tic_core::policy::current().funding.clause;
    pick(
        lang,
        format!("市级资金支持估算（最高额，{c}）"),
        format!("Municipal subsidy estimate (up to, {c})"),
    )
}
/// Funding note.
pub const FUNDING_NOTE: Tr = Tr(
    "无论结论如何均按获批创建计算，仅为估算。",
    "Computed as if approved, whatever the result; an estimate only.",
);
/// Year n.
pub fn year(n: usize, lang: Lang) -> String {
    pick(lang, format!("第{n}年"), format!("Year {n}"))
}
/// Left of the total cap.
pub const LEFT_OF_CAP: Tr = Tr("合计上限剩余", "Left of the total cap");
/// Base.
pub const BASE: Tr = Tr("计算基数", "Base");
/// Amount.
pub const AMOUNT: Tr = Tr("支持金额", "Subsidy");
/// Decided by.
pub const DECIDED_BY: Tr = Tr("决定因素", "Decided by");
/// Chart legend: cap.
pub const LEGEND_CAP: Tr = Tr("当年上限", "Cap of the year");
/// Chart legend: amount.
pub const LEGEND_AMOUNT: Tr = Tr("支持金额", "Subsidy");
/// Gaps heading.
pub const GAPS: Tr = Tr("各阶段要求", "What must be reached, and when");
/// No open requirement.
pub const NO_GAPS: Tr = Tr("所有要求均已满足。", "Every requirement is met.");
/// Title of the readings beside a group of requirements.
pub const READINGS: Tr = Tr("本工具对原文的理解", "How the tool reads the text");
/// Met requirements group.
pub const MET_GROUP: Tr = Tr("已满足的要求", "Requirements met");
/// Actual.
pub const ACTUAL: Tr = Tr("现有", "Yours");
/// Shortfall.
pub const SHORTFALL: Tr = Tr("尚差", "Missing");
/// Not answered.
pub const NOT_GIVEN: Tr = Tr("未填写", "not given");
/// Clause.
pub const CLAUSE: Tr = Tr("依据", "Clause");
/// Original text.
pub const ORIGINAL: Tr = Tr("查看指引原文", "Original text of the clause (Chinese)");
/// Gate marker.
pub const GATE: Tr = Tr("门槛条件", "Gate");
/// Radar heading.
pub const RADAR: Tr = Tr("指标覆盖情况（附件1）", "Indicator coverage (Annex 1)");
/// Radar note.
pub const RADAR_NOTE: Tr = Tr(
    "每个方向为一项一级指标：深色为已达到的二级指标占比，浅色为已填写（含由上方信息得出）的占比。",
    "Each axis is one first-level indicator: dark is the share of its second-level indicators met, light the share answered (including derived ones).",
);
/// Radar: met share.
pub const RADAR_MET: Tr = Tr("已达到", "Met");
/// Radar: answered share.
pub const RADAR_ANSWERED: Tr = Tr("已填写", "Answered");
/// Radar: group column.
pub const RADAR_GROUP: Tr = Tr("一级指标", "First-level indicator");
/// Notice heading.
pub const NOTICE: Tr = Tr("说明", "About this result");
/// Date label.
pub const DATE: Tr = Tr("评估日期", "Date");
/// Privacy note.
pub const PRIVACY: Tr = Tr(
    "计算全部在您的浏览器中完成，填写内容不会上传。",
    "Everything is computed in your browser; nothing you enter is uploaded.",
);
/// Link of the phone result bar.
pub const SEE_RESULTS: Tr = Tr("查看结果 ↓", "See the result ↓");
/// Skip link.
pub const SKIP_TO_RESULTS: Tr = Tr("跳到自评结果", "Skip to the result");
/// Print heading of the answers.
pub const PRINT_ANSWERS: Tr = Tr("填写内容", "Answers");

/// A date as written in `lang`.
pub fn date(y: u32, m: u32, d: u32, lang: Lang) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    match lang {
        Lang::Zh => format!("{y}年{m}月{d}日"),
        Lang::En => {
            let name = MONTHS
                .get((m as usize).wrapping_sub(1))
                .copied()
                .unwrap_or("");
            format!("{d} {name} {y}")
        }
    }
}

/// Progress text.
pub fn progress(answered: usize, total: usize, lang: Lang) -> String {
    pick(
        lang,
        format!("已填写 {answered} / {total} 项"),
        format!("{answered} of {total} answered"),
    )
}

/// Name of a verdict (the core's wording, shared by every shell).
pub fn verdict(v: Verdict) -> Tr {
    tr(tic_core::explain::verdict_name(v))
}

/// Heading of a due point.
pub fn due(d: Due, lang: Lang) -> String {
    tic_core::explain::due_name(tic_core::policy::current(), d)
        .get(lang)
        .to_owned()
}

fn tr(w: tic_core::Words) -> Tr {
    Tr(w.zh, w.en)
}

/// Name of a funding term, with the policy's numbers (`short` for the chart).
pub fn limited_by(l: LimitedBy, short: bool, lang: Lang) -> String {
    let f = &tic_core::policy::current().funding;
    let rate = tic_core::explain::percent(f.rate_bp);
    let m = |w| tic_core::explain::money(w, lang);
    match (l, short, lang) {
        (LimitedBy::Rate, true, Lang::Zh) => format!("按{rate}"),
        (LimitedBy::Rate, true, Lang::En) => format!("{rate} rule"),
        (LimitedBy::Rate, false, Lang::Zh) => format!("按投入{rate}计"),
        (LimitedBy::Rate, false, Lang::En) => format!("{rate} of the base"),
        (LimitedBy::FirstYearCap, true, Lang::Zh) => "首年上限".into(),
        (LimitedBy::FirstYearCap, true, Lang::En) => "1st-year cap".into(),
        (LimitedBy::FirstYearCap, false, Lang::Zh) => format!("首年上限{}", m(f.first_year_cap)),
        (LimitedBy::FirstYearCap, false, Lang::En) => {
            format!("First-year cap ({})", m(f.first_year_cap))
        }
        (LimitedBy::TotalCap, true, Lang::Zh) => "合计上限".into(),
        (LimitedBy::TotalCap, true, Lang::En) => "total cap".into(),
        (LimitedBy::TotalCap, false, Lang::Zh) => format!("合计上限{}", m(f.total_cap)),
        (LimitedBy::TotalCap, false, Lang::En) => format!("Total cap ({})", m(f.total_cap)),
    }
}

/// The minimum the policy sets for a count field, as a hint: `要求不少于100人`.
pub fn threshold_hint(path: &str, lang: Lang) -> Option<String> {
    let id = match path.split_once('.') {
        Some(("team", f)) => format!("team.{f}"),
        Some(("ecosystem", f)) => format!("eco.{f}"),
        Some(("organization", "bases")) => "org.bases".to_owned(),
        _ => return None,
    };
    let policy = tic_core::policy::current();
    match policy.requirement(&id).map(|r| &r.rule) {
        Some(tic_core::policy::Rule::AtLeast { min, unit, .. }) => {
            let n = tic_core::explain::count(*min, *unit, lang);
            Some(pick(
                lang,
                format!("要求不少于{n}"),
                format!("At least {n} required"),
            ))
        }
        _ => None,
    }
}

/// The label of a field for messages (error summary, printed answers), by contract path.
pub fn field_label(path: &str, lang: Lang) -> String {
    let policy = tic_core::policy::current();
    if let Some(f) = tic_core::fields::field(path) {
        // `investment_wan[2]`: year 3.
        let year = path
            .split_once('[')
            .and_then(|(_, r)| r.strip_suffix(']'))
            .and_then(|n| n.parse::<usize>().ok())
            .map(|n| n + 1);
        return f.label(policy, year, lang);
    }
    if let Some(id) = path.strip_prefix("indicators.") {
        if let Some(i) = policy.indicators.iter().find(|i| i.id == id) {
            return pick(
                lang,
                format!("指标{id} {}", i.name.zh),
                format!("Indicator {id} {}", i.name.en),
            );
        }
    }
    if path.is_empty() {
        return WHOLE_FILE.get(lang).to_owned();
    }
    path.to_owned()
}
