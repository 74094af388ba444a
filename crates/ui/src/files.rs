//! Files in and out: downloads (JSON, SVG, PNG, BPMN, Mermaid), reading a chosen or dropped file,
//! and the clipboard. Only browser glue: what goes in the files comes from the core.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use leptos::prelude::*;

/// Offers `contents` as a download called `name`.
pub fn download(name: &str, mime: &str, contents: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "the browser could not make the file".to_string())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "the browser could not make the file")?;
    download_url(name, &url);
    // The click has started the download; the address is no longer needed.
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

fn download_url(name: &str, url: &str) {
    let a: web_sys::HtmlAnchorElement = document()
        .create_element("a")
        .expect("a is an element")
        .unchecked_into();
    a.set_href(url);
    a.set_download(name);
    a.set_hidden(true);
    if let Some(body) = document().body() {
        let _ = body.append_child(&a);
        a.click();
        a.remove();
    }
}

/// The longest side of a PNG download, in pixels: big diagrams are drawn smaller rather than as
/// an image too large to open or share.
const PNG_MAX: f64 = 6000.0;

/// Draws an SVG onto a canvas at twice its size (less for a big diagram, see [`PNG_MAX`]) and
/// offers it as a PNG.
pub async fn download_png(name: &str, svg: &str) -> Result<(), String> {
    let img = web_sys::HtmlImageElement::new().map_err(|_| "the browser could not draw the picture")?;
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        img.set_onload(Some(&resolve));
        img.set_onerror(Some(&reject));
    });
    let data = format!(
        "data:image/svg+xml;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(svg))
    );
    img.set_src(&data);
    JsFuture::from(loaded)
        .await
        .map_err(|_| "the browser could not draw the diagram as a picture")?;
    let (width, height) = (img.natural_width() as f64, img.natural_height() as f64);
    let scale = (PNG_MAX / width.max(height).max(1.0)).min(2.0);
    let canvas: web_sys::HtmlCanvasElement = document()
        .create_element("canvas")
        .map_err(|_| "no canvas")?
        .unchecked_into();
    canvas.set_width((width * scale).ceil() as u32);
    canvas.set_height((height * scale).ceil() as u32);
    let cx: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .ok_or("the browser has no canvas to draw on")?
        .unchecked_into();
    cx.set_fill_style_str("#ffffff");
    cx.fill_rect(0.0, 0.0, width * scale, height * scale);
    cx.draw_image_with_html_image_element_and_dw_and_dh(&img, 0.0, 0.0, width * scale, height * scale)
        .map_err(|_| "the browser could not draw the diagram")?;
    let url = canvas
        .to_data_url_with_type("image/png")
        .map_err(|_| "the browser could not make the picture")?;
    download_url(name, &url);
    Ok(())
}

/// Reads a chosen or dropped file as text, refusing one too big to be a workflow before reading.
pub async fn read_text(file: &web_sys::File, max: usize) -> Result<String, String> {
    if file.size() > max as f64 {
        return Err(flowguide_engine::workflow::parse::too_big(file.size() as u64));
    }
    let text = JsFuture::from(file.text())
        .await
        .map_err(|_| "the browser could not read the file".to_string())?;
    text.as_string().ok_or_else(|| "the file is not text".to_string())
}

/// Copies text to the clipboard. Fails where the browser does not allow it (some school networks
/// and embedded pages), so callers also show the text.
pub async fn copy(text: &str) -> bool {
    let clipboard = window().navigator().clipboard();
    JsFuture::from(clipboard.write_text(text)).await.is_ok()
}

/// A file name made from the workflow's name: "Expense reimbursement" → `expense-reimbursement`.
pub fn file_stem(doc: &flowguide_engine::workflow::WorkflowDoc) -> String {
    flowguide_text::slug::slugify_or(&doc.name, "workflow")
}
