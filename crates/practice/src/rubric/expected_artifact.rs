//! `expected-artifact`: every artifact the scenario names is taken or made by the workflow.
//!
//! An artifact counts when it is among what the trigger brings, or a step's inputs or outputs,
//! under its expected name or a synonym ([`super::matches`]).

use flowguide_engine::feedback::{Component, Context, Draft, Severity, Target};

use super::{matches, scenario_says, Check, CheckDocs};
use crate::exercise::Rubric;

pub const CHECK: Check = Check {
    id: "expected-artifact",
    component: Component::InputsOutputs,
    why: "The scenario names what the work takes in and hands on. When one of these never appears, a step works without what it needs, or the result it should make is lost.",
    severity: [Some(Severity::Warning), Some(Severity::Error), Some(Severity::Error)],
    run,
};

pub const DOCS: CheckDocs = CheckDocs {
    id: "expected-artifact",
    title: "Every artifact the scenario names is used or made",
    description: "Each artifact the exercise expects must appear in the workflow: among what the trigger brings, or as a step's input or output. It matches by its name, ignoring case and spacing, or by one of the synonyms the exercise lists (\"receipt\" for \"proof of purchase\"). A plural or a small typo still matches.",
    rubric: r#"{"artifacts":[{"name":"receipts","synonyms":["proof of purchase"],"says":"the employee attaches the receipts"}]}"#,
    poor: r#"{"format":"flowguide/workflow","version":1,"trigger":{"description":"An employee submits a claim","provides":["expense claim"]},"steps":[{"id":"check","title":"Check the claim","inputs":["expense claim"],"outputs":["decision"]}]}"#,
    good: r#"{"format":"flowguide/workflow","version":1,"trigger":{"description":"An employee submits a claim","provides":["expense claim","receipt"]},"steps":[{"id":"check","title":"Check the claim","inputs":["expense claim","receipt"],"outputs":["decision"]}]}"#,
};

fn run(rubric: &Rubric, cx: &Context, out: &mut Vec<Draft>) {
    let doc = cx.doc;
    let provided = doc.trigger.iter().flat_map(|t| t.provides.iter());
    let used = doc.steps.iter().flat_map(|s| s.inputs.iter().chain(s.outputs.iter()));
    let names: Vec<&String> = provided.chain(used).collect();
    for expected in &rubric.artifacts {
        if names.iter().any(|n| matches(expected, n)) {
            continue;
        }
        let name = expected.name.split_whitespace().collect::<Vec<_>>().join(" ");
        let message = match scenario_says(&expected.says, String::new()) {
            lead if lead.is_empty() => {
                format!("The scenario expects “{name}” in the work, but no step takes or makes it.")
            }
            lead => format!("{lead}, but no step takes or makes “{name}”."),
        };
        out.push(Draft::new(Target::Artifact { name }, message));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(rubric: &str, doc: &str) -> Vec<String> {
        super::super::messages(&CHECK, rubric, doc)
    }

    #[test]
    fn messages_name_the_artifact() {
        assert_eq!(
            messages(DOCS.rubric, DOCS.poor),
            ["The scenario says the employee attaches the receipts, but no step takes or makes “receipts”."]
        );
        assert_eq!(
            messages(r#"{"artifacts":[{"name":"invoice"}]}"#, DOCS.poor),
            ["The scenario expects “invoice” in the work, but no step takes or makes it."]
        );
    }

    #[test]
    fn outputs_and_synonyms_count() {
        assert!(messages(r#"{"artifacts":[{"name":"Decision"}]}"#, DOCS.poor).is_empty());
        assert!(messages(
            r#"{"artifacts":[{"name":"verdict","synonyms":["decisions"]}]}"#,
            DOCS.poor
        )
        .is_empty());
    }
}
