//! Mechanical fixes: a change a rule can describe exactly, which the sandbox applies with one
//! click (and can undo). Each change is plain data, so it travels in the JSON output too.

use serde::{Deserialize, Serialize};

use crate::workflow::artifact;
use crate::workflow::document::{RoleDoc, StepDoc, TriggerKind, WorkflowDoc};

/// A fix: what it does, in words, and the change itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fix {
    pub description: String,
    pub change: Change,
}

/// One edit to a workflow document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "kebab-case")]
pub enum Change {
    /// Adds an artifact to a step's inputs.
    AddInput { step: String, artifact: String },
    /// Defines a role.
    AddRole { id: String, name: String },
    /// Deletes a role that no step uses.
    RemoveRole { role: String },
    /// Gives a step a role.
    SetRole { step: String, role: String },
    /// Deletes a `next` link. When it was the step's only link, the step ends the work (as the
    /// analysis already took a step whose links all lead nowhere), so no path changes.
    RemoveNext { step: String, to: String },
    /// Renames one of a step's inputs (to the name an earlier step produces it under).
    RenameInput { step: String, from: String, to: String },
    /// Moves a trigger written as an instruction into a new first step `id` with that title and
    /// role, and writes `trigger` as the trigger's description until the learner says what
    /// really happens.
    TriggerToStep {
        id: String,
        title: String,
        role: Option<String>,
        trigger: String,
    },
}

impl Change {
    /// The step the change edits, if it edits one.
    fn step(&self) -> Option<&str> {
        match self {
            Change::AddInput { step, .. }
            | Change::SetRole { step, .. }
            | Change::RemoveNext { step, .. }
            | Change::RenameInput { step, .. } => Some(step),
            Change::AddRole { .. } | Change::RemoveRole { .. } | Change::TriggerToStep { .. } => None,
        }
    }

    /// Whether the change can tell which step it edits: not when two steps share its id (until
    /// the learner gives each its own, such a fix could change the wrong one, so none is offered).
    pub fn is_unambiguous(&self, doc: &WorkflowDoc) -> bool {
        self.step()
            .is_none_or(|id| doc.steps.iter().filter(|s| s.id == id).count() == 1)
    }

    /// Applies the change. It fails, leaving the document as it was, when what it refers to is
    /// gone, or when two steps share the id of the step it edits.
    pub fn apply(&self, doc: &mut WorkflowDoc) -> Result<(), String> {
        if !self.is_unambiguous(doc) && self.step().is_some_and(|id| doc.steps.iter().any(|s| s.id == id)) {
            return Err(format!(
                "two steps have the id `{}`: give each its own first",
                self.step().unwrap_or_default()
            ));
        }
        let step_mut = |doc: &mut WorkflowDoc, id: &str| -> Result<usize, String> {
            doc.steps
                .iter()
                .position(|s| s.id == id)
                .ok_or_else(|| format!("there is no step `{id}` any more"))
        };
        match self {
            Change::AddInput { step, artifact: name } => {
                let i = step_mut(doc, step)?;
                let inputs = &mut doc.steps[i].inputs;
                if !inputs.iter().any(|x| artifact::key(x) == artifact::key(name)) {
                    inputs.push(name.clone());
                }
            }
            Change::AddRole { id, name } => {
                if !doc.roles.iter().any(|r| r.id == *id) {
                    doc.roles.push(RoleDoc {
                        id: id.clone(),
                        name: name.clone(),
                    });
                }
            }
            Change::RemoveRole { role } => {
                let before = doc.roles.len();
                doc.roles.retain(|r| r.id != *role);
                if doc.roles.len() == before {
                    return Err(format!("there is no role `{role}` any more"));
                }
            }
            Change::SetRole { step, role } => {
                let i = step_mut(doc, step)?;
                doc.steps[i].role = Some(role.clone());
            }
            Change::RemoveNext { step, to } => {
                let i = step_mut(doc, step)?;
                let next = doc.steps[i]
                    .next
                    .as_mut()
                    .ok_or_else(|| format!("`{step}` has no links any more"))?;
                let before = next.len();
                next.retain(|n| n.to != *to);
                if next.len() == before {
                    return Err(format!("`{step}` no longer links to `{to}`"));
                }
            }
            Change::RenameInput { step, from, to } => {
                let i = step_mut(doc, step)?;
                let inputs = &mut doc.steps[i].inputs;
                let at = inputs
                    .iter()
                    .position(|x| x == from)
                    .ok_or_else(|| format!("`{step}` no longer needs “{from}”"))?;
                if inputs.iter().any(|x| artifact::key(x) == artifact::key(to)) {
                    inputs.remove(at);
                } else {
                    inputs[at] = to.clone();
                }
            }
            Change::TriggerToStep {
                id,
                title,
                role,
                trigger,
            } => {
                if doc.steps.iter().any(|s| s.id == *id) {
                    return Err(format!("a step already has the id `{id}`"));
                }
                let t = doc.trigger.get_or_insert_with(Default::default);
                t.description = trigger.clone();
                t.kind.get_or_insert(TriggerKind::Request);
                doc.steps.insert(
                    0,
                    StepDoc {
                        id: id.clone(),
                        title: title.clone(),
                        role: role.clone(),
                        inputs: t.provides.clone(),
                        outputs: Vec::new(),
                        next: None,
                    },
                );
            }
        }
        Ok(())
    }
}
