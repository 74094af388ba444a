//! `step-without-data`: Every step takes or makes something.
//!
//! Each step works on something: it takes inputs (a form, a request, a parcel) and makes outputs (a decision, a report, a delivered item).

use super::super::{Component, Context, Draft, Rule, RuleDocs, Severity, Target};

pub const RULE: Rule = Rule {
    id: "step-without-data",
    component: Component::InputsOutputs,
    why: "A step that neither takes nor makes anything is hard to check and impossible to hand over; naming its inputs and outputs shows what it really does.",
    severity: [Some(Severity::Tip), Some(Severity::Warning), Some(Severity::Warning)],
    words: false,
    check,
};

/// The rule's documentation and examples (for its page and the tests; never in a browser bundle).
pub const DOCS: RuleDocs = RuleDocs {
    id: RULE.id,
    title: "Every step takes or makes something",
    description: "Each step works on something: it takes inputs (a form, a request, a parcel) and makes outputs (a decision, a report, a delivered item).",
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
      "inputs": [],
      "outputs": []
    },
    {
      "id": "lend",
      "title": "Lend the book to the reader",
      "role": "desk",
      "inputs": [
        "book request"
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
    if doc.steps.is_empty() {
        return;
    }
    if doc.steps.iter().all(|s| s.inputs.is_empty() && s.outputs.is_empty()) {
        out.push(Draft::new(
            Target::Workflow,
            "No step says what it takes or makes: list each step's inputs and outputs.",
        ));
        return;
    }
    for (i, step) in doc.steps.iter().enumerate() {
        if step.inputs.iter().chain(&step.outputs).all(|a| a.trim().is_empty()) {
            out.push(Draft::new(
                cx.step_target(i),
                format!(
                    "{} takes nothing and makes nothing: what does it need, and what does it produce?",
                    cx.step_name(i)
                ),
            ));
        }
    }
}
