//! Any text as an exercise link or a submission link: decoding never panics and never expands
//! past the size limit; a link that decodes re-encodes to a link that decodes to the same thing.
#![no_main]

use flowguide_practice::link::{decode_exercise, decode_submission, encode_exercise, encode_submission};
use flowguide_practice::submission::Submission;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for link in [text.to_string(), format!("x1.{text}"), format!("#x1.{text}")] {
        if let Ok(e) = decode_exercise(&link) {
            assert_eq!(decode_exercise(&encode_exercise(&e)).unwrap(), e);
        }
    }
    for link in [text.to_string(), format!("s1.{text}")] {
        if let Ok(work) = decode_submission(&link) {
            let mut e = flowguide_practice::Exercise::new();
            e.id = work.exercise.as_ref().map_or("x".into(), |r| r.id.clone());
            e.revision = work.exercise.as_ref().map_or(1, |r| r.revision);
            let again = Submission::new(&e, &work.learner, &work.submitted_at, work.doc.clone());
            let back = decode_submission(&encode_submission(&again)).unwrap();
            assert_eq!(back.doc, work.doc);
            assert_eq!(back.learner, work.learner);
        }
    }
});
