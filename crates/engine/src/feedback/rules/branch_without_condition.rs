//! `branch-without-condition`: Every branch says when it is taken.
//!
//! A step with more than one next step is a decision. Each way out needs a condition (the `when` of the link) saying in which case work goes there, such as “the book is in the store” and “the book is not in the store”.

use super::super::{Component, Context, Draft, Rule, RuleDocs, Severity};
use super::join_and;

pub const RULE: Rule = Rule {
    id: "branch-without-condition",
    component: Component::Steps,
    why: "When a step can lead to two different places, whoever does it needs to know which way to go; without a condition, two people will choose differently.",
    severity: [Some(Severity::Warning), Some(Severity::Warning), Some(Severity::Error)],
    words: false,
    check,
};

/// The rule's documentation and examples (for its page and the tests; never in a browser bundle).
pub const DOCS: RuleDocs = RuleDocs {
    id: RULE.id,
    title: "Every branch says when it is taken",
    description: "A step with more than one next step is a decision. Each way out needs a condition (the `when` of the link) saying in which case work goes there, such as “the book is in the store” and “the book is not in the store”.",
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
          "to": "order"
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
      ],
      "next": [
        {
          "to": "lend"
        }
      ]
    },
    {
      "id": "order",
      "title": "Order the book from another library",
      "role": "desk",
      "inputs": [
        "book request"
      ],
      "outputs": [
        "book"
      ],
      "next": [
        {
          "to": "lend"
        }
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
          "to": "fetch",
          "when": "the book is in the store"
        },
        {
          "to": "order",
          "when": "the book is not in the store"
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
      ],
      "next": [
        {
          "to": "lend"
        }
      ]
    },
    {
      "id": "order",
      "title": "Order the book from another library",
      "role": "desk",
      "inputs": [
        "book request"
      ],
      "outputs": [
        "book"
      ],
      "next": [
        {
          "to": "lend"
        }
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
        let Some(next) = &step.next else {
            continue;
        };
        if next.len() < 2 {
            continue;
        }
        let bare: Vec<String> = next
            .iter()
            .filter(|n| n.when.as_deref().is_none_or(|w| w.trim().is_empty()))
            .map(|n| match cx.graph.step_index.get(n.to.as_str()) {
                Some(&j) => cx.step_name(j),
                None => format!("“{}”", n.to),
            })
            .collect();
        if bare.is_empty() {
            continue;
        }
        let which = if bare.len() == next.len() {
            "none of its ways out says when it is taken".to_string()
        } else {
            format!("the way to {} does not say when it is taken", join_and(&bare))
        };
        out.push(Draft::new(
            cx.step_target(i),
            format!(
                "{} leads to {} different steps, but {which}: give each link a condition, so whoever does the step knows which way to go.",
                cx.step_name(i),
                next.len()
            ),
        ));
    }
}
