//! Everything an embed reads from outside: any text as a message from the course page, as an
//! embed address's query, and as a referrer. Nothing panics; only the two documented messages
//! are accepted; an origin is only ever `scheme://host[:port]`; kept options carry no markup.
#![no_main]

use flowguide_course::host::{origin_of, post_target, referrer_path, storage_key};
use flowguide_course::message::{read, Incoming};
use flowguide_course::options::Options;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(m) = read(text) {
        assert!(matches!(m, Incoming::Hello | Incoming::Theme(_)));
    }
    let pairs: Vec<(&str, &str)> = text.split('&').map(|p| p.split_once('=').unwrap_or((p, ""))).collect();
    let o = Options::from_pairs(pairs.iter().copied());
    for v in [&o.language, &o.course, &o.page, &o.origin, &o.frame].into_iter().flatten() {
        assert!(!v.contains(['<', '>', '"', '\'', '`', ' ']), "{v:?}");
    }
    for url in [text, &format!("https://{text}"), &format!("http://a.example/{text}")] {
        if let Some(origin) = origin_of(url) {
            let rest = origin.split_once("://").unwrap().1;
            assert!(!rest.contains(['/', '?', '#', '@', '*', ' ', '<', '>', '"']), "{origin}");
        }
        let _ = referrer_path(url);
        let target = post_target(o.origin.as_deref(), Some(url), url);
        let _ = storage_key("flowguide-embed-sandbox", target.as_deref(), o.course.as_deref(), o.page.as_deref());
    }
});
