//! Saving files from the browser: CSV and SVG text, and a PNG drawn from the
//! chart's SVG on a canvas. Nothing leaves the page: files are made from blobs.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// Makes a blob URL for text of a MIME type.
fn blob_url(content: &str, mime: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

/// Starts a download of `url` as `name`, then frees the URL.
fn click_download(url: &str, name: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(a) = document.create_element("a").ok().and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return;
    };
    a.set_href(url);
    a.set_download(name);
    a.click();
    let url = url.to_string();
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
}

/// Saves text as a file (a UTF-8 byte-order mark first for CSV, so spreadsheets read "£" and "’").
pub fn save_text(name: &str, mime: &str, content: &str) {
    let text = if mime.starts_with("text/csv") { format!("\u{feff}{content}") } else { content.to_string() };
    if let Some(url) = blob_url(&text, mime) {
        click_download(&url, name);
    }
}

/// Saves an SVG document as a PNG at twice its size, drawn on a white canvas.
pub fn save_png(name: &str, svg: &str, width: u32, height: u32) {
    let Some(url) = blob_url(svg, "image/svg+xml") else { return };
    let Ok(image) = web_sys::HtmlImageElement::new() else { return };
    let name = name.to_string();
    let img = image.clone();
    let src = url.clone();
    let onload = Closure::once_into_js(move || {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        let Some(canvas) =
            document.create_element("canvas").ok().and_then(|e| e.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        else {
            return;
        };
        canvas.set_width(width * 2);
        canvas.set_height(height * 2);
        let Some(ctx) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        else {
            return;
        };
        ctx.set_fill_style_str("#ffffff");
        ctx.fill_rect(0.0, 0.0, f64::from(width * 2), f64::from(height * 2));
        let _ = ctx.draw_image_with_html_image_element_and_dw_and_dh(
            &img,
            0.0,
            0.0,
            f64::from(width * 2),
            f64::from(height * 2),
        );
        let _ = web_sys::Url::revoke_object_url(&url);
        let saved = Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
            if let Some(png) = blob.and_then(|b| web_sys::Url::create_object_url_with_blob(&b).ok()) {
                click_download(&png, &name);
            }
        });
        let _ = canvas.to_blob(saved.unchecked_ref());
    });
    image.set_onload(Some(onload.unchecked_ref()));
    image.set_src(&src);
}
