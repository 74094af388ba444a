//! `no-handoff`: Work changes hands.
//!
//! A workflow coordinates several people: somewhere, one role passes work to another. When one role does every step, nothing is handed over.

use super::super::{Component, Context, Draft, Rule, RuleDocs, Severity, Target};
use crate::workflow::graph::role_of;
use rustc_hash::FxHashSet as HashSet;

pub const RULE: Rule = Rule {
    id: "no-handoff",
    component: Component::Handoffs,
    why: "Without a handoff there is no coordination to design: what you built is closer to a task, done by one role.",
    severity: [Some(Severity::Warning), Some(Severity::Warning), Some(Severity::Error)],
    words: false,
    check,
};

/// The rule's documentation and examples (for its page and the tests; never in a browser bundle).
pub const DOCS: RuleDocs = RuleDocs {
    id: RULE.id,
    title: "Work changes hands",
    description: "A workflow coordinates several people: somewhere, one role passes work to another. When one role does every step, nothing is handed over.",
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
    if doc.steps.len() < 2 || !cx.graph.handoffs.is_empty() {
        return;
    }
    let roles: HashSet<&str> = doc.steps.iter().filter_map(role_of).collect();
    let message = match roles.into_iter().collect::<Vec<_>>().as_slice() {
        [] => return,
        [only] => format!(
            "Every step is done by {}, so work never changes hands.",
            cx.role_name(only)
        ),
        _ => {
            "Work never passes from one role to another: no step leads to a step done by a different role.".to_string()
        }
    };
    out.push(Draft::new(Target::Workflow, message));
}
