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
        // Nearly every name: copied a word at a time, then lowercased in place.
        for word in name.split_ascii_whitespace() {
            if out.len() > from {
                out.push(' ');
            }
            let start = out.len();
            out.push_str(word);
            out[start..].make_ascii_lowercase();
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

/// Artifact keys, each kept once, in one buffer, and known by its number: what the analysis of a
/// large document compares and looks up, without a string of its own for every name.
#[derive(Debug, Default)]
pub struct Keys {
    text: String,
    /// Where each key is in `text`.
    spans: Vec<(usize, usize)>,
    /// A key's hash → the first key with that hash; `same_hash` chains the others.
    first: rustc_hash::FxHashMap<u64, u32>,
    same_hash: Vec<u32>,
    /// Room for reading a name's key.
    buf: String,
}

impl Keys {
    /// Room for `count` names without growing.
    pub fn with_capacity(count: usize) -> Keys {
        Keys {
            text: String::with_capacity(count * 16),
            spans: Vec::with_capacity(count),
            first: rustc_hash::FxHashMap::with_capacity_and_hasher(count, Default::default()),
            same_hash: Vec::with_capacity(count),
            buf: String::new(),
        }
    }

    /// How many different keys there are.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The key of `name`, added if it is new.
    pub fn add(&mut self, name: &str) -> u32 {
        let mut buf = std::mem::take(&mut self.buf);
        buf.clear();
        key_into(name, &mut buf);
        let hash = hash(&buf);
        let id = match self.find(&buf, hash) {
            Some(id) => id,
            None => {
                let id = self.spans.len() as u32;
                let start = self.text.len();
                self.text.push_str(&buf);
                self.spans.push((start, self.text.len()));
                let before = self.first.insert(hash, id);
                self.same_hash.push(before.unwrap_or(u32::MAX));
                id
            }
        };
        self.buf = buf;
        id
    }

    /// The number of `key` (a key already, as [`key`] gives it), if it has been added.
    pub fn get(&self, key: &str) -> Option<u32> {
        self.find(key, hash(key))
    }

    fn find(&self, key: &str, hash: u64) -> Option<u32> {
        let mut id = *self.first.get(&hash)?;
        while id != u32::MAX {
            if self.text(id) == key {
                return Some(id);
            }
            id = self.same_hash[id as usize];
        }
        None
    }

    /// Key number `id`.
    pub fn text(&self, id: u32) -> &str {
        let (start, end) = self.spans[id as usize];
        &self.text[start..end]
    }
}

fn hash(key: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(key)
}

/// The name as a reader should see it: trimmed, with single spaces.
pub fn display(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A key's letters and digits, without spaces, hyphens or other marks.
pub fn squash(key: &str) -> String {
    key.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Whether two artifact keys are one name written two ways: the same words but one, which is a
/// plural of the other or a letter or two away ("recieved" for "received"), or the same letters
/// spaced or hyphenated differently ("e-mail", "email"). Numbers must match: "form 1" is not
/// "form 2".
pub fn similar(a: &str, b: &str) -> bool {
    if squash(a) == squash(b) {
        return true;
    }
    let (wa, wb): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    if wa.len() != wb.len() {
        return false;
    }
    let diff: Vec<usize> = (0..wa.len()).filter(|&i| wa[i] != wb[i]).collect();
    let [i] = diff[..] else {
        return false;
    };
    let (x, y) = (wa[i], wb[i]);
    if x.chars().any(|c| c.is_ascii_digit()) || y.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let plural = |s: &str, p: &str| {
        ["s", "es", "x", "en", "n", "e"]
            .iter()
            .any(|end| p.strip_suffix(end) == Some(s))
    };
    if plural(x, y) || plural(y, x) {
        return x.chars().count().min(y.chars().count()) >= 3;
    }
    let shorter = x.chars().count().min(y.chars().count());
    let allowed = match shorter {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    };
    allowed > 0 && edit_distance(x, y) <= allowed
}

/// Levenshtein distance over characters.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
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

    #[test]
    fn edit_distance_counts_characters() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("étape", "etape"), 1);
    }

    #[test]
    fn keys_are_kept_once() {
        let mut keys = Keys::default();
        let a = keys.add("Expense  claim");
        let b = keys.add("receipt");
        assert_eq!(keys.add(" expense CLAIM "), a);
        assert_ne!(a, b);
        assert_eq!(keys.text(a), "expense claim");
        assert_eq!(keys.get("receipt"), Some(b));
        assert_eq!(keys.get("Receipt"), None, "`get` takes a key, not a name");
        assert_eq!(keys.len(), 2);
    }

    proptest! {
        #[test]
        fn keys_match_exactly_when_their_keys_do(names in proptest::collection::vec("[A-Ca-c ]{0,4}", 0..30)) {
            let mut keys = Keys::default();
            let ids: Vec<u32> = names.iter().map(|n| keys.add(n)).collect();
            for (x, a) in names.iter().enumerate() {
                prop_assert_eq!(keys.text(ids[x]), key(a));
                for (y, b) in names.iter().enumerate() {
                    prop_assert_eq!(ids[x] == ids[y], key(a) == key(b));
                }
            }
        }

        #[test]
        fn keys_ignore_spacing_and_are_stable(words in proptest::collection::vec("[A-Za-zé]{1,8}", 0..5), pad in "[ \t]{0,3}") {
            let spaced = format!("{pad}{}{pad}", words.join(&format!(" {pad}")));
            let k = key(&spaced);
            prop_assert_eq!(key(&k), k.clone());
            prop_assert_eq!(k, key(&words.join(" ")));
        }
    }
}
