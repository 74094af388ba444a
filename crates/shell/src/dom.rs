//! Small, direct helpers over the DOM that the rest of the shell shares.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

pub fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// The elements under `root` that match `selector`, in document order.
pub fn all(root: &web_sys::Document, selector: &str) -> Vec<web_sys::Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .collect()
}

/// Whether a key press happened while typing, where arrow keys and `/` belong to the field.
pub fn typing_in(target: Option<web_sys::EventTarget>) -> bool {
    let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return false;
    };
    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || el
            .closest("[contenteditable], .table-wrap, .app-root")
            .ok()
            .flatten()
            .is_some()
}

/// A fetched page: its status and text.
pub struct Fetched {
    pub status: u16,
    pub text: String,
}

/// Fetches `url` as text. Any HTTP status is an answer; only a failed request is an error.
pub async fn fetch_text(url: &str) -> Result<Fetched, String> {
    let window = web_sys::window().ok_or("no window")?;
    let failed = |what: &str| format!("{what} ({url})");
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| failed("the network request failed"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| failed("the server sent no response"))?;
    let text = JsFuture::from(response.text().map_err(|_| failed("the response had no text"))?)
        .await
        .map_err(|_| failed("the response could not be read"))?
        .as_string()
        .unwrap_or_default();
    Ok(Fetched {
        status: response.status(),
        text,
    })
}

/// The element id an address's `#fragment` names, percent-escapes decoded (`#%C3%A9` → `é`);
/// empty when there is none.
pub fn anchor_id(hash: &str) -> String {
    let raw = hash.trim_start_matches('#');
    js_sys::decode_uri_component(raw)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| raw.to_string())
}

/// Marks `el` as the page's target (the element the address points at), or no element when the
/// address points at nothing here. Only one element is the target at a time.
pub fn mark_target(doc: &web_sys::Document, el: Option<&web_sys::Element>) {
    for old in all(doc, ".is-target") {
        let _ = old.class_list().remove_1("is-target");
    }
    if let Some(el) = el {
        let _ = el.class_list().add_1("is-target");
    }
}

/// Scrolls to the element with `id` and moves focus there, as following an in-page link does.
pub fn reveal(doc: &web_sys::Document, id: &str) -> bool {
    let Some(el) = doc.get_element_by_id(id) else {
        return false;
    };
    if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
        if !el.has_attribute("tabindex") {
            let _ = el.set_attribute("tabindex", "-1");
        }
        let _ = el.focus();
    }
    mark_target(doc, Some(&el));
    el.scroll_into_view();
    true
}
