//! The rule catalogue: one rule per file, each with its documentation, a poor and a good
//! example, and its check. [`RULES`] lists them in the order the catalogue shows them: by
//! component, then from the most basic to the finest point.

pub mod artifact_near_miss;
pub mod branch_without_condition;
pub mod decision_without_otherwise;
pub mod duplicate_role_id;
pub mod duplicate_step_id;
pub mod empty_handoff;
pub mod empty_step_title;
pub mod handoff_ping_pong;
pub mod input_without_source;
pub mod loop_without_exit;
pub mod missing_outcome;
pub mod missing_trigger;
pub mod no_handoff;
pub mod no_steps;
pub mod outcome_without_measure;
pub mod role_with_two_names;
pub mod single_step;
pub mod step_not_action;
pub mod step_without_data;
pub mod step_without_role;
pub mod trigger_as_instruction;
pub mod trigger_repeats_first_step;
pub mod trigger_with_several_events;
pub mod trigger_without_kind;
pub mod undefined_role;
pub mod unknown_next_step;
pub mod unmeasurable_outcome;
pub mod unreachable_step;
pub mod unused_output;
pub mod unused_role;
pub mod vague_wording;

use super::{Context, Rule, RuleDocs};
use crate::workflow::artifact;
use crate::workflow::artifact::Keys;
use crate::workflow::graph::{Key, Lists};

/// Every rule, grouped by component in display order.
pub static RULES: &[&Rule] = &[
    &no_steps::RULE,
    &single_step::RULE,
    &empty_step_title::RULE,
    &duplicate_step_id::RULE,
    &unknown_next_step::RULE,
    &unreachable_step::RULE,
    &loop_without_exit::RULE,
    &branch_without_condition::RULE,
    &decision_without_otherwise::RULE,
    &step_not_action::RULE,
    &vague_wording::RULE,
    &step_without_role::RULE,
    &undefined_role::RULE,
    &unused_role::RULE,
    &duplicate_role_id::RULE,
    &role_with_two_names::RULE,
    &no_handoff::RULE,
    &empty_handoff::RULE,
    &handoff_ping_pong::RULE,
    &input_without_source::RULE,
    &artifact_near_miss::RULE,
    &unused_output::RULE,
    &step_without_data::RULE,
    &missing_trigger::RULE,
    &trigger_repeats_first_step::RULE,
    &trigger_without_kind::RULE,
    &trigger_as_instruction::RULE,
    &trigger_with_several_events::RULE,
    &missing_outcome::RULE,
    &unmeasurable_outcome::RULE,
    &outcome_without_measure::RULE,
];

/// Every rule's documentation, in the same order as [`RULES`].
pub static DOCS: &[&RuleDocs] = &[
    &no_steps::DOCS,
    &single_step::DOCS,
    &empty_step_title::DOCS,
    &duplicate_step_id::DOCS,
    &unknown_next_step::DOCS,
    &unreachable_step::DOCS,
    &loop_without_exit::DOCS,
    &branch_without_condition::DOCS,
    &decision_without_otherwise::DOCS,
    &step_not_action::DOCS,
    &vague_wording::DOCS,
    &step_without_role::DOCS,
    &undefined_role::DOCS,
    &unused_role::DOCS,
    &duplicate_role_id::DOCS,
    &role_with_two_names::DOCS,
    &no_handoff::DOCS,
    &empty_handoff::DOCS,
    &handoff_ping_pong::DOCS,
    &input_without_source::DOCS,
    &artifact_near_miss::DOCS,
    &unused_output::DOCS,
    &step_without_data::DOCS,
    &missing_trigger::DOCS,
    &trigger_repeats_first_step::DOCS,
    &trigger_without_kind::DOCS,
    &trigger_as_instruction::DOCS,
    &trigger_with_several_events::DOCS,
    &missing_outcome::DOCS,
    &unmeasurable_outcome::DOCS,
    &outcome_without_measure::DOCS,
];

/// Every rule with its documentation, in catalogue order.
pub fn documented() -> impl Iterator<Item = (&'static Rule, &'static RuleDocs)> {
    RULES.iter().copied().zip(DOCS.iter().copied())
}

/// Looks a rule up by id.
pub fn find(id: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.id == id)
}

/// Looks a rule's documentation up by id.
pub fn docs(id: &str) -> Option<&'static RuleDocs> {
    DOCS.iter().copied().find(|d| d.id == id)
}

/// For an input of step `i` that nothing before it produces, the name of an artifact that is
/// produced and is almost certainly the same one written another way: a letter or two away, or
/// the singular or plural ("approved order" for "approved orders"). `None` when there is no single
/// such name.
pub(crate) fn near_miss(cx: &Context, i: usize, key: Key<'_>) -> Option<String> {
    if key.text.is_empty() || cx.graph.has_source(i, key) || cx.graph.produces(key) {
        return None;
    }
    let key = key.text;
    let names = cx.names.get_or_init(|| Names::new(cx));
    // Exactly one name may be similar: two different ones leave it unclear which was meant.
    let mut found = None;
    for sign in signatures(key) {
        let Some(id) = names.signs.get(&sign) else {
            continue;
        };
        for &c in &names.with[id as usize] {
            let other = &names.keys[c].0;
            if other != key && artifact::similar(key, other) {
                match found {
                    Some(f) if f != c => return None,
                    _ => found = Some(c),
                }
            }
        }
    }
    found.map(|c| names.keys[c].1.clone())
}

/// The names an unmatched input may be a near miss of: what the trigger provides and what the
/// steps a path reaches produce, each key once, indexed by the ways [`artifact::similar`] can match
/// them, so finding the candidates for one input takes a few lookups, not a pass over every name
/// (a document with thousands of unmatched inputs stays linear). Built the first time an input
/// needs it.
pub(crate) struct Names {
    /// Each key, in the document's order, with the name as first written.
    keys: Vec<(String, String)>,
    /// The signatures of the keys (see [`signatures`]), by number.
    signs: Keys,
    /// For each signature, the keys (places in `keys`) that have it.
    with: Lists<usize>,
}

/// What an unmatched input may have meant: the names the trigger provides, then the outputs of
/// the steps a path reaches, in the document's order.
fn produced_names<'d>(cx: &'d Context) -> impl Iterator<Item = &'d String> + 'd {
    let trigger = cx.doc.trigger.iter().flat_map(|t| t.provides.iter());
    let outputs = cx
        .doc
        .steps
        .iter()
        .enumerate()
        .filter(|&(j, _)| cx.graph.reachable[j])
        .flat_map(|(_, s)| s.outputs.iter());
    trigger.chain(outputs)
}

impl Names {
    fn new(cx: &Context) -> Names {
        let mut keys: Vec<(String, String)> = Vec::new();
        let mut signs = Keys::default();
        let mut seen = Keys::default();
        let mut pairs = Vec::new();
        for name in produced_names(cx) {
            let key = artifact::key(name);
            let known = seen.len();
            if key.is_empty() || (seen.add(&key) as usize) < known {
                continue;
            }
            for sign in signatures(&key) {
                pairs.push((signs.add(&sign) as usize, keys.len()));
            }
            keys.push((key, artifact::display(name)));
        }
        Names {
            keys,
            with: Lists::gather(signs.len(), pairs),
            signs,
        }
    }
}

/// The ways two keys can be one name written two ways, as [`artifact::similar`] decides: the same
/// letters and digits, or the same words but one. Two similar keys share at least one.
fn signatures(key: &str) -> Vec<String> {
    let words: Vec<&str> = key.split(' ').collect();
    let mut out = vec![artifact::squash(key)];
    for j in 0..words.len() {
        out.push(pattern(&words, j));
    }
    out
}

/// The words of a key with word `j` left out (marked by a character no key holds).
fn pattern(words: &[&str], j: usize) -> String {
    let mut out = String::new();
    for (k, w) in words.iter().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        out.push_str(if k == j { "\u{0}" } else { w });
    }
    out
}

/// "a", "a and b", "a, b and c".
pub(crate) fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// A readable name for a role known only by its id: `line-manager` → "Line manager".
pub(crate) fn name_from_id(id: &str) -> String {
    capitalise(&id.replace(['-', '_'], " "))
}

/// The text with its first letter in capitals.
pub(crate) fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workflow::document::{StepDoc, TriggerDoc};
    use crate::workflow::WorkflowDoc;
    use proptest::prelude::*;

    /// `near_miss` as first written: a pass over every name for each input.
    fn near_miss_by_scan(cx: &Context, i: usize, key: &str) -> Option<String> {
        if key.is_empty() || cx.graph.input_has_source(i, key) || cx.graph.is_produced(key) {
            return None;
        }
        let mut found: Option<String> = None;
        for name in produced_names(cx) {
            let k = artifact::key(name);
            if k != key && artifact::similar(key, &k) {
                match &found {
                    Some(f) if artifact::key(f) != k => return None,
                    Some(_) => {}
                    None => found = Some(artifact::display(name)),
                }
            }
        }
        found
    }

    const NAMES: [&str; 14] = [
        "approved order",
        "Approved  orders",
        "aproved order",
        "e-mail",
        "email",
        "form 1",
        "form 2",
        "claim",
        "claims",
        "receipt",
        "reciept",
        "travel claim",
        "travel claims",
        "",
    ];

    proptest! {
        #[test]
        fn the_index_finds_what_a_scan_of_every_name_finds(
            provides in proptest::collection::vec(0..NAMES.len(), 0..3),
            steps in proptest::collection::vec((proptest::collection::vec(0..NAMES.len(), 0..3), proptest::collection::vec(0..NAMES.len(), 0..3)), 1..8),
        ) {
            let mut doc = WorkflowDoc::new();
            doc.trigger = Some(TriggerDoc { provides: provides.iter().map(|&n| NAMES[n].to_string()).collect(), ..TriggerDoc::default() });
            doc.steps = steps
                .iter()
                .enumerate()
                .map(|(k, (inputs, outputs))| StepDoc {
                    id: format!("s{k}"),
                    inputs: inputs.iter().map(|&n| NAMES[n].to_string()).collect(),
                    outputs: outputs.iter().map(|&n| NAMES[n].to_string()).collect(),
                    ..StepDoc::default()
                })
                .collect();
            let cx = Context::new(&doc);
            for i in 0..doc.steps.len() {
                for (key, _) in cx.graph.input_keys(i) {
                    prop_assert_eq!(near_miss(&cx, i, key), near_miss_by_scan(&cx, i, key.text), "{}", key.text);
                }
            }
        }
    }

    #[test]
    fn helpers_read_naturally() {
        assert_eq!(
            join_and(&["“a”".into(), "“b”".into(), "“c”".into()]),
            "“a”, “b” and “c”"
        );
        assert_eq!(name_from_id("line-manager"), "Line manager");
        assert!(artifact::similar("approved order", "approved orders"));
        assert!(artifact::similar("shelf location", "shelf locaton"));
        assert!(artifact::similar("e-mail", "email"));
        assert!(artifact::similar("rechnung", "rechnungen"));
        assert!(!artifact::similar("form 1", "form 2"));
        assert!(!artifact::similar("invoice", "receipt"));
        assert!(!artifact::similar("bill", "pill"));
    }

    #[test]
    fn ids_are_unique_kebab_case_and_match_their_files() {
        let mut ids: Vec<&str> = RULES.iter().map(|r| r.id).collect();
        assert!(ids
            .iter()
            .all(|id| id.chars().all(|c| c.is_ascii_lowercase() || c == '-')));
        ids.sort_unstable();
        let before = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), before, "rule ids must be unique");
        assert!(RULES.len() >= 24);

        // Every file in this folder is a rule the engine runs, named after its id: a rule file
        // that is not registered in RULES (or a registered id with no file) fails here.
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/feedback/rules");
        let mut files: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .filter(|n| n.ends_with(".rs") && n != "mod.rs")
            .map(|n| n.trim_end_matches(".rs").replace('_', "-"))
            .collect();
        files.sort_unstable();
        assert_eq!(files, ids, "the rule files and the registered rules differ");
        // Each file's module declares the rule of its own name.
        let source = std::fs::read_to_string(dir.join("mod.rs")).unwrap();
        for id in &ids {
            let module = id.replace('-', "_");
            assert!(source.contains(&format!("pub mod {module};")), "{id} has no module");
            let file = std::fs::read_to_string(dir.join(format!("{module}.rs"))).unwrap();
            assert!(
                file.contains(&format!("id: \"{id}\"")),
                "{module}.rs does not define the rule {id}"
            );
        }
    }

    #[test]
    fn every_rule_has_its_documentation_in_the_same_order() {
        assert_eq!(RULES.len(), DOCS.len());
        for (rule, docs) in documented() {
            assert_eq!(rule.id, docs.id);
            assert!(!docs.title.is_empty() && !docs.description.is_empty());
            assert!(docs.poor != docs.good, "{}: the examples must differ", rule.id);
        }
    }
}
