//! The structured editor: the workflow's name, trigger and outcome, its roles, and its steps with
//! their roles, inputs, outputs and where work goes next. Every field has a visible label and a
//! stable id (see `flowguide_engine::feedback::locate`), and everything works from the keyboard.

use flowguide_engine::workflow::edit::{self, After, RoleRemoval};
use flowguide_engine::workflow::{NextDoc, StepDoc, TriggerKind, WorkflowDoc};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::state::Sandbox;

/// Focuses an element once the page has drawn it, and brings it into view.
pub fn focus_later(id: String) {
    request_animation_frame(move || focus_now(&id));
}

pub fn focus_now(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&options);
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
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
    label: &'static str,
    hint: &'static str,
    placeholder: &'static str,
    get: impl Fn() -> String + Send + Sync + 'static,
    set: impl Fn(&mut WorkflowDoc, String) + Send + Sync + Clone + 'static,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let group = id.clone();
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                type="text"
                autocomplete="off"
                placeholder=(!placeholder.is_empty()).then_some(placeholder)
                aria-describedby=(!hint.is_empty()).then(|| hint_id.clone())
                prop:value=get
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    let set = set.clone();
                    sb.edit(Some(&group), move |d| set(d, v));
                }
                on:blur=move |_| sb.close_group()
            />
            {(!hint.is_empty()).then(|| view! { <p class="hint" id=hint_id>{hint}</p> })}
        </div>
    }
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
fn chips(sb: Sandbox, id: String, label: &'static str, what: &'static str, place: Place) -> impl IntoView {
    let items = Memo::new(move |_| sb.doc.with(|d| list_of(d, place)));
    let label_id = format!("{id}-label");
    let group_label = label_id.clone();
    let input = NodeRef::<leptos::html::Input>::new();
    let add = move || {
        let Some(el) = input.get_untracked() else { return };
        let names: Vec<String> = el.value().split(',').map(str::to_string).collect();
        el.set_value("");
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
    view! {
        <div class="field chips" role="group" aria-labelledby=group_label>
            <label id=label_id for=id.clone()>{label}</label>
            <ul class="chip-list">
                <For each=move || items.get().into_iter().enumerate() key=|(k, n)| (*k, n.clone()) let:item>
                    {
                        let (k, name) = item;
                        let remove_label = format!("Remove {name} from {what}");
                        view! {
                            <li class="chip">
                                <span>{name.clone()}</span>
                                <button
                                    type="button"
                                    class="chip-remove"
                                    aria-label=remove_label
                                    on:click=move |_| {
                                        sb.edit(None, |d| {
                                            if let Some(list) = list_mut(d, place) {
                                                if k < list.len() {
                                                    list.remove(k);
                                                }
                                            }
                                        });
                                        sb.say(format!("Removed {name} from {what}."));
                                        focus_later(id_of(sb, place));
                                    }
                                >
                                    <span aria-hidden="true">"×"</span>
                                </button>
                            </li>
                        }
                    }
                </For>
            </ul>
            <input
                id=id
                type="text"
                list=sb.id("artifacts")
                autocomplete="off"
                placeholder="Type a name, then press Enter"
                node_ref=input
                on:keydown=move |ev: web_sys::KeyboardEvent| {
                    if ev.key() == "Enter" || ev.key() == "," {
                        ev.prevent_default();
                        add();
                    }
                }
                on:change=move |_| add()
            />
        </div>
    }
}

fn id_of(sb: Sandbox, place: Place) -> String {
    match place {
        Place::Provides => sb.id("trigger-provides"),
        Place::Inputs(i) => sb.scope.step(i, "inputs"),
        Place::Outputs(i) => sb.scope.step(i, "outputs"),
    }
}

/// The role chooser's "A new role…" option. Not a possible role id: ids never contain spaces.
const NEW_ROLE: &str = "new role…";

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

#[component]
pub fn Editor(sb: Sandbox) -> impl IntoView {
    let artifacts = Memo::new(move |_| sb.doc.with(edit::artifact_names));
    let step_count = Memo::new(move |_| sb.doc.with(|d| d.steps.len()));
    let role_count = Memo::new(move |_| sb.doc.with(|d| d.roles.len()));
    let removing_role = RwSignal::new(None::<usize>);
    let kind = Memo::new(move |_| sb.doc.with(|d| d.trigger.as_ref().and_then(|t| t.kind)));
    let new_role = NodeRef::<leptos::html::Input>::new();
    let add_role = move || {
        let Some(el) = new_role.get_untracked() else { return };
        let name = el.value();
        if name.trim().is_empty() {
            sb.say("Type the role's name first.");
            return;
        }
        el.set_value("");
        sb.edit(None, |d| {
            edit::add_role(d, &name);
        });
        sb.say(format!("Added the role {}.", name.trim()));
    };
    view! {
        <div class="wf-editor">
            <datalist id=sb.id("artifacts")>
                <For each=move || artifacts.get() key=|n| n.clone() let:name>
                    <option value=name></option>
                </For>
            </datalist>
            <section class="ed-part" aria-labelledby=sb.id("ed-about")>
                <h2 id=sb.id("ed-about")>"Name"</h2>
                {text_field(
                    sb,
                    sb.id("name"),
                    "Name of the workflow",
                    "",
                    "",
                    move || sb.doc.with(|d| d.name.clone()),
                    |d, v| d.name = v,
                )}
            </section>
            <section class="ed-part" aria-labelledby=sb.id("ed-trigger")>
                <h2 id=sb.id("ed-trigger")>"Trigger"</h2>
                <p class="hint">"What starts the work, every time it runs."</p>
                <div class="field">
                    <label for=sb.id("trigger-kind")>"Kind of trigger"</label>
                    <select
                        id=sb.id("trigger-kind")
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            let k = KINDS.iter().map(|(k, _)| *k).find(|k| kind_key(*k) == v);
                            sb.edit(None, |d| d.trigger.get_or_insert_with(Default::default).kind = k);
                        }
                    >
                        <option value="" prop:selected=move || kind.get().is_none()>
                            "Not chosen yet"
                        </option>
                        {KINDS
                            .iter()
                            .map(|&(k, label)| {
                                view! {
                                    <option value=kind_key(k) prop:selected=move || kind.get() == Some(k)>
                                        {label}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
                {text_field(
                    sb,
                    sb.id("trigger-description"),
                    "What happens",
                    "For example: An employee submits an expense claim.",
                    "",
                    move || sb.doc.with(|d| d.trigger.as_ref().map(|t| t.description.clone()).unwrap_or_default()),
                    |d, v| d.trigger.get_or_insert_with(Default::default).description = v,
                )}
                {chips(sb, sb.id("trigger-provides"), "What it brings with it", "what the trigger brings", Place::Provides)}
            </section>
            <section class="ed-part" aria-labelledby=sb.id("ed-roles")>
                <h2 id=sb.id("ed-roles")>"Roles"</h2>
                <p class="hint">"The people or teams who do the steps."</p>
                <ul class="role-list">
                    <For each=move || 0..role_count.get() key=|i| *i let:i>
                        <RoleRow sb i removing_role />
                    </For>
                </ul>
                <div class="field add-role">
                    <label for=sb.id("add-role")>"New role"</label>
                    <div class="inline">
                        <input
                            id=sb.id("add-role")
                            type="text"
                            autocomplete="off"
                            placeholder="For example: Finance team"
                            node_ref=new_role
                            on:keydown=move |ev: web_sys::KeyboardEvent| {
                                if ev.key() == "Enter" {
                                    ev.prevent_default();
                                    add_role();
                                }
                            }
                        />
                        <button type="button" class="button" on:click=move |_| add_role()>
                            "Add role"
                        </button>
                    </div>
                </div>
            </section>
            <section class="ed-part" aria-labelledby=sb.id("ed-steps")>
                <h2 id=sb.id("ed-steps")>"Steps"</h2>
                <p class="hint">
                    "The work, in order. Alt+↑ and Alt+↓ move the step you are in."
                </p>
                <ol class="step-list">
                    <For each=move || 0..step_count.get() key=|i| *i let:i>
                        <StepRow sb i />
                    </For>
                </ol>
                <button
                    type="button"
                    id=sb.id("add-step")
                    class="button"
                    on:click=move |_| {
                        if step_count.get_untracked() >= edit::MAX_STEPS {
                            sb.problem(format!("The sandbox holds up to {} steps.", edit::MAX_STEPS));
                            return;
                        }
                        let mut at = 0;
                        sb.edit(None, |d| at = edit::add_step(d, None));
                        sb.say(format!("Added step {}.", at + 1));
                        focus_later(sb.scope.step(at, "title"));
                    }
                >
                    "Add a step"
                </button>
            </section>
            <section class="ed-part" aria-labelledby=sb.id("ed-outcome")>
                <h2 id=sb.id("ed-outcome")>"Outcome"</h2>
                <p class="hint">"What is true when the work is done, and how you would measure it."</p>
                {text_field(
                    sb,
                    sb.id("outcome-description"),
                    "What is true at the end",
                    "For example: The employee is paid back for valid expenses.",
                    "",
                    move || sb.doc.with(|d| d.outcome.as_ref().map(|o| o.description.clone()).unwrap_or_default()),
                    |d, v| d.outcome.get_or_insert_with(Default::default).description = v,
                )}
                {text_field(
                    sb,
                    sb.id("outcome-measure"),
                    "How you measure it",
                    "A number and a time: Paid within 10 working days.",
                    "",
                    move || sb.doc.with(|d| d.outcome.as_ref().map(|o| o.measure.clone()).unwrap_or_default()),
                    |d, v| d.outcome.get_or_insert_with(Default::default).measure = v,
                )}
            </section>
            <RemoveRoleDialog sb removing_role />
        </div>
    }
}

#[component]
fn RoleRow(sb: Sandbox, i: usize, removing_role: RwSignal<Option<usize>>) -> impl IntoView {
    let name_id = sb.scope.role(i);
    let label = format!("Role {}", i + 1);
    let group = name_id.clone();
    let remove = move |_| {
        let (id, name, used) = sb.doc.with_untracked(|d| {
            let r = &d.roles[i];
            (
                r.id.clone(),
                d.role_name(&r.id).to_string(),
                edit::steps_of_role(d, &r.id).len(),
            )
        });
        if used == 0 {
            sb.edit(None, |d| edit::remove_role(d, i, &RoleRemoval::Unassign));
            sb.say(format!("Removed the role {name}."));
            focus_later(sb.id("add-role"));
        } else {
            let _ = id;
            removing_role.set(Some(i));
        }
    };
    view! {
        <li class="role">
            <label for=name_id.clone()>{label}</label>
            <div class="inline">
                <input
                    id=name_id
                    type="text"
                    autocomplete="off"
                    prop:value=move || sb.doc.with(|d| d.roles.get(i).map(|r| r.name.clone()).unwrap_or_default())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        sb.edit(Some(&group), |d| {
                            if let Some(r) = d.roles.get_mut(i) {
                                r.name = v;
                            }
                        });
                    }
                    on:blur=move |_| sb.close_group()
                />
                <button
                    type="button"
                    class="button button-quiet"
                    aria-label=move || {
                        format!(
                            "Remove the role {}",
                            sb.doc.with(|d| d.roles.get(i).map(|r| d.role_name(&r.id).to_string()).unwrap_or_default()),
                        )
                    }
                    on:click=remove
                >
                    "Remove"
                </button>
            </div>
        </li>
    }
}

/// Asks what to do with the steps of a role that is being removed.
#[component]
fn RemoveRoleDialog(sb: Sandbox, removing_role: RwSignal<Option<usize>>) -> impl IntoView {
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let choice = RwSignal::new("reassign".to_string());
    let target = RwSignal::new(String::new());
    Effect::new(move |_| {
        let Some(d) = dialog.get() else { return };
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
            if !d.open() {
                let _ = d.show_modal();
            }
        } else if d.open() {
            d.close();
        }
    });
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
    view! {
        <dialog
            class="dialog"
            node_ref=dialog
            // Labelled by its title only while it has one (it is drawn when a removal is asked).
            aria-labelledby=move || info().map(|_| sb.id("remove-role-title"))
            on:cancel=move |ev: web_sys::Event| {
                ev.prevent_default();
                cancel();
            }
        >
            {move || {
                info()
                    .map(|(name, steps, others)| {
                        let has_others = !others.is_empty();
                        view! {
                            <h2 id=sb.id("remove-role-title")>{format!("Remove the role {name}?")}</h2>
                            <p>
                                {format!(
                                    "{name} does {} {}: {}. What should happen to {}?",
                                    steps.len(),
                                    if steps.len() == 1 { "step" } else { "steps" },
                                    steps.join(", "),
                                    if steps.len() == 1 { "it" } else { "them" },
                                )}
                            </p>
                            <fieldset class="choices">
                                <legend>"Its steps"</legend>
                                {has_others
                                    .then(|| {
                                        view! {
                                            <div class="choice">
                                                <input
                                                    type="radio"
                                                    name="remove-role"
                                                    id=sb.id("remove-role-reassign")
                                                    value="reassign"
                                                    prop:checked=move || choice.get() == "reassign"
                                                    on:change=move |_| choice.set("reassign".into())
                                                />
                                                <label for=sb.id("remove-role-reassign")>"Give them to another role:"</label>
                                                <select
                                                    aria-label="The role that takes them"
                                                    on:change=move |ev| {
                                                        target.set(event_target_value(&ev));
                                                        choice.set("reassign".into());
                                                    }
                                                >
                                                    {others
                                                        .into_iter()
                                                        .map(|(id, n)| {
                                                            let sel = id.clone();
                                                            view! {
                                                                <option value=id prop:selected=move || target.get() == sel>
                                                                    {n}
                                                                </option>
                                                            }
                                                        })
                                                        .collect_view()}
                                                </select>
                                            </div>
                                        }
                                    })}
                                <div class="choice">
                                    <input
                                        type="radio"
                                        name="remove-role"
                                        id=sb.id("remove-role-unassign")
                                        value="unassign"
                                        prop:checked=move || choice.get() == "unassign"
                                        on:change=move |_| choice.set("unassign".into())
                                    />
                                    <label for=sb.id("remove-role-unassign")>"Leave them without a role"</label>
                                </div>
                                <div class="choice">
                                    <input
                                        type="radio"
                                        name="remove-role"
                                        id=sb.id("remove-role-steps")
                                        value="remove-steps"
                                        prop:checked=move || choice.get() == "remove-steps"
                                        on:change=move |_| choice.set("remove-steps".into())
                                    />
                                    <label for=sb.id("remove-role-steps")>"Remove those steps too"</label>
                                </div>
                            </fieldset>
                            <div class="dialog-actions">
                                <button type="button" class="button button-primary" on:click=confirm>
                                    "Remove role"
                                </button>
                                <button type="button" class="button" on:click=move |_| cancel()>
                                    "Cancel"
                                </button>
                            </div>
                        }
                    })
            }}
        </dialog>
    }
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

#[component]
fn StepRow(sb: Sandbox, i: usize) -> impl IntoView {
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
    let new_role = NodeRef::<leptos::html::Input>::new();
    let heading = sb.scope.step(i, "heading");
    let labelled_by = heading.clone();

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
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
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
    let add_new_role = move || {
        let Some(el) = new_role.get_untracked() else { return };
        let name = el.value();
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
    let after = Memo::new(move |_| After::of(&step.get()));
    let branches = Memo::new(move |_| step.with(|s| s.next.as_ref().map_or(0, Vec::len)));
    view! {
        <li
            class="step"
            class:selected=move || sb.selected.get() == Some(i)
            id=sb.id(&format!("step-{i}"))
            aria-labelledby=labelled_by
            on:keydown=on_keydown
        >
            <div class="step-head">
                <h3 id=heading>{format!("Step {}", i + 1)}</h3>
                <div class="step-tools">
                    <button
                        type="button"
                        class="icon-button"
                        id=sb.scope.step(i, "up")
                        aria-label=format!("Move step {} up", i + 1)
                        aria-keyshortcuts="Alt+ArrowUp"
                        disabled=move || i == 0
                        on:click=move |_| move_to(i.saturating_sub(1))
                    >
                        <span aria-hidden="true">"↑"</span>
                    </button>
                    <button
                        type="button"
                        class="icon-button"
                        id=sb.scope.step(i, "down")
                        aria-label=format!("Move step {} down", i + 1)
                        aria-keyshortcuts="Alt+ArrowDown"
                        disabled=move || { i + 1 >= count.get() }
                        on:click=move |_| move_to(i + 1)
                    >
                        <span aria-hidden="true">"↓"</span>
                    </button>
                    <button
                        type="button"
                        class="button button-quiet"
                        aria-label=format!("Duplicate step {}", i + 1)
                        on:click=move |_| {
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
                        }
                    >
                        "Duplicate"
                    </button>
                    <button
                        type="button"
                        class="button button-quiet"
                        aria-label=format!("Remove step {}", i + 1)
                        on:click=move |_| {
                            sb.edit(None, |d| edit::remove_step(d, i));
                            sb.selected.set(None);
                            sb.say(format!("Removed step {}. Undo brings it back.", i + 1));
                            let n = count.get_untracked();
                            focus_later(if n == 0 { sb.id("add-step") } else { sb.scope.step(i.min(n - 1), "title") });
                        }
                    >
                        "Remove"
                    </button>
                </div>
            </div>
            {text_field(
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
            )}
            <div class="field">
                <label for=sb.scope.step(i, "role")>"Who does it"</label>
                <select
                    id=sb.scope.step(i, "role")
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if v == NEW_ROLE {
                            adding_role.set(true);
                            focus_later(sb.scope.step(i, "new-role"));
                            return;
                        }
                        adding_role.set(false);
                        sb.edit(None, |d| {
                            if let Some(s) = d.steps.get_mut(i) {
                                s.role = (!v.is_empty()).then_some(v);
                            }
                        });
                    }
                >
                    <option value="" prop:selected=move || step.with(|s| s.role.is_none())>
                        "No one yet"
                    </option>
                    {move || {
                        let current = step.with(|s| s.role.clone());
                        let list = roles.get();
                        let unknown = current
                            .clone()
                            .filter(|c| !list.iter().any(|(id, _)| id.trim() == c.trim()));
                        let options = list
                            .into_iter()
                            .map(|(id, name)| {
                                let selected = current.as_deref().map(str::trim) == Some(id.trim());
                                view! {
                                    <option value=id prop:selected=selected>
                                        {name}
                                    </option>
                                }
                            })
                            .collect_view();
                        view! {
                            {options}
                            {unknown
                                .map(|id| {
                                    view! {
                                        <option value=id.clone() prop:selected=true>
                                            {format!("{id} (not in the roles list)")}
                                        </option>
                                    }
                                })}
                        }
                    }}
                    <option value=NEW_ROLE>"A new role…"</option>
                </select>
                <Show when=move || adding_role.get()>
                    <div class="inline new-role">
                        <label class="visually-hidden" for=sb.scope.step(i, "new-role")>
                            {format!("Name of the new role for step {}", i + 1)}
                        </label>
                        <input
                            id=sb.scope.step(i, "new-role")
                            type="text"
                            autocomplete="off"
                            placeholder="Name of the new role"
                            node_ref=new_role
                            on:keydown=move |ev: web_sys::KeyboardEvent| {
                                match ev.key().as_str() {
                                    "Enter" => {
                                        ev.prevent_default();
                                        add_new_role();
                                    }
                                    "Escape" => {
                                        ev.prevent_default();
                                        adding_role.set(false);
                                        focus_later(sb.scope.step(i, "role"));
                                    }
                                    _ => {}
                                }
                            }
                        />
                        <button type="button" class="button" on:click=move |_| add_new_role()>
                            "Add role"
                        </button>
                    </div>
                </Show>
            </div>
            {chips(sb, sb.scope.step(i, "inputs"), "What it needs (inputs)", "the inputs", Place::Inputs(i))}
            {chips(sb, sb.scope.step(i, "outputs"), "What it produces (outputs)", "the outputs", Place::Outputs(i))}
            <div class="field">
                <label for=sb.scope.step(i, "after")>"After this step"</label>
                <select
                    id=sb.scope.step(i, "after")
                    on:change=move |ev| {
                        if let Some(a) = After::from_key(&event_target_value(&ev)) {
                            sb.edit(None, |d| edit::set_after(d, i, a));
                        }
                    }
                >
                    <option value="following" prop:selected=move || after.get() == After::Following>
                        "Work goes on to the next step in the list"
                    </option>
                    <option value="end" prop:selected=move || after.get() == After::End>
                        "The workflow ends here"
                    </option>
                    <option value="chosen" prop:selected=move || after.get() == After::Chosen>
                        "Work goes to chosen steps (branches)"
                    </option>
                </select>
            </div>
            <Show when=move || after.get() == After::Chosen>
                <ul class="branches">
                    <For each=move || 0..branches.get() key=|b| *b let:b>
                        <BranchRow sb i b step />
                    </For>
                </ul>
                <button
                    type="button"
                    class="button button-quiet"
                    id=sb.scope.step(i, "add-branch")
                    on:click=move |_| {
                        sb.edit(None, |d| edit::add_branch(d, i));
                        let b = branches.get_untracked().saturating_sub(1);
                        sb.say(format!("Added branch {} to step {}.", b + 1, i + 1));
                        focus_later(sb.scope.step(i, &format!("branch-{b}-to")));
                    }
                >
                    {format!("Add a branch to step {}", i + 1)}
                </button>
            </Show>
        </li>
    }
}

fn next_mut(d: &mut WorkflowDoc, i: usize, b: usize) -> Option<&mut NextDoc> {
    d.steps.get_mut(i)?.next.as_mut()?.get_mut(b)
}

#[component]
fn BranchRow(sb: Sandbox, i: usize, b: usize, step: Memo<StepDoc>) -> impl IntoView {
    let link = Memo::new(move |_| step.with(|s| s.next.as_ref().and_then(|n| n.get(b)).cloned().unwrap_or_default()));
    let steps = Memo::new(move |_| {
        sb.doc.with(|d| {
            (0..d.steps.len())
                .filter(|&j| j != i)
                .map(|j| (d.steps[j].id.clone(), step_label(d, j)))
                .collect::<Vec<_>>()
        })
    });
    let base = sb.scope.step(i, &format!("branch-{b}"));
    view! {
        <li>
            <fieldset class="branch">
                <legend>{format!("Branch {} of step {}", b + 1, i + 1)}</legend>
                <div class="field">
                    <label for=format!("{base}-to")>"Goes to"</label>
                    <select
                        id=format!("{base}-to")
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            sb.edit(None, |d| {
                                if let Some(n) = next_mut(d, i, b) {
                                    n.to = v;
                                }
                            });
                        }
                    >
                        {move || {
                            let to = link.with(|l| l.to.clone());
                            let list = steps.get();
                            let unknown = (!list.iter().any(|(id, _)| *id == to)).then(|| to.clone());
                            view! {
                                {unknown
                                    .map(|id| {
                                        let text = if id.is_empty() {
                                            "Choose a step".to_string()
                                        } else {
                                            format!("{id} (no such step)")
                                        };
                                        view! {
                                            <option value=id prop:selected=true>
                                                {text}
                                            </option>
                                        }
                                    })}
                                {list
                                    .into_iter()
                                    .map(|(id, label)| {
                                        let selected = id == to;
                                        view! {
                                            <option value=id prop:selected=selected>
                                                {label}
                                            </option>
                                        }
                                    })
                                    .collect_view()}
                            }
                        }}
                    </select>
                </div>
                {text_field(
                    sb,
                    format!("{base}-when"),
                    "When (the condition)",
                    "",
                    "For example: approved",
                    move || link.with(|l| l.when.clone().unwrap_or_default()),
                    move |d, v| {
                        if let Some(n) = next_mut(d, i, b) {
                            n.when = (!v.is_empty()).then_some(v);
                        }
                    },
                )}
                {text_field(
                    sb,
                    format!("{base}-via"),
                    "Handed over by (optional)",
                    "",
                    "For example: email",
                    move || link.with(|l| l.via.clone().unwrap_or_default()),
                    move |d, v| {
                        if let Some(n) = next_mut(d, i, b) {
                            n.via = (!v.is_empty()).then_some(v);
                        }
                    },
                )}
                <button
                    type="button"
                    class="button button-quiet"
                    aria-label=format!("Remove branch {} of step {}", b + 1, i + 1)
                    on:click=move |_| {
                        sb.edit(None, |d| edit::remove_branch(d, i, b));
                        sb.say(format!("Removed branch {} of step {}.", b + 1, i + 1));
                        focus_later(sb.scope.step(i, "after"));
                    }
                >
                    "Remove branch"
                </button>
            </fieldset>
        </li>
    }
}
