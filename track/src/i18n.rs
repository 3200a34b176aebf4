//! Every string of the tracking view's own interface, in Chinese and English. Policy names,
//! titles, explanations, readings and clause texts come from the core.

use tic_core::vocab::LimitedBy;
use tic_core::Lang;

pub use tic_ui::words::*;

/// Name of the service in the top bar.
pub const SERVICE: Tr = Tr(
    "宁波市技术创新中心 · 建设期跟踪",
    "Ningbo Technology Innovation Centres · construction tracking",
);
/// Title of the view.
pub const TITLE: Tr = Tr("建设期跟踪", "Construction-period tracking");
/// The lead under the title.
pub const LEAD: Tr = Tr(
    "获批后每年末填报实际数据：查看里程碑、年度评价、资金支持和可能收回的补助。全部在浏览器中计算。",
    "After approval, enter the actual figures at the end of each year: milestones, annual evaluations, subsidy and what could be recovered. Everything is computed in your browser.",
);
/// Skip link.
pub const SKIP_TO_RESULTS: Tr = Tr("跳到跟踪结果", "Skip to the results");
/// Heading of the record.
pub const RECORD: Tr = Tr("填报数据", "Reported figures");
/// Heading of the centre block.
pub const CENTRE: Tr = Tr("中心", "Centre");
/// Name label.
pub const NAME: Tr = Tr("中心名称", "Name of the centre");
/// District label.
pub const DISTRICT: Tr = Tr("所在区（县、市）", "District");
/// Heading of the grid.
pub const GRID: Tr = Tr("逐年实际数据", "Actual figures, year by year");
/// Hint of the grid.
pub const GRID_HINT: Tr = Tr(
    "每年末填写当年实际数据；已填写的最后一年即为已填报年数。灰色示例为申报时的计划，仅供参考，不计入。",
    "Enter each year's actual figures at its end; the last year with anything in it is how far the centre has got. Grey examples are the application's plan: shown, never counted.",
);
/// Column header of the figure names.
pub const FIGURE: Tr = Tr("指标", "Figure");
/// "not chosen" of a select.
pub const CHOOSE: Tr = Tr("未填", "Not given");
/// Heading of the targets.
pub const TARGETS: Tr = Tr("建设责任书目标", "Targets of the construction agreement");
/// Hint of the targets.
pub const TARGETS_HINT: Tr = Tr(
    "中心建设责任书约定的目标与政策默认值不同时填写；留空即按政策默认值（灰色所示）。",
    "Fill in only where the construction agreement sets a target other than the policy default; blank means the default (shown in grey).",
);
/// Heading of the spending.
pub const SPENDING: Tr = Tr(
    "市级补助支出（万元）",
    "Spending of the municipal subsidy (万元)",
);
/// Hint of the spending.
pub const SPENDING_HINT: Tr = Tr(
    "按用途填写已收到补助的使用情况（累计）。标注“禁止”的用途按政策不得列支，计入不合规经费。",
    "How the subsidy received so far was spent, by use (cumulative). Uses marked “forbidden” may not be paid from it and count as non-compliant.",
);
/// Tag of a forbidden use.
pub const FORBIDDEN: Tr = Tr("禁止", "Forbidden");
/// Heading of the plan block.
pub const PLAN: Tr = Tr("从申报计划开始", "Start from the plan");
/// Hint of the plan block.
pub const PLAN_HINT: Tr = Tr(
    "取自评页的名称、所在区和计划投入、人员：计划仅作为表格中的示例和图中的虚线，不作为实际数据。",
    "Takes the name, district and planned investment and staff from the self-assessment: the plan appears only as examples in the grid and a dashed line in the chart, never as actual figures.",
);
/// The plan button.
pub const PLAN_BUTTON: Tr = Tr("从申报计划开始", "Start from the plan");
/// Results heading.
pub const RESULTS: Tr = Tr("跟踪结果", "Tracking result");
/// Standing heading label.
pub const STANDING: Tr = Tr("当前状态", "Standing");
/// Years reported.
pub const YEARS_REPORTED: Tr = Tr("已填报年数", "Years reported");
/// Chart heading.
pub const TIMELINE: Tr = Tr("建设进度", "Progress over the years");
/// Investment chart title.
pub const CUM_INVEST: Tr = Tr("累计总投入（万元）", "Cumulative investment (万元)");
/// Staff chart title.
pub const STAFF: Tr = Tr("技术创新队伍人数", "Innovation staff");
/// Legend: actual.
pub const LEGEND_ACTUAL: Tr = Tr("实际", "Actual");
/// Legend: plan.
pub const LEGEND_PLAN: Tr = Tr("申报计划", "Plan");
/// Legend: target.
pub const LEGEND_TARGET: Tr = Tr("目标（到期年）", "Target (year due)");
/// Evaluation row label in the chart.
pub const EVALUATION: Tr = Tr("年度评价", "Evaluation");
/// Milestones heading.
pub const MILESTONES: Tr = Tr("里程碑", "Milestones");
/// Milestone table headers.
pub const MILESTONE: Tr = Tr("目标", "Target");
/// Due.
pub const DUE: Tr = Tr("到期", "Due");
/// Status.
pub const STATUS: Tr = Tr("状态", "Status");
/// Actual.
pub const ACTUAL: Tr = Tr("实际", "Actual");
/// Remaining.
pub const REMAINING: Tr = Tr("尚差", "To go");
/// Per year needed.
pub const PER_YEAR: Tr = Tr("每年需", "A year");
/// Source: agreement.
pub const SOURCE_AGREEMENT: Tr = Tr("建设责任书", "agreement");
/// Source: policy.
pub const SOURCE_POLICY: Tr = Tr("政策默认", "policy default");
/// Funding heading.
pub const FUNDING: Tr = Tr("资金支持（按年）", "Subsidy, year by year");
/// Base header.
pub const BASE: Tr = Tr("创新能力建设投入", "Capacity investment");
/// Entitled header.
pub const ENTITLED: Tr = Tr("应得补助", "Entitled");
/// Limited by header.
pub const DECIDED_BY: Tr = Tr("决定因素", "Bound by");
/// Outlook header.
pub const OUTLOOK: Tr = Tr("前景", "Outlook");
/// Totals.
pub const ENTITLED_TOTAL: Tr = Tr("应得合计", "Entitled in all");
/// Received total.
pub const RECEIVED_TOTAL: Tr = Tr("已收到合计", "Received in all");
/// Priority years.
pub const PRIORITY: Tr = Tr(
    "评价优秀、可优先支持市级重大专项的年度",
    "Years evaluated excellent (priority for municipal major projects)",
);
/// Not reported.
pub const NOT_GIVEN: Tr = Tr("未填报", "Not reported");
/// Recovery heading.
pub const RECOVERY: Tr = Tr("补助收回", "Recovery of the subsidy");
/// Unspent.
pub const UNSPENT: Tr = Tr("结余", "Unspent");
/// Non-compliant.
pub const NONCOMPLIANT: Tr = Tr("使用不合规", "Spent on forbidden uses");
/// Applies now.
pub const APPLIES: Tr = Tr("现在适用", "Applies now");
/// Would apply.
pub const WOULD_APPLY: Tr = Tr("如被摘牌或取消资格", "If delisted or revoked");
/// Readings heading.
pub const READING: Tr = Tr("本工具的理解", "How this tool reads it");
/// Warnings heading.
pub const CHECK: Tr = Tr("请核对", "Please check");
/// Error summary title.
pub const ERROR_SUMMARY: Tr = Tr("有数据需要修改", "There is a problem");
/// Error summary intro.
pub const ERROR_SUMMARY_INTRO: Tr = Tr(
    "以下内容未计入结果（已保留您的输入）：",
    "These entries are left out of the result (what you typed is kept):",
);
/// Autosave on.
pub const AUTOSAVE_ON: Tr = Tr(
    "数据自动保存在本浏览器中，不会上传。",
    "Your figures are saved in this browser automatically and never uploaded.",
);
/// Autosave off.
pub const AUTOSAVE_OFF: Tr = Tr(
    "数据不会保存或上传；需要时请导出。",
    "Nothing is saved or uploaded; export to keep your figures.",
);
/// Export button.
pub const EXPORT: Tr = Tr("导出数据（JSON）", "Export (JSON)");
/// Import label.
pub const IMPORT: Tr = Tr("导入数据（JSON 文件）", "Import (JSON file)");
/// Link button.
pub const MAKE_LINK: Tr = Tr("生成分享链接", "Make a share link");
/// Link hint.
pub const LINK_HINT: Tr = Tr(
    "链接中包含全部填报数据：只分享给可以看到这些数据的人。",
    "The link contains every figure: share it only with people who may see them.",
);
/// Link label.
pub const LINK_LABEL: Tr = Tr("分享链接", "Share link");
/// Print button.
pub const PRINT: Tr = Tr("打印", "Print");
/// Import refused.
pub const IMPORT_REFUSED: Tr = Tr(
    "未导入：文件有以下问题，当前数据未改变",
    "Not imported: the file has these problems; nothing was changed",
);
/// Link refused.
pub const LINK_REFUSED: Tr = Tr(
    "链接中的数据有以下问题，当前数据未改变",
    "The link's data has these problems; nothing was changed",
);
/// Options refused.
pub const OPTIONS_REFUSED: Tr = Tr(
    "给定的数据有以下问题",
    "The record given has these problems",
);
/// Notices.
pub const IMPORTED: Tr = Tr("已导入。", "Imported.");
/// Link loaded.
pub const FROM_LINK: Tr = Tr("已打开链接中的数据。", "The link's figures are shown.");
/// Restored.
pub const RESTORED: Tr = Tr("已恢复上次保存的数据。", "Your saved figures are back.");
/// Saved value unreadable.
pub const SAVED_UNREADABLE: Tr = Tr(
    "本浏览器中保存的跟踪数据无法读取（已损坏或不是本工具的格式），现从空白开始；保存的数据在您填写前不会被覆盖。",
    "The tracking data saved in this browser cannot be read (damaged or not this tool's format): starting empty; it is not overwritten until you type.",
);
/// Cleared.
pub const CLEARED: Tr = Tr("已清除全部数据。", "Everything was cleared.");
/// From plan.
pub const FROM_PLAN: Tr = Tr(
    "已从申报计划开始：计划数据显示为灰色示例，请填写实际数据。",
    "Started from the plan: the planned figures show in grey; enter the actual ones.",
);
/// No plan.
pub const NO_PLAN: Tr = Tr(
    "自评页中还没有可用的申报数据。",
    "The self-assessment has no answers to start from yet.",
);
/// Link made.
pub const LINK_MADE: Tr = Tr("链接已生成，可复制。", "The link is ready to copy.");
/// Notice heading.
pub const NOTICE: Tr = Tr("重要说明", "Important");
/// Estimate note.
pub const ESTIMATE: Tr = Tr(
    "跟踪结果是依据政策文件的估算，不代表主管部门的评价、验收或资金拨付决定。",
    "The result is an estimate from the policy text, not the authorities' evaluation, acceptance or funding decision.",
);
/// Chart unit.
pub const PEOPLE: Tr = Tr("人", "people");

/// "第2年" / "Year 2".
pub fn year(n: usize, l: Lang) -> String {
    pick(l, format!("第{n}年"), format!("Year {n}"))
}

/// What bound a subsidy year.
pub fn limited_by(b: LimitedBy, l: Lang) -> &'static str {
    match b {
        LimitedBy::Rate => Tr("按比例", "the rate").get(l),
        LimitedBy::FirstYearCap => Tr("首年上限", "the first-year cap").get(l),
        LimitedBy::TotalCap => Tr("总额上限", "the total cap").get(l),
    }
}

/// "距摘牌还差1次不合格" / "1 more fail delists".
pub fn fails_left(n: usize, l: Lang) -> String {
    if n == 0 {
        return pick(l, "摘牌".into(), "delisted".into());
    }
    pick(
        l,
        format!("再{n}次不合格即摘牌"),
        format!("{n} more fail(s) delist"),
    )
}
