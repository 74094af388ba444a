//! Grading a class in the browser (the `exercises` feature): the instructor chooses an exercise
//! (built in, a file or a link), adds submission files, a folder of them or hand-in links, and
//! gets a sortable table with a row per file, each row opening that learner's work and feedback
//! read-only, and the gradebook CSV. Nothing is uploaded: files are read here, and the grading is
//! `flowguide_practice::class`, the checker's own code.

use flowguide_engine::export::diagram;
use flowguide_engine::feedback::{Component, Status};
use flowguide_engine::workflow::graph::Graph;
use flowguide_engine::workflow::parse::MAX_BYTES;
use flowguide_practice::class::{self, order, Row, SortBy};
use flowguide_practice::link::{self, Kind};
use flowguide_practice::submission::{self, Work};
use flowguide_practice::Exercise;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::dom::{button, el, option, target_value, El};
use super::editor::focus_later;
use super::exercise::{read_exercise_file, read_exercise_link};
use super::state::Scope;
use super::{files, zlib};

/// Mounts the grading page; `data` names the element holding the built-in exercises as JSON.
pub fn mount(root: web_sys::HtmlElement, prefix: &str, data: &str) {
    let text = document()
        .get_element_by_id(data)
        .and_then(|e| e.text_content())
        .unwrap_or_default();
    let built_in: Vec<Exercise> = serde_json::from_str(&text).unwrap_or_default();
    root.set_inner_html("");
    let _ = root.set_attribute("data-mounted", "");
    let scope = Scope::new(prefix, "flowguide-grade");
    let built_in: &'static [Exercise] = Box::leak(built_in.into_boxed_slice());
    super::dom::mount(&root, move || grade_view(scope, built_in));
}

fn symbol(s: Status) -> &'static str {
    match s {
        Status::Missing => "○ missing",
        Status::NeedsWork => "! needs work",
        Status::Good => "✓ good",
    }
}

/// A submission link's work (the payload, or an address ending in one).
async fn read_submission_link(text: &str) -> Result<Work, String> {
    let bytes = link::unpack(Kind::Submission, text).map_err(|e| e.to_string())?;
    let json = zlib::decompress(&bytes, MAX_BYTES)
        .await
        .map_err(|_| link::LinkError::Damaged.to_string())?;
    link::open_submission(json).map_err(|e| e.to_string())
}

fn grade_view(scope: Scope, built_in: &'static [Exercise]) -> El {
    let id = move |name: &str| scope.id(name);
    // The exercise graded against, and the work added, kept outside the reactive system (they
    // can be large); `tick` says when either changed.
    let current = StoredValue::new(built_in.first().cloned());
    let inputs = StoredValue::new(Vec::<(String, Result<Work, String>)>::new());
    let tick = RwSignal::new(0u32);
    // The graded rows, worked out again whenever the exercise or the work changes (kept outside
    // the reactive system: a memo would compare whole reports on every change).
    let rows = StoredValue::new(Vec::<Row>::new());
    let regrade = move || {
        let graded = current.with_value(|e| match e {
            Some(e) => inputs.with_value(|list| {
                list.iter()
                    .map(|(name, work)| Row::of_work(e, name, work.clone()))
                    .collect::<Vec<Row>>()
            }),
            None => Vec::new(),
        });
        rows.set_value(graded);
    };
    let bump = move || {
        regrade();
        tick.update(|t| *t += 1)
    };
    let problem = RwSignal::new(String::new());
    let source = RwSignal::new(String::from("0"));
    let sort_by = RwSignal::new(0u32);
    let ascending = RwSignal::new(true);
    let viewing = RwSignal::new(None::<usize>);

    let add = move |name: String, work: Result<Work, String>| {
        inputs.update_value(|l| l.push((name, work)));
    };
    let choose_exercise = move |e: Exercise| {
        let k = built_in.iter().position(|b| *b == e);
        source.set(k.map_or_else(|| "custom".to_string(), |k| k.to_string()));
        current.set_value(Some(e));
        problem.set(String::new());
        viewing.set(None);
        bump();
    };
    let read_files = move |list: web_sys::FileList| {
        let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        leptos::task::spawn_local(async move {
            let mut added = 0;
            for f in files {
                // In a chosen folder, the file's path inside it (web-sys keeps this one behind a flag).
                let name = js_sys::Reflect::get(&f, &"webkitRelativePath".into())
                    .ok()
                    .and_then(|v| v.as_string())
                    .unwrap_or_default();
                let name = if name.is_empty() { f.name() } else { name };
                if !name.to_ascii_lowercase().ends_with(".json") {
                    continue;
                }
                let work = match files::read_text(&f, MAX_BYTES).await {
                    Ok(text) => submission::read(&text).map_err(|e| e.to_string()),
                    Err(e) => Err(e),
                };
                add(name, work);
                added += 1;
            }
            if added == 0 {
                problem
                    .set("No .json files were found there. Submissions are the .json files learners hand in.".into());
            } else {
                problem.set(String::new());
            }
            bump();
        });
    };
    let file_picker = |name: &str, label: &str, folder: bool| {
        let input = el("input")
            .id(&scope.id(name))
            .attr("type", "file")
            .attr("multiple", "")
            .attr("accept", ".json,application/json");
        let input = if folder {
            input.attr("webkitdirectory", "")
        } else {
            input
        };
        let handle = input.handle().unchecked_into::<web_sys::HtmlInputElement>();
        let input = input.on("change", move |_| {
            if let Some(list) = handle.files() {
                read_files(list);
            }
            handle.set_value("");
        });
        el("div")
            .class("field")
            .child(el("label").attr("for", &scope.id(name)).text(label))
            .child(input)
    };
    let exercise_file = el("input")
        .id(&id("exercise-file"))
        .attr("type", "file")
        .attr("accept", ".json,application/json");
    let exercise_handle = exercise_file.handle().unchecked_into::<web_sys::HtmlInputElement>();
    let exercise_file = exercise_file.on("change", move |_| {
        let Some(f) = exercise_handle.files().and_then(|l| l.get(0)) else {
            return;
        };
        exercise_handle.set_value("");
        leptos::task::spawn_local(async move {
            match read_exercise_file(&f).await {
                Ok(e) => choose_exercise(e),
                Err(e) => problem.set(format!(
                    "{} could not be used as the exercise: {e}. The exercise has not changed.",
                    f.name()
                )),
            }
        });
    });
    let link_text = RwSignal::new(String::new());
    let open_link = move || {
        let text = link_text.get_untracked();
        leptos::task::spawn_local(async move {
            match read_exercise_link(&text).await {
                Ok(e) => choose_exercise(e),
                Err(e) => problem.set(format!(
                    "The exercise link could not be opened: {e} The exercise has not changed."
                )),
            }
        });
    };
    let pasted = RwSignal::new(String::new());
    let add_links = move || {
        let text = pasted.get_untracked();
        leptos::task::spawn_local(async move {
            let mut n = inputs.with_value(Vec::len);
            for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
                n += 1;
                let work = read_submission_link(line).await;
                add(format!("link {n}"), work);
            }
            pasted.set(String::new());
            bump();
        });
    };
    // A hand-in link opens here with the work in the fragment: add it, and choose its exercise
    // when it is a built-in one.
    let hash = window().location().hash().unwrap_or_default();
    if hash.starts_with("#s1.") {
        leptos::task::spawn_local(async move {
            let work = read_submission_link(&hash).await;
            if let Ok(w) = &work {
                if let Some(k) = w
                    .exercise
                    .as_ref()
                    .and_then(|r| built_in.iter().position(|e| e.id == r.id))
                {
                    source.set(k.to_string());
                    current.set_value(Some(built_in[k].clone()));
                }
            }
            add("hand-in link".into(), work);
            bump();
        });
    }
    let select = el("select")
        .id(&id("exercise"))
        .on("change", move |ev| {
            let v = target_value(&ev);
            source.set(v.clone());
            if let Some(e) = v.parse::<usize>().ok().and_then(|k| built_in.get(k)) {
                choose_exercise(e.clone());
            }
        })
        .children(
            built_in
                .iter()
                .enumerate()
                .map(|(k, e)| option(&k.to_string(), &format!("{} (built in)", e.title.trim()))),
        )
        .child(option("custom", "The exercise from a file or a link (below)"))
        .value_with(move || source.get());
    let summary = move || {
        tick.track();
        current.with_value(|e| match e {
            Some(e) => format!(
                "Grading against “{}” ({}, revision {}). To pass: a score of at least {}, no part missing, and everything the scenario asks for.",
                e.title.trim(),
                e.id,
                e.revision,
                e.rubric.pass_mark
            ),
            None => "Choose the exercise to grade against.".to_string(),
        })
    };
    let chooser = el("section")
        .class("grade-step")
        .attr("aria-labelledby", &id("exercise-title"))
        .child(el("h2").id(&id("exercise-title")).text("1. The exercise"))
        .child(
            el("div")
                .class("field")
                .child(el("label").attr("for", &id("exercise")).text("Exercise"))
                .child(select),
        )
        .child(
            el("div")
                .class("field")
                .child(
                    el("label")
                        .attr("for", &id("exercise-file"))
                        .text("Or open an exercise file"),
                )
                .child(exercise_file),
        )
        .child(
            el("div")
                .class("field")
                .child(
                    el("label")
                        .attr("for", &id("exercise-link"))
                        .text("Or paste an exercise link"),
                )
                .child(
                    el("input")
                        .id(&id("exercise-link"))
                        .attr("type", "url")
                        .value_with(move || link_text.get())
                        .on("input", move |ev| link_text.set(target_value(&ev))),
                )
                .child(button("button", "Open the link", move |_| open_link()).id(&id("exercise-open"))),
        )
        .child(el("p").id(&id("exercise-summary")).text_with(summary));
    let adder = el("section")
        .class("grade-step")
        .attr("aria-labelledby", &id("work-title"))
        .child(el("h2").id(&id("work-title")).text("2. Your learners' work"))
        .child(el("p").text("Add the submission files learners handed in (plain workflow files work too), a whole folder of them, or hand-in links. You can add more at any time."))
        .child(file_picker("files", "Submission files", false))
        .child(file_picker("folder", "A folder of submissions", true))
        .child(
            el("div")
                .class("field")
                .child(el("label").attr("for", &id("links")).text("Hand-in links, one per line"))
                .child(
                    el("textarea")
                        .id(&id("links"))
                        .attr("rows", "3")
                        .value_with(move || pasted.get())
                        .on("input", move |ev| pasted.set(target_value(&ev))),
                )
                .child(button("button", "Add these links", move |_| add_links()).id(&id("add-links"))),
        )
        .child(el("div").attr("role", "alert").when(
            move || !problem.with(String::is_empty),
            move || el("p").class("notice notice-problem").text_with(move || problem.get()),
        ));
    let head = move |label: &'static str, by: u32| {
        el("th")
            .attr("scope", "col")
            .attr_with("aria-sort", move || {
                Some(
                    if sort_by.get() != by {
                        "none"
                    } else if ascending.get() {
                        "ascending"
                    } else {
                        "descending"
                    }
                    .to_string(),
                )
            })
            .child(
                button("button button-quiet sort", label, move |_| {
                    if sort_by.get_untracked() == by {
                        ascending.update(|a| *a = !*a);
                    } else {
                        sort_by.set(by);
                        ascending.set(by != 2);
                    }
                })
                .id(&scope.id(&format!("sort-{by}"))),
            )
    };
    let body = move || {
        tick.track();
        let by = [SortBy::Learner, SortBy::File, SortBy::Score, SortBy::Passed][sort_by.get() as usize];
        let current = untrack(|| current.get_value());
        let asc = ascending.get();
        rows.with_value(|rows| {
            order(rows, by, asc)
                .into_iter()
                .map(|i| {
                    let r = &rows[i];
                    let learner = match r.learner() {
                        "" => "(no name)",
                        name => name,
                    };
                    let tr = el("tr").attr("data-row", &i.to_string());
                    let tr = tr
                        .child(el("th").attr("scope", "row").text(learner))
                        .child(el("td").text(&r.file));
                    let tr = match &r.outcome {
                        Ok((_, g)) => {
                            let tr = tr.child(el("td").text(&g.score.to_string())).child(
                                el("td").attr("data-passed", &g.passed.to_string()).text(if g.passed {
                                    "✓ passed"
                                } else {
                                    "✗ not passed"
                                }),
                            );
                            Component::ALL.iter().fold(tr, |tr, &c| {
                                let s = g.report.components.get(c).status;
                                tr.child(el("td").attr("data-status", s.key()).text(symbol(s)))
                            })
                        }
                        Err(_) => tr
                            .child(el("td").text("–"))
                            .child(el("td").attr("data-passed", "broken").text("could not be read"))
                            .child(el("td").attr("colspan", "6").text("–")),
                    };
                    let problem = current.as_ref().map(|e| r.problem(e)).unwrap_or_default();
                    tr.child(el("td").class("problem").text(&problem))
                        .child(el("td").child_opt(r.outcome.is_ok().then(|| {
                            button("button button-quiet", "View", move |_| {
                                viewing.set(Some(i));
                                focus_later(scope.id("view-title"));
                            })
                            .attr("aria-label", &format!("View the work of {learner} ({})", r.file))
                        })))
                })
                .collect::<Vec<El>>()
        })
    };
    let caption = move || {
        tick.track();
        let (p, f, b) = rows.with_value(|r| class::tally(r));
        match p + f + b {
            0 => "No work added yet.".to_string(),
            n => format!("{n} files: {p} passed, {f} not passed, {b} could not be read."),
        }
    };
    let download = move |_| {
        let Some(e) = current.get_value() else { return };
        let csv = rows.with_value(|r| class::csv(&e, r));
        if let Err(why) = files::download(&format!("{}-grades.csv", e.id), "text/csv", &csv) {
            problem.set(format!("The file could not be made: {why}."));
        }
    };
    let table = el("section")
        .class("grade-step")
        .attr("aria-labelledby", &id("table-title"))
        .child(el("h2").id(&id("table-title")).text("3. The class"))
        .child(
            el("div")
                .class("tool-group")
                .child(button("button button-primary", "Download the table (CSV)", download).id(&id("csv")))
                .child(
                    button("button", "Clear the list", move |_| {
                        inputs.set_value(Vec::new());
                        viewing.set(None);
                        bump();
                    })
                    .id(&id("clear")),
                ),
        )
        .child(
            el("div")
                .class("table-scroll")
                .attr("tabindex", "0")
                .attr("role", "group")
                .attr("aria-labelledby", &id("table-title"))
                .child(
                    el("table")
                        .class("grade-table")
                        .id(&id("table"))
                        .child(el("caption").attr("aria-live", "polite").text_with(caption))
                        .child(
                            el("thead").child(
                                el("tr")
                                    .child(head("Learner", 0))
                                    .child(head("File", 1))
                                    .child(head("Score", 2))
                                    .child(head("Result", 3))
                                    .children(
                                        Component::ALL
                                            .iter()
                                            .map(|c| el("th").attr("scope", "col").text(c.title())),
                                    )
                                    .child(el("th").attr("scope", "col").text("Problem"))
                                    .child(
                                        el("th")
                                            .attr("scope", "col")
                                            .child(el("span").class("visually-hidden").text("Open")),
                                    ),
                            ),
                        )
                        .child(el("tbody").region_all(body)),
                ),
        );
    let view = move || {
        let i = viewing.get()?;
        tick.track();
        let (work, g, file) = rows.with_value(|rows| {
            let r = rows.get(i)?;
            let (w, g) = r.outcome.as_ref().ok()?;
            Some((w.clone(), g.clone(), r.file.clone()))
        })?;
        let who = if work.learner.is_empty() {
            "A learner who gave no name".to_string()
        } else {
            work.learner.clone()
        };
        let svg = diagram::draw_in_page(&Graph::new(&work.doc), &[], &scope.id("view-svg"));
        let verdict = if g.passed {
            format!("✓ Passed with a score of {}.", g.score)
        } else {
            format!("✗ Not passed: {}", g.reasons.join(" "))
        };
        Some(
            el("section")
                .class("grade-view")
                .id(&id("view"))
                .attr("aria-labelledby", &id("view-title"))
                .child(
                    el("h2")
                        .id(&id("view-title"))
                        .attr("tabindex", "-1")
                        .text(&format!("{who}: {file}")),
                )
                .child(el("p").class("verdict").text(&verdict))
                .child(el("p").text(&g.report.overall.message))
                .child(
                    el("ul")
                        .class("grade-findings")
                        .children(g.report.components.iter().map(|(c, r)| {
                            el("li")
                                .child(el("strong").text(&format!("{}: {}", c.title(), symbol(r.status))))
                                .child(el("ul").children(r.findings.iter().map(|f| el("li").text(&f.message))))
                        })),
                )
                .child(
                    el("div")
                        .class("diagram-frame")
                        .attr("tabindex", "0")
                        .attr("role", "group")
                        .attr("aria-label", "The diagram of this work (scrolls)")
                        .inner_html(&svg),
                )
                .child(button("button", "Close", move |_| {
                    viewing.set(None);
                    focus_later(scope.id("table-title"));
                })),
        )
    };
    el("div")
        .class("grade")
        .id(&id("root"))
        .child(chooser)
        .child(adder)
        .child(table)
        .child(el("div").region(view))
}
