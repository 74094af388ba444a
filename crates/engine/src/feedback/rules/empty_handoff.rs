//! `empty-handoff`: Every handoff carries something.
//!
//! A handoff happens where work moves between steps done by different roles. What passes is what the first step outputs and the next step takes as input. If the two lists share nothing, the handoff carries nothing.

use super::super::{Change, Component, Context, Draft, Fix, Rule, RuleDocs, Severity, Target};

pub const RULE: Rule = Rule {
    id: "empty-handoff",
    component: Component::Handoffs,
    why: "A handoff that carries nothing is where work gets lost: the next person starts without what they need.",
    severity: [Some(Severity::Tip), Some(Severity::Warning), Some(Severity::Error)],
    words: false,
    check,
};

/// The rule's documentation and examples (for its page and the tests; never in a browser bundle).
pub const DOCS: RuleDocs = RuleDocs {
    id: RULE.id,
    title: "Every handoff carries something",
    description: "A handoff happens where work moves between steps done by different roles. What passes is what the first step outputs and the next step takes as input. If the two lists share nothing, the handoff carries nothing.",
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
      "inputs": [],
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
    for h in &cx.graph.handoffs {
        if !cx.graph.carries(h).is_empty() {
            continue;
        }
        let (from, to) = (&cx.doc.steps[h.from], &cx.doc.steps[h.to]);
        let receiver = cx.role_name(h.to_role);
        let mut draft = Draft::new(
            Target::Edge { from: from.id.clone(), to: to.id.clone() },
            format!(
                "When work passes from {} ({}) to {} ({receiver}), nothing is handed over: what does {receiver} receive?",
                cx.step_name(h.from),
                cx.role_name(h.from_role),
                cx.step_name(h.to)
            ),
        );
        if let Some(output) = from.outputs.iter().find(|o| !o.trim().is_empty()) {
            let output = crate::workflow::artifact::display(output);
            draft = draft.with_fix(Fix {
                description: format!(
                    "Add “{output}”, which {} produces, to the inputs of {}.",
                    cx.step_name(h.from),
                    cx.step_name(h.to)
                ),
                change: Change::AddInput {
                    step: to.id.clone(),
                    artifact: output,
                },
            });
        }
        out.push(draft);
    }
}
