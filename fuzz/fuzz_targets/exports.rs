//! Any bytes: read as a workflow document; when that works, every XML export (BPMN, and the SVG
//! diagram both as a file and as a page's parts) must be well-formed XML that a real parser reads.
#![no_main]

use flowguide_engine::export::{bpmn, diagram};
use flowguide_engine::workflow::{graph::Graph, parse};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(doc) = parse(text) else { return };
    // Big documents are slow to lay out and add nothing a small one cannot reach.
    if doc.steps.len() > 200 {
        return;
    }
    let xml = bpmn::xml(&doc);
    if let Err(e) = roxmltree::Document::parse(&xml) {
        panic!("BPMN is not well-formed ({e}):\n{xml}");
    }
    let markers: Vec<usize> = (0..doc.steps.len()).map(|i| i % 3).collect();
    let svg = diagram::svg(&doc, &markers);
    if let Err(e) = roxmltree::Document::parse(&svg) {
        panic!("SVG is not well-formed ({e}):\n{svg}");
    }
    // A phone's narrow lane column and a selected box, the way the sandbox draws it.
    let options = diagram::Options {
        lane_label: 60.0 + (data.len() % 140) as f64,
        selected: doc.steps.len().checked_sub(1),
    };
    let parts = diagram::drawing(&Graph::new(&doc), &markers, "fuzz", &options).parts.concat();
    let wrapped = format!("<svg xmlns=\"http://www.w3.org/2000/svg\">{parts}</svg>");
    if let Err(e) = roxmltree::Document::parse(&wrapped) {
        panic!("the diagram's parts are not well-formed ({e}):\n{wrapped}");
    }
});
