//! The table of contents: every page in reading order, with its title and description.
//!
//! `content/SUMMARY.md` is the single source of order and titles. At build time it becomes a
//! static [`Toc`] compiled into the app (see `build.rs`); natively it is built from a loaded
//! site. Previous/next navigation, the sidebar and the print page all read this one list.

use flowguide_text::html::escape;

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
    /// Whether the page is in the sidebar and the reading order. Generated pages (one per feedback
    /// rule) are not: they are reached from the rule catalogue and from feedback.
    pub listed: bool,
}

impl TocPage<'_> {
    /// The slug: the last segment of the route.
    pub fn slug(&self) -> &str {
        self.route.rsplit('/').next().unwrap_or(self.route)
    }

    /// Where the page's rendered HTML fragment is served, relative to the site base.
    pub fn fragment_url(&self) -> String {
        let name = if self.route.is_empty() { "index" } else { self.route };
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

    /// The page before `route` in reading order. Unlisted pages step through each other.
    pub fn prev(&self, route: &str) -> Option<&'a TocPage<'a>> {
        let i = self.position(route)?;
        let listed = self.pages[i].listed;
        self.pages[..i].iter().rev().find(|p| p.listed == listed)
    }

    /// The page after `route` in reading order. Unlisted pages step through each other.
    pub fn next(&self, route: &str) -> Option<&'a TocPage<'a>> {
        let i = self.position(route)?;
        let listed = self.pages[i].listed;
        self.pages[i + 1..].iter().find(|p| p.listed == listed)
    }

    /// Listed pages of one kind, in order.
    pub fn of_kind(&self, kind: PageKind) -> impl Iterator<Item = &'a TocPage<'a>> {
        self.pages.iter().filter(move |p| p.kind == kind && p.listed)
    }

    /// Where the all-pages print fragment is served, with a version that changes with any page.
    pub fn print_url(&self) -> String {
        let versions: Vec<&str> = self.pages.iter().filter(|p| p.listed).map(|p| p.version).collect();
        format!("content/print.html?v={}", short_hash(&versions))
    }

    /// Consecutive runs of listed pages that share a section, in order: what the sidebar shows.
    /// Unlisted pages come after all listed ones.
    pub fn sections(&self) -> Vec<(&'a str, &'a [TocPage<'a>])> {
        let listed = &self.pages[..self.pages.iter().position(|p| !p.listed).unwrap_or(self.pages.len())];
        let mut out: Vec<(&'a str, &'a [TocPage<'a>])> = Vec::new();
        let mut start = 0;
        for i in 1..=listed.len() {
            if i == listed.len() || listed[i].section != listed[start].section {
                out.push((listed[start].section, &listed[start..i]));
                start = i;
            }
        }
        out
    }
}

/// 64-bit FNV-1a: a tiny, stable hash, good enough to tell one version of a file from another.
pub fn fnv1a(bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes.into_iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A short version tag for a page: [`fnv1a`] over its parts (each ended by a zero byte), 8 hex digits.
pub fn short_hash(parts: &[&str]) -> String {
    let h = fnv1a(parts.iter().flat_map(|p| p.bytes().chain(std::iter::once(0))));
    format!("{:08x}", h >> 32)
}

/// How [`Toc::list_html`] draws each page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListStyle {
    /// Just the link, as in the sidebar.
    Links,
    /// The link with the page's description under it.
    Cards,
}

impl Toc<'_> {
    /// The pages as `<li>` items of links, for static lists (sidebar, lesson cards, the 404 page).
    /// `base` is the deployment base (`""` or `/course/flowguide`); every text is escaped, and
    /// each link carries `data-route` so the current page can be marked without redrawing.
    pub fn list_html<'p>(pages: impl IntoIterator<Item = &'p TocPage<'p>>, base: &str, style: ListStyle) -> String {
        let mut out = String::new();
        for p in pages {
            let link = format!(
                "<a href=\"{}/{}\" data-route=\"{}\">{}</a>",
                escape(base),
                escape(p.route),
                escape(p.route),
                escape(p.title)
            );
            match style {
                ListStyle::Links => out.push_str(&format!("<li>{link}</li>")),
                ListStyle::Cards => out.push_str(&format!(
                    "<li class=\"card\">{link}<p>{}</p></li>",
                    escape(p.description)
                )),
            }
        }
        out
    }

    /// The sidebar: a heading and an ordered list per section. The welcome page's section, which
    /// has no name, is headed `home_heading`.
    pub fn sidebar_html(&self, base: &str, home_heading: &str) -> String {
        self.sections()
            .into_iter()
            .map(|(section, pages)| {
                let heading = if section.is_empty() { home_heading } else { section };
                format!(
                    "<h2 class=\"sidebar-heading\">{}</h2><ol class=\"sidebar-list\">{}</ol>",
                    escape(heading),
                    Toc::list_html(pages, base, ListStyle::Links)
                )
            })
            .collect()
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
            listed: true,
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
    fn the_print_url_changes_with_any_listed_page() {
        let mut rule = page("reference/rules/a", "Rules");
        rule.listed = false;
        let pages = [page("learn/a", "Learn"), rule];
        let before = Toc { pages: &pages }.print_url();
        let mut edited = pages;
        edited[0].version = "2";
        assert_ne!(Toc { pages: &edited }.print_url(), before);
        let mut rule_edited = pages;
        rule_edited[1].version = "2";
        assert_eq!(
            Toc { pages: &rule_edited }.print_url(),
            before,
            "rule pages are not printed"
        );
        assert!(before.starts_with("content/print.html?v=") && before.len() == "content/print.html?v=".len() + 8);
    }

    #[test]
    fn unlisted_pages_step_among_themselves() {
        let mut r1 = page("reference/rules/a", "Rules");
        r1.listed = false;
        let mut r2 = page("reference/rules/b", "Rules");
        r2.listed = false;
        let pages = [page("", ""), page("reference/glossary", "Reference"), r1, r2];
        let toc = Toc { pages: &pages };
        assert!(toc.next("reference/glossary").is_none());
        assert_eq!(toc.next("reference/rules/a").unwrap().route, "reference/rules/b");
        assert!(toc.prev("reference/rules/a").is_none());
        assert_eq!(toc.sections().len(), 2);
        assert_eq!(toc.of_kind(PageKind::Reference).count(), 1);
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
        assert_eq!(page("learn/a", "Learn").fragment_url(), "content/learn/a.html?v=1");
        assert_eq!(page("learn/a", "Learn").slug(), "a");
    }

    #[test]
    fn lists_are_escaped_links_under_the_base() {
        let mut p = page("learn/a", "Learn");
        p.title = "Tasks <b>& more</b>";
        p.description = "Why \"quotes\" matter";
        let pages = [p];
        let html = Toc::list_html(&pages, "/course/fg", ListStyle::Cards);
        assert_eq!(
            html,
            "<li class=\"card\"><a href=\"/course/fg/learn/a\" data-route=\"learn/a\">Tasks &lt;b&gt;&amp; more&lt;/b&gt;</a><p>Why &quot;quotes&quot; matter</p></li>"
        );
        assert_eq!(Toc::list_html(&pages[..0], "", ListStyle::Links), "");
    }

    #[test]
    fn the_sidebar_has_a_list_per_section() {
        let pages = [page("", ""), page("learn/a", "Learn"), page("reference/c", "Reference")];
        let html = Toc { pages: &pages }.sidebar_html("", "Start");
        assert!(
            html.starts_with(
                "<h2 class=\"sidebar-heading\">Start</h2><ol class=\"sidebar-list\"><li><a href=\"/\" data-route=\"\">"
            ),
            "{html}"
        );
        assert_eq!(html.matches("<ol").count(), 3);
        assert!(html.contains("<h2 class=\"sidebar-heading\">Reference</h2>"));
    }
}
