//! The studio's side-by-side editor (the `editor-layout` feature): the tabs, the parts they
//! show, and the handle between the editor and the side panel. See [`super`].

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::dom::{el, El};
use crate::feedback::to_work_on;
use crate::state::{Pane, Sandbox};
use crate::storage;

/// The editor's share of the width, in percent, and its limits. (Whole numbers: formatting and
/// parsing floats would add their tables to the bundle.)
const SPLIT: (i32, i32, i32) = (50, 30, 70);

/// Scrolls the page to `to`, or by `by`, at once (the site scrolls smoothly, which would leave
/// the page mid-way when the next step measures it).
fn jump(to: Option<f64>, by: f64) {
    let options = web_sys::ScrollToOptions::new();
    options.set_behavior(web_sys::ScrollBehavior::Instant);
    match to {
        Some(y) => {
            options.set_top(y);
            window().scroll_to_with_scroll_to_options(&options);
        }
        None => {
            options.set_top(by);
            window().scroll_by_with_scroll_to_options(&options);
        }
    }
}

/// Puts `e` back at `at` pixels from the top of the screen, and again on the next frames while
/// the page still moves under it (steps off screen are laid out only when they come near, so their
/// real heights arrive a frame or more later). Stops once it has stayed put for three frames, or
/// after `frames` frames.
fn settle(e: web_sys::Element, at: f64, still: u32, frames: u32) {
    let off = e.get_bounding_client_rect().top() - at;
    let moved = off.abs() >= 1.0;
    if moved {
        jump(None, off);
    }
    let still = if moved { 0 } else { still + 1 };
    if still < 3 && frames > 0 && e.is_connected() {
        request_animation_frame(move || settle(e, at, still, frames - 1));
    }
}

fn label(p: Pane) -> &'static str {
    match p {
        Pane::Edit => "Edit",
        Pane::Feedback => "Feedback",
        Pane::Diagram => "Diagram",
    }
}

/// The tabs: all three on a phone; on a wide screen only the side panel's two (the editor is
/// always there). Arrow keys move between them, as in any tab list.
pub fn tabs(sb: Sandbox) -> El {
    // Where the page was scrolled on each tab, and the editor's field in use with its place on
    // the screen, so coming back to the editor finds that field where it was.
    let scrolled = Rc::new(Cell::new([0.0f64; 3]));
    let anchor = Rc::new(RefCell::new(None::<(web_sys::Element, f64)>));
    let choose = Rc::new(move |p: Pane| {
        if !sb.narrow.get_untracked() {
            sb.show(p);
            return;
        }
        let from = untrack(|| sb.chosen());
        let y = window().scroll_y().unwrap_or(0.0);
        let mut at = scrolled.get();
        at[from as usize] = y;
        scrolled.set(at);
        if from == Pane::Edit {
            // The field last worked in (focus is on the tab by now).
            let field = document()
                .get_element_by_id(&sb.id("pane-edit"))
                .and_then(|p| p.get_attribute("data-last-field"))
                .and_then(|id| document().get_element_by_id(&id));
            // Where it was on the screen, kept within the screen: coming back shows it.
            let screen = window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(600.0);
            *anchor.borrow_mut() = field.map(|e| {
                let top = e
                    .get_bounding_client_rect()
                    .top()
                    .min(screen - 80.0)
                    // Not `f64::clamp`, whose check formats floats and links their tables.
                    .max(64.0);
                (e, top)
            });
        }
        sb.show(p);
        // Shown now, not when the effects run, so the page has its new height for the scroll.
        for q in Pane::ALL {
            if let Some(e) = document().get_element_by_id(&sb.id(&format!("pane-{}", q.key()))) {
                let _ = e.toggle_attribute_with_force("hidden", !untrack(|| sb.showing(q)));
            }
        }
        let back = scrolled.get()[p as usize];
        // The top of the tabs where they sit in the page (they stick to the screen's top once
        // scrolled past, so their own position says nothing).
        let top = document()
            .get_element_by_id(&sb.id("tabs"))
            .and_then(|t| t.parent_element())
            .map(|m| m.get_bounding_client_rect().top() + y)
            .unwrap_or(0.0);
        // Back to where this tab was read; a tab not read yet opens at its top.
        let to = if back > 0.0 { back } else { top.min(y) };
        let field = if p == Pane::Edit { anchor.borrow().clone() } else { None };
        request_animation_frame(move || {
            jump(Some(to), 0.0);
            // Steps off screen are laid out only when near, so the page may move once they are:
            // put the field back where it was on the screen, now and after that layout.
            if let Some((e, at)) = field.filter(|(e, _)| e.is_connected()) {
                settle(e, at, 0, 20);
            }
        });
    });
    let visible = move || -> Vec<Pane> {
        if sb.narrow.get_untracked() {
            Pane::ALL.to_vec()
        } else {
            vec![Pane::Diagram, Pane::Feedback]
        }
    };
    let choose_key = choose.clone();
    let tab = move |p: Pane| {
        let choose = choose.clone();
        let selected = move || sb.chosen() == p;
        let b = el("button")
            .attr("type", "button")
            .class("tab")
            .id(&sb.id(&format!("tab-{}", p.key())))
            .attr("role", "tab")
            .attr("aria-controls", &sb.id(&format!("pane-{}", p.key())))
            .attr_with("aria-selected", move || Some(selected().to_string()))
            .attr_with("tabindex", move || {
                Some(if selected() { "0" } else { "-1" }.to_string())
            })
            .text(label(p))
            .on("click", move |_| choose(p));
        if p == Pane::Feedback {
            // The count of parts to work on, in the tab: a number to see, words to hear.
            // Nothing while no part is started; a tick only when all six are good.
            let count = move || (sb.report.with(|r| r.to_work_on() == 0), to_work_on(sb));
            b.child(el("span").class("tab-count").text_with(move || match count() {
                (true, _) => "✓".to_string(),
                (_, 0) => String::new(),
                (_, n) => n.to_string(),
            }))
            .child(el("span").class("visually-hidden").text_with(move || match count() {
                (true, _) => ", all good".to_string(),
                (_, 0) => String::new(),
                (_, 1) => ", 1 part to work on".to_string(),
                (_, n) => format!(", {n} parts to work on"),
            }))
        } else {
            b
        }
    };
    el("div")
        .class("sandbox-tabs")
        .id(&sb.id("tabs"))
        .attr("role", "tablist")
        .attr("aria-label", "Parts of the sandbox")
        .on("keydown", move |e| {
            let key = e.unchecked_ref::<web_sys::KeyboardEvent>().key();
            let panes = visible();
            let now = untrack(|| sb.chosen());
            let at = panes.iter().position(|&p| p == now).unwrap_or(0);
            let to = match key.as_str() {
                "ArrowRight" => (at + 1) % panes.len(),
                "ArrowLeft" => (at + panes.len() - 1) % panes.len(),
                "Home" => 0,
                "End" => panes.len() - 1,
                _ => return,
            };
            e.prevent_default();
            choose_key(panes[to]);
            crate::editor::focus_later(sb.id(&format!("tab-{}", panes[to].key())));
        })
        .children(Pane::ALL.into_iter().map(tab))
}

/// A part a tab shows: hidden while another tab is chosen (kept on the page, so nothing in it
/// is lost). The editor is a tab panel only on a phone, where it has a tab.
pub fn pane(sb: Sandbox, p: Pane, content: El) -> El {
    let id = sb.id(&format!("pane-{}", p.key()));
    let tab = sb.id(&format!("tab-{}", p.key()));
    el("div")
        .class(&format!("pane pane-{}", p.key()))
        .id(&id)
        .attr_with("role", move || {
            (p != Pane::Edit || sb.narrow.get()).then(|| "tabpanel".to_string())
        })
        .attr_with("aria-labelledby", move || {
            (p != Pane::Edit || sb.narrow.get()).then(|| tab.clone())
        })
        .flag_with("hidden", move || !sb.showing(p))
        // Remembers the field last focused in it, to bring it back to the same place.
        .on("focusin", |e| {
            let target = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            if let (Some(t), Some(pane)) = (
                target,
                e.current_target().and_then(|c| c.dyn_into::<web_sys::Element>().ok()),
            ) {
                if !t.id().is_empty() {
                    let _ = pane.set_attribute("data-last-field", &t.id());
                }
            }
        })
        .child(content)
}

/// The handle between the editor and the side panel: drag it, or focus it and use the arrow
/// keys (Home and End for the limits). The width is kept for next time.
pub fn splitter(sb: Sandbox, main: &web_sys::Element) -> El {
    let (start, min, max) = SPLIT;
    let kept = storage::setting(sb.scope.storage_key, "split")
        .and_then(|s| s.parse::<i32>().ok())
        .filter(|v| (min..=max).contains(v))
        .unwrap_or(start);
    // In a signal type the sandbox already has (a new one would add reactive code to the bundle).
    let split = RwSignal::new(Some(kept as usize));
    let percent = move || split.get().unwrap_or(start as usize) as i32;
    let dragging = Rc::new(Cell::new(false));
    if let Some(m) = main.dyn_ref::<web_sys::HtmlElement>() {
        let style = m.style();
        crate::dom::effect(move || {
            let _ = style.set_property("--split", &format!("{}%", percent()));
        });
    }
    let set = move |v: i32| split.set(Some(v.clamp(min, max) as usize));
    let keep = move || storage::keep_setting(sb.scope.storage_key, "split", &untrack(percent).to_string());
    let area = main.clone();
    let (d1, d2, d3) = (dragging.clone(), dragging.clone(), dragging.clone());
    let moved = move |e: web_sys::Event| {
        if !dragging.get() {
            return;
        }
        let x = e.unchecked_ref::<web_sys::PointerEvent>().client_x() as f64;
        let r = area.get_bounding_client_rect();
        if r.width() > 0.0 {
            set(((x - r.left()) / r.width() * 100.0).round() as i32);
        }
    };
    el("div")
        .class("splitter")
        .id(&sb.id("splitter"))
        .attr("role", "separator")
        .attr("aria-orientation", "vertical")
        .attr("aria-label", "Width of the editor")
        .attr("aria-controls", &sb.id("pane-edit"))
        .attr("aria-valuemin", &min.to_string())
        .attr("aria-valuemax", &max.to_string())
        .attr_with("aria-valuenow", move || Some(percent().to_string()))
        .attr_with("aria-valuetext", move || {
            Some(format!("The editor takes {}% of the width", percent()))
        })
        .attr("tabindex", "0")
        .on("keydown", move |e| {
            let key = e.unchecked_ref::<web_sys::KeyboardEvent>().key();
            let now = untrack(percent);
            let to = match key.as_str() {
                "ArrowLeft" | "ArrowDown" => now - 5,
                "ArrowRight" | "ArrowUp" => now + 5,
                "Home" => min,
                "End" => max,
                _ => return,
            };
            e.prevent_default();
            set(to);
            keep();
        })
        .on("pointerdown", move |e| {
            let p = e.unchecked_ref::<web_sys::PointerEvent>();
            if let Some(t) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                let _ = t.set_pointer_capture(p.pointer_id());
            }
            e.prevent_default();
            d1.set(true);
        })
        .on("pointermove", moved)
        .on("pointerup", move |_| {
            if d2.replace(false) {
                keep();
            }
        })
        .on("pointercancel", move |_| d3.set(false))
        .child(el("span").class("splitter-grip").attr("aria-hidden", "true"))
}
