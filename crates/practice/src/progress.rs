//! A learner's progress on each exercise, kept in the browser: not started, in progress or
//! passed, with the best score. Stored as a small versioned JSON envelope per exercise
//! (`{"kind":"flowguide-progress","version":1,"state":"passed","best":100,"revision":1}` under
//! [`key`]), read back with [`decode`], which names what is wrong with anything else, so the
//! page can keep unreadable data aside instead of losing it.

use serde::{Deserialize, Serialize};

use crate::grade::Grade;

pub const KIND: &str = "flowguide-progress";
pub const VERSION: u64 = 1;

/// Where an exercise stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    #[default]
    NotStarted,
    InProgress,
    Passed,
}

impl State {
    pub fn key(self) -> &'static str {
        match self {
            State::NotStarted => "not-started",
            State::InProgress => "in-progress",
            State::Passed => "passed",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            State::NotStarted => "Not started",
            State::InProgress => "In progress",
            State::Passed => "Passed",
        }
    }
}

/// One exercise's progress.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    pub state: State,
    /// The best score checked so far.
    pub best: Option<u32>,
    /// The exercise revision the progress is for.
    pub revision: u32,
}

impl Progress {
    /// What a badge says: "Passed, best score 92", "In progress, best score 64", "Not started".
    pub fn label(&self) -> String {
        match self.best {
            Some(b) if self.state != State::NotStarted => format!("{}, best score {b}", self.state.label()),
            _ => self.state.label().to_string(),
        }
    }

    /// The progress after a check of the learner's work: the better score is kept, and a pass
    /// stays a pass.
    pub fn record(self, revision: u32, grade: &Grade) -> Progress {
        let mut p = if revision == self.revision {
            self
        } else {
            Progress::default()
        };
        p.revision = revision;
        p.best = Some(p.best.map_or(grade.score, |b| b.max(grade.score)));
        if grade.passed {
            p.state = State::Passed;
        } else if p.state == State::NotStarted {
            p.state = State::InProgress;
        }
        p
    }

    /// The work was changed but not checked yet.
    pub fn started(self, revision: u32) -> Progress {
        if self.state == State::NotStarted || self.revision != revision {
            Progress {
                state: State::InProgress,
                best: None,
                revision,
            }
        } else {
            self
        }
    }
}

/// Where an exercise's progress is kept in the browser's storage.
pub fn key(exercise_id: &str) -> String {
    format!("flowguide-progress-{exercise_id}")
}

#[derive(Serialize, Deserialize)]
struct Envelope {
    kind: String,
    version: u64,
    state: State,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    best: Option<u32>,
    #[serde(default = "one")]
    revision: u32,
}

fn one() -> u32 {
    1
}

pub fn encode(p: &Progress) -> String {
    serde_json::to_string(&Envelope {
        kind: KIND.into(),
        version: VERSION,
        state: p.state,
        best: p.best,
        revision: p.revision.max(1),
    })
    .expect("progress always serialises")
}

/// Reads stored progress, or says why it cannot be read.
pub fn decode(text: &str) -> Result<Progress, String> {
    let e: Envelope = serde_json::from_str(text).map_err(|_| "it is not progress Flowguide saved".to_string())?;
    if e.kind != KIND {
        return Err("it is not progress Flowguide saved".into());
    }
    if e.version != VERSION {
        return Err(format!("it was saved by a newer Flowguide (version {})", e.version));
    }
    if e.best.is_some_and(|b| b > 100) {
        return Err("its score is above 100".into());
    }
    Ok(Progress {
        state: e.state,
        best: e.best,
        revision: e.revision,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{builtin, grade};
    use proptest::prelude::*;

    #[test]
    fn progress_keeps_the_best_score_and_a_pass() {
        let e = builtin::get("purchase-order").unwrap();
        let pass = grade(&e, e.model.as_ref().unwrap());
        let fail = grade(&e, e.start.as_ref().unwrap());
        let p = Progress::default().started(1);
        assert_eq!(p.label(), "In progress");
        let p = p.record(1, &fail);
        assert_eq!((p.state, p.best), (State::InProgress, Some(fail.score)));
        let p = p.record(1, &pass).record(1, &fail);
        assert_eq!((p.state, p.best), (State::Passed, Some(100)));
        assert_eq!(p.label(), "Passed, best score 100");
        // A new revision of the exercise starts again.
        assert_eq!(p.record(2, &fail).state, State::InProgress);
        assert_eq!(decode(&encode(&p)).unwrap(), p);
    }

    #[test]
    fn other_data_is_named() {
        assert!(decode("{").is_err());
        assert!(decode(r#"{"kind":"flowguide-sandbox","version":1,"state":"passed"}"#).is_err());
        assert!(decode(r#"{"kind":"flowguide-progress","version":2,"state":"passed"}"#)
            .unwrap_err()
            .contains("newer"));
        assert!(decode(r#"{"kind":"flowguide-progress","version":1,"state":"passed","best":101}"#).is_err());
        assert_eq!(key("a-b"), "flowguide-progress-a-b");
    }

    proptest! {
        #[test]
        fn any_text_decodes_or_explains(text in "\\PC{0,80}") {
            if let Err(e) = decode(&text) {
                prop_assert!(!e.is_empty());
            }
        }
    }
}
