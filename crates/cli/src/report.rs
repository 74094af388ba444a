//! Formats check results: a readable text report (whole, or one line per file), the JSON array
//! whose component objects are the same JSON the browser uses, and CSV for a gradebook.
//!
//! Everything a submission wrote (names, titles, and the messages that quote them) is printed
//! through [`clean`], so a file cannot move the cursor, clear or retitle the terminal, or forge a
//! line of the report. CSV fields are also kept from being read as spreadsheet formulas.

use flowguide_engine::feedback::json::{grouped, FileReport, Listed};
use flowguide_engine::feedback::rules::docs;
use flowguide_engine::feedback::{Component, Config, Report, Rule, Status};
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
    /// Lines the text report prints under the file's title: who handed it in, and whether it
    /// passed the exercise (with `--exercise`).
    pub notes: Vec<String>,
}

/// How the report is written.
#[derive(Clone, Copy, Default)]
pub struct Options {
    /// Each finding's why and its rule's page, after it.
    pub explain: bool,
    /// Every finding, even thousands of one kind (otherwise the first few of each, and a count).
    pub all: bool,
}

/// A submission's text, safe to print: control characters (escape sequences, carriage returns,
/// new lines, bells) and the invisible marks that reverse text direction are written as `\u{…}`.
pub fn clean(text: &str) -> String {
    flowguide_text::controls::visible(text)
}

fn marker(status: Status) -> &'static str {
    match status {
        Status::Good => "[ok]",
        Status::NeedsWork => "[!!]",
        Status::Missing => "[--]",
    }
}

fn title_of(name: &str) -> String {
    if name.trim().is_empty() {
        "untitled workflow".to_string()
    } else {
        format!("“{}”", clean(name.trim()))
    }
}

fn error_text(file: &str, e: &FileError) -> String {
    let at = match (e.line, e.column) {
        (Some(l), Some(c)) => format!(" (line {l}, column {c})"),
        _ => String::new(),
    };
    format!("{}: cannot be checked{at}: {}\n", clean(file), clean(&e.message))
}

fn tally(results: &[FileResult]) -> String {
    let failed = results.iter().filter(|r| r.outcome.is_err()).count();
    format!(
        "\n{} file{} checked, {failed} could not be read.\n",
        results.len() - failed,
        if results.len() - failed == 1 { "" } else { "s" }
    )
}

/// The readable report: per file, the overall verdict, then each component with its findings.
/// Each finding says how to mend it: the mechanical fix where there is one, otherwise what its
/// rule asks for.
pub fn text(results: &[FileResult], options: Options) -> String {
    let mut out = String::new();
    for (n, r) in results.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        match &r.outcome {
            Err(e) => out.push_str(&error_text(&r.file, e)),
            Ok((name, report)) => {
                out.push_str(&format!("{}: {}\n", clean(&r.file), title_of(name)));
                for note in &r.notes {
                    out.push_str(&format!("  {}\n", clean(note)));
                }
                out.push_str(&format!(
                    "  Overall score {}/100. {}\n",
                    report.overall.score,
                    clean(&report.overall.message)
                ));
                for (c, cr) in report.components.iter() {
                    out.push_str(&format!(
                        "  {} {:<19} {:<10} {:>3}/100\n",
                        marker(cr.status),
                        c.title(),
                        cr.status.label(),
                        cr.score
                    ));
                    for Listed { finding: f, more } in grouped(cr, options.all) {
                        out.push_str(&format!(
                            "       {:<7} {} [{}]\n",
                            f.severity.key(),
                            clean(&f.message),
                            f.rule
                        ));
                        let aim = docs(&f.rule).map(|d| d.title).or_else(|| {
                            flowguide_practice::rubric::DOCS
                                .iter()
                                .find(|d| d.id == f.rule)
                                .map(|d| d.title)
                        });
                        match (&f.fix, aim) {
                            (Some(fix), _) => {
                                out.push_str(&format!("               Fix: {}\n", clean(&fix.description)))
                            }
                            (None, Some(title)) => out.push_str(&format!("               Aim for: {title}.\n")),
                            (None, None) => {}
                        }
                        if options.explain {
                            out.push_str(&format!("               Why: {}\n", clean(&f.why)));
                            out.push_str(&format!("               More: {}\n", f.url));
                        }
                        if more > 0 {
                            out.push_str(&format!("       and {more} more like this [{}]\n", f.rule));
                        }
                    }
                }
                if let Some(note) = &report.language.note {
                    out.push_str(&format!(
                        "  Not checked: {} [{}]\n",
                        clean(note),
                        report.language.skipped.join(", ")
                    ));
                }
            }
        }
    }
    out.push_str(&tally(results));
    out
}

/// One line per file: its name, score, classification and the six statuses, then its title.
pub fn summary(results: &[FileResult]) -> String {
    let mut out = String::new();
    for r in results {
        match &r.outcome {
            Err(e) => out.push_str(&error_text(&r.file, e)),
            Ok((name, report)) => {
                let statuses: Vec<String> = report
                    .components
                    .iter()
                    .map(|(c, cr)| format!("{}:{}", c.key(), cr.status.key()))
                    .collect();
                out.push_str(&format!(
                    "{}: {:>3}/100 {} {} {}\n",
                    clean(&r.file),
                    report.overall.score,
                    report.overall.classification.key(),
                    statuses.join(" "),
                    title_of(name)
                ));
            }
        }
    }
    out.push_str(&tally(results));
    out
}

fn csv_field(text: &str) -> String {
    flowguide_text::csv::field(text)
}

/// CSV for a gradebook: a header, then one row per file with its score, classification, each
/// component's status and score, and the error for a file that could not be checked.
pub fn csv(results: &[FileResult]) -> String {
    let mut header = vec![
        "file".to_string(),
        "name".into(),
        "score".into(),
        "classification".into(),
    ];
    for c in Component::ALL {
        header.push(c.key().to_string());
        header.push(format!("{}_score", c.key()));
    }
    header.push("error".into());
    let mut out = header.join(",") + "\r\n";
    for r in results {
        let mut row = vec![csv_field(&r.file)];
        match &r.outcome {
            Ok((name, report)) => {
                row.push(csv_field(name.trim()));
                row.push(report.overall.score.to_string());
                row.push(report.overall.classification.key().to_string());
                for (_, cr) in report.components.iter() {
                    row.push(cr.status.key().to_string());
                    row.push(cr.score.to_string());
                }
                row.push(String::new());
            }
            Err(e) => {
                row.extend(std::iter::repeat_n(String::new(), 3 + 2 * Component::ALL.len()));
                row.push(csv_field(&e.message));
            }
        }
        out += &(row.join(",") + "\r\n");
    }
    out
}

#[derive(Serialize)]
#[serde(untagged)]
enum JsonItem<'a> {
    Report(Box<FileReport<'a>>),
    Error { file: &'a str, error: JsonError<'a> },
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
pub fn json(results: &[FileResult], options: Options) -> String {
    let items: Vec<JsonItem> = results
        .iter()
        .map(|r| match &r.outcome {
            Ok((_, report)) => JsonItem::Report(Box::new(FileReport::new(&r.file, report, options.all))),
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

/// The class table that ends a check against an exercise: one line per file with its learner,
/// score, verdict and the six statuses, then the tally of passed, not passed and unreadable.
pub fn class_table(exercise: &flowguide_practice::Exercise, rows: &[flowguide_practice::class::Row]) -> String {
    use flowguide_practice::class::tally;
    let mut out = format!(
        "\nExercise “{}” ({}, revision {}), pass mark {}:\n",
        clean(exercise.title.trim()),
        exercise.id,
        exercise.revision,
        exercise.rubric.pass_mark
    );
    let width = |f: fn(&flowguide_practice::class::Row) -> String, min: usize| {
        rows.iter()
            .map(|r| f(r).chars().count())
            .max()
            .unwrap_or(0)
            .clamp(min, 40)
    };
    let file = |r: &flowguide_practice::class::Row| clean(&r.file);
    let learner = |r: &flowguide_practice::class::Row| match &r.outcome {
        Ok((w, _)) if !w.learner.is_empty() => clean(&w.learner),
        _ => "-".to_string(),
    };
    let (fw, lw) = (width(file, 4), width(learner, 7));
    let pad = |s: String, w: usize| {
        let n = s.chars().count();
        if n > w {
            s.chars().take(w - 1).collect::<String>() + "…"
        } else {
            s + &" ".repeat(w - n)
        }
    };
    let short = |s: Status| match s {
        Status::Good => "good",
        Status::NeedsWork => "work",
        Status::Missing => "miss",
    };
    out.push_str(&format!(
        "  {} {} score  result     trig steps roles hand  i/o   outc\n",
        pad("file".into(), fw),
        pad("learner".into(), lw)
    ));
    for r in rows {
        let cells = match &r.outcome {
            Ok((_, g)) => {
                let statuses: Vec<String> = Component::ALL
                    .iter()
                    .map(|&c| format!("{:<5}", short(g.report.components.get(c).status)))
                    .collect();
                format!(
                    "{:>5}  {:<10} {}",
                    g.score,
                    if g.passed { "passed" } else { "not passed" },
                    statuses.join(" ").trim_end()
                )
            }
            Err(_) => "    -  unreadable".to_string(),
        };
        out.push_str(&format!("  {} {} {}\n", pad(file(r), fw), pad(learner(r), lw), cells));
        let problem = r.problem(exercise);
        if !problem.is_empty() {
            out.push_str(&format!("  {} {}\n", " ".repeat(fw), clean(&problem)));
        }
    }
    let (passed, failed, broken) = tally(rows);
    out.push_str(&format!(
        "\n{passed} passed, {failed} not passed, {broken} could not be read. (Statuses: good, work = needs work, miss = missing.)\n"
    ));
    out
}
