//! Embedding: the "Embed this view" dialog (what to show, which months, the
//! snippet to copy and a preview), and, inside an embedded view, telling the
//! host page how high the view is (see `met_core::share::embed`).

use super::share::copy_text;
use leptos::html;
use leptos::prelude::*;
use met_core::share::embed::{self as embedding, HEIGHT_MESSAGE};
use met_core::share::url_state::{Context, Panel, ViewState};
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Posts the height of `root` to the host page whenever it changes (nothing
/// when the page is not in a frame). A resize observer reports what the
/// browser lays out; but a browser does not lay out a frame from another
/// origin while the frame is off screen (below the fold of the host page), so
/// a change of the view's content is also reported a moment after it happens,
/// measured then: the frame is fitted before the reader scrolls to it.
pub fn report_height(root: NodeRef<html::Main>) {
    use std::cell::Cell;
    use std::rc::Rc;
    let Some(window) = web_sys::window() else { return };
    let framed = window.parent().ok().flatten().is_some_and(|p| p != window);
    if !framed {
        return;
    }
    let last = Cell::new(None::<f64>);
    let post = Rc::new(move || {
        let Some(main) = root.get_untracked() else { return };
        let style = window.get_computed_style(&main).ok().flatten();
        let margin = style.and_then(|s| s.get_property_value("margin-bottom").ok()).unwrap_or_default();
        let margin: f64 = margin.trim_end_matches("px").parse().unwrap_or(0.0);
        let height = (f64::from(main.offset_top() + main.offset_height()) + margin).ceil();
        if last.replace(Some(height)) == Some(height) {
            return;
        }
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        if let Ok(Some(parent)) = window.parent() {
            let _ = parent.post_message(&message, "*");
        }
    });
    let resized = post.clone();
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |_| resized());
    let Ok(resize) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) else { return };
    callback.forget();
    // Changes of content, many at once as the figures are drawn: measured once, 100 ms after the first.
    let waiting = Rc::new(Cell::new(false));
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |_| {
        if waiting.replace(true) {
            return;
        }
        let (post, waiting) = (post.clone(), waiting.clone());
        set_timeout(
            move || {
                waiting.set(false);
                post();
            },
            std::time::Duration::from_millis(100),
        );
    });
    let Ok(changed) = web_sys::MutationObserver::new(callback.as_ref().unchecked_ref()) else { return };
    callback.forget();
    let everything = web_sys::MutationObserverInit::new();
    everything.set_subtree(true);
    everything.set_child_list(true);
    everything.set_character_data(true);
    everything.set_attributes(true);
    Effect::new(move |_| {
        if let Some(main) = root.get() {
            resize.observe(&main);
            let _ = changed.observe_with_options(&main, &everything);
        }
    });
}

/// The "Embed…" button and its dialog.
#[component]
pub fn EmbedDialog(
    #[prop(into)] state: Signal<Option<ViewState>>,
    #[prop(into)] context: Signal<Option<Arc<Context>>>,
    /// The page's title, with its months.
    #[prop(into)]
    title: Signal<Option<String>>,
    /// The view's heading, without months (for a frame that follows the latest).
    #[prop(into)]
    heading: Signal<Option<String>>,
    /// The loaded data release: its id and what it holds.
    #[prop(into)]
    release: Signal<Option<(String, String)>>,
) -> impl IntoView {
    let dialog: NodeRef<html::Dialog> = NodeRef::new();
    let panel = RwSignal::new(Panel::Chart);
    let pinned = RwSignal::new(false);
    let status = RwSignal::new(String::new());
    // The preview is loaded only while the dialog is open.
    let shown = RwSignal::new(false);
    // The embedded view: the current one with its chosen figure, and either
    // pinned to this data release and these months, or following the latest
    // release and the latest months of its kind.
    let src = Memo::new(move |_| {
        let (s, c) = (state.get()?, context.get()?);
        let mut next = ViewState { embed: Some(panel.get()), ..s };
        let query = if pinned.get() {
            next.release = Some(c.release.clone()).filter(|id| !id.is_empty());
            met_core::share::url_state::share_query(&next, &c)
        } else {
            next.period = c.default_period_of(&next);
            next.release = None;
            met_core::share::url_state::to_query(&next, &c)
        };
        Some(super::address_with(&query))
    });
    // The preview is fitted to its view, as the host script would.
    let preview: NodeRef<html::Iframe> = NodeRef::new();
    let listener = window_event_listener(leptos::ev::message, move |ev| {
        let Some(frame) = preview.get_untracked() else { return };
        let from_preview = match (ev.source(), frame.content_window()) {
            (Some(source), Some(window)) => source == JsValue::from(window).unchecked_into(),
            _ => false,
        };
        let data = ev.data();
        let field = |name: &str| js_sys::Reflect::get(&data, &name.into()).ok();
        let is_height = field("type").and_then(|t| t.as_string()).as_deref() == Some(HEIGHT_MESSAGE);
        if let (true, true, Some(height)) = (from_preview, is_height, field("height").and_then(|h| h.as_f64())) {
            // Through the CSS object model: the page's content security policy refuses style attributes.
            let _ = web_sys::HtmlElement::style(&frame).set_property("height", &format!("{height}px"));
        }
    });
    on_cleanup(move || listener.remove());
    let frame_title = move || {
        if pinned.get() {
            title.get()
        } else {
            heading.get().map(|h| format!("{h} — Met Data Explorer"))
        }
    };
    let code = Memo::new(move |_| Some(embedding::snippet(&src.get()?, &frame_title()?)));
    let pinned_label = move || {
        let months = state.get().map(|s| s.period.describe()).unwrap_or_default();
        match release.get() {
            Some((id, holds)) if !id.is_empty() => {
                format!("Pinned to this data release: {months} exactly as published now (release {id}, which holds {holds})")
            }
            _ => format!("Only {months}"),
        }
    };
    let open = move |_| {
        status.set(String::new());
        if let Some(d) = dialog.get_untracked() {
            let _ = d.show_modal();
            shown.set(true);
        }
    };
    let close = move |_| {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
    };
    let copy = move |_| {
        let Some(text) = code.get_untracked() else { return };
        leptos::task::spawn_local(async move {
            status.set(if copy_text(&text).await {
                "Code copied. Paste it into your page's HTML.".to_string()
            } else {
                "This browser did not let the page copy the code. Select it in the box and copy it.".to_string()
            });
        });
    };
    let radio = move |name: &'static str,
                      id: &'static str,
                      label: Signal<String>,
                      checked: Signal<bool>,
                      pick: Callback<()>| {
        view! {
            <div class="radio">
                <input type="radio" name=name id=id prop:checked=checked on:change=move |_| pick.run(()) />
                <label for=id>{label}</label>
            </div>
        }
    };
    view! {
        <button type="button" class="button button-secondary" id="embed-open" aria-haspopup="dialog" on:click=open>"Embed…"</button>
        <dialog class="dialog" id="embed-dialog" aria-labelledby="embed-title" node_ref=dialog on:close=move |_| shown.set(false)>
            <h2 id="embed-title" class="panel-heading">"Embed this view"</h2>
            <p>"Show this view on your own website: paste the code into your page's HTML. The frame fits its content, from 300 pixels wide."</p>
            <fieldset class="field">
                <legend>"Show"</legend>
                {radio("embed-panel", "embed-chart", "The trend chart".into(), Signal::derive(move || panel.get() == Panel::Chart), Callback::new(move |()| panel.set(Panel::Chart)))}
                {radio("embed-panel", "embed-map", "The map".into(), Signal::derive(move || panel.get() == Panel::Map), Callback::new(move |()| panel.set(Panel::Map)))}
            </fieldset>
            <fieldset class="field">
                <legend>"Figures"</legend>
                {radio("embed-months", "embed-latest", "Always the latest data: the latest months, updated when new figures are published".into(), Signal::derive(move || !pinned.get()), Callback::new(move |()| pinned.set(false)))}
                {radio("embed-months", "embed-pinned", Signal::derive(pinned_label), Signal::derive(move || pinned.get()), Callback::new(move |()| pinned.set(true)))}
            </fieldset>
            <div class="field">
                <label for="embed-code">"Code to paste"</label>
                <textarea id="embed-code" class="embed-code" readonly rows="8" prop:value=move || code.get().unwrap_or_default()></textarea>
            </div>
            <p>
                <button type="button" class="button" id="embed-copy" on:click=copy>"Copy code"</button>
                " "
                <button type="button" class="button button-secondary" id="embed-close" on:click=close>"Close"</button>
            </p>
            <p class="share-status" role="status">{move || status.get()}</p>
            <h3 class="preview-heading">"Preview"</h3>
            <Show when=move || shown.get()>
                <iframe class="embed-preview" title="Preview of the embedded view" node_ref=preview src=move || src.get().unwrap_or_default()></iframe>
            </Show>
        </dialog>
    }
}
