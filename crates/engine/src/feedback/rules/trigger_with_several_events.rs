//! `trigger-with-several-events`: The trigger is one kind of event.
//!
//! A trigger names one kind of event. When it joins several, each with its own subject (“A reader asks for a book, or a library sends one on loan, or the stock check finds one missing”), each usually starts different work: separate workflows, perhaps of one process. One event reached in several ways (“A customer calls or writes to the help desk”) is fine.

use super::super::rule::quoted;
use super::super::{Component, Context, Draft, Rule, RuleDocs, Severity, Target};
use super::join_and;

pub const RULE: Rule = Rule {
    id: "trigger-with-several-events",
    component: Component::Trigger,
    why: "A workflow starts from one kind of event. Several different events joined with “or” usually start different work, so each deserves its own workflow.",
    severity: [Some(Severity::Tip), Some(Severity::Warning), Some(Severity::Warning)],
    words: true,
    check,
};

/// The rule's documentation and examples (for its page and the tests; never in a browser bundle).
pub const DOCS: RuleDocs = RuleDocs {
    id: RULE.id,
    title: "The trigger is one kind of event",
    description: "A trigger names one kind of event. When it joins several, each with its own subject (“A reader asks for a book, or a library sends one on loan, or the stock check finds one missing”), each usually starts different work: separate workflows, perhaps of one process. One event reached in several ways (“A customer calls or writes to the help desk”) is fine.",
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
    "description": "A reader asks for a book from the store, or a library sends a book on loan, or the monthly stock check finds a missing book",
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
    let Some(trigger) = &cx.doc.trigger else {
        return;
    };
    let events = cx.lexicon().separate_events(&trigger.description);
    if events.len() < 2 {
        return;
    }
    let listed: Vec<String> = events.iter().map(|e| quoted(e)).collect();
    out.push(Draft::new(
        Target::Trigger,
        format!(
            "The trigger joins {} different events ({}): a workflow starts from one kind of event. If each starts different work, give each its own workflow.",
            events.len(),
            join_and(&listed)
        ),
    ));
}
