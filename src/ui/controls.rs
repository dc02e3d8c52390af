//! The pickers of the view: category, period (from/to and presets) and
//! measure, and the one-line bar that says what is chosen and opens them on a
//! narrow screen. They are built once; their selections follow the URL
//! through effects, and every change writes a new URL.

use super::pages::Define;
use leptos::html::Select;
use leptos::prelude::*;
use met_core::data::dataset::{Level, Manifest};
use met_core::data::month::{Month, Period};
use met_core::share::url_state::{self, Explorer, Measure, ViewState};
use std::sync::Arc;

/// What is chosen, in one line, and the button that shows or hides the
/// controls. Only narrow screens show it: wide ones always show the controls.
#[component]
pub fn ChoicesBar(manifest: Arc<Manifest>, state: Memo<Option<ViewState>>, open: RwSignal<bool>) -> impl IntoView {
    let line =
        move || state.with(|s| s.as_ref().map(|s| url_state::choices_line(s, &manifest.category_label(&s.category))));
    view! {
        <div class="choices-bar">
            <p class="choices-line" id="choices-line"><span class="visually-hidden">"Showing: "</span>{line}</p>
            <button type="button" class="button button-secondary choices-toggle" aria-controls="controls"
                aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|o| *o = !*o)>
                {move || if open.get() { "Hide the choices" } else { "Change what is shown" }}
            </button>
        </div>
    }
}

/// Category, period and measure pickers, built once; their selections follow
/// the URL through effects, and every change writes a new URL. On a narrow
/// screen they show only while `open`.
#[component]
pub fn Controls(
    manifest: Arc<Manifest>,
    state: Memo<Option<ViewState>>,
    navigate: Callback<ViewState>,
    open: RwSignal<bool>,
) -> impl IntoView {
    // The options are written as HTML in one go: there are hundreds of them.
    let category_options = met_core::render::html::category_options(&manifest);
    let manifest_for_label = manifest.clone();
    // Only the category redraws its "?": not every change of the view.
    let chosen_category = Memo::new(move |_| state.with(|s| s.as_ref().map(|s| s.category.clone())));
    let months: Vec<Month> = manifest.dataset(Level::Borough).map(|d| d.period.months().collect()).unwrap_or_default();
    let month_labels: Vec<(String, String)> = months.iter().rev().map(|m| (m.iso(), m.long_name())).collect();
    let month_options = met_core::render::html::options(month_labels.iter().map(|(v, l)| (v.as_str(), l.as_str())));
    let presets = manifest
        .dataset(Level::Borough)
        .map(|d| met_core::data::month::presets(d.period))
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

    let stops = move || state.with(|s| s.as_ref().is_some_and(|s| s.explorer == Explorer::Stops));
    // Stop and search is published for whole years from April to March: one
    // radio each (or one for the latest months, before the first whole year).
    let stop_context = met_core::share::url_state::Context::of(&manifest);
    let whole_years = !stop_context.stop_periods.is_empty();
    let stop_periods = stop_context
        .stop_choices()
        .into_iter()
        .enumerate()
        .map(|(i, period)| {
            let id = format!("stop-period-{i}");
            let checked = move || state.with(|s| s.as_ref().is_some_and(|s| s.period == period));
            let choose = move |_| {
                if let Some(mut next) = state.get_untracked() {
                    next.period = period;
                    navigate.run(next);
                }
            };
            view! {
                <div class="radio">
                    <input type="radio" name="stop-period" id=id.clone() value=period.from.iso() prop:checked=checked on:change=choose />
                    <label for=id>{period.describe()}</label>
                </div>
            }
        })
        .collect_view();
    let measures = Measure::ALL
        .into_iter()
        .map(|measure| {
            let id = format!("measure-{}", measure.token());
            let checked = move || state.with(|s| s.as_ref().is_some_and(|s| s.measure == measure));
            let choose = move |_| {
                if let Some(mut next) = state.get_untracked() {
                    next.measure = measure;
                    navigate.run(next);
                }
            };
            view! {
                <div class="radio">
                    <input type="radio" name="measure" id=id.clone() value=measure.token() prop:checked=checked on:change=choose />
                    <label for=id>{move || if measure == Measure::Count && stops() { "Number of searches" } else { measure.label() }}</label>
                    <Define id=measure_term(measure) label=measure.label() />
                </div>
            }
        })
        .collect_view();
    let (cat, from, to) = (NodeRef::<Select>::new(), NodeRef::<Select>::new(), NodeRef::<Select>::new());
    Effect::new(move |_| {
        let Some(s) = state.get() else { return };
        let set = |node: NodeRef<Select>, value: &str| {
            if let Some(select) = node.get() {
                if select.value() != value {
                    select.set_value(value);
                }
            }
        };
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
        <form class="controls" id="controls" class:collapsed=move || !open.get() aria-label="Choose what is shown"
            on:submit=|ev| ev.prevent_default()>
            <div class="field" hidden=stops>
                <div class="label-row">
                    <label for="cat">"Crime category"</label>
                    <Define id=Signal::derive(move || chosen_category.get().unwrap_or_default())
                        label=Signal::derive(move || chosen_category.with(|id| id.as_ref().map(|id| manifest_for_label.category_label(id)).unwrap_or_default())) />
                </div>
                <select id="cat" name="cat" node_ref=cat inner_html=category_options
                    on:change=move |ev| change(|s, v| s.category = v, ev)></select>
            </div>
            <fieldset class="field" hidden=move || !stops()>
                <legend>"Period"</legend>
                {stop_periods}
                <p class="hint">{if whole_years {
                    "Stop-and-search breakdowns are published for whole years from April to March."
                } else {
                    "No whole year from April to March is published yet: these are the latest whole months, added up from the monthly figures."
                }}</p>
            </fieldset>
            <fieldset class="field period" hidden=stops>
                <legend>"Period"</legend>
                <div class="period-fields">
                    <div>
                        <label for="from">"From"</label>
                        <select id="from" name="from" node_ref=from on:change=move |ev| change(|s, v| {
                            if let Some(m) = Month::parse(&v) {
                                s.period = Period::new(m, s.period.to.max(m));
                            }
                        }, ev) inner_html=month_options.clone()></select>
                    </div>
                    <div>
                        <label for="to">"To"</label>
                        <select id="to" name="to" node_ref=to on:change=move |ev| change(|s, v| {
                            if let Some(m) = Month::parse(&v) {
                                s.period = Period::new(s.period.from.min(m), m);
                            }
                        }, ev) inner_html=month_options></select>
                    </div>
                </div>
                <div class="presets" role="group" aria-label="Quick periods">{presets}</div>
            </fieldset>
            <fieldset class="field">
                <legend>"Measure"</legend>
                {measures}
                <div class="checkbox" hidden=stops>
                    <input type="checkbox" id="rolling" name="roll"
                        prop:checked=move || state.with(|s| s.as_ref().is_some_and(|s| s.rolling))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            if let Some(mut next) = state.get_untracked() {
                                next.rolling = on;
                                navigate.run(next);
                            }
                        } />
                    <label for="rolling">"Chart 12-month rolling totals"</label>
                    <Define id="data/rolling-12-month-total" label="12-month rolling totals" />
                </div>
            </fieldset>
        </form>
    }
}

/// The definition of a measure in the glossary.
fn measure_term(measure: Measure) -> &'static str {
    match measure {
        Measure::Count => "data/count",
        Measure::Rate => "data/rate-per-1000-residents",
        Measure::Share => "data/share",
        Measure::Change => "data/change",
    }
}
