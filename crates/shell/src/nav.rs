//! Moving between reading pages without a reload.
//!
//! A click on a link to another page of the same bundle fetches that page's HTML (the same file a
//! reload would get), and swaps in its `<main>`, title, description and navigation marks. Pages of
//! other bundles (the sandbox, embeds) load in full: each bundle owns its pages. Focus moves to the
//! new page's title, so screen readers announce it and Tab continues from there.

use std::cell::Cell;

use gloo_events::EventListener;
use wasm_bindgen::JsCast;

use crate::dom;

/// How links to other pages are followed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Navigation {
    /// Reading pages swap in place (the reading bundle).
    InPage,
    /// Every link loads its page in full (bundles that own a single tool).
    FullLoad,
}

thread_local! {
    /// Counts navigations, so a slow answer for an earlier click never replaces a later page.
    static LATEST: Cell<u32> = const { Cell::new(0) };
}

/// The bundle a page belongs to, from its `<meta name=flowguide-bundle>`.
pub(crate) fn bundle_of(doc: &web_sys::Document) -> Option<String> {
    doc.query_selector("meta[name=flowguide-bundle]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
}

/// Follows `href` (resolved against the document's base) as `navigation` says.
pub fn go(href: &str, navigation: Navigation) {
    let Some(window) = web_sys::window() else { return };
    let Some(doc) = window.document() else { return };
    let base = doc.base_uri().ok().flatten().unwrap_or_default();
    let Ok(url) = web_sys::Url::new_with_base(href, &base) else {
        return;
    };
    if navigation == Navigation::FullLoad {
        let _ = window.location().assign(&url.href());
        return;
    }
    load(url.href(), true);
}

/// Whether a click on `a` is an ordinary click on a link this page may follow in place.
fn followable(e: &web_sys::MouseEvent, a: &web_sys::Element) -> Option<web_sys::Url> {
    if e.default_prevented() || e.button() != 0 || e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key() {
        return None;
    }
    if a.has_attribute("download") || a.get_attribute("target").is_some_and(|t| !t.is_empty() && t != "_self") {
        return None;
    }
    let a = a.dyn_ref::<web_sys::HtmlAnchorElement>()?;
    let url = web_sys::Url::new(&a.href()).ok()?;
    let here = web_sys::Url::new(&web_sys::window()?.location().href().ok()?).ok()?;
    let base = web_sys::Url::new(&dom::document()?.base_uri().ok().flatten()?).ok()?;
    if url.origin() != here.origin() || !url.pathname().starts_with(&base.pathname()) {
        return None;
    }
    // Links within this page (a glossary term, a section) are the browser's job.
    if url.pathname() == here.pathname() && url.search() == here.search() && !url.hash().is_empty() {
        return None;
    }
    // Files, not pages.
    let last = url.pathname().rsplit('/').next().unwrap_or("").to_string();
    if last.contains('.') && !last.ends_with(".html") {
        return None;
    }
    Some(url)
}

pub fn start(navigation: Navigation) {
    let Some(window) = web_sys::window() else { return };
    let Some(doc) = window.document() else { return };
    if navigation == Navigation::FullLoad {
        return;
    }
    let active = gloo_events::EventListenerOptions::enable_prevent_default();
    EventListener::new_with_options(&doc, "click", active, |e| {
        let Some(e) = e.dyn_ref::<web_sys::MouseEvent>() else {
            return;
        };
        let Some(a) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href]").ok().flatten())
        else {
            return;
        };
        if let Some(url) = followable(e, &a) {
            e.prevent_default();
            load(url.href(), true);
        }
    })
    .forget();
    EventListener::new(&window, "popstate", |_| {
        if let Some(href) = web_sys::window().and_then(|w| w.location().href().ok()) {
            load(href, false);
        }
    })
    .forget();
}

/// Fetches the page at `href` and shows it. A `fresh` visit (a click, not the back button) adds
/// the address to the history once the page is in place, so the address and the page always
/// agree (a key pressed meanwhile acts on the page the address names).
fn load(href: String, fresh: bool) {
    let ticket = LATEST.with(|l| {
        l.set(l.get() + 1);
        l.get()
    });
    wasm_bindgen_futures::spawn_local(async move {
        let fetched = dom::fetch_text(&href).await;
        if LATEST.with(Cell::get) != ticket {
            return;
        }
        let shown = match fetched {
            Ok(page) => swap(&page.text, &href, fresh),
            Err(_) => false,
        };
        if shown {
            if fresh {
                if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
                    let _ = h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href));
                }
            }
            // Now that the address names the new page.
            if let Some(doc) = dom::document() {
                page_arrived(&doc);
            }
        } else {
            // Not a page of this bundle, or the fetch failed: let the browser load it and say why.
            if let Some(w) = web_sys::window() {
                let _ = w.location().assign(&href);
            }
        }
    });
}

/// Puts the fetched page's content in place of this one's. False when it is not a page this
/// bundle can show (another bundle's page, or not a Flowguide page at all).
fn swap(html: &str, href: &str, fresh: bool) -> bool {
    let Some(doc) = dom::document() else { return false };
    let Ok(parser) = web_sys::DomParser::new() else {
        return false;
    };
    let Ok(new) = parser.parse_from_string(html, web_sys::SupportedType::TextHtml) else {
        return false;
    };
    if bundle_of(&new).is_none() || bundle_of(&new) != bundle_of(&doc) {
        return false;
    }
    let (Some(main), Some(new_main)) = (doc.get_element_by_id("main"), new.get_element_by_id("main")) else {
        return false;
    };
    main.set_inner_html(&new_main.inner_html());
    doc.set_title(&new.title());
    if let (Some(old), Some(fresh_meta)) = (
        doc.query_selector("meta[name=description]").ok().flatten(),
        new.query_selector("meta[name=description]").ok().flatten(),
    ) {
        let _ = old.set_attribute("content", &fresh_meta.get_attribute("content").unwrap_or_default());
    }
    // The navigation marks: the header's sections and the sidebar's current page.
    for selector in [".site-nav a", "#sidebar a[data-route]"] {
        let marks: Vec<bool> = dom::all(&new, selector)
            .iter()
            .map(|a| a.has_attribute("aria-current"))
            .collect();
        for (a, current) in dom::all(&doc, selector).iter().zip(marks) {
            if current {
                let _ = a.set_attribute("aria-current", "page");
            } else {
                let _ = a.remove_attribute("aria-current");
            }
        }
    }
    if let Some(sidebar) = doc.get_element_by_id("sidebar") {
        let _ = sidebar.class_list().remove_1("open");
    }
    if let Some(toggle) = doc.query_selector(".contents-toggle").ok().flatten() {
        let _ = toggle.set_attribute("aria-expanded", "false");
    }
    // Where to look: the address's anchor, or the new page's title.
    let id = dom::anchor_id(&web_sys::Url::new(href).map(|u| u.hash()).unwrap_or_default());
    if id.is_empty() || !dom::reveal(&doc, &id) {
        if let Some(w) = web_sys::window() {
            if fresh {
                w.scroll_to_with_x_and_y(0.0, 0.0);
            }
        }
        if let Some(title) = doc
            .get_element_by_id("page-title")
            .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = title.focus();
        }
    }
    true
}

/// What every page needs once its content and address are in place: the 404 page names the
/// address, the skip link points into this page, and the address's anchor is marked.
pub fn page_arrived(doc: &web_sys::Document) {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return;
    };
    let path = location.pathname().unwrap_or_default();
    // Hrefs resolve against `<base href>`, so `#main` alone would lead to the welcome page.
    if let Some(skip) = doc.query_selector(".skip-link").ok().flatten() {
        let _ = skip.set_attribute("href", &format!("{path}#main"));
    }
    for el in dom::all(doc, "[data-fill=pathname]") {
        el.set_text_content(Some(", "));
        if let Ok(code) = doc.create_element("code") {
            code.set_text_content(Some(&path));
            let _ = el.append_child(&code);
        }
    }
    let id = dom::anchor_id(&location.hash().unwrap_or_default());
    if !id.is_empty() {
        dom::mark_target(doc, doc.get_element_by_id(&id).as_ref());
    }
}
