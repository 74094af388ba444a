//! `step-without-role`: Every step has a role.
//!
//! Each step names the role that does it: a job or a team, such as “Line manager” or “Finance team”, rather than a person's name.

use super::super::{Change, Component, Context, Draft, Fix, Rule, RuleDocs, Severity, Target};
use crate::workflow::graph::role_of;

pub const RULE: Rule = Rule {
    id: "step-without-role",
    component: Component::Roles,
    why: "A step with no role has nobody responsible for it, so it is easy for it to be skipped or done twice.",
    severity: [Some(Severity::Warning), Some(Severity::Error), Some(Severity::Error)],
    words: false,
    check,
};

/// The rule's documentation and examples (for its page and the tests; never in a browser bundle).
pub const DOCS: RuleDocs = RuleDocs {
    id: RULE.id,
    title: "Every step has a role",
    description: "Each step names the role that does it: a job or a team, such as “Line manager” or “Finance team”, rather than a person's name.",
    poor: POOR,
    good: GOOD,
};

/// Breaks the rule.
const POOR: &str = r#"{
  "format": "flowguide/workflow",
  "version": 1,
  "name": "Book request",
  "trigger": {
    "kind": "request",
    "description": "A reader asks for a book that is not on the open shelves",
    "provides": [
      "book request"
    ]
  },
  "roles": [
    {
      "id": "desk",
      "name": "Front desk"
    },
    {
      "id": "store",
      "name": "Store team"
    }
  ],
  "steps": [
    {
      "id": "check",
      "title": "Check the catalogue for the book",
      "role": "desk",
      "inputs": [
        "book request"
      ],
      "outputs": [
        "shelf location"
      ]
    },
    {
      "id": "fetch",
      "title": "Fetch the book from the store",
      "inputs": [
        "shelf location"
      ],
      "outputs": [
        "book"
      ]
    },
    {
      "id": "lend",
      "title": "Lend the book to the reader",
      "role": "desk",
      "inputs": [
        "book"
      ],
      "outputs": [
        "loan record"
      ],
      "next": []
    }
  ],
  "outcome": {
    "description": "The reader has the book",
    "measure": "The reader gets the book within 2 days of asking"
  }
}"#;

/// The same workflow, mended.
const GOOD: &str = r#"{
  "format": "flowguide/workflow",
  "version": 1,
  "name": "Book request",
  "trigger": {
    "kind": "request",
    "description": "A reader asks for a book that is not on the open shelves",
    "provides": [
      "book request"
    ]
  },
  "roles": [
    {
      "id": "desk",
      "name": "Front desk"
    },
    {
      "id": "store",
      "name": "Store team"
    }
  ],
  "steps": [
    {
      "id": "check",
      "title": "Check the catalogue for the book",
      "role": "desk",
      "inputs": [
        "book request"
      ],
      "outputs": [
        "shelf location"
      ]
    },
    {
      "id": "fetch",
      "title": "Fetch the book from the store",
      "role": "store",
      "inputs": [
        "shelf location"
      ],
      "outputs": [
        "book"
      ]
    },
    {
      "id": "lend",
      "title": "Lend the book to the reader",
      "role": "desk",
      "inputs": [
        "book"
      ],
      "outputs": [
        "loan record"
      ],
      "next": []
    }
  ],
  "outcome": {
    "description": "The reader has the book",
    "measure": "The reader gets the book within 2 days of asking"
  }
}"#;

fn check(cx: &Context, out: &mut Vec<Draft>) {
    let doc = cx.doc;
    if doc.steps.is_empty() {
        return;
    }
    if doc.steps.iter().all(|s| role_of(s).is_none()) {
        out.push(Draft::new(
            Target::Workflow,
            "No step says who does it: add the roles involved and give each step one.",
        ));
        return;
    }
    let only_role = match doc.roles.as_slice() {
        [role] if !role.id.trim().is_empty() => Some(role),
        _ => None,
    };
    for (i, step) in doc.steps.iter().enumerate() {
        if role_of(step).is_some() {
            continue;
        }
        let mut draft = Draft::new(
            cx.step_target(i),
            format!("{} has no role: who does it?", cx.step_name(i)),
        );
        if let Some(role) = only_role {
            draft = draft.with_fix(Fix {
                description: format!("Give {} to {}, the only role.", cx.step_name(i), cx.role_name(&role.id)),
                change: Change::SetRole {
                    step: step.id.clone(),
                    role: role.id.clone(),
                },
            });
        }
        out.push(draft);
    }
}
