//! `--format table`: readable terminal summaries, in Chinese or English.

use std::fmt::Write as _;
use tic_core::assess::{Assessment, Measure, Shortfall};
use tic_core::explain;
use tic_core::policy::Policy;
use tic_core::vocab::{Due, LimitedBy, Status, Verdict};
use tic_core::{Applicant, Lang};
use tic_tabular::ResultRow;

/// The verdict in words (the core's wording, shared by every shell).
pub fn verdict_label(v: Verdict, lang: Lang) -> &'static str {
    explain::verdict_name(v).get(lang)
}

fn status_label(s: Status, lang: Lang) -> String {
    let mark = match s {
        Status::Met => "✓",
        Status::Gap => "✗",
        Status::Unknown => "?",
    };
    format!("{mark} {}", explain::status_name(s).get(lang))
}

fn due_label(d: Due, lang: Lang) -> &'static str {
    explain::due_name(d).get(lang)
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
    for r in explain::verdict_reasons(a) {
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
        let _ = writeln!(out, "\n{}", due_label(*due, lang));
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
                status_label(o.status, lang),
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
            "市级补助估算（如获认定）"
        } else {
            "Municipal subsidy estimate (if approved)"
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
    let _ = writeln!(
        out,
        "\n{} {} ({})",
        if zh { "政策版本:" } else { "Policy:" },
        a.policy.id,
        a.policy.status
    );
    out
}

/// The terminal table of a screen: one line per row, then the errors of the invalid rows.
pub fn screen(policy: &Policy, results: &[ResultRow], lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    let mut rows = vec![if zh {
        [
            "行",
            "结论",
            "补助合计",
            "差距 申报/2年/5年/验收",
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
            "gaps app/y2/y5/acc",
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
    if !errors.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            if zh {
                "无效的行："
            } else {
                "Invalid rows:"
            }
        );
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
    out
}
