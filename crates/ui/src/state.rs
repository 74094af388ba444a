//! The sandbox's state: the document, its undo history, the feedback preset and the messages the
//! page shows. Every edit goes through [`Sandbox::edit`], so every edit can be undone.

use flowguide_engine::feedback::locate::Field;
use flowguide_engine::feedback::{analyse, Config, Preset, Report};
use flowguide_engine::workflow::history::History;
use flowguide_engine::workflow::WorkflowDoc;
use leptos::prelude::*;

/// How a message looks and is announced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    /// Something the learner should know, said politely.
    Info,
    /// Something went wrong; said at once.
    Problem,
}

/// A message above the editor, with an optional action.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub tone: Tone,
    pub text: String,
    /// A backup the learner can download: (file name, contents).
    pub download: Option<(String, String)>,
}

/// Where autosave stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    Saving,
    /// Saving failed; the reason is in a notice.
    Failed,
}

/// Where one sandbox lives on its page: every element id, ARIA reference and SVG id it writes
/// starts with its prefix, and its saved work lives under its storage key. Both come from the
/// page that mounts it, so several sandboxes on one page never share an id or a saved workflow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scope {
    prefix: &'static str,
    pub storage_key: &'static str,
    /// Words that tell this sandbox's parts from another's on the same page ("the model
    /// answer"): added to the names of its landmarks. Empty for a page's only sandbox.
    pub label: &'static str,
}

impl Scope {
    /// A scope with `prefix` for ids (kept to letters, digits and hyphens) and `storage_key`.
    /// Mounted components live as long as the page, so the two strings are kept for good.
    pub fn new(prefix: &str, storage_key: &str) -> Scope {
        let clean: String = prefix
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' })
            .collect();
        let clean = if clean.is_empty() { "sandbox".to_string() } else { clean };
        Scope {
            prefix: Box::leak(clean.into_boxed_str()),
            storage_key: Box::leak(storage_key.to_string().into_boxed_str()),
            label: "",
        }
    }

    /// A scope whose landmarks' names end with `label`, for one of several sandboxes on a page.
    pub fn labelled(prefix: &str, storage_key: &str, label: &str) -> Scope {
        Scope {
            label: Box::leak(label.to_string().into_boxed_str()),
            ..Scope::new(prefix, storage_key)
        }
    }

    /// What a landmark's `aria-labelledby` holds: its heading's id, and the sandbox's label when
    /// it has one.
    #[cfg(feature = "exercises")]
    pub fn labelled_by(&self, heading: &str) -> String {
        if self.label.is_empty() {
            heading.to_string()
        } else {
            format!("{heading} {}", self.id("label"))
        }
    }

    /// Without the `exercises` feature no page has several labelled sandboxes: the heading alone.
    #[cfg(not(feature = "exercises"))]
    #[inline(always)]
    pub fn labelled_by<'a>(&self, heading: &'a str) -> &'a str {
        heading
    }

    /// The id of this sandbox's element `name`: `wf-share-url`.
    pub fn id(&self, name: &str) -> String {
        format!("{}-{name}", self.prefix)
    }

    /// The id of the element that edits `field`.
    pub fn field(&self, field: Field) -> String {
        self.id(&field.key())
    }

    /// The id of step `i`'s control `part` (`title`, `role`, `inputs`, `outputs`, `after`, `up`…).
    pub fn step(&self, i: usize, part: &str) -> String {
        self.id(&format!("step-{i}-{part}"))
    }

    /// The id of role `i`'s name field.
    pub fn role(&self, i: usize) -> String {
        self.id(&format!("role-{i}-name"))
    }
}

/// Everything the sandbox's components share. Cheap to copy: only signal handles.
#[derive(Clone, Copy)]
pub struct Sandbox {
    pub scope: Scope,
    pub doc: RwSignal<WorkflowDoc>,
    history: StoredValue<History<WorkflowDoc>>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    pub preset: RwSignal<Preset>,
    /// The exercise the learner is working on, if any: its preset, overrides and rubric set the
    /// feedback (the preset chooser then has no say).
    pub exercise: Option<&'static flowguide_practice::Exercise>,
    pub report: Memo<Report>,
    /// Bumped when a fetched word list is installed (or could not be had): the report reads it,
    /// so the feedback runs again with the list.
    pub words: RwSignal<usize>,
    pub save: RwSignal<SaveState>,
    pub notice: RwSignal<Option<Notice>>,
    /// Short messages for screen readers about what an action did ("Moved step 3 up").
    pub said: RwSignal<String>,
    /// The selected step, highlighted in the editor and on the diagram.
    pub selected: RwSignal<Option<usize>>,
    /// Whether the learner asked to check everything, including the parts not started yet.
    pub check_all: RwSignal<bool>,
    /// On a phone, whether the editor is the part shown (if not, the side panel's part is).
    /// Which part is shown is kept in two flags, not a signal of `Pane`: each new signal type adds
    /// its own copy of the reactive code to the bundle. [`Sandbox::chosen`] reads them.
    editing: RwSignal<bool>,
    /// Whether the panel beside the editor shows the feedback (if not, the diagram).
    side_feedback: RwSignal<bool>,
    /// Whether the screen is narrow (a phone): one part at a time, as tabs.
    pub narrow: RwSignal<bool>,
}

/// A part of the sandbox a tab shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    Edit,
    Feedback,
    Diagram,
}

impl Pane {
    pub const ALL: [Pane; 3] = [Pane::Edit, Pane::Feedback, Pane::Diagram];

    pub fn key(self) -> &'static str {
        match self {
            Pane::Edit => "edit",
            Pane::Feedback => "feedback",
            Pane::Diagram => "diagram",
        }
    }
}

impl Sandbox {
    pub fn new(scope: Scope, doc: WorkflowDoc) -> Sandbox {
        Sandbox::for_exercise(scope, doc, None)
    }

    /// A sandbox whose feedback is `exercise`'s, rubric and all (or the general rules' without one).
    pub fn for_exercise(
        scope: Scope,
        doc: WorkflowDoc,
        exercise: Option<&'static flowguide_practice::Exercise>,
    ) -> Sandbox {
        let doc = RwSignal::new(doc);
        let preset = RwSignal::new(Preset::Recommended);
        let words = RwSignal::new(0usize);
        let report = Memo::new(move |_| {
            words.track();
            #[cfg(feature = "exercises")]
            if let Some(e) = exercise {
                return doc.with(|d| flowguide_practice::grade::feedback(e, d));
            }
            doc.with(|d| analyse(d, &Config::preset(preset.get())))
        });
        // A workflow in a language whose word list this bundle leaves out: fetch it, once.
        Effect::new(move |_| {
            report.with(|r| {
                if !r.language.skipped.is_empty() {
                    super::words::request(&r.language.tag, words);
                }
            })
        });
        Sandbox {
            scope,
            doc,
            history: StoredValue::new(History::new()),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            preset,
            exercise,
            report,
            words,
            save: RwSignal::new(SaveState::Saved),
            notice: RwSignal::new(None),
            said: RwSignal::new(String::new()),
            selected: RwSignal::new(None),
            check_all: RwSignal::new(false),
            editing: RwSignal::new(true),
            side_feedback: RwSignal::new(false),
            narrow: RwSignal::new(false),
        }
    }

    /// The exercise being worked on, if any. Always `None` without the `exercises` feature, so a
    /// bundle without it (the embed) compiles none of the exercise code.
    pub fn exercise(&self) -> Option<&'static flowguide_practice::Exercise> {
        if cfg!(feature = "exercises") {
            self.exercise
        } else {
            None
        }
    }

    /// Brings a part into view: its tab on a phone, the side panel's choice on a wide screen.
    pub fn show(&self, pane: Pane) {
        self.editing.set(pane == Pane::Edit);
        if pane != Pane::Edit {
            self.side_feedback.set(pane == Pane::Feedback);
        }
    }

    /// What the panel beside the editor shows: the feedback or the diagram.
    pub fn side(&self) -> Pane {
        if self.side_feedback.get() {
            Pane::Feedback
        } else {
            Pane::Diagram
        }
    }

    /// The tab chosen: on a phone the one part shown, on a wide screen the side panel's.
    pub fn chosen(&self) -> Pane {
        if self.narrow.get() && self.editing.get() {
            Pane::Edit
        } else {
            self.side()
        }
    }

    /// Whether `pane` is in view now.
    pub fn showing(&self, pane: Pane) -> bool {
        if self.narrow.get() {
            self.chosen() == pane
        } else {
            pane == Pane::Edit || self.side() == pane
        }
    }

    fn sync_buttons(&self) {
        self.history.with_value(|h| {
            self.can_undo.set(h.can_undo());
            self.can_redo.set(h.can_redo());
        });
    }

    /// Changes the document. Edits with the same `group` in a row (typing in one field) undo
    /// together; `None` makes the edit its own undo step.
    pub fn edit(&self, group: Option<&str>, f: impl FnOnce(&mut WorkflowDoc)) {
        let before = self.doc.get_untracked();
        let mut after = before.clone();
        f(&mut after);
        if after == before {
            return;
        }
        self.history.update_value(|h| {
            h.record(&before, &after, group);
        });
        self.doc.set(after);
        self.sync_buttons();
    }

    /// Replaces the whole document (an import, an example, a link, another tab), as one undo step.
    pub fn replace(&self, doc: WorkflowDoc) {
        self.history.update_value(History::close);
        self.edit(None, |d| *d = doc);
    }

    /// Ends the current typing group, so the next edit is a new undo step.
    pub fn close_group(&self) {
        self.history.update_value(History::close);
    }

    pub fn undo(&self) {
        let present = self.doc.get_untracked();
        if let Some(state) = self.history.try_update_value(|h| h.undo(&present)).flatten() {
            self.doc.set(state);
            self.say("Undone.");
        } else {
            self.say("Nothing to undo.");
        }
        self.sync_buttons();
    }

    pub fn redo(&self) {
        let present = self.doc.get_untracked();
        if let Some(state) = self.history.try_update_value(|h| h.redo(&present)).flatten() {
            self.doc.set(state);
            self.say("Redone.");
        } else {
            self.say("Nothing to redo.");
        }
        self.sync_buttons();
    }

    /// Tells screen readers (politely) what an action did.
    pub fn say(&self, text: impl Into<String>) {
        let text = text.into();
        // The same sentence twice in a row must still be heard: clear, then set.
        if self.said.get_untracked() == text {
            self.said.set(String::new());
        }
        self.said.set(text);
    }

    pub fn inform(&self, text: impl Into<String>) {
        self.notice.set(Some(Notice {
            tone: Tone::Info,
            text: text.into(),
            download: None,
        }));
    }

    /// The id of this sandbox's element `name` (see [`Scope::id`]).
    pub fn id(&self, name: &str) -> String {
        self.scope.id(name)
    }

    pub fn problem(&self, text: impl Into<String>) {
        self.notice.set(Some(Notice {
            tone: Tone::Problem,
            text: text.into(),
            download: None,
        }));
    }
}
