//! Any text as a word list fetched at run time: reading it never panics, and a list that reads
//! can be asked every question the rules ask, about any text, without panicking.
#![no_main]

use flowguide_engine::feedback::lexicon::Lexicon;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    // The list itself, and the text it is asked about: the second half of the input.
    let mid = (text.len() / 2..=text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(text.len());
    let (list, probe) = text.split_at(mid);
    for source in [text, list] {
        let Ok(words) = Lexicon::parse(source) else { continue };
        for t in [probe, text] {
            let _ = words.names_an_action(t);
            let _ = words.first_word(t);
            let _ = words.is_instruction(t);
            let _ = words.vague_in(t);
            let _ = words.unmeasurable_in(t);
            let _ = words.is_measurable(t);
            let _ = words.is_otherwise(t);
            let _ = words.covers(t, probe);
            let _ = words.same_case(&[t, probe]);
            let _ = words.one_off_in(t);
            let _ = words.names_a_workflow(t);
        }
    }
});
