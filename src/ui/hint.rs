//! The hint for first visits, under the heading's line: it never covers the
//! page, and "Hide this message" hides it for good (in this browser).

use super::state::PageLink;
use leptos::prelude::*;
use met_core::share::url_state::Page;

/// The browser-storage key that remembers the first-visit hint was hidden.
const HINT_KEY: &str = "met-data-explorer:first-visit-hint-hidden";

/// Whether a flag is set in the browser's local storage (false where storage is refused).
fn local_flag(key: &str) -> bool {
    let storage = web_sys::window().and_then(|w| w.local_storage().ok().flatten());
    storage.and_then(|s| s.get_item(key).ok().flatten()).is_some()
}

/// Sets a flag in the browser's local storage, if it allows it.
fn set_local_flag(key: &str) {
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.set_item(key, "1");
    }
}

#[component]
pub fn FirstVisitHint() -> impl IntoView {
    let hidden = RwSignal::new(local_flag(HINT_KEY));
    move || {
        (!hidden.get()).then(|| {
            view! {
                <aside class="first-visit" aria-labelledby="first-visit-title">
                    <h2 id="first-visit-title" class="first-visit-title">"New to Met Data Explorer?"</h2>
                    <p>"The "<PageLink page=Page::Guides />" show step by step how to compare your ward with its borough and London, read rates fairly, and share or embed a view. A “?” beside a label explains the term."</p>
                    <button type="button" class="link-button" id="first-visit-hide" on:click=move |_| {
                        set_local_flag(HINT_KEY);
                        hidden.set(true);
                    }>"Hide this message"</button>
                </aside>
            }
        })
    }
}
