//! The site frame's behaviour in the browser, over pages that were rendered whole at build time.
//!
//! Every page already holds its text, sidebar and navigation (see `flowguide_content::pages`), so
//! nothing here draws a page. It only adds what needs a script: moving between reading pages
//! without a reload ([`nav`]), the search box ([`search`]), the theme button, the contents button
//! on narrow screens, and the keyboard shortcuts (`/`, `←`, `→`).
//!
//! Architecture invariant: the shell knows nothing of workflows, the feedback engine or Leptos. It
//! reads the DOM the site generator wrote, by the classes and ids documented in `pages.rs`.

mod dom;
pub mod nav;
pub mod search;
mod theme;

use gloo_events::EventListener;
use wasm_bindgen::JsCast;

pub use nav::Navigation;

/// Starts the frame's behaviour on the current page. Call once, when the bundle loads. On a page
/// of another bundle (the studio loads the frame when the learner first reaches for it), links
/// always load in full: that bundle owns its page.
pub fn start(navigation: Navigation) {
    let Some(doc) = dom::document() else { return };
    let own_page = nav::bundle_of(&doc).is_none_or(|b| b == "reading");
    let navigation = if own_page { navigation } else { Navigation::FullLoad };
    theme::start(&doc);
    search::start(&doc, navigation);
    contents_toggle(&doc);
    shortcuts(navigation);
    print_support(&doc);
    nav::start(navigation);
    nav::page_arrived(&doc);
    // Tests (and curious readers) can tell the frame is live: links now move within the bundle.
    if let Some(root) = doc.document_element() {
        let _ = root.set_attribute("data-shell", "ready");
    }
}

/// The "Contents" button shows and hides the sidebar on narrow screens.
fn contents_toggle(doc: &web_sys::Document) {
    let Some(button) = doc.query_selector(".contents-toggle").ok().flatten() else {
        return;
    };
    let b = button.clone();
    EventListener::new(&button, "click", move |_| {
        let Some(sidebar) = dom::document().and_then(|d| d.get_element_by_id("sidebar")) else {
            return;
        };
        let open = sidebar.class_list().toggle("open").unwrap_or(false);
        let _ = b.set_attribute("aria-expanded", if open { "true" } else { "false" });
    })
    .forget();
}

/// `/` jumps to search; `←` and `→` follow the page's previous and next links.
fn shortcuts(navigation: Navigation) {
    let Some(window) = web_sys::window() else { return };
    let active = gloo_events::EventListenerOptions::enable_prevent_default();
    EventListener::new_with_options(&window, "keydown", active, move |e| {
        let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
            return;
        };
        if e.default_prevented() || e.ctrl_key() || e.meta_key() || e.alt_key() || dom::typing_in(e.target()) {
            return;
        }
        let Some(doc) = dom::document() else { return };
        let key = e.key();
        if key == "/" {
            if let Some(input) = doc
                .get_element_by_id("site-search")
                .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
            {
                e.prevent_default();
                let _ = input.focus();
            }
            return;
        }
        if e.shift_key() {
            return;
        }
        let rel = match key.as_str() {
            "ArrowLeft" => "prev",
            "ArrowRight" => "next",
            _ => return,
        };
        let link = doc
            .query_selector(&format!("main .pager a[rel={rel}]"))
            .ok()
            .flatten()
            .and_then(|a| a.get_attribute("href"));
        if let Some(href) = link {
            e.prevent_default();
            nav::go(&href, navigation);
        }
    })
    .forget();
}

/// Printing shows every check-yourself answer; the print page's button prints.
fn print_support(doc: &web_sys::Document) {
    let Some(window) = web_sys::window() else { return };
    EventListener::new(&window, "beforeprint", |_| {
        if let Some(doc) = dom::document() {
            for details in dom::all(&doc, "details") {
                let _ = details.set_attribute("open", "");
            }
        }
    })
    .forget();
    EventListener::new(doc, "click", |e| {
        let pressed = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("[data-action=print]").ok().flatten());
        if pressed.is_some() {
            if let Some(w) = web_sys::window() {
                let _ = w.print();
            }
        }
    })
    .forget();
}
