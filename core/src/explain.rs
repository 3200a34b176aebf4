//! Explanations: what each requirement checked and why it is met or not, how much is missing,
//! and what decided each year of the funding; in Chinese and English.

use crate::applicant::Applicant;
use crate::assess::{Assessment, Measure, Outcome};
use crate::funding::{BaseSource, FundingYear};
use crate::money::Wan;
use crate::policy::{Policy, Rule};
use crate::reach::{Change, Step, SubsidyReach};
use crate::text::{Lang, Text, Words};
use crate::vocab::{
    Due, FieldList, Kind, LeadKind, LegalStatus, LimitedBy, Recommender, Status, Unit, Verdict,
};

const fn w(zh: &'static str, en: &'static str) -> Words {
    Words { zh, en }
}

/// The verdict in words: the one wording every shell (page, batch view, command line) shows.
/// It says what the tool found against the guideline's conditions (建设条件与要求), not a
/// decision: the text sets conditions for building a centre, and only the municipality approves.
pub const fn verdict_name(v: Verdict) -> Words {
    match v {
        Verdict::Eligible => w("满足各项建设条件", "Meets every condition"),
        Verdict::EligibleWithGaps => w("满足前提条件，尚有差距", "Preconditions met, with gaps"),
        Verdict::NotEligible => w("不满足前提条件", "A precondition is not met"),
        Verdict::Incomplete => w("信息不完整，暂无法判断", "Not enough answers to decide yet"),
    }
}

/// A requirement's status in words.
pub const fn status_name(s: Status) -> Words {
    match s {
        Status::Met => w("已满足", "Met"),
        Status::Gap => w("未达到", "Not met"),
        Status::Unknown => w("待填写", "Not answered"),
    }
}

/// An outcome's status in words: [`status_name`], except an `unknown` left to the reviewers'
/// judgement ([`crate::assess::for_review`]), which is not a missing answer.
pub fn outcome_name(o: &Outcome<'_>, a: &Applicant) -> Words {
    if crate::assess::for_review(o, a) {
        w("待审核部门判断", "For the reviewers to judge")
    } else {
        status_name(o.status)
    }
}

/// A due point in words, as a heading: `批复创建后2年内`, with the year from the policy's horizons.
pub fn due_name(policy: &Policy, d: Due) -> Text {
    match (d, policy.due_year(d)) {
        (Due::Application, _) | (_, None) => Text::new("申报前", "Before applying"),
        (Due::Acceptance, _) => {
            Text::new("建设期满验收时", "At acceptance, when construction ends")
        }
        (_, Some(y)) => Text::new(
            format!("批复创建后{y}年内"),
            format!("Within {y} years of approval"),
        ),
    }
}

/// A due point in few words, for table columns: `2年内`, `By year 2`.
pub fn due_short(policy: &Policy, d: Due) -> Text {
    match (d, policy.due_year(d)) {
        (Due::Application, _) | (_, None) => Text::new("申报前", "Before applying"),
        (Due::Acceptance, _) => Text::new("验收时", "At acceptance"),
        (_, Some(y)) => Text::new(format!("{y}年内"), format!("By year {y}")),
    }
}

/// An amount of money as people write it: `9,000万元`, `1亿元` in Chinese; `9,000 万元` in English.
pub fn money(w: Wan, lang: Lang) -> String {
    match lang {
        Lang::Zh => {
            let yi = 10_000 * 10_000; // yuan in 1亿元
            if w.yuan() >= yi && w.yuan() % (yi / 100) == 0 {
                let whole = w.yuan() / yi;
                let cents = (w.yuan() % yi) / (yi / 100);
                if cents == 0 {
                    format!("{whole}亿元")
                } else {
                    format!(
                        "{whole}.{}亿元",
                        format!("{cents:02}").trim_end_matches('0')
                    )
                }
            } else {
                format!("{w}万元")
            }
        }
        Lang::En => format!("{w} 万元"),
    }
}

/// A count with its unit: `100人`, `100 people`.
pub fn count(n: u64, unit: Unit, lang: Lang) -> String {
    match lang {
        Lang::Zh => {
            let u = match unit {
                Unit::People => "人",
                Unit::Firms => "家",
                Unit::Years => "年",
                _ => "个",
            };
            format!("{n}{u}")
        }
        Lang::En => {
            let (one, many) = match unit {
                Unit::People => ("person", "people"),
                Unit::Teams => ("team", "teams"),
                Unit::Bases => ("base", "bases"),
                Unit::Firms => ("firm", "firms"),
                Unit::Years => ("year", "years"),
                _ => ("", ""),
            };
            format!("{n} {}", if n == 1 { one } else { many })
        }
    }
}

/// A rate in basis points as a percentage: `30%`, `30.5%`, `30.05%` (from integers, so no
/// float formatting code is linked).
pub fn percent(bp: u32) -> String {
    let frac = bp % 100;
    if frac == 0 {
        format!("{}%", bp / 100)
    } else {
        let digits = format!("{frac:02}");
        format!("{}.{}%", bp / 100, digits.trim_end_matches('0'))
    }
}

/// Lower-cases an English text for use inside a sentence. ASCII only: `str::to_lowercase`
/// would link Unicode's case tables (~16 kB) into the WebAssembly bundle. The same for every
/// embedded policy, whose English titles build.rs checks have no non-ASCII cased letter.
fn lower(s: &str) -> String {
    s.to_ascii_lowercase()
}

fn years_range(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Zh, 1) => "第1年".into(),
        (Lang::Zh, n) => format!("第1–{n}年"),
        (Lang::En, 1) => "Year 1".into(),
        (Lang::En, n) => format!("Years 1–{n}"),
    }
}

fn both(f: impl Fn(Lang) -> String) -> Text {
    Text::new(f(Lang::Zh), f(Lang::En))
}

fn legal_name(s: LegalStatus) -> Text {
    match s {
        LegalStatus::Independent => Text::new("独立法人", "an independent legal entity"),
        LegalStatus::SeparateAccounting => Text::new(
            "人、物相对独立、财务单独核算",
            "separately managed with separate accounts",
        ),
        LegalStatus::None => Text::new("尚未独立", "not separate"),
    }
}

fn lead_name(k: LeadKind) -> Text {
    match k {
        LeadKind::Enterprise => Text::new("企业", "an enterprise"),
        LeadKind::University => Text::new("高校", "a university"),
        LeadKind::ResearchInstitute => Text::new("科研院所", "a research institute"),
        LeadKind::Other => Text::new("其他单位", "another kind of unit"),
    }
}

fn names(policy: &Policy, a: &Applicant, lists: &[FieldList], lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    for l in lists {
        let chosen = match l {
            FieldList::Highlands => &a.fields.highlands,
            FieldList::Chains => &a.fields.chains,
            FieldList::Clusters => &a.fields.clusters,
        };
        for id in chosen.iter().flatten() {
            if let Some(c) = policy.list(*l).iter().find(|c| &c.id == id) {
                out.push(c.name.get(lang).to_owned());
            }
        }
    }
    out
}

/// Why a requirement has its status, in both languages.
pub fn requirement(policy: &Policy, a: &Applicant, o: &Outcome<'_>) -> Text {
    let r = o.requirement;
    let clause = r.clause.as_str();
    let title = &r.title;
    let st = o.status;
    match (&r.rule, st) {
        (Rule::AnyField | Rule::AnyOfLists(_), Status::Met) => {
            let lists: &[FieldList] = match &r.rule {
                Rule::AnyOfLists(l) => l,
                _ => FieldList::ALL,
            };
            both(|l| {
                let mut n = names(policy, a, lists, l);
                if matches!(r.rule, Rule::AnyField) && a.fields.carbon_neutral == Some(true) {
                    n.push(match l {
                        Lang::Zh => "碳达峰碳中和技术".into(),
                        Lang::En => "carbon-peak and carbon-neutral technology".into(),
                    });
                }
                match l {
                    Lang::Zh => format!("所选领域（{}）属于{clause}的重点领域。", n.join("、")),
                    Lang::En => format!("The fields chosen ({}) are among the priority fields of {clause}.", n.join(", ")),
                }
            })
        }
        (Rule::AnyField | Rule::AnyOfLists(_), Status::Gap) => Text::new(
            format!("未选择任何科创高地、标志性产业链或重点优势产业集群，也不属于碳达峰碳中和技术；{clause}要求聚焦其中之一。"),
            format!("No highland, landmark chain or priority cluster is chosen, nor carbon-neutral technology; {clause} requires one of them."),
        ),
        (Rule::AnyField, Status::Unknown) if crate::assess::for_review(o, a) => {
            let d = a.fields.described().unwrap_or_default();
            Text::new(
                format!("所填领域“{d}”不在所列的科创高地、标志性产业链和重点优势产业集群之内；{clause}所列领域以“等”结尾，是否属于重点领域，需由审核部门判断。"),
                format!("The field described (“{d}”) is outside the highlands, chains and clusters listed; {clause}'s list ends in “等” (and so on), so whether it is a priority field needs the reviewers' judgement."),
            )
        }
        (Rule::LeadKind(allowed), Status::Met | Status::Gap) => {
            let k = a.lead_unit.kind.unwrap_or(LeadKind::Other);
            let list = |l: Lang| {
                allowed.iter().map(|k| lead_name(*k).get(l).to_owned()).collect::<Vec<_>>()
            };
            if st == Status::Met {
                Text::new(
                    format!("依托单位为{}，属于{clause}所指的依托单位。", lead_name(k).zh),
                    format!("The lead unit is {}, as {clause} allows.", lead_name(k).en),
                )
            } else {
                Text::new(
                    format!("依托单位为{}；{clause}要求依托{}。", lead_name(k).zh, list(Lang::Zh).join("、")),
                    format!("The lead unit is {}; {clause} requires {}.", lead_name(k).en, list(Lang::En).join(" or ")),
                )
            }
        }
        (Rule::LeadCapacity, Status::Met) => {
            let u = &a.lead_unit;
            if u.kind.is_some_and(|k| k != LeadKind::Enterprise) {
                Text::new(
                    format!("依托单位不是企业，{clause}对领军企业的要求不适用。"),
                    format!("The lead unit is not an enterprise, so {clause}'s leading-enterprise test does not apply."),
                )
            } else if u.leading_enterprise == Some(true) {
                Text::new(
                    format!("依托单位是创新能力突出的领军企业（{clause}）。"),
                    format!("The lead unit is a leading enterprise with outstanding innovation capacity ({clause})."),
                )
            } else {
                let n = u.platforms.as_ref().map_or(0, |p| p.len());
                Text::new(
                    format!("依托单位已建设{n}个省级以上创新载体（{clause}）。"),
                    format!("The lead unit runs {n} provincial-or-higher innovation platform(s) ({clause})."),
                )
            }
        }
        (Rule::LeadCapacity, Status::Gap) => Text::new(
            format!("依托企业既非创新能力突出的领军企业，也未建设省级以上创新载体；{clause}要求其一。"),
            format!("The lead enterprise is neither a leading enterprise nor runs a provincial-or-higher platform; {clause} asks for one of them."),
        ),
        (Rule::Recommended, Status::Met) => match a.recommended_by {
            Some(Recommender::MunicipalDepartment) => Text::new(
                format!("由市级有关部门推荐（{clause}）。"),
                format!("Recommended by a municipal department ({clause})."),
            ),
            Some(Recommender::MunicipalLayout) => Text::new(
                format!("属市政府主动布局（{clause}）。"),
                format!("Laid out by the municipal government itself ({clause})."),
            ),
            _ => Text::new(
                format!("由区（县、市）政府（管委会）推荐（{clause}）。"),
                format!("Recommended by a district (county, city) government or management committee ({clause})."),
            ),
        },
        (Rule::Recommended, Status::Gap) => Text::new(
            format!("尚无推荐单位；{clause}采用市政府主动布局和区（县、市）政府（管委会）、相关部门推荐相结合的方式。"),
            format!("Nobody recommends it yet; under {clause} a centre is laid out by the city or recommended by a district or a department."),
        ),
        (Rule::LegalStatus(allowed), Status::Met | Status::Gap) => {
            let s = a.organization.legal_status.unwrap_or(LegalStatus::None);
            let list = |l: Lang| allowed.iter().map(|x| legal_name(*x).get(l).to_owned()).collect::<Vec<_>>();
            if st == Status::Met {
                Text::new(
                    format!("中心为{}，符合{clause}。", legal_name(s).zh),
                    format!("The centre is {}, as {clause} requires.", legal_name(s).en),
                )
            } else {
                Text::new(
                    format!("中心目前为{}；{clause}要求{}。", legal_name(s).zh, list(Lang::Zh).join("或")),
                    format!("The centre is {}; {clause} requires {}.", legal_name(s).en, list(Lang::En).join(" or ")),
                )
            }
        }
        (Rule::Flag(_), Status::Met) => Text::new(
            format!("已设立{}（{clause}）。", title.zh),
            format!("{} is in place ({clause}).", title.en),
        ),
        (Rule::Flag(_), Status::Gap) => Text::new(
            format!("尚未设立{}；{clause}要求设立。", title.zh),
            format!("No {} yet; {clause} requires one.", lower(&title.en)),
        ),
        (Rule::AtLeast { .. } | Rule::InvestmentSum { .. }, _) => threshold(o, clause),
        (_, _) => Text::new(
            format!("尚未回答{}所需的信息（{clause}）。", title.zh),
            format!("The answers that {} needs are not given yet ({clause}).", lower(&title.en)),
        ),
    }
}

fn threshold(o: &Outcome<'_>, clause: &str) -> Text {
    let title = &o.requirement.title;
    match o.measure {
        Some(Measure::Count {
            actual,
            required,
            unit,
        }) => match (o.status, actual) {
            (Status::Met, Some(v)) => Text::new(
                format!(
                    "{}：{}，达到{clause}要求的{}。",
                    title.zh,
                    count(v, unit, Lang::Zh),
                    count(required, unit, Lang::Zh)
                ),
                format!(
                    "{}: {}, reaching the {} that {clause} requires.",
                    title.en,
                    count(v, unit, Lang::En),
                    count(required, unit, Lang::En)
                ),
            ),
            (Status::Gap, Some(v)) => {
                let short = required.saturating_sub(v);
                Text::new(
                    format!(
                        "{}：{}，距{clause}要求的{}还差{}。",
                        title.zh,
                        count(v, unit, Lang::Zh),
                        count(required, unit, Lang::Zh),
                        count(short, unit, Lang::Zh)
                    ),
                    format!(
                        "{}: {}; {} more reaches the {} of {clause}.",
                        title.en,
                        count(v, unit, Lang::En),
                        count(short, unit, Lang::En),
                        count(required, unit, Lang::En)
                    ),
                )
            }
            _ => Text::new(
                format!(
                    "尚未填写{}；{clause}要求不少于{}。",
                    title.zh,
                    count(required, unit, Lang::Zh)
                ),
                format!(
                    "{} is not given; {clause} requires at least {}.",
                    title.en,
                    count(required, unit, Lang::En)
                ),
            ),
        },
        Some(Measure::Money {
            actual,
            required,
            years,
            years_known,
        }) => {
            let short = required.minus(actual);
            match o.status {
                Status::Met => Text::new(
                    format!("{}累计投入{}，达到{clause}要求的{}。", years_range(years_known, Lang::Zh), money(actual, Lang::Zh), money(required, Lang::Zh)),
                    format!("Investment over {}: {}, reaching the {} that {clause} requires.", lower(&years_range(years_known, Lang::En)), money(actual, Lang::En), money(required, Lang::En)),
                ),
                Status::Gap => Text::new(
                    format!("{}累计投入{}；再投入{}可达到{clause}要求的{}。", years_range(years, Lang::Zh), money(actual, Lang::Zh), money(short, Lang::Zh), money(required, Lang::Zh)),
                    format!("Investment over {}: {}; {} more reaches the {} of {clause}.", lower(&years_range(years, Lang::En)), money(actual, Lang::En), money(short, Lang::En), money(required, Lang::En)),
                ),
                Status::Unknown if years_known == 0 => Text::new(
                    format!("尚未填写投入；{clause}要求{}合计{}。", years_range(years, Lang::Zh), money(required, Lang::Zh)),
                    format!("No investment is given; {clause} requires {} over {}.", money(required, Lang::En), lower(&years_range(years, Lang::En))),
                ),
                Status::Unknown => Text::new(
                    format!("已填{}投入{}，第{}–{years}年未填；{clause}要求{}合计{}，尚差{}。", years_range(years_known, Lang::Zh), money(actual, Lang::Zh), years_known + 1, years_range(years, Lang::Zh), money(required, Lang::Zh), money(short, Lang::Zh)),
                    format!("Investment over {}: {}, years {}–{years} not given; {clause} requires {} over {}, {} more.", lower(&years_range(years_known, Lang::En)), money(actual, Lang::En), years_known + 1, money(required, Lang::En), lower(&years_range(years, Lang::En)), money(short, Lang::En)),
                ),
            }
        }
        None => Text::default(),
    }
}

/// What decided one year of the funding estimate, and what investment would reach its cap.
pub fn funding_year(policy: &Policy, y: &FundingYear, source: BaseSource) -> Text {
    let t = &policy.funding;
    let rate = percent(t.rate_bp);
    let n = y.year;
    let m = |w: Wan, l: Lang| money(w, l);
    let base_note = if !y.base_given {
        Text::new(
            format!("第{n}年未填创新能力建设投入，按0计；"),
            format!("Year {n} has no capacity-building investment given, so 0 is used; "),
        )
    } else if source == BaseSource::Investment {
        Text::new(
            "（未填创新能力建设投入，以当年总投入计）".to_string(),
            "(no capacity-building figure given: the year's total investment is used) ".to_string(),
        )
    } else {
        Text::default()
    };
    let head = Text::new(
        format!(
            "{}第{n}年投入{}，按{rate}计{}",
            base_note.zh,
            m(y.base, Lang::Zh),
            m(y.by_rate, Lang::Zh)
        ),
        format!(
            "{}Year {n}: {rate} of {} is {}",
            base_note.en,
            m(y.base, Lang::En),
            m(y.by_rate, Lang::En)
        ),
    );
    let cap_name = |l: Lang| -> String {
        if n == 1 && y.cap == t.first_year_cap {
            match l {
                Lang::Zh => format!("首年上限{}", m(t.first_year_cap, l)),
                Lang::En => format!("the {} first-year cap", m(t.first_year_cap, l)),
            }
        } else {
            match l {
                Lang::Zh => format!("合计上限{}的剩余额度{}", m(t.total_cap, l), m(y.cap, l)),
                Lang::En => format!(
                    "the {} left of the {} total cap",
                    m(y.cap, l),
                    m(t.total_cap, l)
                ),
            }
        }
    };
    match y.limited_by {
        LimitedBy::Rate => match y.base_to_reach_cap {
            Some(b) => Text::new(
                format!(
                    "{}；当年投入达到{}可达到{}。",
                    head.zh,
                    m(b, Lang::Zh),
                    cap_name(Lang::Zh)
                ),
                format!(
                    "{}; investing {} in year {n} reaches {}.",
                    head.en,
                    m(b, Lang::En),
                    cap_name(Lang::En)
                ),
            ),
            None => Text::new(format!("{}。", head.zh), format!("{}.", head.en)),
        },
        LimitedBy::FirstYearCap => Text::new(
            format!(
                "{}，不超过首年上限{}，计{}。",
                head.zh,
                m(t.first_year_cap, Lang::Zh),
                m(y.amount, Lang::Zh)
            ),
            format!(
                "{}, limited by the {} first-year cap to {}.",
                head.en,
                m(t.first_year_cap, Lang::En),
                m(y.amount, Lang::En)
            ),
        ),
        LimitedBy::TotalCap => Text::new(
            format!(
                "{}，合计上限{}仅余{}，计{}。",
                head.zh,
                m(t.total_cap, Lang::Zh),
                m(y.cap, Lang::Zh),
                m(y.amount, Lang::Zh)
            ),
            format!(
                "{}, but only {} is left of the {} total cap: {}.",
                head.en,
                m(y.cap, Lang::En),
                m(t.total_cap, Lang::En),
                m(y.amount, Lang::En)
            ),
        ),
    }
}

/// The funding total against its cap.
pub fn funding_total(policy: &Policy, total: Wan) -> Text {
    let cap = policy.funding.total_cap;
    let clause = &policy.funding.clause;
    if total >= cap {
        Text::new(
            format!(
                "前{}年合计{}，已达{clause}的合计上限。",
                policy.funding.years,
                money(total, Lang::Zh)
            ),
            format!(
                "The {} years add up to {}, the total cap of {clause}.",
                policy.funding.years,
                money(total, Lang::En)
            ),
        )
    } else {
        Text::new(
            format!(
                "前{}年合计{}，距{clause}的合计上限{}还有{}。",
                policy.funding.years,
                money(total, Lang::Zh),
                money(cap, Lang::Zh),
                money(cap.minus(total), Lang::Zh)
            ),
            format!(
                "The {} years add up to {}, {} below the {} total cap of {clause}.",
                policy.funding.years,
                money(total, Lang::En),
                money(cap.minus(total), Lang::En),
                money(cap, Lang::En)
            ),
        )
    }
}

/// "1 condition", "2 conditions".
fn conditions(n: usize) -> String {
    if n == 1 {
        "1 condition".to_owned()
    } else {
        format!("{n} conditions")
    }
}

/// The reasons behind the verdict: the gates that decided it, or the open conditions.
pub fn verdict_reasons(a: &Assessment<'_>, applicant: &Applicant) -> Vec<Text> {
    let of = |kind: Kind, status: Status| {
        a.requirements
            .iter()
            .filter(move |o| o.requirement.kind == kind && o.status == status)
    };
    let title = |o: &Outcome<'_>, l: Lang| match l {
        Lang::Zh => format!("{}（{}）", o.requirement.title.zh, o.requirement.clause),
        Lang::En => format!("{} ({})", o.requirement.title.en, o.requirement.clause),
    };
    let mut out = Vec::new();
    match a.verdict {
        Verdict::NotEligible => {
            for o in of(Kind::Gate, Status::Gap) {
                out.push(Text::new(
                    format!("门槛条件未满足：{}", title(o, Lang::Zh)),
                    format!("A gate is not met: {}", title(o, Lang::En)),
                ));
            }
        }
        Verdict::Incomplete => {
            for o in of(Kind::Gate, Status::Unknown) {
                out.push(if crate::assess::for_review(o, applicant) {
                    Text::new(
                        format!("门槛条件需由审核部门判断：{}", title(o, Lang::Zh)),
                        format!(
                            "A gate needs the reviewers' judgement: {}",
                            title(o, Lang::En)
                        ),
                    )
                } else {
                    Text::new(
                        format!("门槛条件尚未填写：{}", title(o, Lang::Zh)),
                        format!("A gate is not answered yet: {}", title(o, Lang::En)),
                    )
                });
            }
        }
        Verdict::EligibleWithGaps => {
            let gaps = of(Kind::Condition, Status::Gap).count();
            let unknown = of(Kind::Condition, Status::Unknown).count();
            out.push(Text::new(
                format!("门槛条件均已满足；另有{gaps}项条件尚未达到、{unknown}项尚未填写，需在各自时点前达到。"),
                format!(
                    "Every gate is met; {} not met yet and {} not answered, each due by its own point.",
                    conditions(gaps),
                    conditions(unknown)
                ),
            ));
        }
        Verdict::Eligible => out.push(Text::new("全部条件均已满足。", "Every requirement is met.")),
    }
    out
}

/// Years `from..=to` in words: `第1–2年`, `years 1–2`, `第3年`, `year 3`.
pub fn years_span(from: usize, to: usize, l: Lang) -> String {
    match (l, from == to) {
        (Lang::Zh, true) => format!("第{to}年"),
        (Lang::Zh, false) => format!("第{from}–{to}年"),
        (Lang::En, true) => format!("year {to}"),
        (Lang::En, false) => format!("years {from}–{to}"),
    }
}

/// One step of what it would take: the change that closes an open requirement, in words
/// (`2年内技术创新队伍人数：再增加14人，达到100人（现为86人）`).
pub fn step(policy: &Policy, a: &Applicant, s: &Step<'_>) -> Text {
    let r = s.requirement;
    let body = match s.change {
        Change::Count {
            from: Some(from),
            to,
            unit,
            ..
        } => both(|l| {
            let (more, now) = (count(to - from, unit, l), count(from, unit, l));
            let to = count(to, unit, l);
            match l {
                Lang::Zh => format!("再增加{more}，达到{to}（现为{now}）"),
                Lang::En => format!("{more} more, to {to} (now {now})"),
            }
        }),
        Change::Count {
            from: None,
            to,
            unit,
            ..
        } => both(|l| match l {
            Lang::Zh => format!("尚未填写；计划至少{}", count(to, unit, l)),
            Lang::En => format!("not answered; plan at least {}", count(to, unit, l)),
        }),
        Change::Invest {
            years,
            from,
            earlier,
            add,
            years_known,
        } => both(|l| {
            let span = years_span(1, years, l);
            let to = money(from.plus(earlier).plus(add), l);
            let mut t = if add == Wan::ZERO {
                match l {
                    Lang::Zh => format!("前一阶段增加的投入已足够，{span}合计达到{to}"),
                    Lang::En => format!("the earlier addition suffices: {to} over {span}"),
                }
            } else {
                match l {
                    Lang::Zh => format!(
                        "{span}再投入{}，合计达到{to}（现为{}）",
                        money(add, l),
                        money(from, l)
                    ),
                    Lang::En => format!(
                        "{} more over {span}, to {to} (now {})",
                        money(add, l),
                        money(from, l)
                    ),
                }
            };
            if earlier > Wan::ZERO && add > Wan::ZERO {
                t.push_str(&match l {
                    Lang::Zh => format!("，已计入前一阶段增加的{}", money(earlier, l)),
                    Lang::En => format!(", counting the earlier {} added", money(earlier, l)),
                });
            }
            if years_known < years {
                t.push_str(&match l {
                    Lang::Zh => format!("；{}未填写，按0计", years_span(years_known + 1, years, l)),
                    Lang::En => format!(
                        "; {} not answered, counted as 0",
                        years_span(years_known + 1, years, l)
                    ),
                });
            }
            t
        }),
        Change::Meet | Change::Answer => {
            let o = Outcome {
                requirement: r,
                status: s.status,
                measure: None,
            };
            return requirement(policy, a, &o);
        }
    };
    let c = &r.clause;
    Text::new(
        format!("{}：{}（{c}）。", r.title.zh, body.zh),
        format!("{}: {} ({c}).", r.title.en, body.en),
    )
}

/// What would earn the largest subsidy, in words: the base that earns the first-year cap, the
/// base that earns the total, and what to add to the figures given. Every amount is a ceiling
/// (「最高」, "up to"): the rate and the caps are upper bounds of the text.
pub fn subsidy_reach(policy: &Policy, s: &SubsidyReach) -> Vec<Text> {
    let t = &policy.funding;
    let n = t.years;
    let rate = percent(t.rate_bp);
    let mut out = Vec::new();
    if let Some(b1) = s.first_year_base {
        out.push(both(|l| match l {
            Lang::Zh => format!(
                "第1年创新能力建设投入达到{}，按{rate}计可获首年最高{}。",
                money(b1, l),
                money(t.first_year_cap.min(s.max), l)
            ),
            Lang::En => format!(
                "A year-1 capacity-building investment of {} earns, at {rate}, the first-year maximum of up to {}.",
                money(b1, l),
                money(t.first_year_cap.min(s.max), l)
            ),
        }));
    }
    if let (Some(total), true) = (s.total_base, n > 1) {
        out.push(both(|l| match l {
            Lang::Zh => format!(
                "{}合计投入{}（其中第1年{}），可获合计最高{}。",
                years_span(1, n, l),
                money(total, l),
                money(s.first_year_base.unwrap_or(Wan::ZERO), l),
                money(s.max, l)
            ),
            Lang::En => format!(
                "{} in all over {} (year 1: {}) earns the total maximum of up to {}.",
                money(total, l),
                years_span(1, n, l),
                money(s.first_year_base.unwrap_or(Wan::ZERO), l),
                money(s.max, l)
            ),
        }));
    }
    match s.add {
        Some((year, add)) => out.push(both(|l| {
            let any = if year > 1 && n > 2 {
                match l {
                    Lang::Zh => format!("（在{}任一年增加，效果相同）", years_span(2, n, l)),
                    Lang::En => format!(" (adding it in any of {} earns the same)", years_span(2, n, l)),
                }
            } else {
                String::new()
            };
            match l {
                Lang::Zh => format!(
                    "按已填数字，{}再增加创新能力建设投入{}，估算可达最高{}{any}。",
                    years_span(year, year, l),
                    money(add, l),
                    money(s.max, l)
                ),
                Lang::En => format!(
                    "With the figures given, {} more capacity-building investment in {} brings the estimate to the maximum of up to {}{any}.",
                    money(add, l),
                    years_span(year, year, l),
                    money(s.max, l)
                ),
            }
        })),
        None if s.estimate >= s.max => out.push(both(|l| match l {
            Lang::Zh => format!("已填数字的估算已达最高支持额度{}。", money(s.max, l)),
            Lang::En => format!(
                "The figures given already reach the maximum of up to {}.",
                money(s.max, l)
            ),
        })),
        None => {}
    }
    out
}

#[cfg(test)]
mod size_tests {
    use super::*;

    #[test]
    fn percent_from_integers_reads_as_the_float_did() {
        assert_eq!(percent(3000), "30%");
        assert_eq!(percent(3050), "30.5%");
        assert_eq!(percent(3005), "30.05%");
        assert_eq!(percent(5), "0.05%");
        for bp in (0..20_000).chain([u32::MAX - 1, u32::MAX]) {
            assert_eq!(percent(bp), format!("{}%", bp as f64 / 100.0), "{bp}");
        }
    }

    #[test]
    fn english_verdict_reasons_use_ascii_punctuation() {
        let policy = crate::policy::current();
        let out_of_scope = crate::parse_applicant(
            policy,
            r#"{"schema":"tic-applicant/1","fields":{"highlands":[],"chains":[],"clusters":[],"carbon_neutral":false}}"#,
        )
        .expect("a valid applicant");
        for (applicant, verdict) in [
            (crate::Applicant::default(), Verdict::Incomplete),
            (out_of_scope, Verdict::NotEligible),
        ] {
            let a = crate::assess(policy, &applicant);
            assert_eq!(a.verdict, verdict);
            let reasons = verdict_reasons(&a, &applicant);
            assert!(!reasons.is_empty());
            for r in reasons {
                // the clause numbers (e.g. 二（二）) are the guideline's own names: left as they are
                let mut en = r.en.clone();
                for o in &a.requirements {
                    en = en.replace(o.requirement.clause.as_str(), "");
                }
                assert!(
                    !en.contains(['（', '）', '：', '，', '。', '、']),
                    "{}",
                    r.en
                );
            }
        }
    }

    #[test]
    fn english_titles_lower_case_as_unicode_would() {
        for p in crate::policy::all() {
            for r in &p.requirements {
                assert_eq!(lower(&r.title.en), r.title.en.to_lowercase(), "{}", r.id);
            }
        }
        for n in 1..10 {
            let y = years_range(n, Lang::En);
            assert_eq!(lower(&y), y.to_lowercase());
        }
    }
}

#[cfg(test)]
mod reason_tests {
    use crate::{assess, parse_applicant, policy};

    #[test]
    fn english_reasons_count_conditions_in_words() {
        let p = policy::current();
        let json = r#"{"schema":"tic-applicant/1","lead_unit":{"kind":"university"},
            "fields":{"highlands":["new_materials"]},"organization":{"legal_status":"separate_accounting"}}"#;
        let a = parse_applicant(p, json).unwrap();
        let r = super::verdict_reasons(&assess(p, &a), &a);
        assert_eq!(r.len(), 1);
        assert!(r[0].en.contains("1 condition not met yet"), "{}", r[0].en);
        assert!(!r[0].en.contains("(s)"), "{}", r[0].en);
    }
}
