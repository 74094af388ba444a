//! The crates' dependencies run one way, and each bundle carries only what its pages need.
//!
//! Read from `cargo metadata`: for each of Flowguide's crates, everything it depends on (normal
//! dependencies, followed all the way down; not dev- or build-dependencies) must stay inside what
//! its job allows. A new `use` of the engine in the reading bundle, of Leptos in the shell, or of
//! the content pipeline in a browser bundle fails here, before any bundle is measured.

use std::collections::{BTreeSet, HashMap};
use std::process::Command;

use serde_json::Value;

/// The workspace's resolved graph: package name → the names of its normal dependencies.
fn graph() -> HashMap<String, Vec<String>> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let out = Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--locked", "--offline"])
        .current_dir(root)
        .output()
        .expect("cargo metadata runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let meta: Value = serde_json::from_slice(&out.stdout).unwrap();
    let names: HashMap<&str, &str> = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["id"].as_str().unwrap(), p["name"].as_str().unwrap()))
        .collect();
    meta["resolve"]["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|node| {
            let deps = node["deps"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|d| d["dep_kinds"].as_array().unwrap().iter().any(|k| k["kind"].is_null()))
                .map(|d| names[d["pkg"].as_str().unwrap()].to_string())
                .collect();
            (names[node["id"].as_str().unwrap()].to_string(), deps)
        })
        .collect()
}

/// Everything `package` depends on, directly or not.
fn closure(g: &HashMap<String, Vec<String>>, package: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut todo = vec![package.to_string()];
    while let Some(p) = todo.pop() {
        for d in g.get(&p).map(Vec::as_slice).unwrap_or(&[]) {
            if seen.insert(d.clone()) {
                todo.push(d.clone());
            }
        }
    }
    seen
}

/// Flowguide's own crates that `package` reaches.
fn ours(g: &HashMap<String, Vec<String>>, package: &str) -> BTreeSet<String> {
    closure(g, package)
        .into_iter()
        .filter(|d| d.starts_with("flowguide-"))
        .collect()
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn flowguide_crates_depend_one_way() {
    let g = graph();
    let expect = [
        ("flowguide-text", set(&[])),
        ("flowguide-engine", set(&["flowguide-text"])),
        ("flowguide-practice", set(&["flowguide-text", "flowguide-engine"])),
        ("flowguide-course", set(&["flowguide-text", "flowguide-engine"])),
        ("flowguide-search", set(&["flowguide-text"])),
        (
            "flowguide-content",
            set(&[
                "flowguide-text",
                "flowguide-engine",
                "flowguide-practice",
                "flowguide-search",
            ]),
        ),
        ("flowguide-shell", set(&["flowguide-text", "flowguide-search"])),
        (
            "flowguide-ui",
            set(&[
                "flowguide-text",
                "flowguide-engine",
                "flowguide-practice",
                "flowguide-course",
            ]),
        ),
        (
            "flowguide-reading",
            set(&["flowguide-shell", "flowguide-search", "flowguide-text"]),
        ),
        (
            "flowguide-studio",
            set(&[
                "flowguide-ui",
                "flowguide-engine",
                "flowguide-practice",
                "flowguide-course",
                "flowguide-text",
            ]),
        ),
        (
            "flowguide-embed",
            set(&[
                "flowguide-ui",
                "flowguide-engine",
                "flowguide-practice",
                "flowguide-course",
                "flowguide-text",
            ]),
        ),
        (
            "flowguide-cli",
            set(&["flowguide-engine", "flowguide-practice", "flowguide-text"]),
        ),
        (
            "flowguide-sitegen",
            set(&[
                "flowguide-content",
                "flowguide-engine",
                "flowguide-practice",
                "flowguide-search",
                "flowguide-text",
            ]),
        ),
    ];
    for (package, allowed) in &expect {
        assert!(g.contains_key(*package), "{package} is not in the workspace");
        assert_eq!(
            &ours(&g, package),
            allowed,
            "{package} depends on other Flowguide crates than its job allows"
        );
    }
    let listed: BTreeSet<String> = expect.iter().map(|(p, _)| p.to_string()).collect();
    let all: BTreeSet<String> = g.keys().filter(|p| p.starts_with("flowguide-")).cloned().collect();
    assert_eq!(all, listed, "a new crate needs its place in this test");
}

#[test]
fn each_crate_keeps_out_what_it_must_never_know() {
    let g = graph();
    let forbidden: [(&str, &[&str]); 9] = [
        // The pure crates know nothing of the browser or of Leptos.
        ("flowguide-text", &["leptos", "web-sys", "wasm-bindgen"]),
        (
            "flowguide-engine",
            &["leptos", "web-sys", "wasm-bindgen", "pulldown-cmark"],
        ),
        (
            "flowguide-practice",
            &[
                "leptos",
                "web-sys",
                "wasm-bindgen",
                "pulldown-cmark",
                "flowguide-content",
            ],
        ),
        (
            "flowguide-course",
            &[
                "leptos",
                "web-sys",
                "wasm-bindgen",
                "pulldown-cmark",
                "flowguide-practice",
            ],
        ),
        ("flowguide-search", &["leptos", "web-sys", "wasm-bindgen", "serde_json"]),
        // The shell is plain DOM code: no Leptos, no engine.
        ("flowguide-shell", &["leptos", "serde_json", "flowguide-engine"]),
        // The reading bundle carries no engine, no Leptos and no JSON parser.
        (
            "flowguide-reading",
            &[
                "leptos",
                "serde_json",
                "flowguide-engine",
                "pulldown-cmark",
                "miniz_oxide",
            ],
        ),
        // No browser bundle carries the content pipeline.
        // The studio's frame comes from the reading bundle, loaded on first use: never linked in.
        (
            "flowguide-studio",
            &["pulldown-cmark", "flowguide-content", "flowguide-shell"],
        ),
        (
            "flowguide-embed",
            &["pulldown-cmark", "flowguide-content", "flowguide-shell"],
        ),
    ];
    for (package, never) in forbidden {
        let reach = closure(&g, package);
        for n in never {
            assert!(!reach.contains(*n), "{package} must never depend on {n}, but it does");
        }
    }
}
