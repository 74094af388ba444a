//! The sandbox's saved work in browser storage: a versioned envelope around a format v1 document.
//!
//! ```json
//! {"kind":"flowguide-sandbox","version":1,"savedAt":1764000000000,"document":{…}}
//! ```
//!
//! `version` is the envelope's own version; the document inside keeps its format version. Older
//! shapes are migrated on the way in: version 0 is a bare workflow document stored without an
//! envelope (what a learner or a test may paste into storage by hand). Anything that cannot be
//! read is refused with a reason, so the caller can keep it aside and say so; it is never dropped.

use std::fmt;

use serde::Deserialize;
use serde_json::Value;

use crate::workflow::document::{WorkflowDoc, FORMAT};
use crate::workflow::parse::{self, ParseError};

/// The envelope's `kind`.
pub const KIND: &str = "flowguide-sandbox";
/// The envelope version this code writes.
pub const VERSION: u64 = 1;

/// Saved work, read back.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Saved {
    pub doc: WorkflowDoc,
    /// When it was saved, in milliseconds since 1970, if known.
    pub saved_at: Option<u64>,
    /// The envelope version it was migrated from, when it was older than [`VERSION`].
    pub migrated_from: Option<u64>,
}

/// Why saved work could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// Not JSON at all, or cut short.
    NotJson(ParseError),
    /// JSON, but not saved sandbox work.
    NotSandbox,
    /// Saved by a newer Flowguide.
    NewerVersion(u64),
    /// The envelope is fine; the document inside is not.
    Document(ParseError),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::NotJson(e) => write!(f, "the saved data is damaged ({e})"),
            StoreError::NotSandbox => f.write_str("the saved data is not a Flowguide workflow"),
            StoreError::NewerVersion(v) => write!(
                f,
                "the saved data comes from a newer version of Flowguide (storage version {v}); reload the page to get the newest version"
            ),
            StoreError::Document(e) => write!(f, "the saved workflow cannot be read ({e})"),
        }
    }
}

impl std::error::Error for StoreError {}

/// Wraps a document for storage.
pub fn encode(doc: &WorkflowDoc, saved_at: u64) -> String {
    let doc = serde_json::to_string(doc).expect("a document always serialises");
    format!("{{\"kind\":\"{KIND}\",\"version\":{VERSION},\"savedAt\":{saved_at},\"document\":{doc}}}")
}

#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    version: Option<Value>,
    #[serde(default)]
    format: Option<String>,
}

fn not_json() -> ParseError {
    ParseError {
        message: "this is not valid JSON".into(),
        line: None,
        column: None,
    }
}

/// Reads the document inside the envelope with the format reader, so it gets the same checks
/// (format, version, field types) as a file.
fn from_value(value: &Value) -> Result<WorkflowDoc, StoreError> {
    parse::parse(&value.to_string()).map_err(StoreError::Document)
}

/// Reads saved work, migrating older shapes.
pub fn decode(text: &str) -> Result<Saved, StoreError> {
    // Refuse what is not JSON (with line and column) before looking at its shape.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        // The reader explains the same JSON error in plain words, with its line and column.
        Err(_) => return Err(StoreError::NotJson(parse::parse(text).err().unwrap_or_else(not_json))),
    };
    let header = Header::deserialize(&value).map_err(|_| StoreError::NotSandbox)?;
    if header.kind.as_deref() == Some(KIND) {
        let version = header
            .version
            .as_ref()
            .and_then(Value::as_u64)
            .ok_or(StoreError::NotSandbox)?;
        if version > VERSION {
            return Err(StoreError::NewerVersion(version));
        }
        if version != VERSION {
            return Err(StoreError::NotSandbox);
        }
        let document = value.get("document").ok_or(StoreError::NotSandbox)?;
        let doc = from_value(document)?;
        let saved_at = value.get("savedAt").and_then(Value::as_u64);
        return Ok(Saved {
            doc,
            saved_at,
            migrated_from: None,
        });
    }
    if header.format.as_deref() == Some(FORMAT) {
        // Version 0: a bare document.
        let doc = from_value(&value)?;
        return Ok(Saved {
            doc,
            saved_at: None,
            migrated_from: Some(0),
        });
    }
    Err(StoreError::NotSandbox)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workflow::generate;
    use proptest::prelude::*;

    fn expense() -> WorkflowDoc {
        parse::parse(include_str!("../../tests/data/expense.json")).unwrap()
    }

    #[test]
    fn round_trip() {
        let doc = expense();
        let text = encode(&doc, 1_764_000_000_000);
        assert!(text.starts_with("{\"kind\":\"flowguide-sandbox\",\"version\":1,\"savedAt\":1764000000000,"));
        let saved = decode(&text).unwrap();
        assert_eq!(saved.doc, doc);
        assert_eq!(saved.saved_at, Some(1_764_000_000_000));
        assert_eq!(saved.migrated_from, None);
    }

    #[test]
    fn a_bare_document_migrates() {
        let saved = decode(include_str!("../../tests/data/expense.json")).unwrap();
        assert_eq!(saved.doc, expense());
        assert_eq!(saved.migrated_from, Some(0));
    }

    #[test]
    fn unreadable_data_is_refused_with_a_reason() {
        let cut = &encode(&expense(), 1)[..60];
        let e = decode(cut).unwrap_err();
        assert!(matches!(e, StoreError::NotJson(_)), "{e:?}");
        assert!(e.to_string().contains("cut short"), "{e}");
        assert_eq!(decode("[1,2]"), Err(StoreError::NotSandbox));
        assert_eq!(decode("{\"kind\":\"other\"}"), Err(StoreError::NotSandbox));
        assert_eq!(
            decode("{\"kind\":\"flowguide-sandbox\",\"version\":\"1\"}"),
            Err(StoreError::NotSandbox)
        );
        assert_eq!(
            decode("{\"kind\":\"flowguide-sandbox\",\"version\":1}"),
            Err(StoreError::NotSandbox)
        );
        let newer = decode("{\"kind\":\"flowguide-sandbox\",\"version\":7,\"document\":{}}").unwrap_err();
        assert_eq!(newer, StoreError::NewerVersion(7));
        assert!(newer.to_string().contains("newer version"));
        let bad = decode("{\"kind\":\"flowguide-sandbox\",\"version\":1,\"document\":{\"format\":\"flowguide/workflow\",\"version\":1,\"steps\":5}}").unwrap_err();
        assert!(matches!(bad, StoreError::Document(_)), "{bad:?}");
        assert!(bad.to_string().contains("steps"), "{bad}");
        let future_doc = decode("{\"kind\":\"flowguide-sandbox\",\"version\":1,\"document\":{\"format\":\"flowguide/workflow\",\"version\":2}}").unwrap_err();
        assert!(matches!(future_doc, StoreError::Document(_)), "{future_doc:?}");
    }

    proptest! {
        #[test]
        fn any_generated_document_round_trips(steps in 0usize..40, at in any::<u64>()) {
            let doc = generate::workflow(steps);
            let saved = decode(&encode(&doc, at)).unwrap();
            prop_assert_eq!(saved.doc, doc);
            prop_assert_eq!(saved.saved_at, Some(at));
        }

        #[test]
        fn decode_never_panics(text in ".{0,200}") {
            let _ = decode(&text);
        }
    }
}
