//! Keeping work safe in the browser: autosave to localStorage (with a versioned envelope from the
//! core), restoring on load, keeping unreadable data aside, reporting a full quota, and following
//! changes made in another tab.

use std::cell::Cell;
use std::time::Duration;

use flowguide_engine::feedback::Preset;
use flowguide_engine::workflow::store::{self, StoreError};
use flowguide_engine::workflow::WorkflowDoc;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::state::{Notice, Sandbox, SaveState, Tone};

/// Autosave waits this long after the last change, so a burst of typing is one write.
const DELAY: Duration = Duration::from_millis(250);

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

fn now() -> u64 {
    js_sys::Date::now() as u64
}

/// Where the chosen feedback level is kept, beside the work under `key` (plain text:
/// `beginner`, `recommended`, `strict`).
fn preset_key(key: &str) -> String {
    format!("{key}-preset")
}

/// The feedback level chosen last time, if any.
pub fn preset(key: &str) -> Option<Preset> {
    storage()?.get_item(&preset_key(key)).ok()??.parse().ok()
}

/// Keeps the chosen feedback level for next time. Failing to keep it loses nothing of the work.
pub fn remember_preset(key: &str, p: Preset) {
    if key.is_empty() {
        return; // A sandbox that keeps nothing.
    }
    if let Some(s) = storage() {
        let _ = s.set_item(&preset_key(key), p.key());
    }
}

/// A small setting kept beside the work under `key` (such as the width of the editor), if any.
pub fn setting(key: &str, name: &str) -> Option<String> {
    storage()?.get_item(&format!("{key}-{name}")).ok()?
}

/// Keeps a small setting for next time. Failing to keep it loses nothing of the work.
pub fn keep_setting(key: &str, name: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(&format!("{key}-{name}"), value);
    }
}

/// What was found in storage when the page opened.
pub enum Loaded {
    Nothing,
    Restored(WorkflowDoc, Option<u64>),
    /// Saved data could not be read: the reason, and where it was kept (or why it could not be).
    Unreadable(StoreError, Result<String, String>, String),
    /// Storage cannot be used at all (blocked by the browser's settings).
    Unavailable,
}

/// Reads the work saved under `key`. Unreadable data is copied to a backup key first, so it is
/// never lost.
pub fn load(key: &str) -> Loaded {
    let Some(storage) = storage() else {
        return Loaded::Unavailable;
    };
    let raw = match storage.get_item(key) {
        Ok(Some(raw)) => raw,
        Ok(None) => return Loaded::Nothing,
        Err(_) => return Loaded::Unavailable,
    };
    match store::decode(&raw) {
        Ok(saved) => Loaded::Restored(saved.doc, saved.saved_at),
        Err(e) => {
            let backup = format!("{key}-backup-{}", now());
            let kept = match storage.set_item(&backup, &raw) {
                Ok(()) => Ok(backup),
                Err(err) => Err(error_name(&err)),
            };
            Loaded::Unreadable(e, kept, raw)
        }
    }
}

fn error_name(err: &wasm_bindgen::JsValue) -> String {
    err.dyn_ref::<web_sys::DomException>()
        .map(|e| e.name())
        .unwrap_or_else(|| "Error".into())
}

/// One sandbox's autosave: its key and where it stands. Every sandbox on a page has its own.
#[derive(Clone, Copy)]
struct Saver {
    key: &'static str,
    /// The pending autosave, if a change waits to be written.
    pending: StoredValue<Option<TimeoutHandle>>,
    /// Set while applying another tab's change, which must not be written back.
    from_elsewhere: StoredValue<bool>,
    /// Set when saving must stop (unreadable data could not be kept aside).
    disabled: StoredValue<bool>,
}

impl Saver {
    fn take_pending(&self) -> Option<TimeoutHandle> {
        self.pending.try_update_value(Option::take).flatten()
    }
}

/// Writes the document now. Returns the problem in plain words when it could not be saved.
fn write(key: &str, doc: &WorkflowDoc) -> Result<(), String> {
    let storage = storage().ok_or("this browser does not let pages store data, so your work is not saved")?;
    storage.set_item(key, &store::encode(doc, now())).map_err(|err| {
        if error_name(&err) == "QuotaExceededError" {
            "your browser's storage for this site is full, so the latest changes are not saved".to_string()
        } else {
            "this browser refused to store your work".to_string()
        }
    })
}

fn flush(sb: Sandbox, saver: Saver) {
    if let Some(handle) = saver.take_pending() {
        handle.clear();
        save_now(sb, saver);
    }
}

fn save_now(sb: Sandbox, saver: Saver) {
    if saver.disabled.get_value() {
        return;
    }
    match sb.doc.with_untracked(|d| write(saver.key, d)) {
        Ok(()) => {
            if sb.save.get_untracked() == SaveState::Failed {
                sb.notice.set(None);
            }
            sb.save.set(SaveState::Saved);
        }
        Err(why) => {
            sb.save.set(SaveState::Failed);
            sb.notice.set(Some(Notice {
                tone: Tone::Problem,
                text: format!(
                    "Not saved: {why}. Download your workflow as a file to keep it safe; saving will try again at your next change."
                ),
                download: None,
            }));
        }
    }
}

/// Saves every change within [`DELAY`], writes a pending change before the page goes away, and
/// follows changes made in other tabs.
pub fn autosave(sb: Sandbox, disabled: bool) {
    let saver = Saver {
        key: sb.scope.storage_key,
        pending: StoredValue::new(None),
        from_elsewhere: StoredValue::new(false),
        disabled: StoredValue::new(disabled),
    };
    // What was restored is already saved; anything else the page opened with (a link, or a blank
    // start after unreadable data) is saved like any change.
    let first = Cell::new(!sb.can_undo.get_untracked());
    Effect::new(move |_| {
        sb.doc.track();
        let elsewhere = saver
            .from_elsewhere
            .try_update_value(|f| std::mem::replace(f, false))
            .unwrap_or(false);
        if first.replace(false) || elsewhere || saver.disabled.get_value() {
            return;
        }
        sb.save.set(SaveState::Saving);
        if let Some(old) = saver.take_pending() {
            old.clear();
        }
        let handle = set_timeout_with_handle(
            move || {
                saver.take_pending();
                save_now(sb, saver);
            },
            DELAY,
        )
        .ok();
        saver.pending.set_value(handle);
    });
    let leaving = window_event_listener(leptos::ev::pagehide, move |_| flush(sb, saver));
    let other_tab = window_event_listener(leptos::ev::storage, move |e: web_sys::StorageEvent| {
        if e.key().as_deref() != Some(saver.key) {
            return;
        }
        let Some(text) = e.new_value() else {
            sb.inform("The saved workflow was cleared in another tab. This tab still shows it, and saves it again at your next change.");
            return;
        };
        match store::decode(&text) {
            Ok(saved) if sb.doc.with_untracked(|d| *d != saved.doc) => {
                // The other tab's version is now the saved one; this tab's unsaved change (if
                // any) is not written over it, and Undo brings back what this tab showed.
                if let Some(handle) = saver.take_pending() {
                    handle.clear();
                }
                saver.from_elsewhere.set_value(true);
                sb.replace(saved.doc);
                sb.save.set(SaveState::Saved);
                sb.inform("You changed this workflow in another tab, so this tab now shows those changes. Undo brings back what this tab showed before.");
            }
            Ok(_) => {}
            Err(_) => {
                sb.problem("Another tab saved something this tab cannot read. This tab keeps showing your workflow.")
            }
        }
    });
    on_cleanup(move || {
        flush(sb, saver);
        leaving.remove();
        other_tab.remove();
    });
}
