//! Any bytes as an exercise file, and then as a submission file: reading never panics; an exercise
//! that reads writes back to a file that reads as the same exercise, and grading any workflow
//! against it (its start, its model, an empty one) never panics.
#![no_main]

use flowguide_engine::workflow::WorkflowDoc;
use flowguide_practice::{exercise, grade, submission};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(e) = exercise::parse(text) {
        assert_eq!(exercise::parse(&e.to_json()).unwrap(), e);
        for doc in [e.start.clone(), e.model.clone(), Some(WorkflowDoc::new())].into_iter().flatten() {
            let g = grade(&e, &doc);
            assert!(g.score <= 100);
            assert_eq!(g.passed, g.reasons.is_empty());
        }
    }
    if let Ok(work) = submission::read(text) {
        let _ = flowguide_engine::feedback::analyse(&work.doc, &Default::default());
    }
});
