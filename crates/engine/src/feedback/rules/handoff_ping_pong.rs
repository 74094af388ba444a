//! `handoff-ping-pong`: Work does not bounce back and forth.
//!
//! Some back and forth is normal: a claim returned for fixing when something is missing, or a second person's review, is a control. When, on the main path (the shortest way from the first step to an end), the same two roles hand work to each other twice or more in each direction in a row, work is bouncing: the workflow is probably missing a clearer first step.

use super::super::{Component, Context, Draft, Rule, RuleDocs, Severity, Target};
use crate::workflow::graph::role_of;

pub const RULE: Rule = Rule {
    id: "handoff-ping-pong",
    component: Component::Handoffs,
    why: "Every handoff costs waiting time and a chance of something being lost; work that bounces between two roles takes longest of all.",
    severity: [Some(Severity::Tip), Some(Severity::Warning), Some(Severity::Warning)],
    words: false,
    check,
};

/// The rule's documentation and examples (for its page and the tests; never in a browser bundle).
pub const DOCS: RuleDocs = RuleDocs {
    id: RULE.id,
    title: "Work does not bounce back and forth",
    description: "Some back and forth is normal: a claim returned for fixing when something is missing, or a second person's review, is a control. When, on the main path (the shortest way from the first step to an end), the same two roles hand work to each other twice or more in each direction in a row, work is bouncing: the workflow is probably missing a clearer first step.",
    poor: POOR,
    good: GOOD,
};

/// Breaks the rule.
const POOR: &str = r#"{
  "format": "flowguide/workflow",
  "version": 1,
  "name": "Article review",
  "trigger": {
    "kind": "request",
    "description": "A writer submits an article for the newsletter",
    "provides": [
      "draft article"
    ]
  },
  "roles": [
    {
      "id": "writer",
      "name": "Writer"
    },
    {
      "id": "editor",
      "name": "Editor"
    }
  ],
  "steps": [
    {
      "id": "read",
      "title": "Read the draft",
      "role": "editor",
      "inputs": [
        "draft article"
      ],
      "outputs": [
        "comments"
      ]
    },
    {
      "id": "revise",
      "title": "Revise the draft",
      "role": "writer",
      "inputs": [
        "comments"
      ],
      "outputs": [
        "draft article"
      ]
    },
    {
      "id": "reread",
      "title": "Read the revised draft",
      "role": "editor",
      "inputs": [
        "draft article"
      ],
      "outputs": [
        "more comments"
      ]
    },
    {
      "id": "revise-again",
      "title": "Revise the draft again",
      "role": "writer",
      "inputs": [
        "more comments"
      ],
      "outputs": [
        "draft article"
      ]
    },
    {
      "id": "approve",
      "title": "Approve the article",
      "role": "editor",
      "inputs": [
        "draft article"
      ],
      "outputs": [
        "approved article"
      ],
      "next": []
    }
  ],
  "outcome": {
    "description": "The article is ready to publish",
    "measure": "Approved within 3 working days of submission"
  }
}"#;

/// The same workflow, mended.
const GOOD: &str = r#"{
  "format": "flowguide/workflow",
  "version": 1,
  "name": "Article review",
  "trigger": {
    "kind": "request",
    "description": "A writer submits an article for the newsletter",
    "provides": [
      "draft article"
    ]
  },
  "roles": [
    {
      "id": "writer",
      "name": "Writer"
    },
    {
      "id": "editor",
      "name": "Editor"
    }
  ],
  "steps": [
    {
      "id": "read",
      "title": "Read the draft against the style checklist",
      "role": "editor",
      "inputs": [
        "draft article"
      ],
      "outputs": [
        "all comments"
      ]
    },
    {
      "id": "revise",
      "title": "Revise the draft for every comment",
      "role": "writer",
      "inputs": [
        "all comments"
      ],
      "outputs": [
        "revised article"
      ]
    },
    {
      "id": "approve",
      "title": "Approve the article",
      "role": "editor",
      "inputs": [
        "revised article"
      ],
      "outputs": [
        "approved article"
      ],
      "next": []
    }
  ],
  "outcome": {
    "description": "The article is ready to publish",
    "measure": "Approved within 3 working days of submission"
  }
}"#;

fn check(cx: &Context, out: &mut Vec<Draft>) {
    let path = main_path(cx);
    // The roles along the main path, one entry per change of hands.
    let mut runs: Vec<(&str, usize)> = Vec::new();
    for &i in &path {
        let Some(role) = role_of(&cx.doc.steps[i]) else {
            continue;
        };
        match runs.last_mut() {
            Some((r, last)) if *r == role => *last = i,
            _ => runs.push((role, i)),
        }
    }
    // Work bounces when two roles hand it to each other twice or more in each direction in a
    // row: A, B, A, B, A.
    let mut k = 0;
    while k + 4 < runs.len() {
        let (a, b) = (runs[k].0, runs[k + 1].0);
        let mut end = k + 1;
        while end + 1 < runs.len() && runs[end + 1].0 == runs[end - 1].0 {
            end += 1;
        }
        let handoffs = end - k;
        if handoffs >= 4 {
            let (from, to) = (
                runs[end - 1].1,
                path_step_after(&path, runs[end - 1].1, runs[end].0, cx),
            );
            out.push(Draft::new(
                Target::Edge {
                    from: cx.doc.steps[from].id.clone(),
                    to: cx.doc.steps[to].id.clone(),
                },
                format!(
                    "Work passes back and forth between {} and {} {handoffs} times in a row: could one of them do more before handing it back?",
                    cx.role_name(a),
                    cx.role_name(b),
                ),
            ));
            k = end;
        } else {
            k += 1;
        }
    }
}

/// The step after `from` on the path (where work changes hands to `role`).
fn path_step_after(path: &[usize], from: usize, role: &str, cx: &Context) -> usize {
    path.iter()
        .skip_while(|&&i| i != from)
        .copied()
        .find(|&i| role_of(&cx.doc.steps[i]) == Some(role))
        .unwrap_or(from)
}

/// The main path: the shortest way from the first step to an end. A correction loop or an
/// exception branch is not on it, so its back and forth is a control, not bouncing.
fn main_path(cx: &Context) -> Vec<usize> {
    let n = cx.doc.steps.len();
    if n == 0 {
        return Vec::new();
    }
    let mut from = vec![usize::MAX; n];
    let mut queue = std::collections::VecDeque::from([0]);
    from[0] = 0;
    let mut end = None;
    while let Some(i) = queue.pop_front() {
        if cx.graph.is_end[i] {
            end = Some(i);
            break;
        }
        for e in &cx.graph.succ[i] {
            if from[e.to] == usize::MAX {
                from[e.to] = i;
                queue.push_back(e.to);
            }
        }
    }
    let Some(mut i) = end else {
        return Vec::new();
    };
    let mut path = vec![i];
    while i != 0 {
        i = from[i];
        path.push(i);
    }
    path.reverse();
    path
}
