//! A small DOM builder on Leptos's reactive system: elements are made with web-sys, and each
//! reactive part (a text, an attribute, a class, a region) is one Leptos render
//! effect that updates just that part.
//!
//! Why not `view!`: Leptos's typed views compile each view's element tree into its own build,
//! mount, rebuild and drop code. Here every generic entry point only boxes its closure and calls
//! one shared, non-generic function. Measured on the whole sandbox (the same elements, ids and
//! behaviour, the same 129 browser tests passing): the embed bundle went from 290.4 KB to
//! 223.5 KB gzip, and the studio from 305.9 KB to 240.8 KB (see docs/PERFORMANCE.md).
//!
//! Ownership follows Leptos: effects and event listeners belong to the [`Owner`] current when
//! they are made, and go when it is cleaned up. A region ([`El::region`]) gets an
//! owner of its own, so replacing it disposes everything made inside it.

use rustc_hash::FxHashMap as HashMap;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, Node};

thread_local! {
    static DOCUMENT: web_sys::Document = web_sys::window()
        .and_then(|w| w.document())
        .expect("the sandbox runs in a page with a document");
}

fn doc<T>(f: impl FnOnce(&web_sys::Document) -> T) -> T {
    DOCUMENT.with(f)
}

/// An element being built. Methods take and return it, so a tree reads top-down.
pub struct El(pub Element);

/// A new HTML element.
pub fn el(tag: &str) -> El {
    El(doc(|d| d.create_element(tag)).expect("a valid tag name"))
}

/// A new SVG element.
pub fn svg(tag: &str) -> El {
    El(doc(|d| d.create_element_ns(Some("http://www.w3.org/2000/svg"), tag)).expect("a valid SVG tag name"))
}

/// A `<button type="button" class=…>` with its text and click handler: the commonest control.
pub fn button(class: &str, text: &str, on_click: impl FnMut(Event) + 'static) -> El {
    button_boxed(class, text, Box::new(on_click))
}

fn button_boxed(class: &str, text: &str, on_click: Box<dyn FnMut(Event)>) -> El {
    let b = el("button").attr("type", "button").class(class).text(text);
    listen(&b.0, "click", on_click);
    b
}

type ItemFn = Box<dyn Fn(usize, &str) -> El>;

/// An `<option>` with its value and text.
pub fn option(value: &str, text: &str) -> El {
    el("option").attr("value", value).text(text)
}

/// Keeps `value` alive as long as the current owner.
fn keep<T: 'static>(value: T) {
    let _ = StoredValue::new_local(value);
}

/// Runs `f` now and again whenever a signal it read changes, for as long as the current owner.
pub fn effect(f: impl Fn() + 'static) {
    effect_boxed(Box::new(f));
}

fn effect_boxed(f: Box<dyn Fn()>) {
    keep(RenderEffect::new(move |_: Option<()>| f()));
}

impl El {
    pub fn attr(self, name: &str, value: &str) -> El {
        let _ = self.0.set_attribute(name, value);
        self
    }

    pub fn id(self, value: &str) -> El {
        self.attr("id", value)
    }

    pub fn class(self, value: &str) -> El {
        self.attr("class", value)
    }

    /// Appends a text node.
    pub fn text(self, text: &str) -> El {
        let node = doc(|d| d.create_text_node(text));
        let _ = self.0.append_child(&node);
        self
    }

    pub fn child(self, child: El) -> El {
        let _ = self.0.append_child(&child.0);
        self
    }

    pub fn child_opt(self, child: Option<El>) -> El {
        match child {
            Some(c) => self.child(c),
            None => self,
        }
    }

    pub fn children(self, children: impl IntoIterator<Item = El>) -> El {
        for c in children {
            let _ = self.0.append_child(&c.0);
        }
        self
    }

    /// Listens for `event` while the current owner lives.
    pub fn on(self, event: &str, f: impl FnMut(Event) + 'static) -> El {
        listen(&self.0, event, Box::new(f));
        self
    }

    /// A text node that follows `f`.
    pub fn text_with(self, f: impl Fn() -> String + 'static) -> El {
        self.text_with_boxed(Box::new(f))
    }

    fn text_with_boxed(self, f: Box<dyn Fn() -> String>) -> El {
        let node = doc(|d| d.create_text_node(""));
        let _ = self.0.append_child(&node);
        effect_boxed(Box::new(move || {
            let text = f();
            if node.data() != text {
                node.set_data(&text);
            }
        }));
        self
    }

    /// An attribute that follows `f`: set to its value, or removed when it gives `None`.
    pub fn attr_with(self, name: &'static str, f: impl Fn() -> Option<String> + 'static) -> El {
        self.attr_with_boxed(name, Box::new(f))
    }

    fn attr_with_boxed(self, name: &'static str, f: Box<dyn Fn() -> Option<String>>) -> El {
        let e = self.0.clone();
        effect_boxed(Box::new(move || match f() {
            Some(v) => {
                if e.get_attribute(name).as_deref() != Some(v.as_str()) {
                    let _ = e.set_attribute(name, &v);
                }
            }
            None => {
                let _ = e.remove_attribute(name);
            }
        }));
        self
    }

    /// A present-or-absent attribute (`disabled`, `hidden`, `aria-…` flags written as "true").
    pub fn flag_with(self, name: &'static str, f: impl Fn() -> bool + 'static) -> El {
        self.attr_with_boxed(name, Box::new(move || f().then(String::new)))
    }

    /// A class that is on while `f` says so.
    pub fn class_if(self, name: &'static str, f: impl Fn() -> bool + 'static) -> El {
        self.class_if_boxed(name, Box::new(f))
    }

    fn class_if_boxed(self, name: &'static str, f: Box<dyn Fn() -> bool>) -> El {
        let list = self.0.class_list();
        effect_boxed(Box::new(move || {
            let _ = list.toggle_with_force(name, f());
        }));
        self
    }

    /// An input's or textarea's value that follows `f`, written only when it differs (so the
    /// caret stays where the learner is typing).
    pub fn value_with(self, f: impl Fn() -> String + 'static) -> El {
        self.value_with_boxed(Box::new(f))
    }

    fn value_with_boxed(self, f: Box<dyn Fn() -> String>) -> El {
        let e = self.0.clone();
        effect_boxed(Box::new(move || {
            let v = f();
            if let Some(i) = e.dyn_ref::<web_sys::HtmlInputElement>() {
                if i.value() != v {
                    i.set_value(&v);
                }
            } else if let Some(t) = e.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                if t.value() != v {
                    t.set_value(&v);
                }
            } else if let Some(s) = e.dyn_ref::<web_sys::HtmlSelectElement>() {
                if s.value() != v {
                    s.set_value(&v);
                }
            }
        }));
        self
    }

    /// A region whose content follows `f`: when a signal `f` read changes, what it drew before is
    /// removed (with its effects and listeners) and its new content takes its place.
    pub fn region(self, f: impl Fn() -> Option<El> + 'static) -> El {
        self.region_boxed(Box::new(move || f().into_iter().collect()))
    }

    /// A region of several elements (options of a select, say); see [`El::region`].
    pub fn region_all(self, f: impl Fn() -> Vec<El> + 'static) -> El {
        self.region_boxed(Box::new(f))
    }

    /// Shows what `build` draws while `show` says so, like Leptos's `<Show>`: only a change of
    /// `show`'s answer redraws it, whatever `build` reads.
    pub fn when(self, show: impl Fn() -> bool + Send + Sync + 'static, build: impl Fn() -> El + 'static) -> El {
        let shown = Memo::new(move |_| show());
        self.region_boxed(Box::new(
            move || {
                if shown.get() {
                    vec![untrack(&build)]
                } else {
                    Vec::new()
                }
            },
        ))
    }

    fn region_boxed(self, f: Box<dyn Fn() -> Vec<El>>) -> El {
        let anchor: Node = doc(|d| d.create_comment("")).into();
        let _ = self.0.append_child(&anchor);
        let parent = self.0.clone();
        let mut shown: Vec<Element> = Vec::new();
        keep(RenderEffect::new(move |_: Option<()>| {
            // The effect's owner was cleaned before this run: the old content's effects are gone.
            let next = f();
            for old in shown.drain(..) {
                old.remove();
            }
            for El(e) in next {
                let _ = parent.insert_before(&e, Some(&anchor));
                shown.push(e);
            }
        }));
        self
    }

    /// A list of children, one per key from `keys`, each drawn by `item(position, key)` and kept
    /// while its key stays in the list: an edit redraws only the items whose keys changed, and
    /// an item that stays keeps its elements (and the focus, if it is inside).
    pub fn list(self, keys: impl Fn() -> Vec<String> + 'static, item: impl Fn(usize, &str) -> El + 'static) -> El {
        self.list_boxed(Box::new(keys), Box::new(item))
    }

    fn list_boxed(self, keys: Box<dyn Fn() -> Vec<String>>, item: ItemFn) -> El {
        let anchor: Node = doc(|d| d.create_comment("")).into();
        let _ = self.0.append_child(&anchor);
        let parent = self.0.clone();
        let home = Owner::current().unwrap_or_default();
        let mut rows: Vec<(String, Element, Owner)> = Vec::new();
        keep(RenderEffect::new(move |_: Option<()>| {
            // The items drawn so far, by key, with their places (a key may repeat; each copy is
            // used once, in order).
            let mut old: HashMap<String, Vec<(usize, Element, Owner)>> = HashMap::default();
            for (place, (key, e, owner)) in rows.drain(..).enumerate().rev() {
                old.entry(key).or_default().push((place, e, owner));
            }
            let mut next = Vec::new();
            // Whether the items must be placed again: one is new, or one moved.
            let mut reorder = false;
            let mut last = None;
            for (pos, key) in keys().into_iter().enumerate() {
                let kept = old.get_mut(&key).and_then(Vec::pop);
                next.push(match kept {
                    Some((place, e, owner)) => {
                        reorder |= last.is_some_and(|l| place < l);
                        last = Some(place);
                        (key, e, owner)
                    }
                    None => {
                        reorder = true;
                        // Each item belongs to the list's owner, not to this effect's, which is
                        // cleaned on every run.
                        let owner = home.with(Owner::new);
                        let El(e) = owner.with(|| untrack(|| item(pos, &key)));
                        (key, e, owner)
                    }
                });
            }
            for (_, e, owner) in old.into_values().flatten() {
                e.remove();
                owner.cleanup();
            }
            // Place the items from the last, moving only those out of place (a kept item whose
            // next sibling is already right stays where it is). Items only removed leave the
            // others in order.
            if reorder {
                let mut before: Node = anchor.clone();
                for (_, e, _) in next.iter().rev() {
                    let node: &Node = e.as_ref();
                    if node.next_sibling().as_ref() != Some(&before) {
                        let _ = parent.insert_before(node, Some(&before));
                    }
                    before = node.clone();
                }
            }
            rows = next;
        }));
        self
    }

    /// A boolean DOM property (`checked`, `selected`) that follows `f`.
    pub fn prop_with(self, name: &'static str, f: impl Fn() -> bool + 'static) -> El {
        let e = self.0.clone();
        effect_boxed(Box::new(move || {
            let _ = js_sys::Reflect::set(&e, &name.into(), &f().into());
        }));
        self
    }

    /// Sets one style property through the CSSOM (which the page's Content Security Policy
    /// allows, where a `style` attribute would be refused).
    pub fn style(self, name: &str, value: &str) -> El {
        if let Some(h) = self.0.dyn_ref::<web_sys::HtmlElement>() {
            let _ = h.style().set_property(name, value);
        }
        self
    }

    /// A style property that follows `f` (through the CSSOM, as [`El::style`]).
    pub fn style_with(self, name: &'static str, f: impl Fn() -> String + 'static) -> El {
        if let Some(h) = self.0.dyn_ref::<web_sys::HtmlElement>() {
            let style = h.style();
            effect_boxed(Box::new(move || {
                let _ = style.set_property(name, &f());
            }));
        }
        self
    }

    /// Sets the element's markup (for SVG the core has already escaped).
    pub fn inner_html(self, html: &str) -> El {
        self.0.set_inner_html(html);
        self
    }

    /// The element, for handing to code that needs it later (focus, reading a value).
    pub fn handle(&self) -> Element {
        self.0.clone()
    }
}

fn listen(target: &Element, event: &str, f: Box<dyn FnMut(Event)>) {
    let closure = Closure::<dyn FnMut(Event)>::wrap(f);
    let _ = target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    let target = target.clone();
    let event = event.to_string();
    keep(Listener { target, event, closure });
}

/// An event listener, removed when its owner goes.
struct Listener {
    target: Element,
    event: String,
    closure: Closure<dyn FnMut(Event)>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self
            .target
            .remove_event_listener_with_callback(&self.event, self.closure.as_ref().unchecked_ref());
    }
}

/// A [`El::list`] key for an item known by a number and its text together (its place in the
/// list, or which copy of the same text it is), so the item is kept only while both stay.
pub fn numbered_key(n: usize, text: &str) -> String {
    format!("{n}\u{1}{text}")
}

/// The text of a [`numbered_key`].
pub fn key_text(key: &str) -> &str {
    key.split_once('\u{1}').map_or(key, |(_, text)| text)
}

/// Mounts what `f` builds as the last child of `parent`, for the life of the page.
pub fn mount(parent: &Element, f: impl FnOnce() -> El) {
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    let El(e) = owner.with(f);
    let _ = parent.append_child(&e);
    std::mem::forget(owner);
}

/// The value of the element an event came from (an input, a select or a textarea).
pub fn target_value(e: &Event) -> String {
    let Some(t) = e.target() else { return String::new() };
    if let Some(i) = t.dyn_ref::<web_sys::HtmlInputElement>() {
        i.value()
    } else if let Some(s) = t.dyn_ref::<web_sys::HtmlSelectElement>() {
        s.value()
    } else if let Some(a) = t.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        a.value()
    } else {
        String::new()
    }
}
