//! The 404 page: says plainly that the address leads nowhere and offers ways on.

use flowguide_content::toc::{ListStyle, PageKind, Toc};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use super::PageMeta;
use crate::site::{base, href, TOC};

#[component]
pub fn NotFound() -> impl IntoView {
    let location = use_location();
    view! {
        <PageMeta title="Page not found" description="This address does not lead to a Flowguide page." />
        <section class="not-found" aria-labelledby="page-title">
            <p class="eyebrow">"Error 404"</p>
            <h1 id="page-title" tabindex="-1">"We can’t find that page"</h1>
            <p>
                "Nothing lives at " <code>{move || location.pathname.get()}</code>
                ". The link may be mistyped, or the page may have moved."
            </p>
            <ul>
                <li>
                    <a href=href("/")>"Go to the welcome page"</a>
                </li>
                <li>"Search for what you wanted with the search box (press " <kbd>"/"</kbd> ")."</li>
                <li>"Or pick a lesson:"</li>
            </ul>
            <ol class="compact-list" inner_html=Toc::list_html(TOC.of_kind(PageKind::Lesson), &base(), ListStyle::Links)></ol>
        </section>
    }
}
