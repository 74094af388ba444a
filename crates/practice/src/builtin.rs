//! The exercises that come with Flowguide: the files under `content/exercises/`, built in so the
//! checker accepts their ids and the tests can hold every one to its own rubric. A browser bundle
//! that never calls [`all`] or [`get`] carries none of them (its pages carry their exercise).

use crate::exercise::{parse, Exercise};

/// `(id, file text)` of every built-in exercise, sorted by id: `build.rs` lists the folder.
pub const FILES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/builtin.rs"));

/// Every built-in exercise, read.
pub fn all() -> Vec<Exercise> {
    FILES
        .iter()
        .map(|(id, text)| parse(text).unwrap_or_else(|e| panic!("content/exercises/{id}.json: {e}")))
        .collect()
}

/// The built-in exercise with this id.
pub fn get(id: &str) -> Option<Exercise> {
    FILES
        .iter()
        .find(|(i, _)| *i == id)
        .and_then(|(_, text)| parse(text).ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grade::grade;
    use flowguide_engine::feedback::Status;

    #[test]
    fn the_list_is_the_folder() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/exercises");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .filter(|n| n.ends_with(".json"))
            .map(|n| n.trim_end_matches(".json").to_string())
            .collect();
        files.sort();
        let mut ids: Vec<String> = FILES.iter().map(|(id, _)| id.to_string()).collect();
        ids.sort();
        assert_eq!(
            files, ids,
            "every file in content/exercises is built in, and only those"
        );
        for (e, (id, _)) in all().iter().zip(FILES) {
            assert_eq!(&e.id, id, "the file name is the id");
        }
        assert!(FILES.len() >= 8);
    }

    /// Each built-in model answer passes its own rubric, with every component good and no
    /// finding above a tip; each starting workflow does not pass.
    #[test]
    fn every_model_answer_passes_and_every_start_fails() {
        for e in all() {
            assert!(
                !e.summary.is_empty() && !e.goals.is_empty() && e.minutes.is_some(),
                "{}",
                e.id
            );
            assert!(!e.rubric.roles.is_empty() && !e.rubric.artifacts.is_empty(), "{}", e.id);
            let model = e
                .model
                .as_ref()
                .unwrap_or_else(|| panic!("{} has no model answer", e.id));
            let g = grade(&e, model);
            let findings: Vec<String> = g
                .report
                .components
                .iter()
                .flat_map(|(_, r)| r.findings.iter())
                .map(|f| format!("{}: {}", f.rule, f.message))
                .collect();
            assert!(g.passed, "{}: {:?} {findings:#?}", e.id, g.reasons);
            assert_eq!(g.score, 100, "{}: {findings:#?}", e.id);
            for (c, r) in g.report.components.iter() {
                assert_eq!(r.status, Status::Good, "{} {c:?}: {findings:#?}", e.id);
            }
            let start = e.start.as_ref().unwrap_or_else(|| panic!("{} has no start", e.id));
            let g = grade(&e, start);
            assert!(!g.passed, "{}: the starting workflow passes", e.id);
            assert!(
                g.rubric_findings().count() > 0,
                "{}: the start meets the whole rubric",
                e.id
            );
        }
    }

    #[test]
    fn ids_are_looked_up() {
        assert_eq!(get("purchase-order").unwrap().id, "purchase-order");
        assert!(get("nope").is_none());
    }
}
