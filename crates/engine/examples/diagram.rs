//! Prints the SVG diagram of a workflow file, for a quick look while working on the layout:
//! `cargo run -p flowguide-engine --example diagram -- FILE.json > diagram.svg`.

use flowguide_engine::export::diagram;
use flowguide_engine::workflow::parse;

fn main() {
    let path = std::env::args().nth(1).expect("usage: diagram FILE.json");
    let text = std::fs::read_to_string(&path).expect("readable file");
    let doc = parse(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
    println!("{}", diagram::svg(&doc, &[]));
}
