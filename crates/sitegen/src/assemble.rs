//! The site assembly: content and bundles in, a folder any static host can serve out.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use flowguide_content::pages::{full_title, BundleFiles, Chrome, PageSpec};
use flowguide_content::site::Site;
use flowguide_content::toc::{fnv1a, PageKind, Toc};
use flowguide_search::encode_docs;
use serde::Serialize;

/// The Content Security Policy every page works under (see docs/DEPLOYING.md).
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'self'";

/// The script a course page adds to turn `<div data-flowguide="…">` into a sized iframe.
pub const EMBED_JS: &[u8] = include_bytes!("../assets/embed.js");

/// Where hashed files go, so hosts can cache that one folder for ever.
const ASSETS: &str = "assets";

pub struct Options {
    pub content: PathBuf,
    /// The repository root, where `style/` and `schema/` are.
    pub root: PathBuf,
    /// Where the stylesheets and the favicon are read from, if not `style/` (a release build
    /// minifies them into its bundle folder first).
    pub style: Option<PathBuf>,
    pub out: Option<PathBuf>,
    pub public_url: String,
    /// Each bundle's name and the folder Trunk built it into (`NAME.js` and `NAME_bg.wasm`).
    pub bundles: Vec<(String, PathBuf)>,
    /// Whether to write the `.gz` and `.br` copies.
    pub compress: bool,
}

/// `manifest.json`: which files each page loads. Read by the budget test and the dev server.
#[derive(Serialize)]
struct Manifest<'a> {
    format: &'static str,
    version: u32,
    base: &'a str,
    /// Files every page loads (the theme script, the icon).
    shared: Vec<String>,
    /// Each bundle's files (stylesheets, loader, glue, wasm), by name.
    bundles: &'a BTreeMap<String, BundleFiles>,
    pages: Vec<ManifestPage>,
}

#[derive(Serialize)]
struct ManifestPage {
    route: String,
    /// The file a host serves for the route (also at `route/index.html`).
    file: String,
    bundle: String,
    title: String,
}

type Errors = Vec<String>;

fn fail(what: impl std::fmt::Display) -> Errors {
    vec![what.to_string()]
}

/// A stable content hash for file names: 16 hex digits of FNV-1a.
fn hash(bytes: &[u8]) -> String {
    format!("{:016x}", fnv1a(bytes.iter().copied()))
}

struct Writer {
    out: PathBuf,
    written: Vec<PathBuf>,
}

impl Writer {
    fn write(&mut self, rel: &str, bytes: &[u8]) -> Result<(), Errors> {
        let path = self.out.join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| fail(format!("cannot create {}: {e}", dir.display())))?;
        }
        std::fs::write(&path, bytes).map_err(|e| fail(format!("cannot write {}: {e}", path.display())))?;
        self.written.push(path);
        Ok(())
    }

    /// Writes `bytes` as `assets/STEM-HASH.EXT` and returns that path.
    fn asset(&mut self, stem: &str, ext: &str, bytes: &[u8]) -> Result<String, Errors> {
        let rel = format!("{ASSETS}/{stem}-{}.{ext}", hash(bytes));
        self.write(&rel, bytes)?;
        Ok(rel)
    }
}

/// The part of a framed page's loader that loads the site frame's bundle (its loader `reading`,
/// in the same folder) on first use: when the pointer comes over the header or focus enters it,
/// and at once on a click on one of its buttons (which is pressed again once the frame is
/// there) or on `/`, which then jumps to search as on every other page.
fn frame_loader(reading: &str) -> String {
    format!(
        r#"const root = document.documentElement, header = document.querySelector(".site-header");
let frame = null;
const load = () => (frame ??= import("./{reading}"));
const ready = () => root.dataset.shell === "ready";
if (header) {{
  header.addEventListener("pointerover", load, {{ once: true, passive: true }});
  header.addEventListener("focusin", load, {{ once: true }});
  header.addEventListener("click", (e) => {{
    const button = e.target.closest("button");
    if (ready() || !button) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    load().then(() => button.click());
  }}, true);
}}
addEventListener("keydown", (e) => {{
  if (ready() || e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
  if (e.target.closest && e.target.closest("input, textarea, select, [contenteditable]")) return;
  e.preventDefault();
  load().then(() => document.getElementById("site-search")?.focus());
}});
"#
    )
}

fn read(path: &Path) -> Result<Vec<u8>, Errors> {
    std::fs::read(path).map_err(|e| fail(format!("cannot read {}: {e}", path.display())))
}

pub fn run(o: &Options) -> Result<String, Errors> {
    let strings = |errors: Vec<_>| errors.iter().map(ToString::to_string).collect::<Vec<_>>();
    let site = Site::load(&o.content).map_err(strings)?;
    let rendered = site.render();
    let errors = rendered.check();
    if !errors.is_empty() {
        return Err(strings(errors));
    }
    let practice = flowguide_content::practice::load(&o.content, &rendered).map_err(strings)?;
    let docs = rendered.search_docs();
    let Some(out) = &o.out else {
        return Ok(format!(
            "content checked: {} pages, {} search documents, {} exercises, {} drill items",
            site.pages.len(),
            docs.len(),
            practice.exercises.len(),
            practice.drill.items.len()
        ));
    };
    let base = o.public_url.trim_end_matches('/').to_string();
    let mut w = Writer {
        out: out.clone(),
        written: Vec::new(),
    };

    // Shared files.
    let style = o.style.clone().unwrap_or_else(|| o.root.join("style"));
    let base_css = w.asset("base", "css", &read(&style.join("base.css"))?)?;
    let site_css = w.asset("site", "css", &read(&style.join("site.css"))?)?;
    let pages_css = w.asset("pages", "css", &read(&style.join("pages.css"))?)?;
    let sandbox_css = w.asset("sandbox", "css", &read(&style.join("sandbox.css"))?)?;
    let practice_css = w.asset("practice", "css", &read(&style.join("practice.css"))?)?;
    let theme = w.asset("theme", "js", include_bytes!("../assets/theme.js"))?;
    let favicon = w.asset("favicon", "svg", &read(&style.join("favicon.svg"))?)?;

    // Bundles: Trunk wrote NAME.js and NAME_bg.wasm; they get a hash and a loader each.
    let mut bundles: BTreeMap<String, BundleFiles> = BTreeMap::new();
    // The reading bundle first: the studio's loader names its loader.
    let mut order: Vec<&(String, PathBuf)> = o.bundles.iter().collect();
    order.sort_by_key(|(name, _)| name != "reading");
    for (name, dir) in order {
        let glue = w.asset(name, "js", &read(&dir.join(format!("{name}.js")))?)?;
        let wasm_bytes = read(&dir.join(format!("{name}_bg.wasm")))?;
        let wasm = format!("{ASSETS}/{name}-{}_bg.wasm", hash(&wasm_bytes));
        w.write(&wasm, &wasm_bytes)?;
        let file = |p: &str| p.rsplit('/').next().unwrap_or(p).to_string();
        let mut loader_text = format!(
            "import init from \"./{}\";\nawait init({{ module_or_path: new URL(\"./{}\", import.meta.url) }});\n",
            file(&glue),
            file(&wasm)
        );
        // The studio's pages have the site frame, whose behaviour is the reading bundle's: it is
        // loaded the first time the learner reaches for the frame, not with the page.
        let frame = match (name.as_str(), bundles.get("reading")) {
            ("studio", Some(reading)) => {
                loader_text += &frame_loader(&file(&reading.loader));
                Some(reading.loader.clone())
            }
            ("studio", None) => {
                return Err(fail(
                    "the reading bundle must be given before the studio (--bundle reading=DIR)",
                ))
            }
            _ => None,
        };
        let loader = w.asset(&format!("{name}-boot"), "js", loader_text.as_bytes())?;
        let css = match name.as_str() {
            // An embed has no site frame, so it does without the frame's and the lessons' styles.
            "reading" => vec![base_css.clone(), site_css.clone(), pages_css.clone()],
            "embed" => vec![base_css.clone(), sandbox_css.clone()],
            _ => vec![
                base_css.clone(),
                site_css.clone(),
                sandbox_css.clone(),
                practice_css.clone(),
            ],
        };
        bundles.insert(
            name.clone(),
            BundleFiles {
                name: name.clone(),
                css,
                loader,
                glue,
                wasm,
                frame,
            },
        );
    }
    let bundle = |name: &str| {
        bundles
            .get(name)
            .ok_or_else(|| fail(format!("no bundle named `{name}` was given (--bundle {name}=DIR)")))
    };

    let chrome = Chrome {
        base: base.clone(),
        theme_script: theme.clone(),
        favicon: favicon.clone(),
    };
    let toc_pages = site.toc_pages();
    let toc = Toc { pages: &toc_pages };
    let mut manifest_pages = Vec::new();
    let mut page = |w: &mut Writer, spec: PageSpec| -> Result<(), Errors> {
        let html = chrome.document(&toc, &spec);
        let file = match spec.route {
            "" => "index.html".to_string(),
            "404" => "404.html".to_string(),
            r => {
                w.write(&format!("{r}/index.html"), html.as_bytes())?;
                format!("{r}.html")
            }
        };
        w.write(&file, html.as_bytes())?;
        manifest_pages.push(ManifestPage {
            route: spec.route.to_string(),
            file,
            bundle: spec.bundle.name.clone(),
            title: spec.title.clone(),
        });
        Ok(())
    };

    let reading = bundle("reading")?;
    for (i, p) in toc_pages.iter().enumerate() {
        let html = &rendered.pages[i].html;
        let main = if p.kind == PageKind::Home {
            chrome.home_main(&toc, p, html)
        } else {
            chrome.content_main(&toc, p, html)
        };
        let description = if p.description.is_empty() {
            format!("{}: {}.", p.section, p.title)
        } else {
            site.pages[i].front.description.clone()
        };
        page(
            &mut w,
            PageSpec {
                route: p.route,
                title: full_title(if p.kind == PageKind::Home { "" } else { p.title }),
                description,
                bundle: reading,
                main,
                framed: true,
            },
        )?;
    }
    let fixed: [(&str, &str, &str, String, &BundleFiles, bool); 11] = [
        (
            "learn",
            "Learn",
            "Every Flowguide lesson in order, from what a workflow is to designing a good one.",
            chrome.index_main(&toc, PageKind::Lesson),
            reading,
            true,
        ),
        (
            "reference",
            "Reference",
            "One page for each of a workflow's six components, and a glossary of every term Flowguide uses.",
            chrome.index_main(&toc, PageKind::Reference),
            reading,
            true,
        ),
        (
            "print",
            "All lessons",
            "Every Flowguide lesson and reference page on one page, in order, ready to print.",
            chrome.print_main(&rendered),
            reading,
            true,
        ),
        (
            "exercises",
            "Exercises",
            "Workplace scenarios to turn into workflows, with feedback on what each scenario asks for, and a drill on tasks, workflows, projects and processes.",
            chrome.exercises_main(&practice),
            bundle("studio")?,
            true,
        ),
        (
            "practice/classify",
            "Task, workflow, project or process?",
            "A drill: decide whether each short description of work is a task, a workflow, a project or a process, with the reason after each answer.",
            chrome.drill_main(&practice.drill),
            bundle("studio")?,
            true,
        ),
        (
            "instructor",
            "Write an exercise",
            "Write a workflow exercise for your class: a scenario, a rubric and a model answer, shared as a link that carries the whole exercise.",
            chrome.author_main(),
            bundle("studio")?,
            true,
        ),
        (
            "instructor/grade",
            "Grade a class",
            "Grade a whole class's exercise submissions in the browser, with nothing uploaded: a table of scores and feedback, and a CSV for the gradebook.",
            chrome.grade_main(&practice.exercises),
            bundle("studio")?,
            true,
        ),
        (
            "exercises/link",
            "Exercise",
            "An exercise your instructor wrote, carried in its link.",
            chrome.exercise_link_main(),
            bundle("studio")?,
            true,
        ),
        (
            "404",
            "Page not found",
            "This address does not lead to a Flowguide page.",
            chrome.not_found_main(&toc),
            reading,
            true,
        ),
        (
            "sandbox",
            "Sandbox",
            "Build a workflow and get feedback on each of its six parts as you type.",
            chrome.sandbox_main(),
            bundle("studio")?,
            true,
        ),
        (
            "embed/sandbox",
            "Sandbox",
            "Build a workflow and get feedback on each of its six parts as you type.",
            chrome.embed_sandbox_main(),
            bundle("embed")?,
            false,
        ),
    ];
    for (route, title, description, main, b, framed) in fixed {
        page(
            &mut w,
            PageSpec {
                route,
                title: full_title(title),
                description: description.to_string(),
                bundle: b,
                main,
                framed,
            },
        )?;
    }

    for e in &practice.exercises {
        page(
            &mut w,
            PageSpec {
                route: &format!("exercises/{}", e.id),
                title: full_title(&format!("{} (exercise)", e.title.trim())),
                description: e.summary.trim().to_string(),
                bundle: bundle("studio")?,
                main: chrome.exercise_main(e),
                framed: true,
            },
        )?;
    }

    w.write("search-docs.txt", encode_docs(&docs).as_bytes())?;
    // The course pages' script (docs/embedding.md): at a fixed address, since hosts link to it.
    w.write("embed.js", EMBED_JS)?;
    for entry in std::fs::read_dir(o.root.join("schema")).map_err(|e| fail(format!("cannot read schema/: {e}")))? {
        let entry = entry.map_err(fail)?;
        let name = entry.file_name().to_string_lossy().to_string();
        w.write(&format!("schema/{name}"), &read(&entry.path())?)?;
    }
    // The word lists a browser bundle leaves out, fetched when a learner writes in that language.
    for tag in flowguide_engine::feedback::lexicon::KNOWN {
        if tag == "en" {
            continue;
        }
        let text = flowguide_engine::feedback::lexicon::built_in(tag)
            .ok_or_else(|| fail(format!("the word list for `{tag}` is not built in")))?;
        w.write(&format!("words/{tag}.txt"), text.as_bytes())?;
    }
    w.write("_headers", headers(&base).as_bytes())?;

    let manifest = Manifest {
        format: "flowguide/manifest",
        version: 1,
        base: &base,
        shared: vec![theme, favicon],
        bundles: &bundles,
        pages: manifest_pages,
    };
    let json = serde_json::to_string_pretty(&manifest).map_err(fail)?;
    w.write("manifest.json", json.as_bytes())?;

    let compressed = if o.compress { precompress(&w.written)? } else { 0 };
    Ok(format!(
        "wrote {} files ({} pages, {} bundles, {} search documents) and {compressed} compressed copies to {}",
        w.written.len(),
        manifest.pages.len(),
        manifest.bundles.len(),
        docs.len(),
        out.display()
    ))
}

/// `_headers` for Netlify and Cloudflare Pages: the CSP on every page, long caching for hashed
/// files, and the right type for wasm.
fn headers(base: &str) -> String {
    format!(
        "{base}/*\n  Content-Security-Policy: {CSP}\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n{base}/{ASSETS}/*\n  Cache-Control: public, max-age=31536000, immutable\n{base}/*.wasm\n  Content-Type: application/wasm\n"
    )
}

/// Writes `FILE.gz` and `FILE.br` beside every compressible file; returns how many it wrote.
fn precompress(files: &[PathBuf]) -> Result<usize, Errors> {
    let mut n = 0;
    for path in files {
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !matches!(ext, "html" | "js" | "css" | "wasm" | "svg" | "txt" | "json") {
            continue;
        }
        let bytes = read(path)?;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&bytes).map_err(fail)?;
        let gz = gz.finish().map_err(fail)?;
        let mut br = Vec::new();
        {
            let mut writer = brotli::CompressorWriter::new(&mut br, 4096, 11, 22);
            writer.write_all(&bytes).map_err(fail)?;
        }
        let with = |suffix: &str| PathBuf::from(format!("{}.{suffix}", path.display()));
        std::fs::write(with("gz"), gz).map_err(fail)?;
        std::fs::write(with("br"), br).map_err(fail)?;
        n += 2;
    }
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_stable_and_differ() {
        assert_eq!(hash(b"abc"), hash(b"abc"));
        assert_ne!(hash(b"abc"), hash(b"abd"));
        assert_eq!(hash(b"").len(), 16);
    }

    #[test]
    fn the_embed_script_is_within_its_budget() {
        use std::io::Write;
        // The issue's budget for embed.js, gzip, in bytes.
        const EMBED_JS_BUDGET: usize = 3 * 1024;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(EMBED_JS).unwrap();
        let size = gz.finish().unwrap().len();
        assert!(
            size <= EMBED_JS_BUDGET,
            "embed.js is {size} bytes gzip, over its {EMBED_JS_BUDGET}"
        );
    }

    #[test]
    fn headers_carry_the_policy_under_the_base() {
        let h = headers("/course/fg");
        assert!(h.starts_with("/course/fg/*\n  Content-Security-Policy: default-src 'self';"));
        assert!(h.contains("/course/fg/assets/*\n  Cache-Control: public, max-age=31536000, immutable"));
    }
}
