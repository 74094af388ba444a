//! The feedback panel: the six components in order, each with a badge in words and a symbol, its
//! findings with the rule's reason and page, "go to the field" and "Fix"; the overall score and
//! classification; and a polite live region that announces status changes after a pause.

use std::cell::Cell;
use std::time::Duration;

use flowguide_engine::feedback::announce::{changes, statuses, Statuses};
use flowguide_engine::feedback::locate::field_of;
use flowguide_engine::feedback::{Component, ComponentReport, Finding, Preset, Report, Severity, Status};
use leptos::prelude::*;

use super::editor::focus_later;
use super::state::Sandbox;

/// Announcements wait for this long a pause in typing.
const PAUSE: Duration = Duration::from_millis(1200);

fn symbol(s: Status) -> &'static str {
    match s {
        Status::Missing => "○",
        Status::NeedsWork => "!",
        Status::Good => "✓",
    }
}

fn severity_label(s: Severity) -> &'static str {
    match s {
        Severity::Error => "Problem",
        Severity::Warning => "Worth fixing",
        Severity::Tip => "Tip",
    }
}

fn empty_text(c: Component, s: Status) -> &'static str {
    match (s, c) {
        (Status::Good, _) => "Nothing to change here.",
        (_, Component::Trigger) => "Say what starts the work, under Trigger.",
        (_, Component::Steps) => "Add the steps the work goes through.",
        (_, Component::Roles) => "Say who does each step.",
        (_, Component::Handoffs) => "Work changes hands when one role's step leads to another role's step.",
        (_, Component::InputsOutputs) => "Say what each step needs and what it produces.",
        (_, Component::Outcome) => "Say what is true when the work is done, under Outcome.",
    }
}

#[component]
pub fn FeedbackPanel(sb: Sandbox) -> impl IntoView {
    let overall = Memo::new(move |_| sb.report.with(|r| r.overall.clone()));
    let needs = Memo::new(move |_| sb.report.with(Report::to_work_on));
    view! {
        <section class="feedback" id=sb.id("feedback") aria-labelledby=sb.id("feedback-title")>
            <div class="feedback-head">
                <h2 id=sb.id("feedback-title")>"Feedback"</h2>
                <div class="field preset">
                    <label for=sb.id("preset")>"Feedback level"</label>
                    <select
                        id=sb.id("preset")
                        on:change=move |ev| {
                            if let Ok(p) = event_target_value(&ev).parse::<Preset>() {
                                sb.preset.set(p);
                                super::storage::remember_preset(sb.scope.storage_key, p);
                            }
                        }
                    >
                        {Preset::ALL
                            .into_iter()
                            .map(|p| {
                                let label = match p {
                                    Preset::Beginner => "Gentle (for beginners)",
                                    Preset::Recommended => "Recommended",
                                    Preset::Strict => "Strict",
                                };
                                view! {
                                    <option value=p.key() prop:selected=move || sb.preset.get() == p>
                                        {label}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
            </div>
            <p class="overall" data-classification=move || overall.with(|o| o.classification.key())>
                <strong>{move || format!("Overall score: {} out of 100.", overall.with(|o| o.score))}</strong>
                " "
                <span>{move || overall.with(|o| o.message.clone())}</span>
            </p>
            <p class="feedback-summary">
                {move || match needs.get() {
                    0 => "All six parts are good.".to_string(),
                    1 => "1 part still needs attention.".to_string(),
                    n => format!("{n} parts still need attention."),
                }}
            </p>
            <ol class="components">
                {Component::ALL.into_iter().map(|c| view! { <ComponentEntry sb c /> }).collect_view()}
            </ol>
        </section>
        <Announcer sb />
    }
}

#[component]
fn ComponentEntry(sb: Sandbox, c: Component) -> impl IntoView {
    let report = Memo::new(move |_| sb.report.with(|r| r.components.get(c).clone()));
    let status = Memo::new(move |_| report.with(|r| r.status));
    let title_id = sb.id(&format!("fb-{}", c.key()));
    let labelled_by = title_id.clone();
    view! {
        <li
            class="component"
            data-component=c.key()
            data-status=move || status.get().key()
            aria-labelledby=labelled_by
        >
            <h3 id=title_id>
                <a href=c.page()>{c.title()}</a>
                " "
                <span class=move || format!("badge badge-{}", status.get().key())>
                    <span aria-hidden="true" class="badge-icon">{move || symbol(status.get())}</span>
                    " "
                    <span class="badge-text">{move || status.get().label()}</span>
                </span>
            </h3>
            {move || {
                report
                    .with(|r: &ComponentReport| {
                        if r.findings.is_empty() {
                            view! { <p class="component-empty">{empty_text(c, r.status)}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="findings">
                                    {r.findings.iter().cloned().map(|f| finding(sb, f)).collect_view()}
                                </ul>
                            }
                                .into_any()
                        }
                    })
            }}
        </li>
    }
}

fn finding(sb: Sandbox, f: Finding) -> impl IntoView {
    let field = sb.doc.with_untracked(|d| sb.scope.field(field_of(d, &f)));
    let fix = f.fix.clone();
    let go = field.clone();
    view! {
        <li class=format!("finding finding-{}", f.severity.key()) data-rule=f.rule.clone()>
            <p class="finding-message">
                <span class="severity">{severity_label(f.severity)}": "</span>
                <button
                    type="button"
                    class="link-button"
                    title="Go to the field this is about"
                    data-field=field.clone()
                    on:click=move |_| focus_later(go.clone())
                >
                    {f.message.clone()}
                </button>
            </p>
            <p class="finding-why">{f.why.clone()}</p>
            <p class="finding-actions">
                <a href=f.url.clone()>"About this rule"</a>
                {fix
                    .map(|fix| {
                        let label = format!("Fix: {}", fix.description);
                        let field = field.clone();
                        view! {
                            <button
                                type="button"
                                class="button button-small"
                                on:click=move |_| {
                                    let mut result = Ok(());
                                    sb.edit(None, |d| result = fix.change.apply(d));
                                    match &result {
                                        Ok(()) => sb.say(format!("Fixed: {}. Undo takes the fix back.", fix.description)),
                                        Err(e) => sb.problem(format!("That fix cannot be applied: {e}.")),
                                    }
                                    focus_later(field.clone());
                                }
                            >
                                {label}
                            </button>
                        }
                    })}
            </p>
        </li>
    }
}

/// Says status changes aloud once the learner pauses, and what actions did at once.
#[component]
fn Announcer(sb: Sandbox) -> impl IntoView {
    let message = RwSignal::new(String::new());
    let said: StoredValue<Statuses> = StoredValue::new(sb.report.with_untracked(statuses));
    let pending: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
    let first = Cell::new(true);
    Effect::new(move |_| {
        let now = sb.report.with(statuses);
        if first.replace(false) {
            return;
        }
        if let Some(h) = pending.try_update_value(Option::take).flatten() {
            h.clear();
        }
        let handle = set_timeout_with_handle(
            move || {
                if let Some(text) = said.with_value(|before| changes(before, &now)) {
                    message.set(text);
                }
                said.set_value(now);
            },
            PAUSE,
        )
        .ok();
        pending.set_value(handle);
    });
    view! {
        <div class="visually-hidden" role="status" aria-live="polite" id=sb.id("feedback-announcer")>
            {move || message.get()}
        </div>
        <div class="visually-hidden" aria-live="polite" id=sb.id("action-announcer")>
            {move || sb.said.get()}
        </div>
    }
}
