//! `flowguide-sitegen`: renders `content/` into the static files the site fetches at run time.
//!
//! Trunk runs it as a pre-build hook, writing into the staging folder:
//! - `content/<route>.html`: each page's rendered HTML fragment;
//! - `search-index.json`: the documents the in-browser search index is built from.
//!
//! It fails, naming every problem, when the content does not check out (a broken link, a
//! missing page, a glossary link to a term that does not exist), so a broken site never ships.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use flowguide_core::content::site::Site;

const USAGE: &str = "usage: flowguide-sitegen [--content DIR] [--out DIR | --check]";

fn main() -> ExitCode {
    let mut content = PathBuf::from("content");
    let mut out: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--content" => content = args.next().map(PathBuf::from).unwrap_or(content),
            "--out" => out = args.next().map(PathBuf::from),
            "--check" => out = None,
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
    match run(&content, out.as_deref()) {
        Ok(summary) => {
            println!("{summary}");
            ExitCode::SUCCESS
        }
        Err(errors) => {
            eprintln!(
                "flowguide-sitegen: the content has {} problem(s):",
                errors.len()
            );
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
            std::fs::create_dir_all(dir)
                .map_err(|e| vec![format!("cannot create {}: {e}", dir.display())])?;
        }
        std::fs::write(&path, text)
            .map_err(|e| vec![format!("cannot write {}: {e}", path.display())])
    };
    for (page, html) in site.pages.iter().zip(&rendered.pages) {
        let name = if page.route.is_empty() {
            "index"
        } else {
            &page.route
        };
        write(out.join("content").join(format!("{name}.html")), &html.html)?;
    }
    let json = serde_json::to_string(&docs).map_err(|e| vec![e.to_string()])?;
    write(out.join("search-index.json"), &json)?;
    Ok(format!(
        "wrote {} pages and {} search documents to {}",
        site.pages.len(),
        docs.len(),
        out.display()
    ))
}
