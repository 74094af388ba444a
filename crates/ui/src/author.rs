//! Writing an exercise (the `exercises` feature): the instructor's form, a live preview of what
//! the learner will read, the starting workflow and the model answer each built in a sandbox of
//! its own, and what it gives: a link that carries the whole exercise, the exercise file and an
//! embed snippet. An exercise file or link opens back into the form. The draft is kept in this
//! browser as the instructor types. The form's text formats and every check are
//! `flowguide-practice`'s.

use flowguide_engine::feedback::Preset;
use flowguide_engine::workflow::edit::is_blank;
use flowguide_practice::authoring::{
    id_from_title, read_expected, read_lines, read_overrides, write_expected, write_overrides,
};
use flowguide_practice::exercise::{self, Decision, Difficulty, Exercise};
use flowguide_practice::grade;
use flowguide_practice::link::{self, Kind};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::dom::{button, el, option, target_value, El};
use super::exercise::{read_exercise_file, read_exercise_link};
use super::state::Scope;
use super::{files, zlib};

const DRAFT: &str = "flowguide-author-draft";

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// The form's fields, as text: what the instructor typed, kept as typed.
#[derive(Clone, Debug, Default, PartialEq)]
struct Form {
    title: String,
    id: String,
    field: String,
    difficulty: String,
    minutes: String,
    summary: String,
    scenario: String,
    goals: String,
    roles: String,
    artifacts: String,
    min: String,
    max: String,
    decision: bool,
    decision_says: String,
    preset: String,
    overrides: String,
    pass_mark: String,
}

impl Form {
    fn of(e: &Exercise) -> Form {
        Form {
            title: e.title.clone(),
            id: e.id.clone(),
            field: e.field.clone(),
            difficulty: e.difficulty.key().into(),
            minutes: e.minutes.map(|m| m.to_string()).unwrap_or_default(),
            summary: e.summary.clone(),
            scenario: e.scenario.clone(),
            goals: e.goals.join("\n"),
            roles: write_expected(&e.rubric.roles),
            artifacts: write_expected(&e.rubric.artifacts),
            min: e.rubric.steps.min.map(|m| m.to_string()).unwrap_or_default(),
            max: e.rubric.steps.max.map(|m| m.to_string()).unwrap_or_default(),
            decision: e.rubric.decision.is_some(),
            decision_says: e.rubric.decision.as_ref().map(|d| d.says.clone()).unwrap_or_default(),
            preset: e.rubric.preset.key().into(),
            overrides: write_overrides(&e.rubric.overrides),
            pass_mark: e.rubric.pass_mark.to_string(),
        }
    }

    /// The exercise the form describes, or the first problem with it.
    fn exercise(&self) -> Result<Exercise, String> {
        let number = |text: &str, what: &str| -> Result<Option<u32>, String> {
            let t = text.trim();
            if t.is_empty() {
                return Ok(None);
            }
            t.parse::<u32>()
                .map(Some)
                .map_err(|_| format!("{what} must be a whole number, not “{t}”"))
        };
        let mut e = Exercise::new();
        e.title = self.title.trim().to_string();
        e.id = if self.id.trim().is_empty() {
            id_from_title(&self.title)
        } else {
            self.id.trim().to_string()
        };
        e.field = self.field.trim().to_string();
        e.difficulty = match self.difficulty.as_str() {
            "intermediate" => Difficulty::Intermediate,
            "advanced" => Difficulty::Advanced,
            _ => Difficulty::Beginner,
        };
        e.minutes = number(&self.minutes, "The time")?;
        e.summary = self.summary.trim().to_string();
        e.scenario = self.scenario.clone();
        e.goals = read_lines(&self.goals);
        e.rubric.roles = read_expected(&self.roles);
        e.rubric.artifacts = read_expected(&self.artifacts);
        e.rubric.steps.min = number(&self.min, "The smallest number of steps")?;
        e.rubric.steps.max = number(&self.max, "The largest number of steps")?;
        e.rubric.decision = self.decision.then(|| Decision {
            says: self.decision_says.trim().to_string(),
        });
        e.rubric.preset = self.preset.parse().unwrap_or(Preset::Recommended);
        e.rubric.overrides = read_overrides(&self.overrides)?;
        e.rubric.pass_mark = number(&self.pass_mark, "The pass mark")?.unwrap_or(70);
        e.check().map_err(|err| err.to_string())?;
        Ok(e)
    }
}

/// Mounts the authoring page.
pub fn mount(root: web_sys::HtmlElement, prefix: &str) {
    root.set_inner_html("");
    let _ = root.set_attribute("data-mounted", "");
    let scope = Scope::new(prefix, DRAFT);
    super::dom::mount(&root, move || author_view(scope));
}

fn author_view(scope: Scope) -> El {
    let id = move |name: &str| scope.id(name);
    // The draft: what was kept in this browser, or an empty form.
    let kept = storage()
        .and_then(|s| s.get_item(DRAFT).ok().flatten())
        .and_then(|t| exercise::parse(&t).ok());
    let form = RwSignal::new(kept.as_ref().map(Form::of).unwrap_or_else(|| Form {
        preset: "recommended".into(),
        pass_mark: "70".into(),
        difficulty: "beginner".into(),
        ..Form::default()
    }));
    let notice = RwSignal::new(String::new());
    // The two embedded sandboxes: the starting workflow and the model answer.
    let (start_sb, start_view) = super::sandbox_parts(
        Scope::labelled(&id("start"), "flowguide-author-start", "(starting workflow)"),
        false,
        None,
    );
    let (model_sb, model_view) = super::sandbox_parts(
        Scope::labelled(&id("model"), "flowguide-author-model", "(model answer)"),
        false,
        None,
    );
    if let Some(e) = &kept {
        if let Some(d) = &e.start {
            start_sb.replace(d.clone());
        }
        if let Some(d) = &e.model {
            model_sb.replace(d.clone());
        }
    }
    let built = Memo::new(move |_| {
        let mut e = form.with(Form::exercise)?;
        let start = start_sb.doc.get();
        let model = model_sb.doc.get();
        e.start = (!is_blank(&start)).then_some(start);
        e.model = (!is_blank(&model)).then_some(model);
        Ok::<Exercise, String>(e)
    });
    // Keep the draft as the instructor types: a closed tab loses nothing.
    super::dom::effect(move || {
        if let Ok(e) = built.get() {
            if let Some(s) = storage() {
                if s.set_item(DRAFT, &e.to_json()).is_err() {
                    notice.set("The draft could not be kept in this browser (its storage is full). Download the exercise file to keep it.".into());
                }
            }
        }
    });
    let load = move |e: Exercise, from: &str| {
        form.set(Form::of(&e));
        start_sb.replace(e.start.clone().unwrap_or_default());
        model_sb.replace(e.model.clone().unwrap_or_default());
        notice.set(format!("Opened “{}” from {from}.", e.title.trim()));
    };
    // An exercise link opened on this page loads into the form.
    let hash = window().location().hash().unwrap_or_default();
    if hash.starts_with("#x1.") {
        leptos::task::spawn_local(async move {
            match read_exercise_link(&hash).await {
                Ok(e) => load(e, "the link"),
                Err(e) => notice.set(format!(
                    "The exercise link could not be opened: {e} The form has not changed."
                )),
            }
        });
    }
    let text = |name: &'static str,
                label: &'static str,
                hint: &'static str,
                get: fn(&Form) -> String,
                set: fn(&mut Form, String),
                area: bool| {
        let input = if area {
            el("textarea").attr("rows", "5")
        } else {
            el("input").attr("type", "text")
        };
        let input = input
            .id(&scope.id(name))
            .value_with(move || form.with(get))
            .on("input", move |ev| {
                let v = target_value(&ev);
                form.update(|f| set(f, v));
            });
        let input = if hint.is_empty() {
            input
        } else {
            input.attr("aria-describedby", &scope.id(&format!("{name}-hint")))
        };
        el("div")
            .class("field")
            .child(el("label").attr("for", &scope.id(name)).text(label))
            .child_opt(
                (!hint.is_empty()).then(|| el("p").class("hint").id(&scope.id(&format!("{name}-hint"))).text(hint)),
            )
            .child(input)
    };
    let choice = |name: &'static str,
                  label: &'static str,
                  options: Vec<(&'static str, &'static str)>,
                  get: fn(&Form) -> String,
                  set: fn(&mut Form, String)| {
        el("div")
            .class("field")
            .child(el("label").attr("for", &scope.id(name)).text(label))
            .child(
                el("select")
                    .id(&scope.id(name))
                    .children(options.into_iter().map(|(v, t)| option(v, t)))
                    .value_with(move || form.with(get))
                    .on("change", move |ev| {
                        let v = target_value(&ev);
                        form.update(|f| set(f, v));
                    }),
            )
    };
    let details = el("section")
        .class("author-part")
        .attr("aria-labelledby", &id("about-title"))
        .child(el("h2").id(&id("about-title")).text("The exercise"))
        .child(text("title", "Title", "", |f| f.title.clone(), |f, v| f.title = v, false))
        .child(text("id", "Short name for links and files", "Lowercase letters, digits and hyphens. Left empty, it is made from the title.", |f| f.id.clone(), |f, v| f.id = v, false))
        .child(text("field", "Field of work (optional)", "", |f| f.field.clone(), |f, v| f.field = v, false))
        .child(choice("difficulty", "Difficulty", vec![("beginner", "Beginner"), ("intermediate", "Intermediate"), ("advanced", "Advanced")], |f| f.difficulty.clone(), |f, v| f.difficulty = v))
        .child(text("minutes", "About how many minutes it takes (optional)", "", |f| f.minutes.clone(), |f, v| f.minutes = v, false))
        .child(text("summary", "One sentence for the list of exercises", "", |f| f.summary.clone(), |f, v| f.summary = v, false))
        .child(text("scenario", "The scenario", "Paragraphs are separated by a blank line. Lines starting with “- ” or “1. ” make lists; *words* are emphasised, **words** strong, and [text](https://…) is a link. HTML is shown as text.", |f| f.scenario.clone(), |f, v| f.scenario = v, true))
        .child(text("goals", "What the learner will practise, one goal per line", "", |f| f.goals.clone(), |f, v| f.goals = v, true));
    let rubric = el("section")
        .class("author-part")
        .attr("aria-labelledby", &id("rubric-title"))
        .child(el("h2").id(&id("rubric-title")).text("The rubric"))
        .child(text("roles", "Roles the scenario expects, one per line", "The name, then a colon and the other names that also count, then a bar and what the scenario says. For example: Finance: finance team, accounts payable | Finance pays the claim", |f| f.roles.clone(), |f, v| f.roles = v, true))
        .child(text("artifacts", "Inputs and outputs the scenario expects, one per line", "The same way. For example: receipts: receipt, proof of purchase | the employee attaches the receipts", |f| f.artifacts.clone(), |f, v| f.artifacts = v, true))
        .child(text("min", "At least this many steps (optional)", "", |f| f.min.clone(), |f, v| f.min = v, false))
        .child(text("max", "At most this many steps (optional)", "", |f| f.max.clone(), |f, v| f.max = v, false))
        .child(
            el("div").class("field checkbox").child(
                el("input")
                    .id(&id("decision"))
                    .attr("type", "checkbox")
                    .prop_with("checked", move || form.with(|f| f.decision))
                    .on("change", move |ev| {
                        let on = ev
                            .target()
                            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                            .is_some_and(|i| i.checked());
                        form.update(|f| f.decision = on);
                    }),
            )
            .child(el("label").attr("for", &id("decision")).text(" The workflow must include a decision")),
        )
        .child(text("decision-says", "What the scenario says of the decision", "", |f| f.decision_says.clone(), |f, v| f.decision_says = v, false))
        .child(choice("preset", "How strict the feedback is", vec![("beginner", "Gentle (for beginners)"), ("recommended", "Recommended"), ("strict", "Strict")], |f| f.preset.clone(), |f, v| f.preset = v))
        .child(text("overrides", "Rule levels to change (optional), one per line", "A rule's id, a colon and off, error, warning or tip. For example: vague-wording: tip. The rules reference lists every rule's id.", |f| f.overrides.clone(), |f, v| f.overrides = v, true))
        .child(text("pass-mark", "Pass mark (a score out of 100)", "", |f| f.pass_mark.clone(), |f, v| f.pass_mark = v, false));
    let workflows = el("section")
        .class("author-part")
        .attr("aria-labelledby", &id("workflows-title"))
        .child(el("h2").id(&id("workflows-title")).text("The starting workflow and the model answer"))
        .child(el("p").text("Both are optional. The learner's sandbox opens with the starting workflow; the model answer is shown after a first attempt. Leave a sandbox blank to leave it out."))
        .child(el("details").class("author-sandbox").child(el("summary").text("The starting workflow")).child(start_view))
        .child(el("details").class("author-sandbox").child(el("summary").text("The model answer")).child(model_view));
    let base = || document().base_uri().ok().flatten().unwrap_or_default();
    let link_out = RwSignal::new(String::new());
    // The link follows the exercise; each change starts a new compression, and only the latest
    // one's link is kept.
    let latest = std::rc::Rc::new(std::cell::Cell::new(0u32));
    super::dom::effect(move || {
        let Ok(e) = built.get() else {
            link_out.set(String::new());
            return;
        };
        let run = latest.get().wrapping_add(1);
        latest.set(run);
        let latest = latest.clone();
        leptos::task::spawn_local(async move {
            if let Ok(z) = zlib::compress(&link::json(&e)).await {
                if latest.get() == run {
                    link_out.set(format!("{}exercises/link#{}", base(), link::pack(Kind::Exercise, &z)));
                }
            }
        });
    });
    let status = move || match built.get() {
        Err(e) => format!("Not ready yet: {e}"),
        Ok(e) => {
            let model = match &e.model {
                None => "It has no model answer.".to_string(),
                Some(m) => {
                    let g = grade(&e, m);
                    if g.passed {
                        format!("The model answer passes, with a score of {}.", g.score)
                    } else {
                        format!(
                            "The model answer does not pass its own rubric yet: {}",
                            g.reasons.join(" ")
                        )
                    }
                }
            };
            let start = match &e.start {
                Some(s) if grade(&e, s).passed => {
                    " The starting workflow already passes: leave the learner something to do."
                }
                _ => "",
            };
            format!("Ready. {model}{start}")
        }
    };
    let preview = el("section")
        .class("author-part author-preview")
        .attr("aria-labelledby", &id("preview-title"))
        .child(
            el("h2")
                .id(&id("preview-title"))
                .text("Preview: what the learner reads"),
        )
        .child(
            el("p")
                .class("verdict")
                .id(&id("status"))
                .attr("role", "status")
                .text_with(status),
        )
        .child(
            el("div")
                .class("scenario")
                .id(&id("preview"))
                .attr("role", "group")
                .attr("tabindex", "0")
                .attr("aria-label", "Scenario preview")
                .region(move || {
                    let html = built.with(|b| b.as_ref().map(Exercise::scenario_html).unwrap_or_default());
                    Some(el("div").inner_html(&html))
                }),
        );
    let snippet = move || {
        let url = link_out.get();
        let title = form.with(|f| f.title.trim().to_string());
        if url.is_empty() {
            return String::new();
        }
        format!(
            "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"900\" loading=\"lazy\"></iframe>",
            flowguide_text::html::escape(&url),
            flowguide_text::html::escape(&format!("Flowguide exercise: {title}"))
        )
    };
    let download = move |_| match built.get_untracked() {
        Ok(e) => {
            let name = format!("{}.json", e.id);
            if let Err(why) = files::download(&name, "application/json", &e.to_json()) {
                notice.set(format!("The file could not be made: {why}."));
            }
        }
        Err(why) => notice.set(format!("The exercise is not ready yet: {why}")),
    };
    let open_input = el("input")
        .id(&id("open-file"))
        .attr("type", "file")
        .attr("accept", ".json,application/json");
    let open_handle = open_input.handle().unchecked_into::<web_sys::HtmlInputElement>();
    let open_input = open_input.on("change", move |_| {
        let Some(f) = open_handle.files().and_then(|l| l.get(0)) else {
            return;
        };
        open_handle.set_value("");
        leptos::task::spawn_local(async move {
            match read_exercise_file(&f).await {
                Ok(e) => load(e, &f.name()),
                Err(e) => notice.set(format!(
                    "{} could not be opened: {e}. The form has not changed.",
                    f.name()
                )),
            }
        });
    });
    let link_in = RwSignal::new(String::new());
    let outputs = el("section")
        .class("author-part")
        .attr("aria-labelledby", &id("out-title"))
        .child(el("h2").id(&id("out-title")).text("Give it to your learners"))
        .child(
            el("div")
                .class("field")
                .child(
                    el("label")
                        .attr("for", &id("link"))
                        .text("The exercise link: it carries the whole exercise"),
                )
                .child(
                    el("input")
                        .id(&id("link"))
                        .attr("type", "text")
                        .attr("readonly", "")
                        .value_with(move || link_out.get()),
                ),
        )
        .child(el("div").when(
            move || !link_out.with(String::is_empty),
            move || {
                el("p").child(
                    el("a")
                        .id(&id("try"))
                        .attr("target", "_blank")
                        .attr("rel", "noopener")
                        .attr_with("href", move || Some(link_out.get()))
                        .text("Open it as a learner (in a new tab)"),
                )
            },
        ))
        .child(
            el("div")
                .class("field")
                .child(
                    el("label")
                        .attr("for", &id("embed"))
                        .text("Embed snippet for a course page"),
                )
                .child(
                    el("textarea")
                        .id(&id("embed"))
                        .attr("rows", "3")
                        .attr("readonly", "")
                        .value_with(snippet),
                ),
        )
        .child(
            el("div")
                .class("tool-group")
                .child(button("button button-primary", "Download the exercise file", download).id(&id("download"))),
        );
    let opener = el("section")
        .class("author-part")
        .attr("aria-labelledby", &id("open-title"))
        .child(el("h2").id(&id("open-title")).text("Edit an exercise you have"))
        .child(
            el("div")
                .class("field")
                .child(el("label").attr("for", &id("open-file")).text("Open an exercise file"))
                .child(open_input),
        )
        .child(
            el("div")
                .class("field")
                .child(
                    el("label")
                        .attr("for", &id("open-link"))
                        .text("Or paste an exercise link"),
                )
                .child(
                    el("input")
                        .id(&id("open-link"))
                        .attr("type", "url")
                        .value_with(move || link_in.get())
                        .on("input", move |ev| link_in.set(target_value(&ev))),
                )
                .child(
                    button("button", "Open the link", move |_| {
                        let text = link_in.get_untracked();
                        leptos::task::spawn_local(async move {
                            match read_exercise_link(&text).await {
                                Ok(e) => load(e, "the link"),
                                Err(e) => notice.set(format!(
                                    "The exercise link could not be opened: {e} The form has not changed."
                                )),
                            }
                        });
                    })
                    .id(&id("open-link-button")),
                ),
        );
    el("div")
        .class("author")
        .id(&id("root"))
        .child(el("div").attr("role", "status").when(
            move || !notice.with(String::is_empty),
            move || el("p").class("notice notice-info").text_with(move || notice.get()),
        ))
        .child(opener)
        .child(
            el("div")
                .class("author-columns")
                .child(el("div").child(details).child(rubric))
                .child(preview),
        )
        .child(workflows)
        .child(outputs)
}
