//! Every page of the built site as a finished HTML document, written at build time.
//!
//! A reading page holds its title, text, sidebar and navigation before any script runs, so it is
//! readable with scripts off and paints as soon as its HTML and CSS arrive. The browser bundles
//! only add to it: the reading bundle takes over navigation, search and the theme; the studio
//! mounts its tools into a placeholder in `<main>`; embeds get a page with no site navigation.
//!
//! Everything here is a pure function of the site, the page and the [`Chrome`] (the deployment
//! base and the files a bundle loads, from the build's manifest), tested natively.

use flowguide_text::html::escape;

use crate::site::{RenderedSite, SITE_NAME};
use crate::toc::{ListStyle, PageKind, Toc, TocPage};

/// The files one bundle's pages load, relative to the site base (no leading slash). The build's
/// manifest lists them under the bundle's name.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct BundleFiles {
    /// The bundle's name: `reading`, `studio` or `embed`.
    #[serde(skip)]
    pub name: String,
    /// Stylesheets, in order.
    pub css: Vec<String>,
    /// The module script that starts the bundle (it imports the glue and loads the wasm).
    pub loader: String,
    /// The JS glue and the wasm, preloaded so they download while the page paints.
    pub glue: String,
    pub wasm: String,
    /// The bundle whose loader this one's loads the first time the learner reaches for the site
    /// frame (search, theme, contents): not part of the first load. `None` for the reading
    /// bundle, which is the frame, and for embeds, which have none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub frame: Option<String>,
}

/// What every page of one build shares: where the site lives and what it loads.
#[derive(Clone, Debug, Default)]
pub struct Chrome {
    /// The deployment base without a trailing slash: `""` or `/course/flowguide`.
    pub base: String,
    /// The small blocking script that applies the stored theme before the first paint.
    pub theme_script: String,
    pub favicon: String,
}

/// One page to write: its head, the bundle it loads, and its `<main>`.
pub struct PageSpec<'a> {
    /// The route without slashes: `""`, `learn/a`, `sandbox`.
    pub route: &'a str,
    /// The document title, already with the site name (`Tasks · Flowguide`).
    pub title: String,
    pub description: String,
    pub bundle: &'a BundleFiles,
    /// The markup inside `<main>`.
    pub main: String,
    /// Whether the page has the site's header, sidebar and footer (embeds do not).
    pub framed: bool,
}

/// The title of a page in the document head: `Title · Flowguide`, or the site name alone.
pub fn full_title(title: &str) -> String {
    if title.is_empty() {
        SITE_NAME.to_string()
    } else {
        format!("{title} · {SITE_NAME}")
    }
}

impl Chrome {
    /// An absolute in-site href: `/course/flowguide/learn`.
    pub fn href(&self, route: &str) -> String {
        format!("{}/{}", escape(&self.base), escape(route))
    }

    /// The whole HTML document of a page.
    pub fn document(&self, toc: &Toc, page: &PageSpec) -> String {
        let b = page.bundle;
        let mut head = format!(
            "<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><base href=\"{base}/\"><title>{title}</title>",
            base = escape(&self.base),
            title = escape(&page.title),
        );
        if !page.description.is_empty() {
            head.push_str(&format!(
                "<meta name=\"description\" content=\"{}\">",
                escape(&page.description)
            ));
        }
        head.push_str(&format!(
            "<meta name=\"color-scheme\" content=\"light dark\"><meta name=\"flowguide-bundle\" content=\"{}\"><link rel=\"icon\" href=\"{}\" type=\"image/svg+xml\">",
            escape(&b.name),
            escape(&self.favicon)
        ));
        for css in &b.css {
            head.push_str(&format!("<link rel=\"stylesheet\" href=\"{}\">", escape(css)));
        }
        head.push_str(&format!(
            "<script src=\"{}\"></script><link rel=\"modulepreload\" href=\"{}\"><link rel=\"preload\" href=\"{}\" as=\"fetch\" type=\"application/wasm\" crossorigin><script type=\"module\" src=\"{}\"></script></head>",
            escape(&self.theme_script),
            escape(&b.glue),
            escape(&b.wasm),
            escape(&b.loader)
        ));
        let body = if page.framed {
            format!(
                "<body><a class=\"skip-link\" href=\"{here}#main\">Skip to content</a>{header}<div class=\"layout\">{sidebar}<main id=\"main\" tabindex=\"-1\">{main}</main></div>{footer}</body></html>\n",
                here = self.href(page.route),
                header = self.header(page.route),
                sidebar = self.sidebar(toc, page.route),
                main = page.main,
                footer = self.footer(),
            )
        } else {
            format!(
                "<body class=\"embedded\"><main id=\"main\" tabindex=\"-1\">{}</main></body></html>\n",
                page.main
            )
        };
        head + &body
    }

    fn header(&self, route: &str) -> String {
        let section = |section: &str, label: &str| {
            let current = route == section || route.strip_prefix(section).is_some_and(|r| r.starts_with('/'));
            format!(
                "<a href=\"{}\" data-section=\"{section}\"{}>{label}</a>",
                self.href(section),
                if current { " aria-current=\"page\"" } else { "" }
            )
        };
        format!(
            concat!(
                "<header class=\"site-header\">",
                "<a href=\"{home}\" class=\"brand\"><svg class=\"brand-mark\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" focusable=\"false\"><circle cx=\"5\" cy=\"6\" r=\"3\"></circle><circle cx=\"19\" cy=\"18\" r=\"3\"></circle><path d=\"M8 6h5a3 3 0 0 1 3 3v6\" fill=\"none\" stroke-width=\"2\"></path></svg><span>{name}</span></a>",
                "<nav class=\"site-nav\" aria-label=\"Main\">{learn}{reference}{sandbox}{exercises}</nav>",
                "<button type=\"button\" class=\"contents-toggle needs-script\" aria-controls=\"sidebar\" aria-expanded=\"false\"><span aria-hidden=\"true\">☰ </span>Contents</button>",
                "<form class=\"search needs-script\" role=\"search\" action=\"{here}\">",
                "<label for=\"site-search\" class=\"visually-hidden\">Search lessons, reference pages and the glossary</label>",
                "<input id=\"site-search\" type=\"search\" placeholder=\"Search (press /)\" autocomplete=\"off\" spellcheck=\"false\" role=\"combobox\" aria-autocomplete=\"list\" aria-controls=\"search-results\" aria-expanded=\"false\">",
                "<div class=\"search-panel\" hidden><p class=\"search-status\" role=\"status\"></p><ul id=\"search-results\" role=\"listbox\" aria-label=\"Search results\"></ul></div>",
                "</form>",
                "<button type=\"button\" class=\"theme-toggle needs-script\" aria-label=\"Dark theme\" aria-pressed=\"false\" title=\"Switch between light and dark themes\"><span aria-hidden=\"true\" class=\"theme-icon theme-icon-light\">☀</span><span aria-hidden=\"true\" class=\"theme-icon theme-icon-dark\">☾</span><span class=\"theme-label\">Dark theme</span></button>",
                "</header>"
            ),
            home = self.href(""),
            here = self.href(route),
            name = SITE_NAME,
            learn = section("learn", "Learn"),
            reference = section("reference", "Reference"),
            sandbox = section("sandbox", "Sandbox"),
            exercises = section("exercises", "Exercises"),
        )
    }

    fn sidebar(&self, toc: &Toc, route: &str) -> String {
        let html = toc.sidebar_html(&self.base, SITE_NAME);
        // The current page, marked at build time (the reading bundle moves the mark as it navigates).
        let marker = format!("data-route=\"{}\"", escape(route));
        let html = html.replacen(&marker, &format!("{marker} aria-current=\"page\""), 1);
        format!("<nav id=\"sidebar\" class=\"sidebar\" aria-label=\"Table of contents\">{html}</nav>")
    }

    fn footer(&self) -> String {
        format!(
            "<footer class=\"site-footer\"><p>{SITE_NAME} teaches what a workflow is, and lets you practise designing one. <a href=\"{}\">Print all lessons</a>.</p><p class=\"shortcuts needs-script\">Keyboard: <kbd>←</kbd> and <kbd>→</kbd> move between pages, <kbd>/</kbd> jumps to search.</p></footer>",
            self.href("print")
        )
    }

    fn pager(&self, toc: &Toc, route: &str) -> String {
        let link = |p: Option<&TocPage>, class: &str, rel: &str, label: &str| {
            p.map(|p| {
                format!(
                    "<a href=\"{}\" class=\"{class}\" rel=\"{rel}\"><span class=\"pager-label\">{label}</span><span class=\"pager-title\">{}</span></a>",
                    self.href(p.route),
                    escape(p.title)
                )
            })
            .unwrap_or_default()
        };
        format!(
            "<nav class=\"pager\" aria-label=\"Previous and next pages\">{}{}</nav>",
            link(toc.prev(route), "pager-prev", "prev", "Previous"),
            link(toc.next(route), "pager-next", "next", "Next")
        )
    }

    /// `<main>` of a lesson, reference or rule page: eyebrow, title, learning goal, text, pager.
    pub fn content_main(&self, toc: &Toc, page: &TocPage, html: &str) -> String {
        let position = toc
            .of_kind(page.kind)
            .position(|p| p.route == page.route)
            .map(|i| i + 1);
        let total = toc.of_kind(page.kind).count();
        let eyebrow = match (page.kind, position) {
            (PageKind::Lesson, Some(n)) => format!("Lesson {n} of {total}"),
            _ => page.section.to_string(),
        };
        let goal = if page.goal.is_empty() {
            String::new()
        } else {
            format!(
                "<p class=\"goal\"><strong>Learning goal: </strong>{}</p>",
                escape(page.goal)
            )
        };
        format!(
            "<article class=\"page\" aria-labelledby=\"page-title\"><header class=\"page-header\"><p class=\"eyebrow\">{}</p><h1 id=\"page-title\" tabindex=\"-1\">{}</h1>{goal}</header><div class=\"prose\">{html}</div></article>{}",
            escape(&eyebrow),
            escape(page.title),
            self.pager(toc, page.route)
        )
    }

    /// `<main>` of the welcome page.
    pub fn home_main(&self, toc: &Toc, home: &TocPage, html: &str) -> String {
        let first = toc.of_kind(PageKind::Lesson).next().map(|p| p.route).unwrap_or("learn");
        format!(
            concat!(
                "<section class=\"hero\" aria-labelledby=\"page-title\"><h1 id=\"page-title\" tabindex=\"-1\">Learn what a workflow is, and practise designing one</h1>",
                "<p class=\"lede\">{lede}</p><p class=\"hero-actions\"><a href=\"{first}\" class=\"button button-primary\">Start the first lesson</a>",
                "<a href=\"{sandbox}\" class=\"button\">Open the sandbox</a><a href=\"{reference}\" class=\"button\">Browse the reference</a></p></section>",
                "<div class=\"prose\">{html}</div>",
                "<section aria-labelledby=\"lessons-heading\"><h2 id=\"lessons-heading\">The lessons</h2><ol class=\"card-list\">{cards}</ol></section>{pager}"
            ),
            lede = escape(home.description),
            first = self.href(first),
            sandbox = self.href("sandbox"),
            reference = self.href("reference"),
            html = html,
            cards = Toc::list_html(toc.of_kind(PageKind::Lesson), &self.base, ListStyle::Cards),
            pager = self.pager(toc, home.route),
        )
    }

    /// `<main>` of `/learn` or `/reference`: the pages of that part of the site as cards.
    pub fn index_main(&self, toc: &Toc, kind: PageKind) -> String {
        let (title, lede, tag) = match kind {
            PageKind::Reference => (
                "Reference",
                "One page for each of the six components of a workflow, with a good and a poor example, and the glossary.",
                "ul",
            ),
            _ => (
                "Learn",
                "Short lessons in order. Each starts with its learning goal and ends with a question to check yourself.",
                "ol",
            ),
        };
        format!(
            "<header class=\"page-header\"><h1 id=\"page-title\" tabindex=\"-1\">{title}</h1><p class=\"lede\">{lede}</p></header><{tag} class=\"card-list\">{}</{tag}>",
            Toc::list_html(toc.of_kind(kind), &self.base, ListStyle::Cards)
        )
    }

    /// `<main>` of the 404 page. The address is filled in by the reading bundle; without scripts
    /// the sentence still reads.
    pub fn not_found_main(&self, toc: &Toc) -> String {
        format!(
            concat!(
                "<section class=\"not-found\" aria-labelledby=\"page-title\"><p class=\"eyebrow\">Error 404</p><h1 id=\"page-title\" tabindex=\"-1\">We can’t find that page</h1>",
                "<p>Nothing lives at this address<span class=\"not-found-path\" data-fill=\"pathname\"></span>. The link may be mistyped, or the page may have moved.</p>",
                "<ul><li><a href=\"{home}\">Go to the welcome page</a></li><li>Search for what you wanted with the search box (press <kbd>/</kbd>).</li><li>Or pick a lesson:</li></ul>",
                "<ol class=\"compact-list\">{lessons}</ol></section>"
            ),
            home = self.href(""),
            lessons = Toc::list_html(toc.of_kind(PageKind::Lesson), &self.base, ListStyle::Links),
        )
    }

    /// `<main>` of `/print`: every lesson and reference page, in order.
    pub fn print_main(&self, rendered: &RenderedSite) -> String {
        format!(
            concat!(
                "<header class=\"page-header\"><h1 id=\"page-title\" tabindex=\"-1\">All lessons, ready to print</h1>",
                "<p class=\"lede\">Every lesson and reference page in reading order. The answers to the check-yourself questions are printed open.</p>",
                "<p class=\"no-print needs-script\"><button type=\"button\" class=\"button button-primary\" data-action=\"print\">Print this page</button></p></header>",
                "<div class=\"prose\">{}</div>"
            ),
            rendered.print_html()
        )
    }

    /// `<main>` of `/exercises`: every scenario exercise, with its field, difficulty, time and
    /// summary, and a place for the learner's progress (the studio fills it in), then the drill.
    pub fn exercises_main(&self, practice: &crate::practice::Practice) -> String {
        let mut cards = String::new();
        for e in &practice.exercises {
            let mut facts = vec![escape(e.field.trim()), e.difficulty.key().to_string()];
            if let Some(m) = e.minutes {
                facts.push(format!("about {m} minutes"));
            }
            facts.retain(|f| !f.is_empty());
            cards.push_str(&format!(
                concat!(
                    "<li class=\"exercise-card\"><h2><a href=\"{href}\">{title}</a></h2>",
                    "<p class=\"exercise-facts\">{facts}</p><p>{summary}</p>",
                    "<p class=\"progress-badge\" data-progress=\"{id}\" data-state=\"not-started\">Not started</p></li>"
                ),
                href = self.href(&format!("exercises/{}", e.id)),
                title = escape(e.title.trim()),
                facts = facts.join(" · "),
                summary = escape(e.summary.trim()),
                id = escape(&e.id),
            ));
        }
        format!(
            concat!(
                "<header class=\"page-header\"><h1 id=\"page-title\" tabindex=\"-1\">Exercises</h1>",
                "<p class=\"lede\">Each exercise gives you a situation from real work. Turn it into a workflow in the sandbox, and the feedback tells you what the scenario still needs. Your progress is kept in this browser.</p></header>",
                "<div class=\"app-root progress-list\" data-mount=\"progress\"><ul class=\"exercise-list\">{cards}</ul></div>",
                "<section class=\"exercise-more\" aria-labelledby=\"drill-title\"><h2 id=\"drill-title\">Task, workflow, project or process?</h2>",
                "<p>A quick drill: read a short description of some work and decide which of the four it is. Ten at a time, with an explanation after each answer.</p>",
                "<p><a class=\"button button-primary\" href=\"{drill}\">Start the drill</a></p></section>"
            ),
            cards = cards,
            drill = self.href("practice/classify"),
        )
    }

    /// `<main>` of `/exercises/ID`: the exercise's title and facts, its scenario, and the sandbox
    /// the studio mounts beside it, with the exercise itself as JSON data in the page.
    pub fn exercise_main(&self, e: &flowguide_practice::Exercise) -> String {
        let mut facts = vec![escape(e.field.trim()), e.difficulty.key().to_string()];
        if let Some(m) = e.minutes {
            facts.push(format!("about {m} minutes"));
        }
        facts.retain(|f| !f.is_empty());
        // JSON in a script element: `<` only ever appears inside strings, where `\u003c` is the
        // same character, so no text can close the element.
        let data = serde_json::to_string(e)
            .expect("an exercise serialises")
            .replace('<', "\\u003c");
        format!(
            concat!(
                "<div class=\"exercise-page\"><header class=\"exercise-intro\"><p class=\"eyebrow\"><a href=\"{list}\">Exercises</a> · {facts}</p>",
                "<h1 id=\"page-title\" tabindex=\"-1\">{title}</h1>",
                "<p class=\"progress-badge\" data-progress=\"{id}\" data-state=\"not-started\">Not started</p></header>",
                "<div class=\"exercise-layout\"><section class=\"scenario\" id=\"ex-scenario\" aria-label=\"Scenario\" tabindex=\"0\">{scenario}</section>",
                "<div class=\"app-root\" data-mount=\"exercise\" data-scope=\"ex\" data-storage-key=\"flowguide-exercise-{id}\" data-exercise=\"exercise-data\">",
                "<p class=\"loading needs-script\" role=\"status\">Loading the sandbox…</p>",
                "<p class=\"notice without-script\">The sandbox runs in your browser and needs JavaScript. Turn JavaScript on and reload the page to work on this exercise.</p>",
                "</div></div></div><script type=\"application/json\" id=\"exercise-data\">{data}</script>"
            ),
            list = self.href("exercises"),
            facts = facts.join(" · "),
            title = escape(e.title.trim()),
            id = escape(&e.id),
            scenario = e.scenario_html(),
            data = data,
        )
    }

    /// `<main>` of `/practice/classify`: the drill's introduction, its items as JSON data, and
    /// the element the studio mounts the drill into.
    pub fn drill_main(&self, drill: &flowguide_practice::drill::Drill) -> String {
        let data = serde_json::to_string(drill)
            .expect("a drill serialises")
            .replace('<', "\\u003c");
        format!(
            concat!(
                "<div class=\"drill-page\"><header class=\"page-header\"><p class=\"eyebrow\"><a href=\"{list}\">Exercises</a> · drill</p>",
                "<h1 id=\"page-title\" tabindex=\"-1\">Task, workflow, project or process?</h1>",
                "<p class=\"lede\">Read a short description of some work and decide which of the four it is. A round has ten descriptions. After each answer you see why, with the words that decide it; a wrong answer can be tried again.</p>",
                "<p class=\"hint\">From the keyboard: press 1, 2, 3 or 4 to answer, and Enter to go on.</p></header>",
                "<div class=\"app-root\" data-mount=\"drill\" data-scope=\"drill\" data-drill=\"drill-data\">",
                "<p class=\"loading needs-script\" role=\"status\">Loading the drill…</p>",
                "<p class=\"notice without-script\">The drill runs in your browser and needs JavaScript. Turn JavaScript on and reload the page; the <a href=\"{lesson}\">lesson on tasks, workflows, projects and processes</a> works without it.</p>",
                "</div></div><script type=\"application/json\" id=\"drill-data\">{data}</script>"
            ),
            list = self.href("exercises"),
            lesson = self.href("learn/workflow-task-project-process"),
            data = data,
        )
    }

    /// `<main>` of `/instructor`: writing an exercise.
    pub fn author_main(&self) -> String {
        format!(
            concat!(
                "<div class=\"author-page\"><header class=\"page-header\"><p class=\"eyebrow\"><a href=\"{list}\">Exercises</a> · for instructors</p>",
                "<h1 id=\"page-title\" tabindex=\"-1\">Write an exercise</h1>",
                "<p class=\"lede\">Describe a situation from real work and what a good workflow for it needs. You get a link that carries the whole exercise, to send to your learners; nothing is stored on a server. To grade their work, use <a href=\"{grade}\">Grade a class</a>.</p></header>",
                "<div class=\"app-root\" data-mount=\"author\" data-scope=\"author\">",
                "<p class=\"loading needs-script\" role=\"status\">Loading the form…</p>",
                "<p class=\"notice without-script\">Writing an exercise happens in your browser and needs JavaScript. Turn JavaScript on and reload the page, or write the exercise file by hand (its format is described in the project's documentation).</p>",
                "</div></div>"
            ),
            list = self.href("exercises"),
            grade = self.href("instructor/grade"),
        )
    }

    /// `<main>` of `/instructor/grade`: grading a class in the browser, with every built-in
    /// exercise as JSON data to grade against.
    pub fn grade_main(&self, exercises: &[flowguide_practice::Exercise]) -> String {
        let data = serde_json::to_string(exercises)
            .expect("exercises serialise")
            .replace('<', "\\u003c");
        format!(
            concat!(
                "<div class=\"grade-page\"><header class=\"page-header\"><p class=\"eyebrow\"><a href=\"{list}\">Exercises</a> · for instructors</p>",
                "<h1 id=\"page-title\" tabindex=\"-1\">Grade a class</h1>",
                "<p class=\"lede\">Choose the exercise, then add the work your learners handed in. Everything happens in this browser: no file is uploaded anywhere, and closing the page forgets the list.</p></header>",
                "<div class=\"app-root\" data-mount=\"grade\" data-scope=\"grade\" data-exercises=\"grade-exercises\">",
                "<p class=\"loading needs-script\" role=\"status\">Loading the grading tools…</p>",
                "<p class=\"notice without-script\">Grading runs in your browser and needs JavaScript. Turn JavaScript on and reload the page, or use the command-line checker.</p>",
                "</div></div><script type=\"application/json\" id=\"grade-exercises\">{data}</script>"
            ),
            list = self.href("exercises"),
            data = data,
        )
    }

    /// `<main>` of `/exercises/link`: an exercise an instructor wrote, carried in the address's
    /// fragment (`#x1.…`). The studio reads it, shows its scenario and mounts the sandbox.
    pub fn exercise_link_main(&self) -> String {
        format!(
            concat!(
                "<div class=\"exercise-page\"><header class=\"exercise-intro\"><p class=\"eyebrow\"><a href=\"{list}\">Exercises</a> · from your instructor</p>",
                "<h1 id=\"page-title\" tabindex=\"-1\">Exercise</h1>",
                "<p class=\"progress-badge\" data-state=\"not-started\" hidden>Not started</p></header>",
                "<div class=\"exercise-layout\"><section class=\"scenario\" id=\"ex-scenario\" aria-label=\"Scenario\" tabindex=\"0\"></section>",
                "<div class=\"app-root\" data-mount=\"exercise\" data-scope=\"ex\" data-exercise=\"link\">",
                "<p class=\"loading needs-script\" role=\"status\">Opening the exercise…</p>",
                "<p class=\"notice without-script\">This exercise travels inside its link and opens in your browser, so it needs JavaScript. Turn JavaScript on and reload the page.</p>",
                "</div></div></div>"
            ),
            list = self.href("exercises"),
        )
    }

    /// `<main>` of `/sandbox`: its introduction, then the element the studio mounts the sandbox
    /// into. Until the bundle arrives (or with scripts off) the placeholder says why it is empty.
    pub fn sandbox_main(&self) -> String {
        concat!(
            "<div class=\"sandbox-intro\"><h1 id=\"page-title\" tabindex=\"-1\">Sandbox</h1>",
            "<p>Build a workflow and watch the feedback on each of its six parts change as you type. Your work is saved in this browser as you go.</p></div>",
            "<div class=\"app-root\" data-mount=\"sandbox\" data-scope=\"wf\" data-storage-key=\"flowguide-sandbox\" data-links>",
            "<p class=\"loading needs-script\" role=\"status\">Loading the sandbox…</p>",
            "<p class=\"notice without-script\">The sandbox runs in your browser and needs JavaScript. Turn JavaScript on and reload the page; the lessons work without it.</p>",
            "</div>"
        )
        .to_string()
    }

    /// `<main>` of `/embed/sandbox`: the sandbox alone, for a course page's iframe.
    pub fn embed_sandbox_main(&self) -> String {
        concat!(
            "<h1 class=\"visually-hidden\" id=\"page-title\" tabindex=\"-1\">Flowguide sandbox</h1>",
            "<div class=\"app-root\" data-mount=\"sandbox\" data-scope=\"wf\" data-storage-key=\"flowguide-embed-sandbox\" data-links>",
            "<p class=\"loading needs-script\" role=\"status\">Loading the sandbox…</p>",
            "<p class=\"notice without-script\">This workflow sandbox needs JavaScript. Turn it on and reload the page.</p>",
            "</div>",
            "<p class=\"embed-open\"><a href=\"sandbox\" target=\"_blank\" rel=\"noopener\">Open in Flowguide<span class=\"visually-hidden\"> (opens a new tab)</span></a></p>"
        )
        .to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::toc::TocPage;

    fn page(route: &'static str, title: &'static str, section: &'static str) -> TocPage<'static> {
        TocPage {
            route,
            title,
            description: "A page.",
            goal: "",
            section,
            kind: PageKind::from_route(route).unwrap(),
            version: "1",
            listed: true,
        }
    }

    fn bundle() -> BundleFiles {
        BundleFiles {
            name: "reading".into(),
            css: vec!["base-1.css".into(), "site-1.css".into()],
            loader: "reading-boot-1.js".into(),
            glue: "reading-1.js".into(),
            wasm: "reading-1_bg.wasm".into(),
            frame: None,
        }
    }

    #[test]
    fn a_page_is_whole_html_with_its_text_and_marks() {
        let pages = [
            page("", "Welcome", ""),
            page("learn/a", "Tasks <and> more", "Learn"),
            page("learn/b", "B", "Learn"),
        ];
        let toc = Toc { pages: &pages };
        let chrome = Chrome {
            base: "/course/fg".into(),
            theme_script: "theme-1.js".into(),
            favicon: "favicon-1.svg".into(),
        };
        let b = bundle();
        let main = chrome.content_main(&toc, &pages[1], "<p>The text.</p>");
        let html = chrome.document(
            &toc,
            &PageSpec {
                route: "learn/a",
                title: full_title(pages[1].title),
                description: "About \"tasks\".".into(),
                bundle: &b,
                main,
                framed: true,
            },
        );
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.contains("<base href=\"/course/fg/\">"));
        assert!(html.contains("<title>Tasks &lt;and&gt; more · Flowguide</title>"));
        assert!(html.contains("<meta name=\"description\" content=\"About &quot;tasks&quot;.\">"));
        assert!(html.contains("<p>The text.</p>"));
        assert!(html.contains("<p class=\"eyebrow\">Lesson 1 of 2</p>"));
        assert!(html.contains("data-route=\"learn/a\" aria-current=\"page\""));
        assert_eq!(
            html.matches("aria-current=\"page\"").count(),
            2,
            "the sidebar and the Learn link"
        );
        assert!(html.contains("<a href=\"/course/fg/learn/b\" class=\"pager-next\" rel=\"next\">"));
        assert!(html.contains("<script type=\"module\" src=\"reading-boot-1.js\"></script>"));
        assert!(!html.contains("<script>"), "no inline script: the CSP forbids it");
        assert!(!html.contains(" style="), "no inline style: the CSP forbids it");
        assert_eq!(html.matches("id=\"page-title\"").count(), 1);
    }

    #[test]
    fn embeds_have_no_site_navigation() {
        let pages = [page("", "Welcome", "")];
        let toc = Toc { pages: &pages };
        let chrome = Chrome::default();
        let b = bundle();
        let html = chrome.document(
            &toc,
            &PageSpec {
                route: "embed/sandbox",
                title: full_title("Sandbox"),
                description: String::new(),
                bundle: &b,
                main: chrome.embed_sandbox_main(),
                framed: false,
            },
        );
        assert!(!html.contains("site-header") && !html.contains("sidebar") && !html.contains("site-footer"));
        assert!(html.contains("data-mount=\"sandbox\""));
        assert!(!html.contains("<meta name=\"description\""));
    }
}
