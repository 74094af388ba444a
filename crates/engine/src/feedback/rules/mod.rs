//! The rule catalogue: one rule per file, each with its documentation, a poor and a good
//! example, and its check. [`RULES`] lists them in the order the catalogue shows them: by
//! component, then from the most basic to the finest point.

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
pub mod no_path_to_end;
pub mod no_steps;
pub mod single_step;
pub mod step_not_action;
pub mod step_without_data;
pub mod step_without_role;
pub mod trigger_repeats_first_step;
pub mod trigger_without_kind;
pub mod undefined_role;
pub mod unknown_next_step;
pub mod unmeasurable_outcome;
pub mod unreachable_step;
pub mod unused_output;
pub mod unused_role;
pub mod vague_wording;

use super::{Rule, RuleDocs};

/// Every rule, grouped by component in display order.
pub static RULES: &[&Rule] = &[
    &no_steps::RULE,
    &single_step::RULE,
    &empty_step_title::RULE,
    &duplicate_step_id::RULE,
    &unknown_next_step::RULE,
    &unreachable_step::RULE,
    &no_path_to_end::RULE,
    &loop_without_exit::RULE,
    &step_not_action::RULE,
    &vague_wording::RULE,
    &step_without_role::RULE,
    &undefined_role::RULE,
    &unused_role::RULE,
    &duplicate_role_id::RULE,
    &no_handoff::RULE,
    &empty_handoff::RULE,
    &handoff_ping_pong::RULE,
    &input_without_source::RULE,
    &unused_output::RULE,
    &step_without_data::RULE,
    &missing_trigger::RULE,
    &trigger_repeats_first_step::RULE,
    &trigger_without_kind::RULE,
    &missing_outcome::RULE,
    &unmeasurable_outcome::RULE,
];

/// Every rule's documentation, in the same order as [`RULES`].
pub static DOCS: &[&RuleDocs] = &[
    &no_steps::DOCS,
    &single_step::DOCS,
    &empty_step_title::DOCS,
    &duplicate_step_id::DOCS,
    &unknown_next_step::DOCS,
    &unreachable_step::DOCS,
    &no_path_to_end::DOCS,
    &loop_without_exit::DOCS,
    &step_not_action::DOCS,
    &vague_wording::DOCS,
    &step_without_role::DOCS,
    &undefined_role::DOCS,
    &unused_role::DOCS,
    &duplicate_role_id::DOCS,
    &no_handoff::DOCS,
    &empty_handoff::DOCS,
    &handoff_ping_pong::DOCS,
    &input_without_source::DOCS,
    &unused_output::DOCS,
    &step_without_data::DOCS,
    &missing_trigger::DOCS,
    &trigger_repeats_first_step::DOCS,
    &trigger_without_kind::DOCS,
    &missing_outcome::DOCS,
    &unmeasurable_outcome::DOCS,
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

/// Words that make an outcome observable: units of time, quantities and visible results.
const MEASURE_WORDS: &[&str] = &[
    "second",
    "seconds",
    "minute",
    "minutes",
    "hour",
    "hours",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "daily",
    "weekly",
    "monthly",
    "yearly",
    "annually",
    "overnight",
    "today",
    "tomorrow",
    "within",
    "before",
    "after",
    "by",
    "every",
    "each",
    "all",
    "none",
    "zero",
    "no",
    "percent",
    "per",
    "least",
    "most",
    "fewer",
    "less",
    "more",
    "under",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "twelve",
    "twenty",
    "hundred",
    "signed",
    "approved",
    "confirmed",
    "received",
    "recorded",
    "logged",
    "published",
    "delivered",
    "paid",
    "closed",
    "resolved",
    "returned",
    "completed",
    "sent",
    "booked",
    "answered",
    "shipped",
    "filed",
    "scored",
    "rated",
    "passes",
    "passed",
];

/// Whether an outcome's text holds a number, a time or an observable criterion.
pub(crate) fn is_measurable(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit() || c == '%')
        || text
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| MEASURE_WORDS.contains(&w.to_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpers_read_naturally() {
        assert_eq!(
            join_and(&["“a”".into(), "“b”".into(), "“c”".into()]),
            "“a”, “b” and “c”"
        );
        assert_eq!(name_from_id("line-manager"), "Line manager");
        assert!(is_measurable("Payment within 10 working days"));
        assert!(is_measurable("Every request is answered"));
        assert!(!is_measurable("The customer is happy"));
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
