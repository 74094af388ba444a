//! The editor's element ids. They are built from the engine's field keys
//! (`flowguide_engine::feedback::locate::Field::key`) with the editor's prefix.

use flowguide_engine::feedback::locate::Field;

/// The id of step `i`'s control `part` (`title`, `role`, `inputs`, `outputs`, `after`, `up`…).
pub fn step_field(i: usize, part: &str) -> String {
    format!("wf-step-{i}-{part}")
}

/// The id of role `i`'s name field.
pub fn role_field(i: usize) -> String {
    format!("wf-role-{i}-name")
}

/// The id of the element that edits `field`.
pub fn field_id(field: Field) -> String {
    format!("wf-{}", field.key())
}
