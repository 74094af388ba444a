//! How far a learner has got: which of the six components they have begun. A newcomer's sandbox
//! should not greet them with a score of 0 and a list of problems; a component nobody has
//! touched yet is "not started", not wrong. This module says which those are; the feedback itself
//! is unchanged, and a learner can always ask to see all of it.

use super::Component;
use crate::workflow::graph::role_of;
use crate::workflow::WorkflowDoc;

/// Whether the learner has written anything for `component` yet.
pub fn started(doc: &WorkflowDoc, component: Component) -> bool {
    let any_role = !doc.roles.is_empty() || doc.steps.iter().any(|s| role_of(s).is_some());
    match component {
        Component::Trigger => doc
            .trigger
            .as_ref()
            .is_some_and(|t| t.kind.is_some() || !t.description.trim().is_empty() || !t.provides.is_empty()),
        Component::Steps => !doc.steps.is_empty(),
        Component::Roles => any_role,
        // Work changes hands between two steps done by roles: there is nothing to judge before.
        Component::Handoffs => doc.steps.len() >= 2 && any_role,
        Component::InputsOutputs => {
            doc.trigger.as_ref().is_some_and(|t| !t.provides.is_empty())
                || doc.steps.iter().any(|s| !s.inputs.is_empty() || !s.outputs.is_empty())
        }
        Component::Outcome => doc
            .outcome
            .as_ref()
            .is_some_and(|o| !o.description.trim().is_empty() || !o.measure.trim().is_empty()),
    }
}

/// Whether nothing at all has been written: no name and no component started.
pub fn untouched(doc: &WorkflowDoc) -> bool {
    doc.name.trim().is_empty() && !Component::ALL.into_iter().any(|c| started(doc, c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workflow::document::{OutcomeDoc, StepDoc, TriggerDoc};
    use crate::workflow::generate;

    #[test]
    fn a_blank_workflow_has_nothing_started() {
        let doc = WorkflowDoc::new();
        assert!(untouched(&doc));
        assert!(Component::ALL.into_iter().all(|c| !started(&doc, c)));
    }

    #[test]
    fn a_whole_workflow_has_everything_started() {
        let doc = generate::workflow(5);
        assert!(!untouched(&doc));
        assert!(Component::ALL.into_iter().all(|c| started(&doc, c)));
    }

    #[test]
    fn each_component_starts_with_its_own_first_words() {
        let mut doc = WorkflowDoc::new();
        doc.name = "Library book loan".into();
        assert!(!untouched(&doc), "a name is a start");
        assert!(
            Component::ALL.into_iter().all(|c| !started(&doc, c)),
            "but no component has begun"
        );
        doc.trigger = Some(TriggerDoc {
            description: "A member asks to borrow a book".into(),
            ..TriggerDoc::default()
        });
        assert!(started(&doc, Component::Trigger));
        assert!(!started(&doc, Component::InputsOutputs));
        doc.steps.push(StepDoc {
            id: "s1".into(),
            title: "Check the member's card".into(),
            ..StepDoc::default()
        });
        assert!(started(&doc, Component::Steps));
        assert!(!started(&doc, Component::Roles) && !started(&doc, Component::Handoffs));
        doc.steps[0].role = Some("desk".into());
        assert!(started(&doc, Component::Roles));
        assert!(!started(&doc, Component::Handoffs), "one step cannot hand over");
        doc.steps.push(StepDoc {
            id: "s2".into(),
            ..StepDoc::default()
        });
        assert!(started(&doc, Component::Handoffs));
        doc.steps[1].outputs.push("loan record".into());
        assert!(started(&doc, Component::InputsOutputs));
        doc.outcome = Some(OutcomeDoc {
            measure: "Within 5 minutes".into(),
            ..OutcomeDoc::default()
        });
        assert!(started(&doc, Component::Outcome));
    }

    #[test]
    fn whitespace_is_not_a_start() {
        let mut doc = WorkflowDoc::new();
        doc.name = "  ".into();
        doc.trigger = Some(TriggerDoc {
            description: "   ".into(),
            ..TriggerDoc::default()
        });
        doc.outcome = Some(OutcomeDoc {
            description: "\n".into(),
            ..OutcomeDoc::default()
        });
        assert!(untouched(&doc));
    }
}
