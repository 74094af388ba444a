//! `expected-role`: every role the scenario names does at least one step.
//!
//! A role counts when the name or id of a role that does a step is the expected name or one of
//! its synonyms ([`super::matches`]). A role that is listed but does no step does not count: the
//! scenario is about who does the work.

use flowguide_engine::feedback::{Component, Context, Draft, Severity, Target};
use flowguide_engine::workflow::graph::role_of;

use super::{matches, scenario_says, Check, CheckDocs};
use crate::exercise::Rubric;

pub const CHECK: Check = Check {
    id: "expected-role",
    component: Component::Roles,
    why: "The scenario names who does the work. When a role it names does no step, part of the work has no owner, or was given to someone else.",
    severity: [Some(Severity::Warning), Some(Severity::Error), Some(Severity::Error)],
    run,
};

pub const DOCS: CheckDocs = CheckDocs {
    id: "expected-role",
    title: "Every role the scenario names does a step",
    description: "Each role the exercise expects must do at least one step. A role matches by its name or id, ignoring case and spacing, or by one of the synonyms the exercise lists (\"line manager\" for \"manager\"). A plural or a small typo still matches.\n\nA role that is listed but does no step does not count.",
    rubric: r#"{"roles":[{"name":"Finance","synonyms":["finance team","accounts payable"],"says":"Finance pays the claim"}]}"#,
    poor: r#"{"format":"flowguide/workflow","version":1,"roles":[{"id":"manager","name":"Manager"},{"id":"finance","name":"Finance team"}],"steps":[{"id":"approve","title":"Approve the claim","role":"manager"},{"id":"pay","title":"Pay the claim","role":"manager"}]}"#,
    good: r#"{"format":"flowguide/workflow","version":1,"roles":[{"id":"manager","name":"Manager"},{"id":"finance","name":"Finance team"}],"steps":[{"id":"approve","title":"Approve the claim","role":"manager"},{"id":"pay","title":"Pay the claim","role":"finance"}]}"#,
};

fn run(rubric: &Rubric, cx: &Context, out: &mut Vec<Draft>) {
    let doc = cx.doc;
    for expected in &rubric.roles {
        let name = expected.name.trim();
        let does_a_step = doc
            .steps
            .iter()
            .filter_map(role_of)
            .any(|id| matches(expected, id) || matches(expected, doc.role_name(id)));
        if does_a_step {
            continue;
        }
        let listed = doc
            .roles
            .iter()
            .find(|r| matches(expected, &r.name) || matches(expected, &r.id));
        let lead = scenario_says(
            &expected.says,
            format!("The scenario expects {name} to do part of the work"),
        );
        let (target, message) = match listed {
            Some(role) => (
                Target::Role { id: role.id.clone() },
                format!(
                    "{lead}, but no step is done by {name}: the role “{}” is listed, but no step has it.",
                    doc.role_name(&role.id)
                ),
            ),
            None => (Target::Workflow, format!("{lead}, but no step is done by {name}.")),
        };
        out.push(Draft::new(target, message));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(rubric: &str, doc: &str) -> Vec<String> {
        super::super::messages(&CHECK, rubric, doc)
    }

    #[test]
    fn the_message_quotes_the_scenario() {
        assert_eq!(
            messages(DOCS.rubric, DOCS.poor),
            ["The scenario says Finance pays the claim, but no step is done by Finance: the role “Finance team” is listed, but no step has it."]
        );
        let none = r#"{"format":"flowguide/workflow","version":1,"steps":[{"id":"a","title":"Pay","role":"boss"}]}"#;
        assert_eq!(
            messages(r#"{"roles":[{"name":"Finance"}]}"#, none),
            ["The scenario expects Finance to do part of the work, but no step is done by Finance."]
        );
    }

    #[test]
    fn a_role_named_only_by_its_id_on_a_step_counts() {
        let doc = r#"{"format":"flowguide/workflow","version":1,"steps":[{"id":"a","title":"Pay","role":"accounts-payable"}]}"#;
        assert_eq!(messages(DOCS.rubric, doc), Vec::<String>::new());
    }
}
