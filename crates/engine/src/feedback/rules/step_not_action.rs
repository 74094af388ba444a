//! `step-not-action`: Every step is named as an action.
//!
//! Name each step by what is done, starting with a verb: “Review the claim”, not “Claim review” or “Manager”. The check compares the first word of the title with a curated list of about 600 action verbs.

use super::super::{Component, Context, Draft, Rule, RuleDocs, Severity};
use super::capitalise;

pub const RULE: Rule = Rule {
    id: "step-not-action",
    component: Component::Steps,
    why: "A title that starts with an action says exactly what to do, so the step can be done, checked and handed over without guessing.",
    severity: [Some(Severity::Tip), Some(Severity::Warning), Some(Severity::Error)],
    words: true,
    check,
};

/// The rule's documentation and examples (for its page and the tests; never in a browser bundle).
pub const DOCS: RuleDocs = RuleDocs {
    id: RULE.id,
    title: "Every step is named as an action",
    description: "Name each step by what is done, starting with a verb: “Review the claim”, not “Claim review” or “Manager”. The check compares the first word of the title with a curated list of about 600 action verbs.",
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
      "title": "Availability of the book",
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
    let words = cx.lexicon();
    let example = words.examples.first().map_or("Review the claim", String::as_str);
    let place = if words.verb_last { "start or end" } else { "start" };
    for (i, step) in cx.doc.steps.iter().enumerate() {
        let title = step.title.trim();
        if title.is_empty() || words.names_an_action_in(cx.title_words(i)) {
            continue;
        }
        let first = words.first_word(title).unwrap_or_default();
        let hint = match words.imperative_of(&first) {
            Some(verb) => format!("start with “{}” instead of “{first}”", capitalise(&verb)),
            None => format!("name it by what is done, with a verb, such as “{example}”"),
        };
        out.push(Draft::new(
            cx.step_target(i),
            format!("{} does not {place} with an action: {hint}.", cx.step_name(i)),
        ));
    }
}
