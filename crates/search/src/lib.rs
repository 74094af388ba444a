//! Full-text search over lessons, reference pages and glossary terms.
//!
//! The site generator writes one [`SearchDoc`] per page, per section and per glossary term, in the
//! small text format of [`encode_docs`]. The browser decodes them and builds a [`SearchIndex`]
//! once, then answers every keystroke from it. Ranking puts documents whose title holds every
//! query word first, then partial title matches, then body matches; the last word of a query also
//! matches as a prefix, so results appear while typing.
//!
//! The index is a sorted vector searched by bisection rather than a map: it is as fast at this
//! size and keeps the wasm bundle small.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Range;

use flowguide_text::html::escape;

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

    fn code(self) -> &'static str {
        match self {
            DocKind::Page => "page",
            DocKind::Term => "term",
            DocKind::Section => "section",
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
        flowguide_text::href::route_href(&self.route, &self.anchor)
    }

    /// The in-app path of the result: `/learn/a#section`.
    pub fn path(&self) -> String {
        format!("/{}", self.href().trim_start_matches("./"))
    }
}

/// The first line of an encoded search-document file.
pub const DOCS_HEADER: &str = "flowguide-search-docs 1";

/// Encodes documents one per line, fields separated by tabs. Tabs and line breaks inside fields
/// become spaces, so every document survives a round trip with its words intact.
pub fn encode_docs(docs: &[SearchDoc]) -> String {
    let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
    let mut out = String::from(DOCS_HEADER);
    for d in docs {
        out.push('\n');
        let fields = [
            d.kind.code(),
            &clean(&d.route),
            &clean(&d.anchor),
            &clean(&d.title),
            &clean(&d.context),
            &clean(&d.text),
        ];
        out.push_str(&fields.join("\t"));
    }
    out.push('\n');
    out
}

/// Why an encoded search-document file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError {
    /// 1-based line number.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// Decodes what [`encode_docs`] wrote. A damaged or truncated file is an error naming the line.
pub fn decode_docs(text: &str) -> Result<Vec<SearchDoc>, DecodeError> {
    let mut lines = text.lines();
    if lines.next() != Some(DOCS_HEADER) {
        return Err(DecodeError {
            line: 1,
            message: format!("this is not a search index (expected `{DOCS_HEADER}`)"),
        });
    }
    if !text.ends_with('\n') {
        return Err(DecodeError {
            line: text.lines().count(),
            message: "the file is cut short".into(),
        });
    }
    let mut docs = Vec::new();
    for (i, line) in lines.enumerate() {
        let err = |message: String| DecodeError { line: i + 2, message };
        let fields: Vec<&str> = line.split('\t').collect();
        let [kind, route, anchor, title, context, text] = fields[..] else {
            return Err(err(format!("expected 6 fields, found {}", fields.len())));
        };
        let kind = match kind {
            "page" => DocKind::Page,
            "term" => DocKind::Term,
            "section" => DocKind::Section,
            other => return Err(err(format!("unknown kind `{other}`"))),
        };
        let s = |f: &str| f.to_string();
        docs.push(SearchDoc {
            route: s(route),
            anchor: s(anchor),
            title: s(title),
            context: s(context),
            text: s(text),
            kind,
        });
    }
    Ok(docs)
}

/// A piece of a document's text around the first match, with the matching words marked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    /// Byte ranges of `text` to highlight, in order and not overlapping.
    pub marks: Vec<Range<usize>>,
}

impl Snippet {
    /// Splits the snippet into `(text, highlighted)` runs.
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

    /// The snippet as HTML: text escaped, matches in `<mark>`.
    pub fn to_html(&self) -> String {
        self.runs()
            .into_iter()
            .map(|(t, marked)| {
                if marked {
                    format!("<mark>{}</mark>", escape(t))
                } else {
                    escape(t)
                }
            })
            .collect()
    }
}

/// One search result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Index into the documents the index was built from.
    pub doc: usize,
    pub snippet: Snippet,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Posting {
    doc: u32,
    in_title: bool,
    in_body: u32,
}

/// An inverted index over a fixed set of documents. Build it once; query it often.
#[derive(Debug, Default)]
pub struct SearchIndex {
    docs: Vec<SearchDoc>,
    /// Stemmed terms with their postings, sorted by term so prefixes are a contiguous run.
    terms: Vec<(String, Vec<Posting>)>,
    /// How many words each document's title has, to spot titles that equal the query.
    title_words: Vec<usize>,
}

/// The shortest prefix that is matched as a prefix (shorter ones must match a whole word).
const MIN_PREFIX: usize = 2;
/// The most characters of context in a snippet.
const SNIPPET_CHARS: usize = 160;

/// Lowercases and trims English plural endings, so "handoffs" finds "handoff".
pub fn stem(word: &str) -> String {
    let w = word.to_ascii_lowercase();
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
            if ["s", "x", "z", "ch", "sh"].iter().any(|e| base.ends_with(e)) {
                return base.to_string();
            }
        }
    }
    if n > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        return w[..w.len() - 1].to_string();
    }
    w
}

/// Whether `c` belongs to a word: ASCII letters and digits, and any non-ASCII character that is
/// not a space or punctuation (so "é", "ß" and CJK characters stay inside words). This avoids
/// Unicode's large alphabetic table, which would add 15 KB to the browser bundle.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        !c.is_whitespace()
            && !matches!(c, '\u{a0}'..='\u{bf}' | '\u{d7}' | '\u{f7}' | '\u{2000}'..='\u{2bff}' | '\u{3000}'..='\u{303f}' | '\u{fe30}'..='\u{fe4f}' | '\u{ff00}'..='\u{ff0f}')
    }
}

/// Splits text into words with their byte ranges. A word is a run of letters and digits, with
/// apostrophes allowed inside it.
fn words(text: &str) -> Vec<(Range<usize>, &str)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut push = |s: usize, e: usize| {
        let w = text[s..e].trim_end_matches(['\'', '’']);
        out.push((s..s + w.len(), w));
    };
    for (i, c) in text.char_indices() {
        let part_of_word = is_word_char(c) || ((c == '\'' || c == '’') && start.is_some());
        match (part_of_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                push(s, i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        push(s, text.len());
    }
    out
}

/// A query word, and whether it may match as a prefix (only the last one, while typing).
#[derive(Debug)]
struct QueryWord {
    stem: String,
    prefix: bool,
}

fn parse_query(query: &str) -> Vec<QueryWord> {
    let raw = words(query);
    let ends_in_word = query.chars().last().is_some_and(is_word_char);
    let count = raw.len();
    let mut out: Vec<QueryWord> = Vec::new();
    for (i, (_, w)) in raw.into_iter().enumerate() {
        let prefix = i + 1 == count && ends_in_word && w.chars().count() >= MIN_PREFIX;
        let stem = if prefix { w.to_ascii_lowercase() } else { stem(w) };
        if !out.iter().any(|q| q.stem == stem) {
            out.push(QueryWord { stem, prefix });
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
    /// Builds the index. Its cost is linear in the total text, plus one sort of the words.
    pub fn new(docs: Vec<SearchDoc>) -> SearchIndex {
        // (term, doc, is_body): sorting groups each term's postings by document.
        let mut entries: Vec<(String, u32, bool)> = Vec::new();
        let mut title_words = Vec::with_capacity(docs.len());
        for (i, doc) in docs.iter().enumerate() {
            let titles = words(&doc.title);
            title_words.push(titles.len());
            entries.extend(titles.iter().map(|(_, w)| (stem(w), i as u32, false)));
            let body = words(&doc.text).into_iter().chain(words(&doc.context));
            entries.extend(body.map(|(_, w)| (stem(w), i as u32, true)));
        }
        entries.sort_unstable();
        let mut terms: Vec<(String, Vec<Posting>)> = Vec::new();
        for (term, doc, is_body) in entries {
            if terms.last().is_none_or(|(t, _)| *t != term) {
                terms.push((term, Vec::new()));
            }
            let postings = &mut terms.last_mut().expect("pushed above").1;
            if postings.last().is_none_or(|p| p.doc != doc) {
                postings.push(Posting {
                    doc,
                    ..Posting::default()
                });
            }
            let p = postings.last_mut().expect("pushed above");
            if is_body {
                p.in_body += 1;
            } else {
                p.in_title = true;
            }
        }
        SearchIndex {
            docs,
            terms,
            title_words,
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

    /// For each document: whether a query word hit its title, and how often its body.
    fn matches_for(&self, word: &QueryWord) -> Vec<Option<(bool, u32)>> {
        let mut found = vec![None; self.docs.len()];
        let start = self.terms.partition_point(|(t, _)| t.as_str() < word.stem.as_str());
        let mut add = |postings: &[Posting]| {
            for p in postings {
                let e = found[p.doc as usize].get_or_insert((false, 0));
                e.0 |= p.in_title;
                e.1 += p.in_body;
            }
        };
        if word.prefix {
            for (_, postings) in self.terms[start..]
                .iter()
                .take_while(|(t, _)| t.starts_with(&word.stem))
            {
                add(postings);
            }
            // "processes" typed in full must still find "process".
            let whole = stem(&word.stem);
            if !whole.starts_with(&word.stem) {
                if let Some((_, postings)) = self.terms.iter().find(|(t, _)| *t == whole) {
                    add(postings);
                }
            }
        } else if let Some((t, postings)) = self.terms.get(start) {
            if *t == word.stem {
                add(postings);
            }
        }
        found
    }

    /// Finds documents holding every word of `query`, best first, at most `limit` of them.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let words = parse_query(query);
        if words.is_empty() || limit == 0 {
            return Vec::new();
        }
        // doc → (title hits, body hits), or None once a word misses it.
        let mut scores: Vec<Option<(usize, u32)>> = vec![Some((0, 0)); self.docs.len()];
        for word in &words {
            for (score, found) in scores.iter_mut().zip(self.matches_for(word)) {
                *score = match (*score, found) {
                    (Some((t, b)), Some((in_title, body))) => Some((t + usize::from(in_title), b + body)),
                    _ => None,
                };
            }
        }
        let n = words.len();
        let mut ranked: Vec<_> = scores
            .into_iter()
            .enumerate()
            .filter_map(|(d, s)| s.map(|(title_hits, body)| (d, title_hits, body)))
            .map(|(d, title_hits, body)| {
                let exact = title_hits == n && self.title_words[d] == n;
                // Smaller sorts first: every word in the title, then the title being just the
                // query, then more title words, then pages before terms before sections, then
                // more body matches, then reading order.
                (
                    (
                        title_hits != n,
                        !exact,
                        usize::MAX - title_hits,
                        self.docs[d].kind.rank(),
                        u32::MAX - body,
                        d,
                    ),
                    d,
                )
            })
            .collect();
        ranked.sort_unstable();
        ranked
            .into_iter()
            .take(limit)
            .map(|(_, d)| Hit {
                doc: d,
                snippet: snippet(&self.docs[d].text, &words),
            })
            .collect()
    }

    /// The results as `<li role="option">` elements for a listbox, with `active` selected.
    /// All document text is escaped, so nothing in the index can inject markup.
    pub fn results_html(&self, hits: &[Hit], active: Option<usize>) -> String {
        let mut out = String::new();
        for (i, hit) in hits.iter().enumerate() {
            let doc = &self.docs[hit.doc];
            out.push_str(&format!(
                "<li role=\"option\" id=\"search-result-{i}\" class=\"search-result\" data-index=\"{i}\" aria-selected=\"{}\"><span class=\"result-title\">{}</span> <span class=\"result-context\">{}</span> <span class=\"result-snippet\">{}</span></li>",
                active == Some(i),
                escape(&doc.title),
                escape(&doc.context),
                hit.snippet.to_html()
            ));
        }
        out
    }
}

/// Cuts up to [`SNIPPET_CHARS`] characters of `text` around the first matching word.
fn snippet(text: &str, query: &[QueryWord]) -> Snippet {
    let all = words(text);
    let is_match = |w: &str| {
        let s = stem(w);
        query.iter().any(|q| q.matches(&s))
    };
    let first = all.iter().find(|(_, w)| is_match(w)).map(|(r, _)| r.start).unwrap_or(0);
    // Start a few words before the match, on a word boundary.
    let lead = 40;
    let start = all
        .iter()
        .map(|(r, _)| r.start)
        .take_while(|&s| s <= first)
        .find(|&s| text[s..first].chars().count() <= lead)
        .unwrap_or(0);
    let mut end = text[start..]
        .char_indices()
        .nth(SNIPPET_CHARS)
        .map_or(text.len(), |(i, _)| start + i);
    // Do not cut a word in half at the end.
    if let Some((r, _)) = all.iter().find(|(r, _)| r.start < end && r.end > end) {
        end = r.start;
    }
    let prefix = if start > 0 { "…" } else { "" };
    let body = text[start..end].trim_end();
    let suffix = if end < text.len() { "…" } else { "" };
    let out = format!("{prefix}{body}{suffix}");
    let shift = |i: usize| i - start + prefix.len();
    let marks = all
        .iter()
        .filter(|(r, w)| r.start >= start && r.end <= start + body.len() && is_match(w))
        .map(|(r, _)| shift(r.start)..shift(r.end))
        .collect();
    Snippet { text: out, marks }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn doc(title: &str, text: &str, kind: DocKind) -> SearchDoc {
        SearchDoc {
            route: format!("r/{}", flowguide_text::slug::slugify(title)),
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
            doc("Handoffs", "A handoff passes work between roles.", DocKind::Page),
            doc("Handoff", "The point where work changes hands.", DocKind::Term),
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
        assert!(s.text.starts_with('…') && s.text.ends_with('…'), "{}", s.text);
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

    #[test]
    fn results_html_escapes_everything_and_marks_the_active_option() {
        let index = SearchIndex::new(vec![doc(
            "<b>Bold</b> handoff",
            "x <script>alert(1)</script> handoff",
            DocKind::Page,
        )]);
        let hits = index.search("handoff", 5);
        let html = index.results_html(&hits, Some(0));
        assert!(!html.contains("<b>") && !html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;"));
        assert!(html.contains("aria-selected=\"true\""));
        assert!(html.contains("<mark>handoff</mark>"));
        assert_eq!(
            index
                .results_html(&hits, None)
                .matches("aria-selected=\"false\"")
                .count(),
            1
        );
    }

    #[test]
    fn decoding_rejects_damaged_files_with_the_line() {
        let good = encode_docs(&[doc("A", "text", DocKind::Page), doc("B", "more", DocKind::Term)]);
        assert_eq!(decode_docs(&good).unwrap().len(), 2);
        assert_eq!(decode_docs("").unwrap_err().line, 1);
        assert_eq!(decode_docs("<!doctype html><p>404</p>").unwrap_err().line, 1);
        let truncated = &good[..good.len() - 3];
        assert!(decode_docs(truncated).unwrap_err().message.contains("cut short"));
        let bad_kind = good.replace("\tterm\t", "\t").replacen("term\t", "thing\t", 1);
        assert!(decode_docs(&bad_kind).is_err());
        assert_eq!(
            decode_docs(&format!("{DOCS_HEADER}\npage\tonly\n")).unwrap_err().line,
            2
        );
    }

    fn any_kind() -> impl Strategy<Value = DocKind> {
        prop_oneof![Just(DocKind::Page), Just(DocKind::Term), Just(DocKind::Section)]
    }

    prop_compose! {
        fn any_doc()(route in "\\PC{0,20}", anchor in "\\PC{0,10}", title in "\\PC{0,30}", context in "\\PC{0,20}", text in "\\PC{0,200}", kind in any_kind()) -> SearchDoc {
            SearchDoc { route, anchor, title, context, text, kind }
        }
    }

    proptest! {
        #[test]
        fn encoding_round_trips(docs in proptest::collection::vec(any_doc(), 0..20)) {
            let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
            let expected: Vec<SearchDoc> = docs.iter().map(|d| SearchDoc {
                route: clean(&d.route), anchor: clean(&d.anchor), title: clean(&d.title),
                context: clean(&d.context), text: clean(&d.text), kind: d.kind,
            }).collect();
            // `lines()` treats a lone \r before \n as part of the break; the encoder removes them all.
            prop_assert_eq!(decode_docs(&encode_docs(&docs)).unwrap(), expected);
        }

        #[test]
        fn decoding_any_text_never_panics(text in "\\PC{0,300}", cut in 0usize..400) {
            let _ = decode_docs(&text);
            let encoded = format!("{DOCS_HEADER}\n{text}");
            let _ = decode_docs(&encoded);
            let end = encoded.char_indices().map(|(i, _)| i).nth(cut).unwrap_or(encoded.len());
            let _ = decode_docs(&encoded[..end]);
        }
    }
}
