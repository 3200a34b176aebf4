//! Reads every policy file in `policy/*.toml`, refuses to build when one of them is unsound
//! (a value without its clause, a parameter named but missing, …), and embeds them as JSON so
//! the library parses them with the `serde_json` it already carries (no TOML parser in the
//! WebAssembly bundle).

#[path = "src/schema.rs"]
#[allow(dead_code)]
mod schema;
#[path = "src/vocab.rs"]
#[allow(dead_code)]
mod vocab;

use std::{env, fs, path::Path};

fn main() {
    println!("cargo:rerun-if-changed=policy");
    println!("cargo:rerun-if-changed=src/schema.rs");
    println!("cargo:rerun-if-changed=src/vocab.rs");
    let mut files: Vec<_> = fs::read_dir("policy")
        .expect("core/policy exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no policy file in core/policy");
    let mut out = String::from("/// Every embedded policy: (identifier, JSON).\npub static EMBEDDED: &[(&str, &str)] = &[\n");
    let mut ids = Vec::new();
    for path in &files {
        let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let file: schema::PolicyFile =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let problems = file.problems();
        if !problems.is_empty() {
            panic!(
                "{} is not a sound policy file:\n  {}",
                path.display(),
                problems.join("\n  ")
            );
        }
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        assert_eq!(
            stem,
            file.policy.id,
            "{}: file name must be the policy id",
            path.display()
        );
        assert!(
            !ids.contains(&file.policy.id),
            "duplicate policy id {}",
            file.policy.id
        );
        ids.push(file.policy.id.clone());
        let json = serde_json::to_string(&file).expect("a policy file serialises");
        out.push_str(&format!("    ({:?}, {:?}),\n", file.policy.id, json));
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("policies.rs");
    fs::write(dest, out).expect("write policies.rs");
}
