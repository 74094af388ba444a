//! The report as JSON, in the shape docs/workflow-format.md gives: the object the command-line
//! checker prints for each file, and the one an embedded Flowguide posts to its course page. One
//! shape for both, so a course page can treat the two alike.
//!
//! A component lists each rule's first [`SHOWN_PER_RULE`] findings and says how many more of
//! that rule it left out, so a document with thousands of mistakes of one kind stays readable.

use serde::Serialize;

use super::{Component, ComponentReport, Components, Finding, LanguageReport, Overall, Report, Status};

/// How many findings of one rule a component lists before "and N more like this".
pub const SHOWN_PER_RULE: usize = 3;

/// A finding as a component lists it, with how many more of its rule were left out after it
/// (nonzero only on the last one listed of a rule with more than [`SHOWN_PER_RULE`]).
pub struct Listed<'a> {
    pub finding: &'a Finding,
    pub more: usize,
}

/// A component's findings as listed: each rule's first [`SHOWN_PER_RULE`] (all of them with
/// `all`), the last one listed of each rule carrying how many more there are.
pub fn grouped(c: &ComponentReport, all: bool) -> Vec<Listed<'_>> {
    let count = |rule: &str| c.findings.iter().filter(|f| f.rule == rule).count();
    let mut seen: Vec<(&str, usize)> = Vec::new();
    let mut listed = Vec::new();
    for f in &c.findings {
        let n = match seen.iter_mut().find(|(rule, _)| *rule == f.rule) {
            Some((_, n)) => {
                *n += 1;
                *n
            }
            None => {
                seen.push((&f.rule, 1));
                1
            }
        };
        if all || n < SHOWN_PER_RULE {
            listed.push(Listed { finding: f, more: 0 });
        } else if n == SHOWN_PER_RULE {
            listed.push(Listed {
                finding: f,
                more: count(&f.rule) - SHOWN_PER_RULE,
            });
        }
    }
    listed
}

/// One file's report: `{ file, overall, components, language }`.
#[derive(Serialize)]
pub struct FileReport<'a> {
    file: &'a str,
    overall: &'a Overall,
    components: JsonComponents<'a>,
    language: &'a LanguageReport,
}

impl<'a> FileReport<'a> {
    /// The report of `file` (a path, or the name a page gives its workflow); every finding with
    /// `all`, otherwise the first few of each rule and a count.
    pub fn new(file: &'a str, report: &'a Report, all: bool) -> FileReport<'a> {
        FileReport {
            file,
            overall: &report.overall,
            components: components_json(&report.components, all),
            language: &report.language,
        }
    }
}

#[derive(Serialize)]
struct More<'a> {
    rule: &'a str,
    count: usize,
}

/// One component as the browser has it, except that with more than [`SHOWN_PER_RULE`]
/// findings of one rule it lists only the first of them (unless `all`), and `more_like_these`
/// says how many it left out of each rule.
#[derive(Serialize)]
struct JsonComponent<'a> {
    status: Status,
    score: u32,
    findings: Vec<&'a Finding>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    more_like_these: Vec<More<'a>>,
}

/// The six components, in the order and under the keys the format documentation gives.
#[derive(Serialize)]
struct JsonComponents<'a> {
    trigger: JsonComponent<'a>,
    steps: JsonComponent<'a>,
    roles: JsonComponent<'a>,
    handoffs: JsonComponent<'a>,
    inputs_outputs: JsonComponent<'a>,
    outcome: JsonComponent<'a>,
}

fn components_json(components: &Components, all: bool) -> JsonComponents<'_> {
    let one = |c: Component| {
        let cr = components.get(c);
        let listed = grouped(cr, all);
        JsonComponent {
            status: cr.status,
            score: cr.score,
            findings: listed.iter().map(|l| l.finding).collect(),
            more_like_these: listed
                .iter()
                .filter(|l| l.more > 0)
                .map(|l| More {
                    rule: &l.finding.rule,
                    count: l.more,
                })
                .collect(),
        }
    };
    JsonComponents {
        trigger: one(Component::Trigger),
        steps: one(Component::Steps),
        roles: one(Component::Roles),
        handoffs: one(Component::Handoffs),
        inputs_outputs: one(Component::InputsOutputs),
        outcome: one(Component::Outcome),
    }
}
