//! The frame around every page: skip link, header with navigation, search and theme toggle, the
//! sidebar table of contents, and the footer. It also owns the site-wide keyboard shortcuts.

use leptos::ev;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use wasm_bindgen::JsCast;

use super::search::Search;
use super::theme::ThemeToggle;
use crate::browser::elements;
use crate::site::{base, href, page_path, route_of_pathname, SITE_NAME, TOC};

/// Whether a key press happened while typing, where arrow keys and `/` belong to the field.
fn typing_in(target: Option<web_sys::EventTarget>) -> bool {
    let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return false;
    };
    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || el.closest("[contenteditable], .table-wrap").ok().flatten().is_some()
}

/// A main-navigation link, marked current anywhere in its part of the site.
fn section_link(route: Memo<String>, section: &'static str, label: &'static str) -> impl IntoView {
    let current = move || {
        route
            .with(|r| r == section || r.strip_prefix(section).is_some_and(|rest| rest.starts_with('/')))
            .then_some("page")
    };
    view! { <a href=href(&format!("/{section}")) aria-current=current>{label}</a> }
}

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let location = use_location();
    let navigate = use_navigate();
    let sidebar_open = RwSignal::new(false);
    let route = Memo::new(move |_| route_of_pathname(&location.pathname.get()));

    // ← and → move through the pages in reading order; `/` jumps to search.
    let handle = window_event_listener(ev::keydown, move |e: web_sys::KeyboardEvent| {
        if e.default_prevented() || e.ctrl_key() || e.meta_key() || e.alt_key() || typing_in(e.target()) {
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
        let route = route_of_pathname(&location.pathname.get_untracked());
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
    // Printing shows every check-yourself answer: open them all first.
    let before_print = window_event_listener(ev::beforeprint, |_| {
        for details in document()
            .document_element()
            .map(|root| elements(&root, "details"))
            .unwrap_or_default()
        {
            let _ = details.set_attribute("open", "");
        }
    });
    on_cleanup(move || {
        handle.remove();
        before_print.remove();
    });

    // When the page changes: close the narrow-screen contents panel, and move focus to the new
    // page's title, so screen readers announce it and Tab continues from there. Not on first load.
    Effect::new(move |first: Option<()>| {
        location.pathname.track();
        sidebar_open.set(false);
        if first.is_some() {
            request_animation_frame(|| {
                if let Some(title) = document()
                    .get_element_by_id("page-title")
                    .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = title.focus();
                }
            });
        }
    });

    // Mark the current page in the sidebar (drawn once, as static HTML) whenever the route changes.
    let sidebar = NodeRef::<leptos::html::Nav>::new();
    Effect::new(move |_| {
        let current = route.get();
        let Some(nav) = sidebar.get() else { return };
        for link in elements(&nav, "a[data-route]") {
            if link.get_attribute("data-route").as_deref() == Some(current.as_str()) {
                let _ = link.set_attribute("aria-current", "page");
            } else {
                let _ = link.remove_attribute("aria-current");
            }
        }
    });
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="site-header">
            <a href=href("/") class="brand">
                <svg class="brand-mark" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                    <circle cx="5" cy="6" r="3" />
                    <circle cx="19" cy="18" r="3" />
                    <path d="M8 6h5a3 3 0 0 1 3 3v6" fill="none" stroke-width="2" />
                </svg>
                <span>{SITE_NAME}</span>
            </a>
            <nav class="site-nav" aria-label="Main">
                {section_link(route, "learn", "Learn")}
                {section_link(route, "reference", "Reference")}
                {section_link(route, "sandbox", "Sandbox")}
                {section_link(route, "exercises", "Exercises")}
            </nav>
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
            <ThemeToggle />
        </header>
        <div class="layout">
            <nav
                id="sidebar"
                class="sidebar"
                class:open=move || sidebar_open.get()
                aria-label="Table of contents"
                node_ref=sidebar
                inner_html=TOC.sidebar_html(&base(), SITE_NAME)
            ></nav>
            <main id="main" tabindex="-1">
                {children()}
            </main>
        </div>
        <footer class="site-footer">
            <p>
                {SITE_NAME} " teaches what a workflow is, and lets you practise designing one. "
                <a href=href("/print")>"Print all lessons"</a> "."
            </p>
            <p class="shortcuts">
                "Keyboard: " <kbd>"←"</kbd> " and " <kbd>"→"</kbd> " move between pages, "
                <kbd>"/"</kbd> " jumps to search."
            </p>
        </footer>
    }
}
