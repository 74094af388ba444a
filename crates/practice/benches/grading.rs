//! Grading a class: 200 submission files (model answers, starting workflows and generated
//! workflows of 5 to 40 steps, each as a submission file's text), read and graded against an
//! exercise, then the gradebook CSV. The grading page runs this same code in the browser
//! (docs/PERFORMANCE.md).

use criterion::{criterion_group, criterion_main, Criterion};
use flowguide_engine::workflow::generate;
use flowguide_practice::builtin;
use flowguide_practice::class::{csv, Row};
use flowguide_practice::submission::Submission;

fn class_of(n: usize) -> (flowguide_practice::Exercise, Vec<(String, String)>) {
    let all = builtin::all();
    let e = all[0].clone();
    let files = (0..n)
        .map(|i| {
            let other = &all[i % all.len()];
            let doc = match i % 4 {
                0 => other.model.clone().unwrap(),
                1 => other.start.clone().unwrap(),
                _ => generate::workflow(5 + i % 36),
            };
            let s = Submission::new(&e, &format!("Learner {i}"), "2026-12-02T14:03:00Z", doc);
            (format!("learner-{i}.json"), s.to_json())
        })
        .collect();
    (e, files)
}

fn grading(c: &mut Criterion) {
    let (e, files) = class_of(200);
    c.bench_function("grade/200 submissions", |b| {
        b.iter(|| {
            let rows: Vec<Row> = files.iter().map(|(name, text)| Row::grade(&e, name, text)).collect();
            csv(&e, &rows)
        })
    });
}

criterion_group!(benches, grading);
criterion_main!(benches);
