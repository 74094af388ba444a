//! The search box: a combobox over the site's search index, driven by the arrow keys and Enter.
//!
//! The index documents are fetched the first time the reader focuses the box (or presses `/`),
//! and the [`SearchIndex`] is built once from them. Every keystroke then only queries it. The
//! result list is drawn from [`SearchIndex::results_html`], which escapes all text.

use std::sync::Arc;

use flowguide_search::{decode_docs, Hit, SearchIndex};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use wasm_bindgen::JsCast;

use crate::browser::fetch_text;

/// How many results the box lists at most.
const MAX_RESULTS: usize = 8;

#[derive(Clone)]
enum IndexState {
    NotLoaded,
    Loading,
    Ready(Arc<SearchIndex>),
    Failed(String),
}

#[component]
pub fn Search() -> impl IntoView {
    let query = RwSignal::new(String::new());
    let index = RwSignal::new(IndexState::NotLoaded);
    let active = RwSignal::new(None::<usize>);
    let open = RwSignal::new(false);
    let navigate = use_navigate();

    let ensure_loaded = move || {
        if !matches!(index.get_untracked(), IndexState::NotLoaded | IndexState::Failed(_)) {
            return;
        }
        index.set(IndexState::Loading);
        spawn_local(async move {
            let state = match fetch_text("search-docs.txt").await {
                Ok(text) => match decode_docs(&text) {
                    Ok(docs) => IndexState::Ready(Arc::new(SearchIndex::new(docs))),
                    Err(e) => IndexState::Failed(format!("the search index is damaged ({e})")),
                },
                Err(e) => IndexState::Failed(e),
            };
            index.set(state);
        });
    };

    let hits = Memo::new(move |_| match index.get() {
        IndexState::Ready(ix) => ix.search(&query.get(), MAX_RESULTS),
        _ => Vec::<Hit>::new(),
    });

    // Stored so the key and click handlers can share it (navigate is not Copy).
    let go = StoredValue::new_local(move |i: usize| {
        let IndexState::Ready(ix) = index.get_untracked() else {
            return;
        };
        if let Some(hit) = hits.get_untracked().get(i) {
            open.set(false);
            query.set(String::new());
            active.set(None);
            navigate(&ix.docs()[hit.doc].path(), Default::default());
        }
    });
    let go = move |i: usize| go.with_value(|go| go(i));

    let on_keydown = move |e: web_sys::KeyboardEvent| {
        let n = hits.with_untracked(Vec::len);
        let step = |forward: bool| {
            open.set(true);
            active.update(|a| {
                *a = Some(match (*a, forward) {
                    (None, true) => 0,
                    (None, false) => n - 1,
                    (Some(i), true) => (i + 1) % n,
                    (Some(i), false) => (i + n - 1) % n,
                })
            });
        };
        match e.key().as_str() {
            "ArrowDown" | "ArrowUp" if n > 0 => {
                e.prevent_default();
                step(e.key() == "ArrowDown");
            }
            "Enter" => {
                e.prevent_default();
                if n > 0 {
                    go(active.get_untracked().unwrap_or(0));
                }
            }
            "Escape" => {
                if open.get_untracked() && !query.get_untracked().is_empty() {
                    open.set(false);
                } else {
                    query.set(String::new());
                }
                active.set(None);
            }
            _ => {}
        }
    };

    // Clicking a result: find which option the click landed in.
    let on_click = move |e: web_sys::MouseEvent| {
        let option = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("[data-index]").ok().flatten());
        if let Some(i) = option
            .and_then(|o| o.get_attribute("data-index"))
            .and_then(|i| i.parse().ok())
        {
            go(i);
        }
    };

    let status = move || {
        let q = query.get();
        if q.trim().is_empty() {
            return String::new();
        }
        match index.get() {
            IndexState::NotLoaded | IndexState::Loading => "Loading search…".to_string(),
            IndexState::Failed(e) => format!("Search is not available: {e}"),
            IndexState::Ready(_) => match hits.with(Vec::len) {
                0 => format!("No pages match “{}”.", q.trim()),
                1 => "1 result. Arrow keys choose, Enter opens.".to_string(),
                n => format!("{n} results. Arrow keys choose, Enter opens."),
            },
        }
    };
    let results_html = move || match index.get() {
        IndexState::Ready(ix) => ix.results_html(&hits.get(), active.get()),
        _ => String::new(),
    };
    let expanded = move || open.get() && !query.get().trim().is_empty();
    // Keep the option chosen with the arrow keys in view (focus stays in the box).
    Effect::new(move |_| {
        if let Some(el) = active
            .get()
            .and_then(|i| document().get_element_by_id(&format!("search-result-{i}")))
        {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
            el.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });

    view! {
        <form class="search" role="search" on:submit=|e| e.prevent_default()>
            <label for="site-search" class="visually-hidden">
                "Search lessons, reference pages and the glossary"
            </label>
            <input
                id="site-search"
                type="search"
                placeholder="Search (press /)"
                autocomplete="off"
                spellcheck="false"
                role="combobox"
                aria-autocomplete="list"
                aria-controls="search-results"
                aria-expanded=move || expanded().to_string()
                aria-activedescendant=move || active.get().map(|i| format!("search-result-{i}"))
                prop:value=move || query.get()
                on:focus=move |_| {
                    ensure_loaded();
                    open.set(true);
                }
                on:input=move |e| {
                    ensure_loaded();
                    query.set(event_target_value(&e));
                    active.set(None);
                    open.set(true);
                }
                on:blur=move |_| open.set(false)
                on:keydown=on_keydown
            />
            <div class="search-panel" hidden=move || !expanded()>
                <p class="search-status" role="status">{status}</p>
                <ul
                    id="search-results"
                    role="listbox"
                    aria-label="Search results"
                    on:mousedown=|e| e.prevent_default()
                    on:click=on_click
                    inner_html=results_html
                ></ul>
            </div>
        </form>
    }
}
