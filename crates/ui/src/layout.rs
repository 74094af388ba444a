//! The sandbox's layout. Every sandbox knows whether the screen is narrow (a phone), which the
//! stylesheet's breakpoint decides, read here with `matchMedia`.
//!
//! With the `editor-layout` feature (the studio), [`tabs`], [`pane`] and [`splitter`] make the
//! editor with a panel beside it on wide screens (the diagram or the feedback, chosen by tabs)
//! that stays in view while the editor scrolls, with a handle to resize the two; on narrow
//! screens, Edit, Feedback and Diagram are tabs, one part at a time.

use leptos::prelude::*;

use super::state::Sandbox;

#[cfg(feature = "editor-layout")]
mod side_by_side;
#[cfg(feature = "editor-layout")]
pub use side_by_side::{pane, splitter, tabs};

/// The breakpoint of `style/sandbox.css`: below it, one part at a time.
const NARROW: &str = "(max-width: 56rem)";

/// Keeps `sb.narrow` true while the screen is below the breakpoint.
pub fn watch_narrow(sb: Sandbox) {
    let narrow = || window().match_media(NARROW).ok().flatten().is_some_and(|q| q.matches());
    sb.narrow.set(narrow());
    let resized = window_event_listener(leptos::ev::resize, move |_| {
        let now = narrow();
        if sb.narrow.get_untracked() != now {
            sb.narrow.set(now);
        }
    });
    on_cleanup(move || resized.remove());
}
