//! `undefined-role`: Every step's role is in the list of roles.
//!
//! A step names its role by id. That id must match one of the workflow's roles, where the role gets its full name.

use super::super::{Change, Component, Context, Draft, Fix, Rule, RuleDocs, Severity};
use super::name_from_id;
use crate::workflow::graph::role_of;

pub const RULE: Rule = Rule {
    id: "undefined-role",
    component: Component::Roles,
    why: "A role that is not defined is usually a typo, and it leaves the step without a clear owner.",
    severity: [Some(Severity::Error), Some(Severity::Error), Some(Severity::Error)],
    words: false,
    check,
};

/// The rule's documentation and examples (for its page and the tests; never in a browser bundle).
pub const DOCS: RuleDocs = RuleDocs {
    id: RULE.id,
    title: "Every step's role is in the list of roles",
    description: "A step names its role by id. That id must match one of the workflow's roles, where the role gets its full name.",
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
      "role": "stores",
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
    for (i, step) in cx.doc.steps.iter().enumerate() {
        let Some(role) = role_of(step) else { continue };
        if cx.graph.role_index.contains_key(role) {
            continue;
        }
        out.push(
            Draft::new(
                cx.step_target(i),
                format!(
                    "{} is done by “{role}”, which is not one of the roles.",
                    cx.step_name(i)
                ),
            )
            .with_fix(Fix {
                description: format!("Add “{role}” to the roles."),
                change: Change::AddRole {
                    id: role.to_string(),
                    name: name_from_id(role),
                },
            }),
        );
    }
}
