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

/// Runs the checker with `input` on its standard input.
fn run_with_input(args: &[&str], input: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_flowguide-cli"))
        .args(args)
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden"))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the checker runs");
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn explain_gives_each_findings_why_and_page() {
    let out = run(&["check", "--explain", "cafe-half-built.json"]);
    let text = String::from_utf8(out.stdout).unwrap();
    golden("check-explain.txt", &text);
    assert_eq!(out.status.code(), Some(0));
    assert!(text.contains("Why: "));
    assert!(text.contains("More: reference/rules/"));
}

#[test]
fn summary_is_one_line_per_file() {
    let out = run(&[&["check", "--summary"], FILES].concat());
    let text = String::from_utf8(out.stdout).unwrap();
    golden("check-summary.txt", &text);
    assert_eq!(
        out.status.code(),
        Some(1),
        "the exit status is the same as the full report's"
    );
    assert_eq!(text.lines().take_while(|l| !l.is_empty()).count(), FILES.len());
    let bad = run(&["check", "--summary", "--format", "json", "expense.json"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn csv_is_one_row_per_file_for_a_gradebook() {
    let out = run(&[&["check", "--format", "csv"], FILES, &["hostile.json"]].concat());
    let text = String::from_utf8(out.stdout).unwrap();
    golden("check.csv", &text);
    assert_eq!(out.status.code(), Some(1));
    let rows: Vec<&str> = text.split("\r\n").filter(|r| !r.is_empty()).collect();
    assert_eq!(rows.len(), FILES.len() + 2, "a header and a row per file");
    let columns = rows[0].split(',').count();
    assert_eq!(columns, 17);
    // The hostile name cannot run as a formula, and its quotes are doubled inside one field.
    let hostile = rows.last().unwrap();
    assert!(
        hostile.starts_with("hostile.json,\"'=HYPERLINK(\"\"http://example.com\"\""),
        "{hostile}"
    );
}

#[test]
fn a_submission_cannot_drive_the_terminal_or_forge_a_line() {
    for args in [
        &["check", "hostile.json"][..],
        &["check", "--summary", "hostile.json"],
        &["check", "--format", "csv", "hostile.json"],
    ] {
        let out = run(args);
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n' && c != '\r'),
            "{args:?}: {text:?}"
        );
        assert!(!text.contains('\u{202e}'), "{args:?}");
        assert!(text.contains("\\u{1b}"), "the escape is shown, not sent: {text}");
        assert!(
            !text.lines().any(|l| l.trim_start().starts_with("[ok] Everything fine")),
            "no forged line"
        );
    }
    golden(
        "check-hostile.txt",
        &String::from_utf8(run(&["check", "hostile.json"]).stdout).unwrap(),
    );
}

#[test]
fn thousands_of_findings_are_grouped_with_exact_counts() {
    // 2,000 steps, each named vaguely and not as an action: 4,000 findings about steps.
    let steps: Vec<String> = (0..2000)
        .map(|i| format!(r#"{{ "id": "s{i}", "title": "Stuff {i}", "role": "desk" }}"#))
        .collect();
    let doc = format!(
        r#"{{ "format": "flowguide/workflow", "version": 1, "name": "Long list", "roles": [{{ "id": "desk", "name": "Desk" }}], "steps": [{}] }}"#,
        steps.join(",")
    );
    let text = String::from_utf8(run_with_input(&["check", "-"], &doc).stdout).unwrap();
    assert!(text.contains("and 1997 more like this [step-not-action]"), "{text}");
    assert!(text.contains("and 1997 more like this [vague-wording]"), "{text}");
    assert!(text.lines().count() < 80, "grouped: {} lines", text.lines().count());
    let all = String::from_utf8(run_with_input(&["check", "--all", "-"], &doc).stdout).unwrap();
    assert_eq!(all.matches("[step-not-action]").count(), 2000);
    assert!(!all.contains("more like this"));
    let json = String::from_utf8(run_with_input(&["check", "--format", "json", "-"], &doc).stdout).unwrap();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let steps = &value[0]["components"]["steps"];
    let listed = steps["findings"].as_array().unwrap();
    let more = steps["more_like_these"].as_array().unwrap();
    let rule_count = |rule: &str| {
        listed.iter().filter(|f| f["rule"] == rule).count()
            + more
                .iter()
                .filter(|m| m["rule"] == rule)
                .map(|m| m["count"].as_u64().unwrap() as usize)
                .sum::<usize>()
    };
    assert_eq!(listed.len(), 6, "three of each rule");
    assert_eq!(rule_count("step-not-action"), 2000, "the counts are exact");
    assert_eq!(rule_count("vague-wording"), 2000, "the counts are exact");
}

#[test]
fn a_language_without_a_word_list_says_which_checks_did_not_run() {
    let out = run(&["check", "italiano.json"]);
    let text = String::from_utf8(out.stdout).unwrap();
    golden("italiano.txt", &text);
    assert!(text.contains("Not checked:"), "{text}");
    assert!(text.contains("Flowguide has no word list for Italian yet"), "{text}");
    // The word checks stay silent rather than wrong: "Approvazione della nota" is not called a
    // non-action, and "il prima possibile" is not judged.
    assert!(!text.contains("[step-not-action]"), "{text}");
    assert!(!text.contains("[unmeasurable-outcome]"), "{text}");
    let out = run(&["check", "--format", "json", "italiano.json"]);
    let value: serde_json::Value = serde_json::from_str(&String::from_utf8(out.stdout).unwrap()).unwrap();
    assert_eq!(value[0]["language"]["tag"], "it");
    assert_eq!(value[0]["language"]["source"], "declared");
    assert!(value[0]["language"]["skipped"].as_array().unwrap().len() >= 3);
}

/// Grading a class against a built-in exercise: the text report with each file's verdict, the
/// class table, and the CSV, for a folder with passing, failing, mismatched, broken and hostile
/// submissions.
#[test]
fn class_reports() {
    let out = run(&["check", "--exercise", "expense-reimbursement", "class"]);
    let text = String::from_utf8(out.stdout).unwrap();
    golden("class.txt", &text);
    assert_eq!(out.status.code(), Some(1), "unreadable files make the exit status 1");
    assert!(!text.contains('\u{1b}'), "no escape sequence reaches the terminal");
    let out = run(&[
        "check",
        "--exercise",
        "expense-reimbursement",
        "--format",
        "csv",
        "class",
    ]);
    golden("class.csv", &String::from_utf8(out.stdout).unwrap());
    let out = run(&["check", "--exercise", "expense-reimbursement", "--summary", "class"]);
    let summary = String::from_utf8(out.stdout).unwrap();
    assert!(summary.starts_with("\nExercise “Expense reimbursement”"), "{summary}");
    assert!(summary.contains("2 passed, 2 not passed, 2 could not be read."));
    let out = run(&[
        "check",
        "--exercise",
        "expense-reimbursement",
        "--format",
        "json",
        "class/ana.json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["passed"], true);
    assert_eq!(v[0]["learner"], "Ana Lima");
    assert_eq!(v[0]["passMark"], 70);
}

#[test]
fn an_unknown_exercise_is_a_usage_error_that_lists_the_built_in_ones() {
    let out = run(&["check", "--exercise", "no-such-exercise", "expense.json"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("“no-such-exercise”") && err.contains("expense-reimbursement"),
        "{err}"
    );
    let out = run(&["check", "--exercise", "x1.AAAA", "expense.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("incomplete or has been changed"));
}

/// The checker and the library the grading page runs give the same rows, byte for byte, on every
/// built-in exercise's model answer and starting workflow, as submissions, as plain workflow
/// files, and through an exercise file and an exercise link.
#[test]
fn the_checker_and_the_grading_library_agree_on_every_built_in_exercise() {
    use flowguide_practice::class::{csv, Row};
    use flowguide_practice::submission::Submission;
    use flowguide_practice::{builtin, link};
    let dir = std::env::temp_dir().join(format!("flowguide-class-{}", std::process::id()));
    for e in builtin::all() {
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let mut files = Vec::new();
        for (name, doc) in [("model", e.model.clone().unwrap()), ("start", e.start.clone().unwrap())] {
            let sub = Submission::new(&e, name, "2026-12-02T14:03:00Z", doc.clone()).to_json();
            files.push((format!("{name}-submission.json"), sub));
            files.push((
                format!("{name}-workflow.json"),
                flowguide_engine::workflow::parse::to_pretty_json(&doc),
            ));
        }
        files.sort();
        for (name, text) in &files {
            std::fs::write(dir.join(name), text).unwrap();
        }
        let rows: Vec<Row> = files
            .iter()
            .map(|(name, text)| Row::grade(&e, &dir.join(name).display().to_string(), text))
            .collect();
        let expected = csv(&e, &rows);
        let exercise_file = dir.join("exercise.json.txt");
        std::fs::write(&exercise_file, e.to_json()).unwrap();
        for spec in [
            e.id.clone(),
            exercise_file.display().to_string(),
            link::encode_exercise(&e),
        ] {
            let mut args = vec![
                "check".to_string(),
                "--exercise".into(),
                spec,
                "--format".into(),
                "csv".into(),
            ];
            args.extend(files.iter().map(|(n, _)| dir.join(n).display().to_string()));
            let out = Command::new(env!("CARGO_BIN_EXE_flowguide-cli"))
                .args(&args)
                .output()
                .unwrap();
            assert_eq!(String::from_utf8(out.stdout).unwrap(), expected, "{}", e.id);
            assert_eq!(out.status.code(), Some(0));
        }
        assert!(expected.contains(",yes,"), "{}: the model passes", e.id);
    }
    let _ = std::fs::remove_dir_all(&dir);
}
