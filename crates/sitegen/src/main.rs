//! `flowguide-sitegen`: renders `content/` into the static files the site fetches at run time.
//!
//! Trunk runs it as a pre-build hook, writing into the staging folder:
//! - `content/<route>.html`: each page's rendered HTML fragment;
//! - `content/print.html`: every lesson and reference page in order, for `/print`;
//! - `content/reference/rules/<id>.html`: one page per feedback rule, from the rule's own docs;
//! - `search-docs.txt`: the documents the in-browser search index is built from.
//!
//! After Trunk has built `index.html`, a post-build hook runs it again with `--shells DIR` to
//! copy that page to every route (`learn/what-is-a-workflow/index.html`, …) with the route's own
//! title and description, and to `404.html`. Static hosts then answer every real page with status
//! 200 and a useful link preview, and unknown addresses with the app's 404 page.
//!
//! It fails, naming every problem, when the content does not check out (a broken link, a
//! missing page, a glossary link to a term that does not exist), so a broken site never ships.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use flowguide_content::site::{shell_page, Site, APP_ROUTES};
use flowguide_search::encode_docs;

const USAGE: &str = "usage: flowguide-sitegen [--content DIR] [--out DIR | --check | --shells DIR]";

fn main() -> ExitCode {
    let mut content = PathBuf::from("content");
    let mut out: Option<PathBuf> = None;
    let mut shells: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--content" => content = args.next().map(PathBuf::from).unwrap_or(content),
            "--out" => out = args.next().map(PathBuf::from),
            "--check" => out = None,
            "--shells" => shells = args.next().map(PathBuf::from),
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            other => {
                eprintln!("flowguide-sitegen: unknown argument `{other}`\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let result = match shells {
        Some(dir) => write_shells(&content, &dir),
        None => run(&content, out.as_deref()),
    };
    match result {
        Ok(summary) => {
            println!("{summary}");
            ExitCode::SUCCESS
        }
        Err(errors) => {
            eprintln!("flowguide-sitegen: the content has {} problem(s):", errors.len());
            for e in errors {
                eprintln!("  {e}");
            }
            ExitCode::FAILURE
        }
    }
}

fn run(content: &Path, out: Option<&Path>) -> Result<String, Vec<String>> {
    let strings = |errors: Vec<_>| errors.iter().map(ToString::to_string).collect::<Vec<_>>();
    let site = Site::load(content).map_err(strings)?;
    let rendered = site.render();
    let errors = rendered.check();
    if !errors.is_empty() {
        return Err(strings(errors));
    }
    let docs = rendered.search_docs();
    let Some(out) = out else {
        return Ok(format!(
            "content checked: {} pages, {} search documents",
            site.pages.len(),
            docs.len()
        ));
    };
    let write = |path: PathBuf, text: &str| -> Result<(), Vec<String>> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| vec![format!("cannot create {}: {e}", dir.display())])?;
        }
        std::fs::write(&path, text).map_err(|e| vec![format!("cannot write {}: {e}", path.display())])
    };
    // Every page, the generated rule pages included.
    for (page, html) in site.pages.iter().zip(&rendered.pages) {
        let name = if page.route.is_empty() { "index" } else { &page.route };
        write(out.join("content").join(format!("{name}.html")), &html.html)?;
    }
    write(out.join("content").join("print.html"), &rendered.print_html())?;
    write(out.join("search-docs.txt"), &encode_docs(&docs))?;
    Ok(format!(
        "wrote {} pages and {} search documents to {}",
        site.pages.len(),
        docs.len(),
        out.display()
    ))
}

/// Writes a copy of the built `index.html` for every route, and `404.html`.
fn write_shells(content: &Path, dir: &Path) -> Result<String, Vec<String>> {
    let strings = |errors: Vec<_>| errors.iter().map(ToString::to_string).collect::<Vec<_>>();
    let site = Site::load(content).map_err(strings)?;
    let index_path = dir.join("index.html");
    let index =
        std::fs::read_to_string(&index_path).map_err(|e| vec![format!("cannot read {}: {e}", index_path.display())])?;
    let mut written = 0;
    // Both `route.html` and `route/index.html`: hosts differ in which one an address finds.
    let mut write = |route: &str, html: String| -> Result<(), Vec<String>> {
        let paths = match route {
            "" => vec![dir.join("index.html")],
            "404" => vec![dir.join("404.html")],
            _ => vec![dir.join(format!("{route}.html")), dir.join(route).join("index.html")],
        };
        for path in paths {
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)
                    .map_err(|e| vec![format!("cannot create {}: {e}", parent.display())])?;
            }
            std::fs::write(&path, &html).map_err(|e| vec![format!("cannot write {}: {e}", path.display())])?;
        }
        written += 1;
        Ok(())
    };
    // Every page, generated rule pages included.
    for page in site.pages.iter().filter(|p| !p.route.is_empty()) {
        let html =
            shell_page(&index, &format!("{} · Flowguide", page.title), &page.front.description).map_err(|e| vec![e])?;
        write(&page.route, html)?;
    }
    for route in APP_ROUTES {
        let html = match *route {
            "sandbox" => shell_page(
                &index,
                "Sandbox · Flowguide",
                "Build a workflow and get feedback on each of its six parts as you type.",
            )
            .map_err(|e| vec![e])?,
            _ => index.clone(),
        };
        write(route, html)?;
    }
    let home = site
        .pages
        .iter()
        .find(|p| p.route.is_empty())
        .map(|p| p.front.description.as_str())
        .unwrap_or("");
    write("", shell_page(&index, "Flowguide", home).map_err(|e| vec![e])?)?;
    write(
        "404",
        shell_page(&index, "Page not found · Flowguide", "").map_err(|e| vec![e])?,
    )?;
    Ok(format!("wrote {written} route pages into {}", dir.display()))
}
