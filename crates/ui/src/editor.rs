//! The structured editor: the workflow's name, trigger and outcome, its roles, and its steps with
//! their roles, inputs, outputs and where work goes next. Every field has a visible label and a
//! stable id (see `flowguide_engine::feedback::locate`), and everything works from the keyboard.

use flowguide_engine::feedback::language;
use flowguide_engine::workflow::edit::{self, After, RoleRemoval};
use flowguide_engine::workflow::{NextDoc, StepDoc, TriggerKind, WorkflowDoc};
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::dom::{button, effect, el, key_text, numbered_key, option, target_value, El};
use super::state::Sandbox;

/// The languages Flowguide has word lists for, in their own names.
const LANGUAGES: [(&str, &str); 4] = [
    ("en", "English"),
    ("es", "Español (Spanish)"),
    ("fr", "Français (French)"),
    ("de", "Deutsch (German)"),
];

/// Focuses an element once the page has drawn it, and brings it into view.
pub fn focus_later(id: String) {
    request_animation_frame(move || focus_now(&id));
}

pub fn focus_now(id: &str) {
    focus_in(id, true);
}

/// Focuses `id`. An element in a part of the sandbox hidden behind a tab (on a phone, the
/// editor while the feedback is shown) first brings its tab into view, as a press on it would.
fn focus_in(id: &str, reveal: bool) {
    if let Some(el) = document().get_element_by_id(id) {
        let tab = el
            .closest(".pane[hidden]")
            .ok()
            .flatten()
            .and_then(|p| p.get_attribute("aria-labelledby"))
            .and_then(|t| document().get_element_by_id(&t))
            .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(tab) = tab.filter(|_| reveal) {
            tab.click();
            let id = id.to_string();
            request_animation_frame(move || focus_in(&id, false));
            return;
        }
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&options);
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

thread_local! {
    /// Whether a pointer button is held down on the page (a click under way).
    static POINTER_DOWN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Follows whether a pointer button is held, for [`after_click`]. Call once per page.
pub fn track_pointer() {
    let Some(w) = web_sys::window() else { return };
    let set = |down: bool| {
        Closure::<dyn FnMut(web_sys::Event)>::new(move |_| POINTER_DOWN.with(|p| p.set(down))).into_js_value()
    };
    let capture = web_sys::AddEventListenerOptions::new();
    capture.set_capture(true);
    for (event, down) in [("pointerdown", true), ("pointerup", false), ("pointercancel", false)] {
        let _ = w.add_event_listener_with_callback_and_add_event_listener_options(
            event,
            set(down).unchecked_ref(),
            &capture,
        );
    }
}

/// Runs `f` now, or, while a pointer button is held, once it is released and its click has been
/// handled: a change that moves the page (a new chip) must not move a button out from under a
/// click that has started.
pub fn after_click(f: impl FnOnce() + 'static) {
    if !POINTER_DOWN.with(|p| p.get()) {
        f();
        return;
    }
    let Some(w) = web_sys::window() else { return f() };
    let options = web_sys::AddEventListenerOptions::new();
    options.set_once(true);
    options.set_capture(true);
    let later = Closure::once_into_js(move |_: web_sys::Event| {
        // After the pointerup, the click (if any) is dispatched; run after it.
        set_timeout(f, std::time::Duration::ZERO);
    });
    let _ =
        w.add_event_listener_with_callback_and_add_event_listener_options("pointerup", later.unchecked_ref(), &options);
}

fn active_id() -> Option<String> {
    document()
        .active_element()
        .map(|el| el.id())
        .filter(|id| !id.is_empty())
}

/// A labelled one-line text field bound to part of the document. Typing in it is one undo step.
/// `get` reads the value reactively (from the document, or a row's memo so other rows' edits do
/// not touch this field); `set` writes it; `hint` (below) and `placeholder` may be empty.
fn text_field(
    sb: Sandbox,
    id: String,
    label: &str,
    hint: &str,
    placeholder: &str,
    get: impl Fn() -> String + 'static,
    set: impl Fn(&mut WorkflowDoc, String) + 'static,
) -> El {
    text_field_boxed(sb, id, label, hint, placeholder, Box::new(get), Box::new(set))
}

type Setter = Box<dyn Fn(&mut WorkflowDoc, String)>;

fn text_field_boxed(
    sb: Sandbox,
    id: String,
    label: &str,
    hint: &str,
    placeholder: &str,
    get: Box<dyn Fn() -> String>,
    set: Setter,
) -> El {
    let hint_id = format!("{id}-hint");
    let group = id.clone();
    let input = el("input")
        .id(&id)
        .attr("type", "text")
        .attr("autocomplete", "off")
        .value_with(get)
        .on("input", move |e| {
            let v = target_value(&e);
            sb.edit(Some(&group), |d| set(d, v));
        })
        .on("blur", move |_| sb.close_group());
    let input = if placeholder.is_empty() {
        input
    } else {
        input.attr("placeholder", placeholder)
    };
    let input = if hint.is_empty() {
        input
    } else {
        input.attr("aria-describedby", &hint_id)
    };
    el("div")
        .class("field")
        .child(el("label").attr("for", &id).text(label))
        .child(input)
        .child_opt((!hint.is_empty()).then(|| el("p").class("hint").id(&hint_id).text(hint)))
}

/// Which list of artifacts a chip input edits.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Provides,
    Inputs(usize),
    Outputs(usize),
}

fn list_of(d: &WorkflowDoc, place: Place) -> Vec<String> {
    match place {
        Place::Provides => d.trigger.as_ref().map(|t| t.provides.clone()).unwrap_or_default(),
        Place::Inputs(i) => d.steps.get(i).map(|s| s.inputs.clone()).unwrap_or_default(),
        Place::Outputs(i) => d.steps.get(i).map(|s| s.outputs.clone()).unwrap_or_default(),
    }
}

fn list_mut(d: &mut WorkflowDoc, place: Place) -> Option<&mut Vec<String>> {
    match place {
        Place::Provides => Some(&mut d.trigger.get_or_insert_with(Default::default).provides),
        Place::Inputs(i) => d.steps.get_mut(i).map(|s| &mut s.inputs),
        Place::Outputs(i) => d.steps.get_mut(i).map(|s| &mut s.outputs),
    }
}

/// A chip input: the artifacts so far as removable chips, and a field that suggests artifacts
/// already named elsewhere in the workflow. Enter (or a comma, or leaving the field) adds.
fn chips(sb: Sandbox, id: String, label: &'static str, what: &'static str, place: Place) -> El {
    let items = Memo::new(move |_| sb.doc.with(|d| list_of(d, place)));
    let label_id = format!("{id}-label");
    let input = el("input")
        .id(&id)
        .attr("type", "text")
        .attr("list", &sb.id("artifacts"))
        .attr("autocomplete", "off")
        .attr("placeholder", "Type a name, then press Enter");
    let field = input.handle().unchecked_into::<web_sys::HtmlInputElement>();
    let add = move || {
        let names: Vec<String> = field.value().split(',').map(str::to_string).collect();
        field.set_value("");
        let mut added = Vec::new();
        sb.edit(None, |d| {
            if let Some(list) = list_mut(d, place) {
                for n in &names {
                    if edit::add_artifact(list, n) {
                        added.push(n.trim().to_string());
                    }
                }
            }
        });
        if !added.is_empty() {
            sb.say(format!("Added {} to {what}.", added.join(", ")));
        }
    };
    let add_on_key = add.clone();
    let input = input
        .on("keydown", move |e| {
            let key = e.unchecked_ref::<web_sys::KeyboardEvent>().key();
            if key == "Enter" || key == "," {
                e.prevent_default();
                add_on_key();
            }
        })
        // Leaving the field adds what was typed; when a click elsewhere left it, the chip waits
        // for that click to land, so the control under the pointer does not move away from it.
        .on("change", move |_| after_click(add.clone()));
    // Keyed by place and name, so adding one chip leaves the others as they are.
    let chip_list = el("ul").class("chip-list").list(
        move || {
            items
                .get()
                .iter()
                .enumerate()
                .map(|(k, n)| numbered_key(k, n))
                .collect()
        },
        // A chip's key holds its place, so the place it is drawn at is the one it removes.
        move |k, key| {
            let name = key_text(key).to_string();
            let remove_label = format!("Remove {name} from {what}");
            el("li").class("chip").child(el("span").text(&name)).child(
                el("button")
                    .attr("type", "button")
                    .class("chip-remove")
                    .attr("aria-label", &remove_label)
                    .child(el("span").attr("aria-hidden", "true").text("×"))
                    .on("click", move |_| {
                        sb.edit(None, |d| {
                            if let Some(list) = list_mut(d, place) {
                                if k < list.len() {
                                    list.remove(k);
                                }
                            }
                        });
                        sb.say(format!("Removed {name} from {what}."));
                        focus_later(id_of(sb, place));
                    }),
            )
        },
    );
    el("div")
        .class("field chips")
        .attr("role", "group")
        .attr("aria-labelledby", &label_id)
        .child(el("label").id(&label_id).attr("for", &id).text(label))
        .child(chip_list)
        .child(input)
}

fn id_of(sb: Sandbox, place: Place) -> String {
    match place {
        Place::Provides => sb.id("trigger-provides"),
        Place::Inputs(i) => sb.scope.step(i, "inputs"),
        Place::Outputs(i) => sb.scope.step(i, "outputs"),
    }
}

const KINDS: [(TriggerKind, &str); 5] = [
    (TriggerKind::Event, "Something happens (an event)"),
    (TriggerKind::Request, "Someone asks (a request)"),
    (TriggerKind::Schedule, "A time comes round (a schedule)"),
    (TriggerKind::Condition, "A limit is crossed (a condition)"),
    (TriggerKind::Manual, "Someone starts it by hand"),
];

fn kind_key(k: TriggerKind) -> &'static str {
    match k {
        TriggerKind::Event => "event",
        TriggerKind::Schedule => "schedule",
        TriggerKind::Request => "request",
        TriggerKind::Condition => "condition",
        TriggerKind::Manual => "manual",
    }
}

/// A part of the editor: a section with its heading (whose id names it) and a hint.
fn part(sb: Sandbox, name: &str, title: &str, hint: Option<&str>) -> El {
    let heading = sb.id(name);
    el("section")
        .class("ed-part")
        .attr("aria-labelledby", sb.scope.labelled_by(&heading).as_ref())
        .child(el("h2").id(&heading).text(title))
        .child_opt(hint.map(|h| el("p").class("hint").text(h)))
}

/// A numbered list of rows, one per index up to `count`, each drawn by `row(i)`.
fn rows(tag: &str, class: &str, count: Memo<usize>, row: impl Fn(usize) -> El + 'static) -> El {
    el(tag).class(class).list(
        move || (0..count.get()).map(|i| i.to_string()).collect(),
        move |i, _| row(i),
    )
}

pub fn editor(sb: Sandbox) -> El {
    let artifacts = Memo::new(move |_| sb.doc.with(edit::artifact_names));
    let step_count = Memo::new(move |_| sb.doc.with(|d| d.steps.len()));
    let role_count = Memo::new(move |_| sb.doc.with(|d| d.roles.len()));
    let removing_role = RwSignal::new(None::<usize>);
    let kind = move || sb.doc.with(|d| d.trigger.as_ref().and_then(|t| t.kind));
    let new_role = el("input")
        .id(&sb.id("add-role"))
        .attr("type", "text")
        .attr("autocomplete", "off")
        .attr("placeholder", "For example: Finance team");
    let field = new_role.handle().unchecked_into::<web_sys::HtmlInputElement>();
    let add_role = move || {
        let name = field.value();
        if name.trim().is_empty() {
            sb.say("Type the role's name first.");
            return;
        }
        field.set_value("");
        sb.edit(None, |d| {
            edit::add_role(d, &name);
        });
        sb.say(format!("Added the role {}.", name.trim()));
    };
    let add_role_on_key = add_role.clone();
    let new_role = new_role.on("keydown", move |e| {
        if e.unchecked_ref::<web_sys::KeyboardEvent>().key() == "Enter" {
            e.prevent_default();
            add_role_on_key();
        }
    });
    let trigger_kind = el("select")
        .id(&sb.id("trigger-kind"))
        .on("change", move |e| {
            let v = target_value(&e);
            let k = KINDS.iter().map(|(k, _)| *k).find(|k| kind_key(*k) == v);
            sb.edit(None, |d| d.trigger.get_or_insert_with(Default::default).kind = k);
        })
        .child(option("", "Not chosen yet"))
        .children(KINDS.iter().map(|&(k, label)| option(kind_key(k), label)))
        .value_with(move || kind().map(kind_key).unwrap_or_default().to_string());
    // The language the learner writes in: the wording checks read its word list.
    let language = el("select")
        .id(&sb.id("language"))
        .attr("aria-describedby", &sb.id("language-help"))
        .on("change", move |e| {
            let v = target_value(&e);
            sb.edit(None, |d| d.language = (!v.is_empty()).then_some(v));
        })
        .child(option("", "Recognise it from my words"))
        .children(
            LANGUAGES
                .iter()
                .map(|&(tag, label)| option(tag, label).attr("lang", tag)),
        )
        .child(option("und", "Another language"))
        .value_with(move || {
            sb.doc
                .with(|d| match d.language.as_deref().and_then(language::primary) {
                    Some(tag) if LANGUAGES.iter().any(|(t, _)| *t == tag) => tag,
                    Some(_) => "und".to_string(),
                    None => String::new(),
                })
        });
    el("div")
        .class("wf-editor")
        .child(
            el("datalist")
                .id(&sb.id("artifacts"))
                .list(move || artifacts.get(), |_, name| el("option").attr("value", name)),
        )
        .child(
            part(sb, "ed-about", "Name", None)
                .child(text_field(
                    sb,
                    sb.id("name"),
                    "Name of the workflow",
                    "",
                    "",
                    move || sb.doc.with(|d| d.name.clone()),
                    |d, v| d.name = v,
                ))
                .child(
                    el("div")
                        .class("field")
                        .child(el("label").attr("for", &sb.id("language")).text("Language you write in"))
                        .child(language)
                        .child(el("p").class("hint").id(&sb.id("language-help")).text(
                            "The checks on wording (does each step name an action, can the measure be checked) read this language's words.",
                        )),
                ),
        )
        .child(
            part(
                sb,
                "ed-trigger",
                "Trigger",
                Some("What starts the work, every time it runs."),
            )
            .child(
                el("div")
                    .class("field")
                    .child(el("label").attr("for", &sb.id("trigger-kind")).text("Kind of trigger"))
                    .child(trigger_kind),
            )
            .child(text_field(
                sb,
                sb.id("trigger-description"),
                "What happens",
                "For example: An employee submits an expense claim.",
                "",
                move || {
                    sb.doc
                        .with(|d| d.trigger.as_ref().map(|t| t.description.clone()).unwrap_or_default())
                },
                |d, v| d.trigger.get_or_insert_with(Default::default).description = v,
            ))
            .child(chips(
                sb,
                sb.id("trigger-provides"),
                "What it brings with it",
                "what the trigger brings",
                Place::Provides,
            )),
        )
        .child(
            part(sb, "ed-roles", "Roles", Some("The people or teams who do the steps."))
                .child(rows("ul", "role-list", role_count, move |i| {
                    role_row(sb, i, removing_role)
                }))
                .child(
                    el("div")
                        .class("field add-role")
                        .child(el("label").attr("for", &sb.id("add-role")).text("New role"))
                        .child(el("div").class("inline").child(new_role).child(button(
                            "button",
                            "Add role",
                            move |_| add_role(),
                        ))),
                ),
        )
        .child(
            part(
                sb,
                "ed-steps",
                "Steps",
                Some("The work, in order. Alt+↑ and Alt+↓ move the step you are in."),
            )
            .child(rows("ol", "step-list", step_count, move |i| step_row(sb, i)))
            .child(
                button("button", "Add a step", move |_| {
                    if step_count.get_untracked() >= edit::MAX_STEPS {
                        sb.problem(format!("The sandbox holds up to {} steps.", edit::MAX_STEPS));
                        return;
                    }
                    let mut at = 0;
                    sb.edit(None, |d| at = edit::add_step(d, None));
                    sb.say(format!("Added step {}.", at + 1));
                    focus_later(sb.scope.step(at, "title"));
                })
                .id(&sb.id("add-step")),
            ),
        )
        .child(
            part(
                sb,
                "ed-outcome",
                "Outcome",
                Some("What is true when the work is done, and how you would measure it."),
            )
            .child(text_field(
                sb,
                sb.id("outcome-description"),
                "What is true at the end",
                "For example: The employee is paid back for valid expenses.",
                "",
                move || {
                    sb.doc
                        .with(|d| d.outcome.as_ref().map(|o| o.description.clone()).unwrap_or_default())
                },
                |d, v| d.outcome.get_or_insert_with(Default::default).description = v,
            ))
            .child(text_field(
                sb,
                sb.id("outcome-measure"),
                "How you measure it",
                "A number and a time: Paid within 10 working days.",
                "",
                move || {
                    sb.doc
                        .with(|d| d.outcome.as_ref().map(|o| o.measure.clone()).unwrap_or_default())
                },
                |d, v| d.outcome.get_or_insert_with(Default::default).measure = v,
            )),
        )
        .child(remove_role_dialog(sb, removing_role))
}

fn role_row(sb: Sandbox, i: usize, removing_role: RwSignal<Option<usize>>) -> El {
    let name_id = sb.scope.role(i);
    let group = name_id.clone();
    let remove = move |_| {
        let (name, used) = sb.doc.with_untracked(|d| {
            let r = &d.roles[i];
            (d.role_name(&r.id).to_string(), edit::steps_of_role(d, &r.id).len())
        });
        if used == 0 {
            sb.edit(None, |d| edit::remove_role(d, i, &RoleRemoval::Unassign));
            sb.say(format!("Removed the role {name}."));
            focus_later(sb.id("add-role"));
        } else {
            removing_role.set(Some(i));
        }
    };
    el("li")
        .class("role")
        .child(el("label").attr("for", &name_id).text(&format!("Role {}", i + 1)))
        .child(
            el("div")
                .class("inline")
                .child(
                    el("input")
                        .id(&name_id)
                        .attr("type", "text")
                        .attr("autocomplete", "off")
                        .value_with(move || {
                            sb.doc
                                .with(|d| d.roles.get(i).map(|r| r.name.clone()).unwrap_or_default())
                        })
                        .on("input", move |e| {
                            let v = target_value(&e);
                            sb.edit(Some(&group), |d| {
                                if let Some(r) = d.roles.get_mut(i) {
                                    r.name = v;
                                }
                            });
                        })
                        .on("blur", move |_| sb.close_group()),
                )
                .child(
                    button("button button-quiet", "Remove", remove).attr_with("aria-label", move || {
                        Some(format!(
                            "Remove the role {}",
                            sb.doc.with(|d| d
                                .roles
                                .get(i)
                                .map(|r| d.role_name(&r.id).to_string())
                                .unwrap_or_default()),
                        ))
                    }),
                ),
        )
}

/// A radio button and its label, checked while `choice` holds `value`.
fn choice_radio(sb: Sandbox, choice: RwSignal<String>, value: &'static str, id: &str, label: &str) -> El {
    el("div")
        .class("choice")
        .child(
            el("input")
                .attr("type", "radio")
                .attr("name", "remove-role")
                .id(&sb.id(id))
                .attr("value", value)
                .prop_with("checked", move || choice.with(|c| c == value))
                .on("change", move |_| choice.set(value.into())),
        )
        .child(el("label").attr("for", &sb.id(id)).text(label))
}

/// Asks what to do with the steps of a role that is being removed.
fn remove_role_dialog(sb: Sandbox, removing_role: RwSignal<Option<usize>>) -> El {
    let choice = RwSignal::new("reassign".to_string());
    let target = RwSignal::new(String::new());
    let info = move || {
        removing_role.get().and_then(|i| {
            sb.doc.with(|d| {
                let r = d.roles.get(i)?;
                let steps: Vec<String> = edit::steps_of_role(d, &r.id)
                    .into_iter()
                    .map(|s| format!("step {} ({})", s + 1, d.steps[s].title.trim()))
                    .collect();
                let others: Vec<(String, String)> = d
                    .roles
                    .iter()
                    .enumerate()
                    .filter(|(k, _)| *k != i)
                    .map(|(_, o)| (o.id.clone(), d.role_name(&o.id).to_string()))
                    .collect();
                Some((d.role_name(&r.id).to_string(), steps, others))
            })
        })
    };
    let cancel = move || {
        let i = removing_role.get_untracked();
        removing_role.set(None);
        if let Some(i) = i {
            focus_later(sb.scope.role(i));
        }
    };
    let confirm = move |_| {
        let Some(i) = removing_role.get_untracked() else { return };
        let what = match choice.get_untracked().as_str() {
            "reassign" if !target.get_untracked().is_empty() => RoleRemoval::Reassign(target.get_untracked()),
            "remove-steps" => RoleRemoval::RemoveSteps,
            _ => RoleRemoval::Unassign,
        };
        let name = sb
            .doc
            .with_untracked(|d| d.roles.get(i).map(|r| d.role_name(&r.id).to_string()));
        sb.edit(None, |d| edit::remove_role(d, i, &what));
        removing_role.set(None);
        sb.say(format!(
            "Removed the role {}. Undo brings it back.",
            name.unwrap_or_default()
        ));
        focus_later(sb.id("add-role"));
    };
    let dialog = el("dialog")
        .class("dialog")
        // Labelled by its title only while it has one (it is drawn when a removal is asked).
        .attr_with("aria-labelledby", move || {
            removing_role.get().map(|_| sb.id("remove-role-title"))
        })
        .on("cancel", move |e| {
            e.prevent_default();
            cancel();
        });
    let modal = dialog.handle().unchecked_into::<web_sys::HtmlDialogElement>();
    effect(move || {
        if let Some(i) = removing_role.get() {
            // Offer the first other role as the new owner.
            let other = sb.doc.with_untracked(|doc| {
                doc.roles
                    .iter()
                    .enumerate()
                    .find(|(k, _)| *k != i)
                    .map(|(_, r)| r.id.clone())
            });
            choice.set(if other.is_some() { "reassign" } else { "unassign" }.into());
            target.set(other.unwrap_or_default());
        }
    });
    dialog.region_all(move || {
        let Some((name, steps, others)) = info() else {
            if modal.open() {
                modal.close();
            }
            return Vec::new();
        };
        let reassign = (!others.is_empty()).then(|| {
            choice_radio(
                sb,
                choice,
                "reassign",
                "remove-role-reassign",
                "Give them to another role:",
            )
            .child(
                el("select")
                    .attr("aria-label", "The role that takes them")
                    .on("change", move |e| {
                        target.set(target_value(&e));
                        choice.set("reassign".into());
                    })
                    .children(others.iter().map(|(id, n)| option(id, n)))
                    .value_with(move || target.get()),
            )
        });
        let n = steps.len();
        let parts = vec![
            el("h2")
                .id(&sb.id("remove-role-title"))
                .text(&format!("Remove the role {name}?")),
            el("p").text(&format!(
                "{name} does {n} {}: {}. What should happen to {}?",
                if n == 1 { "step" } else { "steps" },
                steps.join(", "),
                if n == 1 { "it" } else { "them" },
            )),
            el("fieldset")
                .class("choices")
                .child(el("legend").text("Its steps"))
                .child_opt(reassign)
                .child(choice_radio(
                    sb,
                    choice,
                    "unassign",
                    "remove-role-unassign",
                    "Leave them without a role",
                ))
                .child(choice_radio(
                    sb,
                    choice,
                    "remove-steps",
                    "remove-role-steps",
                    "Remove those steps too",
                )),
            el("div")
                .class("dialog-actions")
                .child(button("button button-primary", "Remove role", confirm))
                .child(button("button", "Cancel", move |_| cancel())),
        ];
        if !modal.open() {
            let modal = modal.clone();
            // Opened once its contents are in place, so focus lands on its first control.
            request_animation_frame(move || {
                if !modal.open() {
                    let _ = modal.show_modal();
                }
            });
        }
        parts
    })
}

/// The label of a step in menus: "Step 3: Pay the approved amount".
fn step_label(d: &WorkflowDoc, j: usize) -> String {
    let t = d.steps[j].title.trim();
    if t.is_empty() {
        format!("Step {} (no title yet)", j + 1)
    } else {
        format!("Step {}: {t}", j + 1)
    }
}

/// An icon button ("↑") with a spoken label.
fn icon_button(id: String, label: String, icon: &str, on_click: impl FnMut(web_sys::Event) + 'static) -> El {
    el("button")
        .attr("type", "button")
        .class("icon-button")
        .id(&id)
        .attr("aria-label", &label)
        .child(el("span").attr("aria-hidden", "true").text(icon))
        .on("click", on_click)
}

fn step_row(sb: Sandbox, i: usize) -> El {
    let step = Memo::new(move |_| sb.doc.with(|d| d.steps.get(i).cloned().unwrap_or_default()));
    let count = Memo::new(move |_| sb.doc.with(|d| d.steps.len()));
    let roles = Memo::new(move |_| {
        sb.doc.with(|d| {
            d.roles
                .iter()
                .map(|r| (r.id.clone(), d.role_name(&r.id).to_string()))
                .collect::<Vec<_>>()
        })
    });
    let adding_role = RwSignal::new(false);
    let heading = sb.scope.step(i, "heading");

    let move_to = move |to: usize| {
        let n = count.get_untracked();
        if to >= n || to == i {
            sb.say(if to == i || n == 0 {
                "The step is already there."
            } else {
                "The step is already last."
            });
            return;
        }
        // Keep focus on the same control, now in the step's new place.
        let focused = active_id().and_then(|id| {
            id.strip_prefix(&sb.scope.step(i, ""))
                .map(|rest| sb.scope.step(to, rest))
        });
        sb.edit(None, |d| {
            edit::move_step(d, i, to);
        });
        sb.selected.set(None);
        sb.say(format!("Moved step {} to position {}.", i + 1, to + 1));
        focus_later(focused.unwrap_or_else(|| sb.scope.step(to, "title")));
    };
    let on_keydown = move |e: web_sys::Event| {
        let ev = e.unchecked_ref::<web_sys::KeyboardEvent>();
        if !ev.alt_key() || ev.ctrl_key() || ev.meta_key() {
            return;
        }
        match ev.key().as_str() {
            "ArrowUp" if i > 0 => {
                ev.prevent_default();
                move_to(i - 1);
            }
            "ArrowDown" => {
                ev.prevent_default();
                move_to(i + 1);
            }
            "ArrowUp" => {
                ev.prevent_default();
                sb.say("The step is already first.");
            }
            _ => {}
        }
    };
    let after = move || step.with(After::of);
    let branches = Memo::new(move |_| step.with(|s| s.next.as_ref().map_or(0, Vec::len)));
    let tools = el("div")
        .class("step-tools")
        .child(
            icon_button(
                sb.scope.step(i, "up"),
                format!("Move step {} up", i + 1),
                "↑",
                move |_| move_to(i.saturating_sub(1)),
            )
            .attr("aria-keyshortcuts", "Alt+ArrowUp")
            .flag_with("disabled", move || i == 0),
        )
        .child(
            icon_button(
                sb.scope.step(i, "down"),
                format!("Move step {} down", i + 1),
                "↓",
                move |_| move_to(i + 1),
            )
            .attr("aria-keyshortcuts", "Alt+ArrowDown")
            .flag_with("disabled", move || i + 1 >= count.get()),
        )
        .child(
            button("button button-quiet", "Duplicate", move |_| {
                if count.get_untracked() >= edit::MAX_STEPS {
                    sb.problem(format!("The sandbox holds up to {} steps.", edit::MAX_STEPS));
                    return;
                }
                let mut at = None;
                sb.edit(None, |d| at = edit::duplicate_step(d, i));
                if let Some(at) = at {
                    sb.say(format!("Duplicated step {} as step {}.", i + 1, at + 1));
                    focus_later(sb.scope.step(at, "title"));
                }
            })
            .attr("aria-label", &format!("Duplicate step {}", i + 1)),
        )
        .child(
            button("button button-quiet", "Remove", move |_| {
                sb.edit(None, |d| edit::remove_step(d, i));
                sb.selected.set(None);
                sb.say(format!("Removed step {}. Undo brings it back.", i + 1));
                let n = count.get_untracked();
                focus_later(if n == 0 {
                    sb.id("add-step")
                } else {
                    sb.scope.step(i.min(n - 1), "title")
                });
            })
            .attr("aria-label", &format!("Remove step {}", i + 1)),
        );
    let role_select = el("select")
        .id(&sb.scope.step(i, "role"))
        .on("change", move |e| {
            let v = target_value(&e);
            sb.edit(None, |d| {
                if let Some(s) = d.steps.get_mut(i) {
                    s.role = (!v.is_empty()).then_some(v);
                }
            });
        })
        .child(option("", "No one yet").prop_with("selected", move || step.with(|s| s.role.is_none())))
        .region_all(move || {
            let current = step.with(|s| s.role.clone());
            let list = roles.get();
            let unknown = current
                .clone()
                .filter(|c| !list.iter().any(|(id, _)| id.trim() == c.trim()));
            let mut options: Vec<El> = list
                .into_iter()
                .map(|(id, name)| {
                    let o = option(&id, &name);
                    if current.as_deref().map(str::trim) == Some(id.trim()) {
                        o.attr("selected", "")
                    } else {
                        o
                    }
                })
                .collect();
            options
                .extend(unknown.map(|id| option(&id, &format!("{id} (not in the roles list)")).attr("selected", "")));
            options
        });
    // A new role is its own button, not an entry of the list: moving through the list with the
    // arrow keys must only choose, never move focus (WCAG 3.2.2).
    let new_role_button = button("button button-quiet", "New role…", move |_| {
        adding_role.set(true);
        focus_later(sb.scope.step(i, "new-role"));
    })
    .id(&sb.scope.step(i, "add-role"))
    .attr("aria-label", &format!("A new role for step {}", i + 1))
    // It names what it opens only while that is on the page.
    .attr_with("aria-controls", move || {
        adding_role.get().then(|| sb.scope.step(i, "new-role"))
    })
    .attr_with("aria-expanded", move || Some(adding_role.get().to_string()));
    let new_role_box = move || {
        let input = el("input")
            .id(&sb.scope.step(i, "new-role"))
            .attr("type", "text")
            .attr("autocomplete", "off")
            .attr("placeholder", "Name of the new role");
        let field = input.handle().unchecked_into::<web_sys::HtmlInputElement>();
        let add_new_role = move || {
            let name = field.value();
            if name.trim().is_empty() {
                sb.say("Type the new role's name first.");
                return;
            }
            sb.edit(None, |d| {
                let id = edit::add_role(d, &name);
                if let Some(s) = d.steps.get_mut(i) {
                    s.role = Some(id);
                }
            });
            adding_role.set(false);
            sb.say(format!("Added the role {} and gave it step {}.", name.trim(), i + 1));
            focus_later(sb.scope.step(i, "role"));
        };
        let add_on_key = add_new_role.clone();
        el("div")
            .class("inline new-role")
            .child(
                el("label")
                    .class("visually-hidden")
                    .attr("for", &sb.scope.step(i, "new-role"))
                    .text(&format!("Name of the new role for step {}", i + 1)),
            )
            .child(input.on(
                "keydown",
                move |e| match e.unchecked_ref::<web_sys::KeyboardEvent>().key().as_str() {
                    "Enter" => {
                        e.prevent_default();
                        add_on_key();
                    }
                    "Escape" => {
                        e.prevent_default();
                        adding_role.set(false);
                        focus_later(sb.scope.step(i, "add-role"));
                    }
                    _ => {}
                },
            ))
            .child(button("button", "Add role", move |_| add_new_role()))
    };
    let after_select = el("select")
        .id(&sb.scope.step(i, "after"))
        .on("change", move |e| {
            if let Some(a) = After::from_key(&target_value(&e)) {
                sb.edit(None, |d| edit::set_after(d, i, a));
            }
        })
        .child(option("following", "Work goes on to the next step in the list"))
        .child(option("end", "The workflow ends here"))
        .child(option("chosen", "Work goes to chosen steps (branches)"))
        .value_with(move || {
            match after() {
                After::Following => "following",
                After::End => "end",
                After::Chosen => "chosen",
            }
            .to_string()
        });
    let branch_list = move || {
        el("div")
            .class("branch-area")
            .child(rows("ul", "branches", branches, move |b| branch_row(sb, i, b, step)))
            .child(
                button(
                    "button button-quiet",
                    &format!("Add a branch to step {}", i + 1),
                    move |_| {
                        sb.edit(None, |d| edit::add_branch(d, i));
                        let b = branches.get_untracked().saturating_sub(1);
                        sb.say(format!("Added branch {} to step {}.", b + 1, i + 1));
                        focus_later(sb.scope.step(i, &format!("branch-{b}-to")));
                    },
                )
                .id(&sb.scope.step(i, "add-branch")),
            )
    };
    el("li")
        .class("step")
        .class_if("selected", move || sb.selected.get() == Some(i))
        // Working in a step selects it, which highlights its box on the diagram.
        .on("focusin", move |_| {
            if sb.selected.get_untracked() != Some(i) {
                sb.selected.set(Some(i));
            }
        })
        .id(&sb.id(&format!("step-{i}")))
        .attr("aria-labelledby", &heading)
        .on("keydown", on_keydown)
        .child(
            el("div")
                .class("step-head")
                .child(el("h3").id(&heading).text(&format!("Step {}", i + 1)))
                .child(tools),
        )
        .child(text_field(
            sb,
            sb.scope.step(i, "title"),
            "What is done",
            "Start with a verb: Review the claim.",
            "",
            move || step.with(|s| s.title.clone()),
            move |d, v| {
                if let Some(s) = d.steps.get_mut(i) {
                    s.title = v;
                }
            },
        ))
        .child(
            el("div")
                .class("field")
                .child(el("label").attr("for", &sb.scope.step(i, "role")).text("Who does it"))
                .child(el("div").class("inline").child(role_select).child(new_role_button))
                .when(move || adding_role.get(), new_role_box),
        )
        .child(chips(
            sb,
            sb.scope.step(i, "inputs"),
            "What it needs (inputs)",
            "the inputs",
            Place::Inputs(i),
        ))
        .child(chips(
            sb,
            sb.scope.step(i, "outputs"),
            "What it produces (outputs)",
            "the outputs",
            Place::Outputs(i),
        ))
        .child(
            el("div")
                .class("field")
                .child(
                    el("label")
                        .attr("for", &sb.scope.step(i, "after"))
                        .text("After this step"),
                )
                .child(after_select),
        )
        .when(move || after() == After::Chosen, branch_list)
}

fn next_mut(d: &mut WorkflowDoc, i: usize, b: usize) -> Option<&mut NextDoc> {
    d.steps.get_mut(i)?.next.as_mut()?.get_mut(b)
}

fn branch_row(sb: Sandbox, i: usize, b: usize, step: Memo<StepDoc>) -> El {
    let link = move || step.with(|s| s.next.as_ref().and_then(|n| n.get(b)).cloned().unwrap_or_default());
    let steps = Memo::new(move |_| {
        sb.doc.with(|d| {
            (0..d.steps.len())
                .filter(|&j| j != i)
                .map(|j| (d.steps[j].id.clone(), step_label(d, j)))
                .collect::<Vec<_>>()
        })
    });
    let base = sb.scope.step(i, &format!("branch-{b}"));
    let to = el("select")
        .id(&format!("{base}-to"))
        .on("change", move |e| {
            let v = target_value(&e);
            sb.edit(None, |d| {
                if let Some(n) = next_mut(d, i, b) {
                    n.to = v;
                }
            });
        })
        .region_all(move || {
            let to = link().to;
            let list = steps.get();
            let unknown = (!list.iter().any(|(id, _)| *id == to)).then(|| to.clone());
            let mut options: Vec<El> = unknown
                .map(|id| {
                    let text = if id.is_empty() {
                        "Choose a step".to_string()
                    } else {
                        format!("{id} (no such step)")
                    };
                    option(&id, &text).attr("selected", "")
                })
                .into_iter()
                .collect();
            options.extend(list.into_iter().map(|(id, label)| {
                let o = option(&id, &label);
                if id == to {
                    o.attr("selected", "")
                } else {
                    o
                }
            }));
            options
        });
    el("li").child(
        el("fieldset")
            .class("branch")
            .child(el("legend").text(&format!("Branch {} of step {}", b + 1, i + 1)))
            .child(
                el("div")
                    .class("field")
                    .child(el("label").attr("for", &format!("{base}-to")).text("Goes to"))
                    .child(to),
            )
            .child(text_field(
                sb,
                format!("{base}-when"),
                "When (the condition)",
                "",
                "For example: approved",
                move || link().when.unwrap_or_default(),
                move |d, v| {
                    if let Some(n) = next_mut(d, i, b) {
                        n.when = (!v.is_empty()).then_some(v);
                    }
                },
            ))
            .child(text_field(
                sb,
                format!("{base}-via"),
                "How the work is passed on (optional)",
                "The channel, not the person: email, a shared folder, a form, in person.",
                "For example: by email",
                move || link().via.unwrap_or_default(),
                move |d, v| {
                    if let Some(n) = next_mut(d, i, b) {
                        n.via = (!v.is_empty()).then_some(v);
                    }
                },
            ))
            .child(
                button("button button-quiet", "Remove branch", move |_| {
                    sb.edit(None, |d| edit::remove_branch(d, i, b));
                    sb.say(format!("Removed branch {} of step {}.", b + 1, i + 1));
                    focus_later(sb.scope.step(i, "after"));
                })
                .attr("aria-label", &format!("Remove branch {} of step {}", b + 1, i + 1)),
            ),
    )
}
