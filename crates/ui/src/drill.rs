//! The classification drill (the `exercises` feature): one description at a time, four answers,
//! the explanation with the deciding words marked, retries, and the score at the end. The round's
//! logic is `flowguide_practice::drill::Round`; this module draws it and follows the keyboard
//! (1 to 4 answer, Enter goes on).

use flowguide_engine::feedback::Classification;
use flowguide_practice::drill::{self, Drill, Round, KINDS};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::dom::{button, el, El};
use super::editor::focus_later;
use super::state::Scope;

fn title(k: Classification) -> &'static str {
    match k {
        Classification::Task => "Task",
        Classification::Workflow => "Workflow",
        Classification::Project => "Project",
        Classification::Process => "Process",
    }
}

/// "a task", "a workflow"…
fn a(k: Classification) -> String {
    format!("a {}", k.key())
}

/// Mounts the drill whose items are the JSON in element `data`.
pub fn mount(root: web_sys::HtmlElement, prefix: &str, data: &str) {
    let text = document()
        .get_element_by_id(data)
        .and_then(|e| e.text_content())
        .unwrap_or_default();
    let drill = match drill::parse(&text) {
        Ok(d) => d,
        Err(e) => {
            root.set_inner_html("");
            let p = document().create_element("p").expect("p");
            p.set_class_name("notice notice-problem");
            p.set_text_content(Some(&format!("The drill could not be opened: {e}.")));
            let _ = root.append_child(&p);
            return;
        }
    };
    root.set_inner_html("");
    let _ = root.set_attribute("data-mounted", "");
    let scope = Scope::new(prefix, "flowguide-drill");
    let drill: &'static Drill = Box::leak(Box::new(drill));
    super::dom::mount(&root, move || drill_view(scope, drill));
}

fn seed() -> u64 {
    js_sys::Date::now() as u64 ^ (js_sys::Math::random() * 4_294_967_296.0) as u64
}

fn drill_view(scope: Scope, d: &'static Drill) -> El {
    let items = &d.items;
    let round = StoredValue::new(Round::new(items, seed()));
    // Bumped on every change of the round, which is kept outside the reactive system.
    let tick = RwSignal::new(0u32);
    // What the last answer said, for the live region.
    let said = RwSignal::new(String::new());
    let id = move |name: &str| scope.id(name);
    let answer = move |k: Classification| {
        let mut r = round.get_value();
        let Some(i) = r.current() else { return };
        if r.solved {
            return;
        }
        let right = r.answer(items, k);
        round.set_value(r);
        tick.update(|t| *t += 1);
        let item = &items[i];
        said.set(if right {
            format!("Right: it is {}. {}", a(item.kind), item.explanation)
        } else {
            format!("Not quite: it is not {}. Try another answer.", a(k))
        });
        if right {
            focus_later(id("next"));
        }
    };
    let go_on = move || {
        let mut r = round.get_value();
        if r.advance() {
            round.set_value(r);
            said.set(String::new());
            tick.update(|t| *t += 1);
            focus_later(id(if round.with_value(Round::is_over) {
                "result-title"
            } else {
                "question"
            }));
        }
    };
    let again = move || {
        round.set_value(Round::new(items, seed()));
        said.set(String::new());
        tick.update(|t| *t += 1);
        focus_later(id("question"));
    };
    // 1 to 4 answer and Enter goes on, unless the learner is typing somewhere or using a control.
    let keys = window_event_listener(ev::keydown, move |e: web_sys::KeyboardEvent| {
        if e.ctrl_key() || e.meta_key() || e.alt_key() {
            return;
        }
        let on_control = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|t| matches!(t.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT" | "BUTTON" | "A"));
        let key = e.key();
        if let Some(n) = key.parse::<usize>().ok().filter(|n| (1..=4).contains(n)) {
            if !matches!(
                e.target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .map(|t| t.tag_name())
                    .as_deref(),
                Some("INPUT" | "TEXTAREA" | "SELECT")
            ) {
                e.prevent_default();
                answer(KINDS[n - 1]);
            }
        } else if key == "Enter" && !on_control && round.with_value(|r| r.solved) {
            e.prevent_default();
            go_on();
        }
    });
    on_cleanup(move || keys.remove());

    let question = move || {
        tick.track();
        let r = round.get_value();
        let i = r.current()?;
        let item = &items[i];
        let (at, size) = (r.at + 1, r.order.len());
        let choices = KINDS.iter().enumerate().map(|(n, &k)| {
            let tried = r.tried.contains(&k);
            let chosen_right = r.solved && item.kind == k;
            let b = button("button drill-choice", "", move |_| answer(k))
                .id(&id(&format!("choice-{}", k.key())))
                .attr("aria-keyshortcuts", &(n + 1).to_string())
                .child(el("kbd").attr("aria-hidden", "true").text(&(n + 1).to_string()))
                .child(el("span").text(&format!(" {}", title(k))));
            let b = if tried {
                b.class("tried")
                    .attr("aria-disabled", "true")
                    .child(el("span").class("mark").text(" ✗ not this one"))
            } else {
                b
            };
            if chosen_right {
                b.class("right")
                    .attr("aria-pressed", "true")
                    .child(el("span").class("mark").text(" ✓ right"))
            } else {
                b
            }
        });
        let explanation = r.solved.then(|| {
            let kind = d.kinds.get(item.kind);
            let spans = item.spans();
            let words: Vec<String> = item.cues.iter().map(|c| format!("“{c}”")).collect();
            el("div")
                .class("drill-explanation")
                .child(
                    el("p")
                        .class("drill-verdict")
                        .text(&format!("✓ It is {}.", a(item.kind))),
                )
                .child(el("p").class("drill-cued").children(spans.iter().map(|s| {
                    if s.cue {
                        el("mark").text(s.text)
                    } else {
                        el("span").text(s.text)
                    }
                })))
                .child(el("p").text(&format!("The words that decide it: {}.", words.join(", "))))
                .child(el("p").text(&item.explanation))
                .child(
                    el("p")
                        .class("hint")
                        .text(&format!("{}: {} ", title(item.kind), kind.definition))
                        .child(
                            el("a")
                                .attr("href", &kind.lesson)
                                .text(&format!("Read about {} in the lesson", a(item.kind))),
                        ),
                )
                .child(
                    button(
                        "button button-primary",
                        if at == size {
                            "See your score"
                        } else {
                            "Next description"
                        },
                        move |_| go_on(),
                    )
                    .id(&id("next")),
                )
        });
        Some(
            el("section")
                .class("drill-question")
                .attr("aria-labelledby", &id("question"))
                .child(
                    el("h2")
                        .id(&id("question"))
                        .attr("tabindex", "-1")
                        .text(&format!("Description {at} of {size}")),
                )
                .child(el("blockquote").class("drill-text").id(&id("text")).text(&item.text))
                .child(
                    el("div")
                        .class("drill-choices")
                        .attr("role", "group")
                        .attr("aria-label", "Is this a task, a workflow, a project or a process?")
                        .children(choices),
                )
                .child_opt(explanation),
        )
    };
    let result = move || {
        tick.track();
        let r = round.get_value();
        if !r.is_over() {
            return None;
        }
        let (right, size) = r.score();
        let missed = r.missed();
        let list = (!missed.is_empty()).then(|| {
            el("div")
                .child(el("h3").text("The ones to look at again"))
                .child(el("ul").class("drill-missed").children(missed.iter().map(|&i| {
                    let item = &items[i];
                    el("li")
                        .child(el("strong").text(&item.text))
                        .child(el("span").text(&format!(" is {}. {}", a(item.kind), item.explanation)))
                })))
        });
        Some(
            el("section")
                .class("drill-result")
                .attr("aria-labelledby", &id("result-title"))
                .child(
                    el("h2")
                        .id(&id("result-title"))
                        .attr("tabindex", "-1")
                        .text("Your score"),
                )
                .child(
                    el("p")
                        .class("drill-score")
                        .text(&format!("You got {right} of {size} right the first time.")),
                )
                .child_opt(list)
                .child(button("button button-primary", "Start a new round", move |_| again()).id(&id("again"))),
        )
    };
    el("div")
        .class("drill")
        .id(&id("root"))
        .child(el("div").region(question))
        .child(el("div").region(result))
        .child(
            el("p")
                .class("visually-hidden")
                .attr("role", "status")
                .attr("aria-live", "polite")
                .id(&id("said"))
                .text_with(move || said.get()),
        )
}
