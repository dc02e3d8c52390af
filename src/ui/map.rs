//! The choropleth map of boroughs: one SVG path per area, coloured by class.
//!
//! Keyboard: the map is one tab stop; arrow keys move between areas in
//! alphabetical order, Enter or Space selects, Escape clears the focus box.
//! Hover and focus show the area's figures under the map. Unknown values are
//! hatched and the City of London is grey, each with a legend entry, so no
//! meaning rests on colour alone.

use leptos::prelude::*;
use met_core::dataset::{AreaKind, GeoFile};
use met_core::figure::Figure;
use met_core::format;
use met_core::view::AreaRow;
use met_core::view::Ranking;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Text for an area's figures, used in its accessible name and the info line.
pub fn describe(row: &AreaRow, model: &Ranking) -> String {
    match (row.count, row.rate) {
        (Figure::Known(c), Figure::Known(r)) => format!(
            "{}: {} offences, {} per 1,000 residents, {}",
            row.name,
            format::count(c),
            format::decimal(r, 2),
            model.period.short()
        ),
        (Figure::Known(c), _) => format!("{}: {} offences, {}", row.name, format::count(c), model.period.short()),
        _ => format!("{}: not published for every month of {}", row.name, model.period.short()),
    }
}

fn focus_area(code: &str) {
    let element =
        web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(&format!("area-{code}")));
    if let Some(e) = element.and_then(|e| e.dyn_into::<web_sys::SvgElement>().ok()) {
        let _ = e.focus();
    }
}

#[component]
pub fn Map(
    geo: Arc<GeoFile>,
    ranking: Memo<Option<Arc<Ranking>>>,
    selected: Signal<Option<String>>,
    on_select: Callback<Option<String>>,
) -> impl IntoView {
    let hovered = RwSignal::new(None::<String>);
    let focused = RwSignal::new(None::<String>);
    // Areas in name order, for arrow-key movement; only Met boroughs are selectable.
    let order = Memo::new(move |_| {
        let mut areas: Vec<(String, String)> = ranking
            .with(|m| {
                m.as_ref().map(|m| {
                    m.rows
                        .iter()
                        .filter(|r| r.kind == AreaKind::Area)
                        .map(|r| (r.name.clone(), r.code.clone()))
                        .collect()
                })
            })
            .unwrap_or_default();
        areas.sort();
        areas.into_iter().map(|(_, code)| code).collect::<Vec<_>>()
    });
    let row_of =
        move |code: &str| ranking.with(|m| m.as_ref().and_then(|m| m.rows.iter().find(|r| r.code == code).cloned()));
    let tab_stop = Memo::new(move |_| selected.get().or_else(|| order.with(|o| o.first().cloned())));

    let shapes = geo.areas.clone();
    let paths = shapes
        .iter()
        .map(|area| {
            let code = area.code.clone();
            let name = area.name.clone();
            let c1 = code.clone();
            let fill = move || {
                ranking.with(|m| {
                    let Some(m) = m else { return "#f3f2f1".to_string() };
                    match m.rows.iter().find(|r| r.code == c1) {
                        None => "url(#not-policed)".to_string(),
                        Some(r) => match r.rate {
                            Figure::Known(v) => m.classes.colour(m.classes.class_of(v)).to_string(),
                            _ => "url(#no-data)".to_string(),
                        },
                    }
                })
            };
            let c2 = code.clone();
            let n2 = name;
            let label = move || {
                ranking.with(|m| {
                    match m.as_ref().and_then(|m| m.rows.iter().find(|r| r.code == c2).map(|r| describe(r, m))) {
                        Some(text) => text,
                        None => format!("{n2}: not policed by the Met (City of London Police)"),
                    }
                })
            };
            let c3 = code.clone();
            let selectable = move || row_of(&c3).is_some_and(|r| r.kind == AreaKind::Area);
            let c4 = code.clone();
            let tabindex = move || if tab_stop.get().as_deref() == Some(c4.as_str()) { "0" } else { "-1" };
            let c5 = code.clone();
            let pressed = move || (selected.get().as_deref() == Some(c5.as_str())).to_string();
            let c6 = code.clone();
            let s1 = selectable.clone();
            let on_click = move |_| {
                if s1() {
                    on_select.run(Some(c6.clone()));
                }
            };
            let c7 = code.clone();
            let on_key = move |ev: web_sys::KeyboardEvent| {
                let key = ev.key();
                let step = match key.as_str() {
                    "ArrowRight" | "ArrowDown" => 1,
                    "ArrowLeft" | "ArrowUp" => -1,
                    "Home" => i32::MIN,
                    "End" => i32::MAX,
                    "Enter" | " " => {
                        ev.prevent_default();
                        if selectable() {
                            on_select.run(Some(c7.clone()));
                        }
                        return;
                    }
                    "Escape" => {
                        focused.set(None);
                        hovered.set(None);
                        return;
                    }
                    _ => return,
                };
                ev.prevent_default();
                let next = order.with_untracked(|o| {
                    let here = o.iter().position(|c| *c == c7).unwrap_or(0) as i32;
                    let last = o.len() as i32 - 1;
                    let i = match step {
                        i32::MIN => 0,
                        i32::MAX => last,
                        s => (here + s).rem_euclid(last + 1),
                    };
                    o.get(i as usize).cloned()
                });
                if let Some(next) = next {
                    focus_area(&next);
                }
            };
            let c8 = code.clone();
            let c9 = code.clone();
            view! {
                <path
                    id=format!("area-{code}")
                    d=area.path.clone()
                    fill=fill
                    class="map-area"
                    role="button"
                    aria-label=label
                    aria-pressed=pressed
                    tabindex=tabindex
                    on:click=on_click
                    on:keydown=on_key
                    on:mouseenter=move |_| hovered.set(Some(c8.clone()))
                    on:mouseleave=move |_| hovered.set(None)
                    on:focus=move |_| focused.set(Some(c9.clone()))
                    on:blur=move |_| focused.set(None)
                ></path>
            }
        })
        .collect_view();

    let outline = {
        let shapes = shapes.clone();
        move |code: Option<String>| {
            code.and_then(|c| shapes.iter().find(|a| a.code == c).map(|a| a.path.clone())).unwrap_or_default()
        }
    };
    let o1 = outline.clone();
    let selected_outline = move || o1(selected.get());
    let focus_outline = move || outline(focused.get());
    let info = move || {
        let code = hovered.get().or_else(|| focused.get()).or_else(|| selected.get())?;
        ranking.with(|m| {
            let m = m.as_ref()?;
            Some(match m.rows.iter().find(|r| r.code == code) {
                Some(r) => describe(r, m),
                None => "City of London: not policed by the Met (City of London Police)".to_string(),
            })
        })
    };
    let legend = move || {
        ranking.with(|m| {
            m.as_ref().map(|m| {
                m.classes
                    .legend(|v| format::decimal(v, 1))
                    .into_iter()
                    .map(|(colour, label)| {
                        view! { <li><span class="swatch" style=format!("background:{colour}")></span>{label}</li> }
                    })
                    .collect_view()
            })
        })
    };
    let viewbox = format!("0 0 {} {}", geo.width, geo.height);
    view! {
        <div class="map">
            <svg viewBox=viewbox role="group" aria-label="Map of London boroughs. Use the arrow keys to move between boroughs and Enter to choose one." class="map-svg">
                <defs>
                    <pattern id="no-data" width="40" height="40" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <rect width="40" height="40" fill="#ffffff"></rect>
                        <line x1="0" y1="0" x2="0" y2="40" stroke="#505a5f" stroke-width="12"></line>
                    </pattern>
                    <pattern id="not-policed" width="30" height="30" patternUnits="userSpaceOnUse">
                        <rect width="30" height="30" fill="#dcdcdc"></rect>
                        <circle cx="15" cy="15" r="5" fill="#6f777b"></circle>
                    </pattern>
                </defs>
                {paths}
                <path d=selected_outline class="outline-selected" aria-hidden="true"></path>
                <path d=focus_outline class="outline-focus" aria-hidden="true"></path>
            </svg>
            <p class="map-info" aria-hidden="true">{move || info().unwrap_or_else(|| "Hover over or focus a borough to see its figures.".into())}</p>
            <div class="legend">
                <p class="legend-title">"Offences per 1,000 residents"</p>
                <ul class="legend-list">
                    {legend}
                    <li><span class="swatch swatch-no-data"></span>"Not published for every month"</li>
                    <li><span class="swatch swatch-not-policed"></span>"City of London: not policed by the Met"</li>
                </ul>
            </div>
        </div>
    }
}
