//! What a rule is: its id, the component it speaks about, its documentation and examples, its
//! severity in each preset, and the check itself. Rules see a [`Context`]: the document and its
//! [`Graph`], plus helpers that name things the way messages should.

use super::lexicon::{Lexicon, Text, Words};
use super::{language, Component, Fix, Severity, Target};
use crate::workflow::graph::Graph;
use crate::workflow::WorkflowDoc;

/// A finding as a rule writes it; the engine adds the rule id, severity, why and link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    pub target: Target,
    pub message: String,
    pub fix: Option<Fix>,
}

impl Draft {
    pub fn new(target: Target, message: impl Into<String>) -> Draft {
        Draft {
            target,
            message: message.into(),
            fix: None,
        }
    }

    pub fn with_fix(mut self, fix: Fix) -> Draft {
        self.fix = Some(fix);
        self
    }
}

/// One feedback rule, in its own file under `feedback/rules/`: what the engine needs to run it.
/// Its documentation and examples are a separate [`RuleDocs`] in the same file, so a browser
/// bundle that runs the rules never carries the rule pages' text.
pub struct Rule {
    /// Kebab-case, stable: findings, presets and the rule's page use it.
    pub id: &'static str,
    pub component: Component,
    /// Why it matters, in one or two sentences. Every finding carries it.
    pub why: &'static str,
    /// Severity in the `beginner`, `recommended` and `strict` presets; `None` turns the rule off.
    pub severity: [Option<Severity>; 3],
    /// Whether the check reads a language's word list. Such a rule runs only in a language
    /// Flowguide has a list for, and the report names it among the checks that did not run.
    pub words: bool,
    pub check: fn(&Context, &mut Vec<Draft>),
}

/// A rule's documentation: its page's title and text, and a poor and a good example. Read by the
/// rule catalogue (at build time), the command-line checker and the tests.
#[derive(Debug)]
pub struct RuleDocs {
    /// The rule's id, the same as its [`Rule`]'s.
    pub id: &'static str,
    /// A short statement of what good looks like: "Every step has a role".
    pub title: &'static str,
    /// What the rule checks, for the rule's page. Plain text; blank lines separate paragraphs.
    pub description: &'static str,
    /// A workflow document that breaks the rule.
    pub poor: &'static str,
    /// The same workflow, mended.
    pub good: &'static str,
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rule")
            .field("id", &self.id)
            .field("component", &self.component)
            .finish_non_exhaustive()
    }
}

impl Rule {
    /// The rule's page, relative to the site base.
    pub fn url(&self) -> String {
        format!("reference/rules/{}", self.id)
    }
}

/// What every rule gets to look at.
pub struct Context<'d> {
    pub doc: &'d WorkflowDoc,
    pub graph: Graph<'d>,
    /// The word list of the document's language. Always there for a rule with `words: true`.
    pub words: Option<&'static Lexicon>,
    /// Every step's title, read into words once for all the rules that read titles.
    titles: Words,
    /// Where each step's words start in `titles`, and where the last one's end.
    title_starts: Vec<usize>,
    /// The names an unmatched input may be a near miss of, built when first needed.
    pub(crate) names: std::cell::OnceCell<super::rules::Names>,
}

/// Wraps a title in curly quotes, the way messages name things.
pub fn quoted(text: &str) -> String {
    format!("“{}”", text.split_whitespace().collect::<Vec<_>>().join(" "))
}

impl<'d> Context<'d> {
    pub fn new(doc: &'d WorkflowDoc) -> Context<'d> {
        Context::with_words(doc, language::of(doc).lexicon())
    }

    /// A context with the given word list (the one of the document's language, or none).
    pub fn with_words(doc: &'d WorkflowDoc, words: Option<&'static Lexicon>) -> Context<'d> {
        let mut titles = Words::with_capacity(doc.steps.iter().map(|s| s.title.len()).sum());
        let mut title_starts = Vec::with_capacity(doc.steps.len() + 1);
        title_starts.push(0);
        for step in &doc.steps {
            titles.push(&step.title);
            title_starts.push(titles.len());
        }
        if let Some(list) = words {
            titles.mark(list);
        }
        Context {
            doc,
            graph: Graph::new(doc),
            words,
            titles,
            title_starts,
            names: std::cell::OnceCell::new(),
        }
    }

    /// The words of step `i`'s title, lowercased.
    pub fn title_words(&self, i: usize) -> Text<'_> {
        self.titles.range(self.title_starts[i], self.title_starts[i + 1])
    }

    /// The document's word list, for a rule with `words: true` (the engine runs such a rule only
    /// when there is one).
    pub fn lexicon(&self) -> &'static Lexicon {
        self.words.unwrap_or_else(super::lexicon::english)
    }

    /// How messages name step `i`: its title in quotes, or "Step 3" when it has none.
    pub fn step_name(&self, i: usize) -> String {
        let title = self.doc.steps[i].title.trim();
        if title.is_empty() {
            format!("Step {}", i + 1)
        } else {
            quoted(title)
        }
    }

    /// How messages name a role: its name, or its id when it has no name.
    pub fn role_name(&self, id: &str) -> String {
        self.graph.role_name(id).to_string()
    }

    pub fn step_target(&self, i: usize) -> Target {
        Target::Step {
            id: self.doc.steps[i].id.clone(),
        }
    }
}
