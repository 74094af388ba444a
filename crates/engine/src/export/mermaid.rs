//! A Mermaid flowchart of a workflow: the trigger, one subgraph (swimlane) per role with its steps,
//! the `next` links with branch conditions as labels, and the outcome after every end step.
//!
//! Node ids are generated (`s0`, `s1`…), never taken from the document, and every label is quoted
//! with Mermaid's entity codes for the characters that would end it, so no text in a workflow can
//! change the chart's structure.

use crate::workflow::graph::{role_of, Graph};
use crate::workflow::WorkflowDoc;

/// Quotes a label: `"…"`, with quotes, `#`, `<`, `>`, brackets and line breaks written as entity
/// codes (`#quot;`, `#35;`…), which Mermaid shows as the characters themselves.
fn label(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.split_whitespace().collect::<Vec<_>>().join(" ").chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '#' => out.push_str("#35;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '&' => out.push_str("#amp;"),
            '[' | ']' | '{' | '}' | '(' | ')' | '|' | '`' | ';' => out.push_str(&format!("#{};", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The Mermaid source of a left-to-right flowchart.
pub fn flowchart(doc: &WorkflowDoc) -> String {
    let g = Graph::new(doc);
    let mut out = String::from("flowchart LR\n");
    let trigger = doc
        .trigger
        .as_ref()
        .map(|t| t.description.trim())
        .filter(|d| !d.is_empty());
    out.push_str(&format!(
        "  trigger([{}])\n",
        label(&format!("Trigger: {}", trigger.unwrap_or("not given")))
    ));
    let step_label = |i: usize| {
        let t = doc.steps[i].title.trim();
        label(if t.is_empty() { "(no title)" } else { t })
    };
    // One subgraph per role, in the order roles are listed (then roles only steps mention).
    let mut lanes: Vec<&str> = doc
        .roles
        .iter()
        .map(|r| r.id.trim())
        .filter(|id| !id.is_empty())
        .collect();
    for s in &doc.steps {
        if let Some(r) = role_of(s) {
            if !lanes.contains(&r) {
                lanes.push(r);
            }
        }
    }
    for (k, lane) in lanes.iter().enumerate() {
        let steps: Vec<usize> = (0..doc.steps.len())
            .filter(|&i| role_of(&doc.steps[i]) == Some(*lane))
            .collect();
        if steps.is_empty() {
            continue;
        }
        let name = g.role_name(lane);
        out.push_str(&format!("  subgraph lane{k}[{}]\n", label(name)));
        for i in steps {
            out.push_str(&format!("    s{i}[{}]\n", step_label(i)));
        }
        out.push_str("  end\n");
    }
    for i in (0..doc.steps.len()).filter(|&i| role_of(&doc.steps[i]).is_none()) {
        out.push_str(&format!("  s{i}[{}]\n", step_label(i)));
    }
    let outcome = doc
        .outcome
        .as_ref()
        .map(|o| o.description.trim())
        .filter(|d| !d.is_empty());
    out.push_str(&format!(
        "  outcome([{}])\n",
        label(&format!("Outcome: {}", outcome.unwrap_or("not given")))
    ));
    if !doc.steps.is_empty() {
        out.push_str("  trigger --> s0\n");
    }
    for edges in g.succ.iter() {
        for e in edges {
            match e.when {
                Some(when) => out.push_str(&format!("  s{} -->|{}| s{}\n", e.from, label(when), e.to)),
                None => out.push_str(&format!("  s{} --> s{}\n", e.from, e.to)),
            }
        }
    }
    for i in (0..doc.steps.len()).filter(|&i| g.is_end[i]) {
        out.push_str(&format!("  s{i} --> outcome\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workflow::parse;

    #[test]
    fn draws_lanes_branches_and_ends() {
        let doc = parse(include_str!("../../tests/data/expense.json")).unwrap();
        let chart = flowchart(&doc);
        assert!(
            chart.starts_with(
                "flowchart LR\n  trigger([\"Trigger: An employee submits an expense claim with receipts\"])\n"
            ),
            "{chart}"
        );
        assert!(
            chart.contains(
                "  subgraph lane1[\"Line manager\"]\n    s0[\"Review the claim against the expense policy\"]\n  end\n"
            ),
            "{chart}"
        );
        assert!(chart.contains("  s0 -->|\"approved\"| s2\n"));
        assert!(chart.contains("  s0 -->|\"rejected\"| s1\n"));
        assert!(chart.contains("  s1 --> s0\n"));
        assert!(chart.contains("  s2 --> outcome\n"));
        assert!(chart.contains("  trigger --> s0\n"));
    }

    #[test]
    fn no_text_can_break_out_of_a_label() {
        let doc = parse(r#"{"format":"flowguide/workflow","version":1,"name":"x","roles":[{"id":"r","name":"a\"] --> evil[\"x"}],
            "steps":[{"id":"a","title":"end\nclick s0 call alert(1)","role":"r","next":[{"to":"b","when":"|x| s0"}]},{"id":"b","title":"<script>"}]}"#)
        .unwrap();
        let chart = flowchart(&doc);
        for line in chart.lines() {
            // Every quote inside a label is an entity, so each line has an even number of quotes.
            assert_eq!(line.matches('"').count() % 2, 0, "{line}");
        }
        assert!(!chart.contains("\nclick"), "{chart}");
        assert!(chart.contains("#lt;script#gt;"));
        assert!(!chart.contains("--> evil"));
    }

    #[test]
    fn half_built_documents_still_draw() {
        let chart = flowchart(&parse(r#"{"format":"flowguide/workflow","version":1}"#).unwrap());
        assert!(chart.contains("Trigger: not given") && chart.contains("Outcome: not given"));
    }
}
