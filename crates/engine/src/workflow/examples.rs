//! The sandbox's starting points: a blank workflow and three worked examples. Each example is
//! judged good on all six components (a test checks it), so a learner can see what "good" means
//! and change it from there.

use crate::workflow::document::WorkflowDoc;
use crate::workflow::parse::parse;

/// A starting point the sandbox offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Example {
    /// The key in links and tests: `expense`.
    pub key: &'static str,
    /// What the menu says.
    pub title: &'static str,
    pub json: &'static str,
}

pub const EXAMPLES: [Example; 3] = [
    Example {
        key: "expense",
        title: "Expense reimbursement",
        json: include_str!("examples/expense.json"),
    },
    Example {
        key: "onboarding",
        title: "New employee onboarding",
        json: include_str!("examples/onboarding.json"),
    },
    Example {
        key: "support",
        title: "Customer support ticket",
        json: include_str!("examples/support.json"),
    },
];

impl Example {
    pub fn find(key: &str) -> Option<Example> {
        EXAMPLES.into_iter().find(|e| e.key == key)
    }

    pub fn doc(self) -> WorkflowDoc {
        parse(self.json).expect("the examples are checked by the tests")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feedback::{analyse, Config, Preset, Severity, Status};

    #[test]
    fn every_example_is_good_in_every_preset() {
        for e in EXAMPLES {
            let doc = e.doc();
            assert_eq!(doc.name, e.title);
            assert_eq!(Example::find(e.key), Some(e));
            for preset in Preset::ALL {
                let report = analyse(&doc, &Config::preset(preset));
                for (c, r) in report.components.iter() {
                    assert_eq!(r.status, Status::Good, "{} {preset} {c:?}: {:?}", e.key, r.findings);
                    assert!(r.findings.iter().all(|f| f.severity == Severity::Tip));
                }
            }
        }
        assert_eq!(
            EXAMPLES[0].json,
            include_str!("../../tests/data/expense.json"),
            "the format example and the sandbox's are the same file"
        );
    }
}
