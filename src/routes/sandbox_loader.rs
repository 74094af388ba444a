//! `/sandbox` in the reading pages' bundle. The sandbox is a second, larger bundle that only its
//! own page loads (see `./x build`), so the first visit to any lesson stays small. Arriving here
//! from a link inside the app, this loads the sandbox's address in full, and the host then serves
//! the sandbox's page. If this bundle was served for `/sandbox` itself, the host is missing the
//! sandbox's files, and the page says so instead of reloading for ever.

use std::sync::atomic::{AtomicBool, Ordering};

use leptos::prelude::*;

use super::PageMeta;
use crate::site::{href, route_of_pathname};

/// Whether the page was first loaded at `/sandbox`.
static LOADED_AT_SANDBOX: AtomicBool = AtomicBool::new(false);

/// Notes where the page was loaded; `mount` calls it before the router moves anywhere.
pub fn remember_first_route() {
    let route = route_of_pathname(&window().location().pathname().unwrap_or_default());
    LOADED_AT_SANDBOX.store(route == "sandbox", Ordering::Relaxed);
}

#[component]
pub fn SandboxPage() -> impl IntoView {
    let stuck = LOADED_AT_SANDBOX.load(Ordering::Relaxed);
    if !stuck {
        // The router may not have changed the address yet, so go to it by name.
        let _ = window().location().assign(&href("/sandbox"));
    }
    view! {
        <PageMeta title="Sandbox" description="Build a workflow and get feedback on each of its six parts as you type." />
        <section class="coming-soon" aria-labelledby="page-title">
            <h1 id="page-title" tabindex="-1">"Sandbox"</h1>
            <p role=if stuck { "alert" } else { "status" }>
                {if stuck {
                    "The sandbox could not start: this site's host sent the reading pages instead of the sandbox. If you run this site, publish the files sandbox.html and sandbox/index.html from the build."
                } else {
                    "Opening the sandbox…"
                }}
            </p>
        </section>
    }
}
