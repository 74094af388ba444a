//! Base-relative hrefs: every link Flowguide writes is relative to the document's `<base href>`,
//! so one build works at `/` and under any sub-path.

/// The base-relative href of a route and anchor: `learn/a#x`, or `./` for the welcome page.
pub fn route_href(route: &str, anchor: &str) -> String {
    let path = if route.is_empty() { "./" } else { route };
    if anchor.is_empty() {
        path.to_string()
    } else {
        format!("{path}#{anchor}")
    }
}

#[cfg(test)]
mod tests {
    use super::route_href;

    #[test]
    fn hrefs_are_base_relative() {
        assert_eq!(route_href("", ""), "./");
        assert_eq!(route_href("", "top"), "./#top");
        assert_eq!(route_href("learn/a", ""), "learn/a");
        assert_eq!(
            route_href("reference/glossary", "handoff"),
            "reference/glossary#handoff"
        );
    }
}
