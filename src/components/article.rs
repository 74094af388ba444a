//! Draws a pre-rendered HTML fragment (a page's text, or all of them for printing), fetched
//! from the static build on first visit.
//!
//! The fragment was rendered from trusted Markdown at build time, with raw HTML escaped, so it
//! is inserted as HTML. Links inside it are base-relative, and the router turns clicks on them
//! into in-app navigation.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_location;

use crate::browser::{fetch_text, reveal};

#[component]
pub fn Article(
    /// The fragment's URL, relative to the site base.
    url: String,
) -> impl IntoView {
    let html = RwSignal::new(None::<Result<String, String>>);
    let url = StoredValue::new(url);
    let load = move || {
        html.set(None);
        let url = url.get_value();
        spawn_local(async move {
            // The reader may have moved on; then the result has nowhere to go.
            let _ = html.try_set(Some(fetch_text(&url).await));
        });
    };
    load();
    let location = use_location();
    // Once the text is in the page, honour a `#fragment` in the address (a glossary term, a section).
    Effect::new(move |_| {
        let loaded = html.get().is_some_and(|r| r.is_ok());
        let hash = location.hash.get();
        if loaded && hash.len() > 1 {
            let id = js_sys_decode(&hash[1..]);
            request_animation_frame(move || reveal(&id));
        }
    });
    view! {
        {move || match html.get() {
            None => view! { <p class="loading" role="status">"Loading the page…"</p> }.into_any(),
            Some(Ok(text)) => view! { <div class="prose" inner_html=text></div> }.into_any(),
            Some(Err(error)) => {
                view! {
                    <div class="notice notice-error" role="alert">
                        <p>
                            <strong>"This page could not be loaded. "</strong>
                            "Check your connection, then try again."
                        </p>
                        <p class="notice-detail">{error}</p>
                        <button type="button" on:click=move |_| load()>
                            "Try again"
                        </button>
                    </div>
                }
                    .into_any()
            }
        }}
    }
}

/// Decodes percent-escapes in a fragment id (`%C3%A9` → `é`), keeping the text if it is malformed.
fn js_sys_decode(text: &str) -> String {
    js_sys::decode_uri_component(text)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| text.to_string())
}
