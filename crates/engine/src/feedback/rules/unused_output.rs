//! `unused-output`: Every output is used.
//!
//! What a step produces should be used by a later step, or be a result of the workflow (an output of an end step). An output nobody uses is either unnecessary work or a missing input.

use super::super::{Component, Context, Draft, Rule, RuleDocs, Severity, Target};
use crate::workflow::artifact;
use rustc_hash::FxHashSet as HashSet;

pub const RULE: Rule = Rule {
    id: "unused-output",
    component: Component::InputsOutputs,
    why:
        "Producing something nobody uses wastes effort; more often it means a later step forgot to list what it needs.",
    severity: [Some(Severity::Tip), Some(Severity::Warning), Some(Severity::Warning)],
    words: false,
    check,
};

/// The rule's documentation and examples (for its page and the tests; never in a browser bundle).
pub const DOCS: RuleDocs = RuleDocs {
    id: RULE.id,
    title: "Every output is used",
    description: "What a step produces should be used by a later step, or be a result of the workflow (an output of an end step). An output nobody uses is either unnecessary work or a missing input.",
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
        "shelf location",
        "search log"
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
    // The outputs some unmatched input names another way, worked out once, and only when an
    // output is unused at all.
    let mut meant: Option<HashSet<String>> = None;
    for (i, step) in cx.doc.steps.iter().enumerate() {
        // A step no path reaches is reported once, by `unreachable-step`: what it needs and
        // makes is not reported again.
        if !cx.graph.reachable[i] {
            continue;
        }
        if cx.graph.is_end[i] {
            continue;
        }
        for (output, (key, again)) in step.outputs.iter().zip(cx.graph.output_keys(i)) {
            // Each artifact once, even if the step lists it twice.
            if key.text.is_empty() || again || cx.graph.is_consumed(key) {
                continue;
            }
            // Used under a name a letter or a plural away: `artifact-near-miss` says so, once.
            if meant.get_or_insert_with(|| meant_keys(cx)).contains(key.text) {
                continue;
            }
            let name = artifact::display(output);
            out.push(Draft::new(
                Target::Artifact { name: name.clone() },
                format!("{} produces “{name}”, but no step uses it.", cx.step_name(i)),
            ));
        }
    }
}

/// The keys of the outputs that some reachable step's unmatched input names another way.
fn meant_keys(cx: &Context) -> HashSet<String> {
    (0..cx.doc.steps.len())
        .filter(|&i| cx.graph.reachable[i])
        .flat_map(|i| {
            cx.graph
                .input_keys(i)
                .filter_map(move |(k, _)| super::near_miss(cx, i, k))
        })
        .map(|m| artifact::key(&m))
        .collect()
}
