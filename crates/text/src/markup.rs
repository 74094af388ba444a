//! A small Markdown subset for text Flowguide does not trust: an exercise's scenario and goals,
//! written by any instructor and carried by any link. It knows paragraphs (a blank line between),
//! bulleted lists (`- ` or `* `), numbered lists (`1. `), `*emphasis*`, `**strong**` and
//! `[links](https://…)`; everything else is shown exactly as written. Raw HTML is text, and only
//! `http:` and `https:` addresses become links, so no input can add an element, an attribute or
//! a script to the page: every character of the input reaches the output through
//! [`crate::html::escape`].

use crate::html::escape;

/// The whole text as HTML blocks: `<p>`, `<ul>` and `<ol>`.
pub fn blocks(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    let mut paragraph: Vec<&str> = Vec::new();
    // The open list, if any: whether it is numbered, and its items' lines.
    let mut list: Option<(bool, Vec<String>)> = None;
    let flush_paragraph = |out: &mut String, lines: &mut Vec<&str>| {
        if !lines.is_empty() {
            out.push_str("<p>");
            out.push_str(&inline(&lines.join(" ")));
            out.push_str("</p>");
            lines.clear();
        }
    };
    let flush_list = |out: &mut String, list: &mut Option<(bool, Vec<String>)>| {
        if let Some((numbered, items)) = list.take() {
            let tag = if numbered { "ol" } else { "ul" };
            out.push_str(&format!("<{tag}>"));
            for item in items {
                out.push_str("<li>");
                out.push_str(&inline(&item));
                out.push_str("</li>");
            }
            out.push_str(&format!("</{tag}>"));
        }
    };
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            flush_paragraph(&mut out, &mut paragraph);
            flush_list(&mut out, &mut list);
            continue;
        }
        if let Some((numbered, item)) = list_item(trimmed) {
            flush_paragraph(&mut out, &mut paragraph);
            if list.as_ref().is_some_and(|(n, _)| *n != numbered) {
                flush_list(&mut out, &mut list);
            }
            list.get_or_insert_with(|| (numbered, Vec::new()))
                .1
                .push(item.to_string());
            continue;
        }
        match &mut list {
            // An indented line goes on with the item above it.
            Some((_, items)) if line.starts_with([' ', '\t']) => {
                let last = items.last_mut().expect("an open list has an item");
                last.push(' ');
                last.push_str(trimmed);
            }
            _ => {
                flush_list(&mut out, &mut list);
                paragraph.push(trimmed);
            }
        }
    }
    flush_paragraph(&mut out, &mut paragraph);
    flush_list(&mut out, &mut list);
    out
}

/// A list item's marker, read off the start of a trimmed line: `- `, `* `, or digits and `. `.
fn list_item(line: &str) -> Option<(bool, &str)> {
    if let Some(rest) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
        return Some((false, rest.trim_start()));
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=9).contains(&digits) {
        if let Some(rest) = line[digits..].strip_prefix(". ") {
            return Some((true, rest.trim_start()));
        }
    }
    None
}

/// One line of text as inline HTML: emphasis, strong and links; no blocks.
pub fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    spans(text, &mut out, true);
    out
}

/// Whether `url` may become a link: an absolute `http:` or `https:` address with no spaces or
/// quotes in it.
pub fn is_safe_url(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && url.len() > lower.find("//").unwrap_or(0) + 2
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '`'))
}

/// Writes `text`'s inline spans into `out`. `links` is false inside a link's text, so links do
/// not nest.
fn spans(text: &str, out: &mut String, links: bool) {
    let mut rest = text;
    while !rest.is_empty() {
        // `\*` is a literal star (and the same for the other marks).
        if let Some(after) = rest.strip_prefix('\\') {
            if let Some(c) = after.chars().next().filter(|c| "*[]()\\_".contains(*c)) {
                out.push_str(&escape(&c.to_string()));
                rest = &after[c.len_utf8()..];
                continue;
            }
        }
        if let Some(after) = rest.strip_prefix("**") {
            if let Some(end) = after.find("**").filter(|&e| e > 0 && !after[..e].starts_with(' ')) {
                out.push_str("<strong>");
                spans(&after[..end], out, links);
                out.push_str("</strong>");
                rest = &after[end + 2..];
                continue;
            }
        }
        if let Some(after) = rest.strip_prefix('*').filter(|a| !a.starts_with(['*', ' '])) {
            if let Some(end) = after.find('*').filter(|&e| e > 0 && !after[..e].ends_with(' ')) {
                out.push_str("<em>");
                spans(&after[..end], out, links);
                out.push_str("</em>");
                rest = &after[end + 1..];
                continue;
            }
        }
        if links && rest.starts_with('[') {
            if let Some((label, url, used)) = link(rest) {
                if is_safe_url(url) {
                    out.push_str("<a href=\"");
                    out.push_str(&escape(url));
                    out.push_str("\" rel=\"nofollow noopener noreferrer\">");
                    spans(label, out, false);
                    out.push_str("</a>");
                } else {
                    // Not a web address (`javascript:`, a relative path): the words, then the
                    // address as text, so nothing is hidden from the reader.
                    spans(label, out, false);
                    out.push_str(" (");
                    out.push_str(&escape(url));
                    out.push(')');
                }
                rest = &rest[used..];
                continue;
            }
        }
        let c = rest.chars().next().expect("rest is not empty");
        out.push_str(&escape(&rest[..c.len_utf8()]));
        rest = &rest[c.len_utf8()..];
    }
}

/// `[label](url)` at the start of `text`: the label, the address, and how many bytes it used.
fn link(text: &str) -> Option<(&str, &str, usize)> {
    let close = text.find("](")?;
    let label = &text[1..close];
    if label.is_empty() || label.contains(['[', ']']) {
        return None;
    }
    let url_start = close + 2;
    let url_len = text[url_start..].find(')')?;
    let url = text[url_start..url_start + url_len].trim();
    Some((label, url, url_start + url_len + 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn paragraphs_lists_and_inline_marks() {
        assert_eq!(blocks("One\ntwo\n\nThree"), "<p>One two</p><p>Three</p>");
        assert_eq!(
            blocks("Steps:\n- *first*\n- **second** one\n  goes on\n\n1. a\n2. b"),
            "<p>Steps:</p><ul><li><em>first</em></li><li><strong>second</strong> one goes on</li></ul><ol><li>a</li><li>b</li></ol>"
        );
        assert_eq!(
            inline("See [the policy](https://example.org/a?b=1&c=2)."),
            "See <a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"nofollow noopener noreferrer\">the policy</a>."
        );
        assert_eq!(inline("2 * 3 * 4"), "2 * 3 * 4", "spaced stars are arithmetic");
        assert_eq!(inline(r"\*not\* em"), "*not* em");
        assert_eq!(blocks(""), "");
        assert_eq!(
            blocks("- a\n* b\n3. c"),
            "<ul><li>a</li><li>b</li></ul><ol><li>c</li></ol>"
        );
    }

    #[test]
    fn html_and_unsafe_links_are_text() {
        assert_eq!(
            blocks("<script>alert(1)</script>"),
            "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"
        );
        assert_eq!(
            inline("[click](javascript:alert(1))"),
            "click (javascript:alert(1)".to_string() + ")",
            "the address is shown, never linked"
        );
        assert_eq!(inline("[x](/relative)"), "x (/relative)");
        assert_eq!(
            inline("[x](https://a.org/\"onmouseover=\"alert(1))"),
            "x (https://a.org/&quot;onmouseover=&quot;alert(1)".to_string() + ")"
        );
        assert_eq!(
            inline("**<img src=x onerror=alert(1)>**"),
            "<strong>&lt;img src=x onerror=alert(1)&gt;</strong>"
        );
        assert!(!is_safe_url("https://"));
        assert!(is_safe_url("HTTPS://Example.org"));
        assert!(!is_safe_url("data:text/html,hi"));
    }

    /// Every `<` in the output opens or closes one of the subset's own tags, and every `href`
    /// is a web address: no input adds anything else to the page.
    fn only_our_markup(html: &str) -> Result<(), String> {
        let allowed = ["p", "ul", "ol", "li", "em", "strong", "a"];
        let mut rest = html;
        while let Some(at) = rest.find('<') {
            let tag = &rest[at + 1..];
            let end = tag.find('>').ok_or("an unclosed tag")?;
            let inner = &tag[..end];
            let name = inner.trim_start_matches('/').split(' ').next().unwrap_or("");
            if !allowed.contains(&name) {
                return Err(format!("a <{inner}> tag"));
            }
            if name == "a" && !inner.starts_with('/') {
                let href = inner
                    .strip_prefix("a href=\"")
                    .and_then(|h| h.split('"').next())
                    .ok_or("a link without an href")?;
                if !(href.starts_with("http://")
                    || href.starts_with("https://")
                    || href.to_lowercase().starts_with("http"))
                {
                    return Err(format!("the href {href}"));
                }
                if inner.matches('"').count() != 4 {
                    return Err(format!("extra attributes in <{inner}>"));
                }
            } else if inner.contains(' ') {
                return Err(format!("attributes in <{inner}>"));
            }
            rest = &tag[end + 1..];
        }
        Ok(())
    }

    proptest! {
        #[test]
        fn no_input_adds_markup(text in "(\\PC|[\\n*\\[\\]()<>\"'&\\\\-]|javascript:|https://|\\*\\*|\\]\\(|1\\. |- ){0,80}") {
            let html = blocks(&text);
            prop_assert!(only_our_markup(&html).is_ok(), "{:?} gave {html}: {:?}", text, only_our_markup(&html));
            prop_assert!(only_our_markup(&inline(&text)).is_ok());
        }

        #[test]
        fn plain_words_come_through_unchanged(words in proptest::collection::vec("[A-Za-zé0-9,.]{1,10}", 1..20)) {
            // A first word of digits and a full stop would start a numbered list ("1. …").
            let text = format!("W{}", words.join(" "));
            prop_assert_eq!(blocks(&text), format!("<p>{}</p>", escape(&text)));
        }
    }
}
