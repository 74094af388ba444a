//! Flowguide's lessons: the table-of-contents file, page front matter, Markdown rendering, link
//! checking, the rule catalogue and the pages generated from all of them.
//!
//! Parsing `SUMMARY.md` and front matter is always available; loading files and rendering
//! Markdown need the `markdown` feature, which only native build-time code turns on.
//!
//! Architecture invariant: this crate runs natively, at build time. It knows nothing of Leptos or
//! the browser, and only the build (the site generator, `build.rs`) turns on `markdown`, so
//! pulldown-cmark never reaches a wasm bundle.

#[cfg(feature = "markdown")]
pub mod catalogue;
pub mod frontmatter;
pub mod links;
#[cfg(feature = "markdown")]
pub mod pages;
#[cfg(feature = "markdown")]
pub mod practice;
pub mod summary;
pub mod toc;

#[cfg(feature = "markdown")]
pub mod render;
#[cfg(feature = "markdown")]
pub mod site;
#[cfg(feature = "markdown")]
pub mod workflow_block;

/// Turns a content path (`learn/what-is-a-workflow.md`) into its route (`learn/what-is-a-workflow`).
/// The welcome page `index.md` becomes the empty route.
pub fn route_of(source: &str) -> String {
    let stem = source.strip_suffix(".md").unwrap_or(source);
    if stem == "index" {
        String::new()
    } else {
        stem.to_string()
    }
}
