//! The map panel: its heading, the choice of boroughs or wards and of which
//! wards, and the map, reading the state object and the view models.

use super::map;
use super::models::Models;
use super::state::AppState;
use leptos::prelude::*;
use met_core::crime::view::Scope;
use met_core::data::dataset::{GeoArea, Level, Manifest};
use met_core::share::url_state::Explorer;

/// The shapes, view box and frame outline of the map for a scope.
fn map_layer(
    manifest: &Manifest,
    scope: &Scope,
    boroughs: &[GeoArea],
    wards: Option<&[GeoArea]>,
    full: String,
) -> Option<(Vec<GeoArea>, String, Option<String>)> {
    match scope {
        Scope::Boroughs => Some((boroughs.to_vec(), full, None)),
        Scope::LondonWards => Some((wards?.to_vec(), full, None)),
        Scope::WardsOf(b) => {
            let codes: Vec<&str> = manifest.wards_of(b).map(|a| a.code.as_str()).collect();
            let shapes: Vec<GeoArea> = wards?.iter().filter(|w| codes.contains(&w.code.as_str())).cloned().collect();
            let outline = boroughs.iter().find(|a| a.code == *b);
            let viewbox = outline.map_or(full, |a| {
                let [x0, y0, x1, y1] = a.bbox;
                let pad = ((x1 - x0).max(y1 - y0) / 25).max(10);
                format!("{} {} {} {}", x0 - pad, y0 - pad, x1 - x0 + 2 * pad, y1 - y0 + 2 * pad)
            });
            Some((shapes, viewbox, outline.map(|a| a.path.clone())))
        }
    }
}

/// "Map: offences per 1,000 residents by ward in Camden".
#[component]
pub fn MapHeading() -> impl IntoView {
    let Models { ranking, .. } = expect_context::<Models>();
    let title = move || {
        ranking.with(|r| {
            let r = r.as_ref()?;
            Some(format!("Map: {} {}", r.counted.measure_title(r.measure).to_lowercase(), r.scope_phrase()))
        })
    };
    view! { <h2 id="map-heading" class="panel-heading">{title}</h2> }
}

/// The map of the view's boroughs or wards; choosing an area calls `on_select`.
#[component]
pub fn AreaMap(on_select: Callback<Option<String>>) -> impl IntoView {
    let AppState { store, view_manifest, state, .. } = AppState::get();
    let Models { ranking, scope, .. } = expect_context::<Models>();
    let selected = Signal::derive(move || state.with(|s| s.as_ref().and_then(|s| s.area.clone())));
    // The map is drawn anew when the set of wards changes, even if the scope
    // (say, Camden's wards) does not and their file is already loaded.
    let wards_file = Memo::new(move |_| view_manifest.with(|m| m.as_ref().and_then(|m| m.wards_geo_file())));
    move || {
        let scope = scope.get()?;
        let manifest = view_manifest.get_untracked()?;
        let boroughs = store.boroughs.get().ready()?;
        let wards = match (scope.level(), wards_file.get()) {
            (Level::Ward, Some(name)) => Some(store.wards.with(|w| w.get(&name).cloned())?.ready()?),
            (Level::Ward, None) => {
                return Some(view! {
                    <p class="notice" id="no-ward-map">
                        "No boundaries of these wards were found, so there is no map of them. Their figures are in the chart and the table."
                    </p>
                }.into_any());
            }
            _ => None,
        };
        let full = format!("0 0 {} {}", boroughs.width, boroughs.height);
        let (shapes, viewbox, frame) =
            map_layer(&manifest, &scope, &boroughs.areas, wards.as_ref().map(|w| w.areas.as_slice()), full)?;
        let noun = if scope.level() == Level::Ward { "ward" } else { "borough" };
        Some(
            view! { <map::Map shapes=shapes viewbox=viewbox frame=frame noun=noun ranking=ranking selected=selected on_select=on_select /> }.into_any(),
        )
    }
}

// Wards of different years are different places: which set the view shows,
// when older ones are published.
#[component]
pub fn WardChoice() -> impl IntoView {
    let app = AppState::get();
    let AppState { state, context, .. } = app;
    let navigate = move |next| app.navigate(next);
    // The wards chosen, when the view shows wards of a release with older
    // ones: the radios are redrawn only when that changes.
    let chosen = Memo::new(move |_| {
        let s = state.get()?;
        let wards_shown = s.area.is_some() || s.level == Level::Ward;
        let choices = context.with(|c| c.as_ref().is_some_and(|c| !c.ward_choices.is_empty()));
        (choices && s.explorer == Explorer::Crime && wards_shown).then_some(s.wards)
    });
    move || {
        let chosen = chosen.get()?;
        let c = context.get_untracked()?;
        let options = c
            .ward_choices
            .iter()
            .map(|choice| {
                let id = format!("wards-{}", choice.id.as_deref().unwrap_or("today"));
                let wards = choice.id.clone();
                let checked = chosen == choice.id;
                let mut label = choice.name.clone();
                if let Some(first) = label.get_mut(..1) {
                    first.make_ascii_uppercase();
                }
                let label = format!("{label} ({})", choice.period.short());
                view! {
                    <div class="radio">
                        <input type="radio" name="wards" id=id.clone() prop:checked=checked
                            on:change=move |_| {
                                if let (Some(s), Some(c)) = (state.get_untracked(), context.get_untracked()) {
                                    navigate(c.choose_wards(&s, wards.clone()));
                                }
                            } />
                        <label for=id>{label}</label>
                    </div>
                }
            })
            .collect_view();
        Some(view! {
            <fieldset class="field" id="ward-choice">
                <legend>"Which wards"</legend>
                <p class="hint">"Wards were redrawn over the years: wards of different years are different places, so their figures are kept apart."</p>
                {options}
            </fieldset>
        })
    }
}

/// London by borough or by ward, when no area is chosen.
#[component]
pub fn LevelChoice() -> impl IntoView {
    let app = AppState::get();
    let AppState { state, context, .. } = app;
    let navigate = move |next| app.navigate(next);
    // Redrawn only when an area is chosen or cleared, not at every change of the view.
    let london = Memo::new(move |_| state.with(|s| s.as_ref().is_some_and(|s| s.area.is_none())));
    move || {
        if !london.get() {
            return None;
        }
        let option = move |level: Level, label: &'static str| {
            let id = format!("level-{}", level.id());
            view! {
                <div class="radio">
                    <input type="radio" name="level" id=id.clone() value=level.id() prop:checked=move || state.with(|s| s.as_ref().is_some_and(|s| s.level == level))
                        on:change=move |_| {
                            if let (Some(s), Some(c)) = (state.get_untracked(), context.get_untracked()) {
                                navigate(c.retarget(&s, |s| s.level = level));
                            }
                        } />
                    <label for=id>{label}</label>
                </div>
            }
        };
        Some(view! {
            <fieldset class="field inline-radios">
                <legend>"Show London by"</legend>
                {option(Level::Borough, "Borough")}
                {option(Level::Ward, "Ward")}
            </fieldset>
        })
    }
}
