//! The model answer beside the learner's workflow, component by component: what each has, and in
//! plain words where they differ. Names are compared the way the rubric compares them, so "Finance
//! team" and "finance teams" are one role.

use flowguide_engine::feedback::Component;
use flowguide_engine::workflow::graph::{role_of, Graph};
use flowguide_engine::workflow::{artifact, WorkflowDoc};

/// One component of the comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub component: Component,
    /// What the model answer has, one short line each.
    pub model: Vec<String>,
    /// What the learner's workflow has.
    pub yours: Vec<String>,
    /// Where they differ, in one or two sentences; or that they agree.
    pub note: String,
}

fn same(a: &str, b: &str) -> bool {
    let (a, b) = (artifact::key(a), artifact::key(b));
    !a.is_empty() && (a == b || artifact::similar(&a, &b))
}

/// The names of the roles that do a step, each once, in the order they first do one.
fn working_roles(doc: &WorkflowDoc) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for id in doc.steps.iter().filter_map(role_of) {
        let name = doc.role_name(id).to_string();
        if !out.iter().any(|n| same(n, &name)) {
            out.push(name);
        }
    }
    out
}

/// Every artifact name the workflow takes or makes, each once.
fn artifacts(doc: &WorkflowDoc) -> Vec<String> {
    let provided = doc.trigger.iter().flat_map(|t| t.provides.iter());
    let used = doc.steps.iter().flat_map(|s| s.inputs.iter().chain(&s.outputs));
    let mut out: Vec<String> = Vec::new();
    for name in provided.chain(used) {
        let shown = artifact::display(name);
        if !shown.is_empty() && !out.iter().any(|n| same(n, &shown)) {
            out.push(shown);
        }
    }
    out
}

fn quoted_list(names: &[&String]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("“{n}”")).collect();
    match q.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// "The model also has …; yours also has …", or that both have the same.
fn differences(what: &str, model: &[String], yours: &[String]) -> String {
    let only_model: Vec<&String> = model.iter().filter(|m| !yours.iter().any(|y| same(m, y))).collect();
    let only_yours: Vec<&String> = yours.iter().filter(|y| !model.iter().any(|m| same(m, y))).collect();
    match (only_model.is_empty(), only_yours.is_empty()) {
        (true, true) if model.is_empty() => format!("Neither has {what}."),
        (true, true) => format!("Both have the same {what}."),
        (false, true) => format!("The model also has {}.", quoted_list(&only_model)),
        (true, false) => format!(
            "Yours also has {}, which the model does without.",
            quoted_list(&only_yours)
        ),
        (false, false) => format!(
            "The model has {}, which yours does not; yours has {}, which the model does not.",
            quoted_list(&only_model),
            quoted_list(&only_yours)
        ),
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// The decisions of a workflow: the titles of steps that lead two or more ways.
fn decisions(g: &Graph) -> Vec<String> {
    g.succ
        .iter()
        .enumerate()
        .filter(|(_, edges)| edges.iter().any(|e| e.to != edges[0].to))
        .map(|(i, _)| artifact::display(&g.doc.steps[i].title))
        .collect()
}

/// The comparison of `yours` with `model`, in the six components' order.
pub fn compare(model: &WorkflowDoc, yours: &WorkflowDoc) -> Vec<Row> {
    let (gm, gy) = (Graph::new(model), Graph::new(yours));
    let text = |t: Option<&str>| {
        let t = t.map(artifact::display).unwrap_or_default();
        if t.is_empty() {
            Vec::new()
        } else {
            vec![t]
        }
    };
    let trigger = |d: &WorkflowDoc| text(d.trigger.as_ref().map(|t| t.description.as_str()));
    let outcome = |d: &WorkflowDoc| {
        let mut v = text(d.outcome.as_ref().map(|o| o.description.as_str()));
        v.extend(
            text(d.outcome.as_ref().map(|o| o.measure.as_str()))
                .into_iter()
                .map(|m| format!("Measured by: {m}")),
        );
        v
    };
    let present = |theirs: &[String], mine: &[String], what: &str| {
        let key = |v: &[String]| v.iter().map(|t| artifact::key(t)).collect::<Vec<_>>();
        if !mine.is_empty() && key(theirs) == key(mine) {
            format!("Both have the same {what}.")
        } else if mine.is_empty() {
            format!("Yours has no {what} yet.")
        } else {
            format!(
                "Compare the wording: does yours say as clearly {}?",
                match what {
                    "trigger" => "what starts the work",
                    _ => "what is true when the work is done, and how you would check it",
                }
            )
        }
    };
    let steps = |d: &WorkflowDoc, g: &Graph| {
        let mut v: Vec<String> = d
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| format!("{}. {}", i + 1, artifact::display(&s.title)))
            .collect();
        for t in decisions(g) {
            v.push(format!("Decision: “{t}”"));
        }
        v
    };
    let (nm, ny) = (model.steps.len(), yours.steps.len());
    let steps_note = {
        let mut s = format!(
            "The model has {} and yours has {}.",
            count(nm, "step", "steps"),
            count(ny, "step", "steps")
        );
        match (decisions(&gm).is_empty(), decisions(&gy).is_empty()) {
            (false, true) => {
                s.push_str(" The model has a decision, where the work goes one of two ways; yours does not.")
            }
            (true, false) => s.push_str(" Yours has a decision the model does without."),
            _ => {}
        }
        s
    };
    let handoffs = |g: &Graph| {
        g.handoffs
            .iter()
            .map(|h| format!("{} → {}", g.doc.role_name(h.from_role), g.doc.role_name(h.to_role)))
            .collect::<Vec<String>>()
    };
    let (hm, hy) = (handoffs(&gm), handoffs(&gy));
    let handoffs_note = format!(
        "In the model, work changes hands {}; in yours, {}.",
        count(hm.len(), "time", "times"),
        count(hy.len(), "time", "times")
    );
    let (rm, ry) = (working_roles(model), working_roles(yours));
    let (am, ay) = (artifacts(model), artifacts(yours));
    let (tm, ty) = (trigger(model), trigger(yours));
    let (om, oy) = (outcome(model), outcome(yours));
    vec![
        Row {
            component: Component::Trigger,
            note: present(&tm, &ty, "trigger"),
            model: tm,
            yours: ty,
        },
        Row {
            component: Component::Steps,
            model: steps(model, &gm),
            yours: steps(yours, &gy),
            note: steps_note,
        },
        Row {
            component: Component::Roles,
            note: differences("roles", &rm, &ry),
            model: rm,
            yours: ry,
        },
        Row {
            component: Component::Handoffs,
            model: hm,
            yours: hy,
            note: handoffs_note,
        },
        Row {
            component: Component::InputsOutputs,
            note: differences("inputs and outputs", &am, &ay),
            model: am,
            yours: ay,
        },
        Row {
            component: Component::Outcome,
            note: present(&om, &oy, "outcome"),
            model: om,
            yours: oy,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin;

    #[test]
    fn a_model_compared_with_itself_agrees_everywhere() {
        for e in builtin::all() {
            let model = e.model.clone().unwrap();
            let rows = compare(&model, &model);
            assert_eq!(rows.len(), 6);
            assert_eq!(rows[0].note, "Both have the same trigger.", "{}", e.id);
            assert_eq!(rows[2].note, "Both have the same roles.", "{}", e.id);
            assert_eq!(rows[5].note, "Both have the same outcome.", "{}", e.id);
            assert_eq!(rows[4].note, "Both have the same inputs and outputs.", "{}", e.id);
            for r in &rows {
                assert_eq!(r.model, r.yours, "{} {:?}", e.id, r.component);
            }
        }
    }

    #[test]
    fn differences_are_named() {
        let e = builtin::get("expense-reimbursement").unwrap();
        let rows = compare(e.model.as_ref().unwrap(), e.start.as_ref().unwrap());
        let roles = &rows[2].note;
        assert!(roles.starts_with("The model also has “"), "{roles}");
        assert!(
            rows[1].note.contains("yours has 2 steps") && rows[1].note.contains("decision"),
            "{}",
            rows[1].note
        );
        assert_eq!(rows[5].note, "Yours has no outcome yet.");
        let empty = compare(e.model.as_ref().unwrap(), &WorkflowDoc::new());
        assert_eq!(empty[0].note, "Yours has no trigger yet.");
        assert!(empty[0].yours.is_empty());
        // Names written two ways are one name.
        assert_eq!(
            differences("roles", &["Finance team".into()], &["finance  teams".into()]),
            "Both have the same roles."
        );
        assert_eq!(
            differences("roles", &["A".into()], &["B".into()]),
            "The model has “A”, which yours does not; yours has “B”, which the model does not."
        );
    }
}
