//! The search box: a combobox over the site's search index, driven by the arrow keys and Enter.
//!
//! The index documents are fetched the first time the reader focuses the box (or presses `/`),
//! and the `SearchIndex` is built once from them. Every keystroke then only queries it. The
//! result list is drawn from `SearchIndex::results_html`, which escapes all text.

use std::cell::RefCell;
use std::rc::Rc;

use flowguide_search::{decode_docs, Hit, SearchIndex};
use gloo_events::EventListener;
use wasm_bindgen::JsCast;

use crate::dom;
use crate::nav::{self, Navigation};

/// How many results the box lists at most.
const MAX_RESULTS: usize = 8;

enum IndexState {
    NotLoaded,
    Loading,
    Ready(Rc<SearchIndex>),
    Failed(String),
}

struct State {
    index: IndexState,
    hits: Vec<Hit>,
    active: Option<usize>,
    open: bool,
}

thread_local! {
    static STATE: RefCell<State> = const {
        RefCell::new(State { index: IndexState::NotLoaded, hits: Vec::new(), active: None, open: false })
    };
}

fn input() -> Option<web_sys::HtmlInputElement> {
    dom::document()?.get_element_by_id("site-search")?.dyn_into().ok()
}

/// Draws the status line, the results and the combobox's state from [`STATE`].
fn render() {
    let Some(doc) = dom::document() else { return };
    let Some(input) = input() else { return };
    let query = input.value();
    STATE.with(|s| {
        let s = s.borrow();
        let expanded = s.open && !query.trim().is_empty();
        let status = if query.trim().is_empty() {
            String::new()
        } else {
            match &s.index {
                IndexState::NotLoaded | IndexState::Loading => "Loading search…".to_string(),
                IndexState::Failed(e) => format!("Search is not available: {e}"),
                IndexState::Ready(_) => match s.hits.len() {
                    0 => format!("No pages match “{}”.", query.trim()),
                    1 => "1 result. Arrow keys choose, Enter opens.".to_string(),
                    n => format!("{n} results. Arrow keys choose, Enter opens."),
                },
            }
        };
        let results = match &s.index {
            IndexState::Ready(ix) => ix.results_html(&s.hits, s.active),
            _ => String::new(),
        };
        let _ = input.set_attribute("aria-expanded", if expanded { "true" } else { "false" });
        match s.active {
            Some(i) => {
                let _ = input.set_attribute("aria-activedescendant", &format!("search-result-{i}"));
            }
            None => {
                let _ = input.remove_attribute("aria-activedescendant");
            }
        }
        if let Some(panel) = doc.query_selector(".search-panel").ok().flatten() {
            if expanded {
                let _ = panel.remove_attribute("hidden");
            } else {
                let _ = panel.set_attribute("hidden", "");
            }
        }
        if let Some(el) = doc.query_selector(".search-status").ok().flatten() {
            if el.text_content().unwrap_or_default() != status {
                el.set_text_content(Some(&status));
            }
        }
        if let Some(list) = doc.get_element_by_id("search-results") {
            list.set_inner_html(&results);
        }
        // Keep the option chosen with the arrow keys in view (focus stays in the box).
        if let Some(el) = s
            .active
            .and_then(|i| doc.get_element_by_id(&format!("search-result-{i}")))
        {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
            el.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });
}

fn query_now() {
    let query = input().map(|i| i.value()).unwrap_or_default();
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.hits = match &s.index {
            IndexState::Ready(ix) => ix.search(&query, MAX_RESULTS),
            _ => Vec::new(),
        };
        s.active = None;
    });
    render();
}

fn ensure_loaded() {
    let start = STATE.with(|s| {
        let mut s = s.borrow_mut();
        if matches!(s.index, IndexState::NotLoaded | IndexState::Failed(_)) {
            s.index = IndexState::Loading;
            true
        } else {
            false
        }
    });
    if !start {
        return;
    }
    wasm_bindgen_futures::spawn_local(async {
        let state = match dom::fetch_text("search-docs.txt").await {
            Ok(page) if page.status == 200 => match decode_docs(&page.text) {
                Ok(docs) => IndexState::Ready(Rc::new(SearchIndex::new(docs))),
                Err(e) => IndexState::Failed(format!("the search index is damaged ({e})")),
            },
            Ok(page) => IndexState::Failed(format!("the server answered {} (search-docs.txt)", page.status)),
            Err(e) => IndexState::Failed(e),
        };
        STATE.with(|s| s.borrow_mut().index = state);
        query_now();
    });
}

/// Opens result `i` and clears the box.
fn go(i: usize, navigation: Navigation) {
    let target = STATE.with(|s| {
        let mut s = s.borrow_mut();
        let href = match &s.index {
            IndexState::Ready(ix) => s.hits.get(i).map(|h| ix.docs()[h.doc].href()),
            _ => None,
        };
        if href.is_some() {
            s.open = false;
            s.active = None;
            s.hits.clear();
        }
        href
    });
    if let Some(href) = target {
        if let Some(input) = input() {
            input.set_value("");
        }
        render();
        nav::go(&href, navigation);
    }
}

pub fn start(doc: &web_sys::Document, navigation: Navigation) {
    let Some(input) = input() else { return };
    if let Some(form) = doc.query_selector("form.search").ok().flatten() {
        EventListener::new_with_options(
            &form,
            "submit",
            gloo_events::EventListenerOptions::enable_prevent_default(),
            |e| e.prevent_default(),
        )
        .forget();
    }
    EventListener::new(&input, "focus", |_| {
        ensure_loaded();
        STATE.with(|s| s.borrow_mut().open = true);
        render();
    })
    .forget();
    EventListener::new(&input, "input", |_| {
        ensure_loaded();
        STATE.with(|s| s.borrow_mut().open = true);
        query_now();
    })
    .forget();
    EventListener::new(&input, "blur", |_| {
        STATE.with(|s| s.borrow_mut().open = false);
        render();
    })
    .forget();
    EventListener::new_with_options(
        &input,
        "keydown",
        gloo_events::EventListenerOptions::enable_prevent_default(),
        move |e| {
            let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                return;
            };
            let key = e.key();
            let n = STATE.with(|s| s.borrow().hits.len());
            match key.as_str() {
                "ArrowDown" | "ArrowUp" if n > 0 => {
                    e.prevent_default();
                    let forward = key == "ArrowDown";
                    STATE.with(|s| {
                        let mut s = s.borrow_mut();
                        s.open = true;
                        s.active = Some(match (s.active, forward) {
                            (None, true) => 0,
                            (None, false) => n - 1,
                            (Some(i), true) => (i + 1) % n,
                            (Some(i), false) => (i + n - 1) % n,
                        });
                    });
                    render();
                }
                "Enter" => {
                    e.prevent_default();
                    if n > 0 {
                        let i = STATE.with(|s| s.borrow().active.unwrap_or(0));
                        go(i, navigation);
                    }
                }
                "Escape" => {
                    let query = self::input().map(|i| i.value()).unwrap_or_default();
                    let open = STATE.with(|s| s.borrow().open);
                    if open && !query.is_empty() {
                        STATE.with(|s| s.borrow_mut().open = false);
                    } else if let Some(i) = self::input() {
                        i.set_value("");
                        STATE.with(|s| s.borrow_mut().hits.clear());
                    }
                    STATE.with(|s| s.borrow_mut().active = None);
                    render();
                }
                _ => {}
            }
        },
    )
    .forget();
    if let Some(list) = doc.get_element_by_id("search-results") {
        // Keep focus in the box while a result is pressed.
        EventListener::new_with_options(
            &list,
            "mousedown",
            gloo_events::EventListenerOptions::enable_prevent_default(),
            |e| e.prevent_default(),
        )
        .forget();
        EventListener::new(&list, "click", move |e| {
            let option = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("[data-index]").ok().flatten());
            if let Some(i) = option
                .and_then(|o| o.get_attribute("data-index"))
                .and_then(|i| i.parse().ok())
            {
                go(i, navigation);
            }
        })
        .forget();
    }
}
