//! Loads the whole of `content/`, renders every page and checks the result: pages exist, have
//! titles and front matter, every internal link and anchor resolves, every glossary link names a
//! real term. The site generator and `build.rs` both start here, so they always agree.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::Path;

use super::frontmatter::{self, FrontMatter};
use super::links::LinkTarget;
use super::render::{self, RenderedPage};
use super::{route_of, summary};
use crate::toc::short_hash;
use crate::toc::{PageKind, TocPage};
use flowguide_engine::feedback::{rules, Rule, RuleDocs};
use flowguide_search::{DocKind, SearchDoc};
use flowguide_text::html::escape;

/// The content path of the glossary, which the router serves at `/reference/glossary`.
pub const GLOSSARY: &str = "reference/glossary.md";

/// The content path of the rule catalogue, which the generated list of rules is appended to.
pub const RULES_PAGE: &str = "reference/rules.md";

/// The site's name, in titles and the header.
pub const SITE_NAME: &str = "Flowguide";

/// A problem in the content, naming the file it is in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentError {
    pub file: String,
    pub message: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "content/{}: {}", self.file, self.message)
    }
}

/// One page: what SUMMARY.md says of it, its front matter and its Markdown body.
#[derive(Clone, Debug)]
pub struct Page {
    /// Path relative to `content/`: `learn/what-is-a-workflow.md`.
    pub source: String,
    pub route: String,
    pub title: String,
    pub section: String,
    pub kind: PageKind,
    pub front: FrontMatter,
    /// The Markdown body; for a generated page, its rendered HTML.
    pub body: String,
    /// A short hash of the page's title, front matter and body.
    pub version: String,
    /// In the sidebar and reading order (false for generated pages).
    pub listed: bool,
    /// For a generated rule page, the rule it documents.
    pub rule: Option<(&'static Rule, &'static RuleDocs)>,
}

/// Every page of the site, in reading order.
#[derive(Clone, Debug)]
pub struct Site {
    pub pages: Vec<Page>,
}

/// A page together with what rendering it produced.
pub struct RenderedSite<'a> {
    pub site: &'a Site,
    pub pages: Vec<RenderedPage>,
}

impl Site {
    /// Reads `SUMMARY.md` and every page it lists from `dir`.
    pub fn load(dir: &Path) -> Result<Site, Vec<ContentError>> {
        let read = |file: &str| {
            std::fs::read_to_string(dir.join(file)).map_err(|e| ContentError {
                file: file.to_string(),
                message: format!("cannot be read: {e}"),
            })
        };
        let summary_text = read("SUMMARY.md").map_err(|e| vec![e])?;
        let entries = summary::parse(&summary_text).map_err(|e| {
            vec![ContentError {
                file: "SUMMARY.md".into(),
                message: e.to_string(),
            }]
        })?;
        let mut errors = Vec::new();
        let mut texts = Vec::new();
        for entry in entries {
            match read(&entry.source) {
                Ok(text) => texts.push((entry, text)),
                Err(e) => errors.push(e),
            }
        }
        let site = Site::from_texts(texts.iter().map(|(e, t)| (e.clone(), t.as_str())));
        match site {
            Ok(site) if errors.is_empty() => Ok(site),
            Ok(_) => Err(errors),
            Err(mut more) => {
                errors.append(&mut more);
                Err(errors)
            }
        }
    }

    /// Builds a site from summary entries and their file texts (what `load` reads from disk).
    pub fn from_texts<'t>(
        entries: impl IntoIterator<Item = (summary::SummaryEntry, &'t str)>,
    ) -> Result<Site, Vec<ContentError>> {
        let mut pages = Vec::new();
        let mut errors = Vec::new();
        for (entry, text) in entries {
            let route = route_of(&entry.source);
            let err = |message: String| ContentError {
                file: entry.source.clone(),
                message,
            };
            let Some(kind) = PageKind::from_route(&route) else {
                errors.push(err("pages must be index.md or live under learn/ or reference/".into()));
                continue;
            };
            if kind != PageKind::Home && route.matches('/').count() != 1 {
                errors.push(err("pages must sit directly inside learn/ or reference/".into()));
                continue;
            }
            match frontmatter::split(text) {
                Ok((front, body)) => {
                    let version = short_hash(&[&entry.title, &front.description, &front.goal, body]);
                    pages.push(Page {
                        source: entry.source.clone(),
                        route,
                        title: entry.title.clone(),
                        section: entry.section.clone(),
                        kind,
                        front,
                        body: body.to_string(),
                        version,
                        listed: true,
                        rule: None,
                    })
                }
                Err(message) => errors.push(err(message)),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        // One generated page per feedback rule, after every page SUMMARY.md lists.
        for (rule, docs) in rules::documented() {
            let html = crate::catalogue::rule_html(rule, docs);
            let summary = docs
                .description
                .split(". ")
                .next()
                .unwrap_or(docs.description)
                .trim_end_matches('.');
            pages.push(Page {
                source: format!("{}.md", rule.url()),
                route: rule.url(),
                title: docs.title.to_string(),
                section: "Feedback rules".to_string(),
                kind: PageKind::Reference,
                front: FrontMatter {
                    description: format!("{summary}."),
                    goal: String::new(),
                },
                version: short_hash(&[docs.title, &html]),
                // A generated page's body is its finished HTML, not Markdown.
                body: html,
                listed: false,
                rule: Some((rule, docs)),
            });
        }
        Ok(Site { pages })
    }

    /// The table of contents, borrowing from the site.
    pub fn toc_pages(&self) -> Vec<TocPage<'_>> {
        self.pages
            .iter()
            .map(|p| TocPage {
                route: &p.route,
                title: &p.title,
                description: &p.front.description,
                goal: &p.front.goal,
                section: &p.section,
                kind: p.kind,
                version: &p.version,
                listed: p.listed,
            })
            .collect()
    }

    /// Renders every page. Generated rule pages come from the rule's documentation, and the rule
    /// catalogue page gets the generated list of rules after its text.
    pub fn render(&self) -> RenderedSite<'_> {
        let pages = self
            .pages
            .iter()
            .map(|p| {
                if let Some((rule, docs)) = p.rule {
                    let text = format!(
                        "{} {} {}",
                        rule.id.replace('-', " "),
                        docs.description.replace('`', ""),
                        rule.why
                    );
                    return RenderedPage {
                        html: p.body.clone(),
                        sections: vec![render::TextSection {
                            text,
                            ..Default::default()
                        }],
                        ..RenderedPage::default()
                    };
                }
                let mut rendered = render::render(&p.source, &p.body);
                if p.source == RULES_PAGE {
                    rendered.html.push_str(&crate::catalogue::index_html());
                    rendered.anchors.insert("all-rules".into());
                }
                rendered
            })
            .collect();
        RenderedSite { site: self, pages }
    }

    /// Rust source for a `static TOC: Toc<'static>` holding this site's table of contents.
    pub fn toc_source(&self) -> String {
        let mut out = String::from(
            "pub static TOC: ::flowguide_content::toc::Toc<'static> = ::flowguide_content::toc::Toc { pages: &[\n",
        );
        for p in self.toc_pages() {
            out.push_str(&format!(
                "    ::flowguide_content::toc::TocPage {{ route: {:?}, title: {:?}, description: {:?}, goal: {:?}, section: {:?}, kind: ::flowguide_content::toc::PageKind::{:?}, version: {:?}, listed: {} }},\n",
                p.route,
                p.title,
                // Generated pages' descriptions stay out of the bundle; their route files carry them.
                if p.listed { p.description } else { "" },
                p.goal,
                p.section,
                p.kind,
                p.version,
                p.listed
            ));
        }
        out.push_str("] };\n");
        out
    }
}

impl RenderedSite<'_> {
    /// Every problem in the content. An empty list means the site is sound.
    pub fn check(&self) -> Vec<ContentError> {
        let mut errors = Vec::new();
        let anchors: HashMap<&str, &HashSet<String>> = self
            .site
            .pages
            .iter()
            .zip(&self.pages)
            .map(|(p, r)| (p.source.as_str(), &r.anchors))
            .collect();
        let glossary_terms: Option<HashSet<&str>> = self
            .site
            .pages
            .iter()
            .zip(&self.pages)
            .find(|(p, _)| p.source == GLOSSARY)
            .map(|(_, r)| r.terms.iter().map(|t| t.id.as_str()).collect());
        if glossary_terms.is_none() {
            errors.push(ContentError {
                file: "SUMMARY.md".into(),
                message: format!("the glossary `{GLOSSARY}` is not listed"),
            });
        }
        for (page, rendered) in self.site.pages.iter().zip(&self.pages) {
            let mut err = |message: String| {
                errors.push(ContentError {
                    file: page.source.clone(),
                    message,
                })
            };
            if page.title.trim().is_empty() {
                err("has no title in SUMMARY.md".into());
            }
            if page.front.description.trim().is_empty() {
                err("has no `description` in its front matter".into());
            } else if page.front.description.chars().count() > 200 {
                err("its `description` is longer than 200 characters".into());
            }
            if page.kind == PageKind::Lesson {
                if page.front.goal.trim().is_empty() {
                    err("is a lesson but has no `goal` in its front matter".into());
                }
                if rendered.checks == 0 {
                    err("is a lesson but has no `check` block (a \"check yourself\" question)".into());
                }
            }
            if rendered.html.trim().is_empty() {
                err("renders to nothing".into());
            }
            for problem in &rendered.problems {
                err(problem.clone());
            }
            for link in &rendered.links {
                let LinkTarget::Internal { source, anchor } = &link.target else {
                    continue;
                };
                let Some(target_anchors) = anchors.get(source.as_str()) else {
                    err(format!(
                        "the link `{}` points to `{source}`, which SUMMARY.md does not list",
                        link.dest
                    ));
                    continue;
                };
                let Some(anchor) = anchor.as_deref().filter(|a| !a.is_empty()) else {
                    continue;
                };
                if source == GLOSSARY {
                    if !glossary_terms.as_ref().is_some_and(|t| t.contains(anchor)) {
                        err(format!(
                            "the link `{}` names the glossary term `{anchor}`, which the glossary does not define",
                            link.dest
                        ));
                    }
                } else if !target_anchors.contains(anchor) {
                    err(format!(
                        "the link `{}` points to the anchor `#{anchor}`, which `{source}` does not have",
                        link.dest
                    ));
                }
            }
        }
        errors
    }

    /// Every lesson and reference page on one page, in reading order, for `/print`. Each page is
    /// a `<section>` with its section name, title and learning goal above its text.
    pub fn print_html(&self) -> String {
        let mut out = String::new();
        for (page, rendered) in self
            .site
            .pages
            .iter()
            .zip(&self.pages)
            .filter(|(p, _)| p.kind != PageKind::Home && p.listed)
        {
            out.push_str(&format!(
                "<section class=\"print-page\" aria-labelledby=\"print-{id}\"><p class=\"eyebrow\">{section}</p><h2 class=\"print-title\" id=\"print-{id}\">{title}</h2>",
                id = escape(&page.route.replace('/', "-")),
                section = escape(&page.section),
                title = escape(&page.title),
            ));
            if !page.front.goal.is_empty() {
                out.push_str(&format!(
                    "<p class=\"goal\"><strong>Learning goal: </strong>{}</p>",
                    escape(&page.front.goal)
                ));
            }
            out.push_str(&format!("<div class=\"prose\">{}</div></section>\n", rendered.html));
        }
        out
    }

    /// The documents the search index is built from: each page, each section, each glossary term.
    pub fn search_docs(&self) -> Vec<SearchDoc> {
        let mut docs = Vec::new();
        for (page, rendered) in self.site.pages.iter().zip(&self.pages) {
            let section_name = if page.section.is_empty() {
                SITE_NAME.to_string()
            } else {
                page.section.clone()
            };
            let intro = rendered
                .sections
                .iter()
                .find(|s| s.id.is_empty())
                .map(|s| s.text.as_str())
                .unwrap_or("");
            docs.push(SearchDoc {
                route: page.route.clone(),
                anchor: String::new(),
                title: page.title.clone(),
                context: section_name,
                text: format!("{} {}", page.front.description, intro).trim().to_string(),
                kind: DocKind::Page,
            });
            for section in rendered.sections.iter().filter(|s| !s.id.is_empty()) {
                docs.push(SearchDoc {
                    route: page.route.clone(),
                    anchor: section.id.clone(),
                    title: section.heading.clone(),
                    context: page.title.clone(),
                    text: section.text.clone(),
                    kind: DocKind::Section,
                });
            }
            for term in &rendered.terms {
                docs.push(SearchDoc {
                    route: page.route.clone(),
                    anchor: term.id.clone(),
                    title: term.term.clone(),
                    context: page.title.clone(),
                    text: term.definition.clone(),
                    kind: DocKind::Term,
                });
            }
        }
        docs
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::summary::SummaryEntry;

    fn entry(source: &str, section: &str) -> SummaryEntry {
        SummaryEntry {
            title: format!("Title of {source}"),
            source: source.into(),
            section: section.into(),
            line: 1,
        }
    }

    fn site(pages: &[(&str, &str)]) -> Site {
        Site::from_texts(
            pages
                .iter()
                .map(|(s, t)| (entry(s, if *s == "index.md" { "" } else { "S" }), *t)),
        )
        .unwrap()
    }

    const LESSON: &str = "---\ndescription: D\ngoal: G\n---\nSee [the term](../reference/glossary.md#handoff).\n\n```check\nQ?\n---\nA.\n```\n";
    const GLOSSARY_MD: &str = "---\ndescription: Terms\n---\nHandoff\n: When work changes hands.\n";

    #[test]
    fn a_sound_site_has_no_errors() {
        let site = site(&[
            ("index.md", "---\ndescription: Hi\n---\nWelcome. [Start](learn/a.md)\n"),
            ("learn/a.md", LESSON),
            ("reference/glossary.md", GLOSSARY_MD),
        ]);
        let rendered = site.render();
        assert_eq!(rendered.check(), vec![]);
        let docs = rendered.search_docs();
        assert!(docs
            .iter()
            .any(|d| d.kind == DocKind::Term && d.anchor == "handoff" && d.text == "When work changes hands."));
    }

    #[test]
    fn broken_links_anchors_and_terms_are_named() {
        let lesson = "---\ndescription: D\ngoal: G\n---\n[a](missing.md) [b](../reference/glossary.md#nope) [c](b.md#nowhere)\n\n```check\nQ\n---\nA\n```\n";
        let site = site(&[
            ("learn/a.md", lesson),
            ("learn/b.md", LESSON),
            ("reference/glossary.md", GLOSSARY_MD),
        ]);
        let errors: Vec<String> = site.render().check().iter().map(ToString::to_string).collect();
        assert_eq!(errors.len(), 3, "{errors:#?}");
        assert!(errors[0].contains("`learn/missing.md`, which SUMMARY.md does not list"));
        assert!(errors[1].contains("glossary term `nope`"));
        assert!(errors[2].contains("anchor `#nowhere`"));
    }

    #[test]
    fn lessons_need_a_goal_and_a_check() {
        let site = site(&[
            ("learn/a.md", "---\ndescription: D\n---\nText\n"),
            ("reference/glossary.md", GLOSSARY_MD),
        ]);
        let errors: Vec<String> = site.render().check().iter().map(ToString::to_string).collect();
        assert!(errors.iter().any(|e| e.contains("no `goal`")));
        assert!(errors.iter().any(|e| e.contains("no `check` block")));
    }

    #[test]
    fn pages_outside_the_known_sections_are_rejected() {
        let errors = Site::from_texts([(entry("blog/a.md", "S"), "x")]).unwrap_err();
        assert!(errors[0].message.contains("learn/ or reference/"));
    }

    #[test]
    fn the_print_page_holds_every_page_but_the_welcome_in_order() {
        let site = site(&[
            ("index.md", "Hi"),
            ("learn/a.md", LESSON),
            ("reference/glossary.md", GLOSSARY_MD),
        ]);
        let html = site.render().print_html();
        assert_eq!(html.matches("<section class=\"print-page\"").count(), 2);
        let a = html.find("Title of learn/a.md").unwrap();
        let g = html.find("Title of reference/glossary.md").unwrap();
        assert!(a < g);
        assert!(html.contains("<strong>Learning goal: </strong>G</p>"));
        assert!(!html.contains("Hi"));
    }

    #[test]
    fn versions_change_with_the_text() {
        let a = site(&[("learn/a.md", LESSON)]);
        let b = site(&[("learn/a.md", &LESSON.replace("Q?", "Q2?"))]);
        assert_ne!(a.pages[0].version, b.pages[0].version);
        assert_eq!(a.pages[0].version.len(), 8);
    }

    #[test]
    fn toc_source_lists_every_page() {
        let s = site(&[("index.md", "x"), ("learn/a.md", LESSON)]);
        let src = s.toc_source();
        assert!(src.contains("route: \"learn/a\""));
        assert!(src.contains("PageKind::Home"));
    }
}
