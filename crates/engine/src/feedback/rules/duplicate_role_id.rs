//! `duplicate-role-id`: Every role has its own id.
//!
//! Steps name their role by id, so each role id must be used once and must not be empty.

use super::super::{Component, Context, Draft, Rule, RuleDocs, Severity, Target};
use rustc_hash::FxHashMap as HashMap;

pub const RULE: Rule = Rule {
    id: "duplicate-role-id",
    component: Component::Roles,
    why: "When two roles share an id, nobody can tell which of them a step belongs to.",
    severity: [Some(Severity::Error), Some(Severity::Error), Some(Severity::Error)],
    words: false,
    check,
};

/// The rule's documentation and examples (for its page and the tests; never in a browser bundle).
pub const DOCS: RuleDocs = RuleDocs {
    id: RULE.id,
    title: "Every role has its own id",
    description: "Steps name their role by id, so each role id must be used once and must not be empty.",
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
      "id": "desk",
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
      "role": "desk",
      "inputs": [
        "shelf location"
      ],
      "outputs": [
        "book"
      ]
    },
    {
      "id": "check",
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
    let mut seen: HashMap<&str, usize> = HashMap::default();
    for (i, role) in cx.doc.roles.iter().enumerate() {
        let id = role.id.trim();
        let name = if role.name.trim().is_empty() {
            format!("Role {}", i + 1)
        } else {
            format!("“{}”", role.name.trim())
        };
        if id.is_empty() {
            out.push(Draft::new(
                Target::Role { id: role.id.clone() },
                format!("{name} has no id: give it a short, unique id."),
            ));
        } else if let Some(&first) = seen.get(id) {
            let other = cx.doc.roles[first].name.trim();
            out.push(Draft::new(
                Target::Role { id: role.id.clone() },
                format!(
                    "{name} has the id “{id}”, which “{}” already uses: give each role its own id.",
                    if other.is_empty() { id } else { other }
                ),
            ));
        } else {
            seen.insert(id, i);
        }
    }
}
