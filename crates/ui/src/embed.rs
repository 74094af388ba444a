//! Flowguide inside a course page's iframe: the embed's options from its address, its height and
//! results posted to the page that embeds it, and the few messages it accepts from that page
//! (docs/embedding.md). The decisions are `flowguide_course`'s; this is the browser's side.
//!
//! Security: the frame posts only to one origin ([`flowguide_course::host::post_target`]), never
//! to `'*'`, and it reads a message only when it comes from its own parent window (and, once the
//! parent's origin is known, from that origin).

use std::cell::RefCell;

use flowguide_course::host;
use flowguide_course::message::{self, Incoming, Refused};
use flowguide_course::options::{Options, Theme};
use flowguide_engine::feedback::json::FileReport;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::state::Sandbox;

/// What this frame was asked for, and where it posts.
struct Host {
    options: Options,
    /// The origin of the page that embeds this frame, once known.
    target: Option<String>,
    /// The last height posted, so an unchanged height is not posted again.
    height: u32,
    /// What the frame holds: `sandbox`, `exercise`, `classify`, `diagram`.
    embed: &'static str,
    warned: bool,
}

thread_local! {
    static HOST: RefCell<Option<Host>> = const { RefCell::new(None) };
}

/// Whether this page is an embed (its `<body>` has the `embedded` class the site generator gives it).
pub fn is_embed() -> bool {
    document().body().is_some_and(|b| b.class_list().contains("embedded"))
}

/// Reads the address's options and applies them to the page and to each placeholder (before the
/// components mount): the theme, the panels shown, read-only, the language of a new workflow, and
/// where the work is saved (`data-storage-key`, or nowhere with `save=0`). Then starts sizing and
/// listening. `embed` names what the page holds.
pub fn start(embed: &'static str) {
    let search = window().location().search().unwrap_or_default();
    let options = web_sys::UrlSearchParams::new_with_str(&search)
        .ok()
        .map(|params| {
            let mut pairs: Vec<(String, String)> = Vec::new();
            let entries = js_sys::try_iter(&params).ok().flatten();
            for entry in entries.into_iter().flatten().flatten() {
                let pair = js_sys::Array::from(&entry);
                pairs.push((
                    pair.get(0).as_string().unwrap_or_default(),
                    pair.get(1).as_string().unwrap_or_default(),
                ));
            }
            Options::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        })
        .unwrap_or_default();
    if !options.ignored.is_empty() {
        web_sys::console::warn_1(
            &format!(
                "Flowguide: these embed options were not understood and are ignored: {}. See docs/embedding.md.",
                options.ignored.join(", ")
            )
            .into(),
        );
    }
    let doc = document();
    let html = doc.document_element();
    apply_theme(options.theme);
    if let (Some(html), Some(lang)) = (&html, &options.language) {
        let _ = html.set_attribute("data-workflow-lang", lang);
    }
    let referrer = doc.referrer();
    // `location.ancestorOrigins` (Chromium, Safari): the parent's origin as the browser knows it.
    let ancestor = js_sys::Reflect::get(&window().location(), &"ancestorOrigins".into())
        .ok()
        .filter(|list| !list.is_undefined())
        .and_then(|list| js_sys::Reflect::get(&list, &0.into()).ok())
        .and_then(|first| first.as_string());
    let target = host::post_target(options.origin.as_deref(), ancestor.as_deref(), &referrer);
    // Where the work lives: the host's origin, and the course's id or the host page's path.
    let page = options.page.clone().or_else(|| host::referrer_path(&referrer));
    if let Ok(roots) = doc.query_selector_all(".app-root[data-mount]") {
        for i in 0..roots.length() {
            let Some(root) = roots.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) else {
                continue;
            };
            let _ = root.set_attribute("data-panels", &options.panels.key());
            if options.read_only {
                let _ = root.set_attribute("data-readonly", "");
            }
            // The key the page gives each tool, made specific to the host.
            let base = root.get_attribute("data-storage-key").unwrap_or_default();
            let key = if options.save && !base.is_empty() {
                host::storage_key(&base, target.as_deref(), options.course.as_deref(), page.as_deref())
            } else {
                String::new()
            };
            let _ = root.set_attribute("data-storage-key", &key);
        }
    }
    HOST.with(|h| {
        *h.borrow_mut() = Some(Host {
            options,
            target,
            height: 0,
            embed,
            warned: false,
        })
    });
    listen();
    watch_height();
}

/// Follows the course page's theme: light or dark, or the system's with `auto`.
fn apply_theme(theme: Theme) {
    let Some(html) = document().document_element() else {
        return;
    };
    let _ = match theme {
        Theme::Auto => html.remove_attribute("data-theme"),
        t => html.set_attribute("data-theme", t.key()),
    };
}

/// Posts `text` (JSON) to the parent, as an object (`as_text`: as the text itself, for Canvas),
/// and only to the host's origin. With no origin known, nothing is posted and the console says
/// why, once.
fn post(text: &str, as_text: bool) {
    let Ok(Some(parent)) = window().parent() else {
        return;
    };
    if js_sys::Object::is(&parent, &window()) {
        return; // Not in a frame: a plain page has no one to tell.
    }
    let target = HOST.with(|h| {
        let mut h = h.borrow_mut();
        let h = h.as_mut()?;
        if h.target.is_none() && !h.warned {
            h.warned = true;
            web_sys::console::warn_1(&"Flowguide: the page that embeds this frame is not known (it sent no referrer), so no results or heights are posted. Name it with origin= in the frame's address, or use embed.js.".into());
        }
        h.target.clone()
    });
    let Some(target) = target else {
        return;
    };
    let value = if as_text {
        JsValue::from_str(text)
    } else {
        match js_sys::JSON::parse(text) {
            Ok(v) => v,
            Err(_) => return,
        }
    };
    let _ = parent.post_message(&value, &target);
}

fn frame_id() -> Option<String> {
    HOST.with(|h| h.borrow().as_ref().and_then(|h| h.options.frame.clone()))
}

/// Posts the content's height, in Flowguide's format and Canvas's, when it has changed.
fn post_height(force: bool) {
    let Some(body) = document().body() else {
        return;
    };
    // Rounded up: a height rounded down would leave a 1 px scrollbar. Not `f64::clamp`: its
    // panic message would bring float formatting into the bundle (docs/PERFORMANCE.md).
    #[allow(clippy::manual_clamp)]
    let height = body
        .get_bounding_client_rect()
        .height()
        .ceil()
        .max(0.0)
        .min(1_000_000.0) as u32;
    let changed = HOST.with(|h| {
        let mut h = h.borrow_mut();
        let Some(h) = h.as_mut() else { return false };
        let changed = force || h.height != height;
        h.height = height;
        changed
    });
    if changed {
        post(&message::resize(height, frame_id().as_deref()), false);
        post(&message::lti_resize(height), true);
    }
}

/// Observes the page's content, so a height that changes for any reason (a finding added, a
/// font arriving, a panel opening, a narrower window) is posted, each time it settles.
fn watch_height() {
    let Some(body) = document().body() else {
        return;
    };
    let observer = Closure::<dyn FnMut()>::new(move || post_height(false));
    if let Ok(ro) = web_sys::ResizeObserver::new(observer.as_ref().unchecked_ref()) {
        ro.observe(&body);
        std::mem::forget(ro);
    }
    observer.forget();
}

/// Accepts `flowguide:hello` and `flowguide:theme` from the parent window, and nothing else.
fn listen() {
    let handler = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        let Ok(Some(parent)) = window().parent() else {
            return;
        };
        let from_parent = e.source().is_some_and(|s| js_sys::Object::is(&s, &parent));
        if !from_parent || js_sys::Object::is(&parent, &window()) {
            return;
        }
        let origin = e.origin();
        let known = HOST.with(|h| h.borrow().as_ref().and_then(|h| h.target.clone()));
        if known.as_deref().is_some_and(|t| t != origin) {
            return;
        }
        let data = e.data();
        let text = match data.as_string() {
            Some(t) => t,
            None if data.is_object() => js_sys::JSON::stringify(&data)
                .ok()
                .and_then(|s| s.as_string())
                .unwrap_or_default(),
            None => return,
        };
        match message::read(&text) {
            Ok(Incoming::Hello) => {
                // The browser sets a message's origin: it is the parent's own.
                if known.is_none() {
                    let Some(origin) = host::origin_of(&origin) else {
                        return;
                    };
                    HOST.with(|h| {
                        if let Some(h) = h.borrow_mut().as_mut() {
                            h.target = Some(origin);
                        }
                    });
                }
                announce_ready();
                post_height(true);
            }
            Ok(Incoming::Theme(t)) => apply_theme(t),
            Err(Refused::NotOurs) => {}
            Err(Refused::Malformed(why)) => web_sys::console::warn_1(
                &format!("Flowguide: a message from the course page was ignored: {why}. See docs/embedding.md.").into(),
            ),
        }
    });
    let _ = window().add_event_listener_with_callback("message", handler.as_ref().unchecked_ref());
    handler.forget();
}

/// `flowguide:ready`, once the tools are on the page.
pub fn announce_ready() {
    let embed = HOST.with(|h| h.borrow().as_ref().map(|h| h.embed));
    if let Some(embed) = embed {
        post(&message::ready(embed, frame_id().as_deref()), false);
    }
}

/// Posts `flowguide:feedback` each time the feedback settles (a pause in typing), and keeps the
/// "Open in Flowguide" link carrying the work as it is now.
pub fn watch(sb: Sandbox) {
    if let Some(p) = HOST.with(|h| h.borrow().as_ref().and_then(|h| h.options.preset)) {
        sb.preset.set(p);
    }
    let pending = StoredValue::new(None::<leptos::leptos_dom::helpers::TimeoutHandle>);
    Effect::new(move |_| {
        sb.report.track();
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        let handle = set_timeout_with_handle(
            move || {
                let name = sb.doc.with_untracked(crate::files::file_stem) + ".json";
                let text = sb
                    .report
                    .with_untracked(|r| message::feedback(FileReport::new(&name, r, false), frame_id().as_deref()));
                post(&text, false);
            },
            std::time::Duration::from_millis(400),
        );
        pending.set_value(handle.ok());
    });
    // Each edit starts a new compression; only the latest one's link is kept.
    let latest = std::rc::Rc::new(std::cell::Cell::new(0u32));
    Effect::new(move |_| {
        let doc = sb.doc.get();
        let run = latest.get().wrapping_add(1);
        latest.set(run);
        let latest = latest.clone();
        leptos::task::spawn_local(async move {
            let Ok(fragment) = crate::share_fragment(&doc).await else {
                return;
            };
            let Some(a) = document().query_selector(".embed-open a").ok().flatten() else {
                return;
            };
            if latest.get() == run {
                let base = document().base_uri().ok().flatten().unwrap_or_default();
                let _ = a.set_attribute("href", &format!("{base}sandbox#{fragment}"));
            }
        });
    });
}
