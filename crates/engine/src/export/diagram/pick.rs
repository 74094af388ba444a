//! Finding things on a drawing: which box or lane a point is in, what dropping a dragged box
//! there does, and which box an arrow key moves the selection to. The sandbox's pointer and
//! keyboard handling asks these; they work on the numbers the drawing reports, in its own units.

use super::{Drawing, Rect};

/// What dropping step `step`'s box at a point does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Drop {
    /// On another step's box: link the dragged step to it.
    Link(usize),
    /// In another lane: give the step that lane's role.
    Lane(usize),
    /// Back on itself, in its own lane, or off the drawing.
    Nothing,
}

fn inside(r: &Rect, x: f64, y: f64) -> bool {
    x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h
}

/// The step whose box is at `(x, y)`.
pub fn box_at(d: &Drawing, x: f64, y: f64) -> Option<usize> {
    d.boxes.iter().position(|r| inside(r, x, y))
}

/// The lane at height `y`.
pub fn lane_at(d: &Drawing, y: f64) -> Option<usize> {
    d.lanes.iter().position(|b| y >= b.top && y < b.top + b.height)
}

/// The lane step `i`'s box is in.
pub fn lane_of(d: &Drawing, i: usize) -> Option<usize> {
    lane_at(d, d.boxes.get(i)?.y)
}

/// What dropping step `step`'s box at `(x, y)` does.
pub fn drop_at(d: &Drawing, step: usize, x: f64, y: f64) -> Drop {
    match box_at(d, x, y) {
        Some(j) if j == step => Drop::Nothing,
        Some(j) => Drop::Link(j),
        None => match lane_at(d, y) {
            Some(k) if lane_of(d, step) != Some(k) => Drop::Lane(k),
            _ => Drop::Nothing,
        },
    }
}

/// A move of the selection on the diagram.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// The next or previous step in the list (the order the editor shows).
    Next,
    Previous,
    /// The nearest box in the lanes above or below.
    Up,
    Down,
    First,
    Last,
}

/// Where the selection goes from `from` (or from nothing) on a move. `None` when the drawing
/// has no steps.
pub fn next(d: &Drawing, from: Option<usize>, step: Step) -> Option<usize> {
    let n = d.boxes.len();
    let last = n.checked_sub(1)?;
    let from = from.filter(|&i| i < n);
    Some(match (step, from) {
        (Step::First, _) | (_, None) => 0,
        (Step::Last, _) => last,
        (Step::Next, Some(i)) => (i + 1).min(last),
        (Step::Previous, Some(i)) => i.saturating_sub(1),
        (Step::Up | Step::Down, Some(i)) => {
            let r = d.boxes[i];
            let (middle, centre) = (r.y + r.h / 2.0, r.x + r.w / 2.0);
            // Nearer lanes first, then the box closest across.
            let cost = |b: &Rect| (b.y - r.y).abs() * 4.0 + (b.x + b.w / 2.0 - centre).abs();
            let mut best: Option<(usize, f64)> = None;
            for (j, b) in d.boxes.iter().enumerate() {
                let wanted = if step == Step::Down {
                    b.y > middle
                } else {
                    b.y + b.h < middle
                };
                if wanted && best.is_none_or(|(_, c)| cost(b) < c) {
                    best = Some((j, cost(b)));
                }
            }
            best.map_or(i, |(j, _)| j)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::diagram::{drawing, Options};
    use crate::workflow::graph::Graph;
    use crate::workflow::parse;

    fn expense() -> Drawing {
        let doc = parse(include_str!("../../../tests/data/expense.json")).unwrap();
        drawing(&Graph::new(&doc), &[], "d", &Options::default())
    }

    fn centre(r: &Rect) -> (f64, f64) {
        (r.x + r.w / 2.0, r.y + r.h / 2.0)
    }

    #[test]
    fn a_drop_links_on_a_box_and_moves_in_another_lane() {
        let d = expense();
        // Steps: review (Line manager), fix (Employee), pay (Finance team).
        let (fx, fy) = centre(&d.boxes[1]);
        assert_eq!(drop_at(&d, 2, fx, fy), Drop::Link(1));
        let (px, py) = centre(&d.boxes[2]);
        assert_eq!(drop_at(&d, 2, px, py), Drop::Nothing, "back on itself");
        let employee = lane_of(&d, 1).unwrap();
        let left = d.boxes.iter().map(|b| b.x).fold(f64::MAX, f64::min) - 5.0;
        let y = d.lanes[employee].top + 2.0;
        assert_eq!(box_at(&d, left, y), None);
        assert_eq!(drop_at(&d, 2, left, y), Drop::Lane(employee));
        assert_eq!(drop_at(&d, 1, left, y), Drop::Nothing, "its own lane");
        assert_eq!(drop_at(&d, 1, left, d.height + 50.0), Drop::Nothing, "off the drawing");
    }

    #[test]
    fn arrow_keys_walk_the_list_and_the_lanes() {
        let d = expense();
        assert_eq!(next(&d, None, Step::Next), Some(0));
        assert_eq!(next(&d, Some(0), Step::Next), Some(1));
        assert_eq!(next(&d, Some(2), Step::Next), Some(2), "stays on the last");
        assert_eq!(next(&d, Some(0), Step::Previous), Some(0));
        assert_eq!(next(&d, Some(1), Step::Last), Some(2));
        // From review (the middle lane), up is fix (Employee, above) and down is pay.
        assert_eq!(next(&d, Some(0), Step::Up), Some(1));
        assert_eq!(next(&d, Some(0), Step::Down), Some(2));
        assert_eq!(next(&d, Some(1), Step::Up), Some(1), "nothing above the top lane");
        let empty = Drawing {
            width: 0.0,
            height: 0.0,
            title: String::new(),
            lanes: Vec::new(),
            boxes: Vec::new(),
            parts: Vec::new(),
        };
        assert_eq!(next(&empty, None, Step::Next), None);
    }
}
