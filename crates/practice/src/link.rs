//! Exercise links and submission links: the whole exercise (or a learner's submission) in the URL
//! fragment, so a link alone carries it and no server is needed.
//!
//! Encoding (version 1), as for workflow share links: a prefix, `x1.` for an exercise and `s1.`
//! for a submission, then the URL-safe base64 (no padding) of the zlib-compressed compact JSON.
//! zlib's Adler-32 checksum catches a link that was cut short or altered, and decompression stops
//! at `MAX_BYTES`. Compression is the caller's ([`json`], [`pack`], [`unpack`], [`open`]):
//! browsers use their own `CompressionStream`; with the `zlib` feature the `encode_*` and
//! `decode_*` functions do the round trip in Rust.

use std::fmt;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use flowguide_engine::workflow::parse::MAX_BYTES;
use serde::Serialize;

use crate::exercise::{self, Exercise};
#[cfg(feature = "zlib")]
use crate::submission::Submission;
use crate::submission::{self, Work};

/// What a link carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Exercise,
    Submission,
}

impl Kind {
    /// What a version-1 link of this kind starts with.
    pub fn prefix(self) -> &'static str {
        match self {
            Kind::Exercise => "x1.",
            Kind::Submission => "s1.",
        }
    }

    fn letter(self) -> char {
        match self {
            Kind::Exercise => 'x',
            Kind::Submission => 's',
        }
    }

    fn noun(self) -> &'static str {
        match self {
            Kind::Exercise => "exercise",
            Kind::Submission => "handed-in workflow",
        }
    }
}

/// Why a link could not be opened, in words a learner or an instructor can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// The fragment is not a link of the kind asked for.
    NotALink(Kind),
    /// Made by a later Flowguide, with an encoding this one does not know.
    UnknownVersion(String),
    /// Cut short, or changed after it was made.
    Damaged,
    /// It decodes to something that is not a valid exercise or submission.
    Content(String),
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::NotALink(kind) => write!(f, "This address does not hold a Flowguide {}.", kind.noun()),
            LinkError::UnknownVersion(v) => write!(
                f,
                "This link was made by a newer version of Flowguide (link format “{v}”), so this one cannot open it."
            ),
            LinkError::Damaged => f.write_str(
                "This link is incomplete or has been changed: part of it is missing or altered. Ask for the link again, or copy all of it.",
            ),
            LinkError::Content(e) => write!(f, "The link holds something Flowguide cannot read: {e}"),
        }
    }
}

impl std::error::Error for LinkError {}

/// The bytes a link compresses: the compact JSON of an exercise or a submission.
pub fn json<T: Serialize>(value: &T) -> Vec<u8> {
    serde_json::to_vec(value).expect("exercises and submissions always serialise")
}

/// The link payload (what goes after `#`) for zlib bytes.
pub fn pack(kind: Kind, zlib: &[u8]) -> String {
    format!("{}{}", kind.prefix(), URL_SAFE_NO_PAD.encode(zlib))
}

/// The zlib bytes a link payload of `kind` carries (with or without its leading `#`, or a whole
/// address with a fragment), or why it is not one.
pub fn unpack(kind: Kind, link: &str) -> Result<Vec<u8>, LinkError> {
    let link = link.trim();
    let payload = link.rsplit_once('#').map_or(link, |(_, f)| f);
    let Some(body) = payload.strip_prefix(kind.prefix()) else {
        return match payload.split_once('.') {
            Some((v, _))
                if v.len() > 1
                    && v.len() <= 4
                    && v.starts_with(kind.letter())
                    && v[1..].chars().all(|c| c.is_ascii_digit()) =>
            {
                Err(LinkError::UnknownVersion(v.to_string()))
            }
            _ => Err(LinkError::NotALink(kind)),
        };
    };
    URL_SAFE_NO_PAD.decode(body).map_err(|_| LinkError::Damaged)
}

fn text(json: Vec<u8>) -> Result<String, LinkError> {
    if json.len() > MAX_BYTES {
        return Err(LinkError::Damaged);
    }
    String::from_utf8(json).map_err(|_| LinkError::Damaged)
}

/// The exercise in a link's decompressed bytes.
pub fn open_exercise(json: Vec<u8>) -> Result<Exercise, LinkError> {
    exercise::parse(&text(json)?).map_err(|e| LinkError::Content(e.to_string()))
}

/// The submission in a link's decompressed bytes.
pub fn open_submission(json: Vec<u8>) -> Result<Work, LinkError> {
    let text = text(json)?;
    if !text.contains(submission::FORMAT) {
        return Err(LinkError::Content("it is not a handed-in workflow".into()));
    }
    submission::read(&text).map_err(|e| LinkError::Content(e.to_string()))
}

#[cfg(feature = "zlib")]
fn compress(bytes: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(bytes, 9)
}

#[cfg(feature = "zlib")]
fn inflate(kind: Kind, link: &str) -> Result<Vec<u8>, LinkError> {
    miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&unpack(kind, link)?, MAX_BYTES)
        .map_err(|_| LinkError::Damaged)
}

/// The link payload for an exercise.
#[cfg(feature = "zlib")]
pub fn encode_exercise(exercise: &Exercise) -> String {
    pack(Kind::Exercise, &compress(&json(exercise)))
}

/// Reads an exercise link (the payload, with or without `#`, or the whole address).
#[cfg(feature = "zlib")]
pub fn decode_exercise(link: &str) -> Result<Exercise, LinkError> {
    open_exercise(inflate(Kind::Exercise, link)?)
}

/// The link payload for a submission.
#[cfg(feature = "zlib")]
pub fn encode_submission(submission: &Submission) -> String {
    pack(Kind::Submission, &compress(&json(submission)))
}

/// Reads a submission link.
#[cfg(feature = "zlib")]
pub fn decode_submission(link: &str) -> Result<Work, LinkError> {
    open_submission(inflate(Kind::Submission, link)?)
}

#[cfg(all(test, feature = "zlib"))]
mod tests {
    use super::*;
    use crate::builtin;
    use proptest::prelude::*;

    #[test]
    fn every_built_in_exercise_round_trips_in_a_short_link() {
        for e in builtin::all() {
            let link = encode_exercise(&e);
            assert!(link.starts_with("x1."));
            assert!(link.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)));
            assert!(link.len() < 8_000, "{}: {} characters", e.id, link.len());
            assert_eq!(decode_exercise(&link).unwrap(), e);
            assert_eq!(
                decode_exercise(&format!("https://example.org/course/instructor#{link}")).unwrap(),
                e
            );
        }
    }

    #[test]
    fn damaged_links_and_other_kinds_say_so() {
        let e = builtin::all().remove(0);
        let link = encode_exercise(&e);
        for cut in [link.len() - 1, link.len() - 7, link.len() / 2, 5] {
            assert_eq!(decode_exercise(&link[..cut]), Err(LinkError::Damaged), "cut at {cut}");
        }
        let mut altered = link.clone().into_bytes();
        let i = altered.len() / 2;
        altered[i] = if altered[i] == b'A' { b'B' } else { b'A' };
        assert_eq!(
            decode_exercise(std::str::from_utf8(&altered).unwrap()),
            Err(LinkError::Damaged)
        );
        assert_eq!(decode_exercise("x2.abc"), Err(LinkError::UnknownVersion("x2".into())));
        assert_eq!(decode_exercise("w1.abc"), Err(LinkError::NotALink(Kind::Exercise)));
        assert_eq!(decode_submission(&link), Err(LinkError::NotALink(Kind::Submission)));
        assert!(LinkError::NotALink(Kind::Submission)
            .to_string()
            .contains("handed-in workflow"));
        // A valid link to an invalid exercise names the problem.
        let bad = pack(
            Kind::Exercise,
            &compress(br#"{"format":"flowguide/exercise","version":1,"id":"Bad Id","title":"t","scenario":"s"}"#),
        );
        assert!(matches!(decode_exercise(&bad), Err(LinkError::Content(m)) if m.contains("“Bad Id” is not allowed")));
    }

    #[test]
    fn a_compression_bomb_stops_at_the_size_limit() {
        let bomb = vec![b' '; MAX_BYTES + 10];
        let link = pack(Kind::Exercise, &compress(&bomb));
        assert_eq!(decode_exercise(&link), Err(LinkError::Damaged));
    }

    fn any_exercise() -> impl Strategy<Value = Exercise> {
        (
            "[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}",
            "\\PC{1,40}",
            "\\PC{1,200}",
            proptest::collection::vec("\\PC{1,30}", 0..4),
            proptest::collection::vec(
                (
                    "\\PC*[^ \\t\\n]\\PC*",
                    proptest::collection::vec("[a-zé <>&\"]{1,12}[a-z]", 0..3),
                    "\\PC{0,40}",
                ),
                0..4,
            ),
            (0u32..=100, proptest::option::of(0u32..10), 1u32..5),
        )
            .prop_map(|(id, title, scenario, goals, roles, (pass_mark, min, revision))| {
                let mut e = Exercise::new();
                e.id = id;
                e.revision = revision;
                e.title = format!("T{title}");
                e.scenario = format!("S{scenario}");
                e.goals = goals;
                e.rubric.pass_mark = pass_mark;
                e.rubric.steps.min = min;
                e.rubric.roles = roles
                    .into_iter()
                    .map(|(name, synonyms, says)| crate::exercise::Expected { name, synonyms, says })
                    .collect();
                e
            })
            .prop_filter("valid", |e| e.check().is_ok())
    }

    proptest! {
        #[test]
        fn exercise_links_round_trip(e in any_exercise()) {
            prop_assert_eq!(decode_exercise(&encode_exercise(&e)).unwrap(), e.clone());
            prop_assert_eq!(exercise::parse(&e.to_json()).unwrap(), e);
        }

        #[test]
        fn submission_links_round_trip(e in any_exercise(), learner in "\\PC{0,40}", n in 0usize..12) {
            let doc = flowguide_engine::workflow::generate::workflow(n);
            let s = Submission::new(&e, &learner, "2026-12-02T14:03:00Z", doc.clone());
            let work = decode_submission(&encode_submission(&s)).unwrap();
            prop_assert_eq!(&work.doc, &doc);
            prop_assert_eq!(work.learner, learner.trim().chars().take(200).collect::<String>().trim().to_string());
            prop_assert_eq!(work.exercise.unwrap().id, e.id.clone());
            let file = submission::read(&s.to_json()).unwrap();
            prop_assert_eq!(file.doc, doc);
        }

        #[test]
        fn any_text_decodes_or_explains(text in "\\PC{0,200}") {
            for r in [decode_exercise(&text).map(|_| ()), decode_submission(&text).map(|_| ())] {
                if let Err(e) = r {
                    prop_assert!(!e.to_string().is_empty());
                }
            }
            let _ = decode_exercise(&format!("x1.{text}"));
            let _ = decode_submission(&format!("s1.{text}"));
        }
    }
}
