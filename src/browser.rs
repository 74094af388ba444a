//! Small, direct wrappers over browser APIs that the components share: the deployment base,
//! fetching text, and local storage. Nothing here decides anything; it only reaches the browser.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The path the site is served under, without a trailing slash: `""` at the root, or
/// `/course/flowguide` when built with `--public-url /course/flowguide/`. Trunk writes the public
/// URL into `<base href>`, so the document's base URI carries it.
pub fn base_path() -> String {
    let base = document().base_uri().ok().flatten().unwrap_or_default();
    path_of_url(&base).trim_end_matches('/').to_string()
}

/// The path part of an absolute URL: `https://a.b/c/d?x#y` → `/c/d`.
fn path_of_url(url: &str) -> &str {
    let after_scheme = url.split_once("://").map(|(_, rest)| rest).unwrap_or(url);
    let path = after_scheme.find('/').map(|i| &after_scheme[i..]).unwrap_or("/");
    path.split(['?', '#']).next().unwrap_or("/")
}

thread_local! {
    /// Texts fetched this visit, by URL. A site has a few dozen pages, so a list is enough.
    static FETCHED: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
}

/// Fetches a text file relative to the site base, remembering it for the rest of the visit.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    if let Some(text) = FETCHED.with(|f| f.borrow().iter().find(|(u, _)| u == url).map(|(_, t)| t.clone())) {
        return Ok(text);
    }
    let failed = |what: &str| format!("{what} ({url})");
    let response = JsFuture::from(window().fetch_with_str(url))
        .await
        .map_err(|_| failed("the network request failed"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| failed("the server sent no response"))?;
    if !response.ok() {
        return Err(failed(&format!("the server answered {}", response.status())));
    }
    let text = JsFuture::from(response.text().map_err(|_| failed("the response had no text"))?)
        .await
        .map_err(|_| failed("the response could not be read"))?
        .as_string()
        .unwrap_or_default();
    FETCHED.with(|f| f.borrow_mut().push((url.to_string(), text.clone())));
    Ok(text)
}

/// The elements under `root` that match `selector`, in document order.
pub fn elements(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .collect()
}

/// Scrolls to the element with `id` and moves focus there, as following an in-page link does.
pub fn reveal(id: &str) {
    let Some(el) = document().get_element_by_id(id) else {
        return;
    };
    if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
        if !el.has_attribute("tabindex") {
            let _ = el.set_attribute("tabindex", "-1");
        }
        let _ = el.focus();
    }
    // Only one element is the target at a time.
    if let Ok(Some(old)) = document().query_selector(".is-target") {
        let _ = old.class_list().remove_1("is-target");
    }
    let _ = el.class_list().add_1("is-target");
    el.scroll_into_view();
}

#[cfg(test)]
mod tests {
    use super::path_of_url;

    #[test]
    fn takes_the_path_of_a_url() {
        assert_eq!(path_of_url("http://127.0.0.1:8080/"), "/");
        assert_eq!(
            path_of_url("https://x.org/course/flowguide/?a=1#b"),
            "/course/flowguide/"
        );
        assert_eq!(path_of_url("https://x.org"), "/");
    }
}
