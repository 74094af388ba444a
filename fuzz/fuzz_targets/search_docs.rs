//! Any bytes as the search-documents file the site fetches: decoding never panics, and when it
//! succeeds, building the index and searching it with part of the input never panics either.
#![no_main]

use flowguide_search::{decode_docs, SearchIndex};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(docs) = decode_docs(text) {
        let index = SearchIndex::new(docs);
        let query: String = text.chars().rev().take(12).collect();
        let hits = index.search(&query, 8);
        let _ = index.results_html(&hits, Some(0));
    }
});
