//! `no-path-to-end`: From every step, work can reach an end.
//!
//! An end step is one with `next: []`, or the last step when it has no `next`. From every step there should be a path to some end, so work can finish.

use super::super::{Component, Context, Draft, Rule, RuleDocs, Severity};

pub const RULE: Rule = Rule {
    id: "no-path-to-end",
    component: Component::Steps,
    why: "If work can reach a step from which no end is reachable, that work never finishes: the outcome is never delivered.",
    severity: [Some(Severity::Warning), Some(Severity::Error), Some(Severity::Error)],
    words: false,
    check,
};

/// The rule's documentation and examples (for its page and the tests; never in a browser bundle).
pub const DOCS: RuleDocs = RuleDocs {
    id: RULE.id,
    title: "From every step, work can reach an end",
    description: "An end step is one with `next: []`, or the last step when it has no `next`. From every step there should be a path to some end, so work can finish.",
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
      ],
      "next": [
        {
          "to": "search",
          "when": "the book is not in its place"
        },
        {
          "to": "lend",
          "when": "found"
        }
      ]
    },
    {
      "id": "search",
      "title": "Search the store for the misplaced book",
      "role": "store",
      "inputs": [
        "shelf location"
      ],
      "outputs": [
        "search notes"
      ],
      "next": [
        {
          "to": "ask"
        }
      ]
    },
    {
      "id": "ask",
      "title": "Ask the store manager where the book is",
      "role": "store",
      "inputs": [
        "search notes"
      ],
      "outputs": [
        "new location"
      ],
      "next": [
        {
          "to": "recheck"
        }
      ]
    },
    {
      "id": "recheck",
      "title": "Recheck the shelf at the new location",
      "role": "store",
      "inputs": [
        "new location"
      ],
      "outputs": [
        "search notes"
      ],
      "next": [
        {
          "to": "ask"
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
          "to": "search",
          "when": "the book is not in its place"
        },
        {
          "to": "lend",
          "when": "found"
        }
      ]
    },
    {
      "id": "search",
      "title": "Search the store for the misplaced book",
      "role": "store",
      "inputs": [
        "shelf location"
      ],
      "outputs": [
        "search notes"
      ],
      "next": [
        {
          "to": "ask"
        }
      ]
    },
    {
      "id": "ask",
      "title": "Ask the store manager where the book is",
      "role": "store",
      "inputs": [
        "search notes"
      ],
      "outputs": [
        "new location"
      ],
      "next": [
        {
          "to": "recheck"
        }
      ]
    },
    {
      "id": "recheck",
      "title": "Recheck the shelf at the new location",
      "role": "store",
      "inputs": [
        "new location"
      ],
      "outputs": [
        "search notes",
        "book"
      ],
      "next": [
        {
          "to": "ask",
          "when": "still missing"
        },
        {
          "to": "lend",
          "when": "found"
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
    let g = &cx.graph;
    for (i, &finishes) in g.finishes.iter().enumerate() {
        let c = g.component[i];
        // Steps inside a loop with no exit are reported once, by `loop-without-exit`.
        let trapped_loop = g.component_is_loop[c] && !g.members[c].iter().any(|&j| g.finishes[j]);
        if !finishes && !trapped_loop {
            out.push(Draft::new(
                cx.step_target(i),
                format!(
                    "Work that reaches {} can never finish: no path leads from it to an end step.",
                    cx.step_name(i)
                ),
            ));
        }
    }
}
