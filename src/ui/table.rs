//! Tables: the table of areas (same numbers as the map) and the chart's data
//! table (generated from the chart spec).

use leptos::prelude::*;
use met_core::chart::Table;
use met_core::dataset::AreaKind;
use met_core::url_state::{Measure, Sort, SortKey};
use met_core::view::{change_text, measure_text, AreaRow, Ranking, Scope};
use std::sync::Arc;

/// The cells of one row after its name.
fn cells(r: &AreaRow) -> impl IntoView {
    view! {
        <td class="num">{measure_text(r.count, Measure::Count)}</td>
        <td class="num">{measure_text(r.rate, Measure::Rate)}</td>
        <td class="num">{measure_text(r.share, Measure::Share)}</td>
        <td class="num">{change_text(r.change())}</td>
    }
}

/// Every area of the view's scope with its figures; an area's name selects it.
#[component]
pub fn AreaTable(
    ranking: Memo<Option<Arc<Ranking>>>,
    selected: Signal<Option<String>>,
    on_select: Callback<Option<String>>,
    sort: Signal<Sort>,
    on_sort: Callback<SortKey>,
) -> impl IntoView {
    // A column header that sorts the table; `aria-sort` tells screen readers the order.
    let header = move |key: SortKey, label: Signal<String>, class: &'static str| {
        let order = move || {
            let s = sort.get();
            match (s.key == key, s.descending) {
                (false, _) => "none",
                (true, false) => "ascending",
                (true, true) => "descending",
            }
        };
        let arrow = move || match order() {
            "ascending" => "▲",
            "descending" => "▼",
            _ => "",
        };
        view! {
            <th scope="col" class=class aria-sort=order>
                <button type="button" class="sort-button" on:click=move |_| on_sort.run(key)>
                    {label}<span class="sort-arrow" aria-hidden="true">{arrow}</span>
                </button>
            </th>
        }
    };
    let body = move || {
        ranking.with(|m| {
            let m = m.as_ref()?;
            let rows = m
                .rows
                .iter()
                .map(|r| {
                    let code = r.code.clone();
                    let c1 = r.code.clone();
                    let c2 = r.code.clone();
                    let is_selected = move || selected.get().as_deref() == Some(c1.as_str());
                    let pressed = move || (selected.get().as_deref() == Some(c2.as_str())).to_string();
                    let name = if r.kind == AreaKind::Area {
                        view! {
                            <button type="button" class="link-button" aria-pressed=pressed
                                on:click=move |_| on_select.run(Some(code.clone()))>{r.name.clone()}</button>
                        }
                        .into_any()
                    } else {
                        view! { <span>{r.name.clone()}<span class="hint">" (not a place: not assigned to a borough)"</span></span> }.into_any()
                    };
                    view! {
                        <tr class:selected=is_selected>
                            <th scope="row">{name}</th>
                            {cells(r)}
                        </tr>
                    }
                })
                .collect_view();
            let total_name = match m.scope {
                Scope::WardsOf(_) => format!("{} (whole borough)", m.total.name),
                _ => "London (Met total)".to_string(),
            };
            let total = view! {
                <tr class="total">
                    <th scope="row">{total_name}</th>
                    {cells(&m.total)}
                </tr>
            };
            Some((rows, total))
        })
    };
    let caption = move || ranking.with(|m| m.as_ref().map(|m| m.caption()));
    let noun = Signal::derive(move || {
        let ward = ranking.with(|m| m.as_ref().is_some_and(|m| m.scope != Scope::Boroughs));
        if ward { "Ward" } else { "Borough" }.to_string()
    });
    let label = move |text: &'static str| Signal::derive(move || text.to_string());
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="area-table-caption">
            <table class="data-table" id="area-table">
                <caption id="area-table-caption">{caption}</caption>
                <thead>
                    <tr>
                        {header(SortKey::Name, noun, "")}
                        {header(SortKey::Count, label("Offences"), "num")}
                        {header(SortKey::Rate, label("Per 1,000 residents"), "num")}
                        {header(SortKey::Share, label("Share of London"), "num")}
                        {header(SortKey::Change, label("Change on a year earlier"), "num")}
                    </tr>
                </thead>
                {move || body().map(|(rows, total)| view! { <tbody>{rows}</tbody><tfoot>{total}</tfoot> })}
            </table>
        </div>
        <p class="note">"Change on a year earlier compares with the same months a year before; it is a number of offences, not a percentage, where the earlier figure is under 20. .. means not published for every month."</p>
    }
}

/// A plain table of strings, e.g. a chart's data.
#[component]
pub fn PlainTable(table: Table) -> impl IntoView {
    let head = table.head.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view();
    let rows = table
        .rows
        .iter()
        .map(|row| {
            let mut cells = row.iter();
            let first = cells.next().cloned().unwrap_or_default();
            let rest = cells.map(|c| view! { <td class="num">{c.clone()}</td> }).collect_view();
            view! { <tr><th scope="row">{first}</th>{rest}</tr> }
        })
        .collect_view();
    view! {
        <table class="data-table">
            <caption>{table.caption.clone()}</caption>
            <thead><tr>{head}</tr></thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
