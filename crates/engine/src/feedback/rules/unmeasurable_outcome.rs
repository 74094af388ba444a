//! `unmeasurable-outcome`: The outcome can be measured.
//!
//! A good outcome says how you can tell it was achieved: a number (95% of requests), a time (within 2 days) or something you can observe (the reader has the book, the invoice is paid). Some words make a measure impossible to check, and the message says why: “as soon as possible” and “quickly” set no time you could check against a clock; “better” and “faster” compare with nothing; “happy” and “properly” depend on who you ask; “as needed” leaves it to whoever reads it. A number, a unit of time or an observable word makes it checkable. The words come from the word list of the learner's language.

use super::super::rule::quoted;
use super::super::{Component, Context, Draft, Rule, RuleDocs, Severity, Target};
use crate::feedback::lexicon::Unmeasurable;

pub const RULE: Rule = Rule {
    id: "unmeasurable-outcome",
    component: Component::Outcome,
    why: "An outcome you cannot measure cannot be checked, so nobody knows whether the workflow works or is getting better.",
    severity: [Some(Severity::Tip), Some(Severity::Warning), Some(Severity::Error)],
    words: true,
    check,
};

/// The rule's documentation and examples (for its page and the tests; never in a browser bundle).
pub const DOCS: RuleDocs = RuleDocs {
    id: RULE.id,
    title: "The outcome can be measured",
    description: "A good outcome says how you can tell it was achieved: a number (95% of requests), a time (within 2 days) or something you can observe (the reader has the book, the invoice is paid). Some words make a measure impossible to check, and the message says why: “as soon as possible” and “quickly” set no time you could check against a clock; “better” and “faster” compare with nothing; “happy” and “properly” depend on who you ask; “as needed” leaves it to whoever reads it. A number, a unit of time or an observable word makes it checkable. The words come from the word list of the learner's language.",
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
    "measure": "As soon as possible"
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
    let measure = outcome.measure.trim();
    if outcome.description.trim().is_empty() || measure.is_empty() {
        // No measure at all is `outcome-without-measure`'s finding.
        return;
    }
    let words = cx.lexicon();
    // A number settles it: "95% of customers are satisfied" can be checked.
    if measure.chars().any(|c| c.is_ascii_digit() || c == '%') {
        return;
    }
    let why = match words.unmeasurable_in(measure) {
        None if words.is_measurable(measure) => return,
        Some((word, Unmeasurable::Time)) => format!(
            "“{word}” sets no time you could check against a clock. Say how long, such as “{}”",
            words.time_example()
        ),
        Some((word, Unmeasurable::Comparison)) => format!(
            "“{word}” compares with nothing, so there is no number to reach. Say from what to what, such as “{}”",
            words.count_example()
        ),
        Some((word, Unmeasurable::Opinion)) => format!(
            "whether it is “{word}” depends on who you ask. Say what someone could count or see, such as “{}”",
            words.count_example()
        ),
        Some((word, Unmeasurable::WhenNeeded)) => format!(
            "“{word}” leaves it to whoever reads it. Say when or how often, such as “{}”",
            words.time_example()
        ),
        None => format!(
            "it names no number, no time and nothing someone could observe. Add one, such as “{}”",
            words.time_example()
        ),
    };
    out.push(Draft::new(
        Target::Outcome,
        format!("The measure {} cannot be checked: {why}.", quoted(measure)),
    ));
}
