//! Grading one workflow against an exercise: the engine's feedback with the exercise's preset and
//! overrides, plus its rubric checks, and whether the work passes.
//!
//! **The pass rule.** Work passes when all three hold:
//! 1. its overall score is at least the exercise's pass mark;
//! 2. none of the six components is missing;
//! 3. no rubric check reports at error severity (with the default `recommended` preset, a
//!    missing expected role, a missing expected artifact or a missing required decision).
//!
//! The browser and the command-line checker both call [`grade`], so they give the same verdict.

use flowguide_engine::feedback::{analyse_with, Component, Config, Finding, Report, Severity, Status};
use flowguide_engine::workflow::WorkflowDoc;
use serde::Serialize;

use crate::exercise::Exercise;
use crate::rubric::CHECKS;

/// The verdict on one piece of work.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Grade {
    /// The feedback, with the rubric's findings among each component's.
    pub report: Report,
    /// The overall score, 0 to 100.
    pub score: u32,
    pub pass_mark: u32,
    pub passed: bool,
    /// Why it did not pass, one plain sentence each; empty when it passed.
    pub reasons: Vec<String>,
}

impl Grade {
    /// The rubric's findings, in component order.
    pub fn rubric_findings(&self) -> impl Iterator<Item = (Component, &Finding)> {
        self.report
            .components
            .iter()
            .flat_map(|(c, r)| r.findings.iter().map(move |f| (c, f)))
            .filter(|(_, f)| is_rubric(&f.rule))
    }
}

/// Whether a finding's rule id is one of the rubric's checks.
pub fn is_rubric(rule: &str) -> bool {
    CHECKS.iter().any(|c| c.id == rule)
}

/// The rubric's findings for `cx`, with their severities under `config`.
fn rubric_findings(
    exercise: &Exercise,
    config: &Config,
    cx: &flowguide_engine::feedback::Context,
) -> Vec<(Component, Finding)> {
    let mut out = Vec::new();
    for check in CHECKS {
        let Some(severity) = config.severity_of(check.id, check.severity) else {
            continue;
        };
        let mut drafts = Vec::new();
        (check.run)(&exercise.rubric, cx, &mut drafts);
        out.extend(drafts.into_iter().map(|d| {
            (
                check.component,
                Finding {
                    rule: check.id.to_string(),
                    severity,
                    message: d.message,
                    target: d.target,
                    why: check.why.to_string(),
                    fix: None,
                    url: check.component.page().to_string(),
                },
            )
        }));
    }
    out
}

/// Grades `doc` against `exercise`.
pub fn grade(exercise: &Exercise, doc: &WorkflowDoc) -> Grade {
    let report = feedback(exercise, doc);
    let (passed, reasons) = verdict(exercise, &report);
    Grade {
        score: report.overall.score,
        pass_mark: exercise.rubric.pass_mark,
        report,
        passed,
        reasons,
    }
}

/// The feedback on `doc` in `exercise`: the engine's, with the exercise's preset and overrides,
/// and the rubric's findings among each component's.
pub fn feedback(exercise: &Exercise, doc: &WorkflowDoc) -> Report {
    let config = exercise.config();
    analyse_with(doc, &config, &mut |cx| rubric_findings(exercise, &config, cx))
}

/// Whether a report passes `exercise` (see the module's pass rule), and why not.
pub fn verdict(exercise: &Exercise, report: &Report) -> (bool, Vec<String>) {
    let score = report.overall.score;
    let pass_mark = exercise.rubric.pass_mark;
    let mut reasons = Vec::new();
    if score < pass_mark {
        reasons.push(format!("The score is {score}, below the pass mark of {pass_mark}."));
    }
    let missing: Vec<&str> = report
        .components
        .iter()
        .filter(|(_, r)| r.status == Status::Missing)
        .map(|(c, _)| c.title())
        .collect();
    match missing.as_slice() {
        [] => {}
        [one] => reasons.push(format!("{one} is missing.")),
        [rest @ .., last] => reasons.push(format!("{} and {last} are missing.", rest.join(", "))),
    }
    let unmet = report
        .components
        .iter()
        .flat_map(|(_, r)| r.findings.iter())
        .filter(|f| f.severity == Severity::Error && is_rubric(&f.rule))
        .count();
    match unmet {
        0 => {}
        1 => reasons.push("One thing the scenario asks for is not in the workflow yet.".into()),
        n => reasons.push(format!("{n} things the scenario asks for are not in the workflow yet.")),
    }
    (reasons.is_empty(), reasons)
}
