//! How long the feedback engine takes, by workflow size: `cargo bench -p flowguide-engine`.
//! Targets: at most 1 ms for 100 steps and 10 ms for 10,000 steps; the analysis and the diagram
//! of 100 steps together well under 5 ms. Results go in
//! docs/PERFORMANCE.md; they are measured here, never asserted in tests.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use flowguide_engine::export::diagram;
use flowguide_engine::feedback::{analyse, Config};
use flowguide_engine::workflow::{generate, graph::Graph, parse, parse::to_pretty_json, WorkflowDoc};
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

    // Every input unmatched: the near-miss checks must stay linear.
    let mut group = c.benchmark_group("analyse_unmatched");
    for steps in [1_000, 5_000] {
        let doc = generate::unmatched(steps);
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

/// What the sandbox does on each keystroke: the analysis, the drawing and its text alternative.
fn analyse_and_draw(doc: &WorkflowDoc) -> (diagram::Drawing, Vec<String>) {
    let report = analyse(doc, &Config::default());
    let g = Graph::new(doc);
    let markers = diagram::markers(doc, &report);
    (
        diagram::drawing(&g, &markers, "d", &diagram::Options::default()),
        diagram::describe_graph(&g),
    )
}

fn drawing(c: &mut Criterion) {
    let mut group = c.benchmark_group("analyse_and_draw");
    for (name, doc) in [
        ("10", generate::workflow(10)),
        ("100", generate::workflow(100)),
        ("1000", generate::workflow(1_000)),
        ("varied-100", generate::varied(100, 1)),
    ] {
        group.throughput(Throughput::Elements(doc.steps.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), &doc, |b, doc| {
            b.iter(|| analyse_and_draw(black_box(doc)))
        });
    }
    group.finish();
}

criterion_group!(benches, analysis, drawing);
criterion_main!(benches);
