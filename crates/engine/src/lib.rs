//! Flowguide's engine: the workflow format ([`workflow`]), the feedback rules that judge a
//! workflow's six components ([`feedback`]), their fixes, and the exports to other tools
//! ([`export`]).
//!
//! Architecture invariant: the engine knows nothing of Leptos, the DOM, the browser, files or the
//! terminal, nor of lessons, search or element ids. Callers pass an id prefix for anything drawn
//! (SVG ids), and map a finding's [`feedback::locate::Field`] to their own element ids.

pub mod export;
pub mod feedback;
pub mod workflow;
