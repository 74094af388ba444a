use super::layout::{geometry, width, wrap, Geometry, BOX_W, TITLE_CHARS};
use super::*;
use crate::workflow::{generate, parse};
use proptest::prelude::*;

fn expense() -> WorkflowDoc {
    parse(include_str!("../../../tests/data/expense.json")).unwrap()
}

fn inside(a: &Rect, b: &Rect) -> bool {
    a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h
}

/// Whether two rectangles share more than an edge.
fn overlap(a: &Rect, b: &Rect) -> bool {
    a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

/// The rectangle a segment covers (a line of width 0).
fn seg((x1, y1): (f64, f64), (x2, y2): (f64, f64)) -> Rect {
    Rect {
        x: x1.min(x2),
        y: y1.min(y2),
        w: (x1 - x2).abs(),
        h: (y1 - y2).abs(),
    }
}

/// Whether a segment (a degenerate rectangle) touches `r`, its edges included.
fn touches(s: &Rect, r: &Rect) -> bool {
    s.x <= r.x + r.w && r.x <= s.x + s.w && s.y <= r.y + r.h && r.y <= s.y + s.h
}

fn grow(r: &Rect, by: f64) -> Rect {
    Rect {
        x: r.x - by,
        y: r.y - by,
        w: r.w + 2.0 * by,
        h: r.h + 2.0 * by,
    }
}

/// A box with the problem marker on its top-right corner (circle of radius 11 at 4 in from the
/// corner), which counts as part of the box.
fn with_marker(r: &Rect) -> Rect {
    Rect {
        x: r.x,
        y: r.y - 7.0,
        w: r.w + 7.0,
        h: r.h + 7.0,
    }
}

/// The square at an arrow's end where its head is.
fn head(points: &[(f64, f64)]) -> Rect {
    let (x, y) = points[points.len() - 1];
    Rect {
        x: x - 12.0,
        y: y - 6.0,
        w: 12.0,
        h: 12.0,
    }
}

/// Everything the issue asks of a drawing, checked on the numbers the SVG is written from.
fn check(doc: &WorkflowDoc, geo: &Geometry, lane_label: f64) -> Result<(), String> {
    let g = Graph::new(doc);
    let l = layout(&g);
    let n = doc.steps.len();
    let page = Rect {
        x: 0.0,
        y: 0.0,
        w: geo.width,
        h: geo.height,
    };
    let fail = |what: String| Err(what);
    // (d) Boxes do not overlap and sit in their lanes, right of the lane names.
    for i in 0..n {
        let b = &geo.boxes[i];
        let band = &geo.lanes[l.cells[i].0];
        if b.y < band.top || b.y + b.h > band.top + band.height || b.x < lane_label {
            return fail(format!("box {i} {b:?} is outside its lane {band:?}"));
        }
        for j in 0..i {
            if overlap(&grow(b, 4.0), &geo.boxes[j]) {
                return fail(format!("boxes {j} and {i} overlap"));
            }
        }
    }
    for r in &geo.boxes {
        if !inside(&grow(r, -0.0), &page) {
            return fail(format!("{r:?} is off the page"));
        }
    }
    let mut top = 0.0;
    for (band, (lines, first)) in geo.lanes.iter().zip(&geo.lane_lines) {
        if band.top != top {
            return fail(format!("lane {band:?} does not follow the one above"));
        }
        top += band.height;
        let chars = lines.iter().map(|l| width(l)).max().unwrap_or(0);
        if 12.0 + chars as f64 * 8.0 > lane_label - 4.0
            || first - 12.0 < band.top
            || first + (lines.len() as f64 - 1.0) * 16.0 + 4.0 > band.top + band.height
            || lines.concat().split_whitespace().collect::<String>() != band.name.split_whitespace().collect::<String>()
        {
            return fail(format!("the name of lane {band:?} does not fit: {lines:?}"));
        }
    }
    if top != geo.height {
        return fail("the lanes do not fill the drawing".into());
    }
    // (e) Titles are whole and fit their boxes.
    for i in 0..n {
        let lines = &geo.titles[i];
        let want: String = layout::title_of(doc, i).split_whitespace().collect();
        if lines.concat().split_whitespace().collect::<String>() != want {
            return fail(format!("step {i}'s title lost text: {lines:?}"));
        }
        if lines.iter().any(|l| width(l) as f64 * 7.5 > BOX_W - 20.0)
            || lines.len() as f64 * 16.0 + 16.0 > geo.boxes[i].h
        {
            return fail(format!("step {i}'s title does not fit its box: {lines:?}"));
        }
    }
    // Boxes that routes must keep out of: each step's box with its marker, and the circles.
    let obstacles: Vec<Rect> = (0..n + 2)
        .map(|i| {
            if i < n {
                with_marker(&geo.boxes[i])
            } else {
                geo.boxes[i]
            }
        })
        .collect();
    let mut segments: Vec<(usize, Rect)> = Vec::new();
    for (k, r) in geo.routes.iter().enumerate() {
        let p = &r.points;
        if p.len() < 2 {
            return fail(format!("route {k} has {} points", p.len()));
        }
        let (a, b) = (geo.boxes[r.from], geo.boxes[r.to]);
        // (c) It leaves its source's right side and enters its target's left side, level, with
        // a last segment long enough to show the arrowhead.
        let ((x0, y0), (x1, y1)) = (p[0], p[1]);
        let ((xm, ym), (xn, yn)) = (p[p.len() - 2], p[p.len() - 1]);
        let circle = |i: usize| i >= n;
        let on_side = |y: f64, r: &Rect, i: usize| {
            if circle(i) {
                y == r.y + r.h / 2.0
            } else {
                y > r.y && y < r.y + r.h
            }
        };
        if x0 != a.x + a.w || y1 != y0 || x1 <= x0 || !on_side(y0, &a, r.from) {
            return fail(format!("route {k} does not leave the right side of its source: {p:?}"));
        }
        if xn != b.x || ym != yn || xn - xm < 12.0 || !on_side(yn, &b, r.to) {
            return fail(format!("route {k} does not enter its target from the left: {p:?}"));
        }
        for w in p.windows(2) {
            if w[0].0 != w[1].0 && w[0].1 != w[1].1 {
                return fail(format!("route {k} has a slanted segment: {p:?}"));
            }
        }
        // (a) No segment crosses a box but its own ends, and those only at its first or last.
        let last = p.len() - 2;
        for (s, w) in p.windows(2).enumerate() {
            let line = seg(w[0], w[1]);
            segments.push((k, line));
            for (j, o) in obstacles.iter().enumerate() {
                let own_end = (j == r.from && s == 0) || (j == r.to && s == last);
                let hit = if own_end {
                    // Only from its edge outward: not into the box.
                    touches(&line, &grow(&geo.boxes[j], -0.5))
                } else {
                    touches(&line, o)
                };
                if hit {
                    return fail(format!(
                        "route {k} ({} to {}), segment {s}, crosses box {j}: {p:?}, {o:?}",
                        r.from, r.to
                    ));
                }
            }
        }
    }
    // No two links run along each other, or so close they look like one line; only links into
    // the end may share their last piece, where they merge.
    for (i, (k, a)) in segments.iter().enumerate() {
        for (j, b) in segments[..i].iter().filter(|(j, _)| j != k) {
            let (ra, rb) = (&geo.routes[*k], &geo.routes[*j]);
            let merge = ra.to == end_node(n)
                && rb.to == end_node(n)
                && (a.x + a.w == geo.boxes[n + 1].x)
                && (b.x + b.w == geo.boxes[n + 1].x);
            let along = if a.h == 0.0 && b.h == 0.0 {
                (a.y - b.y).abs() < 6.0 && a.x < b.x + b.w && b.x < a.x + a.w
            } else if a.w == 0.0 && b.w == 0.0 {
                (a.x - b.x).abs() < 6.0 && a.y < b.y + b.h && b.y < a.y + a.h
            } else {
                false
            };
            if along && !merge {
                return fail(format!("routes {j} and {k} run along each other: {a:?}, {b:?}"));
            }
        }
    }
    // No line runs through another arrow's head.
    for (k, r) in geo.routes.iter().enumerate() {
        let zone = grow(&head(&r.points), -0.5);
        for (other, line) in &segments {
            let same_end = geo.routes[*other].to == r.to && geo.routes[*other].points.last() == r.points.last();
            if *other != k && !same_end && touches(line, &zone) {
                return fail(format!("route {other} runs through the arrowhead of route {k}"));
            }
        }
    }
    // (b) Labels touch no box, marker, other label, arrowhead or line, and stay on the page.
    let mut labels: Vec<(usize, &Rect)> = Vec::new();
    for (k, r) in geo.routes.iter().enumerate() {
        for lab in &r.labels {
            let est = lab.lines.iter().map(|l| width(l)).max().unwrap_or(0) as f64
                * if lab.class == "diagram-condition" { 7.5 } else { 7.0 };
            if est > lab.rect.w || lab.rect.w > 150.0 {
                return fail(format!("label {:?} is wider than its box", lab.lines));
            }
            labels.push((k, &lab.rect));
        }
    }
    // "Start" and "End", as the SVG writes them: centred 9 above each circle, 7.5 a character.
    let terminals: Vec<Rect> = [(n, 38.0), (n + 1, 23.0)]
        .iter()
        .map(|&(i, w)| {
            let b = geo.boxes[i];
            Rect {
                x: b.x + b.w / 2.0 - w / 2.0,
                y: b.y - 20.0,
                w,
                h: 15.0,
            }
        })
        .collect();
    for t in &terminals {
        labels.push((usize::MAX, t));
    }
    for (i, &(k, rect)) in labels.iter().enumerate() {
        let near = grow(rect, 1.0);
        if !inside(rect, &page) {
            return fail(format!("label {rect:?} is off the page"));
        }
        if let Some(o) = obstacles.iter().position(|o| overlap(&near, o)) {
            return fail(format!("label {rect:?} of route {k} overlaps box {o}"));
        }
        if let Some(&(j, _)) = labels[..i].iter().find(|(_, o)| overlap(&near, o)) {
            return fail(format!("label {rect:?} of route {k} overlaps a label of route {j}"));
        }
        if let Some(r) = geo.routes.iter().position(|r| overlap(&near, &head(&r.points))) {
            return fail(format!(
                "label {rect:?} of route {k} overlaps the arrowhead of route {r}"
            ));
        }
        if let Some((r, _)) = segments.iter().find(|(_, s)| touches(s, &near)) {
            return fail(format!("label {rect:?} of route {k} lies on a line of route {r}"));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(320))]
    #[test]
    fn nothing_overlaps_in_any_workflow(steps in 3usize..=40, seed in any::<u64>(), lane_label in 60.0f64..=200.0) {
        let doc = generate::varied(steps, seed);
        let geo = geometry(&Graph::new(&doc), lane_label);
        if let Err(e) = check(&doc, &geo, lane_label.round()) {
            return Err(TestCaseError::fail(format!("{steps} steps, seed {seed}, lane names {lane_label}: {e}")));
        }
    }
}

#[test]
fn the_generated_and_example_workflows_are_drawn_cleanly() {
    for n in [0, 1, 3, 8, 10, 30, 100] {
        let doc = generate::workflow(n);
        check(&doc, &geometry(&Graph::new(&doc), LANE_LABEL), LANE_LABEL).unwrap();
    }
    for e in crate::workflow::examples::EXAMPLES {
        let doc = parse(e.json).unwrap();
        for lane_label in [60.0, 84.0, 150.0, 200.0] {
            check(&doc, &geometry(&Graph::new(&doc), lane_label), lane_label).unwrap();
        }
    }
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
fn boxes_never_share_a_cell_from_3_to_30_steps() {
    for n in [3, 10, 30] {
        let doc = generate::workflow(n);
        let l = layout(&Graph::new(&doc));
        let mut seen = std::collections::HashSet::new();
        for &cell in &l.cells {
            assert!(seen.insert(cell), "{n} steps: two steps in {cell:?}");
        }
    }
}

#[test]
fn the_svg_labels_handoffs_and_conditions_and_escapes_text() {
    let svg = svg(&expense(), &[0, 2, 0]);
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.contains(" class=\"diagram-condition\">approved</text>"));
    assert!(svg.contains(" class=\"diagram-condition\">rejected</text>"));
    assert!(svg.contains(" class=\"diagram-carries\">hands over approval</text>"));
    assert!(svg.contains("data-step=\"fix\" data-index=\"1\""));
    assert!(svg.contains("class=\"diagram-step has-problems\" data-step=\"fix\""));
    assert!(svg.contains(">!2</text>"));
    assert_eq!(svg.matches("<g").count(), svg.matches("</g>").count());
    let evil = parse(r#"{"format":"flowguide/workflow","version":1,"name":"<x>","steps":[{"id":"\"><script>","title":"<img src=x onerror=alert(1)>"}]}"#).unwrap();
    let svg = super::svg(&evil, &[]);
    assert!(!svg.contains("<script>") && !svg.contains("<img"), "{svg}");
}

/// The review step branches: each branch's condition and handoff have a place of their own.
#[test]
fn conditions_and_handoffs_of_a_branch_lie_apart() {
    let doc = expense();
    let geo = geometry(&Graph::new(&doc), LANE_LABEL);
    let from_review: Vec<_> = geo.routes.iter().filter(|r| r.from == 0).collect();
    assert_eq!(from_review.len(), 2);
    let mut rects = Vec::new();
    for r in &from_review {
        let classes: Vec<&str> = r.labels.iter().map(|l| l.class).collect();
        assert_eq!(classes, ["diagram-condition", "diagram-carries"]);
        assert_eq!(r.labels[1].lines.join(" "), "hands over approval decision");
        rects.extend(r.labels.iter().map(|l| l.rect));
    }
    for (i, a) in rects.iter().enumerate() {
        for b in &rects[..i] {
            assert!(!overlap(&grow(a, 2.0), b), "{a:?} and {b:?}");
        }
    }
    check(&doc, &geo, LANE_LABEL).unwrap();
}

#[test]
fn the_channel_is_drawn_on_its_link() {
    let svg = svg(&expense(), &[]);
    // Fix hands the claim back to review by email.
    assert!(svg.contains("· by email</text>"), "{svg}");
    let mut doc = expense();
    doc.steps[2].role = Some("manager".into());
    doc.steps[0].next.as_mut().unwrap()[0].via = Some("internal post".into());
    let svg = super::svg(&doc, &[]);
    assert!(svg.contains(" class=\"diagram-via\">by internal post</text>"), "{svg}");
}

#[test]
fn a_200_character_title_is_shown_whole() {
    let mut doc = expense();
    let title = "Check every receipt against the policy, the budget and the project code, then write down anything that does not match, and Ask_the_employee_for_the_missing_receipts_before_anything_else_happens, and then file everything";
    let title: String = title.chars().take(200).collect();
    assert_eq!(title.chars().count(), 200);
    doc.steps[1].title = title.clone();
    let d = drawing(&Graph::new(&doc), &[], "d", &Options::default());
    let part = d.parts.iter().find(|p| p.contains("data-index=\"1\"")).unwrap();
    let shown: Vec<&str> = part
        .split("text-anchor=\"middle\">")
        .skip(1)
        .map(|t| t.split("</text>").next().unwrap())
        .collect();
    assert!(shown.len() > 5, "{shown:?}");
    assert!(shown.iter().all(|l| l.chars().count() <= TITLE_CHARS));
    assert_eq!(shown.concat().replace(' ', ""), title.replace(' ', ""));
    assert!(!part.contains('…'));
    assert!(d.boxes[1].h >= shown.len() as f64 * 16.0);
}

#[test]
fn long_titles_wrap_and_long_words_break() {
    assert_eq!(
        wrap("Review the claim against the expense policy", 20),
        vec!["Review the claim", "against the expense", "policy"]
    );
    assert_eq!(wrap("abcdefghij klm", 4), vec!["abcd", "efgh", "ij", "klm"]);
    assert_eq!(wrap("ab cdefghij", 4), vec!["ab", "cdef", "ghij"]);
    // Wide characters count twice.
    assert_eq!(wrap("確認して送信する", 6), vec!["確認し", "て送信", "する"]);
    assert_eq!(wrap("", 10), vec![""]);
}

#[test]
fn selected_marks_exactly_one_box() {
    let g_doc = expense();
    let g = Graph::new(&g_doc);
    let plain = drawing(&g, &[], "d", &Options::default());
    let d = drawing(
        &g,
        &[],
        "d",
        &Options {
            selected: Some(2),
            ..Options::default()
        },
    );
    let marked: Vec<&String> = d.parts.iter().filter(|p| p.contains(" selected\"")).collect();
    assert_eq!(marked.len(), 1);
    assert!(marked[0].starts_with("<g class=\"diagram-step selected\" data-step=\"pay\" data-index=\"2\">"));
    let changed = (0..d.parts.len()).filter(|&i| d.parts[i] != plain.parts[i]).count();
    assert_eq!(changed, 1);
}

#[test]
fn the_lane_names_column_can_be_narrow() {
    let g_doc = expense();
    let g = Graph::new(&g_doc);
    let wide = drawing(&g, &[], "d", &Options::default());
    let narrow = drawing(
        &g,
        &[],
        "d",
        &Options {
            lane_label: 84.0,
            ..Options::default()
        },
    );
    assert_eq!(wide.width - narrow.width, 66.0);
    assert_eq!(narrow.boxes[0].x - wide.boxes[0].x, -66.0);
    assert_eq!(narrow.lanes.len(), 3);
    assert_eq!(narrow.lanes[1].name, "Line manager");
}

#[test]
fn the_text_alternative_says_who_hands_what_to_whom() {
    let lines = describe(&expense());
    assert_eq!(
        lines[0],
        "Step 1, Review the claim against the expense policy, by Line manager; if approved, hands off approval decision to Finance team for step 3; if rejected, hands off approval decision to Employee for step 2."
    );
    assert_eq!(
        lines[1],
        "Step 2, Fix and resubmit the claim, by Employee; hands off expense claim to Line manager by email for step 1."
    );
    assert_eq!(
        lines[2],
        "Step 3, Pay the approved amount, by Finance team; ends the workflow."
    );
}

#[test]
fn empty_documents_draw_start_and_end() {
    let svg = svg(&parse(r#"{"format":"flowguide/workflow","version":1}"#).unwrap(), &[]);
    assert!(svg.contains("Trigger: No trigger yet") && svg.contains("Outcome: No outcome yet"));
}

#[test]
fn markers_count_problems_per_step() {
    use crate::feedback::{analyse, Config};
    let mut doc = expense();
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
    let mut doc = expense();
    let before = drawing(&Graph::new(&doc), &[], "d", &Options::default());
    doc.steps[1].title.push_str(" today");
    let after = drawing(&Graph::new(&doc), &[], "d", &Options::default());
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
    let a = drawing(&g, &[], "sandbox-1-diagram", &Options::default())
        .parts
        .concat();
    let b = drawing(&g, &[], "sandbox-2-diagram", &Options::default())
        .parts
        .concat();
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

/// The end circle's node: after the steps and the start.
fn end_node(n: usize) -> usize {
    n + 1
}
