//! The workflow diagram: one swimlane per role, steps as boxes in the order work flows, arrows for
//! `next` with branch conditions, each handoff labelled with what passes and by which channel, the
//! trigger at the start and the outcome at the end. Laid out in [`layout`] and drawn here as an SVG
//! string, so the sandbox, embeds and downloads share one drawing, and its geometry is tested
//! natively.
//!
//! Also the diagram's text alternative, one sentence per step, for screen readers.

mod layout;
pub mod pick;
#[cfg(test)]
mod tests;

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
    joined(g, markers, ids, STYLE)
}

/// The same drawing without its own styles, for a page whose stylesheet styles its classes (a
/// strict Content Security Policy refuses styles inside the markup).
pub fn draw_in_page(g: &Graph, markers: &Markers, ids: &str) -> String {
    joined(g, markers, ids, "")
}

fn joined(g: &Graph, markers: &Markers, ids: &str, style: &str) -> String {
    let d = drawing(g, markers, ids, &Options::default());
    let ids = escape(ids);
    let mut out = Svg(String::new());
    out.s("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"workflow-diagram\" viewBox=\"0 0 ")
        .num(d.width)
        .s(" ")
        .num(d.height)
        .s("\"")
        .attr("width", d.width)
        .attr("height", d.height)
        .s(" role=\"img\" aria-labelledby=\"")
        .s(&ids)
        .s("-title\"><title id=\"")
        .s(&ids)
        .s("-title\">")
        .esc(&d.title)
        .s("</title>")
        .s(style);
    for part in &d.parts {
        out.s(part);
    }
    out.s("</svg>");
    out.0
}

/// Writes a whole number in decimal, as `Display` would. The drawing and its text alternative
/// print only whole numbers, and only through here: each `format!` or `write!` call site would
/// compile to its own argument-building code, which in the WebAssembly bundles costs far more
/// than this loop.
#[inline(never)]
fn push_int(out: &mut String, v: i64) {
    if v < 0 {
        out.push('-');
    }
    let (mut digits, mut at, mut u) = ([0u8; 20], 20, v.unsigned_abs());
    loop {
        at -= 1;
        digits[at] = b'0' + (u % 10) as u8;
        u /= 10;
        if u == 0 {
            break;
        }
    }
    for &d in &digits[at..] {
        out.push(char::from(d));
    }
}

/// SVG markup being written: text as it is, text to escape, and coordinates rounded to whole
/// pixels (see [`push_int`] for why there is no `format!` here). Each method returns the writer,
/// so one element reads as one chain.
struct Svg(String);

impl Svg {
    /// Markup as it is.
    #[inline(never)]
    fn s(&mut self, s: &str) -> &mut Svg {
        self.0.push_str(s);
        self
    }

    /// Text, escaped.
    #[inline(never)]
    fn esc(&mut self, s: &str) -> &mut Svg {
        self.s(&escape(s))
    }

    /// A whole number.
    #[inline(never)]
    fn int(&mut self, v: i64) -> &mut Svg {
        push_int(&mut self.0, v);
        self
    }

    /// A coordinate, as [`px`] rounds it.
    #[inline(never)]
    fn num(&mut self, x: f64) -> &mut Svg {
        self.int(px(x))
    }

    /// A point, `x y`.
    #[inline(never)]
    fn pt(&mut self, x: f64, y: f64) -> &mut Svg {
        self.num(x).s(" ").num(y)
    }

    /// An attribute with a coordinate: ` name="x"`.
    #[inline(never)]
    fn attr(&mut self, name: &str, x: f64) -> &mut Svg {
        self.s(" ").s(name).s("=\"").num(x).s("\"")
    }

    /// The start tag of one line of text at `(x, y)` with one more attribute, `name="value"`.
    #[inline(never)]
    fn text_at(&mut self, x: f64, y: f64, name: &str, value: &str) -> &mut Svg {
        self.s("<text")
            .attr("x", x)
            .attr("y", y)
            .s(" ")
            .s(name)
            .s("=\"")
            .s(value)
            .s("\">")
    }

    /// One line of text, `body`, at `(x, y)` with one more attribute.
    #[inline(never)]
    fn text(&mut self, x: f64, y: f64, name: &str, value: &str, body: &str) -> &mut Svg {
        self.text_at(x, y, name, value).esc(body).s("</text>")
    }

    /// A route's path data: its corners rounded off by up to 6.
    #[inline(never)]
    fn path(&mut self, p: &[(f64, f64)]) -> &mut Svg {
        let step = |a: (f64, f64), b: (f64, f64)| {
            let len = (b.0 - a.0).abs() + (b.1 - a.1).abs();
            (len, (b.0 - a.0) / len, (b.1 - a.1) / len)
        };
        for (k, &(x, y)) in p.iter().enumerate() {
            match (k.checked_sub(1).map(|j| p[j]), p.get(k + 1)) {
                (None, _) => {
                    self.s("M").pt(x, y);
                }
                (Some(a), Some(&b)) => {
                    let ((l1, ux, uy), (l2, vx, vy)) = (step(a, (x, y)), step((x, y), b));
                    let r = 6f64.min(l1 / 2.0).min(l2 / 2.0);
                    self.s(" L")
                        .pt(x - ux * r, y - uy * r)
                        .s(" Q")
                        .pt(x, y)
                        .s(" ")
                        .pt(x + vx * r, y + vy * r);
                }
                _ => {
                    self.s(" L").pt(x, y);
                }
            }
        }
        self
    }
}

/// Lays out and draws the diagram's parts. Every id they define or refer to (the arrowhead)
/// starts with `ids`, which the caller makes unique on its page.
pub fn drawing(g: &Graph, markers: &Markers, ids: &str, opts: &Options) -> Drawing {
    let doc = g.doc;
    let geo = layout::geometry(g, opts.lane_label);
    let n = doc.steps.len();
    let name = doc.name.trim();
    // Pushed, not `concat` or `format!`: either would bring its own generic code into the bundle.
    let mut title = String::from("Diagram of ");
    title.push_str(if name.is_empty() { "the workflow" } else { name });
    let ids = escape(ids);
    let mut parts = Vec::with_capacity(n * 2 + geo.lanes.len() + 4);
    let mut out = Svg(String::new());
    out.s("<defs><marker id=\"").s(&ids).s("-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"10\" markerHeight=\"10\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" class=\"diagram-arrowhead\"/></marker></defs>");
    parts.push(std::mem::take(&mut out.0));
    for (k, (band, (lines, y))) in geo.lanes.iter().zip(&geo.lane_lines).enumerate() {
        out.s("<g class=\"diagram-lane")
            .s(if k % 2 == 1 { " diagram-lane-alt" } else { "" })
            .s("\"><rect x=\"0\"")
            .attr("y", band.top)
            .attr("width", geo.width)
            .attr("height", band.height)
            .s("/>");
        for (j, line) in lines.iter().enumerate() {
            out.text(12.0, y + j as f64 * LINE, "class", "diagram-lane-name", line);
        }
        out.s("</g>");
        parts.push(std::mem::take(&mut out.0));
    }
    // Links first, so boxes sit on top of them.
    for r in &geo.routes {
        out.s("<path class=\"diagram-link")
            .s(if r.handoff { " diagram-handoff" } else { "" })
            .s("\" d=\"")
            .path(&r.points)
            .s("\" marker-end=\"url(#")
            .s(&ids)
            .s("-arrow)\"/>");
        for lab in &r.labels {
            let (x, y) = (lab.rect.x, lab.rect.y);
            let lh = lab.rect.h / lab.lines.len() as f64;
            for (j, line) in lab.lines.iter().enumerate() {
                out.text(x, y + (j + 1) as f64 * lh - 4.0, "class", lab.class, line);
            }
        }
        parts.push(std::mem::take(&mut out.0));
    }
    let ends = [
        (
            "start",
            "Trigger: ",
            doc.trigger.as_ref().map(|t| &t.description),
            "Start",
            "No trigger yet",
        ),
        (
            "end",
            "Outcome: ",
            doc.outcome.as_ref().map(|o| &o.description),
            "End",
            "No outcome yet",
        ),
    ];
    for (k, (class, what, said, label, none)) in ends.into_iter().enumerate() {
        let b = geo.boxes[n + k];
        let (x, y) = (b.x + END_R, b.y + END_R);
        let said = said.map_or("", |d| d.trim());
        out.s("<g class=\"diagram-")
            .s(class)
            .s("\"><circle")
            .attr("cx", x)
            .attr("cy", y)
            .s(" r=\"18\"/><title>")
            .s(what)
            .esc(if said.is_empty() { none } else { said })
            .s("</title>")
            // "Start" and "End" over the circle (38 and 23 wide at 7.5 a character).
            .text(x, b.y - 9.0, "text-anchor", "middle", label)
            .s("</g>");
        parts.push(std::mem::take(&mut out.0));
    }
    for (i, step) in doc.steps.iter().enumerate() {
        let b = geo.boxes[i];
        let problems = markers.get(i).copied().unwrap_or(0);
        out.s("<g class=\"diagram-step")
            .s(if problems > 0 { " has-problems" } else { "" })
            .s(if opts.selected == Some(i) { " selected" } else { "" })
            .s("\" data-step=\"")
            .esc(&step.id)
            .s("\" data-index=\"")
            .int(i as i64)
            .s("\"><title>Step ")
            .int(i as i64 + 1)
            .s(": ")
            .esc(layout::title_of(doc, i))
            .s("</title><rect")
            .attr("x", b.x)
            .attr("y", b.y)
            .attr("width", b.w)
            .attr("height", b.h)
            .s(" rx=\"8\"/>");
        let lines = &geo.titles[i];
        let first = b.y + (b.h - lines.len() as f64 * LINE) / 2.0 + 12.0;
        for (k, line) in lines.iter().enumerate() {
            out.text(b.x + b.w / 2.0, first + k as f64 * LINE, "text-anchor", "middle", line);
        }
        if problems > 0 {
            // A marker with a count and a "!" shape, so it never relies on colour alone.
            let (x, y) = (b.x + b.w - 4.0, b.y + 4.0);
            out.s("<g class=\"diagram-marker\"><circle")
                .attr("cx", x)
                .attr("cy", y)
                .s(" r=\"11\"/>")
                .text_at(x, y + 4.0, "text-anchor", "middle")
                .s("!")
                .int(problems as i64)
                .s("</text></g>");
        }
        out.s("</g>");
        parts.push(std::mem::take(&mut out.0));
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

/// The text alternative from an analysis the caller already has. Written piece by piece, with
/// numbers through [`push_int`], for the reason given there.
pub fn describe_graph(g: &Graph) -> Vec<String> {
    let doc = g.doc;
    // Handoffs come in the order of the links they are on.
    let mut handoffs = g.handoffs.iter().peekable();
    let mut all = Vec::with_capacity(doc.steps.len());
    for (i, step) in doc.steps.iter().enumerate() {
        let t = step.title.trim();
        let mut s = String::from("Step ");
        push_int(&mut s, i as i64 + 1);
        s.push_str(", ");
        s.push_str(if t.is_empty() { "untitled" } else { t });
        match role_of(step) {
            Some(r) => {
                s.push_str(", by ");
                s.push_str(g.role_name(r));
            }
            None => s.push_str(", by no one yet"),
        }
        // Each part of the sentence after the first follows a "; ".
        for e in &g.succ[i] {
            let h = handoffs.next_if(|h| h.from == e.from && h.to == e.to);
            if h.is_none() && e.when.is_none() && e.via.is_none() {
                continue;
            }
            s.push_str("; ");
            if let Some(w) = e.when {
                s.push_str("if ");
                s.push_str(w.trim());
                s.push_str(", ");
            }
            let via = |s: &mut String| {
                if let Some(v) = e.via {
                    s.push_str(" by ");
                    s.push_str(v.trim());
                }
            };
            if let Some(h) = h {
                s.push_str("hands off ");
                if g.carries(h).is_empty() {
                    s.push_str("nothing");
                }
                for (k, c) in g.carries(h).iter().enumerate() {
                    if k > 0 {
                        s.push_str(" and ");
                    }
                    s.push_str(&artifact::display(c));
                }
                s.push_str(" to ");
                s.push_str(g.role_name(h.to_role));
                via(&mut s);
                s.push_str(" for step ");
                push_int(&mut s, e.to as i64 + 1);
            } else {
                s.push_str("goes on to step ");
                push_int(&mut s, e.to as i64 + 1);
                via(&mut s);
            }
        }
        if g.is_end[i] {
            s.push_str("; ends the workflow");
        }
        s.push('.');
        all.push(s);
    }
    all
}
