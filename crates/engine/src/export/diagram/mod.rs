//! The workflow diagram: one swimlane per role, steps as boxes in the order work flows, arrows for
//! `next` with branch conditions, each handoff labelled with what passes and by which channel, the
//! trigger at the start and the outcome at the end. Laid out in [`layout`] and drawn here as an SVG
//! string, so the sandbox, embeds and downloads share one drawing, and its geometry is tested
//! natively.
//!
//! Also the diagram's text alternative, one sentence per step, for screen readers.

mod layout;
#[cfg(test)]
mod tests;

use std::fmt::Write;

use crate::feedback::{Component, Report, Severity, Target};
use crate::workflow::graph::{role_of, Graph};
use crate::workflow::{artifact, WorkflowDoc};
use flowguide_text::xml::escape;
pub use layout::{layout, Layout};
use layout::{END_R, LINE};

/// The default width of the lane names' column, in SVG units (pixels at 1:1).
pub const LANE_LABEL: f64 = 150.0;

/// How a drawing is made.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// The width of the lane names' column (a phone gives a narrower one).
    pub lane_label: f64,
    /// The step whose box is marked `selected`.
    pub selected: Option<usize>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            lane_label: LANE_LABEL,
            selected: None,
        }
    }
}

/// A rectangle in SVG units: its top-left corner and its size.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// One lane of the drawing: its name, as plain text, and its vertical extent.
#[derive(Clone, Debug, PartialEq)]
pub struct Band {
    pub name: String,
    pub top: f64,
    pub height: f64,
}

/// The drawing's own styles, so a downloaded SVG looks right on its own. Only standalone files
/// ([`draw`], [`svg`]) carry them: a page styles the parts of [`drawing`] from its own stylesheet,
/// because a strict Content Security Policy refuses `<style>` elements in a page.
const STYLE: &str = "<style>.workflow-diagram{font:13px system-ui,sans-serif}.diagram-lane rect{fill:#f6f8fa;stroke:#d3d9e0}.diagram-lane-alt rect{fill:#fff}.diagram-lane-name{font-weight:700;fill:#1b1f24}.diagram-step rect{fill:#fff;stroke:#1f5f8b;stroke-width:2}.diagram-step text{fill:#1b1f24}.diagram-step.has-problems rect{stroke:#b42318;stroke-dasharray:6 3}.diagram-marker circle{fill:#b42318}.diagram-marker text{fill:#fff;font-weight:700;font-size:11px}.diagram-link{fill:none;stroke:#4a5563;stroke-width:1.5}.diagram-handoff{stroke:#1f5f8b;stroke-width:2.5}.diagram-arrowhead{fill:#4a5563}.diagram-condition{fill:#1b1f24;font-style:italic}.diagram-carries{fill:#1f5f8b;font-size:12px}.diagram-via{fill:#4a5563;font-size:12px}.diagram-condition,.diagram-carries,.diagram-via{paint-order:stroke;stroke:#fff;stroke-width:4px;stroke-linejoin:round}.diagram-start circle{fill:#fff;stroke:#1b1f24;stroke-width:2}.diagram-end circle{fill:#fff;stroke:#1b1f24;stroke-width:5}</style>";

/// How many problems (errors and warnings) concern each step, for the markers on the boxes.
pub type Markers = [usize];

/// The markers for a report: each error or warning about a step, or a link from it, counts on
/// that step's box. Tips are not problems, so they leave no marker.
pub fn markers(doc: &WorkflowDoc, report: &Report) -> Vec<usize> {
    markers_where(doc, report, |_| true)
}

/// The markers from the components `shown` keeps only (the sandbox leaves out the parts a
/// learner has not started yet, as its feedback panel does).
pub fn markers_where(doc: &WorkflowDoc, report: &Report, shown: impl Fn(Component) -> bool) -> Vec<usize> {
    let mut counts = vec![0; doc.steps.len()];
    for (_, r) in report.components.iter().filter(|(c, _)| shown(*c)) {
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

/// The id prefix of a standalone SVG file (one drawing per file).
pub const FILE_IDS: &str = "flowguide-diagram";

/// Draws the diagram as a standalone SVG file. `markers[i]` is the number of problems on step `i`
/// (or empty for none).
pub fn svg(doc: &WorkflowDoc, markers: &Markers) -> String {
    draw(&Graph::new(doc), markers, FILE_IDS)
}

/// The diagram in pieces: its size, its title, its lanes and boxes, and its top-level parts in
/// painting order (arrowhead, lanes, each link with its labels, start, end, each step). The
/// sandbox keeps one SVG element per part and replaces only the parts an edit changed; [`draw`]
/// joins them into one SVG.
#[derive(Clone, Debug, PartialEq)]
pub struct Drawing {
    /// The size in SVG units (pixels at 1:1).
    pub width: f64,
    pub height: f64,
    /// The accessible title, as plain text.
    pub title: String,
    /// The lanes, top to bottom (a page can keep their names in view while the drawing scrolls
    /// sideways).
    pub lanes: Vec<Band>,
    /// Each step's box.
    pub boxes: Vec<Rect>,
    /// Markup, each already escaped.
    pub parts: Vec<String>,
}

/// Draws the diagram as one standalone SVG (with its own styles) from an analysis the caller
/// already has. Every id in it starts with `ids`, so several drawings can share a page.
pub fn draw(g: &Graph, markers: &Markers, ids: &str) -> String {
    let d = drawing(g, markers, ids, &Options::default());
    let ids = escape(ids);
    let (w, h) = (px(d.width), px(d.height));
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"workflow-diagram\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-labelledby=\"{ids}-title\"><title id=\"{ids}-title\">{}</title>{STYLE}",
        escape(&d.title)
    );
    for part in &d.parts {
        out.push_str(part);
    }
    out.push_str("</svg>");
    out
}

/// Writes one line of text at `(x, y)` with more attributes `attrs`.
fn text(out: &mut String, (x, y): (f64, f64), attrs: &str, body: &str) {
    let _ = write!(
        out,
        "<text x=\"{}\" y=\"{}\"{attrs}>{}</text>",
        px(x),
        px(y),
        escape(body)
    );
}

/// A route's path data: its corners rounded off by up to 6.
fn path(out: &mut String, p: &[(f64, f64)]) {
    let step = |a: (f64, f64), b: (f64, f64)| {
        let len = (b.0 - a.0).abs() + (b.1 - a.1).abs();
        (len, (b.0 - a.0) / len, (b.1 - a.1) / len)
    };
    for (k, &(x, y)) in p.iter().enumerate() {
        match (k.checked_sub(1).map(|j| p[j]), p.get(k + 1)) {
            (None, _) => {
                let _ = write!(out, "M{} {}", px(x), px(y));
            }
            (Some(a), Some(&b)) => {
                let ((l1, ux, uy), (l2, vx, vy)) = (step(a, (x, y)), step((x, y), b));
                let r = 6f64.min(l1 / 2.0).min(l2 / 2.0);
                let _ = write!(
                    out,
                    " L{} {} Q{} {} {} {}",
                    px(x - ux * r),
                    px(y - uy * r),
                    px(x),
                    px(y),
                    px(x + vx * r),
                    px(y + vy * r)
                );
            }
            _ => {
                let _ = write!(out, " L{} {}", px(x), px(y));
            }
        }
    }
}

/// Lays out and draws the diagram's parts. Every id they define or refer to (the arrowhead)
/// starts with `ids`, which the caller makes unique on its page.
pub fn drawing(g: &Graph, markers: &Markers, ids: &str, opts: &Options) -> Drawing {
    let doc = g.doc;
    let geo = layout::geometry(g, opts.lane_label);
    let n = doc.steps.len();
    let title = format!(
        "Diagram of {}",
        if doc.name.trim().is_empty() {
            "the workflow"
        } else {
            doc.name.trim()
        }
    );
    let ids = escape(ids);
    let mut parts = Vec::with_capacity(n * 2 + geo.lanes.len() + 4);
    parts.push(format!("<defs><marker id=\"{ids}-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"10\" markerHeight=\"10\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" class=\"diagram-arrowhead\"/></marker></defs>"));
    for (k, (band, (lines, y))) in geo.lanes.iter().zip(&geo.lane_lines).enumerate() {
        let mut out = format!(
            "<g class=\"diagram-lane{}\"><rect x=\"0\" y=\"{}\" width=\"{}\" height=\"{}\"/>",
            if k % 2 == 1 { " diagram-lane-alt" } else { "" },
            px(band.top),
            px(geo.width),
            px(band.height)
        );
        for (j, line) in lines.iter().enumerate() {
            text(
                &mut out,
                (12.0, y + j as f64 * LINE),
                " class=\"diagram-lane-name\"",
                line,
            );
        }
        out.push_str("</g>");
        parts.push(out);
    }
    // Links first, so boxes sit on top of them.
    for r in &geo.routes {
        let mut out = format!(
            "<path class=\"diagram-link{}\" d=\"",
            if r.handoff { " diagram-handoff" } else { "" }
        );
        path(&mut out, &r.points);
        let _ = write!(out, "\" marker-end=\"url(#{ids}-arrow)\"/>");
        for lab in &r.labels {
            let (x, y) = (lab.rect.x, lab.rect.y);
            let lh = lab.rect.h / lab.lines.len() as f64;
            let class = format!(" class=\"{}\"", lab.class);
            for (j, line) in lab.lines.iter().enumerate() {
                text(&mut out, (x, y + (j + 1) as f64 * lh - 4.0), &class, line);
            }
        }
        parts.push(out);
    }
    let ends = [
        (
            "start",
            "Trigger",
            doc.trigger.as_ref().map(|t| &t.description),
            "Start",
            "No trigger yet",
        ),
        (
            "end",
            "Outcome",
            doc.outcome.as_ref().map(|o| &o.description),
            "End",
            "No outcome yet",
        ),
    ];
    for (k, (class, what, said, label, none)) in ends.into_iter().enumerate() {
        let b = geo.boxes[n + k];
        let (x, y) = (b.x + END_R, b.y + END_R);
        let said = said.map_or("", |d| d.trim());
        let mut out = format!(
            "<g class=\"diagram-{class}\"><circle cx=\"{}\" cy=\"{}\" r=\"18\"/><title>{what}: {}</title>",
            px(x),
            px(y),
            escape(if said.is_empty() { none } else { said })
        );
        // "Start" and "End" over the circle (38 and 23 wide at 7.5 a character).
        text(&mut out, (x, b.y - 9.0), " text-anchor=\"middle\"", label);
        out.push_str("</g>");
        parts.push(out);
    }
    for (i, step) in doc.steps.iter().enumerate() {
        let b = geo.boxes[i];
        let problems = markers.get(i).copied().unwrap_or(0);
        let mut out = format!(
            "<g class=\"diagram-step{}{}\" data-step=\"{}\" data-index=\"{i}\"><title>{}</title><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"8\"/>",
            if problems > 0 { " has-problems" } else { "" },
            if opts.selected == Some(i) { " selected" } else { "" },
            escape(&step.id),
            escape(&format!("Step {}: {}", i + 1, layout::title_of(doc, i))),
            px(b.x),
            px(b.y),
            px(b.w),
            px(b.h)
        );
        let lines = &geo.titles[i];
        let first = b.y + (b.h - lines.len() as f64 * LINE) / 2.0 + 12.0;
        for (k, line) in lines.iter().enumerate() {
            text(
                &mut out,
                (b.x + b.w / 2.0, first + k as f64 * LINE),
                " text-anchor=\"middle\"",
                line,
            );
        }
        if problems > 0 {
            // A marker with a count and a "!" shape, so it never relies on colour alone.
            let (x, y) = (b.x + b.w - 4.0, b.y + 4.0);
            let _ = write!(
                out,
                "<g class=\"diagram-marker\"><circle cx=\"{}\" cy=\"{}\" r=\"11\"/>",
                px(x),
                px(y)
            );
            text(
                &mut out,
                (x, y + 4.0),
                " text-anchor=\"middle\"",
                &format!("!{problems}"),
            );
            out.push_str("</g>");
        }
        out.push_str("</g>");
        parts.push(out);
    }
    let mut boxes = geo.boxes;
    boxes.truncate(n);
    Drawing {
        width: geo.width,
        height: geo.height,
        title,
        lanes: geo.lanes,
        boxes,
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
    // Handoffs come in the order of the links they are on.
    let mut handoffs = g.handoffs.iter().peekable();
    (0..doc.steps.len())
        .map(|i| {
            let t = doc.steps[i].title.trim();
            let mut s = format!("Step {}, {}", i + 1, if t.is_empty() { "untitled" } else { t });
            match role_of(&doc.steps[i]) {
                Some(r) => s.push_str(&format!(", by {}", doc.role_name(r))),
                None => s.push_str(", by no one yet"),
            }
            let mut parts = Vec::new();
            for e in &g.succ[i] {
                let cond = e.when.map(|w| format!("if {}, ", w.trim())).unwrap_or_default();
                let via = e.via.map(|v| format!(" by {}", v.trim())).unwrap_or_default();
                if let Some(h) = handoffs.next_if(|h| h.from == e.from && h.to == e.to) {
                    let what = if h.carries.is_empty() {
                        "nothing".to_string()
                    } else {
                        h.carries
                            .iter()
                            .map(|c| artifact::display(c))
                            .collect::<Vec<_>>()
                            .join(" and ")
                    };
                    parts.push(format!(
                        "{cond}hands off {what} to {}{via} for step {}",
                        doc.role_name(h.to_role),
                        e.to + 1
                    ));
                } else if e.when.is_some() || e.via.is_some() {
                    parts.push(format!("{cond}goes on to step {}{via}", e.to + 1));
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
