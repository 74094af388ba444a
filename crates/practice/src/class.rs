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

/// What the class table can be sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortBy {
    Learner,
    File,
    Score,
    Passed,
}

impl Row {
    /// The learner's name, or "" for a plain workflow file or a broken one.
    pub fn learner(&self) -> &str {
        self.outcome.as_ref().map_or("", |(w, _)| w.learner.as_str())
    }

    pub fn score(&self) -> Option<u32> {
        self.outcome.as_ref().ok().map(|(_, g)| g.score)
    }
}

/// The order to show `rows` in: their indexes, sorted by `by` (names case-insensitively, ties
/// by file name); files that could not be read come last either way, so they are never lost
/// from view at the bottom of a long list.
pub fn order(rows: &[Row], by: SortBy, ascending: bool) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..rows.len()).collect();
    let name = |s: &str| s.to_lowercase();
    idx.sort_by(|&a, &b| {
        let (ra, rb) = (&rows[a], &rows[b]);
        let broken = ra.outcome.is_err().cmp(&rb.outcome.is_err());
        let key = match by {
            SortBy::Learner => name(ra.learner()).cmp(&name(rb.learner())),
            SortBy::File => std::cmp::Ordering::Equal,
            SortBy::Score => ra.score().cmp(&rb.score()),
            SortBy::Passed => {
                let p = |r: &Row| r.outcome.as_ref().is_ok_and(|(_, g)| g.passed);
                p(ra).cmp(&p(rb))
            }
        };
        let key = if ascending { key } else { key.reverse() };
        broken.then(key).then_with(|| name(&ra.file).cmp(&name(&rb.file)))
    });
    idx
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin;
    use crate::submission::Submission;

    fn class() -> (Exercise, Vec<Row>) {
        let e = builtin::get("expense-reimbursement").unwrap();
        let file = |learner: &str, doc: &flowguide_engine::workflow::WorkflowDoc| {
            Submission::new(&e, learner, "2026-12-02T14:03:00Z", doc.clone()).to_json()
        };
        let rows = vec![
            Row::grade(&e, "b.json", &file("bea", e.model.as_ref().unwrap())),
            Row::grade(&e, "a.json", "{ broken"),
            Row::grade(&e, "c.json", &file("Ana", e.start.as_ref().unwrap())),
            Row::grade(&e, "d.json", &file("carl", e.model.as_ref().unwrap())),
        ];
        (e, rows)
    }

    #[test]
    fn rows_sort_with_broken_files_last() {
        let (_, rows) = class();
        assert_eq!(order(&rows, SortBy::Learner, true), [2, 0, 3, 1]);
        assert_eq!(order(&rows, SortBy::Learner, false), [3, 0, 2, 1]);
        assert_eq!(order(&rows, SortBy::Score, true), [2, 0, 3, 1]);
        assert_eq!(order(&rows, SortBy::Score, false), [0, 3, 2, 1]);
        assert_eq!(order(&rows, SortBy::File, true), [0, 2, 3, 1]);
        assert_eq!(order(&rows, SortBy::Passed, false), [0, 3, 2, 1]);
    }

    #[test]
    fn the_csv_names_broken_files_and_counts() {
        let (e, rows) = class();
        let out = csv(&e, &rows);
        let lines: Vec<&str> = out.split("\r\n").collect();
        assert_eq!(lines[0], COLUMNS.join(","));
        assert!(lines[1].starts_with("b.json,bea,expense-reimbursement,1,100,yes,good,"));
        assert!(
            lines[2].starts_with("a.json,,,,,,,,,,,,\"This file could not be read: line 1, column 3:"),
            "{}",
            lines[2]
        );
        assert_eq!(tally(&rows), (2, 1, 1));
    }
}
