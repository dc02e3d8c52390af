//! The page's status: what could not be loaded, with "Try again" for it,
//! "Loading data…" while the view's files arrive, and a notice when a file is
//! taking longer than [`SLOW_SECONDS`] (the page keeps waiting for it).

use super::data::Load;
use super::models::Models;
use super::state::AppState;
use leptos::prelude::*;
use std::time::Duration;

/// After how long a file still on its way is said to be slow.
pub const SLOW_SECONDS: u64 = 6;

/// Loads the page anew: every file is requested again, and the view, which
/// lives in the address, is kept.
pub fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// How often an open page asks whether newer figures are published (also
/// whenever it is shown again).
const NEWER_CHECK: Duration = Duration::from_secs(600);

/// Offers the newest figures once a release newer than the page's is
/// published. The page keeps reading its own release's files until the reader
/// chooses, so the figures of one view never come from two releases. A view
/// pinned to a release (`release=`) says so already and is not asked about.
#[component]
fn NewerFigures() -> impl IntoView {
    let AppState { store, state, .. } = AppState::get();
    let newer = RwSignal::new(false);
    let check = move || {
        let pinned = state.with_untracked(|s| s.as_ref().is_some_and(|s| s.release.is_some()));
        let Some(ours) = store.manifest.with_untracked(|m| m.ready().map(|m| m.release.clone())) else { return };
        if pinned || newer.get_untracked() {
            return;
        }
        leptos::task::spawn_local(async move {
            if let Ok(Some(latest)) = super::data::latest_release().await {
                newer.set(latest != ours);
            }
        });
    };
    let shown = window_event_listener(leptos::ev::visibilitychange, move |_| {
        let visible = web_sys::window().and_then(|w| w.document()).is_some_and(|d| !d.hidden());
        if visible {
            check();
        }
    });
    let every = set_interval_with_handle(check, NEWER_CHECK).ok();
    on_cleanup(move || {
        shown.remove();
        if let Some(every) = every {
            every.clear();
        }
    });
    move || {
        newer.get().then(|| {
            view! {
                <div class="notice" id="newer-figures" role="status">
                    <p>"Newer figures have been published since this page was opened. It keeps showing the figures it opened with, so that they all come from one release."</p>
                    <button type="button" class="button button-secondary" on:click=|_| reload()>"Show the newest figures"</button>
                </div>
            }
        })
    }
}

/// Says which files have been on their way for [`SLOW_SECONDS`] or more, that
/// the page is still waiting for them, and offers to try again.
#[component]
fn SlowNotice() -> impl IntoView {
    let AppState { store, .. } = AppState::get();
    let loading = Memo::new(move |_| store.loading());
    let slow = RwSignal::new(Vec::<String>::new());
    Effect::new(move |_| {
        let waiting = loading.get();
        slow.set(Vec::new());
        if waiting.is_empty() {
            return;
        }
        set_timeout(
            move || {
                let still = loading.with_untracked(|now| waiting.iter().filter(|f| now.contains(f)).cloned().collect());
                slow.set(still);
            },
            Duration::from_secs(SLOW_SECONDS),
        );
    });
    move || {
        let files = slow.get();
        (!files.is_empty()).then(|| {
            view! {
                <div class="notice" id="slow-notice" role="status">
                    <p>{format!("This is taking longer than usual: {} has not arrived yet.", files.join(", "))}</p>
                    <p>"The figures will appear when it does. If your connection has dropped, try again."</p>
                    <button type="button" class="button button-secondary" on:click=|_| reload()>"Try again"</button>
                </div>
            }
        })
    }
}

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
                {move || {
                    error.track();
                    let offline = web_sys::window().is_some_and(|w| !w.navigator().on_line());
                    match offline {
                        true => view! {
                            <p>
                                "This device is offline. Views opened before on this device open without a \
                                connection; this one needs files that were not kept. Try again when you are online."
                            </p>
                        }.into_any(),
                        false => view! {
                            <p>
                                "Check your connection and try again. If the problem continues, the data files may \
                                be being updated."
                            </p>
                        }.into_any(),
                    }
                }}
                <button type="button" class="button" on:click=retry>"Try again"</button>
            </div>
        </Show>
        <SlowNotice />
        <NewerFigures />
        <Show when=loading>
            <p class="loading" role="status"><span class="spinner" aria-hidden="true"></span>"Loading data…"</p>
        </Show>
    }
}
