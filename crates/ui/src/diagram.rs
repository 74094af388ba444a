//! The diagram: the core draws the SVG (lanes, boxes, arrows, handoff labels, problem markers);
//! this component shows it in its own scrolling frame, selects a step when its box is clicked,
//! gives the text alternative, and offers SVG and PNG downloads.

use flowguide_engine::export::diagram;
use flowguide_engine::workflow::graph::Graph;
use leptos::prelude::*;

use super::dom::{button, el, key_text, numbered_key, svg, El};
use wasm_bindgen::JsCast;

use super::editor::focus_later;
use super::files;
use super::state::Sandbox;

pub fn diagram(sb: Sandbox) -> El {
    // One analysis per edit serves the drawing and its text alternative.
    let drawn = Memo::new(move |_| {
        sb.doc.with(|d| {
            let g = Graph::new(d);
            let markers = sb.report.with(|r| diagram::markers(d, r));
            (
                diagram::drawing(&g, &markers, &sb.id("drawing"), &diagram::Options::default()),
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
    let on_click = move |ev: web_sys::Event| {
        let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
            return;
        };
        let Some(step) = el.closest("[data-index]").ok().flatten() else {
            return;
        };
        if let Some(i) = step.get_attribute("data-index").and_then(|v| v.parse::<usize>().ok()) {
            sb.selected.set(Some(i));
            sb.say(format!("Selected step {} in the editor.", i + 1));
            focus_later(sb.scope.step(i, "title"));
        }
    };
    let name = move || sb.doc.with_untracked(files::file_stem);
    let downloads = el("div")
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
                let (w, h) = drawn.with_untracked(|(p, _)| (p.width, p.height));
                let file = format!("{}.png", name());
                leptos::task::spawn_local(async move {
                    if let Err(e) = files::download_png(&file, &text, w, h).await {
                        sb.problem(format!("The PNG could not be made: {e}."));
                    }
                });
            })
            .id(&sb.id("download-png")),
        );
    // The lane names stay in view while a long diagram scrolls sideways. The drawing has its own
    // names for downloads; these only cover them. Hidden from screen readers, which have the
    // drawing's titles and the text alternative.
    let lane_names = el("div")
        .class("lane-names")
        .attr("aria-hidden", "true")
        .style("width", &format!("{}px", diagram::px(diagram::LANE_LABEL - 8.0)))
        // A few lanes, redrawn whole when they change (lanes grow with what they hold).
        .region_all(move || {
            drawn.with(|(p, _)| {
                p.lanes
                    .iter()
                    .map(|b| {
                        el("span")
                            .style("top", &format!("{}px", diagram::px(b.top)))
                            .style("height", &format!("{}px", diagram::px(b.height)))
                            .text(&b.name)
                    })
                    .collect()
            })
        });
    let drawing = svg("svg")
        .attr("xmlns", "http://www.w3.org/2000/svg")
        .class("workflow-diagram")
        .attr_with("viewBox", move || {
            Some(drawn.with(|(p, _)| format!("0 0 {} {}", diagram::px(p.width), diagram::px(p.height))))
        })
        .attr_with("width", move || {
            Some(drawn.with(|(p, _)| diagram::px(p.width).to_string()))
        })
        .attr_with("height", move || {
            Some(drawn.with(|(p, _)| diagram::px(p.height).to_string()))
        })
        .attr("role", "img")
        .attr("aria-labelledby", &sb.id("diagram-title"))
        .child(
            svg("title")
                .id(&sb.id("diagram-title"))
                .text_with(move || drawn.with(|(p, _)| p.title.clone())),
        )
        .list(parts, |_, key| svg("g").inner_html(key_text(key)));
    // Keyed by text, so a keystroke replaces only the sentence it changed.
    let sentences = el("ol").list(
        move || drawn.with(|(_, words)| words.iter().enumerate().map(|(i, l)| numbered_key(i, l)).collect()),
        // A sentence's key holds its place, so the place it is drawn at is the step it is about.
        move |i, key| {
            el("li").text(key_text(key)).text(" ").child(
                // The keyboard's way to what clicking a box does.
                button("link-button", &format!("Edit step {}", i + 1), move |_| {
                    sb.selected.set(Some(i));
                    focus_later(sb.scope.step(i, "title"));
                }),
            )
        },
    );
    el("section")
        .class("diagram")
        .id(&sb.id("diagram"))
        .attr("aria-labelledby", &sb.id("diagram-heading"))
        .child(
            el("div")
                .class("diagram-head")
                .child(el("h2").id(&sb.id("diagram-heading")).text("Diagram"))
                .child(downloads),
        )
        .child(
            el("p")
                .class("hint")
                .text("Select a step's box to edit that step. Wide diagrams scroll sideways in their frame."),
        )
        .child(
            el("div")
                .class("diagram-frame")
                .attr("tabindex", "0")
                .attr("role", "group")
                .attr("aria-label", "Workflow diagram (scrolls)")
                .on("click", on_click)
                .child(lane_names)
                .child(drawing),
        )
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
