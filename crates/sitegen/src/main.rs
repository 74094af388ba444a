//! `flowguide-sitegen`: assembles the static site from `content/` and the browser bundles.
//!
//! ```text
//! flowguide-sitegen --check
//! flowguide-sitegen --out DIST [--public-url /course/flowguide/] [--style DIR] --bundle reading=DIR --bundle studio=DIR --bundle embed=DIR
//! ```
//!
//! `--check` only loads, renders and checks the content. A full run writes, into `DIST`:
//! - every page as a finished HTML document (`route.html` and `route/index.html`), readable before
//!   any script arrives, and `404.html`;
//! - each bundle's JS glue and wasm under a content hash, with a small loader module;
//! - the stylesheets (from `style/`, or the minified copy `--style` names), the theme script and
//!   the favicon, hashed the same way;
//! - `search-docs.txt`, the JSON Schema, and `manifest.json`, which says which files each page
//!   loads (the budget test and the development server read it too);
//! - `_headers` with the Content Security Policy for Netlify and Cloudflare Pages;
//! - a `.gz` and a `.br` copy of every text and wasm file, for hosts that serve precompressed files
//!   (`--no-compress` leaves them out, for quick development builds).
//!
//! It fails, naming every problem, when the content does not check out or a bundle is missing.

mod assemble;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str =
    "usage: flowguide-sitegen [--content DIR] (--check | --out DIR [--public-url URL] [--style DIR] --bundle NAME=DIR...)";

fn main() -> ExitCode {
    let mut options = assemble::Options {
        content: PathBuf::from("content"),
        root: PathBuf::from("."),
        style: None,
        out: None,
        public_url: "/".into(),
        bundles: Vec::new(),
        compress: true,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        let result: Result<(), String> = match arg.as_str() {
            "--content" => value("--content").map(|v| options.content = v.into()),
            "--out" => value("--out").map(|v| options.out = Some(v.into())),
            "--check" => {
                options.out = None;
                Ok(())
            }
            "--public-url" => value("--public-url").map(|v| options.public_url = v),
            "--style" => value("--style").map(|v| options.style = Some(v.into())),
            "--no-compress" => {
                options.compress = false;
                Ok(())
            }
            "--bundle" => value("--bundle").and_then(|v| match v.split_once('=') {
                Some((name, dir)) => {
                    options.bundles.push((name.to_string(), dir.into()));
                    Ok(())
                }
                None => Err(format!("--bundle takes NAME=DIR, not `{v}`")),
            }),
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            other => Err(format!("unknown argument `{other}`")),
        };
        if let Err(e) = result {
            eprintln!("flowguide-sitegen: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    }
    match assemble::run(&options) {
        Ok(summary) => {
            println!("{summary}");
            ExitCode::SUCCESS
        }
        Err(errors) => {
            eprintln!("flowguide-sitegen: {} problem(s):", errors.len());
            for e in errors {
                eprintln!("  {e}");
            }
            ExitCode::FAILURE
        }
    }
}
