//! Sharing a view: copying its link (with its months pinned, see
//! `url_state::share_query`), the device's share sheet where it has one, and
//! printing the view's chart, summary, tables and source without the controls.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};

/// Whether the page is being printed: the tables of figures that are drawn
/// only when their `<details>` is open are drawn for paper too.
#[derive(Clone, Copy)]
pub struct Printing(pub RwSignal<bool>);

/// Opens the figures' tables before printing (with the browser's menu or the
/// Print button) and closes again those it opened afterwards.
pub fn watch_printing(printing: RwSignal<bool>) {
    let opened: StoredValue<Vec<web_sys::Element>> = StoredValue::new(Vec::new());
    let before = window_event_listener(leptos::ev::beforeprint, move |_| {
        printing.set(true);
        opened.set_value(open_tables());
    });
    let after = window_event_listener(leptos::ev::afterprint, move |_| {
        printing.set(false);
        for details in opened.get_value() {
            let _ = details.remove_attribute("open");
        }
    });
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
}

/// Opens every closed `<details>` holding a table of figures, and returns them.
fn open_tables() -> Vec<web_sys::Element> {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return Vec::new() };
    let Ok(list) = document.query_selector_all("details.data-details:not([open])") else { return Vec::new() };
    let closed: Vec<web_sys::Element> =
        (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok()).collect();
    for details in &closed {
        let _ = details.set_attribute("open", "");
    }
    closed
}

/// `navigator[object][method]` (or `navigator[method]` when `object` is
/// empty), with the object to call it on, if the browser has it.
fn navigator_function(object: &str, method: &str) -> Option<(JsValue, js_sys::Function)> {
    let navigator: JsValue = web_sys::window()?.navigator().into();
    let target = if object.is_empty() { navigator } else { js_sys::Reflect::get(&navigator, &object.into()).ok()? };
    if target.is_undefined() || target.is_null() {
        return None;
    }
    let function = js_sys::Reflect::get(&target, &method.into()).ok()?.dyn_into::<js_sys::Function>().ok()?;
    Some((target, function))
}

/// Calls a navigator function with one argument and waits for its promise.
async fn call(object: &str, method: &str, argument: &JsValue) -> Result<(), JsValue> {
    let (target, function) = navigator_function(object, method).ok_or(JsValue::NULL)?;
    let promise = function.call1(&target, argument)?.dyn_into::<js_sys::Promise>()?;
    wasm_bindgen_futures::JsFuture::from(promise).await.map(|_| ())
}

/// Writes `text` to the clipboard; whether the browser let the page do it.
pub async fn copy_text(text: &str) -> bool {
    call("clipboard", "writeText", &JsValue::from_str(text)).await.is_ok()
}

/// The Copy link, Share and Print buttons, with a visible confirmation. Where
/// the page may not write to the clipboard, the link is shown, selected, to
/// copy by hand.
#[component]
pub fn ShareBar(
    /// The link to the view, with its months pinned.
    #[prop(into)]
    url: Signal<Option<String>>,
    /// The page's title, for the share sheet.
    #[prop(into)]
    title: Signal<Option<String>>,
    /// More buttons (the embed dialog's).
    children: Children,
) -> impl IntoView {
    let printing = use_context::<Printing>().map(|p| p.0);
    let status = RwSignal::new(String::new());
    let by_hand = RwSignal::new(false);
    let link_input: NodeRef<leptos::html::Input> = NodeRef::new();
    // A new view needs a new confirmation.
    Effect::new(move |_| {
        url.track();
        status.set(String::new());
        by_hand.set(false);
    });
    let copy = move |_| {
        let Some(link) = url.get_untracked() else { return };
        spawn_local(async move {
            if copy_text(&link).await {
                by_hand.set(false);
                status.set("Link copied. It opens this view, for these months, for anyone who follows it.".to_string());
            } else {
                by_hand.set(true);
                status.set("This browser did not let the page copy the link. Copy it from the box below.".to_string());
                request_animation_frame(move || {
                    if let Some(input) = link_input.get_untracked() {
                        let _ = input.focus();
                        input.select();
                    }
                });
            }
        });
    };
    let can_share = navigator_function("", "share").is_some();
    let share = move |_| {
        let Some(link) = url.get_untracked() else { return };
        let data = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&data, &"url".into(), &JsValue::from_str(&link));
        if let Some(t) = title.get_untracked() {
            let _ = js_sys::Reflect::set(&data, &"title".into(), &JsValue::from_str(&t));
        }
        // Closing the share sheet without sharing rejects the promise: nothing to say.
        spawn_local(async move {
            let _ = call("", "share", &data.into()).await;
        });
    };
    let print = move |_| {
        if let Some(p) = printing {
            p.set(true);
        }
        open_tables();
        // The tables are drawn before the print dialog takes its snapshot.
        request_animation_frame(|| {
            if let Some(w) = web_sys::window() {
                let _ = w.print();
            }
        });
    };
    view! {
        <div class="share" role="group" aria-labelledby="share-label">
            <span id="share-label" class="visually-hidden">"Share this view"</span>
            <button type="button" class="button button-secondary" id="copy-link" on:click=copy>"Copy link"</button>
            {can_share.then(|| view! {
                <button type="button" class="button button-secondary" id="share-view" on:click=share>"Share…"</button>
            })}
            {children()}
            <button type="button" class="button button-secondary" id="print-view" on:click=print>"Print"</button>
            <p class="share-status" role="status" id="share-status">{move || status.get()}</p>
            <Show when=move || by_hand.get()>
                <div class="field share-link">
                    <label for="share-link">"Link to this view"</label>
                    <input id="share-link" class="search-input" type="text" readonly node_ref=link_input
                        prop:value=move || url.get().unwrap_or_default() />
                </div>
            </Show>
        </div>
    }
}
