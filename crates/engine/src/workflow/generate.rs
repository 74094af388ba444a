//! Builds realistic workflows of any size, for benchmarks and tests: roles take turns, each step
//! uses what the step before it made, every tenth step is a decision with a rework loop back; and
//! irregular ones from a seed, for tests of the diagram.

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

/// A workflow of `steps` steps shaped by `seed`, for tests of the diagram: one to six roles (some
/// with long names, some steps with none), branches with conditions, joins, loops back and to the
/// same step, ends part-way, channels on links, handoffs carrying one thing, several or nothing,
/// and titles of up to 200 characters in several scripts, some with a word too long for a line.
/// The same inputs always give the same document.
pub fn varied(steps: usize, seed: u64) -> WorkflowDoc {
    const WORDS: [&str; 16] = [
        "Review",
        "the",
        "claim",
        "and",
        "send",
        "it",
        "on",
        "проверить",
        "заявку",
        "مراجعة",
        "الطلب",
        "確認して送信する",
        "😀",
        "Überprüfung",
        "naïve",
        "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenherstellerinnung",
    ];
    const WHEN: [&str; 5] = [
        "approved",
        "rejected",
        "needs more information from the customer before anyone can go on",
        "over the limit",
        "yes",
    ];
    const VIA: [&str; 4] = [
        "email",
        "returns trolley",
        "the shared drive folder of the regional team",
        "phone",
    ];
    // splitmix64: small, and good enough to shape test documents.
    let mut state = seed;
    let mut rand = move |m: usize| {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) % m.max(1) as u64) as usize
    };
    let roles = 1 + rand(6);
    let mut doc = WorkflowDoc::new();
    doc.name = format!("Varied workflow {seed}");
    doc.trigger = Some(TriggerDoc {
        kind: Some(TriggerKind::Event),
        description: "Something arrives".into(),
        provides: vec!["case file".into()],
    });
    doc.roles = (0..roles)
        .map(|r| RoleDoc {
            id: format!("r{r}"),
            name: if rand(3) == 0 {
                format!("Regional customer operations and complaints team {r}")
            } else {
                format!("Team {r}")
            },
        })
        .collect();
    for i in 0..steps {
        let want = 1 + rand(200);
        let mut title = String::new();
        while title.chars().count() < want {
            if !title.is_empty() {
                title.push(' ');
            }
            title.push_str(WORDS[rand(WORDS.len())]);
        }
        let next = match rand(8) {
            _ if i + 1 == steps => Some(Vec::new()),
            0 => None,
            1 if i > 0 => Some(Vec::new()),
            _ => Some(
                (0..1 + rand(3))
                    .map(|_| NextDoc {
                        // Mostly forward, sometimes back (a loop) or to the same step.
                        to: format!(
                            "s{}",
                            if rand(5) == 0 {
                                rand(i + 1)
                            } else {
                                (i + 1 + rand(3)).min(steps - 1)
                            }
                        ),
                        when: (rand(2) == 0).then(|| WHEN[rand(WHEN.len())].into()),
                        via: (rand(2) == 0).then(|| VIA[rand(VIA.len())].into()),
                    })
                    .collect(),
            ),
        };
        let mut inputs = Vec::new();
        if rand(4) != 0 {
            inputs.push("case file".to_string());
        }
        if i > 0 && rand(2) == 0 {
            inputs.push(format!("note {}", rand(i)));
        }
        doc.steps.push(StepDoc {
            id: format!("s{i}"),
            title: title.chars().take(200).collect(),
            role: (rand(8) != 0).then(|| format!("r{}", rand(roles))),
            inputs,
            outputs: vec!["case file".into(), format!("note {i}")],
            next,
        });
    }
    doc.outcome = Some(OutcomeDoc {
        description: "It is done".into(),
        measure: "Within a day".into(),
    });
    doc
}

/// A workflow of `steps` steps in which nothing connects: each step needs an input nothing
/// produces and makes an output nothing uses, all with different names. The worst case for the
/// checks that look for a name written another way, which must stay linear.
pub fn unmatched(steps: usize) -> WorkflowDoc {
    // Names without digits ("part bq"), so no two differ only by a number.
    let code = |mut i: usize| {
        let mut s = String::new();
        loop {
            s.push(char::from(b'a' + (i % 26) as u8));
            i /= 26;
            if i == 0 {
                break s;
            }
        }
    };
    let mut doc = WorkflowDoc::new();
    doc.name = format!("Unconnected workflow with {steps} steps");
    for i in 0..steps {
        doc.steps.push(StepDoc {
            id: format!("s{i}"),
            title: format!("Make part {}", code(i)),
            inputs: vec![format!("widget {}q", code(i))],
            outputs: vec![format!("gadget {}", code(i))],
            ..StepDoc::default()
        });
    }
    doc
}

/// The JSON of [`workflow`]`(steps)`, damaged in one place for tests of error messages: the
/// `pick`-th place in the document (by a walk of its values) gets a value of another type, loses
/// a field or gains one, as `how` (0 to 8) says; compact or `pretty`.
pub fn damaged(steps: usize, pick: usize, how: usize, pretty: bool) -> String {
    use serde_json::Value;
    fn places(v: &Value, here: Vec<String>, out: &mut Vec<Vec<String>>) {
        out.push(here.clone());
        match v {
            Value::Object(m) => {
                for (k, c) in m {
                    let mut p = here.clone();
                    p.push(k.clone());
                    places(c, p, out);
                }
            }
            Value::Array(a) => {
                for (i, c) in a.iter().enumerate() {
                    let mut p = here.clone();
                    p.push(i.to_string());
                    places(c, p, out);
                }
            }
            _ => {}
        }
    }
    let mut v = serde_json::to_value(workflow(steps)).expect("a document serialises");
    let mut all = Vec::new();
    places(&v, Vec::new(), &mut all);
    let place = &all[pick % all.len()];
    let target = place.iter().fold(&mut v, |v, step| match v {
        Value::Object(m) => m.get_mut(step).expect("a place found by the walk"),
        Value::Array(a) => &mut a[step.parse::<usize>().expect("an index")],
        _ => unreachable!("the walk only goes into objects and arrays"),
    });
    match how % 9 {
        0 => *target = Value::from(7),
        1 => *target = Value::from("seven"),
        2 => *target = Value::Bool(true),
        3 => *target = Value::Null,
        4 => *target = Value::Array(vec![Value::from(1)]),
        5 => *target = serde_json::json!({"a": 1}),
        6 => *target = Value::from(1.5),
        7 => {
            if let Value::Object(m) = target {
                let first = m.keys().next().cloned();
                if let Some(k) = first {
                    m.remove(&k);
                }
            }
        }
        _ => {
            if let Value::Object(m) = target {
                m.insert("surplus".into(), Value::from(1));
            }
        }
    }
    if pretty {
        serde_json::to_string_pretty(&v)
    } else {
        serde_json::to_string(&v)
    }
    .expect("a value serialises")
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

    #[test]
    fn varied_workflows_depend_only_on_their_inputs() {
        assert_eq!(varied(20, 7), varied(20, 7));
        assert_ne!(varied(20, 7), varied(20, 8));
        let doc = varied(40, 1);
        assert_eq!(doc.steps.len(), 40);
        assert!(doc.steps.iter().all(|s| s.title.chars().count() <= 200));
    }
}
