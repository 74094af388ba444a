//! Any bytes as a share-link fragment: decoding never panics and never expands past the size limit;
//! a link that decodes re-encodes to a link that decodes to the same document.
#![no_main]

use flowguide_engine::workflow::link::{decode, encode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for fragment in [text.to_string(), format!("w1.{text}")] {
        if let Ok(doc) = decode(&fragment) {
            assert_eq!(decode(&encode(&doc)).unwrap(), doc);
        }
    }
});
