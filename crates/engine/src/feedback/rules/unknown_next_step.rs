//! `unknown-next-step`: Every link leads to a step that exists.
//!
//! Each entry in a step's `next` names the id of the step that comes after it. A link to an id that no step has leads nowhere.

use super::super::{Change, Component, Context, Draft, Fix, Rule, RuleDocs, Severity, Target};

pub const RULE: Rule = Rule {
    id: "unknown-next-step",
    component: Component::Steps,
    why: "Work sent to a step that does not exist is lost: nobody picks it up.",
    severity: [Some(Severity::Error), Some(Severity::Error), Some(Severity::Error)],
    words: false,
    check,
};

/// The rule's documentation and examples (for its page and the tests; never in a browser bundle).
pub const DOCS: RuleDocs = RuleDocs {
    id: RULE.id,
    title: "Every link leads to a step that exists",
    description: "Each entry in a step's `next` names the id of the step that comes after it. A link to an id that no step has leads nowhere.",
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
          "to": "fetch"
        },
        {
          "to": "archive",
          "when": "the book is lost"
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
      ],
      "next": [
        {
          "to": "fetch"
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

fn check(cx: &Context, out: &mut Vec<Draft>) {
    for (i, to) in &cx.graph.unknown_targets {
        let from = &cx.doc.steps[*i].id;
        out.push(
            Draft::new(
                Target::Edge {
                    from: from.clone(),
                    to: to.clone(),
                },
                format!("{} leads to “{to}”, but no step has that id.", cx.step_name(*i)),
            )
            .with_fix(Fix {
                // Removing a step's only link makes it end the workflow: the fix says so.
                description: if cx.doc.steps[*i].next.as_ref().is_some_and(|n| n.len() == 1) {
                    format!(
                        "Remove the link from {} to “{to}”, so the workflow ends there.",
                        cx.step_name(*i)
                    )
                } else {
                    format!("Remove the link from {} to “{to}”.", cx.step_name(*i))
                },
                change: Change::RemoveNext {
                    step: from.clone(),
                    to: to.clone(),
                },
            }),
        );
    }
}
