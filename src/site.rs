//! The site's table of contents, compiled in from `content/` by `build.rs`.

use flowguide_content::toc::{PageKind, TocPage};

include!(concat!(env!("OUT_DIR"), "/toc.rs"));

/// The site name, used in titles and the header.
pub const SITE_NAME: &str = "Flowguide";

/// The in-app path of a page: `/` or `/learn/what-is-a-workflow`.
pub fn page_path(page: &TocPage) -> String {
    format!("/{}", page.route)
}

thread_local! {
    static BASE: String = crate::browser::base_path();
}

/// The deployment base: `""` at the root, `/course/flowguide` under a sub-path.
pub fn base() -> String {
    BASE.with(Clone::clone)
}

/// The full href of an in-app path, with the deployment base in front: `/learn` →
/// `/course/flowguide/learn`. Plain `<a>` elements with these hrefs navigate inside the app,
/// because the router intercepts same-origin clicks below its base.
pub fn href(path: &str) -> String {
    BASE.with(|b| format!("{b}{path}"))
}

/// The page route of a browser pathname, with the base and outer slashes removed.
pub fn route_of_pathname(pathname: &str) -> String {
    BASE.with(|b| {
        pathname
            .strip_prefix(b.as_str())
            .unwrap_or(pathname)
            .trim_matches('/')
            .to_string()
    })
}

/// The first lesson, where "Start learning" leads.
pub fn first_lesson() -> &'static TocPage<'static> {
    TOC.of_kind(PageKind::Lesson)
        .next()
        .expect("build.rs checks that lessons exist")
}
