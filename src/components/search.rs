//! The search box: a combobox over the site's search index, driven by the arrow keys and Enter.
//!
//! The index documents are fetched the first time the reader focuses the box (or presses `/`),
//! and the [`SearchIndex`] is built once from them. Every keystroke then only queries it.

use std::sync::Arc;

use flowguide_core::search::{SearchDoc, SearchIndex, Snippet};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

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

#[derive(Clone, PartialEq)]
struct ResultItem {
    title: String,
    context: String,
    /// In-app path: `/learn/a#section`.
    path: String,
    snippet: Snippet,
}

fn in_app_path(doc: &SearchDoc) -> String {
    let href = doc.href();
    format!("/{}", href.trim_start_matches("./"))
}

#[component]
pub fn Search() -> impl IntoView {
    let query = RwSignal::new(String::new());
    let index = RwSignal::new(IndexState::NotLoaded);
    let active = RwSignal::new(None::<usize>);
    let open = RwSignal::new(false);
    let navigate = use_navigate();

    let ensure_loaded = move || {
        if !matches!(
            index.get_untracked(),
            IndexState::NotLoaded | IndexState::Failed(_)
        ) {
            return;
        }
        index.set(IndexState::Loading);
        spawn_local(async move {
            let state = match fetch_text("search-index.json").await {
                Ok(text) => match serde_json::from_str::<Vec<SearchDoc>>(&text) {
                    Ok(docs) => IndexState::Ready(Arc::new(SearchIndex::new(docs))),
                    Err(e) => IndexState::Failed(format!("the search index is damaged ({e})")),
                },
                Err(e) => IndexState::Failed(e),
            };
            index.set(state);
        });
    };

    let results = Memo::new(move |_| {
        let IndexState::Ready(ix) = index.get() else {
            return Vec::new();
        };
        let q = query.get();
        ix.search(&q, MAX_RESULTS)
            .into_iter()
            .map(|hit| {
                let doc = &ix.docs()[hit.doc];
                ResultItem {
                    title: doc.title.clone(),
                    context: doc.context.clone(),
                    path: in_app_path(doc),
                    snippet: hit.snippet,
                }
            })
            .collect::<Vec<_>>()
    });

    let go = {
        let navigate = navigate.clone();
        move |i: usize| {
            if let Some(item) = results.get_untracked().get(i) {
                open.set(false);
                query.set(String::new());
                active.set(None);
                navigate(&item.path, Default::default());
            }
        }
    };

    let on_keydown = {
        let go = go.clone();
        move |e: web_sys::KeyboardEvent| {
            let n = results.get_untracked().len();
            match e.key().as_str() {
                "ArrowDown" if n > 0 => {
                    e.prevent_default();
                    open.set(true);
                    active.update(|a| *a = Some(a.map_or(0, |i| (i + 1) % n)));
                }
                "ArrowUp" if n > 0 => {
                    e.prevent_default();
                    open.set(true);
                    active.update(|a| *a = Some(a.map_or(n - 1, |i| (i + n - 1) % n)));
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
            IndexState::Ready(_) => match results.get().len() {
                0 => format!("No pages match “{}”.", q.trim()),
                1 => "1 result. Use the arrow keys to choose, Enter to open.".to_string(),
                n => format!("{n} results. Use the arrow keys to choose, Enter to open."),
            },
        }
    };
    let expanded = move || open.get() && !query.get().trim().is_empty();

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
                <p class="search-status" role="status">
                    {status}
                </p>
                <ul
                    id="search-results"
                    role="listbox"
                    aria-label="Search results"
                    on:mousedown=|e| e.prevent_default()
                >
                    {move || {
                        results
                            .get()
                            .into_iter()
                            .enumerate()
                            .map(|(i, item)| {
                                let go = go.clone();
                                let selected = move || active.get() == Some(i);
                                view! {
                                    <li
                                        id=format!("search-result-{i}")
                                        role="option"
                                        class="search-result"
                                        aria-selected=move || selected().to_string()
                                        on:click=move |_| go(i)
                                    >
                                        <span class="result-title">{item.title.clone()}</span>
                                        <span class="result-context">{item.context.clone()}</span>
                                        <span class="result-snippet">
                                            {item
                                                .snippet
                                                .runs()
                                                .into_iter()
                                                .map(|(text, marked)| {
                                                    let text = text.to_string();
                                                    if marked {
                                                        view! { <mark>{text}</mark> }.into_any()
                                                    } else {
                                                        text.into_any()
                                                    }
                                                })
                                                .collect_view()}
                                        </span>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </div>
        </form>
    }
}
