//! Reads every policy file in `policy/*.toml`, refuses to build when one of them is unsound
//! (a value without its clause, a parameter named but missing, …), and embeds them as JSON so
//! the library parses them with the `serde_json` it already carries (no TOML parser in the
//! WebAssembly bundle).

#[path = "src/keymap.rs"]
#[allow(dead_code)]
mod keymap;
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
    println!("cargo:rerun-if-changed=src/keymap.rs");
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
    let (mut rust, mut files_rust) = (String::new(), Vec::new());
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
        // explain.rs lower-cases English titles with `to_ascii_lowercase` (Unicode's case tables
        // would cost the WebAssembly bundle ~16 kB): refuse a title where that is not exact.
        for r in &file.requirements {
            assert_eq!(
                r.title_en.to_lowercase(),
                r.title_en.to_ascii_lowercase(),
                "{}: requirement {}: title_en has a non-ASCII capital letter",
                path.display(),
                r.id
            );
        }
        let json = serde_json::to_string(&file).expect("a policy file serialises");
        out.push_str(&format!("    ({:?}, {:?}),\n", file.policy.id, json));
        rust.push_str(&rust_file(files_rust.len(), &file));
        files_rust.push(format!(
            "    ({:?}, file_{}),\n",
            file.policy.id,
            files_rust.len()
        ));
    }
    out.push_str("];\n");
    // The same data as Rust: the library builds its policies from these at run time, so the
    // WebAssembly bundle carries no JSON parsing of typed structures (serde's derived visitors,
    // float printing for their error messages) and starts without parsing ~30 kB of JSON.
    out.push_str("/// Every embedded policy as Rust data: (identifier, constructor).\n");
    out.push_str("pub static FILES: &[(&str, super::gen::MakeFile)] = &[\n");
    out.push_str(&files_rust.concat());
    out.push_str("];\n");
    out.push_str(&rust);
    let dest = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("policies.rs");
    fs::write(dest, out).expect("write policies.rs");
}

/// A Rust expression for a rule (`s` makes a `String`).
fn rust_check(c: &schema::CheckDef) -> String {
    use schema::CheckDef as C;
    let list = |items: Vec<String>| items.join(", ");
    match c {
        C::AnyField => "CheckDef::AnyField".into(),
        C::AnyOfLists { lists } => format!(
            "CheckDef::AnyOfLists {{ lists: vec![{}] }}",
            list(lists.iter().map(|l| format!("FieldList::{l:?}")).collect())
        ),
        C::LeadKind { any_of } => format!(
            "CheckDef::LeadKind {{ any_of: vec![{}] }}",
            list(any_of.iter().map(|k| format!("LeadKind::{k:?}")).collect())
        ),
        C::LeadCapacity => "CheckDef::LeadCapacity".into(),
        C::Recommended => "CheckDef::Recommended".into(),
        C::LegalStatus { any_of } => format!(
            "CheckDef::LegalStatus {{ any_of: vec![{}] }}",
            list(
                any_of
                    .iter()
                    .map(|k| format!("LegalStatus::{k:?}"))
                    .collect()
            )
        ),
        C::Flag { field } => format!("CheckDef::Flag {{ field: OrgFlag::{field:?} }}"),
        C::AtLeast { metric, min } => {
            format!("CheckDef::AtLeast {{ metric: Metric::{metric:?}, min: s({min:?}) }}")
        }
        C::InvestmentSum { years, min } => {
            format!("CheckDef::InvestmentSum {{ years: s({years:?}), min: s({min:?}) }}")
        }
    }
}

/// Parameters only the construction period uses (compiled in with the `construction` feature).
const CONSTRUCTION_PARAMETERS: &[&str] = &["delist_consecutive_fails"];

/// Whether cargo builds `tic-core` with a feature (`CARGO_FEATURE_<NAME>`, set for build scripts).
fn feature(name: &str) -> bool {
    std::env::var_os(format!("CARGO_FEATURE_{name}")).is_some()
}

/// `fn file_N() -> PolicyFile` building `f` from static tables (see `policy.rs`'s helpers).
fn rust_file(n: usize, f: &schema::PolicyFile) -> String {
    let m = &f.policy;
    let mut o = format!(
        "fn file_{n}() -> crate::schema::PolicyFile {{\n    #[allow(unused_imports)]\n    use crate::schema::{{CheckDef, Meta, PolicyFile}};\n    #[allow(unused_imports)]\n    use crate::vocab::{{Due, FieldList, Kind, LeadKind, LegalStatus, Metric, OrgFlag, Unit}};\n    use super::gen::*;\n"
    );
    // The construction period's data (its parameters, the uses of the subsidy, the tracked
    // milestones, the readings, the clauses only they cite) is compiled in only with the
    // `construction` feature: the self-assessment page does not use it and keeps its bytes.
    let cfg = "cfg!(feature = \"construction\")";
    // The way in's data (the procedure, the plan's outline, the readings of the requirements and
    // the funding, the clauses only they cite) is compiled in only with the `application` feature.

    let param_row = |k: &String, p: &schema::Parameter| {
        format!(
            "        ({k:?}, {:?}, Unit::{:?}, {:?}, {:?}, {:?}),\n",
            p.value, p.unit, p.clause, p.quote, p.note
        )
    };
    o.push_str("    let params: &[Param] = &[\n");
    for (k, p) in &f.parameters {
        if !CONSTRUCTION_PARAMETERS.contains(&k.as_str()) {
            o.push_str(&param_row(k, p));
        }
    }
    o.push_str(&format!(
        "    ];\n    let params_c: &[Param] = if {cfg} {{ &[\n"
    ));
    for (k, p) in &f.parameters {
        if CONSTRUCTION_PARAMETERS.contains(&k.as_str()) {
            o.push_str(&param_row(k, p));
        }
    }
    o.push_str("    ] } else { &[] };\n    let params = [params, params_c].concat();\n");
    let mut cited: std::collections::BTreeSet<&str> = std::collections::BTreeSet::new();
    for (k, p) in &f.parameters {
        if !CONSTRUCTION_PARAMETERS.contains(&k.as_str()) {
            cited.insert(&p.clause);
        }
    }
    cited.extend(f.requirements.iter().map(|r| r.clause.as_str()));
    for list in [&f.highlands, &f.chains, &f.clusters] {
        cited.extend(list.iter().map(|c| c.clause.as_str()));
    }
    cited.extend(f.districts.iter().map(|d| d.clause.as_str()));
    o.push_str("    let requirements = vec![\n");
    for r in &f.requirements {
        o.push_str(&format!(
            "        req(({:?}, {:?}, Due::{:?}, Kind::{:?}, {:?}, {:?}), {}),\n",
            r.id,
            r.clause,
            r.due,
            r.kind,
            r.title_zh,
            r.title_en,
            rust_check(&r.check)
        ));
    }
    o.push_str("    ];\n");
    for (name, list) in [
        ("highlands", &f.highlands),
        ("chains", &f.chains),
        ("clusters", &f.clusters),
    ] {
        o.push_str(&format!("    let {name}: &[ChoiceRow] = &[\n"));
        for c in list {
            o.push_str(&format!(
                "        ({:?}, {:?}, {:?}, {:?}, {:?}, {:?}, {:?}),\n",
                c.id, c.zh, c.en, c.clause, c.group, c.confirmed, c.source
            ));
        }
        o.push_str("    ];\n");
    }
    o.push_str("    let districts: &[Row3] = &[\n");
    for d in &f.districts {
        o.push_str(&format!(
            "        ({:?}, {:?}, {:?}),\n",
            d.id, d.en, d.clause
        ));
    }
    o.push_str("    ];\n    let groups: &[Row3] = &[\n");
    for g in &f.indicator_groups {
        o.push_str(&format!("        ({:?}, {:?}, {:?}),\n", g.id, g.zh, g.en));
    }
    o.push_str("    ];\n    let indicators: &[Row3] = &[\n");
    for i in &f.indicators {
        o.push_str(&format!("        ({:?}, {:?}, {:?}),\n", i.id, i.zh, i.en));
    }
    o.push_str("    ];\n");
    // Which readings the construction period needs (those about its topics or its milestones);
    // the others are the way in's (`application` feature).
    let construction_topics: Vec<&str> = ["standing", "targets", "recovery"]
        .into_iter()
        .chain(CONSTRUCTION_PARAMETERS.iter().copied())
        .chain(f.tracking.milestones.iter().map(String::as_str))
        .collect();
    let for_construction = |r: &schema::ReadingDef| {
        r.applies_to
            .iter()
            .any(|a| construction_topics.contains(&a.as_str()))
    };
    // The readings the self-assessment page shows beside its results and questions (those about
    // a requirement, the funding estimate or the list of districts): compiled with `readings`
    // (the page) or `application`.
    let for_results = |r: &schema::ReadingDef| {
        r.applies_to.iter().any(|a| {
            a == "funding"
                || a == "funding_base"
                || a == "districts"
                || f.requirements.iter().any(|q| &q.id == a)
        })
    };
    let res_cited: std::collections::BTreeSet<&str> = f
        .readings
        .iter()
        .filter(|r| for_results(r))
        .map(|r| r.clause.as_str())
        .collect();
    // The clauses only the way in cites: compiled with `application` alone.
    let mut app_cited: std::collections::BTreeSet<&str> = std::collections::BTreeSet::new();
    app_cited.extend(f.procedure.iter().map(|st| st.clause.as_str()));
    app_cited.extend(f.plan_outline.iter().map(|st| st.clause.as_str()));
    app_cited.extend(
        f.readings
            .iter()
            .filter(|r| !for_construction(r))
            .map(|r| r.clause.as_str()),
    );
    let mut con_cited: std::collections::BTreeSet<&str> = std::collections::BTreeSet::new();
    con_cited.extend(f.spending.iter().map(|sp| sp.clause.as_str()));
    con_cited.extend(
        f.readings
            .iter()
            .filter(|r| for_construction(r))
            .map(|r| r.clause.as_str()),
    );
    for (k, p) in &f.parameters {
        if CONSTRUCTION_PARAMETERS.contains(&k.as_str()) {
            con_cited.insert(&p.clause);
        }
    }
    // One list of the clauses this build carries (chosen here, from the features cargo passes to
    // the build script: no code for what a bundle leaves out). A clause no part cites goes with
    // the construction period's data.
    let (con_on, app_on) = (feature("CONSTRUCTION"), feature("APPLICATION"));
    let res_on = app_on || feature("READINGS");
    let wanted = |k: &str| {
        let (app, res, con) = (
            app_cited.contains(k),
            res_cited.contains(k),
            con_cited.contains(k),
        );
        cited.contains(k)
            || (app_on && app)
            || (res_on && res)
            || (con_on && (con || !(app || res)))
    };
    o.push_str("    let clauses: &[Row3] = &[\n");
    for (k, c) in &f.clauses {
        if wanted(k) {
            o.push_str(&format!("        ({k:?}, {:?}, {:?}),\n", c.title, c.text));
        }
    }
    o.push_str("    ];\n");
    o.push_str(&format!("    let spending: &[SpendRow] = if {cfg} {{ &[\n"));
    for sp in &f.spending {
        o.push_str(&format!(
            "        ({:?}, {:?}, {:?}, {:?}, {:?}),\n",
            sp.id, sp.zh, sp.en, sp.forbidden, sp.clause
        ));
    }
    o.push_str("    ] } else { &[] };\n");
    o.push_str("    let readings = vec![\n");
    for r in f
        .readings
        .iter()
        .filter(|r| (res_on && for_results(r)) || if for_construction(r) { con_on } else { app_on })
    {
        o.push_str(&format!(
            "        reading(({:?}, {:?}, {:?}, {:?}), &{:?}),\n",
            r.id, r.clause, r.zh, r.en, r.applies_to
        ));
    }
    o.push_str("    ];\n");
    let mut steps_of = String::new();
    for (name, steps) in [
        ("procedure", &f.procedure),
        ("plan_outline", &f.plan_outline),
    ] {
        if !app_on {
            steps_of.push_str(&format!("        {name}: Vec::new(),\n"));
            continue;
        }
        steps_of.push_str(&format!("        {name}: step_defs(&[\n"));
        for st in steps {
            steps_of.push_str(&format!(
                "            ({:?}, {:?}, {:?}, {:?}, {:?}),\n",
                st.id, st.zh, st.en, st.clause, st.parent
            ));
        }
        steps_of.push_str("        ]),\n");
    }
    o.push_str(&format!(
        "    let milestones: &[&str] = if {cfg} {{ &{:?} }} else {{ &[] }};\n",
        f.tracking.milestones
    ));
    o.push_str("    let mut indicators = indicator_defs(indicators);\n");
    for (i, d) in f.indicators.iter().enumerate() {
        if !d.derive.is_empty() {
            let rules: Vec<String> = d.derive.iter().map(rust_check).collect();
            o.push_str(&format!(
                "    indicators[{i}].derive = vec![{}];\n",
                rules.join(", ")
            ));
        }
    }
    o.push_str(&format!(
        "    PolicyFile {{\n        policy: Meta {{ id: s({:?}), title_zh: s({:?}), title_en: s({:?}), status: s({:?}), source: s({:?}), notice_zh: s({:?}), notice_en: s({:?}) }},\n",
        m.id, m.title_zh, m.title_en, m.status, m.source, m.notice_zh, m.notice_en
    ));
    o.push_str("        parameters: parameters(&params),\n        requirements,\n        highlands: choices(highlands),\n        chains: choices(chains),\n        clusters: choices(clusters),\n        districts: district_defs(districts),\n        indicator_groups: group_defs(groups),\n        indicators,\n        tracking: crate::schema::TrackingDef { milestones: milestones.iter().map(|m| s(m)).collect() },\n        spending: spending_defs(spending),\n        readings,\n");
    o.push_str(&steps_of);
    o.push_str("        clauses: clause_defs(clauses),\n    }\n}\n");
    o
}
