//! The diagram: the core draws the SVG (lanes, boxes, arrows, handoff labels, problem markers);
//! this component shows it in its own scrolling frame, selects a step when its box is clicked,
//! gives the text alternative, and offers SVG and PNG downloads.

use flowguide_engine::export::diagram;
use flowguide_engine::workflow::graph::Graph;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::editor::focus_later;
use super::files;
use super::state::Sandbox;

#[component]
pub fn Diagram(sb: Sandbox) -> impl IntoView {
    // One analysis per edit serves the drawing and its text alternative.
    let drawn = Memo::new(move |_| {
        sb.doc.with(|d| {
            let g = Graph::new(d);
            let markers = sb.report.with(|r| diagram::markers(d, r));
            (
                diagram::drawing(&g, &markers, &sb.id("drawing")),
                diagram::describe_graph(&g),
            )
        })
    });
    let picture = Memo::new(move |_| drawn.with(|(p, _)| p.clone()));
    let words = Memo::new(move |_| drawn.with(|(_, words)| words.clone()));
    // Each part keyed by its own markup (and which copy of it this is): a keystroke replaces the
    // one box it changed, not the whole drawing.
    let parts = move || {
        let mut seen = std::collections::HashMap::<String, usize>::new();
        picture.with(|p| {
            p.parts
                .iter()
                .map(|part| {
                    let n = seen.entry(part.clone()).or_default();
                    *n += 1;
                    (*n, part.clone())
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
    let on_click = move |ev: web_sys::MouseEvent| {
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
    view! {
        <section class="diagram" id=sb.id("diagram") aria-labelledby=sb.id("diagram-heading")>
            <div class="diagram-head">
                <h2 id=sb.id("diagram-heading")>"Diagram"</h2>
                <div class="diagram-downloads">
                    <button
                        type="button"
                        class="button button-small"
                        id=sb.id("download-svg")
                        on:click=move |_| {
                            if let Err(e) = files::download(&format!("{}.svg", name()), "image/svg+xml", &svg_text()) {
                                sb.problem(format!("The SVG could not be made: {e}."));
                            }
                        }
                    >
                        "Download SVG"
                    </button>
                    <button
                        type="button"
                        class="button button-small"
                        id=sb.id("download-png")
                        on:click=move |_| {
                            let text = svg_text();
                            let (w, h) = picture.with_untracked(|p| (p.width, p.height));
                            let file = format!("{}.png", name());
                            leptos::task::spawn_local(async move {
                                if let Err(e) = files::download_png(&file, &text, w, h).await {
                                    sb.problem(format!("The PNG could not be made: {e}."));
                                }
                            });
                        }
                    >
                        "Download PNG"
                    </button>
                </div>
            </div>
            <p class="hint">"Select a step's box to edit that step. Wide diagrams scroll sideways in their frame."</p>
            <div
                class="diagram-frame"
                tabindex="0"
                role="group"
                aria-label="Workflow diagram (scrolls)"
                on:click=on_click
            >
                // The lane names stay in view while a long diagram scrolls sideways. The drawing
                // has its own names for downloads; these only cover them. Hidden from screen
                // readers, which have the drawing's titles and the text alternative.
                <div class="lane-names" aria-hidden="true" style:width=format!("{}px", diagram::px(diagram::LANE_LABEL - 8.0))>
                    <For each=move || picture.with(|p| p.lanes.clone()).into_iter().enumerate() key=|l| l.clone() let:lane>
                        <span style:top=format!("{}px", diagram::px(lane.0 as f64 * diagram::LANE_HEIGHT)) style:height=format!("{}px", diagram::px(diagram::LANE_HEIGHT))>
                            {lane.1}
                        </span>
                    </For>
                </div>
                <svg
                    xmlns="http://www.w3.org/2000/svg"
                    class="workflow-diagram"
                    viewBox=move || picture.with(|p| format!("0 0 {} {}", diagram::px(p.width), diagram::px(p.height)))
                    width=move || picture.with(|p| diagram::px(p.width).to_string())
                    height=move || picture.with(|p| diagram::px(p.height).to_string())
                    role="img"
                    aria-labelledby=sb.id("diagram-title")
                >
                    <title id=sb.id("diagram-title")>{move || picture.with(|p| p.title.clone())}</title>
                    <For each=parts key=|part| part.clone() let:part>
                        <g inner_html=part.1></g>
                    </For>
                </svg>
            </div>
            <details class="diagram-words">
                <summary>"The diagram in words"</summary>
                <Show when=move || words.with(Vec::is_empty)>
                    <p>"There are no steps yet."</p>
                </Show>
                // Keyed by text, so a keystroke replaces only the sentence it changed.
                <ol>
                    <For each=move || words.get().into_iter().enumerate() key=|(i, l)| (*i, l.clone()) let:item>
                        <li>
                            {item.1}
                            " "
                            // The keyboard's way to what clicking a box does.
                            <button
                                type="button"
                                class="link-button"
                                on:click=move |_| {
                                    sb.selected.set(Some(item.0));
                                    focus_later(sb.scope.step(item.0, "title"));
                                }
                            >
                                {format!("Edit step {}", item.0 + 1)}
                            </button>
                        </li>
                    </For>
                </ol>
            </details>
        </section>
    }
}
