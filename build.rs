//! Compiles the table of contents (including the generated feedback-rule pages) into the app, from `content/SUMMARY.md` and each page's front
//! matter. The page bodies are not compiled in: the site generator renders them to fragments that
//! the app fetches on demand, which keeps them out of the first-load bundle.

use flowguide_content::site::Site;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=content");
    println!("cargo:rerun-if-changed=crates/engine/src/feedback");
    let site = Site::load(Path::new("content")).unwrap_or_else(|errors| {
        let list: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("the content cannot be loaded:\n  {}", list.join("\n  "));
    });
    let errors = site.render().check();
    if !errors.is_empty() {
        let list: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("the content has problems:\n  {}", list.join("\n  "));
    }
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out_dir).join("toc.rs"), site.toc_source()).expect("OUT_DIR is writable");
}
