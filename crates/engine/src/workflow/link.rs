//! Share links: the whole workflow document in the URL fragment, so a link alone carries the work
//! and no server is needed.
//!
//! Encoding (version 1): `w1.` followed by the URL-safe base64 (no padding) of the zlib-compressed
//! compact JSON of the document. zlib's Adler-32 checksum catches a link that was cut short or
//! altered, and decompression stops at [`MAX_BYTES`], so no link can expand without limit.
//!
//! The format is here and compression is the caller's: [`json`] and [`pack`] make a link from
//! the document and its zlib bytes, [`unpack`] and [`open`] read one back. Browsers compress
//! with their own `CompressionStream`, so the bundles carry no zlib code; with the `zlib`
//! feature (on by default: the checker and the tests use it) [`encode`] and [`decode`] do the
//! whole round trip in Rust.

use std::fmt;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use super::parse::{ParseError, MAX_BYTES};
use super::{parse, WorkflowDoc};

/// What every version-1 link payload starts with.
pub const PREFIX: &str = "w1.";

/// Why a link could not be opened, in words a learner can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// The fragment is not a Flowguide workflow link at all.
    NotALink,
    /// Made by a later Flowguide, with an encoding this one does not know.
    UnknownVersion(String),
    /// Cut short, or changed after it was made.
    Damaged,
    /// It decodes to a document that is not a readable workflow.
    Document(ParseError),
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::NotALink => f.write_str("This address does not hold a Flowguide workflow."),
            LinkError::UnknownVersion(v) => write!(
                f,
                "This link was made by a newer version of Flowguide (link format “{v}”), so this one cannot open it."
            ),
            LinkError::Damaged => f.write_str(
                "This link is incomplete or has been changed: part of it is missing or altered. Ask for the link again, or copy all of it.",
            ),
            LinkError::Document(e) => write!(f, "The link holds a workflow Flowguide cannot read: {e}"),
        }
    }
}

impl std::error::Error for LinkError {}

/// The bytes a link compresses: the document's compact JSON.
pub fn json(doc: &WorkflowDoc) -> Vec<u8> {
    serde_json::to_vec(doc).expect("a workflow document always serialises")
}

/// The link payload (what goes after `#`) for the zlib-compressed [`json`] of a document.
pub fn pack(zlib: &[u8]) -> String {
    format!("{PREFIX}{}", URL_SAFE_NO_PAD.encode(zlib))
}

/// The zlib bytes a link payload carries (with or without its leading `#`), or why it is not one.
pub fn unpack(fragment: &str) -> Result<Vec<u8>, LinkError> {
    let payload = fragment.trim().trim_start_matches('#');
    let Some(body) = payload.strip_prefix(PREFIX) else {
        // `w2.…` and the like: a later link format, not garbage.
        return match payload.split_once('.') {
            Some((v, _))
                if v.len() <= 4 && v.starts_with('w') && v[1..].chars().all(|c| c.is_ascii_digit()) && v.len() > 1 =>
            {
                Err(LinkError::UnknownVersion(v.to_string()))
            }
            _ => Err(LinkError::NotALink),
        };
    };
    URL_SAFE_NO_PAD.decode(body).map_err(|_| LinkError::Damaged)
}

/// The document in a link's decompressed bytes (at most [`MAX_BYTES`] of them).
pub fn open(json: Vec<u8>) -> Result<WorkflowDoc, LinkError> {
    if json.len() > MAX_BYTES {
        return Err(LinkError::Damaged);
    }
    let text = String::from_utf8(json).map_err(|_| LinkError::Damaged)?;
    parse(&text).map_err(LinkError::Document)
}

/// The link payload for `doc` (what goes after `#`).
#[cfg(feature = "zlib")]
pub fn encode(doc: &WorkflowDoc) -> String {
    pack(&miniz_oxide::deflate::compress_to_vec_zlib(&json(doc), 9))
}

/// Reads a link payload (with or without its leading `#`).
#[cfg(feature = "zlib")]
pub fn decode(fragment: &str) -> Result<WorkflowDoc, LinkError> {
    let compressed = unpack(fragment)?;
    let json = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&compressed, MAX_BYTES)
        .map_err(|_| LinkError::Damaged)?;
    open(json)
}

#[cfg(all(test, feature = "zlib"))]
mod tests {
    use super::*;
    use crate::workflow::generate;
    use proptest::prelude::*;

    const EXPENSE: &str = include_str!("../../tests/data/expense.json");

    #[test]
    fn a_link_round_trips_and_stays_short() {
        let doc = parse(EXPENSE).unwrap();
        let link = encode(&doc);
        assert!(link.starts_with("w1."));
        assert!(
            link.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)),
            "URL-safe: {link}"
        );
        assert!(link.len() < 900, "{} characters", link.len());
        assert_eq!(decode(&link).unwrap(), doc);
        assert_eq!(decode(&format!("#{link}")).unwrap(), doc);
    }

    #[test]
    fn truncated_or_altered_links_say_so() {
        let link = encode(&parse(EXPENSE).unwrap());
        for cut in [link.len() - 1, link.len() - 5, link.len() / 2, 4] {
            assert_eq!(decode(&link[..cut]), Err(LinkError::Damaged), "cut at {cut}");
        }
        let mut altered = link.clone().into_bytes();
        let i = altered.len() / 2;
        altered[i] = if altered[i] == b'A' { b'B' } else { b'A' };
        assert_eq!(decode(std::str::from_utf8(&altered).unwrap()), Err(LinkError::Damaged));
        assert!(LinkError::Damaged
            .to_string()
            .contains("incomplete or has been changed"));
    }

    #[test]
    fn other_addresses_and_later_versions_are_named() {
        assert_eq!(decode(""), Err(LinkError::NotALink));
        assert_eq!(decode("#section-2"), Err(LinkError::NotALink));
        assert_eq!(decode("w2.abc"), Err(LinkError::UnknownVersion("w2".into())));
        assert!(LinkError::UnknownVersion("w2".into())
            .to_string()
            .contains("newer version"));
    }

    #[test]
    fn a_link_to_something_that_is_not_a_workflow_is_explained() {
        let json = br#"{"format":"flowguide/workflow","version":7}"#;
        let link = format!(
            "{PREFIX}{}",
            URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec_zlib(json, 9))
        );
        assert!(matches!(decode(&link), Err(LinkError::Document(e)) if e.message.contains("version 7")));
    }

    #[test]
    fn a_compression_bomb_stops_at_the_size_limit() {
        let bomb = vec![b' '; MAX_BYTES + 10];
        let link = format!(
            "{PREFIX}{}",
            URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec_zlib(&bomb, 9))
        );
        assert!(link.len() < 100_000);
        assert_eq!(decode(&link), Err(LinkError::Damaged));
    }

    /// Compression keeps big workflows shareable: a 100-step workflow (far past a real one) must
    /// stay well under the 32,000 characters that browsers, chat apps and LMS editors keep in a
    /// link, and a link grows more slowly than the document it carries.
    #[test]
    fn large_workflows_fit_in_a_link() {
        let doc = generate::workflow(100);
        let link = encode(&doc);
        assert_eq!(decode(&link).unwrap(), doc);
        assert!(link.len() < 16_000, "a 100-step link has {} characters", link.len());
        let json = crate::workflow::parse::to_pretty_json(&doc);
        assert!(
            link.len() * 4 < json.len(),
            "{} characters for {} bytes of JSON",
            link.len(),
            json.len()
        );
    }

    /// The browser's half of the round trip: its zlib bytes go through `pack` and `unpack`
    /// untouched, and `open` refuses what is too big or not text before it parses anything.
    #[test]
    fn the_parts_of_a_link_compose() {
        let doc = parse(EXPENSE).unwrap();
        let zlib = miniz_oxide::deflate::compress_to_vec_zlib(&json(&doc), 6);
        assert_eq!(unpack(&pack(&zlib)).unwrap(), zlib);
        assert_eq!(unpack(&format!("#{}", pack(&zlib))).unwrap(), zlib);
        assert_eq!(open(json(&doc)).unwrap(), doc);
        assert_eq!(open(vec![0xff, 0xfe]), Err(LinkError::Damaged));
        assert_eq!(open(vec![b' '; MAX_BYTES + 1]), Err(LinkError::Damaged));
        assert_eq!(unpack("w1.***"), Err(LinkError::Damaged));
    }

    proptest! {
        #[test]
        fn any_text_decodes_or_explains(text in "\\PC{0,200}") {
            if let Err(e) = decode(&text) {
                prop_assert!(!e.to_string().is_empty());
            }
            let _ = decode(&format!("{PREFIX}{text}"));
        }
    }
}
