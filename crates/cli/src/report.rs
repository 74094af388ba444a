//! Formats check results: a readable text report, and the JSON array whose component objects are
//! the same JSON the browser uses.

use flowguide_engine::feedback::{Component, Components, Config, Overall, Report, Rule, Status};
use flowguide_engine::workflow::ParseError;
use serde::Serialize;

/// Why a file gave no report.
pub struct FileError {
    pub message: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
}

impl FileError {
    pub fn plain(message: String) -> FileError {
        FileError {
            message,
            line: None,
            column: None,
        }
    }
}

impl From<ParseError> for FileError {
    fn from(e: ParseError) -> FileError {
        FileError {
            message: e.message,
            line: e.line,
            column: e.column,
        }
    }
}

/// One file: its workflow's name and report, or the error.
pub struct FileResult {
    pub file: String,
    pub outcome: Result<(String, Report), FileError>,
}

fn marker(status: Status) -> &'static str {
    match status {
        Status::Good => "[ok]",
        Status::NeedsWork => "[!!]",
        Status::Missing => "[--]",
    }
}

/// The readable report: per file, the overall verdict, then each component with its findings.
pub fn text(results: &[FileResult]) -> String {
    let mut out = String::new();
    for (n, r) in results.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        match &r.outcome {
            Err(e) => {
                let at = match (e.line, e.column) {
                    (Some(l), Some(c)) => format!(" (line {l}, column {c})"),
                    _ => String::new(),
                };
                out.push_str(&format!("{}: cannot be checked{at}: {}\n", r.file, e.message));
            }
            Ok((name, report)) => {
                let title = if name.trim().is_empty() {
                    "untitled workflow".to_string()
                } else {
                    format!("“{}”", name.trim())
                };
                out.push_str(&format!("{}: {title}\n", r.file));
                out.push_str(&format!(
                    "  Overall score {}/100. {}\n",
                    report.overall.score, report.overall.message
                ));
                for (c, cr) in report.components.iter() {
                    out.push_str(&format!(
                        "  {} {:<19} {:<10} {:>3}/100\n",
                        marker(cr.status),
                        c.title(),
                        cr.status.label(),
                        cr.score
                    ));
                    for f in &cr.findings {
                        out.push_str(&format!("       {:<7} {} [{}]\n", f.severity.key(), f.message, f.rule));
                        if let Some(fix) = &f.fix {
                            out.push_str(&format!("               Fix: {}\n", fix.description));
                        }
                    }
                }
            }
        }
    }
    let failed = results.iter().filter(|r| r.outcome.is_err()).count();
    out.push_str(&format!(
        "\n{} file{} checked, {failed} could not be read.\n",
        results.len() - failed,
        if results.len() - failed == 1 { "" } else { "s" }
    ));
    out
}

#[derive(Serialize)]
#[serde(untagged)]
enum JsonItem<'a> {
    Report {
        file: &'a str,
        overall: &'a Overall,
        components: &'a Components,
    },
    Error {
        file: &'a str,
        error: JsonError<'a>,
    },
}

#[derive(Serialize)]
struct JsonError<'a> {
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<usize>,
}

/// The JSON array: one object per file, fields in the order the format documentation gives.
pub fn json(results: &[FileResult]) -> String {
    let items: Vec<JsonItem> = results
        .iter()
        .map(|r| match &r.outcome {
            Ok((_, report)) => JsonItem::Report {
                file: &r.file,
                overall: &report.overall,
                components: &report.components,
            },
            Err(e) => JsonItem::Error {
                file: &r.file,
                error: JsonError {
                    message: &e.message,
                    line: e.line,
                    column: e.column,
                },
            },
        })
        .collect();
    serde_json::to_string_pretty(&items).expect("reports always serialise")
}

/// Every rule, grouped by component, with its severity in the configured preset.
pub fn rules_text(rules: &[&Rule], config: &Config) -> String {
    let mut out = format!("Feedback rules, {} preset:\n", config.preset);
    for c in Component::ALL {
        out.push_str(&format!("\n{}\n", c.title()));
        for rule in rules.iter().filter(|r| r.component == c) {
            let severity = config.severity(rule).map_or("off", |s| s.key());
            let title = flowguide_engine::feedback::rules::docs(rule.id).map_or("", |d| d.title);
            out.push_str(&format!("  {:<28} {:<8} {}\n", rule.id, severity, title));
        }
    }
    out
}
