//! The breadcrumb of the view's area: London › Camden › Kilburn, each step a
//! link that chooses that area.

use super::models::Models;
use super::state::AppState;
use leptos::prelude::*;
use met_core::crime::view::Crumb;
use met_core::share::url_state::{self, ViewState};

/// The steps are redrawn only when the area changes; their links follow
/// every other change of the view in place.
#[component]
pub fn Breadcrumbs(on_select: Callback<Option<String>>) -> impl IntoView {
    let AppState { state, context, .. } = AppState::get();
    let Models { model, .. } = expect_context::<Models>();
    let trail = Memo::new(move |_| model.with(|m| m.as_ref().map(|m| m.trail.clone())));
    move || {
        let trail = trail.get()?;
        let last = trail.len() - 1;
        let items = trail
            .into_iter()
            .enumerate()
            .map(|(i, Crumb { name, area })| {
                if i == last {
                    view! { <li aria-current="page">{name}</li> }.into_any()
                } else {
                    let target = area.clone();
                    let href = move || {
                        state.with(|s| {
                            let (s, c) = (s.clone()?, context.get()?);
                            let q = url_state::to_query(&ViewState { area: target.clone(), ..s }, &c);
                            Some(if q.is_empty() { "?".to_string() } else { format!("?{q}") })
                        })
                    };
                    view! {
                        <li><a href=href on:click=move |ev| {
                            ev.prevent_default();
                            on_select.run(area.clone());
                        }>{name}</a></li>
                    }
                    .into_any()
                }
            })
            .collect_view();
        Some(view! { <nav class="breadcrumbs" aria-label="Area"><ol>{items}</ol></nav> })
    }
}
