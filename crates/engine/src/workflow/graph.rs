//! What a workflow document means: the order work flows in, where it starts and ends, which steps
//! can be reached and can finish, where work changes hands and what it carries, and where each
//! step's inputs come from. Computed once per document, in time linear in its size (the one
//! exception is noted on [`Graph::input_has_source`]), and read by every feedback rule.

use std::cell::RefCell;

use rustc_hash::FxHashMap as HashMap;

use super::artifact::Keys;
use super::document::WorkflowDoc;

/// A `next` link from one step to another.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edge<'d> {
    pub from: usize,
    pub to: usize,
    /// The branch condition, if any.
    pub when: Option<&'d str>,
    pub via: Option<&'d str>,
    /// True when the document omits `next` and work continues to the following step.
    pub implicit: bool,
}

/// Work passing between two steps done by different roles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Handoff<'d> {
    pub from: usize,
    pub to: usize,
    pub from_role: &'d str,
    pub to_role: &'d str,
    /// Where what passes is in the graph's one buffer of carried names: read it with
    /// [`Graph::carries`].
    carried: (u32, u32),
    pub via: Option<&'d str>,
}

/// A list of items for each step (or each group of steps), kept in one buffer: what a
/// `Vec<Vec<T>>` holds, without an allocation for every list. `lists[i]` is list `i`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lists<T> {
    items: Vec<T>,
    /// Where each list starts in `items`, and where the last one ends.
    starts: Vec<usize>,
}

impl<T> Lists<T> {
    /// `n` lists, list `i` holding what `fill(i, …)` pushes.
    pub(crate) fn build(n: usize, mut fill: impl FnMut(usize, &mut Vec<T>)) -> Lists<T> {
        let mut items = Vec::with_capacity(n);
        let mut starts = Vec::with_capacity(n + 1);
        starts.push(0);
        for i in 0..n {
            fill(i, &mut items);
            starts.push(items.len());
        }
        Lists { items, starts }
    }

    /// How many lists there are.
    pub fn len(&self) -> usize {
        self.starts.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The lists in order.
    pub fn iter(&self) -> impl Iterator<Item = &[T]> {
        self.starts.windows(2).map(|w| &self.items[w[0]..w[1]])
    }
}

impl Lists<usize> {
    /// `n` lists from `(list, item)` pairs; each list keeps its items in the pairs' order.
    pub(crate) fn gather(n: usize, pairs: Vec<(usize, usize)>) -> Lists<usize> {
        let mut starts = vec![0usize; n + 1];
        for &(i, _) in &pairs {
            starts[i + 1] += 1;
        }
        for i in 0..n {
            starts[i + 1] += starts[i];
        }
        let mut items = vec![0; pairs.len()];
        let mut next = starts.clone();
        for (i, item) in pairs {
            items[next[i]] = item;
            next[i] += 1;
        }
        Lists { items, starts }
    }
}

impl<T> std::ops::Index<usize> for Lists<T> {
    type Output = [T];

    fn index(&self, i: usize) -> &[T] {
        &self.items[self.starts[i]..self.starts[i + 1]]
    }
}

/// An artifact key of a document, as its [`Graph`] knows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key<'g> {
    /// The key: the name lowercased, trimmed, with single spaces.
    pub text: &'g str,
    id: u32,
}

/// The analysis of one document.
#[derive(Debug)]
pub struct Graph<'d> {
    pub doc: &'d WorkflowDoc,
    /// Step id → index of its first occurrence.
    pub step_index: HashMap<&'d str, usize>,
    /// Role id (trimmed) → index of its first occurrence.
    pub role_index: HashMap<&'d str, usize>,
    /// Resolved `next` links of each step.
    pub succ: Lists<Edge<'d>>,
    /// Steps that link to each step.
    pub pred: Lists<usize>,
    /// `(step, target)` for each `next` that names no step.
    pub unknown_targets: Vec<(usize, String)>,
    /// Steps where the workflow ends: `next: []`, or the last step when it omits `next`.
    pub is_end: Vec<bool>,
    /// Steps reachable from the first step.
    pub reachable: Vec<bool>,
    /// Steps from which an end can be reached.
    pub finishes: Vec<bool>,
    /// The strongly connected component of each step (steps in one loop share it).
    pub component: Vec<usize>,
    /// Whether each component is a loop (two or more steps, or a step linking to itself).
    pub component_is_loop: Vec<bool>,
    pub handoffs: Vec<Handoff<'d>>,
    /// What every handoff carries, one after another (see [`Graph::carries`]).
    carried: Vec<&'d str>,
    /// The artifact keys of each step's inputs and outputs, computed once for every rule.
    /// Every artifact key, once; steps' inputs and outputs name them by number.
    keys: Keys,
    input_keys: Lists<u32>,
    output_keys: Lists<u32>,
    /// The steps of each strongly connected component, in list order.
    pub members: Lists<usize>,
    /// For each key, the steps that output it.
    producers: Lists<usize>,
    /// For each key, whether the trigger provides it.
    provided: Vec<bool>,
    /// For each key, whether some step takes it as input.
    consumed: Vec<bool>,
    /// Key → steps reachable from its producers; filled on demand.
    reach_from_producers: RefCell<HashMap<u32, Vec<bool>>>,
}

/// The role of a step, if it names one.
pub fn role_of(step: &super::document::StepDoc) -> Option<&str> {
    step.role.as_deref().map(str::trim).filter(|r| !r.is_empty())
}

/// Marks every step reachable from `starts`, following `neighbours` (forward along `next`, or
/// backward against it).
fn mark<F, I>(starts: impl IntoIterator<Item = usize>, n: usize, neighbours: F) -> Vec<bool>
where
    F: Fn(usize) -> I,
    I: Iterator<Item = usize>,
{
    let mut seen = vec![false; n];
    let mut stack: Vec<usize> = Vec::new();
    for s in starts {
        if !seen[s] {
            seen[s] = true;
            stack.push(s);
        }
    }
    while let Some(s) = stack.pop() {
        for t in neighbours(s) {
            if !seen[t] {
                seen[t] = true;
                stack.push(t);
            }
        }
    }
    seen
}

/// Tarjan's strongly connected components, without recursion so long workflows cannot overflow
/// the stack. Returns the component of each node and how many components there are.
fn components(succ: &Lists<Edge<'_>>) -> (Vec<usize>, usize) {
    let n = succ.len();
    const UNSEEN: usize = usize::MAX;
    let mut index = vec![UNSEEN; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut comp = vec![UNSEEN; n];
    let mut count = 0;
    let mut next_index = 0;
    for root in 0..n {
        if index[root] != UNSEEN {
            continue;
        }
        // (node, position in its successor list)
        let mut work: Vec<(usize, usize)> = vec![(root, 0)];
        index[root] = next_index;
        low[root] = next_index;
        next_index += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&mut (v, ref mut i)) = work.last_mut() {
            if let Some(edge) = succ[v].get(*i) {
                *i += 1;
                let w = edge.to;
                if index[w] == UNSEEN {
                    index[w] = next_index;
                    low[w] = next_index;
                    next_index += 1;
                    stack.push(w);
                    on_stack[w] = true;
                    work.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
            } else {
                work.pop();
                if let Some(&(parent, _)) = work.last() {
                    low[parent] = low[parent].min(low[v]);
                }
                if low[v] == index[v] {
                    while let Some(w) = stack.pop() {
                        on_stack[w] = false;
                        comp[w] = count;
                        if w == v {
                            break;
                        }
                    }
                    count += 1;
                }
            }
        }
    }
    (comp, count)
}

impl<'d> Graph<'d> {
    pub fn new(doc: &'d WorkflowDoc) -> Graph<'d> {
        let n = doc.steps.len();
        let mut step_index = HashMap::with_capacity_and_hasher(n, Default::default());
        for (i, s) in doc.steps.iter().enumerate() {
            step_index.entry(s.id.as_str()).or_insert(i);
        }
        let mut role_index = HashMap::default();
        for (i, r) in doc.roles.iter().enumerate() {
            role_index.entry(r.id.trim()).or_insert(i);
        }

        let mut unknown_targets = Vec::new();
        let mut is_end = vec![false; n];
        let succ = Lists::build(n, |i, edges| match &doc.steps[i].next {
            None if i + 1 < n => edges.push(Edge {
                from: i,
                to: i + 1,
                when: None,
                via: None,
                implicit: true,
            }),
            None => is_end[i] = true,
            Some(list) if list.is_empty() => is_end[i] = true,
            Some(list) => {
                for next in list {
                    match step_index.get(next.to.as_str()) {
                        Some(&to) => edges.push(Edge {
                            from: i,
                            to,
                            when: next.when.as_deref().filter(|w| !w.trim().is_empty()),
                            via: next.via.as_deref().filter(|v| !v.trim().is_empty()),
                            implicit: false,
                        }),
                        None => unknown_targets.push((i, next.to.clone())),
                    }
                }
            }
        });
        let pred = Lists::gather(n, succ.iter().flatten().map(|e| (e.to, e.from)).collect());

        let reachable = if n == 0 {
            Vec::new()
        } else {
            mark([0], n, |s| succ[s].iter().map(|e| e.to))
        };
        // A step whose links all name missing steps is reported by `unknown-next-step`; counting
        // it as an end here keeps every step before it from being blamed for the same mistake.
        let mut links_nowhere = vec![false; n];
        for &(i, _) in &unknown_targets {
            links_nowhere[i] = succ[i].is_empty();
        }
        let finishes = mark((0..n).filter(|&i| is_end[i] || links_nowhere[i]), n, |s| {
            pred[s].iter().copied()
        });
        let (component, count) = components(&succ);
        let mut size = vec![0usize; count];
        for &c in &component {
            size[c] += 1;
        }
        let mut component_is_loop: Vec<bool> = size.iter().map(|&s| s > 1).collect();
        for (i, edges) in succ.iter().enumerate() {
            if edges.iter().any(|e| e.to == i) {
                component_is_loop[component[i]] = true;
            }
        }

        let names = doc
            .steps
            .iter()
            .map(|s| s.inputs.len() + s.outputs.len())
            .sum::<usize>()
            + doc.trigger.as_ref().map_or(0, |t| t.provides.len());
        let mut keys = Keys::with_capacity(names);
        let input_keys = Lists::build(n, |i, ids| ids.extend(doc.steps[i].inputs.iter().map(|x| keys.add(x))));
        let output_keys = Lists::build(n, |i, ids| ids.extend(doc.steps[i].outputs.iter().map(|x| keys.add(x))));
        let trigger_keys: Vec<u32> = doc
            .trigger
            .iter()
            .flat_map(|t| &t.provides)
            .map(|p| keys.add(p))
            .collect();
        let members = Lists::gather(
            count,
            component.iter().copied().enumerate().map(|(i, c)| (c, i)).collect(),
        );
        let blank = keys.get("");
        let mut made = Vec::with_capacity(output_keys.items.len());
        for (i, ids) in output_keys.iter().enumerate() {
            for (j, &k) in ids.iter().enumerate() {
                // Each step once per artifact, even if it lists the artifact twice.
                if Some(k) != blank && !ids[..j].contains(&k) {
                    made.push((k as usize, i));
                }
            }
        }
        let producers = Lists::gather(keys.len(), made);
        let mut consumed = vec![false; keys.len()];
        for &k in &input_keys.items {
            consumed[k as usize] = true;
        }
        let mut provided = vec![false; keys.len()];
        for k in trigger_keys {
            provided[k as usize] = Some(k) != blank;
        }

        let mut handoffs = Vec::with_capacity(succ.items.len());
        let mut carried: Vec<&'d str> = Vec::new();
        for edges in succ.iter() {
            for e in edges {
                let (a, b) = (&doc.steps[e.from], &doc.steps[e.to]);
                let (Some(ra), Some(rb)) = (role_of(a), role_of(b)) else {
                    continue;
                };
                if ra == rb {
                    continue;
                }
                // Steps list a handful of artifacts each: comparing the short lists beats hashing.
                let start = carried.len() as u32;
                for (k, (o, key)) in a.outputs.iter().zip(&output_keys[e.from]).enumerate() {
                    // Each artifact once, even if the step lists it twice.
                    if input_keys[e.to].contains(key) && !output_keys[e.from][..k].contains(key) {
                        carried.push(o.as_str());
                    }
                }
                handoffs.push(Handoff {
                    from: e.from,
                    to: e.to,
                    from_role: ra,
                    to_role: rb,
                    carried: (start, carried.len() as u32),
                    via: e.via,
                });
            }
        }

        Graph {
            doc,
            step_index,
            role_index,
            succ,
            pred,
            unknown_targets,
            is_end,
            reachable,
            finishes,
            component,
            component_is_loop,
            handoffs,
            carried,
            keys,
            input_keys,
            output_keys,
            members,
            producers,
            provided,
            consumed,
            reach_from_producers: RefCell::new(HashMap::default()),
        }
    }

    /// What handoff `h` carries: the outputs of its first step that the next takes as inputs, as
    /// the first step writes them, each once.
    pub fn carries(&self, h: &Handoff) -> &[&'d str] {
        &self.carried[h.carried.0 as usize..h.carried.1 as usize]
    }

    pub fn len(&self) -> usize {
        self.doc.steps.len()
    }

    /// How a role is named: the name of the first role with this id, or the id when it has none
    /// (as [`WorkflowDoc::role_name`] says, without a pass over the roles).
    pub fn role_name<'a>(&'a self, id: &'a str) -> &'a str {
        let id = id.trim();
        self.role_index
            .get(id)
            .map(|&i| self.doc.roles[i].name.trim())
            .filter(|n| !n.is_empty())
            .unwrap_or(id)
    }

    pub fn is_empty(&self) -> bool {
        self.doc.steps.is_empty()
    }

    /// The keys of step `i`'s inputs, in order (see [`super::artifact::key`]), each with whether an
    /// earlier input of the step has the same key.
    pub fn input_keys(&self, i: usize) -> impl Iterator<Item = (Key<'_>, bool)> + '_ {
        self.keys_of(&self.input_keys[i])
    }

    /// The keys of step `i`'s outputs, in the same way.
    pub fn output_keys(&self, i: usize) -> impl Iterator<Item = (Key<'_>, bool)> + '_ {
        self.keys_of(&self.output_keys[i])
    }

    fn keys_of<'a>(&'a self, ids: &'a [u32]) -> impl Iterator<Item = (Key<'a>, bool)> + 'a {
        ids.iter().enumerate().map(move |(j, &id)| {
            (
                Key {
                    text: self.keys.text(id),
                    id,
                },
                ids[..j].contains(&id),
            )
        })
    }

    /// The key `key` (a key already), if any step or the trigger names it.
    fn key(&self, key: &str) -> Option<Key<'_>> {
        self.keys.get(key).map(|id| Key {
            text: self.keys.text(id),
            id,
        })
    }

    /// Whether `key` arrives with the trigger.
    pub fn is_provided(&self, key: &str) -> bool {
        self.key(key).is_some_and(|k| self.provided[k.id as usize])
    }

    /// Whether some step takes `key` as input.
    pub fn is_consumed(&self, key: Key<'_>) -> bool {
        self.consumed[key.id as usize]
    }

    /// [`Graph::has_source`], for a key given as text.
    pub fn input_has_source(&self, step: usize, key: &str) -> bool {
        key.is_empty() || self.key(key).is_some_and(|k| self.has_source(step, k))
    }

    /// Whether the input `key` of `step` has a source: the trigger provides it, or a step that
    /// can come before `step` (a predecessor, a step in the same loop, or any step from which
    /// `step` can be reached) outputs it.
    ///
    /// The direct checks are constant time. Only an input that passes none of them costs one
    /// search from its producers, done once per artifact name and remembered, so the analysis
    /// stays linear for workflows whose inputs come from the trigger or a nearby step.
    pub fn has_source(&self, step: usize, key: Key<'_>) -> bool {
        if key.text.is_empty() || self.provided[key.id as usize] {
            return true;
        }
        let producers = &self.producers[key.id as usize];
        if producers.is_empty() {
            return false;
        }
        let own_loop = self.component_is_loop[self.component[step]];
        if producers.iter().any(|&p| {
            (p != step && (self.pred[step].contains(&p) || (own_loop && self.component[p] == self.component[step])))
                || (p == step && own_loop)
        }) {
            return true;
        }
        let mut cache = self.reach_from_producers.borrow_mut();
        let reach = cache.entry(key.id).or_insert_with(|| {
            let starts: Vec<usize> = producers
                .iter()
                .flat_map(|&p| self.succ[p].iter().map(|e| e.to))
                .collect();
            mark(starts, self.len(), |s| self.succ[s].iter().map(|e| e.to))
        });
        reach[step]
    }

    /// Whether anything outputs `key`.
    pub fn produces(&self, key: Key<'_>) -> bool {
        !self.producers[key.id as usize].is_empty()
    }

    /// Whether anything outputs `key`.
    pub fn is_produced(&self, key: &str) -> bool {
        self.key(key).is_some_and(|k| self.produces(k))
    }

    /// The groups of steps linked to each other (ignoring direction), each in list order.
    /// A document with two or more sizeable groups holds more than one workflow.
    pub fn weakly_connected_parts(&self) -> Vec<Vec<usize>> {
        let n = self.len();
        let mut part = vec![usize::MAX; n];
        let mut parts: Vec<Vec<usize>> = Vec::new();
        for start in 0..n {
            if part[start] != usize::MAX {
                continue;
            }
            let id = parts.len();
            let mut members = vec![start];
            part[start] = id;
            let mut stack = vec![start];
            while let Some(s) = stack.pop() {
                for t in self.succ[s].iter().map(|e| e.to).chain(self.pred[s].iter().copied()) {
                    if part[t] == usize::MAX {
                        part[t] = id;
                        members.push(t);
                        stack.push(t);
                    }
                }
            }
            members.sort_unstable();
            parts.push(members);
        }
        parts
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workflow::parse;

    fn graph_of(json: &str) -> WorkflowDoc {
        parse(&format!(r#"{{"format":"flowguide/workflow","version":1,{json}}}"#)).unwrap()
    }

    #[test]
    fn expense_example_branches_loops_and_hands_off() {
        let doc = parse(include_str!("../../tests/data/expense.json")).unwrap();
        let g = Graph::new(&doc);
        assert_eq!(g.succ[0].iter().map(|e| e.to).collect::<Vec<_>>(), vec![2, 1]);
        assert_eq!(g.is_end, vec![false, false, true]);
        assert!(g.reachable.iter().all(|&r| r));
        assert!(g.finishes.iter().all(|&f| f));
        assert_eq!(g.component[0], g.component[1], "review and fix form a loop");
        assert!(g.component_is_loop[g.component[0]]);
        assert!(!g.component_is_loop[g.component[2]]);
        let h: Vec<_> = g
            .handoffs
            .iter()
            .map(|h| (h.from, h.to, g.carries(h).to_vec(), h.via))
            .collect();
        assert_eq!(
            h,
            vec![
                (0, 2, vec!["approval decision"], None),
                (0, 1, vec!["approval decision"], None),
                (1, 0, vec!["expense claim"], Some("email")),
            ]
        );
        assert!(g.input_has_source(2, "expense claim"));
        assert!(g.input_has_source(1, "approval decision"));
    }

    #[test]
    fn omitted_next_continues_and_the_last_step_ends() {
        let doc = graph_of(r#""steps":[{"id":"a"},{"id":"b"},{"id":"c"}]"#);
        let g = Graph::new(&doc);
        assert!(g.succ[0][0].implicit && g.succ[0][0].to == 1);
        assert_eq!(g.is_end, vec![false, false, true]);
    }

    #[test]
    fn unknown_targets_unreachable_steps_and_trapped_loops() {
        let doc = graph_of(
            r#""steps":[{"id":"a","next":[{"to":"b"},{"to":"ghost"}]},{"id":"b","next":[{"to":"c"}]},{"id":"c","next":[{"to":"b"}]},{"id":"d","next":[]}]"#,
        );
        let g = Graph::new(&doc);
        assert_eq!(g.unknown_targets, vec![(0, "ghost".to_string())]);
        assert_eq!(g.reachable, vec![true, true, true, false]);
        assert_eq!(g.finishes, vec![false, false, false, true]);
        assert!(g.component_is_loop[g.component[1]]);
        assert_eq!(g.component[1], g.component[2]);
    }

    #[test]
    fn inputs_need_a_source_upstream() {
        let doc = graph_of(
            r#""trigger":{"description":"t","provides":["Form"]},"steps":[{"id":"a","inputs":["form "],"outputs":["Report"]},{"id":"b","inputs":["report","budget"],"outputs":["budget"]},{"id":"c","inputs":["report"]}]"#,
        );
        let g = Graph::new(&doc);
        assert!(g.input_has_source(0, "form"));
        assert!(g.input_has_source(1, "report"));
        assert!(
            !g.input_has_source(1, "budget"),
            "a step's own output is not its source"
        );
        assert!(g.input_has_source(2, "report"), "two steps upstream counts");
        assert!(!g.input_has_source(0, "report"), "downstream output is no source");
    }

    #[test]
    fn roles_are_named_as_the_document_names_them() {
        let doc = graph_of(
            r#""roles":[{"id":" desk ","name":" Front desk "},{"id":"desk","name":"Second"},{"id":"store","name":""}],"steps":[{"id":"a","role":"desk"}]"#,
        );
        let g = Graph::new(&doc);
        for id in ["desk", " desk", "store", "ghost", ""] {
            assert_eq!(g.role_name(id), doc.role_name(id), "{id:?}");
        }
        assert_eq!(g.role_name("desk"), "Front desk");
    }

    #[test]
    fn long_workflows_do_not_overflow_the_stack() {
        let steps: Vec<String> = (0..50_000).map(|i| format!(r#"{{"id":"s{i}"}}"#)).collect();
        let doc = graph_of(&format!(r#""steps":[{}]"#, steps.join(",")));
        let g = Graph::new(&doc);
        assert!(g.finishes[0] && g.reachable[49_999]);
        assert_eq!(g.weakly_connected_parts().len(), 1);
    }

    proptest::proptest! {
        /// `Lists` holds what a `Vec<Vec<T>>` would, in the same order, however it is built.
        #[test]
        fn lists_hold_what_nested_vectors_would(pairs in proptest::collection::vec((0usize..6, 0usize..100), 0..40)) {
            let mut nested: Vec<Vec<usize>> = vec![Vec::new(); 6];
            for &(i, x) in &pairs {
                nested[i].push(x);
            }
            let gathered = Lists::gather(6, pairs);
            let built: Lists<usize> = Lists::build(6, |i, items| items.extend(&nested[i]));
            proptest::prop_assert_eq!(gathered.len(), 6);
            for i in 0..6 {
                proptest::prop_assert_eq!(&gathered[i], &nested[i][..]);
                proptest::prop_assert_eq!(&built[i], &nested[i][..]);
            }
            proptest::prop_assert!(gathered.iter().map(<[usize]>::to_vec).eq(nested.into_iter()));
        }
    }
}
