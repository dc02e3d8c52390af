//! The Leptos UI: a thin layer that reads the URL, loads data files, asks
//! `met-core` for the view model and renders it.
//!
//! Data flows one way: URL query → [`url_state::from_query`] → view state →
//! series file ([`data::Store`]) → [`view::build`] → map, chart, tables and
//! summary. User actions never change the view directly: they write a new
//! query with [`url_state::to_query`] and the page follows the URL.

pub mod chart;
pub mod data;
pub mod map;
pub mod table;

use data::{Load, Store};
use leptos::html::Select;
use leptos::prelude::*;
use met_core::category;
use met_core::dataset::{AreaKind, Level, Manifest};
use met_core::month::{Month, Period};
use met_core::url_state::{self, Context, Fallback, ViewState};
use met_core::view::{self, Ranking, ViewModel};
use std::sync::Arc;

/// Mounts the app into `<body>`.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

/// What the URL may refer to, from the manifest.
pub fn context_of(manifest: &Manifest) -> Context {
    let areas =
        manifest.areas_of(Level::Borough).filter(|a| a.kind == AreaKind::Area).map(|a| a.code.clone()).collect();
    let mut categories = vec![category::ALL.to_string()];
    categories.extend(manifest.categories.iter().map(|c| c.id.clone()));
    let available = manifest.dataset(Level::Borough).map_or_else(
        || {
            Period::new(
                Month::new(2024, 1).unwrap_or_else(|| unreachable!()),
                Month::new(2024, 12).unwrap_or_else(|| unreachable!()),
            )
        },
        |d| d.period,
    );
    Context { areas, categories, available }
}

/// The series file holding a category at borough level.
pub fn series_file_name(category_id: &str) -> String {
    format!("crime-borough-{}.json", category::major_of(category_id))
}

/// The series file a query asks for, before the manifest can validate it, so it
/// loads in parallel with the manifest. A wrong guess only costs a request: the
/// view uses the file of the validated category.
fn requested_series_file(query: &str) -> String {
    let cat = url_state::param(query, "cat").unwrap_or_else(|| category::ALL.to_string());
    let major = category::major_of(&cat);
    let plausible = !major.is_empty() && major.bytes().all(|b| b.is_ascii_lowercase() || b == b'-');
    series_file_name(if plausible { major } else { category::ALL })
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

fn set_title(text: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(text);
    }
}

/// The chart's width in pixels: the width of its column, within limits.
fn chart_width() -> u32 {
    let inner = web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|v| v.as_f64()).unwrap_or(1024.0);
    let column = if inner >= 1000.0 { (inner.min(1280.0) - 96.0) / 2.0 } else { inner - 40.0 };
    column.clamp(280.0, 720.0) as u32
}

#[component]
pub fn App() -> impl IntoView {
    let store = Store::new();
    store.load_start();
    let query = RwSignal::new(current_query());
    store.need_series(&requested_series_file(&query.get_untracked()));
    let popstate = window_event_listener(leptos::ev::popstate, move |_| query.set(current_query()));
    let width = RwSignal::new(chart_width());
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

    let context =
        Memo::new(move |_| store.manifest.with(|m| if let Load::Ready(m) = m { Some(context_of(m)) } else { None }));
    let parsed: Memo<Option<(ViewState, Vec<Fallback>)>> =
        Memo::new(move |_| context.with(|c| c.as_ref().map(|c| url_state::from_query(&query.get(), c))));
    let state = Memo::new(move |_| parsed.with(|p| p.as_ref().map(|(s, _)| s.clone())));
    let fallbacks = Memo::new(move |_| parsed.with(|p| p.as_ref().map(|(_, f)| f.clone()).unwrap_or_default()));
    let navigate = move |next: ViewState| {
        if let Some(c) = context.get_untracked() {
            let q = url_state::to_query(&next, &c);
            query.set(if q.is_empty() { String::new() } else { format!("?{q}") });
            // History is written just after the next frame: `pushState` makes the
            // browser lay out the page to save its scroll position, which costs a
            // whole extra layout while the page is changing and nothing after.
            request_animation_frame(move || set_timeout(move || push_query(&q), std::time::Duration::ZERO));
        }
    };

    Effect::new(move |_| {
        if let Some(s) = state.get() {
            store.need_series(&series_file_name(&s.category));
        }
    });
    let series = Memo::new(move |_| {
        let name = series_file_name(&state.get()?.category);
        store.series.with(|m| m.get(&name).cloned())
    });
    let model: Memo<Option<Arc<ViewModel>>> = Memo::new(move |_| {
        let manifest = store.manifest.get().ready()?;
        let s = state.get()?;
        let file = series.get()?.ready()?;
        Some(Arc::new(view::build(&manifest, &file, &s)))
    });
    let ranking: Memo<Option<Arc<Ranking>>> = Memo::new(move |_| model.with(|m| m.as_ref().map(|m| m.ranking.clone())));
    Effect::new(move |_| {
        if let Some(m) = model.get() {
            set_title(&format!("{}, {} – Met Data Explorer", m.heading, m.ranking.period.short()));
        }
    });

    let error = Memo::new(move |_| {
        let mut errors = Vec::new();
        if let Load::Failed(e) = store.manifest.get() {
            errors.push(e);
        }
        if let Load::Failed(e) = store.boroughs.get() {
            errors.push(e);
        }
        if let Some(Load::Failed(e)) = series.get() {
            errors.push(e);
        }
        errors
    });
    let retry = move |_| {
        store.retry();
        if let Some(s) = state.get_untracked() {
            store.need_series(&series_file_name(&s.category));
        }
    };

    let selected = Signal::derive(move || state.with(|s| s.as_ref().and_then(|s| s.area.clone())));
    let on_select = Callback::new(move |area: Option<String>| {
        if let Some(mut s) = state.get_untracked() {
            s.area = area;
            navigate(s);
        }
    });

    let sort = Signal::derive(move || state.with(|s| s.as_ref().map(|s| s.sort).unwrap_or_default()));
    let on_sort = Callback::new(move |key| {
        if let Some(mut s) = state.get_untracked() {
            s.sort = s.sort.toggled(key);
            navigate(s);
        }
    });

    let loading = move || error.with(Vec::is_empty) && model.with(Option::is_none);
    view! {
        <a href="#main" class="skip-link">"Skip to main content"</a>
        <header class="site-header">
            <div class="width-container">
                <p class="site-name">"Met Data Explorer"</p>
                <p class="site-tagline">"Crime in London from the Metropolitan Police's published figures"</p>
            </div>
        </header>
        <main id="main" class="width-container" tabindex="-1">
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
            <Show when=move || !fallbacks.with(Vec::is_empty)>
                <div class="notice" role="status">
                    <h2 class="notice-title">"Part of this link could not be used"</h2>
                    <ul>{move || fallbacks.get().into_iter().map(|f| view! { <li>{f.reason}</li> }).collect_view()}</ul>
                </div>
            </Show>
            {move || {
                let manifest = store.manifest.get().ready()?;
                Some(view! { <Controls manifest=manifest state=state navigate=Callback::new(navigate) /> })
            }}
            <Show when=move || model.with(Option::is_some)>
                <h1 class="view-heading">
                    {move || model.with(|m| m.as_ref().map(|m| m.heading.clone()))}
                    <span class="caption">{move || model.with(|m| m.as_ref().map(|m| m.ranking.period.describe()))}</span>
                </h1>
            </Show>
            <p class="summary" aria-live="polite" id="summary">{move || model.get().map(|m| m.summary.clone())}</p>
            <div class="panels">
                <section class="panel" aria-labelledby="map-heading">
                    <h2 id="map-heading" class="panel-heading">"Map: rate per 1,000 residents"</h2>
                    {move || store.boroughs.get().ready().map(|geo| view! {
                        <map::Map geo=geo ranking=ranking selected=selected on_select=on_select />
                    })}
                </section>
                <section class="panel" aria-labelledby="chart-heading">
                    <h2 id="chart-heading" class="panel-heading">"Trend by month"</h2>
                    {move || model.get().map(|m| {
                        let svg = chart::render_svg(&m.chart, width.get(), (width.get() * 3 / 5).clamp(220, 360));
                        let legend = m.chart.series.iter().map(|s| view! {
                            <li><span class=if s.dashed { "key key-dashed" } else { "key" } style=format!("border-color:{}", s.colour)></span>{s.name.clone()}</li>
                        }).collect_view();
                        view! {
                            <figure class="chart">
                                <figcaption class="chart-title">{m.chart.title.clone()}</figcaption>
                                <ul class="chart-legend">{legend}</ul>
                                <p class="chart-unit" aria-hidden="true">{m.chart.y_label.clone()}</p>
                                <div class="chart-svg" role="img" aria-label=m.chart.title.clone() aria-describedby="chart-description" inner_html=svg></div>
                                <p id="chart-description" class="visually-hidden">{m.chart.description()}</p>
                                {m.chart.notes.iter().map(|n| view! { <p class="note">{n.clone()}</p> }).collect_view()}
                            </figure>
                            <details class="details">
                                <summary>"Show the chart's data as a table"</summary>
                                <table::PlainTable table=m.chart.table() />
                            </details>
                        }
                    })}
                </section>
            </div>
            <section aria-labelledby="table-heading" class="deferred">
                <h2 id="table-heading" class="panel-heading">"All boroughs"</h2>
                <table::AreaTable ranking=ranking selected=selected on_select=on_select sort=sort on_sort=on_sort />
            </section>
        </main>
        <footer class="site-footer">
            <div class="width-container">
                <p>{move || model.get().map(|m| m.source.clone())}</p>
                <p>"Contains National Statistics data © Crown copyright and database right. Contains Ordnance Survey data © Crown copyright and database right. Boundaries: Greater London Authority and Office for National Statistics."</p>
            </div>
        </footer>
    }
}

/// Area, category and period pickers, built once; their selections follow the
/// URL through effects, and every change writes a new URL.
#[component]
fn Controls(manifest: Arc<Manifest>, state: Memo<Option<ViewState>>, navigate: Callback<ViewState>) -> impl IntoView {
    let mut boroughs: Vec<_> =
        manifest.areas_of(Level::Borough).filter(|a| a.kind == AreaKind::Area).cloned().collect();
    boroughs.sort_by(|a, b| a.name.cmp(&b.name));
    let area_options =
        boroughs.iter().map(|a| view! { <option value=a.code.clone()>{a.name.clone()}</option> }).collect_view();
    let groups = manifest
        .categories
        .iter()
        .filter(|c| c.parent.is_none())
        .map(|major| {
            let label = category::sentence_case(&major.name);
            let minor_options = manifest
                .categories
                .iter()
                .filter(|c| c.parent.as_deref() == Some(major.id.as_str()))
                .map(|m| view! { <option value=m.id.clone()>{format!("{label}: {}", category::sentence_case(&m.name))}</option> })
                .collect_view();
            view! {
                <optgroup label=label>
                    <option value=major.id.clone()>{format!("{label}: all")}</option>
                    {minor_options}
                </optgroup>
            }
        })
        .collect_view();
    let months: Vec<Month> = manifest.dataset(Level::Borough).map(|d| d.period.months().collect()).unwrap_or_default();
    let month_options =
        || months.iter().rev().map(|m| view! { <option value=m.iso()>{m.long_name()}</option> }).collect_view();
    let (from_options, to_options) = (month_options(), month_options());
    let presets = manifest
        .dataset(Level::Borough)
        .map(|d| met_core::month::presets(d.period))
        .unwrap_or_default()
        .into_iter()
        .map(|(label, period)| {
            let pressed = move || state.with(|s| s.as_ref().is_some_and(|s| s.period == period)).to_string();
            let choose = move |_| {
                if let Some(mut next) = state.get_untracked() {
                    next.period = period;
                    navigate.run(next);
                }
            };
            view! { <button type="button" class="preset" aria-pressed=pressed on:click=choose>{label}</button> }
        })
        .collect_view();

    let (area, cat, from, to) =
        (NodeRef::<Select>::new(), NodeRef::<Select>::new(), NodeRef::<Select>::new(), NodeRef::<Select>::new());
    Effect::new(move |_| {
        let Some(s) = state.get() else { return };
        let set = |node: NodeRef<Select>, value: &str| {
            if let Some(select) = node.get() {
                if select.value() != value {
                    select.set_value(value);
                }
            }
        };
        set(area, s.area.as_deref().unwrap_or(""));
        set(cat, &s.category);
        set(from, &s.period.from.iso());
        set(to, &s.period.to.iso());
    });
    let change = move |edit: fn(&mut ViewState, String), ev: leptos::ev::Event| {
        if let Some(mut next) = state.get_untracked() {
            edit(&mut next, event_target_value(&ev));
            navigate.run(next);
        }
    };
    view! {
        <form class="controls" on:submit=|ev| ev.prevent_default()>
            <div class="field">
                <label for="area">"Area"</label>
                <select id="area" name="area" node_ref=area
                    on:change=move |ev| change(|s, v| s.area = if v.is_empty() { None } else { Some(v) }, ev)>
                    <option value="">"London (all boroughs)"</option>
                    {area_options}
                </select>
            </div>
            <div class="field">
                <label for="cat">"Crime category"</label>
                <select id="cat" name="cat" node_ref=cat on:change=move |ev| change(|s, v| s.category = v, ev)>
                    <option value="all">"All crimes"</option>
                    {groups}
                </select>
            </div>
            <fieldset class="field period">
                <legend>"Period"</legend>
                <div class="period-fields">
                    <div>
                        <label for="from">"From"</label>
                        <select id="from" name="from" node_ref=from on:change=move |ev| change(|s, v| {
                            if let Some(m) = Month::parse(&v) {
                                s.period = Period::new(m, s.period.to.max(m));
                            }
                        }, ev)>{from_options}</select>
                    </div>
                    <div>
                        <label for="to">"To"</label>
                        <select id="to" name="to" node_ref=to on:change=move |ev| change(|s, v| {
                            if let Some(m) = Month::parse(&v) {
                                s.period = Period::new(s.period.from.min(m), m);
                            }
                        }, ev)>{to_options}</select>
                    </div>
                </div>
                <div class="presets" role="group" aria-label="Quick periods">{presets}</div>
            </fieldset>
        </form>
    }
}
