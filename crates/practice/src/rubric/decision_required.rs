//! `decision-required`: when the scenario has a choice to make, some step leads two ways.
//!
//! A step is a decision when its `next` goes to two or more different steps.

use flowguide_engine::feedback::{Component, Context, Draft, Severity, Target};

use super::{scenario_says, Check, CheckDocs};
use crate::exercise::Rubric;

pub const CHECK: Check = Check {
    id: "decision-required",
    component: Component::Steps,
    why: "The scenario has a point where the work can go more than one way. A workflow that always goes the same way does not say what happens in the other case.",
    severity: [Some(Severity::Warning), Some(Severity::Error), Some(Severity::Error)],
    run,
};

pub const DOCS: CheckDocs = CheckDocs {
    id: "decision-required",
    title: "The decision the scenario describes is in the workflow",
    description: "When an exercise says its scenario has a decision, at least one step must lead to two or more different next steps, one for each answer. A condition on each branch (\"approved\", \"rejected\") says which way the work goes; the general rules check those conditions.",
    rubric: r#"{"decision":{"says":"the manager approves or rejects the claim"}}"#,
    poor: r#"{"format":"flowguide/workflow","version":1,"steps":[{"id":"review","title":"Review the claim"},{"id":"pay","title":"Pay the claim","next":[]}]}"#,
    good: r#"{"format":"flowguide/workflow","version":1,"steps":[{"id":"review","title":"Review the claim","next":[{"to":"pay","when":"approved"},{"to":"tell","when":"rejected"}]},{"id":"pay","title":"Pay the claim","next":[]},{"id":"tell","title":"Tell the employee why","next":[]}]}"#,
};

fn run(rubric: &Rubric, cx: &Context, out: &mut Vec<Draft>) {
    let Some(decision) = &rubric.decision else {
        return;
    };
    let branches = cx
        .graph
        .succ
        .iter()
        .any(|edges| edges.iter().any(|e| e.to != edges[0].to));
    if branches {
        return;
    }
    let lead = scenario_says(&decision.says, "The scenario has a decision to make".into());
    out.push(Draft::new(
        Target::Workflow,
        format!("{lead}, but no step leads two ways: add a step whose next steps depend on the answer."),
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(rubric: &str, doc: &str) -> Vec<String> {
        super::super::messages(&CHECK, rubric, doc)
    }

    #[test]
    fn a_decision_is_two_different_next_steps() {
        assert_eq!(
            messages(DOCS.rubric, DOCS.poor),
            ["The scenario says the manager approves or rejects the claim, but no step leads two ways: add a step whose next steps depend on the answer."]
        );
        let same_twice = r#"{"format":"flowguide/workflow","version":1,"steps":[{"id":"a","title":"Check","next":[{"to":"b","when":"yes"},{"to":"b","when":"no"}]},{"id":"b","title":"Send"}]}"#;
        assert_eq!(messages(r#"{"decision":{}}"#, same_twice).len(), 1);
        assert!(messages(r#"{}"#, DOCS.poor).is_empty());
    }
}
