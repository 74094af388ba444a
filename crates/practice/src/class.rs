//! Grading a whole class: one row per file handed in, and the gradebook CSV that the grading page
//! downloads and the checker prints (`--format csv`), with the same columns and the same bytes.

use flowguide_engine::feedback::Component;

use crate::exercise::Exercise;
use crate::grade::{grade, Grade};
use crate::submission::{self, Work};

/// One file's line in the class table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The file's name (or "link 3" for a pasted link).
    pub file: String,
    /// The work and its grade, or why the file could not be read.
    pub outcome: Result<(Work, Grade), String>,
}

impl Row {
    /// Reads and grades one file's text.
    pub fn grade(exercise: &Exercise, file: &str, text: &str) -> Row {
        Row::of_work(exercise, file, submission::read(text).map_err(|e| e.to_string()))
    }

    /// Grades work already read (from a submission link, say), or records why it could not be.
    pub fn of_work(exercise: &Exercise, file: &str, work: Result<Work, String>) -> Row {
        Row {
            file: file.to_string(),
            outcome: work.map(|w| {
                let g = grade(exercise, &w.doc);
                (w, g)
            }),
        }
    }

    /// What the instructor should know about the row: why it could not be read, or that it was
    /// handed in for another exercise or revision.
    pub fn problem(&self, exercise: &Exercise) -> String {
        match &self.outcome {
            Err(e) => format!("This file could not be read: {e}"),
            Ok((work, _)) => work
                .mismatch(exercise)
                .map(|m| {
                    let mut m = m;
                    if let Some(first) = m.get_mut(0..1) {
                        first.make_ascii_uppercase();
                    }
                    m + "."
                })
                .unwrap_or_default(),
        }
    }
}

/// The CSV columns, in order.
pub const COLUMNS: [&str; 13] = [
    "file",
    "learner",
    "exercise",
    "revision",
    "score",
    "passed",
    "trigger",
    "steps",
    "roles",
    "handoffs",
    "inputs_outputs",
    "outcome",
    "problem",
];

/// The gradebook: a header, then one row per file. A file that could not be read keeps its row,
/// with the problem named and the grade columns empty.
pub fn csv(exercise: &Exercise, rows: &[Row]) -> String {
    let mut out = flowguide_text::csv::row(&COLUMNS);
    for row in rows {
        let mut fields = vec![row.file.clone()];
        match &row.outcome {
            Ok((work, g)) => {
                fields.push(work.learner.clone());
                match &work.exercise {
                    Some(r) => fields.extend([r.id.clone(), r.revision.to_string()]),
                    None => fields.extend([String::new(), String::new()]),
                }
                fields.push(g.score.to_string());
                fields.push(if g.passed { "yes" } else { "no" }.into());
                for c in Component::ALL {
                    fields.push(g.report.components.get(c).status.key().into());
                }
            }
            Err(_) => fields.extend(std::iter::repeat_n(String::new(), 11)),
        }
        fields.push(row.problem(exercise));
        out.push_str(&flowguide_text::csv::row(&fields));
    }
    out
}

/// How many rows passed, failed, and could not be read.
pub fn tally(rows: &[Row]) -> (usize, usize, usize) {
    rows.iter().fold((0, 0, 0), |(p, f, b), r| match &r.outcome {
        Ok((_, g)) if g.passed => (p + 1, f, b),
        Ok(_) => (p, f + 1, b),
        Err(_) => (p, f, b + 1),
    })
}
