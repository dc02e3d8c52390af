//! The choropleth map of boroughs or wards: one SVG path per area, coloured
//! by the class of the chosen measure.
//!
//! Keyboard: the map is one tab stop; arrow keys move between areas in
//! alphabetical order, Enter or Space selects, Escape clears the focus box and
//! the figures shown. Hover and focus show the area's figures under the map.
//! Unknown values are hatched and the City of London is dotted grey, each with
//! a legend entry, so no meaning rests on colour alone.

use leptos::prelude::*;
use met_core::dataset::{AreaKind, GeoArea};
use met_core::figure::Figure;
use met_core::format;
use met_core::url_state::Measure;
use met_core::view::{measure_text, AreaRow, Ranking};
use std::collections::HashMap;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Text for an area's figures, used in its accessible name and the info line.
pub fn describe(row: &AreaRow, model: &Ranking) -> String {
    match (row.count, row.rate) {
        (Figure::Known(c), rate) => {
            let mut text = format!("{}: {} offences", row.name, format::count(c));
            if let Figure::Known(r) = rate {
                text.push_str(&format!(", {} per 1,000 residents", format::decimal(r, 2)));
            }
            if model.measure == Measure::Share {
                text.push_str(&format!(", {} of London", measure_text(row.share, Measure::Share)));
            }
            format!("{text}, {}", model.period.short())
        }
        _ => format!("{}: not published for every month of {}", row.name, model.period.short()),
    }
}

/// The legend's title for a measure.
pub fn legend_title(measure: Measure) -> &'static str {
    match measure {
        Measure::Count => "Number of offences",
        Measure::Rate => "Offences per 1,000 residents",
        Measure::Share => "Share of London's offences",
    }
}

fn focus_area(code: &str) {
    let element =
        web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(&format!("area-{code}")));
    if let Some(e) = element.and_then(|e| e.dyn_into::<web_sys::SvgElement>().ok()) {
        let _ = e.focus();
    }
}

/// The map. `shapes` are the areas drawn, `viewbox` the part of the frame shown,
/// `frame` an outline drawn around them (the borough whose wards are shown), and
/// `noun` names the areas in the instructions ("borough", "ward").
#[component]
pub fn Map(
    shapes: Vec<GeoArea>,
    viewbox: String,
    frame: Option<String>,
    noun: &'static str,
    ranking: Memo<Option<Arc<Ranking>>>,
    selected: Signal<Option<String>>,
    on_select: Callback<Option<String>>,
) -> impl IntoView {
    let hovered = RwSignal::new(None::<String>);
    let focused = RwSignal::new(None::<String>);
    // Row of each area code: looking rows up by scanning would cost O(n²) for 679 wards.
    let rows: Memo<HashMap<String, usize>> = Memo::new(move |_| {
        ranking.with(|m| {
            m.as_ref()
                .map(|m| m.rows.iter().enumerate().map(|(i, r)| (r.code.clone(), i)).collect())
                .unwrap_or_default()
        })
    });
    let with_row = move |code: &str, f: &dyn Fn(Option<&AreaRow>, &Ranking) -> String| -> Option<String> {
        ranking.with(|m| {
            let m = m.as_ref()?;
            let row = rows.with(|r| r.get(code).copied()).and_then(|i| m.rows.get(i));
            Some(f(row, m))
        })
    };
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
    let selectable_code = move |code: &str| {
        ranking.with(|m| {
            let i = rows.with(|r| r.get(code).copied());
            m.as_ref().and_then(|m| i.and_then(|i| m.rows.get(i))).is_some_and(|r| r.kind == AreaKind::Area)
        })
    };
    let tab_stop = Memo::new(move |_| selected.get().or_else(|| order.with(|o| o.first().cloned())));

    let paths = shapes
        .iter()
        .map(|area| {
            let code = area.code.clone();
            let name = area.name.clone();
            let c1 = code.clone();
            let fill = move || {
                with_row(&c1, &|row, m| match row {
                    None => "url(#not-policed)".to_string(),
                    Some(r) => match r.value(m.measure) {
                        Figure::Known(v) => m.classes.colour(m.classes.class_of(v)).to_string(),
                        _ => "url(#no-data)".to_string(),
                    },
                })
                .unwrap_or_else(|| "#f3f2f1".to_string())
            };
            let c2 = code.clone();
            let n2 = name;
            let label = move || {
                with_row(&c2, &|row, m| match row {
                    Some(r) => describe(r, m),
                    None => format!("{n2}: not policed by the Met (City of London Police)"),
                })
            };
            let c3 = code.clone();
            let selectable = move || selectable_code(&c3);
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
    let names: HashMap<String, String> = shapes.iter().map(|a| (a.code.clone(), a.name.clone())).collect();
    let info = move || {
        let code = hovered.get().or_else(|| focused.get()).or_else(|| selected.get())?;
        let name = names.get(&code)?.clone();
        with_row(&code, &|row, m| match row {
            Some(r) => describe(r, m),
            None => format!("{name}: not policed by the Met (City of London Police)"),
        })
    };
    let legend = move || {
        ranking.with(|m| {
            m.as_ref().map(|m| {
                let measure = m.measure;
                m.classes
                    .legend(|v| match measure {
                        Measure::Count => format::count(v),
                        Measure::Rate => format::decimal(v, 1),
                        Measure::Share => format!("{}%", format::decimal(v * 100.0, 2)),
                    })
                    .into_iter()
                    .map(|(colour, label)| {
                        view! { <li><span class="swatch" style=format!("background:{colour}")></span>{label}</li> }
                    })
                    .collect_view()
            })
        })
    };
    let title = move || ranking.with(|m| m.as_ref().map_or("", |m| legend_title(m.measure)));
    // Patterns are sized to the part of the map shown, so hatching looks the same zoomed in.
    let span = viewbox.split_whitespace().nth(2).and_then(|w| w.parse::<f64>().ok()).unwrap_or(5000.0);
    let scale = format!("{:.2}", (span / 580.0).max(0.5));
    let (hatch, dots) = (scale.clone(), scale);
    let aria = format!("Map of {noun}s. Use the arrow keys to move between {noun}s and Enter to choose one.");
    let prompt = format!("Hover over or focus a {noun} to see its figures.");
    view! {
        <div class="map">
            <svg viewBox=viewbox role="group" aria-label=aria class="map-svg">
                <defs>
                    <pattern id="no-data" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform=format!("rotate(45) scale({hatch})")>
                        <rect width="4" height="4" fill="#ffffff"></rect>
                        <line x1="0" y1="0" x2="0" y2="4" stroke="#505a5f" stroke-width="1.2"></line>
                    </pattern>
                    <pattern id="not-policed" width="3" height="3" patternUnits="userSpaceOnUse" patternTransform=format!("scale({dots})")>
                        <rect width="3" height="3" fill="#dcdcdc"></rect>
                        <circle cx="1.5" cy="1.5" r="0.5" fill="#6f777b"></circle>
                    </pattern>
                </defs>
                {paths}
                {frame.map(|d| view! { <path d=d class="outline-frame" aria-hidden="true"></path> })}
                <path d=selected_outline class="outline-selected" aria-hidden="true"></path>
                <path d=focus_outline class="outline-focus" aria-hidden="true"></path>
            </svg>
            <p class="map-info" aria-hidden="true">{move || info().unwrap_or_else(|| prompt.clone())}</p>
            <div class="legend">
                <p class="legend-title">{title}</p>
                <ul class="legend-list">
                    {legend}
                    <li><span class="swatch swatch-no-data"></span>"Not published for every month"</li>
                    <li><span class="swatch swatch-not-policed"></span>"City of London: not policed by the Met"</li>
                </ul>
            </div>
        </div>
    }
}
