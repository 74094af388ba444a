//! `trigger-as-instruction`: The trigger is an event, not an instruction.
//!
//! A trigger describes an event, a request, a time or a condition: “A reader asks for a book”, “Every Monday at 9”, “Stock falls below ten”. “Fill in the claim form and attach photos” is an instruction: it belongs in a first step, with a role, and the trigger says what happens before it. The check reads the trigger's first word (or last, in German) against the language's word list.

use super::super::rule::quoted;
use super::super::{Change, Component, Context, Draft, Fix, Rule, RuleDocs, Severity, Target};
use crate::workflow::graph::role_of;

pub const RULE: Rule = Rule {
    id: "trigger-as-instruction",
    component: Component::Trigger,
    why: "A trigger is what happens that starts the work. Written as an instruction, it hides that event, and the instruction is really the first step with nobody to do it.",
    severity: [Some(Severity::Warning), Some(Severity::Warning), Some(Severity::Error)],
    words: true,
    check,
};

/// The rule's documentation and examples (for its page and the tests; never in a browser bundle).
pub const DOCS: RuleDocs = RuleDocs {
    id: RULE.id,
    title: "The trigger is an event, not an instruction",
    description: "A trigger describes an event, a request, a time or a condition: “A reader asks for a book”, “Every Monday at 9”, “Stock falls below ten”. “Fill in the claim form and attach photos” is an instruction: it belongs in a first step, with a role, and the trigger says what happens before it. The check reads the trigger's first word (or last, in German) against the language's word list.",
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
    "description": "Ask at the front desk for a book from the store",
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
    let text = trigger.description.trim();
    // A trigger that repeats the first step is `trigger-repeats-first-step`'s finding.
    if text.is_empty() || !cx.lexicon().is_instruction(text) || super::trigger_repeats_first_step::repeats(cx) {
        return;
    }
    let words = cx.lexicon();
    let mut draft = Draft::new(
        Target::Trigger,
        format!(
            "The trigger {} is an instruction, not an event: a trigger is what happens that starts the work, such as “{}”. Make the instruction a first step, and say what happens before it.",
            quoted(text),
            words.event_example()
        ),
    );
    // The new step takes the first step's role: only offered when there is one, so the fix never
    // adds a step without a role. The new step leads into the first, so it is offered only when
    // work from the first step can reach an end: otherwise the new step would be one more step
    // with no way to finish.
    let defined = |s: &&crate::workflow::document::StepDoc| {
        role_of(s).is_some_and(|r| cx.doc.roles.iter().any(|d| d.id.trim() == r))
    };
    let finishes = cx.graph.finishes.first() == Some(&true);
    if let Some(first) = cx.doc.steps.first().filter(defined).filter(|_| finishes) {
        let mut id = String::from("start");
        let mut n = 1;
        while cx.doc.steps.iter().any(|s| s.id == id) {
            n += 1;
            id = format!("start-{n}");
        }
        draft = draft.with_fix(Fix {
            description: format!(
                "Move {} into a new first step, and write “{}” as the trigger for now: change it to what really happens.",
                quoted(text),
                words.request_trigger()
            ),
            change: Change::TriggerToStep {
                id,
                title: text.to_string(),
                role: first.role.clone(),
                trigger: words.request_trigger().to_string(),
            },
        });
    }
    out.push(draft);
}
