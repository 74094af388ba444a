//! The messages between an embedded Flowguide and its course page, version
//! [`PROTOCOL_VERSION`](crate::PROTOCOL_VERSION) (docs/embedding.md is their reference).
//!
//! The frame posts: `flowguide:ready`, `flowguide:resize` (`height`), `flowguide:feedback`
//! (`report`, the checker's per-file object), `flowguide:completed` (`score`, `passed`,
//! `statement`) and `flowguide:answered` (`item`, `correct`, `statement`), each with `type`,
//! `version` and, when the host gave one, `frame`. It also posts Canvas's `lti.frameResize`, as
//! JSON text, since Canvas reads every message as JSON text.
//!
//! The frame accepts from its parent only `flowguide:hello` (a host script announcing itself)
//! and `flowguide:theme` (`theme`). Everything else is refused: a message that is not
//! Flowguide's silently, one that claims to be but is malformed with a reason.

use flowguide_engine::feedback::json::FileReport;
use serde::{Deserialize, Serialize};

use crate::options::Theme;
use crate::xapi::Statement;
use crate::PROTOCOL_VERSION;

/// The longest message the frame reads, in bytes of JSON text.
pub const MAX_INCOMING: usize = 16 * 1024;

/// One message the frame posts. One type with optional fields, so the bundle carries one
/// serializer for all of them.
#[derive(Serialize)]
struct Out<'a> {
    #[serde(rename = "type")]
    kind: &'a str,
    version: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    frame: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    embed: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    height: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    report: Option<FileReport<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    item: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    correct: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    score: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    passed: Option<bool>,
}

impl<'a> Out<'a> {
    fn new(kind: &'a str, frame: Option<&'a str>) -> Out<'a> {
        Out {
            kind,
            version: PROTOCOL_VERSION,
            frame,
            embed: None,
            height: None,
            report: None,
            item: None,
            correct: None,
            score: None,
            passed: None,
        }
    }

    fn text(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The message with `statement` added as its last field.
    fn with_statement(&self, statement: &Statement) -> String {
        let mut text = self.text();
        text.pop(); // the closing brace
        text + ",\"statement\":" + &statement.json() + "}"
    }
}

/// `flowguide:ready`: the frame is loaded and listening; `embed` says what it holds
/// (`sandbox`, `exercise`, `classify`, `diagram`).
pub fn ready(embed: &str, frame: Option<&str>) -> String {
    Out {
        embed: Some(embed),
        ..Out::new("flowguide:ready", frame)
    }
    .text()
}

/// `flowguide:resize`: the height of the frame's content, in CSS pixels.
pub fn resize(height: u32, frame: Option<&str>) -> String {
    Out {
        height: Some(height),
        ..Out::new("flowguide:resize", frame)
    }
    .text()
}

/// Canvas's own resize message, `{"subject":"lti.frameResize","height":…}`.
pub fn lti_resize(height: u32) -> String {
    format!("{{\"subject\":\"lti.frameResize\",\"height\":{height}}}")
}

/// `flowguide:feedback`: the feedback on the workflow as it is now.
pub fn feedback(report: FileReport, frame: Option<&str>) -> String {
    Out {
        report: Some(report),
        ..Out::new("flowguide:feedback", frame)
    }
    .text()
}

/// `flowguide:completed`: an exercise was handed in or reached its pass mark.
pub fn completed(score: u32, passed: bool, statement: &Statement, frame: Option<&str>) -> String {
    Out {
        score: Some(score),
        passed: Some(passed),
        ..Out::new("flowguide:completed", frame)
    }
    .with_statement(statement)
}

/// `flowguide:answered`: one drill item was answered.
pub fn answered(item: &str, correct: bool, statement: &Statement, frame: Option<&str>) -> String {
    Out {
        item: Some(item),
        correct: Some(correct),
        ..Out::new("flowguide:answered", frame)
    }
    .with_statement(statement)
}

/// A message the frame acts on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Incoming {
    /// `flowguide:hello`: a host script is listening. The frame answers with `ready` and its
    /// height, posted to the origin the browser gives the hello.
    Hello,
    /// `flowguide:theme`: follow the course page's theme.
    Theme(Theme),
}

/// Why a message was not acted on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused {
    /// Not a Flowguide message at all (another script's, or Canvas's): ignored without a word.
    NotOurs,
    /// Claims to be Flowguide's but is not one the frame accepts.
    Malformed(String),
}

#[derive(Deserialize)]
struct In {
    #[serde(rename = "type")]
    kind: String,
    version: Option<u32>,
    theme: Option<String>,
}

/// Reads a message's JSON text (a host may post an object; the bundle turns it into JSON text
/// first). Unknown fields are ignored, so a later host can send more.
pub fn read(text: &str) -> Result<Incoming, Refused> {
    if text.len() > MAX_INCOMING {
        return Err(if text.contains("\"flowguide:") {
            Refused::Malformed(format!("it is longer than {MAX_INCOMING} bytes"))
        } else {
            Refused::NotOurs
        });
    }
    let Ok(m) = serde_json::from_str::<In>(text) else {
        return Err(Refused::NotOurs);
    };
    let Some(name) = m.kind.strip_prefix("flowguide:") else {
        return Err(Refused::NotOurs);
    };
    match m.version {
        Some(PROTOCOL_VERSION) => {}
        Some(v) => {
            return Err(Refused::Malformed(format!(
                "it is version {v}, and this frame speaks version {PROTOCOL_VERSION}"
            )))
        }
        None => return Err(Refused::Malformed("it has no version".into())),
    }
    match name {
        "hello" => Ok(Incoming::Hello),
        "theme" => m
            .theme
            .as_deref()
            .and_then(Theme::from_key)
            .map(Incoming::Theme)
            .ok_or_else(|| Refused::Malformed("its theme is not light, dark or auto".into())),
        _ => Err(Refused::Malformed(
            "the frame does not accept this type of message".into(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flowguide_engine::feedback::{analyse, Config};
    use flowguide_engine::workflow::examples::EXAMPLES;
    use proptest::prelude::*;

    fn json(text: &str) -> serde_json::Value {
        serde_json::from_str(text).expect("valid JSON")
    }

    #[test]
    fn every_message_says_its_type_and_version_and_the_hosts_frame_id() {
        let m = json(&resize(532, Some("q3")));
        assert_eq!(
            m,
            serde_json::json!({"type": "flowguide:resize", "version": 1, "frame": "q3", "height": 532})
        );
        let m = json(&ready("sandbox", None));
        assert_eq!(
            m,
            serde_json::json!({"type": "flowguide:ready", "version": 1, "embed": "sandbox"})
        );
        assert_eq!(
            json(&lti_resize(700)),
            serde_json::json!({"subject": "lti.frameResize", "height": 700})
        );
    }

    #[test]
    fn feedback_carries_the_checkers_object() {
        let doc = EXAMPLES[0].doc();
        let report = analyse(&doc, &Config::default());
        let m = json(&feedback(FileReport::new("workflow.json", &report, false), None));
        let r = &m["report"];
        assert_eq!(r["file"], "workflow.json");
        assert_eq!(r["overall"]["score"], report.overall.score);
        for key in ["trigger", "steps", "roles", "handoffs", "inputs_outputs", "outcome"] {
            assert!(r["components"][key]["status"].is_string(), "{key}");
        }
    }

    #[test]
    fn results_carry_their_statement() {
        use crate::xapi::{Activity, Actor, Outcome, Statement, Verb};
        let s = Statement::new(
            "id-1",
            Actor::new("https://f.example/", "a", None),
            Verb::Completed,
            Activity {
                id: "https://f.example/exercises/x".into(),
                name: "X".into(),
                question: false,
            },
            Outcome {
                raw: 85,
                min: 0,
                max: 100,
                success: true,
                completion: true,
                duration_ms: 1000,
            },
            "2026-12-02T10:00:00.000Z",
        );
        let m = json(&completed(85, true, &s, Some("q1")));
        assert_eq!(m["type"], "flowguide:completed");
        assert_eq!(m["score"], 85);
        assert_eq!(m["passed"], true);
        assert_eq!(m["frame"], "q1");
        assert_eq!(m["statement"]["result"]["score"]["scaled"], 0.85);
        let m = json(&answered("i1", false, &s, None));
        assert_eq!((m["item"].as_str(), m["correct"].as_bool()), (Some("i1"), Some(false)));
        assert_eq!(m["statement"]["id"], "id-1");
    }

    #[test]
    fn the_frame_accepts_only_its_own_messages() {
        assert_eq!(read(r#"{"type":"flowguide:hello","version":1}"#), Ok(Incoming::Hello));
        assert_eq!(
            read(r#"{"type":"flowguide:theme","version":1,"theme":"dark","extra":[1]}"#),
            Ok(Incoming::Theme(Theme::Dark))
        );
        for other in [
            "",
            "hello",
            "[]",
            "null",
            r#"{"subject":"lti.frameResize","height":3}"#,
            r#"{"type":"other:thing"}"#,
            r#"{"type":7}"#,
        ] {
            assert_eq!(read(other), Err(Refused::NotOurs), "{other}");
        }
        for bad in [
            r#"{"type":"flowguide:hello"}"#,
            r#"{"type":"flowguide:hello","version":2}"#,
            r#"{"type":"flowguide:theme","version":1,"theme":"<script>"}"#,
            r#"{"type":"flowguide:resize","version":1,"height":1}"#,
            r#"{"type":"flowguide:navigate","version":1,"to":"javascript:alert(1)"}"#,
        ] {
            assert!(matches!(read(bad), Err(Refused::Malformed(_))), "{bad}");
        }
        let huge = format!(
            r#"{{"type":"flowguide:hello","version":1,"pad":"{}"}}"#,
            "x".repeat(MAX_INCOMING)
        );
        assert!(matches!(read(&huge), Err(Refused::Malformed(_))));
    }

    proptest! {
        /// No text makes the reader panic, and only the two documented messages are accepted.
        #[test]
        fn reading_any_text_is_safe(text in ".{0,200}") {
            if let Ok(m) = read(&text) {
                prop_assert!(matches!(m, Incoming::Hello | Incoming::Theme(_)));
                prop_assert!(text.contains("flowguide:"));
            }
        }

        #[test]
        fn reading_any_object_is_safe(kind in "(flowguide:)?[a-z]{0,8}", version in proptest::option::of(0u32..4), theme in ".{0,12}") {
            let text = serde_json::json!({"type": kind, "version": version, "theme": theme}).to_string();
            let _ = read(&text);
        }
    }
}
