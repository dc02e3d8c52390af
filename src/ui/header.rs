//! The site's header: its name, and links to the two explorers and the pages.

use super::state::{AppState, PageLink};
use leptos::prelude::*;
use met_core::share::url_state::{self, Explorer, Page};

#[component]
pub fn SiteHeader() -> impl IntoView {
    let app = AppState::get();
    // Each explorer's link keeps the area and, where it can, the months.
    let explorer_links = move || {
        let c = app.context.get()?;
        let s = app.state.get()?;
        let mut explorers = vec![(Explorer::Crime, "Crime")];
        if c.has_stops() {
            explorers.push((Explorer::Stops, "Stop and search"));
        }
        let links = explorers
            .into_iter()
            .map(|(e, label)| {
                let next = c.retarget(&s, |n| {
                    n.explorer = e;
                    n.page = Page::Figures;
                });
                let q = url_state::to_query(&next, &c);
                let href = if q.is_empty() { "?".to_string() } else { format!("?{q}") };
                let current = (s.explorer == e && s.page == Page::Figures).then_some("page");
                view! {
                    <li><a href=href aria-current=current on:click=move |ev| {
                        ev.prevent_default();
                        app.navigate(next.clone());
                    }>{label}</a></li>
                }
            })
            .collect_view();
        Some(links)
    };
    view! {
        <a href="#main" class="skip-link">"Skip to main content"</a>
        <header class="site-header">
            <div class="width-container">
                <p class="site-name">"Met Data Explorer"</p>
                <p class="site-tagline">"Crime and stop and search in London, from the Metropolitan Police's published figures"</p>
                <nav class="service-nav" aria-label="Site">
                    <ul>
                        {explorer_links}
                        <li><PageLink page=Page::Guides /></li>
                        <li><PageLink page=Page::Definitions /></li>
                        <li><PageLink page=Page::Data /></li>
                    </ul>
                </nav>
            </div>
        </header>
    }
}
