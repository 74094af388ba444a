//! Turns heading and glossary-term text into stable anchor ids.

/// Lowercases `text` and joins its runs of letters and digits with single hyphens.
///
/// `"Inputs and outputs"` becomes `"inputs-and-outputs"`, `"SLA (service-level agreement)"`
/// becomes `"sla-service-level-agreement"`. Letters outside ASCII are kept, so ids stay
/// meaningful in any language. Text with no letters or digits gives `"section"`.
pub fn slugify(text: &str) -> String {
    slugify_or(text, "section")
}

/// [`slugify`], with `fallback` for text that has no letters or digits: role ids, file names.
pub fn slugify_or(text: &str, fallback: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_dash = false;
    for ch in text.chars().flat_map(char::to_lowercase) {
        if ch.is_alphanumeric() {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.push(ch);
        } else {
            pending_dash = true;
        }
    }
    if out.is_empty() {
        out.push_str(fallback);
    }
    out
}

/// Hands out ids that are unique within one page, adding `-2`, `-3`… to repeats.
#[derive(Debug, Default)]
pub struct UniqueIds {
    seen: std::collections::HashMap<String, usize>,
}

impl UniqueIds {
    pub fn id_for(&mut self, text: &str) -> String {
        let base = slugify(text);
        let count = self.seen.entry(base.clone()).or_insert(0);
        *count += 1;
        if *count == 1 {
            base
        } else {
            format!("{base}-{count}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn joins_words_with_single_hyphens() {
        assert_eq!(slugify("What goes wrong without them"), "what-goes-wrong-without-them");
        assert_eq!(slugify("Inputs and outputs"), "inputs-and-outputs");
        assert_eq!(slugify("SLA (service-level agreement)"), "sla-service-level-agreement");
        assert_eq!(slugify("  --Hand-off!  "), "hand-off");
        assert_eq!(slugify("Étape clé"), "étape-clé");
        assert_eq!(slugify("!!!"), "section");
    }

    #[test]
    fn repeats_get_numbered() {
        let mut ids = UniqueIds::default();
        assert_eq!(ids.id_for("Example"), "example");
        assert_eq!(ids.id_for("Example"), "example-2");
        assert_eq!(ids.id_for("example!"), "example-3");
    }

    proptest! {
        #[test]
        fn slugs_are_clean(text in "\\PC{0,60}") {
            let slug = slugify(&text);
            prop_assert!(!slug.is_empty());
            prop_assert!(!slug.starts_with('-') && !slug.ends_with('-'));
            prop_assert!(!slug.contains("--"));
            prop_assert!(slug.chars().all(|c| c == '-' || c.is_alphanumeric()));
            prop_assert_eq!(slugify(&slug), slug.clone());
        }
    }
}
