//! Every word list reads, and does what its samples say: realistic learner text in each language
//! (`words/samples/<tag>.json`), written with the list.

use flowguide_engine::feedback::lexicon::{self, Lexicon, Unmeasurable};
use serde::Deserialize;
use std::path::Path;

#[derive(Deserialize)]
struct Samples {
    actions: Vec<String>,
    not_actions: Vec<String>,
    instructions: Vec<String>,
    events: Vec<String>,
    vague: Vec<(String, String)>,
    unmeasurable: Vec<(String, String)>,
    measurable: Vec<String>,
    covering: Vec<(String, String)>,
    not_covering: Vec<(String, String)>,
    /// Triggers that join several events, and triggers that are one event (optional).
    #[serde(default)]
    several_events: Vec<String>,
    #[serde(default)]
    one_event: Vec<String>,
}

fn kind(k: &str) -> Unmeasurable {
    match k {
        "time" => Unmeasurable::Time,
        "comparison" => Unmeasurable::Comparison,
        "opinion" => Unmeasurable::Opinion,
        "when-needed" => Unmeasurable::WhenNeeded,
        other => panic!("unknown kind {other}"),
    }
}

#[test]
fn every_word_list_reads_and_agrees_with_its_samples() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("words");
    let mut problems = Vec::new();
    for tag in lexicon::KNOWN {
        let text = std::fs::read_to_string(dir.join(format!("{tag}.txt"))).unwrap();
        let list = Lexicon::parse(&text).unwrap_or_else(|e| panic!("{tag}.txt: {e}"));
        assert_eq!(list.tag, tag);
        assert_eq!(list.examples.len(), 3, "{tag}: three example titles");
        for e in &list.examples {
            assert!(list.names_an_action(e), "{tag}: the example “{e}” must name an action");
        }
        let s: Samples =
            serde_json::from_str(&std::fs::read_to_string(dir.join(format!("samples/{tag}.json"))).unwrap()).unwrap();
        let mut check = |ok: bool, what: String| {
            if !ok {
                problems.push(format!("{tag}: {what}"));
            }
        };
        for t in &s.actions {
            check(list.names_an_action(t), format!("“{t}” should name an action"));
        }
        for t in &s.not_actions {
            check(!list.names_an_action(t), format!("“{t}” should not name an action"));
        }
        for t in &s.instructions {
            check(
                list.is_instruction(t),
                format!("the trigger “{t}” should read as an instruction"),
            );
        }
        for t in &s.events {
            check(
                !list.is_instruction(t),
                format!("the trigger “{t}” should read as an event"),
            );
        }
        for (t, phrase) in &s.vague {
            check(
                list.vague_in(t).iter().any(|v| v.phrase() == *phrase),
                format!("“{t}” should be vague with “{phrase}”"),
            );
        }
        for (t, k) in &s.unmeasurable {
            check(
                list.unmeasurable_in(t).map(|(_, found)| found) == Some(kind(k)),
                format!("“{t}” should be unmeasurable ({k}), not {:?}", list.unmeasurable_in(t)),
            );
        }
        for t in &s.measurable {
            check(list.is_measurable(t), format!("“{t}” should be measurable"));
        }
        for (a, b) in &s.covering {
            check(list.covers(a, b), format!("“{a}” and “{b}” should cover each other"));
        }
        for e in &s.several_events {
            check(
                list.separate_events(e).len() >= 2,
                format!("“{e}” should join several events"),
            );
        }
        for e in s.one_event.iter().chain(&s.events) {
            check(list.separate_events(e).len() < 2, format!("“{e}” should be one event"));
        }
        for (a, b) in &s.not_covering {
            check(
                !list.covers(a, b),
                format!("“{a}” and “{b}” should not cover each other"),
            );
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn a_broken_list_names_its_line() {
    let e = Lexicon::parse("language: xx\n[actions]\nreview\n[vague]\n").unwrap_err();
    assert!(e.to_string().contains("line 4"), "{e}");
    assert!(e.to_string().contains("[instructions]"), "{e}");
    let e = Lexicon::parse("just words").unwrap_err();
    assert_eq!(e.line, 1);
    let header = "language: en\nname: English\nverb-position: first\nexamples: A | B | C\n";
    let sections = [
        "actions",
        "instructions",
        "event-words",
        "particles",
        "vague",
        "unmeasurable",
        "measure-words",
        "otherwise",
        "negations",
        "opposites",
        "deadline",
        "months",
        "one-off",
        "workflow-words",
        "role-fillers",
    ];
    let mut text = header.to_string();
    for s in sections {
        text.push_str(&format!("[{s}]\n"));
        if s == "vague" {
            text.push_str("stuff without a second field\n");
        }
    }
    let e = Lexicon::parse(&text).unwrap_err();
    assert!(e.message.contains("two fields"), "{e}");
}
