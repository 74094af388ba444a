//! Edits on the diagram itself (the `diagram-edits` feature, which the studio turns on): drag a
//! box onto another to link the two steps, or into another lane to give the step that lane's
//! role; the selected step's tools (add a step after it, its lane, a link to another step). Every
//! edit goes through `Sandbox::edit`, so each is one undo step.

use std::cell::RefCell;
use std::rc::Rc;

use flowguide_engine::export::diagram::pick::{drop_at, Drop};
use flowguide_engine::export::diagram::{self, Drawing};
use flowguide_engine::workflow::edit;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{name_in, step_at, step_name};
use crate::dom::{button, el, key_text, numbered_key, option, target_value, El};
use crate::editor::focus_later;
use crate::state::Sandbox;

/// A pointer pressed on a box: which step, where, and whether it has moved far enough to be a
/// drag rather than a click.
#[derive(Clone, Copy)]
struct Press {
    step: usize,
    x: f64,
    y: f64,
    moved: bool,
}

/// Links step `from` to step `to`, as one undoable edit, and says what happened.
fn link(sb: Sandbox, from: usize, to: usize) {
    let mut added = false;
    sb.edit(None, |d| added = edit::link(d, from, to));
    if added {
        sb.say(format!(
            "Linked {} to {}. Undo takes it back.",
            step_name(sb, from),
            step_name(sb, to)
        ));
    } else {
        sb.say(format!(
            "{} already leads to {}.",
            step_name(sb, from),
            step_name(sb, to)
        ));
    }
}

/// Gives step `i` the role of lane `k`, as one undoable edit.
pub fn move_to_lane(sb: Sandbox, i: usize, role: Option<String>, lane: &str) {
    let mut moved = false;
    sb.edit(None, |d| moved = edit::set_role(d, i, role.as_deref()));
    if moved {
        sb.say(format!(
            "Moved {} to the lane of {lane}. Undo takes it back.",
            step_name(sb, i)
        ));
    }
}

/// Pointer edits on the diagram (the `diagram-edits` feature, which the studio turns on): press a
/// box and release to select it; drag it onto another box to link the two, or into another lane
/// to give it that role. Dragging the background pans; two fingers zoom. Returns the frame with
/// its listeners and the line that says what a drop will do.
pub fn pointer(
    sb: Sandbox,
    frame: El,
    drawn: Memo<(Drawing, Vec<String>)>,
    scale_now: impl Fn() -> f64 + Copy + 'static,
    zoom_to: impl Fn(f64) + Copy + 'static,
    select: impl Fn(usize, bool) + Copy + 'static,
    lane_role: impl Fn(usize) -> Option<(Option<String>, String)> + Copy + 'static,
) -> (El, Option<El>) {
    // Pointer: press a box and release to select it; drag it onto another box to link the two,
    // or into another lane to give it that role. Dragging the background pans; two fingers or
    // Ctrl and the wheel zoom.
    let frame_el = frame.handle();
    let gesture = Rc::new(RefCell::new(Gesture::default()));
    let drag_hint = RwSignal::new(String::new());
    let svg_point = {
        let frame_el = frame_el.clone();
        move |cx: f64, cy: f64| -> (f64, f64) {
            let s = scale_now();
            match frame_el.query_selector("svg.workflow-diagram").ok().flatten() {
                Some(svg) => {
                    let r = svg.get_bounding_client_rect();
                    ((cx - r.left()) / s, (cy - r.top()) / s)
                }
                None => (0.0, 0.0),
            }
        }
    };
    let group_of = {
        let frame_el = frame_el.clone();
        move |i: usize| frame_el.query_selector(&format!("[data-index=\"{i}\"]")).ok().flatten()
    };
    let on_down = {
        let frame_el = frame_el.clone();
        let gesture = gesture.clone();
        move |e: web_sys::Event| {
            let p = e.unchecked_ref::<web_sys::PointerEvent>();
            let mut g = gesture.borrow_mut();
            if p.pointer_type() == "touch" {
                g.touches
                    .push((p.pointer_id(), p.client_x() as f64, p.client_y() as f64));
                if g.touches.len() == 2 {
                    g.pinch = Some((g.distance(), scale_now()));
                }
            }
            if p.button() != 0 {
                return;
            }
            let step = step_at(&e);
            let (x, y) = (p.client_x() as f64, p.client_y() as f64);
            match step {
                Some(step) => {
                    g.press = Some(Press {
                        step,
                        x,
                        y,
                        moved: false,
                    })
                }
                // Touch pans natively; a mouse pans by dragging the background.
                None if p.pointer_type() == "mouse" => {
                    g.pan = Some((x, y, frame_el.scroll_left(), frame_el.scroll_top()));
                }
                None => return,
            }
            // A press on the background pans; the frame takes the pointer so the pan goes on
            // outside it. A press on a box takes it only once it moves, so a click or a
            // double-click stays the box's.
            if step.is_none() {
                let _ = frame_el.set_pointer_capture(p.pointer_id());
            }
        }
    };
    let on_move = {
        let frame_el = frame_el.clone();
        let svg_point = svg_point.clone();
        let group_of = group_of.clone();
        let gesture = gesture.clone();
        move |e: web_sys::Event| {
            let p = e.unchecked_ref::<web_sys::PointerEvent>();
            let (x, y) = (p.client_x() as f64, p.client_y() as f64);
            let mut gs = gesture.borrow_mut();
            if p.pointer_type() == "touch" {
                if let Some(t) = gs.touches.iter_mut().find(|t| t.0 == p.pointer_id()) {
                    (t.1, t.2) = (x, y);
                }
                if let Some((start, at)) = gs.pinch {
                    if start > 0.0 {
                        zoom_to(at * gs.distance() / start);
                    }
                    return;
                }
            }
            if let Some((sx, sy, left, top)) = gs.pan {
                frame_el.set_scroll_left(left - (x - sx) as i32);
                frame_el.set_scroll_top(top - (y - sy) as i32);
                return;
            }
            let Some(pr) = gs.press.as_mut() else { return };
            if !pr.moved && (x - pr.x).abs() + (y - pr.y).abs() < 8.0 {
                return;
            }
            if !pr.moved {
                let _ = frame_el.set_pointer_capture(p.pointer_id());
            }
            pr.moved = true;
            let pr = *pr;
            drop(gs);
            let s = scale_now();
            if let Some(g) = group_of(pr.step) {
                let _ = g.set_attribute(
                    "transform",
                    &format!(
                        "translate({} {})",
                        diagram::px((x - pr.x) / s),
                        diagram::px((y - pr.y) / s)
                    ),
                );
                let _ = g.class_list().add_1("dragging");
            }
            let (px, py) = svg_point(x, y);
            let hint = drawn.with_untracked(|(d, _)| match drop_at(d, pr.step, px, py) {
                Drop::Link(j) => format!("Release to link {} to {}.", step_name(sb, pr.step), step_name(sb, j)),
                Drop::Lane(k) => format!(
                    "Release to move {} to the lane of {}.",
                    step_name(sb, pr.step),
                    d.lanes[k].name
                ),
                Drop::Nothing => {
                    "Release on another step to link them, or in another lane to move the step there.".to_string()
                }
            });
            drag_hint.set(hint);
        }
    };
    let end_press = {
        let svg_point = svg_point.clone();
        let group_of = group_of.clone();
        move |e: web_sys::Event, cancelled: bool| {
            let p = e.unchecked_ref::<web_sys::PointerEvent>();
            let mut gs = gesture.borrow_mut();
            gs.touches.retain(|t| t.0 != p.pointer_id());
            if gs.touches.len() < 2 {
                gs.pinch = None;
            }
            gs.pan = None;
            let Some(pr) = gs.press.take() else { return };
            drop(gs);
            drag_hint.set(String::new());
            if let Some(g) = group_of(pr.step) {
                let _ = g.remove_attribute("transform");
                let _ = g.class_list().remove_1("dragging");
            }
            if cancelled {
                return;
            }
            if !pr.moved {
                select(pr.step, false);
                return;
            }
            let (x, y) = svg_point(p.client_x() as f64, p.client_y() as f64);
            let target = drawn.with_untracked(|(d, _)| drop_at(d, pr.step, x, y));
            match target {
                Drop::Link(j) => link(sb, pr.step, j),
                Drop::Lane(k) => {
                    if let Some((role, name)) = lane_role(k) {
                        move_to_lane(sb, pr.step, role, &name);
                    }
                }
                Drop::Nothing => {}
            }
            sb.selected.set(Some(pr.step));
        }
    };
    let end_up = end_press.clone();
    let frame = frame
        .on("pointerdown", on_down)
        .on("pointermove", on_move)
        .on("pointerup", move |e| end_up(e, false))
        .on("pointercancel", move |e| end_press(e, true));
    let hint = el("p")
        .class("drag-hint")
        .attr("aria-live", "polite")
        .text_with(move || drag_hint.get());
    (frame, Some(hint))
}

/// What the pointers on the diagram are doing: a press on a box, a pan of the background, the
/// touches of a pinch and the zoom it started from.
#[derive(Default)]
struct Gesture {
    press: Option<Press>,
    pan: Option<(f64, f64, i32, i32)>,
    touches: Vec<(i32, f64, f64)>,
    pinch: Option<(f64, f64)>,
}

impl Gesture {
    /// How far apart the first two touches are.
    fn distance(&self) -> f64 {
        match self.touches.as_slice() {
            [a, b, ..] => ((a.1 - b.1).powi(2) + (a.2 - b.2).powi(2)).sqrt(),
            _ => 0.0,
        }
    }
}

/// The edits on the diagram for the selected step, for the keyboard and for anyone who prefers
/// buttons to dragging: add a step after it, move it to another lane, link it to another step.
pub fn step_tools(sb: Sandbox, edit_step: impl Fn(usize) + Copy + 'static) -> Option<El> {
    let steps = Memo::new(move |_| sb.doc.with(|d| d.steps.len()));
    Some(
        el("div")
            .class("diagram-step-tools")
            .id(&sb.id("diagram-step-tools"))
            // Redrawn only when another step is selected: typing in the selected step's title
            // updates its name and its option in the other steps' lists, nothing else (a list of
            // a hundred steps rebuilt on every keystroke would also lose the learner's choice).
            .region(move || {
                let Some(i) = sb.selected.get().filter(|&i| i < steps.get()) else {
                    return Some(el("p").class("hint").text(if steps.get() == 0 {
                        "Add a step in the editor and it appears here."
                    } else {
                        "Select a step's box to add a step after it, move it or link it from here."
                    }));
                };
                Some(untrack(|| selected_tools(sb, i, steps, edit_step)))
            }),
    )
}

/// The tools for step `i`: its name, "Add a step after", its lane, and a link to another step.
fn selected_tools(sb: Sandbox, i: usize, steps: Memo<usize>, edit_step: impl Fn(usize) + Copy + 'static) -> El {
    let title = move || sb.doc.with(|d| name_in(d, i));
    let role_select = el("select")
        .id(&sb.id("dg-role"))
        .on("change", move |e| {
            let v = target_value(&e);
            let role = (!v.is_empty()).then_some(v);
            let name = sb.doc.with_untracked(|d| {
                role.as_deref()
                    .map_or("no role".to_string(), |r| d.role_name(r).to_string())
            });
            move_to_lane(sb, i, role, &name);
            focus_later(sb.id("dg-role"));
        })
        .child(option("", "No one yet"))
        // Each role by its id and name: a change redraws only the option it changed.
        .list(
            move || {
                sb.doc.with(|d| {
                    d.roles
                        .iter()
                        .map(|r| format!("{}\u{1}{}", r.id, d.role_name(&r.id)))
                        .collect()
                })
            },
            |_, key| {
                let (id, name) = key.split_once('\u{1}').unwrap_or((key, key));
                option(id, name)
            },
        )
        .value_with(move || {
            sb.doc
                .with(|d| d.steps.get(i).and_then(|s| s.role.clone()).unwrap_or_default())
        });
    let link_select = el("select").id(&sb.id("dg-link-to")).list(
        move || {
            sb.doc.with(|d| {
                (0..d.steps.len())
                    .filter(|&j| j != i)
                    .map(|j| numbered_key(j, &name_in(d, j)))
                    .collect()
            })
        },
        |_, key| {
            let j = key.split_once('\u{1}').map_or("", |(j, _)| j);
            option(j, key_text(key))
        },
    );
    let link_handle = link_select.handle();
    el("div")
        .class("diagram-step-edit")
        .attr("role", "group")
        .attr_with("aria-label", move || Some(format!("Edit {} on the diagram", title())))
        .child(
            el("p")
                .class("selected-step")
                .child(el("strong").text("Selected: "))
                .text_with(title),
        )
        .child(
            el("div")
                .class("tool-row")
                .child(
                    button("button button-small", "Add a step after", move |_| {
                        let mut at = 0;
                        sb.edit(None, |d| at = edit::add_step(d, Some(i)));
                        sb.selected.set(Some(at));
                        sb.say(format!(
                            "Added step {} after step {}. Type its title in the editor.",
                            at + 1,
                            i + 1
                        ));
                        focus_later(sb.id("dg-add"));
                    })
                    .id(&sb.id("dg-add")),
                )
                .child(button("button button-small", "Edit this step", move |_| edit_step(i)).id(&sb.id("dg-edit"))),
        )
        .child(
            el("div")
                .class("field inline")
                .child(el("label").attr("for", &sb.id("dg-role")).text("Lane (who does it)"))
                .child(role_select),
        )
        .child(
            el("div")
                .class("field inline")
                .flag_with("hidden", move || steps.get() < 2)
                .child(el("label").attr("for", &sb.id("dg-link-to")).text("Link to"))
                .child(link_select)
                .child(
                    button("button button-small", "Link", move |_| {
                        let to = link_handle
                            .dyn_ref::<web_sys::HtmlSelectElement>()
                            .and_then(|s| s.value().parse::<usize>().ok());
                        if let Some(to) = to {
                            link(sb, i, to);
                        }
                    })
                    .id(&sb.id("dg-link")),
                ),
        )
}
