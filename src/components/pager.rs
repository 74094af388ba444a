//! Previous and next links at the foot of a page, in reading order.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::site::{page_path, TOC};

#[component]
pub fn Pager(route: String) -> impl IntoView {
    let prev = TOC.prev(&route);
    let next = TOC.next(&route);
    view! {
        <nav class="pager" aria-label="Previous and next pages">
            {prev
                .map(|p| {
                    view! {
                        <A href=page_path(p) attr:class="pager-prev" attr:rel="prev">
                            <span class="pager-label">"Previous"</span>
                            <span class="pager-title">{p.title}</span>
                        </A>
                    }
                })}
            {next
                .map(|p| {
                    view! {
                        <A href=page_path(p) attr:class="pager-next" attr:rel="next">
                            <span class="pager-label">"Next"</span>
                            <span class="pager-title">{p.title}</span>
                        </A>
                    }
                })}
        </nav>
    }
}
