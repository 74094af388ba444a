//! The practice content: the exercise files under `content/exercises/` and the drill under
//! `content/drill/`. The build refuses an exercise that does not read, whose id is not its file
//! name, that has no model answer, whose model answer does not pass its own rubric, or whose
//! starting workflow already passes; and a drill file that does not read or points to a lesson
//! section that does not exist.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use flowguide_practice::drill::{self, Drill, KINDS};
use flowguide_practice::{exercise, grade, Exercise};

use crate::site::{ContentError, RenderedSite};

/// Everything the practice pages are built from.
#[derive(Clone, Debug)]
pub struct Practice {
    /// Every exercise, sorted by difficulty, then title.
    pub exercises: Vec<Exercise>,
    pub drill: Drill,
}

fn err(file: String, message: impl Into<String>) -> ContentError {
    ContentError {
        file,
        message: message.into(),
    }
}

/// Reads and checks the exercises and the drill under `dir` (the content folder), against the
/// rendered site's anchors.
pub fn load(dir: &Path, site: &RenderedSite) -> Result<Practice, Vec<ContentError>> {
    let mut errors = Vec::new();
    let mut exercises = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(dir.join("exercises"))
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    for path in files.iter().filter(|p| p.extension().is_some_and(|x| x == "json")) {
        let stem = path.file_stem().unwrap_or_default().to_string_lossy().to_string();
        let file = format!("exercises/{stem}.json");
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                errors.push(err(file, format!("cannot be read: {e}")));
                continue;
            }
        };
        match exercise::parse(&text) {
            Err(e) => errors.push(err(file, e.to_string())),
            Ok(e) => {
                let problems = check_exercise(&e, &stem);
                if problems.is_empty() {
                    exercises.push(e);
                }
                errors.extend(problems.into_iter().map(|m| err(file.clone(), m)));
            }
        }
    }
    if exercises.is_empty() && errors.is_empty() {
        errors.push(err("exercises/".into(), "there are no exercises"));
    }
    let mut ids = HashSet::new();
    for e in &exercises {
        if !ids.insert(&e.id) {
            errors.push(err(format!("exercises/{}.json", e.id), "two exercises have this id"));
        }
    }
    exercises.sort_by(|a, b| (a.difficulty, &a.title).cmp(&(b.difficulty, &b.title)));

    let file = "drill/classify.json".to_string();
    let drill = match std::fs::read_to_string(dir.join(&file)) {
        Err(e) => Err(err(file.clone(), format!("cannot be read: {e}"))),
        Ok(text) => drill::parse(&text).map_err(|e| err(file.clone(), e.to_string())),
    };
    let anchors: HashMap<String, &HashSet<String>> = site
        .site
        .pages
        .iter()
        .zip(&site.pages)
        .map(|(p, r)| (crate::route_of(&p.source), &r.anchors))
        .collect();
    if let Ok(d) = &drill {
        for kind in KINDS {
            let lesson = &d.kinds.get(kind).lesson;
            let (route, anchor) = lesson.split_once('#').unwrap_or((lesson, ""));
            match anchors.get(route) {
                None => errors.push(err(
                    file.clone(),
                    format!("the {} lesson `{lesson}` is not a page", kind.key()),
                )),
                Some(a) if !anchor.is_empty() && !a.contains(anchor) => errors.push(err(
                    file.clone(),
                    format!("the {} lesson `{lesson}` has no section `#{anchor}`", kind.key()),
                )),
                Some(_) => {}
            }
        }
    }
    match drill {
        Ok(drill) if errors.is_empty() => Ok(Practice { exercises, drill }),
        Ok(_) => Err(errors),
        Err(e) => {
            errors.push(e);
            Err(errors)
        }
    }
}

/// What a built-in exercise must be beyond a valid file.
pub fn check_exercise(e: &Exercise, stem: &str) -> Vec<String> {
    let mut out = Vec::new();
    if e.id != stem {
        out.push(format!(
            "its id is “{}”, but its file is named {stem}.json: they must be the same",
            e.id
        ));
    }
    if e.summary.trim().is_empty() {
        out.push("it has no summary for the list of exercises".into());
    }
    match &e.model {
        None => out.push("it has no model answer".into()),
        Some(model) => {
            let g = grade(e, model);
            if !g.passed {
                let findings: Vec<String> = g
                    .report
                    .components
                    .iter()
                    .flat_map(|(_, r)| r.findings.iter())
                    .filter(|f| f.severity != flowguide_engine::feedback::Severity::Tip)
                    .map(|f| format!("{} ({})", f.message, f.rule))
                    .collect();
                out.push(format!(
                    "its model answer does not pass its own rubric: {} {}",
                    g.reasons.join(" "),
                    findings.join(" ")
                ));
            }
        }
    }
    if let Some(start) = &e.start {
        if grade(e, start).passed {
            out.push("its starting workflow already passes: there is nothing left for the learner to do".into());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_model_answer_that_fails_its_rubric_is_refused() {
        let mut e = flowguide_practice::builtin::all().remove(0);
        assert!(check_exercise(&e, &e.id.clone()).is_empty());
        e.rubric.roles.push(flowguide_practice::exercise::Expected {
            name: "Astronaut".into(),
            synonyms: vec![],
            says: "an astronaut signs it off".into(),
        });
        let problems = check_exercise(&e, &e.id.clone());
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("does not pass its own rubric"), "{}", problems[0]);
        assert!(problems[0].contains("The scenario says an astronaut signs it off, but no step is done by Astronaut."));
        assert!(check_exercise(&e, "other")[0].contains("file is named other.json"));
        e.model = None;
        assert!(check_exercise(&e, &e.id.clone())
            .iter()
            .any(|p| p == "it has no model answer"));
    }
}
