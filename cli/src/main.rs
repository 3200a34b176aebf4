//! `tic`: glue over `tic-core` (temporary minimal version: `assess` only).
use std::io::Read;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) != Some("assess") || args.len() < 2 {
        eprintln!("usage: tic assess FILE");
        return ExitCode::from(2);
    }
    let text = if args[1] == "-" {
        let mut s = String::new();
        if let Err(e) = std::io::stdin().read_to_string(&mut s) {
            eprintln!("stdin: {e}");
            return ExitCode::from(2);
        }
        s
    } else {
        match std::fs::read_to_string(&args[1]) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("{}: {e}", args[1]);
                return ExitCode::from(2);
            }
        }
    };
    match tic_core::assess_json(&text) {
        Ok(json) => {
            println!("{json}");
            ExitCode::SUCCESS
        }
        Err(errors) => {
            for e in errors {
                eprintln!("{}", e.line(tic_core::Lang::En));
            }
            ExitCode::from(2)
        }
    }
}
