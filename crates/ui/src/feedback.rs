//! The feedback panel: the six components in order, each with a badge in words and a symbol, its
//! findings with the rule's reason and page, "go to the field" and "Fix"; the overall score and
//! classification; and a polite live region that announces status changes after a pause.

use std::cell::Cell;
use std::time::Duration;

use flowguide_engine::feedback::announce::{changes, statuses, Statuses};
use flowguide_engine::feedback::language::name_of;
use flowguide_engine::feedback::locate::{changed_by, field_of};
use flowguide_engine::feedback::progress::{started, untouched};
use flowguide_engine::feedback::{Component, ComponentReport, Finding, Preset, Severity, Status};
use leptos::prelude::*;

use super::dom::{button, el, option, target_value, El};
use super::editor::focus_later;
use super::state::Sandbox;

/// Announcements wait for this long a pause in typing.
const PAUSE: Duration = Duration::from_millis(1200);

fn symbol(s: Status) -> &'static str {
    match s {
        Status::Missing => "○",
        Status::NeedsWork => "!",
        Status::Good => "✓",
    }
}

fn severity_label(s: Severity) -> &'static str {
    match s {
        Severity::Error => "Problem",
        Severity::Warning => "Worth fixing",
        Severity::Tip => "Tip",
    }
}

fn empty_text(c: Component, s: Status) -> &'static str {
    match (s, c) {
        (Status::Good, _) => "Nothing to change here.",
        (_, Component::Trigger) => "Say what starts the work, under Trigger.",
        (_, Component::Steps) => "Add the steps the work goes through.",
        (_, Component::Roles) => "Say who does each step.",
        (_, Component::Handoffs) => "Work changes hands when one role's step leads to another role's step.",
        (_, Component::InputsOutputs) => "Say what each step needs and what it produces.",
        (_, Component::Outcome) => "Say what is true when the work is done, under Outcome.",
    }
}

pub fn feedback_panel(sb: Sandbox) -> El {
    let needs = Memo::new(move |_| to_work_on(sb));
    let blank = Memo::new(move |_| sb.doc.with(untouched) && !sb.check_all.get());
    // How many parts the learner has begun (all six once they asked to check everything).
    let begun = Memo::new(move |_| match sb.check_all.get() {
        true => 6,
        false => sb
            .doc
            .with(|d| Component::ALL.into_iter().filter(|&c| started(d, c)).count()),
    });
    let preset = el("select")
        .id(&sb.id("preset"))
        .on("change", move |e| {
            if let Ok(p) = target_value(&e).parse::<Preset>() {
                sb.preset.set(p);
                super::storage::remember_preset(sb.scope.storage_key, p);
            }
        })
        .children(Preset::ALL.into_iter().map(|p| {
            let label = match p {
                Preset::Beginner => "Gentle (for beginners)",
                Preset::Recommended => "Recommended",
                Preset::Strict => "Strict",
            };
            option(p.key(), label)
        }))
        .value_with(move || sb.preset.get().key().to_string());
    el("section")
        .class("feedback")
        .id(&sb.id("feedback"))
        .attr(
            "aria-labelledby",
            sb.scope.labelled_by(&sb.id("feedback-title")).as_ref(),
        )
        .child(
            el("div")
                .class("feedback-head")
                .child(el("h2").id(&sb.id("feedback-title")).text("Feedback"))
                // In an exercise, the exercise sets how strict the feedback is.
                .child_opt(sb.exercise().is_none().then(|| {
                    el("div")
                        .class("field preset")
                        .child(el("label").attr("for", &sb.id("preset")).text("Feedback level"))
                        .child(preset)
                })),
        )
        // A blank sandbox gets a guide, not a score of 0 and a list of problems. Both regions
        // are redrawn only when what they show changes, not on every keystroke.
        .child(el("div").class("overall-slot").region(move || {
            Some(if blank.get() {
                untrack(|| guide(sb))
            } else {
                untrack(|| overall(sb))
            })
        }))
        .child(el("div").region(move || {
            let begun = begun.get();
            (begun > 0 && begun < 6).then(|| {
                el("p")
                    .class("progress-note")
                    .text(&format!(
                        "You have started {begun} of the 6 parts. The others say “not started” until you begin them. "
                    ))
                    .child(check_all_button(sb, "Check all six parts now"))
            })
        }))
        .child(language_note(sb))
        .child(el("p").class("feedback-summary").text_with(move || match needs.get() {
            0 => "All six parts are good.".to_string(),
            1 => "1 part still needs attention.".to_string(),
            n => format!("{n} parts still need attention."),
        }))
        .child(
            el("ol")
                .class("components")
                .children(Component::ALL.into_iter().map(|c| component_entry(sb, c))),
        )
        .child(announcer(sb))
}

/// What the feedback says about the language: which checks did not run and why, or that the
/// words look like another language than the one chosen (with a button to switch). Redrawn only
/// when one of those changes, not on every keystroke.
fn language_note(sb: Sandbox) -> El {
    // [tag, suggested tag or "", "skipped" or "", why the list could not be fetched or ""]
    let state = Memo::new(move |_| {
        sb.words.track();
        sb.report.with(|r| {
            let l = &r.language;
            let skipped = !l.skipped.is_empty();
            vec![
                l.tag.clone(),
                l.suggested.clone().unwrap_or_default(),
                if skipped { "skipped".into() } else { String::new() },
                if skipped {
                    super::words::failure(&l.tag).unwrap_or_default()
                } else {
                    String::new()
                },
            ]
        })
    });
    el("div").class("language-note-slot").region(move || {
        let s = state.get();
        let (tag, suggested, skipped, failed) = (&s[0], &s[1], &s[2], &s[3]);
        if !suggested.is_empty() {
            let to = suggested.clone();
            let name = name_of(&to);
            return Some(
                el("p")
                    .class("language-note")
                    .attr("role", "note")
                    .text(&format!(
                        "Your words look like {name}, but the language is set to {}, so the checks on wording read the wrong words. ",
                        name_of(tag)
                    ))
                    .child(button("button", &format!("Use {name}"), move |_| {
                        let to = to.clone();
                        let said = format!("The language is now {}.", name_of(&to));
                        sb.edit(None, move |d| d.language = Some(to));
                        sb.say(said);
                    })),
            );
        }
        if skipped.is_empty() {
            return None;
        }
        let text = if !failed.is_empty() {
            format!(
                "The checks on wording are off: the {} word list could not be fetched ({failed}). The other checks ran as usual; reload the page to try again.",
                name_of(tag)
            )
        } else {
            untrack(|| sb.report.with(|r| r.language.note.clone().unwrap_or_default()))
        };
        Some(el("p").class("language-note").attr("role", "note").text(&text))
    })
}

/// The parts still to work on, leaving out those not started yet (unless the learner asked to
/// check everything): the count the tabs and the summary show.
pub fn to_work_on(sb: Sandbox) -> usize {
    let all = sb.check_all.get();
    sb.doc.with(|d| {
        sb.report.with(|r| {
            if all {
                return r.to_work_on();
            }
            r.components
                .iter()
                .filter(|(c, x)| x.status != Status::Good && started(d, *c))
                .count()
        })
    })
}

/// Whether component `c` is shown as "not started": nothing written for it yet, and the learner
/// has not asked to check everything.
pub fn waiting(sb: Sandbox, c: Component) -> bool {
    !sb.check_all.get() && sb.doc.with(|d| !started(d, c))
}

fn check_all_button(sb: Sandbox, label: &str) -> El {
    button("button button-small", label, move |_| {
        sb.check_all.set(true);
        sb.say("Checking all six parts, including the ones you have not started.");
    })
    .id(&sb.id("check-all"))
}

/// What a newcomer sees first: what to fill in, in what order, and why.
fn guide(sb: Sandbox) -> El {
    el("div")
        .class("overall guide")
        .id(&sb.id("guide"))
        .child(el("p").child(el("strong").text("Start here.")).text(
            " A workflow is the path work takes from what starts it to what it achieves. Fill it in from the top; feedback on each part appears as soon as you begin it.",
        ))
        .child(
            el("ol")
                .child(el("li").text("Name the workflow and say what starts it: the trigger."))
                .child(el("li").text("Add the steps in order, and say who does each one: the roles."))
                .child(el("li").text("Say what each step needs and makes, and what is true at the end: the outcome."))
        )
        .child(
            el("p")
                .text("Or start from an example with “Start from…”, or ")
                .child(check_all_button(sb, "check all six parts now")),
        )
}

fn overall(sb: Sandbox) -> El {
    el("p")
        .class("overall")
        .attr_with("data-classification", move || {
            Some(sb.report.with(|r| r.overall.classification.key()).to_string())
        })
        .child(
            el("strong")
                .text_with(move || format!("Overall score: {} out of 100.", sb.report.with(|r| r.overall.score))),
        )
        .text(" ")
        .child(el("span").text_with(move || sb.report.with(|r| r.overall.message.clone())))
}

fn component_entry(sb: Sandbox, c: Component) -> El {
    let report = Memo::new(move |_| sb.report.with(|r| r.components.get(c).clone()));
    let status = move || report.with(|r| r.status);
    let waits = Memo::new(move |_| waiting(sb, c));
    let title_id = sb.id(&format!("fb-{}", c.key()));
    el("li")
        .class("component")
        .attr("data-component", c.key())
        .attr_with("data-status", move || Some(status().key().to_string()))
        .attr_with("data-progress", move || waits.get().then(|| "not-started".to_string()))
        .attr("aria-labelledby", &title_id)
        .child(
            el("h3")
                .id(&title_id)
                .child(el("a").attr("href", c.page()).text(c.title()))
                .text(" ")
                .child(
                    el("span")
                        .attr_with("class", move || {
                            Some(if waits.get() {
                                "badge badge-not-started".to_string()
                            } else {
                                format!("badge badge-{}", status().key())
                            })
                        })
                        .child(
                            el("span")
                                .attr("aria-hidden", "true")
                                .class("badge-icon")
                                .text_with(move || if waits.get() { "–" } else { symbol(status()) }.to_string()),
                        )
                        .text(" ")
                        .child(
                            el("span").class("badge-text").text_with(move || {
                                if waits.get() { "Not started" } else { status().label() }.to_string()
                            }),
                        ),
                ),
        )
        .region(move || {
            if waits.get() {
                return Some(el("p").class("component-empty").text(empty_text(c, Status::Missing)));
            }
            Some(report.with(|r: &ComponentReport| {
                if r.findings.is_empty() {
                    el("p").class("component-empty").text(empty_text(c, r.status))
                } else {
                    el("ul")
                        .class("findings")
                        .children(r.findings.iter().cloned().map(|f| finding(sb, f)))
                }
            }))
        })
}

fn finding(sb: Sandbox, f: Finding) -> El {
    let field = sb.doc.with_untracked(|d| sb.scope.field(field_of(d, &f)));
    let go = field.clone();
    let fix = f.fix.map(|fix| {
        let label = format!("Fix: {}", fix.description);
        let field = field.clone();
        button("button button-small", &label, move |_| {
            let mut result = Ok(());
            sb.edit(None, |d| result = fix.change.apply(d));
            match &result {
                Ok(()) => {
                    sb.say(format!("Fixed: {}. Undo takes the fix back.", fix.description));
                    // Focus goes to what the fix changed, where the learner can see it.
                    let changed = sb.doc.with_untracked(|d| changed_by(d, &fix.change));
                    focus_later(sb.scope.field(changed));
                }
                Err(e) => {
                    sb.problem(format!("That fix cannot be applied: {e}."));
                    focus_later(field.clone());
                }
            }
        })
    });
    el("li")
        .class(&format!("finding finding-{}", f.severity.key()))
        .attr("data-rule", &f.rule)
        .child(
            el("p")
                .class("finding-message")
                .child(el("span").class("severity").text(severity_label(f.severity)).text(": "))
                .child(
                    button("link-button", &f.message, move |_| focus_later(go.clone()))
                        .attr("title", "Go to the field this is about")
                        .attr("data-field", &field),
                ),
        )
        .child(el("p").class("finding-why").text(&f.why))
        .child(
            el("p")
                .class("finding-actions")
                .child(el("a").attr("href", &f.url).text("About this rule"))
                .child_opt(fix),
        )
}

/// Says status changes aloud once the learner pauses, and what actions did at once.
fn announcer(sb: Sandbox) -> El {
    let message = RwSignal::new(String::new());
    let said: StoredValue<Statuses> = StoredValue::new(sb.report.with_untracked(statuses));
    let pending: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
    let first = Cell::new(true);
    Effect::new(move |_| {
        let now = sb.report.with(statuses);
        if first.replace(false) {
            return;
        }
        if let Some(h) = pending.try_update_value(Option::take).flatten() {
            h.clear();
        }
        let handle = set_timeout_with_handle(
            move || {
                if let Some(text) = said.with_value(|before| changes(before, &now)) {
                    message.set(text);
                }
                said.set_value(now);
            },
            PAUSE,
        )
        .ok();
        pending.set_value(handle);
    });
    el("div")
        .child(
            el("div")
                .class("visually-hidden")
                .attr("role", "status")
                .attr("aria-live", "polite")
                .id(&sb.id("feedback-announcer"))
                .text_with(move || message.get()),
        )
        .child(
            el("div")
                .class("visually-hidden")
                .attr("aria-live", "polite")
                .id(&sb.id("action-announcer"))
                .text_with(move || sb.said.get()),
        )
}
