//! `/sandbox` in the reading pages' bundle. The sandbox is a second, larger bundle that only its
//! own page loads (see `Trunk.toml` and `./x build`), so the first visit to any lesson stays
//! small. Arriving here from a link inside the app, this loads the sandbox's address in full, and the host then
//! serves the sandbox's page. If this bundle was served for `/sandbox` itself, the host is missing
//! the sandbox's files, and the page says so instead of reloading for ever.

use leptos::prelude::*;

use super::PageMeta;
use crate::site::{first_lesson, href, page_path, route_of_pathname};

thread_local! {
    /// The route the page was first loaded at.
    static FIRST_ROUTE: String = route_of_pathname(&window().location().pathname().unwrap_or_default());
}

/// Notes the route the page was loaded at; `mount` calls it before the router moves anywhere.
pub fn remember_first_route() {
    FIRST_ROUTE.with(|_| ());
}

#[component]
pub fn SandboxPage() -> impl IntoView {
    let loaded_here = FIRST_ROUTE.with(|r| r == "sandbox");
    if !loaded_here {
        // The router may not have changed the address yet, so go to it by name.
        let _ = window().location().assign(&href("/sandbox"));
    }
    view! {
        <PageMeta title="Sandbox" description="Build a workflow and get feedback on each of its six parts as you type." />
        <section class="coming-soon" aria-labelledby="page-title">
            <h1 id="page-title" tabindex="-1">"Sandbox"</h1>
            {if loaded_here {
                view! {
                    <p role="alert">
                        "The sandbox could not start: this site's host sent the reading pages instead of the sandbox. If you run this site, make sure the files sandbox.html and sandbox/index.html from the build are published."
                    </p>
                    <p>
                        <a href=href(&page_path(first_lesson())) class="button button-primary">
                            "Read the lessons"
                        </a>
                    </p>
                }
                    .into_any()
            } else {
                view! { <p role="status">"Opening the sandbox…"</p> }.into_any()
            }}
        </section>
    }
}
