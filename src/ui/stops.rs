//! The parts of the stop-and-search page that the crime page does not have:
//! arrests after a search by month, a breakdown of searches by one dimension
//! (outcome, age, power used…), and searches per 1,000 residents of each ethnic
//! group with the disproportionality ratio and what it does and does not mean,
//! and the outcomes of each ethnic group's searches for one age group.
//! Everything shown comes from the [`StopsModel`]; this module only draws it.

use super::data::{Load, Store};
use super::pages::Define;
use super::{download, figure::ChartFigure, table::PlainTable};
use leptos::html::Select;
use leptos::prelude::*;
use met_core::explain::glossary;
use met_core::render::chart::BarSpec;
use met_core::render::html;
use met_core::share::download::Meta;
use met_core::share::url_state::ViewState;
use met_core::stops::crosstab::CrossTable;
use met_core::stops::stop_search::Dimension;
use met_core::stops::stops_view::{StopsModel, RATIO_EXPLAINED};
use std::sync::Arc;

/// A bar chart with its title, unit, text alternative and notes.
#[component]
fn BarFigure(spec: Memo<Option<BarSpec>>, width: RwSignal<u32>, id: &'static str) -> impl IntoView {
    let description_id = format!("{id}-description");
    let notes = move || {
        spec.with(|s| {
            s.as_ref().map(|s| s.notes.iter().map(|n| view! { <p class="note">{n.clone()}</p> }).collect_view())
        })
    };
    view! {
        <figure class="chart" id=id>
            <figcaption class="chart-title">{move || spec.with(|s| s.as_ref().map(|s| s.title.clone()))}</figcaption>
            <p class="chart-unit" aria-hidden="true">{move || spec.with(|s| s.as_ref().map(|s| s.unit.clone()))}</p>
            <div class="chart-svg" role="img" aria-label=move || spec.with(|s| s.as_ref().map(|s| s.title.clone()))
                aria-describedby=description_id.clone()
                inner_html=move || spec.with(|s| s.as_ref().map(|s| met_core::render::svg::render_bars(s, width.get())))></div>
            <p id=description_id class="visually-hidden">{move || spec.with(|s| s.as_ref().map(BarSpec::description))}</p>
            {notes}
        </figure>
    }
}

/// The stop-and-search sections below the map and the trend. `meta` makes a
/// download's header block from its title; `stem` is the view's file-name stem.
#[component]
pub fn StopsSections(
    model: Memo<Option<Arc<StopsModel>>>,
    cross: Memo<Load<CrossTable>>,
    state: Memo<Option<ViewState>>,
    navigate: Callback<ViewState>,
    width: RwSignal<u32>,
    meta: Callback<String, Meta>,
    stem: Signal<String>,
) -> impl IntoView {
    let arrests = Memo::new(move |_| model.with(|m| m.as_ref().and_then(|m| m.arrests.clone())));
    let bars = Memo::new(move |_| model.with(|m| m.as_ref().map(|m| m.breakdown.bars())));
    let group_bars = Memo::new(move |_| model.with(|m| m.as_ref().and_then(|m| m.groups.as_ref().map(|g| g.bars()))));
    let dimension = NodeRef::<Select>::new();
    let store = use_context::<Store>();
    let chosen = Memo::new(move |_| state.with(|s| s.as_ref().map_or(Dimension::Outcome, |s| s.dimension)));
    Effect::new(move |_| {
        let Some(token) = state.with(|s| s.as_ref().map(|s| s.dimension.token())) else { return };
        if let Some(select) = dimension.get() {
            if select.value() != token {
                select.set_value(token);
            }
        }
    });
    let options = html::options(Dimension::ALL.iter().map(|d| (d.token(), d.label())));
    let choose = move |ev: leptos::ev::Event| {
        if let (Some(mut next), Some(d)) = (state.get_untracked(), Dimension::parse(&event_target_value(&ev))) {
            next.dimension = d;
            navigate.run(next);
        }
    };
    let breakdown_open = RwSignal::new(false);
    let printing = super::figure::printing();
    let save_breakdown = move |_| {
        let Some(m) = model.get_untracked() else { return };
        let csv = met_core::share::download::breakdown_csv(&m.breakdown, &meta.run(m.breakdown.title()));
        let name = format!("{}-by-{}.csv", stem.get_untracked(), m.breakdown.dimension.token());
        download::save_text(&name, "text/csv;charset=utf-8", &csv);
    };
    let save_groups = move |_| {
        let Some(g) = model.get_untracked().and_then(|m| m.groups.clone()) else { return };
        let csv = met_core::share::download::groups_csv(&g, &meta.run(g.title()));
        download::save_text(&format!("{}-by-ethnic-group.csv", stem.get_untracked()), "text/csv;charset=utf-8", &csv);
    };
    let groups = move || {
        let g = model.with(|m| m.as_ref().and_then(|m| m.groups.clone()))?;
        Some(view! {
            <p>{RATIO_EXPLAINED}</p>
            <BarFigure spec=group_bars width=width id="groups-chart" />
            <PlainTable table=g.table() />
            <p><button type="button" class="link-button" id="download-groups-csv" on:click=save_groups>"Download this table (CSV)"</button></p>
        })
    };
    let cross_bars = Memo::new(move |_| cross.with(|c| c.ready().map(|c| c.bars())));
    let age = NodeRef::<Select>::new();
    Effect::new(move |_| {
        let Some(id) = state.with(|s| s.as_ref().map(|s| s.age)) else { return };
        if let Some(select) = age.get() {
            if select.value() != id {
                select.set_value(id);
            }
        }
    });
    let age_options = html::options(Dimension::Age.values().iter().map(|v| (v.id, v.label)));
    let choose_age = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let id = Dimension::Age.values().iter().find(|v| v.id == value).map(|v| v.id);
        if let (Some(mut next), Some(id)) = (state.get_untracked(), id) {
            next.age = id;
            navigate.run(next);
        }
    };
    let save_cross = move |_| {
        let Some(c) = cross.with_untracked(Load::ready) else { return };
        let csv = met_core::share::download::crosstab_csv(&c, &meta.run(c.long_title()));
        download::save_text(
            &format!("{}-ethnic-group-age-outcome.csv", stem.get_untracked()),
            "text/csv;charset=utf-8",
            &csv,
        );
    };
    let cross_table = move || {
        match cross.get() {
        Load::Loading => view! { <p>"Loading the table…"</p> }.into_any(),
        Load::Failed(reason) => view! { <p>{reason}</p> }.into_any(),
        Load::Ready(c) => view! {
            <BarFigure spec=cross_bars width=width id="cross-chart" />
            <PlainTable table=c.table() />
            <p><button type="button" class="link-button" id="download-cross-csv" on:click=save_cross>"Download every age group for this area (CSV)"</button></p>
        }
        .into_any(),
    }
    };
    let why_none = move || model.with(|m| m.as_ref().and_then(|m| m.no_breakdowns.clone()));
    let yearly = move || model.with(|m| m.as_ref().is_some_and(|m| m.no_breakdowns.is_none()));
    view! {
        <section aria-labelledby="arrests-heading">
            <h2 id="arrests-heading" class="panel-heading">"Arrests after a search"</h2>
            <Show when=move || arrests.with(Option::is_some)
                fallback=|| view! { <p>"Arrests by month are published for London and the boroughs only: a ward's monthly counts would often be small enough to identify someone. The breakdown below gives a ward's outcomes over 12 months."</p> }>
                <ChartFigure spec=arrests width=width id="arrests-chart" description=Signal::derive(|| None::<String>) />
            </Show>
        </section>
        {move || why_none().map(|why| view! {
            <section aria-labelledby="no-breakdown-heading">
                <h2 id="no-breakdown-heading" class="panel-heading">"Who was searched, why, and what happened"</h2>
                <p id="no-breakdowns">{why}</p>
            </section>
        })}
        <div class="stops-yearly" hidden=move || !yearly()>
        <section aria-labelledby="breakdown-heading">
            <h2 id="breakdown-heading" class="panel-heading">"Who was searched, why, and what happened"</h2>
            <div class="field">
                <div class="label-row">
                    <label for="dim">"Show searches by"</label>
                    <Define id=Signal::derive(move || glossary::dimension_id(chosen.get())) label=Signal::derive(move || chosen.get().label().to_string()) />
                </div>
                <select id="dim" name="dim" node_ref=dimension inner_html=options on:change=choose></select>
            </div>
            <BarFigure spec=bars width=width id="breakdown-chart" />
            <details class="details terms-details" on:toggle=move |_| {
                if let Some(store) = store {
                    store.need_glossary();
                }
            }>
                <summary>{move || format!("What these mean: {}", chosen.get().label().to_lowercase())}</summary>
                {move || {
                    let d = chosen.get();
                    let mut ids = vec![glossary::dimension_id(d)];
                    ids.extend(d.values().iter().map(|v| glossary::value_id(d, v.id)));
                    store.map(|store| super::pages::definition_list(store, ids))
                }}
            </details>
            <details class="details data-details" on:toggle=move |ev| breakdown_open.set(super::figure::is_open(&ev))>
                <summary>"Show these figures as a table"</summary>
                {move || (breakdown_open.get() || printing()).then(|| model.with(|m| m.as_ref().map(|m| view! {
                    <PlainTable table=m.breakdown.table() />
                })))}
            </details>
            <p><button type="button" class="link-button" id="download-breakdown-csv" on:click=save_breakdown>"Download this breakdown (CSV)"</button></p>
        </section>
        <section aria-labelledby="groups-heading">
            <h2 id="groups-heading" class="panel-heading">"Searches for every 1,000 residents of each ethnic group"</h2>
            <div class="what-counts">"What the ratio means: "<Define id="data/disproportionality-ratio" label="Disproportionality ratio" /></div>
            <Show when=move || model.with(|m| m.as_ref().is_some_and(|m| m.groups.is_none()))>
                <p>"Census 2021 counts of residents by ethnic group were not among the published files this data was prepared from, so no rates by group can be given."</p>
            </Show>
            {groups}
        </section>
        <section aria-labelledby="cross-heading">
            <h2 id="cross-heading" class="panel-heading">"Outcomes by ethnic group and age"</h2>
            <p>"What happened after searches of people of each ethnic group, for one age group at a time. Published for London and the boroughs over 12 months only, so that no combination singles anyone out."</p>
            <div class="field">
                <label for="age">"Age group"</label>
                <select id="age" name="age" node_ref=age inner_html=age_options on:change=choose_age></select>
            </div>
            {cross_table}
        </section>
        </div>
    }
}
