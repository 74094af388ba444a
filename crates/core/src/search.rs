//! Full-text search over lessons, reference pages and glossary terms.
//!
//! The site generator writes one [`SearchDoc`] per page, per section and per glossary term. The
//! browser builds a [`SearchIndex`] from them once, then answers every keystroke from it. Ranking
//! puts documents whose title holds every query word first, then title-only partial matches, then
//! body matches; the last word of a query also matches as a prefix, so results appear while typing.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;

/// What a search document stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocKind {
    Page,
    Term,
    Section,
}

impl DocKind {
    fn rank(self) -> u8 {
        match self {
            DocKind::Page => 0,
            DocKind::Term => 1,
            DocKind::Section => 2,
        }
    }
}

/// One searchable thing: a page, a section of a page, or a glossary term.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchDoc {
    /// Route of the page, without a leading slash.
    pub route: String,
    /// Anchor within the page, `""` for the top.
    pub anchor: String,
    /// What the result is called: the page title, section heading or term.
    pub title: String,
    /// Where it lives, shown under the title: the page title, or a section name.
    pub context: String,
    /// The plain text searched for body matches and cut into snippets.
    pub text: String,
    pub kind: DocKind,
}

impl SearchDoc {
    /// The base-relative href of the result.
    pub fn href(&self) -> String {
        let path = if self.route.is_empty() {
            "./"
        } else {
            &self.route
        };
        if self.anchor.is_empty() {
            path.to_string()
        } else {
            format!("{path}#{}", self.anchor)
        }
    }
}

/// A piece of a document's text around the first match, with the matching words marked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    /// Byte ranges of `text` to highlight, in order and not overlapping.
    pub marks: Vec<Range<usize>>,
}

impl Snippet {
    /// Splits the snippet into `(text, highlighted)` runs, for drawing without raw HTML.
    pub fn runs(&self) -> Vec<(&str, bool)> {
        let mut runs = Vec::new();
        let mut at = 0;
        for m in &self.marks {
            if m.start > at {
                runs.push((&self.text[at..m.start], false));
            }
            runs.push((&self.text[m.clone()], true));
            at = m.end;
        }
        if at < self.text.len() {
            runs.push((&self.text[at..], false));
        }
        runs
    }
}

/// One search result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Index into the documents the index was built from.
    pub doc: usize,
    pub snippet: Snippet,
}

#[derive(Clone, Copy, Debug, Default)]
struct Posting {
    doc: u32,
    in_title: bool,
    in_body: u16,
}

/// An inverted index over a fixed set of documents. Build it once; query it often.
#[derive(Debug, Default)]
pub struct SearchIndex {
    docs: Vec<SearchDoc>,
    /// Stemmed term → postings, sorted by term so prefixes are a range scan.
    terms: BTreeMap<String, Vec<Posting>>,
    /// Stemmed title words of each document, to spot titles that equal the query.
    title_terms: Vec<Vec<String>>,
}

/// The shortest prefix that is matched as a prefix (shorter ones must match a whole word).
const MIN_PREFIX: usize = 2;
/// The most characters of context in a snippet.
const SNIPPET_CHARS: usize = 160;

/// Lowercases and trims English plural endings, so "handoffs" finds "handoff".
pub fn stem(word: &str) -> String {
    let w = word.to_lowercase();
    let w = w
        .strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(&w)
        .to_string();
    let n = w.chars().count();
    if n > 4 {
        if let Some(base) = w.strip_suffix("ies") {
            return format!("{base}y");
        }
        if let Some(base) = w.strip_suffix("es") {
            if ["s", "x", "z", "ch", "sh"]
                .iter()
                .any(|e| base.ends_with(e))
            {
                return base.to_string();
            }
        }
    }
    if n > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        return w[..w.len() - 1].to_string();
    }
    w
}

/// Splits text into words with their byte ranges. A word is a run of letters, digits or
/// apostrophes between letters.
fn words(text: &str) -> Vec<(Range<usize>, &str)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        let part_of_word = c.is_alphanumeric() || ((c == '\'' || c == '’') && start.is_some());
        match (part_of_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s..i, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s..text.len(), &text[s..]));
    }
    out.into_iter()
        .map(|(r, w)| {
            let trimmed = w.trim_end_matches(['\'', '’']);
            (r.start..r.start + trimmed.len(), trimmed)
        })
        .collect()
}

/// A query word, and whether it may match as a prefix (only the last one, while typing).
#[derive(Debug)]
struct QueryWord {
    stem: String,
    prefix: bool,
}

fn parse_query(query: &str) -> Vec<QueryWord> {
    let raw = words(query);
    let ends_in_word = query.chars().last().is_some_and(char::is_alphanumeric);
    let count = raw.len();
    let mut out: Vec<QueryWord> = Vec::new();
    for (i, (_, w)) in raw.into_iter().enumerate() {
        let stem = stem(w);
        let prefix = i + 1 == count && ends_in_word && w.chars().count() >= MIN_PREFIX;
        if !out.iter().any(|q| q.stem == stem) {
            out.push(QueryWord {
                stem: if prefix { w.to_lowercase() } else { stem },
                prefix,
            });
        }
    }
    out
}

impl QueryWord {
    fn matches(&self, stemmed: &str) -> bool {
        if self.prefix {
            stemmed.starts_with(&self.stem) || stem(&self.stem) == stemmed
        } else {
            stemmed == self.stem
        }
    }
}

impl SearchIndex {
    /// Builds the index. Its cost is linear in the total text.
    pub fn new(docs: Vec<SearchDoc>) -> SearchIndex {
        let mut terms: BTreeMap<String, Vec<Posting>> = BTreeMap::new();
        let mut title_terms = Vec::with_capacity(docs.len());
        for (i, doc) in docs.iter().enumerate() {
            let mut here: HashMap<String, Posting> = HashMap::new();
            let doc_id = i as u32;
            let titles: Vec<String> = words(&doc.title).iter().map(|(_, w)| stem(w)).collect();
            for t in &titles {
                here.entry(t.clone())
                    .or_insert(Posting {
                        doc: doc_id,
                        ..Posting::default()
                    })
                    .in_title = true;
            }
            for (_, w) in words(&doc.text).iter().chain(words(&doc.context).iter()) {
                let p = here.entry(stem(w)).or_insert(Posting {
                    doc: doc_id,
                    ..Posting::default()
                });
                p.in_body = p.in_body.saturating_add(1);
            }
            for (term, posting) in here {
                terms.entry(term).or_default().push(posting);
            }
            title_terms.push(titles);
        }
        for postings in terms.values_mut() {
            postings.sort_by_key(|p| p.doc);
        }
        SearchIndex {
            docs,
            terms,
            title_terms,
        }
    }

    pub fn docs(&self) -> &[SearchDoc] {
        &self.docs
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Postings for every indexed term a query word matches, merged per document.
    fn matches_for(&self, word: &QueryWord) -> HashMap<u32, (bool, u32)> {
        let mut found: HashMap<u32, (bool, u32)> = HashMap::new();
        let mut add = |postings: &Vec<Posting>| {
            for p in postings {
                let e = found.entry(p.doc).or_insert((false, 0));
                e.0 |= p.in_title;
                e.1 += u32::from(p.in_body);
            }
        };
        if word.prefix {
            for (_, postings) in self
                .terms
                .range(word.stem.clone()..)
                .take_while(|(t, _)| t.starts_with(&word.stem))
            {
                add(postings);
            }
            let whole = stem(&word.stem);
            if !whole.starts_with(&word.stem) {
                if let Some(p) = self.terms.get(&whole) {
                    add(p);
                }
            }
        } else if let Some(p) = self.terms.get(&word.stem) {
            add(p);
        }
        found
    }

    /// Finds documents holding every word of `query`, best first, at most `limit` of them.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let words = parse_query(query);
        if words.is_empty() || limit == 0 {
            return Vec::new();
        }
        // doc → (title hits, body hits); a doc must match every word.
        let mut scores: Option<HashMap<u32, (usize, u32)>> = None;
        for word in &words {
            let found = self.matches_for(word);
            scores = Some(match scores {
                None => found
                    .into_iter()
                    .map(|(d, (t, b))| (d, (usize::from(t), b)))
                    .collect(),
                Some(prev) => prev
                    .into_iter()
                    .filter_map(|(d, (t, b))| {
                        found
                            .get(&d)
                            .map(|(t2, b2)| (d, (t + usize::from(*t2), b + b2)))
                    })
                    .collect(),
            });
        }
        let scores = scores.unwrap_or_default();
        let mut ranked: Vec<(u32, usize, u32)> =
            scores.into_iter().map(|(d, (t, b))| (d, t, b)).collect();
        let n = words.len();
        ranked.sort_by(|a, b| {
            let key = |&(d, title_hits, body): &(u32, usize, u32)| {
                let doc = &self.docs[d as usize];
                let exact = self.title_terms[d as usize].len() == n && title_hits == n;
                (
                    std::cmp::Reverse(title_hits == n),
                    std::cmp::Reverse(exact),
                    std::cmp::Reverse(title_hits),
                    doc.kind.rank(),
                    std::cmp::Reverse(body),
                    d,
                )
            };
            key(a).cmp(&key(b))
        });
        ranked
            .into_iter()
            .take(limit)
            .map(|(d, _, _)| Hit {
                doc: d as usize,
                snippet: snippet(&self.docs[d as usize].text, &words),
            })
            .collect()
    }
}

/// Cuts up to [`SNIPPET_CHARS`] characters of `text` around the first matching word.
fn snippet(text: &str, query: &[QueryWord]) -> Snippet {
    let all = words(text);
    let is_match = |w: &str| {
        let s = stem(w);
        query.iter().any(|q| q.matches(&s))
    };
    let first = all
        .iter()
        .find(|(_, w)| is_match(w))
        .map(|(r, _)| r.start)
        .unwrap_or(0);
    // Start a few words before the match, on a word boundary.
    let lead = 40;
    let mut start = 0;
    for (r, _) in &all {
        if r.start >= first {
            break;
        }
        if text[r.start..first].chars().count() <= lead {
            start = r.start;
            break;
        }
    }
    let mut end = text.len();
    let mut count = 0;
    for (i, _) in text[start..].char_indices() {
        if count == SNIPPET_CHARS {
            end = start + i;
            break;
        }
        count += 1;
    }
    // Do not cut a word in half at the end.
    if end < text.len() {
        if let Some((r, _)) = all.iter().find(|(r, _)| r.start < end && r.end > end) {
            end = r.start;
        }
    }
    let prefix = if start > 0 { "…" } else { "" };
    let body = text[start..end].trim_end();
    let suffix = if end < text.len() { "…" } else { "" };
    let out = format!("{prefix}{body}{suffix}");
    let offset = prefix.len() as isize - start as isize;
    let marks = all
        .iter()
        .filter(|(r, w)| r.start >= start && r.end <= start + body.len() && is_match(w))
        .map(|(r, _)| ((r.start as isize + offset) as usize)..((r.end as isize + offset) as usize))
        .collect();
    Snippet { text: out, marks }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn doc(title: &str, text: &str, kind: DocKind) -> SearchDoc {
        SearchDoc {
            route: format!("r/{}", crate::slug::slugify(title)),
            anchor: String::new(),
            title: title.into(),
            context: "Learn".into(),
            text: text.into(),
            kind,
        }
    }

    fn sample() -> SearchIndex {
        SearchIndex::new(vec![
            doc(
                "What is a workflow?",
                "A workflow has steps and a handoff between roles.",
                DocKind::Page,
            ),
            doc(
                "Handoffs",
                "A handoff passes work between roles.",
                DocKind::Page,
            ),
            doc(
                "Handoff",
                "The point where work changes hands.",
                DocKind::Term,
            ),
            doc(
                "Roles",
                "Who does each step. Handoffs happen when roles change.",
                DocKind::Page,
            ),
            doc(
                "Handoff channel",
                "How work passes: email or a ticket queue.",
                DocKind::Term,
            ),
        ])
    }

    fn titles(index: &SearchIndex, q: &str) -> Vec<String> {
        index
            .search(q, 10)
            .into_iter()
            .map(|h| index.docs()[h.doc].title.clone())
            .collect()
    }

    #[test]
    fn title_hits_rank_before_body_hits() {
        let got = titles(&sample(), "handoff");
        assert_eq!(got[0], "Handoffs", "{got:?}");
        assert_eq!(got[1], "Handoff");
        assert_eq!(got[2], "Handoff channel");
        assert!(got[3..].contains(&"Roles".to_string()));
        assert!(got[3..].contains(&"What is a workflow?".to_string()));
    }

    #[test]
    fn plural_and_singular_find_each_other() {
        assert_eq!(titles(&sample(), "handoffs")[0], "Handoffs");
        assert_eq!(titles(&sample(), "role")[0], "Roles");
    }

    #[test]
    fn the_last_word_matches_as_a_prefix() {
        assert_eq!(titles(&sample(), "hand")[0], "Handoffs");
        assert!(titles(&sample(), "handoff ch").contains(&"Handoff channel".to_string()));
        assert!(
            titles(&sample(), "handoff ch ").is_empty(),
            "a finished word must match whole"
        );
    }

    #[test]
    fn every_word_must_match() {
        assert_eq!(titles(&sample(), "ticket queue"), vec!["Handoff channel"]);
        assert!(titles(&sample(), "ticket spaceship").is_empty());
        assert!(titles(&sample(), "  ").is_empty());
        assert!(titles(&sample(), "!!!").is_empty());
    }

    #[test]
    fn snippets_mark_the_matching_words() {
        let index = sample();
        let hit = &index.search("ticket", 1)[0];
        let marked: Vec<&str> = hit
            .snippet
            .runs()
            .into_iter()
            .filter(|(_, m)| *m)
            .map(|(t, _)| t)
            .collect();
        assert_eq!(marked, vec!["ticket"]);
    }

    #[test]
    fn long_text_is_cut_around_the_match() {
        let long = format!(
            "{} the handoff happens here {}",
            "filler words ".repeat(40),
            "more words ".repeat(40)
        );
        let index = SearchIndex::new(vec![doc("Long", &long, DocKind::Page)]);
        let s = &index.search("handoff", 1)[0].snippet;
        assert!(
            s.text.starts_with('…') && s.text.ends_with('…'),
            "{}",
            s.text
        );
        assert!(s.text.chars().count() <= SNIPPET_CHARS + 2);
        assert_eq!(&s.text[s.marks[0].clone()], "handoff");
    }

    #[test]
    fn stems_plural_endings() {
        assert_eq!(stem("Handoffs"), "handoff");
        assert_eq!(stem("processes"), "process");
        assert_eq!(stem("process"), "process");
        assert_eq!(stem("activities"), "activity");
        assert_eq!(stem("roles"), "role");
        assert_eq!(stem("status"), "status");
        assert_eq!(stem("bus"), "bus");
    }

    proptest! {
        #[test]
        fn search_never_panics_and_marks_are_valid(query in "\\PC{0,30}", text in "\\PC{0,400}") {
            let index = SearchIndex::new(vec![doc("Title words", &text, DocKind::Section)]);
            for hit in index.search(&query, 5) {
                let s = &hit.snippet;
                let mut last = 0;
                for m in &s.marks {
                    prop_assert!(m.start >= last && m.end <= s.text.len() && m.start < m.end);
                    prop_assert!(s.text.is_char_boundary(m.start) && s.text.is_char_boundary(m.end));
                    last = m.end;
                }
            }
        }

        #[test]
        fn a_word_from_the_text_finds_its_document(words_in in proptest::collection::vec("[a-z]{3,10}", 1..30), pick in 0usize..30) {
            let text = words_in.join(" ");
            let word = &words_in[pick % words_in.len()];
            let index = SearchIndex::new(vec![doc("Unrelated", &text, DocKind::Page)]);
            prop_assert_eq!(index.search(word, 5).len(), 1);
        }
    }
}
