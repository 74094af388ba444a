//! `flowguide-cli`: gives exported workflows the same feedback as the sandbox, so an instructor
//! can check a whole class's submissions at once. Only glue: reading files and printing reports.
//! The analysis is `flowguide_engine::feedback`, the very code the browser runs.
//!
//! ```text
//! flowguide-cli check FILE... [--format text|json|csv] [--summary] [--explain] [--all]
//!                             [--preset beginner|recommended|strict] [--exercise EXERCISE]
//! flowguide-cli export FILE --to bpmn|mermaid|svg
//! flowguide-cli rules [--preset NAME]
//! ```
//!
//! With `--exercise` (a built-in exercise's id, an exercise file or an exercise link), each file
//! (a submission, a plain workflow file, a submission link, or a folder of them) is graded against
//! the exercise's rubric and pass mark by `flowguide_practice::grade`, the code the grading page
//! runs, and the report ends with a table of the class.
//!
//! Exit status: 0 when every file was read, 1 when any could not be read or parsed (the others
//! are still checked), 2 when the command line itself is wrong.

mod report;

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use flowguide_engine::export;
use flowguide_engine::feedback::{analyse, rules::RULES, Config, Preset};
use flowguide_engine::workflow::parse;

#[derive(Parser)]
#[command(
    name = "flowguide-cli",
    version,
    about = "Check Flowguide workflow files and explain what to improve."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check workflow files (.json, as exported from the sandbox), submission files and
    /// folders of them. Use - to read standard input.
    Check {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Grade against an exercise: a built-in exercise's id (such as expense-reimbursement),
        /// an exercise file, or an exercise link. Its preset and overrides replace --preset.
        #[arg(long, value_name = "EXERCISE")]
        exercise: Option<String>,
        /// Output: a readable report, one JSON array with an object per file, or CSV with a row
        /// per file (for a gradebook).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// One line per file: its score, its classification and the six statuses.
        #[arg(long, conflicts_with_all = ["explain", "all"])]
        summary: bool,
        /// After each finding, why it matters and its rule's page.
        #[arg(long)]
        explain: bool,
        /// Every finding. Without it, a component lists the first three findings of each rule
        /// and says how many more there are of it.
        #[arg(long)]
        all: bool,
        /// How strict the feedback is.
        #[arg(long, default_value = "recommended", value_parser = parse_preset, conflicts_with = "exercise")]
        preset: Preset,
    },
    /// Convert a workflow file to another format, printed to standard output.
    Export {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// BPMN 2.0 XML (for the bpmn.io and Camunda modelers), a Mermaid flowchart, or the SVG diagram.
        #[arg(long, value_enum)]
        to: ExportFormat,
    },
    /// List every feedback rule with its severity in a preset.
    Rules {
        #[arg(long, default_value = "recommended", value_parser = parse_preset)]
        preset: Preset,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    Bpmn,
    Mermaid,
    Svg,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
    Csv,
}

fn parse_preset(s: &str) -> Result<Preset, String> {
    s.parse()
}

/// One file's text, or why it could not be read.
fn read(path: &PathBuf) -> Result<String, String> {
    if path.as_os_str() == "-" {
        let mut text = String::new();
        return std::io::stdin()
            .read_to_string(&mut text)
            .map(|_| text)
            .map_err(|e| format!("cannot read standard input: {e}"));
    }
    if path.is_dir() {
        return Err("this is a folder, not a workflow file".into());
    }
    let bytes = std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => "there is no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission to read it was denied".to_string(),
        _ => format!("it cannot be read ({e})"),
    })?;
    String::from_utf8(bytes).map_err(|_| "it is not a text file (it is not UTF-8)".into())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Export { file, to } => match read(&file).and_then(|text| parse(&text).map_err(|e| e.to_string())) {
            Ok(doc) => {
                let out = match to {
                    ExportFormat::Bpmn => export::bpmn::xml(&doc),
                    ExportFormat::Mermaid => export::mermaid::flowchart(&doc),
                    ExportFormat::Svg => export::diagram::svg(&doc, &[]),
                };
                print!("{out}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{}: cannot be exported: {e}", file.display());
                ExitCode::from(1)
            }
        },
        Command::Rules { preset } => {
            print!("{}", report::rules_text(RULES, &Config::preset(preset)));
            ExitCode::SUCCESS
        }
        Command::Check {
            files,
            exercise,
            format,
            summary,
            explain,
            all,
            preset,
        } => {
            if summary && !matches!(format, Format::Text) {
                eprintln!("flowguide-cli: --summary is a form of the text report; JSON and CSV already hold every file's scores");
                return ExitCode::from(2);
            }
            let options = report::Options { explain, all };
            let inputs = expand(&files);
            if let Some(spec) = exercise {
                let exercise = match find_exercise(&spec) {
                    Ok(e) => e,
                    Err(e) => {
                        eprintln!("flowguide-cli: {e}");
                        return ExitCode::from(2);
                    }
                };
                return check_against(&exercise, &inputs, format, summary, options);
            }
            let config = Config::preset(preset);
            let mut all_read = true;
            let results: Vec<report::FileResult> = inputs
                .iter()
                .map(|input| {
                    let outcome = input
                        .text()
                        .map_err(report::FileError::plain)
                        .and_then(|text| parse(&text).map_err(report::FileError::from))
                        .map(|doc| {
                            let r = analyse(&doc, &config);
                            (doc.name, r)
                        });
                    all_read &= outcome.is_ok();
                    report::FileResult {
                        file: input.name(),
                        outcome,
                        notes: Vec::new(),
                    }
                })
                .collect();
            match format {
                Format::Text if summary => print!("{}", report::summary(&results)),
                Format::Text => print!("{}", report::text(&results, options)),
                Format::Json => println!("{}", report::json(&results, options)),
                Format::Csv => print!("{}", report::csv(&results)),
            }
            if all_read {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
    }
}

/// One thing to check: a file (or standard input), a submission link, or a folder that had no
/// workflow files in it.
enum Input {
    File(PathBuf),
    Link(String),
    EmptyFolder(PathBuf),
}

impl Input {
    fn name(&self) -> String {
        match self {
            Input::File(p) | Input::EmptyFolder(p) => p.display().to_string(),
            Input::Link(l) => {
                let short: String = l.chars().take(24).collect();
                format!("link {short}…")
            }
        }
    }

    fn text(&self) -> Result<String, String> {
        match self {
            Input::File(p) => read(p),
            Input::EmptyFolder(_) => Err("this folder holds no .json files".into()),
            Input::Link(_) => Err("a link is not a file".into()),
        }
    }
}

/// The files to check: folders become the `.json` files in them (sorted by name), and an
/// argument that is a submission link (`s1.…`, or an address ending in one) stays a link.
fn expand(args: &[PathBuf]) -> Vec<Input> {
    let mut out = Vec::new();
    for path in args {
        let text = path.to_string_lossy();
        if !path.exists() && (text.starts_with("s1.") || text.contains("#s1.")) {
            out.push(Input::Link(text.into_owned()));
        } else if path.is_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(path)
                .map(|entries| {
                    entries
                        .filter_map(|e| e.ok().map(|e| e.path()))
                        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x.eq_ignore_ascii_case("json")))
                        .collect()
                })
                .unwrap_or_default();
            files.sort();
            if files.is_empty() {
                out.push(Input::EmptyFolder(path.clone()));
            }
            out.extend(files.into_iter().map(Input::File));
        } else {
            out.push(Input::File(path.clone()));
        }
    }
    out
}

/// The exercise `spec` names: a built-in id, a file, or a link.
fn find_exercise(spec: &str) -> Result<flowguide_practice::Exercise, String> {
    use flowguide_practice::{builtin, exercise, link};
    if let Some(e) = builtin::get(spec) {
        return Ok(e);
    }
    let path = PathBuf::from(spec);
    if path.is_file() {
        let text = read(&path).map_err(|e| format!("the exercise {spec} cannot be read: {e}"))?;
        return exercise::parse(&text).map_err(|e| format!("the exercise {spec} cannot be used: {e}"));
    }
    if spec.contains("x1.") || spec.contains('#') {
        return link::decode_exercise(spec).map_err(|e| format!("the exercise link cannot be opened: {e}"));
    }
    let ids: Vec<&str> = builtin::FILES.iter().map(|(id, _)| *id).collect();
    Err(format!(
        "there is no built-in exercise, exercise file or exercise link “{spec}”. The built-in exercises are: {}",
        ids.join(", ")
    ))
}

/// Grades every input against `exercise`, prints the report, and ends with the class table.
fn check_against(
    exercise: &flowguide_practice::Exercise,
    inputs: &[Input],
    format: Format,
    summary: bool,
    options: report::Options,
) -> ExitCode {
    use flowguide_practice::class::{self, Row};
    use flowguide_practice::link;
    let rows: Vec<Row> = inputs
        .iter()
        .map(|input| match input {
            Input::Link(l) => Row::of_work(
                exercise,
                &input.name(),
                link::decode_submission(l).map_err(|e| e.to_string()),
            ),
            _ => match input.text() {
                Ok(text) => Row::grade(exercise, &input.name(), &text),
                Err(e) => Row::of_work(exercise, &input.name(), Err(e)),
            },
        })
        .collect();
    let all_read = rows.iter().all(|r| r.outcome.is_ok());
    match format {
        Format::Csv => print!("{}", class::csv(exercise, &rows)),
        Format::Json => {
            let results = file_results(exercise, &rows);
            let mut items: serde_json::Value =
                serde_json::from_str(&report::json(&results, options)).expect("the report is JSON");
            for (item, row) in items.as_array_mut().expect("an array").iter_mut().zip(&rows) {
                let fields = item.as_object_mut().expect("an object");
                if let Ok((work, g)) = &row.outcome {
                    fields.insert("learner".into(), work.learner.clone().into());
                    fields.insert("passed".into(), g.passed.into());
                    fields.insert("score".into(), g.score.into());
                    fields.insert("passMark".into(), g.pass_mark.into());
                    fields.insert("reasons".into(), g.reasons.clone().into());
                }
                let problem = row.problem(exercise);
                if !problem.is_empty() {
                    fields.insert("problem".into(), problem.into());
                }
            }
            println!("{}", serde_json::to_string_pretty(&items).expect("JSON"));
        }
        Format::Text => {
            if !summary {
                print!("{}", report::text(&file_results(exercise, &rows), options));
            }
            print!("{}", report::class_table(exercise, &rows));
        }
    }
    if all_read {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// The rows as the general report prints them, with who handed each in and its verdict.
fn file_results(
    exercise: &flowguide_practice::Exercise,
    rows: &[flowguide_practice::class::Row],
) -> Vec<report::FileResult> {
    rows.iter()
        .map(|row| match &row.outcome {
            Ok((work, g)) => {
                let mut notes = Vec::new();
                if !work.learner.is_empty() || !work.submitted_at.is_empty() {
                    let who = if work.learner.is_empty() {
                        "a learner who gave no name"
                    } else {
                        &work.learner
                    };
                    let when = if work.submitted_at.is_empty() {
                        String::new()
                    } else {
                        format!(", at {}", work.submitted_at)
                    };
                    notes.push(format!("Handed in by {who}{when}."));
                }
                if let Some(m) = work.mismatch(exercise) {
                    notes.push(format!("Note: {m}."));
                }
                notes.push(if g.passed {
                    format!("Passed: score {}, pass mark {}.", g.score, g.pass_mark)
                } else {
                    format!("Not passed: {}", g.reasons.join(" "))
                });
                report::FileResult {
                    file: row.file.clone(),
                    outcome: Ok((work.doc.name.clone(), g.report.clone())),
                    notes,
                }
            }
            Err(e) => report::FileResult {
                file: row.file.clone(),
                outcome: Err(report::FileError::plain(e.clone())),
                notes: Vec::new(),
            },
        })
        .collect()
}
