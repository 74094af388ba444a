//! `/learn` and `/reference`: lists of the pages in each part of the site.

use flowguide_content::toc::{ListStyle, PageKind, Toc};
use leptos::prelude::*;

use super::PageMeta;
use crate::site::{base, TOC};

fn page_list(kind: PageKind, ordered: bool) -> impl IntoView {
    let items = Toc::list_html(TOC.of_kind(kind), &base(), ListStyle::Cards);
    if ordered {
        view! { <ol class="card-list" inner_html=items></ol> }.into_any()
    } else {
        view! { <ul class="card-list" inner_html=items></ul> }.into_any()
    }
}

#[component]
pub fn LearnIndex() -> impl IntoView {
    view! {
        <PageMeta title="Learn" description="Every Flowguide lesson in order, from what a workflow is to designing a good one." />
        <header class="page-header">
            <h1 id="page-title" tabindex="-1">"Learn"</h1>
            <p class="lede">
                "Short lessons in order. Each starts with its learning goal and ends with a question to check yourself."
            </p>
        </header>
        {page_list(PageKind::Lesson, true)}
    }
}

#[component]
pub fn ReferenceIndex() -> impl IntoView {
    view! {
        <PageMeta title="Reference" description="One page for each of a workflow's six components, and a glossary of every term Flowguide uses." />
        <header class="page-header">
            <h1 id="page-title" tabindex="-1">"Reference"</h1>
            <p class="lede">
                "One page for each of the six components of a workflow, with a good and a poor example, and the glossary."
            </p>
        </header>
        {page_list(PageKind::Reference, false)}
    }
}
