//! What was built: a task, a workflow, a project or a process, with the reason in plain words,
//! and the weighted overall score.

use serde::{Deserialize, Serialize};

use super::{Components, Context};
use crate::workflow::graph::role_of;

/// The kind of work a document describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Classification {
    /// One unit of work by one person.
    Task,
    /// A repeatable sequence of steps from a trigger to an outcome, across roles.
    Workflow,
    /// A one-off effort towards a deadline or a unique deliverable.
    Project,
    /// A broader practice that spans several workflows.
    Process,
}

impl Classification {
    pub fn key(self) -> &'static str {
        match self {
            Classification::Task => "task",
            Classification::Workflow => "workflow",
            Classification::Project => "project",
            Classification::Process => "process",
        }
    }
}

/// The overall verdict.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Overall {
    /// 0 to 100: the component scores weighted (steps 25, handoffs 20, roles, inputs and outputs
    /// and outcome 15 each, trigger 10).
    pub score: u32,
    pub classification: Classification,
    /// Why, in one plain sentence.
    pub reason: String,
    /// What the sandbox says: "What you built is closer to a task: …".
    pub message: String,
}

pub(crate) fn overall(cx: &Context, components: &Components) -> Overall {
    let score = components.iter().map(|(c, r)| c.weight() * r.score).sum::<u32>() / 100;
    let (classification, reason) = classify(cx);
    // A workflow runs from a trigger to an outcome: while a component is missing, the message says
    // so instead of calling it a workflow beside a "missing" badge.
    let missing: Vec<&str> = components
        .iter()
        .filter(|(_, r)| r.status == super::Status::Missing)
        .map(|(c, _)| match c {
            super::Component::Trigger => "no trigger",
            super::Component::Steps => "no steps",
            super::Component::Roles => "no roles",
            super::Component::Handoffs => "no handoffs",
            super::Component::InputsOutputs => "no inputs or outputs",
            super::Component::Outcome => "no outcome",
        })
        .collect();
    let message = match (classification, missing.split_last()) {
        (Classification::Workflow, None) => format!("What you built is a workflow: {reason}."),
        (Classification::Workflow, Some((last, []))) => {
            format!("What you built has the shape of a workflow ({reason}), but it is not whole yet: it has {last}.")
        }
        (Classification::Workflow, Some((last, rest))) => format!(
            "What you built has the shape of a workflow ({reason}), but it is not whole yet: it has {} and {last}.",
            rest.join(", ")
        ),
        (other, _) => format!("What you built is closer to a {}: {reason}.", other.key()),
    };
    Overall {
        score,
        classification,
        reason,
        message,
    }
}

fn classify(cx: &Context) -> (Classification, String) {
    let doc = cx.doc;
    let g = &cx.graph;
    let n = doc.steps.len();
    if n == 0 {
        return (
            Classification::Task,
            "a workflow needs at least two steps and a handoff, and this has no steps yet".into(),
        );
    }
    if n == 1 {
        return (
            Classification::Task,
            "a workflow needs at least two steps and a handoff, and this has one step".into(),
        );
    }
    // A process is told by its structure, never by its length: 2,000 steps in a line are one
    // long workflow.
    let big_parts = g.weakly_connected_parts().into_iter().filter(|p| p.len() >= 2).count();
    if big_parts >= 2 {
        return (
            Classification::Process,
            format!(
                "its steps form {big_parts} separate sequences that never meet, like several workflows side by side"
            ),
        );
    }
    let whole: Vec<usize> = (0..n)
        .filter(|&i| match cx.words {
            Some(w) => w.names_a_workflow_in(cx.title_words(i)),
            None => cx.title_words(i).iter().any(|w| w.split('-').any(|p| p == "workflow")),
        })
        .collect();
    if whole.len() >= 2 && whole.len() * 3 >= n {
        return (
            Classification::Process,
            format!(
                "{} of its steps are whole workflows in themselves (such as {}), so it describes a process that groups several workflows, each with its own trigger and outcome",
                whole.len(),
                cx.step_name(whole[0])
            ),
        );
    }
    // A project is told by a one-off goal: a deadline or a one-off effort in the trigger, the
    // outcome or the steps. A year in the name alone ("Leave policy, 2025 edition") is a revision,
    // not a deadline.
    if let Some(w) = cx.words {
        let text = [
            doc.outcome.as_ref().map_or("", |o| o.description.as_str()),
            doc.outcome.as_ref().map_or("", |o| o.measure.as_str()),
            doc.trigger.as_ref().map_or("", |t| t.description.as_str()),
        ]
        .join(" . ");
        let in_steps: Vec<(String, bool)> = (0..n).filter_map(|i| w.one_off_in_text(cx.title_words(i))).collect();
        let found = w
            .one_off_in(&text)
            .or_else(|| in_steps.iter().find(|(_, deadline)| *deadline).cloned())
            .or_else(|| (in_steps.len() >= 2).then(|| in_steps[0].clone()));
        if let Some((why, _)) = found {
            return (
                Classification::Project,
                format!(
                    "{why}, so it reads as a one-off effort rather than work that repeats each time its trigger happens"
                ),
            );
        }
    }
    if g.handoffs.is_empty() {
        let roles: rustc_hash::FxHashSet<&str> = doc.steps.iter().filter_map(role_of).collect();
        let who = if roles.is_empty() {
            "no step says who does it"
        } else {
            "one role does every step"
        };
        return (
            Classification::Task,
            format!("{who}, so work never changes hands; a workflow needs at least two steps and a handoff"),
        );
    }
    let roles = doc
        .steps
        .iter()
        .filter_map(role_of)
        .collect::<rustc_hash::FxHashSet<_>>()
        .len();
    let handoffs = g.handoffs.len();
    (
        Classification::Workflow,
        format!(
            "{n} steps move work between {roles} roles, with {handoffs} handoff{}",
            if handoffs == 1 { "" } else { "s" }
        ),
    )
}

#[cfg(test)]
mod tests {
    use crate::feedback::Component;

    #[test]
    fn spots_deadlines_and_unique_deliverables() {
        let en = crate::feedback::lexicon::english();
        let project_wording = |t: &str| en.one_off_in(t);
        assert!(project_wording("Hire five engineers by March").is_some());
        assert!(project_wording("Open the new branch before 2027").is_some());
        assert!(project_wording("Launch the new website").is_some());
        assert!(project_wording("Finish by the end of the quarter").is_some());
        assert!(project_wording("Payment reaches the employee within 10 working days").is_none());
        assert!(project_wording("Review claims every month").is_none());
        assert!(project_wording("The customer may return goods").is_none());
        assert!(project_wording("Leave policy, 2025 edition").is_none());
        assert!(project_wording("Open the post every morning").is_none());
    }

    #[test]
    fn weights_add_up_to_100() {
        assert_eq!(Component::ALL.iter().map(|c| c.weight()).sum::<u32>(), 100);
    }
}
