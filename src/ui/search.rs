//! The area search: a type-ahead combobox over borough and ward names and
//! codes (WAI-ARIA combobox with a list box). The matching is
//! [`met_core::data::search`]; this is only the widget.
//!
//! Keyboard: typing lists matches, Down and Up move through them, Enter
//! chooses the highlighted match (or the first), Escape closes the list and
//! then clears the text. A polite status says how many matches there are.

use leptos::prelude::*;
use met_core::data::search::{Hit, SearchIndex};
use std::sync::Arc;

/// The most matches listed at once.
const LIMIT: usize = 8;

#[component]
pub fn AreaSearch(index: Arc<SearchIndex>, on_select: Callback<Option<String>>) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let active = RwSignal::new(None::<usize>);
    let open = RwSignal::new(false);
    let hits = Memo::new(move |_| text.with(|t| index.find(t, LIMIT)));
    let expanded = move || open.get() && !hits.with(Vec::is_empty);
    let choose = move |hit: &Hit| {
        text.set(String::new());
        open.set(false);
        active.set(None);
        on_select.run(Some(hit.code.clone()));
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let n = hits.with_untracked(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" => {
                ev.prevent_default();
                open.set(true);
                if n > 0 {
                    active.set(Some(active.get_untracked().map_or(0, |i| (i + 1) % n)));
                }
            }
            "ArrowUp" => {
                ev.prevent_default();
                if n > 0 {
                    active.set(Some(active.get_untracked().map_or(n - 1, |i| (i + n - 1) % n)));
                }
            }
            "Enter" => {
                ev.prevent_default();
                let hit = hits.with_untracked(|h| h.get(active.get_untracked().unwrap_or(0)).cloned());
                if let Some(hit) = hit {
                    choose(&hit);
                }
            }
            "Escape" => {
                if open.get_untracked() && n > 0 {
                    open.set(false);
                } else {
                    text.set(String::new());
                }
                active.set(None);
            }
            _ => {}
        }
    };
    let status = move || {
        let t = text.get();
        if t.trim().is_empty() {
            return String::new();
        }
        match hits.with(Vec::len) {
            0 => format!("No borough or ward matches “{}”.", t.trim()),
            1 => "1 match. Use the down arrow to reach it, or press Enter.".to_string(),
            n => format!("{n} matches. Use the up and down arrows to move through them."),
        }
    };
    let options = move || {
        hits.get()
            .into_iter()
            .enumerate()
            .map(|(i, hit)| {
                let selected = move || active.get() == Some(i);
                let h = hit.clone();
                view! {
                    <li id=format!("search-option-{i}") role="option" class="search-option"
                        aria-selected=move || selected().to_string()
                        class:active=selected
                        on:mousedown=move |ev| ev.prevent_default()
                        on:click=move |_| choose(&h)>
                        <span class="search-name">{hit.name.clone()}</span>
                        <span class="search-detail">{hit.detail}</span>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <div class="field search">
            <label for="area-search">"Find a borough or ward"</label>
            <p class="hint" id="area-search-hint">"For example Camden, or St Peter's."</p>
            <input id="area-search" type="text" class="search-input" autocomplete="off" spellcheck="false"
                role="combobox" aria-autocomplete="list" aria-controls="area-search-list"
                aria-describedby="area-search-hint"
                aria-expanded=move || expanded().to_string()
                aria-activedescendant=move || active.get().filter(|_| expanded()).map(|i| format!("search-option-{i}"))
                prop:value=move || text.get()
                on:input=move |ev| {
                    text.set(event_target_value(&ev));
                    active.set(None);
                    open.set(true);
                }
                on:keydown=on_key
                on:blur=move |_| open.set(false)
                on:focus=move |_| open.set(true) />
            <ul id="area-search-list" role="listbox" aria-label="Matching areas" class="search-list" hidden=move || !expanded()>
                {options}
            </ul>
            <p class="visually-hidden" role="status" aria-live="polite">{status}</p>
        </div>
    }
}
