//! `unused-role`: Every role does something.
//!
//! Each role in the list should do at least one step. A role that does nothing is either missing from a step, or not part of this workflow.

use super::super::rule::quoted;
use super::super::{Change, Component, Context, Draft, Fix, Rule, RuleDocs, Severity, Target};
use crate::workflow::graph::role_of;
use rustc_hash::FxHashSet as HashSet;

pub const RULE: Rule = Rule {
    id: "unused-role",
    component: Component::Roles,
    why: "Listing a role that does no step suggests someone is involved when they are not, or that a step is missing.",
    severity: [Some(Severity::Tip), Some(Severity::Warning), Some(Severity::Warning)],
    words: false,
    check,
};

/// The rule's documentation and examples (for its page and the tests; never in a browser bundle).
pub const DOCS: RuleDocs = RuleDocs {
    id: RULE.id,
    title: "Every role does something",
    description: "Each role in the list should do at least one step. A role that does nothing is either missing from a step, or not part of this workflow.",
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
    },
    {
      "id": "director",
      "name": "Library director"
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
    let used: HashSet<&str> = cx.doc.steps.iter().filter_map(role_of).collect();
    for role in &cx.doc.roles {
        if !role.id.trim().is_empty() && !used.contains(role.id.trim()) {
            out.push(
                Draft::new(
                    Target::Role { id: role.id.clone() },
                    format!(
                        "{} is listed as a role but does no step.",
                        quoted(&cx.role_name(&role.id))
                    ),
                )
                .with_fix(Fix {
                    description: format!("Remove {} from the roles.", quoted(&cx.role_name(&role.id))),
                    change: Change::RemoveRole { role: role.id.clone() },
                }),
            );
        }
    }
}
