//! The app's one state object, created once by `App` and given to every
//! component by context: the address (the source of truth), the data store,
//! the manifest as the view sees it, what the address may refer to, the view
//! state read from it, and the ways to change it. Components read what they
//! need from it instead of taking a dozen signals as properties.

use super::data::Store;
use super::pages;
use leptos::prelude::*;
use met_core::data::dataset::Manifest;
use met_core::share::url_state::{self, Context, Explorer, Fallback, Page, ViewState};
use std::sync::Arc;

#[derive(Clone, Copy)]
pub struct AppState {
    pub store: Store,
    /// The address's query, `?` included (empty for the default view).
    pub query: RwSignal<String>,
    /// The manifest as the view sees it: today's wards, or an older vintage's
    /// when the address asks for one (`wards=`, or one of its wards).
    pub view_manifest: Memo<Option<Arc<Manifest>>>,
    /// What the address may refer to, in the view's manifest.
    pub context: Memo<Option<Arc<Context>>>,
    /// The view state read from the address.
    pub state: Memo<Option<ViewState>>,
    /// Parameters of the address that could not be used, with the reason.
    pub fallbacks: Memo<Vec<Fallback>>,
    pub explorer: Memo<Explorer>,
    pub page: Memo<Page>,
}

impl AppState {
    /// The state of the page at `query`, reading from `store`.
    pub fn new(store: Store, query: String) -> AppState {
        let query = RwSignal::new(query);
        let wards_asked = Memo::new(move |_| {
            store.manifest.with(|m| m.ready().and_then(|m| url_state::wards_asked(&query.get(), &m)))
        });
        let view_manifest: Memo<Option<Arc<Manifest>>> = Memo::new(move |_| {
            let manifest = store.manifest.get().ready()?;
            Some(match wards_asked.get() {
                Some(id) => manifest.for_older_wards(&id).map_or(manifest, Arc::new),
                None => manifest,
            })
        });
        let context = Memo::new(move |_| {
            let manifest = store.manifest.get().ready()?;
            view_manifest.with(|v| v.as_ref().map(|v| Arc::new(Context::of_view(&manifest, v))))
        });
        let parsed: Memo<Option<(ViewState, Vec<Fallback>)>> =
            Memo::new(move |_| context.with(|c| c.as_ref().map(|c| url_state::from_query(&query.get(), c))));
        let state = Memo::new(move |_| parsed.with(|p| p.as_ref().map(|(s, _)| s.clone())));
        let fallbacks = Memo::new(move |_| parsed.with(|p| p.as_ref().map(|(_, f)| f.clone()).unwrap_or_default()));
        let explorer = Memo::new(move |_| state.with(|s| s.as_ref().map_or(Explorer::Crime, |s| s.explorer)));
        let page = Memo::new(move |_| state.with(|s| s.as_ref().map_or(Page::Figures, |s| s.page)));
        AppState { store, query, view_manifest, context, state, fallbacks, explorer, page }
    }

    /// The state object given by `App`.
    pub fn get() -> AppState {
        expect_context::<AppState>()
    }

    /// Shows the view `next`: writes its address, which the page follows.
    pub fn navigate(self, next: ViewState) {
        // The next view's own context when it shows other wards, so that only
        // what differs from its defaults is written.
        let c = self.context.get_untracked().and_then(|c| {
            if next.wards == c.showing {
                return Some(c);
            }
            let manifest = self.store.manifest.get_untracked().ready()?;
            Some(Arc::new(url_state::context_for_wards(&manifest, next.wards.as_deref())))
        });
        let Some(c) = c else { return };
        let q = url_state::to_query(&next, &c);
        self.query.set(if q.is_empty() { String::new() } else { format!("?{q}") });
        // History is written just after the next frame: `pushState` makes the
        // browser lay out the page to save its scroll position, which costs a
        // whole extra layout while the page is changing and nothing after.
        request_animation_frame(move || set_timeout(move || super::push_query(&q), std::time::Duration::ZERO));
    }

    /// Shows the view with `change` made to the current one.
    pub fn edit(self, change: impl FnOnce(&mut ViewState)) {
        if let Some(mut s) = self.state.get_untracked() {
            change(&mut s);
            self.navigate(s);
        }
    }

    /// Shows `area` (London for `None`), keeping what fits of the rest of the view.
    pub fn select_area(self, area: Option<String>) {
        if let (Some(s), Some(c)) = (self.state.get_untracked(), self.context.get_untracked()) {
            self.navigate(c.retarget(&s, |s| s.area = area));
        }
    }

    /// [`AppState::select_area`] as a callback, for the map, table, search and breadcrumbs.
    pub fn on_select(self) -> Callback<Option<String>> {
        Callback::new(move |area| self.select_area(area))
    }

    /// The link to `page`, keeping the rest of the view for the way back.
    pub fn page_href(self, page: Page) -> Option<String> {
        self.state.with(|s| {
            let (s, c) = (s.clone()?, self.context.get()?);
            let q = url_state::to_query(&ViewState { page, ..s }, &c);
            Some(if q.is_empty() { "?".to_string() } else { format!("?{q}") })
        })
    }

    /// Moves to `page`: it starts at its top, its heading focused (a term of
    /// the definitions page is scrolled to instead).
    pub fn show_page(self, page: Page, term: Option<String>) {
        let Some(s) = self.state.get_untracked() else { return };
        self.navigate(ViewState { page, ..s });
        request_animation_frame(move || {
            let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
            let target = term.map(|t| pages::term_anchor(&t)).unwrap_or_else(|| "page-heading".to_string());
            if let Some(element) = document.get_element_by_id(&target) {
                element.scroll_into_view();
                if let Ok(heading) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element) {
                    let _ = heading.focus();
                }
            }
        });
    }
}

/// A link to one of the site's pages, marked when it is the page shown.
#[component]
pub fn PageLink(page: Page) -> impl IntoView {
    let app = AppState::get();
    view! {
        <a href=move || app.page_href(page) aria-current=move || (app.page.get() == page).then_some("page")
            on:click=move |ev| {
                ev.prevent_default();
                app.show_page(page, None);
            }>{page.title()}</a>
    }
}
