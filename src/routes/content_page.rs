//! A lesson (`/learn/:slug`) or reference page (`/reference/:slug`): title, learning goal, the
//! page's text, and links to the previous and next pages. Unknown slugs show the 404 page.

use flowguide_content::toc::{PageKind, TocPage};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use super::not_found::NotFound;
use super::PageMeta;
use crate::components::{article::Article, pager::Pager};
use crate::site::{route_of_pathname, TOC};

/// The page at the current address, or the 404 page. Serves `/learn/:slug`, `/reference/:slug`
/// and the generated `/reference/rules/:rule` pages alike.
fn page_at_location() -> impl IntoView {
    let location = use_location();
    move || {
        let route = route_of_pathname(&location.pathname.get());
        match TOC.get(&route) {
            Some(page) => view! { <ContentPage page /> }.into_any(),
            None => view! { <NotFound /> }.into_any(),
        }
    }
}

#[component]
pub fn LessonPage() -> impl IntoView {
    page_at_location()
}

#[component]
pub fn ReferencePage() -> impl IntoView {
    page_at_location()
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
        <PageMeta
            title=page.title
            description=if page.description.is_empty() {
                format!("{}: {}.", page.section, page.title)
            } else {
                page.description.to_string()
            }
        />
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
