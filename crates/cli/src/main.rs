//! `flowguide-cli`: gives exported workflows the same feedback as the sandbox, so an instructor
//! can check a whole class's submissions at once. Only glue: reading files and printing reports.
//! The analysis is `flowguide_engine::feedback`, the very code the browser runs.
//!
//! ```text
//! flowguide-cli check FILE... [--format text|json|csv] [--summary] [--explain] [--all]
//!                             [--preset beginner|recommended|strict]
//! flowguide-cli export FILE --to bpmn|mermaid|svg
//! flowguide-cli rules [--preset NAME]
//! ```
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
    /// Check workflow files (.json, as exported from the sandbox). Use - to read standard input.
    Check {
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
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
        #[arg(long, default_value = "recommended", value_parser = parse_preset)]
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
            let config = Config::preset(preset);
            let mut all_read = true;
            let results: Vec<report::FileResult> = files
                .iter()
                .map(|path| {
                    let name = path.display().to_string();
                    let outcome = read(path)
                        .map_err(report::FileError::plain)
                        .and_then(|text| parse(&text).map_err(report::FileError::from))
                        .map(|doc| {
                            let r = analyse(&doc, &config);
                            (doc.name, r)
                        });
                    all_read &= outcome.is_ok();
                    report::FileResult { file: name, outcome }
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
