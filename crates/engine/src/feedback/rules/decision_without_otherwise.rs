//! `decision-without-otherwise`: Every decision covers every case.
//!
//! When every way out of a step has a condition, together they must cover every case. One condition on its own (“the book is in the store”) leaves the other cases with no path; add a way for them, with a condition such as “otherwise” or the opposite case (“the book is not in the store”). Pairs that cover each other, such as approved and rejected or yes and no, and words for every other case, such as otherwise or else, are recognised in each language Flowguide has a word list for.

use super::super::rule::quoted;
use super::super::{Component, Context, Draft, Rule, RuleDocs, Severity};

pub const RULE: Rule = Rule {
    id: "decision-without-otherwise",
    component: Component::Steps,
    why: "A decision that only says what happens in some cases leaves the others with nowhere to go: work stops, or someone improvises.",
    severity: [Some(Severity::Warning), Some(Severity::Warning), Some(Severity::Error)],
    words: false,
    check,
};

/// The rule's documentation and examples (for its page and the tests; never in a browser bundle).
pub const DOCS: RuleDocs = RuleDocs {
    id: RULE.id,
    title: "Every decision covers every case",
    description: "When every way out of a step has a condition, together they must cover every case. One condition on its own (“the book is in the store”) leaves the other cases with no path; add a way for them, with a condition such as “otherwise” or the opposite case (“the book is not in the store”). Pairs that cover each other, such as approved and rejected or yes and no, and words for every other case, such as otherwise or else, are recognised in each language Flowguide has a word list for.",
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
          "to": "fetch",
          "when": "the book is in the store"
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
        let conditions: Vec<&str> = next.iter().filter_map(|n| n.when.as_deref()).map(str::trim).collect();
        // Only when every way out has a condition: a link without one already takes every other
        // case (or is `branch-without-condition`'s finding).
        if next.is_empty() || conditions.len() != next.len() || conditions.iter().any(|c| c.is_empty()) {
            continue;
        }
        let covered = match (conditions.as_slice(), cx.words) {
            // One condition alone never covers every case, in any language.
            ([one], words) => words.is_some_and(|w| w.is_otherwise(one)),
            // Two or more: a learner who names two or more cases means them to be the cases there
            // are ("resolved", "needs a specialist"). Only when they are plainly one case written
            // twice ("approved" and "accepted") is another case left with nowhere to go.
            (_, Some(w)) => !w.same_case(&conditions),
            // No word list for the language: say nothing rather than something wrong.
            (_, None) => true,
        };
        if covered {
            continue;
        }
        let listed: Vec<String> = conditions.iter().map(|c| quoted(c)).collect();
        out.push(Draft::new(
            cx.step_target(i),
            format!(
                "{} only says what happens when {}: add a way out for every other case, with a condition such as “{}”.",
                cx.step_name(i),
                join_or(&listed),
                cx.words.map_or("otherwise".to_string(), |w| w.otherwise_example())
            ),
        ));
    }
}

/// "a", "a or b", "a, b or c".
fn join_or(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}
