//! The welcome page: what Flowguide is, where to start, and every lesson at a glance.

use flowguide_core::toc::PageKind;
use leptos::prelude::*;
use leptos_router::components::A;

use super::PageMeta;
use crate::components::{article::Article, pager::Pager};
use crate::site::{first_lesson, page_path, TOC};

#[component]
pub fn HomePage() -> impl IntoView {
    let home = TOC.get("").expect("SUMMARY.md lists index.md");
    view! {
        <PageMeta title="" description=home.description />
        <section class="hero" aria-labelledby="page-title">
            <h1 id="page-title" tabindex="-1">"Learn what a workflow is, and practise designing one"</h1>
            <p class="lede">{home.description}</p>
            <p class="hero-actions">
                <A href=page_path(first_lesson()) attr:class="button button-primary">
                    "Start the first lesson"
                </A>
                <A href="/reference" attr:class="button">
                    "Browse the reference"
                </A>
            </p>
        </section>
        <Article page=home />
        <section aria-labelledby="lessons-heading">
            <h2 id="lessons-heading">"The lessons"</h2>
            <ol class="card-list">
                {TOC
                    .of_kind(PageKind::Lesson)
                    .map(|p| {
                        view! {
                            <li class="card">
                                <A href=page_path(p)>{p.title}</A>
                                <p>{p.description}</p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </section>
        <Pager route=String::new() />
    }
}
