//! The submission file a learner hands in: their workflow, the exercise (id and revision) it
//! answers, their name if they typed one, and when they handed it in. [`read`] also takes a plain
//! workflow file, so an instructor can grade work exported from the sandbox.

use flowguide_engine::workflow::parse::{json_error, plain_error, too_big, MAX_BYTES};
use flowguide_engine::workflow::{self, ParseError, WorkflowDoc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::exercise::{self, Exercise, MAX_TITLE};

/// The value of the `format` field.
pub const FORMAT: &str = "flowguide/submission";
/// The format version this code reads and writes.
pub const VERSION: u64 = 1;

/// Which exercise, in which revision, a submission answers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExerciseRef {
    pub id: String,
    #[serde(default = "one")]
    pub revision: u32,
}

fn one() -> u32 {
    1
}

/// A submission file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Submission {
    pub format: String,
    pub version: u64,
    pub exercise: ExerciseRef,
    /// The learner's name, as they typed it; may be empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub learner: String,
    /// When it was handed in: ISO 8601 in UTC, "2026-12-02T14:03:00Z" (as the learner's clock
    /// had it; nothing here can vouch for it).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub submitted_at: String,
    pub workflow: WorkflowDoc,
}

impl Submission {
    /// A submission of `doc` for `exercise`.
    pub fn new(exercise: &Exercise, learner: &str, submitted_at: &str, doc: WorkflowDoc) -> Submission {
        Submission {
            format: FORMAT.into(),
            version: VERSION,
            exercise: ExerciseRef {
                id: exercise.id.clone(),
                revision: exercise.revision,
            },
            learner: learner.trim().chars().take(MAX_TITLE).collect(),
            submitted_at: submitted_at.into(),
            workflow: doc,
        }
    }

    /// The file: pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a submission always serialises")
    }

    /// A file name for it: the exercise id and the learner's name, `expense-reimbursement-ana-lima.json`.
    pub fn file_name(&self) -> String {
        let who = flowguide_text::slug::slugify(&self.learner);
        if who.is_empty() {
            format!("{}-submission.json", self.exercise.id)
        } else {
            format!("{}-{who}.json", self.exercise.id)
        }
    }
}

/// A learner's work as the grading page and the checker read it, from either kind of file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Work {
    /// Empty for a plain workflow file, or when the learner typed no name.
    pub learner: String,
    /// The exercise a submission says it answers; `None` for a plain workflow file.
    pub exercise: Option<ExerciseRef>,
    pub submitted_at: String,
    pub doc: WorkflowDoc,
}

impl Work {
    /// A note for the instructor when the work was handed in for another exercise, or for
    /// another revision of this one.
    pub fn mismatch(&self, exercise: &Exercise) -> Option<String> {
        let r = self.exercise.as_ref()?;
        if r.id != exercise.id {
            Some(format!(
                "handed in for the exercise “{}”, not “{}”; graded against “{}”",
                r.id, exercise.id, exercise.id
            ))
        } else if r.revision != exercise.revision {
            Some(format!(
                "handed in for revision {} of this exercise; graded against revision {}",
                r.revision, exercise.revision
            ))
        } else {
            None
        }
    }
}

fn fail<T>(message: impl Into<String>) -> Result<T, ParseError> {
    Err(plain_error(message))
}

/// Reads a submission file or a plain workflow file.
pub fn read(text: &str) -> Result<Work, ParseError> {
    if text.len() > MAX_BYTES {
        return fail(too_big(text.len() as u64).replace("a workflow document", "a submission"));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let header = match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(mut fields)) => fields.remove("format"),
        // Let the workflow reader explain what is wrong: an empty file, broken JSON.
        _ => None,
    };
    match header {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(Value::String(f)) if f == exercise::FORMAT => {
            return fail("this is an exercise, not a learner's work: choose it as the exercise to grade against")
        }
        _ => {
            let doc = workflow::parse(text)?;
            return Ok(Work {
                learner: String::new(),
                exercise: None,
                submitted_at: String::new(),
                doc,
            });
        }
    }
    let value: Value = serde_json::from_str(text).map_err(|e| json_error(text, &e, "submission"))?;
    match value.get("version") {
        Some(Value::Number(n)) if n.as_u64() == Some(VERSION) => {}
        Some(Value::Number(n)) => {
            return fail(format!(
                "this is submission format version {n}; this Flowguide reads version {VERSION}"
            ))
        }
        None => return fail("the `version` field is missing (this Flowguide reads version 1)"),
        Some(other) => return fail(format!("`version` must be a number, found {other}")),
    }
    // The workflow inside gets the workflow reader's own messages.
    let Some(inner) = value.get("workflow") else {
        return fail("the submission has no workflow in it");
    };
    let doc = workflow::parse(&inner.to_string()).map_err(|e| ParseError {
        message: format!("the workflow in this submission cannot be read: {}", e.message),
        line: None,
        column: None,
    })?;
    // The rest, read from the text itself (reading it from the `Value` would instantiate a
    // second reader of every type in a workflow, which the browser bundles would carry).
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Head {
        exercise: ExerciseRef,
        #[serde(default)]
        learner: String,
        #[serde(default)]
        submitted_at: String,
    }
    drop(value);
    let s: Head = serde_json::from_str(text).map_err(|e| json_error(text, &e, "submission"))?;
    if !exercise::is_id(&s.exercise.id) {
        return fail(format!(
            "the submission's exercise id “{}” is not an exercise id",
            s.exercise.id
        ));
    }
    if s.learner.chars().count() > MAX_TITLE {
        return fail(format!("the learner's name is longer than {MAX_TITLE} characters"));
    }
    Ok(Work {
        learner: s.learner.trim().to_string(),
        exercise: Some(s.exercise),
        submitted_at: s.submitted_at,
        doc,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exercise() -> Exercise {
        exercise::parse(r#"{"format":"flowguide/exercise","version":1,"id":"tea","revision":2,"title":"Tea","scenario":"Make tea."}"#).unwrap()
    }

    #[test]
    fn a_submission_round_trips() {
        let mut doc = WorkflowDoc::new();
        doc.name = "Tea".into();
        let s = Submission::new(&exercise(), "  Ana Lima ", "2026-12-02T14:03:00Z", doc.clone());
        assert_eq!(s.file_name(), "tea-ana-lima.json");
        let work = read(&s.to_json()).unwrap();
        assert_eq!(work.learner, "Ana Lima");
        assert_eq!(
            work.exercise,
            Some(ExerciseRef {
                id: "tea".into(),
                revision: 2
            })
        );
        assert_eq!(work.submitted_at, "2026-12-02T14:03:00Z");
        assert_eq!(work.doc, doc);
        assert_eq!(work.mismatch(&exercise()), None);
    }

    #[test]
    fn plain_workflows_are_work_too() {
        let work = read(r#"{"format":"flowguide/workflow","version":1,"name":"Mine"}"#).unwrap();
        assert_eq!(work.exercise, None);
        assert_eq!(work.doc.name, "Mine");
        assert_eq!(work.mismatch(&exercise()), None);
    }

    #[test]
    fn broken_files_say_what_is_wrong() {
        let msg = |t: &str| read(t).unwrap_err().to_string();
        assert!(msg("").contains("empty"));
        assert!(msg("{\"format\":").contains("ends too early"));
        assert!(msg(r#"{"format":"flowguide/exercise","version":1}"#).contains("this is an exercise"));
        assert!(msg(r#"{"format":"flowguide/submission","version":4}"#).contains("version 4"));
        assert!(
            msg(r#"{"format":"flowguide/submission","version":1,"exercise":{"id":"tea"}}"#).contains("no workflow")
        );
        let m = msg(
            r#"{"format":"flowguide/submission","version":1,"exercise":{"id":"tea"},"workflow":{"format":"flowguide/workflow","version":1,"steps":"x"}}"#,
        );
        assert!(
            m.contains("the workflow in this submission cannot be read") && m.contains("steps"),
            "{m}"
        );
        let m = msg(
            r#"{"format":"flowguide/submission","version":1,"exercise":{"id":"Not An Id"},"workflow":{"format":"flowguide/workflow","version":1}}"#,
        );
        assert!(m.contains("not an exercise id"), "{m}");
        let m = msg(
            r#"{"format":"flowguide/submission","version":1,"workflow":{"format":"flowguide/workflow","version":1}}"#,
        );
        assert!(m.contains("exercise"), "{m}");
    }

    #[test]
    fn other_exercises_and_revisions_are_noted() {
        let mut work = read(&Submission::new(&exercise(), "", "", WorkflowDoc::new()).to_json()).unwrap();
        work.exercise.as_mut().unwrap().revision = 1;
        assert!(work.mismatch(&exercise()).unwrap().contains("revision 1"));
        work.exercise.as_mut().unwrap().id = "coffee".into();
        assert!(work.mismatch(&exercise()).unwrap().contains("“coffee”"));
    }
}
