//! `duplicate-step-id`: Every step has its own id.
//!
//! Steps refer to each other by id (in `next`), so each id must be used once and must not be empty.

use super::super::{Component, Context, Draft, Rule, RuleDocs, Severity};
use rustc_hash::FxHashMap as HashMap;

pub const RULE: Rule = Rule {
    id: "duplicate-step-id",
    component: Component::Steps,
    why: "When two steps share an id, a link to that id is ambiguous and the second step cannot be reached by it.",
    severity: [Some(Severity::Error), Some(Severity::Error), Some(Severity::Error)],
    words: false,
    check,
};

/// The rule's documentation and examples (for its page and the tests; never in a browser bundle).
pub const DOCS: RuleDocs = RuleDocs {
    id: RULE.id,
    title: "Every step has its own id",
    description: "Steps refer to each other by id (in `next`), so each id must be used once and must not be empty.",
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
      "role": "store",
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
    let mut seen: HashMap<&str, usize> = HashMap::with_capacity_and_hasher(cx.doc.steps.len(), Default::default());
    for (i, step) in cx.doc.steps.iter().enumerate() {
        let id = step.id.trim();
        if id.is_empty() {
            out.push(Draft::new(
                cx.step_target(i),
                format!("{} has no id: give it a short, unique id.", cx.step_name(i)),
            ));
        } else if let Some(&first) = seen.get(id) {
            out.push(Draft::new(
                cx.step_target(i),
                format!(
                    "{} has the id “{id}”, which {} already uses: give each step its own id.",
                    cx.step_name(i),
                    cx.step_name(first)
                ),
            ));
        } else {
            seen.insert(id, i);
        }
    }
}
