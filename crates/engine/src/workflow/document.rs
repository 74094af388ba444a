//! The workflow document as written: format v1, described in `docs/workflow-format.md` and
//! `schema/workflow-v1.json`. Every field but `format` and `version` may be absent, because
//! learners save half-built work; unknown fields are ignored.

use serde::{Deserialize, Serialize};

/// The value of the `format` field.
pub const FORMAT: &str = "flowguide/workflow";
/// The format version this code reads and writes.
pub const VERSION: u64 = 1;

/// A whole workflow document.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkflowDoc {
    pub format: String,
    pub version: u64,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// The language the learner writes in, as a BCP 47 tag ("es", "fr-CA"). The wording checks
    /// use its word list; when absent, the engine recognises the language from the words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trigger: Option<TriggerDoc>,
    #[serde(default)]
    pub roles: Vec<RoleDoc>,
    #[serde(default)]
    pub steps: Vec<StepDoc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<OutcomeDoc>,
}

impl WorkflowDoc {
    /// An empty document of the current format and version.
    pub fn new() -> WorkflowDoc {
        WorkflowDoc {
            format: FORMAT.to_string(),
            version: VERSION,
            ..WorkflowDoc::default()
        }
    }

    /// How a role is shown to people: the name of the first role with this id, or the id itself
    /// when no role has it or its name is empty. Ids compare with surrounding spaces trimmed.
    pub fn role_name<'a>(&'a self, id: &'a str) -> &'a str {
        let id = id.trim();
        self.roles
            .iter()
            .find(|r| r.id.trim() == id)
            .map(|r| r.name.trim())
            .filter(|n| !n.is_empty())
            .unwrap_or(id)
    }
}

/// What kind of thing starts the work.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TriggerKind {
    /// Something happens: a claim is submitted, a parcel arrives.
    Event,
    /// A time comes round: every Monday, at month end.
    Schedule,
    /// Someone asks: a customer request, a ticket.
    Request,
    /// A threshold is crossed: stock falls below ten.
    Condition,
    /// Someone decides to start it by hand.
    Manual,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TriggerDoc {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<TriggerKind>,
    #[serde(default)]
    pub description: String,
    /// Artifacts that arrive with the trigger.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub provides: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleDoc {
    pub id: String,
    #[serde(default)]
    pub name: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepDoc {
    pub id: String,
    #[serde(default)]
    pub title: String,
    /// The id of the role that does the step.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inputs: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outputs: Vec<String>,
    /// Where work goes next. Absent: the next step in the list (the last step ends). `[]`: an end.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<Vec<NextDoc>>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextDoc {
    pub to: String,
    /// The condition of this branch of a decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    /// The channel of the handoff, if work changes hands here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutcomeDoc {
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub measure: String,
}
