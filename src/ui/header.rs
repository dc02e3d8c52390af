//! The site's header: its name, and links to the two explorers and the pages.
//! A narrow screen folds the links behind a "Menu" button (after GOV.UK's
//! service navigation), so the view's answer is on the first screen.

use super::state::{AppState, PageLink};
use leptos::prelude::*;
use met_core::share::url_state::{self, Explorer, Page};

#[component]
pub fn SiteHeader() -> impl IntoView {
    let app = AppState::get();
    // Each explorer's link keeps the area and, where it can, the months. The
    // links are drawn once (again only if stop and search comes or goes);
    // their addresses follow the view in place.
    let has_stops = Memo::new(move |_| app.context.with(|c| c.as_ref().is_some_and(|c| c.has_stops())));
    let target = move |e: Explorer| {
        let (c, s) = (app.context.get()?, app.state.get()?);
        let next = c.retarget(&s, |n| {
            n.explorer = e;
            n.page = Page::Figures;
        });
        let q = url_state::to_query(&next, &c);
        Some((next, if q.is_empty() { "?".to_string() } else { format!("?{q}") }))
    };
    let explorer_links = move || {
        let mut explorers = vec![(Explorer::Crime, "Crime")];
        if has_stops.get() {
            explorers.push((Explorer::Stops, "Stop and search"));
        }
        explorers
            .into_iter()
            .map(|(e, label)| {
                let href = move || target(e).map(|(_, href)| href);
                let current =
                    move || app.state.with(|s| s.as_ref().is_some_and(|s| s.explorer == e && s.page == Page::Figures));
                view! {
                    <li><a href=href aria-current=move || current().then_some("page") on:click=move |ev| {
                        ev.prevent_default();
                        if let Some((next, _)) = target(e) {
                            app.navigate(next);
                        }
                    }>{label}</a></li>
                }
            })
            .collect_view()
    };
    let menu = RwSignal::new(false);
    view! {
        <a href="#main" class="skip-link">"Skip to main content"</a>
        <header class="site-header">
            <div class="width-container">
                <div class="header-row">
                    <p class="site-name">"Met Data Explorer"</p>
                    <button type="button" class="menu-toggle" aria-controls="site-links"
                        aria-expanded=move || menu.get().to_string() on:click=move |_| menu.update(|m| *m = !*m)>
                        {move || if menu.get() { "Close menu" } else { "Menu" }}
                    </button>
                </div>
                <p class="site-tagline">"Crime and stop and search in London, from the Metropolitan Police's published figures"</p>
                <nav class="service-nav" aria-label="Site">
                    <ul id="site-links" class:collapsed=move || !menu.get() on:click=move |_| menu.set(false)>
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
