//! A lesson (`/learn/:slug`) or reference page (`/reference/:slug`): title, learning goal, the
//! page's text, and links to the previous and next pages. Unknown slugs show the 404 page.

use flowguide_core::toc::{PageKind, TocPage};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::not_found::NotFound;
use super::PageMeta;
use crate::components::{article::Article, pager::Pager};
use crate::site::TOC;

fn page_for(prefix: &'static str) -> impl IntoView {
    let params = use_params_map();
    move || {
        let slug = params.read().get("slug").unwrap_or_default();
        match TOC.get(&format!("{prefix}/{slug}")) {
            Some(page) => view! { <ContentPage page /> }.into_any(),
            None => view! { <NotFound /> }.into_any(),
        }
    }
}

#[component]
pub fn LessonPage() -> impl IntoView {
    page_for("learn")
}

#[component]
pub fn ReferencePage() -> impl IntoView {
    page_for("reference")
}

#[component]
fn ContentPage(page: &'static TocPage<'static>) -> impl IntoView {
    let position = TOC
        .of_kind(page.kind)
        .position(|p| p.route == page.route)
        .map(|i| i + 1);
    let total = TOC.of_kind(page.kind).count();
    let eyebrow = match (page.kind, position) {
        (PageKind::Lesson, Some(n)) => format!("Lesson {n} of {total}"),
        _ => page.section.to_string(),
    };
    view! {
        <PageMeta title=page.title description=page.description />
        <article class="page" aria-labelledby="page-title">
            <header class="page-header">
                <p class="eyebrow">{eyebrow}</p>
                <h1 id="page-title" tabindex="-1">{page.title}</h1>
                {(!page.goal.is_empty())
                    .then(|| {
                        view! {
                            <p class="goal">
                                <strong>"Learning goal: "</strong>
                                {page.goal}
                            </p>
                        }
                    })}
            </header>
            <Article url=page.fragment_url() />
        </article>
        <Pager route=page.route.to_string() />
    }
}
