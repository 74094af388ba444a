//! An exercise's rubric checks: what the scenario expects, on top of the engine's general rules.
//! One check per file, each with its id, the component it speaks about, why it matters, its
//! severity in each preset, and its documentation with a poor and a good example, like the
//! engine's rules. Grading ([`crate::grade`]) runs them through `feedback::analyse_with`, so their
//! findings count towards a component's status and score exactly as a rule's do.
//!
//! Names are matched the way artifact names are (`artifact::key`: case and spacing ignored) and
//! with the engine's tolerance for one name written two ways (`artifact::similar`: a plural, a
//! typo of a letter or two, "e-mail" and "email"), against the expected name and each synonym.

pub mod decision_required;
pub mod expected_artifact;
pub mod expected_role;
pub mod step_count;

use flowguide_engine::feedback::{Component, Context, Draft, Severity};
use flowguide_engine::workflow::artifact;

use crate::exercise::{Expected, Rubric};

/// One rubric check.
pub struct Check {
    /// Kebab-case and stable; an exercise's `overrides` may set its severity.
    pub id: &'static str,
    pub component: Component,
    /// Why it matters, in one or two sentences. Every finding carries it.
    pub why: &'static str,
    /// Severity in the `beginner`, `recommended` and `strict` presets.
    pub severity: [Option<Severity>; 3],
    pub run: fn(&Rubric, &Context, &mut Vec<Draft>),
}

/// A check's documentation: its title and text, and an example rubric with a workflow that
/// falls short of it and one that meets it.
pub struct CheckDocs {
    pub id: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    /// The rubric the examples are graded against (JSON).
    pub rubric: &'static str,
    /// A workflow (JSON) that the check finds fault with.
    pub poor: &'static str,
    /// The same workflow, mended.
    pub good: &'static str,
}

/// Every rubric check, in the order their findings are listed.
pub const CHECKS: &[&Check] = &[
    &expected_role::CHECK,
    &expected_artifact::CHECK,
    &step_count::CHECK,
    &decision_required::CHECK,
];

/// The documentation of every check, in the order of [`CHECKS`].
pub const DOCS: &[&CheckDocs] = &[
    &expected_role::DOCS,
    &expected_artifact::DOCS,
    &step_count::DOCS,
    &decision_required::DOCS,
];

/// Whether `name`, as a learner wrote it, is the expected name or one of its synonyms.
pub fn matches(expected: &Expected, name: &str) -> bool {
    let key = artifact::key(name);
    !key.is_empty()
        && expected.names().any(|n| {
            let want = artifact::key(n);
            want == key || artifact::similar(&want, &key)
        })
}

/// How a finding quotes the scenario: "The scenario says Finance pays the claim", or, when the
/// exercise gives no words for it, `fallback`.
fn scenario_says(says: &str, fallback: String) -> String {
    let says = says.trim().trim_end_matches(['.', '!']);
    if says.is_empty() {
        fallback
    } else {
        format!("The scenario says {says}")
    }
}

/// What `check` says about the workflow `doc` under the rubric `rubric` (both JSON): its
/// findings' messages. The checks' own tests and the examples' test read them so.
#[cfg(test)]
pub(crate) fn messages(check: &Check, rubric: &str, doc: &str) -> Vec<String> {
    let rubric: Rubric = serde_json::from_str(rubric).unwrap();
    let doc = flowguide_engine::workflow::parse(doc).unwrap();
    let mut out = Vec::new();
    (check.run)(&rubric, &Context::new(&doc), &mut out);
    out.into_iter().map(|d| d.message).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expected(name: &str, synonyms: &[&str]) -> Expected {
        Expected {
            name: name.into(),
            synonyms: synonyms.iter().map(|s| s.to_string()).collect(),
            says: String::new(),
        }
    }

    #[test]
    fn names_match_by_name_or_synonym_ignoring_case_spacing_and_small_slips() {
        let manager = expected("Manager", &["line manager", "supervisor"]);
        for yes in [
            "manager",
            "  MANAGER ",
            "Line  Manager",
            "line-manager",
            "line_manager",
            "Supervisors",
            "Manger",
        ] {
            assert!(matches(&manager, yes), "{yes}");
        }
        for no in ["", "  ", "Finance", "project manager", "superior", "Managing director"] {
            assert!(!matches(&manager, no), "{no}");
        }
        // In any language the learner writes: the same rule, no word list.
        let finanzas = expected("Finanzas", &["departamento de finanzas"]);
        assert!(matches(&finanzas, "Departamento de Finanzas"));
        assert!(matches(&expected("Pflegekraft", &[]), "Pflegekräfte"));
        assert!(matches(&expected("Ärztin", &["Arzt"]), "ARZT"));
    }

    #[test]
    fn every_check_has_its_docs_and_its_examples_behave() {
        assert_eq!(CHECKS.len(), DOCS.len());
        for (check, docs) in CHECKS.iter().zip(DOCS) {
            assert_eq!(check.id, docs.id);
            assert!(crate::exercise::is_id(check.id));
            assert!(!docs.title.is_empty() && !docs.description.is_empty() && !check.why.is_empty());
            let poor = messages(check, docs.rubric, docs.poor);
            assert!(!poor.is_empty(), "{}: the poor example passes", check.id);
            assert!(poor.iter().all(|m| !m.is_empty()));
            assert_eq!(
                messages(check, docs.rubric, docs.good),
                Vec::<String>::new(),
                "{}: the good example has findings",
                check.id
            );
        }
        // The ids are the files' names.
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rubric");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| {
                e.unwrap()
                    .file_name()
                    .to_string_lossy()
                    .replace(".rs", "")
                    .replace('_', "-")
            })
            .filter(|n| n != "mod")
            .collect();
        files.sort();
        let mut ids: Vec<&str> = CHECKS.iter().map(|c| c.id).collect();
        ids.sort();
        assert_eq!(files, ids);
    }

    #[test]
    fn check_ids_do_not_clash_with_rule_ids() {
        for check in CHECKS {
            assert!(flowguide_engine::feedback::rules::RULES
                .iter()
                .all(|r| r.id != check.id));
        }
    }
}
