//! What the sandbox says aloud when verdicts change: "Roles: needs work, now good." It compares
//! the statuses last announced with the current ones, so a screen reader hears each change once,
//! after the learner pauses, rather than on every key.

use super::{Component, Report, Status};

/// The six statuses, in display order.
pub type Statuses = [Status; 6];

/// The statuses of a report.
pub fn statuses(report: &Report) -> Statuses {
    Component::ALL.map(|c| report.components.get(c).status)
}

/// One sentence naming every component whose status changed, or `None` when none did.
pub fn changes(before: &Statuses, after: &Statuses) -> Option<String> {
    let parts: Vec<String> = Component::ALL
        .iter()
        .zip(before.iter().zip(after))
        .filter(|(_, (b, a))| b != a)
        .map(|(c, (b, a))| format!("{}: {}, now {}.", c.title(), b.label(), a.label()))
        .collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Status::*;

    #[test]
    fn names_each_change_once() {
        let before = [Missing, Missing, NeedsWork, Missing, Missing, Missing];
        let mut after = before;
        assert_eq!(changes(&before, &after), None);
        after[2] = Good;
        assert_eq!(changes(&before, &after).unwrap(), "Roles: needs work, now good.");
        after[4] = NeedsWork;
        assert_eq!(
            changes(&before, &after).unwrap(),
            "Roles: needs work, now good. Inputs and outputs: missing, now needs work."
        );
    }
}
