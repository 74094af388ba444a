//! The JSON Schema (`schema/workflow-v1.json`) and the reader agree: every example document in the
//! project validates, documents the engine writes validate, and documents the schema rejects for
//! shape errors are rejected by the reader too.

use flowguide_engine::feedback::rules;
use flowguide_engine::workflow::{parse, parse::to_pretty_json};
use serde_json::Value;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn validator() -> jsonschema::Validator {
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("schema/workflow-v1.json")).unwrap()).unwrap();
    jsonschema::draft202012::new(&schema).expect("the schema is valid draft 2020-12")
}

fn assert_valid(v: &jsonschema::Validator, name: &str, text: &str) {
    let value: Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{name}: {e}"));
    let errors: Vec<String> = v
        .iter_errors(&value)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{name} does not match the schema: {errors:#?}");
}

#[test]
fn every_example_document_matches_the_schema() {
    let v = validator();
    for (rule, docs) in rules::documented() {
        assert_valid(&v, &format!("{} (poor)", rule.id), docs.poor);
        assert_valid(&v, &format!("{} (good)", rule.id), docs.good);
        // What the engine writes back out matches too.
        assert_valid(
            &v,
            &format!("{} (rewritten)", rule.id),
            &to_pretty_json(&parse(docs.poor).unwrap()),
        );
    }
    for file in [
        "crates/engine/tests/data/expense.json",
        "crates/engine/src/workflow/examples/onboarding.json",
        "crates/engine/src/workflow/examples/support.json",
        "crates/cli/tests/golden/expense.json",
        "crates/cli/tests/golden/cafe-half-built.json",
    ] {
        assert_valid(&v, file, &std::fs::read_to_string(root().join(file)).unwrap());
    }
}

#[test]
fn the_schema_and_the_reader_reject_the_same_shapes() {
    let v = validator();
    for bad in [
        r#"{"version":1}"#,
        r#"{"format":"flowguide/workflow"}"#,
        r#"{"format":"flowguide/workflow","version":2}"#,
        r#"{"format":"flowguide/workflow","version":1,"steps":"abc"}"#,
        r#"{"format":"flowguide/workflow","version":1,"steps":[{"title":"no id"}]}"#,
        r#"{"format":"flowguide/workflow","version":1,"trigger":{"kind":"sometimes"}}"#,
        r#"{"format":"flowguide/workflow","version":1,"steps":[{"id":"a","next":[{"when":"no target"}]}]}"#,
    ] {
        let value: Value = serde_json::from_str(bad).unwrap();
        assert!(!v.is_valid(&value), "the schema accepts {bad}");
        assert!(parse(bad).is_err(), "the reader accepts {bad}");
    }
    let half_built = r#"{"$schema":"workflow-v1.json","format":"flowguide/workflow","version":1}"#;
    assert!(v.is_valid(&serde_json::from_str(half_built).unwrap()));
    assert!(parse(half_built).is_ok());
}
