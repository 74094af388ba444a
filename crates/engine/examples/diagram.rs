//! Prints the SVG diagram of a workflow file, for a quick look while working on the layout:
//! `cargo run -p flowguide-engine --example diagram -- FILE.json > diagram.svg`. Without a file,
//! writes sample drawings (the examples, generated workflows of 8 and 30 steps, and irregular
//! ones) to `target/tmp/diagram-*.svg`.

use flowguide_engine::export::diagram;
use flowguide_engine::workflow::{examples::EXAMPLES, generate, parse, WorkflowDoc};

fn main() {
    if let Some(path) = std::env::args().nth(1) {
        let text = std::fs::read_to_string(&path).expect("readable file");
        let doc = parse(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
        println!("{}", diagram::svg(&doc, &[]));
        return;
    }
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/tmp");
    std::fs::create_dir_all(&dir).expect("a folder for the samples");
    let mut samples: Vec<(String, WorkflowDoc)> = EXAMPLES
        .iter()
        .map(|e| (e.key.to_string(), parse(e.json).expect("examples parse")))
        .collect();
    for n in [8, 30] {
        samples.push((format!("generated-{n}"), generate::workflow(n)));
        samples.push((format!("varied-{n}"), generate::varied(n, n as u64)));
    }
    for (name, doc) in samples {
        let path = dir.join(format!("diagram-{name}.svg"));
        let markers: Vec<usize> = (0..doc.steps.len()).map(|i| usize::from(i % 4 == 1)).collect();
        std::fs::write(&path, diagram::svg(&doc, &markers)).expect("a written sample");
        println!("{}", path.display());
    }
}
