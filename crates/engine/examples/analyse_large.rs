//! Analyses a generated 10,000-step workflow a few times: a fixed workload for profilers
//! (`valgrind --tool=callgrind target/release/examples/analyse_large`).

use flowguide_engine::feedback::{analyse, Config};
use flowguide_engine::workflow::generate;

fn main() {
    let doc = generate::workflow(10_000);
    let mut findings = 0;
    for _ in 0..5 {
        let report = analyse(&doc, &Config::default());
        findings += report.components.iter().map(|(_, c)| c.findings.len()).sum::<usize>();
    }
    println!("{findings} findings");
}
