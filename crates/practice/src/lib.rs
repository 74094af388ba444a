//! Flowguide's exercises, for learners and instructors: the exercise file ([`exercise`]), its
//! rubric checks ([`rubric`]), grading one answer ([`grade`]) and a class ([`class`]), the model
//! answer beside the learner's work ([`compare`]), the
//! submission file ([`submission`]), exercise and submission links ([`link`]), the built-in
//! exercises ([`builtin`]) and the classification drill ([`drill`]).
//!
//! Architecture invariant: pure Rust, like the engine it builds on; nothing here knows of Leptos,
//! the DOM, files or the terminal. The browser's grading page and the command-line checker both
//! call [`grade::grade`], so they give the same verdict on the same work.

pub mod authoring;
pub mod builtin;
pub mod class;
pub mod compare;
pub mod drill;
pub mod exercise;
pub mod grade;
pub mod link;
pub mod progress;
pub mod rubric;
pub mod submission;

pub use exercise::{Exercise, ExerciseError};
pub use grade::{grade, Grade};
