//! The choropleth map of boroughs or wards: one SVG path per area, coloured
//! by the class of the chosen measure.
//!
//! Keyboard: the map is one tab stop; arrow keys move between areas in
//! alphabetical order, Enter or Space selects, Escape clears the focus box and
//! the figures shown. Hover and focus show the area's figures under the map.
//! Unknown values are hatched and the City of London is dotted grey, each with
//! a legend entry, so no meaning rests on colour alone.

use leptos::prelude::*;
use met_core::crime::view::{change_text, measure_text, AreaRow, Ranking, SEARCHES};
use met_core::data::dataset::{AreaKind, GeoArea};
use met_core::data::figure::Figure;
use met_core::data::format;
use met_core::share::url_state::Measure;
use std::collections::HashMap;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Text for an area's figures, used in its accessible name and the info line.
pub fn describe(row: &AreaRow, model: &Ranking) -> String {
    match (row.count, row.rate) {
        (Figure::Known(c), rate) => {
            let mut text = format!("{}: {} {}", row.name, format::count(c), model.counted.many);
            if let Figure::Known(r) = rate {
                text.push_str(&format!(", {} per 1,000 residents", format::decimal(r, 2)));
            }
            if model.measure == Measure::Share {
                text.push_str(&format!(", {} of London", measure_text(row.share, Measure::Share)));
            }
            if model.measure == Measure::Change {
                text.push_str(&format!(", {} on a year earlier", change_text(row.change())));
            }
            format!("{text}, {}", model.period.short())
        }
        _ => format!("{}: not published for every month of {}", row.name, model.period.short()),
    }
}

/// A drawn area: its path element and the fill it was last given.
struct DrawnPath {
    code: String,
    name: String,
    element: web_sys::Element,
    fill: &'static str,
}

/// A path's fill before its figures are known.
const NO_FILL: &str = "#f3f2f1";

fn element(id: &str) -> Option<web_sys::Element> {
    web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id))
}

fn focus_area(code: &str) {
    if let Some(e) = element(&format!("area-{code}")).and_then(|e| e.dyn_into::<web_sys::SvgElement>().ok()) {
        let _ = e.focus();
    }
}

/// The area code of the path an event happened on.
fn code_of(ev: &web_sys::Event) -> Option<String> {
    ev.target()?.dyn_into::<web_sys::Element>().ok()?.get_attribute("data-code")
}

/// The map. `shapes` are the areas drawn, `viewbox` the part of the frame shown,
/// `frame` an outline drawn around them (the borough whose wards are shown), and
/// `noun` names the areas in the instructions ("borough", "ward").
///
/// The paths are drawn once; two effects then set their figures (fill and
/// accessible name) and their selection state, and the events of all paths are
/// handled once on the `<svg>`. With 684 wards this keeps a change of category
/// to one pass over the paths, instead of thousands of small reactive updates.
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
    let row_of =
        move |code: &str| ranking.with_untracked(|m| m.as_ref()?.rows.iter().find(|r| r.code == code).cloned());
    let selectable = move |code: &str| row_of(code).is_some_and(|r| r.kind == AreaKind::Area);
    // Areas in name order, for arrow-key movement; only Met areas are selectable.
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
    let tab_stop = Memo::new(move |_| selected.get().or_else(|| order.with(|o| o.first().cloned())));

    let names: Arc<Vec<(String, String)>> = Arc::new(shapes.iter().map(|a| (a.code.clone(), a.name.clone())).collect());
    let paths = shapes
        .iter()
        .map(|area| {
            view! {
                <path id=format!("area-{}", area.code) data-code=area.code.clone() d=area.path.clone()
                    class="map-area" fill=NO_FILL role="button" tabindex="-1" aria-pressed="false" aria-label=area.name.clone()></path>
            }
        })
        .collect_view();
    // The path elements, found once after the map is drawn, with the fill each
    // was last given. A change of category touches only the paths whose fill
    // changes: restyling hundreds of SVG paths is most of the cost of a change.
    let svg = NodeRef::<leptos::svg::Svg>::new();
    let drawn = StoredValue::new_local(Vec::<DrawnPath>::new());
    let shape_names = StoredValue::new(names.clone());
    let with_paths = move |f: &mut dyn FnMut(&mut Vec<DrawnPath>)| {
        drawn.update_value(|paths| {
            if paths.is_empty() {
                let svg = svg.get_untracked();
                for (code, name) in shape_names.get_value().iter() {
                    let element = svg.as_ref().and_then(|s| s.query_selector(&format!("#area-{code}")).ok().flatten());
                    if let Some(element) = element {
                        paths.push(DrawnPath { code: code.clone(), name: name.clone(), element, fill: NO_FILL });
                    }
                }
            }
            f(paths);
        });
    };
    Effect::new(move |_| {
        ranking.with(|m| {
            let Some(m) = m else { return };
            let rows: HashMap<&str, &AreaRow> = m.rows.iter().map(|r| (r.code.as_str(), r)).collect();
            with_paths(&mut |paths| {
                for path in paths.iter_mut() {
                    let fill = match rows.get(path.code.as_str()).map(|r| r.value(m.measure)) {
                        None => "url(#not-policed)",
                        Some(Figure::Known(v)) => m.classes.colour(m.classes.class_of(v)),
                        Some(_) => "url(#no-data)",
                    };
                    if path.fill != fill {
                        let _ = path.element.set_attribute("fill", fill);
                        path.fill = fill;
                    }
                }
            });
        });
    });
    // Accessible names with the figures: set just after the map is repainted
    // (they are not seen, and 684 of them would delay the picture).
    Effect::new(move |_| {
        ranking.track();
        let label = move || {
            ranking.with_untracked(|m| {
                let Some(m) = m else { return };
                let rows: HashMap<&str, &AreaRow> = m.rows.iter().map(|r| (r.code.as_str(), r)).collect();
                with_paths(&mut |paths| {
                    for path in paths.iter() {
                        let label = match rows.get(path.code.as_str()) {
                            None => format!("{}: not policed by the Met (City of London Police)", path.name),
                            Some(r) => describe(r, m),
                        };
                        let _ = path.element.set_attribute("aria-label", &label);
                    }
                });
            });
        };
        request_animation_frame(move || set_timeout(label, std::time::Duration::ZERO));
    });
    // Selection: one tab stop (the selected area, else the first), and aria-pressed.
    Effect::new(move |_| {
        let (chosen, stop) = (selected.get(), tab_stop.get());
        with_paths(&mut |paths| {
            for path in paths.iter() {
                let code = Some(path.code.as_str());
                let _ = path.element.set_attribute("tabindex", if stop.as_deref() == code { "0" } else { "-1" });
                let _ = path
                    .element
                    .set_attribute("aria-pressed", if chosen.as_deref() == code { "true" } else { "false" });
            }
        });
    });

    let on_click = move |ev: web_sys::MouseEvent| {
        if let Some(code) = code_of(&ev).filter(|c| selectable(c)) {
            on_select.run(Some(code));
        }
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let Some(code) = code_of(&ev) else { return };
        let step = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => 1,
            "ArrowLeft" | "ArrowUp" => -1,
            "Home" => i32::MIN,
            "End" => i32::MAX,
            "Enter" | " " => {
                ev.prevent_default();
                if selectable(&code) {
                    on_select.run(Some(code));
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
            let here = o.iter().position(|c| *c == code).unwrap_or(0) as i32;
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

    let outline = move |code: Option<String>| {
        code.and_then(|c| shapes.iter().find(|a| a.code == c).map(|a| a.path.clone())).unwrap_or_default()
    };
    let o1 = outline.clone();
    let selected_outline = move || o1(selected.get());
    let focus_outline = move || outline(focused.get());
    let info = move || {
        let code = hovered.get().or_else(|| focused.get()).or_else(|| selected.get())?;
        let name = names.iter().find(|(c, _)| *c == code)?.1.clone();
        ranking.with(|m| {
            let m = m.as_ref()?;
            Some(match m.rows.iter().find(|r| r.code == code) {
                Some(r) => describe(r, m),
                None => format!("{name}: not policed by the Met (City of London Police)"),
            })
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
                        Measure::Change => measure_text(Figure::Known(v), Measure::Change),
                    })
                    .into_iter()
                    .map(|(colour, label)| {
                        view! { <li><span class="swatch" style=format!("background:{colour}")></span>{label}</li> }
                    })
                    .collect_view()
            })
        })
    };
    let title = move || ranking.with(|m| m.as_ref().map(|m| m.counted.measure_title(m.measure)));
    // Patterns are sized to the part of the map shown, so hatching looks the same zoomed in.
    let span = viewbox.split_whitespace().nth(2).and_then(|w| w.parse::<f64>().ok()).unwrap_or(5000.0);
    let scale = format!("{:.2}", (span / 580.0).max(0.5));
    let (hatch, dots) = (scale.clone(), scale);
    let aria = format!("Map of {noun}s. Use the arrow keys to move between {noun}s and Enter to choose one.");
    let prompt = format!("Hover over or focus a {noun} to see its figures.");
    view! {
        <div class="map">
            <svg node_ref=svg viewBox=viewbox role="group" aria-label=aria class="map-svg"
                on:click=on_click
                on:keydown=on_key
                on:mouseover=move |ev| hovered.set(code_of(&ev))
                on:mouseleave=move |_| hovered.set(None)
                on:focusin=move |ev| focused.set(code_of(&ev))
                on:focusout=move |_| focused.set(None)>
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
                    <li><span class="swatch swatch-no-data"></span>{move || ranking.with(|m| {
                        let Some(m) = m else { return String::new() };
                        let unknown = if m.counted == SEARCHES {
                            "Withheld to protect the people searched ([c]), or not published"
                        } else {
                            "Not published for every month"
                        };
                        if m.measure == Measure::Change {
                            format!("{unknown}, or under 20 {} a year earlier", m.counted.many)
                        } else {
                            unknown.to_string()
                        }
                    })}</li>
                    <li><span class="swatch swatch-not-policed"></span>"City of London: not policed by the Met"</li>
                </ul>
            </div>
        </div>
    }
}
