//! Renders one page of lesson Markdown to an HTML fragment, and records what the checker and
//! the search index need: heading ids, links, glossary terms and the plain text of each section.
//!
//! Conventions beyond CommonMark (tables, footnotes, strikethrough and definition lists on):
//! - headings get ids from [`flowguide_text::slug`], and their text links to the heading itself;
//! - a fenced block with the info string `check` is a "check yourself" question: the text
//!   before a line holding only `---` is the question, the rest the answer, hidden in `<details>`;
//! - definition-list terms get ids, which is how glossary entries become linkable;
//! - links to `.md` files become base-relative hrefs (see [`super::links`]);
//! - raw HTML is shown as text and reported, because lessons are Markdown only.

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::{HashMap, HashSet};

use super::links::{self, LinkTarget};
use flowguide_text::html::escape;
use flowguide_text::slug::{slugify, UniqueIds};

/// A heading of the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// A link found in the page, for the checker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkRecord {
    /// The destination as written.
    pub dest: String,
    pub target: LinkTarget,
}

/// A glossary entry: a definition-list term and its definition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    pub id: String,
    pub term: String,
    pub definition: String,
}

/// The plain text under one heading (or before the first one, with an empty id).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextSection {
    pub id: String,
    pub heading: String,
    pub text: String,
}

/// Everything rendering one page produced.
#[derive(Clone, Debug, Default)]
pub struct RenderedPage {
    pub html: String,
    pub headings: Vec<Heading>,
    /// Every id the page defines: headings, terms and footnotes.
    pub anchors: HashSet<String>,
    pub links: Vec<LinkRecord>,
    pub terms: Vec<Term>,
    pub sections: Vec<TextSection>,
    /// How many "check yourself" blocks the page has.
    pub checks: usize,
    /// The workflows the page shows, with their stated and actual verdicts.
    pub workflows: Vec<super::workflow_block::ShownWorkflow>,
    /// Problems in the Markdown itself, in words an author understands.
    pub problems: Vec<String>,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_DEFINITION_LIST
        | Options::ENABLE_SMART_PUNCTUATION
}

/// Renders `markdown`, the body of the page whose content path is `source`.
pub fn render(source: &str, markdown: &str) -> RenderedPage {
    let mut r = Renderer {
        source,
        ids: UniqueIds::default(),
        footnotes: HashMap::new(),
        out: RenderedPage::default(),
    };
    r.out.sections.push(TextSection::default());
    let html = r.fragment(markdown, true);
    let mut out = r.out;
    out.html = html;
    out.sections.retain(|s| !s.id.is_empty() || !s.text.trim().is_empty());
    for s in &mut out.sections {
        s.text = collapse_spaces(&s.text);
    }
    out
}

struct Renderer<'a> {
    source: &'a str,
    ids: UniqueIds,
    footnotes: HashMap<String, usize>,
    out: RenderedPage,
}

fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn plain_text(events: &[Event]) -> String {
    let mut text = String::new();
    for e in events {
        match e {
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    collapse_spaces(&text)
}

fn level_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

impl Renderer<'_> {
    fn href(&self, anchor: &str) -> String {
        links::href(self.source, Some(anchor))
    }

    fn footnote_number(&mut self, label: &str) -> usize {
        let next = self.footnotes.len() + 1;
        *self.footnotes.entry(label.to_string()).or_insert(next)
    }

    /// Appends searchable text to the current section, unless `searchable` is off (check answers).
    fn push_text(&mut self, text: &str, searchable: bool) {
        if searchable {
            if let Some(section) = self.out.sections.last_mut() {
                section.text.push_str(text);
            }
        }
    }

    /// Renders a run of Markdown. `searchable` says whether its text goes into the search index.
    fn fragment(&mut self, markdown: &str, searchable: bool) -> String {
        let events: Vec<Event> = Parser::new_ext(markdown, options()).collect();
        let mut out: Vec<Event> = Vec::with_capacity(events.len());
        let mut i = 0;
        let mut in_term_definition: Option<usize> = None;
        while i < events.len() {
            let event = events[i].clone();
            match event {
                Event::Start(Tag::Heading { level, .. }) => {
                    let end = find_end(&events, i);
                    let inner = &events[i + 1..end];
                    let text = plain_text(inner);
                    let id = self.ids.id_for(&text);
                    let n = level_number(level);
                    if n == 1 {
                        self.out.problems.push(format!(
                            "the heading `{text}` is a level-1 heading; the page title comes from SUMMARY.md, so start sections at `##`"
                        ));
                    }
                    self.out.headings.push(Heading {
                        level: n,
                        id: id.clone(),
                        text: text.clone(),
                    });
                    self.out.anchors.insert(id.clone());
                    if n <= 3 && searchable {
                        self.out.sections.push(TextSection {
                            id: id.clone(),
                            heading: text.clone(),
                            text: String::new(),
                        });
                    }
                    let has_link = inner.iter().any(|e| matches!(e, Event::Start(Tag::Link { .. })));
                    out.push(Event::Html(format!("<h{n} id=\"{}\">", escape(&id)).into()));
                    if !has_link {
                        out.push(Event::Html(
                            format!("<a class=\"heading-link\" href=\"{}\">", escape(&self.href(&id))).into(),
                        ));
                    }
                    let inner_events: Vec<Event> = inner.to_vec();
                    out.extend(self.inline(inner_events, false));
                    if !has_link {
                        out.push(Event::Html("</a>".into()));
                    }
                    out.push(Event::Html(format!("</h{n}>\n").into()));
                    i = end + 1;
                    continue;
                }
                Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info)))
                    if info.split_whitespace().next() == Some("workflow") =>
                {
                    let end = find_end(&events, i);
                    let body: String = events[i + 1..end]
                        .iter()
                        .filter_map(|e| if let Event::Text(t) = e { Some(t.as_ref()) } else { None })
                        .collect();
                    match super::workflow_block::render(&info, &body) {
                        Ok((html, shown)) => {
                            for (key, expected, actual) in &shown.checks {
                                if expected != actual {
                                    self.out.problems.push(format!(
                                        "the workflow “{}” says {key} is `{expected}`, but Flowguide's feedback says `{actual}`",
                                        shown.name
                                    ));
                                }
                            }
                            self.out.workflows.push(shown);
                            out.push(Event::Html(html.into()));
                        }
                        Err(problem) => self.out.problems.push(problem),
                    }
                    i = end + 1;
                    continue;
                }
                Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) if info.trim() == "check" => {
                    let end = find_end(&events, i);
                    let body: String = events[i + 1..end]
                        .iter()
                        .filter_map(|e| if let Event::Text(t) = e { Some(t.as_ref()) } else { None })
                        .collect();
                    out.push(Event::Html(self.check_block(&body, searchable).into()));
                    i = end + 1;
                    continue;
                }
                Event::Start(Tag::DefinitionListTitle) => {
                    let end = find_end(&events, i);
                    let inner = &events[i + 1..end];
                    let term = plain_text(inner);
                    let id = self.ids.id_for(&term);
                    self.out.anchors.insert(id.clone());
                    self.out.terms.push(Term {
                        id: id.clone(),
                        term,
                        definition: String::new(),
                    });
                    out.push(Event::Html(format!("<dt id=\"{}\">", escape(&id)).into()));
                    out.extend(self.inline(inner.to_vec(), false));
                    out.push(Event::Html("</dt>\n".into()));
                    i = end + 1;
                    continue;
                }
                Event::Start(Tag::DefinitionListDefinition) => {
                    in_term_definition = Some(self.out.terms.len());
                    out.push(event);
                }
                Event::End(TagEnd::DefinitionListDefinition) => {
                    if let Some(term) = in_term_definition.take().and_then(|n| n.checked_sub(1)) {
                        let t = &mut self.out.terms[term];
                        t.definition = collapse_spaces(&t.definition);
                    }
                    out.push(event);
                }
                Event::Start(Tag::Table(_)) => {
                    out.push(Event::Html(
                        "<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Table (scrolls sideways on narrow screens)\">"
                            .into(),
                    ));
                    out.push(event);
                }
                Event::End(TagEnd::Table) => {
                    out.push(event);
                    out.push(Event::Html("</div>\n".into()));
                }
                Event::Start(Tag::FootnoteDefinition(label)) => {
                    let n = self.footnote_number(&label);
                    let id = format!("fn-{}", slugify(&label));
                    self.out.anchors.insert(id.clone());
                    out.push(Event::Html(
                        format!(
                            "<div class=\"footnote\" id=\"{}\"><span class=\"footnote-number\">{n}.</span>",
                            escape(&id)
                        )
                        .into(),
                    ));
                }
                Event::End(TagEnd::FootnoteDefinition) => {
                    // Find which footnote we are closing: the last definition opened before here.
                    let label = events[..i]
                        .iter()
                        .rev()
                        .find_map(|e| {
                            if let Event::Start(Tag::FootnoteDefinition(l)) = e {
                                Some(l.to_string())
                            } else {
                                None
                            }
                        })
                        .unwrap_or_default();
                    let n = self.footnote_number(&label);
                    let back = self.href(&format!("fnref-{}", slugify(&label)));
                    out.push(Event::Html(
                        format!("<a class=\"footnote-back\" href=\"{}\" aria-label=\"Back to footnote reference {n}\">↩</a></div>\n", escape(&back)).into(),
                    ));
                }
                Event::Start(Tag::Image { .. }) => {
                    self.out
                        .problems
                        .push("images are not supported in lessons yet; describe the idea in words".into());
                    let end = find_end(&events, i);
                    i = end + 1;
                    continue;
                }
                other => {
                    if let Some(n) = in_term_definition {
                        if let Event::Text(t) | Event::Code(t) = &other {
                            self.out.terms[n - 1].definition.push_str(t);
                        } else if matches!(other, Event::SoftBreak | Event::HardBreak) {
                            self.out.terms[n - 1].definition.push(' ');
                        }
                        out.extend(self.inline(vec![other], false));
                    } else {
                        out.extend(self.inline(vec![other], searchable));
                    }
                }
            }
            i += 1;
        }
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, out.into_iter());
        html
    }

    /// Rewrites inline events: links, footnote references and raw HTML. Also gathers search text.
    fn inline<'e>(&mut self, events: Vec<Event<'e>>, searchable: bool) -> Vec<Event<'e>> {
        let mut out = Vec::with_capacity(events.len());
        for event in events {
            match event {
                Event::Start(Tag::Link { dest_url, .. }) => {
                    let dest = dest_url.to_string();
                    let target = links::resolve(self.source, &dest);
                    let html = match &target {
                        LinkTarget::Internal { source, anchor } => {
                            format!("<a href=\"{}\">", escape(&links::href(source, anchor.as_deref())))
                        }
                        LinkTarget::Tool(route) => {
                            format!("<a href=\"{}\">", escape(&flowguide_text::href::route_href(route, "")))
                        }
                        LinkTarget::External(url) => {
                            format!("<a href=\"{}\" rel=\"external noopener\">", escape(url))
                        }
                        LinkTarget::Invalid(reason) => {
                            self.out.problems.push(format!("the link `{dest}` is broken: {reason}"));
                            "<a>".to_string()
                        }
                    };
                    self.out.links.push(LinkRecord { dest, target });
                    out.push(Event::Html(html.into()));
                }
                Event::End(TagEnd::Link) => out.push(Event::Html("</a>".into())),
                Event::FootnoteReference(label) => {
                    let n = self.footnote_number(&label);
                    let slug = slugify(&label);
                    let id = format!("fnref-{slug}");
                    self.out.anchors.insert(id.clone());
                    out.push(Event::Html(
                        format!(
                            "<sup class=\"footnote-ref\" id=\"{}\"><a href=\"{}\" aria-label=\"Footnote {n}\">{n}</a></sup>",
                            escape(&id),
                            escape(&self.href(&format!("fn-{slug}")))
                        )
                        .into(),
                    ));
                }
                Event::Html(raw) | Event::InlineHtml(raw) => {
                    self.out.problems.push(format!(
                        "raw HTML `{}` is shown as text; lessons are Markdown only",
                        raw.trim()
                    ));
                    self.push_text(&raw, searchable);
                    out.push(Event::Text(raw));
                }
                Event::Text(ref t) | Event::Code(ref t) => {
                    self.push_text(t, searchable);
                    out.push(event);
                }
                Event::SoftBreak | Event::HardBreak => {
                    self.push_text(" ", searchable);
                    out.push(event);
                }
                Event::End(ref end) => {
                    // Block ends separate words; inline ends (emphasis, links) do not.
                    if !matches!(
                        end,
                        TagEnd::Emphasis
                            | TagEnd::Strong
                            | TagEnd::Strikethrough
                            | TagEnd::Superscript
                            | TagEnd::Subscript
                    ) {
                        self.push_text(" ", searchable);
                    }
                    out.push(event);
                }
                other => out.push(other),
            }
        }
        out
    }

    fn check_block(&mut self, body: &str, searchable: bool) -> String {
        self.out.checks += 1;
        let mut question = String::new();
        let mut answer = String::new();
        let mut seen_rule = false;
        for line in body.split_inclusive('\n') {
            if !seen_rule && line.trim() == "---" {
                seen_rule = true;
            } else if seen_rule {
                answer.push_str(line);
            } else {
                question.push_str(line);
            }
        }
        if !seen_rule || question.trim().is_empty() || answer.trim().is_empty() {
            self.out
                .problems
                .push("a `check` block needs a question, a line holding only `---`, then the answer".into());
        }
        let question_html = self.fragment(&question, searchable);
        self.push_text(" ", searchable);
        let answer_html = self.fragment(&answer, false);
        format!(
            "<div class=\"check\"><div class=\"check-question\">{question_html}</div><details class=\"check-answer\"><summary>Show the answer</summary><div class=\"check-answer-body\">{answer_html}</div></details></div>\n"
        )
    }
}

/// The index of the event that closes the tag opened at `start`.
fn find_end(events: &[Event], start: usize) -> usize {
    let mut depth = 0usize;
    for (i, e) in events.iter().enumerate().skip(start) {
        match e {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth -= 1;
                if depth == 0 {
                    return i;
                }
            }
            _ => {}
        }
    }
    events.len().saturating_sub(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_get_ids_and_link_to_themselves() {
        let page = render("learn/a.md", "## What goes wrong\n\nText.\n\n## What goes wrong\n");
        assert!(page.html.contains("<h2 id=\"what-goes-wrong\"><a class=\"heading-link\" href=\"learn/a#what-goes-wrong\">What goes wrong</a></h2>"), "{}", page.html);
        assert!(page.html.contains("id=\"what-goes-wrong-2\""));
        assert_eq!(page.headings.len(), 2);
    }

    #[test]
    fn md_links_become_base_relative_routes() {
        let page = render(
            "learn/a.md",
            "See [handoffs](../reference/glossary.md#handoff) and [home](../index.md) and [web](https://example.org).",
        );
        assert!(
            page.html
                .contains("<a href=\"reference/glossary#handoff\">handoffs</a>"),
            "{}",
            page.html
        );
        assert!(page.html.contains("<a href=\"./\">home</a>"));
        assert!(page
            .html
            .contains("<a href=\"https://example.org\" rel=\"external noopener\">web</a>"));
        assert_eq!(page.links.len(), 3);
        assert!(page.problems.is_empty());
    }

    #[test]
    fn check_blocks_hide_the_answer() {
        let page = render(
            "learn/a.md",
            "```check\nIs a café order a workflow?\n---\nYes, once **two** people share it.\n```\n",
        );
        assert_eq!(page.checks, 1);
        assert!(
            page.html
                .contains("<div class=\"check-question\"><p>Is a café order a workflow?</p>"),
            "{}",
            page.html
        );
        assert!(page.html.contains("<summary>Show the answer</summary>"));
        assert!(page.html.contains("<strong>two</strong>"));
        let text: String = page.sections.iter().map(|s| s.text.clone()).collect();
        assert!(text.contains("café order"));
        assert!(!text.contains("once"), "answers stay out of search: {text}");
    }

    #[test]
    fn malformed_check_blocks_are_reported() {
        assert_eq!(render("learn/a.md", "```check\nQuestion only\n```\n").problems.len(), 1);
    }

    #[test]
    fn definition_terms_are_anchors() {
        let page = render(
            "reference/glossary.md",
            "Handoff\n: The point where work changes hands.\n\nInputs and outputs\n: What a step takes and makes.\n",
        );
        assert!(page.html.contains("<dt id=\"handoff\">Handoff</dt>"), "{}", page.html);
        assert_eq!(page.terms[1].id, "inputs-and-outputs");
        assert_eq!(page.terms[0].definition, "The point where work changes hands.");
        assert!(page.anchors.contains("inputs-and-outputs"));
    }

    #[test]
    fn raw_html_is_shown_as_text_and_reported() {
        let page = render(
            "learn/a.md",
            "Hello <script>alert(1)</script> there\n\n<div>block</div>\n",
        );
        assert!(!page.html.contains("<script>"), "{}", page.html);
        assert!(page.html.contains("&lt;script&gt;"));
        assert_eq!(page.problems.len(), 3);
    }

    #[test]
    fn tables_scroll_inside_their_own_frame() {
        let page = render("learn/a.md", "| A | B |\n|---|---|\n| 1 | 2 |\n");
        assert!(page.html.starts_with("<div class=\"table-wrap\""));
        assert!(page.html.contains("<table>"));
    }

    #[test]
    fn footnotes_link_both_ways_within_the_page() {
        let page = render("learn/a.md", "A claim.[^src]\n\n[^src]: The source.\n");
        assert!(page.html.contains("href=\"learn/a#fn-src\""), "{}", page.html);
        assert!(page.html.contains("id=\"fn-src\""));
        assert!(page.html.contains("href=\"learn/a#fnref-src\""));
        assert!(page.anchors.contains("fn-src") && page.anchors.contains("fnref-src"));
    }

    #[test]
    fn sections_collect_plain_text_per_heading() {
        let page = render(
            "learn/a.md",
            "Intro *text*.\n\n## First\n\nBody `code` here.\n\n### Deeper\n\nMore.\n",
        );
        let got: Vec<_> = page.sections.iter().map(|s| (s.id.as_str(), s.text.as_str())).collect();
        assert_eq!(
            got,
            vec![("", "Intro text."), ("first", "Body code here."), ("deeper", "More.")]
        );
    }

    #[test]
    fn level_one_headings_and_images_are_reported() {
        assert_eq!(render("learn/a.md", "# Title\n").problems.len(), 1);
        assert_eq!(render("learn/a.md", "![x](y.png)\n").problems.len(), 1);
    }
}
