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

/// A drawn area: its path element, its shape for the canvas, and the fill it
/// was last given (a colour, drawn on the canvas, or an SVG pattern).
struct DrawnPath {
    code: String,
    name: String,
    element: web_sys::Element,
    shape: Option<web_sys::Path2d>,
    fill: &'static str,
}

/// A path's fill before its figures are known.
const NO_FILL: &str = "#f3f2f1";

/// The SVG fill of an area whose colour is drawn on the canvas below: clear,
/// but still "painted", so the path keeps its pointer events.
const ON_CANVAS: &str = "transparent";

/// Whether a fill is a colour drawn on the canvas (not an SVG pattern).
fn is_colour(fill: &str) -> bool {
    fill.starts_with('#')
}

/// Draws the colour fills of `paths` on `canvas`, sized to the SVG map it
/// lies under, with `viewbox` mapped as the SVG maps it (centred,
/// scaled to fit). Fills are drawn a colour at a time.
/// `size` is the SVG's size in CSS pixels.
fn paint(canvas: &web_sys::HtmlCanvasElement, (width, height): (f64, f64), viewbox: &str, paths: &[DrawnPath]) {
    let view: Vec<f64> = viewbox.split_whitespace().filter_map(|v| v.parse().ok()).collect();
    let [vx, vy, vw, vh] = view[..] else { return };
    if width <= 0.0 || height <= 0.0 || vw <= 0.0 || vh <= 0.0 {
        return;
    }
    let ratio = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()).max(1.0);
    let (pixels_wide, pixels_high) = ((width * ratio).round() as u32, (height * ratio).round() as u32);
    if canvas.width() != pixels_wide || canvas.height() != pixels_high {
        canvas.set_width(pixels_wide);
        canvas.set_height(pixels_high);
    }
    let Some(context) =
        canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
    else {
        return;
    };
    let _ = context.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
    context.clear_rect(0.0, 0.0, f64::from(pixels_wide), f64::from(pixels_high));
    let scale = (width / vw).min(height / vh);
    let (dx, dy) = ((width - vw * scale) / 2.0 - vx * scale, (height - vh * scale) / 2.0 - vy * scale);
    let _ = context.set_transform(scale * ratio, 0.0, 0.0, scale * ratio, dx * ratio, dy * ratio);
    let mut order: Vec<&DrawnPath> = paths.iter().filter(|p| is_colour(p.fill) && p.shape.is_some()).collect();
    order.sort_by_key(|p| p.fill);
    let mut colour = "";
    for path in order {
        if path.fill != colour {
            colour = path.fill;
            context.set_fill_style_str(colour);
        }
        if let Some(shape) = &path.shape {
            context.fill_with_path_2d(shape);
        }
    }
}

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
    // The map's one tab stop (a roving tabindex): the area focused last, else
    // the selected area if it is on the map (a borough's wards do not include
    // the borough), else the first; so Tab out and Shift+Tab back returns to
    // where the reader was.
    let last_focused = RwSignal::new(None::<String>);
    let tab_stop = Memo::new(move |_| {
        let (last, selected) = (last_focused.get(), selected.get());
        order.with(|o| {
            let on_map = |c: &String| o.contains(c);
            last.filter(on_map).or_else(|| selected.filter(on_map)).or_else(|| o.first().cloned())
        })
    });

    // The areas, shared by the paths, the outlines and the info line.
    let shapes = Arc::new(shapes);
    let paths = met_core::render::choropleth::area_paths(
        shapes.iter().map(|a| (a.code.as_str(), a.name.as_str(), a.path.as_str())),
        NO_FILL,
    );
    // The path elements, found once after the map is drawn, with the fill each
    // was last given. A change of category touches only the paths whose fill
    // changes: restyling hundreds of SVG paths is most of the cost of a change.
    let svg = NodeRef::<leptos::svg::Svg>::new();
    let group = NodeRef::<leptos::svg::G>::new();
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let drawn = StoredValue::new_local(Vec::<DrawnPath>::new());
    let areas = StoredValue::new(shapes.clone());
    let with_paths = move |f: &mut dyn FnMut(&mut Vec<DrawnPath>)| {
        drawn.update_value(|paths| {
            if paths.is_empty() {
                // The group holds one path per area, in the order of the areas.
                let mut next = group.get_untracked().and_then(|g| g.first_element_child());
                areas.with_value(|areas| {
                    for area in areas.iter() {
                        let Some(element) = next.take() else { break };
                        next = element.next_element_sibling();
                        paths.push(DrawnPath {
                            code: area.code.clone(),
                            name: area.name.clone(),
                            element,
                            shape: web_sys::Path2d::new_with_path_string(&area.path).ok(),
                            fill: NO_FILL,
                        });
                    }
                });
            }
            f(paths);
        });
    };
    let frame_box = StoredValue::new(viewbox.clone());
    // The SVG's size, measured by the resize observer below when it changes:
    // measuring it here would make the browser lay out the page there and then
    // (on the first view, 140 ms at 4× slowdown, half-built). Until the
    // observer's first report, which comes before the first frame is painted,
    // there is nothing to paint.
    let size = StoredValue::new(None::<(f64, f64)>);
    let repaint = move || {
        let (Some(c), Some((width, height))) = (canvas.get_untracked(), size.get_value()) else { return };
        drawn.with_value(|paths| frame_box.with_value(|v| paint(&c, (width, height), v, paths)));
    };
    // The colours are drawn on a canvas under the SVG, which keeps the shapes'
    // outlines, names, focus and pointer events: restyling hundreds of SVG
    // paths made the browser restyle and repaint all of them at every change.
    // Only a path whose fill moves between a colour and a pattern changes.
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
                    let svg_fill = |f: &'static str| if is_colour(f) { ON_CANVAS } else { f };
                    if svg_fill(path.fill) != svg_fill(fill) || path.fill == NO_FILL {
                        let _ = path.element.set_attribute("fill", svg_fill(fill));
                    }
                    path.fill = fill;
                }
            });
        });
        repaint();
    });
    // The canvas follows the map's size.
    Effect::new(move |_| {
        let Some(element) = svg.get() else { return };
        let observe = wasm_bindgen::closure::Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
            if let Some(entry) = entries.iter().last().and_then(|e| e.dyn_into::<web_sys::ResizeObserverEntry>().ok()) {
                let rect = entry.target().get_bounding_client_rect();
                size.set_value(Some((rect.width(), rect.height())));
            }
            repaint();
        });
        if let Ok(observer) = web_sys::ResizeObserver::new(observe.as_ref().unchecked_ref()) {
            observer.observe(&element);
            on_cleanup(move || observer.disconnect());
        }
        observe.forget();
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
    // Selection: one tab stop (the selected area, else the first), and
    // aria-pressed. Only the paths whose state changes are touched: the view
    // state, and so `selected`, changes with every change of category.
    let chosen = Memo::new(move |_| selected.get());
    Effect::new(move |previous: Option<(Option<String>, Option<String>)>| {
        let (chosen, stop) = (chosen.get(), tab_stop.get());
        let (was_chosen, was_stop) = previous.unwrap_or_default();
        let first = drawn.with_value(Vec::is_empty);
        with_paths(&mut |paths| {
            for path in paths.iter() {
                let code = Some(&path.code);
                let touched = [&was_chosen, &was_stop, &chosen, &stop].iter().any(|c| c.as_ref() == code);
                if !(first || touched) {
                    continue;
                }
                let _ = path.element.set_attribute("tabindex", if stop.as_ref() == code { "0" } else { "-1" });
                let _ =
                    path.element.set_attribute("aria-pressed", if chosen.as_ref() == code { "true" } else { "false" });
            }
        });
        (chosen, stop)
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

    let outlined = shapes.clone();
    let outline = move |code: Option<String>| {
        code.and_then(|c| outlined.iter().find(|a| a.code == c).map(|a| a.path.clone())).unwrap_or_default()
    };
    let o1 = outline.clone();
    let selected_outline = move || o1(selected.get());
    let focus_outline = move || outline(focused.get());
    let info = move || {
        let code = hovered.get().or_else(|| focused.get()).or_else(|| selected.get())?;
        let name = shapes.iter().find(|a| a.code == code)?.name.clone();
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
                        // An SVG swatch: its fill is an attribute, which the page's content
                        // security policy allows in markup, and forced colours keep.
                        view! {
                            <li>
                                <svg class="swatch swatch-class" width="24" height="16" aria-hidden="true">
                                    <rect width="100%" height="100%" fill=colour></rect>
                                </svg>
                                {label}
                            </li>
                        }
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
            <div class="map-stack">
            <canvas node_ref=canvas class="map-canvas" aria-hidden="true"></canvas>
            <svg node_ref=svg viewBox=viewbox role="group" aria-label=aria class="map-svg"
                on:click=on_click
                on:keydown=on_key
                on:mouseover=move |ev| hovered.set(code_of(&ev))
                on:mouseleave=move |_| hovered.set(None)
                on:focusin=move |ev| {
                    let code = code_of(&ev);
                    focused.set(code.clone());
                    last_focused.set(code);
                }
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
                <g class="map-areas" node_ref=group inner_html=paths></g>
                {frame.map(|d| view! { <path d=d class="outline-frame" aria-hidden="true"></path> })}
                <path d=selected_outline class="outline-selected" aria-hidden="true"></path>
                <path d=focus_outline class="outline-focus" aria-hidden="true"></path>
            </svg>
            </div>
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
