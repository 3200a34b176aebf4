//! `tic plan`: the construction-plan draft of 附件2 as DOCX, Markdown and HTML, the format from
//! the output's extension, and the applicant's problems named as `tic assess` names them.

use crate::cases_dir;
use std::process::Output;

fn tic(args: &[&str]) -> Output {
    crate::tic_c(args)
}

fn out_path(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("tic-it-plan-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d.join(name)
}

#[test]
fn the_format_follows_the_output_file() {
    let strong = cases_dir().join("valid/strong.applicant.json");
    let strong = strong.to_str().unwrap();
    let outline = &tic_core::policy::current().file.plan_outline;
    for (name, check) in [
        (
            "plan.docx",
            (|b: &[u8]| b.starts_with(b"PK\x03\x04")) as fn(&[u8]) -> bool,
        ),
        ("plan.md", |b: &[u8]| b.starts_with(b"# ")),
        ("plan.html", |b: &[u8]| b.starts_with(b"<!doctype html>")),
    ] {
        let path = out_path(name);
        let o = tic(&["--lang", "zh", "plan", strong, "-o", path.to_str().unwrap()]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{name}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(o.stdout.is_empty(), "{name}: written to the file only");
        let bytes = std::fs::read(&path).unwrap();
        assert!(check(&bytes), "{name}");
        if !name.ends_with(".docx") {
            let text = String::from_utf8(bytes).unwrap();
            let mut at = 0;
            for h in outline {
                let i = text[at..]
                    .find(&h.zh)
                    .unwrap_or_else(|| panic!("{name}: {} missing or out of order", h.zh));
                at += i;
            }
        }
    }
    // Without -o: Markdown on stdout, in English when asked.
    let o = tic(&["--lang", "en", "plan", strong]);
    assert_eq!(o.status.code(), Some(0));
    let md = String::from_utf8(o.stdout).unwrap();
    assert!(md.contains("## 7. Schedule"), "{md}");
    assert!(md.contains("[to fill in]"));
}

#[test]
fn an_unknown_extension_or_a_bad_applicant_is_refused_and_nothing_written() {
    let strong = cases_dir().join("valid/strong.applicant.json");
    let path = out_path("plan.pdf");
    let o = tic(&[
        "plan",
        strong.to_str().unwrap(),
        "-o",
        path.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--format"));
    assert!(!path.exists());
    let bad = out_path("bad.json");
    std::fs::write(
        &bad,
        r#"{"schema":"tic-applicant/1","team":{"staff_year2":-3}}"#,
    )
    .unwrap();
    let docx = out_path("bad.docx");
    let o = tic(&["plan", bad.to_str().unwrap(), "-o", docx.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("team.staff_year2"));
    assert!(!docx.exists());
}
