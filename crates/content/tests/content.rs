//! Checks the real lessons in `content/`: every page listed exists, has a title and renders; every
//! internal link, anchor and glossary link resolves; lessons meet the lesson rules; search ranks
//! the pages readers expect first.

use flowguide_content::links::LinkTarget;
use flowguide_content::site::{RenderedSite, Site};
use flowguide_content::toc::{PageKind, Toc};
use flowguide_engine::feedback::{rules::RULES, Component};
use flowguide_search::{decode_docs, encode_docs, SearchIndex};
use std::path::Path;
use std::sync::OnceLock;

fn site() -> &'static Site {
    static SITE: OnceLock<Site> = OnceLock::new();
    SITE.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
        Site::load(&dir).unwrap_or_else(|errors| panic!("content does not load: {errors:#?}"))
    })
}

fn rendered() -> RenderedSite<'static> {
    site().render()
}

#[test]
fn the_content_checks_out() {
    let errors = rendered().check();
    assert!(
        errors.is_empty(),
        "content problems:\n{}",
        errors.iter().map(|e| format!("  {e}\n")).collect::<String>()
    );
}

#[test]
fn every_page_in_the_summary_has_a_title_and_renders() {
    let rendered = rendered();
    for (page, html) in site().pages.iter().zip(&rendered.pages) {
        assert!(!page.title.trim().is_empty(), "{} has no title", page.source);
        assert!(html.html.len() > 200, "{} renders to almost nothing", page.source);
        assert!(!page.front.description.is_empty(), "{} has no description", page.source);
    }
}

#[test]
fn the_site_has_the_lessons_and_reference_pages_the_course_needs() {
    let routes: Vec<&str> = site().pages.iter().map(|p| p.route.as_str()).collect();
    for route in [
        "",
        "learn/what-is-a-workflow",
        "learn/why-workflows-matter",
        "learn/workflow-task-project-process",
        "learn/the-six-components",
        "learn/designing-a-good-workflow",
        "learn/workflows-in-modern-work",
        "learn/workflows-in-work-management",
        "reference/trigger",
        "reference/steps",
        "reference/roles",
        "reference/handoffs",
        "reference/inputs-and-outputs",
        "reference/outcome",
        "reference/glossary",
    ] {
        assert!(routes.contains(&route), "SUMMARY.md does not list `{route}`");
    }
}

#[test]
fn every_lesson_has_a_goal_an_example_and_a_check() {
    let rendered = rendered();
    for (page, html) in site().pages.iter().zip(&rendered.pages) {
        if page.kind != PageKind::Lesson {
            continue;
        }
        assert!(
            page.front.goal.starts_with("You will be able to"),
            "{}: goal is `{}`",
            page.source,
            page.front.goal
        );
        assert!(html.checks >= 1, "{} has no check-yourself question", page.source);
        assert!(
            html.html.contains("<details class=\"check-answer\">"),
            "{} hides no answer",
            page.source
        );
        assert!(
            page.body.to_lowercase().contains("example"),
            "{} gives no example",
            page.source
        );
    }
}

#[test]
fn component_pages_show_a_good_and_a_poor_example() {
    let rendered = rendered();
    for component in Component::ALL {
        let i = site()
            .pages
            .iter()
            .position(|p| p.route == component.page())
            .unwrap_or_else(|| panic!("no page for {}", component.key()));
        let ids: Vec<&str> = rendered.pages[i].headings.iter().map(|h| h.id.as_str()).collect();
        assert!(
            ids.contains(&"a-good-example"),
            "{} has no good example: {ids:?}",
            component.page()
        );
        assert!(
            ids.contains(&"a-poor-example"),
            "{} has no poor example: {ids:?}",
            component.page()
        );
    }
}

#[test]
fn every_rule_has_a_generated_page_with_both_examples() {
    let rendered = rendered();
    for rule in RULES {
        let i = site()
            .pages
            .iter()
            .position(|p| p.route == rule.url())
            .unwrap_or_else(|| panic!("no page for `{}`", rule.id));
        assert!(!site().pages[i].listed, "rule pages stay out of the sidebar");
        let html = &rendered.pages[i].html;
        assert!(
            html.contains("id=\"a-poor-example\"") && html.contains("id=\"a-good-example\""),
            "{}",
            rule.id
        );
    }
    let catalogue = site()
        .pages
        .iter()
        .position(|p| p.route == "reference/rules")
        .expect("the catalogue page");
    assert!(rendered.pages[catalogue]
        .html
        .contains("href=\"reference/rules/step-without-role\""));
}

#[test]
fn lessons_link_their_terms_to_the_glossary_and_every_term_is_defined() {
    let rendered = rendered();
    let glossary = site()
        .pages
        .iter()
        .position(|p| p.route == "reference/glossary")
        .unwrap();
    let terms: Vec<&str> = rendered.pages[glossary].terms.iter().map(|t| t.id.as_str()).collect();
    for id in [
        "workflow", "task", "project", "process", "trigger", "step", "role", "handoff", "input", "output", "outcome",
    ] {
        assert!(terms.contains(&id), "the glossary does not define `{id}`");
    }
    for term in &rendered.pages[glossary].terms {
        assert!(
            term.definition.ends_with('.'),
            "`{}` needs a one-sentence definition",
            term.term
        );
    }
    for (page, html) in site().pages.iter().zip(&rendered.pages) {
        if page.kind != PageKind::Lesson {
            continue;
        }
        let glossary_links = html
            .links
            .iter()
            .filter(|l| matches!(&l.target, LinkTarget::Internal { source, anchor: Some(_) } if source == "reference/glossary.md"))
            .count();
        assert!(
            glossary_links >= 2,
            "{} links only {glossary_links} glossary terms",
            page.source
        );
    }
}

#[test]
fn search_ranks_the_expected_page_first() {
    let docs = rendered().search_docs();
    // The browser gets the documents through the text codec: test what it gets.
    let index = SearchIndex::new(decode_docs(&encode_docs(&docs)).unwrap());
    let first = |q: &str| {
        let hit = index
            .search(q, 5)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("no result for `{q}`"));
        let doc = &index.docs()[hit.doc];
        (doc.route.clone(), doc.anchor.clone())
    };
    assert_eq!(first("handoff"), ("reference/handoffs".into(), String::new()));
    assert_eq!(first("handoffs"), ("reference/handoffs".into(), String::new()));
    assert_eq!(first("trigger"), ("reference/trigger".into(), String::new()));
    assert_eq!(first("glossary"), ("reference/glossary".into(), String::new()));
    assert_eq!(
        first("what is a workflow"),
        ("learn/what-is-a-workflow".into(), String::new())
    );
    assert_eq!(first("swimlane"), ("reference/glossary".into(), "swimlane".into()));
    assert_eq!(
        first("inputs and outputs"),
        ("reference/inputs-and-outputs".into(), String::new())
    );
    assert_eq!(
        first("every step has a role"),
        ("reference/rules/step-without-role".into(), String::new())
    );
    // Typing a prefix already finds the page.
    assert_eq!(first("hando"), ("reference/handoffs".into(), String::new()));
}

#[test]
fn the_toc_source_compiles_to_the_same_order() {
    let toc_pages = site().toc_pages();
    let toc = Toc { pages: &toc_pages };
    assert_eq!(toc.pages.first().unwrap().route, "");
    assert_eq!(toc.next("").unwrap().route, "learn/what-is-a-workflow");
    assert_eq!(
        toc.prev("reference/trigger").unwrap().route,
        "learn/workflows-in-work-management"
    );
    assert!(site().toc_source().contains("learn/what-is-a-workflow"));
}

#[test]
fn every_workflow_in_the_lessons_has_the_verdict_the_lesson_states() {
    let rendered = rendered();
    let mut shown = 0;
    for (page, html) in site().pages.iter().zip(&rendered.pages) {
        for workflow in &html.workflows {
            shown += 1;
            assert_eq!(
                workflow.checks.len(),
                7,
                "{}: “{}” must state all six components and its class",
                page.source,
                workflow.name
            );
            for (key, expected, actual) in &workflow.checks {
                assert_eq!(
                    expected, actual,
                    "{}: “{}” says {key} is {expected}",
                    page.source, workflow.name
                );
            }
        }
    }
    assert!(shown >= 10, "the lessons show only {shown} workflows");
}

/// The sandbox exists, so no page may promise it for later, and the lessons lead to it: the home
/// page, the lesson that ends the course, and the lessons on components and design.
#[test]
fn the_pages_speak_of_the_sandbox_as_it_is_and_link_to_it() {
    let rendered = rendered();
    for (page, html) in site().pages.iter().zip(&rendered.pages) {
        let text = html.html.to_lowercase();
        for stale in [
            "coming soon",
            "when the sandbox opens",
            "sandbox will",
            "until the sandbox",
        ] {
            assert!(!text.contains(stale), "{} still says “{stale}”", page.source);
        }
    }
    let links_to_sandbox = |source: &str| {
        site()
            .pages
            .iter()
            .zip(&rendered.pages)
            .find(|(p, _)| p.source == source)
            .is_some_and(|(_, r)| r.links.iter().any(|l| l.target == LinkTarget::Tool("sandbox")))
    };
    for source in [
        "index.md",
        "learn/the-six-components.md",
        "learn/designing-a-good-workflow.md",
        "learn/workflows-in-work-management.md",
    ] {
        assert!(links_to_sandbox(source), "{source} does not link to the sandbox");
    }
}
