//! A result as an xAPI statement (xAPI 1.0.3), ready for an LMS connector to forward to a
//! learning record store.
//!
//! - **actor:** an `account` on the Flowguide site: an anonymous id the browser keeps, unless
//!   the course page passes the learner's name (then it is the account's display name too);
//! - **verb:** ADL's `completed` (an exercise) or `answered` (a drill item);
//! - **object:** the exercise's or the drill item's page on the site, as an activity;
//! - **result:** `score` with `scaled`, `raw`, `min` and `max`, `success`, `completion` and
//!   `duration` (ISO 8601).
//!
//! The statement id, the time and the anonymous id come from the caller (the browser's
//! `crypto.randomUUID()` and clock), so this stays pure.

use serde::Serialize;

/// Who did it.
#[derive(Clone, Debug, Serialize)]
pub struct Actor {
    #[serde(rename = "objectType")]
    object_type: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    account: Account,
}

#[derive(Clone, Debug, Serialize)]
struct Account {
    #[serde(rename = "homePage")]
    home_page: String,
    name: String,
}

impl Actor {
    /// An account on `home_page` (the site's address) named `id` (the browser's anonymous id),
    /// with the learner's name when the course page gave one.
    pub fn new(home_page: &str, id: &str, learner: Option<&str>) -> Actor {
        Actor {
            object_type: "Agent",
            name: learner.map(str::to_string),
            account: Account {
                home_page: home_page.to_string(),
                name: id.to_string(),
            },
        }
    }
}

/// What was done.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verb {
    Completed,
    Answered,
}

#[derive(Clone, Debug, Serialize)]
struct VerbJson {
    id: &'static str,
    display: Display,
}

#[derive(Clone, Debug, Serialize)]
struct Display {
    #[serde(rename = "en-US")]
    en_us: String,
}

impl Verb {
    fn json(self) -> VerbJson {
        let (id, word) = match self {
            Verb::Completed => ("http://adlnet.gov/expapi/verbs/completed", "completed"),
            Verb::Answered => ("http://adlnet.gov/expapi/verbs/answered", "answered"),
        };
        VerbJson {
            id,
            display: Display { en_us: word.into() },
        }
    }
}

/// What it was done to: an exercise (an assessment) or a drill item (a question).
#[derive(Clone, Debug)]
pub struct Activity {
    /// An absolute IRI: the page of the exercise or of the drill, on the site.
    pub id: String,
    pub name: String,
    pub question: bool,
}

#[derive(Clone, Debug, Serialize)]
struct ActivityJson {
    #[serde(rename = "objectType")]
    object_type: &'static str,
    id: String,
    definition: Definition,
}

#[derive(Clone, Debug, Serialize)]
struct Definition {
    name: Display,
    #[serde(rename = "type")]
    kind: &'static str,
}

/// How it went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub raw: u32,
    pub min: u32,
    pub max: u32,
    pub success: bool,
    pub completion: bool,
    /// Time spent, in milliseconds.
    pub duration_ms: u64,
}

#[derive(Clone, Debug, Serialize)]
struct ResultJson {
    score: Score,
    success: bool,
    completion: bool,
    duration: String,
}

#[derive(Clone, Debug, Serialize)]
struct Score {
    /// Written as text here, and made a JSON number by [`Statement::json`].
    scaled: String,
    raw: u32,
    min: u32,
    max: u32,
}

/// One statement; [`Statement::json`] writes it.
#[derive(Clone, Debug, Serialize)]
pub struct Statement {
    id: String,
    actor: Actor,
    verb: VerbJson,
    object: ActivityJson,
    result: ResultJson,
    timestamp: String,
    version: &'static str,
}

impl Statement {
    /// `id`: a UUID; `timestamp`: an ISO 8601 time (`Date.prototype.toISOString`).
    pub fn new(id: &str, actor: Actor, verb: Verb, activity: Activity, outcome: Outcome, timestamp: &str) -> Statement {
        let max = outcome.max.max(outcome.min);
        let raw = outcome.raw.clamp(outcome.min, max);
        Statement {
            id: id.to_string(),
            actor,
            verb: verb.json(),
            object: ActivityJson {
                object_type: "Activity",
                id: activity.id,
                definition: Definition {
                    name: Display { en_us: activity.name },
                    kind: if activity.question {
                        "http://adlnet.gov/expapi/activities/cmi.interaction"
                    } else {
                        "http://adlnet.gov/expapi/activities/assessment"
                    },
                },
            },
            result: ResultJson {
                score: Score {
                    scaled: scaled(raw - outcome.min, max - outcome.min),
                    raw,
                    min: outcome.min,
                    max,
                },
                success: outcome.success,
                completion: outcome.completion,
                duration: duration(outcome.duration_ms),
            },
            timestamp: timestamp.to_string(),
            version: "1.0.3",
        }
    }

    /// The statement as JSON text.
    ///
    /// The scaled score is serialized as a string and then unquoted. That is exact: in JSON text
    /// an unescaped `"` only ever opens or closes a string, so `"scaled":"` can only be the key
    /// this type writes, never part of a name. (A float would bring float formatting into the
    /// bundle, and serde_json's `raw_value` feature grows every JSON reader in it.)
    pub fn json(&self) -> String {
        let text = serde_json::to_string(self).unwrap_or_default();
        let key = "\"scaled\":\"";
        match text.find(key) {
            Some(at) => {
                let start = at + key.len();
                let end = start + text[start..].find('"').unwrap_or(0);
                format!("{}\"scaled\":{}{}", &text[..at], &text[start..end], &text[end + 1..])
            }
            None => text,
        }
    }
}

/// `part / whole` as a JSON number with up to four decimals, written with integers (no float
/// formatting in the bundle): `0.85`, `1`, `0`.
fn scaled(part: u32, whole: u32) -> String {
    let text = if whole == 0 || part >= whole {
        if whole == 0 {
            "0".to_string()
        } else {
            "1".to_string()
        }
    } else {
        let ten_thousandths = (u64::from(part) * 10_000 + u64::from(whole) / 2) / u64::from(whole);
        if ten_thousandths >= 10_000 {
            "1".to_string()
        } else {
            let digits = format!("{ten_thousandths:04}");
            format!("0.{}", digits.trim_end_matches('0'))
                .trim_end_matches('.')
                .to_string()
        }
    };
    text
}

/// Milliseconds as an ISO 8601 duration, to the hundredth of a second: `PT1H2M3.45S`.
pub fn duration(ms: u64) -> String {
    let centis = ms / 10;
    let (h, rest) = (centis / 360_000, centis % 360_000);
    let (m, c) = (rest / 6_000, rest % 6_000);
    let mut out = "PT".to_string();
    if h > 0 {
        out += &format!("{h}H");
    }
    if m > 0 {
        out += &format!("{m}M");
    }
    if c > 0 || (h == 0 && m == 0) {
        out += &format!("{}", c / 100);
        if c % 100 > 0 {
            out += &format!(".{:02}", c % 100);
            out = out.trim_end_matches('0').to_string();
        }
        out.push('S');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn statement(raw: u32, success: bool) -> serde_json::Value {
        let s = Statement::new(
            "2f1d5c1e-8a4b-4c39-9d55-0c7e3f6a1b2c",
            Actor::new(
                "https://flowguide.example/",
                "6a0b1f5e-2b0d-4a44-8a51-6f3d1e2c4b5a",
                None,
            ),
            Verb::Completed,
            Activity {
                id: "https://flowguide.example/exercises/purchase-order".into(),
                name: "Purchase order".into(),
                question: false,
            },
            Outcome {
                raw,
                min: 0,
                max: 100,
                success,
                completion: true,
                duration_ms: 252_340,
            },
            "2026-12-02T10:00:00.000Z",
        );
        serde_json::from_str(&s.json()).unwrap()
    }

    #[test]
    fn a_completed_exercise() {
        let s = statement(85, true);
        assert_eq!(
            s["actor"],
            serde_json::json!({"objectType": "Agent", "account": {"homePage": "https://flowguide.example/", "name": "6a0b1f5e-2b0d-4a44-8a51-6f3d1e2c4b5a"}})
        );
        assert_eq!(s["verb"]["id"], "http://adlnet.gov/expapi/verbs/completed");
        assert_eq!(
            s["object"]["definition"]["type"],
            "http://adlnet.gov/expapi/activities/assessment"
        );
        assert_eq!(
            s["result"],
            serde_json::json!({"score": {"scaled": 0.85, "raw": 85, "min": 0, "max": 100}, "success": true, "completion": true, "duration": "PT4M12.34S"})
        );
    }

    #[test]
    fn a_named_learner_is_the_accounts_display_name() {
        let a = serde_json::to_value(Actor::new("https://f.example/", "id-1", Some("Ana <b>Lima</b>"))).unwrap();
        assert_eq!(a["name"], "Ana <b>Lima</b>");
        assert_eq!(a["account"]["name"], "id-1");
    }

    #[test]
    fn a_name_that_looks_like_the_score_stays_a_name() {
        let sneaky = r#"x","scaled":"9","y":""#;
        let s = Statement::new(
            "id",
            Actor::new("https://f.example/", "a", Some(sneaky)),
            Verb::Answered,
            Activity {
                id: "https://f.example/practice/classify#i1".into(),
                name: sneaky.into(),
                question: true,
            },
            Outcome {
                raw: 1,
                min: 0,
                max: 1,
                success: true,
                completion: true,
                duration_ms: 5,
            },
            "2026-12-02T10:00:00.000Z",
        );
        let v: serde_json::Value = serde_json::from_str(&s.json()).unwrap();
        assert_eq!(v["actor"]["name"], sneaky);
        assert_eq!(v["object"]["definition"]["name"]["en-US"], sneaky);
        assert_eq!(v["result"]["score"]["scaled"], 1);
    }

    #[test]
    fn scaled_scores_are_exact_decimals() {
        for (part, whole, text) in [
            (0, 100, "0"),
            (100, 100, "1"),
            (85, 100, "0.85"),
            (1, 3, "0.3333"),
            (2, 3, "0.6667"),
            (5, 0, "0"),
            (7, 5, "1"),
            (1, 10_000, "0.0001"),
            (1, 100_000, "0"),
            (99_999, 100_000, "1"),
        ] {
            assert_eq!(scaled(part, whole), text, "{part}/{whole}");
        }
    }

    #[test]
    fn durations() {
        assert_eq!(duration(0), "PT0S");
        assert_eq!(duration(1_500), "PT1.5S");
        assert_eq!(duration(60_000), "PT1M");
        assert_eq!(duration(3_723_450), "PT1H2M3.45S");
        assert_eq!(duration(3_600_000), "PT1H");
    }

    #[test]
    fn a_score_out_of_range_is_kept_in_range() {
        let s = statement(250, true);
        assert_eq!(s["result"]["score"]["raw"], 100);
        assert_eq!(s["result"]["score"]["scaled"], 1);
    }
}
