//! Small multiples: a small chart of every major category for the view's
//! area, loaded when first opened; choosing one shows that category.

use super::data::Load;
use super::figure::is_open;
use super::models::Models;
use super::pages;
use super::state::AppState;
use leptos::prelude::*;
use met_core::crime::aggregate::Files;
use met_core::crime::category;
use met_core::data::dataset::{Level, SeriesFile};
use met_core::render::svg;
use met_core::share::url_state::ViewState;
use std::sync::Arc;

#[component]
pub fn SmallMultiples() -> impl IntoView {
    let app = AppState::get();
    let AppState { store, view_manifest, state, .. } = app;
    let Models { model, .. } = expect_context::<Models>();
    let edit = move |f: &dyn Fn(&mut ViewState)| app.edit(f);
    // Small multiples: every major category for the area, loaded when first opened.
    let multiples_open = RwSignal::new(false);
    let multiples_files = Memo::new(move |_| {
        let manifest = view_manifest.get()?;
        let s = state.get()?;
        let ward = s.area.as_deref().and_then(|c| manifest.area(c)).is_some_and(|a| a.level == Level::Ward);
        let mut files = vec![manifest.majors_file(Level::Borough)];
        if ward {
            files.push(manifest.majors_file(Level::Ward));
        }
        Some(files)
    });
    Effect::new(move |_| {
        if multiples_open.get() {
            for f in multiples_files.get().unwrap_or_default() {
                store.need_series(&f);
            }
        }
    });
    // Only what the small multiples depend on, so sorting the table does not redraw them.
    let multiples_state = Memo::new(move |_| {
        state.get().map(|s| ViewState { category: category::ALL.to_string(), sort: Default::default(), ..s })
    });
    let multiples = move || {
        if !multiples_open.get() {
            return None;
        }
        let manifest = view_manifest.get()?;
        let s = multiples_state.get()?;
        let names = multiples_files.get()?;
        let loads: Vec<Option<Load<SeriesFile>>> =
            store.series.with(|m| names.iter().map(|n| m.get(n).cloned()).collect());
        if let Some(Some(Load::Failed(e))) = loads.iter().find(|l| matches!(l, Some(Load::Failed(_)))) {
            let retry = move |_| {
                store.retry();
                for f in multiples_files.get_untracked().unwrap_or_default() {
                    store.need_series(&f);
                }
            };
            return Some(
                view! {
                    <div class="error-message" role="alert">
                        <p>{format!("The categories could not be loaded: {e}")}</p>
                        <button type="button" class="button button-secondary" on:click=retry>"Try again"</button>
                    </div>
                }
                .into_any(),
            );
        }
        let Some(files) =
            loads.iter().map(|l| l.as_ref().and_then(Load::ready)).collect::<Option<Vec<Arc<SeriesFile>>>>()
        else {
            return Some(view! { <p class="loading" role="status"><span class="spinner" aria-hidden="true"></span>"Loading every category…"</p> }.into_any());
        };
        let list = met_core::crime::trend::small_multiples(
            &manifest,
            Files { borough: &files[0], ward: files.get(1).map(AsRef::as_ref) },
            &s,
        );
        let unit = list.first().map(|m| m.chart.y_label.clone()).unwrap_or_default();
        let items = list
            .into_iter()
            .map(|m| {
                let svg = svg::render_svg(&m.chart, 300, 150);
                let category = m.category.clone();
                let choose = move |_| edit(&|s: &mut ViewState| s.category = category.clone());
                let total = match m.total {
                    met_core::data::figure::Figure::Known(v) => format!("{} offences", met_core::data::format::count(v)),
                    _ => "not published for every month".to_string(),
                };
                view! {
                    <li class="multiple">
                        <div class="multiple-head">
                            <h3 class="multiple-title"><button type="button" class="link-button" on:click=choose>{m.name.clone()}</button></h3>
                            <pages::Define id=m.category.clone() label=m.name.clone() />
                        </div>
                        <p class="multiple-total">{total}</p>
                        <div class="chart-svg" role="img" aria-label=m.chart.description() inner_html=svg></div>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <p class="note">{format!("{unit} for {}. Each chart has its own scale: compare shapes, not heights. Choose a name to see that category.", s.period.describe())}</p>
            <ul class="multiples">{items}</ul>
        }.into_any())
    };
    view! {
        <section aria-labelledby="multiples-heading" class="no-print">
            <h2 id="multiples-heading" class="panel-heading">{move || model.with(|m| m.as_ref().map(|m| format!("Every crime category in {}", m.area_name)))}</h2>
            <details class="details" on:toggle=move |ev| multiples_open.set(is_open(&ev))>
                <summary>"Show a small chart for each category"</summary>
                {multiples}
            </details>
        </section>
    }
}
