//! The workflow document (format v1) and what it means.
//!
//! Raw input is read into the loose [`document`] form, exactly as written, so half-built work and
//! bad references survive. [`graph`] then works out what the document means: where work starts
//! and ends, who hands what to whom, what each step can rely on. The feedback rules read both.

pub mod artifact;
pub mod document;
pub mod edit;
pub mod examples;
pub mod generate;
pub mod graph;
pub mod history;
pub mod json_path;
pub mod link;
pub mod parse;
pub mod store;

pub use document::{NextDoc, OutcomeDoc, RoleDoc, StepDoc, TriggerDoc, TriggerKind, WorkflowDoc};
pub use parse::{parse, ParseError};
