//! `vague-wording`: Steps use clear words.
//!
//! Words such as “stuff”, “things”, “etc.”, “handle” and “deal with” hide what is actually done. Replace them with the real action and the real item.

use super::super::{Component, Context, Draft, Rule, RuleDocs, Severity};
use super::join_and;

pub const RULE: Rule = Rule {
    id: "vague-wording",
    component: Component::Steps,
    why: "Vague steps are done differently by each person, and problems hide inside them.",
    severity: [Some(Severity::Tip), Some(Severity::Warning), Some(Severity::Error)],
    words: true,
    check,
};

/// The rule's documentation and examples (for its page and the tests; never in a browser bundle).
pub const DOCS: RuleDocs = RuleDocs {
    id: RULE.id,
    title: "Steps use clear words",
    description: "Words such as “stuff”, “things”, “etc.”, “handle” and “deal with” hide what is actually done. Replace them with the real action and the real item.",
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
      "title": "Handle the stuff in the store",
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
    let words = cx.lexicon();
    for i in 0..cx.doc.steps.len() {
        let found = words.vague_in_text(cx.title_words(i));
        let Some(first) = found.first() else {
            continue;
        };
        let listed: Vec<String> = found.iter().map(|v| format!("“{}”", v.phrase())).collect();
        out.push(Draft::new(
            cx.step_target(i),
            format!(
                "{} uses vague wording ({}): {}.",
                cx.step_name(i),
                join_and(&listed),
                first.instead
            ),
        ));
    }
}
