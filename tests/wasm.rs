//! Browser tests of the UI components, run by `wasm-bindgen-test-runner` in
//! headless Chromium (see `scripts/test.sh`). They are compiled only for
//! wasm32; natively this file is empty. (The chart renderers are pure and
//! tested natively: `met_core::render::svg`.)
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use met_core::crime::view::{AreaRow, Ranking, Scope};
use met_core::data::dataset::{AreaKind, GeoArea};
use met_core::data::figure::Figure;
use met_core::data::month::{Month, Period};
use met_core::render::choropleth::Classes;
use met_core::share::url_state::Measure;
use met_data_explorer::ui::map::Map;
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn m(s: &str) -> Month {
    Month::parse(s).unwrap()
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

/// The colour on the map's canvas at a point of the viewbox "0 0 20 10", as
/// `#rrggbb` (`#000000` where nothing is drawn).
fn canvas_colour(host: &web_sys::Element, (x, y): (f64, f64)) -> String {
    let canvas: web_sys::HtmlCanvasElement = host.query_selector("canvas").unwrap().unwrap().unchecked_into();
    let rect = host.query_selector("svg").unwrap().unwrap().get_bounding_client_rect();
    let ratio = f64::from(canvas.width()) / rect.width();
    let scale = (rect.width() / 20.0).min(rect.height() / 10.0);
    let (dx, dy) = ((rect.width() - 20.0 * scale) / 2.0, (rect.height() - 10.0 * scale) / 2.0);
    let context: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").unwrap().unwrap().unchecked_into();
    let pixel = context.get_image_data((dx + x * scale) * ratio, (dy + y * scale) * ratio, 1.0, 1.0).unwrap().data();
    format!("#{:02x}{:02x}{:02x}", pixel[0], pixel[1], pixel[2])
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
    // Colours are drawn on the canvas under the SVG, whose paths stay clear.
    let colour = Classes { breaks: vec![0.0, 2.0], diverging: false }.colour(0);
    let fills: Vec<String> = ["area-A", "area-B", "area-C"].map(|id| path(id).get_attribute("fill").unwrap()).to_vec();
    assert_eq!(fills, ["transparent", "url(#no-data)", "url(#not-policed)"]);
    assert_eq!(canvas_colour(&host, (8.0, 2.0)), colour, "inside Alpha");
    assert_eq!(canvas_colour(&host, (18.0, 2.0)), "#000000", "inside Beta, hatched in the SVG: clear on the canvas");
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
