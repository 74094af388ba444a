//! Flowguide's browser app: the shell, the routes and the components that draw them.
//!
//! Components stay thin: they read signals and call `flowguide-core`, which holds every piece of
//! logic worth testing (the table of contents, search, content checks) and knows nothing of Leptos.

pub mod browser;
pub mod components;
pub mod routes;
#[cfg(feature = "sandbox")]
pub mod sandbox;
pub mod site;

use leptos::prelude::*;
use leptos_meta::provide_meta_context;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use components::shell::Shell;
use routes::{
    coming_soon::ExercisesPage,
    content_page::{LessonPage, ReferencePage},
    home::HomePage,
    index_pages::{LearnIndex, ReferenceIndex},
    not_found::NotFound,
    print::PrintPage,
};

#[cfg(not(feature = "sandbox"))]
use routes::sandbox_loader::SandboxPage;
#[cfg(feature = "sandbox")]
use sandbox::SandboxPage;

/// The whole app: meta context, router and routes inside the shared shell.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let base = site::base();
    view! {
        <Router base=base>
            <Shell>
                <Routes fallback=|| view! { <NotFound /> }>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/learn") view=LearnIndex />
                    <Route path=path!("/learn/:slug") view=LessonPage />
                    <Route path=path!("/reference") view=ReferenceIndex />
                    <Route path=path!("/reference/:slug") view=ReferencePage />
                    <Route path=path!("/reference/rules/:rule") view=ReferencePage />
                    <Route path=path!("/print") view=PrintPage />
                    <Route path=path!("/sandbox") view=SandboxPage />
                    <Route path=path!("/exercises") view=ExercisesPage />
                </Routes>
            </Shell>
        </Router>
    }
}

/// Replaces the static loading shell in `index.html` with the app.
pub fn mount() {
    #[cfg(not(feature = "sandbox"))]
    routes::sandbox_loader::remember_first_route();
    leptos::mount::mount_to_body(App);
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
    // The static page's description, for link previews; the app sets its own from now on.
    if let Ok(Some(meta)) = document().query_selector("meta[data-static]") {
        meta.remove();
    }
}
