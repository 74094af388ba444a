//! `/print`: every lesson and reference page in reading order on one page, ready to print.

use flowguide_core::toc::PageKind;
use leptos::prelude::*;

use super::PageMeta;
use crate::browser::fetch_text;
use crate::site::TOC;

#[component]
pub fn PrintPage() -> impl IntoView {
    let pages: Vec<_> = TOC
        .pages
        .iter()
        .filter(|p| p.kind != PageKind::Home)
        .collect();
    let loaded = LocalResource::new(move || async move {
        let mut out = Vec::new();
        for p in TOC.pages.iter().filter(|p| p.kind != PageKind::Home) {
            out.push(
                fetch_text(&p.fragment_url())
                    .await
                    .map_err(|e| format!("{}: {e}", p.title))?,
            );
        }
        Ok::<_, String>(out)
    });
    let print = |_| {
        let _ = window().print();
    };
    view! {
        <PageMeta title="All lessons" description="Every Flowguide lesson and reference page on one page, in order, ready to print." />
        <header class="page-header">
            <h1 id="page-title" tabindex="-1">"All lessons, ready to print"</h1>
            <p class="lede">"Every lesson and reference page in reading order. Check-yourself answers are printed open."</p>
            <p class="no-print">
                <button type="button" class="button button-primary" on:click=print>
                    "Print this page"
                </button>
            </p>
        </header>
        {move || match loaded.get() {
            None => view! { <p class="loading" role="status">"Loading every page…"</p> }.into_any(),
            Some(Err(e)) => {
                view! {
                    <div class="notice notice-error" role="alert">
                        <p>"Some pages could not be loaded, so there is nothing to print yet. " {e}</p>
                    </div>
                }
                    .into_any()
            }
            Some(Ok(htmls)) => {
                pages
                    .iter()
                    .zip(htmls)
                    .map(|(p, html)| {
                        view! {
                            <section class="print-page" aria-label=p.title>
                                <p class="eyebrow">{p.section}</p>
                                <h1>{p.title}</h1>
                                {(!p.goal.is_empty()).then(|| view! { <p class="goal"><strong>"Learning goal: "</strong>{p.goal}</p> })}
                                <div class="prose" inner_html=html></div>
                            </section>
                        }
                    })
                    .collect_view()
                    .into_any()
            }
        }}
    }
}
