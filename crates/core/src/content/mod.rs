//! The lesson content: the table-of-contents file, page front matter, Markdown rendering and
//! link checking.
//!
//! Parsing `SUMMARY.md` and front matter is always available; loading files and rendering
//! Markdown need the `markdown` feature, which only native build-time code turns on.

pub mod frontmatter;
pub mod links;
pub mod summary;

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
