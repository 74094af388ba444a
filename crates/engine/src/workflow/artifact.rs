//! Artifact names: what steps take and make. Names match case-insensitively, after trimming and
//! collapsing runs of spaces, so "Expense  Claim " and "expense claim" are one artifact.

/// The key two artifact names are compared by.
pub fn key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    key_into(name, &mut out);
    out
}

/// Writes the key of `name` into `out`, after what it holds: a reused buffer saves an
/// allocation for each name of a large document.
pub fn key_into(name: &str, out: &mut String) {
    let from = out.len();
    if name.is_ascii() {
        // Nearly every name: one pass over the bytes, lowercasing and collapsing spaces.
        let mut space = false;
        for b in name.bytes() {
            if b.is_ascii_whitespace() {
                space = out.len() > from;
            } else {
                if space {
                    out.push(' ');
                    space = false;
                }
                out.push(char::from(b.to_ascii_lowercase()));
            }
        }
        return;
    }
    for word in name.split_whitespace() {
        if out.len() > from {
            out.push(' ');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// The name as a reader should see it: trimmed, with single spaces.
pub fn display(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn names_match_ignoring_case_and_spacing() {
        assert_eq!(key("  Expense   Claim "), "expense claim");
        assert_eq!(key("ÉTAPE Un"), "étape un");
        assert_eq!(key("   "), "");
        assert_eq!(display("  Expense   Claim "), "Expense Claim");
    }

    proptest! {
        #[test]
        fn keys_ignore_spacing_and_are_stable(words in proptest::collection::vec("[A-Za-zé]{1,8}", 0..5), pad in "[ \t]{0,3}") {
            let spaced = format!("{pad}{}{pad}", words.join(&format!(" {pad}")));
            let k = key(&spaced);
            prop_assert_eq!(key(&k), k.clone());
            prop_assert_eq!(k, key(&words.join(" ")));
        }
    }
}
