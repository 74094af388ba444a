//! The site's table of contents, compiled in from `content/` by `build.rs`.

use flowguide_core::toc::{PageKind, TocPage};

include!(concat!(env!("OUT_DIR"), "/toc.rs"));

/// The site name, used in titles and the header.
pub const SITE_NAME: &str = "Flowguide";

/// The in-app path of a page: `/` or `/learn/what-is-a-workflow`.
pub fn page_path(page: &TocPage) -> String {
    format!("/{}", page.route)
}

/// The first lesson, where "Start learning" leads.
pub fn first_lesson() -> &'static TocPage<'static> {
    TOC.of_kind(PageKind::Lesson)
        .next()
        .expect("build.rs checks that lessons exist")
}

/// The route a browser path stands for, relative to the router base: `/learn/a/` → `learn/a`.
pub fn route_of_path(path: &str) -> &str {
    path.trim_matches('/')
}
