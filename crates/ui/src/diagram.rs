//! The diagram: the core lays it out and draws it (lanes, boxes, arrows, labels, problem markers);
//! this component shows it in a frame that zooms, fits and pans, shares the selected step with
//! the editor, and edits on the diagram itself (add a step after, move a step to another lane,
//! link two steps) by pointer and by keyboard, each through the sandbox's one undoable edit path.
//! It also gives the text alternative and the SVG and PNG downloads.

use flowguide_engine::export::diagram::pick::{self, Step};
use flowguide_engine::export::diagram::{self, Options};
use flowguide_engine::workflow::graph::Graph;
use leptos::prelude::*;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;

use super::dom::{button, el, key_text, numbered_key, svg, El};
use super::editor::focus_later;
use super::feedback::waiting;
use super::files;
use super::state::Sandbox;

/// The lane-name column on a phone and on a wide screen, in drawing units.
const LANE_NARROW: f64 = 104.0;
/// How far apart zoom steps are, and the zoom's limits.
const ZOOM_STEP: f64 = 1.25;
const ZOOM: (f64, f64) = (0.25, 3.0);
/// "Fit" never shrinks text below this, so it stays readable; wider diagrams scroll.
const FIT_MIN: f64 = 0.75;

fn lane_width(sb: Sandbox) -> f64 {
    if sb.narrow.get() {
        LANE_NARROW
    } else {
        diagram::LANE_LABEL
    }
}

/// Step `i`'s title as the learner reads it.
fn step_name(sb: Sandbox, i: usize) -> String {
    sb.doc.with_untracked(|d| name_in(d, i))
}

fn name_in(d: &flowguide_engine::workflow::WorkflowDoc, i: usize) -> String {
    let t = d.steps.get(i).map_or("", |s| s.title.trim());
    if t.is_empty() {
        format!("step {}", i + 1)
    } else {
        format!("step {} ({t})", i + 1)
    }
}

pub fn diagram(sb: Sandbox) -> El {
    // One analysis per edit serves the drawing and its text alternative. Markers leave out the
    // parts the learner has not started, as the feedback panel does.
    let drawn = Memo::new(move |_| {
        let options = Options {
            lane_label: lane_width(sb),
            selected: sb.selected.get(),
        };
        sb.doc.with(|d| {
            let g = Graph::new(d);
            let markers = sb.report.with(|r| diagram::markers_where(d, r, |c| !waiting(sb, c)));
            (
                diagram::drawing(&g, &markers, &sb.id("drawing"), &options),
                diagram::describe_graph(&g),
            )
        })
    });
    // Each part keyed by its own markup (and which copy of it this is): a keystroke replaces the
    // one box it changed, not the whole drawing.
    let parts = move || {
        let mut seen = rustc_hash::FxHashMap::<String, usize>::default();
        drawn.with(|(p, _)| {
            p.parts
                .iter()
                .map(|part| {
                    let n = seen.entry(part.clone()).or_default();
                    *n += 1;
                    numbered_key(*n, part)
                })
                .collect::<Vec<_>>()
        })
    };
    // Downloads are the core's one SVG writer, from the document as it is now.
    let svg_text = move || {
        sb.doc.with_untracked(|d| {
            let markers = sb.report.with_untracked(|r| diagram::markers(d, r));
            diagram::svg(d, &markers)
        })
    };

    // Zoom, in percent: `None` fits the frame's width; a chosen zoom stays until "Fit" is
    // pressed again. (Whole percents, in signal types the sandbox already has: each new type
    // adds its own copy of the reactive code to the bundle.)
    let frame_width = RwSignal::new(None::<usize>);
    let zoom = RwSignal::new(None::<usize>);
    let percent = Memo::new(move |_| match zoom.get() {
        Some(z) => z,
        None => {
            let w = drawn.with(|(p, _)| p.width);
            match frame_width.get() {
                Some(room) if room > 0 && w > 0.0 => (room as f64 / w * 100.0).clamp(FIT_MIN * 100.0, 100.0) as usize,
                _ => 100,
            }
        }
    });
    let scale = move || percent.get() as f64 / 100.0;
    let scale_now = move || percent.get_untracked() as f64 / 100.0;
    let zoom_to = move |s: f64| zoom.set(Some((s.clamp(ZOOM.0, ZOOM.1) * 100.0) as usize));
    let zoom_by = move |factor: f64| zoom_to(scale_now() * factor);

    let frame = el("div")
        .class("diagram-frame")
        .id(&sb.id("diagram-frame"))
        .attr("tabindex", "0")
        .attr("role", "group")
        .attr("aria-roledescription", "diagram")
        .attr("aria-label", "Workflow diagram")
        .attr("aria-describedby", &sb.id("diagram-keys"));
    let frame_el = frame.handle();
    watch_width(&frame_el, frame_width);

    // Keeps the selected box in view inside the frame.
    let reveal = {
        let frame_el = frame_el.clone();
        move |i: usize| {
            let Some(r) = drawn.with_untracked(|(p, _)| p.boxes.get(i).copied()) else {
                return;
            };
            let s = scale_now();
            let (x, y, w, h) = (r.x * s, r.y * s, r.w * s, r.h * s);
            let left = frame_el.scroll_left() as f64;
            let top = frame_el.scroll_top() as f64;
            let (fw, fh) = (frame_el.client_width() as f64, frame_el.client_height() as f64);
            let lanes = untrack(|| lane_width(sb)) * s;
            if x - lanes < left || x + w > left + fw {
                frame_el.set_scroll_left((x - lanes - 16.0).max(0.0) as i32);
            }
            if y < top || y + h > top + fh {
                frame_el.set_scroll_top((y - 16.0).max(0.0) as i32);
            }
        }
    };
    // Selecting a box: the step comes into view in the editor (on a wide screen, where the
    // editor is beside the diagram), focus stays on the diagram.
    let select = move |i: usize, say: bool| {
        sb.selected.set(Some(i));
        if !sb.narrow.get_untracked() {
            if let Some(step) = document().get_element_by_id(&sb.id(&format!("step-{i}"))) {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                step.scroll_into_view_with_scroll_into_view_options(&options);
            }
        }
        if say {
            let lane = sb.doc.with_untracked(|d| {
                d.steps
                    .get(i)
                    .and_then(|s| s.role.as_deref())
                    .map(|r| d.role_name(r).to_string())
                    .unwrap_or_else(|| "no role".to_string())
            });
            sb.say(format!("Selected {}, in the lane of {lane}.", step_name(sb, i)));
        }
    };
    let edit_step = move |i: usize| {
        sb.selected.set(Some(i));
        focus_later(sb.scope.step(i, "title"));
    };

    // The lane a step's box is in, and the lanes' roles.
    // A lane's role is the role of the steps drawn in it (a lane exists because a step has its
    // role; the "No role" lane's steps have none).
    let lane_role = move |k: usize| -> Option<(Option<String>, String)> {
        drawn.with_untracked(|(p, _)| {
            let name = p.lanes.get(k)?.name.clone();
            let step = (0..p.boxes.len()).find(|&i| pick::lane_of(p, i) == Some(k));
            let role = step.and_then(|i| {
                sb.doc.with_untracked(|d| {
                    d.steps[i]
                        .role
                        .as_deref()
                        .map(str::trim)
                        .filter(|r| !r.is_empty())
                        .map(str::to_string)
                })
            });
            Some((role, name))
        })
    };

    let on_key = {
        let reveal = reveal.clone();
        let frame_el = frame_el.clone();
        move |e: web_sys::Event| {
            let k = e.unchecked_ref::<web_sys::KeyboardEvent>();
            let key = k.key();
            let n = drawn.with_untracked(|(p, _)| p.boxes.len());
            let now = sb.selected.get_untracked().filter(|&i| i < n);
            if k.shift_key() && key.starts_with("Arrow") {
                // Shift and an arrow pan the frame.
                let (dx, dy) = match key.as_str() {
                    "ArrowLeft" => (-60.0, 0.0),
                    "ArrowRight" => (60.0, 0.0),
                    "ArrowUp" => (0.0, -60.0),
                    _ => (0.0, 60.0),
                };
                frame_el.scroll_by_with_x_and_y(dx, dy);
                e.prevent_default();
                return;
            }
            let to = match key.as_str() {
                "+" | "=" => {
                    zoom_by(ZOOM_STEP);
                    None
                }
                "-" | "_" => {
                    zoom_by(1.0 / ZOOM_STEP);
                    None
                }
                "0" => {
                    zoom.set(None);
                    None
                }
                "Enter" | "F2" => {
                    if let Some(i) = now {
                        edit_step(i);
                    }
                    None
                }
                #[cfg(feature = "diagram-edits")]
                "ArrowUp" | "ArrowDown" if k.alt_key() => {
                    // Alt and an arrow move the selected step to the lane above or below.
                    if let (Some(i), Some(lane)) = (
                        now,
                        now.and_then(|i| drawn.with_untracked(|(p, _)| pick::lane_of(p, i))),
                    ) {
                        let lanes = drawn.with_untracked(|(p, _)| p.lanes.len());
                        let target = if key == "ArrowUp" {
                            lane.checked_sub(1)
                        } else {
                            Some(lane + 1).filter(|&l| l < lanes)
                        };
                        if let Some((role, name)) = target.and_then(lane_role) {
                            edits::move_to_lane(sb, i, role, &name);
                        }
                    }
                    None
                }
                // The arrows walk the steps: ← and → in the list's order, ↑ and ↓ to the
                // nearest box in the lanes above and below.
                "ArrowRight" | "ArrowLeft" | "ArrowUp" | "ArrowDown" | "Home" | "End" => {
                    let step = match key.as_str() {
                        "ArrowRight" => Step::Next,
                        "ArrowLeft" => Step::Previous,
                        "ArrowUp" => Step::Up,
                        "ArrowDown" => Step::Down,
                        "Home" => Step::First,
                        _ => Step::Last,
                    };
                    drawn.with_untracked(|(p, _)| pick::next(p, now, step))
                }
                _ => return,
            };
            e.prevent_default();
            if let Some(i) = to {
                select(i, true);
                reveal(i);
            }
        }
    };

    let (frame, drag_hint) = pointer(sb, frame, drawn, scale_now, zoom_to, select, lane_role);
    let on_wheel = move |e: web_sys::Event| {
        let w = e.unchecked_ref::<web_sys::WheelEvent>();
        if w.ctrl_key() {
            e.prevent_default();
            zoom_by(if w.delta_y() < 0.0 { ZOOM_STEP } else { 1.0 / ZOOM_STEP });
        }
    };

    let lane_names = el("div")
        .class("lane-names")
        .attr("aria-hidden", "true")
        .style_with("width", move || format!("{}px", diagram::px(lane_width(sb) * scale())))
        .style_with("font-size", move || {
            format!("{}px", diagram::px((13.0 * scale()).clamp(10.0, 16.0)))
        })
        // One span per lane, keyed by its place and name on the screen: a keystroke that
        // changes neither leaves the lanes as they are.
        .list(
            move || {
                let s = scale();
                drawn.with(|(p, _)| {
                    p.lanes
                        .iter()
                        .map(|b| {
                            format!(
                                "{}\u{1}{}\u{1}{}",
                                diagram::px(b.top * s),
                                diagram::px(b.height * s),
                                b.name
                            )
                        })
                        .collect()
                })
            },
            |_, key| {
                let mut parts = key.splitn(3, '\u{1}');
                let (top, height) = (parts.next().unwrap_or("0"), parts.next().unwrap_or("0"));
                el("span")
                    .style("top", &format!("{top}px"))
                    .style("height", &format!("{height}px"))
                    .text(parts.next().unwrap_or(""))
            },
        );
    let drawing = svg("svg")
        .attr("xmlns", "http://www.w3.org/2000/svg")
        .class("workflow-diagram")
        .attr_with("viewBox", move || {
            Some(drawn.with(|(p, _)| format!("0 0 {} {}", diagram::px(p.width), diagram::px(p.height))))
        })
        .attr_with("width", move || {
            Some(drawn.with(|(p, _)| diagram::px(p.width * scale()).to_string()))
        })
        .attr_with("height", move || {
            Some(drawn.with(|(p, _)| diagram::px(p.height * scale()).to_string()))
        })
        .attr("role", "img")
        .attr("aria-labelledby", &sb.id("diagram-title"))
        .child(
            svg("title")
                .id(&sb.id("diagram-title"))
                .text_with(move || drawn.with(|(p, _)| p.title.clone())),
        )
        .list(parts, |_, key| svg("g").inner_html(key_text(key)));
    let frame = frame
        .on("keydown", on_key)
        // A press on the diagram focuses it without scrolling the panel: the box under the
        // pointer must stay where it was pressed.
        .on("mousedown", move |e| {
            e.prevent_default();
            if let Some(f) = e
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let options = web_sys::FocusOptions::new();
                options.set_prevent_scroll(true);
                let _ = f.focus_with_options(&options);
            }
        })
        .on("dblclick", move |e| {
            if let Some(i) = step_at(&e) {
                edit_step(i);
            }
        })
        .on("wheel", on_wheel)
        .child(lane_names)
        .child(drawing)
        // Over the drawing, not above it: a line appearing above would move the boxes under
        // the pointer.
        .child_opt(drag_hint);

    // Keyed by text, so a keystroke replaces only the sentence it changed.
    let sentences = el("ol").list(
        move || drawn.with(|(_, words)| words.iter().enumerate().map(|(i, l)| numbered_key(i, l)).collect()),
        // A sentence's key holds its place, so the place it is drawn at is the step it is about.
        move |i, key| {
            el("li").text(key_text(key)).text(" ").child(
                // The keyboard's way to what double-clicking a box does.
                button("link-button", &format!("Edit step {}", i + 1), move |_| edit_step(i)),
            )
        },
    );
    el("section")
        .class("diagram")
        .id(&sb.id("diagram"))
        .attr(
            "aria-labelledby",
            sb.scope.labelled_by(&sb.id("diagram-heading")).as_ref(),
        )
        .child(
            el("div")
                .class("diagram-head")
                .child(
                    el("h2")
                        .class("visually-hidden")
                        .id(&sb.id("diagram-heading"))
                        .text("Diagram"),
                )
                .child(view_tools(sb, percent, zoom, zoom_by))
                .child(downloads(sb, svg_text)),
        )
        .child_opt(step_tools(sb, edit_step))
        .child(help(sb))
        .child(frame)
        .child(
            el("details")
                .class("diagram-words")
                .child(el("summary").text("The diagram in words"))
                .when(
                    move || drawn.with(|(_, w)| w.is_empty()),
                    || el("p").text("There are no steps yet."),
                )
                .child(sentences),
        )
}

#[cfg(feature = "diagram-edits")]
#[path = "diagram_edits.rs"]
mod edits;
#[cfg(feature = "diagram-edits")]
use edits::{pointer, step_tools};

/// Without the `diagram-edits` feature (the embed), a click on a box selects its step; the
/// editor makes every edit.
#[cfg(not(feature = "diagram-edits"))]
fn pointer(
    _: Sandbox,
    frame: El,
    _: Memo<(diagram::Drawing, Vec<String>)>,
    _: impl Fn() -> f64 + Copy + 'static,
    _: impl Fn(f64) + Copy + 'static,
    select: impl Fn(usize, bool) + Copy + 'static,
    _: impl Fn(usize) -> Option<(Option<String>, String)> + Copy + 'static,
) -> (El, Option<El>) {
    let frame = frame.on("click", move |e| {
        if let Some(i) = step_at(&e) {
            select(i, false);
        }
    });
    (frame, None)
}

/// The step whose box an event happened on.
fn step_at(e: &web_sys::Event) -> Option<usize> {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|t| t.closest("[data-index]").ok().flatten())
        .and_then(|g| g.get_attribute("data-index"))
        .and_then(|v| v.parse::<usize>().ok())
}

/// Keeps `width` equal to the element's width as the layout changes.
fn watch_width(target: &web_sys::Element, width: RwSignal<Option<usize>>) {
    let el = target.clone();
    let changed = Closure::<dyn Fn()>::new(move || width.set(Some(el.client_width().max(0) as usize)));
    if let Ok(observer) = web_sys::ResizeObserver::new(changed.as_ref().unchecked_ref()) {
        observer.observe(target);
        // The observer lives as long as the element; it is released with the page.
        changed.forget();
        std::mem::forget(observer);
    }
}

/// What the diagram does with the pointer and the keys (the frame's description).
fn help(sb: Sandbox) -> El {
    let edits = cfg!(feature = "diagram-edits");
    let item = |text: &str| el("li").text(text);
    el("details")
        .class("diagram-help")
        .child(el("summary").text(if edits {
            "How to edit on the diagram"
        } else {
            "How to use the diagram"
        }))
        .child(
            el("ul")
                .class("hint")
                .id(&sb.id("diagram-keys"))
                .child(item("Click or tap a box to select its step; double-click it to edit the step."))
                .child_opt(edits.then(|| {
                    item("Drag a box onto another box to link the two steps, or into another lane to change who does it.")
                }))
                .child(item(if edits {
                    "On the diagram, the arrow keys select steps, Alt with ↑ or ↓ moves the step to another lane, and Enter edits it."
                } else {
                    "On the diagram, the arrow keys select steps, and Enter edits the one selected."
                }))
                .child(item(
                    "+ and − zoom, 0 fits the width, Shift with an arrow scrolls; Ctrl with the wheel, or two fingers, zoom too.",
                )),
        )
}

/// Zoom out, the zoom level, zoom in, and fit to width.
fn view_tools(
    sb: Sandbox,
    percent: Memo<usize>,
    zoom: RwSignal<Option<usize>>,
    zoom_by: impl Fn(f64) + Copy + 'static,
) -> El {
    el("div")
        .class("diagram-view")
        .attr("role", "group")
        .attr("aria-label", "Zoom")
        .child(
            button("button button-small icon-button", "−", move |_| {
                zoom_by(1.0 / ZOOM_STEP)
            })
            .id(&sb.id("zoom-out"))
            .attr("aria-label", "Zoom out")
            .attr("aria-keyshortcuts", "-"),
        )
        .child(
            el("span")
                .class("zoom-level")
                .id(&sb.id("zoom-level"))
                .text_with(move || format!("{}%", percent.get())),
        )
        .child(
            button("button button-small icon-button", "+", move |_| zoom_by(ZOOM_STEP))
                .id(&sb.id("zoom-in"))
                .attr("aria-label", "Zoom in")
                .attr("aria-keyshortcuts", "+"),
        )
        .child(
            button("button button-small", "Fit", move |_| zoom.set(None))
                .id(&sb.id("zoom-fit"))
                .attr_with("aria-pressed", move || Some(zoom.get().is_none().to_string()))
                .attr("aria-keyshortcuts", "0")
                .attr("title", "Fit the diagram to the width of its frame"),
        )
}

fn downloads(sb: Sandbox, svg_text: impl Fn() -> String + Copy + 'static) -> El {
    let name = move || sb.doc.with_untracked(files::file_stem);
    el("div")
        .class("diagram-downloads")
        .child(
            button("button button-small", "Download SVG", move |_| {
                if let Err(e) = files::download(&format!("{}.svg", name()), "image/svg+xml", &svg_text()) {
                    sb.problem(format!("The SVG could not be made: {e}."));
                }
            })
            .id(&sb.id("download-svg")),
        )
        .child(
            button("button button-small", "Download PNG", move |_| {
                let text = svg_text();
                let file = format!("{}.png", name());
                leptos::task::spawn_local(async move {
                    if let Err(e) = files::download_png(&file, &text).await {
                        sb.problem(format!("The PNG could not be made: {e}."));
                    }
                });
            })
            .id(&sb.id("download-png")),
        )
}

#[cfg(not(feature = "diagram-edits"))]
fn step_tools(_: Sandbox, _: impl Fn(usize) + Copy + 'static) -> Option<El> {
    None
}
