//! Analyses a generated 10,000-step workflow a few times: a fixed workload for profilers
//! (`valgrind --tool=callgrind target/release/examples/analyse_large`). `RUNS=300` analyses it
//! 300 times instead of 5, for sampling profilers and `perf stat`.

use flowguide_engine::feedback::{analyse, Config};
use flowguide_engine::workflow::generate;

fn main() {
    let doc = generate::workflow(10_000);
    let mut findings = 0;
    let runs: usize = std::env::var("RUNS").ok().and_then(|v| v.parse().ok()).unwrap_or(5);
    for _ in 0..runs {
        let report = analyse(&doc, &Config::default());
        findings += report.components.iter().map(|(_, c)| c.findings.len()).sum::<usize>();
    }
    println!("{findings} findings");
}
