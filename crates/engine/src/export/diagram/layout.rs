//! Where everything in the diagram sits, as numbers the SVG writer only prints.
//!
//! Boxes sit in a grid of columns (the order work flows in) and lanes (one per role). Between two
//! columns is a gap, and above each lane's row of boxes is a corridor (the last lane has one below
//! too); neither holds a box. Every arrow leaves its box's right side and enters its target's left
//! side: an arrow whose way along its own lane is clear runs straight along it and turns once, in
//! the gap before its target; any other arrow turns in the gap after its source, runs along a
//! corridor and turns again in the gap before its target. Parallel lines in one gap or corridor
//! each get their own track. A link's labels sit just above the line where it leaves its box, in a
//! strip of the gap that no other line crosses, so no label can touch a box, a line or another
//! label; the box grows to hold its links' labels as well as its title.

use super::{Band, Rect};
use crate::workflow::graph::{role_of, Graph};
use crate::workflow::WorkflowDoc;

pub(super) const BOX_W: f64 = 176.0;
const BOX_MIN: f64 = 56.0;
pub(super) const END_R: f64 = 18.0;
/// The distance between parallel lines.
const TRACK: f64 = 10.0;
/// The length of the last segment into a box, at least (the arrowhead is 10 long).
const ENTRY: f64 = 20.0;
/// A corridor's margin above its first track and below its last.
const PAD: f64 = 12.0;
/// The widest a label grows before it wraps.
const LABEL_W: f64 = 150.0;
/// The line height of titles and lane names.
pub(super) const LINE: f64 = 16.0;
/// Estimated width of one narrow character of a title or condition (13px), of a handoff or
/// channel (12px) and of a lane name (13px bold). Wide characters (CJK, emoji) count twice.
const CHAR_13: f64 = 7.5;
const CHAR_12: f64 = 7.0;
const CHAR_BOLD: f64 = 8.0;
/// Characters of a title's line.
pub(super) const TITLE_CHARS: usize = ((BOX_W - 20.0) / CHAR_13) as usize;

/// The grid: each step's lane and column.
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
    grid(g).0
}

/// `count` empty lists. (`vec![Vec::new(); count]` clones its element, which compiles to a
/// larger generic function for each element type.)
fn empty_lists<T>(count: usize) -> Vec<Vec<T>> {
    let mut lists = Vec::with_capacity(count);
    for _ in 0..count {
        lists.push(Vec::new());
    }
    lists
}

/// The layout, and the step in each cell of each lane (`NONE` for none).
fn grid(g: &Graph) -> (Layout, Vec<Vec<usize>>) {
    let doc = g.doc;
    let (lanes, lane_of) = lanes(doc);
    let n = doc.steps.len();
    let mut layer = vec![0usize; n];
    for i in 0..n {
        let from_earlier = g.pred[i].iter().filter(|&&p| p < i).map(|&p| layer[p] + 1).max();
        layer[i] = from_earlier.unwrap_or(if i == 0 { 0 } else { layer[i - 1] + 1 });
    }
    let mut taken: Vec<Vec<usize>> = empty_lists(lanes.len());
    let mut cells = Vec::with_capacity(n);
    for i in 0..n {
        let lane = lane_of[i];
        let mut col = layer[i];
        while taken[lane].get(col).is_some_and(|&s| s != NONE) {
            col += 1;
        }
        if taken[lane].len() <= col {
            taken[lane].resize(col + 1, NONE);
        }
        taken[lane][col] = i;
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
    (
        Layout {
            lanes,
            cells,
            columns,
            trigger_lane,
            outcome_lane,
        },
        taken,
    )
}

/// How many narrow characters `c` takes: two for the wide scripts and emoji, else one.
fn width_of(c: char) -> usize {
    1 + usize::from(
        matches!(c, '\u{1100}'..='\u{115f}' | '\u{2e80}'..='\u{a4cf}' | '\u{ac00}'..='\u{d7a3}' | '\u{f900}'..='\u{faff}' | '\u{fe30}'..='\u{fe4f}' | '\u{ff00}'..='\u{ff60}' | '\u{ffe0}'..='\u{ffe6}' | '\u{1f000}'..),
    )
}

/// The width of `s` in narrow characters.
pub(super) fn width(s: &str) -> usize {
    s.chars().map(width_of).sum()
}

/// Splits `text` into lines of at most `max` narrow characters, at spaces, and inside a word
/// only when the word alone is longer than a line. Nothing is dropped; there is always a line.
pub(super) fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let (mut line, mut w) = (String::new(), 0);
    for word in text.split_whitespace() {
        let ww = width(word);
        if w > 0 && w + 1 + ww <= max {
            line.push(' ');
            line.push_str(word);
            w += 1 + ww;
            continue;
        }
        if w > 0 {
            lines.push(std::mem::take(&mut line));
            w = 0;
        }
        for c in word.chars() {
            if w > 0 && w + width_of(c) > max {
                lines.push(std::mem::take(&mut line));
                w = 0;
            }
            line.push(c);
            w += width_of(c);
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// A piece of text: its lines and the rectangle they fill.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Label {
    pub rect: Rect,
    pub lines: Vec<String>,
    pub class: &'static str,
}

impl Label {
    fn new(text: &str, class: &'static str) -> Label {
        let unit = if class == "diagram-condition" { CHAR_13 } else { CHAR_12 };
        let lines = wrap(text, (LABEL_W / unit) as usize);
        let w = lines.iter().map(|l| width(l)).max().unwrap_or(0) as f64 * unit;
        Label {
            // Lines 15 apart at 13px, 14 at 12px.
            rect: Rect {
                x: 0.0,
                y: 0.0,
                w: w.ceil(),
                h: lines.len() as f64 * unit * 2.0,
            },
            lines,
            class,
        }
    }
}

/// One arrow: the nodes it joins (steps by index, then the start and the end), its corners from
/// start to end, and its labels. While it is laid out, also whether it runs straight along its
/// source's lane (and turns once, before its target) or goes back, its corridor and track there,
/// where it leaves and arrives (first from the middles of the rows, then on the page), and the
/// tracks of its turns.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Route {
    pub from: usize,
    pub to: usize,
    pub points: Vec<(f64, f64)>,
    pub handoff: bool,
    pub labels: Vec<Label>,
    straight: bool,
    back: bool,
    corr: usize,
    track: usize,
    yc: f64,
    ya: f64,
    yb: f64,
    x1: f64,
    x2: f64,
}

/// The whole drawing as numbers.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Geometry {
    pub width: f64,
    pub height: f64,
    pub lanes: Vec<Band>,
    /// Each lane name's lines, and where the first line's baseline is.
    pub lane_lines: Vec<(Vec<String>, f64)>,
    /// Each step's box, then the squares around the start and the end circles.
    pub boxes: Vec<Rect>,
    /// Each step's title, in lines.
    pub titles: Vec<Vec<String>>,
    pub routes: Vec<Route>,
}

/// The text of a step's box.
pub(super) fn title_of(doc: &WorkflowDoc, i: usize) -> &str {
    let t = doc.steps[i].title.trim();
    if t.is_empty() {
        "(no title)"
    } else {
        t
    }
}

/// What a handoff label says: what passes, and the channel (empty for neither; [`wrap`] tidies
/// the spaces).
fn handoff_text(carries: Option<&[&str]>, via: Option<&str>) -> String {
    let mut s = String::new();
    if let Some(c) = carries {
        s.push_str(if c.is_empty() {
            "hands over nothing"
        } else {
            "hands over "
        });
        for (k, x) in c.iter().enumerate() {
            if k > 0 {
                s.push_str(", ");
            }
            s.push_str(x);
        }
    }
    if let Some(v) = via {
        if !s.is_empty() {
            s.push_str(" · ");
        }
        s.push_str("by ");
        s.push_str(v);
    }
    s
}

/// Sorts a few links by `key`, keeping the order of equals (an insertion sort: a box has few).
fn sort(list: &mut [usize], key: &dyn Fn(usize) -> (i64, i64)) {
    for i in 1..list.len() {
        let mut j = i;
        while j > 0 && key(list[j - 1]) > key(list[j]) {
            list.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// One end of a line: where it is along the lines, and whether what it joins lies before them.
type End = (f64, bool);
/// A line of a route in a gap or corridor: the route, whether it is the route's first turn, and
/// its ends.
type Line = (usize, bool, [End; 2]);

/// Gives parallel lines their tracks, and says how many tracks they take. Each line is given by
/// its two ends: where each is along the lines (a height in a gap, a gap's number in a corridor)
/// and whether what it joins there lies before the lines (left of a gap's, above a corridor's).
/// Lines that come within `near` of each other take different tracks, in the order that crosses
/// fewest. (Ends of two lines are never level: ports keep clear of each other.)
fn tracks(lines: &[Line], near: f64) -> (Vec<usize>, usize) {
    // Plain loops rather than iterator chains: they compile to less code in the bundles.
    let span = |i: usize| {
        let [(a, _), (b, _)] = lines[i].2;
        (a.min(b), a.max(b))
    };
    // What putting `p` before `q` costs: each end of one that crosses the other.
    let cost = |p: usize, q: usize| -> usize {
        let mut crossed = 0;
        for (line, before, (lo, hi)) in [(q, true, span(p)), (p, false, span(q))] {
            for &(y, b) in &lines[line].2 {
                if b == before && y > lo + 0.5 && y < hi - 0.5 {
                    crossed += 1;
                }
            }
        }
        crossed
    };
    let mut order: Vec<usize> = Vec::with_capacity(lines.len());
    for i in 0..lines.len() {
        let (mut left, mut right) = (0, 0);
        for &j in &order {
            right += cost(i, j);
        }
        let mut best = (right, 0);
        for (k, &j) in order.iter().enumerate() {
            left += cost(j, i);
            right -= cost(i, j);
            if left + right < best.0 {
                best = (left + right, k + 1);
            }
        }
        order.insert(best.1, i);
    }
    let mut at = vec![0; lines.len()];
    let mut count = 0;
    for (k, &i) in order.iter().enumerate() {
        let (lo, hi) = span(i);
        let mut track = 0;
        for &j in &order[..k] {
            let (a, b) = span(j);
            if a < hi + near && lo < b + near {
                track = track.max(at[j] + 1);
            }
        }
        at[i] = track;
        count = count.max(track + 1);
    }
    (at, count)
}

/// A step, the start or the end, as it is laid out: its lane and column (the start's column is
/// 0, the steps' 1 to `columns`, the end's one more), the column of the next box in its lane and
/// the box before it there, half the height it needs, its top, and its links out and in.
struct Node {
    lane: usize,
    col: usize,
    next: usize,
    prev: usize,
    half: f64,
    y: f64,
    outs: Vec<usize>,
    ins: Vec<usize>,
}

const NONE: usize = usize::MAX;

/// Lays the diagram out with a lane-name column `lane_label` wide.
pub(crate) fn geometry(g: &Graph, lane_label: f64) -> Geometry {
    let doc = g.doc;
    let (l, taken) = grid(g);
    let n = doc.steps.len();
    let (start, end) = (n, n + 1);
    let lanes = l.lanes.len();
    let cols = l.columns;
    let lane_label = lane_label.round();
    let mut nodes: Vec<Node> = (0..n + 2)
        .map(|i| {
            let (lane, col) = match l.cells.get(i) {
                Some(&(lane, c)) => (lane, c + 1),
                None if i == start => (l.trigger_lane, 0),
                None => (l.outcome_lane, cols + 1),
            };
            Node {
                lane,
                col,
                next: NONE,
                prev: NONE,
                half: BOX_MIN / 2.0,
                y: 0.0,
                outs: Vec::new(),
                ins: Vec::new(),
            }
        })
        .collect();
    // Each lane's boxes left to right.
    let mut last = vec![NONE; lanes];
    for (k, lane) in taken.iter().enumerate() {
        for (c, &i) in lane.iter().enumerate().filter(|&(_, &i)| i != NONE) {
            if let Some(p) = nodes.get_mut(last[k]) {
                p.next = c + 1;
            }
            nodes[i].prev = last[k];
            last[k] = i;
        }
    }
    nodes[end].prev = last[l.outcome_lane];

    // The links: from the start, each `next`, to the end; with their labels. A link runs
    // straight when no box stands between its source and its target's column in the source's
    // lane; else it takes the corridor next to its target's row on its source's side (in one
    // lane, the one above going forward and the one below going back).
    let link = |from: usize, to: usize, labels: Vec<Label>, handoff: bool| Route {
        from,
        to,
        labels,
        handoff,
        ..Route::default()
    };
    let mut links: Vec<Route> = Vec::new();
    if n > 0 {
        links.push(link(start, 0, Vec::new(), false));
    }
    let mut handoffs = g.handoffs.iter().peekable();
    for e in g.succ.iter().flatten() {
        let h = handoffs.next_if(|h| h.from == e.from && h.to == e.to);
        let mut labels = Vec::new();
        if let Some(w) = e.when {
            labels.push(Label::new(w, "diagram-condition"));
        }
        let t = handoff_text(h.map(|h| g.carries(h)), e.via);
        if !t.is_empty() {
            labels.push(Label::new(
                &t,
                if h.is_some() { "diagram-carries" } else { "diagram-via" },
            ));
        }
        links.push(link(e.from, e.to, labels, h.is_some()));
    }
    for i in (0..n).filter(|&i| g.is_end[i]) {
        links.push(link(i, end, Vec::new(), false));
    }
    for (r, k) in links.iter_mut().enumerate() {
        let (a, b) = (&nodes[k.from], &nodes[k.to]);
        k.back = b.col <= a.col;
        k.corr = match b.lane.cmp(&a.lane) {
            std::cmp::Ordering::Greater => b.lane,
            std::cmp::Ordering::Less => b.lane + 1,
            _ => a.lane + usize::from(k.back),
        };
        k.straight = !k.back && a.next >= b.col;
        nodes[k.from].outs.push(r);
        nodes[k.to].ins.push(r);
    }

    // Corridor tracks: runs that share a gap take different tracks; each end goes up to its box
    // when the box's row is above the corridor.
    let mut runs: Vec<Vec<Line>> = empty_lists(lanes + 1);
    for (r, k) in links.iter().enumerate().filter(|(_, k)| !k.straight) {
        let (a, b) = (&nodes[k.from], &nodes[k.to]);
        let c = k.corr;
        runs[c].push((r, true, [((a.col + 1) as f64, a.lane < c), (b.col as f64, b.lane < c)]));
    }
    let mut tracks_in = vec![0usize; lanes + 1];
    for (c, runs) in runs.iter().enumerate() {
        let (at, used) = tracks(runs, 0.5);
        for (&(r, ..), t) in runs.iter().zip(at) {
            links[r].track = t;
        }
        tracks_in[c] = used;
    }

    // Ports, as heights from the middle of their lane's row (rows are at 2k + 1 and corridors at
    // 2c, top to bottom, to put them in order before there are heights). A box's links leave in
    // the order of where they go, top first (of two going the same way, the one that turns later
    // goes outside; links back go outermost, toward their corridor), each just below its labels.
    let row_of = |nd: &Node| 2 * nd.lane as i64 + 1;
    let level = |k: &Route| (2 * k.corr as i64, k.track as i64);
    for i in 0..n + 2 {
        let mut list = std::mem::take(&mut nodes[i].outs);
        let here = &nodes[i];
        sort(&mut list, &|r| {
            let k = &links[r];
            let to = &nodes[k.to];
            let c = to.col as i64;
            if k.straight {
                (row_of(to), if row_of(to) > row_of(here) { -c } else { c })
            } else {
                let (dest, t) = level(k);
                (dest + i64::from(k.back) * (dest - row_of(here)).signum() * 1000, t)
            }
        });
        let mut total = 0.0;
        for &r in &list {
            total += 12.0;
            for lab in &links[r].labels {
                total += lab.rect.h + 3.0;
            }
        }
        let mut t = -(total / 2.0).round();
        for &r in &list {
            let k = &mut links[r];
            for lab in &mut k.labels {
                lab.rect.y = t;
                t += lab.rect.h + 3.0;
            }
            k.ya = t + 6.0;
            t += 12.0;
        }
        nodes[i].half = nodes[i].half.max(total / 2.0 + 4.0);
        nodes[i].outs = list;
    }
    // Links arrive in the order of where they come from, 14 apart around the middle (into the
    // end, all at the middle), except that one straight from the box before in the lane comes in
    // level. The lines of the box before keep 7 from this box's other arrows, or two would run
    // along each other.
    for j in 0..n + 2 {
        let mut list = std::mem::take(&mut nodes[j].ins);
        sort(&mut list, &|r| {
            let k = &links[r];
            if k.straight {
                (row_of(&nodes[k.from]), super::px(k.ya))
            } else {
                level(k)
            }
        });
        let p = nodes[j].prev;
        let before = nodes.get(p).map_or(&[][..], |nd| &nd.outs);
        let (mut y, mut half) = (f64::NEG_INFINITY, nodes[j].half);
        for (t, &r) in list.iter().enumerate() {
            let k = &links[r];
            y = if j == end {
                0.0
            } else if k.straight && k.from == p {
                k.ya.max(y + 14.0)
            } else {
                (t as f64 * 14.0 - (list.len() - 1) as f64 * 7.0).max(y + 14.0)
            };
            while let Some(q) = before
                .iter()
                .map(|&q| &links[q])
                .find(|q| (j != end || q.to != end) && !std::ptr::eq(*q, k) && (y - q.ya).abs() < 7.0)
            {
                y = q.ya + 7.0;
            }
            half = half.max(y.abs() + 8.0);
            links[r].yb = y;
        }
        nodes[j].half = half;
        nodes[j].ins = list;
    }
    // The start circle sits level with its port on the first step, the end circle where its
    // links meet; each stays in its lane with its text 38 above its middle (which may reach into
    // the corridor, where nothing else is in these columns).
    if n > 0 {
        links[0].ya = links[0].yb;
    }
    for (i, at) in [
        (start, links.first().map_or(0.0, |k| k.ya)),
        (end, nodes[end].ins.first().map_or(0.0, |&r| links[r].yb)),
    ] {
        nodes[i].half = (22.0 - at).max(at + END_R);
        nodes[i].y = at - END_R;
    }

    // Heights: a box holds its title, its links' labels and its ports (even, so it centres on a
    // whole pixel); a row its tallest box; a lane its row, its corridor and its name.
    let titles: Vec<Vec<String>> = (0..n).map(|i| wrap(title_of(doc, i), TITLE_CHARS)).collect();
    let mut row = vec![0.0f64; lanes];
    for (i, nd) in nodes.iter_mut().enumerate() {
        if i < n {
            nd.half = nd.half.max(titles[i].len() as f64 * LINE / 2.0 + 10.0).ceil();
            nd.y = -nd.half;
        }
        row[nd.lane] = row[nd.lane].max(2.0 * nd.half.ceil());
    }
    let corridor: Vec<f64> = tracks_in
        .iter()
        .map(|&t| 16f64.max(2.0 * PAD + (t as f64 - 1.0) * TRACK))
        .collect();
    let name_chars = (((lane_label - 20.0) / CHAR_BOLD) as usize).max(1);
    let mut bands = Vec::with_capacity(lanes);
    let mut lane_lines = Vec::with_capacity(lanes);
    let mut ctop = vec![0.0; lanes + 1];
    let mut cy = vec![0.0; lanes];
    let mut y = 0.0;
    for k in 0..lanes {
        let top = y;
        let lines = wrap(&l.lanes[k], name_chars);
        let below = if k + 1 == lanes { corridor[lanes] } else { 0.0 };
        ctop[k] = y;
        y += corridor[k];
        let h = row[k].max(lines.len() as f64 * LINE + 16.0 - corridor[k] - below);
        let h = (h / 2.0).ceil() * 2.0;
        cy[k] = y + h / 2.0;
        y += h;
        ctop[lanes] = y;
        y += below;
        let first = (top + (y - top - lines.len() as f64 * LINE) / 2.0 + 12.0).round();
        lane_lines.push((lines, first));
        bands.push(Band {
            name: l.lanes[k].clone(),
            top,
            height: y - top,
        });
    }
    // Tracks in each gap (the gap before column c is gap c): a link turns once, in the gap before
    // its target, or twice, in the gap after its source and the one before its target; lines
    // with no height need no track.
    let mut in_gap: Vec<Vec<Line>> = empty_lists(cols + 2);
    for (r, k) in links.iter_mut().enumerate() {
        // From the rows' middles to the page.
        let (a, b) = (&nodes[k.from], &nodes[k.to]);
        k.ya += cy[a.lane];
        k.yb += cy[b.lane];
        k.yc = ctop[k.corr] + PAD + k.track as f64 * TRACK;
        for lab in &mut k.labels {
            lab.rect.y += cy[a.lane];
        }
        let (a, b) = (a.col, b.col);
        if !k.straight {
            in_gap[a + 1].push((r, true, [(k.ya, true), (k.yc, k.back)]));
            in_gap[b].push((r, false, [(k.yc, !k.back), (k.yb, false)]));
        } else if (k.ya - k.yb).abs() > 0.5 {
            in_gap[b].push((r, false, [(k.ya, true), (k.yb, false)]));
        }
    }
    // Columns left to right: the lane names, the start, then each gap and its column. A gap holds
    // the labels of the links leaving the column before it, then its tracks, then the last
    // segments into the column after it.
    let mut strip = vec![16f64; cols + 2];
    for k in &links {
        let c = nodes[k.from].col + 1;
        for lab in &k.labels {
            strip[c] = strip[c].max(lab.rect.w + 18.0);
        }
    }
    let col_w = |c: usize| if c == 0 || c == cols + 1 { 2.0 * END_R } else { BOX_W };
    let mut col_x = vec![lane_label + 14.0; cols + 2];
    for c in 1..cols + 2 {
        let left = col_x[c - 1] + col_w(c - 1);
        let strip = strip[c];
        let (at, used) = tracks(&in_gap[c], 8.0);
        for (&(r, first, _), t) in in_gap[c].iter().zip(at) {
            let x = left + strip + t as f64 * TRACK;
            if first {
                links[r].x1 = x;
            } else {
                links[r].x2 = x;
            }
        }
        col_x[c] = (left + strip + used as f64 * TRACK + ENTRY).max(left + 40.0);
    }
    let boxes: Vec<Rect> = nodes
        .iter()
        .map(|nd| Rect {
            x: col_x[nd.col],
            y: nd.y + cy[nd.lane],
            w: col_w(nd.col),
            h: if col_w(nd.col) == BOX_W {
                2.0 * nd.half
            } else {
                2.0 * END_R
            },
        })
        .collect();
    for k in &mut links {
        let (a, b) = (boxes[k.from], boxes[k.to]);
        for lab in &mut k.labels {
            lab.rect.x = a.x + a.w + 10.0;
        }
        let (x1, y1) = if k.straight { (k.x2, k.ya) } else { (k.x1, k.yc) };
        // Without repeated points and points that are not corners.
        for q in [
            (a.x + a.w, k.ya),
            (x1, k.ya),
            (x1, y1),
            (k.x2, y1),
            (k.x2, k.yb),
            (b.x, k.yb),
        ] {
            if let [.., p, o] = k.points[..] {
                if (p.0 == o.0 && o.0 == q.0) || (p.1 == o.1 && o.1 == q.1) {
                    k.points.pop();
                }
            }
            if k.points.last() != Some(&q) {
                k.points.push(q);
            }
        }
    }
    Geometry {
        width: col_x[cols + 1] + 2.0 * END_R + 24.0,
        height: y,
        lanes: bands,
        lane_lines,
        boxes,
        titles,
        routes: links,
    }
}
