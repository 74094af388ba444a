//! ```` ```workflow expect="…" ```` blocks in lessons: a workflow document shown as a readable card,
//! with Flowguide's own verdict on it. The block states what the lesson claims the verdict is
//! (`expect="steps=needs-work handoffs=good class=workflow"`), and the build fails if the feedback
//! engine disagrees, so lesson text and feedback can never drift apart.

use flowguide_engine::feedback::{analyse, Component, Config, Report};
use flowguide_engine::workflow::graph::role_of;
use flowguide_engine::workflow::{parse, WorkflowDoc};
use flowguide_text::html::escape;

/// A workflow block's verdicts, as stated and as found.
#[derive(Clone, Debug)]
pub struct ShownWorkflow {
    pub name: String,
    /// `(key, expected, actual)`: `key` is a component key or `class`.
    pub checks: Vec<(String, String, String)>,
}

fn actual(report: &Report, key: &str) -> Option<String> {
    if key == "class" {
        return Some(report.overall.classification.key().to_string());
    }
    Component::ALL
        .into_iter()
        .find(|c| c.key() == key)
        .map(|c| report.components.get(c).status.key().to_string())
}

/// Parses `expect="a=b c=d"` from a block's info string.
fn expectations(info: &str) -> Result<Vec<(String, String)>, String> {
    let Some(start) = info.find("expect=\"") else {
        return Ok(Vec::new());
    };
    let rest = &info[start + 8..];
    let end = rest.find('"').ok_or("the expect=\"…\" list is not closed")?;
    rest[..end]
        .split_whitespace()
        .map(|pair| {
            pair.split_once('=')
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .ok_or_else(|| format!("`{pair}` in expect=\"…\" is not key=value"))
        })
        .collect()
}

/// Renders the block, or explains what is wrong with it.
pub fn render(info: &str, json: &str) -> Result<(String, ShownWorkflow), String> {
    let doc = parse(json).map_err(|e| format!("the workflow block does not read: {e}"))?;
    let report = analyse(&doc, &Config::default());
    let mut checks = Vec::new();
    for (key, expected) in expectations(info)? {
        let found = actual(&report, &key)
            .ok_or_else(|| format!("expect=\"…\" names `{key}`, which is neither a component nor `class`"))?;
        checks.push((key, expected, found));
    }
    Ok((
        card(&doc, &report),
        ShownWorkflow {
            name: doc.name.clone(),
            checks,
        },
    ))
}

fn list(items: &[String]) -> String {
    items.iter().map(|i| escape(i.trim())).collect::<Vec<_>>().join(", ")
}

fn card(doc: &WorkflowDoc, report: &Report) -> String {
    let step_title = |id: &str| {
        doc.steps
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.title.clone())
            .unwrap_or_else(|| id.to_string())
    };
    let name = if doc.name.trim().is_empty() {
        "A workflow".to_string()
    } else {
        doc.name.trim().to_string()
    };
    let mut out = format!(
        "<figure class=\"workflow-card\"><figcaption>{}</figcaption>",
        escape(&name)
    );
    if let Some(t) = doc.trigger.as_ref().filter(|t| !t.description.trim().is_empty()) {
        out.push_str(&format!(
            "<p><strong>Trigger:</strong> {}",
            escape(t.description.trim())
        ));
        if !t.provides.is_empty() {
            out.push_str(&format!(" (brings {})", list(&t.provides)));
        }
        out.push_str("</p>");
    } else {
        out.push_str("<p><strong>Trigger:</strong> <em>none given</em></p>");
    }
    out.push_str("<ol class=\"workflow-steps\">");
    for (i, step) in doc.steps.iter().enumerate() {
        let title = if step.title.trim().is_empty() {
            "(no title)".to_string()
        } else {
            step.title.trim().to_string()
        };
        out.push_str(&format!("<li><strong>{}</strong>", escape(&title)));
        match role_of(step) {
            Some(role) => out.push_str(&format!(
                " <span class=\"workflow-role\">by {}</span>",
                escape(doc.role_name(role))
            )),
            None => out.push_str(" <span class=\"workflow-role\">by nobody named</span>"),
        }
        if !step.inputs.is_empty() {
            out.push_str(&format!("<br>takes {}", list(&step.inputs)));
        }
        if !step.outputs.is_empty() {
            out.push_str(&format!(
                "{}makes {}",
                if step.inputs.is_empty() { "<br>" } else { "; " },
                list(&step.outputs)
            ));
        }
        match &step.next {
            Some(next) if next.is_empty() => out.push_str("<br>then the work ends"),
            Some(next) => {
                let to: Vec<String> = next
                    .iter()
                    .map(|n| match n.when.as_deref().filter(|w| !w.trim().is_empty()) {
                        Some(when) => format!("if {}, “{}”", escape(when.trim()), escape(&step_title(&n.to))),
                        None => format!("“{}”", escape(&step_title(&n.to))),
                    })
                    .collect();
                out.push_str(&format!("<br>then {}", to.join("; ")));
            }
            None if i + 1 == doc.steps.len() => out.push_str("<br>then the work ends"),
            None => {}
        }
        out.push_str("</li>");
    }
    out.push_str("</ol>");
    match doc.outcome.as_ref().filter(|o| !o.description.trim().is_empty()) {
        Some(o) => {
            out.push_str(&format!(
                "<p><strong>Outcome:</strong> {}",
                escape(o.description.trim())
            ));
            if !o.measure.trim().is_empty() {
                out.push_str(&format!(" (measured by: {})", escape(o.measure.trim())));
            }
            out.push_str("</p>");
        }
        None => out.push_str("<p><strong>Outcome:</strong> <em>none given</em></p>"),
    }
    let verdicts: Vec<String> = report
        .components
        .iter()
        .map(|(c, r)| {
            format!(
                "<li data-component=\"{}\" data-status=\"{}\">{}: <strong>{}</strong></li>",
                c.key(),
                r.status.key(),
                escape(c.title()),
                r.status.label()
            )
        })
        .collect();
    out.push_str(&format!(
        "<div class=\"workflow-verdict\"><p>What Flowguide’s feedback says:</p><ul>{}</ul><p>{}</p></div></figure>\n",
        verdicts.concat(),
        escape(&report.overall.message)
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXPENSE: &str = flowguide_engine::workflow::examples::EXAMPLES[0].json;

    #[test]
    fn renders_a_card_with_the_real_verdicts() {
        let (html, shown) = render("workflow expect=\"steps=good class=workflow\"", EXPENSE).unwrap();
        assert!(html.contains("<figcaption>Expense reimbursement</figcaption>"));
        assert!(html.contains("by Line manager"));
        assert!(
            html.contains("then if approved, “Pay the approved amount”; if rejected, “Fix and resubmit the claim”"),
            "{html}"
        );
        assert!(html.contains("data-component=\"handoffs\" data-status=\"good\""));
        assert!(shown.checks.iter().all(|(_, e, a)| e == a), "{:?}", shown.checks);
    }

    #[test]
    fn disagreements_are_recorded_and_bad_blocks_explained() {
        let (_, shown) = render("workflow expect=\"steps=missing\"", EXPENSE).unwrap();
        assert_eq!(shown.checks, vec![("steps".into(), "missing".into(), "good".into())]);
        assert!(render("workflow expect=\"colour=blue\"", EXPENSE)
            .unwrap_err()
            .contains("`colour`"));
        assert!(render("workflow", "{ nope").unwrap_err().contains("does not read"));
        assert!(render("workflow expect=\"steps", EXPENSE)
            .unwrap_err()
            .contains("not closed"));
    }

    #[test]
    fn markup_in_a_workflow_is_escaped() {
        let json = r#"{"format":"flowguide/workflow","version":1,"name":"<b>x</b>","steps":[{"id":"a","title":"<script>alert(1)</script>"}]}"#;
        let (html, _) = render("workflow", json).unwrap();
        assert!(!html.contains("<script>") && !html.contains("<b>x"), "{html}");
    }
}
