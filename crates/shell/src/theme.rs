//! The light/dark theme button. The site follows the system setting until the reader presses the
//! button; the choice is then stored and wins on every later visit. The theme script in `<head>`
//! applies a stored choice before the first paint, so there is no flash of the wrong theme.

use gloo_events::EventListener;

/// The local-storage key for the reader's choice, stored as the plain text `light` or `dark`.
pub const THEME_KEY: &str = "flowguide-theme";

fn system_prefers_dark() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

fn is_dark(doc: &web_sys::Document) -> bool {
    match doc
        .document_element()
        .and_then(|r| r.get_attribute("data-theme"))
        .as_deref()
    {
        Some("dark") => true,
        Some("light") => false,
        _ => system_prefers_dark(),
    }
}

pub fn start(doc: &web_sys::Document) {
    let Some(button) = doc.query_selector(".theme-toggle").ok().flatten() else {
        return;
    };
    let _ = button.set_attribute("aria-pressed", if is_dark(doc) { "true" } else { "false" });
    let b = button.clone();
    EventListener::new(&button, "click", move |_| {
        let Some(doc) = crate::dom::document() else { return };
        let theme = if is_dark(&doc) { "light" } else { "dark" };
        if let Some(root) = doc.document_element() {
            let _ = root.set_attribute("data-theme", theme);
        }
        let _ = b.set_attribute("aria-pressed", if theme == "dark" { "true" } else { "false" });
        // A full or blocked storage only costs the memory of the choice, never the page. (Plain
        // web-sys storage: gloo-storage would bring a JSON parser into the reading bundle.)
        if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
            let _ = storage.set_item(THEME_KEY, theme);
        }
    })
    .forget();
}
