//! Resolves links written in lesson Markdown and checks that each one lands somewhere real.
//!
//! Authors link pages the mdBook way, by relative path to the `.md` file
//! (`../reference/glossary.md#handoff`), and the site's tools by relative path to their route,
//! with no extension (`../sandbox`). The renderer turns those into base-relative hrefs
//! (`reference/glossary#handoff`, `sandbox`) so the built site works at `/` and under any sub-path.

use super::route_of;
use flowguide_text::href::route_href;

/// Where a link in the Markdown points.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkTarget {
    /// Another page of the site (or this one), by content path, with an optional anchor.
    Internal { source: String, anchor: Option<String> },
    /// One of the site's tool pages ([`TOOLS`]), which the site generator writes, not content/.
    Tool(&'static str),
    /// A full URL (`https:`, `mailto:`), left as written.
    External(String),
    /// Something the site cannot serve, with the reason.
    Invalid(String),
}

/// The routes of the pages the site generator writes for its tools, which lessons may link to.
pub const TOOLS: [&str; 1] = ["sandbox"];

/// Resolves `dest`, written inside the page `from` (a content path such as `learn/a.md`).
pub fn resolve(from: &str, dest: &str) -> LinkTarget {
    if dest.is_empty() {
        return LinkTarget::Invalid("the link has no destination".into());
    }
    if let Some(scheme_end) = dest.find(':') {
        let scheme = &dest[..scheme_end];
        if !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '+' || c == '-' || c == '.')
        {
            return match scheme.to_ascii_lowercase().as_str() {
                "http" | "https" | "mailto" => LinkTarget::External(dest.to_string()),
                other => LinkTarget::Invalid(format!("links with the `{other}:` scheme are not allowed")),
            };
        }
    }
    if dest.starts_with('/') {
        return LinkTarget::Invalid(format!(
            "`{dest}` is an absolute path; link to the .md file by relative path so the site works under a sub-path"
        ));
    }
    let (path, anchor) = match dest.split_once('#') {
        Some((path, anchor)) => (path, Some(anchor.to_string())),
        None => (dest, None),
    };
    if path.is_empty() {
        return LinkTarget::Internal {
            source: from.to_string(),
            anchor,
        };
    }
    let tool = !path.ends_with(".md");
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return LinkTarget::Invalid(format!("`{dest}` climbs out of content/"));
                }
            }
            s => parts.push(s),
        }
    }
    let joined = parts.join("/");
    if tool {
        return match TOOLS.iter().find(|t| **t == joined) {
            Some(t) if anchor.is_none() => LinkTarget::Tool(t),
            Some(_) => LinkTarget::Invalid(format!(
                "`{dest}` links a tool page with an anchor, which it does not have"
            )),
            None => LinkTarget::Invalid(format!(
                "`{dest}` does not point at a .md file in content/, nor at one of the site's tools ({})",
                TOOLS.join(", ")
            )),
        };
    }
    LinkTarget::Internal { source: joined, anchor }
}

/// The href the browser sees for an internal link: relative to the document's `<base href>`.
pub fn href(source: &str, anchor: Option<&str>) -> String {
    route_href(&route_of(source), anchor.unwrap_or(""))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn internal(source: &str, anchor: Option<&str>) -> LinkTarget {
        LinkTarget::Internal {
            source: source.into(),
            anchor: anchor.map(Into::into),
        }
    }

    #[test]
    fn resolves_relative_md_paths() {
        assert_eq!(resolve("learn/a.md", "b.md"), internal("learn/b.md", None));
        assert_eq!(
            resolve("learn/a.md", "../reference/glossary.md#handoff"),
            internal("reference/glossary.md", Some("handoff"))
        );
        assert_eq!(resolve("index.md", "learn/a.md"), internal("learn/a.md", None));
        assert_eq!(resolve("learn/a.md", "#top"), internal("learn/a.md", Some("top")));
        assert_eq!(resolve("learn/a.md", "./b.md"), internal("learn/b.md", None));
    }

    #[test]
    fn links_the_sites_tools_by_route() {
        assert_eq!(resolve("learn/a.md", "../sandbox"), LinkTarget::Tool("sandbox"));
        assert_eq!(resolve("index.md", "sandbox"), LinkTarget::Tool("sandbox"));
        assert_eq!(resolve("index.md", "./sandbox"), LinkTarget::Tool("sandbox"));
    }

    #[test]
    fn keeps_web_links_and_rejects_the_rest() {
        assert_eq!(
            resolve("index.md", "https://example.org/x"),
            LinkTarget::External("https://example.org/x".into())
        );
        assert!(matches!(
            resolve("index.md", "javascript:alert(1)"),
            LinkTarget::Invalid(_)
        ));
        assert!(matches!(resolve("index.md", "/learn/a.md"), LinkTarget::Invalid(_)));
        assert!(matches!(resolve("learn/a.md", "../../x.md"), LinkTarget::Invalid(_)));
        assert!(matches!(resolve("learn/a.md", "b"), LinkTarget::Invalid(_)));
        assert!(matches!(resolve("learn/a.md", "../sandbox#x"), LinkTarget::Invalid(_)));
        assert!(matches!(resolve("learn/a.md", "sandbox"), LinkTarget::Invalid(_)));
        assert!(matches!(resolve("learn/a.md", ""), LinkTarget::Invalid(_)));
    }

    #[test]
    fn hrefs_are_base_relative() {
        assert_eq!(href("index.md", None), "./");
        assert_eq!(href("learn/a.md", None), "learn/a");
        assert_eq!(
            href("reference/glossary.md", Some("handoff")),
            "reference/glossary#handoff"
        );
    }
}
