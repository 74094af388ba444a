//! The classification drill: short descriptions of work, each a task, a workflow, a project or a
//! process, with the words that decide it and an explanation tied to the lesson's definitions.
//! The items are data (`content/drill/classify.json`, format `flowguide/drill` v1); this module
//! reads and checks them, and runs a round: items in a random order, ten to a round, wrong answers
//! retried, a score at the end with the items missed.

use serde::{Deserialize, Serialize};

use flowguide_engine::feedback::Classification;
use flowguide_engine::workflow::parse::{json_error, plain_error};
use flowguide_engine::workflow::ParseError;

/// The value of the `format` field.
pub const FORMAT: &str = "flowguide/drill";
pub const VERSION: u64 = 1;
/// How many items a round has.
pub const ROUND: usize = 10;

/// The four kinds, in the order the drill offers them (keys 1 to 4).
pub const KINDS: [Classification; 4] = [
    Classification::Task,
    Classification::Workflow,
    Classification::Project,
    Classification::Process,
];

/// What the lesson says a kind is, and where.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kind {
    pub definition: String,
    /// The lesson's section, relative to the site base: `learn/workflow-task-project-process#task`.
    pub lesson: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kinds {
    pub task: Kind,
    pub workflow: Kind,
    pub project: Kind,
    pub process: Kind,
}

impl Kinds {
    pub fn get(&self, c: Classification) -> &Kind {
        match c {
            Classification::Task => &self.task,
            Classification::Workflow => &self.workflow,
            Classification::Project => &self.project,
            Classification::Process => &self.process,
        }
    }
}

/// One description to classify.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    pub id: String,
    pub text: String,
    pub kind: Classification,
    /// The words of `text` that decide its kind, each exactly as it appears there.
    pub cues: Vec<String>,
    pub explanation: String,
}

/// A piece of an item's text: plain, or one of its cues.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span<'a> {
    pub text: &'a str,
    pub cue: bool,
}

impl Item {
    /// The text split where the cues are, so a page can highlight them (by more than colour).
    pub fn spans(&self) -> Vec<Span<'_>> {
        let mut marks = vec![false; self.text.len()];
        for cue in self.cues.iter().filter(|c| !c.is_empty()) {
            for (at, _) in self.text.match_indices(cue.as_str()) {
                marks[at..at + cue.len()].iter_mut().for_each(|m| *m = true);
            }
        }
        let mut out: Vec<Span> = Vec::new();
        let mut start = 0;
        for i in 1..=self.text.len() {
            if i == self.text.len() || (self.text.is_char_boundary(i) && marks[i] != marks[start]) {
                if i > start {
                    out.push(Span {
                        text: &self.text[start..i],
                        cue: marks[start],
                    });
                }
                start = i;
            }
        }
        out
    }
}

/// A drill file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Drill {
    pub format: String,
    pub version: u64,
    pub kinds: Kinds,
    pub items: Vec<Item>,
}

/// Reads a drill file and checks it: ids unique and kebab-case, every cue a part of its text,
/// every kind present.
pub fn parse(text: &str) -> Result<Drill, ParseError> {
    let drill: Drill = serde_json::from_str(text).map_err(|e| json_error(text, &e, "drill"))?;
    let fail = |m: String| Err(plain_error(m));
    if drill.format != FORMAT || drill.version != VERSION {
        return fail(format!(
            "a drill file has `\"format\": \"{FORMAT}\"` and `\"version\": {VERSION}`"
        ));
    }
    let mut ids: Vec<&str> = Vec::new();
    for item in &drill.items {
        if !crate::exercise::is_id(&item.id) {
            return fail(format!("the drill item id “{}” is not kebab-case", item.id));
        }
        if ids.contains(&item.id.as_str()) {
            return fail(format!("two drill items have the id “{}”", item.id));
        }
        ids.push(&item.id);
        if item.text.trim().is_empty() || item.explanation.trim().is_empty() {
            return fail(format!("the drill item “{}” needs a text and an explanation", item.id));
        }
        if item.cues.is_empty() {
            return fail(format!("the drill item “{}” has no cues", item.id));
        }
        if let Some(cue) = item
            .cues
            .iter()
            .find(|c| c.is_empty() || !item.text.contains(c.as_str()))
        {
            return fail(format!(
                "the cue “{cue}” of drill item “{}” is not part of its text",
                item.id
            ));
        }
    }
    for kind in KINDS {
        if !drill.items.iter().any(|i| i.kind == kind) {
            return fail(format!("the drill has no item that is a {}", kind.key()));
        }
    }
    Ok(drill)
}

/// A small deterministic random-number generator (SplitMix64): a round's order comes from a
/// seed, so a test can replay one.
fn next(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// What happened to one item of a round.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    /// Not answered yet.
    Open,
    /// Right the first time.
    Right,
    /// Wrong at first (whatever came after).
    Missed,
}

/// One round of the drill.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Round {
    /// Indexes into the drill's items, in the order they are asked.
    pub order: Vec<usize>,
    pub answers: Vec<Answer>,
    /// The item being asked.
    pub at: usize,
    /// Whether the current item has been answered right (so the round can go on).
    pub solved: bool,
    /// The kinds tried and found wrong for the current item.
    pub tried: Vec<Classification>,
}

impl Round {
    /// A round of up to [`ROUND`] of `count` items, shuffled by `seed`. Each kind is asked at
    /// least once when the round is big enough to hold them all.
    pub fn new(items: &[Item], seed: u64) -> Round {
        let mut state = seed;
        let mut order: Vec<usize> = (0..items.len()).collect();
        for i in (1..order.len()).rev() {
            let j = (next(&mut state) % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        let size = ROUND.min(order.len());
        // Bring one item of each missing kind forward, so a round always covers all four.
        for kind in KINDS {
            if order[..size].iter().any(|&i| items[i].kind == kind) {
                continue;
            }
            if let Some(pos) = order[size..].iter().position(|&i| items[i].kind == kind) {
                // Replace the last item of a kind the round has twice or more.
                if let Some(slot) = (0..size).rev().find(|&s| {
                    let k = items[order[s]].kind;
                    order[..size].iter().filter(|&&i| items[i].kind == k).count() > 1
                }) {
                    order.swap(slot, size + pos);
                }
            }
        }
        order.truncate(size);
        Round {
            answers: vec![Answer::Open; order.len()],
            order,
            at: 0,
            solved: false,
            tried: Vec::new(),
        }
    }

    /// The index (into the drill's items) of the item being asked, or `None` when the round is over.
    pub fn current(&self) -> Option<usize> {
        self.order.get(self.at).copied()
    }

    /// Answers the current item; returns whether the answer was right. A wrong answer can be
    /// retried; only the first one counts towards the score.
    pub fn answer(&mut self, items: &[Item], kind: Classification) -> bool {
        let Some(i) = self.current() else {
            return false;
        };
        if self.solved {
            return items[i].kind == kind;
        }
        let right = items[i].kind == kind;
        if self.answers[self.at] == Answer::Open {
            self.answers[self.at] = if right { Answer::Right } else { Answer::Missed };
        }
        if right {
            self.solved = true;
        } else if !self.tried.contains(&kind) {
            self.tried.push(kind);
        }
        right
    }

    /// Goes on to the next item, once the current one is answered right. Returns whether it moved.
    pub fn advance(&mut self) -> bool {
        if !self.solved || self.at >= self.order.len() {
            return false;
        }
        self.at += 1;
        self.solved = false;
        self.tried.clear();
        true
    }

    pub fn is_over(&self) -> bool {
        self.at >= self.order.len()
    }

    /// Items right the first time, out of the round's size.
    pub fn score(&self) -> (usize, usize) {
        (
            self.answers.iter().filter(|a| **a == Answer::Right).count(),
            self.order.len(),
        )
    }

    /// The items missed at the first try, in the order they were asked.
    pub fn missed(&self) -> Vec<usize> {
        self.order
            .iter()
            .zip(&self.answers)
            .filter(|(_, a)| **a == Answer::Missed)
            .map(|(&i, _)| i)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = include_str!("../../../content/drill/classify.json");

    #[test]
    fn the_built_in_drill_is_valid_and_balanced() {
        let drill = parse(FILE).unwrap();
        assert!(drill.items.len() >= 24);
        for kind in KINDS {
            assert!(drill.items.iter().filter(|i| i.kind == kind).count() >= 6, "{kind:?}");
            let lesson = &drill.kinds.get(kind).lesson;
            assert!(lesson.starts_with("learn/workflow-task-project-process#"), "{lesson}");
        }
        for item in &drill.items {
            let spans = item.spans();
            assert_eq!(spans.iter().map(|s| s.text).collect::<String>(), item.text);
            assert!(spans.iter().any(|s| s.cue), "{}", item.id);
        }
    }

    #[test]
    fn cues_split_the_text() {
        let item = Item {
            id: "a".into(),
            text: "Renew the lease before March".into(),
            kind: Classification::Project,
            cues: vec!["before March".into(), "Renew".into()],
            explanation: "x".into(),
        };
        let spans: Vec<(&str, bool)> = item.spans().iter().map(|s| (s.text, s.cue)).collect();
        assert_eq!(spans, [("Renew", true), (" the lease ", false), ("before March", true)]);
    }

    #[test]
    fn bad_drill_files_are_named() {
        let drill = parse(FILE).unwrap();
        let mut bad = drill.clone();
        bad.items[0].cues = vec!["not in the text at all".into()];
        let e = parse(&serde_json::to_string(&bad).unwrap()).unwrap_err();
        assert!(e.message.contains("is not part of its text"), "{e}");
        let mut bad = drill.clone();
        bad.items[1].id = bad.items[0].id.clone();
        assert!(parse(&serde_json::to_string(&bad).unwrap())
            .unwrap_err()
            .message
            .contains("two drill items"));
        assert!(parse("{").is_err());
    }

    #[test]
    fn a_round_has_ten_items_of_every_kind_and_scores_first_answers() {
        let items = parse(FILE).unwrap().items;
        for seed in 0..200 {
            let round = Round::new(&items, seed);
            assert_eq!(round.order.len(), ROUND);
            let mut seen = round.order.clone();
            seen.sort();
            seen.dedup();
            assert_eq!(seen.len(), ROUND, "no item twice");
            for kind in KINDS {
                assert!(
                    round.order.iter().any(|&i| items[i].kind == kind),
                    "seed {seed}: no {kind:?}"
                );
            }
        }
        assert_ne!(Round::new(&items, 1).order, Round::new(&items, 2).order);
        assert_eq!(Round::new(&items, 7), Round::new(&items, 7));

        let mut round = Round::new(&items, 3);
        let mut wrong_first = 0;
        while let Some(i) = round.current() {
            assert!(!round.advance(), "cannot go on before answering right");
            let right = items[i].kind;
            if round.at.is_multiple_of(3) {
                let wrong = KINDS.into_iter().find(|&k| k != right).unwrap();
                assert!(!round.answer(&items, wrong));
                assert_eq!(round.tried, [wrong]);
                wrong_first += 1;
            }
            assert!(round.answer(&items, right));
            assert!(round.advance());
        }
        assert!(round.is_over());
        assert_eq!(round.score(), (ROUND - wrong_first, ROUND));
        assert_eq!(round.missed().len(), wrong_first);
    }
}
