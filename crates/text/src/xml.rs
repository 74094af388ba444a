//! Escaping text for XML 1.0 (BPMN and SVG exports).
//!
//! HTML escaping is not enough for XML: XML 1.0 forbids most control characters outright, even as
//! character references, so a step titled `"Check\u{1} the claim"` would make a file no XML parser
//! reads. [`escape`] replaces every character XML cannot carry with U+FFFD (the replacement
//! character) and writes tabs and line breaks as references, so they survive attribute-value
//! normalisation.

/// Whether XML 1.0 allows `c` in a document (the `Char` production).
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\u{9}' | '\u{A}' | '\u{D}' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Escapes `text` for use inside an XML element or a quoted attribute (either quote).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if !is_xml_char(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn escapes_markup_and_drops_what_xml_cannot_carry() {
        assert_eq!(escape("a<b>&\"'"), "a&lt;b&gt;&amp;&quot;&apos;");
        assert_eq!(escape("Check\u{1} the claim"), "Check\u{FFFD} the claim");
        assert_eq!(escape("one\ntwo\tthree\r"), "one&#10;two&#9;three&#13;");
        assert_eq!(escape("\u{FFFE}\u{FFFF}\u{1F}"), "\u{FFFD}\u{FFFD}\u{FFFD}");
        assert_eq!(escape("Étape clé 😀"), "Étape clé 😀");
    }

    proptest! {
        #[test]
        fn escaped_text_is_always_xml_text(text in any::<String>()) {
            let out = escape(&text);
            prop_assert!(out.chars().all(|c| is_xml_char(c) && !matches!(c, '<' | '>' | '"' | '\'' | '\t' | '\n' | '\r')));
            prop_assert!(!out.contains('&') || out.split('&').skip(1).all(|rest| rest.contains(';')));
        }
    }
}
