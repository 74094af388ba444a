//! Flowguide's Leptos components worth reusing: the sandbox, where a learner builds a workflow and
//! sees each component's feedback change as they type, and its parts.
//!
//! The pieces: [`state`] (document, undo, messages), [`editor`], [`feedback`], [`diagram`],
//! [`storage`] (autosave, other tabs) and [`files`] (downloads, imports, clipboard). Decisions live
//! in `flowguide-engine`; these components read signals and call it. The studio and embed bundles
//! mount them into the placeholders the site generator writes (see [`mount_all`]).
//!
//! Architecture invariant: the ui crate knows nothing of lessons, search or the site's frame, and
//! never draws a page's title or navigation: pages are written at build time.

#[cfg(feature = "exercises")]
pub mod author;
pub mod diagram;
pub mod dom;
#[cfg(feature = "exercises")]
pub mod drill;
pub mod editor;
#[cfg(feature = "embed")]
pub mod embed;
#[cfg(feature = "exercises")]
pub mod exercise;
pub mod feedback;
pub mod files;
#[cfg(feature = "exercises")]
pub mod grade;
pub mod layout;
pub mod state;
pub mod storage;
pub mod words;
pub mod zlib;

use flowguide_engine::workflow::edit::{fits_sandbox, is_blank};
use flowguide_engine::workflow::examples::EXAMPLES;
use flowguide_engine::workflow::parse::{parse, to_pretty_json, MAX_BYTES};
use flowguide_engine::workflow::{link, WorkflowDoc};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use dom::{button, el, El};
#[cfg(feature = "editor-layout")]
use state::Pane;
use state::{Notice, Sandbox, SaveState, Tone};
use storage::Loaded;

/// A new, blank workflow, in the page's language.
fn blank() -> WorkflowDoc {
    WorkflowDoc {
        language: words::page_language(),
        ..WorkflowDoc::new()
    }
}

/// Opens a file's text as the workflow, or says what is wrong and leaves the work as it was.
fn open_text(sb: Sandbox, file_name: &str, text: Result<String, String>) {
    let result = text
        .and_then(|t| parse(&t).map_err(|e| e.to_string()))
        .and_then(|doc| fits_sandbox(&doc).map(|()| doc));
    match result {
        Ok(doc) => {
            let name = doc.name.trim().to_string();
            sb.replace(doc);
            sb.inform(format!(
                "Opened {} from {file_name}. Undo brings back what was here before.",
                if name.is_empty() {
                    "the workflow".to_string()
                } else {
                    format!("“{name}”")
                }
            ));
        }
        Err(e) => sb.problem(format!(
            "{file_name} could not be opened: {e}. Your workflow has not changed."
        )),
    }
}

fn open_file(sb: Sandbox, file: web_sys::File) {
    leptos::task::spawn_local(async move {
        let text = files::read_text(&file, MAX_BYTES).await;
        open_text(sb, &file.name(), text);
    });
}

/// The share link for `doc`: this page's address, with the workflow in the fragment.
async fn share_url(doc: WorkflowDoc) -> Result<String, String> {
    let fragment = share_fragment(&doc).await?;
    let location = window().location();
    Ok(format!(
        "{}{}#{fragment}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default(),
    ))
}

/// The fragment of a share link carrying `doc` (`w1.…`), compressed by the browser.
pub(crate) async fn share_fragment(doc: &WorkflowDoc) -> Result<String, String> {
    let zlib = zlib::compress(&link::json(doc))
        .await
        .map_err(|_| "this browser cannot make share links (it is too old to compress them)".to_string())?;
    Ok(link::pack(&zlib))
}

/// The workflow a share link's fragment carries.
async fn read_link(fragment: &str) -> Result<WorkflowDoc, String> {
    let zlib = link::unpack(fragment).map_err(|e| e.to_string())?;
    let json = zlib::decompress(&zlib, MAX_BYTES).await.map_err(|f| match f {
        zlib::Failure::Unsupported => "this browser is too old to open share links".to_string(),
        zlib::Failure::Damaged | zlib::Failure::TooBig => link::LinkError::Damaged.to_string(),
    })?;
    let doc = link::open(json).map_err(|e| e.to_string())?;
    fits_sandbox(&doc)?;
    Ok(doc)
}

fn clear_fragment() {
    let location = window().location();
    let plain = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&plain));
    }
}

/// Opens the workflow in the address's fragment, if there is one: at once when there is no work to
/// lose, otherwise after asking. A damaged link is reported and changes nothing.
fn take_link(sb: Sandbox, offer: RwSignal<Option<Offer>>) {
    let hash = window().location().hash().unwrap_or_default();
    let Some(fragment) = hash
        .strip_prefix('#')
        .filter(|f| f.starts_with('w'))
        .map(str::to_string)
    else {
        return;
    };
    clear_fragment();
    leptos::task::spawn_local(async move {
        match read_link(&fragment).await {
            Ok(doc) => {
                if sb.doc.with_untracked(|d| is_blank(d) || *d == doc) {
                    sb.replace(doc);
                    sb.inform("Opened the workflow from the link.");
                } else {
                    offer.set(Some(Offer(doc)));
                    editor::focus_later(sb.id("offer-open"));
                }
            }
            Err(e) => sb.problem(format!(
                "The link's workflow could not be opened: {}. Your own work is still here.",
                e.trim_end_matches('.')
            )),
        }
    });
}

/// A linked workflow waiting for the learner's answer: open it, or keep the saved work.
#[derive(Clone)]
struct Offer(WorkflowDoc);

/// Mounts every component placeholder on the page, replacing its loading message:
/// `<div class="app-root" data-mount="sandbox" data-scope="wf" data-storage-key="…">`, where
/// `data-scope` prefixes every id the sandbox writes, `data-storage-key` is where its work is
/// saved, and `data-links` lets it open workflows from share links in the address. A scope used
/// twice on one page gets a number, so ids stay unique.
pub fn mount_all() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(list) = doc.query_selector_all(".app-root[data-mount]") else {
        return;
    };
    editor::track_pointer();
    #[cfg(feature = "embed")]
    let embedded = embed::is_embed();
    #[cfg(feature = "embed")]
    if embedded {
        embed::start("sandbox");
    }
    let mut used: Vec<String> = Vec::new();
    for i in 0..list.length() {
        let Some(el) = list.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) else {
            continue;
        };
        let what = el.get_attribute("data-mount").unwrap_or_default();
        #[cfg(feature = "exercises")]
        if what == "progress" {
            exercise::mount_progress(&el);
            continue;
        }
        #[cfg(feature = "exercises")]
        if what == "author" {
            let prefix = el.get_attribute("data-scope").unwrap_or_else(|| "author".into());
            author::mount(el, &prefix);
            continue;
        }
        #[cfg(feature = "exercises")]
        if what == "grade" {
            let data = el.get_attribute("data-exercises").unwrap_or_default();
            let prefix = el.get_attribute("data-scope").unwrap_or_else(|| "grade".into());
            grade::mount(el, &prefix, &data);
            continue;
        }
        #[cfg(feature = "exercises")]
        if what == "drill" {
            let data = el.get_attribute("data-drill").unwrap_or_default();
            let prefix = el.get_attribute("data-scope").unwrap_or_else(|| "drill".into());
            drill::mount(el, &prefix, &data);
            continue;
        }
        #[cfg(feature = "exercises")]
        let exercise_data = (what == "exercise").then(|| el.get_attribute("data-exercise").unwrap_or_default());
        #[cfg(not(feature = "exercises"))]
        let exercise_data: Option<String> = None;
        if what != "sandbox" && exercise_data.is_none() {
            continue;
        }
        let mut prefix = el.get_attribute("data-scope").unwrap_or_else(|| "sandbox".into());
        if used.contains(&prefix) {
            prefix = format!("{prefix}-{}", i + 1);
        }
        used.push(prefix.clone());
        let key = el
            .get_attribute("data-storage-key")
            .unwrap_or_else(|| format!("flowguide-{prefix}"));
        let scope = state::Scope::new(&prefix, &key);
        let links = el.has_attribute("data-links");
        #[cfg(feature = "exercises")]
        if let Some(data) = exercise_data {
            exercise::mount(el, prefix, data);
            continue;
        }
        el.set_inner_html("");
        let _ = el.set_attribute("data-mounted", "");
        dom::mount(&el, move || {
            let (_sb, view) = sandbox_parts(scope, links, None);
            #[cfg(feature = "embed")]
            if embedded {
                embed::watch(_sb);
            }
            view
        });
    }
    #[cfg(feature = "embed")]
    if embedded {
        embed::announce_ready();
    }
    // When the tools are in the page, ready to type in (a User Timing mark: `./x bench` reads it).
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark("flowguide-ready");
    }
}

/// Whether the sandbox's page shows it read-only (an embed with `readonly=1`).
fn read_only(sb: Sandbox) -> bool {
    document()
        .get_element_by_id(&sb.id("root"))
        .and_then(|r| r.closest(".app-root[data-readonly]").ok().flatten())
        .is_some()
}

/// One sandbox: editor, feedback, diagram, and the tools to keep and share the work.
pub fn sandbox_view(
    // Where its ids and its saved work live.
    scope: state::Scope,
    // Whether it opens a workflow carried in the page address (one sandbox per page should).
    links: bool,
) -> El {
    sandbox_parts(scope, links, None).1
}

/// A sandbox and its handle: for an exercise, its feedback is the exercise's, and it starts
/// from the exercise's starting workflow.
pub fn sandbox_parts(
    scope: state::Scope,
    links: bool,
    exercise: Option<&'static flowguide_practice::Exercise>,
) -> (Sandbox, El) {
    let exercise = if cfg!(feature = "exercises") { exercise } else { None };
    let blank = move || exercise.map_or_else(blank, |e| e.starting_workflow());
    // What was saved, then what the address carries.
    // An empty key keeps nothing (an embed with `save=0`).
    let keeps = !scope.storage_key.is_empty();
    let loaded = if keeps {
        storage::load(scope.storage_key)
    } else {
        Loaded::Nothing
    };
    let mut first_notice = None;
    let mut disabled = !keeps;
    let start = match loaded {
        // Saved work opens whatever its size: only a hand-edited store can pass the step limit,
        // and hiding it would look like lost work.
        Loaded::Restored(doc, _) => doc,
        Loaded::Nothing => blank(),
        Loaded::Unavailable => {
            first_notice = Some(Notice {
                tone: Tone::Problem,
                text: "This browser does not let the sandbox store data, so your work will not be kept when you leave. Use “Download file” to keep it.".into(),
                download: None,
            });
            blank()
        }
        Loaded::Unreadable(e, kept, raw) => {
            let text = match kept {
                Ok(key) => format!(
                    "Your saved workflow could not be opened: {e}. A copy of what was saved is kept in this browser under the name “{key}”, and you can download it below. The sandbox has started with a blank workflow."
                ),
                Err(why) => {
                    disabled = true;
                    format!(
                        "Your saved workflow could not be opened: {e}. It could not be copied aside ({why}), so the sandbox will not save over it. Download it below before you go on; your new work is not saved."
                    )
                }
            };
            first_notice = Some(Notice {
                tone: Tone::Problem,
                text,
                download: Some(("flowguide-saved-data.txt".into(), raw)),
            });
            blank()
        }
    };
    if !keeps {
        first_notice = Some(Notice {
            tone: Tone::Info,
            text: "This page does not keep your work in the browser. Use “Download file” to keep it.".into(),
            download: None,
        });
    }
    let sb = Sandbox::for_exercise(scope, start, exercise);
    if !keeps {
        sb.save.set(SaveState::Failed);
    }
    if let Some(p) = storage::preset(scope.storage_key).filter(|_| keeps) {
        sb.preset.set(p);
    }
    sb.notice.set(first_notice);
    let offer = RwSignal::new(None::<Offer>);
    if links {
        take_link(sb, offer);
        // A link pasted into the address bar while the sandbox is open changes only the fragment.
        let pasted = window_event_listener(ev::hashchange, move |_| take_link(sb, offer));
        on_cleanup(move || pasted.remove());
    }
    storage::autosave(sb, disabled);

    // Ctrl+Z and Ctrl+Shift+Z (or Ctrl+Y) undo and redo everywhere in the sandbox, text fields
    // included: the sandbox's history knows about every kind of edit.
    let keys = window_event_listener(ev::keydown, move |e: web_sys::KeyboardEvent| {
        if !(e.ctrl_key() || e.meta_key()) || e.alt_key() {
            return;
        }
        // Keys typed inside this sandbox are its own; with nothing focused, they belong to the
        // page's only sandbox, if it has just one.
        let root = format!("#{}", sb.id("root"));
        let only_one = document()
            .query_selector_all(".sandbox")
            .map(|l| l.length() == 1)
            .unwrap_or(false);
        let inside = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_none_or(|el| el.closest(&root).ok().flatten().is_some() || (el.tag_name() == "BODY" && only_one));
        if !inside {
            return;
        }
        match e.key().to_lowercase().as_str() {
            "z" if e.shift_key() => {
                e.prevent_default();
                sb.redo();
            }
            "z" => {
                e.prevent_default();
                sb.undo();
            }
            "y" => {
                e.prevent_default();
                sb.redo();
            }
            _ => {}
        }
    });
    on_cleanup(move || keys.remove());

    let dragging = RwSignal::new(false);
    let root = el("div")
        .class("sandbox")
        .id(&sb.id("root"))
        .class_if("dragging", move || dragging.get())
        .on("dragover", move |e| {
            e.prevent_default();
            dragging.set(true);
        })
        .on("dragleave", move |e| {
            if e.unchecked_ref::<web_sys::DragEvent>().related_target().is_none() {
                dragging.set(false);
            }
        })
        .on("drop", move |e| {
            e.prevent_default();
            dragging.set(false);
            if read_only(sb) {
                return;
            }
            let file = e
                .unchecked_ref::<web_sys::DragEvent>()
                .data_transfer()
                .and_then(|t| t.files())
                .and_then(|f| f.get(0));
            match file {
                Some(file) => open_file(sb, file),
                None => sb.problem("Only files can be dropped here: drop a workflow .json file."),
            }
        });
    layout::watch_narrow(sb);
    let (bar, share_box) = toolbar(sb);
    let main = work_area(sb);
    // The words that tell this sandbox's landmarks from another's (see `Scope::labelled`).
    let root = match scope.label {
        _ if !cfg!(feature = "exercises") => root,
        "" => root,
        label => root.child(el("span").id(&scope.id("label")).class("visually-hidden").text(label)),
    };
    let root = root
        .child(bar)
        .child(share_box)
        .child(notice_bar(sb))
        .child(offer_bar(sb, offer))
        .child(main);
    let root = root.child(
        el("p")
            .class("drop-hint")
            .attr("aria-hidden", "true")
            .text("Drop the file to open it"),
    );
    (sb, root)
}

/// The editor with a panel beside it (the diagram or the feedback, by tabs) and a handle to
/// resize the two; on a phone, Edit, Feedback and Diagram as tabs (see [`layout`]). The studio's.
#[cfg(feature = "editor-layout")]
fn work_area(sb: Sandbox) -> El {
    let main = el("div").class("sandbox-main");
    let splitter = layout::splitter(sb, &main.handle());
    main.child(layout::tabs(sb))
        .child(layout::pane(sb, Pane::Edit, editor::editor(sb)))
        .child(splitter)
        .child(
            el("div")
                .class("sandbox-side")
                .child(layout::pane(sb, Pane::Diagram, diagram::diagram(sb)))
                .child(layout::pane(sb, Pane::Feedback, feedback::feedback_panel(sb))),
        )
}

/// Without the `editor-layout` feature (an embed, whose course page sizes its frame to fit):
/// the editor and the feedback side by side with the diagram below, one under another on a phone.
#[cfg(not(feature = "editor-layout"))]
fn work_area(sb: Sandbox) -> El {
    el("div")
        .class("sandbox-main sandbox-stacked")
        .child(editor::editor(sb))
        .child(feedback::feedback_panel(sb))
        .child(el("div").class("sandbox-below").child(diagram::diagram(sb)))
}

fn toolbar(sb: Sandbox) -> (El, El) {
    // Whether the "Start from" menu is open, and on a phone whether the tools are.
    let starting = RwSignal::new(false);
    let tools = RwSignal::new(false);
    // Whether the share box is open, and its link, which follows the workflow while it is. Each
    // edit starts a new compression; only the latest one's link is shown.
    let share = RwSignal::new(false);
    let link_text = RwSignal::new(String::new());
    let latest = std::rc::Rc::new(std::cell::Cell::new(0u32));
    dom::effect(move || {
        if !share.get() {
            return;
        }
        let doc = sb.doc.get();
        let run = latest.get().wrapping_add(1);
        latest.set(run);
        let latest = latest.clone();
        leptos::task::spawn_local(async move {
            if let Ok(url) = share_url(doc).await {
                if latest.get() == run && share.get_untracked() {
                    link_text.set(url);
                }
            }
        });
    });
    let stem = move || sb.doc.with_untracked(files::file_stem);
    let export = move |ext: &str, mime: &str, text: String| {
        if let Err(e) = files::download(&format!("{}.{ext}", stem()), mime, &text) {
            sb.problem(format!("The file could not be made: {e}."));
        }
    };
    // One press starts from a choice: the whole workflow is replaced, as one undoable edit.
    let start_from = move |key: &'static str| {
        let (doc, what) = match (EXAMPLES.iter().find(|e| e.key == key), sb.exercise()) {
            (Some(e), _) => (e.doc(), format!("the example “{}”", e.title)),
            (None, Some(e)) if key == "exercise" => {
                (e.starting_workflow(), "the exercise's starting point".to_string())
            }
            (None, _) => (blank(), "a blank workflow".to_string()),
        };
        sb.replace(doc);
        starting.set(false);
        sb.inform(format!("Started from {what}. Undo brings back what was here before."));
        editor::focus_later(sb.id("start"));
    };
    let save_state = move || match sb.save.get() {
        SaveState::Saved => ("saved", "Saved"),
        SaveState::Saving => ("saving", "Saving…"),
        SaveState::Failed => ("failed", "Not saved"),
    };
    let file_input = el("input")
        .id(&sb.id("open-file"))
        .class("visually-hidden")
        .attr("type", "file")
        .attr("accept", ".json,application/json");
    let input = file_input.handle().unchecked_into::<web_sys::HtmlInputElement>();
    let file_input = file_input.on("change", move |_| {
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            open_file(sb, file);
        }
        input.set_value("");
    });
    let start_group = el("div")
        .class("tool-group")
        .child(
            button("button", "Start from…", move |_| starting.update(|o| *o = !*o))
                .id(&sb.id("start"))
                // It names the menu only while the menu is on the page.
                .attr_with("aria-controls", move || starting.get().then(|| sb.id("start-menu")))
                .attr_with("aria-expanded", move || Some(starting.get().to_string())),
        )
        .when(
            move || starting.get(),
            move || {
                let choice = move |key: &'static str, label: String| {
                    button("button button-quiet", &label, move |_| start_from(key)).id(&sb.id(&format!("start-{key}")))
                };
                el("div")
                    .class("start-menu")
                    .id(&sb.id("start-menu"))
                    .attr("role", "group")
                    .attr("aria-label", "Start from")
                    .on("keydown", move |e| {
                        if e.unchecked_ref::<web_sys::KeyboardEvent>().key() == "Escape" {
                            e.prevent_default();
                            starting.set(false);
                            editor::focus_later(sb.id("start"));
                        }
                    })
                    .child(choice("blank", "A blank workflow".into()))
                    // In an exercise: its own starting point, not the sandbox's examples.
                    .children(match sb.exercise() {
                        Some(_) => vec![choice("exercise", "The exercise's starting point".into())],
                        None => EXAMPLES
                            .iter()
                            .map(|e| choice(e.key, format!("Example: {}", e.title)))
                            .collect(),
                    })
            },
        );
    let file_group = el("div")
        .class("tool-group")
        .child(
            button("button", "Download file", move |_| {
                export("json", "application/json", sb.doc.with_untracked(to_pretty_json))
            })
            .id(&sb.id("download-json")),
        )
        // Before its label, so the label can show the focus ring of the hidden input.
        .child(file_input)
        .child(
            el("label")
                .class("button file-button")
                .attr("for", &sb.id("open-file"))
                .text("Open file…"),
        )
        .children(exports(sb, export))
        .child(
            button("button", "Share link", move |_| {
                leptos::task::spawn_local(async move {
                    let url = match share_url(sb.doc.get_untracked()).await {
                        Ok(url) => url,
                        Err(e) => return sb.problem(format!("The share link could not be made: {e}.")),
                    };
                    link_text.set(url.clone());
                    share.set(true);
                    // Focus moves now, not when the clipboard answers: a late answer must
                    // not pull focus from wherever the learner has gone since.
                    editor::focus_later(sb.id("share-url"));
                    if files::copy(&url).await {
                        sb.say("The share link is copied. Paste it anywhere to share this workflow.");
                    } else {
                        sb.say("Copy the share link from the box below the tools.");
                    }
                });
            })
            .id(&sb.id("share-link")),
        );
    let bar = el("div")
        .class("toolbar")
        .attr("role", "toolbar")
        .attr("aria-label", "Sandbox tools")
        .child(
            el("div")
                .class("tool-group")
                .child(
                    button("button", "Undo", move |_| sb.undo())
                        .attr("aria-keyshortcuts", "Control+Z")
                        .flag_with("disabled", move || !sb.can_undo.get()),
                )
                .child(
                    button("button", "Redo", move |_| sb.redo())
                        .attr("aria-keyshortcuts", "Control+Shift+Z")
                        .flag_with("disabled", move || !sb.can_redo.get()),
                )
                .child(
                    el("span")
                        .class("save-state")
                        .id(&sb.id("save-state"))
                        .attr_with("data-state", move || Some(save_state().0.to_string()))
                        .text_with(move || save_state().1.to_string()),
                ),
        )
        .child(
            // On a phone the other tools wait behind this button, so the first screen is the work.
            button("button tools-toggle", "More tools", move |_| tools.update(|o| *o = !*o))
                .id(&sb.id("tools"))
                .attr_with("aria-expanded", move || Some(tools.get().to_string()))
                .attr("aria-controls", &sb.id("more-tools")),
        )
        .child(
            el("div")
                .class("tool-more")
                .id(&sb.id("more-tools"))
                .flag_with("hidden", move || sb.narrow.get() && !tools.get())
                .child(start_group)
                .child(file_group),
        );
    let share_box = el("div").region(move || {
        share.get().then(|| {
            el("div")
                .class("share-box")
                .child(el("label").attr("for", &sb.id("share-url")).text(
                    "Share link: anyone who opens it sees this workflow. It follows your changes while this box is open; copy it again after you edit.",
                ))
                .child(
                    el("input")
                        .id(&sb.id("share-url"))
                        .attr("type", "text")
                        .attr("readonly", "")
                        .value_with(move || link_text.get())
                        .on("focus", |e| {
                            if let Some(i) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                i.select();
                            }
                        }),
                )
                .child(button("button button-quiet", "Close", move |_| share.set(false)))
        })
    });
    (bar, share_box)
}

/// The BPMN and Mermaid export buttons, for the studio (the `exports` feature). An embed does
/// without them: a course page's sandbox keeps its work with "Download file" and share links,
/// and its bundle stays lighter.
#[cfg(feature = "exports")]
fn exports(sb: Sandbox, export: impl Fn(&str, &str, String) + Copy + 'static) -> Vec<El> {
    use flowguide_engine::export::{bpmn, mermaid};
    vec![
        button("button", "Export as BPMN", move |_| {
            export("bpmn", "application/xml", sb.doc.with_untracked(bpmn::xml))
        })
        .id(&sb.id("download-bpmn")),
        button("button", "Export as Mermaid", move |_| {
            export("mmd", "text/plain", sb.doc.with_untracked(mermaid::flowchart))
        })
        .id(&sb.id("download-mermaid")),
    ]
}

#[cfg(not(feature = "exports"))]
fn exports(_: Sandbox, _: impl Fn(&str, &str, String) + Copy + 'static) -> Vec<El> {
    Vec::new()
}

fn notice_bar(sb: Sandbox) -> El {
    el("div")
        .class("notice-slot")
        .attr("aria-live", "polite")
        .region(move || {
            let n = sb.notice.get()?;
            let (class, role, lead) = match n.tone {
                Tone::Info => ("notice notice-info", "status", "Note: "),
                Tone::Problem => ("notice notice-problem", "alert", "Problem: "),
            };
            let download = n.download.map(|(name, data)| {
                button("button button-small", "Download the saved data", move |_| {
                    let _ = files::download(&name, "text/plain", &data);
                })
            });
            Some(
                el("div")
                    .class(class)
                    .attr("role", role)
                    .id(&sb.id("sandbox-notice"))
                    .child(el("p").child(el("strong").text(lead)).text(&n.text))
                    .child(el("div").class("notice-actions").child_opt(download).child(button(
                        "button button-small button-quiet",
                        "Dismiss",
                        move |_| sb.notice.set(None),
                    ))),
            )
        })
}

fn offer_bar(sb: Sandbox, offer: RwSignal<Option<Offer>>) -> El {
    el("div").region(move || {
        let name = offer.with(|o| o.as_ref().map(|Offer(doc)| doc.name.trim().to_string()))?;
        let text = format!(
            "This link holds a workflow{}. Opening it replaces the workflow you were working on here (Undo brings yours back). Open it?",
            if name.is_empty() { String::new() } else { format!(" called “{name}”") }
        );
        Some(
            el("div")
                .class("notice notice-offer")
                .attr("role", "alertdialog")
                .attr("aria-labelledby", &sb.id("offer-text"))
                .id(&sb.id("link-offer"))
                .child(el("p").id(&sb.id("offer-text")).text(&text))
                .child(
                    el("div")
                        .class("notice-actions")
                        .child(
                            button("button button-primary", "Open the linked workflow", move |_| {
                                if let Some(Offer(doc)) = offer.get_untracked() {
                                    sb.replace(doc);
                                    sb.inform("Opened the workflow from the link. Undo brings back your previous work.");
                                }
                                offer.set(None);
                            })
                            .id(&sb.id("offer-open")),
                        )
                        .child(
                            button("button", "Keep my work", move |_| {
                                offer.set(None);
                                sb.inform("Kept your own work. The linked workflow was not opened.");
                            })
                            .id(&sb.id("offer-keep")),
                        ),
                ),
        )
    })
}
