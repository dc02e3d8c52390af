//! A chart on the page: the figure around a [`ChartSpec`] drawing, with its
//! title, legend, unit, text alternative and notes, and its data as a table on
//! demand. Everything in it comes from the one spec.

use leptos::prelude::*;
use met_core::render::chart::ChartSpec;

/// Whether the page is being printed (its tables are then drawn even when
/// their `<details>` is closed): a function to call inside a view.
pub fn printing() -> impl Fn() -> bool + Copy {
    let printing = use_context::<super::share::Printing>().map(|p| p.0);
    move || printing.is_some_and(|p| p.get())
}

/// Whether the `<details>` element of a toggle event is open.
pub fn is_open(ev: &leptos::ev::Event) -> bool {
    use wasm_bindgen::JsCast;
    ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok()).is_some_and(|d| d.open())
}

/// A line chart with its title, legend, unit, text alternative, notes and a
/// data table on demand, all from one spec. `id` prefixes the element ids;
/// `description` is read with the chart (the spec's own description when `None`).
#[component]
pub fn ChartFigure(
    spec: Memo<Option<ChartSpec>>,
    width: RwSignal<u32>,
    id: &'static str,
    #[prop(into)] description: Signal<Option<String>>,
) -> impl IntoView {
    let svg = move || {
        spec.with(|c| {
            c.as_ref().map(|c| met_core::render::svg::render_svg(c, width.get(), super::chart_height(width.get())))
        })
    };
    let legend = move || {
        spec.with(|c| {
            c.as_ref().map(|c| {
                let lines = c
                    .series
                    .iter()
                    .map(|s| {
                        // A short line drawn as the chart draws the series (colour and
                        // dashes): SVG attributes, which the page's content security
                        // policy allows in markup, as it does not a style attribute.
                        view! {
                            <li>
                                <svg class="key" width="28" height="4" aria-hidden="true">
                                    <line x1="0" y1="2" x2="28" y2="2" stroke=s.colour stroke-width="4" stroke-dasharray=s.dash></line>
                                </svg>
                                {s.name.clone()}
                            </li>
                        }
                    })
                    .collect_view();
                let revised = (!c.revised.is_empty()).then(|| {
                    view! { <li><span class="key-revised" aria-hidden="true">"◇"</span>"Revised by the latest file"</li> }
                });
                (lines, revised)
            })
        })
    };
    let notes = move || {
        spec.with(|c| {
            c.as_ref().map(|c| {
                let marks = c.marks.iter().map(|k| view! { <p class="note note-break">{k.note.clone()}</p> });
                let notes = c.notes.iter().map(|n| view! { <p class="note">{n.clone()}</p> });
                (marks.collect_view(), notes.collect_view())
            })
        })
    };
    let text = move || description.get().or_else(|| spec.with(|c| c.as_ref().map(ChartSpec::description)));
    let data_open = RwSignal::new(false);
    let printing = printing();
    let description_id = format!("{id}-description");
    view! {
        <Show when=move || spec.with(Option::is_some)>
            <figure class="chart" id=id>
                <figcaption class="chart-title">{move || spec.with(|c| c.as_ref().map(|c| c.title.clone()))}</figcaption>
                <ul class="chart-legend">{legend}</ul>
                <p class="chart-unit" aria-hidden="true">{move || spec.with(|c| c.as_ref().map(|c| c.y_label.clone()))}</p>
                <div class="chart-svg" role="img" aria-label=move || spec.with(|c| c.as_ref().map(|c| c.title.clone()))
                    aria-describedby=description_id.clone() inner_html=svg></div>
                <p id=description_id.clone() class="visually-hidden">{text}</p>
                {notes}
            </figure>
            <details class="details data-details" on:toggle=move |ev| data_open.set(is_open(&ev))>
                <summary>"Show the chart's data as a table"</summary>
                {move || (data_open.get() || printing()).then(|| spec.get().map(|c| view! { <super::table::PlainTable table=c.table() /> }))}
            </details>
        </Show>
    }
}
