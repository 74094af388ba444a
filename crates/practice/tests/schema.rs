//! The JSON Schemas of exercises (`schema/exercise-v1.json`) and of the drill
//! (`schema/drill-v1.json`) agree with the readers: every built-in file validates, what the
//! reader writes back validates, and shapes the schema rejects the reader rejects too.

use std::path::Path;

use flowguide_practice::{builtin, drill, exercise};
use jsonschema::Resource;
use serde_json::Value;

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn read_json(rel: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(root().join(rel)).unwrap()).unwrap()
}

fn validator(name: &str) -> jsonschema::Validator {
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .with_base_uri("https://flowguide.invalid/schema/")
        .with_resource(
            "https://flowguide.invalid/schema/workflow-v1.json",
            Resource::from_contents(read_json("schema/workflow-v1.json")).unwrap(),
        )
        .build(&read_json(&format!("schema/{name}")))
        .expect("the schema is valid draft 2020-12")
}

fn errors(v: &jsonschema::Validator, text: &str) -> Vec<String> {
    let value: Value = serde_json::from_str(text).unwrap();
    v.iter_errors(&value)
        .map(|e| format!("{e} at {}", e.instance_path))
        .collect()
}

#[test]
fn every_built_in_exercise_matches_the_schema() {
    let v = validator("exercise-v1.json");
    for (id, text) in builtin::FILES {
        assert_eq!(errors(&v, text), Vec::<String>::new(), "{id}");
        let written = exercise::parse(text).unwrap().to_json();
        assert_eq!(
            errors(&v, &written),
            Vec::<String>::new(),
            "{id}, as the reader writes it"
        );
    }
}

#[test]
fn the_exercise_schema_and_reader_reject_the_same_shapes() {
    let v = validator("exercise-v1.json");
    let good = builtin::FILES[0].1;
    let base: Value = serde_json::from_str(good).unwrap();
    let with = |path: &[&str], value: Value| {
        let mut v = base.clone();
        let mut at = &mut v;
        for key in &path[..path.len() - 1] {
            at = &mut at[*key];
        }
        at[path[path.len() - 1]] = value;
        v.to_string()
    };
    let without = |key: &str| {
        let mut v = base.clone();
        v.as_object_mut().unwrap().remove(key);
        v.to_string()
    };
    let bad = [
        without("format"),
        without("id"),
        without("title"),
        without("scenario"),
        with(&["version"], 2.into()),
        with(&["id"], "Not kebab".into()),
        with(&["id"], "a".repeat(81).into()),
        with(&["revision"], 0.into()),
        with(&["title"], "".into()),
        with(&["difficulty"], "expert".into()),
        with(&["minutes"], 0.into()),
        with(&["scenario"], "x".repeat(20_001).into()),
        with(&["goals"], "learn".into()),
        with(&["rubric", "passMark"], 101.into()),
        with(&["rubric", "preset"], "lenient".into()),
        with(&["rubric", "roles"], serde_json::json!([{ "synonyms": ["x"] }])),
        with(&["rubric", "roles"], serde_json::json!([{ "name": "" }])),
        with(
            &["rubric", "overrides"],
            serde_json::json!({ "step-without-role": "loud" }),
        ),
        with(&["model", "version"], 2.into()),
    ];
    for text in bad {
        assert!(!errors(&v, &text).is_empty(), "the schema accepts {text:.200}");
        assert!(exercise::parse(&text).is_err(), "the reader accepts {text:.200}");
    }
}

#[test]
fn the_drill_matches_its_schema() {
    let v = validator("drill-v1.json");
    let text = std::fs::read_to_string(root().join("content/drill/classify.json")).unwrap();
    assert_eq!(errors(&v, &text), Vec::<String>::new());
    let d = drill::parse(&text).unwrap();
    assert_eq!(errors(&v, &serde_json::to_string(&d).unwrap()), Vec::<String>::new());
}
