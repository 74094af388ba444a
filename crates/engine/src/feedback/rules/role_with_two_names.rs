//! `role-with-two-names`: Each role has one name.
//!
//! Two roles whose names mean the same people, such as “Manager” and “Line manager”, “HR” and “Human resources”, or “Finance” and “Finance team”, are probably one role. The check compares names without words such as team or department, expands initials, and allows for singular and plural. A name that adds who exactly (“Head nurse” beside “Nurse”) is a different role.

use super::super::lexicon::words;
use super::super::rule::quoted;
use super::super::{Component, Context, Draft, Rule, RuleDocs, Severity, Target};
use crate::workflow::artifact::Keys;
use crate::workflow::graph::{role_of, Lists};

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
    let used: rustc_hash::FxHashSet<&str> = cx.doc.steps.iter().filter_map(role_of).collect();
    // Each role's id and key, once per id (a second role with the same id is
    // `duplicate-role-id`'s finding), then every way `same_role` can match each key, so a role is
    // compared only with the roles it may be: a document with thousands of roles stays linear.
    let mut roles: Vec<(&str, Vec<String>)> = Vec::new();
    for (i, role) in cx.doc.roles.iter().enumerate() {
        let id = role.id.trim();
        if id.is_empty() || cx.graph.role_index.get(id) != Some(&i) {
            continue;
        }
        let key = role_key(cx, &cx.role_name(id));
        if !key.is_empty() {
            roles.push((id, key));
        }
    }
    let mut signs = Keys::default();
    let mut pairs = Vec::new();
    let by_role = Lists::build(roles.len(), |r, own| {
        for sign in signatures(&roles[r].1) {
            let id = signs.add(&sign);
            own.push(id);
            pairs.push((id as usize, r));
        }
    });
    let with = Lists::gather(signs.len(), pairs);
    let mut kept = vec![false; roles.len()];
    for (r, (id, key)) in roles.iter().enumerate() {
        // The first role before this one, and not itself another's second name, that it may be.
        let first = by_role[r]
            .iter()
            .filter_map(|&s| {
                with[s as usize]
                    .iter()
                    .copied()
                    .take_while(|&k| k < r)
                    .find(|&k| kept[k] && same_role(&roles[k].1, key))
            })
            .min();
        let Some(k) = first else {
            kept[r] = true;
            continue;
        };
        let other = roles[k].0;
        // Only roles that steps use: an unused one is `unused-role`'s finding.
        if used.contains(id) && used.contains(other) {
            out.push(Draft::new(
                Target::Role { id: id.to_string() },
                format!(
                    "{} and {} look like two names for the same people: if they are, use one role for both, since work does not really change hands between them.",
                    quoted(&cx.role_name(other)),
                    quoted(&cx.role_name(id))
                ),
            ));
        }
    }
}

/// The ways a role key can match another in [`same_role`]: two keys that name the same people
/// share at least one. The words themselves; the words in order of the alphabet; the initials of
/// a longer name, or a short name as initials (also with Spanish doubled letters undone); and,
/// for each word with an ending, the key with that word cut to its stem.
fn signatures(key: &[String]) -> Vec<String> {
    let mut out = vec![format!("={}", key.join(" "))];
    if key.len() > 1 {
        let mut sorted = key.to_vec();
        sorted.sort_unstable();
        out.push(format!("~{}", sorted.join(" ")));
        let initials = initials(key);
        if initials.len() >= 2 {
            out.push(format!("i{initials}"));
        }
    }
    if let [short] = key {
        if (2..=6).contains(&short.chars().count()) {
            out.push(format!("i{short}"));
            out.push(format!("i{}", undoubled(short)));
        }
    }
    for (j, word) in key.iter().enumerate() {
        if let Some(stem) = stem(word) {
            let mut marked = key.to_vec();
            marked[j] = format!("\u{0}{stem}");
            out.push(format!("s{}", marked.join(" ")));
        }
    }
    out
}

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
    let acronym = |short: &[String], long: &[String]| {
        let [s] = short else { return false };
        if long.len() < 2 || !(2..=6).contains(&s.chars().count()) {
            return false;
        }
        let i = initials(long);
        i.len() >= 2 && (*s == i || undoubled(s) == i)
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
    match (stem(x), stem(y)) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}

/// A word without the first ending it has that names people or their work, if at least five
/// letters are left.
fn stem(w: &str) -> Option<&str> {
    const ENDINGS: [&str; 12] = [
        "erin", "er", "ung", "ing", "ment", "ant", "ent", "or", "ion", "ie", "in", "e",
    ];
    ENDINGS
        .iter()
        .find_map(|e| w.strip_suffix(e).filter(|s| s.chars().count() >= 5))
}

/// The first letters of a name's longer words: "Human resources" → "hr".
fn initials(long: &[String]) -> String {
    long.iter()
        .filter(|w| w.len() > 3)
        .filter_map(|w| w.chars().next())
        .collect()
}

/// A short name with doubled letters undone, as Spanish doubles the letters of plural words:
/// "rrhh" for "recursos humanos" → "rh".
fn undoubled(s: &str) -> String {
    let c: Vec<char> = s.chars().collect();
    if c.len().is_multiple_of(2) && c.chunks(2).all(|p| p[0] == p[1]) {
        c.chunks(2).map(|p| p[0]).collect()
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workflow::document::{RoleDoc, StepDoc};
    use crate::workflow::WorkflowDoc;
    use proptest::prelude::*;

    /// The check as first written: each role compared with every role kept before it.
    fn check_by_pairs(cx: &Context) -> Vec<(String, String)> {
        let mut seen: Vec<(&str, Vec<String>)> = Vec::new();
        let mut ids: Vec<&str> = Vec::new();
        let mut out = Vec::new();
        for role in &cx.doc.roles {
            let id = role.id.trim();
            // A second role with the same id is `duplicate-role-id`'s finding, not this one's.
            if id.is_empty() || ids.contains(&id) {
                continue;
            }
            ids.push(id);
            let key = role_key(cx, &cx.role_name(id));
            if key.is_empty() {
                continue;
            }
            if let Some((other, _)) = seen.iter().find(|(_, k)| same_role(k, &key)) {
                out.push((other.to_string(), id.to_string()));
                continue;
            }
            seen.push((id, key));
        }
        out
    }

    const NAMES: [&str; 16] = [
        "HR",
        "Human resources",
        "RRHH",
        "Recursos humanos",
        "Head of Year",
        "Year leader",
        "Teamleiter",
        "Teamleitung",
        "Accountant",
        "Accounting",
        "Finance",
        "Finance team",
        "Head nurse",
        "Nurse",
        "Manager",
        "",
    ];

    proptest! {
        #[test]
        fn the_index_finds_the_pairs_a_comparison_of_every_pair_finds(
            roles in proptest::collection::vec((0..NAMES.len(), 0usize..12), 0..14),
        ) {
            let mut doc = WorkflowDoc::new();
            doc.roles = roles
                .iter()
                .map(|&(n, id)| RoleDoc { id: format!("r{id}"), name: NAMES[n].to_string() })
                .collect();
            // Every role is used, so every pair found becomes a finding.
            doc.steps = doc
                .roles
                .iter()
                .map(|r| StepDoc { id: r.id.clone(), role: Some(r.id.clone()), ..StepDoc::default() })
                .collect();
            let cx = Context::new(&doc);
            let mut found = Vec::new();
            check(&cx, &mut found);
            let pairs = check_by_pairs(&cx);
            prop_assert_eq!(found.len(), pairs.len());
            for (f, (other, id)) in found.iter().zip(&pairs) {
                prop_assert_eq!(&f.target, &Target::Role { id: id.clone() });
                prop_assert!(f.message.contains(&cx.role_name(other)), "{} / {}", f.message, other);
            }
        }
    }
}
