//! One page per file, as the Leptos examples lay them out. Each sets its own title and description.

pub mod coming_soon;
pub mod content_page;
pub mod home;
pub mod index_pages;
pub mod not_found;
pub mod print;
#[cfg(not(feature = "sandbox"))]
pub mod sandbox_loader;

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::site::SITE_NAME;

/// Sets the document title (`Title · Flowguide`) and the meta description for the current page.
#[component]
pub fn PageMeta(#[prop(into)] title: String, #[prop(into)] description: String) -> impl IntoView {
    let full = if title.is_empty() {
        SITE_NAME.to_string()
    } else {
        format!("{title} · {SITE_NAME}")
    };
    view! {
        <Title text=full />
        <Meta name="description" content=description />
    }
}
