//! `artifact-near-miss`: Artifacts keep one name.
//!
//! A step should need exactly the name another step produces. When a step needs something that nothing before it produces, but something is produced under a name a letter or two away, or in the singular or plural (“shelf location” and “shelf locations”), it is almost always the same artifact written two ways. The fix renames the input to the name that is produced.

use super::super::{Change, Component, Context, Draft, Fix, Rule, RuleDocs, Severity, Target};
use super::near_miss;
use crate::workflow::artifact;

pub const RULE: Rule = Rule {
    id: "artifact-near-miss",
    component: Component::InputsOutputs,
    why: "A step that needs “approved orders” gets nothing from one that makes “approved order”: they read as two things, so the work seems to lose its input.",
    severity: [Some(Severity::Warning), Some(Severity::Warning), Some(Severity::Error)],
    words: false,
    check,
};

/// The rule's documentation and examples (for its page and the tests; never in a browser bundle).
pub const DOCS: RuleDocs = RuleDocs {
    id: RULE.id,
    title: "Artifacts keep one name",
    description: "A step should need exactly the name another step produces. When a step needs something that nothing before it produces, but something is produced under a name a letter or two away, or in the singular or plural (“shelf location” and “shelf locations”), it is almost always the same artifact written two ways. The fix renames the input to the name that is produced.",
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
        "shelf locations"
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
    for (i, step) in cx.doc.steps.iter().enumerate() {
        if !cx.graph.reachable[i] {
            continue;
        }
        for (input, (key, _)) in step.inputs.iter().zip(cx.graph.input_keys(i)) {
            let Some(meant) = near_miss(cx, i, key) else {
                continue;
            };
            let name = artifact::display(input);
            out.push(
                Draft::new(
                    Target::Artifact { name: name.clone() },
                    format!(
                        "{} needs “{name}”, which nothing produces: did you mean “{meant}”, which is produced?",
                        cx.step_name(i)
                    ),
                )
                .with_fix(Fix {
                    description: format!("Rename the input “{name}” of {} to “{meant}”.", cx.step_name(i)),
                    change: Change::RenameInput {
                        step: step.id.clone(),
                        from: input.clone(),
                        to: meant,
                    },
                }),
            );
        }
    }
}
