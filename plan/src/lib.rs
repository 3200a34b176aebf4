//! The construction-plan draft of 附件2 (`tic_core::plan::PlanDraft`) written out as Markdown,
//! HTML or DOCX, in Chinese or English. The content is the core's; this crate only lays it out.
//!
//! In every format the places only the applicant can write are marked the same way
//! (「【待填写】」, "[to fill in]"; highlighted in DOCX and HTML), notes are set apart, and each
//! table carries its caption.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

use tic_core::plan::{Block, PlanDraft};
use tic_core::Lang;

/// A format the draft can be written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Markdown (GitHub tables).
    Markdown,
    /// A standalone HTML page (printable).
    Html,
    /// A Word document.
    Docx,
}

impl Format {
    /// The format of a file name's extension (`.md`, `.html`/`.htm`, `.docx`), if known.
    pub fn from_path(path: &str) -> Option<Format> {
        let ext = path.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "docx" => Some(Format::Docx),
            _ => None,
        }
    }
}

/// The mark of a place to fill.
pub fn fill_mark(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "【待填写】",
        Lang::En => "[to fill in] ",
    }
}

fn note_mark(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "注：",
        Lang::En => "Note: ",
    }
}

/// Writes the draft in `format`.
pub fn write(draft: &PlanDraft, format: Format, lang: Lang) -> Result<Vec<u8>, String> {
    match format {
        Format::Markdown => Ok(markdown(draft, lang).into_bytes()),
        Format::Html => Ok(html(draft, lang).into_bytes()),
        Format::Docx => docx(draft, lang),
    }
}

fn md_cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

/// The draft as Markdown.
pub fn markdown(d: &PlanDraft, lang: Lang) -> String {
    let mut o = format!("# {}\n\n", d.title.get(lang));
    for p in &d.preface {
        o.push_str(&format!("> {}\n>\n", p.get(lang)));
    }
    o.push('\n');
    for s in &d.sections {
        let hashes = if s.level == 1 { "##" } else { "###" };
        o.push_str(&format!("{hashes} {}\n\n", s.heading.get(lang)));
        for b in &s.blocks {
            match b {
                Block::Para(t) => o.push_str(&format!("{}\n\n", t.get(lang))),
                Block::Fill(t) => {
                    o.push_str(&format!("**{}**{}\n\n", fill_mark(lang), t.get(lang)))
                }
                Block::Note(t) => o.push_str(&format!("> {}{}\n\n", note_mark(lang), t.get(lang))),
                Block::Table(t) => {
                    o.push_str(&format!("**{}**\n\n", t.caption.get(lang)));
                    let head: Vec<String> = t.header.iter().map(|h| md_cell(h.get(lang))).collect();
                    o.push_str(&format!("| {} |\n", head.join(" | ")));
                    o.push_str(&format!("|{}\n", " --- |".repeat(head.len())));
                    for r in &t.rows {
                        let cells: Vec<String> = r.iter().map(|c| md_cell(c.get(lang))).collect();
                        o.push_str(&format!("| {} |\n", cells.join(" | ")));
                    }
                    o.push('\n');
                }
            }
        }
    }
    o
}

fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            _ => o.push(c),
        }
    }
    o
}

/// The draft as a standalone, printable HTML page (no script, no external resource).
pub fn html(d: &PlanDraft, lang: Lang) -> String {
    let code = match lang {
        Lang::Zh => "zh-CN",
        Lang::En => "en",
    };
    let mut o = format!(
        "<!doctype html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>\nbody{{font:16px/1.7 system-ui,\"PingFang SC\",\"Microsoft YaHei\",\"Noto Sans CJK SC\",sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}}\ntable{{border-collapse:collapse;width:100%;margin:.5rem 0 1.25rem}}th,td{{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top}}th{{background:#eee}}\ncaption{{text-align:left;font-weight:600;padding:.25rem 0}}\n.fill{{background:#fff3bf;padding:.4rem .6rem;border-left:4px solid #e6a700}}.note{{color:#444;border-left:4px solid #bbb;padding-left:.6rem}}.preface{{color:#444}}\n@media print{{body{{margin:0;max-width:none}}.fill{{-webkit-print-color-adjust:exact;print-color-adjust:exact}}}}\n</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        esc(d.title.get(lang)),
        esc(d.title.get(lang))
    );
    for p in &d.preface {
        o.push_str(&format!("<p class=\"preface\">{}</p>\n", esc(p.get(lang))));
    }
    for s in &d.sections {
        let h = if s.level == 1 { "h2" } else { "h3" };
        o.push_str(&format!(
            "<{h} id=\"{}\">{}</{h}>\n",
            esc(&s.id),
            esc(s.heading.get(lang))
        ));
        for b in &s.blocks {
            match b {
                Block::Para(t) => o.push_str(&format!("<p>{}</p>\n", esc(t.get(lang)))),
                Block::Fill(t) => o.push_str(&format!(
                    "<p class=\"fill\"><strong>{}</strong>{}</p>\n",
                    esc(fill_mark(lang)),
                    esc(t.get(lang))
                )),
                Block::Note(t) => o.push_str(&format!(
                    "<p class=\"note\">{}{}</p>\n",
                    esc(note_mark(lang)),
                    esc(t.get(lang))
                )),
                Block::Table(t) => {
                    o.push_str(&format!(
                        "<table>\n<caption>{}</caption>\n<thead><tr>",
                        esc(t.caption.get(lang))
                    ));
                    for h in &t.header {
                        o.push_str(&format!("<th>{}</th>", esc(h.get(lang))));
                    }
                    o.push_str("</tr></thead>\n<tbody>\n");
                    for r in &t.rows {
                        o.push_str("<tr>");
                        for c in r {
                            o.push_str(&format!("<td>{}</td>", esc(c.get(lang))));
                        }
                        o.push_str("</tr>\n");
                    }
                    o.push_str("</tbody>\n</table>\n");
                }
            }
        }
    }
    o.push_str("</body>\n</html>\n");
    o
}

/// The draft as a Word document: the outline's headings as Heading 1 / Heading 2 (so Word's
/// navigation pane and table of contents see them), tables with a header row, the places to
/// fill highlighted.
pub fn docx(d: &PlanDraft, lang: Lang) -> Result<Vec<u8>, String> {
    use docx_rs::{Docx, Paragraph, Run, RunFonts, Style, StyleType, Table, TableCell, TableRow};
    let text = |s: &str| Run::new().add_text(s);
    let mut doc = Docx::new()
        .default_fonts(
            RunFonts::new()
                .ascii("Calibri")
                .east_asia("宋体")
                .hi_ansi("Calibri"),
        )
        .default_size(21)
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .size(36)
                .bold(),
        )
        .add_style(
            Style::new("Heading1", StyleType::Paragraph)
                .name("heading 1")
                .size(30)
                .bold()
                .outline_lvl(0),
        )
        .add_style(
            Style::new("Heading2", StyleType::Paragraph)
                .name("heading 2")
                .size(26)
                .bold()
                .outline_lvl(1),
        )
        .add_paragraph(
            Paragraph::new()
                .style("Title")
                .add_run(text(d.title.get(lang))),
        );
    for p in &d.preface {
        doc = doc.add_paragraph(Paragraph::new().add_run(text(p.get(lang)).italic()));
    }
    for s in &d.sections {
        let style = if s.level == 1 { "Heading1" } else { "Heading2" };
        doc = doc.add_paragraph(
            Paragraph::new()
                .style(style)
                .add_run(text(s.heading.get(lang))),
        );
        for b in &s.blocks {
            doc = match b {
                Block::Para(t) => doc.add_paragraph(Paragraph::new().add_run(text(t.get(lang)))),
                Block::Fill(t) => doc.add_paragraph(
                    Paragraph::new()
                        .add_run(text(fill_mark(lang)).bold().highlight("yellow"))
                        .add_run(text(t.get(lang)).highlight("yellow")),
                ),
                Block::Note(t) => doc.add_paragraph(
                    Paragraph::new()
                        .add_run(text(note_mark(lang)).italic())
                        .add_run(text(t.get(lang)).italic()),
                ),
                Block::Table(t) => {
                    let cell = |s: &str, head: bool| {
                        let run = if head { text(s).bold() } else { text(s) };
                        TableCell::new().add_paragraph(Paragraph::new().add_run(run))
                    };
                    let mut rows = vec![TableRow::new(
                        t.header.iter().map(|h| cell(h.get(lang), true)).collect(),
                    )];
                    rows.extend(t.rows.iter().map(|r| {
                        TableRow::new(r.iter().map(|c| cell(c.get(lang), false)).collect())
                    }));
                    doc.add_paragraph(Paragraph::new().add_run(text(t.caption.get(lang)).bold()))
                        .add_table(Table::new(rows))
                }
            };
        }
    }
    let mut out = std::io::Cursor::new(Vec::new());
    doc.build()
        .pack(&mut out)
        .map_err(|e| format!("DOCX: {e}"))?;
    Ok(out.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;
    use tic_core::plan::draft;
    use tic_core::{assess, parse_applicant, policy};

    fn strong() -> PlanDraft {
        let p = policy::current();
        let text = include_str!("../../tests/cases/valid/strong.applicant.json");
        let a = parse_applicant(p, text).unwrap();
        draft(&assess(p, &a), &a)
    }

    /// The paragraphs of a DOCX's body as (style, text), read back from the ZIP.
    fn paragraphs(bytes: &[u8]) -> (Vec<(String, String)>, usize, String) {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a ZIP");
        let mut xml = String::new();
        zip.by_name("word/document.xml")
            .expect("word/document.xml")
            .read_to_string(&mut xml)
            .unwrap();
        let text_of = |chunk: &str| {
            let mut t = String::new();
            let mut rest = chunk;
            while let Some(i) = rest.find("<w:t") {
                let after = &rest[i..];
                let Some(open_end) = after.find('>') else {
                    break;
                };
                if after[..open_end].ends_with('/') {
                    rest = &after[open_end + 1..];
                    continue;
                }
                let body = &after[open_end + 1..];
                let Some(close) = body.find("</w:t>") else {
                    break;
                };
                t.push_str(&body[..close]);
                rest = &body[close..];
            }
            t
        };
        let paras = xml
            .split("</w:p>")
            .map(|chunk| {
                let style = chunk
                    .rfind("<w:pStyle w:val=\"")
                    .map(|i| {
                        let s = &chunk[i + 17..];
                        s[..s.find('"').unwrap()].to_owned()
                    })
                    .unwrap_or_default();
                (
                    style,
                    text_of(
                        &chunk[chunk
                            .rfind("<w:p>")
                            .or_else(|| chunk.rfind("<w:p "))
                            .unwrap_or(0)..],
                    ),
                )
            })
            .collect();
        let tables = xml.matches("<w:tbl>").count();
        (paras, tables, xml)
    }

    #[test]
    fn the_docx_has_the_outline_as_headings_and_the_answers_as_tables() {
        let d = strong();
        for lang in [Lang::Zh, Lang::En] {
            let bytes = docx(&d, lang).unwrap();
            let (paras, tables, xml) = paragraphs(&bytes);
            let h1: Vec<&str> = paras
                .iter()
                .filter(|(s, _)| s == "Heading1")
                .map(|(_, t)| t.as_str())
                .collect();
            let h2: Vec<&str> = paras
                .iter()
                .filter(|(s, _)| s == "Heading2")
                .map(|(_, t)| t.as_str())
                .collect();
            let want1: Vec<&str> = d
                .sections
                .iter()
                .filter(|s| s.level == 1)
                .map(|s| s.heading.get(lang))
                .collect();
            let want2: Vec<&str> = d
                .sections
                .iter()
                .filter(|s| s.level == 2)
                .map(|s| s.heading.get(lang))
                .collect();
            assert_eq!(h1, want1);
            assert_eq!(h2, want2);
            if lang == Lang::Zh {
                assert_eq!(h1.first(), Some(&"一、建设基础和重要意义"));
                assert_eq!(h1.last(), Some(&"七、进度安排"));
            }
            let n_tables: usize = d
                .sections
                .iter()
                .flat_map(|s| &s.blocks)
                .filter(|b| matches!(b, Block::Table(_)))
                .count();
            assert_eq!(tables, n_tables);
            assert!(tables >= 8, "{tables}");
            // The places to fill are highlighted; the name is in the title.
            assert!(xml.contains("w:highlight w:val=\"yellow\""));
            assert!(xml.contains(fill_mark(lang).trim()));
            assert!(paras
                .iter()
                .any(|(s, t)| s == "Title" && t == d.title.get(lang)));
        }
    }

    #[test]
    fn the_schedule_table_reaches_acceptance_in_every_format() {
        let d = strong();
        let md = markdown(&d, Lang::Zh);
        let html = html(&d, Lang::Zh);
        let bytes = docx(&d, Lang::Zh).unwrap();
        let (_, _, xml) = paragraphs(&bytes);
        for out in [&md, &html, &xml] {
            assert!(out.contains("建设期第5年"));
            assert!(out.contains("建设期满验收"));
            assert!(out.contains("七、进度安排"));
        }
        assert!(html.starts_with("<!doctype html>"));
        assert!(!html.contains("<script"));
    }

    #[test]
    fn text_is_escaped_in_html_and_markdown_tables() {
        let p = policy::current();
        let a = parse_applicant(
            p,
            r#"{"schema":"tic-applicant/1","name":"<b>A|B</b> & Co"}"#,
        )
        .unwrap();
        let d = draft(&assess(p, &a), &a);
        let h = html(&d, Lang::En);
        assert!(h.contains("&lt;b&gt;A|B&lt;/b&gt; &amp; Co"));
        assert!(!h.contains("<b>A"));
        let m = markdown(&d, Lang::En);
        assert!(m.contains("A\\|B"));
        // And DOCX escapes it too (the ZIP opens and the name reads back).
        let (paras, _, _) = paragraphs(&docx(&d, Lang::En).unwrap());
        assert!(paras
            .iter()
            .any(|(_, t)| t.contains("&lt;b&gt;A|B&lt;/b&gt; &amp; Co")));
    }

    #[test]
    fn the_format_follows_the_extension() {
        assert_eq!(Format::from_path("plan.DOCX"), Some(Format::Docx));
        assert_eq!(Format::from_path("a/b.md"), Some(Format::Markdown));
        assert_eq!(Format::from_path("x.htm"), Some(Format::Html));
        assert_eq!(Format::from_path("x.pdf"), None);
        assert_eq!(Format::from_path("noext"), None);
    }
}
