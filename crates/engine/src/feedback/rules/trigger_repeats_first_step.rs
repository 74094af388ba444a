//! `trigger-repeats-first-step`: The trigger is not the first step.
//!
//! The trigger is what starts the work, not its first action. “Check the catalogue” is a step; “A reader asks for a book” is a trigger.

use super::super::rule::quoted;
use super::super::{Component, Context, Draft, Rule, RuleDocs, Severity, Target};
use std::collections::BTreeSet;

pub const RULE: Rule = Rule {
    id: "trigger-repeats-first-step",
    component: Component::Trigger,
    why: "When the trigger repeats the first step, the real starting event is missing, so nobody knows what should set the work going.",
    severity: [Some(Severity::Warning), Some(Severity::Warning), Some(Severity::Error)],
    words: false,
    check,
};

/// The rule's documentation and examples (for its page and the tests; never in a browser bundle).
pub const DOCS: RuleDocs = RuleDocs {
    id: RULE.id,
    title: "The trigger is not the first step",
    description: "The trigger is what starts the work, not its first action. “Check the catalogue” is a step; “A reader asks for a book” is a trigger.",
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
    "description": "Check the catalogue for the book",
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
    if !repeats(cx) {
        return;
    }
    if let Some(trigger) = &cx.doc.trigger {
        out.push(Draft::new(
            Target::Trigger,
            format!(
                "The trigger {} repeats the first step: a trigger is what starts the work (an event, a request, a time), not its first action.",
                quoted(&trigger.description)
            ),
        ));
    }
}

/// Whether the trigger's words are nearly all the first step's.
pub(crate) fn repeats(cx: &Context) -> bool {
    let (Some(trigger), Some(first)) = (cx.doc.trigger.as_ref(), cx.doc.steps.first()) else {
        return false;
    };
    let words = |text: &str| -> BTreeSet<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() > 2)
            .map(str::to_lowercase)
            .collect()
    };
    let (t, s) = (words(&trigger.description), words(&first.title));
    if t.is_empty() || s.is_empty() {
        return false;
    }
    let shared = t.intersection(&s).count();
    shared * 5 >= t.len().max(s.len()) * 4
}
