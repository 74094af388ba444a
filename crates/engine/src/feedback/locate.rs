//! Where a finding points in a workflow: the [`Field`] a learner should change to act on it.
//!
//! The engine names fields, not elements: an editor maps each [`Field`] to its own element ids
//! (with [`Field::key`] and the id scope of that editor), so "go to the problem" is one lookup,
//! tested here, and the engine never knows how a page is built.

use super::fix::Change;
use super::{Finding, Target};
use crate::workflow::artifact;
use crate::workflow::WorkflowDoc;

/// A part of one step that a learner can edit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StepPart {
    Title,
    Role,
    Inputs,
    Outputs,
    /// Where work goes after the step.
    After,
}

impl StepPart {
    pub const ALL: [StepPart; 5] = [
        StepPart::Title,
        StepPart::Role,
        StepPart::Inputs,
        StepPart::Outputs,
        StepPart::After,
    ];

    pub fn key(self) -> &'static str {
        match self {
            StepPart::Title => "title",
            StepPart::Role => "role",
            StepPart::Inputs => "inputs",
            StepPart::Outputs => "outputs",
            StepPart::After => "after",
        }
    }
}

/// One editable field of a workflow, by meaning.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Name,
    TriggerKind,
    TriggerDescription,
    TriggerProvides,
    OutcomeDescription,
    OutcomeMeasure,
    /// The control that adds a step (for findings about steps that do not exist yet).
    AddStep,
    /// The control that adds a role.
    AddRole,
    /// The name of role `i` (by position in the document).
    RoleName(usize),
    /// A part of step `i` (by position in the document).
    Step(usize, StepPart),
}

impl Field {
    /// A stable key for the field, unique within one workflow: `name`, `trigger-kind`,
    /// `role-2-name`, `step-3-title`. Editors build element ids from it and their own scope.
    pub fn key(self) -> String {
        match self {
            Field::Name => "name".into(),
            Field::TriggerKind => "trigger-kind".into(),
            Field::TriggerDescription => "trigger-description".into(),
            Field::TriggerProvides => "trigger-provides".into(),
            Field::OutcomeDescription => "outcome-description".into(),
            Field::OutcomeMeasure => "outcome-measure".into(),
            Field::AddStep => "add-step".into(),
            Field::AddRole => "add-role".into(),
            Field::RoleName(i) => format!("role-{i}-name"),
            Field::Step(i, part) => format!("step-{i}-{}", part.key()),
        }
    }
}

/// The field a finding concerns.
pub fn field_of(doc: &WorkflowDoc, finding: &Finding) -> Field {
    let step_index = |id: &str| doc.steps.iter().position(|s| s.id == id);
    let rule = finding.rule.as_str();
    match &finding.target {
        Target::Step { id } => {
            let Some(i) = step_index(id) else {
                return Field::AddStep;
            };
            let part = match rule {
                "step-without-role" | "undefined-role" => StepPart::Role,
                "step-without-data" => StepPart::Inputs,
                "unknown-next-step"
                | "loop-without-exit"
                | "branch-without-condition"
                | "decision-without-otherwise" => StepPart::After,
                _ => StepPart::Title,
            };
            Field::Step(i, part)
        }
        Target::Edge { from, .. } => step_index(from).map_or(Field::AddStep, |i| Field::Step(i, StepPart::After)),
        Target::Role { id } => match doc.roles.iter().position(|r| r.id.trim() == id.trim()) {
            Some(i) => Field::RoleName(i),
            None => doc
                .steps
                .iter()
                .position(|s| s.role.as_deref().map(str::trim) == Some(id.trim()))
                .map_or(Field::AddRole, |i| Field::Step(i, StepPart::Role)),
        },
        Target::Artifact { name } => {
            let key = artifact::key(name);
            let has = |list: &[String]| list.iter().any(|x| artifact::key(x) == key);
            let (first, second) = if rule == "unused-output" {
                (StepPart::Outputs, StepPart::Inputs)
            } else {
                (StepPart::Inputs, StepPart::Outputs)
            };
            for part in [first, second] {
                let found = doc.steps.iter().position(|s| {
                    has(if part == StepPart::Inputs {
                        &s.inputs
                    } else {
                        &s.outputs
                    })
                });
                if let Some(i) = found {
                    return Field::Step(i, part);
                }
            }
            Field::TriggerProvides
        }
        Target::Trigger if rule == "trigger-without-kind" => Field::TriggerKind,
        Target::Trigger => Field::TriggerDescription,
        Target::Outcome if rule == "unmeasurable-outcome" || rule == "outcome-without-measure" => Field::OutcomeMeasure,
        Target::Outcome => Field::OutcomeDescription,
        Target::Workflow => match rule {
            "no-handoff" | "step-without-role" => {
                if doc.steps.is_empty() {
                    Field::AddStep
                } else {
                    Field::Step(0, StepPart::Role)
                }
            }
            "step-without-data" if !doc.steps.is_empty() => Field::Step(0, StepPart::Inputs),
            "no-steps" | "single-step" | "step-without-data" => Field::AddStep,
            _ => Field::Name,
        },
    }
}

/// The field a fix changed, in the document after the fix: where an editor puts the focus once
/// the fix is applied (a fix about step 3's role lands on step 3's role, not on the field the
/// finding first pointed at).
pub fn changed_by(doc: &WorkflowDoc, change: &Change) -> Field {
    let step = |id: &str, part: StepPart| {
        doc.steps
            .iter()
            .position(|s| s.id == id)
            .map_or(Field::AddStep, |i| Field::Step(i, part))
    };
    match change {
        Change::AddInput { step: s, .. } => step(s, StepPart::Inputs),
        Change::SetRole { step: s, .. } => step(s, StepPart::Role),
        Change::RemoveNext { step: s, .. } => step(s, StepPart::After),
        Change::RenameInput { step: s, .. } => step(s, StepPart::Inputs),
        // The new trigger is a stand-in the learner should rewrite: focus it.
        Change::TriggerToStep { .. } => Field::TriggerDescription,
        Change::AddRole { id, .. } => doc
            .roles
            .iter()
            .position(|r| r.id == *id)
            .map_or(Field::AddRole, Field::RoleName),
        // The role is gone: what is left to focus is where roles are added.
        Change::RemoveRole { .. } => Field::AddRole,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feedback::{analyse, rules, Config};
    use crate::workflow::parse;

    /// Every finding of every rule's poor example points at a field that exists in its document.
    #[test]
    fn every_poor_example_finding_has_a_field() {
        for (rule, docs) in rules::documented() {
            let doc = parse(docs.poor).unwrap();
            let report = analyse(&doc, &Config::default());
            let findings: Vec<_> = report.components.iter().flat_map(|(_, r)| r.findings.iter()).collect();
            assert!(!findings.is_empty(), "{} finds nothing in its poor example", rule.id);
            for f in findings {
                let field = field_of(&doc, f);
                let exists = match field {
                    Field::RoleName(i) => i < doc.roles.len(),
                    Field::Step(i, _) => i < doc.steps.len(),
                    _ => true,
                };
                assert!(exists, "{}: {} → {field:?}", rule.id, f.message);
            }
        }
    }

    /// Every fix any rule offers on its poor example lands on a field that exists after the fix,
    /// and that field is the part the fix changed.
    #[test]
    fn a_fix_points_at_what_it_changed() {
        let mut fixes = 0;
        for (_, docs) in rules::documented() {
            let doc = parse(docs.poor).unwrap();
            let report = analyse(&doc, &Config::default());
            for f in report.components.iter().flat_map(|(_, r)| r.findings.iter()) {
                let Some(fix) = &f.fix else { continue };
                let mut after = doc.clone();
                fix.change.apply(&mut after).unwrap();
                let field = changed_by(&after, &fix.change);
                fixes += 1;
                match (&fix.change, field) {
                    (Change::AddInput { step, artifact }, Field::Step(i, StepPart::Inputs)) => {
                        assert_eq!(after.steps[i].id, *step);
                        assert!(after.steps[i].inputs.contains(artifact));
                    }
                    (Change::SetRole { step, role }, Field::Step(i, StepPart::Role)) => {
                        assert_eq!(after.steps[i].id, *step);
                        assert_eq!(after.steps[i].role.as_deref(), Some(role.as_str()));
                    }
                    (Change::RemoveNext { step, .. }, Field::Step(i, StepPart::After)) => {
                        assert_eq!(after.steps[i].id, *step)
                    }
                    (Change::AddRole { id, .. }, Field::RoleName(i)) => assert_eq!(after.roles[i].id, *id),
                    (Change::RemoveRole { .. }, Field::AddRole) => {}
                    (Change::RenameInput { step, to, .. }, Field::Step(i, StepPart::Inputs)) => {
                        assert_eq!(after.steps[i].id, *step);
                        assert!(after.steps[i].inputs.contains(to));
                    }
                    (Change::TriggerToStep { trigger, .. }, Field::TriggerDescription) => {
                        assert_eq!(after.trigger.as_ref().unwrap().description, *trigger);
                    }
                    (change, field) => panic!("{change:?} points at {field:?}"),
                }
            }
        }
        assert!(fixes >= 3, "only {fixes} fixes were tried");
    }

    #[test]
    fn keys_are_unique_per_field() {
        let mut fields = vec![
            Field::Name,
            Field::TriggerKind,
            Field::TriggerDescription,
            Field::TriggerProvides,
            Field::OutcomeDescription,
            Field::OutcomeMeasure,
            Field::AddStep,
            Field::AddRole,
        ];
        for i in 0..12 {
            fields.push(Field::RoleName(i));
            fields.extend(StepPart::ALL.map(|p| Field::Step(i, p)));
        }
        let keys: std::collections::HashSet<String> = fields.iter().map(|f| f.key()).collect();
        assert_eq!(keys.len(), fields.len());
        assert_eq!(Field::Step(3, StepPart::Title).key(), "step-3-title");
        assert_eq!(Field::RoleName(2).key(), "role-2-name");
    }

    #[test]
    fn fields_follow_the_rule() {
        let doc = parse(include_str!("../../tests/data/expense.json")).unwrap();
        let finding = |rule: &str, target: Target| Finding {
            rule: rule.into(),
            severity: crate::feedback::Severity::Warning,
            message: String::new(),
            target,
            why: String::new(),
            fix: None,
            url: String::new(),
        };
        let step = |id: &str| Target::Step { id: id.into() };
        assert_eq!(
            field_of(&doc, &finding("step-without-role", step("pay"))),
            Field::Step(2, StepPart::Role)
        );
        assert_eq!(
            field_of(&doc, &finding("vague-wording", step("fix"))),
            Field::Step(1, StepPart::Title)
        );
        assert_eq!(field_of(&doc, &finding("vague-wording", step("gone"))), Field::AddStep);
        let art = |n: &str| Target::Artifact { name: n.into() };
        assert_eq!(
            field_of(&doc, &finding("unused-output", art("Payment"))),
            Field::Step(2, StepPart::Outputs)
        );
        assert_eq!(
            field_of(&doc, &finding("input-without-source", art("receipts"))),
            Field::Step(0, StepPart::Inputs)
        );
        assert_eq!(field_of(&doc, &finding("x", art("nowhere"))), Field::TriggerProvides);
        let edge = Target::Edge {
            from: "fix".into(),
            to: "review".into(),
        };
        assert_eq!(
            field_of(&doc, &finding("empty-handoff", edge)),
            Field::Step(1, StepPart::After)
        );
        assert_eq!(
            field_of(&doc, &finding("unused-role", Target::Role { id: "finance".into() })),
            Field::RoleName(2)
        );
        assert_eq!(
            field_of(&doc, &finding("unmeasurable-outcome", Target::Outcome)),
            Field::OutcomeMeasure
        );
        assert_eq!(
            field_of(&doc, &finding("trigger-without-kind", Target::Trigger)),
            Field::TriggerKind
        );
    }
}
