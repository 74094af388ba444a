//! Any text as the sandbox's saved work in browser storage: reading it never panics; whatever
//! reads back saves and reads back as the same document.
#![no_main]

use flowguide_engine::workflow::store::{decode, encode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(saved) = decode(text) {
        let again = decode(&encode(&saved.doc, saved.saved_at.unwrap_or(0))).unwrap();
        assert_eq!(again.doc, saved.doc);
    }
});
