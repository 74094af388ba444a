//! `/print`: every lesson and reference page in reading order on one page, ready to print. The
//! site generator assembles the page at build time; this route fetches it like any page's text.

use leptos::prelude::*;

use super::PageMeta;
use crate::components::article::Article;
use crate::site::TOC;

#[component]
pub fn PrintPage() -> impl IntoView {
    let print = |_| {
        let _ = window().print();
    };
    view! {
        <PageMeta title="All lessons" description="Every Flowguide lesson and reference page on one page, in order, ready to print." />
        <header class="page-header">
            <h1 id="page-title" tabindex="-1">"All lessons, ready to print"</h1>
            <p class="lede">
                "Every lesson and reference page in reading order. The answers to the check-yourself questions are printed open."
            </p>
            <p class="no-print">
                <button type="button" class="button button-primary" on:click=print>
                    "Print this page"
                </button>
            </p>
        </header>
        <Article url=TOC.print_url() />
    }
}
