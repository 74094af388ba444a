//! Which field of a JSON text an error position falls in, as a path (`steps[2].title`), so an
//! error can name the field. serde_json gives the line and column of a problem but not the field;
//! wrapping the whole deserializer to track it (serde_path_to_error) cost every bundle 4.6 KB
//! gzip, so the path is found afterwards, by reading the text up to the error.
//!
//! The notation is serde_path_to_error's: keys joined by `.`, array positions in brackets, and
//! `.` alone for the top level. A test checks the two agree on thousands of damaged documents.

/// The path of the field serde_json's error `e`, from reading `text`, is about.
pub fn of_error(text: &str, e: &serde_json::Error) -> String {
    // An enum written as an object (`{"oops": …}`) fails on its key, which names a variant, not
    // a field: the path ends at the enum.
    let variant = e.to_string().starts_with("unknown variant");
    at(text, e.line(), e.column(), variant)
}

/// The path of the field that serde_json's error at `line` and `column` (both 1-based, the column
/// in bytes, as serde_json counts them) is about, in `text`; `variant` when the error is an
/// unknown enum variant.
fn at(text: &str, line: usize, column: usize, variant: bool) -> String {
    let bytes = text.as_bytes();
    let mut start = 0;
    for _ in 1..line {
        match bytes[start..].iter().position(|&b| b == b'\n') {
            Some(p) => start += p + 1,
            None => break,
        }
    }
    // serde_json's position is just past the last byte it read. When the wrong value is an
    // object or an array, it stopped before its first bracket; otherwise that last byte (the end
    // of the wrong value, or the `}` of an object with a missing field) is left unread here, so
    // the field it ends is still open.
    let cursor = (start + column).min(bytes.len());
    let end = match bytes.get(cursor) {
        Some(b'{' | b'[') => cursor,
        _ => cursor.saturating_sub(1),
    };
    // A `}` left unread still ends the member before it (a field is missing from that object).
    path_before(text, end, bytes.get(end) == Some(&b'}'), variant)
}

/// Where the reader is inside one object or array.
enum Frame {
    Object { key: Option<String>, state: Member },
    Array { index: usize },
}

/// How far an object's current member has been read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Member {
    /// Before a key (at the start, or after a comma).
    Expected,
    /// The key has been read (or is being read), and its value has not started.
    Named,
    /// The member's value has started, and not finished.
    Open,
    /// The member's value has finished.
    Done,
}

/// The path of the innermost field open after reading the first `end` bytes of `text` (and, with
/// `closed`, the end of the member being read).
fn path_before(text: &str, end: usize, closed: bool, variant: bool) -> String {
    let bytes = &text.as_bytes()[..end];
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' => {
                value_started(&mut stack);
                stack.push(Frame::Object {
                    key: None,
                    state: Member::Expected,
                });
                i += 1;
            }
            b'[' => {
                value_started(&mut stack);
                stack.push(Frame::Array { index: 0 });
                i += 1;
            }
            b'}' | b']' => {
                stack.pop();
                value_done(&mut stack);
                i += 1;
            }
            b',' => {
                match stack.last_mut() {
                    Some(Frame::Object { state, .. }) => *state = Member::Expected,
                    Some(Frame::Array { index }) => *index += 1,
                    None => {}
                }
                i += 1;
            }
            b'"' => {
                let (content, next, closed) = string_at(bytes, i + 1);
                i = next;
                match stack.last_mut() {
                    Some(Frame::Object { key, state }) if *state == Member::Expected => {
                        *key = Some(content);
                        *state = Member::Named;
                    }
                    _ => {
                        value_started(&mut stack);
                        if closed {
                            value_done(&mut stack);
                        }
                    }
                }
            }
            b if b.is_ascii_whitespace() || b == b':' => i += 1,
            _ => {
                // A number, `true`, `false` or `null`: finished only once something follows it.
                value_started(&mut stack);
                let s = i;
                while i < bytes.len() && !b",}] \t\r\n".contains(&bytes[i]) {
                    i += 1;
                }
                if i < bytes.len() && i > s {
                    value_done(&mut stack);
                }
            }
        }
    }
    if closed {
        value_done(&mut stack);
    }
    if variant {
        if let Some(Frame::Object { state, .. }) = stack.last_mut() {
            if *state == Member::Named {
                *state = Member::Done;
            }
        }
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object {
                key: Some(k),
                state: Member::Named | Member::Open,
            } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Frame::Object { .. } => break,
            Frame::Array { index } => path.push_str(&format!("[{index}]")),
        }
    }
    if path.is_empty() {
        path.push('.');
    }
    path
}

/// A value starts in the innermost object's member.
fn value_started(stack: &mut [Frame]) {
    if let Some(Frame::Object { state, .. }) = stack.last_mut() {
        if *state == Member::Named {
            *state = Member::Open;
        }
    }
}

/// The value of the innermost object's member has ended.
fn value_done(stack: &mut [Frame]) {
    if let Some(Frame::Object { state, .. }) = stack.last_mut() {
        if matches!(*state, Member::Named | Member::Open) {
            *state = Member::Done;
        }
    }
}

/// The text of the string whose content starts at `from`, where it ends, and whether its closing
/// quote was reached. Escapes are decoded; `\u` escapes that do not make a character become
/// U+FFFD (a key like that cannot match a field anyway).
fn string_at(bytes: &[u8], from: usize) -> (String, usize, bool) {
    let mut out: Vec<u8> = Vec::new();
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => return (String::from_utf8_lossy(&out).into_owned(), i + 1, true),
            b'\\' if i + 1 < bytes.len() => {
                let c = bytes[i + 1];
                i += 2;
                let decoded = match c {
                    b'n' => '\n',
                    b't' => '\t',
                    b'r' => '\r',
                    b'b' => '\u{8}',
                    b'f' => '\u{c}',
                    b'u' => {
                        let hex = bytes.get(i..i + 4).and_then(|h| std::str::from_utf8(h).ok());
                        i += 4;
                        let unit = hex.and_then(|h| u32::from_str_radix(h, 16).ok()).unwrap_or(0xfffd);
                        // A surrogate pair: a high half here, its low half in the next escape.
                        if (0xd800..0xdc00).contains(&unit) && bytes.get(i..i + 2) == Some(b"\\u") {
                            let low = bytes
                                .get(i + 2..i + 6)
                                .and_then(|h| std::str::from_utf8(h).ok())
                                .and_then(|h| u32::from_str_radix(h, 16).ok());
                            if let Some(low @ 0xdc00..=0xdfff) = low {
                                i += 6;
                                char::from_u32(0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00)).unwrap_or('\u{fffd}')
                            } else {
                                '\u{fffd}'
                            }
                        } else {
                            char::from_u32(unit).unwrap_or('\u{fffd}')
                        }
                    }
                    other => other as char,
                };
                let mut buf = [0; 4];
                out.extend_from_slice(decoded.encode_utf8(&mut buf).as_bytes());
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    (String::from_utf8_lossy(&out).into_owned(), i, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_field_of_each_kind_of_error() {
        let cases = [
            (r#"{"name": 5, "steps": []}"#, 10, "name"),
            (r#"{"name": "x", "steps": {}}"#, 23, "steps"),
            (
                r#"{"name": "x", "steps": [{"title": "a", "inputs": [1]}]}"#,
                51,
                "steps[0].inputs[0]",
            ),
            (r#"{"name": "x", "steps": [{"inputs": []}]}"#, 38, "steps[0]"),
            (
                r#"{"name": "x", "steps": [{"title":"a","zzz": 1}]}"#,
                42,
                "steps[0].zzz",
            ),
            (
                r#"{"name": "x", "steps": [{"title": "a"}, {"title": null}]}"#,
                54,
                "steps[1].title",
            ),
            (r#"{"steps": []}"#, 13, "."),
        ];
        for (text, column, path) in cases {
            assert_eq!(at(text, 1, column, false), path, "{text}");
        }
    }

    #[test]
    fn counts_lines_and_reads_escaped_keys() {
        let text = "{\n  \"na\\u006de\": [\n    true,\n    7\n  ]\n}";
        assert_eq!(at(text, 4, 5, false), "name[1]");
        // Positions past the end, or on lines that do not exist, still give a path.
        assert_eq!(at(text, 99, 99, false), ".");
        assert_eq!(at("", 1, 1, false), ".");
    }

    proptest::proptest! {
        /// Any text and any position, however wrong, give a path and never a panic.
        #[test]
        fn never_panics(text in "\\PC{0,80}", line in 0usize..6, column in 0usize..90, variant in proptest::bool::ANY) {
            proptest::prop_assert!(!at(&text, line, column, variant).is_empty());
        }
    }

    /// The oracle: on damaged documents (a value of the wrong type, a field gone, a field added,
    /// compact or pretty), the path found here is the one serde_path_to_error tracks.
    mod oracle {
        use crate::workflow::{generate, WorkflowDoc};
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(2000))]
            #[test]
            fn agrees_with_serde_path_to_error(n in 1usize..8, pick in any::<usize>(), how in 0usize..9, pretty in any::<bool>()) {
                let text = generate::damaged(n, pick, how, pretty);
                let mut de = serde_json::Deserializer::from_str(&text);
                if let Err(e) = serde_path_to_error::deserialize::<_, WorkflowDoc>(&mut de) {
                    if e.inner().classify() == serde_json::error::Category::Data {
                        prop_assert_eq!(super::super::of_error(&text, e.inner()), e.path().to_string(), "{}", text);
                    }
                }
            }
        }
    }
}
