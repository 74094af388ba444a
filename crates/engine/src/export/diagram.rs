//! The workflow diagram: one swimlane per role, steps as boxes in the order work flows, arrows for
//! `next` with branch conditions as labels, each handoff labelled with what passes, the trigger at
//! the start and the outcome at the end. Laid out here and drawn as an SVG string, so the sandbox,
//! embeds and downloads share one drawing, and its geometry is tested natively.
//!
//! Also the diagram's text alternative, one sentence per step, for screen readers.

use crate::feedback::{Report, Severity, Target};
use crate::workflow::graph::{role_of, Graph};
use crate::workflow::{artifact, WorkflowDoc};
use flowguide_text::xml::escape;

/// The width of the lane names' column, and the height of a lane, in SVG units (pixels at 1:1).
pub const LANE_LABEL: f64 = 150.0;
pub const LANE_HEIGHT: f64 = 120.0;
const COLUMN: f64 = 230.0;
const BOX_W: f64 = 170.0;
const BOX_H: f64 = 64.0;
const END_R: f64 = 18.0;
/// Characters per line of a box's title; titles wrap to two lines, then shorten with "…".
const LINE_CHARS: usize = 24;

/// Where each thing sits.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// Lane titles, top to bottom. The last may be "No role" for steps without one.
    pub lanes: Vec<String>,
    /// Each step's lane and column.
    pub cells: Vec<(usize, usize)>,
    pub columns: usize,
    /// The lane of the trigger and of the outcome.
    pub trigger_lane: usize,
    pub outcome_lane: usize,
    pub width: f64,
    pub height: f64,
}

impl Layout {
    /// The top-left corner of step `i`'s box.
    pub fn box_at(&self, i: usize) -> (f64, f64) {
        let (lane, col) = self.cells[i];
        (
            LANE_LABEL + 90.0 + col as f64 * COLUMN,
            lane as f64 * LANE_HEIGHT + (LANE_HEIGHT - BOX_H) / 2.0,
        )
    }

    fn trigger_at(&self) -> (f64, f64) {
        (
            LANE_LABEL + 40.0,
            self.trigger_lane as f64 * LANE_HEIGHT + LANE_HEIGHT / 2.0,
        )
    }

    fn outcome_at(&self) -> (f64, f64) {
        (
            LANE_LABEL + 90.0 + self.columns as f64 * COLUMN + 40.0,
            self.outcome_lane as f64 * LANE_HEIGHT + LANE_HEIGHT / 2.0,
        )
    }
}

/// The lane names and each step's lane.
fn lanes(doc: &WorkflowDoc) -> (Vec<String>, Vec<usize>) {
    let mut ids: Vec<&str> = Vec::new();
    for r in &doc.roles {
        let id = r.id.trim();
        if !id.is_empty() && !ids.contains(&id) && doc.steps.iter().any(|s| role_of(s) == Some(id)) {
            ids.push(id);
        }
    }
    for s in &doc.steps {
        if let Some(r) = role_of(s) {
            if !ids.contains(&r) {
                ids.push(r);
            }
        }
    }
    let no_role = ids.len();
    let of_step = doc
        .steps
        .iter()
        .map(|s| {
            role_of(s)
                .and_then(|r| ids.iter().position(|&x| x == r))
                .unwrap_or(no_role)
        })
        .collect();
    let mut names: Vec<String> = ids.iter().map(|id| doc.role_name(id).to_string()).collect();
    if doc.steps.iter().any(|s| role_of(s).is_none()) || names.is_empty() {
        names.push("No role".to_string());
    }
    (names, of_step)
}

/// Lays the workflow out: a step's column is one after the latest step that leads to it from
/// earlier in the list (links back are loops and do not push it right), and no two steps share a
/// cell in one lane.
pub fn layout(g: &Graph) -> Layout {
    let doc = g.doc;
    let (lanes, lane_of) = lanes(doc);
    let n = doc.steps.len();
    let mut layer = vec![0usize; n];
    for i in 0..n {
        let from_earlier = g.pred[i].iter().filter(|&&p| p < i).map(|&p| layer[p] + 1).max();
        layer[i] = from_earlier.unwrap_or(if i == 0 { 0 } else { layer[i - 1] + 1 });
    }
    let mut taken: Vec<Vec<bool>> = vec![Vec::new(); lanes.len()];
    let mut cells = Vec::with_capacity(n);
    for i in 0..n {
        let lane = lane_of[i];
        let mut col = layer[i];
        while taken[lane].get(col).copied().unwrap_or(false) {
            col += 1;
        }
        if taken[lane].len() <= col {
            taken[lane].resize(col + 1, false);
        }
        taken[lane][col] = true;
        layer[i] = col;
        cells.push((lane, col));
    }
    let columns = cells.iter().map(|&(_, c)| c + 1).max().unwrap_or(0);
    let trigger_lane = cells.first().map_or(0, |&(l, _)| l);
    let outcome_lane = (0..n)
        .rev()
        .find(|&i| g.is_end[i])
        .or(n.checked_sub(1))
        .map_or(0, |i| cells[i].0);
    Layout {
        width: LANE_LABEL + 90.0 + columns as f64 * COLUMN + 100.0,
        height: lanes.len() as f64 * LANE_HEIGHT,
        lanes,
        cells,
        columns,
        trigger_lane,
        outcome_lane,
    }
}

/// Splits a title into at most two lines of about [`LINE_CHARS`] characters.
fn wrap(title: &str) -> Vec<String> {
    let mut lines: Vec<String> = vec![String::new()];
    for word in title.split_whitespace() {
        let line = lines.last_mut().expect("one line at least");
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > LINE_CHARS {
            if lines.len() == 2 {
                let last = lines.last_mut().expect("two lines");
                last.push('…');
                return lines;
            }
            lines.push(word.to_string());
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    for line in &mut lines {
        if line.chars().count() > LINE_CHARS + 2 {
            *line = line.chars().take(LINE_CHARS).collect::<String>() + "…";
        }
    }
    lines
}

/// The drawing's own styles, so a downloaded SVG looks right on its own. Only standalone files
/// ([`draw`], [`svg`]) carry them: a page styles the parts of [`drawing`] from its own stylesheet,
/// because a strict Content Security Policy refuses `<style>` elements in a page.
const STYLE: &str = "<style>.workflow-diagram{font:13px system-ui,sans-serif}.diagram-lane rect{fill:#f6f8fa;stroke:#d3d9e0}.diagram-lane-alt rect{fill:#fff}.diagram-lane-name{font-weight:700;fill:#1b1f24}.diagram-step rect{fill:#fff;stroke:#1f5f8b;stroke-width:2}.diagram-step text{fill:#1b1f24}.diagram-step.has-problems rect{stroke:#b42318;stroke-dasharray:6 3}.diagram-marker circle{fill:#b42318}.diagram-marker text{fill:#fff;font-weight:700;font-size:11px}.diagram-link{fill:none;stroke:#4a5563;stroke-width:1.5}.diagram-handoff{stroke:#1f5f8b;stroke-width:2.5}.diagram-arrowhead{fill:#4a5563}.diagram-condition{fill:#1b1f24;font-style:italic}.diagram-carries{fill:#1f5f8b;font-size:12px}.diagram-condition,.diagram-carries{paint-order:stroke;stroke:#fff;stroke-width:4px;stroke-linejoin:round}.diagram-start circle{fill:#fff;stroke:#1b1f24;stroke-width:2}.diagram-end circle{fill:#fff;stroke:#1b1f24;stroke-width:5}</style>";

/// How many problems (errors and warnings) concern each step, for the markers on the boxes.
pub type Markers = [usize];

/// The markers for a report: each error or warning about a step, or a link from it, counts on
/// that step's box. Tips are not problems, so they leave no marker.
pub fn markers(doc: &WorkflowDoc, report: &Report) -> Vec<usize> {
    let mut counts = vec![0; doc.steps.len()];
    for (_, r) in report.components.iter() {
        for f in r.findings.iter().filter(|f| f.severity != Severity::Tip) {
            let id = match &f.target {
                Target::Step { id } | Target::Edge { from: id, .. } => id,
                _ => continue,
            };
            if let Some(i) = doc.steps.iter().position(|s| s.id == *id) {
                counts[i] += 1;
            }
        }
    }
    counts
}

/// A coordinate rounded to a whole pixel, as the drawing writes it.
pub fn px(x: f64) -> i64 {
    x.round() as i64
}

fn f(x: f64) -> String {
    px(x).to_string()
}

/// The id prefix of a standalone SVG file (one drawing per file).
pub const FILE_IDS: &str = "flowguide-diagram";

/// Draws the diagram as a standalone SVG file. `markers[i]` is the number of problems on step `i`
/// (or empty for none).
pub fn svg(doc: &WorkflowDoc, markers: &Markers) -> String {
    draw(&Graph::new(doc), markers, FILE_IDS)
}

/// The diagram in pieces: its size, its title, and its top-level parts in painting order (styles,
/// lanes, each link with its labels, start, end, each step). The sandbox keeps one SVG element per
/// part and replaces only the parts an edit changed; [`draw`] joins them into one SVG.
#[derive(Clone, Debug, PartialEq)]
pub struct Drawing {
    /// The size in SVG units (pixels at 1:1).
    pub width: f64,
    pub height: f64,
    /// The accessible title, as plain text.
    pub title: String,
    /// The lanes' names, top to bottom, as plain text (a page can keep them in view while the
    /// drawing scrolls sideways).
    pub lanes: Vec<String>,
    /// Markup, each already escaped.
    pub parts: Vec<String>,
}

/// Draws the diagram as one standalone SVG (with its own styles) from an analysis the caller
/// already has. Every id in it starts with `ids`, so several drawings can share a page.
pub fn draw(g: &Graph, markers: &Markers, ids: &str) -> String {
    let d = drawing(g, markers, ids);
    let ids = escape(ids);
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"workflow-diagram\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" role=\"img\" aria-labelledby=\"{ids}-title\"><title id=\"{ids}-title\">{}</title>{STYLE}",
        f(d.width),
        f(d.height),
        f(d.width),
        f(d.height),
        escape(&d.title)
    );
    for part in &d.parts {
        out.push_str(part);
    }
    out.push_str("</svg>");
    out
}

/// The start or end circle at `(x, y)`, with its full text as a title and a short label above.
fn terminal(class: &str, (x, y): (f64, f64), title: &str, label: &str) -> String {
    format!(
        "<g class=\"{class}\"><circle cx=\"{}\" cy=\"{}\" r=\"{END_R}\"/><title>{}</title><text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{label}</text></g>",
        f(x),
        f(y),
        escape(title),
        f(x),
        f(y - END_R - 6.0)
    )
}

/// Lays out and draws the diagram's parts. Every id they define or refer to (the arrowhead)
/// starts with `ids`, which the caller makes unique on its page.
pub fn drawing(g: &Graph, markers: &Markers, ids: &str) -> Drawing {
    let doc = g.doc;
    let l = layout(g);
    let title = format!(
        "Diagram of {}",
        if doc.name.trim().is_empty() {
            "the workflow"
        } else {
            doc.name.trim()
        }
    );
    let mut parts = Vec::with_capacity(doc.steps.len() * 2 + l.lanes.len() + 4);
    let ids = escape(ids);
    let arrow = format!("url(#{ids}-arrow)");
    let mut out = String::new();
    out.push_str(&format!("<defs><marker id=\"{ids}-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"10\" markerHeight=\"10\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" class=\"diagram-arrowhead\"/></marker></defs>"));
    parts.push(std::mem::take(&mut out));
    for (k, name) in l.lanes.iter().enumerate() {
        let y = k as f64 * LANE_HEIGHT;
        parts.push(format!(
            "<g class=\"diagram-lane{}\"><rect x=\"0\" y=\"{}\" width=\"{}\" height=\"{}\"/><text x=\"12\" y=\"{}\" class=\"diagram-lane-name\">{}</text></g>",
            if k % 2 == 1 { " diagram-lane-alt" } else { "" },
            f(y),
            f(l.width),
            f(LANE_HEIGHT),
            f(y + LANE_HEIGHT / 2.0 + 5.0),
            escape(name)
        ));
    }
    // Arrows first, so boxes sit on top of them.
    let (tx, ty) = l.trigger_at();
    if !doc.steps.is_empty() {
        let (bx, by) = l.box_at(0);
        parts.push(format!(
            "<path class=\"diagram-link\" d=\"M{} {} L{} {}\" marker-end=\"{arrow}\"/>",
            f(tx + END_R),
            f(ty),
            f(bx),
            f(by + BOX_H / 2.0)
        ));
    }
    for h in g.succ.iter().flatten() {
        let (ax, ay) = l.box_at(h.from);
        let (bx, by) = l.box_at(h.to);
        let forward = bx > ax;
        let d = if forward {
            let (x1, y1, x2, y2) = (ax + BOX_W, ay + BOX_H / 2.0, bx, by + BOX_H / 2.0);
            format!(
                "M{} {} C{} {} {} {} {} {}",
                f(x1),
                f(y1),
                f((x1 + x2) / 2.0),
                f(y1),
                f((x1 + x2) / 2.0),
                f(y2),
                f(x2),
                f(y2)
            )
        } else {
            // Back to an earlier column (a loop): go under the boxes and come back up.
            let below = ay.max(by) + BOX_H + 14.0;
            format!(
                "M{} {} L{} {} L{} {} L{} {}",
                f(ax + BOX_W / 2.0),
                f(ay + BOX_H),
                f(ax + BOX_W / 2.0),
                f(below),
                f(bx + BOX_W / 2.0),
                f(below),
                f(bx + BOX_W / 2.0),
                f(by + BOX_H)
            )
        };
        let handoff = g.handoffs.iter().find(|x| x.from == h.from && x.to == h.to);
        let class = if handoff.is_some() {
            "diagram-link diagram-handoff"
        } else {
            "diagram-link"
        };
        let mut out = format!("<path class=\"{class}\" d=\"{d}\" marker-end=\"{arrow}\"/>");
        // Forward links are labelled halfway; loops beside the line that leaves the step, where
        // no forward label can be.
        let (mx, my, anchor) = if forward {
            ((ax + BOX_W + bx) / 2.0, (ay + by) / 2.0 + BOX_H / 2.0 - 8.0, "middle")
        } else {
            (ax + BOX_W / 2.0 + 6.0, ay + BOX_H + 13.0, "start")
        };
        let mut labels: Vec<(String, &str)> = Vec::new();
        if let Some(when) = h.when {
            labels.push((when.trim().to_string(), "diagram-condition"));
        }
        if let Some(x) = handoff {
            let carried: Vec<String> = x.carries.iter().map(|c| artifact::display(c)).collect();
            let what = if carried.is_empty() {
                "hands over nothing".to_string()
            } else {
                format!("hands over {}", carried.join(", "))
            };
            labels.push((what, "diagram-carries"));
        }
        for (k, (text, class)) in labels.iter().enumerate() {
            out.push_str(&format!(
                "<text x=\"{}\" y=\"{}\" class=\"{class}\" text-anchor=\"{anchor}\">{}</text>",
                f(mx),
                f(my + k as f64 * 14.0),
                escape(text)
            ));
        }
        parts.push(out);
    }
    for i in (0..doc.steps.len()).filter(|&i| g.is_end[i]) {
        let (bx, by) = l.box_at(i);
        let (ox, oy) = l.outcome_at();
        parts.push(format!(
            "<path class=\"diagram-link\" d=\"M{} {} L{} {}\" marker-end=\"{arrow}\"/>",
            f(bx + BOX_W),
            f(by + BOX_H / 2.0),
            f(ox - END_R),
            f(oy)
        ));
    }
    let trigger = doc
        .trigger
        .as_ref()
        .map(|t| t.description.trim())
        .filter(|d| !d.is_empty())
        .unwrap_or("No trigger yet");
    parts.push(terminal(
        "diagram-start",
        (tx, ty),
        &format!("Trigger: {trigger}"),
        "Start",
    ));
    let (ox, oy) = l.outcome_at();
    let outcome = doc
        .outcome
        .as_ref()
        .map(|o| o.description.trim())
        .filter(|d| !d.is_empty())
        .unwrap_or("No outcome yet");
    parts.push(terminal("diagram-end", (ox, oy), &format!("Outcome: {outcome}"), "End"));
    for (i, step) in doc.steps.iter().enumerate() {
        let (x, y) = l.box_at(i);
        let title = if step.title.trim().is_empty() {
            "(no title)"
        } else {
            step.title.trim()
        };
        let problems = markers.get(i).copied().unwrap_or(0);
        let mut out = format!(
            "<g class=\"diagram-step{}\" data-step=\"{}\" data-index=\"{i}\"><title>{}</title><rect x=\"{}\" y=\"{}\" width=\"{BOX_W}\" height=\"{BOX_H}\" rx=\"8\"/>",
            if problems > 0 { " has-problems" } else { "" },
            escape(&step.id),
            escape(&format!("Step {}: {title}", i + 1)),
            f(x),
            f(y)
        );
        let lines = wrap(title);
        let first_y = y + BOX_H / 2.0 - (lines.len() as f64 - 1.0) * 8.0 + 5.0;
        for (k, line) in lines.iter().enumerate() {
            out.push_str(&format!(
                "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
                f(x + BOX_W / 2.0),
                f(first_y + k as f64 * 16.0),
                escape(line)
            ));
        }
        if problems > 0 {
            // A marker with a count and a "!" shape, so it never relies on colour alone.
            out.push_str(&format!(
                "<g class=\"diagram-marker\"><circle cx=\"{}\" cy=\"{}\" r=\"11\"/><text x=\"{}\" y=\"{}\" text-anchor=\"middle\">!{problems}</text></g>",
                f(x + BOX_W - 4.0),
                f(y + 4.0),
                f(x + BOX_W - 4.0),
                f(y + 8.0)
            ));
        }
        out.push_str("</g>");
        parts.push(out);
    }
    Drawing {
        width: l.width,
        height: l.height,
        title,
        lanes: l.lanes.clone(),
        parts,
    }
}

/// The diagram in words: one sentence per step, in list order.
pub fn describe(doc: &WorkflowDoc) -> Vec<String> {
    describe_graph(&Graph::new(doc))
}

/// The text alternative from an analysis the caller already has.
pub fn describe_graph(g: &Graph) -> Vec<String> {
    let doc = g.doc;
    let title = |i: usize| {
        let t = doc.steps[i].title.trim();
        if t.is_empty() {
            "untitled".to_string()
        } else {
            t.to_string()
        }
    };
    (0..doc.steps.len())
        .map(|i| {
            let mut s = format!("Step {}, {}", i + 1, title(i));
            match role_of(&doc.steps[i]) {
                Some(r) => s.push_str(&format!(", by {}", doc.role_name(r))),
                None => s.push_str(", by no one yet"),
            }
            let mut parts = Vec::new();
            for e in &g.succ[i] {
                if let Some(h) = g.handoffs.iter().find(|h| h.from == i && h.to == e.to) {
                    let what = if h.carries.is_empty() {
                        "nothing".to_string()
                    } else {
                        h.carries
                            .iter()
                            .map(|c| artifact::display(c))
                            .collect::<Vec<_>>()
                            .join(" and ")
                    };
                    let cond = e.when.map(|w| format!("if {}, ", w.trim())).unwrap_or_default();
                    parts.push(format!(
                        "{cond}hands off {what} to {} for step {}",
                        doc.role_name(h.to_role),
                        e.to + 1
                    ));
                } else if let Some(w) = e.when {
                    parts.push(format!("if {}, goes on to step {}", w.trim(), e.to + 1));
                }
            }
            if g.is_end[i] {
                parts.push("ends the workflow".to_string());
            }
            if !parts.is_empty() {
                s.push_str("; ");
                s.push_str(&parts.join("; "));
            }
            s.push('.');
            s
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workflow::{generate, parse};

    fn expense() -> WorkflowDoc {
        parse(include_str!("../../tests/data/expense.json")).unwrap()
    }

    #[test]
    fn lanes_follow_roles_and_branches_share_a_column() {
        let l = layout(&Graph::new(&expense()));
        assert_eq!(l.lanes, vec!["Employee", "Line manager", "Finance team"]);
        assert_eq!(
            l.cells,
            vec![(1, 0), (0, 1), (2, 1)],
            "fix and pay are the two branches after review"
        );
        assert_eq!(l.trigger_lane, 1);
        assert_eq!(l.outcome_lane, 2);
    }

    #[test]
    fn boxes_never_overlap_from_3_to_30_steps() {
        for n in [3, 10, 30] {
            let doc = generate::workflow(n);
            let l = layout(&Graph::new(&doc));
            let mut seen = std::collections::HashSet::new();
            for &cell in &l.cells {
                assert!(seen.insert(cell), "{n} steps: two steps in {cell:?}");
            }
            assert!(l.width < 400.0 + 230.0 * n as f64);
        }
    }

    #[test]
    fn the_svg_labels_handoffs_and_conditions_and_escapes_text() {
        let svg = svg(&expense(), &[0, 2, 0]);
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.contains(">approved</text>") && svg.contains(">rejected</text>"));
        assert!(svg.contains(">hands over approval decision</text>"));
        assert!(svg.contains("data-step=\"fix\" data-index=\"1\""));
        assert!(svg.contains("class=\"diagram-step has-problems\" data-step=\"fix\""));
        assert!(svg.contains(">!2</text>"));
        assert_eq!(svg.matches("<g").count(), svg.matches("</g>").count());
        let evil = parse(r#"{"format":"flowguide/workflow","version":1,"name":"<x>","steps":[{"id":"\"><script>","title":"<img src=x onerror=alert(1)>"}]}"#).unwrap();
        let svg = super::svg(&evil, &[]);
        assert!(!svg.contains("<script>") && !svg.contains("<img"), "{svg}");
    }

    #[test]
    fn the_text_alternative_says_who_hands_what_to_whom() {
        let lines = describe(&expense());
        assert_eq!(
            lines[0],
            "Step 1, Review the claim against the expense policy, by Line manager; if approved, hands off approval decision to Finance team for step 3; if rejected, hands off approval decision to Employee for step 2."
        );
        assert_eq!(
            lines[2],
            "Step 3, Pay the approved amount, by Finance team; ends the workflow."
        );
    }

    #[test]
    fn long_titles_wrap_to_two_lines() {
        assert_eq!(
            wrap("Review the claim against the expense policy"),
            vec!["Review the claim against", "the expense policy"]
        );
        let long = wrap("Check every single line of the very long document before sending it on");
        assert_eq!(long.len(), 2);
        assert!(long[1].ends_with('…'));
    }

    #[test]
    fn empty_documents_draw_start_and_end() {
        let svg = svg(&parse(r#"{"format":"flowguide/workflow","version":1}"#).unwrap(), &[]);
        assert!(svg.contains("Trigger: No trigger yet") && svg.contains("Outcome: No outcome yet"));
    }

    #[test]
    fn markers_count_problems_per_step() {
        use crate::feedback::{analyse, Config};
        let mut doc = crate::workflow::parse(include_str!("../../tests/data/expense.json")).unwrap();
        assert_eq!(markers(&doc, &analyse(&doc, &Config::default())), [0, 0, 0]);
        doc.steps[1].role = None;
        doc.steps[2].next = Some(vec![crate::workflow::NextDoc {
            to: "nowhere".into(),
            ..Default::default()
        }]);
        let m = markers(&doc, &analyse(&doc, &Config::default()));
        assert!(m[1] >= 1 && m[2] >= 1 && m[0] == 0, "{m:?}");
    }

    /// Typing in a step's title changes only that step's part of the drawing, which is what lets
    /// the sandbox redraw one box per keystroke instead of the whole diagram.
    #[test]
    fn a_title_edit_changes_one_part() {
        let mut doc = crate::workflow::parse(include_str!("../../tests/data/expense.json")).unwrap();
        let before = drawing(&Graph::new(&doc), &[], "d");
        doc.steps[1].title.push_str(" today");
        let after = drawing(&Graph::new(&doc), &[], "d");
        assert_eq!(before.parts.len(), after.parts.len());
        let changed: Vec<usize> = (0..before.parts.len())
            .filter(|&i| before.parts[i] != after.parts[i])
            .collect();
        assert_eq!(changed.len(), 1, "{changed:?}");
        assert!(after.parts[changed[0]].contains("data-index=\"1\""));
        let whole = draw(&Graph::new(&doc), &[], "d");
        assert!(whole.ends_with(&format!("{}</svg>", after.parts.concat())));
    }

    /// Two drawings on one page must not share an id, or one draws the other's arrowheads.
    #[test]
    fn every_id_comes_from_the_caller() {
        let g_doc = expense();
        let g = Graph::new(&g_doc);
        let ids_of = |markup: &str| -> Vec<String> {
            markup
                .split(" id=\"")
                .skip(1)
                .map(|rest| rest.split('"').next().unwrap().to_string())
                .collect()
        };
        let a = drawing(&g, &[], "sandbox-1-diagram").parts.concat();
        let b = drawing(&g, &[], "sandbox-2-diagram").parts.concat();
        assert!(!ids_of(&a).is_empty());
        for id in ids_of(&a) {
            assert!(id.starts_with("sandbox-1-diagram-"), "{id}");
        }
        for id in ids_of(&b) {
            assert!(id.starts_with("sandbox-2-diagram-"), "{id}");
        }
        for reference in a.split("url(#").skip(1) {
            assert!(reference.starts_with("sandbox-1-diagram-"), "{reference}");
        }
        assert!(
            !a.contains("<style"),
            "in-page parts are styled by the page's stylesheet"
        );
        let whole = draw(&g, &[], "x");
        assert!(whole.contains("<style>") && whole.contains("aria-labelledby=\"x-title\""));
    }
}
