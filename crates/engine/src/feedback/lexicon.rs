//! Word lists, one per language: what the wording checks read. A list is a small text file
//! (`crates/engine/words/<tag>.txt`, described in `docs/word-lists.md`) with sections of words and
//! phrases: action verbs, words that mark an event, vague words, words that make a measure
//! uncheckable, the ways people write "otherwise", opposite conditions and more.
//!
//! English is always built in. Spanish, French and German are built in with the `languages`
//! feature (the checker and the site builder); a browser bundle leaves them out and installs a
//! list with [`install`] when a learner writes in that language, so each list costs only the
//! learners who need it.

use rustc_hash::FxHashSet as HashSet;
use std::sync::{Mutex, OnceLock};

/// Why a measure cannot be checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unmeasurable {
    /// "ASAP", "soon": no time you could check against a clock.
    Time,
    /// "better", "faster": a comparison with no starting point and no number.
    Comparison,
    /// "happy", "properly": depends on who you ask.
    Opinion,
    /// "as needed": leaves it to whoever reads it.
    WhenNeeded,
}

/// A vague word or phrase in all the forms a learner writes, and what to do instead.
#[derive(Debug)]
pub struct Vague {
    /// The forms, each a sequence of words; the first is the one messages quote.
    forms: Vec<Vec<String>>,
    /// What to write instead, in English with the language's own example words.
    pub instead: String,
}

impl Vague {
    /// The form messages quote: "handle".
    pub fn phrase(&self) -> String {
        self.forms[0].join(" ")
    }
}

/// Words and phrases, matched word for word, each with a number (the entry it belongs to).
#[derive(Debug, Default)]
struct Phrases {
    /// Sorted by first word, so the phrases starting with a word are found by binary search.
    list: Vec<(Vec<String>, usize)>,
    /// Every first word, for one quick lookup per word of a text.
    firsts: HashSet<String>,
}

impl Phrases {
    fn add(&mut self, phrase: &str, entry: usize) {
        let words = words(phrase);
        if !words.is_empty() {
            self.list.push((words, entry));
        }
    }

    fn sorted(mut self) -> Phrases {
        self.list.sort_by(|a, b| a.0[0].cmp(&b.0[0]));
        self.firsts = self.list.iter().map(|(p, _)| p[0].clone()).collect();
        self
    }

    /// Where a phrase starts in `text` and how many words it takes, for the first one found.
    fn find(&self, text: &dyn WordSeq) -> Option<(usize, usize)> {
        (0..text.count()).find_map(|i| self.at(text, i).map(|(len, _)| (i, len)))
    }

    /// The longest phrase starting at word `i`: its length and entry.
    fn at(&self, text: &dyn WordSeq, i: usize) -> Option<(usize, usize)> {
        let first = text.word(i);
        if !self.firsts.contains(first) {
            return None;
        }
        let from = self.list.partition_point(|(p, _)| p[0].as_str() < first);
        self.list[from..]
            .iter()
            .take_while(|(p, _)| p[0] == first)
            .filter(|(p, _)| text.count() - i >= p.len() && p.iter().enumerate().all(|(k, w)| text.word(i + k) == w))
            .map(|(p, e)| (p.len(), *e))
            .max()
    }

    /// Every entry with a phrase at word `i` of `text`, longest or not.
    fn each_at(&self, text: &[String], i: usize, mut f: impl FnMut(usize)) {
        let first = text[i].as_str();
        let from = self.list.partition_point(|(p, _)| p[0].as_str() < first);
        for (p, e) in self.list[from..].iter().take_while(|(p, _)| p[0] == first) {
            if text.len() - i >= p.len() && text[i..i + p.len()] == p[..] {
                f(*e);
            }
        }
    }

    fn contains_word(&self, word: &str) -> bool {
        let from = self.list.partition_point(|(p, _)| p[0].as_str() < word);
        self.list[from..]
            .iter()
            .take_while(|(p, _)| p[0] == word)
            .any(|(p, _)| p.len() == 1)
    }
}

/// One language's word list.
#[derive(Debug)]
pub struct Lexicon {
    /// The BCP 47 primary language subtag: `en`, `es`.
    pub tag: String,
    /// The language's English name: "Spanish".
    pub name: String,
    /// Whether an action may also come last in a title, as in German ("Antrag prüfen").
    pub verb_last: bool,
    /// Natural action titles to quote in messages: "Revisar la solicitud".
    pub examples: Vec<String>,
    /// A checkable time limit to quote: "within 2 working days".
    time_example: String,
    /// A checkable count to quote: "9 in 10 readers get their book within a week".
    count_example: String,
    /// An event that starts work, to quote: "A customer submits a claim".
    event_example: String,
    /// The trigger a fix writes in place of an instruction, until the learner says what happens.
    request_trigger: String,
    /// The words for "or" ("o", "u"), and the words that start a new subject ("a", "the", "it"):
    /// what tells several events joined in one trigger. Empty: that check stays silent.
    or_words: Vec<String>,
    subject_words: Vec<String>,
    actions: HashSet<String>,
    /// `None`: the same as `actions`.
    instructions: Option<HashSet<String>>,
    events: Phrases,
    particles: Vec<String>,
    pub vague: Vec<Vague>,
    vague_index: Phrases,
    unmeasurable: Vec<(Vec<String>, Unmeasurable)>,
    measure: Phrases,
    otherwise: Vec<Vec<String>>,
    negations: HashSet<String>,
    /// Every form of every opposite, its entry `2 × pair + side`: what a condition says is found
    /// with one pass over its words, not one for every pair.
    opposite_forms: Phrases,
    deadline: Phrases,
    /// Each word that names a workflow or may start a deadline, a one-off effort or a vague
    /// phrase, with what it is ([`Kind`]): one lookup per word of a title answers all three.
    kinds: Marks,
    months: HashSet<String>,
    one_off: Phrases,
    workflow_words: HashSet<String>,
    role_fillers: HashSet<String>,
}

/// A word list that cannot be read, with the line at fault.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexiconError {
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for LexiconError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// The sections a word list has, in order.
const SECTIONS: [&str; 15] = [
    "actions",
    "instructions",
    "event-words",
    "particles",
    "vague",
    "unmeasurable",
    "measure-words",
    "otherwise",
    "negations",
    "opposites",
    "deadline",
    "months",
    "one-off",
    "workflow-words",
    "role-fillers",
];

/// The words of `text`, lowercased: letters, digits, apostrophes and hyphens inside a word.
/// Curly apostrophes count as straight ones.
pub fn words(text: &str) -> Vec<String> {
    Words::read(text).all().iter().map(str::to_string).collect()
}

/// Texts' words, lowercased (curly apostrophes straight), read once for every check that reads
/// them: letters, digits, apostrophes and hyphens inside a word. Each word knows whether it
/// stands in brackets ("Aufnahme durchführen (Anmeldung)") and whether it ends a clause. The
/// analysis reads every step title into one of these, so a large document's titles are split
/// and lowercased once, in one buffer, however many rules read them.
#[derive(Clone, Debug, Default)]
pub struct Words {
    lower: String,
    spans: Vec<Span>,
    /// What each word is in the word list that [`Words::mark`] looked it up in (see [`Kind`]),
    /// and which list that was: empty until then.
    kinds: Vec<u8>,
    marked_by: usize,
}

/// What a word of a text may start or be, found by one lookup per word when a text is
/// [marked](Words::mark), for the checks that ask it of every word of every title.
struct Kind;

impl Kind {
    /// It names a workflow ("workflow", "Aufnahme-Workflow").
    const WORKFLOW: u8 = 1;
    /// It may start a deadline or a one-off effort ("by", "launch", a month).
    const PROJECT: u8 = 2;
    /// It may start a vague phrase ("handle", "deal").
    const VAGUE: u8 = 4;
}

/// Where [`Words::push`] is in a text: how deep in brackets, and the last word outside them in
/// the clause so far.
#[derive(Default)]
struct Reading {
    depth: u32,
    last_plain: Option<usize>,
}

/// Where a word is in [`Words::lower`], and what stands around it.
#[derive(Clone, Copy, Debug)]
struct Span {
    start: u32,
    end: u32,
    bracketed: bool,
    clause_end: bool,
}

impl Words {
    /// The words of one text.
    pub fn read(text: &str) -> Words {
        let mut words = Words::default();
        words.push(text);
        words
    }

    /// Room for texts of `bytes` bytes in all, without growing.
    pub fn with_capacity(bytes: usize) -> Words {
        Words {
            lower: String::with_capacity(bytes),
            spans: Vec::with_capacity(bytes / 4),
            ..Words::default()
        }
    }

    /// How many words have been read.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Reads the words of one more text, after those already read.
    pub fn push(&mut self, text: &str) {
        let mut at = Reading::default();
        // Nearly every title is ASCII: read it byte by byte, which gives the same words.
        if text.is_ascii() {
            let bytes = text.as_bytes();
            let joins = |b: u8| b.is_ascii_alphanumeric() || b == b'\'' || b == b'-';
            let mut i = 0;
            while i < bytes.len() {
                if joins(bytes[i]) {
                    let from = i;
                    while i < bytes.len() && joins(bytes[i]) {
                        i += 1;
                    }
                    self.take(&text[from..i], &mut at);
                } else {
                    self.between(char::from(bytes[i]), &mut at);
                    i += 1;
                }
            }
        } else {
            let mut start = None;
            for (i, c) in text.char_indices() {
                if in_word(c) {
                    start.get_or_insert(i);
                    continue;
                }
                if let Some(from) = start.take() {
                    self.take(&text[from..i], &mut at);
                }
                self.between(c, &mut at);
            }
            if let Some(from) = start {
                self.take(&text[from..], &mut at);
            }
        }
        if let Some(k) = at.last_plain {
            self.spans[k].clause_end = true;
        }
    }

    /// Adds a word found while reading.
    fn take(&mut self, raw: &str, at: &mut Reading) {
        if self.word(raw, at.depth > 0) && at.depth == 0 {
            at.last_plain = Some(self.spans.len() - 1);
        }
    }

    /// Notes a character between words: a bracket, or the end of a clause.
    fn between(&mut self, c: char, at: &mut Reading) {
        match c {
            '(' | '[' => at.depth += 1,
            ')' | ']' => at.depth = at.depth.saturating_sub(1),
            ',' | ';' | ':' if at.depth == 0 => {
                if let Some(k) = at.last_plain.take() {
                    self.spans[k].clause_end = true;
                }
            }
            _ => {}
        }
    }

    /// Adds one word as written, trimmed of apostrophes and hyphens; false if nothing is left.
    fn word(&mut self, raw: &str, bracketed: bool) -> bool {
        let raw = if raw.starts_with(joiner) || raw.ends_with(joiner) {
            raw.trim_matches(joiner)
        } else {
            raw
        };
        if raw.is_empty() {
            return false;
        }
        let start = self.lower.len() as u32;
        if raw.is_ascii() {
            self.lower.push_str(raw);
            self.lower[start as usize..].make_ascii_lowercase();
        } else {
            for c in raw.chars() {
                if c == '’' {
                    self.lower.push('\'');
                } else {
                    self.lower.extend(c.to_lowercase());
                }
            }
        }
        self.spans.push(Span {
            start,
            end: self.lower.len() as u32,
            bracketed,
            clause_end: false,
        });
        true
    }

    /// Looks every word up in `list` once, for the checks that ask the same of every word: the
    /// texts then answer them without another lookup. Words pushed later are not marked.
    pub fn mark(&mut self, list: &Lexicon) {
        let mut kinds = std::mem::take(&mut self.kinds);
        kinds.clear();
        kinds.extend(self.all().iter().map(|w| list.kind(w)));
        self.kinds = kinds;
        self.marked_by = list as *const Lexicon as usize;
    }

    /// All the words read.
    pub fn all(&self) -> Text<'_> {
        self.range(0, self.spans.len())
    }

    /// Words `from` to `to` (not included): one text's, when `from` and `to` are the counts
    /// before and after it was pushed.
    pub fn range(&self, from: usize, to: usize) -> Text<'_> {
        Text {
            lower: &self.lower,
            spans: &self.spans[from..to],
            kinds: self.kinds.get(from..to).unwrap_or_default(),
            marked_by: self.marked_by,
        }
    }
}

/// One text's words, from a [`Words`].
#[derive(Clone, Copy, Debug)]
pub struct Text<'a> {
    lower: &'a str,
    spans: &'a [Span],
    kinds: &'a [u8],
    marked_by: usize,
}

impl<'a> Text<'a> {
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// Word `i`, lowercased.
    pub fn get(&self, i: usize) -> &'a str {
        let s = self.spans[i];
        &self.lower[s.start as usize..s.end as usize]
    }

    pub fn iter(&self) -> impl Iterator<Item = &'a str> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    /// Whether any word is of `kind` in `list`: looked up now, unless the words were marked in
    /// that list.
    fn any(&self, list: &Lexicon, kind: u8) -> bool {
        (0..self.len()).any(|i| self.is(i, list, kind))
    }

    /// Whether word `i` may be of `kind` in `list`.
    fn is(&self, i: usize, list: &Lexicon, kind: u8) -> bool {
        if self.marked_by == list as *const Lexicon as usize && self.kinds.len() == self.len() {
            self.kinds[i] & kind != 0
        } else {
            list.kind(self.get(i)) & kind != 0
        }
    }

    /// The words outside brackets, each with whether it ends its clause (before a comma, a
    /// semicolon, a colon or the end).
    pub fn plain(&self) -> impl Iterator<Item = (&'a str, bool)> + '_ {
        (0..self.len())
            .filter(|&i| !self.spans[i].bracketed)
            .map(|i| (self.get(i), self.spans[i].clause_end))
    }
}

/// Words the phrase lists are matched against: a [`Text`], or words in a list.
trait WordSeq {
    fn count(&self) -> usize;
    fn word(&self, i: usize) -> &str;
}

impl WordSeq for Text<'_> {
    fn count(&self) -> usize {
        self.len()
    }
    fn word(&self, i: usize) -> &str {
        self.get(i)
    }
}

impl<S: AsRef<str>> WordSeq for &[S] {
    fn count(&self) -> usize {
        self.len()
    }
    fn word(&self, i: usize) -> &str {
        self[i].as_ref()
    }
}

/// Whether `c` belongs to a word: a letter, a digit, an apostrophe or a hyphen.
fn in_word(c: char) -> bool {
    c.is_alphanumeric() || joiner(c)
}

/// The characters that join the parts of a word ("l'équipe", "re-check") and are trimmed from
/// its ends.
fn joiner(c: char) -> bool {
    c == '\'' || c == '’' || c == '-'
}

/// The words of `text` as written: letters, digits, apostrophes and hyphens inside a word.
pub(crate) fn raw_words(text: &str) -> impl Iterator<Item = &str> + Clone {
    text.split(|c: char| !in_word(c))
        .map(|w| w.trim_matches(joiner))
        .filter(|w| !w.is_empty())
}

/// Calls `f` with `word` lowercased (curly apostrophes straight), without allocating for short
/// ASCII words: nearly all of them.
pub(crate) fn with_lower<T>(word: &str, f: impl FnOnce(&str) -> T) -> T {
    let mut buf = [0u8; 32];
    if word.len() <= buf.len() && word.is_ascii() {
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        f(std::str::from_utf8(lower).unwrap_or_default())
    } else {
        f(&word.to_lowercase().replace('’', "'"))
    }
}

/// The words of a title or trigger without what it adds in brackets: "Aufnahme durchführen
/// (Anmeldung, Aufklärung)" ends with its verb.
fn phrase_words(text: &str) -> Vec<String> {
    Words::read(text).all().plain().map(|(w, _)| w.to_string()).collect()
}

/// A French or Italian word without its elided article or pronoun: "l'équipe" → "équipe".
fn unelided(word: &str) -> &str {
    match word.find('\'') {
        Some(i) if i <= 3 && i + 1 < word.len() => &word[i + 1..],
        _ => word,
    }
}

/// Words, each with a few bits of what it is: one lookup answers several questions about a word.
/// (The words are kept as artifact keys are, each once and known by number: the same lookup code,
/// which keeps the browser bundles smaller than a map of their own.)
#[derive(Debug, Default)]
pub(crate) struct Marks {
    words: crate::workflow::artifact::Keys,
    bits: Vec<u8>,
}

impl Marks {
    /// Gives `word` (lowercase, one word) the bits of `mark`, beside those it has.
    pub(crate) fn add(&mut self, word: &str, mark: u8) {
        let id = self.words.add(word) as usize;
        if id == self.bits.len() {
            self.bits.push(0);
        }
        self.bits[id] |= mark;
    }

    /// The bits `word` has: none if it was never added.
    pub(crate) fn get(&self, word: &str) -> u8 {
        self.words.get(word).map_or(0, |id| self.bits[id as usize])
    }
}

/// Whether `word` is in `list`, as written or without an elided article ("l'équipe").
fn listed(list: &HashSet<String>, word: &str) -> bool {
    list.contains(word) || {
        let bare = unelided(word);
        bare.len() < word.len() && list.contains(bare)
    }
}

/// The two fields of an entry of section `i`.
fn split((n, e): (usize, &str), i: usize) -> Result<(&str, &str), LexiconError> {
    e.split_once(" | ")
        .map(|(a, b)| (a.trim(), b.trim()))
        .ok_or_else(|| LexiconError {
            line: n,
            message: format!("[{}]: “{e}” needs two fields separated by “ | ”", SECTIONS[i]),
        })
}

impl Lexicon {
    /// Reads a word list. Every problem names its line.
    ///
    /// An entry of two fields is split at " | ".
    pub fn parse(text: &str) -> Result<Lexicon, LexiconError> {
        let err = |line: usize, message: String| LexiconError { line, message };
        let mut header: Vec<(&str, &str)> = Vec::new();
        let mut sections: Vec<(usize, Vec<(usize, &str)>)> = Vec::new();
        for (n, raw) in text.lines().enumerate() {
            let line = raw.trim();
            let n = n + 1;
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                let expected = SECTIONS.get(sections.len()).copied();
                if expected != Some(name) {
                    return Err(err(
                        n,
                        match expected {
                            Some(e) => format!("expected the section [{e}] here, not [{name}]"),
                            None => format!("[{name}] comes after the last section"),
                        },
                    ));
                }
                sections.push((n, Vec::new()));
            } else if let Some((_, entries)) = sections.last_mut() {
                entries.push((n, line));
            } else if let Some((key, value)) = line.split_once(':') {
                header.push((key.trim(), value.trim()));
            } else {
                return Err(err(
                    n,
                    format!("“{line}” is neither a header line (key: value) nor in a section"),
                ));
            }
        }
        if sections.len() < SECTIONS.len() {
            return Err(err(
                text.lines().count(),
                format!("the section [{}] is missing", SECTIONS[sections.len()]),
            ));
        }
        let get = |key: &str| header.iter().find(|(k, _)| *k == key).map(|(_, v)| *v);
        let head = |key: &str| {
            get(key)
                .filter(|v| !v.is_empty())
                .ok_or_else(|| err(1, format!("the header line “{key}:” is missing")))
        };
        let tag = head("language")?;
        if !(2..=3).contains(&tag.len()) || !tag.chars().all(|c| c.is_ascii_lowercase()) {
            return Err(err(1, format!("“{tag}” is not a two- or three-letter language code")));
        }
        let verb_last = match head("verb-position")? {
            "first" => false,
            "first-or-last" => true,
            other => {
                return Err(err(
                    1,
                    format!("verb-position is “{other}”: write first or first-or-last"),
                ))
            }
        };
        let examples: Vec<String> = head("examples")?
            .split(" | ")
            .map(str::trim)
            .map(String::from)
            .collect();
        let entries = |i: usize| sections[i].1.iter().map(|&(_, e)| e);
        let set = |i: usize| entries(i).map(str::to_lowercase).collect::<HashSet<String>>();
        let phrases = |i: usize| {
            let mut p = Phrases::default();
            for e in entries(i) {
                p.add(e, 0);
            }
            p.sorted()
        };
        let alternatives = |e: &str| e.split(", ").map(words).filter(|w| !w.is_empty()).collect::<Vec<_>>();
        let mut vague = Vec::new();
        let mut vague_index = Phrases::default();
        for &entry in &sections[4].1 {
            let (forms, instead) = split(entry, 4)?;
            for form in forms.split(", ") {
                vague_index.add(form, vague.len());
            }
            vague.push(Vague {
                forms: alternatives(forms),
                instead: instead.to_string(),
            });
        }
        let mut unmeasurable = Vec::new();
        for &entry in &sections[5].1 {
            let (forms, kind) = split(entry, 5)?;
            let kind = match kind {
                "time" => Unmeasurable::Time,
                "comparison" => Unmeasurable::Comparison,
                "opinion" => Unmeasurable::Opinion,
                "when-needed" => Unmeasurable::WhenNeeded,
                other => {
                    return Err(err(
                        entry.0,
                        format!(
                        "“{other}” is not a kind of unmeasurable word: write time, comparison, opinion or when-needed"
                    ),
                    ))
                }
            };
            unmeasurable.extend(alternatives(forms).into_iter().map(|f| (f, kind)));
        }
        let mut opposites = Vec::new();
        for &entry in &sections[9].1 {
            let (a, b) = split(entry, 9)?;
            opposites.push((alternatives(a), alternatives(b)));
        }
        let instructions = set(1);
        let (vague_index, deadline, one_off) = (vague_index.sorted(), phrases(10), phrases(12));
        let (months, workflow_words) = (set(11), set(13));
        let mut kinds = Marks::default();
        let mut add = |words: &mut dyn Iterator<Item = &String>, kind: u8| {
            for w in words {
                kinds.add(w, kind);
            }
        };
        add(&mut workflow_words.iter(), Kind::WORKFLOW);
        // A month may start a full date ("March 2027").
        add(
            &mut deadline.firsts.iter().chain(&one_off.firsts).chain(&months),
            Kind::PROJECT,
        );
        add(&mut vague_index.firsts.iter(), Kind::VAGUE);
        if tag == "en" {
            kinds.add("new", Kind::PROJECT);
        }
        Ok(Lexicon {
            tag: tag.to_string(),
            name: head("name")?.to_string(),
            verb_last,
            examples,
            time_example: get("time-example").map_or("within 2 working days", |v| v).to_string(),
            count_example: get("count-example")
                .map_or("9 in 10 customers rate the service 4 or 5", |v| v)
                .to_string(),
            event_example: get("event-example")
                .map_or("A customer submits a claim", |v| v)
                .to_string(),
            request_trigger: get("request-trigger")
                .map_or("A request for this work arrives", |v| v)
                .to_string(),
            or_words: get("or-words").map_or_else(Vec::new, |v| v.split(", ").map(str::to_lowercase).collect()),
            subject_words: get("subject-words")
                .map_or_else(Vec::new, |v| v.split(", ").map(str::to_lowercase).collect()),
            actions: set(0),
            instructions: (!instructions.is_empty()).then_some(instructions),
            events: phrases(2),
            particles: entries(3).map(str::to_lowercase).collect(),
            vague,
            vague_index,
            unmeasurable,
            measure: phrases(6),
            otherwise: entries(7).map(words).collect(),
            negations: set(8),
            opposite_forms: {
                let mut forms = Phrases::default();
                for (k, (yes, no)) in opposites.iter().enumerate() {
                    for (side, list) in [yes, no].into_iter().enumerate() {
                        for f in list.iter().filter(|f| !f.is_empty()) {
                            forms.list.push((f.clone(), 2 * k + side));
                        }
                    }
                }
                forms.sorted()
            },
            kinds,
            deadline,
            months,
            one_off,
            workflow_words,
            role_fillers: set(14),
        })
    }

    fn is_action_word(&self, word: &str, list: &HashSet<String>) -> bool {
        let known = |w: &str| listed(list, w);
        known(word)
            // "Re-mark", "redemander", "réexpédier": a known action done again.
            || [("re-", 4), ("ré-", 4), ("re", if self.tag == "en" { 3 } else { 6 }), ("ré", 6)].iter().any(|(p, min)| {
                word.strip_prefix(p).is_some_and(|rest| rest.chars().count() >= *min && known(rest))
            })
            // "Shrink-wrap", "double-check": a compound whose first or last part is an action.
            || word.contains('-') && {
                let mut parts = word.split('-').filter(|p| p.chars().count() >= 3);
                parts.next().is_some_and(known) || word.rsplit('-').next().is_some_and(|p| p.chars().count() >= 3 && known(p))
            }
            || self.verb_last
                && self.particles.iter().any(|p| {
                    word.strip_prefix(p.as_str())
                        .is_some_and(|rest| rest.len() >= 3 && list.contains(rest))
                })
    }

    /// The words of a title that could be its action: the first, after numbering such as "1." or
    /// "Step 2:", and for a verb-last language the last as well.
    fn ends<'w>(&self, words: &'w [String]) -> Vec<&'w str> {
        let mut rest = words.iter().map(String::as_str).skip_while(|w| {
            w.chars().all(|c| c.is_ascii_digit()) || *w == "step" || *w == "schritt" || *w == "paso" || *w == "étape"
        });
        let mut ends: Vec<&str> = rest.next().into_iter().collect();
        if self.verb_last {
            if let Some(last) = rest.last() {
                ends.push(last);
            }
        }
        ends
    }

    /// A checkable time limit in this language, for messages.
    pub fn time_example(&self) -> &str {
        &self.time_example
    }

    /// A checkable count in this language, for messages.
    pub fn count_example(&self) -> &str {
        &self.count_example
    }

    /// An event that starts work, in this language, for messages.
    pub fn event_example(&self) -> &str {
        &self.event_example
    }

    /// The stand-in trigger a fix writes, in this language.
    pub fn request_trigger(&self) -> &str {
        &self.request_trigger
    }

    /// The separate events a trigger joins with ", or": each part has its own subject ("a supplier
    /// sends an invoice, or it is month end") and at least three words. Fewer than two: one event.
    pub fn separate_events(&self, text: &str) -> Vec<String> {
        if self.or_words.is_empty() || !text.contains(',') {
            return Vec::new();
        }
        let mut parts: Vec<String> = Vec::new();
        for (i, piece) in text.split(',').enumerate() {
            let words: Vec<&str> = raw_words(piece).collect();
            let joins = i > 0
                && words
                    .first()
                    .is_some_and(|w| with_lower(w, |w| self.or_words.iter().any(|o| o == w)))
                && words
                    .get(1)
                    .is_some_and(|w| with_lower(w, |w| self.subject_words.iter().any(|s| s == w)));
            if i == 0 || !joins {
                match parts.last_mut() {
                    Some(last) if i > 0 => {
                        last.push(',');
                        last.push_str(piece);
                    }
                    _ => parts.push(piece.trim().to_string()),
                }
            } else {
                parts.push(words[1..].join(" "));
            }
        }
        if parts.len() >= 2 && parts.iter().all(|p| raw_words(p).count() >= 3) {
            parts
                .iter()
                .map(|p| p.trim().trim_end_matches('.').to_string())
                .collect()
        } else {
            Vec::new()
        }
    }

    /// Whether a step title names an action: it starts (or in German, may end) with an action verb.
    pub fn names_an_action(&self, title: &str) -> bool {
        self.names_an_action_in(Words::read(title).all())
    }

    /// [`Lexicon::names_an_action`], for a title already read.
    pub fn names_an_action_in(&self, title: Text<'_>) -> bool {
        let mut rest = title
            .plain()
            .map(|(w, _)| w)
            .skip_while(|w| w.chars().all(|c| c.is_ascii_digit()) || ["step", "schritt", "paso", "étape"].contains(w));
        let Some(mut first) = rest.next() else {
            return false;
        };
        // A reflexive pronoun before the verb: "Se connecter au portail", "Se revisa la solicitud".
        if ["se", "me", "te", "nous", "vous", "sich"].contains(&first) {
            match rest.next() {
                Some(verb) => first = verb,
                None => return false,
            }
        }
        self.is_action_word(first, &self.actions)
            || self.verb_last
                // The verb ends its clause: "Mit einem Scan prüfen, ob die Lücke geschlossen ist".
                && rest.next().is_some()
                && title.plain().any(|(w, end)| end && self.is_action_word(w, &self.actions))
    }

    /// The first word of a title, as messages quote it.
    pub fn first_word(&self, title: &str) -> Option<String> {
        let words = phrase_words(title);
        self.ends(&words).first().map(|w| w.to_string())
    }

    /// For an English title starting "Reviewing" or "Reviewed", the verb to start with instead.
    pub fn imperative_of(&self, word: &str) -> Option<String> {
        if self.tag != "en" {
            return None;
        }
        for suffix in ["ing", "ed", "s"] {
            if let Some(stem) = word.strip_suffix(suffix) {
                for candidate in [stem.to_string(), format!("{stem}e")] {
                    if self.actions.contains(candidate.as_str()) {
                        return Some(candidate);
                    }
                }
            }
        }
        None
    }

    /// Whether a trigger is written as an instruction ("Fill in the claim form") rather than as an
    /// event or a condition ("A customer submits a claim"): it starts (or in German ends) with an
    /// instruction verb, and nothing in it says that something happens.
    pub fn is_instruction(&self, text: &str) -> bool {
        let words = phrase_words(text);
        let list = self.instructions.as_ref().unwrap_or(&self.actions);
        let ends = self.ends(&words);
        let Some(verb) = ends.into_iter().find(|w| self.is_action_word(w, list)) else {
            return false;
        };
        // Words that say something happens, before the instruction verb ("Wenn ein Antrag
        // eingeht", "Kunde möchte … zurückgeben"), or anywhere in English, where a base form
        // can also be a noun ("Order arrives").
        let at = words.iter().rposition(|w| w == verb).unwrap_or(0);
        let scope = if self.tag == "en" { &words[..] } else { &words[..at] };
        if self.events.find(&scope).is_some() {
            return false;
        }
        if self.tag == "en" {
            // "Order arrives", "Request submitted by a customer": a verb in the third person or
            // a past participle after the first word is an event. "Email from a customer" is a
            // thing that arrives.
            let verb_form = |w: &str| {
                ["s", "es", "ed", "d"].iter().any(|s| {
                    w.strip_suffix(s).is_some_and(|stem| {
                        // "submitted", "logged": the doubled last letter.
                        let undoubled = stem.len() > 2
                            && stem.as_bytes()[stem.len() - 1] == stem.as_bytes()[stem.len() - 2]
                            && self.actions.contains(&stem[..stem.len() - 1]);
                        undoubled
                            || self.actions.contains(stem)
                            || w.ends_with("ied") && self.actions.contains(&format!("{}y", &w[..w.len() - 3]))
                    })
                })
            };
            // Only near the start, where a subject's verb stands ("A new customer submits"); "that
            // upgrades" in a clause later on belongs to the instruction.
            if words.iter().skip(1).take(3).any(|w| verb_form(w))
                || words
                    .get(1)
                    .is_some_and(|w| ["from", "of", "about", "for", "by"].contains(&w.as_str()))
            {
                return false;
            }
        }
        true
    }

    /// The vague phrases `text` uses, in the list's order, each once.
    pub fn vague_in(&self, text: &str) -> Vec<&Vague> {
        self.vague_in_text(Words::read(text).all())
    }

    /// [`Lexicon::vague_in`], for a text already read.
    pub fn vague_in_text(&self, text: Text<'_>) -> Vec<&Vague> {
        let mut found = Vec::new();
        let mut i = 0;
        while i < text.len() {
            if !text.is(i, self, Kind::VAGUE) {
                i += 1;
                continue;
            }
            match self.vague_index.at(&text, i) {
                Some((len, v)) => {
                    found.push(v);
                    i += len;
                }
                None => i += 1,
            }
        }
        if found.is_empty() {
            return Vec::new();
        }
        self.vague
            .iter()
            .enumerate()
            .filter(|(k, _)| found.contains(k))
            .map(|(_, v)| v)
            .collect()
    }

    /// The first word or phrase in `text` that makes a measure impossible to check, and why.
    pub fn unmeasurable_in(&self, text: &str) -> Option<(String, Unmeasurable)> {
        let words = words(text);
        (0..words.len()).find_map(|i| {
            self.unmeasurable
                .iter()
                .filter(|(p, _)| words.len() - i >= p.len() && words[i..i + p.len()] == p[..])
                .max_by_key(|(p, _)| p.len())
                .map(|(p, kind)| (p.join(" "), *kind))
        })
    }

    /// Whether `text` holds something checkable: a number, a percentage, a unit of time, a count
    /// or something observable ("signed", "paid").
    pub fn is_measurable(&self, text: &str) -> bool {
        text.chars().any(|c| c.is_ascii_digit() || c == '%') || self.measure.find(&Words::read(text).all()).is_some()
    }

    /// How this language says "in every other case", for messages: "otherwise", "si no".
    pub fn otherwise_example(&self) -> String {
        self.otherwise
            .first()
            .map_or_else(|| "otherwise".to_string(), |w| w.join(" "))
    }

    /// Whether a branch condition means "in every other case": "otherwise", "else", "if not".
    pub fn is_otherwise(&self, condition: &str) -> bool {
        self.is_otherwise_words(&words(condition))
    }

    /// [`Lexicon::is_otherwise`], for a condition's words.
    fn is_otherwise_words(&self, words: &[String]) -> bool {
        self.otherwise.iter().any(|p| {
            !p.is_empty()
                && (words == *p
                    || words.len() > p.len() && words[..p.len()] == p[..] && (p.len() > 1 || p[0].chars().count() >= 4)
                    || (p.len() > 1 || p[0].chars().count() >= 6) && words.windows(p.len()).any(|w| w == &p[..]))
        })
    }

    /// Whether several branch conditions all say the same case, so the other cases have no path:
    /// the same words, or forms from the same side of one listed pair ("approved" and "accepted",
    /// with nothing for "rejected"). Conditions that cover each other, or include "otherwise",
    /// never do.
    pub fn same_case(&self, conditions: &[&str]) -> bool {
        if conditions.len() < 2 {
            return false;
        }
        let all: Vec<Vec<String>> = conditions.iter().map(|c| words(c)).collect();
        if all.iter().any(|w| self.is_otherwise_words(w)) {
            return false;
        }
        // Ranges with a gap: two different numbers ("under 1,000 €", "over 5,000 €").
        let numbers: Vec<&String> = all
            .iter()
            .filter_map(|w| w.iter().find(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit())))
            .collect();
        let one_case = all.iter().all(|w| *w == all[0])
            || conditions.len() == 2 && numbers.len() == 2 && numbers[0] != numbers[1]
            || self.one_side_of_a_pair(&all);
        // Unless two of them cover each other after all ("not approved" beside "approved").
        one_case
            && !all
                .iter()
                .enumerate()
                .any(|(i, a)| all[i + 1..].iter().any(|b| self.covers_words(a, b)))
    }

    /// Whether two branch conditions cover each other: "approved" and "rejected", "yes" and "no",
    /// "the licence is valid" and "the licence is not valid" or "invalid".
    pub fn covers(&self, a: &str, b: &str) -> bool {
        self.covers_words(&words(a), &words(b))
    }

    /// [`Lexicon::covers`], for two conditions' words.
    fn covers_words(&self, a: &[String], b: &[String]) -> bool {
        if self.is_otherwise_words(a) || self.is_otherwise_words(b) {
            return true;
        }
        if a.is_empty() || b.is_empty() {
            return false;
        }
        // The same words with a negation on one side only.
        let plain = |w: &[String]| -> Vec<String> {
            w.iter()
                .filter_map(|w| {
                    // "n'est" is a negation and a verb: keep the verb.
                    if let Some(i) = w.find('\'').filter(|_| self.negations.contains(w.as_str())) {
                        return Some(w[i + 1..].to_string());
                    }
                    if self.negations.contains(w.as_str()) {
                        return None;
                    }
                    if let Some(rest) = w.strip_suffix("n't") {
                        return Some(rest.to_string());
                    }
                    match w.find('\'') {
                        Some(i) if self.negations.contains(&w[..=i]) => Some(w[i + 1..].to_string()),
                        _ => Some(w.clone()),
                    }
                })
                .collect()
        };
        let negated = |w: &[String]| {
            w.iter()
                .filter(|w| {
                    self.negations.contains(w.as_str())
                        || w.ends_with("n't")
                        || w.find('\'').is_some_and(|i| self.negations.contains(&w[..=i]))
                })
                .count()
                > 0
        };
        // Two different numbers ("under 1,000 €" and "over 5,000 €") leave the amounts between
        // them with no path.
        let number = |w: &[String]| {
            w.iter()
                .find(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()))
                .cloned()
        };
        if let (Some(x), Some(y)) = (number(a), number(b)) {
            if x != y {
                return false;
            }
        }
        let (pa, pb) = (plain(a), plain(b));
        if pa == pb && negated(a) != negated(b) {
            return true;
        }
        // One word differs by a negating prefix: "valid" and "invalid", "vollständig" and
        // "unvollständig".
        if pa.len() == pb.len() {
            let diff: Vec<usize> = (0..pa.len()).filter(|&i| pa[i] != pb[i]).collect();
            if let [i] = diff[..] {
                let (x, y) = (&pa[i], &pb[i]);
                let prefixed = |short: &str, long: &str| {
                    ["un", "in", "im", "il", "ir", "non", "non-", "dis", "des", "dés", "ab"]
                        .iter()
                        .any(|p| long.strip_prefix(p) == Some(short))
                };
                if prefixed(x, y) || prefixed(y, x) {
                    return true;
                }
            }
        }
        // Listed opposites, as the whole condition or as the one place the two differ.
        self.opposite_sides(a, b)
    }

    /// The sides of listed opposites that `words` says, as `2 × pair + side` (a condition says
    /// a handful at most).
    fn sides(&self, words: &[String]) -> Vec<usize> {
        let mut found = Vec::new();
        for i in 0..words.len() {
            self.opposite_forms.each_at(words, i, |e| found.push(e));
        }
        found
    }

    /// Whether every condition says the same side of one listed pair, and none the other side.
    fn one_side_of_a_pair(&self, all: &[Vec<String>]) -> bool {
        let sides: Vec<Vec<usize>> = all.iter().map(|w| self.sides(w)).collect();
        let says = |c: usize, e: usize| sides[c].contains(&e);
        sides[0]
            .iter()
            .any(|&e| (0..all.len()).all(|c| says(c, e) && !says(c, e ^ 1)))
    }

    /// Whether `a` and `b` say opposite sides of a listed pair: "the forms are complete" and
    /// "details are missing", one side each, and neither also says the other.
    fn opposite_sides(&self, a: &[String], b: &[String]) -> bool {
        let (sa, sb) = (self.sides(a), self.sides(b));
        let says = |s: &[usize], e: usize| s.contains(&e);
        sa.iter()
            .any(|&e| says(&sb, e ^ 1) && !says(&sa, e ^ 1) && !says(&sb, e))
    }

    /// Whether `text` sets a one-off deadline ("by March 2027", "before 15 June", "by the end of
    /// the quarter") or names a one-off effort ("launch", "go-live"): the words that show it, and
    /// whether they are a deadline.
    pub fn one_off_in(&self, text: &str) -> Option<(String, bool)> {
        self.one_off_in_text(Words::read(text).all())
    }

    /// [`Lexicon::one_off_in`], for a text already read.
    pub fn one_off_in_text(&self, text: Text<'_>) -> Option<(String, bool)> {
        // Most text has none of the words that start a deadline or a one-off effort.
        if !text.any(self, Kind::PROJECT) {
            return None;
        }
        let words: Vec<&str> = text.iter().collect();
        for i in 0..words.len() {
            if let Some((len, _)) = self.deadline.at(&text, i) {
                // A date follows: a month, a year, a day and a month, or "the end of".
                let next: Vec<&str> = words[i + len..].iter().take(3).copied().collect();
                let dated = next.iter().enumerate().any(|(k, w)| {
                    self.months.contains(*w)
                        || is_year(w)
                        || k == 0
                            && w.len() <= 2
                            && w.chars().all(|c| c.is_ascii_digit())
                            && next.get(1).is_some_and(|m| self.months.contains(*m))
                }) || self.tag == "en" && next.starts_with(&["the", "end"]);
                // "Before 15 October of each school year" comes round again: not a one-off.
                let recurs = words[i + len..].iter().take(8).any(|w| RECURRING.contains(w));
                if dated && !recurs {
                    let shown = words[i..(i + len + next.len()).min(words.len())].join(" ");
                    return Some((format!("it has a deadline (“{shown}”)"), true));
                }
            }
            // A full date with a year ("31 mars 2027", "June 2027") is a one-off wherever it stands.
            if self.months.contains(words[i])
                && words.get(i + 1).is_some_and(|y| is_year(y))
                && !words[i..].iter().take(8).any(|w| RECURRING.contains(w))
            {
                let from = i.saturating_sub(usize::from(i > 0 && words[i - 1].chars().all(|c| c.is_ascii_digit())));
                return Some((format!("it has a deadline (“{}”)", words[from..i + 2].join(" ")), true));
            }
            if let Some((len, _)) = self.one_off.at(&text, i) {
                return Some((
                    format!("it mentions a one-off effort (“{}”)", words[i..i + len].join(" ")),
                    false,
                ));
            }
            // "Open a new branch", "Build the new website": something new, delivered once.
            if self.tag == "en"
                && [
                    "launch", "build", "open", "create", "organise", "organize", "plan", "set",
                ]
                .contains(&words[i])
                && words.get(i + 1).is_some_and(|w| ["a", "the", "our"].contains(w))
                && words.get(i + 2).is_some_and(|w| *w == "new")
            {
                return Some(("it delivers something new, once".to_string(), false));
            }
        }
        None
    }

    /// Whether a title names a whole workflow or process ("Requisition workflow",
    /// "Aufnahme-Workflow durchführen").
    pub fn names_a_workflow(&self, title: &str) -> bool {
        self.names_a_workflow_in(Words::read(title).all())
    }

    /// [`Lexicon::names_a_workflow`], for a title already read.
    pub fn names_a_workflow_in(&self, title: Text<'_>) -> bool {
        title.any(self, Kind::WORKFLOW)
    }

    /// What `word` is, for [`Words::mark`] and the texts that were not marked.
    fn kind(&self, word: &str) -> u8 {
        let kind = self.kinds.get(word);
        // An elided article or a compound can make a word a workflow's name that the list does
        // not hold as it is written.
        if self.tag == "de" || word.bytes().any(|b| b == b'\'' || b == b'-') {
            (kind & !Kind::WORKFLOW)
                | if self.names_workflow_word(word) {
                    Kind::WORKFLOW
                } else {
                    0
                }
        } else {
            kind
        }
    }

    fn names_workflow_word(&self, w: &str) -> bool {
        {
            self.workflow_words.contains(unelided(w))
                || w.contains('-') && w.split('-').any(|part| self.workflow_words.contains(part))
                || self.tag == "de"
                    && self
                        .workflow_words
                        .iter()
                        .any(|ww| ww.len() >= 6 && w.ends_with(ww.as_str()))
        }
    }

    /// Whether a word can be dropped from a role's name without changing who it is ("team").
    pub fn is_role_filler(&self, word: &str) -> bool {
        listed(&self.role_fillers, word)
    }

    /// Whether the word is a negation ("not", "no").
    pub fn is_negation(&self, word: &str) -> bool {
        self.negations.contains(word)
    }

    /// Whether `word` is one of the phrases that mark an event.
    pub fn is_event_word(&self, word: &str) -> bool {
        self.events.contains_word(word)
    }
}

/// Words that make a date come round again, in the languages Flowguide has lists for.
const RECURRING: [&str; 22] = [
    "every",
    "each",
    "yearly",
    "annually",
    "monthly",
    "weekly",
    "cada",
    "anual",
    "anualmente",
    "mensual",
    "chaque",
    "tous",
    "toutes",
    "annuel",
    "annuelle",
    "mensuel",
    "jeden",
    "jede",
    "jedes",
    "jährlich",
    "monatlich",
    "wöchentlich",
];

fn is_year(w: &str) -> bool {
    w.len() == 4 && (w.starts_with("19") || w.starts_with("20")) && w.chars().all(|c| c.is_ascii_digit())
}

/// English, built into every bundle.
pub const ENGLISH: &str = include_str!("../../words/en.txt");

/// The text of a list built into this build, by tag: what the site builder publishes for
/// browsers to fetch.
pub fn built_in(tag: &str) -> Option<&'static str> {
    match tag {
        "en" => Some(ENGLISH),
        #[cfg(feature = "languages")]
        "es" => Some(include_str!("../../words/es.txt")),
        #[cfg(feature = "languages")]
        "fr" => Some(include_str!("../../words/fr.txt")),
        #[cfg(feature = "languages")]
        "de" => Some(include_str!("../../words/de.txt")),
        _ => None,
    }
}

/// The tags of the languages Flowguide has word lists for, built in or not.
pub const KNOWN: [&str; 4] = ["en", "es", "fr", "de"];

fn registry() -> &'static Mutex<Vec<&'static Lexicon>> {
    static REGISTRY: OnceLock<Mutex<Vec<&'static Lexicon>>> = OnceLock::new();
    REGISTRY.get_or_init(|| Mutex::new(Vec::new()))
}

/// The word list for a language, if this build has it or one was installed.
pub fn get(tag: &str) -> Option<&'static Lexicon> {
    let mut lists = registry().lock().unwrap_or_else(|e| e.into_inner());
    if let Some(found) = lists.iter().find(|l| l.tag == tag) {
        return Some(found);
    }
    let lexicon: &'static Lexicon = Box::leak(Box::new(Lexicon::parse(built_in(tag)?).ok()?));
    lists.push(lexicon);
    Some(lexicon)
}

/// Installs a word list fetched at run time; a list already there for the same language stays.
pub fn install(text: &str) -> Result<&'static Lexicon, LexiconError> {
    let lexicon = Lexicon::parse(text)?;
    let mut lists = registry().lock().unwrap_or_else(|e| e.into_inner());
    if let Some(found) = lists.iter().find(|l| l.tag == lexicon.tag) {
        return Ok(found);
    }
    let lexicon: &'static Lexicon = Box::leak(Box::new(lexicon));
    lists.push(lexicon);
    Ok(lexicon)
}

/// The English list.
pub fn english() -> &'static Lexicon {
    get("en").expect("the English list is built in and valid")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What `Words` must agree with: split on everything but letters, digits, apostrophes and
    /// hyphens, trim those, drop what is empty, lowercase letter by letter.
    fn reference(text: &str) -> Vec<String> {
        raw_words(text)
            .map(|w| {
                w.chars()
                    .flat_map(|c| {
                        if c == '’' {
                            vec!['\'']
                        } else {
                            c.to_lowercase().collect()
                        }
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn words_know_brackets_and_clauses() {
        let w = Words::read("Aufnahme durchführen (Anmeldung, Aufklärung), dann Akte prüfen: fertig");
        let all: Vec<&str> = w.all().iter().collect();
        assert_eq!(
            all,
            [
                "aufnahme",
                "durchführen",
                "anmeldung",
                "aufklärung",
                "dann",
                "akte",
                "prüfen",
                "fertig"
            ]
        );
        let plain: Vec<(&str, bool)> = w.all().plain().collect();
        assert_eq!(
            plain,
            [
                ("aufnahme", false),
                ("durchführen", true),
                ("dann", false),
                ("akte", false),
                ("prüfen", true),
                ("fertig", true)
            ]
        );
        assert_eq!(
            words("L’équipe -- re-check ’quoted’ 'x'"),
            ["l'équipe", "re-check", "quoted", "x"]
        );
    }

    #[test]
    fn texts_pushed_one_after_another_keep_their_own_words() {
        let mut w = Words::default();
        w.push("Review the claim");
        let first = w.len();
        w.push("");
        w.push("Pay, then file");
        assert_eq!(w.range(0, first).iter().collect::<Vec<_>>(), ["review", "the", "claim"]);
        assert!(w.range(first, first).is_empty());
        let last = w.range(first, w.len());
        assert_eq!(
            last.plain().collect::<Vec<_>>(),
            [("pay", true), ("then", false), ("file", true)]
        );
    }

    /// The languages with a built-in list, read.
    fn every_list() -> Vec<&'static Lexicon> {
        ["en", "es", "fr", "de"].iter().filter_map(|t| get(t)).collect()
    }

    /// Words a title may hold: some from each list's tables, in the forms learners write them
    /// (an elided article, a compound), and some from none.
    fn vocabulary(list: &Lexicon) -> Vec<String> {
        let mut words: Vec<String> = (0..list.kinds.bits.len() as u32)
            .map(|id| list.kinds.words.text(id).to_string())
            .collect();
        words.extend(list.workflow_words.iter().cloned());
        words.sort();
        let mut forms: Vec<String> = words.iter().step_by(7).take(40).cloned().collect();
        forms.extend(forms.clone().iter().flat_map(|w| {
            [
                format!("l'{w}"),
                format!("aufnahme-{w}"),
                format!("{w}s"),
                format!("x{w}"),
            ]
        }));
        forms.extend(["review", "the", "claim", "2027", "new", "handle", "workflow", "prozess"].map(String::from));
        forms
    }

    #[test]
    fn one_lookup_per_word_answers_as_the_lists_do() {
        assert_eq!(every_list().len(), 4, "the tests run with the languages feature");
        for list in every_list() {
            for w in vocabulary(list) {
                let project = list.deadline.firsts.contains(&w)
                    || list.one_off.firsts.contains(&w)
                    || list.months.contains(&w)
                    || list.tag == "en" && w == "new";
                let kind = list.kind(&w);
                assert_eq!(
                    kind & Kind::WORKFLOW != 0,
                    list.names_workflow_word(&w),
                    "{} {w}",
                    list.tag
                );
                assert_eq!(kind & Kind::PROJECT != 0, project, "{} {w}", list.tag);
                assert_eq!(
                    kind & Kind::VAGUE != 0,
                    list.vague_index.firsts.contains(&w),
                    "{} {w}",
                    list.tag
                );
            }
        }
    }

    /// Alternative forms of one entry, each a sequence of words.
    type Forms = Vec<Vec<String>>;

    /// The pairs of opposites as the list gives them: each pair's two sides, each a list of forms.
    fn pairs(list: &Lexicon) -> Vec<(Forms, Forms)> {
        let n = list
            .opposite_forms
            .list
            .iter()
            .map(|(_, e)| e / 2 + 1)
            .max()
            .unwrap_or(0);
        let mut pairs = vec![(Forms::new(), Forms::new()); n];
        for (form, e) in &list.opposite_forms.list {
            let pair = &mut pairs[e / 2];
            if e % 2 == 0 {
                pair.0.push(form.clone())
            } else {
                pair.1.push(form.clone())
            }
        }
        pairs
    }

    /// Whether `text` holds one of `forms`, word for word.
    fn has(text: &[String], forms: &[Vec<String>]) -> bool {
        forms
            .iter()
            .any(|f| !f.is_empty() && text.len() >= f.len() && text.windows(f.len()).any(|w| w == &f[..]))
    }

    /// Words conditions may hold: every word of every opposite, a negation and some from none.
    fn condition_words(list: &Lexicon) -> Vec<String> {
        let mut words: Vec<String> = list.opposite_forms.list.iter().flat_map(|(f, _)| f.clone()).collect();
        words.sort();
        words.dedup();
        words.extend(["not", "no", "the", "is", "form", "x"].map(String::from));
        words
    }

    proptest! {
        #[test]
        fn words_agree_with_splitting_and_lowercasing(text in "\\PC{0,60}", ascii in "[ -~]{0,60}") {
            for t in [&text, &ascii] {
                let w = Words::read(t);
                prop_assert_eq!(w.all().iter().map(str::to_string).collect::<Vec<_>>(), reference(t));
                prop_assert!(w.all().iter().all(|w| !w.is_empty()));
                // Words outside brackets are a subsequence of all the words.
                prop_assert!(w.all().plain().count() <= w.len());
            }
        }

        #[test]
        fn marked_titles_answer_as_unmarked_ones(picks in proptest::collection::vec((0usize..400, 0usize..8), 1..12), lang in 0usize..4) {
            let lists = every_list();
            let list = lists[lang % lists.len()];
            let vocabulary = vocabulary(list);
            let titles: Vec<String> = picks
                .chunks(3)
                .map(|c| c.iter().map(|&(w, _)| vocabulary[w % vocabulary.len()].as_str()).collect::<Vec<_>>().join(" "))
                .collect();
            let mut marked = Words::default();
            let mut starts = vec![0];
            for t in &titles {
                marked.push(t);
                starts.push(marked.len());
            }
            marked.mark(list);
            for (k, t) in titles.iter().enumerate() {
                let (m, plain) = (marked.range(starts[k], starts[k + 1]), Words::read(t));
                let p = plain.all();
                prop_assert_eq!(list.names_a_workflow_in(m), list.names_a_workflow_in(p));
                prop_assert_eq!(list.one_off_in_text(m), list.one_off_in_text(p));
                let names = |v: Vec<&Vague>| v.iter().map(|v| v.phrase()).collect::<Vec<_>>();
                prop_assert_eq!(names(list.vague_in_text(m)), names(list.vague_in_text(p)));
            }
        }

        #[test]
        fn opposites_are_found_as_a_pass_over_every_pair_finds_them(
            picks in proptest::collection::vec(proptest::collection::vec(0usize..5000, 1..5), 2..4),
            lang in 0usize..4,
        ) {
            let lists = every_list();
            let list = lists[lang % lists.len()];
            let vocabulary = condition_words(list);
            let all: Vec<Vec<String>> = picks.iter().map(|c| c.iter().map(|&w| vocabulary[w % vocabulary.len()].clone()).collect()).collect();
            let pairs = pairs(list);
            let one_side = pairs.iter().any(|(yes, no)| {
                all.iter().all(|w| has(w, yes) && !has(w, no)) || all.iter().all(|w| has(w, no) && !has(w, yes))
            });
            prop_assert_eq!(list.one_side_of_a_pair(&all), one_side);
            let (a, b) = (&all[0], &all[1]);
            let opposite = pairs.iter().any(|(x, y)| {
                [(a, b), (b, a)].into_iter().any(|(p, q)| has(p, x) && has(q, y) && !has(p, y) && !has(q, x))
            });
            prop_assert_eq!(list.opposite_sides(a, b), opposite);
        }
    }
}
