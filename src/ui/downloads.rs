//! The view's downloads: the table of areas and the chart's data as CSV, and
//! the chart as SVG and PNG, each with a header block saying what it holds.

use super::download;
use super::models::Models;
use super::state::AppState;
use leptos::prelude::*;
use met_core::crime::category;
use met_core::crime::view::{self, Scope, ViewModel};
use met_core::data::dataset::{Level, Manifest};
use met_core::render::svg;
use met_core::share::download::Meta;
use met_core::share::url_state::{Explorer, ViewState};

/// `met-crime-burglary-camden-2025-01-to-2025-12`: a file name for a view's downloads.
pub fn file_stem(model: &ViewModel, state: &ViewState) -> String {
    let area = category::key(&model.area_name);
    let what = match state.explorer {
        Explorer::Crime => format!("crime-{}", state.category.replace('/', "-")),
        Explorer::Stops => "stop-and-search".to_string(),
    };
    format!("met-{what}-{area}-{}-to-{}", state.period.from.iso(), state.period.to.iso())
}

/// The header block of a download.
pub fn meta(manifest: &Manifest, model: &ViewModel, title: String) -> Meta {
    let levels: &[Level] =
        if model.ranking.scope == Scope::Boroughs { &[Level::Borough] } else { &[Level::Borough, Level::Ward] };
    let mut releases: Vec<String> = if model.ranking.counted == view::SEARCHES {
        manifest.stops.iter().map(|d| format!("{} ({})", d.title, d.source_url)).collect()
    } else {
        met_core::share::download::releases(manifest, levels)
    };
    if !manifest.release.is_empty() {
        releases.push(format!("Met Data Explorer data release {}", manifest.release));
    }
    Meta {
        title,
        source: model.source.clone(),
        releases,
        generated: String::from(js_sys::Date::new_0().to_iso_string()),
        link: web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default(),
    }
}

/// The width in pixels of a downloaded chart: a size for documents and slides,
/// whatever the screen it was downloaded from.
const DOWNLOAD_WIDTH: u32 = 720;

/// The download links of the view. They are drawn once: each reads the view
/// when it is clicked, so a change of the view redraws nothing here.
#[component]
pub fn Downloads() -> impl IntoView {
    let AppState { view_manifest, state, .. } = AppState::get();
    let Models { model, .. } = expect_context::<Models>();
    // The view's model, manifest and file stem, as they are when clicked.
    let now = move || {
        let (m, manifest, s) = (model.get_untracked()?, view_manifest.get_untracked()?, state.get_untracked()?);
        let stem = file_stem(&m, &s);
        Some((m, manifest, stem))
    };
    let table_csv = move |_| {
        let Some((m, manifest, stem)) = now() else { return };
        let meta = meta(&manifest, &m, m.ranking.caption());
        download::save_text(
            &format!("{stem}-table.csv"),
            "text/csv;charset=utf-8",
            &met_core::share::download::ranking_csv(&m.ranking, &meta),
        );
    };
    let chart_csv = move |_| {
        let Some((m, manifest, stem)) = now() else { return };
        let meta = meta(&manifest, &m, m.chart.title.clone());
        download::save_text(
            &format!("{stem}-chart.csv"),
            "text/csv;charset=utf-8",
            &met_core::share::download::chart_csv(&m.chart, &meta),
        );
    };
    let svg = move |_| {
        let Some((m, _, stem)) = now() else { return };
        let w = DOWNLOAD_WIDTH;
        let (svg, _, _) = svg::standalone_svg(&m.chart, w, super::chart_height(w));
        download::save_text(&format!("{stem}-chart.svg"), "image/svg+xml", &svg);
    };
    let png = move |_| {
        let Some((m, _, stem)) = now() else { return };
        let w = DOWNLOAD_WIDTH;
        let (svg, w, h) = svg::standalone_svg(&m.chart, w, super::chart_height(w));
        download::save_png(&format!("{stem}-chart.png"), &svg, w, h);
    };
    let ready = move || model.with(Option::is_some) && view_manifest.with(Option::is_some);
    view! {
        <Show when=ready>
            <ul class="downloads">
                <li><button type="button" class="link-button" id="download-table-csv" on:click=table_csv>"Table of areas (CSV)"</button></li>
                <li><button type="button" class="link-button" id="download-chart-csv" on:click=chart_csv>"Chart data by month (CSV)"</button></li>
                <li><button type="button" class="link-button" id="download-chart-svg" on:click=svg>"Chart (SVG image)"</button></li>
                <li><button type="button" class="link-button" id="download-chart-png" on:click=png>"Chart (PNG image)"</button></li>
            </ul>
        </Show>
    }
}
