//! Undo and redo for the sandbox: an unlimited stack of whole states.
//!
//! Every edit records the state before it. Typing in one field is one edit, not one per key: an
//! edit with the same `group` as the previous one (the same field, still being typed in) joins it,
//! so a single undo takes the whole burst of typing back. Anything else (a button, another field,
//! an import, a fix, an undo) ends the group.

/// The states before and after the present one.
#[derive(Clone, Debug)]
pub struct History<T> {
    past: Vec<T>,
    future: Vec<T>,
    /// The group of the last edit, while it may still be extended.
    open: Option<String>,
}

impl<T> Default for History<T> {
    fn default() -> Self {
        History {
            past: Vec::new(),
            future: Vec::new(),
            open: None,
        }
    }
}

impl<T: Clone + PartialEq> History<T> {
    pub fn new() -> History<T> {
        History::default()
    }

    /// Records an edit from `before`. Returns false when nothing was recorded: the edit joined the
    /// open group, or changed nothing.
    pub fn record(&mut self, before: &T, after: &T, group: Option<&str>) -> bool {
        if before == after {
            return false;
        }
        self.future.clear();
        let joins = group.is_some() && self.open.as_deref() == group && !self.past.is_empty();
        self.open = group.map(str::to_string);
        if joins {
            return false;
        }
        self.past.push(before.clone());
        true
    }

    /// Ends the open group, so the next edit starts a new undo step.
    pub fn close(&mut self) {
        self.open = None;
    }

    /// The state to go back to from `present`, if any.
    pub fn undo(&mut self, present: &T) -> Option<T> {
        let state = self.past.pop()?;
        self.future.push(present.clone());
        self.open = None;
        Some(state)
    }

    /// The state to go forward to from `present`, if any.
    pub fn redo(&mut self, present: &T) -> Option<T> {
        let state = self.future.pop()?;
        self.past.push(present.clone());
        self.open = None;
        Some(state)
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn typing_in_one_field_is_one_step() {
        let mut h = History::new();
        let mut s = String::new();
        for c in "Review".chars() {
            let before = s.clone();
            s.push(c);
            h.record(&before, &s, Some("title"));
        }
        let before = s.clone();
        s.push_str(" claim");
        h.record(&before, &s, Some("role")); // another field: a new step
        let text = |s: &str| s.to_string();
        assert_eq!(h.undo(&s).as_deref(), Some("Review"));
        assert_eq!(h.undo(&text("Review")).as_deref(), Some(""));
        assert_eq!(h.undo(&text("")), None);
        assert_eq!(h.redo(&text("")).as_deref(), Some("Review"));
        assert_eq!(h.redo(&text("Review")).as_deref(), Some("Review claim"));
        assert_eq!(h.redo(&text("Review claim")), None);
    }

    #[test]
    fn closing_a_group_starts_a_new_step() {
        let mut h = History::new();
        h.record(&1, &2, Some("a"));
        h.close();
        h.record(&2, &3, Some("a"));
        assert_eq!(h.undo(&3), Some(2));
        assert_eq!(h.undo(&2), Some(1));
    }

    #[test]
    fn a_new_edit_clears_redo_and_no_change_is_not_recorded() {
        let mut h = History::new();
        assert!(!h.record(&1, &1, None));
        assert!(!h.can_undo());
        h.record(&1, &2, None);
        assert_eq!(h.undo(&2), Some(1));
        assert!(h.can_redo());
        h.record(&1, &5, None);
        assert!(!h.can_redo());
        // After an undo, typing in the same field starts a new step rather than joining.
        let mut h = History::new();
        h.record(&1, &2, Some("f"));
        let back = h.undo(&2).unwrap();
        h.record(&back, &3, Some("f"));
        h.record(&3, &4, Some("f"));
        assert_eq!(h.undo(&4), Some(1));
    }

    proptest! {
        /// Undoing every recorded edit returns to the start, and redoing them all returns to the
        /// end, whatever mix of grouped and ungrouped edits came before.
        #[test]
        fn undo_all_then_redo_all(edits in proptest::collection::vec((0u8..5, proptest::option::of(0u8..3)), 0..40)) {
            let mut h = History::new();
            let mut state = 0u32;
            let start = state;
            for (step, group) in edits {
                let before = state;
                state += u32::from(step);
                let group = group.map(|g| g.to_string());
                h.record(&before, &state, group.as_deref());
            }
            let end = state;
            while let Some(s) = h.undo(&state) { state = s; }
            prop_assert_eq!(state, start);
            while let Some(s) = h.redo(&state) { state = s; }
            prop_assert_eq!(state, end);
        }
    }
}
