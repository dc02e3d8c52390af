//! Tables: the borough table (same numbers as the map) and the chart's data
//! table (generated from the chart spec).

use leptos::prelude::*;
use met_core::chart::Table;
use met_core::dataset::AreaKind;
use met_core::figure::Figure;
use met_core::format;
use met_core::url_state::{Sort, SortKey};
use met_core::view::Ranking;
use std::sync::Arc;

fn rate_text(value: Figure) -> String {
    match value {
        Figure::Known(v) => format::decimal(v, 2),
        other => other.symbol().map(|(s, _)| s.to_string()).unwrap_or_default(),
    }
}

/// All boroughs with their count and rate; a borough's name selects it.
#[component]
pub fn AreaTable(
    ranking: Memo<Option<Arc<Ranking>>>,
    selected: Signal<Option<String>>,
    on_select: Callback<Option<String>>,
    sort: Signal<Sort>,
    on_sort: Callback<SortKey>,
) -> impl IntoView {
    // A column header that sorts the table; `aria-sort` tells screen readers the order.
    let header = move |key: SortKey, label: &'static str, class: &'static str| {
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
                            <td class="num">{format::figure(r.count)}</td>
                            <td class="num">{rate_text(r.rate)}</td>
                        </tr>
                    }
                })
                .collect_view();
            let london = view! {
                <tr class="total">
                    <th scope="row">"London (Met total)"</th>
                    <td class="num">{format::figure(m.london.count)}</td>
                    <td class="num">{rate_text(m.london.rate)}</td>
                </tr>
            };
            Some((rows, london))
        })
    };
    let caption = move || {
        ranking.with(|m| m.as_ref().map(|m| format!("{} by borough, {}", m.category_name, m.period.describe())))
    };
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-label="Table of boroughs">
            <table class="data-table" id="area-table">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        {header(SortKey::Name, "Borough", "")}
                        {header(SortKey::Count, "Offences", "num")}
                        {header(SortKey::Rate, "Per 1,000 residents", "num")}
                    </tr>
                </thead>
                {move || body().map(|(rows, london)| view! { <tbody>{rows}</tbody><tfoot>{london}</tfoot> })}
            </table>
        </div>
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
