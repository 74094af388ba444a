//! Small, explainable wording checks with no model: does a step title start with an action verb
//! (from a curated list of about 600 in `verbs.txt`), and which vague words does a text use.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

fn verbs() -> &'static HashSet<&'static str> {
    static VERBS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    VERBS.get_or_init(|| {
        include_str!("verbs.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect()
    })
}

/// The first word of a title, lowercased, skipping numbering such as "1." or "Step 2:".
pub fn first_word(title: &str) -> Option<String> {
    first_word_raw(title).map(str::to_lowercase)
}

/// Calls `f` with `word` in lowercase, without allocating for short ASCII words (nearly all).
fn with_lowercase<T>(word: &str, f: impl FnOnce(&str) -> T) -> T {
    let mut buf = [0u8; 32];
    if word.len() <= buf.len() && word.is_ascii() {
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        f(std::str::from_utf8(lower).expect("ASCII stays UTF-8"))
    } else {
        f(&word.to_lowercase())
    }
}

/// The first word of a title as written, skipping numbering such as "1." or "Step 2:".
fn first_word_raw(title: &str) -> Option<&str> {
    let mut words = title
        .split(|c: char| c.is_whitespace() || matches!(c, ':' | '.' | ')'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .filter(|w| !w.is_empty());
    let word = words.next()?;
    if word.chars().all(|c| c.is_ascii_digit()) || word.eq_ignore_ascii_case("step") {
        return words.find(|w| !w.chars().all(|c| c.is_ascii_digit()));
    }
    Some(word)
}

/// Whether `title` starts with a verb from the curated list.
pub fn starts_with_verb(title: &str) -> bool {
    first_word_raw(title).is_some_and(|w| with_lowercase(w, |w| verbs().contains(w)))
}

/// For a title starting "Reviewing" or "Reviewed", the imperative to suggest ("Review").
pub fn imperative_of(word: &str) -> Option<String> {
    let verbs = verbs();
    for suffix in ["ing", "ed", "s"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            for candidate in [stem.to_string(), format!("{stem}e")] {
                if verbs.contains(candidate.as_str()) {
                    return Some(candidate);
                }
            }
        }
    }
    None
}

/// A vague word or phrase, whether it is a verb (so "handles" and "handling" count too), and
/// what to do instead.
pub struct Vague {
    pub phrase: &'static str,
    pub verb: bool,
    pub instead: &'static str,
}

const fn vague(phrase: &'static str, verb: bool, instead: &'static str) -> Vague {
    Vague { phrase, verb, instead }
}

/// Words and phrases that hide what is actually done.
pub const VAGUE: &[Vague] = &[
    vague("stuff", false, "name the actual item"),
    vague("things", false, "name the actual items"),
    vague("thing", false, "name the actual item"),
    vague("etc", false, "list what is included"),
    vague("and so on", false, "list what is included"),
    vague("misc", false, "name the actual items"),
    vague("miscellaneous", false, "name the actual items"),
    vague("various", false, "name them"),
    vague("whatever", false, "say exactly what"),
    vague("somehow", false, "say how"),
    vague("handle", true, "say what is done: review, approve, answer…"),
    vague("deal with", true, "say what is done: review, approve, answer…"),
    vague("take care of", true, "say what is done"),
    vague("sort out", true, "say what is done"),
    vague("look into", true, "say what is checked"),
];

/// Every form of the first word of each vague phrase ("handle", "handles", "handling"…), with
/// the phrases it can start: one lookup per word of a title instead of a scan per phrase.
fn first_forms() -> &'static HashMap<String, Vec<usize>> {
    static FORMS: OnceLock<HashMap<String, Vec<usize>>> = OnceLock::new();
    FORMS.get_or_init(|| {
        let mut forms: HashMap<String, Vec<usize>> = HashMap::default();
        for (i, v) in VAGUE.iter().enumerate() {
            let first = v.phrase.split(' ').next().unwrap_or(v.phrase);
            let stem = first.strip_suffix('e').unwrap_or(first);
            let mut all = vec![first.to_string()];
            if v.verb {
                for suffix in ["s", "es", "ed", "d", "ing"] {
                    all.push(format!("{first}{suffix}"));
                    all.push(format!("{stem}{suffix}"));
                }
            }
            for form in all {
                let list = forms.entry(form).or_default();
                if !list.contains(&i) {
                    list.push(i);
                }
            }
        }
        forms
    })
}

/// The vague words `text` uses, in the order of [`VAGUE`], each once.
pub fn vague_words(text: &str) -> Vec<&'static Vague> {
    let forms = first_forms();
    let mut found = [false; VAGUE.len()];
    let mut words = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
    while let Some(word) = words.next() {
        let Some(phrases) = with_lowercase(word, |w| forms.get(w)) else {
            continue;
        };
        for &i in phrases {
            // The rest of a phrase ("with" in "deal with") must follow word for word.
            let mut following = words.clone();
            if VAGUE[i]
                .phrase
                .split(' ')
                .skip(1)
                .all(|part| following.next().is_some_and(|w| w.eq_ignore_ascii_case(part)))
            {
                found[i] = true;
            }
        }
    }
    VAGUE.iter().zip(found).filter(|(_, f)| *f).map(|(v, _)| v).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_large_sorted_and_clean() {
        let text = include_str!("verbs.txt");
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines.len() >= 400, "only {} verbs", lines.len());
        let mut sorted = lines.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted, lines, "verbs.txt must be sorted with no duplicates");
        assert!(lines
            .iter()
            .all(|l| l.chars().all(|c| c.is_ascii_lowercase() || c == '-')));
    }

    #[test]
    fn action_titles_start_with_verbs() {
        for title in [
            "Review the claim",
            "approve request",
            "1. Send the invoice",
            "Step 2: Pay the amount",
            "E-mail the customer",
        ] {
            assert!(starts_with_verb(title), "{title}");
        }
        for title in ["Manager approval", "Manager stuff", "The invoice", "", "   ", "42"] {
            assert!(!starts_with_verb(title), "{title}");
        }
    }

    #[test]
    fn suggests_the_imperative() {
        assert_eq!(imperative_of("reviewing").as_deref(), Some("review"));
        assert_eq!(imperative_of("approved").as_deref(), Some("approve"));
        assert_eq!(imperative_of("sends").as_deref(), Some("send"));
        assert_eq!(imperative_of("xyzzy"), None);
    }

    #[test]
    fn finds_vague_words_as_whole_words() {
        let found: Vec<&str> = vague_words("Handle the stuff, etc.").iter().map(|v| v.phrase).collect();
        assert_eq!(found, vec!["stuff", "etc", "handle"]);
        assert_eq!(vague_words("Deal with complaints")[0].phrase, "deal with");
        assert_eq!(vague_words("Dealing with complaints")[0].phrase, "deal with");
        assert_eq!(vague_words("Handling returns")[0].phrase, "handle");
        assert_eq!(vague_words("Handles returns")[0].phrase, "handle");
        assert!(vague_words("Review the handbook and things")
            .iter()
            .any(|v| v.phrase == "things"));
        assert!(vague_words("Check the stuffing").is_empty());
        assert!(vague_words("Review the handbook").is_empty());
        assert!(vague_words("Ideal withdrawal").is_empty());
    }
}
