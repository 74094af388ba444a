//! Reads a workflow document from JSON text, with errors a person can act on: what is wrong,
//! where (line and column, and the field), and never a guess at an unknown version.

use std::fmt;

use serde::Deserialize;
use serde_json::Value;

use super::document::{WorkflowDoc, FORMAT, VERSION};

/// The largest document read, in bytes. Far above any real workflow (10,000 steps is about 2 MB),
/// low enough that a wrong file (a video, a database dump) is refused at once.
pub const MAX_BYTES: usize = 16 * 1024 * 1024;

/// Why a document could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub message: String,
    /// 1-based line and column of the problem, for JSON errors.
    pub line: Option<usize>,
    pub column: Option<usize>,
}

impl ParseError {
    fn plain(message: impl Into<String>) -> ParseError {
        ParseError {
            message: message.into(),
            line: None,
            column: None,
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "line {l}, column {c}: {}", self.message),
            _ => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for ParseError {}

/// Turns serde_json's error into ours: its message without the trailing position, which we keep
/// as numbers, and with a plain explanation of the common cases.
fn from_json_error(e: &serde_json::Error, path: Option<&str>, noun: &str) -> ParseError {
    use serde_json::error::Category;
    let raw = e.to_string();
    let text = raw.split(" at line ").next().unwrap_or(&raw).to_string();
    let message = match e.classify() {
        Category::Eof => "the file ends too early: it may have been cut short".to_string(),
        Category::Syntax if text.contains("recursion limit") => {
            format!("the JSON is nested too deeply (more than 128 levels) to be a {noun}")
        }
        Category::Syntax => format!("this is not valid JSON ({text})"),
        Category::Data => plain_data_error(&text, path.unwrap_or("."), noun),
        Category::Io => text,
    };
    ParseError {
        message,
        line: Some(e.line()).filter(|&l| l > 0),
        column: Some(e.column()).filter(|_| e.line() > 0),
    }
}

/// serde's words for a kind of value, in words a learner knows.
fn plain_kind(serde: &str) -> String {
    let serde = serde.trim();
    let quoted = |s: &str| s.trim_matches('`').to_string();
    if let Some(n) = serde
        .strip_prefix("integer ")
        .or_else(|| serde.strip_prefix("floating point "))
    {
        return format!("the number {}", quoted(n));
    }
    if let Some(b) = serde.strip_prefix("boolean ") {
        return quoted(b);
    }
    if let Some(t) = serde.strip_prefix("string ") {
        return format!("the text {t}");
    }
    match serde {
        "a string" | "string" => "text in quotes".into(),
        "a sequence" | "sequence" => "a list (in square brackets)".into(),
        "map" | "a map" => "an object (in braces)".into(),
        "null" | "unit" | "unit value" => "null (nothing)".into(),
        "a boolean" => "true or false".into(),
        s if s.starts_with("struct ") || s.starts_with("a map") => "an object (in braces)".into(),
        s if s.starts_with("u") && s[1..].chars().all(|c| c.is_ascii_digit()) => "a whole number".into(),
        s if s.contains("integer") => "a whole number".into(),
        s => s.trim_start_matches("a ").trim_start_matches("an ").to_string(),
    }
}

/// Where in the document a path points, in words: `steps[0].inputs[1]` is "step 1, input 2".
fn plain_place(path: &str, noun: &str) -> String {
    if path.is_empty() || path == "." {
        return format!("the {noun}");
    }
    let mut words = Vec::new();
    for part in path.split('.') {
        let (name, index) = match part.split_once('[') {
            Some((name, rest)) => (
                name,
                rest.trim_end_matches(']')
                    .split("][")
                    .next()
                    .and_then(|i| i.parse::<usize>().ok()),
            ),
            None => (part, None),
        };
        let word = match (name, index) {
            ("steps", Some(i)) => format!("step {}", i + 1),
            ("roles", Some(i)) => format!("role {}", i + 1),
            ("next", Some(i)) => format!("branch {}", i + 1),
            ("inputs", Some(i)) => format!("input {}", i + 1),
            ("outputs", Some(i)) => format!("output {}", i + 1),
            ("provides", Some(i)) => format!("item {} of what it brings", i + 1),
            ("trigger", None) => "the trigger".into(),
            ("outcome", None) => "the outcome".into(),
            ("next", None) => "where work goes next".into(),
            ("when", None) => "its condition".into(),
            ("via", None) => "its channel".into(),
            ("to", None) => "the step it goes to".into(),
            (name, Some(i)) => format!("{name}, item {}", i + 1),
            (name, None) if words.is_empty() => format!("the {noun}'s {name}"),
            (name, None) => format!("its {name}"),
        };
        words.push(word);
    }
    words.join(", ")
}

/// A data error (the JSON is well formed but does not fit the format) in plain words, naming the
/// field both ways: in words, and by its path in the file (`steps[0].inputs[0]`).
fn plain_data_error(serde: &str, path: &str, noun: &str) -> String {
    let place = plain_place(path, noun);
    let at = if path.is_empty() || path == "." {
        String::new()
    } else {
        format!(" (`{path}` in the file)")
    };
    if let Some(rest) = serde
        .strip_prefix("invalid type: ")
        .or_else(|| serde.strip_prefix("invalid value: "))
    {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            return format!(
                "{place}{at} should be {}, but it is {}",
                plain_kind(expected),
                plain_kind(found)
            );
        }
    }
    if let Some(rest) = serde.strip_prefix("missing field ") {
        return format!("{place}{at} is missing its {}", rest.trim_matches('`'));
    }
    if let Some(rest) = serde.strip_prefix("unknown variant ") {
        if let Some((value, choices)) = rest.split_once(", expected ") {
            let choices = choices.trim_start_matches("one of ").replace('`', "");
            return format!(
                "{place}{at} is {}, which Flowguide does not know: use one of {choices}",
                value.trim_matches('`')
            );
        }
    }
    if let Some(rest) = serde.strip_prefix("invalid length ") {
        return format!("{place}{at} has the wrong number of items ({rest})");
    }
    format!("{place}{at} does not fit the {noun} format: {serde}")
}

#[derive(Deserialize)]
struct Header {
    format: Option<Value>,
    version: Option<Value>,
}

/// Turns a serde_json error met while reading `text` in another Flowguide format into the same
/// plain message, with its line and column, naming the field the way a workflow's errors do
/// (`noun` is what the file is: "exercise", "submission").
pub fn json_error(text: &str, e: &serde_json::Error, noun: &str) -> ParseError {
    let path = (e.classify() == serde_json::error::Category::Data).then(|| super::json_path::of_error(text, e));
    from_json_error(e, path.as_deref(), noun)
}

/// An error with a message and no position.
pub fn plain_error(message: impl Into<String>) -> ParseError {
    ParseError::plain(message)
}

/// Reads a workflow document. Bad references (duplicate ids, unknown steps) are not errors here:
/// they become findings in the feedback, so half-built work always opens.
/// A size in megabytes with one decimal, for messages: `16.1`. Integer arithmetic only, so
/// the browser bundles carry no float formatting.
pub fn megabytes(bytes: u64) -> String {
    let tenths = (bytes * 10 + 524_288) / 1_048_576;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// The message for a document over [`MAX_BYTES`].
pub fn too_big(bytes: u64) -> String {
    format!(
        "the file is {} MB; a workflow document is at most {} MB",
        megabytes(bytes),
        MAX_BYTES / 1_048_576
    )
}

pub fn parse(text: &str) -> Result<WorkflowDoc, ParseError> {
    if text.len() > MAX_BYTES {
        return Err(ParseError::plain(too_big(text.len() as u64)));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ParseError::plain("the file is empty"));
    }
    let header: Header = match serde_json::from_str::<Value>(text) {
        Err(e) => return Err(from_json_error(&e, None, "workflow")),
        Ok(Value::Object(_)) => serde_json::from_str(text).map_err(|e| from_json_error(&e, None, "workflow"))?,
        Ok(_) => {
            return Err(ParseError::plain(
                "a workflow document is a JSON object, starting with `{`",
            ))
        }
    };
    match header.format {
        None => {
            return Err(ParseError::plain(format!(
                "this is not a Flowguide workflow: the `format` field is missing (it should be \"{FORMAT}\")"
            )))
        }
        Some(Value::String(f)) if f == FORMAT => {}
        Some(other) => {
            return Err(ParseError::plain(format!(
                "this is not a Flowguide workflow: `format` is {other}, not \"{FORMAT}\""
            )))
        }
    }
    match header.version {
        None => {
            return Err(ParseError::plain(
                "the `version` field is missing (this Flowguide reads version 1)",
            ))
        }
        Some(Value::Number(n)) if n.as_u64() == Some(VERSION) => {}
        Some(Value::Number(n)) => {
            return Err(ParseError::plain(format!(
                "this file is workflow format version {n}; this Flowguide reads version {VERSION}"
            )))
        }
        Some(other) => return Err(ParseError::plain(format!("`version` must be a number, found {other}"))),
    }
    serde_json::from_str::<WorkflowDoc>(text).map_err(|e| {
        let path = super::json_path::of_error(text, &e);
        from_json_error(&e, Some(&path), "workflow")
    })
}

/// Writes a document as pretty JSON, the form files are saved in: serde_json's pretty layout
/// (two-space indents), made by re-indenting the compact JSON, so the bundles carry one JSON
/// writer, not two (1.4 KB gzip).
pub fn to_pretty_json(doc: &WorkflowDoc) -> String {
    indent(&serde_json::to_string(doc).expect("a workflow document always serialises"))
}

/// Lays out compact JSON (no whitespace outside strings) as serde_json's pretty printer does.
fn indent(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() * 2);
    let mut depth = 0usize;
    let mut chars = compact.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                out.push('"');
                while let Some(s) = chars.next() {
                    out.push(s);
                    match s {
                        '\\' => out.extend(chars.next()),
                        '"' => break,
                        _ => {}
                    }
                }
            }
            '{' | '[' => {
                let close = if c == '{' { '}' } else { ']' };
                out.push(c);
                if chars.peek() == Some(&close) {
                    out.push(close);
                    chars.next();
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(',');
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The re-indented JSON is exactly serde_json's pretty JSON, whatever the text holds.
        #[test]
        fn pretty_json_is_serde_jsons_layout(n in 0usize..12, name in "\\PC{0,30}", title in "[\"\\\\{}\\[\\],: a-z]{0,20}") {
            let mut doc = crate::workflow::generate::workflow(n);
            doc.name = format!("{name}\u{1}\n\t\\\"");
            if let Some(s) = doc.steps.first_mut() {
                s.title = title;
            }
            proptest::prop_assert_eq!(to_pretty_json(&doc), serde_json::to_string_pretty(&doc).unwrap());
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]
        /// Whatever is wrong with a document, the message is in plain words: it names the place
        /// in words and by its path, and uses none of serde's programmer words.
        #[test]
        fn every_error_message_is_in_plain_words(n in 1usize..8, pick in proptest::prelude::any::<usize>(), how in 0usize..9, pretty in proptest::prelude::any::<bool>()) {
            let text = crate::workflow::generate::damaged(n, pick, how, pretty);
            if let Err(e) = parse(&text) {
                let m = e.message;
                for word in ["sequence", "struct ", "invalid type", "invalid value", "u64", "usize", "unit value", "a map", "..", " ,"] {
                    proptest::prop_assert!(!m.contains(word), "“{}” in: {}", word, m);
                }
                proptest::prop_assert!(!m.ends_with('.'), "{}", m);
            }
        }
    }

    #[test]
    fn sizes_read_in_megabytes_with_one_decimal() {
        assert_eq!(megabytes(0), "0.0");
        assert_eq!(megabytes(1_572_864), "1.5");
        assert_eq!(megabytes(MAX_BYTES as u64 + 1), "16.0");
        assert_eq!(megabytes(10 * 1_048_576 - 1), "10.0");
        assert_eq!(
            too_big(20 * 1_048_576),
            "the file is 20.0 MB; a workflow document is at most 16 MB"
        );
    }
    use proptest::prelude::*;

    pub const EXPENSE: &str = include_str!("../../tests/data/expense.json");

    #[test]
    fn reads_the_expense_example() {
        let doc = parse(EXPENSE).unwrap();
        assert_eq!(doc.name, "Expense reimbursement");
        assert_eq!(doc.steps.len(), 3);
        assert_eq!(doc.steps[0].next.as_ref().unwrap()[1].when.as_deref(), Some("rejected"));
        assert_eq!(doc.steps[2].next, Some(vec![]));
        assert_eq!(parse(&to_pretty_json(&doc)).unwrap(), doc);
    }

    #[test]
    fn half_built_documents_read() {
        let doc = parse(r#"{"format":"flowguide/workflow","version":1}"#).unwrap();
        assert!(doc.steps.is_empty() && doc.trigger.is_none());
        let doc = parse(r#"{"format":"flowguide/workflow","version":1,"steps":[{"id":"a"}],"extra":true}"#).unwrap();
        assert_eq!(doc.steps[0].title, "");
    }

    #[test]
    fn errors_say_what_and_where() {
        let e =
            parse("{\n  \"format\": \"flowguide/workflow\",\n  \"version\": 1,\n  \"steps\": \"abc\"\n}").unwrap_err();
        assert_eq!((e.line, e.column), (Some(4), Some(16)), "{e}");
        assert_eq!(
            e.message,
            "the workflow's steps (`steps` in the file) should be a list (in square brackets), but it is the text \"abc\"",
            "{e}"
        );
        let e = parse(
            "{\"format\": \"flowguide/workflow\", \"version\": 1, \"steps\": [{\"id\": \"a\", \"inputs\": [3]}]}",
        )
        .unwrap_err();
        assert_eq!(
            e.message,
            "step 1, input 1 (`steps[0].inputs[0]` in the file) should be text in quotes, but it is the number 3"
        );
        let e = parse("{\n  \"format\": \"flowguide/workflow\",\n  \"version\": 1,,\n}").unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(e.message.starts_with("this is not valid JSON"), "{e}");
        let e = parse("{\"format\": \"flowguide/workflow\", \"vers").unwrap_err();
        assert!(e.message.contains("cut short"), "{e}");
    }

    #[test]
    fn the_header_is_checked_before_anything_else() {
        assert!(parse(r#"{"version":1}"#)
            .unwrap_err()
            .message
            .contains("`format` field is missing"));
        assert!(parse(r#"{"format":"bpmn","version":1}"#)
            .unwrap_err()
            .message
            .contains("not a Flowguide workflow"));
        assert!(parse(r#"{"format":"flowguide/workflow"}"#)
            .unwrap_err()
            .message
            .contains("`version` field is missing"));
        assert_eq!(
            parse(r#"{"format":"flowguide/workflow","version":2,"steps":"whatever"}"#)
                .unwrap_err()
                .message,
            "this file is workflow format version 2; this Flowguide reads version 1"
        );
        assert!(parse(r#"{"format":"flowguide/workflow","version":"1"}"#)
            .unwrap_err()
            .message
            .contains("must be a number"));
        assert!(parse("[1,2]").unwrap_err().message.contains("JSON object"));
        assert!(parse("  ").unwrap_err().message.contains("empty"));
    }

    #[test]
    fn deep_nesting_and_huge_files_are_refused_cleanly() {
        let deep = format!(
            "{{\"format\":\"flowguide/workflow\",\"version\":1,\"x\":{}{}}}",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        assert!(parse(&deep).unwrap_err().message.contains("nested too deeply"));
        let huge = " ".repeat(MAX_BYTES + 1);
        assert!(parse(&huge).unwrap_err().message.contains("at most 16 MB"));
    }

    #[test]
    fn markup_in_text_is_kept_as_text() {
        let doc = parse(r#"{"format":"flowguide/workflow","version":1,"name":"<script>alert(1)</script>","steps":[{"id":"a","title":"<img src=x onerror=alert(1)> ‏مرحبا"}]}"#).unwrap();
        assert_eq!(doc.name, "<script>alert(1)</script>");
        assert!(doc.steps[0].title.contains("مرحبا"));
    }

    proptest! {
        #[test]
        fn any_text_gives_a_document_or_an_error(text in "\\PC{0,200}") {
            let _ = parse(&text);
            let wrapped = format!("{{\"format\":\"flowguide/workflow\",\"version\":1,\"steps\":[{text}]}}");
            let _ = parse(&wrapped);
        }

        #[test]
        fn truncated_documents_never_panic(cut in 0usize..2000) {
            let end = EXPENSE.char_indices().map(|(i, _)| i).nth(cut).unwrap_or(EXPENSE.len());
            if let Err(e) = parse(&EXPENSE[..end]) {
                prop_assert!(!e.message.is_empty());
            }
        }
    }
}
