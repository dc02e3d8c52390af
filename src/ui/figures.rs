//! The explorer's page of figures, and the one figure an embedded view shows.
//!
//! Both read the state object ([`AppState`]) and the view models ([`Models`])
//! from context; the chart's width comes from [`ChartWidth`].

use super::models::Models;
use super::state::AppState;
use super::{
    breadcrumbs, controls, downloads, embed, figure, hint, map_panel, multiples, pages, search, share, status, stops,
    table,
};
use leptos::prelude::*;
use met_core::crime::view::Scope;
use met_core::data::search::SearchIndex;
use met_core::share::download::Meta;
use met_core::share::url_state::{self, Explorer, Panel, ViewState};
use std::sync::Arc;

/// The width in pixels the charts are drawn at, following the window.
#[derive(Clone, Copy)]
pub struct ChartWidth(pub RwSignal<u32>);

/// What a view pinned to a data release says of it (`None` for the latest figures).
fn release_note(app: AppState) -> Option<String> {
    let id = app.state.with(|s| s.as_ref().and_then(|s| s.release.clone()))?;
    let manifest = app.store.manifest.get().ready()?;
    Some(format!(
        "These are the figures as published in data release {id}, which holds {}. Later releases may add months or \
         revise these figures.",
        manifest.release_contents()
    ))
}

/// The view's heading, with its months as a caption.
#[component]
fn ViewHeading() -> impl IntoView {
    let Models { model, .. } = expect_context::<Models>();
    view! {
        <h1 class="view-heading">
            {move || model.with(|m| m.as_ref().map(|m| m.heading.clone()))}
            <span class="caption">{move || model.with(|m| m.as_ref().map(|m| m.ranking.period.describe()))}</span>
        </h1>
    }
}

/// The trend chart. Its parts update in place, so an open data table stays
/// open; while a new file loads, the previous chart stays (the loading notice shows).
#[component]
fn TrendChart() -> impl IntoView {
    let Models { model, .. } = expect_context::<Models>();
    let ChartWidth(width) = expect_context::<ChartWidth>();
    let spec: Memo<Option<met_core::render::chart::ChartSpec>> = Memo::new(move |previous| {
        model.with(|m| m.as_ref().map(|m| m.chart.clone())).or_else(|| previous.cloned().flatten())
    });
    let description = move || model.with(|m| m.as_ref().map(|m| format!("{} {}", m.summary, m.chart.description())));
    view! { <figure::ChartFigure spec=spec width=width id="chart" description=Signal::derive(description) /> }
}

/// What a screen reader hears after any change of the view (category, months,
/// measure, rolling totals, area, map level, explorer): what is shown now and
/// the view's summary, e.g. "Now showing Burglary, Jan–Dec 2025, Number of
/// offences, by ward in Camden. In January to December 2025 the Met recorded…".
/// The summary on screen is not itself live: a change of measure leaves it
/// unchanged, and would go unannounced.
#[component]
fn ViewStatus() -> impl IntoView {
    let AppState { store, state, .. } = AppState::get();
    let Models { model, ranking, .. } = expect_context::<Models>();
    let text = move || {
        let s = state.get()?;
        let label = store.manifest.with(|m| m.ready().map(|m| m.category_label(&s.category)))?;
        let scope = ranking.with(|r| r.as_ref().map(|r| r.scope_phrase()))?;
        let summary = model.with(|m| m.as_ref().map(|m| m.summary.clone()))?;
        let choices = url_state::choices_line(&s, &label).replace(" · ", ", ");
        Some(format!("Now showing {choices}, {scope}. {summary}"))
    };
    view! { <p class="visually-hidden" id="view-status" role="status">{text}</p> }
}

/// An embedded view: one figure with its title, summary and source, and a
/// link to the full view; no site chrome. Its height is reported to the page
/// that embeds it.
#[component]
pub fn EmbedView() -> impl IntoView {
    let app = AppState::get();
    let AppState { context, state, .. } = app;
    let Models { model, .. } = expect_context::<Models>();
    let full_view = Memo::new(move |_| {
        let (c, s) = (context.get()?, state.get()?);
        Some(super::address_with(&url_state::to_query(&ViewState { embed: None, ..s }, &c)))
    });
    let root: NodeRef<leptos::html::Main> = NodeRef::new();
    embed::report_height(root);
    if let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) {
        let _ = body.class_list().add_1("embedded");
    }
    let on_select = app.on_select();
    let figure = move || match state.with(|s| s.as_ref().and_then(|s| s.embed)) {
        Some(Panel::Map) => view! { <map_panel::MapHeading /> <map_panel::AreaMap on_select=on_select /> }.into_any(),
        _ => view! { <TrendChart /> }.into_any(),
    };
    view! {
        <main id="main" class="embed-view" node_ref=root>
            <status::ErrorSummary />
            <Show when=move || model.with(Option::is_some)><ViewHeading /></Show>
            {figure}
            <p class="summary" id="summary">{move || model.get().map(|m| m.summary.clone())}</p>
            <p class="embed-source">{move || model.get().map(|m| m.source.clone())}</p>
            {move || release_note(app).map(|note| view! { <p class="embed-release" id="release-note">{note}</p> })}
            <p class="embed-link">
                <a href=move || full_view.get().unwrap_or_default() target="_blank" rel="noopener">
                    "See the full view on Met Data Explorer"<span class="visually-hidden">" (opens in a new tab)"</span>
                </a>
            </p>
        </main>
    }
}

/// A view pinned to a data release: which, and a link to the latest figures
/// (another folder's files, so the link loads the page anew).
#[component]
fn ReleaseNotice() -> impl IntoView {
    let app = AppState::get();
    move || {
        let note = release_note(app)?;
        let latest = app.state.with(|s| {
            let (s, c) = (s.clone()?, app.context.get()?);
            Some(super::address_with(&url_state::to_query(&ViewState { release: None, ..s }, &c)))
        });
        Some(view! {
            <div class="notice" id="release-note">
                <p>{note}</p>
                <p><a href=latest>"See the latest figures for this view"</a></p>
            </div>
        })
    }
}

/// The notes on what the map and table cover, with a button to the latest
/// ward figures when the months chosen have none.
#[component]
fn ScopeNotes() -> impl IntoView {
    let app = AppState::get();
    let Models { ranking, .. } = expect_context::<Models>();
    // Redrawn only when the notes change, not at every change of the view.
    let notes = Memo::new(move |_| ranking.with(|r| r.as_ref().map(|r| (r.notes.clone(), r.suggestion))));
    move || {
        let (notes, suggestion) = notes.get()?;
        if notes.is_empty() {
            return None;
        }
        let suggestion = suggestion.map(|p| {
            view! {
                <button type="button" class="button button-secondary" on:click=move |_| app.edit(|s| s.period = p)>
                    {format!("Show {} (latest ward figures)", p.describe())}
                </button>
            }
        });
        Some(view! {
            <div class="notice" id="scope-notes">
                <ul>{notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                {suggestion}
            </div>
        })
    }
}

/// The explorer's view, the answer first: the area search, then the heading,
/// the one-sentence summary and a line saying what is chosen (which opens the
/// controls on a narrow screen; wide screens show them in a column beside the
/// figures), then the map and trend, the links to share and embed, the
/// explorer's own sections, the table of areas and the downloads.
#[component]
pub fn Figures() -> impl IntoView {
    let app = AppState::get();
    let AppState { store, view_manifest, context, state, explorer, .. } = app;
    let models = expect_context::<Models>();
    let Models { stops_model, cross_table, model, ranking, scope, share_url, page_title, .. } = models;
    let ChartWidth(width) = expect_context::<ChartWidth>();
    let on_select = app.on_select();
    let navigate = Callback::new(move |next: ViewState| app.navigate(next));
    let search_index = Memo::new(move |_| store.manifest.get().ready().map(|m| Arc::new(SearchIndex::new(&m))));
    let category_id = Memo::new(move |_| state.with(|s| s.as_ref().map(|s| s.category.clone()).unwrap_or_default()));
    let selected = Signal::derive(move || state.with(|s| s.as_ref().and_then(|s| s.area.clone())));
    let sort = Signal::derive(move || state.with(|s| s.as_ref().map(|s| s.sort).unwrap_or_default()));
    let on_sort = Callback::new(move |key| app.edit(|s| s.sort = s.sort.toggled(key)));
    let stem = Signal::derive(move || match (model.get(), state.get()) {
        (Some(m), Some(s)) => downloads::file_stem(&m, &s),
        _ => "met-data".to_string(),
    });
    let download_meta = move |title: String| match (view_manifest.get_untracked(), model.get_untracked()) {
        (Some(manifest), Some(m)) => downloads::meta(&manifest, &m, title),
        _ => Meta { title, source: String::new(), releases: vec![], generated: String::new(), link: String::new() },
    };
    // The controls' state on a narrow screen: shown or not (wide screens always show them).
    let open = RwSignal::new(false);
    let ready = move || view_manifest.get().zip(search_index.get());
    view! {
        <div class="explorer">
            <div class="explorer-search">
                {move || ready().map(|(_, index)| view! { <search::AreaSearch index=index on_select=on_select /> })}
            </div>
            <div class="explorer-head">
                <breadcrumbs::Breadcrumbs on_select=on_select />
                <Show when=move || model.with(Option::is_some)><ViewHeading /></Show>
                <p class="summary" id="summary">{move || model.get().map(|m| m.summary.clone())}</p>
                <ViewStatus />
                {move || ready().map(|(manifest, _)| view! { <controls::ChoicesBar manifest=manifest state=state open=open /> })}
            </div>
            <div class="explorer-side">
                {move || ready().map(|(manifest, _)| view! { <controls::Controls manifest=manifest state=state navigate=navigate open=open /> })}
            </div>
            <div class="explorer-body">
                <div class="panels">
                    <section class="panel" aria-labelledby="map-heading">
                        <map_panel::MapHeading />
                        <map_panel::LevelChoice />
                        <map_panel::WardChoice />
                        <map_panel::AreaMap on_select=on_select />
                    </section>
                    <section class="panel" aria-labelledby="chart-heading">
                        <h2 id="chart-heading" class="panel-heading">"Trend"</h2>
                        <TrendChart />
                    </section>
                </div>
                <ScopeNotes />
                <ReleaseNotice />
                <Show when=move || model.with(Option::is_some)>
                    // A <div>: the definition's popover, a <div>, may not go in a <p>.
                    <div class="what-counts">
                        {move || model.with(|m| m.as_ref().and_then(|m| m.category_plain.clone()).map(|p| format!("What this counts: {p}. ")))}
                        {move || (explorer.get() == Explorer::Crime).then(|| {
                            let label = move || category_id.with(|id| store.manifest.with_untracked(|m| m.ready().map(|m| m.category_label(id)))).unwrap_or_default();
                            view! { <pages::Define id=category_id label=Signal::derive(label) /> }
                        })}
                    </div>
                    <share::ShareBar url=share_url title=page_title>
                        <embed::EmbedDialog state=state context=context title=page_title
                            release=Signal::derive(move || store.manifest.get().ready().map(|m| (m.release.clone(), m.release_contents())))
                            heading=Signal::derive(move || model.with(|m| m.as_ref().map(|m| m.heading.clone()))) />
                    </share::ShareBar>
                </Show>
                <hint::FirstVisitHint />
                <Show when=move || explorer.get() == Explorer::Crime>
                    <multiples::SmallMultiples />
                </Show>
                <Show when=move || explorer.get() == Explorer::Stops>
                    <stops::StopsSections model=stops_model cross=cross_table state=state navigate=navigate
                        width=width meta=Callback::new(download_meta) stem=stem />
                </Show>
                <section aria-labelledby="table-heading" class="deferred">
                    <h2 id="table-heading" class="panel-heading">{move || if scope.get().is_some_and(|s| s != Scope::Boroughs) { "Wards" } else { "All boroughs" }}</h2>
                    <table::AreaTable ranking=ranking selected=selected on_select=on_select sort=sort on_sort=on_sort />
                </section>
                <section aria-labelledby="downloads-heading" class="no-print">
                    <h2 id="downloads-heading" class="panel-heading">"Download this view"</h2>
                    <p>"Files hold exactly the figures on this page, with their source, licence, release and the time they were made."</p>
                    <downloads::Downloads />
                </section>
            </div>
        </div>
    }
}
