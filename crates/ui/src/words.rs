//! Word lists on demand: a browser bundle carries only the English list. When a learner's workflow
//! is in another language Flowguide has a list for, the list is fetched once from the site's
//! `words/<tag>.txt` (the site builder publishes them) and installed into the engine; the
//! feedback then runs again with it. Until it arrives, or if it cannot be fetched, the wording
//! checks stay off and the feedback says so.

use std::cell::RefCell;

use flowguide_engine::feedback::lexicon;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

thread_local! {
    /// Lists asked for (fetched, arriving or failed), and the reason for each failure.
    static ASKED: RefCell<Vec<(String, Option<String>)>> = const { RefCell::new(Vec::new()) };
}

/// Why the list for `tag` could not be had, once a fetch has failed.
pub fn failure(tag: &str) -> Option<String> {
    ASKED.with(|a| a.borrow().iter().find(|(t, _)| t == tag).and_then(|(_, e)| e.clone()))
}

/// Fetches and installs the list for `tag`, once, when Flowguide has one and this bundle does
/// not; `ready` is bumped when it is installed or has failed, so whatever reads it runs again.
pub fn request(tag: &str, ready: RwSignal<usize>) {
    if !lexicon::KNOWN.contains(&tag) || lexicon::get(tag).is_some() {
        return;
    }
    let first = ASKED.with(|a| {
        let mut a = a.borrow_mut();
        let new = !a.iter().any(|(t, _)| t == tag);
        if new {
            a.push((tag.to_string(), None));
        }
        new
    });
    if !first {
        return;
    }
    let tag = tag.to_string();
    leptos::task::spawn_local(async move {
        let outcome = match fetch(&format!("words/{tag}.txt")).await {
            Ok(text) => lexicon::install(&text)
                .map(|_| ())
                .map_err(|e| format!("the word list is damaged ({e})")),
            Err(e) => Err(e),
        };
        if let Err(e) = outcome {
            ASKED.with(|a| {
                if let Some(entry) = a.borrow_mut().iter_mut().find(|(t, _)| *t == tag) {
                    entry.1 = Some(e);
                }
            });
        }
        ready.update(|n| *n += 1);
    });
}

/// The text at `url`, or why it could not be had.
async fn fetch(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| "the network request failed".to_string())?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| "the server sent no answer".to_string())?;
    if !response.ok() {
        return Err(format!("the server answered {}", response.status()));
    }
    JsFuture::from(response.text().map_err(|_| "the answer had no text".to_string())?)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| "the answer could not be read".to_string())
}

/// The page's language (`<html lang>`), as a primary subtag: what a new workflow is written in.
pub fn page_language() -> Option<String> {
    let html = web_sys::window()?.document()?.document_element()?;
    // An embed's `lang=` option, or the page's own language.
    let lang = html
        .get_attribute("data-workflow-lang")
        .or_else(|| html.get_attribute("lang"))?;
    flowguide_engine::feedback::language::primary(&lang)
}
