//! `outcome-without-measure`: The outcome has a measure.
//!
//! An outcome says what is true at the end; its measure says how you will know, with a number, a time or something you can observe: “The reader gets the book within 2 days of asking”. An outcome with a description but no measure is not finished.

use super::super::rule::quoted;
use super::super::{Component, Context, Draft, Rule, RuleDocs, Severity, Target};

pub const RULE: Rule = Rule {
    id: "outcome-without-measure",
    component: Component::Outcome,
    why: "Without a measure, nobody can say whether a run of the workflow succeeded, so it cannot be checked or improved.",
    severity: [Some(Severity::Warning), Some(Severity::Warning), Some(Severity::Error)],
    words: false,
    check,
};

/// The rule's documentation and examples (for its page and the tests; never in a browser bundle).
pub const DOCS: RuleDocs = RuleDocs {
    id: RULE.id,
    title: "The outcome has a measure",
    description: "An outcome says what is true at the end; its measure says how you will know, with a number, a time or something you can observe: “The reader gets the book within 2 days of asking”. An outcome with a description but no measure is not finished.",
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
    "measure": ""
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
    let Some(outcome) = &cx.doc.outcome else {
        return;
    };
    if outcome.description.trim().is_empty() || !outcome.measure.trim().is_empty() {
        return;
    }
    let example = cx.words.map_or("within 2 working days", |w| w.time_example());
    out.push(Draft::new(
        Target::Outcome,
        format!(
            "The outcome {} has no measure: add how you will know it was achieved, with a number, a time or something you could observe, such as “{example}”.",
            quoted(&outcome.description)
        ),
    ));
}
