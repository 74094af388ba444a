//! Engine-wide tests: every rule against its own examples, statuses, presets, fixes and the
//! expense example from the format documentation.

use super::*;
use crate::workflow::parse;

fn report(json: &str) -> Report {
    analyse(
        &parse(json).unwrap_or_else(|e| panic!("example does not parse: {e}\n{json}")),
        &Config::default(),
    )
}

fn rule_ids(r: &Report) -> Vec<String> {
    r.components
        .iter()
        .flat_map(|(_, c)| c.findings.iter().map(|f| f.rule.clone()))
        .collect()
}

#[test]
fn every_rule_fires_on_its_poor_example_and_not_on_its_good_one() {
    for (rule, docs) in rules::documented() {
        // Check each rule at full strength, whatever the preset says.
        let mut config = Config::default();
        config.overrides.insert(rule.id.to_string(), preset::Level::Warning);
        let poor = analyse(&parse(docs.poor).unwrap(), &config);
        let good = analyse(&parse(docs.good).unwrap(), &config);
        assert!(
            rule_ids(&poor).iter().any(|id| id == rule.id),
            "`{}` is silent on its poor example",
            rule.id
        );
        assert!(
            !rule_ids(&good).iter().any(|id| id == rule.id),
            "`{}` fires on its good example",
            rule.id
        );
    }
}

#[test]
fn good_examples_are_good_all_round() {
    for (rule, docs) in rules::documented() {
        let r = report(docs.good);
        let problems: Vec<String> = r
            .components
            .iter()
            .flat_map(|(_, c)| {
                c.findings
                    .iter()
                    .filter(|f| f.severity != Severity::Tip)
                    .map(|f| format!("{}: {}", f.rule, f.message))
            })
            .collect();
        assert!(
            problems.is_empty(),
            "the good example of `{}` has problems: {problems:#?}",
            rule.id
        );
    }
}

#[test]
fn findings_name_things_and_link_their_rule() {
    for (rule, docs) in rules::documented() {
        let mut config = Config::default();
        config.overrides.insert(rule.id.to_string(), preset::Level::Warning);
        let r = analyse(&parse(docs.poor).unwrap(), &config);
        for (_, c) in r.components.iter() {
            for f in &c.findings {
                assert!(
                    f.message.ends_with(['.', '?']),
                    "`{}` message is not a sentence: {}",
                    f.rule,
                    f.message
                );
                assert!(
                    f.message.chars().next().is_some_and(char::is_uppercase) || f.message.starts_with('“'),
                    "{}",
                    f.message
                );
                assert_eq!(f.url, format!("reference/rules/{}", f.rule));
                assert!(!f.why.is_empty());
                if let Some(fix) = &f.fix {
                    // A fix must apply, and must make its own finding go away.
                    let mut doc = parse(docs.poor).unwrap();
                    fix.change
                        .apply(&mut doc)
                        .unwrap_or_else(|e| panic!("fix of `{}` fails: {e}", f.rule));
                    let after = analyse(&doc, &config);
                    let still = after
                        .components
                        .iter()
                        .flat_map(|(_, c)| c.findings.iter())
                        .any(|g| g.rule == f.rule && g.target == f.target);
                    assert!(
                        !still,
                        "the fix “{}” leaves its finding: {}",
                        fix.description, f.message
                    );
                }
            }
        }
    }
}

#[test]
fn the_expense_example_is_good_and_a_workflow() {
    let r = report(include_str!("../../tests/data/expense.json"));
    for (c, report) in r.components.iter() {
        assert_eq!(report.status, Status::Good, "{}: {:#?}", c.key(), report.findings);
    }
    assert_eq!(r.overall.classification, Classification::Workflow);
    assert!(r.overall.score >= 90, "{}", r.overall.score);
}

#[test]
fn an_empty_document_is_missing_everything_and_a_task() {
    let r = report(r#"{"format":"flowguide/workflow","version":1}"#);
    for (c, report) in r.components.iter() {
        assert_eq!(report.status, Status::Missing, "{}", c.key());
        assert_eq!(report.score, 0);
    }
    assert_eq!(r.overall.classification, Classification::Task);
    assert_eq!(r.overall.score, 0);
    assert!(r
        .overall
        .message
        .starts_with("What you built is closer to a task: a workflow needs at least two steps and a handoff"));
}

#[test]
fn one_role_doing_everything_means_handoffs_are_missing() {
    let doc = parse(rules::no_handoff::DOCS.poor).unwrap();
    let r = analyse(&doc, &Config::default());
    assert_eq!(r.components.handoffs.status, Status::Missing);
    assert_eq!(r.overall.classification, Classification::Task);
    assert!(
        r.overall.reason.contains("one role does every step"),
        "{}",
        r.overall.reason
    );
}

#[test]
fn presets_change_severities_and_overrides_win() {
    let doc = parse(rules::unused_role::DOCS.poor).unwrap();
    let severity = |config: &Config| {
        analyse(&doc, config)
            .components
            .roles
            .findings
            .iter()
            .find(|f| f.rule == "unused-role")
            .map(|f| f.severity)
    };
    assert_eq!(severity(&Config::preset(Preset::Beginner)), Some(Severity::Tip));
    assert_eq!(severity(&Config::preset(Preset::Recommended)), Some(Severity::Warning));
    let mut off = Config::default();
    off.overrides.insert("unused-role".into(), preset::Level::Off);
    assert_eq!(severity(&off), None);
    let mut error = Config::preset(Preset::Beginner);
    error.overrides.insert("unused-role".into(), preset::Level::Error);
    assert_eq!(severity(&error), Some(Severity::Error));
    // A tip alone leaves the component good.
    assert_eq!(
        analyse(&doc, &Config::preset(Preset::Beginner)).components.roles.status,
        Status::Good
    );
    assert_eq!(
        analyse(&doc, &Config::default()).components.roles.status,
        Status::NeedsWork
    );
}

#[test]
fn fixes_mend_what_they_point_at() {
    let mut doc = parse(rules::empty_handoff::DOCS.poor).unwrap();
    let r = analyse(&doc, &Config::default());
    let fix = r
        .components
        .handoffs
        .findings
        .iter()
        .find_map(|f| f.fix.clone())
        .expect("empty-handoff offers a fix");
    assert_eq!(
        fix.change,
        Change::AddInput {
            step: "fetch".into(),
            artifact: "shelf location".into()
        }
    );
    fix.change.apply(&mut doc).unwrap();
    assert_eq!(
        analyse(&doc, &Config::default()).components.handoffs.status,
        Status::Good
    );
    // Applying a fix whose step is gone fails and leaves the document alone.
    let before = doc.clone();
    assert!(Change::SetRole {
        step: "nope".into(),
        role: "desk".into()
    }
    .apply(&mut doc)
    .is_err());
    assert_eq!(doc, before);
}

#[test]
fn branching_and_looping_handoffs_and_data_flow() {
    // Review → (approved) pay, (rejected) fix → review: the loop has a way out, every input has a
    // source around the loop, and each handoff carries what passes.
    let r = report(include_str!("../../tests/data/expense.json"));
    assert!(r.components.handoffs.findings.is_empty());
    assert!(r.components.inputs_outputs.findings.is_empty());
    // Break the way out: pay loops back to review.
    let broken = include_str!("../../tests/data/expense.json").replace(
        r#""outputs": ["payment"], "next": []"#,
        r#""outputs": ["payment"], "next": [{"to": "review"}]"#,
    );
    let r = report(&broken);
    let steps: Vec<&str> = r.components.steps.findings.iter().map(|f| f.rule.as_str()).collect();
    assert_eq!(steps, vec!["loop-without-exit"], "{:#?}", r.components.steps.findings);
    assert!(
        r.components.steps.findings[0]
            .message
            .contains("form a loop with no way out"),
        "{}",
        r.components.steps.findings[0].message
    );
}

#[test]
fn markup_in_titles_stays_text_in_messages() {
    let doc = parse(
        r#"{"format":"flowguide/workflow","version":1,"steps":[{"id":"a","title":"<script>alert(1)</script>"}]}"#,
    )
    .unwrap();
    let r = analyse(&doc, &Config::default());
    let message = &r
        .components
        .steps
        .findings
        .iter()
        .find(|f| f.rule == "single-step")
        .unwrap()
        .message;
    assert!(message.contains("“<script>alert(1)</script>”"), "{message}");
}

mod properties {
    use super::*;
    use crate::workflow::document::{NextDoc, OutcomeDoc, RoleDoc, StepDoc, TriggerDoc};
    use proptest::prelude::*;

    /// Short ids from a small pool, so links, duplicates and unknown targets all happen.
    fn id() -> impl Strategy<Value = String> {
        prop_oneof![Just(String::new()), "[a-e]", "[a-e][0-9]"]
    }

    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(String::new()),
            "\\PC{0,30}",
            Just("Review the <b>claim</b> etc.".to_string()),
            Just("‏مراجعة الطلب".to_string())
        ]
    }

    fn artifact() -> impl Strategy<Value = String> {
        prop_oneof!["[a-d]", " [A-D]  ", Just(String::new())]
    }

    fn step() -> impl Strategy<Value = StepDoc> {
        (
            id(),
            text(),
            proptest::option::of(id()),
            proptest::collection::vec(artifact(), 0..3),
            proptest::collection::vec(artifact(), 0..3),
            proptest::option::of(proptest::collection::vec((id(), proptest::option::of(text())), 0..3)),
        )
            .prop_map(|(id, title, role, inputs, outputs, next)| StepDoc {
                id,
                title,
                role,
                inputs,
                outputs,
                next: next.map(|n| {
                    n.into_iter()
                        .map(|(to, when)| NextDoc { to, when, via: None })
                        .collect()
                }),
            })
    }

    fn document() -> impl Strategy<Value = WorkflowDoc> {
        (
            text(),
            proptest::option::of((text(), proptest::collection::vec(artifact(), 0..3))),
            proptest::collection::vec((id(), text()), 0..4),
            proptest::collection::vec(step(), 0..12),
            proptest::option::of((text(), text())),
            proptest::option::of(prop_oneof![
                Just("en".to_string()),
                Just("es-MX".to_string()),
                Just("fr".to_string()),
                Just("de-AT".to_string()),
                Just("it".to_string()),
                Just("zh-Hant".to_string()),
                text(),
            ]),
        )
            .prop_map(|(name, trigger, roles, steps, outcome, language)| WorkflowDoc {
                name,
                language,
                trigger: trigger.map(|(description, provides)| TriggerDoc {
                    kind: None,
                    description,
                    provides,
                }),
                roles: roles.into_iter().map(|(id, name)| RoleDoc { id, name }).collect(),
                steps,
                outcome: outcome.map(|(description, measure)| OutcomeDoc { description, measure }),
                ..WorkflowDoc::new()
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn any_document_gets_a_consistent_report(doc in document(), preset in prop_oneof![Just(Preset::Beginner), Just(Preset::Recommended), Just(Preset::Strict)]) {
            let report = analyse(&doc, &Config::preset(preset));
            prop_assert!(report.overall.score <= 100);
            for (c, r) in report.components.iter() {
                prop_assert!(r.score <= 100);
                match r.status {
                    Status::Missing => prop_assert_eq!(r.score, 0),
                    Status::NeedsWork => prop_assert!(r.findings.iter().any(|f| f.severity != Severity::Tip), "{}", c.key()),
                    Status::Good => prop_assert!(r.findings.iter().all(|f| f.severity == Severity::Tip), "{}", c.key()),
                }
                for f in &r.findings {
                    prop_assert!(!f.message.is_empty() && !f.why.is_empty());
                    prop_assert!(rules::find(&f.rule).is_some_and(|rule| rule.component == c));
                }
            }
            if doc.steps.len() < 2 {
                prop_assert_eq!(report.overall.classification, Classification::Task);
            }
        }

        #[test]
        fn fixes_never_leave_a_document_worse(doc in document()) {
            if let Err(why) = every_fix_mends(&doc) {
                prop_assert!(false, "{}", why);
            }
        }

        #[cfg(feature = "zlib")]
        #[test]
        fn a_share_link_gives_back_the_same_document(doc in document()) {
            let link = crate::workflow::link::encode(&doc);
            prop_assert_eq!(crate::workflow::link::decode(&link).unwrap(), doc);
        }

        #[test]
        fn documents_survive_writing_and_reading(doc in document()) {
            let text = crate::workflow::parse::to_pretty_json(&doc);
            prop_assert_eq!(parse(&text).unwrap(), doc);
        }
    }
}

#[test]
fn a_ten_megabyte_document_is_read_and_analysed() {
    let mut doc = crate::workflow::generate::workflow(10_000);
    for step in &mut doc.steps {
        step.title.push_str(&" and check every detail again".repeat(34));
    }
    let text = crate::workflow::parse::to_pretty_json(&doc);
    assert!(text.len() > 10_000_000, "{} bytes", text.len());
    let report = analyse(&parse(&text).unwrap(), &Config::default());
    assert_eq!(report.components.steps.status, Status::Good);
    assert_eq!(
        report.overall.classification,
        Classification::Workflow,
        "10,000 steps in one line are one long workflow: length alone never makes a process"
    );
}

#[test]
fn empty_strings_everywhere_give_findings_not_failures() {
    let r = report(
        r#"{"format":"flowguide/workflow","version":1,"name":"","trigger":{"description":"","provides":[""]},
            "roles":[{"id":"","name":""},{"id":"","name":""}],
            "steps":[{"id":"","title":"","role":"","inputs":[""],"outputs":[""],"next":[{"to":"","when":""}]},{"id":"","title":""}],
            "outcome":{"description":"","measure":""}}"#,
    );
    assert_eq!(r.components.trigger.status, Status::Missing);
    assert_eq!(r.components.outcome.status, Status::Missing);
    let rules: Vec<&str> = r.components.steps.findings.iter().map(|f| f.rule.as_str()).collect();
    assert!(
        rules.contains(&"empty-step-title") && rules.contains(&"duplicate-step-id"),
        "{rules:?}"
    );
    assert!(r
        .components
        .roles
        .findings
        .iter()
        .any(|f| f.rule == "duplicate-role-id"));
}

/// The overall message sits beside the six badges: it never calls the work a workflow while one
/// of them says "missing", whichever parts are taken away.
#[test]
fn the_overall_message_never_contradicts_the_components() {
    let whole = crate::workflow::generate::workflow(5);
    for mask in 0u8..8 {
        let mut doc = whole.clone();
        if mask & 1 != 0 {
            doc.trigger = None;
        }
        if mask & 2 != 0 {
            doc.outcome = None;
        }
        if mask & 4 != 0 {
            for s in &mut doc.steps {
                s.inputs.clear();
                s.outputs.clear();
            }
            if let Some(t) = doc.trigger.as_mut() {
                t.provides.clear();
            }
        }
        let r = analyse(&doc, &Config::default());
        let missing = r.components.iter().filter(|(_, c)| c.status == Status::Missing).count();
        let says_workflow = r.overall.message.starts_with("What you built is a workflow");
        assert!(!(says_workflow && missing > 0), "{mask}: {}", r.overall.message);
        if r.overall.classification == Classification::Workflow && missing > 0 {
            assert!(r.overall.message.contains("not whole yet"), "{}", r.overall.message);
        }
    }
    let mut doc = whole.clone();
    doc.trigger = None;
    doc.outcome = None;
    let r = analyse(&doc, &Config::default());
    assert!(
        r.overall
            .message
            .ends_with("but it is not whole yet: it has no trigger and no outcome."),
        "{}",
        r.overall.message
    );
}

/// Applies each fix the report on `doc` offers, one at a time, and checks that it leaves the
/// document no worse: the fix applies, its finding is gone, and no error appears that was not
/// there before.
fn every_fix_mends(doc: &WorkflowDoc) -> Result<(), String> {
    let config = Config::default();
    let report = analyse(doc, &config);
    let errors = |r: &Report| -> Vec<(String, Target)> {
        r.components
            .iter()
            .flat_map(|(_, c)| c.findings.iter())
            .filter(|f| f.severity == Severity::Error)
            .map(|f| (f.rule.clone(), f.target.clone()))
            .collect()
    };
    let before = errors(&report);
    for (_, c) in report.components.iter() {
        for f in &c.findings {
            let Some(fix) = &f.fix else { continue };
            let mut fixed = doc.clone();
            fix.change
                .apply(&mut fixed)
                .map_err(|e| format!("`{}`'s fix does not apply ({e:?}): {}", f.rule, fix.description))?;
            let after = analyse(&fixed, &config);
            let still = after
                .components
                .iter()
                .flat_map(|(_, c)| c.findings.iter())
                .any(|g| g.rule == f.rule && g.target == f.target && g.message == f.message);
            if still {
                return Err(format!(
                    "`{}`'s fix leaves its finding: {} ({})",
                    f.rule, f.message, fix.description
                ));
            }
            if let Some(new) = errors(&after).into_iter().find(|e| !before.contains(e)) {
                return Err(format!(
                    "`{}`'s fix ({}) brings a new error: `{}` at {:?}",
                    f.rule, fix.description, new.0, new.1
                ));
            }
        }
    }
    Ok(())
}

#[test]
fn every_fix_on_every_rule_example_leaves_the_document_no_worse() {
    for (rule, docs) in rules::documented() {
        for example in [docs.poor, docs.good] {
            let doc = parse(example).unwrap();
            if let Err(why) = every_fix_mends(&doc) {
                panic!("{} example: {why}", rule.id);
            }
        }
    }
}

#[test]
fn every_rule_file_is_a_rule_the_engine_runs() {
    // Each file under feedback/rules/ (but mod.rs) is one rule, named as its id is: a file the
    // engine does not run (left out of `RULES`, or never declared as a module) fails here.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/feedback/rules");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|name| name.ends_with(".rs") && name != "mod.rs")
        .map(|name| name.trim_end_matches(".rs").replace('_', "-"))
        .collect();
    files.sort();
    let mut run: Vec<&str> = rules::RULES.iter().map(|r| r.id).collect();
    run.sort();
    assert_eq!(files, run, "the files under {} and the rules in RULES", dir.display());
    // Every rule has its documentation, in the same order.
    assert_eq!(rules::RULES.len(), rules::DOCS.len());
    for (rule, docs) in rules::documented() {
        assert_eq!(rule.id, docs.id, "RULES and DOCS are in the same order");
    }
}

#[test]
fn one_cause_one_finding_for_a_step_no_path_reaches_and_a_step_looping_on_itself() {
    let doc = r#"{ "format": "flowguide/workflow", "version": 1, "name": "Loans",
      "trigger": { "kind": "request", "description": "A reader asks for a book", "provides": ["request"] },
      "roles": [ { "id": "desk", "name": "Front desk" }, { "id": "shelf", "name": "Shelver" } ],
      "steps": [
        { "id": "a", "title": "Check the card", "role": "desk", "inputs": ["request"], "outputs": ["card check"], "next": [ { "to": "b" } ] },
        { "id": "b", "title": "Fetch the book", "role": "shelf", "inputs": ["card check"], "outputs": ["book"], "next": [] },
        { "id": "c", "title": "Repair the spine", "role": "shelf", "inputs": ["damaged book"], "outputs": ["mended book"], "next": [ { "to": "c" } ] }
      ],
      "outcome": { "description": "The reader has the book", "measure": "within 5 minutes" } }"#;
    let r = report(doc);
    let ids = rule_ids(&r);
    assert!(ids.contains(&"unreachable-step".to_string()), "{ids:?}");
    // What the unreachable step needs and makes is not reported again.
    assert!(!ids.contains(&"input-without-source".to_string()), "{ids:?}");
    assert!(!ids.contains(&"unused-output".to_string()), "{ids:?}");
    // A step that loops on itself is spoken of as one step.
    let looping = r
        .components
        .steps
        .findings
        .iter()
        .find(|f| f.rule == "loop-without-exit")
        .expect("the loop is reported");
    assert!(looping.message.contains("leads back to itself"), "{}", looping.message);
    assert!(
        looping.message.ends_with("Give it a branch that leads on."),
        "{}",
        looping.message
    );
}

#[test]
fn a_loop_with_no_way_out_is_one_finding_for_the_work_it_traps_before_it() {
    let doc = r#"{ "format": "flowguide/workflow", "version": 1, "name": "Claims",
      "trigger": { "kind": "request", "description": "A customer submits a claim", "provides": ["claim"] },
      "roles": [ { "id": "clerk", "name": "Clerk" }, { "id": "lead", "name": "Team lead" } ],
      "steps": [
        { "id": "log", "title": "Log the claim", "role": "clerk", "inputs": ["claim"], "outputs": ["logged claim"] },
        { "id": "sort", "title": "Sort the claim", "role": "clerk", "inputs": ["logged claim"], "outputs": ["sorted claim"] },
        { "id": "review", "title": "Review the claim", "role": "lead", "inputs": ["sorted claim", "fixed claim"], "outputs": ["review notes"] },
        { "id": "fix", "title": "Fix the claim", "role": "clerk", "inputs": ["review notes"], "outputs": ["fixed claim"], "next": [ { "to": "review" } ] }
      ],
      "outcome": { "description": "The claim is settled", "measure": "within 5 days" } }"#;
    let r = report(doc);
    let errors: Vec<&Finding> = r
        .components
        .steps
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert_eq!(errors[0].rule, "loop-without-exit");
    assert!(
        errors[0]
            .message
            .ends_with("The 2 steps before the loop can never finish either."),
        "{}",
        errors[0].message
    );
}

#[test]
fn a_message_quotes_the_learners_language_where_the_list_has_words() {
    let doc = |language: &str, when: &str| {
        parse(&format!(
            r#"{{"format":"flowguide/workflow","version":1,"language":"{language}",
            "trigger":{{"description":"x"}},"roles":[{{"id":"a","name":"A"}}],
            "steps":[{{"id":"s1","title":"x","role":"a","next":[{{"to":"s2","when":"{when}"}}]}},{{"id":"s2","title":"y","role":"a"}}]}}"#
        ))
        .unwrap()
    };
    let message = |language: &str, when: &str| {
        let report = analyse(&doc(language, when), &Config::default());
        report
            .components
            .steps
            .findings
            .iter()
            .find(|f| f.rule == "decision-without-otherwise")
            .map(|f| f.message.clone())
            .unwrap_or_default()
    };
    assert!(message("es", "el carné es válido").contains("“si no”"));
    assert!(message("fr", "le permis est valide").contains("“sinon”"));
    assert!(message("de", "Führerschein gültig").contains("“sonst”"));
    assert!(message("en", "the licence is valid").contains("“otherwise”"));
}
