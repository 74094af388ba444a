//! The instructor's form, in text: expected roles and artifacts as one line each
//! (`Finance: finance team, accounts payable | Finance pays the claim`), overrides as
//! `rule-id: level`, goals one per line. Each reader is the writer's inverse, so an exercise
//! loaded into the form and saved again is the same exercise.

use std::collections::BTreeMap;

use flowguide_engine::feedback::preset::Level;

use crate::exercise::Expected;

/// Reads expected roles or artifacts, one per line: the name, then (after a colon) the other
/// names that also count, separated by commas, then (after a bar) what the scenario says of it.
/// Blank lines are skipped.
pub fn read_expected(text: &str) -> Vec<Expected> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|line| {
            let (names, says) = line.split_once('|').unwrap_or((line, ""));
            let (name, synonyms) = names.split_once(':').unwrap_or((names, ""));
            Expected {
                name: name.trim().to_string(),
                synonyms: synonyms
                    .split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect(),
                says: says.trim().to_string(),
            }
        })
        .filter(|e| !e.name.is_empty())
        .collect()
}

/// Writes expected roles or artifacts the way [`read_expected`] reads them.
pub fn write_expected(list: &[Expected]) -> String {
    list.iter()
        .map(|e| {
            let mut line = e.name.clone();
            if !e.synonyms.is_empty() {
                line.push_str(": ");
                line.push_str(&e.synonyms.join(", "));
            }
            if !e.says.is_empty() {
                line.push_str(" | ");
                line.push_str(&e.says);
            }
            line
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Reads overrides, one `rule-id: level` per line (level `off`, `error`, `warning` or `tip`),
/// or names the first line that is not one.
pub fn read_overrides(text: &str) -> Result<BTreeMap<String, Level>, String> {
    let mut out = BTreeMap::new();
    for (n, line) in text.lines().enumerate().map(|(n, l)| (n + 1, l.trim())) {
        if line.is_empty() {
            continue;
        }
        let Some((id, level)) = line.split_once(':') else {
            return Err(format!(
                "line {n} of the overrides needs a rule id, a colon and a level, such as “vague-wording: tip”"
            ));
        };
        let level = match level.trim().to_lowercase().as_str() {
            "off" => Level::Off,
            "error" => Level::Error,
            "warning" => Level::Warning,
            "tip" => Level::Tip,
            other => {
                return Err(format!(
                    "line {n} of the overrides sets the level “{other}”: use off, error, warning or tip"
                ))
            }
        };
        out.insert(id.trim().to_string(), level);
    }
    Ok(out)
}

pub fn write_overrides(overrides: &BTreeMap<String, Level>) -> String {
    overrides
        .iter()
        .map(|(id, l)| {
            let level = match l {
                Level::Off => "off",
                Level::Error => "error",
                Level::Warning => "warning",
                Level::Tip => "tip",
            };
            format!("{id}: {level}")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Goals, one per line.
pub fn read_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// An exercise id made from its title: "Order a pizza!" → `order-a-pizza`.
pub fn id_from_title(title: &str) -> String {
    // Accented Latin letters keep their base letter: "Étape" → `etape`.
    let mut folded = String::with_capacity(title.len());
    for c in title.chars().flat_map(char::to_lowercase) {
        let base = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            'ß' => {
                folded.push_str("ss");
                continue;
            }
            other => other,
        };
        folded.push(base);
    }
    let mut id = flowguide_text::slug::slugify_or(&folded, "my-exercise");
    id.retain(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    let id: String = id.trim_matches('-').chars().take(crate::exercise::MAX_ID).collect();
    let id = id.trim_end_matches('-').to_string();
    if crate::exercise::is_id(&id) {
        id
    } else {
        "my-exercise".to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin;
    use proptest::prelude::*;

    #[test]
    fn lines_read_and_write_back() {
        let text = "Finance: finance team, accounts payable | Finance pays the claim\n\n  Manager  \nClerk | the clerk files it";
        let list = read_expected(text);
        assert_eq!(list.len(), 3);
        assert_eq!(list[0].synonyms, ["finance team", "accounts payable"]);
        assert_eq!(list[0].says, "Finance pays the claim");
        assert_eq!(list[1].name, "Manager");
        assert_eq!(list[2].says, "the clerk files it");
        assert_eq!(read_expected(&write_expected(&list)), list);
        for e in builtin::all() {
            assert_eq!(
                read_expected(&write_expected(&e.rubric.roles)),
                e.rubric.roles,
                "{}",
                e.id
            );
            assert_eq!(
                read_expected(&write_expected(&e.rubric.artifacts)),
                e.rubric.artifacts,
                "{}",
                e.id
            );
        }
    }

    #[test]
    fn overrides_name_the_bad_line() {
        let o = read_overrides("vague-wording: tip\n\nstep-count:OFF").unwrap();
        assert_eq!(o.get("step-count"), Some(&Level::Off));
        assert_eq!(read_overrides(&write_overrides(&o)).unwrap(), o);
        assert!(read_overrides("a\nb: loud").unwrap_err().contains("line 1"));
        assert!(read_overrides("b: loud").unwrap_err().contains("“loud”"));
    }

    #[test]
    fn ids_come_from_titles() {
        assert_eq!(id_from_title("Order a pizza!"), "order-a-pizza");
        assert_eq!(id_from_title("Étape 2: la réunion"), "etape-2-la-reunion");
        assert_eq!(id_from_title("Straße"), "strasse");
        assert_eq!(id_from_title("***"), "my-exercise");
        assert!(crate::exercise::is_id(&id_from_title(&"long words ".repeat(20))));
    }

    proptest! {
        #[test]
        fn expected_lines_round_trip(names in proptest::collection::vec(("[A-Za-z][A-Za-z ]{0,10}[A-Za-z]", proptest::collection::vec("[a-z][a-z ]{0,8}[a-z]", 0..3), "([a-z][a-z ]{0,20}[a-z])?"), 0..5)) {
            let list: Vec<Expected> = names.into_iter().map(|(name, synonyms, says)| Expected { name, synonyms, says }).collect();
            prop_assert_eq!(read_expected(&write_expected(&list)), list);
        }

        #[test]
        fn any_id_from_a_title_is_an_id(title in "\\PC{0,120}") {
            prop_assert!(crate::exercise::is_id(&id_from_title(&title)));
        }
    }
}
