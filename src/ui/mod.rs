//! The Leptos UI: a thin layer that reads the URL, loads data files, asks
//! `met-core` for the view model and renders it.
//!
//! Data flows one way: URL query → [`url_state::from_query`] → view state →
//! series file ([`data::Store`]) → [`view::build`] → map, chart, tables and
//! summary. User actions never change the view directly: they write a new
//! query with [`url_state::to_query`] and the page follows the URL.

pub mod breadcrumbs;
pub mod controls;
pub mod data;
pub mod download;
pub mod downloads;
pub mod embed;
pub mod figure;
pub mod figures;
pub mod footer;
pub mod header;
pub mod hint;
pub mod map;
pub mod map_panel;
pub mod models;
pub mod multiples;
pub mod pages;
pub mod search;
pub mod share;
pub mod state;
pub mod status;
pub mod stops;
pub mod table;

use data::{FirstFiles, Store};
use leptos::prelude::*;
use met_core::crime::category;
use met_core::data::dataset::{series_file_name, Level};
use met_core::explain;
use met_core::share::url_state::{self, Page};
use met_core::stops::stops_view;
use models::Models;
use state::AppState;

/// Loads the first view's files, then mounts the app into `<body>` in place of
/// the page's loading message and of the first view's static copy, if shown.
pub fn mount() {
    console_error_panic_hook::set_once();
    // Leptos' task executor only starts with the app, so this one task runs on
    // wasm-bindgen's own.
    wasm_bindgen_futures::spawn_local(async {
        let query = current_query();
        let release = url_state::requested_release(&query);
        warn_if_slow();
        let store = Store::first(&first_files(&query), release).await;
        let document = web_sys::window().and_then(|w| w.document());
        // The loading message, and the first view's static copy shown until now (scripts/first-view.mjs).
        for id in ["loading", "slow-notice", "first-view", "first-view-source"] {
            if let Some(element) = document.as_ref().and_then(|d| d.get_element_by_id(id)) {
                element.remove();
            }
        }
        leptos::mount::mount_to_body(move || view! { <App store/> });
    });
}

/// While the first view's files are on their way (before the app is drawn):
/// after [`status::SLOW_SECONDS`], a notice under the loading message says it
/// is taking longer than usual and offers to try again, as the app's own
/// notice does later.
fn warn_if_slow() {
    use wasm_bindgen::{closure::Closure, JsCast};
    fn add_notice() -> Option<()> {
        let document = web_sys::window()?.document()?;
        let loading = document.get_element_by_id("loading")?;
        let notice = document.create_element("div").ok()?;
        notice.set_id("slow-notice");
        notice.set_class_name("notice");
        notice.set_attribute("role", "status").ok()?;
        for line in [
            "This is taking longer than usual: the figures have not arrived yet.",
            "They will appear when they do. If your connection has dropped, try again.",
        ] {
            let p = document.create_element("p").ok()?;
            p.set_text_content(Some(line));
            notice.append_child(&p).ok()?;
        }
        let button = document.create_element("button").ok()?;
        button.set_attribute("type", "button").ok()?;
        button.set_class_name("button button-secondary");
        button.set_text_content(Some("Try again"));
        let retry = Closure::<dyn Fn()>::new(status::reload);
        button.add_event_listener_with_callback("click", retry.as_ref().unchecked_ref()).ok()?;
        retry.forget();
        notice.append_child(&button).ok()?;
        loading.after_with_node_1(&notice).ok()
    }
    let warn = Closure::once(|| {
        add_notice();
    });
    let Some(window) = web_sys::window() else { return };
    let ms = i32::try_from(status::SLOW_SECONDS * 1000).unwrap_or(i32::MAX);
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(warn.as_ref().unchecked_ref(), ms);
    warn.forget();
}

/// The meta description of a page other than the figures.
fn page_description(page: Page) -> &'static str {
    match page {
        Page::Definitions => "What every crime category, stop-and-search term and figure on Met Data Explorer means, in plain words.",
        Page::Guides => "Step-by-step guides to Met Data Explorer, each opening the view it describes.",
        Page::Data => "Where Met Data Explorer's figures come from: publishers, licences, periods, caveats, what is not published and when new figures are expected.",
        Page::Accessibility => "How accessible Met Data Explorer is, known problems and how to report one.",
        Page::Figures => "Explore crime and stop and search in London by borough, by ward and over time.",
    }
}

/// This month, from the browser's clock.
fn this_month() -> met_core::data::month::Month {
    let now = js_sys::Date::new_0();
    let year = u16::try_from(now.get_full_year()).unwrap_or(2026);
    let month = u8::try_from(now.get_month() + 1).unwrap_or(1);
    met_core::data::month::Month::new(year, month).unwrap_or_else(|| unreachable!("the clock gives a real month"))
}

/// The files a query's view shows first, before the manifest can validate
/// it, so they load in parallel with the manifest: the borough file of its
/// category (or of stop and search) and, when it shows today's wards (London
/// by ward, or any area chosen), the ward file and boundaries. A wrong guess
/// only costs a request: the view uses the files of the validated state.
fn first_files(query: &str) -> FirstFiles {
    let wards = url_state::param(query, "wards").is_none()
        && (url_state::param(query, "area").is_some() || url_state::param(query, "level").as_deref() == Some("ward"));
    if url_state::param(query, "explorer").as_deref() == Some("stops") {
        let mut files = vec![stops_view::BOROUGH_FILE.to_string()];
        files.extend(wards.then(|| stops_view::WARD_FILE.to_string()));
        return FirstFiles { files, stops: true, wards };
    }
    let cat = url_state::param(query, "crime").unwrap_or_else(|| category::ALL.to_string());
    let major = category::major_of(&cat);
    let plausible = !major.is_empty() && major.bytes().all(|b| b.is_ascii_lowercase() || b == b'-');
    let major = if plausible { major } else { category::ALL };
    let mut files = vec![series_file_name(Level::Borough, major)];
    files.extend(wards.then(|| series_file_name(Level::Ward, major)));
    FirstFiles { files, stops: false, wards }
}

fn current_query() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

fn push_query(query: &str) {
    let Some(window) = web_sys::window() else { return };
    let path = window.location().pathname().unwrap_or_default();
    let url = if query.is_empty() { path } else { format!("{path}?{query}") };
    if let Ok(history) = window.history() {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// The page's title, meta description and canonical link, for the view shown.
fn set_head(title: &str, description: &str, canonical: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    document.set_title(title);
    if let Ok(Some(meta)) = document.query_selector("meta[name=description]") {
        let _ = meta.set_attribute("content", description);
    }
    let link = match document.query_selector("link[rel=canonical]") {
        Ok(Some(link)) => Some(link),
        _ => document.create_element("link").ok().inspect(|link| {
            let _ = link.set_attribute("rel", "canonical");
            if let Some(head) = document.head() {
                let _ = head.append_child(link);
            }
        }),
    };
    if let Some(link) = link {
        let _ = link.set_attribute("href", canonical);
    }
}

/// The page's address with another query (`q` without `?`; empty for none).
fn address_with(q: &str) -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else { return String::new() };
    let base = format!("{}{}", location.origin().unwrap_or_default(), location.pathname().unwrap_or_default());
    if q.is_empty() {
        base
    } else {
        format!("{base}?{q}")
    }
}

/// The chart's width in pixels: the width of its column, within limits. It
/// follows the page's layout (style/main.css): from 1000 px the controls take a
/// column of 280 px (and a gap of 32) beside the figures, and from 1200 px the
/// map and the chart stand side by side (a gap of 24) in a container of at most
/// 1200 px with 32 px of padding each side.
fn chart_width() -> u32 {
    let inner = web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|v| v.as_f64()).unwrap_or(1024.0);
    let content = inner.min(1200.0) - 64.0 - 312.0;
    let column = if inner >= 1200.0 {
        (content - 24.0) / 2.0
    } else if inner >= 1000.0 {
        content
    } else {
        inner - 40.0
    };
    column.clamp(280.0, 720.0) as u32
}

fn chart_height(width: u32) -> u32 {
    (width * 3 / 5).clamp(220, 360)
}

#[component]
pub fn App(store: Store) -> impl IntoView {
    let app = AppState::new(store, current_query());
    provide_context(app);
    let AppState { query, context, state, fallbacks, page, .. } = app;
    let printing = RwSignal::new(false);
    provide_context(share::Printing(printing));
    share::watch_printing(printing);
    let popstate = window_event_listener(leptos::ev::popstate, move |_| query.set(current_query()));
    let width = RwSignal::new(chart_width());
    provide_context(figures::ChartWidth(width));
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        let w = chart_width();
        if w != width.get_untracked() {
            width.set(w);
        }
    });
    on_cleanup(move || {
        popstate.remove();
        resize.remove();
    });

    let models = Models::new(app);
    provide_context(models);
    let Models { model, share_url, page_title, .. } = models;
    Effect::new(move |_| {
        let (Some(c), Some(s)) = (context.get(), state.get()) else { return };
        let (title, description) = match s.page {
            Page::Figures => {
                let (Some(m), Some(title)) = (model.get(), page_title.get()) else { return };
                (title, m.summary.clone())
            }
            other => (format!("{} — Met Data Explorer", other.title()), page_description(other).to_string()),
        };
        let canonical = address_with(&url_state::to_query(&s, &c));
        // Like the history entry, the head is written just after the frame.
        request_animation_frame(move || {
            set_timeout(move || set_head(&title, &description, &canonical), std::time::Duration::ZERO);
        });
    });
    provide_context(store);
    provide_context(pages::Glossary {
        href: Callback::new(move |id: String| {
            format!("{}#{}", app.page_href(Page::Definitions).unwrap_or_default(), pages::term_anchor(&id))
        }),
        open: Callback::new(move |id: String| app.show_page(Page::Definitions, Some(id))),
    });
    // A guide's button (a link to `?` and its view's query): the view it
    // describes, shown in place, from the top of the page.
    let open_guide = move |ev: leptos::ev::MouseEvent| {
        use wasm_bindgen::JsCast;
        let link = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a.guide-button").ok().flatten());
        let Some(query) = link.and_then(|a| a.get_attribute("href")) else { return };
        ev.prevent_default();
        let Some(c) = context.get_untracked() else { return };
        app.navigate(url_state::from_query(query.trim_start_matches('?'), &c).0);
        request_animation_frame(|| {
            if let Some(w) = web_sys::window() {
                w.scroll_to_with_x_and_y(0.0, 0.0);
            }
        });
    };

    if url_state::param(&current_query(), "embed").is_some() {
        return view! { <figures::EmbedView /> }.into_any();
    }
    view! {
        <header::SiteHeader />
        <main id="main" class="width-container" tabindex="-1">
            <status::ErrorSummary />
            <Show when=move || !fallbacks.with(Vec::is_empty)>
                <div class="notice" role="status">
                    <h2 class="notice-title">"Part of this link could not be used"</h2>
                    <ul>{move || fallbacks.get().into_iter().map(|f| view! { <li>{f.reason}</li> }).collect_view()}</ul>
                </div>
            </Show>
            {move || match page.get() {
                Page::Figures => view! { <figures::Figures /> }.into_any(),
                Page::Definitions => view! { <pages::Definitions store=store /> }.into_any(),
                Page::Data => store.manifest.get().ready().map(|m| view! { <div class="page" inner_html=explain::pages::about_data(&m, this_month(), explain::pages::Place::App)></div> }).into_any(),
                Page::Accessibility => view! { <div class="page" inner_html=explain::pages::accessibility()></div> }.into_any(),
                Page::Guides => view! { <div class="page" on:click=open_guide inner_html=explain::pages::guides(explain::pages::Place::App)></div> }.into_any(),
            }}
        </main>
        <footer::SiteFooter source=Signal::derive(move || model.get().map(|m| m.source.clone())) share_url=share_url />
    }
    .into_any()
}
