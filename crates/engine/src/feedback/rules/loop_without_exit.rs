//! `loop-without-exit`: Every loop has a way out.
//!
//! Loops are normal: a claim goes back for fixing, then returns for review. But at least one step in a loop needs a branch that leads on, out of the loop, towards an end.

use super::super::{Component, Context, Draft, Rule, RuleDocs, Severity};
use super::join_and;

pub const RULE: Rule = Rule {
    id: "loop-without-exit",
    component: Component::Steps,
    why: "A loop with no way out sends work round forever, so nothing ever finishes.",
    severity: [Some(Severity::Error), Some(Severity::Error), Some(Severity::Error)],
    words: false,
    check,
};

/// The rule's documentation and examples (for its page and the tests; never in a browser bundle).
pub const DOCS: RuleDocs = RuleDocs {
    id: RULE.id,
    title: "Every loop has a way out",
    description: "Loops are normal: a claim goes back for fixing, then returns for review. But at least one step in a loop needs a branch that leads on, out of the loop, towards an end.",
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
      "next": [
        {
          "to": "check"
        }
      ]
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
    let g = &cx.graph;
    let trapped = |c: usize| g.component_is_loop[c] && !g.members[c].iter().any(|&j| g.finishes[j]);
    // Work before a loop with no way out that can only end up in it never finishes either: one
    // cause, so this finding says so rather than a finding for each of those steps. Each such step
    // counts for the first trapping loop found going back from the loops.
    let mut owner = vec![usize::MAX; g.len()];
    let mut stack = Vec::new();
    for (c, members) in g.members.iter().enumerate() {
        if trapped(c) {
            for &j in members {
                owner[j] = c;
                stack.push(j);
            }
        }
    }
    while let Some(s) = stack.pop() {
        for &p in &g.pred[s] {
            if owner[p] == usize::MAX && !g.finishes[p] {
                owner[p] = owner[s];
                stack.push(p);
            }
        }
    }
    // For each loop: how many reachable steps before it it traps.
    let mut before = vec![0usize; g.members.len()];
    for (i, &c) in owner.iter().enumerate() {
        if c != usize::MAX && g.component[i] != c && g.reachable[i] {
            before[c] += 1;
        }
    }
    for (c, members) in g.members.iter().enumerate() {
        if !trapped(c) {
            continue;
        }
        let mut names: Vec<String> = members.iter().take(3).map(|&j| cx.step_name(j)).collect();
        if members.len() > 3 {
            names.push(format!("{} more", members.len() - 3));
        }
        let (what, which) = if members.len() == 1 {
            (format!("{} leads back to itself", names[0]), "it")
        } else {
            (format!("{} form a loop", join_and(&names)), "one of them")
        };
        let stuck = match before[c] {
            0 => String::new(),
            1 => " The step before the loop can never finish either.".to_string(),
            n => format!(" The {n} steps before the loop can never finish either."),
        };
        out.push(Draft::new(
            cx.step_target(members[0]),
            format!("{what} with no way out: work would go round forever. Give {which} a branch that leads on.{stuck}"),
        ));
    }
}
