//! `tic screen` streams its output: what that must not change (order, content, no output on
//! an unreadable file) and how it ends when the output cannot take more (full disk, closed
//! pipe, `-o` file).

use std::io::{Read, Write};
use std::process::{Command, Output, Stdio};

const TIC: &str = env!("CARGO_BIN_EXE_tic");

fn tic() -> Command {
    let mut c = Command::new(TIC);
    c.env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    c
}

/// A JSON array of `n` applicants, every 9th with a negative investment (invalid).
fn batch(n: usize) -> String {
    let items: Vec<String> = (0..n)
        .map(|i| {
            let year1 = if i % 9 == 4 { -1 } else { 5000 + i as i64 };
            format!(
                r#"{{"schema":"tic-applicant/1","name":"C{i}","fields":{{"highlands":["new_materials"]}},"investment_wan":[{year1},6000],"team":{{"staff_year2":{}}}}}"#,
                80 + i % 40
            )
        })
        .collect();
    format!("[{}]", items.join(",\n"))
}

fn temp(name: &str) -> std::path::PathBuf {
    std::env::temp_dir().join(format!("tic-stream-{}-{name}", std::process::id()))
}

fn run_with_stdin(cmd: &mut Command, input: &[u8]) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let feeder = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap().unwrap();
    out
}

#[test]
fn the_streamed_output_is_the_library_output_in_input_order() {
    let n = 3000;
    let input = batch(n);
    let policy = tic_core::policy::current();
    for (format, lib) in [
        ("json", tic_cli::ScreenFormat::Json),
        ("csv", tic_cli::ScreenFormat::Csv),
    ] {
        let out = run_with_stdin(
            tic().args(["screen", "-", "--format", format]),
            input.as_bytes(),
        );
        let want = tic_cli::screen(
            policy,
            input.as_bytes(),
            None,
            lib,
            tic_core::Detail::Summary,
            tic_core::Lang::En,
        );
        assert_eq!(out.status.code(), Some(1), "{format}");
        assert!(out.stdout == want.stdout, "{format}: stdout differs");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(stderr.lines().collect::<Vec<_>>(), want.stderr, "{format}");
    }
    let out = run_with_stdin(tic().args(["screen", "-"]), input.as_bytes());
    let v: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let rows: Vec<u64> = v.iter().map(|e| e["row"].as_u64().unwrap()).collect();
    assert_eq!(rows, (1..=n as u64).collect::<Vec<_>>());
    assert!(v[4]["error"].is_object() && v[5]["verdict"].is_string());
}

#[test]
fn an_unreadable_file_writes_nothing_not_even_the_output_file() {
    let path = temp("never.json");
    let out = run_with_stdin(
        tic().args(["screen", "-", "-o"]).arg(&path),
        // A column given twice makes the file unusable (unknown columns are ignored and listed).
        b"name,name\nA,B\n",
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(!path.exists(), "{} was created", path.display());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("columns given twice: name"), "{err}");
}

#[test]
fn the_output_file_holds_what_stdout_would() {
    let input = batch(700);
    let path = temp("out.csv");
    let to_file = run_with_stdin(
        tic()
            .args(["screen", "-", "--format", "csv", "-o"])
            .arg(&path),
        input.as_bytes(),
    );
    let to_stdout = run_with_stdin(
        tic().args(["screen", "-", "--format", "csv"]),
        input.as_bytes(),
    );
    assert_eq!(to_file.status.code(), Some(1));
    assert!(to_file.stdout.is_empty());
    assert_eq!(std::fs::read(&path).unwrap(), to_stdout.stdout);
    assert_eq!(to_file.stderr, to_stdout.stderr);
    let _ = std::fs::remove_file(&path);
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_an_error_and_a_closed_pipe_is_not() {
    let input = batch(2000);
    let file = temp("in.json");
    std::fs::write(&file, &input).unwrap();
    // stdout on a full device: exit 2 with the reason.
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = tic()
        .arg("screen")
        .arg(&file)
        .stdout(Stdio::from(full))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("tic: stdout:"), "{err}");
    // -o naming the full device: exit 2, and the device is left alone.
    let out = tic()
        .arg("screen")
        .arg(&file)
        .args(["-o", "/dev/full"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("cannot write /dev/full"));
    assert!(std::path::Path::new("/dev/full").exists());

    // A reader that stops early (`tic screen … | head -c 100`): the program ends quietly.
    let mut child = tic()
        .args(["screen", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let mut head = [0u8; 100];
    child.stdout.take().unwrap().read_exact(&mut head).unwrap();
    // dropping stdout closed the pipe
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap().unwrap();
    let _ = std::fs::remove_file(&file);
    assert!(head.starts_with(b"[\n{\"row\":1,"));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        !err.contains("stdout") && !err.contains("panicked"),
        "{err}"
    );
    assert_ne!(out.status.code(), Some(2));
}
