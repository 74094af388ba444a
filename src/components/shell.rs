//! The frame around every page: skip link, header with navigation, search and theme toggle, the
//! sidebar table of contents, and the footer. It also owns the site-wide keyboard shortcuts.

use leptos::ev;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_navigate};
use wasm_bindgen::JsCast;

use super::search::Search;
use super::theme::ThemeToggle;
use crate::site::{page_path, route_of_path, SITE_NAME, TOC};

/// Whether a key press happened while typing, where arrow keys and `/` belong to the field.
fn typing_in(target: Option<web_sys::EventTarget>) -> bool {
    let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return false;
    };
    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || el
            .closest("[contenteditable], .table-wrap")
            .ok()
            .flatten()
            .is_some()
}

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let location = use_location();
    let navigate = use_navigate();
    let sidebar_open = RwSignal::new(false);

    // ← and → move through the pages in reading order; `/` jumps to search.
    let handle = window_event_listener(ev::keydown, move |e: web_sys::KeyboardEvent| {
        if e.default_prevented()
            || e.ctrl_key()
            || e.meta_key()
            || e.alt_key()
            || typing_in(e.target())
        {
            return;
        }
        let key = e.key();
        if key == "/" {
            if let Some(input) = document()
                .get_element_by_id("site-search")
                .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
            {
                e.prevent_default();
                let _ = input.focus();
            }
            return;
        }
        if e.shift_key() {
            return;
        }
        let route = route_of_path(&location.pathname.get_untracked()).to_string();
        let target = match key.as_str() {
            "ArrowLeft" => TOC.prev(&route),
            "ArrowRight" => TOC.next(&route),
            _ => None,
        };
        if let Some(page) = target {
            e.prevent_default();
            navigate(&page_path(page), Default::default());
        }
    });
    on_cleanup(move || handle.remove());

    // Close the narrow-screen contents panel whenever the page changes.
    Effect::new(move |_| {
        location.pathname.track();
        sidebar_open.set(false);
    });

    let sections = TOC.sections();
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="site-header">
            <div class="header-row">
                <A href="/" attr:class="brand">
                    <svg class="brand-mark" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                        <circle cx="5" cy="6" r="3" />
                        <circle cx="19" cy="18" r="3" />
                        <path d="M8 6h5a3 3 0 0 1 3 3v6" fill="none" stroke-width="2" />
                    </svg>
                    <span>{SITE_NAME}</span>
                </A>
                <nav class="site-nav" aria-label="Main">
                    <A href="/learn">"Learn"</A>
                    <A href="/reference">"Reference"</A>
                    <A href="/sandbox">"Sandbox"</A>
                    <A href="/exercises">"Exercises"</A>
                </nav>
                <ThemeToggle />
            </div>
            <div class="header-row header-tools">
                <button
                    type="button"
                    class="contents-toggle"
                    aria-controls="sidebar"
                    aria-expanded=move || sidebar_open.get().to_string()
                    on:click=move |_| sidebar_open.update(|o| *o = !*o)
                >
                    <span aria-hidden="true">"☰ "</span>
                    "Contents"
                </button>
                <Search />
            </div>
        </header>
        <div class="layout">
            <nav id="sidebar" class="sidebar" class:open=move || sidebar_open.get() aria-label="Table of contents">
                {sections
                    .into_iter()
                    .map(|(section, pages)| {
                        let heading = if section.is_empty() { SITE_NAME } else { section };
                        view! {
                            <h2 class="sidebar-heading">{heading}</h2>
                            <ol class="sidebar-list">
                                {pages
                                    .iter()
                                    .map(|p| {
                                        view! {
                                            <li>
                                                <A href=page_path(p) exact=true>
                                                    {p.title}
                                                </A>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ol>
                        }
                    })
                    .collect_view()}
            </nav>
            <main id="main" tabindex="-1">
                {children()}
            </main>
        </div>
        <footer class="site-footer">
            <p>
                {SITE_NAME} " teaches what a workflow is, and lets you practise designing one. "
                <A href="/print">"Print all lessons"</A> "."
            </p>
            <p class="shortcuts">
                "Keyboard: " <kbd>"←"</kbd> " and " <kbd>"→"</kbd> " move between pages, "
                <kbd>"/"</kbd> " jumps to search."
            </p>
        </footer>
    }
}
