//! `--format table`: readable terminal summaries, in Chinese or English.

use std::fmt::Write as _;
use tic_core::assess::{Assessment, Measure, Outcome, Shortfall};
use tic_core::explain;
use tic_core::funding::BaseSource;
use tic_core::json::Json;
use tic_core::policy::Policy;
use tic_core::policy::Rule;
use tic_core::reach::reach;
use tic_core::track::{self, Figure, Milestone, Progress, Tracking};
use tic_core::vocab::{
    Due, LimitedBy, MilestoneStatus, Standing, Status, TargetSource, Unit, Verdict,
};
use tic_core::{Applicant, Lang};
use tic_tabular::{PortfolioItem, ResultRow};

/// The verdict in words (the core's wording, shared by every shell).
pub fn verdict_label(v: Verdict, lang: Lang) -> &'static str {
    explain::verdict_name(v).get(lang)
}

fn status_label(o: &Outcome<'_>, applicant: &Applicant, lang: Lang) -> String {
    let mark = match o.status {
        Status::Met => "✓",
        Status::Gap => "✗",
        Status::Unknown => "?",
    };
    format!("{mark} {}", explain::outcome_name(o, applicant).get(lang))
}

fn due_label(policy: &Policy, d: Due, lang: Lang) -> String {
    explain::due_name(policy, d).get(lang).to_owned()
}

fn limited_label(l: LimitedBy, lang: Lang) -> &'static str {
    match (l, lang) {
        (LimitedBy::Rate, Lang::Zh) => "按比例",
        (LimitedBy::Rate, Lang::En) => "rate",
        (LimitedBy::FirstYearCap, Lang::Zh) => "首年上限",
        (LimitedBy::FirstYearCap, Lang::En) => "first-year cap",
        (LimitedBy::TotalCap, Lang::Zh) => "合计上限",
        (LimitedBy::TotalCap, Lang::En) => "total cap",
    }
}

/// Display width of a string in a terminal: East Asian wide characters count 2.
pub fn width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            let u = c as u32;
            let wide = matches!(u,
                0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0xA4CF | 0xAC00..=0xD7A3
                | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6);
            if wide {
                2
            } else {
                1
            }
        })
        .sum()
}

fn pad(s: &str, w: usize) -> String {
    let mut out = s.to_owned();
    for _ in width(s)..w {
        out.push(' ');
    }
    out
}

fn rpad(s: &str, w: usize) -> String {
    let mut out = String::new();
    for _ in width(s)..w {
        out.push(' ');
    }
    out.push_str(s);
    out
}

/// Lays out rows as aligned columns (`right[i]`: right-align column i), two spaces apart.
fn grid(rows: &[Vec<String>], right: &[bool], indent: &str) -> String {
    let n = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..n)
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|s| width(s))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for r in rows {
        let mut line = String::from(indent);
        for (i, cell) in r.iter().enumerate() {
            if i > 0 {
                line.push_str("  ");
            }
            if right.get(i).copied().unwrap_or(false) {
                line.push_str(&rpad(cell, widths[i]));
            } else {
                line.push_str(&pad(cell, widths[i]));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn numbers(m: Option<Measure>, lang: Lang) -> [String; 3] {
    match m {
        Some(Measure::Count {
            actual,
            required,
            unit,
        }) => [
            actual
                .map(|a| explain::count(a, unit, lang))
                .unwrap_or_else(|| "—".into()),
            explain::count(required, unit, lang),
            match m.and_then(|m| m.shortfall()) {
                Some(Shortfall::Count(n)) => explain::count(n, unit, lang),
                _ => String::new(),
            },
        ],
        Some(Measure::Money {
            actual,
            required,
            years,
            years_known,
        }) => {
            let mut a = explain::money(actual, lang);
            if years_known < years {
                a = match lang {
                    Lang::Zh => format!("{a}（{years_known}/{years}年）"),
                    Lang::En => format!("{a} ({years_known}/{years} yrs)"),
                };
            }
            [
                a,
                explain::money(required, lang),
                match m.and_then(|m| m.shortfall()) {
                    Some(Shortfall::Money(w)) => explain::money(w, lang),
                    _ => String::new(),
                },
            ]
        }
        None => [String::new(), String::new(), String::new()],
    }
}

/// The terminal summary of one assessment: verdict and reasons, the requirements grouped by due
/// point (status, actual, required, shortfall, clause), the funding per year and the total.
pub fn assessment(a: &Assessment<'_>, applicant: &Applicant, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let mut out = String::new();
    let name = applicant.name.as_deref().unwrap_or(if zh {
        "（未填名称）"
    } else {
        "(no name)"
    });
    match &applicant.district {
        Some(d) => {
            let _ = writeln!(out, "{name} · {d}");
        }
        None => {
            let _ = writeln!(out, "{name}");
        }
    }
    let _ = writeln!(
        out,
        "{}{} ({})",
        if zh { "结论：" } else { "Verdict: " },
        verdict_label(a.verdict, lang),
        a.verdict.id()
    );
    for r in explain::verdict_reasons(a, applicant) {
        let _ = writeln!(out, "  - {}", r.get(lang));
    }
    for due in Due::ALL {
        let items: Vec<_> = a
            .requirements
            .iter()
            .filter(|o| o.requirement.due == *due)
            .collect();
        if items.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{}", due_label(a.policy, *due, lang));
        let mut rows = vec![if zh {
            ["状态", "要求", "实际", "要求值", "差额", "条款"]
                .map(String::from)
                .to_vec()
        } else {
            [
                "status",
                "requirement",
                "actual",
                "required",
                "shortfall",
                "clause",
            ]
            .map(String::from)
            .to_vec()
        }];
        for o in items {
            let [actual, required, short] = numbers(o.measure, lang);
            rows.push(vec![
                status_label(o, applicant, lang),
                format!("{} {}", o.requirement.id, o.requirement.title.get(lang)),
                actual,
                required,
                short,
                o.requirement.clause.clone(),
            ]);
        }
        out.push_str(&grid(&rows, &[false, false, true, true, true, false], "  "));
    }
    let f = &a.funding;
    let _ = writeln!(
        out,
        "\n{}",
        if zh {
            "市级补助估算（如获认定，按上限计）"
        } else {
            "Municipal subsidy estimate (if approved; amounts are ceilings: up to)"
        }
    );
    let mut rows = vec![if zh {
        ["年度", "基数", "补助", "决定因素"]
            .map(String::from)
            .to_vec()
    } else {
        ["year", "base", "amount", "limited by"]
            .map(String::from)
            .to_vec()
    }];
    for y in &f.years {
        rows.push(vec![
            y.year.to_string(),
            explain::money(y.base, lang),
            explain::money(y.amount, lang),
            limited_label(y.limited_by, lang).to_owned(),
        ]);
    }
    rows.push(vec![
        if zh { "合计" } else { "total" }.to_owned(),
        String::new(),
        explain::money(f.total, lang),
        String::new(),
    ]);
    out.push_str(&grid(&rows, &[false, true, true, false], "  "));
    what_it_takes(&mut out, a, applicant, lang);
    // Where the result rests on a reading of unclear words, the reading is said.
    let mut readings: Vec<&tic_core::policy::Reading> = Vec::new();
    let funding_base = (f.base_source == BaseSource::Investment).then_some("funding_base");
    let topics = a
        .requirements
        .iter()
        .map(|o| o.requirement.id.as_str())
        .chain(["funding"])
        .chain(funding_base);
    for what in topics {
        for r in a.policy.readings_for(what) {
            if !readings.iter().any(|x| x.id == r.id) {
                readings.push(r);
            }
        }
    }
    if !readings.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            if zh {
                "本工具对原文不明确之处的理解"
            } else {
                "How the tool reads words the text leaves open"
            }
        );
        for r in readings {
            let _ = writeln!(out, "  - {} ({})", r.text.get(lang), r.clause);
        }
    }
    let _ = writeln!(out, "\n{}", if zh { "填写内容" } else { "Answers" });
    let value = serde_json::to_value(applicant).unwrap_or_default();
    let rows: Vec<Vec<String>> = tic_core::fields::answers(a.policy, &Json::from(&value), lang)
        .into_iter()
        .map(|(label, shown)| vec![label, shown])
        .collect();
    out.push_str(&grid(&rows, &[false, false], "  "));
    let _ = writeln!(
        out,
        "\n{} {} ({})",
        if zh { "政策版本:" } else { "Policy:" },
        a.policy.id,
        a.policy.status
    );
    out
}

/// "What it would take": per due point, the change that closes each open requirement, then what
/// would earn the largest subsidy.
fn what_it_takes(out: &mut String, a: &Assessment<'_>, applicant: &Applicant, lang: Lang) {
    let zh = lang == Lang::Zh;
    let r = reach(a);
    let _ = writeln!(
        out,
        "\n{}",
        if zh {
            "要达到全部条件和最高补助，需要做到"
        } else {
            "What it would take to meet every condition and reach the largest subsidy"
        }
    );
    for d in &r.due {
        let _ = writeln!(out, "  {}", due_label(a.policy, d.due, lang));
        for s in &d.steps {
            let _ = writeln!(
                out,
                "    - {}",
                explain::step(a.policy, applicant, s).get(lang)
            );
        }
    }
    let _ = writeln!(out, "  {}", if zh { "补助" } else { "Subsidy" });
    for t in explain::subsidy_reach(a.policy, &r.subsidy) {
        let _ = writeln!(out, "    - {} ({})", t.get(lang), a.policy.funding.clause);
    }
}

/// The end of a table of many rows: under `heading` (Chinese, English), each problem of each
/// invalid row, then the policy version the rows were read under.
fn invalid_and_policy(
    out: &mut String,
    heading: (&str, &str),
    errors: &[&tic_tabular::RowError],
    policy: &Policy,
    lang: Lang,
) {
    let zh = lang == Lang::Zh;
    if !errors.is_empty() {
        let _ = writeln!(out, "\n{}", if zh { heading.0 } else { heading.1 });
        for e in errors {
            for p in &e.problems {
                let _ = writeln!(
                    out,
                    "  {} {}: {}",
                    if zh { "行" } else { "row" },
                    e.row,
                    p.line(lang)
                );
            }
        }
    }
    let _ = writeln!(
        out,
        "\n{} {}",
        if zh { "政策版本:" } else { "Policy:" },
        policy.id
    );
}

/// The terminal table of a screen: one line per row, then the errors of the invalid rows.
pub fn screen(policy: &Policy, results: &[ResultRow], lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let mut rows = vec![if zh {
        [
            "行",
            "结论",
            "补助合计",
            format!(
                "差距 {}",
                Due::ALL
                    .iter()
                    .map(|d| explain::due_short(policy, *d).zh)
                    .collect::<Vec<_>>()
                    .join("/")
            )
            .as_str(),
            "名称",
            "区县",
        ]
        .map(String::from)
        .to_vec()
    } else {
        [
            "row",
            "verdict",
            "subsidy",
            format!(
                "gaps {}",
                Due::ALL
                    .iter()
                    .map(|d| d.id())
                    .collect::<Vec<_>>()
                    .join("/")
            )
            .as_str(),
            "name",
            "district",
        ]
        .map(String::from)
        .to_vec()
    }];
    let mut errors = Vec::new();
    for r in results {
        let (verdict, total, gaps) = match &r.outcome {
            Ok(s) => (
                verdict_label(s.verdict, lang).to_owned(),
                explain::money(s.total, lang),
                s.by_due
                    .iter()
                    .map(|(g, _)| g.to_string())
                    .collect::<Vec<_>>()
                    .join("/"),
            ),
            Err(e) => {
                errors.push(e);
                (
                    if zh { "✗ 无效" } else { "✗ invalid" }.to_owned(),
                    String::new(),
                    String::new(),
                )
            }
        };
        rows.push(vec![
            r.row.to_string(),
            verdict,
            total,
            gaps,
            r.name.clone().unwrap_or_default(),
            r.district.clone().unwrap_or_default(),
        ]);
    }
    let mut out = grid(&rows, &[true, false, true, false, false, false], "");
    let warned: Vec<(usize, &tic_tabular::RowProblem)> = results
        .iter()
        .filter_map(|r| r.outcome.as_ref().ok().map(|s| (r.row, s)))
        .flat_map(|(row, s)| s.warnings.iter().map(move |w| (row, w)))
        .collect();
    if !warned.is_empty() {
        let _ = writeln!(out, "\n{}", if zh { "警告：" } else { "Warnings:" });
        for (row, w) in warned {
            let _ = writeln!(
                out,
                "  {} {}: {}",
                if zh { "行" } else { "row" },
                row,
                w.line(lang)
            );
        }
    }
    invalid_and_policy(
        &mut out,
        ("无效的行：", "Invalid rows:"),
        &errors,
        policy,
        lang,
    );
    out
}

// ---------------------------------------------------------------------------------------------
// `tic track --format table`: the construction period.

fn milestone_unit(m: &Milestone<'_>) -> Unit {
    match m.requirement.rule {
        Rule::AtLeast { unit, .. } => unit,
        _ => Unit::Wan,
    }
}

fn milestone_mark(s: MilestoneStatus, lang: Lang) -> String {
    let mark = match s {
        MilestoneStatus::Met => "✓",
        MilestoneStatus::Missed => "✗",
        MilestoneStatus::Unknown => "?",
        MilestoneStatus::Pending => "…",
    };
    format!("{mark} {}", track::milestone_status_name(s).get(lang))
}

/// The terminal summary of one centre's tracking: name, standing and its reason, the
/// milestones (status, actual, required, remaining, needed per year), the subsidy per year with
/// its outlook, the recovery and the warnings. Every word about the policy is the core's.
pub fn progress(t: &Tracking<'_>, p: &Progress, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let mut out = String::new();
    let name = p.name.as_deref().unwrap_or(if zh {
        "（未填名称）"
    } else {
        "(no name)"
    });
    match &p.district {
        Some(d) => {
            let _ = writeln!(out, "{name} · {d}");
        }
        None => {
            let _ = writeln!(out, "{name}");
        }
    }
    let _ = writeln!(
        out,
        "{}{} ({}){}",
        if zh { "状态：" } else { "Standing: " },
        track::standing_name(t.standing).get(lang),
        t.standing.id(),
        match t.delisted_year {
            Some(y) if zh => format!("，第{y}年"),
            Some(y) => format!(", year {y}"),
            None => String::new(),
        }
    );
    let _ = writeln!(out, "  {}", track::standing_reason(t).get(lang));
    let _ = writeln!(
        out,
        "{}",
        if zh {
            format!(
                "已填报 {}/{} 年",
                t.years_reported, t.policy.construction_years
            )
        } else {
            format!(
                "Years reported: {} of {}",
                t.years_reported, t.policy.construction_years
            )
        }
    );

    let _ = writeln!(out, "\n{}", if zh { "建设目标" } else { "Milestones" });
    let mut rows = vec![if zh {
        [
            "状态",
            "目标",
            "到期",
            "实际",
            "要求",
            "尚差",
            "每年需",
            "条款",
        ]
        .map(String::from)
        .to_vec()
    } else {
        [
            "status",
            "milestone",
            "due",
            "actual",
            "required",
            "remaining",
            "per year",
            "clause",
        ]
        .map(String::from)
        .to_vec()
    }];
    for m in &t.milestones {
        let u = milestone_unit(m);
        let f = |x: Option<Figure>| {
            x.map(|x| track::figure_text(x, u, lang))
                .unwrap_or_default()
        };
        let mut required = track::figure_text(m.required, u, lang);
        if m.source == TargetSource::Agreement {
            required.push_str(if zh { "（约定）" } else { " (agreed)" });
        }
        rows.push(vec![
            milestone_mark(m.status, lang),
            m.requirement.title.get(lang).to_owned(),
            if zh {
                format!("第{}年", m.due_year)
            } else {
                format!("year {}", m.due_year)
            },
            if m.actual.is_none() && m.status != MilestoneStatus::Pending {
                "—".to_owned()
            } else {
                f(m.actual)
            },
            required,
            f(m.remaining),
            f(m.per_year_needed),
            m.requirement.clause.clone(),
        ]);
    }
    out.push_str(&grid(
        &rows,
        &[false, false, false, true, true, true, true, false],
        "  ",
    ));
    for m in t
        .milestones
        .iter()
        .filter(|m| matches!(m.status, MilestoneStatus::Missed | MilestoneStatus::Unknown))
    {
        let _ = writeln!(out, "  - {}", track::milestone_explanation(m).get(lang));
    }

    let fd = &t.funding;
    let _ = writeln!(
        out,
        "\n{} ({})",
        if zh {
            "市级补助"
        } else {
            "Municipal subsidy"
        },
        t.policy.funding.clause
    );
    let mut rows = vec![if zh {
        ["年度", "基数", "应得", "决定因素", "前景"]
            .map(String::from)
            .to_vec()
    } else {
        ["year", "base", "entitled", "limited by", "outlook"]
            .map(String::from)
            .to_vec()
    }];
    for y in &fd.years {
        rows.push(vec![
            y.year.to_string(),
            y.base
                .map(|b| explain::money(b, lang))
                .unwrap_or_else(|| "—".into()),
            y.entitled
                .map(|e| explain::money(e.amount, lang))
                .unwrap_or_else(|| "—".into()),
            y.entitled
                .map(|e| limited_label(e.limited_by, lang).to_owned())
                .unwrap_or_default(),
            track::outlook_name(y.outlook).get(lang).to_owned(),
        ]);
    }
    rows.push(vec![
        if zh { "应得合计" } else { "entitled" }.to_owned(),
        String::new(),
        explain::money(fd.entitled_total, lang),
        String::new(),
        String::new(),
    ]);
    rows.push(vec![
        if zh { "已收到" } else { "received" }.to_owned(),
        String::new(),
        explain::money(fd.received_total, lang),
        String::new(),
        String::new(),
    ]);
    out.push_str(&grid(&rows, &[false, true, true, false, false], "  "));

    let _ = writeln!(
        out,
        "\n{}",
        if zh {
            "补助收回（五（四））"
        } else {
            "Recovery of subsidy (五（四）)"
        }
    );
    let _ = writeln!(out, "  {}", track::recovery_explanation(t).get(lang));
    let warnings = track::warnings(t);
    if !warnings.is_empty() {
        let _ = writeln!(out, "\n{}", if zh { "提示" } else { "Warnings" });
        for w in &warnings {
            let _ = writeln!(out, "  - {}", w.get(lang));
        }
    }
    let _ = writeln!(
        out,
        "\n{} {} ({})",
        if zh { "政策版本:" } else { "Policy:" },
        t.policy.id,
        t.policy.status
    );
    out
}

/// The terminal table of a portfolio: one line per centre in input order (row, name,
/// district, years reported, standing, delisted year, entitled and received totals, recovery
/// amount), the count of centres by standing, then the errors of the invalid centres.
pub fn portfolio(policy: &Policy, items: &[PortfolioItem], lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let mut rows = vec![if zh {
        [
            "行",
            "名称",
            "区县",
            "已报年数",
            "状态",
            "摘牌年度",
            "应得补助",
            "已收补助",
            "收回金额",
        ]
        .map(String::from)
        .to_vec()
    } else {
        [
            "row", "name", "district", "years", "standing", "delisted", "entitled", "received",
            "recovery",
        ]
        .map(String::from)
        .to_vec()
    }];
    let mut errors = Vec::new();
    let mut counts: Vec<(Standing, usize)> = Standing::ALL.iter().map(|s| (*s, 0)).collect();
    for item in items {
        let mut row = vec![
            item.row.to_string(),
            item.name.clone().unwrap_or_default(),
            item.district.clone().unwrap_or_default(),
        ];
        match &item.outcome {
            Ok(p) => {
                let t = tic_core::track(policy, p);
                if let Some(c) = counts.iter_mut().find(|(s, _)| *s == t.standing) {
                    c.1 += 1;
                }
                let recovery = t.recovery.amount().map_or_else(
                    || "—".to_owned(),
                    |a| {
                        let s = explain::money(a, lang);
                        if t.recovery.applies {
                            format!("{s} !")
                        } else {
                            s
                        }
                    },
                );
                row.extend([
                    t.years_reported.to_string(),
                    track::standing_name(t.standing).get(lang).to_owned(),
                    t.delisted_year.map(|y| y.to_string()).unwrap_or_default(),
                    explain::money(t.funding.entitled_total, lang),
                    explain::money(t.funding.received_total, lang),
                    recovery,
                ]);
            }
            Err(e) => {
                errors.push(e);
                row.extend([
                    String::new(),
                    if zh { "✗ 无效" } else { "✗ invalid" }.to_owned(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                ]);
            }
        }
        rows.push(row);
    }
    let mut out = grid(
        &rows,
        &[true, false, false, true, false, true, true, true, true],
        "",
    );
    let _ = writeln!(
        out,
        "\n{}",
        if zh {
            "按状态统计："
        } else {
            "By standing:"
        }
    );
    for (s, n) in counts.iter().filter(|(_, n)| *n > 0) {
        let _ = writeln!(out, "  {}: {n}", track::standing_name(*s).get(lang));
    }
    if !errors.is_empty() {
        let _ = writeln!(
            out,
            "  {}: {}",
            if zh { "无效" } else { "invalid" },
            errors.len()
        );
    }
    invalid_and_policy(
        &mut out,
        ("无效的中心：", "Invalid centres:"),
        &errors,
        policy,
        lang,
    );
    out
}

/// `tic policy diff --format table`: every difference, one line each.
pub fn policy_diff(
    a: &Policy,
    b: &Policy,
    changes: &[tic_core::diff::PolicyChange],
    lang: Lang,
) -> String {
    use tic_core::diff::ChangeKind;
    let zh = lang == Lang::Zh;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {} ({}) → {} ({})",
        if zh {
            "政策版本对比:"
        } else {
            "Policy versions:"
        },
        a.id,
        a.status,
        b.id,
        b.status
    );
    if changes.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            if zh {
                "两个版本没有差别。"
            } else {
                "The two versions do not differ."
            }
        );
        return out;
    }
    let mut rows = vec![if zh {
        ["部分", "项目", "变化", "条款", "原值", "新值"]
    } else {
        ["section", "entry", "change", "clause", "from", "to"]
    }
    .map(String::from)
    .to_vec()];
    for c in changes {
        let change = match (c.change, zh) {
            (ChangeKind::Added, true) => "新增",
            (ChangeKind::Removed, true) => "删除",
            (ChangeKind::Changed, true) => "修改",
            (ChangeKind::Added, false) => "added",
            (ChangeKind::Removed, false) => "removed",
            (ChangeKind::Changed, false) => "changed",
        };
        rows.push(vec![
            c.section.to_owned(),
            c.id.clone(),
            change.to_owned(),
            c.clause.clone().unwrap_or_default(),
            c.from_text(lang),
            c.to_text(lang),
        ]);
    }
    out.push_str(&grid(&rows, &[false; 6], "  "));
    let _ = writeln!(
        out,
        "{}",
        if zh {
            format!("共{}处差别。", changes.len())
        } else {
            format!("{} differences.", changes.len())
        }
    );
    out
}

fn totals_rows(
    base: &tic_tabular::compare::Totals,
    other: &tic_tabular::compare::Totals,
    lang: Lang,
) -> Vec<Vec<String>> {
    let zh = lang == Lang::Zh;
    let n = |x: usize| x.to_string();
    let mut rows = Vec::new();
    rows.push(vec![
        if zh { "行数" } else { "rows" }.to_owned(),
        n(base.rows),
        n(other.rows),
    ]);
    for ((v, a), (_, b)) in base.by_verdict.iter().zip(&other.by_verdict) {
        rows.push(vec![verdict_label(*v, lang).to_owned(), n(*a), n(*b)]);
    }
    if base.invalid + other.invalid > 0 {
        rows.push(vec![
            if zh { "无效行" } else { "invalid rows" }.to_owned(),
            n(base.invalid),
            n(other.invalid),
        ]);
    }
    let years = base.funding_years.len().max(other.funding_years.len());
    let year = |t: &tic_tabular::compare::Totals, i: usize| {
        explain::money(t.funding_years.get(i).copied().unwrap_or_default(), lang)
    };
    for i in 0..years {
        rows.push(vec![
            if zh {
                format!("第{}年补助（最高）", i + 1)
            } else {
                format!("year {} subsidy (up to)", i + 1)
            },
            year(base, i),
            year(other, i),
        ]);
    }
    rows.push(vec![
        if zh {
            "补助合计（最高）"
        } else {
            "subsidy in all (up to)"
        }
        .to_owned(),
        explain::money(base.funding_total, lang),
        explain::money(other.funding_total, lang),
    ]);
    rows
}

/// `tic screen --compare --format table`: the totals of both versions side by side, by
/// district, then the rows whose verdict or estimate changed.
pub fn comparison(
    base: &Policy,
    other: &Policy,
    rows: &[tic_tabular::compare::RowComparison<'_>],
    totals: (&tic_tabular::compare::Totals, &tic_tabular::compare::Totals),
    lang: Lang,
) -> String {
    let zh = lang == Lang::Zh;
    let mut out = String::new();
    let head = |what: &str| vec![what.to_owned(), base.id.clone(), other.id.clone()];
    let mut grid_rows = vec![head(if zh { "合计" } else { "totals" })];
    grid_rows.extend(totals_rows(totals.0, totals.1, lang));
    out.push_str(&grid(&grid_rows, &[false, true, true], ""));
    let (v1, v2) = (
        verdict_label(Verdict::Eligible, lang),
        verdict_label(Verdict::EligibleWithGaps, lang),
    );
    let _ = writeln!(
        out,
        "{}",
        if zh {
            format!("补助只计通过全部门槛的申报（{v1}、{v2}）；金额均为上限。")
        } else {
            format!("The subsidy counts only applicants past every gate ({v1}; {v2}); every amount is a ceiling.")
        }
    );
    // By district: the applicants past every gate and their subsidy, under each version.
    let mut districts: Vec<Option<String>> = Vec::new();
    for t in [totals.0, totals.1] {
        for d in &t.by_district {
            if !districts.contains(&d.district) {
                districts.push(d.district.clone());
            }
        }
    }
    if !districts.is_empty() {
        let _ = writeln!(out, "\n{}", if zh { "按区县" } else { "By district" });
        let mut g = vec![if zh {
            vec![
                "区县".to_owned(),
                format!("{} 通过门槛", base.id),
                format!("{} 补助", base.id),
                format!("{} 通过门槛", other.id),
                format!("{} 补助", other.id),
            ]
        } else {
            vec![
                "district".to_owned(),
                format!("{} past gates", base.id),
                format!("{} subsidy", base.id),
                format!("{} past gates", other.id),
                format!("{} subsidy", other.id),
            ]
        }];
        for d in &districts {
            let of = |t: &tic_tabular::compare::Totals| {
                t.by_district
                    .iter()
                    .find(|x| &x.district == d)
                    .map_or((0, Default::default()), |x| (x.in_budget, x.funding_total))
            };
            let ((na, fa), (nb, fb)) = (of(totals.0), of(totals.1));
            g.push(vec![
                d.clone()
                    .unwrap_or_else(|| if zh { "（未填）" } else { "(none)" }.to_owned()),
                na.to_string(),
                explain::money(fa, lang),
                nb.to_string(),
                explain::money(fb, lang),
            ]);
        }
        out.push_str(&grid(&g, &[false, true, true, true, true], "  "));
        // The district names are the tool's list, not the guideline's: said where they group.
        for r in base.readings_for("districts") {
            let _ = writeln!(out, "  {} ({})", r.text.get(lang), r.clause);
        }
    }
    let changed: Vec<_> = rows.iter().filter(|r| r.changed()).collect();
    let _ = writeln!(
        out,
        "\n{}",
        if zh {
            format!("结果有变化的行：{} / {}", changed.len(), rows.len())
        } else {
            format!(
                "Rows whose result changes: {} of {}",
                changed.len(),
                rows.len()
            )
        }
    );
    if !changed.is_empty() {
        let mut g = vec![if zh {
            ["行", "名称", "区县", "原结论", "新结论", "原补助", "新补助"]
        } else {
            [
                "row",
                "name",
                "district",
                "verdict",
                "new verdict",
                "subsidy",
                "new subsidy",
            ]
        }
        .map(String::from)
        .to_vec()];
        let cell = |r: &tic_tabular::ResultRow| match &r.outcome {
            Ok(s) => (
                verdict_label(s.verdict, lang).to_owned(),
                explain::money(s.total, lang),
            ),
            Err(_) => (
                if zh { "✗ 无效" } else { "✗ invalid" }.to_owned(),
                String::new(),
            ),
        };
        for r in changed {
            let ((va, fa), (vb, fb)) = (cell(r.base), cell(r.other));
            g.push(vec![
                r.base.row.to_string(),
                r.base.name.clone().unwrap_or_default(),
                r.base.district.clone().unwrap_or_default(),
                va,
                vb,
                fa,
                fb,
            ]);
        }
        out.push_str(&grid(
            &g,
            &[true, false, false, false, false, true, true],
            "  ",
        ));
    }
    out
}
