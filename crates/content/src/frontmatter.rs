//! Splits a page into its front matter (`description`, `goal`) and its Markdown body.

/// What a page says about itself above its body.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FrontMatter {
    pub description: String,
    pub goal: String,
}

/// Splits `text` into front matter and body. A page without a leading `---` block has empty
/// front matter; unknown keys and unterminated blocks are errors, so typos never pass silently.
pub fn split(text: &str) -> Result<(FrontMatter, &str), String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some(rest) = text.strip_prefix("---\n").or_else(|| text.strip_prefix("---\r\n")) else {
        return Ok((FrontMatter::default(), text));
    };
    let mut front = FrontMatter::default();
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        offset += line.len();
        let line = line.trim_end_matches(['\n', '\r']);
        if line == "---" {
            return Ok((front, &rest[offset..]));
        }
        if line.trim().is_empty() {
            continue;
        }
        let (key, value) = line
            .split_once(':')
            .ok_or_else(|| format!("front matter line `{line}` is not `key: value`"))?;
        let value = value.trim().to_string();
        match key.trim() {
            "description" => front.description = value,
            "goal" => front.goal = value,
            other => {
                return Err(format!(
                    "unknown front matter key `{other}` (expected `description` or `goal`)"
                ))
            }
        }
    }
    Err("the front matter block is never closed with `---`".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_from_body() {
        let (front, body) =
            split("---\ndescription: About: things\ngoal: You will be able to X.\n---\n## Hi\n").unwrap();
        assert_eq!(front.description, "About: things");
        assert_eq!(front.goal, "You will be able to X.");
        assert_eq!(body, "## Hi\n");
    }

    #[test]
    fn pages_without_front_matter_are_all_body() {
        assert_eq!(split("Hello").unwrap(), (FrontMatter::default(), "Hello"));
    }

    #[test]
    fn rejects_typos_and_unclosed_blocks() {
        assert!(split("---\ndescriptoin: x\n---\n").unwrap_err().contains("descriptoin"));
        assert!(split("---\ndescription: x\n").unwrap_err().contains("never closed"));
        assert!(split("---\njust text\n---\n").unwrap_err().contains("key: value"));
    }
}
