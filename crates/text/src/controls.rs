//! Characters a reader cannot see but that change what they see: control characters (escape
//! sequences, carriage returns, new lines, bells) and the marks that reverse text direction.
//! Untrusted text is either shown with them written out ([`visible`]) or kept without them.

/// Whether `c` is a control character or a mark that changes the direction of text.
pub fn is_hidden(c: char) -> bool {
    c.is_control() || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every hidden character written as `\u{…}`, so it cannot move a terminal's cursor,
/// break a row or reorder what a reader sees.
pub fn visible(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_visible(&mut out, text);
    out
}

/// [`visible`], appended to `out`.
pub fn push_visible(out: &mut String, text: &str) {
    for c in text.chars() {
        if is_hidden(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_characters_are_written_out() {
        assert_eq!(visible("a\u{1b}[2Jb\u{202e}c\nd"), "a\\u{1b}[2Jb\\u{202e}c\\u{a}d");
        assert_eq!(visible("Ana Lima <b>"), "Ana Lima <b>");
        assert!(is_hidden('\u{2066}') && is_hidden('\u{7}') && !is_hidden('é'));
    }
}
