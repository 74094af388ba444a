//! How long the feedback engine takes, by workflow size: `cargo bench -p flowguide-engine`.
//! Targets: at most 1 ms for 100 steps and 10 ms for 10,000 steps. Results go in
//! docs/PERFORMANCE.md; they are measured here, never asserted in tests.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use flowguide_engine::feedback::{analyse, Config};
use flowguide_engine::workflow::{generate, parse, parse::to_pretty_json};
use std::hint::black_box;

fn analysis(c: &mut Criterion) {
    let mut group = c.benchmark_group("analyse");
    for steps in [10, 100, 1_000, 10_000] {
        let doc = generate::workflow(steps);
        group.throughput(Throughput::Elements(steps as u64));
        group.bench_with_input(BenchmarkId::from_parameter(steps), &doc, |b, doc| {
            b.iter(|| analyse(black_box(doc), &Config::default()))
        });
    }
    group.finish();

    let mut group = c.benchmark_group("parse_and_analyse");
    for steps in [10, 100, 1_000, 10_000] {
        let text = to_pretty_json(&generate::workflow(steps));
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(steps), &text, |b, text| {
            b.iter(|| analyse(&parse(black_box(text)).unwrap(), &Config::default()))
        });
    }
    group.finish();
}

criterion_group!(benches, analysis);
criterion_main!(benches);
