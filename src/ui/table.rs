//! Tables: the table of areas (same numbers as the map) and the chart's data
//! table (generated from the chart spec).

use leptos::prelude::*;
use met_core::crime::view::{Ranking, Scope, OFFENCES};
use met_core::render::chart::Table;
use met_core::render::html;
use met_core::share::url_state::{Sort, SortKey};
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// How many rows a long table shows before "Show all".
const SHORT_TABLE: usize = 40;

/// Marks one row of the table as selected or not.
fn mark_row(code: &str, chosen: bool) {
    let Some(row) =
        web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(&format!("row-{code}")))
    else {
        return;
    };
    let _ = if chosen { row.class_list().add_1("selected") } else { row.class_list().remove_1("selected") };
    if let Ok(Some(button)) = row.query_selector("button") {
        let _ = button.set_attribute("aria-pressed", if chosen { "true" } else { "false" });
    }
}

/// `ranking` as the table should show it: at once while the table is on or
/// near the screen, and just after the next frame while it is not, so that a
/// change the reader can see is painted without waiting for the table's
/// layout. The returned node ref goes on the element to watch.
fn follow_when_near(ranking: Memo<Option<Arc<Ranking>>>) -> (Signal<Option<Arc<Ranking>>>, NodeRef<leptos::html::Div>) {
    let shown = RwSignal::new(ranking.get_untracked());
    let near = StoredValue::new(true);
    let same = move || {
        shown.with_untracked(|s| {
            ranking.with_untracked(|r| match (s, r) {
                (Some(s), Some(r)) => Arc::ptr_eq(s, r),
                (None, None) => true,
                _ => false,
            })
        })
    };
    // The deferred update reads the latest ranking when it runs, so an older one
    // can never overwrite a newer.
    let catch_up = move || {
        if !same() {
            shown.set(ranking.get_untracked());
        }
    };
    Effect::new(move |_| {
        ranking.track();
        if near.get_value() {
            catch_up();
        } else {
            request_animation_frame(move || set_timeout(catch_up, std::time::Duration::ZERO));
        }
    });
    let node = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let Some(element) = node.get() else { return };
        let observe = wasm_bindgen::closure::Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
            if let Some(entry) =
                entries.iter().last().and_then(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok())
            {
                near.set_value(entry.is_intersecting());
                if entry.is_intersecting() {
                    catch_up();
                }
            }
        });
        let options = web_sys::IntersectionObserverInit::new();
        options.set_root_margin("400px 0px");
        if let Ok(observer) =
            web_sys::IntersectionObserver::new_with_options(observe.as_ref().unchecked_ref(), &options)
        {
            observer.observe(&element);
            // The observer lives as long as the page, like the table.
            observe.forget();
        }
    });
    (shown.into(), node)
}

/// Every area of the view's scope with its figures; an area's name selects it.
/// While the table is off screen it follows the view just after the next frame
/// (see [`follow_when_near`]).
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
    let (ranking, wrap) = follow_when_near(ranking);
    // Long tables (London's 679 wards) show their first rows in the chosen order
    // until the reader asks for all of them; the CSV download always has all.
    let show_all = RwSignal::new(false);
    let count = Memo::new(move |_| ranking.with(|m| m.as_ref().map_or(0, |m| m.rows.len())));
    let limit = move || if show_all.get() { usize::MAX } else { SHORT_TABLE };
    let body = Memo::new(move |_| {
        let limit = limit();
        ranking.with(|m| {
            m.as_ref().map(|m| html::area_rows(m, selected.get_untracked().as_deref(), limit)).unwrap_or_default()
        })
    });
    let more = move || {
        let n = count.get();
        (n > SHORT_TABLE && !show_all.get()).then(|| {
            let noun = ranking.with(|m| if m.as_ref().is_some_and(|m| m.scope != Scope::Boroughs) { "wards" } else { "areas" });
            view! {
                <p class="table-more">
                    {format!("Showing the first {SHORT_TABLE} of {n} {noun} in this order. ")}
                    <button type="button" class="link-button" on:click=move |_| show_all.set(true)>{format!("Show all {n} {noun}")}</button>
                </p>
            }
        })
    };
    // Selection changes only touch the two rows concerned.
    Effect::new(move |previous: Option<Option<String>>| {
        body.track();
        let now = selected.get();
        if let Some(Some(old)) = previous {
            mark_row(&old, false);
        }
        if let Some(code) = &now {
            mark_row(code, true);
        }
        now
    });
    let on_click = move |ev: web_sys::MouseEvent| {
        let button = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("button[data-code]").ok().flatten());
        if let Some(code) = button.and_then(|b| b.get_attribute("data-code")) {
            on_select.run(Some(code));
        }
    };
    let total = move || {
        ranking.with(|m| {
            let m = m.as_ref()?;
            let name = match m.scope {
                Scope::WardsOf(_) => format!("{} (whole borough)", m.total.name),
                _ => "London (Met total)".to_string(),
            };
            let cells = html::cell_texts(&m.total).map(|text| view! { <td class="num">{text}</td> });
            Some(view! { <tr class="total"><th scope="row">{name}</th>{Vec::from(cells)}</tr> })
        })
    };
    let caption = move || ranking.with(|m| m.as_ref().map(|m| m.caption()));
    let noun = Signal::derive(move || {
        let ward = ranking.with(|m| m.as_ref().is_some_and(|m| m.scope != Scope::Boroughs));
        if ward { "Ward" } else { "Borough" }.to_string()
    });
    let label = move |text: &'static str| Signal::derive(move || text.to_string());
    let counted = Signal::derive(move || ranking.with(|m| m.as_ref().map_or(OFFENCES, |m| m.counted)));
    view! {
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="area-table-caption" node_ref=wrap>
            <table class="data-table" id="area-table">
                <caption id="area-table-caption">{caption}</caption>
                <thead>
                    <tr>
                        {header(SortKey::Name, noun, "")}
                        {header(SortKey::Count, Signal::derive(move || counted.get().heading.to_string()), "num")}
                        {header(SortKey::Rate, label("Per 1,000 residents"), "num")}
                        {header(SortKey::Share, label("Share of London"), "num")}
                        {header(SortKey::Change, label("Change on a year earlier"), "num")}
                    </tr>
                </thead>
                <tbody inner_html=move || body.get() on:click=on_click></tbody>
                <tfoot>{total}</tfoot>
            </table>
        </div>
        {more}
        <p class="note">{move || format!("Change on a year earlier compares with the same months a year before; it is a number of {}, not a percentage, where the earlier figure is under 20. .. means not published for every month; [c] means withheld to protect the people counted.", counted.get().many)}</p>
    }
}

/// A plain table of strings, e.g. a chart's data, set as HTML in one go, in
/// its own sideways-scrolling region (`met_core::render::html::plain_table_region`).
#[component]
pub fn PlainTable(table: Table) -> impl IntoView {
    let mut markup = met_core::render::markup::Markup::new();
    html::plain_table_region(&mut markup, &table);
    view! { <div class="plain-table" inner_html=markup.finish()></div> }
}
