//! The view models, computed once from the state object ([`AppState`]) and
//! given by context: the files each view needs (requested when first
//! needed), the crime and stop-and-search models, and what the page's shared
//! parts read (the model, its ranking and scope).

use super::data::Load;
use super::state::AppState;
use leptos::prelude::*;
use met_core::crime::aggregate::Files;
use met_core::crime::view::{self, Ranking, Scope, ViewModel};
use met_core::data::dataset::{Level, SeriesFile};
use met_core::share::url_state::Explorer;
use met_core::stops::crosstab::{self, CrossTable};
use met_core::stops::stops_view::{self, StopsFiles, StopsModel};
use std::sync::Arc;

#[derive(Clone, Copy)]
pub struct Models {
    /// The crime series files the view needs, and the ward boundaries when it shows wards.
    pub needed: Memo<Option<(Vec<String>, Option<String>)>>,
    pub series: Memo<Option<Vec<Load<SeriesFile>>>>,
    /// The stop-and-search files the view needs.
    pub stops_needed: Memo<Option<Vec<&'static str>>>,
    pub stops_loads: Memo<Option<Vec<Load<met_core::stops::stop_search::StopsFile>>>>,
    pub stops_model: Memo<Option<Arc<StopsModel>>>,
    /// The cross-tabulation of the stop-and-search view's London or borough.
    pub cross_table: Memo<Load<CrossTable>>,
    /// The view model of the explorer shown: what the page's shared parts read.
    pub model: Memo<Option<Arc<ViewModel>>>,
    pub ranking: Memo<Option<Arc<Ranking>>>,
    pub scope: Memo<Option<Scope>>,
    /// The link to share: the view with its months pinned.
    pub share_url: Memo<Option<String>>,
    /// The page's title, with the view's months.
    pub page_title: Memo<Option<String>>,
}

impl Models {
    pub fn new(app: AppState) -> Models {
        let AppState { store, view_manifest, context, state, explorer, .. } = app;
        // The series files the view needs, requested when it first needs them.
        let needed: Memo<Option<(Vec<String>, Option<String>)>> = Memo::new(move |_| {
            let manifest = view_manifest.get()?;
            let s = state.get()?;
            if s.explorer != Explorer::Crime {
                return None;
            }
            let wards =
                (view::scope(&manifest, &s).level() == Level::Ward).then(|| manifest.wards_geo_file()).flatten();
            Some((view::files_needed(&manifest, &s), wards))
        });
        Effect::new(move |_| {
            if let Some((files, wards)) = needed.get() {
                for f in &files {
                    store.need_series(f);
                }
                if let Some(w) = wards {
                    store.need_wards(&w);
                }
            }
        });
        let series: Memo<Option<Vec<Load<SeriesFile>>>> = Memo::new(move |_| {
            let (files, _) = needed.get()?;
            store.series.with(|m| files.iter().map(|f| m.get(f).cloned()).collect())
        });
        let crime_model: Memo<Option<Arc<ViewModel>>> = Memo::new(move |_| {
            let manifest = view_manifest.get()?;
            let s = state.get()?;
            let files: Vec<Arc<SeriesFile>> = series.get()?.iter().map(Load::ready).collect::<Option<_>>()?;
            let ward = files.get(1).map(AsRef::as_ref);
            Some(Arc::new(view::build(&manifest, Files { borough: &files[0], ward }, &s)))
        });

        // Stop and search: its own files and model; the page's shared parts read its `view`.
        let stops_needed: Memo<Option<Vec<&'static str>>> = Memo::new(move |_| {
            let manifest = view_manifest.get()?;
            let s = state.get()?;
            (s.explorer == Explorer::Stops).then(|| stops_view::files_needed(&manifest, &s))
        });
        Effect::new(move |_| {
            let Some(files) = stops_needed.get() else { return };
            for f in files {
                store.need_stops(f);
                if f == stops_view::WARD_FILE {
                    store.need_wards(met_core::data::dataset::WARDS_GEO);
                }
            }
            // The cross-tabulation holds whole years only.
            if context.with(|c| c.as_ref().is_some_and(|c| !c.stop_periods.is_empty())) {
                store.need_cross();
            }
        });
        let stops_loads = Memo::new(move |_| {
            let files = stops_needed.get()?;
            store.stops.with(|m| files.iter().map(|f| m.get(*f).cloned()).collect::<Option<Vec<_>>>())
        });
        let stops_model: Memo<Option<Arc<StopsModel>>> = Memo::new(move |_| {
            let manifest = view_manifest.get()?;
            let s = state.get()?;
            let files: Vec<_> = stops_loads.get()?.iter().map(Load::ready).collect::<Option<_>>()?;
            let ward = files.get(1).map(AsRef::as_ref);
            Some(Arc::new(stops_view::build(&manifest, StopsFiles { borough: &files[0], ward }, &s)))
        });
        // The cross-tabulation of the stop-and-search view's London or borough:
        // loading until its file and the view are ready, failed with a reason.
        let cross_table: Memo<Load<CrossTable>> = Memo::new(move |_| {
            let file = match store.cross.get() {
                Some(Load::Ready(file)) => file,
                Some(Load::Failed(e)) => return Load::Failed(e),
                _ => return Load::Loading,
            };
            let Some(age) = state.with(|s| s.as_ref().map(|s| s.age)) else { return Load::Loading };
            stops_model.with(|m| {
                let Some(m) = m.as_ref() else { return Load::Loading };
                let (code, name) = &m.table_area;
                let period = m.breakdown.period;
                crosstab::build(&file, (code, name), period, age, m.is_ward, &m.view.source).map_or_else(
                    || Load::Failed(format!("The published table has no figures for {name}, {}.", period.describe())),
                    |t| Load::Ready(Arc::new(t)),
                )
            })
        });
        let model: Memo<Option<Arc<ViewModel>>> = Memo::new(move |_| match explorer.get() {
            Explorer::Crime => crime_model.get(),
            Explorer::Stops => stops_model.with(|m| m.as_ref().map(|m| m.view.clone())),
        });
        let ranking: Memo<Option<Arc<Ranking>>> =
            Memo::new(move |_| model.with(|m| m.as_ref().map(|m| m.ranking.clone())));
        let scope: Memo<Option<Scope>> = Memo::new(move |_| ranking.with(|r| r.as_ref().map(|r| r.scope.clone())));
        let share_url = Memo::new(move |_| {
            let (c, s) = (context.get()?, state.get()?);
            Some(super::address_with(&met_core::share::url_state::share_query(&s, &c)))
        });
        let page_title = Memo::new(move |_| model.with(|m| m.as_ref().map(|m| m.page_title())));
        Models {
            needed,
            series,
            stops_needed,
            stops_loads,
            stops_model,
            cross_table,
            model,
            ranking,
            scope,
            share_url,
            page_title,
        }
    }
}
