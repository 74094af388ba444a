//! The light/dark theme toggle. The site follows the system setting until the reader presses the
//! toggle; their choice is then stored and wins on every later visit. `index.html` applies the
//! stored choice before the first paint, so there is no flash of the wrong theme.

use gloo_storage::{LocalStorage, Storage};
use leptos::prelude::*;

/// The local-storage key for the reader's choice, stored as the plain text `light` or `dark`
/// (no JSON, so the bundle needs no JSON parser for it).
pub const THEME_KEY: &str = "flowguide-theme";

fn system_prefers_dark() -> bool {
    window()
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

fn apply(theme: &str) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-theme", theme);
    }
}

#[component]
pub fn ThemeToggle() -> impl IntoView {
    let stored = LocalStorage::raw()
        .get_item(THEME_KEY)
        .ok()
        .flatten()
        .filter(|t| t == "light" || t == "dark");
    let dark = RwSignal::new(stored.as_deref().map_or_else(system_prefers_dark, |t| t == "dark"));
    let toggle = move |_| {
        let now_dark = !dark.get_untracked();
        dark.set(now_dark);
        let theme = if now_dark { "dark" } else { "light" };
        apply(theme);
        // A full or blocked storage only costs the memory of the choice, never the page.
        let _ = LocalStorage::raw().set_item(THEME_KEY, theme);
    };
    view! {
        <button
            type="button"
            class="theme-toggle"
            aria-label="Dark theme"
            aria-pressed=move || dark.get().to_string()
            title="Switch between light and dark themes"
            on:click=toggle
        >
            <span aria-hidden="true" class="theme-icon theme-icon-light">"☀"</span>
            <span aria-hidden="true" class="theme-icon theme-icon-dark">"☾"</span>
            <span class="theme-label">"Dark theme"</span>
        </button>
    }
}
