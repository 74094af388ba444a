//! The sandbox's edits to a workflow document: adding, removing, duplicating and reordering steps,
//! managing roles, and choosing where work goes after a step. Each is a plain function on
//! [`WorkflowDoc`], so the editor stays thin and every edit is tested here.
//!
//! Edits keep references whole: removing a step removes the links that pointed at it, renaming a
//! role keeps its id, and removing a role that steps use says what happens to those steps.

use crate::workflow::artifact;
use crate::workflow::document::{NextDoc, RoleDoc, StepDoc, WorkflowDoc};
use flowguide_text::slug::slugify_or;

/// The most steps the sandbox edits. Far beyond a small workflow (40 steps already reads as a
/// process), and low enough that every keystroke stays quick; the command-line checker takes
/// documents of any size.
pub const MAX_STEPS: usize = 500;

/// Whether the sandbox can edit this document, and if not, why, in plain words.
pub fn fits_sandbox(doc: &WorkflowDoc) -> Result<(), String> {
    if doc.steps.len() > MAX_STEPS {
        return Err(format!(
            "it has {} steps, and the sandbox edits workflows of up to {MAX_STEPS} steps (check bigger ones with the command-line checker)",
            doc.steps.len()
        ));
    }
    Ok(())
}

/// Where work goes after a step, as the editor offers it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum After {
    /// No `next`: work goes on to the following step in the list (the last step ends).
    Following,
    /// `next: []`: the workflow ends here.
    End,
    /// `next: [...]`: one or more chosen steps, each possibly with a condition.
    Chosen,
}

impl After {
    pub fn of(step: &StepDoc) -> After {
        match &step.next {
            None => After::Following,
            Some(n) if n.is_empty() => After::End,
            Some(_) => After::Chosen,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            After::Following => "following",
            After::End => "end",
            After::Chosen => "chosen",
        }
    }

    pub fn from_key(key: &str) -> Option<After> {
        [After::Following, After::End, After::Chosen]
            .into_iter()
            .find(|a| a.key() == key)
    }
}

/// What happens to the steps of a role that is removed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RoleRemoval {
    /// The steps keep no role.
    Unassign,
    /// The steps move to another role (by id).
    Reassign(String),
    /// The steps are removed too.
    RemoveSteps,
}

/// An id not used by any step: `base`, or `base-2`, `base-3`…
fn unique(base: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .expect("some number is free")
}

/// A fresh step id: `step-1`, `step-2`…, never one already used.
pub fn new_step_id(doc: &WorkflowDoc) -> String {
    let taken = |id: &str| doc.steps.iter().any(|s| s.id == id);
    (doc.steps.len() + 1..)
        .map(|n| format!("step-{n}"))
        .find(|id| !taken(id))
        .expect("some number is free")
}

/// A fresh role id made from its name: "Finance team" → `finance-team`.
pub fn new_role_id(doc: &WorkflowDoc, name: &str) -> String {
    unique(&slugify_or(name, "role"), |id| doc.roles.iter().any(|r| r.id == id))
}

/// Adds an empty step after `after` (or at the end), and returns its index.
pub fn add_step(doc: &mut WorkflowDoc, after: Option<usize>) -> usize {
    let at = after.map_or(doc.steps.len(), |i| (i + 1).min(doc.steps.len()));
    let step = StepDoc {
        id: new_step_id(doc),
        ..StepDoc::default()
    };
    doc.steps.insert(at, step);
    at
}

/// Removes step `i` and every link to it. A step whose only link pointed there goes on to the
/// following step again.
pub fn remove_step(doc: &mut WorkflowDoc, i: usize) {
    if i >= doc.steps.len() {
        return;
    }
    let id = doc.steps.remove(i).id;
    if doc.steps.iter().any(|s| s.id == id) {
        return; // a duplicate id: the links still lead somewhere
    }
    for step in &mut doc.steps {
        if let Some(next) = &mut step.next {
            let before = next.len();
            next.retain(|n| n.to != id);
            if before > 0 && next.is_empty() {
                step.next = None;
            }
        }
    }
}

/// Copies step `i` (with a new id) just after it, and returns the copy's index.
pub fn duplicate_step(doc: &mut WorkflowDoc, i: usize) -> Option<usize> {
    let mut copy = doc.steps.get(i)?.clone();
    copy.id = unique(&format!("{}-copy", copy.id), |id| doc.steps.iter().any(|s| s.id == id));
    doc.steps.insert(i + 1, copy);
    Some(i + 1)
}

/// Moves step `from` to position `to`. Returns false (and changes nothing) when either is out of
/// range or they are the same.
pub fn move_step(doc: &mut WorkflowDoc, from: usize, to: usize) -> bool {
    if from >= doc.steps.len() || to >= doc.steps.len() || from == to {
        return false;
    }
    let step = doc.steps.remove(from);
    doc.steps.insert(to, step);
    true
}

/// Adds a role with this name and returns its id. A role with the same name (ignoring case and
/// spacing) is reused rather than repeated.
pub fn add_role(doc: &mut WorkflowDoc, name: &str) -> String {
    let name = name.trim();
    if let Some(r) = doc
        .roles
        .iter()
        .find(|r| !name.is_empty() && artifact::key(&r.name) == artifact::key(name))
    {
        return r.id.clone();
    }
    let id = new_role_id(doc, name);
    doc.roles.push(RoleDoc {
        id: id.clone(),
        name: name.to_string(),
    });
    id
}

/// The indexes of the steps done by role `id`.
pub fn steps_of_role(doc: &WorkflowDoc, id: &str) -> Vec<usize> {
    let id = id.trim();
    doc.steps
        .iter()
        .enumerate()
        .filter(|(_, s)| s.role.as_deref().map(str::trim) == Some(id))
        .map(|(i, _)| i)
        .collect()
}

/// Removes role `i`, doing `what` with the steps that have it.
pub fn remove_role(doc: &mut WorkflowDoc, i: usize, what: &RoleRemoval) {
    if i >= doc.roles.len() {
        return;
    }
    let id = doc.roles.remove(i).id;
    if doc.roles.iter().any(|r| r.id == id) {
        return; // another role has the same id, so its steps keep a role
    }
    let used = steps_of_role(doc, &id);
    match what {
        RoleRemoval::Unassign => used.iter().for_each(|&s| doc.steps[s].role = None),
        RoleRemoval::Reassign(to) => used.iter().for_each(|&s| doc.steps[s].role = Some(to.clone())),
        RoleRemoval::RemoveSteps => {
            for &s in used.iter().rev() {
                remove_step(doc, s);
            }
        }
    }
}

/// Sets where work goes after step `i`. Choosing steps starts with one link to the following
/// step (or the first, from the last), which the learner then changes.
pub fn set_after(doc: &mut WorkflowDoc, i: usize, after: After) {
    let Some(step) = doc.steps.get(i) else { return };
    if After::of(step) == after {
        return;
    }
    let fallback = doc.steps.get(i + 1).or(doc.steps.first()).map(|s| s.id.clone());
    doc.steps[i].next = match after {
        After::Following => None,
        After::End => Some(Vec::new()),
        After::Chosen => Some(vec![NextDoc {
            to: fallback.unwrap_or_default(),
            ..NextDoc::default()
        }]),
    };
}

/// Adds a branch to step `i`, to the first step it does not already lead to.
pub fn add_branch(doc: &mut WorkflowDoc, i: usize) {
    let Some(step) = doc.steps.get(i) else { return };
    let used: Vec<&str> = step.next.iter().flatten().map(|n| n.to.as_str()).collect();
    let to = doc
        .steps
        .iter()
        .enumerate()
        .filter(|&(j, s)| j != i && !used.contains(&s.id.as_str()))
        .map(|(_, s)| s.id.clone())
        .next()
        .or_else(|| doc.steps.get(i + 1).map(|s| s.id.clone()))
        .unwrap_or_default();
    doc.steps[i].next.get_or_insert_with(Vec::new).push(NextDoc {
        to,
        ..NextDoc::default()
    });
}

/// Removes branch `b` of step `i`. Removing the last one makes the step go on to the following
/// step again, rather than silently turning it into an end.
pub fn remove_branch(doc: &mut WorkflowDoc, i: usize, b: usize) {
    let Some(next) = doc.steps.get_mut(i).and_then(|s| s.next.as_mut()) else {
        return;
    };
    if b < next.len() {
        next.remove(b);
    }
    if next.is_empty() {
        doc.steps[i].next = None;
    }
}

/// Adds an artifact to a list unless it is there already (by the artifact-matching rule). Returns
/// false when nothing was added.
pub fn add_artifact(list: &mut Vec<String>, name: &str) -> bool {
    let name = name.trim();
    if name.is_empty() || list.iter().any(|x| artifact::key(x) == artifact::key(name)) {
        return false;
    }
    list.push(name.to_string());
    true
}

/// Every artifact named anywhere in the workflow, once each, in the order first named: what the
/// chip inputs suggest.
pub fn artifact_names(doc: &WorkflowDoc) -> Vec<String> {
    let mut seen = rustc_hash::FxHashSet::default();
    let trigger = doc.trigger.iter().flat_map(|t| t.provides.iter());
    let steps = doc.steps.iter().flat_map(|s| s.outputs.iter().chain(s.inputs.iter()));
    trigger
        .chain(steps)
        .filter(|n| !n.trim().is_empty() && seen.insert(artifact::key(n)))
        .map(|n| n.trim().to_string())
        .collect()
}

/// True when the document holds no work worth keeping: nothing typed in any field.
pub fn is_blank(doc: &WorkflowDoc) -> bool {
    doc.name.trim().is_empty()
        && doc
            .trigger
            .as_ref()
            .is_none_or(|t| t.kind.is_none() && t.description.trim().is_empty() && t.provides.is_empty())
        && doc.roles.iter().all(|r| r.name.trim().is_empty())
        && doc
            .steps
            .iter()
            .all(|s| s.title.trim().is_empty() && s.role.is_none() && s.inputs.is_empty() && s.outputs.is_empty())
        && doc
            .outcome
            .as_ref()
            .is_none_or(|o| o.description.trim().is_empty() && o.measure.trim().is_empty())
}

/// Adds a link from step `from` to step `to`, as drawing an arrow on the diagram does: the arrows
/// already there stay (a step that went on to the following one keeps that link, now written
/// out). Returns false when there is nothing to add: the link is there already, it would link a
/// step to itself, or a step is missing.
pub fn link(doc: &mut WorkflowDoc, from: usize, to: usize) -> bool {
    if from == to || from >= doc.steps.len() || to >= doc.steps.len() {
        return false;
    }
    let target = doc.steps[to].id.clone();
    let following = doc.steps.get(from + 1).map(|s| s.id.clone());
    let step = &mut doc.steps[from];
    let next = step.next.get_or_insert_with(|| {
        following
            .into_iter()
            .map(|to| NextDoc {
                to,
                ..NextDoc::default()
            })
            .collect()
    });
    if next.iter().any(|n| n.to == target) {
        return false;
    }
    next.push(NextDoc {
        to: target,
        ..NextDoc::default()
    });
    true
}

/// Gives step `i` to role `role` (or to no one), as moving its box to another lane does. Returns
/// false when nothing changes.
pub fn set_role(doc: &mut WorkflowDoc, i: usize, role: Option<&str>) -> bool {
    let Some(step) = doc.steps.get_mut(i) else { return false };
    if step.role.as_deref() == role {
        return false;
    }
    step.role = role.map(str::to_string);
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workflow::parse;

    fn expense() -> WorkflowDoc {
        parse(include_str!("../../tests/data/expense.json")).unwrap()
    }

    fn ids(doc: &WorkflowDoc) -> Vec<&str> {
        doc.steps.iter().map(|s| s.id.as_str()).collect()
    }

    #[test]
    fn new_ids_never_collide() {
        let mut doc = WorkflowDoc::new();
        let a = add_step(&mut doc, None);
        let b = add_step(&mut doc, None);
        assert_eq!((a, b), (0, 1));
        assert_eq!(ids(&doc), ["step-1", "step-2"]);
        remove_step(&mut doc, 0);
        add_step(&mut doc, None);
        assert_eq!(ids(&doc), ["step-2", "step-3"]);
        add_step(&mut doc, Some(0));
        assert_eq!(ids(&doc), ["step-2", "step-4", "step-3"]);
    }

    #[test]
    fn removing_a_step_removes_links_to_it() {
        let mut doc = expense();
        remove_step(&mut doc, 1); // "fix"
        assert_eq!(ids(&doc), ["review", "pay"]);
        let next = doc.steps[0].next.as_ref().unwrap();
        assert_eq!(next.len(), 1);
        assert_eq!(next[0].to, "pay");
        // The only link gone: the step goes on to the following step, it does not become an end.
        let mut doc = expense();
        remove_step(&mut doc, 0); // "review", the only target of "fix"
        assert_eq!(doc.steps[0].next, None);
        assert_eq!(doc.steps[1].next, Some(vec![]), "an explicit end stays an end");
    }

    #[test]
    fn duplicate_and_move() {
        let mut doc = expense();
        assert_eq!(duplicate_step(&mut doc, 0), Some(1));
        assert_eq!(ids(&doc), ["review", "review-copy", "fix", "pay"]);
        assert_eq!(doc.steps[1].title, doc.steps[0].title);
        duplicate_step(&mut doc, 0);
        assert_eq!(ids(&doc)[1], "review-copy-2");
        assert!(move_step(&mut doc, 0, 3));
        assert_eq!(ids(&doc), ["review-copy-2", "review-copy", "fix", "review", "pay"]);
        assert!(!move_step(&mut doc, 4, 5));
        assert!(!move_step(&mut doc, 2, 2));
        assert_eq!(duplicate_step(&mut doc, 9), None);
    }

    #[test]
    fn roles_are_added_once_and_removed_with_a_choice() {
        let mut doc = expense();
        assert_eq!(add_role(&mut doc, "  finance TEAM "), "finance");
        assert_eq!(add_role(&mut doc, "Auditor"), "auditor");
        assert_eq!(add_role(&mut doc, "AUDITOR "), "auditor", "same name after folding");
        assert_eq!(new_role_id(&doc, "Auditor!"), "auditor-2");
        assert_eq!(new_role_id(&doc, "!!"), "role");
        assert_eq!(steps_of_role(&doc, "manager"), [0]);

        let mut moved = doc.clone();
        remove_role(&mut moved, 1, &RoleRemoval::Reassign("finance".into()));
        assert_eq!(moved.steps[0].role.as_deref(), Some("finance"));
        assert!(!moved.roles.iter().any(|r| r.id == "manager"));

        let mut bare = doc.clone();
        remove_role(&mut bare, 1, &RoleRemoval::Unassign);
        assert_eq!(bare.steps[0].role, None);

        let mut gone = doc.clone();
        remove_role(&mut gone, 2, &RoleRemoval::RemoveSteps); // finance does "pay"
        assert_eq!(ids(&gone), ["review", "fix"]);
        assert!(gone.steps[0].next.as_ref().unwrap().iter().all(|n| n.to != "pay"));
    }

    #[test]
    fn choosing_where_work_goes() {
        let mut doc = expense();
        set_after(&mut doc, 2, After::Following);
        assert_eq!(After::of(&doc.steps[2]), After::Following);
        set_after(&mut doc, 2, After::Chosen);
        assert_eq!(
            doc.steps[2].next.as_ref().unwrap()[0].to,
            "review",
            "from the last step: the first"
        );
        add_branch(&mut doc, 2);
        assert_eq!(doc.steps[2].next.as_ref().unwrap()[1].to, "fix");
        remove_branch(&mut doc, 2, 0);
        remove_branch(&mut doc, 2, 0);
        assert_eq!(doc.steps[2].next, None, "no branches left: on to the following step");
        set_after(&mut doc, 0, After::End);
        assert_eq!(doc.steps[0].next, Some(vec![]));
        for a in [After::Following, After::End, After::Chosen] {
            assert_eq!(After::from_key(a.key()), Some(a));
        }
    }

    #[test]
    fn artifacts_are_suggested_once_each() {
        let mut doc = expense();
        assert_eq!(
            artifact_names(&doc),
            ["expense claim", "receipts", "approval decision", "payment"]
        );
        let inputs = &mut doc.steps[0].inputs;
        assert!(!add_artifact(inputs, " Expense  CLAIM "));
        assert!(!add_artifact(inputs, "   "));
        assert!(add_artifact(inputs, "policy"));
    }

    #[test]
    fn big_documents_are_refused_with_a_reason() {
        assert!(fits_sandbox(&crate::workflow::generate::workflow(MAX_STEPS)).is_ok());
        let e = fits_sandbox(&crate::workflow::generate::workflow(MAX_STEPS + 1)).unwrap_err();
        assert!(e.contains("501 steps") && e.contains("command-line checker"), "{e}");
    }

    #[test]
    fn blank_means_nothing_typed() {
        let mut doc = WorkflowDoc::new();
        assert!(is_blank(&doc));
        add_step(&mut doc, None);
        assert!(is_blank(&doc), "an empty step is not work");
        doc.steps[0].title = "Check".into();
        assert!(!is_blank(&doc));
        assert!(!is_blank(&expense()));
    }

    #[test]
    fn linking_keeps_the_arrows_already_there() {
        let mut doc = crate::workflow::generate::workflow(4);
        for s in &mut doc.steps {
            s.next = None;
        }
        assert!(link(&mut doc, 0, 2));
        let to: Vec<&str> = doc.steps[0].next.iter().flatten().map(|n| n.to.as_str()).collect();
        assert_eq!(to, [doc.steps[1].id.as_str(), doc.steps[2].id.as_str()]);
        assert!(!link(&mut doc, 0, 2), "the link is there already");
        assert!(!link(&mut doc, 1, 1) && !link(&mut doc, 1, 9));
        // The last step ends; a link from it is its only link.
        assert!(link(&mut doc, 3, 0));
        assert_eq!(doc.steps[3].next.as_ref().unwrap().len(), 1);
        // An end written out becomes a link.
        doc.steps[2].next = Some(Vec::new());
        assert!(link(&mut doc, 2, 0));
        assert_eq!(doc.steps[2].next.as_ref().unwrap().len(), 1);
    }

    #[test]
    fn set_role_moves_a_step_to_a_lane() {
        let mut doc = crate::workflow::generate::workflow(3);
        assert!(set_role(&mut doc, 1, None));
        assert!(doc.steps[1].role.is_none());
        assert!(!set_role(&mut doc, 1, None));
        assert!(set_role(&mut doc, 1, Some("someone")));
        assert_eq!(doc.steps[1].role.as_deref(), Some("someone"));
        assert!(!set_role(&mut doc, 7, None));
    }
}
