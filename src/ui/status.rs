//! The page's status: what could not be loaded, with "Try again" for it, and
//! "Loading data…" while the view's files arrive.

use super::data::Load;
use super::models::Models;
use super::state::AppState;
use leptos::prelude::*;

#[component]
pub fn ErrorSummary() -> impl IntoView {
    let AppState { store, .. } = AppState::get();
    let Models { needed, series, stops_needed, stops_loads, model, .. } = expect_context::<Models>();
    let error = Memo::new(move |_| {
        let mut errors = Vec::new();
        if let Load::Failed(e) = store.manifest.get() {
            errors.push(e);
        }
        if let Load::Failed(e) = store.boroughs.get() {
            errors.push(e);
        }
        store.wards.with(|w| {
            errors.extend(w.values().filter_map(|l| if let Load::Failed(e) = l { Some(e.clone()) } else { None }));
        });
        if let Some(Load::Failed(e)) = store.cross.get() {
            errors.push(e);
        }
        for load in series.get().unwrap_or_default() {
            if let Load::Failed(e) = load {
                errors.push(e);
            }
        }
        for load in stops_loads.get().unwrap_or_default() {
            if let Load::Failed(e) = load {
                errors.push(e);
            }
        }
        errors
    });
    let retry = move |_| {
        store.retry();
        if let Some((files, wards)) = needed.get_untracked() {
            for f in &files {
                store.need_series(f);
            }
            if let Some(w) = wards {
                store.need_wards(&w);
            }
        }
        if let Some(files) = stops_needed.get_untracked() {
            for f in files {
                store.need_stops(f);
            }
            store.need_cross();
        }
    };
    let loading = move || error.with(Vec::is_empty) && model.with(Option::is_none);
    view! {
        <Show when=move || !error.with(Vec::is_empty)>
            <div class="error-summary" role="alert" tabindex="-1">
                <h2 class="error-summary-title">"The data could not be loaded"</h2>
                <ul>{move || error.get().into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
                <p>"Check your connection and try again. If the problem continues, the data files may be being updated."</p>
                <button type="button" class="button" on:click=retry>"Try again"</button>
            </div>
        </Show>
        <Show when=loading>
            <p class="loading" role="status"><span class="spinner" aria-hidden="true"></span>"Loading data…"</p>
        </Show>
    }
}
