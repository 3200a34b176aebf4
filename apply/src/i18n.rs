//! Every string of the view's own interface, in Chinese and English. Requirement titles, steps,
//! readings, the procedure, the outline and the amounts' wording come from the core.

use tic_core::Words;

const fn w(zh: &'static str, en: &'static str) -> Words {
    Words { zh, en }
}

/// Title of the view.
pub const TITLE: Words = w("申报准备", "Preparing the application");
/// The lead under the title.
pub const LEAD: Words = w(
    "根据「自评」中填写的内容：要达到全部条件还差什么、补助与投入的关系、申报程序，以及按附件2提纲生成的建设方案草稿。全部在浏览器中计算。",
    "From the answers of the self-assessment: what it would take to meet every condition, how the subsidy follows the investment, the procedure, and a draft of the construction plan along the outline of 附件2. Everything is computed in your browser.",
);
/// No answers yet.
pub const NO_ANSWERS: Words = w(
    "还没有可用的填写内容：请先在「自评」中填写（至少名称或任一项）。",
    "No answers to work from yet: fill in the self-assessment first (a name or any answer).",
);
/// The answers do not parse.
pub const BAD_ANSWERS: Words = w(
    "自评中的填写内容有误，请先在「自评」中改正：",
    "Some answers of the self-assessment are not valid; correct them there first:",
);
/// Heading of what it would take.
pub const TAKES: Words = w(
    "要达到全部条件，需要做到",
    "What it would take to meet every condition",
);
/// Nothing open.
pub const NOTHING_OPEN: Words = w(
    "按填写的内容，各项条件均已满足。",
    "As answered, every condition is met.",
);
/// Label of a reading.
pub const READING: Words = w("本工具的理解：", "How the tool reads it: ");
/// Heading of the sweep.
pub const SWEEP: Words = w(
    "补助与创新能力建设投入",
    "Subsidy and capacity-building investment",
);
/// The sweep's lead.
pub const SWEEP_LEAD: Words = w(
    "假设每年投入相同的创新能力建设投入，估算的市级补助（均为上限）：",
    "The estimated municipal subsidy (every amount a ceiling) if the same capacity-building investment is made each year:",
);
/// The sweep's input.
pub const SWEEP_INPUT: Words = w(
    "每年创新能力建设投入（万元）",
    "Capacity-building investment per year (万元)",
);
/// The sweep's input is not a number.
pub const SWEEP_BAD: Words = w(
    "每年创新能力建设投入：请输入不小于0的数字",
    "Capacity-building investment per year: enter a number ≥ 0",
);
/// Curve of the total.
pub const CURVE_TOTAL: Words = w("补助合计", "Subsidy in all");
/// Curve of year 1.
pub const CURVE_FIRST: Words = w("第1年补助", "Year 1 subsidy");
/// The applicant's own point.
pub const YOUR_POINT: Words = w(
    "您的填写（按各年平均投入）",
    "Your answers (at your average yearly investment)",
);
/// Kink: year 1 reaches its cap.
pub const KINK_FIRST: Words = w(
    "每年投入达到此数，第1年补助达到首年上限",
    "From this yearly investment on, year 1 earns its first-year cap",
);
/// Kink: the total reaches the cap.
pub const KINK_TOTAL: Words = w(
    "每年投入达到此数，补助合计达到合计上限",
    "From this yearly investment on, the total earns the total cap",
);
/// Column: year.
pub const YEAR: Words = w("年度", "Year");
/// Column: subsidy.
pub const SUBSIDY: Words = w("补助（最高）", "Subsidy (up to)");
/// Row: total.
pub const TOTAL: Words = w("合计", "Total");
/// Before the link to the sandbox page.
pub const SANDBOX: Words = w(
    "门槛、比例或上限改变后，这份申报会怎样？",
    "What if a threshold, the rate or a cap changed? ",
);
/// The link to the sandbox page.
pub const SANDBOX_LINK: Words = w("在政策沙盘中比较", "Compare in the policy sandbox");
/// The procedure's heading.
pub const PROCEDURE: Words = w("申报与建设程序", "The procedure");
/// The procedure's lead.
pub const PROCEDURE_LEAD: Words = w(
    "以下只列指引原文所写的步骤，不含期限或其他材料要求。",
    "Only the steps the guideline's text names; it sets no deadlines here and names no other documents.",
);
/// Heading of the plan draft.
pub const DRAFT: Words = w(
    "建设方案草稿（附件2提纲）",
    "Construction plan draft (outline of 附件2)",
);
/// Download as DOCX.
pub const DOCX: Words = w("下载 Word（.docx）", "Download Word (.docx)");
/// Download as Markdown.
pub const MD: Words = w("下载 Markdown", "Download Markdown");
/// Download as HTML.
pub const HTML: Words = w("下载网页（.html）", "Download web page (.html)");
/// Print the draft.
pub const PRINT: Words = w("打印草稿", "Print the draft");
/// Could not write the DOCX.
pub const DOCX_FAILED: Words = w("未能生成 Word 文件：", "The Word file could not be made: ");
