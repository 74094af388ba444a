//! CSV fields for gradebooks: what the command-line checker and the grading page write, byte for
//! byte the same.

/// One CSV field. Control and bidirectional-override characters are written as `\u{…}` (so a
/// name cannot break a row or reorder what a reader sees); a leading `=`, `+`, `-` or `@`, which
/// a spreadsheet would run as a formula, gets a `'` before it; a field holding a comma or a quote
/// is quoted, its quotes doubled.
pub fn field(text: &str) -> String {
    let mut clean = String::with_capacity(text.len() + 2);
    if text.starts_with(['=', '+', '-', '@']) {
        clean.push('\'');
    }
    crate::controls::push_visible(&mut clean, text);
    if clean.contains([',', '"']) {
        format!("\"{}\"", clean.replace('"', "\"\""))
    } else {
        clean
    }
}

/// A row of fields, each through [`field`], ended by CRLF as RFC 4180 asks.
pub fn row<S: AsRef<str>>(fields: &[S]) -> String {
    let mut out = fields.iter().map(|f| field(f.as_ref())).collect::<Vec<_>>().join(",");
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_guarded_and_cleaned() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(field("-5"), "'-5");
        assert_eq!(field("two\nlines"), "two\\u{a}lines");
        assert_eq!(field("ab\u{202e}cd"), "ab\\u{202e}cd");
        assert_eq!(row(&["a", "b,c", ""]), "a,\"b,c\",\r\n");
    }
}
