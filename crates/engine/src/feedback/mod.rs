//! The feedback engine: for each of a workflow's six components, whether it is missing, needs work
//! or is good, and why, with findings that name the exact step, role or artifact concerned.
//!
//! Each rule lives in its own file under [`rules`], with its documentation and a poor and a good
//! example. Presets ([`preset`]) set the rules' severities without touching them. The engine is
//! pure Rust: the sandbox, embeds and the command-line checker all run this same code.
//!
//! Architecture invariant: nothing here knows about Leptos, the DOM or the browser.

pub mod announce;
pub mod classify;
pub mod fix;
pub mod json;
pub mod language;
pub mod lexicon;
pub mod locate;
pub mod preset;
pub mod progress;
pub mod rule;
pub mod rules;

use serde::{Deserialize, Serialize};

pub use classify::{Classification, Overall};
pub use fix::{Change, Fix};
pub use preset::{Config, Preset};
pub use rule::{Context, Draft, Rule, RuleDocs};

use crate::workflow::graph::{role_of, Graph};
use crate::workflow::WorkflowDoc;

/// The six components of a workflow, in the order they are always shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Component {
    Trigger,
    Steps,
    Roles,
    Handoffs,
    InputsOutputs,
    Outcome,
}

impl Component {
    pub const ALL: [Component; 6] = [
        Component::Trigger,
        Component::Steps,
        Component::Roles,
        Component::Handoffs,
        Component::InputsOutputs,
        Component::Outcome,
    ];

    /// The key used in JSON and in `data-component`: `inputs_outputs`.
    pub fn key(self) -> &'static str {
        match self {
            Component::Trigger => "trigger",
            Component::Steps => "steps",
            Component::Roles => "roles",
            Component::Handoffs => "handoffs",
            Component::InputsOutputs => "inputs_outputs",
            Component::Outcome => "outcome",
        }
    }

    /// The name a reader sees: "Inputs and outputs".
    pub fn title(self) -> &'static str {
        match self {
            Component::Trigger => "Trigger",
            Component::Steps => "Steps",
            Component::Roles => "Roles",
            Component::Handoffs => "Handoffs",
            Component::InputsOutputs => "Inputs and outputs",
            Component::Outcome => "Outcome",
        }
    }

    /// The route of the component's reference page.
    pub fn page(self) -> &'static str {
        match self {
            Component::Trigger => "reference/trigger",
            Component::Steps => "reference/steps",
            Component::Roles => "reference/roles",
            Component::Handoffs => "reference/handoffs",
            Component::InputsOutputs => "reference/inputs-and-outputs",
            Component::Outcome => "reference/outcome",
        }
    }

    /// The component's share of the overall score, out of 100.
    pub fn weight(self) -> u32 {
        match self {
            Component::Steps => 25,
            Component::Handoffs => 20,
            Component::Roles | Component::InputsOutputs | Component::Outcome => 15,
            Component::Trigger => 10,
        }
    }
}

/// The verdict on one component.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Missing,
    NeedsWork,
    Good,
}

impl Status {
    pub fn key(self) -> &'static str {
        match self {
            Status::Missing => "missing",
            Status::NeedsWork => "needs-work",
            Status::Good => "good",
        }
    }

    /// How a reader sees it: "needs work".
    pub fn label(self) -> &'static str {
        match self {
            Status::Missing => "missing",
            Status::NeedsWork => "needs work",
            Status::Good => "good",
        }
    }
}

/// How much a finding matters. Errors and warnings make a component "needs work"; tips do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Tip,
}

impl Severity {
    pub fn key(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Tip => "tip",
        }
    }
}

/// What a finding is about.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Target {
    Step { id: String },
    Role { id: String },
    Artifact { name: String },
    Edge { from: String, to: String },
    Trigger,
    Outcome,
    Workflow,
}

/// One piece of feedback.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// The rule's kebab-case id.
    pub rule: String,
    pub severity: Severity,
    /// One plain sentence that names things by their titles.
    pub message: String,
    pub target: Target,
    /// Why it matters, in one or two sentences.
    pub why: String,
    /// A mechanical fix, where one exists.
    pub fix: Option<Fix>,
    /// The rule's page, relative to the site base.
    pub url: String,
}

/// The verdict on one component, with its findings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComponentReport {
    pub status: Status,
    /// 0 to 100.
    pub score: u32,
    pub findings: Vec<Finding>,
}

/// All six components, under the keys the JSON output uses.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Components {
    pub trigger: ComponentReport,
    pub steps: ComponentReport,
    pub roles: ComponentReport,
    pub handoffs: ComponentReport,
    pub inputs_outputs: ComponentReport,
    pub outcome: ComponentReport,
}

impl Components {
    pub fn get(&self, c: Component) -> &ComponentReport {
        match c {
            Component::Trigger => &self.trigger,
            Component::Steps => &self.steps,
            Component::Roles => &self.roles,
            Component::Handoffs => &self.handoffs,
            Component::InputsOutputs => &self.inputs_outputs,
            Component::Outcome => &self.outcome,
        }
    }

    /// The six reports in display order.
    pub fn iter(&self) -> impl Iterator<Item = (Component, &ComponentReport)> {
        Component::ALL.into_iter().map(move |c| (c, self.get(c)))
    }
}

/// The language the wording checks read, and the checks that could not run.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LanguageReport {
    /// The primary language subtag ("es"), or "und" when the words show a language but not which.
    pub tag: String,
    /// Whether the document declared it, the engine recognised it, or assumed English.
    pub source: language::Source,
    /// The rules that read words and did not run, because Flowguide has no word list for this
    /// language (or it has not arrived yet in a browser). Empty when every check ran.
    pub skipped: Vec<String>,
    /// One plain sentence about the skipped checks, when there are any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// When the document declares one language but its words are clearly another that Flowguide
    /// has a word list for: that language's tag ("es"), so an editor can offer to switch.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggested: Option<String>,
}

/// Everything the engine says about one workflow.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    pub overall: Overall,
    pub components: Components,
    pub language: LanguageReport,
}

impl Report {
    /// How many of the six components are not good yet: what the sandbox counts down.
    pub fn to_work_on(&self) -> usize {
        self.components.iter().filter(|(_, c)| c.status != Status::Good).count()
    }
}

/// Whether a component is absent altogether, by the definitions learners are taught.
fn is_missing(c: Component, g: &Graph) -> bool {
    let doc = g.doc;
    match c {
        Component::Trigger => doc.trigger.as_ref().is_none_or(|t| t.description.trim().is_empty()),
        Component::Steps => doc.steps.is_empty(),
        Component::Roles => !doc.steps.iter().any(|s| role_of(s).is_some()),
        // Two or more steps where work never changes hands have no handoffs, whoever does them:
        // the overall message says so too. (One step is a task; its handoffs are not asked for.)
        Component::Handoffs => doc.steps.is_empty() || doc.steps.len() >= 2 && g.handoffs.is_empty(),
        Component::InputsOutputs => doc.steps.iter().all(|s| s.inputs.is_empty() && s.outputs.is_empty()),
        Component::Outcome => doc.outcome.as_ref().is_none_or(|o| o.description.trim().is_empty()),
    }
}

fn score(status: Status, findings: &[Finding]) -> u32 {
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count() as u32;
    let penalty = 30 * count(Severity::Error) + 12 * count(Severity::Warning) + 2 * count(Severity::Tip);
    match status {
        Status::Missing => 0,
        Status::NeedsWork => 100u32.saturating_sub(penalty).clamp(10, 88),
        Status::Good => 100u32.saturating_sub(penalty).max(70),
    }
}

/// Analyses a workflow with the given rule configuration.
pub fn analyse(doc: &WorkflowDoc, config: &Config) -> Report {
    analyse_with(doc, config, &mut |_| Vec::new())
}

/// Analyses a workflow, adding the findings of checks from outside the engine (an exercise's
/// rubric): `extra` reads the same [`Context`] the rules read, and its findings count towards
/// their component's status and score exactly as a rule's do. Never inlined, so the bundles
/// carry one copy of the analysis, whichever of the two is called.
#[inline(never)]
pub fn analyse_with(
    doc: &WorkflowDoc,
    config: &Config,
    extra: &mut dyn FnMut(&Context) -> Vec<(Component, Finding)>,
) -> Report {
    let lang = language::of(doc);
    let cx = Context::with_words(doc, lang.lexicon());
    let mut by_component: Vec<Vec<Finding>> = vec![Vec::new(); 6];
    let mut skipped = Vec::new();
    for rule in rules::RULES {
        let Some(severity) = config.severity(rule) else {
            continue;
        };
        if rule.words && cx.words.is_none() {
            skipped.push(rule.id.to_string());
            continue;
        }
        let mut drafts = Vec::new();
        (rule.check)(&cx, &mut drafts);
        let slot = Component::ALL
            .iter()
            .position(|&c| c == rule.component)
            .expect("every component is listed");
        by_component[slot].extend(drafts.into_iter().map(|d| Finding {
            rule: rule.id.to_string(),
            severity,
            message: d.message,
            target: d.target,
            why: rule.why.to_string(),
            fix: d.fix.filter(|f| f.change.is_unambiguous(doc)),
            url: rule.url(),
        }));
    }
    for (component, finding) in extra(&cx) {
        by_component[component as usize].push(finding);
    }
    let mut reports = by_component.into_iter().zip(Component::ALL).map(|(mut findings, c)| {
        findings.sort_by_key(|f| f.severity);
        let status = if is_missing(c, &cx.graph) {
            Status::Missing
        } else if findings.iter().any(|f| f.severity != Severity::Tip) {
            Status::NeedsWork
        } else {
            Status::Good
        };
        ComponentReport {
            status,
            score: score(status, &findings),
            findings,
        }
    });
    let mut next = || reports.next().expect("six components");
    let components = Components {
        trigger: next(),
        steps: next(),
        roles: next(),
        handoffs: next(),
        inputs_outputs: next(),
        outcome: next(),
    };
    let overall = classify::overall(&cx, &components);
    let note = (!skipped.is_empty()).then(|| {
        let why = if lang.is_known() {
            format!("the word list for {} has not loaded yet", lang.name())
        } else {
            format!("Flowguide has no word list for {} yet", lang.name())
        };
        format!(
            "The checks that read words (whether steps name actions, vague wording, whether the measure can be checked and more) did not run: {why}. The other checks ran as usual."
        )
    });
    let suggested = lang.suggestion(doc);
    Report {
        overall,
        components,
        language: LanguageReport {
            tag: lang.tag,
            source: lang.source,
            skipped,
            note,
            suggested,
        },
    }
}

#[cfg(test)]
mod tests;
