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

pub mod diagram;
pub mod editor;
pub mod feedback;
pub mod files;
pub mod state;
pub mod storage;

use flowguide_engine::export::{bpmn, mermaid};
use flowguide_engine::feedback::Report;
use flowguide_engine::workflow::edit::{fits_sandbox, is_blank};
use flowguide_engine::workflow::examples::EXAMPLES;
use flowguide_engine::workflow::parse::{parse, to_pretty_json, MAX_BYTES};
use flowguide_engine::workflow::{link, WorkflowDoc};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use state::{Notice, Sandbox, SaveState, Tone};
use storage::Loaded;

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

/// The page's address for a share link: this page, with the workflow in the fragment.
fn share_url(doc: &WorkflowDoc) -> String {
    let location = window().location();
    let here = format!(
        "{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default()
    );
    format!("{here}#{}", link::encode(doc))
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
    let Some(fragment) = hash.strip_prefix('#').filter(|f| f.starts_with('w')) else {
        return;
    };
    match link::decode(fragment)
        .map_err(|e| e.to_string())
        .and_then(|doc| fits_sandbox(&doc).map(|()| doc))
    {
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
            "The link's workflow could not be opened: {e}. Your own work is still here."
        )),
    }
    clear_fragment();
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
    let mut used: Vec<String> = Vec::new();
    for i in 0..list.length() {
        let Some(el) = list.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) else {
            continue;
        };
        if el.get_attribute("data-mount").as_deref() != Some("sandbox") {
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
        el.set_inner_html("");
        let _ = el.set_attribute("data-mounted", "");
        leptos::mount::mount_to(el, move || view! { <SandboxView scope links /> }).forget();
    }
}

/// One sandbox: editor, feedback, diagram, and the tools to keep and share the work.
#[component]
pub fn SandboxView(
    /// Where its ids and its saved work live.
    scope: state::Scope,
    /// Whether it opens a workflow carried in the page address (one sandbox per page should).
    links: bool,
) -> impl IntoView {
    // What was saved, then what the address carries.
    let loaded = storage::load(scope.storage_key);
    let mut first_notice = None;
    let mut disabled = false;
    let start = match loaded {
        // Saved work opens whatever its size: only a hand-edited store can pass the step limit,
        // and hiding it would look like lost work.
        Loaded::Restored(doc, _) => doc,
        Loaded::Nothing => WorkflowDoc::new(),
        Loaded::Unavailable => {
            first_notice = Some(Notice {
                tone: Tone::Problem,
                text: "This browser does not let the sandbox store data, so your work will not be kept when you leave. Use “Download file” to keep it.".into(),
                download: None,
            });
            WorkflowDoc::new()
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
            WorkflowDoc::new()
        }
    };
    let sb = Sandbox::new(scope, start);
    if let Some(p) = storage::preset(scope.storage_key) {
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
    view! {
        <div
            class="sandbox"
            id=sb.id("root")
            class:dragging=move || dragging.get()
            on:dragover=move |e: web_sys::DragEvent| {
                e.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |e: web_sys::DragEvent| {
                if e.related_target().is_none() {
                    dragging.set(false);
                }
            }
            on:drop=move |e: web_sys::DragEvent| {
                e.prevent_default();
                dragging.set(false);
                let file = e.data_transfer().and_then(|t| t.files()).and_then(|f| f.get(0));
                match file {
                    Some(file) => open_file(sb, file),
                    None => sb.problem("Only files can be dropped here: drop a workflow .json file."),
                }
            }
        >
            <Toolbar sb />
            <NoticeBar sb />
            <OfferBar sb offer />
            <nav class="sandbox-jump" aria-label="Parts of the sandbox">
                <a href=format!("#{}", sb.id("ed-about"))>"Editor"</a>
                <a href=format!("#{}", sb.id("feedback"))>
                    {move || {
                        let n = sb.report.with(Report::to_work_on);
                        if n == 0 { "Feedback (all good)".to_string() } else { format!("Feedback ({n} to work on)") }
                    }}
                </a>
                <a href=format!("#{}", sb.id("diagram"))>"Diagram"</a>
            </nav>
            <div class="sandbox-main">
                <editor::Editor sb />
                <feedback::FeedbackPanel sb />
            </div>
            <diagram::Diagram sb />
            <p class="drop-hint" aria-hidden="true">"Drop the file to open it"</p>
        </div>
    }
}

#[component]
fn Toolbar(sb: Sandbox) -> impl IntoView {
    let start = RwSignal::new("blank".to_string());
    // Whether the share box is open. Its link follows the workflow while it is.
    let share = RwSignal::new(false);
    let file_input = NodeRef::<leptos::html::Input>::new();
    let stem = move || sb.doc.with_untracked(files::file_stem);
    let export = move |ext: &str, mime: &str, text: String| {
        if let Err(e) = files::download(&format!("{}.{ext}", stem()), mime, &text) {
            sb.problem(format!("The file could not be made: {e}."));
        }
    };
    let open_start = move |_| {
        let key = start.get_untracked();
        let (doc, what) = match EXAMPLES.iter().find(|e| e.key == key) {
            Some(e) => (e.doc(), format!("the example “{}”", e.title)),
            None => (WorkflowDoc::new(), "a blank workflow".to_string()),
        };
        sb.replace(doc);
        sb.inform(format!("Started from {what}. Undo brings back what was here before."));
    };
    view! {
        <div class="toolbar" role="toolbar" aria-label="Sandbox tools">
            <div class="tool-group">
                <button
                    type="button"
                    class="button"
                    aria-keyshortcuts="Control+Z"
                    disabled=move || !sb.can_undo.get()
                    on:click=move |_| sb.undo()
                >
                    "Undo"
                </button>
                <button
                    type="button"
                    class="button"
                    aria-keyshortcuts="Control+Shift+Z"
                    disabled=move || !sb.can_redo.get()
                    on:click=move |_| sb.redo()
                >
                    "Redo"
                </button>
                <span class="save-state" id=sb.id("save-state") data-state=move || match sb.save.get() {
                    SaveState::Saved => "saved",
                    SaveState::Saving => "saving",
                    SaveState::Failed => "failed",
                }>
                    {move || match sb.save.get() {
                        SaveState::Saved => "Saved",
                        SaveState::Saving => "Saving…",
                        SaveState::Failed => "Not saved",
                    }}
                </span>
            </div>
            <div class="tool-group">
                <label for=sb.id("start")>"Start from"</label>
                <select id=sb.id("start") on:change=move |ev| start.set(event_target_value(&ev))>
                    <option value="blank">"A blank workflow"</option>
                    {EXAMPLES
                        .iter()
                        .map(|e| view! { <option value=e.key>{format!("Example: {}", e.title)}</option> })
                        .collect_view()}
                </select>
                <button type="button" class="button" id=sb.id("start-open") on:click=open_start>
                    "Open"
                </button>
            </div>
            <div class="tool-group">
                <button
                    type="button"
                    class="button"
                    id=sb.id("download-json")
                    on:click=move |_| export("json", "application/json", sb.doc.with_untracked(to_pretty_json))
                >
                    "Download file"
                </button>
                // Before its label, so the label can show the focus ring of the hidden input.
                <input
                    id=sb.id("open-file")
                    class="visually-hidden"
                    type="file"
                    accept=".json,application/json"
                    node_ref=file_input
                    on:change=move |_| {
                        let Some(input) = file_input.get_untracked() else { return };
                        if let Some(file) = input.files().and_then(|f| f.get(0)) {
                            open_file(sb, file);
                        }
                        input.set_value("");
                    }
                />
                <label class="button file-button" for=sb.id("open-file")>
                    "Open file…"
                </label>
                <button
                    type="button"
                    class="button"
                    id=sb.id("download-bpmn")
                    on:click=move |_| export("bpmn", "application/xml", sb.doc.with_untracked(bpmn::xml))
                >
                    "Export as BPMN"
                </button>
                <button
                    type="button"
                    class="button"
                    id=sb.id("download-mermaid")
                    on:click=move |_| export("mmd", "text/plain", sb.doc.with_untracked(mermaid::flowchart))
                >
                    "Export as Mermaid"
                </button>
                <button
                    type="button"
                    class="button"
                    id=sb.id("share-link")
                    on:click=move |_| {
                        let url = sb.doc.with_untracked(share_url);
                        share.set(true);
                        // Focus moves now, not when the clipboard answers: a late answer must not
                        // pull focus from wherever the learner has gone since.
                        editor::focus_later(sb.id("share-url"));
                        leptos::task::spawn_local(async move {
                            if files::copy(&url).await {
                                sb.say("The share link is copied. Paste it anywhere to share this workflow.");
                            } else {
                                sb.say("Copy the share link from the box below the tools.");
                            }
                        });
                    }
                >
                    "Share link"
                </button>
            </div>
        </div>
        <Show when=move || share.get()>
            <div class="share-box">
                <label for=sb.id("share-url")>
                    "Share link: anyone who opens it sees this workflow. It follows your changes while this box is open; copy it again after you edit."
                </label>
                <input
                    id=sb.id("share-url")
                    type="text"
                    readonly
                    prop:value=move || sb.doc.with(share_url)
                    on:focus=move |ev| {
                        if let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                            el.select();
                        }
                    }
                />
                <button type="button" class="button button-quiet" on:click=move |_| share.set(false)>
                    "Close"
                </button>
            </div>
        </Show>
    }
}

#[component]
fn NoticeBar(sb: Sandbox) -> impl IntoView {
    view! {
        <div class="notice-slot" aria-live="polite">
            {move || {
                sb.notice
                    .get()
                    .map(|n| {
                        let download = n.download.clone();
                        view! {
                            <div
                                class=match n.tone {
                                    Tone::Info => "notice notice-info",
                                    Tone::Problem => "notice notice-problem",
                                }
                                role=match n.tone {
                                    Tone::Info => "status",
                                    Tone::Problem => "alert",
                                }
                                id=sb.id("sandbox-notice")
                            >
                                <p>
                                    <strong>
                                        {match n.tone {
                                            Tone::Info => "Note: ",
                                            Tone::Problem => "Problem: ",
                                        }}
                                    </strong>
                                    {n.text.clone()}
                                </p>
                                <div class="notice-actions">
                                    {download
                                        .map(|(name, data)| {
                                            view! {
                                                <button
                                                    type="button"
                                                    class="button button-small"
                                                    on:click=move |_| {
                                                        let _ = files::download(&name, "text/plain", &data);
                                                    }
                                                >
                                                    "Download the saved data"
                                                </button>
                                            }
                                        })}
                                    <button
                                        type="button"
                                        class="button button-small button-quiet"
                                        on:click=move |_| sb.notice.set(None)
                                    >
                                        "Dismiss"
                                    </button>
                                </div>
                            </div>
                        }
                    })
            }}
        </div>
    }
}

#[component]
fn OfferBar(sb: Sandbox, offer: RwSignal<Option<Offer>>) -> impl IntoView {
    view! {
        <Show when=move || offer.with(Option::is_some)>
            <div class="notice notice-offer" role="alertdialog" aria-labelledby=sb.id("offer-text") id=sb.id("link-offer")>
                <p id=sb.id("offer-text")>
                    {move || {
                        offer
                            .with(|o| {
                                o.as_ref()
                                    .map(|Offer(doc)| {
                                        let name = doc.name.trim();
                                        format!(
                                            "This link holds a workflow{}. Opening it replaces the workflow you were working on here (Undo brings yours back). Open it?",
                                            if name.is_empty() { String::new() } else { format!(" called “{name}”") }
                                        )
                                    })
                            })
                            .unwrap_or_default()
                    }}
                </p>
                <div class="notice-actions">
                    <button
                        type="button"
                        class="button button-primary"
                        id=sb.id("offer-open")
                        on:click=move |_| {
                            if let Some(Offer(doc)) = offer.get_untracked() {
                                sb.replace(doc);
                                sb.inform("Opened the workflow from the link. Undo brings back your previous work.");
                            }
                            offer.set(None);
                        }
                    >
                        "Open the linked workflow"
                    </button>
                    <button
                        type="button"
                        class="button"
                        id=sb.id("offer-keep")
                        on:click=move |_| {
                            offer.set(None);
                            sb.inform("Kept your own work. The linked workflow was not opened.");
                        }
                    >
                        "Keep my work"
                    </button>
                </div>
            </div>
        </Show>
    }
}
