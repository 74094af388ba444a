//! Where a finding points in the sandbox's editor: the id of the field a learner should change.
//! The editor gives its fields these ids, so "go to the problem" is one lookup, tested here.
//!
//! Field ids: `wf-name`, `wf-trigger-kind`, `wf-trigger-description`, `wf-trigger-provides`,
//! `wf-outcome-description`, `wf-outcome-measure`, `wf-add-step`, `wf-role-{i}-name`, and for
//! step `i`: `wf-step-{i}-title`, `-role`, `-inputs`, `-outputs`, `-after`.

use super::{Finding, Target};
use crate::workflow::artifact;
use crate::workflow::WorkflowDoc;

/// The id of step `i`'s field `part` (`title`, `role`, `inputs`, `outputs`, `after`).
pub fn step_field(i: usize, part: &str) -> String {
    format!("wf-step-{i}-{part}")
}

/// The id of role `i`'s name field.
pub fn role_field(i: usize) -> String {
    format!("wf-role-{i}-name")
}

/// The field a finding concerns.
pub fn field_of(doc: &WorkflowDoc, finding: &Finding) -> String {
    let step_index = |id: &str| doc.steps.iter().position(|s| s.id == id);
    let rule = finding.rule.as_str();
    match &finding.target {
        Target::Step { id } => {
            let Some(i) = step_index(id) else {
                return "wf-add-step".into();
            };
            let part = match rule {
                "step-without-role" | "undefined-role" => "role",
                "step-without-data" => "inputs",
                "unknown-next-step" | "no-path-to-end" | "loop-without-exit" => "after",
                _ => "title",
            };
            step_field(i, part)
        }
        Target::Edge { from, .. } => step_index(from).map_or("wf-add-step".into(), |i| step_field(i, "after")),
        Target::Role { id } => match doc.roles.iter().position(|r| r.id.trim() == id.trim()) {
            Some(i) => role_field(i),
            None => doc
                .steps
                .iter()
                .position(|s| s.role.as_deref().map(str::trim) == Some(id.trim()))
                .map_or("wf-add-role".into(), |i| step_field(i, "role")),
        },
        Target::Artifact { name } => {
            let key = artifact::key(name);
            let has = |list: &[String]| list.iter().any(|x| artifact::key(x) == key);
            let (first, second) = if rule == "unused-output" {
                ("outputs", "inputs")
            } else {
                ("inputs", "outputs")
            };
            for part in [first, second] {
                let found = doc
                    .steps
                    .iter()
                    .position(|s| has(if part == "inputs" { &s.inputs } else { &s.outputs }));
                if let Some(i) = found {
                    return step_field(i, part);
                }
            }
            "wf-trigger-provides".into()
        }
        Target::Trigger if rule == "trigger-without-kind" => "wf-trigger-kind".into(),
        Target::Trigger => "wf-trigger-description".into(),
        Target::Outcome if rule == "unmeasurable-outcome" => "wf-outcome-measure".into(),
        Target::Outcome => "wf-outcome-description".into(),
        Target::Workflow => match rule {
            "no-handoff" | "step-without-role" => {
                if doc.steps.is_empty() {
                    "wf-add-step".into()
                } else {
                    step_field(0, "role")
                }
            }
            "step-without-data" if !doc.steps.is_empty() => step_field(0, "inputs"),
            "no-steps" | "single-step" | "step-without-data" => "wf-add-step".into(),
            _ => "wf-name".into(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feedback::{analyse, rules::RULES, Config};
    use crate::workflow::parse;

    /// Every finding of every rule's poor example points at a field the editor draws.
    #[test]
    fn every_poor_example_finding_has_a_field() {
        for rule in RULES {
            let doc = parse(rule.poor).unwrap();
            let report = analyse(&doc, &Config::default());
            let findings: Vec<_> = report.components.iter().flat_map(|(_, r)| r.findings.iter()).collect();
            for f in findings {
                let id = field_of(&doc, f);
                let known = ["wf-name", "wf-add-step", "wf-add-role"].contains(&id.as_str())
                    || id.starts_with("wf-trigger-")
                    || id.starts_with("wf-outcome-")
                    || id.strip_prefix("wf-role-").is_some_and(|r| {
                        r.strip_suffix("-name")
                            .and_then(|n| n.parse::<usize>().ok())
                            .is_some_and(|n| n < doc.roles.len())
                    })
                    || id.strip_prefix("wf-step-").is_some_and(|r| {
                        let (n, part) = r.split_once('-').unwrap();
                        n.parse::<usize>().is_ok_and(|n| n < doc.steps.len())
                            && ["title", "role", "inputs", "outputs", "after"].contains(&part)
                    });
                assert!(known, "{}: {} → {id}", rule.id, f.message);
            }
        }
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
            "wf-step-2-role"
        );
        assert_eq!(
            field_of(&doc, &finding("vague-wording", step("fix"))),
            "wf-step-1-title"
        );
        assert_eq!(field_of(&doc, &finding("vague-wording", step("gone"))), "wf-add-step");
        let art = |n: &str| Target::Artifact { name: n.into() };
        assert_eq!(
            field_of(&doc, &finding("unused-output", art("Payment"))),
            "wf-step-2-outputs"
        );
        assert_eq!(
            field_of(&doc, &finding("input-without-source", art("receipts"))),
            "wf-step-0-inputs"
        );
        assert_eq!(field_of(&doc, &finding("x", art("nowhere"))), "wf-trigger-provides");
        let edge = Target::Edge {
            from: "fix".into(),
            to: "review".into(),
        };
        assert_eq!(field_of(&doc, &finding("empty-handoff", edge)), "wf-step-1-after");
        assert_eq!(
            field_of(&doc, &finding("unused-role", Target::Role { id: "finance".into() })),
            "wf-role-2-name"
        );
        assert_eq!(
            field_of(&doc, &finding("unmeasurable-outcome", Target::Outcome)),
            "wf-outcome-measure"
        );
        assert_eq!(
            field_of(&doc, &finding("trigger-without-kind", Target::Trigger)),
            "wf-trigger-kind"
        );
    }
}
