//! The table of contents: every page in reading order, with its title and description.
//!
//! `content/SUMMARY.md` is the single source of order and titles. At build time it becomes a
//! static [`Toc`] compiled into the app (see `build.rs`); natively it is built from a loaded
//! site. Previous/next navigation, the sidebar and the print page all read this one list.

/// Where a page sits in the site, which decides its URL prefix and layout.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PageKind {
    /// The welcome page at `/`.
    Home,
    /// A lesson under `/learn/`.
    Lesson,
    /// A reference page under `/reference/`.
    Reference,
}

impl PageKind {
    /// The kind a content path implies: `index.md`, `learn/…` or `reference/…`.
    pub fn from_route(route: &str) -> Option<PageKind> {
        if route.is_empty() {
            Some(PageKind::Home)
        } else if route.starts_with("learn/") {
            Some(PageKind::Lesson)
        } else if route.starts_with("reference/") {
            Some(PageKind::Reference)
        } else {
            None
        }
    }
}

/// One page of the table of contents.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TocPage<'a> {
    /// The route without a leading slash: `""`, `"learn/what-is-a-workflow"`, `"reference/glossary"`.
    pub route: &'a str,
    pub title: &'a str,
    /// One sentence for `<meta name="description">` and search results.
    pub description: &'a str,
    /// The learning goal, or `""` when the page has none.
    pub goal: &'a str,
    /// The SUMMARY section the page sits in (`"Learn"`, `"Reference"`), `""` for the welcome page.
    pub section: &'a str,
    pub kind: PageKind,
    /// A short hash of the page's source, appended to its fragment URL so caches refresh on change.
    pub version: &'a str,
}

impl TocPage<'_> {
    /// The slug: the last segment of the route.
    pub fn slug(&self) -> &str {
        self.route.rsplit('/').next().unwrap_or(self.route)
    }

    /// Where the page's rendered HTML fragment is served, relative to the site base.
    pub fn fragment_url(&self) -> String {
        let name = if self.route.is_empty() {
            "index"
        } else {
            self.route
        };
        format!("content/{name}.html?v={}", self.version)
    }
}

/// Every page in reading order.
#[derive(Clone, Copy, Debug)]
pub struct Toc<'a> {
    pub pages: &'a [TocPage<'a>],
}

impl<'a> Toc<'a> {
    pub fn get(&self, route: &str) -> Option<&'a TocPage<'a>> {
        self.pages.iter().find(|p| p.route == route)
    }

    fn position(&self, route: &str) -> Option<usize> {
        self.pages.iter().position(|p| p.route == route)
    }

    /// The page before `route` in reading order.
    pub fn prev(&self, route: &str) -> Option<&'a TocPage<'a>> {
        let i = self.position(route)?;
        i.checked_sub(1).map(|i| &self.pages[i])
    }

    /// The page after `route` in reading order.
    pub fn next(&self, route: &str) -> Option<&'a TocPage<'a>> {
        let i = self.position(route)?;
        self.pages.get(i + 1)
    }

    /// Pages of one kind, in order.
    pub fn of_kind(&self, kind: PageKind) -> impl Iterator<Item = &'a TocPage<'a>> {
        self.pages.iter().filter(move |p| p.kind == kind)
    }

    /// Consecutive runs of pages that share a section, in order: what the sidebar shows.
    pub fn sections(&self) -> Vec<(&'a str, &'a [TocPage<'a>])> {
        let mut out: Vec<(&'a str, &'a [TocPage<'a>])> = Vec::new();
        let mut start = 0;
        for i in 1..=self.pages.len() {
            if i == self.pages.len() || self.pages[i].section != self.pages[start].section {
                out.push((self.pages[start].section, &self.pages[start..i]));
                start = i;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(route: &'static str, section: &'static str) -> TocPage<'static> {
        TocPage {
            route,
            title: route,
            description: "",
            goal: "",
            section,
            kind: PageKind::from_route(route).unwrap(),
            version: "1",
        }
    }

    const PAGES: [TocPage<'static>; 0] = [];

    #[test]
    fn prev_and_next_follow_reading_order() {
        let pages = [
            page("", ""),
            page("learn/a", "Learn"),
            page("learn/b", "Learn"),
            page("reference/c", "Reference"),
        ];
        let toc = Toc { pages: &pages };
        assert_eq!(toc.prev("learn/a").unwrap().route, "");
        assert_eq!(toc.next("learn/a").unwrap().route, "learn/b");
        assert_eq!(toc.next("learn/b").unwrap().route, "reference/c");
        assert!(toc.prev("").is_none());
        assert!(toc.next("reference/c").is_none());
        assert!(toc.next("missing").is_none());
    }

    #[test]
    fn sections_group_consecutive_pages() {
        let pages = [
            page("", ""),
            page("learn/a", "Learn"),
            page("learn/b", "Learn"),
            page("reference/c", "Reference"),
        ];
        let toc = Toc { pages: &pages };
        let sections: Vec<_> = toc.sections().iter().map(|(s, p)| (*s, p.len())).collect();
        assert_eq!(sections, vec![("", 1), ("Learn", 2), ("Reference", 1)]);
        assert!(Toc { pages: &PAGES }.sections().is_empty());
    }

    #[test]
    fn fragment_urls_name_the_page() {
        assert_eq!(page("", "").fragment_url(), "content/index.html?v=1");
        assert_eq!(
            page("learn/a", "Learn").fragment_url(),
            "content/learn/a.html?v=1"
        );
        assert_eq!(page("learn/a", "Learn").slug(), "a");
    }
}
