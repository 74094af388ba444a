//! `unreachable-step`: Every step can be reached from the start.
//!
//! Work starts at the first step and follows the `next` links (or the list order, where a step has no `next`). A step that no path reaches from the first step never happens.

use super::super::{Component, Context, Draft, Rule, RuleDocs, Severity};

pub const RULE: Rule = Rule {
    id: "unreachable-step",
    component: Component::Steps,
    why:
        "A step nobody reaches is dead weight: it suggests a missing link, or a step that belongs to another workflow.",
    severity: [Some(Severity::Warning), Some(Severity::Warning), Some(Severity::Error)],
    words: false,
    check,
};

/// The rule's documentation and examples (for its page and the tests; never in a browser bundle).
pub const DOCS: RuleDocs = RuleDocs {
    id: RULE.id,
    title: "Every step can be reached from the start",
    description: "Work starts at the first step and follows the `next` links (or the list order, where a step has no `next`). A step that no path reaches from the first step never happens.",
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
      ],
      "next": [
        {
          "to": "lend"
        }
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
    for (i, reached) in cx.graph.reachable.iter().enumerate() {
        if !reached {
            out.push(Draft::new(
                cx.step_target(i),
                format!(
                    "{} can never be reached: no path leads to it from the first step, {}.",
                    cx.step_name(i),
                    cx.step_name(0)
                ),
            ));
        }
    }
}
