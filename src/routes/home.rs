//! The welcome page: what Flowguide is, where to start, and every lesson at a glance.

use flowguide_content::toc::{ListStyle, PageKind, Toc};
use leptos::prelude::*;

use super::PageMeta;
use crate::components::{article::Article, pager::Pager};
use crate::site::{base, first_lesson, href, page_path, TOC};

#[component]
pub fn HomePage() -> impl IntoView {
    let home = TOC.get("").expect("SUMMARY.md lists index.md");
    view! {
        <PageMeta title="" description=home.description />
        <section class="hero" aria-labelledby="page-title">
            <h1 id="page-title" tabindex="-1">"Learn what a workflow is, and practise designing one"</h1>
            <p class="lede">{home.description}</p>
            <p class="hero-actions">
                <a href=href(&page_path(first_lesson())) class="button button-primary">
                    "Start the first lesson"
                </a>
                <a href=href("/reference") class="button">
                    "Browse the reference"
                </a>
            </p>
        </section>
        <Article url=home.fragment_url() />
        <section aria-labelledby="lessons-heading">
            <h2 id="lessons-heading">"The lessons"</h2>
            <ol class="card-list" inner_html=Toc::list_html(TOC.of_kind(PageKind::Lesson), &base(), ListStyle::Cards)></ol>
        </section>
        <Pager route=String::new() />
    }
}
