//! `unmeasurable-outcome`: The outcome can be measured.
//!
//! A good outcome says how you can tell it was achieved: a number (95% of requests), a time (within 2 days) or something you can observe (the reader has the book, the invoice is paid). The check looks for numbers, units of time and observable words in the description and the measure.

use super::super::rule::quoted;
use super::super::{Component, Context, Draft, Rule, RuleDocs, Severity, Target};
use super::is_measurable;

pub const RULE: Rule = Rule {
    id: "unmeasurable-outcome",
    component: Component::Outcome,
    why: "An outcome you cannot measure cannot be checked, so nobody knows whether the workflow works or is getting better.",
    severity: [Some(Severity::Tip), Some(Severity::Warning), Some(Severity::Error)],
    check,
};

/// The rule's documentation and examples (for its page and the tests; never in a browser bundle).
pub const DOCS: RuleDocs = RuleDocs {
    id: RULE.id,
    title: "The outcome can be measured",
    description: "A good outcome says how you can tell it was achieved: a number (95% of requests), a time (within 2 days) or something you can observe (the reader has the book, the invoice is paid). The check looks for numbers, units of time and observable words in the description and the measure.",
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
    "description": "The reader is happy with the service",
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
    if outcome.description.trim().is_empty() {
        return;
    }
    let text = format!("{} {}", outcome.description, outcome.measure);
    if !is_measurable(&text) {
        out.push(Draft::new(
            Target::Outcome,
            format!(
                "The outcome {} has no measure: add a number, a time or something you could observe, such as “within 2 working days”.",
                quoted(&outcome.description)
            ),
        ));
    }
}
