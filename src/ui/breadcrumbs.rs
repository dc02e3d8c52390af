//! The breadcrumb of the view's area: London › Camden › Kilburn, each step a
//! link that chooses that area.

use super::models::Models;
use super::state::AppState;
use leptos::prelude::*;
use met_core::crime::view::Crumb;
use met_core::share::url_state::{self, ViewState};

#[component]
pub fn Breadcrumbs(on_select: Callback<Option<String>>) -> impl IntoView {
    let AppState { state, context, .. } = AppState::get();
    let Models { model, .. } = expect_context::<Models>();
    move || {
        let m = model.get()?;
        let last = m.trail.len() - 1;
        let items = m
            .trail
            .iter()
            .enumerate()
            .map(|(i, Crumb { name, area })| {
                if i == last {
                    view! { <li aria-current="page">{name.clone()}</li> }.into_any()
                } else {
                    let href = state.with_untracked(|s| {
                        let (s, c) = (s.clone()?, context.get_untracked()?);
                        let q = url_state::to_query(&ViewState { area: area.clone(), ..s }, &c);
                        Some(if q.is_empty() { "?".to_string() } else { format!("?{q}") })
                    });
                    let area = area.clone();
                    view! {
                        <li><a href=href on:click=move |ev| {
                            ev.prevent_default();
                            on_select.run(area.clone());
                        }>{name.clone()}</a></li>
                    }
                    .into_any()
                }
            })
            .collect_view();
        Some(view! { <nav class="breadcrumbs" aria-label="Area"><ol>{items}</ol></nav> })
    }
}
