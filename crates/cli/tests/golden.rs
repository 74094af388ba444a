//! Golden tests: the checker's text and JSON output for a fixed set of files, byte for byte.
//! To accept a deliberate change, run with `UPDATE_GOLDEN=1` and review the diff.

use std::path::Path;
use std::process::{Command, Output};

const FILES: &[&str] = &[
    "expense.json",
    "cafe-half-built.json",
    "markup.json",
    "truncated.json",
    "version-2.json",
    "missing.json",
];

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_flowguide-cli"))
        .args(args)
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden"))
        .output()
        .expect("the checker runs")
}

fn golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden/expected")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} is missing; run with UPDATE_GOLDEN=1", path.display()));
    assert_eq!(actual, expected, "output differs from {}", path.display());
}

#[test]
fn text_report() {
    let out = run(&[&["check"], FILES].concat());
    golden("check.txt", &String::from_utf8(out.stdout).unwrap());
    assert_eq!(out.status.code(), Some(1), "unreadable files make the exit status 1");
}

#[test]
fn json_report() {
    let out = run(&[&["check", "--format", "json"], FILES].concat());
    let text = String::from_utf8(out.stdout).unwrap();
    golden("check.json", &text);
    let value: serde_json::Value = serde_json::from_str(&text).expect("one JSON array");
    let items = value.as_array().unwrap();
    assert_eq!(items.len(), FILES.len());
    let first = &items[0];
    assert_eq!(first["file"], "expense.json");
    assert_eq!(first["overall"]["classification"], "workflow");
    for key in ["trigger", "steps", "roles", "handoffs", "inputs_outputs", "outcome"] {
        assert!(first["components"][key]["status"].is_string(), "{key}");
        assert!(first["components"][key]["score"].is_u64(), "{key}");
        assert!(first["components"][key]["findings"].is_array(), "{key}");
    }
    assert_eq!(items[3]["error"]["line"], 6, "a JSON error names its line");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn strict_preset_and_rules_list() {
    golden(
        "check-strict.txt",
        &String::from_utf8(run(&["check", "--preset", "strict", "cafe-half-built.json"]).stdout).unwrap(),
    );
    golden("rules.txt", &String::from_utf8(run(&["rules"]).stdout).unwrap());
    golden(
        "rules-beginner.txt",
        &String::from_utf8(run(&["rules", "--preset", "beginner"]).stdout).unwrap(),
    );
}

#[test]
fn exit_status_is_0_when_every_file_was_read() {
    let out = run(&["check", "expense.json", "cafe-half-built.json"]);
    assert_eq!(out.status.code(), Some(0), "findings are not failures");
}

#[test]
fn bad_usage_exits_2_and_explains() {
    let out = run(&["check", "--preset", "harsh", "expense.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown preset `harsh`"));
    assert_eq!(run(&["check"]).status.code(), Some(2));
}

#[test]
fn export_writes_each_format_and_names_a_bad_file() {
    let bpmn = run(&["export", "expense.json", "--to", "bpmn"]);
    assert_eq!(bpmn.status.code(), Some(0));
    assert!(String::from_utf8(bpmn.stdout)
        .unwrap()
        .starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<bpmn:definitions"));
    let mermaid = run(&["export", "expense.json", "--to", "mermaid"]);
    assert!(String::from_utf8(mermaid.stdout).unwrap().starts_with("flowchart LR\n"));
    let svg = run(&["export", "expense.json", "--to", "svg"]);
    assert!(String::from_utf8(svg.stdout).unwrap().starts_with("<svg "));
    let bad = run(&["export", "truncated.json", "--to", "bpmn"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("truncated.json: cannot be exported: line 6"));
}
