//! The construction-plan draft (附件2 建设方案编写提纲) from an applicant's answers: the outline's
//! headings in order, each prefilled with what the answers know (fields, lead unit and
//! platforms, organisation, bases, investment and team by year, the funding estimate, the
//! targets by due point, the schedule from the policy's due points and procedure), and marked
//! places for what only the applicant can write.
//!
//! Pure: a document model ([`PlanDraft`]) in both languages; the writers (Markdown, HTML, DOCX)
//! are in the `tic-plan` crate. The outline and the procedure are policy data (`plan_outline`,
//! `procedure`), so another version of the guideline drafts its own outline.

use crate::assess::{Assessment, Measure};
use crate::explain;
use crate::fields;
use crate::policy::Policy;
use crate::reach::reach;
use crate::text::{Lang, Text};
use crate::vocab::{Due, Status};
use crate::Applicant;

/// A plan draft.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanDraft {
    /// The document's title (the centre's name, when given).
    pub title: Text,
    /// What the draft is and is not (a draft from self-assessment answers under a draft
    /// guideline, not an application), and the policy version.
    pub preface: Vec<Text>,
    /// The outline's headings, in order, each with its content.
    pub sections: Vec<Section>,
}

/// One heading of the outline and what the draft puts under it.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    /// The outline entry's id (`basis`, `goals`, …).
    pub id: String,
    /// The heading as the outline writes it.
    pub heading: Text,
    /// 1 for a heading, 2 for a sub-heading.
    pub level: u8,
    /// Its content.
    pub blocks: Vec<Block>,
}

/// A piece of a section.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// Text drafted from the answers.
    Para(Text),
    /// A place only the applicant can fill: what belongs there.
    Fill(Text),
    /// A note: a reading of the text, or a gap the answers show.
    Note(Text),
    /// A table.
    Table(Table),
}

/// A table of a section.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// What it shows.
    pub caption: Text,
    /// Column headings.
    pub header: Vec<Text>,
    /// Rows of cells.
    pub rows: Vec<Vec<Text>>,
}

fn t(zh: impl Into<String>, en: impl Into<String>) -> Text {
    Text::new(zh, en)
}

fn same(s: impl Into<String>) -> Text {
    let s = s.into();
    Text::new(s.clone(), s)
}

/// The answers as (path, label, shown) in both languages, for picking rows by path.
struct Answers {
    zh: Vec<(String, String, String)>,
    en: Vec<(String, String, String)>,
}

impl Answers {
    fn of(policy: &Policy, a: &Applicant) -> Answers {
        // Through its text, not `serde_json::to_value`: the page's bundles already write an
        // applicant as text, and a second way of writing it would link its own code.
        let text = a.to_json();
        let v = crate::input::read_json(&text).unwrap_or(crate::json::Json::Null);
        Answers {
            zh: fields::answer_rows(policy, &v, Lang::Zh),
            en: fields::answer_rows(policy, &v, Lang::En),
        }
    }

    /// Label and answer rows of the paths that start with one of `prefixes`.
    fn rows(&self, prefixes: &[&str]) -> Vec<Vec<Text>> {
        self.zh
            .iter()
            .zip(&self.en)
            .filter(|((p, _, _), _)| {
                prefixes.iter().any(|x| {
                    p == x
                        || p.strip_prefix(x)
                            .is_some_and(|rest| rest.starts_with('[') || rest.starts_with('.'))
                })
            })
            .map(|((_, lz, vz), (_, le, ve))| vec![t(lz, le), t(vz, ve)])
            .collect()
    }

    fn table(&self, caption: Text, prefixes: &[&str]) -> Block {
        Block::Table(Table {
            caption,
            header: vec![t("项目", "Item"), t("填写内容", "Answer")],
            rows: self.rows(prefixes),
        })
    }
}

fn fill(zh: &str, en: &str) -> Block {
    Block::Fill(t(zh, en))
}

/// The targets of one due point as table rows: requirement, the guideline's value, the
/// applicant's, the status.
fn targets(a: &Assessment<'_>, due: Due) -> Vec<Vec<Text>> {
    a.requirements
        .iter()
        .filter(|o| o.requirement.due == due)
        .filter_map(|o| {
            let m = o.measure?;
            let (required, actual) = match m {
                Measure::Count {
                    actual,
                    required,
                    unit,
                } => (
                    Text::new(
                        explain::count(required, unit, Lang::Zh),
                        explain::count(required, unit, Lang::En),
                    ),
                    actual.map(|v| {
                        Text::new(
                            explain::count(v, unit, Lang::Zh),
                            explain::count(v, unit, Lang::En),
                        )
                    }),
                ),
                Measure::Money {
                    actual,
                    required,
                    years_known,
                    ..
                } => (
                    Text::new(
                        explain::money(required, Lang::Zh),
                        explain::money(required, Lang::En),
                    ),
                    (years_known > 0).then(|| {
                        Text::new(
                            explain::money(actual, Lang::Zh),
                            explain::money(actual, Lang::En),
                        )
                    }),
                ),
            };
            let status = explain::status_name(o.status);
            Some(vec![
                o.requirement.title.clone(),
                required,
                actual.unwrap_or_else(|| t("【待填写】", "[to fill in]")),
                t(status.zh, status.en),
                same(o.requirement.clause.clone()),
            ])
        })
        .collect()
}

/// Drafts the plan from an assessment of `applicant`.
pub fn draft(a: &Assessment<'_>, applicant: &Applicant) -> PlanDraft {
    let p = a.policy;
    let answers = Answers::of(p, applicant);
    let name = applicant.name.clone().unwrap_or_default();
    let title = if name.is_empty() {
        t(
            "宁波市×××技术创新中心建设方案（草稿）",
            "Construction plan of a Ningbo municipal Technology Innovation Centre (draft)",
        )
    } else {
        t(
            format!("{name}建设方案（草稿）"),
            format!("Construction plan of {name} (draft)"),
        )
    };
    let preface = vec![
        t(
            format!("本草稿按《{}》附件2的提纲，由自评填写的内容生成；【待填写】处须由主要依托单位撰写。它不是申报材料，也不代表任何审核意见。", p.title.zh),
            format!("This draft follows the outline of 附件2 of the guideline ({}) and is drafted from the self-assessment answers; the places marked [to fill in] are for the main lead unit to write. It is not an application and implies no official view.", p.title.en),
        ),
        p.notice.clone(),
        t(
            format!("政策版本：{}（{}）", p.id, p.status),
            format!("Policy version: {} ({})", p.id, p.status),
        ),
    ];
    let plan = reach(a);
    let mut sections = Vec::new();
    for h in &p.file.plan_outline {
        let mut blocks = Vec::new();
        match h.id.as_str() {
            "basis" => {
                blocks.push(answers.table(
                    t("依托单位与推荐", "Lead unit and recommendation"),
                    &["name", "district", "recommended_by", "lead_unit"],
                ));
                blocks.push(fill(
                    "建设基础：依托单位的研发条件、已有成果、人才团队和已建平台；建设的重要意义。",
                    "Foundations: the lead unit's research facilities, results, teams and platforms; why the centre matters.",
                ));
            }
            "positioning" => {
                blocks.push(answers.table(t("重点领域", "Priority fields"), &["fields"]));
                for r in p.readings_for("scope.field") {
                    blocks.push(Block::Note(r.text.clone()));
                }
                blocks.push(fill(
                    "战略定位：在所选领域中要解决的关键技术问题和服务的产业链环节。",
                    "Positioning: the key technical problems the centre will solve in these fields and the parts of the chain it serves.",
                ));
            }
            "goals" => {
                for d in [Due::Year2, Due::Year5, Due::Acceptance] {
                    let rows = targets(a, d);
                    if rows.is_empty() {
                        continue;
                    }
                    blocks.push(Block::Table(Table {
                        caption: explain::due_name(p, d),
                        header: vec![
                            t("目标", "Target"),
                            t("指引要求", "Guideline"),
                            t("本方案", "This plan"),
                            t("状态", "Status"),
                            t("条款", "Clause"),
                        ],
                        rows,
                    }));
                }
                for id in ["targets", "team.staff_year2"] {
                    for r in p.readings_for(id) {
                        blocks.push(Block::Note(r.text.clone()));
                    }
                }
                blocks.push(fill(
                    "其他发展目标：技术攻关、成果转化、标准制定等（可参照附件1指标体系）。",
                    "Other goals: research breakthroughs, transfer of results, standards (see the indicators of 附件1).",
                ));
            }
            "layout" => {
                blocks.push(answers.table(
                    t("核心与基地", "Core and bases"),
                    &["organization.bases", "ecosystem.transfer_bases"],
                ));
                for r in p.readings_for("org.bases") {
                    blocks.push(Block::Note(r.text.clone()));
                }
                blocks.push(fill(
                    "建设布局：强核心的选址与功能，各基地的所在地、分工和与核心的关系。",
                    "Layout: where the core is and what it does; where each base is, its role and its tie to the core.",
                ));
            }
            "tasks" => {
                blocks.push(answers.table(
                    t("投入计划（按年）", "Investment by year"),
                    &["investment_wan", "capacity_investment_wan"],
                ));
                blocks.push(answers.table(t("人才队伍计划", "Team plan"), &["team"]));
                blocks.push(answers.table(
                    t("创新生态", "Innovation ecosystem"),
                    &[
                        "ecosystem.partner_firms",
                        "ecosystem.spinoffs",
                        "ecosystem.firms_served",
                    ],
                ));
                blocks.push(fill(
                    "建设任务：关键共性技术攻关、人才引育、成果转化、公共服务平台等的具体任务。",
                    "Tasks: the research, talent, transfer and public-platform work, one by one.",
                ));
            }
            "organisation" => {
                blocks.push(answers.table(
                    t("组织架构", "Organisation"),
                    &[
                        "organization.legal_status",
                        "organization.board",
                        "organization.director",
                        "organization.chief_scientist",
                        "organization.expert_committee",
                    ],
                ));
                blocks.push(fill(
                    "组织架构：理事会（董事会）组成、中心主任和首席科学家人选、专家咨询委员会组成。",
                    "Organisation: who sits on the board, who the director and chief scientist are, who is on the expert committee.",
                ));
            }
            "safeguards" => {
                let f = &a.funding;
                let mut rows: Vec<Vec<Text>> = f
                    .years
                    .iter()
                    .map(|y| {
                        vec![
                            Text::new(
                                explain::years_span(y.year, y.year, Lang::Zh),
                                explain::years_span(y.year, y.year, Lang::En),
                            ),
                            Text::new(
                                explain::money(y.base, Lang::Zh),
                                explain::money(y.base, Lang::En),
                            ),
                            Text::new(
                                format!("最高{}", explain::money(y.amount, Lang::Zh)),
                                format!("up to {}", explain::money(y.amount, Lang::En)),
                            ),
                        ]
                    })
                    .collect();
                rows.push(vec![
                    t("合计", "Total"),
                    same(""),
                    Text::new(
                        format!("最高{}", explain::money(f.total, Lang::Zh)),
                        format!("up to {}", explain::money(f.total, Lang::En)),
                    ),
                ]);
                blocks.push(Block::Table(Table {
                    caption: t(
                        format!("市级财政补助估算（{}）", p.funding.clause),
                        format!("Municipal subsidy estimate ({})", p.funding.clause),
                    ),
                    header: vec![
                        t("年度", "Year"),
                        t("创新能力建设投入", "Capacity-building investment"),
                        t("补助", "Subsidy"),
                    ],
                    rows,
                }));
                for text in explain::subsidy_reach(p, &plan.subsidy) {
                    blocks.push(Block::Para(text));
                }
                for r in p.readings_for("funding") {
                    blocks.push(Block::Note(r.text.clone()));
                }
                blocks.push(fill(
                    "保障措施：依托单位和共建单位的资金、场地、人才政策保障，区（县、市）配套支持。",
                    "Safeguards: funding, premises and talent support from the lead and partner units; the district's own support.",
                ));
            }
            "schedule" => {
                blocks.push(Block::Table(schedule(p, a)));
                let open: Vec<Text> = plan
                    .due
                    .iter()
                    .flat_map(|d| &d.steps)
                    .filter(|s| s.status == Status::Gap)
                    .map(|s| explain::step(p, applicant, s))
                    .collect();
                if !open.is_empty() {
                    blocks.push(Block::Note(t(
                        "按目前填写的内容，下列要求尚未达到，进度安排应覆盖：",
                        "As answered, these requirements are not met yet; the schedule should cover them:",
                    )));
                    blocks.extend(open.into_iter().map(Block::Note));
                }
                blocks.push(fill(
                    "进度安排：各年度的具体工作和节点。",
                    "Schedule: each year's work and milestones.",
                ));
            }
            _ => {
                if h.parent.is_some()
                    || !p
                        .file
                        .plan_outline
                        .iter()
                        .any(|c| c.parent.as_deref() == Some(&h.id))
                {
                    blocks.push(fill("本节内容。", "This section."));
                }
            }
        }
        sections.push(Section {
            id: h.id.clone(),
            heading: t(&h.zh, &h.en),
            level: if h.parent.is_some() { 2 } else { 1 },
            blocks,
        });
    }
    PlanDraft {
        title,
        preface,
        sections,
    }
}

/// The schedule (进度安排): the procedure up to the launch, then each construction year with
/// what falls due in it (subsidy years, the targets of each due point, the annual evaluation,
/// acceptance), each with its clause.
pub fn schedule(p: &Policy, a: &Assessment<'_>) -> Table {
    let mut rows: Vec<Vec<Text>> = Vec::new();
    for st in &p.file.procedure {
        if matches!(st.id.as_str(), "construction" | "acceptance") {
            continue;
        }
        rows.push(vec![
            t("申报与批复", "Application and approval"),
            t(&st.zh, &st.en),
            same(st.clause.clone()),
        ]);
    }
    let evaluation = p.file.procedure.iter().find(|s| s.id == "construction");
    for year in 1..=p.construction_years {
        let when = t(
            format!("建设期第{year}年"),
            format!("Construction year {year}"),
        );
        if year <= p.funding.years {
            let first = if year == 1 {
                t(
                    format!(
                        "首年创建经费，最高{}",
                        explain::money(p.funding.first_year_cap, Lang::Zh)
                    ),
                    format!(
                        "First-year funding, up to {}",
                        explain::money(p.funding.first_year_cap, Lang::En)
                    ),
                )
            } else {
                t(
                    format!(
                        "按创新能力建设投入的{}以内给予支持",
                        explain::percent(p.funding.rate_bp)
                    ),
                    format!(
                        "Support of up to {} of the capacity-building investment",
                        explain::percent(p.funding.rate_bp)
                    ),
                )
            };
            rows.push(vec![when.clone(), first, same(p.funding.clause.clone())]);
        }
        for d in [Due::Year2, Due::Year5, Due::Acceptance] {
            if p.due_year(d) != Some(year) {
                continue;
            }
            let due: Vec<&str> = a
                .requirements
                .iter()
                .filter(|o| o.requirement.due == d)
                .map(|o| o.requirement.title.zh.as_str())
                .collect();
            let due_en: Vec<&str> = a
                .requirements
                .iter()
                .filter(|o| o.requirement.due == d)
                .map(|o| o.requirement.title.en.as_str())
                .collect();
            if due.is_empty() {
                continue;
            }
            rows.push(vec![
                when.clone(),
                t(
                    format!(
                        "达到{}的目标：{}",
                        explain::due_name(p, d).zh,
                        due.join("、")
                    ),
                    format!("{}: {}", explain::due_name(p, d).en, due_en.join("; ")),
                ),
                same(
                    a.requirements
                        .iter()
                        .filter(|o| o.requirement.due == d)
                        .map(|o| o.requirement.clause.as_str())
                        .fold(Vec::<&str>::new(), |mut v, c| {
                            if !v.contains(&c) {
                                v.push(c);
                            }
                            v
                        })
                        .join("、"),
                ),
            ]);
        }
        if let Some(e) = evaluation {
            rows.push(vec![
                when.clone(),
                t("年度绩效评价", "Annual performance evaluation"),
                same(e.clause.clone()),
            ]);
        }
        if year == p.construction_years {
            if let Some(acc) = p.file.procedure.iter().find(|s| s.id == "acceptance") {
                rows.push(vec![when, t(&acc.zh, &acc.en), same(acc.clause.clone())]);
            }
        }
    }
    Table {
        caption: t(
            "进度安排（按指引的时间节点）",
            "Schedule (the guideline's due points)",
        ),
        header: vec![t("时间", "When"), t("事项", "What"), t("条款", "Clause")],
        rows,
    }
}

impl PlanDraft {
    /// Every heading of the draft in one language, in order (for checks and tables of contents).
    pub fn headings(&self, lang: Lang) -> Vec<&str> {
        self.sections.iter().map(|s| s.heading.get(lang)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assess::assess;
    use crate::input::parse_applicant;
    use crate::policy;

    fn strong() -> Applicant {
        let text = include_str!("../../tests/cases/valid/strong.applicant.json");
        parse_applicant(policy::current(), text).unwrap()
    }

    #[test]
    fn the_draft_follows_the_outline_of_attachment_2_in_order() {
        let p = policy::current();
        let a = strong();
        let d = draft(&assess(p, &a), &a);
        let want: Vec<&str> = p.file.plan_outline.iter().map(|h| h.zh.as_str()).collect();
        assert_eq!(d.headings(Lang::Zh), want);
        assert_eq!(d.sections.len(), 13);
        assert_eq!(d.sections.iter().filter(|s| s.level == 1).count(), 7);
    }

    #[test]
    fn every_leaf_heading_has_a_place_for_the_applicant_and_the_answers_fill_their_tables() {
        let p = policy::current();
        let a = strong();
        let d = draft(&assess(p, &a), &a);
        for s in &d.sections {
            let has_children = d.sections.iter().any(|c| {
                p.file
                    .plan_outline
                    .iter()
                    .any(|h| h.id == c.id && h.parent.as_deref() == Some(&s.id))
            });
            if !has_children {
                assert!(
                    s.blocks.iter().any(|b| matches!(b, Block::Fill(_))),
                    "{} has no place to fill",
                    s.id
                );
            }
        }
        let tasks = d.sections.iter().find(|s| s.id == "tasks").unwrap();
        let Block::Table(invest) = &tasks.blocks[0] else {
            panic!("no investment table")
        };
        // One row per construction year of total investment, one per subsidy year of capacity.
        assert_eq!(invest.rows.len(), p.construction_years + p.funding.years);
        let name = a.name.clone().unwrap();
        assert!(d.title.zh.contains(&name));
    }

    #[test]
    fn the_schedule_runs_through_every_construction_year_to_acceptance() {
        let p = policy::current();
        let a = strong();
        let table = schedule(p, &assess(p, &a));
        for y in 1..=p.construction_years {
            assert!(
                table
                    .rows
                    .iter()
                    .any(|r| r[0].zh == format!("建设期第{y}年")),
                "year {y}"
            );
        }
        let last = table.rows.last().unwrap();
        assert_eq!(last[2].zh, "五（四）");
        assert!(last[1].zh.contains("验收"));
        // Every procedure step before the launch is listed, in the policy's order.
        let steps: Vec<&str> = table
            .rows
            .iter()
            .filter(|r| r[0].zh == "申报与批复")
            .map(|r| r[1].zh.as_str())
            .collect();
        assert_eq!(steps.len(), p.file.procedure.len() - 2);
    }
}
