//! `input-without-source`: Every input comes from somewhere.
//!
//! Each input a step takes should arrive with the trigger, or be produced by a step that comes before it. Artifact names match ignoring case and extra spaces.

use super::super::{Component, Context, Draft, Rule, RuleDocs, Severity, Target};
use crate::workflow::artifact;

pub const RULE: Rule = Rule {
    id: "input-without-source",
    component: Component::InputsOutputs,
    why: "An input that nothing provides means the step will wait for something that never comes, or that a step or a trigger detail is missing.",
    severity: [Some(Severity::Tip), Some(Severity::Warning), Some(Severity::Error)],
    words: false,
    check,
};

/// The rule's documentation and examples (for its page and the tests; never in a browser bundle).
pub const DOCS: RuleDocs = RuleDocs {
    id: RULE.id,
    title: "Every input comes from somewhere",
    description: "Each input a step takes should arrive with the trigger, or be produced by a step that comes before it. Artifact names match ignoring case and extra spaces.",
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
        "book",
        "library card"
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
      "book request",
      "library card"
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
        "book",
        "library card"
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
        // A step no path reaches is reported once, by `unreachable-step`: what it needs and
        // makes is not reported again.
        if !cx.graph.reachable[i] {
            continue;
        }
        for (input, (key, again)) in step.inputs.iter().zip(cx.graph.input_keys(i)) {
            // Each artifact once, even if the step lists it twice.
            if key.text.is_empty() || again || cx.graph.has_source(i, key) {
                continue;
            }
            // A name a letter or a plural away from one that is produced is `artifact-near-miss`'s.
            if super::near_miss(cx, i, key).is_some() {
                continue;
            }
            let name = artifact::display(input);
            let elsewhere = if cx.graph.produces(key) {
                " (a later step produces it, too late)"
            } else {
                ""
            };
            out.push(Draft::new(
                Target::Artifact { name: name.clone() },
                format!("{} needs “{name}”, but no earlier step produces it and the trigger does not provide it{elsewhere}.", cx.step_name(i)),
            ));
        }
    }
}
