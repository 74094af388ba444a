//! `role-with-two-names`: Each role has one name.
//!
//! Two roles whose names mean the same people, such as “Manager” and “Line manager”, “HR” and “Human resources”, or “Finance” and “Finance team”, are probably one role. The check compares names without words such as team or department, expands initials, and allows for singular and plural. A name that adds who exactly (“Head nurse” beside “Nurse”) is a different role.

use super::super::lexicon::words;
use super::super::rule::quoted;
use super::super::{Component, Context, Draft, Rule, RuleDocs, Severity, Target};
use crate::workflow::graph::role_of;

pub const RULE: Rule = Rule {
    id: "role-with-two-names",
    component: Component::Roles,
    why: "When one person or team appears under two names, the workflow shows a handoff that never happens, and readers wonder who is who.",
    severity: [Some(Severity::Tip), Some(Severity::Warning), Some(Severity::Warning)],
    words: false,
    check,
};

/// The rule's documentation and examples (for its page and the tests; never in a browser bundle).
pub const DOCS: RuleDocs = RuleDocs {
    id: RULE.id,
    title: "Each role has one name",
    description: "Two roles whose names mean the same people, such as “Manager” and “Line manager”, “HR” and “Human resources”, “Head of Year” and “Year leader”, or “Finance” and “Finance team”, are probably one role. The check compares names without words such as team or department, in any order, expands initials, and allows for singular and plural. A name that adds who exactly (“Head nurse” beside “Nurse”) is a different role.",
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
    },
    {
      "id": "counter",
      "name": "Front desk team"
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
      "role": "counter",
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
    let mut seen: Vec<(&str, Vec<String>)> = Vec::new();
    let used: rustc_hash::FxHashSet<&str> = cx.doc.steps.iter().filter_map(role_of).collect();
    for role in &cx.doc.roles {
        let id = role.id.trim();
        if id.is_empty() || seen.iter().any(|(other, _)| *other == id) {
            continue;
        }
        let name = cx.role_name(id);
        let key = role_key(cx, &name);
        if key.is_empty() {
            continue;
        }
        if let Some((other, _)) = seen.iter().find(|(_, k)| same_role(k, &key)) {
            // Only roles that steps use: an unused one is `unused-role`'s finding.
            if used.contains(id) && used.contains(other) {
                out.push(Draft::new(
                    Target::Role { id: id.to_string() },
                    format!(
                        "{} and {} look like two names for the same people: if they are, use one role for both, since work does not really change hands between them.",
                        quoted(&cx.role_name(other)),
                        quoted(&name)
                    ),
                ));
            }
            continue;
        }
        seen.push((id, key));
    }
}

/// A role's name as the words that say who it is: lowercase, without words such as "team" and
/// "department", each word without a plural "s".
fn role_key(cx: &Context, name: &str) -> Vec<String> {
    words(name)
        .into_iter()
        .filter(|w| !cx.words.is_some_and(|l| l.is_role_filler(w)) && !GENERIC_FILLERS.contains(&w.as_str()))
        .map(|w| match singular(&w) {
            // "Head of Year", "Year leader", "Year lead": one job.
            "leader" | "lead" => "head".to_string(),
            other => other.to_string(),
        })
        .collect()
}

/// Words that never change who a role is, in any language.
const GENERIC_FILLERS: [&str; 4] = ["team", "dept", "the", "staff"];

fn singular(w: &str) -> &str {
    if w.len() > 3 {
        w.strip_suffix('s').unwrap_or(w)
    } else {
        w
    }
}

/// Whether two role keys name the same people: equal; one is the other's initials ("HR",
/// "RRHH" for "Recursos humanos"); or one word differs only in its ending ("Teamleiter",
/// "Teamleitung"; "Accountant", "Accounting").
fn same_role(a: &[String], b: &[String]) -> bool {
    if a == b {
        return true;
    }
    // The same words in another order: "Head of Year" and "Year leader".
    if a.len() == b.len() && a.len() > 1 {
        let (mut x, mut y) = (a.to_vec(), b.to_vec());
        x.sort_unstable();
        y.sort_unstable();
        if x == y {
            return true;
        }
    }
    let initials = |long: &[String]| -> String {
        long.iter()
            .filter(|w| w.len() > 3)
            .filter_map(|w| w.chars().next())
            .collect()
    };
    let acronym = |short: &[String], long: &[String]| {
        let [s] = short else { return false };
        if long.len() < 2 || !(2..=6).contains(&s.chars().count()) {
            return false;
        }
        let i = initials(long);
        // Spanish doubles the letters of plural words: "RRHH" for "recursos humanos".
        let undoubled: String = {
            let c: Vec<char> = s.chars().collect();
            if c.len().is_multiple_of(2) && c.chunks(2).all(|p| p[0] == p[1]) {
                c.chunks(2).map(|p| p[0]).collect()
            } else {
                s.clone()
            }
        };
        i.len() >= 2 && (*s == i || undoubled == i)
    };
    if acronym(a, b) || acronym(b, a) {
        return true;
    }
    if a.len() == b.len() {
        let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
        if let [i] = diff[..] {
            return same_stem(&a[i], &b[i]);
        }
    }
    false
}

/// Whether two words are one word with different endings that name the same people:
/// "teamleiter" and "teamleitung", "accountant" and "accounting", "manager" and "management".
fn same_stem(x: &str, y: &str) -> bool {
    const ENDINGS: [&str; 12] = [
        "erin", "er", "ung", "ing", "ment", "ant", "ent", "or", "ion", "ie", "in", "e",
    ];
    let stem = |w: &str| -> Option<String> {
        ENDINGS
            .iter()
            .find_map(|e| w.strip_suffix(e).filter(|s| s.chars().count() >= 5).map(str::to_string))
    };
    match (stem(x), stem(y)) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}
