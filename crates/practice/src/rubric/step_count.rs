//! `step-count`: the workflow has as many steps as the scenario needs, and not many more.

use flowguide_engine::feedback::{Component, Context, Draft, Severity, Target};

use super::{Check, CheckDocs};
use crate::exercise::Rubric;

pub const CHECK: Check = Check {
    id: "step-count",
    component: Component::Steps,
    why: "Too few steps leave out part of the scenario; far too many usually split one piece of work into several, which hides who does what.",
    severity: [Some(Severity::Tip), Some(Severity::Warning), Some(Severity::Error)],
    run,
};

pub const DOCS: CheckDocs = CheckDocs {
    id: "step-count",
    title: "The workflow has the number of steps the scenario needs",
    description: "An exercise may give a smallest and a largest number of steps. A workflow with fewer steps than the smallest number probably leaves part of the scenario out. One with more steps than the largest number probably splits single pieces of work into several steps.",
    rubric: r#"{"steps":{"min":3,"max":6}}"#,
    poor: r#"{"format":"flowguide/workflow","version":1,"steps":[{"id":"a","title":"Check the order"},{"id":"b","title":"Ship the order"}]}"#,
    good: r#"{"format":"flowguide/workflow","version":1,"steps":[{"id":"a","title":"Check the order"},{"id":"b","title":"Pack the order"},{"id":"c","title":"Ship the order"}]}"#,
};

fn run(rubric: &Rubric, cx: &Context, out: &mut Vec<Draft>) {
    let n = cx.doc.steps.len() as u64;
    let steps = |k: u64| {
        if k == 1 {
            "1 step".to_string()
        } else {
            format!("{k} steps")
        }
    };
    if let Some(min) = rubric.steps.min.map(u64::from).filter(|&m| n < m) {
        out.push(Draft::new(
            Target::Workflow,
            format!(
                "The scenario needs at least {}, and this workflow has {}: part of the work is not described yet.",
                steps(min),
                steps(n)
            ),
        ));
    }
    if let Some(max) = rubric.steps.max.map(u64::from).filter(|&m| n > m) {
        out.push(Draft::new(
            Target::Workflow,
            format!(
                "The scenario fits in at most {}, and this workflow has {}: some steps may be one piece of work split in two.",
                steps(max),
                steps(n)
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(rubric: &str, doc: &str) -> Vec<String> {
        super::super::messages(&CHECK, rubric, doc)
    }

    #[test]
    fn both_bounds_are_checked() {
        assert_eq!(
            messages(DOCS.rubric, DOCS.poor),
            ["The scenario needs at least 3 steps, and this workflow has 2 steps: part of the work is not described yet."]
        );
        assert_eq!(
            messages(r#"{"steps":{"max":1}}"#, DOCS.good),
            ["The scenario fits in at most 1 step, and this workflow has 3 steps: some steps may be one piece of work split in two."]
        );
        assert!(messages(r#"{}"#, DOCS.poor).is_empty());
        assert!(messages(r#"{"steps":{"min":2,"max":2}}"#, DOCS.poor).is_empty());
    }
}
