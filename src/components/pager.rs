//! Previous and next links at the foot of a page, in reading order.

use leptos::prelude::*;

use crate::site::{href, page_path, TOC};

#[component]
pub fn Pager(route: String) -> impl IntoView {
    let prev = TOC.prev(&route);
    let next = TOC.next(&route);
    view! {
        <nav class="pager" aria-label="Previous and next pages">
            {prev
                .map(|p| {
                    view! {
                        <a href=href(&page_path(p)) class="pager-prev" rel="prev">
                            <span class="pager-label">"Previous"</span>
                            <span class="pager-title">{p.title}</span>
                        </a>
                    }
                })}
            {next
                .map(|p| {
                    view! {
                        <a href=href(&page_path(p)) class="pager-next" rel="next">
                            <span class="pager-label">"Next"</span>
                            <span class="pager-title">{p.title}</span>
                        </a>
                    }
                })}
        </nav>
    }
}
