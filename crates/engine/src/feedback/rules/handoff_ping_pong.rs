//! `handoff-ping-pong`: Work does not bounce back and forth.
//!
//! Some back and forth is normal, such as a claim returned once for fixing. When the same two roles hand work to each other twice or more in each direction, work is bouncing: the workflow is probably missing a clearer first step.

use super::super::{Component, Context, Draft, Rule, RuleDocs, Severity, Target};
use std::collections::BTreeMap;

pub const RULE: Rule = Rule {
    id: "handoff-ping-pong",
    component: Component::Handoffs,
    why: "Every handoff costs waiting time and a chance of something being lost; work that bounces between two roles takes longest of all.",
    severity: [Some(Severity::Tip), Some(Severity::Warning), Some(Severity::Warning)],
    check,
};

/// The rule's documentation and examples (for its page and the tests; never in a browser bundle).
pub const DOCS: RuleDocs = RuleDocs {
    id: RULE.id,
    title: "Work does not bounce back and forth",
    description: "Some back and forth is normal, such as a claim returned once for fixing. When the same two roles hand work to each other twice or more in each direction, work is bouncing: the workflow is probably missing a clearer first step.",
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
    let mut pairs: BTreeMap<(&str, &str), (usize, usize, usize)> = BTreeMap::new();
    for (k, h) in cx.graph.handoffs.iter().enumerate() {
        let (a, b) = (h.from_role, h.to_role);
        let forward = a < b;
        let e = pairs.entry(if forward { (a, b) } else { (b, a) }).or_insert((0, 0, k));
        if forward {
            e.0 += 1
        } else {
            e.1 += 1
        }
        e.2 = k;
    }
    for ((a, b), (there, back, last)) in pairs {
        if there >= 2 && back >= 2 {
            let h = &cx.graph.handoffs[last];
            out.push(Draft::new(
                Target::Edge { from: cx.doc.steps[h.from].id.clone(), to: cx.doc.steps[h.to].id.clone() },
                format!(
                    "Work passes back and forth between {} and {} {} times: could one of them do more before handing it back?",
                    cx.role_name(a),
                    cx.role_name(b),
                    there + back
                ),
            ));
        }
    }
}
