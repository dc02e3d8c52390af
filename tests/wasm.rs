//! Browser tests of the UI components, run by `wasm-bindgen-test-runner` in
//! headless Chromium (see `scripts/test.sh`). They are compiled only for
//! wasm32; natively this file is empty.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use met_core::crime::view::{AreaRow, Ranking, Scope};
use met_core::data::dataset::{AreaKind, GeoArea};
use met_core::data::figure::Figure;
use met_core::data::month::{Month, Period};
use met_core::render::chart::{ChartSpec, Mark, SeriesSpec, DASHES, LINE_COLOURS};
use met_core::render::choropleth::Classes;
use met_core::share::url_state::Measure;
use met_data_explorer::ui::{chart, map::Map};
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn m(s: &str) -> Month {
    Month::parse(s).unwrap()
}

fn spec() -> ChartSpec {
    ChartSpec {
        title: "Burglary offences per 1,000 residents by month, Camden and London".into(),
        y_label: "Offences per 1,000 residents".into(),
        decimals: 2,
        months: vec![m("2025-01"), m("2025-02"), m("2025-03"), m("2025-04")],
        series: vec![
            SeriesSpec {
                name: "Camden".into(),
                values: vec![Figure::Known(0.8), Figure::Missing, Figure::Known(0.9), Figure::Known(1.0)],
                colour: LINE_COLOURS[0],
                dash: DASHES[0],
            },
            SeriesSpec {
                name: "London".into(),
                values: vec![Figure::Known(0.5); 4],
                colour: LINE_COLOURS[2],
                dash: DASHES[1],
            },
        ],
        marks: vec![Mark { index: 2, label: "CONNECT".into(), note: "A break.".into() }],
        gaps: vec![],
        revised: vec![],
        notes: vec![],
        source: "test".into(),
    }
}

#[wasm_bindgen_test]
fn chart_renders_svg_with_axis_title_and_a_gap_for_unknown_months() {
    let svg = chart::render_svg(&spec(), 600, 320);
    assert!(svg.starts_with("<svg"), "{svg}");
    assert!(svg.contains("1.00") && svg.matches("<text").count() >= 6, "no y tick labels: {svg}");
    assert!(svg.contains("Jan 2025"));
    // Camden's first month stands alone before the gap: drawn as a dot, not a line to zero.
    assert!(svg.contains("<circle"), "no dot for the isolated month");
    assert!(!svg.contains("NaN"));
    // London is dashed, Camden solid: the series differ by more than colour.
    assert_eq!(svg.matches("stroke-dasharray=\"8 5\"").count(), 1, "{svg}");
    // The series break is labelled on the chart.
    assert!(svg.contains("CONNECT"), "{svg}");
    assert!(!svg.contains("<polygon"), "no revised months, no diamonds");
    // Revised months get a diamond on the first line, where it has a value.
    let revised = chart::render_svg(&ChartSpec { revised: vec![1, 2, 3], ..spec() }, 600, 320);
    assert_eq!(revised.matches("<polygon").count(), 2, "{revised}");
}

#[wasm_bindgen_test]
fn standalone_chart_carries_its_title_legend_and_source() {
    let (svg, width, height) = chart::standalone_svg(&spec(), 600, 320);
    assert_eq!(width, 600);
    assert!(height > 320 + 60, "room for title and notes: {height}");
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""), "{svg}");
    assert!(svg.contains(">Burglary offences per 1,000 residents by month, Camden and London<"), "{svg}");
    assert!(svg.contains(">Camden<") && svg.contains(">London<"));
    assert!(svg.contains(">A break.<") && svg.contains(">test<"), "notes and source: {svg}");
    assert_eq!(svg.matches("<svg").count(), 2, "the plot is nested once");
}

fn row(code: &str, name: &str, rate: Figure) -> AreaRow {
    AreaRow {
        code: code.into(),
        name: name.into(),
        kind: AreaKind::Area,
        count: Figure::Known(10.0),
        year_earlier: Figure::Known(8.0),
        rate,
        share: Figure::Known(0.5),
        population: Some(1000),
    }
}

fn ranking() -> Ranking {
    Ranking {
        counted: met_core::crime::view::OFFENCES,
        scope: Scope::Boroughs,
        category_name: "Burglary".into(),
        period: Period::new(m("2025-01"), m("2025-12")),
        measure: Measure::Rate,
        rows: vec![row("A", "Alpha", Figure::Known(1.0)), row("B", "Beta", Figure::Missing)],
        total: row("london", "London", Figure::Known(1.0)),
        classes: Classes { breaks: vec![0.0, 2.0], diverging: false },
        notes: vec![],
        suggestion: None,
    }
}

fn shapes() -> Vec<GeoArea> {
    let area = |code: &str, path: &str| GeoArea {
        code: code.into(),
        name: code.into(),
        path: path.into(),
        label: [1, 1],
        bbox: [0, 0, 1, 1],
    };
    vec![area("A", "M0 0l10 0 0 10z"), area("B", "M10 0l10 0 0 10z"), area("C", "M5 5l1 0 0 1z")]
}

/// SVG elements have no `click()`: dispatch a bubbling click event instead.
fn click(element: &web_sys::Element) {
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    let event = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
    element.dispatch_event(&event).unwrap();
}

/// Waits for the next frame and a timer task after it: the map sets its
/// accessible names just after a repaint.
async fn after_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().request_animation_frame(&resolve).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    tick().await;
}

/// Waits for a timer task, after effects have run.
async fn tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 1).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn map_paths_have_names_fills_and_select_on_click_and_enter() {
    let document = web_sys::window().unwrap().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let chosen = RwSignal::new(None::<String>);
    let ranking = Memo::new(|_| Some(Arc::new(ranking())));
    let selected = Signal::derive(move || chosen.get());
    let on_select = Callback::new(move |code: Option<String>| chosen.set(code));
    let handle = leptos::mount::mount_to(host.clone().unchecked_into(), move || {
        view! {
            <Map shapes=shapes() viewbox="0 0 20 10".to_string() frame=None noun="borough"
                ranking=ranking selected=selected on_select=on_select />
        }
    });
    after_frame().await;

    let path = |id: &str| document.get_element_by_id(id).unwrap();
    let a = path("area-A");
    assert_eq!(a.get_attribute("aria-label").unwrap(), "Alpha: 10 offences, 1.00 per 1,000 residents, Jan–Dec 2025");
    // Fills: the class colour, hatching for no data, dots for the City of London.
    let colour = Classes { breaks: vec![0.0, 2.0], diverging: false }.colour(0);
    let fills: Vec<String> = ["area-A", "area-B", "area-C"].map(|id| path(id).get_attribute("fill").unwrap()).to_vec();
    assert_eq!(fills, [colour, "url(#no-data)", "url(#not-policed)"]);
    // One tab stop: the first area until one is selected.
    assert_eq!(a.get_attribute("tabindex").unwrap(), "0");
    assert_eq!(path("area-B").get_attribute("tabindex").unwrap(), "-1");

    click(&path("area-B"));
    tick().await;
    assert_eq!(chosen.get_untracked().as_deref(), Some("B"));
    assert_eq!(path("area-B").get_attribute("aria-pressed").unwrap(), "true");
    assert_eq!(path("area-B").get_attribute("tabindex").unwrap(), "0");

    // Not policed by the Met: a click does not select it.
    click(&path("area-C"));
    tick().await;
    assert_eq!(chosen.get_untracked().as_deref(), Some("B"));

    let init = web_sys::KeyboardEventInit::new();
    init.set_key("Enter");
    init.set_bubbles(true);
    let enter = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    a.dispatch_event(&enter).unwrap();
    tick().await;
    assert_eq!(chosen.get_untracked().as_deref(), Some("A"));
    drop(handle);
}
