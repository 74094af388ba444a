//! Parses `content/SUMMARY.md`, the one file that sets the order and titles of every page.
//!
//! The format follows mdBook's: `# Section` headings, an optional lone `[Title](file.md)` link
//! before the first list (the welcome page), and `- [Title](file.md)` list items.

use std::fmt;

/// One page listed in the summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SummaryEntry {
    pub title: String,
    /// The Markdown file, relative to `content/`: `learn/what-is-a-workflow.md`.
    pub source: String,
    /// The section heading it sits under, `""` for the welcome page.
    pub section: String,
    /// 1-based line in SUMMARY.md, for error messages.
    pub line: usize,
}

/// A problem in SUMMARY.md, with the line it is on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SummaryError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for SummaryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SUMMARY.md line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for SummaryError {}

/// Reads the summary into its entries, in order.
pub fn parse(text: &str) -> Result<Vec<SummaryEntry>, SummaryError> {
    let mut entries: Vec<SummaryEntry> = Vec::new();
    let mut section: Option<String> = None;
    let mut seen_title = false;
    for (i, raw) in text.lines().enumerate() {
        let line = i + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            continue;
        }
        let err = |message: String| SummaryError { line, message };
        if let Some(heading) = trimmed.strip_prefix("# ") {
            // The first heading is the book's title; later ones open sections.
            if seen_title {
                section = Some(heading.trim().to_string());
            }
            seen_title = true;
        } else if let Some(item) = trimmed.strip_prefix("- ").or_else(|| trimmed.strip_prefix("* ")) {
            let Some(section) = section.clone() else {
                return Err(err("a list item must sit under a `# Section` heading".into()));
            };
            let (title, source) = parse_link(item.trim()).map_err(err)?;
            entries.push(SummaryEntry {
                title,
                source,
                section,
                line,
            });
        } else if trimmed.starts_with('[') {
            if section.is_some() {
                return Err(err(
                    "pages inside a section must be list items (`- [Title](file.md)`)".into()
                ));
            }
            let (title, source) = parse_link(trimmed).map_err(err)?;
            entries.push(SummaryEntry {
                title,
                source,
                section: String::new(),
                line,
            });
        } else {
            return Err(err(format!(
                "expected `# Section`, `[Title](file.md)` or `- [Title](file.md)`, found `{trimmed}`"
            )));
        }
    }
    let mut sources = std::collections::HashSet::new();
    for entry in &entries {
        if !sources.insert(entry.source.as_str()) {
            return Err(SummaryError {
                line: entry.line,
                message: format!("`{}` is listed twice", entry.source),
            });
        }
    }
    if entries.is_empty() {
        return Err(SummaryError {
            line: 1,
            message: "the summary lists no pages".into(),
        });
    }
    Ok(entries)
}

fn parse_link(text: &str) -> Result<(String, String), String> {
    let bad = || format!("expected a link like `[Title](file.md)`, found `{text}`");
    let rest = text.strip_prefix('[').ok_or_else(bad)?;
    let (title, rest) = rest.split_once("](").ok_or_else(bad)?;
    let source = rest.strip_suffix(')').ok_or_else(bad)?;
    let title = title.trim();
    let source = source.trim();
    if title.is_empty() {
        return Err(format!("the link to `{source}` has no title"));
    }
    if !source.ends_with(".md") || source.starts_with('/') || source.contains("..") || source.contains('\\') {
        return Err(format!(
            "`{source}` must be a relative path to a .md file inside content/"
        ));
    }
    Ok((title.to_string(), source.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# Flowguide\n\n[Welcome](index.md)\n\n# Learn\n\n- [What is a workflow?](learn/what-is-a-workflow.md)\n- [Why](learn/why.md)\n\n# Reference\n\n- [Glossary](reference/glossary.md)\n";

    #[test]
    fn reads_sections_and_entries_in_order() {
        let entries = parse(SAMPLE).unwrap();
        let got: Vec<_> = entries
            .iter()
            .map(|e| (e.section.as_str(), e.title.as_str(), e.source.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("", "Welcome", "index.md"),
                ("Learn", "What is a workflow?", "learn/what-is-a-workflow.md"),
                ("Learn", "Why", "learn/why.md"),
                ("Reference", "Glossary", "reference/glossary.md"),
            ]
        );
    }

    #[test]
    fn names_the_line_of_a_problem() {
        let err = parse("# Book\n# Learn\n- [A](a.md)\nnonsense\n").unwrap_err();
        assert_eq!(err.line, 4);
        assert!(err.to_string().contains("nonsense"));
        assert_eq!(parse("# Book\n- [A](a.md)\n").unwrap_err().line, 2);
        assert!(parse("# B\n# L\n- [A](../a.md)\n")
            .unwrap_err()
            .message
            .contains("relative path"));
        assert!(parse("# B\n# L\n- [](a.md)\n")
            .unwrap_err()
            .message
            .contains("no title"));
        assert!(parse("# B\n# L\n- [A](a.md)\n- [B](a.md)\n")
            .unwrap_err()
            .message
            .contains("twice"));
        assert!(parse("").is_err());
    }
}
