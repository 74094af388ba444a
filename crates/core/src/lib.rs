//! Flowguide's pure logic: the content model, the table of contents, search and link checking.
//!
//! Architecture invariant: nothing here knows about Leptos, the DOM or the browser. Everything is
//! plain Rust, tested natively with `cargo test`. Markdown rendering (pulldown-cmark) sits behind
//! the `markdown` feature, which only build-time code enables, so it never reaches the wasm bundle.

pub mod content;
pub mod export;
pub mod feedback;
pub mod html;
pub mod search;
pub mod slug;
pub mod toc;
pub mod workflow;
