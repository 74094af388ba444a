//! Builds realistic workflows of any size, for benchmarks and tests: roles take turns, each step
//! uses what the step before it made, every tenth step is a decision with a rework loop back.

use super::document::{NextDoc, OutcomeDoc, RoleDoc, StepDoc, TriggerDoc, TriggerKind, WorkflowDoc};

/// A well-formed workflow with `steps` steps.
pub fn workflow(steps: usize) -> WorkflowDoc {
    let roles = steps.clamp(1, 5);
    let mut doc = WorkflowDoc::new();
    doc.name = format!("Generated workflow with {steps} steps");
    doc.trigger = Some(TriggerDoc {
        kind: Some(TriggerKind::Request),
        description: "A customer sends a request".into(),
        provides: vec!["request".into()],
    });
    doc.roles = (0..roles)
        .map(|r| RoleDoc {
            id: format!("r{r}"),
            name: format!("Team {r}"),
        })
        .collect();
    for i in 0..steps {
        let mut inputs = vec![if i == 0 {
            "request".to_string()
        } else {
            format!("result {}", i - 1)
        }];
        let mut outputs = vec![format!("result {i}")];
        if i % 10 == 9 && i >= 2 && i + 1 < steps {
            outputs.push(format!("review notes {i}"));
        }
        // The step a decision sends work back to reads the decision's notes.
        if i % 10 == 7 && i + 3 < steps {
            inputs.push(format!("review notes {}", i + 2));
        }
        let next = if i + 1 == steps {
            Some(vec![])
        } else if i % 10 == 9 && i >= 2 {
            // A decision: go on, or send the work back two steps for rework.
            Some(vec![
                NextDoc {
                    to: format!("s{}", i + 1),
                    when: Some("complete".into()),
                    via: None,
                },
                NextDoc {
                    to: format!("s{}", i - 2),
                    when: Some("needs rework".into()),
                    via: Some("ticket queue".into()),
                },
            ])
        } else {
            None
        };
        doc.steps.push(StepDoc {
            id: format!("s{i}"),
            title: format!("Review part {i} of the request"),
            role: Some(format!("r{}", i % roles)),
            inputs,
            outputs,
            next,
        });
    }
    doc.outcome = Some(OutcomeDoc {
        description: "The customer gets an answer".into(),
        measure: "Within 2 working days".into(),
    });
    doc
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feedback::{analyse, Config, Status};

    #[test]
    fn generated_workflows_are_sound_at_every_size() {
        for n in [2, 10, 100, 1000] {
            let r = analyse(&workflow(n), &Config::default());
            for (c, report) in r.components.iter() {
                assert_ne!(report.status, Status::Missing, "{n} steps: {} missing", c.key());
            }
            let problems: Vec<_> = r.components.iter().flat_map(|(_, c)| &c.findings).collect();
            assert!(problems.is_empty(), "{n} steps: {problems:#?}");
        }
    }
}
