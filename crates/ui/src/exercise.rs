//! A scenario exercise in the sandbox (the `exercises` feature): the exercise's feedback (its
//! rubric's findings among the general rules'), whether the work passes, the learner's progress,
//! handing the work in, and the model answer beside the learner's workflow. The decisions are
//! `flowguide-practice`'s; this module reads signals and calls it.
//!
//! The page carries the exercise: as JSON in a `<script type="application/json">` element for a
//! built-in exercise, or in the address's fragment (`#x1.…`) for one an instructor wrote.

use flowguide_engine::export::diagram;
use flowguide_engine::feedback::Component;
use flowguide_engine::workflow::graph::Graph;
use flowguide_engine::workflow::parse::MAX_BYTES;
use flowguide_engine::workflow::WorkflowDoc;
use flowguide_practice::compare::compare;
use flowguide_practice::grade::verdict;
use flowguide_practice::link::{self, Kind};
use flowguide_practice::progress::{self, Progress};
use flowguide_practice::submission::Submission;
use flowguide_practice::{exercise, Exercise};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::dom::{button, el, El};
use super::state::{Sandbox, Scope};
use super::{files, zlib};

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// Shows a problem in place of the tools, in words the learner can act on.
fn refuse(root: &web_sys::HtmlElement, text: &str) {
    root.set_inner_html("");
    let _ = root.set_attribute("data-mounted", "");
    dom_text(root, "p", "notice notice-problem", text);
}

fn dom_text(parent: &web_sys::HtmlElement, tag: &str, class: &str, text: &str) {
    let d = document();
    if let Ok(p) = d.create_element(tag) {
        p.set_class_name(class);
        p.set_text_content(Some(text));
        let _ = p.set_attribute("role", "alert");
        let _ = parent.append_child(&p);
    }
}

/// Mounts an exercise into `root`: `data` names the element holding its JSON, or is `link` for
/// an exercise in the address's fragment.
pub fn mount(root: web_sys::HtmlElement, prefix: String, data: String) {
    if data != "link" {
        let text = document()
            .get_element_by_id(&data)
            .and_then(|e| e.text_content())
            .unwrap_or_default();
        match exercise::parse(&text) {
            Ok(e) => start(root, &prefix, e, false),
            Err(e) => refuse(&root, &format!("This exercise could not be opened: {e}.")),
        }
        return;
    }
    let hash = window().location().hash().unwrap_or_default();
    // Reading the link is asynchronous (the browser decompresses it), before anything is mounted.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    leptos::task::spawn_local(async move {
        match read_link(&hash).await {
            Ok(e) => start(root, &prefix, e, true),
            Err(e) => refuse(
                &root,
                &format!("The exercise in this link could not be opened. {e} Ask your instructor for the link again."),
            ),
        }
    });
}

/// The exercise an exercise link carries (the payload, or an address ending in one): what the
/// exercise page, the instructor's form and the grading page all open.
pub(crate) async fn read_exercise_link(text: &str) -> Result<Exercise, String> {
    let zlib_bytes = link::unpack(Kind::Exercise, text).map_err(|e| e.to_string())?;
    let json = zlib::decompress(&zlib_bytes, MAX_BYTES).await.map_err(|f| match f {
        zlib::Failure::Unsupported => "This browser is too old to open exercise links.".to_string(),
        _ => link::LinkError::Damaged.to_string(),
    })?;
    link::open_exercise(json).map_err(|e| e.to_string())
}

/// The exercise in a chosen file.
pub(crate) async fn read_exercise_file(file: &web_sys::File) -> Result<Exercise, String> {
    let text = files::read_text(file, MAX_BYTES).await?;
    exercise::parse(&text).map_err(|e| e.to_string())
}

/// An exercise link for this page, whose starting workflow must also fit the sandbox.
async fn read_link(hash: &str) -> Result<Exercise, String> {
    let e = read_exercise_link(hash).await?;
    if let Some(doc) = &e.start {
        flowguide_engine::workflow::edit::fits_sandbox(doc)?;
    }
    Ok(e)
}

fn start(root: web_sys::HtmlElement, prefix: &str, e: Exercise, from_link: bool) {
    let key = root
        .get_attribute("data-storage-key")
        .unwrap_or_else(|| format!("flowguide-exercise-link-{}", e.id));
    let e: &'static Exercise = Box::leak(Box::new(e));
    if from_link {
        // The page was written without the exercise: its title and scenario come from the link.
        let d = document();
        d.set_title(&format!("{} (exercise) · Flowguide", e.title.trim()));
        if let Some(h) = d.get_element_by_id("page-title") {
            h.set_text_content(Some(e.title.trim()));
        }
        if let Some(s) = d.get_element_by_id("ex-scenario") {
            s.set_inner_html(&e.scenario_html());
        }
    }
    root.set_inner_html("");
    let _ = root.set_attribute("data-mounted", "");
    let scope = Scope::new(prefix, &key);
    super::dom::mount(&root, move || exercise_view(scope, e));
}

/// The progress badges on the page (`[data-progress=ID]`, or the page's one badge for a linked
/// exercise) say where the learner stands.
fn show_progress(id: &str, p: &Progress) {
    let Ok(list) = document().query_selector_all(".progress-badge") else {
        return;
    };
    for i in 0..list.length() {
        let Some(b) = list.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) else {
            continue;
        };
        if b.get_attribute("data-progress").is_some_and(|p| p != id) {
            continue;
        }
        b.set_hidden(false);
        let _ = b.set_attribute("data-state", p.state.key());
        b.set_text_content(Some(&p.label()));
    }
}

/// The stored progress on `id`. Unreadable data is kept aside under another key, not lost.
fn load_progress(id: &str) -> Result<Progress, String> {
    let Some(s) = storage() else {
        return Ok(Progress::default());
    };
    let key = progress::key(id);
    match s.get_item(&key) {
        Ok(Some(raw)) => progress::decode(&raw).map_err(|why| {
            let backup = format!("{key}-unreadable");
            let _ = s.set_item(&backup, &raw);
            let _ = s.remove_item(&key);
            format!("Your progress on this exercise could not be read ({why}); it has been kept aside under “{backup}” and starts again.")
        }),
        _ => Ok(Progress::default()),
    }
}

fn save_progress(id: &str, p: &Progress) -> Result<(), String> {
    let s = storage().ok_or("this browser does not let pages store data")?;
    s.set_item(&progress::key(id), &progress::encode(p))
        .map_err(|_| "the browser's storage for this site is full".to_string())
}

/// Fills in every progress badge of the list of exercises.
pub fn mount_progress(root: &web_sys::HtmlElement) {
    let _ = root.set_attribute("data-mounted", "");
    let Ok(list) = root.query_selector_all("[data-progress]") else {
        return;
    };
    for i in 0..list.length() {
        if let Some(id) = list
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            .and_then(|b| b.get_attribute("data-progress"))
        {
            let p = load_progress(&id).unwrap_or_default();
            show_progress(&id, &p);
        }
    }
}

/// The base address of the site (what the page's `<base href>` gives), ending in `/`.
fn site_base() -> String {
    document().base_uri().ok().flatten().unwrap_or_default()
}

fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().as_string().unwrap_or_default()
}

/// The exercise's tools above the sandbox, and the model answer below it once revealed.
fn exercise_view(scope: Scope, e: &'static Exercise) -> El {
    let (sb, sandbox) = super::sandbox_parts(scope, false, Some(e));
    let stored = load_progress(&e.id);
    if let Err(why) = &stored {
        sb.problem(why.clone());
    }
    let progress = StoredValue::new(stored.unwrap_or_default());
    show_progress(&e.id, &progress.get_value());
    // Whether the learner has checked their answer at least once (which unlocks the model).
    let attempted = RwSignal::new(progress.get_value().best.is_some());
    let revealed = RwSignal::new(false);
    let keep = move |p: Progress| {
        if progress.get_value() != p {
            progress.set_value(p);
            show_progress(&e.id, &p);
            if let Err(why) = save_progress(&e.id, &p) {
                sb.problem(format!(
                    "Your progress could not be saved: {why}. Your workflow is still here."
                ));
            }
        }
    };
    // The verdict, as one line: it follows every edit.
    let verdict_text = Memo::new(move |_| {
        sb.report.with(|r| {
            let (passed, reasons) = verdict(e, r);
            let score = r.overall.score;
            let head = format!("Score {score} of 100; the pass mark is {}.", e.rubric.pass_mark);
            if passed {
                format!("✓ Passes. {head}")
            } else {
                // The first reason repeats the score when it is below the mark.
                let rest = reasons.iter().skip(usize::from(score < e.rubric.pass_mark));
                format!(
                    "✗ Not passing yet. {head} {}",
                    rest.cloned().collect::<Vec<_>>().join(" ")
                )
                .trim_end()
                .to_string()
            }
        })
    });
    let start_doc = e.starting_workflow();
    // Progress follows the work: started at the first change, passed as soon as it passes.
    super::dom::effect(move || {
        let changed = sb.doc.with(|d| *d != start_doc);
        let passed = verdict_text.with(|t| t.starts_with('✓'));
        let p = untrack(|| progress.get_value());
        if passed {
            let score = untrack(|| sb.report.with(|r| r.overall.score));
            keep(Progress {
                state: progress::State::Passed,
                best: Some(p.best.map_or(score, |b| b.max(score))),
                revision: e.revision,
            });
        } else if changed {
            keep(p.started(e.revision));
        }
    });
    let check = move |_| {
        let grade = sb.doc.with_untracked(|d| flowguide_practice::grade(e, d));
        keep(progress.get_value().record(e.revision, &grade));
        attempted.set(true);
        sb.say(verdict_text.get_untracked());
    };
    let learner_key = "flowguide-learner-name";
    let learner = RwSignal::new(
        storage()
            .and_then(|s| s.get_item(learner_key).ok().flatten())
            .unwrap_or_default(),
    );
    let submission = move || {
        let doc: WorkflowDoc = sb.doc.get_untracked();
        Submission::new(e, &learner.get_untracked(), &now_iso(), doc)
    };
    let hand_in_link = RwSignal::new(String::new());
    let download = move |_| {
        let s = submission();
        match files::download(&s.file_name(), "application/json", &s.to_json()) {
            Ok(()) => {
                attempted.set(true);
                sb.inform(format!(
                    "Your work is in the file {}. Upload it to your course's assignment box.",
                    s.file_name()
                ));
            }
            Err(why) => sb.problem(format!("The file could not be made: {why}.")),
        }
    };
    let make_link = move |_| {
        let s = submission();
        leptos::task::spawn_local(async move {
            match zlib::compress(&link::json(&s)).await {
                Ok(z) => {
                    hand_in_link.set(format!(
                        "{}instructor/grade#{}",
                        site_base(),
                        link::pack(Kind::Submission, &z)
                    ));
                    attempted.set(true);
                    super::editor::focus_later(sb.id("hand-in-link"));
                }
                Err(_) => sb.problem(
                    "This browser cannot make links (it is too old to compress them). Download the file instead.",
                ),
            }
        });
    };
    let name_input = el("input")
        .id(&sb.id("learner"))
        .attr("type", "text")
        .attr("autocomplete", "name")
        .attr("maxlength", "200")
        .value_with(move || learner.get())
        .on("input", move |ev| {
            let v = super::dom::target_value(&ev);
            if let Some(s) = storage() {
                let _ = s.set_item(learner_key, &v);
            }
            learner.set(v);
        });
    let bar = el("section")
        .class("exercise-bar")
        .attr("aria-labelledby", &sb.id("answer-title"))
        .child(el("h2").id(&sb.id("answer-title")).class("visually-hidden").text("Your answer"))
        .child(
            el("p")
                .class("verdict")
                .id(&sb.id("verdict"))
                .attr_with("data-passed", move || Some(verdict_text.with(|t| t.starts_with('✓')).to_string()))
                .text_with(move || verdict_text.get()),
        )
        .child(
            el("div")
                .class("tool-group exercise-tools")
                .child(button("button button-primary", "Check my answer", check).id(&sb.id("check")))
                .child(
                    button("button", "Show the model answer", move |_| {
                        revealed.update(|r| *r = !*r);
                        if revealed.get_untracked() {
                            super::editor::focus_later(sb.id("model-title"));
                        }
                    })
                    .id(&sb.id("reveal"))
                    .prop_with("disabled", move || !attempted.get())
                    .attr_with("aria-expanded", move || Some(revealed.get().to_string()))
                    .attr("aria-controls", &sb.id("model")),
                )
                .child_opt(e.model.is_none().then(|| el("span").class("hint").text("This exercise has no model answer."))),
        )
        .child(
            el("p")
                .class("hint")
                .when(move || !attempted.get() && e.model.is_some(), || {
                    el("span").text("Check your answer once, or hand it in, to unlock the model answer.")
                }),
        )
        .child(
            el("details")
                .class("hand-in")
                .child(el("summary").text("Hand in"))
                .child(el("p").text("Hand in a file with your workflow, this exercise's name and the time, for your course's assignment box. Your name is added if you type it."))
                .child(
                    el("div")
                        .class("field")
                        .child(el("label").attr("for", &sb.id("learner")).text("Your name (optional)"))
                        .child(name_input),
                )
                .child(
                    el("div")
                        .class("tool-group")
                        .child(button("button button-primary", "Download submission file", download).id(&sb.id("hand-in")))
                        .child(button("button", "Make a hand-in link", make_link).id(&sb.id("hand-in-make-link"))),
                )
                .child(el("div").when(
                    move || !hand_in_link.with(String::is_empty),
                    move || {
                        el("div")
                            .class("field")
                            .child(el("label").attr("for", &sb.id("hand-in-link")).text("Hand-in link: copy it and send it to your instructor"))
                            .child(
                                el("input")
                                    .id(&sb.id("hand-in-link"))
                                    .attr("type", "text")
                                    .attr("readonly", "")
                                    .value_with(move || hand_in_link.get()),
                            )
                    },
                )),
        );
    el("div")
        .class("exercise-work")
        .child(bar)
        .child(sandbox)
        .child(el("div").when(move || revealed.get() && e.model.is_some(), move || model_view(sb, e)))
}

/// The model answer beside the learner's workflow: the two diagrams, then each component side by
/// side with the difference in words. It follows the learner's edits.
fn model_view(sb: Sandbox, e: &'static Exercise) -> El {
    let model = e.model.clone().unwrap_or_default();
    let model_svg = diagram::draw_in_page(&Graph::new(&model), &[], &sb.id("model-svg"));
    let rows = Memo::new(move |_| {
        sb.doc.with(|d| {
            let model = e.model.as_ref().expect("only shown with a model");
            compare(model, d)
                .into_iter()
                .map(|r| {
                    [
                        r.component.title().to_string(),
                        r.model.join("\n"),
                        r.yours.join("\n"),
                        r.note,
                    ]
                })
                .collect::<Vec<[String; 4]>>()
        })
    });
    let cell = |tag: &str, text: &str| {
        let c = el(tag);
        if text.is_empty() {
            return c.class("empty").text("(none)");
        }
        let mut lines = text.split('\n');
        let mut c = c.text(lines.next().unwrap_or_default());
        for line in lines {
            c = c.child(el("br")).text(line);
        }
        c
    };
    el("section")
        .class("model-answer")
        .id(&sb.id("model"))
        .attr("aria-labelledby", &sb.id("model-title"))
        .child(el("h2").id(&sb.id("model-title")).attr("tabindex", "-1").text("The model answer beside yours"))
        .child(el("p").text("This is one good answer. Yours can be different and still be good: read the differences as questions to ask yourself."))
        .child(
            el("div")
                .class("compare-diagrams")
                .child(
                    el("figure")
                        .child(el("figcaption").text("Model answer"))
                        .child(
                            el("div")
                                .class("diagram-frame")
                                .attr("tabindex", "0")
                                .attr("role", "group")
                                .attr("aria-label", "The model answer's diagram (scrolls)")
                                .inner_html(&model_svg),
                        ),
                )
                .child(
                    el("figure").child(el("figcaption").text("Your workflow")).child(
                        el("div")
                            .class("diagram-frame")
                            .attr("tabindex", "0")
                            .attr("role", "group")
                            .attr("aria-label", "Your workflow's diagram (scrolls)")
                            .region(move || {
                        let svg = sb.doc.with(|d| diagram::draw_in_page(&Graph::new(d), &[], &sb.id("yours-svg")));
                        Some(el("div").inner_html(&svg))
                    }),
                    ),
                ),
        )
        .child(
            el("table")
                .class("compare-table")
                .child(el("caption").text("Each part of a workflow, in the model answer and in yours"))
                .child(
                    el("thead").child(
                        el("tr")
                            .child(el("th").attr("scope", "col").text("Part"))
                            .child(el("th").attr("scope", "col").text("Model answer"))
                            .child(el("th").attr("scope", "col").text("Yours"))
                            .child(el("th").attr("scope", "col").text("Difference")),
                    ),
                )
                .child(el("tbody").region_all(move || {
                    rows.get()
                        .iter()
                        .zip(Component::ALL)
                        .map(|(r, c)| {
                            el("tr")
                                .attr("data-component", c.key())
                                .child(el("th").attr("scope", "row").text(&r[0]))
                                .child(cell("td", &r[1]))
                                .child(cell("td", &r[2]))
                                .child(el("td").text(&r[3]))
                        })
                        .collect()
                })),
        )
}
