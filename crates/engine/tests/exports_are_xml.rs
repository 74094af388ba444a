//! Every BPMN and SVG export is well-formed XML, whatever a learner typed: a real XML parser
//! (roxmltree) reads each one back, and the text comes back as written, less the characters XML
//! cannot carry at all.

use flowguide_engine::export::{bpmn, diagram};
use flowguide_engine::workflow::{generate, parse, NextDoc, OutcomeDoc, RoleDoc, StepDoc, TriggerDoc, WorkflowDoc};
use proptest::prelude::*;

/// A workflow with `text` in every field that reaches an export.
fn doc_with(text: &str) -> WorkflowDoc {
    let mut doc = parse(flowguide_engine::workflow::examples::EXAMPLES[0].json).unwrap();
    doc.name = text.to_string();
    doc.trigger = Some(TriggerDoc {
        description: text.to_string(),
        provides: vec![text.to_string()],
        ..Default::default()
    });
    doc.outcome = Some(OutcomeDoc {
        description: text.to_string(),
        measure: text.to_string(),
    });
    doc.roles.push(RoleDoc {
        id: "odd".into(),
        name: text.to_string(),
    });
    doc.steps.push(StepDoc {
        id: "odd-step".into(),
        title: text.to_string(),
        role: Some("odd".into()),
        inputs: vec![text.to_string()],
        outputs: vec![text.to_string()],
        ..Default::default()
    });
    doc.steps[0].next = Some(vec![
        NextDoc {
            to: doc.steps[1].id.clone(),
            when: Some(text.to_string()),
            via: Some(text.to_string()),
        },
        NextDoc {
            to: "odd-step".into(),
            when: Some(format!("not {text}")),
            via: None,
        },
    ]);
    doc
}

fn assert_parses(what: &str, xml: &str) {
    if let Err(e) = roxmltree::Document::parse(xml) {
        panic!("{what} is not well-formed XML ({e}):\n{xml}");
    }
}

const HOSTILE: &[&str] = &[
    "Check\u{1} the claim",
    "\u{0}\u{8}\u{b}\u{c}\u{1f}\u{7f}",
    "\u{fffe}\u{ffff}",
    "]]> <!-- --> <![CDATA[x]]>",
    "<script>alert(1)</script>",
    "\" onload=\"alert(1)",
    "' onload='alert(1)",
    "&amp; &#0; &#x1; &bogus;",
    "\u{202e}evil\u{202c} \u{2066}isolate\u{2069}",
    "line one\nline two\r\n\ttabbed",
    "\u{1b}[2J\u{1b}]0;title\u{7}",
    "مرحبا بالعالم",
    "{{7*7}} ${7*7}",
];

#[test]
fn hostile_text_still_gives_well_formed_exports() {
    for text in HOSTILE {
        let doc = doc_with(text);
        assert_parses(&format!("BPMN of {text:?}"), &bpmn::xml(&doc));
        assert_parses(&format!("SVG of {text:?}"), &diagram::svg(&doc, &[1, 0, 2, 0]));
    }
}

#[test]
fn text_survives_the_round_trip() {
    let doc = doc_with("Approve <this> & \"that\" 'now'");
    let xml = bpmn::xml(&doc);
    let parsed = roxmltree::Document::parse(&xml).unwrap();
    assert!(parsed
        .descendants()
        .any(|n| n.attribute("name") == Some("Approve <this> & \"that\" 'now'")));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn any_text_gives_well_formed_exports(text in any::<String>()) {
        let doc = doc_with(&text);
        prop_assert!(roxmltree::Document::parse(&bpmn::xml(&doc)).is_ok());
        prop_assert!(roxmltree::Document::parse(&diagram::svg(&doc, &[])).is_ok());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    /// Diagrams of irregular workflows (branches, loops, long titles in several scripts) are
    /// well-formed, and each box shows its whole title.
    #[test]
    fn varied_diagrams_are_well_formed(steps in 3usize..=40, seed in any::<u64>()) {
        let doc = generate::varied(steps, seed);
        let markers: Vec<usize> = (0..steps).map(|i| i % 3).collect();
        let svg = diagram::svg(&doc, &markers);
        let parsed = roxmltree::Document::parse(&svg).map_err(|e| TestCaseError::fail(e.to_string()))?;
        for (i, step) in doc.steps.iter().enumerate() {
            let index = i.to_string();
            let group = parsed
                .descendants()
                .find(|n| n.attribute("data-index") == Some(index.as_str()))
                .ok_or_else(|| TestCaseError::fail(format!("no box for step {i}")))?;
            let shown: String = group
                .children()
                .filter(|n| n.has_tag_name("text"))
                .filter_map(|n| n.text())
                .collect::<Vec<_>>()
                .concat();
            prop_assert_eq!(shown.replace(' ', ""), step.title.split_whitespace().collect::<String>());
        }
    }
}
