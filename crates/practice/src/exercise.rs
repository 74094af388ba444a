//! The exercise file, format version 1 ([docs/exercise-format.md], `schema/exercise-v1.json`): a
//! scenario, its learning goals, a rubric, and optionally a starting workflow and a model answer.
//!
//! [`parse`] reads one from JSON text with errors that name the field, and [`Exercise::check`]
//! refuses what the JSON types alone let through (an id that is not kebab-case, a step minimum
//! above the maximum). Exercises come from instructors, through files and links, so every text
//! in one is untrusted: callers escape it, and the scenario is rendered only through
//! `flowguide_text::markup`.
//!
//! [docs/exercise-format.md]: ../../../docs/exercise-format.md

use std::collections::BTreeMap;
use std::fmt;

use flowguide_engine::feedback::preset::Level;
use flowguide_engine::feedback::{Config, Preset};
use flowguide_engine::workflow::parse::{json_error, plain_error, too_big, MAX_BYTES};
use flowguide_engine::workflow::{self, ParseError, WorkflowDoc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The value of the `format` field.
pub const FORMAT: &str = "flowguide/exercise";
/// The format version this code reads and writes.
pub const VERSION: u64 = 1;

/// The longest id, title, summary and scenario an exercise may have, in characters.
pub const MAX_ID: usize = 80;
pub const MAX_TITLE: usize = 200;
pub const MAX_SUMMARY: usize = 300;
pub const MAX_SCENARIO: usize = 20_000;
/// The most goals, expected roles or artifacts, and synonyms of one name.
pub const MAX_ITEMS: usize = 50;

/// How hard an exercise is, for the list of exercises.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Difficulty {
    #[default]
    Beginner,
    Intermediate,
    Advanced,
}

impl Difficulty {
    pub const ALL: [Difficulty; 3] = [Difficulty::Beginner, Difficulty::Intermediate, Difficulty::Advanced];

    pub fn key(self) -> &'static str {
        match self {
            Difficulty::Beginner => "beginner",
            Difficulty::Intermediate => "intermediate",
            Difficulty::Advanced => "advanced",
        }
    }
}

/// A role or an artifact the scenario expects, with the other names that also count.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Expected {
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub synonyms: Vec<String>,
    /// The scenario's words for it, which feedback quotes: "Finance pays the claim".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub says: String,
}

impl Expected {
    /// The name and every synonym.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.synonyms.iter().map(String::as_str))
    }
}

/// How many steps the scenario's workflow should have.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepLimits {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u32>,
}

/// A decision the workflow must include.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    /// The scenario's words for it: "the manager approves or rejects the claim".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub says: String,
}

fn default_pass_mark() -> u32 {
    70
}

fn is_default_pass_mark(m: &u32) -> bool {
    *m == 70
}

/// What an answer is graded against, on top of the general feedback rules.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Rubric {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Expected>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub artifacts: Vec<Expected>,
    #[serde(default, skip_serializing_if = "is_default")]
    pub steps: StepLimits,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decision>,
    #[serde(default, skip_serializing_if = "is_default")]
    pub preset: Preset,
    /// Rule or rubric check id → level, over the preset.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub overrides: BTreeMap<String, Level>,
    /// The score, out of 100, an answer needs to pass.
    #[serde(default = "default_pass_mark", skip_serializing_if = "is_default_pass_mark")]
    pub pass_mark: u32,
}

impl Default for Rubric {
    fn default() -> Rubric {
        Rubric {
            roles: Vec::new(),
            artifacts: Vec::new(),
            steps: StepLimits::default(),
            decision: None,
            preset: Preset::default(),
            overrides: BTreeMap::new(),
            pass_mark: default_pass_mark(),
        }
    }
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

fn default_revision() -> u32 {
    1
}

fn is_first_revision(r: &u32) -> bool {
    *r == 1
}

/// A whole exercise file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exercise {
    pub format: String,
    pub version: u64,
    /// Kebab-case and stable: progress, submissions and links use it.
    pub id: String,
    /// The exercise's own version: raised when its rubric changes, and recorded in submissions.
    #[serde(default = "default_revision", skip_serializing_if = "is_first_revision")]
    pub revision: u32,
    pub title: String,
    /// The field of work the scenario comes from: "Finance".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub field: String,
    #[serde(default)]
    pub difficulty: Difficulty,
    /// About how long it takes, in minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u32>,
    /// One sentence for the list of exercises.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// The scenario, in the Markdown subset of `flowguide_text::markup`.
    pub scenario: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<String>,
    #[serde(default)]
    pub rubric: Rubric,
    /// The workflow the sandbox opens with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<WorkflowDoc>,
    /// A model answer, shown after a first attempt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model: Option<WorkflowDoc>,
}

/// Why an exercise could not be read or is not valid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExerciseError(pub ParseError);

impl fmt::Display for ExerciseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for ExerciseError {}

fn fail<T>(message: impl Into<String>) -> Result<T, ExerciseError> {
    Err(ExerciseError(plain_error(message)))
}

/// Whether `id` is an exercise id: lowercase letters and digits in words joined by single
/// hyphens, at most [`MAX_ID`] characters.
pub fn is_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID
        && id
            .split('-')
            .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

/// Reads an exercise file: JSON in format v1, then [`Exercise::check`].
pub fn parse(text: &str) -> Result<Exercise, ExerciseError> {
    if text.len() > MAX_BYTES {
        return fail(too_big(text.len() as u64).replace("a workflow document", "an exercise"));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return fail("the file is empty");
    }
    let value: Value = serde_json::from_str(text).map_err(|e| ExerciseError(json_error(text, &e, "exercise")))?;
    let Value::Object(fields) = &value else {
        return fail("an exercise is a JSON object, starting with `{`");
    };
    match fields.get("format") {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(Value::String(f)) if f == workflow::document::FORMAT => {
            return fail("this is a workflow, not an exercise: an exercise file has `\"format\": \"flowguide/exercise\"`, with a scenario and a rubric")
        }
        Some(Value::String(f)) if f == crate::submission::FORMAT => {
            return fail("this is a learner's submission, not an exercise: open it on the grading page instead")
        }
        None => {
            return fail(format!(
                "this is not a Flowguide exercise: the `format` field is missing (it should be \"{FORMAT}\")"
            ))
        }
        Some(other) => {
            return fail(format!("this is not a Flowguide exercise: `format` is {other}, not \"{FORMAT}\""))
        }
    }
    match fields.get("version") {
        Some(Value::Number(n)) if n.as_u64() == Some(VERSION) => {}
        Some(Value::Number(n)) => {
            return fail(format!(
                "this file is exercise format version {n}; this Flowguide reads version {VERSION}"
            ))
        }
        None => return fail("the `version` field is missing (this Flowguide reads version 1)"),
        Some(other) => return fail(format!("`version` must be a number, found {other}")),
    }
    drop(value);
    let exercise: Exercise = serde_json::from_str(text).map_err(|e| ExerciseError(json_error(text, &e, "exercise")))?;
    exercise.check()?;
    Ok(exercise)
}

/// Checks a workflow carried inside an exercise (its start or model answer).
fn check_workflow(doc: &WorkflowDoc, what: &str) -> Result<(), ExerciseError> {
    if doc.format != workflow::document::FORMAT {
        return fail(format!(
            "{what} is not a Flowguide workflow: its `format` should be \"{}\"",
            workflow::document::FORMAT
        ));
    }
    if doc.version != workflow::document::VERSION {
        return fail(format!(
            "{what} is workflow format version {}; this Flowguide reads version {}",
            doc.version,
            workflow::document::VERSION
        ));
    }
    Ok(())
}

fn check_len(text: &str, max: usize, what: &str) -> Result<(), ExerciseError> {
    let n = text.chars().count();
    if n > max {
        return fail(format!("{what} is {n} characters long; at most {max} are allowed"));
    }
    Ok(())
}

fn check_names(list: &[Expected], what: &str) -> Result<(), ExerciseError> {
    if list.len() > MAX_ITEMS {
        return fail(format!(
            "the rubric lists {} {what}s; at most {MAX_ITEMS} are allowed",
            list.len()
        ));
    }
    for (i, e) in list.iter().enumerate() {
        if e.name.trim().is_empty() {
            return fail(format!("expected {what} {} in the rubric has no name", i + 1));
        }
        if e.synonyms.len() > MAX_ITEMS {
            return fail(format!(
                "expected {what} “{}” has {} synonyms; at most {MAX_ITEMS} are allowed",
                e.name.trim(),
                e.synonyms.len()
            ));
        }
        if let Some(j) = e.synonyms.iter().position(|s| s.trim().is_empty()) {
            return fail(format!(
                "synonym {} of expected {what} “{}” is empty",
                j + 1,
                e.name.trim()
            ));
        }
        for name in e.names() {
            check_len(name, MAX_TITLE, &format!("a name of expected {what} {}", i + 1))?;
        }
        check_len(
            &e.says,
            MAX_SUMMARY,
            &format!("what the scenario says of expected {what} “{}”", e.name.trim()),
        )?;
    }
    Ok(())
}

impl Exercise {
    /// An empty exercise of the current format, for an instructor to fill in.
    pub fn new() -> Exercise {
        Exercise {
            format: FORMAT.into(),
            version: VERSION,
            id: String::new(),
            revision: 1,
            title: String::new(),
            field: String::new(),
            difficulty: Difficulty::default(),
            minutes: None,
            summary: String::new(),
            scenario: String::new(),
            goals: Vec::new(),
            rubric: Rubric::default(),
            start: None,
            model: None,
        }
    }

    /// What the JSON types alone do not rule out: the first problem, in plain words.
    pub fn check(&self) -> Result<(), ExerciseError> {
        if !is_id(&self.id) {
            return fail(format!(
                "the id “{}” is not allowed: use lowercase letters and digits joined by hyphens, such as “expense-claim”, at most {MAX_ID} characters",
                self.id
            ));
        }
        if self.revision == 0 {
            return fail("the revision starts at 1");
        }
        if self.title.trim().is_empty() {
            return fail("the exercise has no title");
        }
        check_len(&self.title, MAX_TITLE, "the title")?;
        check_len(&self.field, MAX_TITLE, "the field of work")?;
        check_len(&self.summary, MAX_SUMMARY, "the summary")?;
        if self.scenario.trim().is_empty() {
            return fail("the exercise has no scenario");
        }
        check_len(&self.scenario, MAX_SCENARIO, "the scenario")?;
        if self.minutes == Some(0) || self.minutes.is_some_and(|m| m > 240) {
            return fail("the estimated time is given in minutes, from 1 to 240");
        }
        if self.goals.len() > MAX_ITEMS {
            return fail(format!(
                "the exercise has {} goals; at most {MAX_ITEMS} are allowed",
                self.goals.len()
            ));
        }
        for (i, goal) in self.goals.iter().enumerate() {
            check_len(goal, MAX_SUMMARY, &format!("goal {}", i + 1))?;
        }
        let r = &self.rubric;
        check_names(&r.roles, "role")?;
        check_names(&r.artifacts, "artifact")?;
        if let (Some(min), Some(max)) = (r.steps.min, r.steps.max) {
            if min > max {
                return fail(format!(
                    "the rubric asks for at least {min} steps but at most {max}: the minimum must not be above the maximum"
                ));
            }
        }
        if let Some(d) = &r.decision {
            check_len(&d.says, MAX_SUMMARY, "what the scenario says of the decision")?;
        }
        if r.pass_mark > 100 {
            return fail(format!("the pass mark is {}; it is a score from 0 to 100", r.pass_mark));
        }
        for id in r.overrides.keys() {
            let known = flowguide_engine::feedback::rules::RULES
                .iter()
                .any(|rule| rule.id == id)
                || crate::rubric::CHECKS.iter().any(|check| check.id == id);
            if !known {
                return fail(format!(
                    "the rubric's overrides name “{id}”, which is not one of Flowguide's rules or rubric checks (the rules reference lists them)"
                ));
            }
        }
        if let Some(doc) = &self.start {
            check_workflow(doc, "the starting workflow")?;
        }
        if let Some(doc) = &self.model {
            check_workflow(doc, "the model answer")?;
        }
        Ok(())
    }

    /// The rule configuration the exercise's feedback uses: its preset and overrides.
    pub fn config(&self) -> Config {
        Config {
            preset: self.rubric.preset,
            overrides: self.rubric.overrides.clone(),
        }
    }

    /// The workflow the sandbox opens with: the exercise's start, or an empty one named after it.
    pub fn starting_workflow(&self) -> WorkflowDoc {
        self.start.clone().unwrap_or_else(|| WorkflowDoc {
            name: self.title.trim().to_string(),
            ..WorkflowDoc::new()
        })
    }

    /// The scenario, goals and the pass rule as the learner reads them beside the sandbox, as
    /// HTML. The exercise's text is untrusted: it goes through `flowguide_text::markup`, which
    /// escapes everything it does not write itself.
    pub fn scenario_html(&self) -> String {
        use flowguide_text::markup;
        let mut goals = String::new();
        for g in &self.goals {
            goals.push_str("<li>");
            goals.push_str(&markup::inline(g));
            goals.push_str("</li>");
        }
        let goals = if goals.is_empty() {
            String::new()
        } else {
            format!("<h3>What you will practise</h3><ul>{goals}</ul>")
        };
        format!(
            "<h2>The scenario</h2><div class=\"scenario-text\">{}</div>{goals}<h3>To pass</h3><p>A score of at least {} out of 100, all six parts of a workflow present, and everything the scenario asks for in your workflow.</p>",
            markup::blocks(&self.scenario),
            self.rubric.pass_mark
        )
    }

    /// The exercise as a file: pretty JSON, two-space indents.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("an exercise always serialises")
    }
}

impl Default for Exercise {
    fn default() -> Exercise {
        Exercise::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = r#"{
  "format": "flowguide/exercise", "version": 1, "id": "tea", "title": "Make tea",
  "scenario": "A guest asks for tea.",
  "rubric": { "roles": [{ "name": "Host", "synonyms": ["owner"] }], "steps": { "min": 2, "max": 5 }, "passMark": 60 }
}"#;

    fn error(text: &str) -> String {
        parse(text).unwrap_err().to_string()
    }

    #[test]
    fn a_small_exercise_reads_with_defaults() {
        let e = parse(SMALL).unwrap();
        assert_eq!(e.id, "tea");
        assert_eq!(e.revision, 1);
        assert_eq!(e.difficulty, Difficulty::Beginner);
        assert_eq!(e.rubric.pass_mark, 60);
        assert_eq!(
            e.rubric.steps,
            StepLimits {
                min: Some(2),
                max: Some(5)
            }
        );
        assert_eq!(e.rubric.roles[0].names().collect::<Vec<_>>(), ["Host", "owner"]);
        assert_eq!(e.starting_workflow().name, "Make tea");
        assert_eq!(parse(&e.to_json()).unwrap(), e, "the file round-trips");
    }

    #[test]
    fn other_files_are_named_for_what_they_are() {
        assert!(error(r#"{"format":"flowguide/workflow","version":1}"#).contains("this is a workflow, not an exercise"));
        assert!(error(r#"{"format":"flowguide/submission","version":1}"#).contains("submission"));
        assert!(error(r#"{"version":1}"#).contains("`format` field is missing"));
        assert!(error(r#"{"format":"flowguide/exercise","version":2}"#).contains("version 2"));
        assert!(error("[1]").contains("JSON object"));
        assert!(error("").contains("empty"));
        assert!(error(&SMALL[..SMALL.len() / 2]).contains("ends too early"));
    }

    #[test]
    fn errors_name_the_field() {
        let e = error(&SMALL.replace("\"passMark\": 60", "\"passMark\": \"high\""));
        assert!(e.contains("passMark") && e.contains("whole number"), "{e}");
        let e = error(&SMALL.replace("\"title\": \"Make tea\",", ""));
        assert!(e.contains("title"), "{e}");
        let e = error(&SMALL.replace(
            "\"steps\": { \"min\": 2, \"max\": 5 }",
            "\"steps\": { \"min\": 6, \"max\": 5 }",
        ));
        assert!(e.contains("at least 6 steps but at most 5"), "{e}");
        let e = error(&SMALL.replace("\"id\": \"tea\"", "\"id\": \"Tea Time\""));
        assert!(e.contains("“Tea Time” is not allowed"), "{e}");
        let e = error(&SMALL.replace(
            "\"passMark\": 60",
            "\"passMark\": 60, \"overrides\": {\"handof-ping-pong\": \"off\"}",
        ));
        assert!(
            e.contains("“handof-ping-pong”, which is not one of Flowguide's rules"),
            "{e}"
        );
        let ok = SMALL.replace(
            "\"passMark\": 60",
            "\"overrides\": {\"handoff-ping-pong\": \"off\", \"expected-role\": \"tip\"}",
        );
        assert!(parse(&ok).is_ok());
        let e = error(&SMALL.replace("\"passMark\": 60", "\"passMark\": 101"));
        assert!(e.contains("from 0 to 100"), "{e}");
        let e = error(&SMALL.replace("\"synonyms\": [\"owner\"]", "\"synonyms\": [\" \"]"));
        assert!(e.contains("synonym 1 of expected role “Host” is empty"), "{e}");
        let e = error(&SMALL.replace("\"scenario\": \"A guest asks for tea.\"", "\"scenario\": \"  \""));
        assert!(e.contains("no scenario"), "{e}");
        let e = error(&SMALL.replace(
            "\"rubric\"",
            "\"model\": {\"format\":\"flowguide/workflow\",\"version\":3}, \"rubric\"",
        ));
        assert!(e.contains("the model answer is workflow format version 3"), "{e}");
        let e = error(&SMALL.replace("\"rubric\"", "\"start\": {\"format\":\"x\",\"version\":1}, \"rubric\""));
        assert!(e.contains("the starting workflow is not a Flowguide workflow"), "{e}");
    }

    #[test]
    fn long_texts_are_refused_with_their_length() {
        let long = "a".repeat(MAX_SCENARIO + 1);
        let e = error(&SMALL.replace("A guest asks for tea.", &long));
        assert!(e.contains("20001 characters"), "{e}");
    }

    #[test]
    fn ids_are_kebab_case() {
        for ok in ["a", "expense-claim", "step-2-review"] {
            assert!(is_id(ok), "{ok}");
        }
        for bad in ["", "-a", "a-", "a--b", "A", "a b", "a_b", "é", &"a".repeat(81)] {
            assert!(!is_id(bad), "{bad}");
        }
    }
}
