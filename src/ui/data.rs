//! Fetching the app's data files, once each, into signals.
//!
//! Files are requested lazily: the manifest, the borough boundaries and the
//! series file the address asks for before the app is first drawn
//! ([`Store::first`]), each other series file when a view first needs it, and
//! the ward boundaries when the map first shows wards. A failed request
//! leaves a [`Load::Failed`] with a message for the error panel; "try again"
//! simply requests it anew.

use leptos::prelude::*;
use met_core::crosstab::{self, CrossFile};
use met_core::dataset::{GeoFile, Manifest, SeriesFile};
use met_core::stop_search::StopsFile;
use serde::de::DeserializeOwned;
use std::collections::HashMap;
use std::sync::Arc;

/// The state of one file.
#[derive(Clone, Debug, PartialEq)]
pub enum Load<T> {
    Loading,
    Ready(Arc<T>),
    Failed(String),
}

impl<T> From<Result<T, String>> for Load<T> {
    fn from(result: Result<T, String>) -> Load<T> {
        result.map_or_else(Load::Failed, |v| Load::Ready(Arc::new(v)))
    }
}

impl<T> Load<T> {
    pub fn ready(&self) -> Option<Arc<T>> {
        match self {
            Load::Ready(v) => Some(v.clone()),
            _ => None,
        }
    }
}

/// Where the data files are, relative to the page.
pub const DATA: &str = "data";

async fn fetch_json<T: DeserializeOwned>(url: &str) -> Result<T, String> {
    let response = gloo_net::http::Request::get(url).send().await.map_err(|e| format!("{url}: {e}"))?;
    if !response.ok() {
        return Err(format!("{url}: the server answered {} {}", response.status(), response.status_text()));
    }
    let text = response.text().await.map_err(|e| format!("{url}: {e}"))?;
    serde_json::from_str(&text).map_err(|e| format!("{url}: not a valid data file ({e})"))
}

/// All loaded files.
#[derive(Clone, Copy)]
pub struct Store {
    pub manifest: RwSignal<Load<Manifest>>,
    pub boroughs: RwSignal<Load<GeoFile>>,
    /// Ward boundaries: `None` until a view needs them.
    pub wards: RwSignal<Option<Load<GeoFile>>>,
    /// Series files by file name.
    pub series: RwSignal<HashMap<String, Load<SeriesFile>>>,
    /// Stop-and-search files by file name.
    pub stops: RwSignal<HashMap<String, Load<StopsFile>>>,
    /// The stop-and-search cross-tabulation: `None` until a view needs it.
    pub cross: RwSignal<Option<Load<CrossFile>>>,
}

impl Store {
    /// A store holding the files of the first view: the manifest, the borough
    /// boundaries and the data file `first` (a crime series file, or a
    /// stop-and-search file when `stops`), fetched in parallel. The app is drawn
    /// once, with its data, instead of once empty and again when the files arrive.
    pub async fn first(first: &str, stops: bool) -> Store {
        let urls = [format!("{DATA}/manifest.json"), format!("{DATA}/boroughs.geo.json"), format!("{DATA}/{first}")];
        let store = |manifest: Result<Manifest, String>, boroughs: Result<GeoFile, String>| Store {
            manifest: RwSignal::new(manifest.into()),
            boroughs: RwSignal::new(boroughs.into()),
            wards: RwSignal::new(None),
            series: RwSignal::new(HashMap::new()),
            stops: RwSignal::new(HashMap::new()),
            cross: RwSignal::new(None),
        };
        if stops {
            let (manifest, boroughs, file) = futures::join!(
                fetch_json::<Manifest>(&urls[0]),
                fetch_json::<GeoFile>(&urls[1]),
                fetch_json::<StopsFile>(&urls[2]),
            );
            let store = store(manifest, boroughs);
            store.stops.set(HashMap::from([(first.to_string(), file.into())]));
            store
        } else {
            let (manifest, boroughs, file) = futures::join!(
                fetch_json::<Manifest>(&urls[0]),
                fetch_json::<GeoFile>(&urls[1]),
                fetch_json::<SeriesFile>(&urls[2]),
            );
            let store = store(manifest, boroughs);
            store.series.set(HashMap::from([(first.to_string(), file.into())]));
            store
        }
    }

    /// Requests the files every view needs.
    pub fn load_start(self) {
        self.manifest.set(Load::Loading);
        self.boroughs.set(Load::Loading);
        leptos::task::spawn_local(async move {
            let result = fetch_json::<Manifest>(&format!("{DATA}/manifest.json")).await;
            self.manifest.set(result.into());
        });
        leptos::task::spawn_local(async move {
            let result = fetch_json::<GeoFile>(&format!("{DATA}/boroughs.geo.json")).await;
            self.boroughs.set(result.into());
        });
    }

    /// Requests a series file unless it is loaded or loading.
    pub fn need_series(self, name: &str) {
        need(self.series, name);
    }

    /// Requests a stop-and-search file unless it is loaded or loading.
    pub fn need_stops(self, name: &str) {
        need(self.stops, name);
    }

    /// Requests the ward boundaries unless they are loaded or loading.
    pub fn need_wards(self) {
        need_one(self.wards, "wards.geo.json");
    }

    /// Requests the stop-and-search cross-tabulation unless it is loaded or loading.
    pub fn need_cross(self) {
        need_one(self.cross, crosstab::FILE);
    }

    /// Forgets failed files and requests everything needed again.
    pub fn retry(self) {
        if !matches!(self.manifest.get_untracked(), Load::Ready(_))
            || !matches!(self.boroughs.get_untracked(), Load::Ready(_))
        {
            self.load_start();
        }
        if matches!(self.wards.get_untracked(), Some(Load::Failed(_))) {
            self.wards.set(None);
        }
        if matches!(self.cross.get_untracked(), Some(Load::Failed(_))) {
            self.cross.set(None);
        }
        self.series.update(|s| s.retain(|_, v| !matches!(v, Load::Failed(_))));
        self.stops.update(|s| s.retain(|_, v| !matches!(v, Load::Failed(_))));
    }
}

/// Requests the data file `name` into `files` unless it is loaded or loading.
fn need<T: DeserializeOwned + Send + Sync + 'static>(files: RwSignal<HashMap<String, Load<T>>>, name: &str) {
    if files.with_untracked(|s| matches!(s.get(name), Some(Load::Ready(_) | Load::Loading))) {
        return;
    }
    let name = name.to_string();
    files.update(|s| {
        s.insert(name.clone(), Load::Loading);
    });
    leptos::task::spawn_local(async move {
        let result = fetch_json::<T>(&format!("{DATA}/{name}")).await;
        files.update(|s| {
            s.insert(name, result.into());
        });
    });
}

/// Requests the one data file `name` into `file` unless it is loaded or loading.
fn need_one<T: DeserializeOwned + Send + Sync + 'static>(file: RwSignal<Option<Load<T>>>, name: &'static str) {
    if file.with_untracked(|f| matches!(f, Some(Load::Ready(_) | Load::Loading))) {
        return;
    }
    file.set(Some(Load::Loading));
    leptos::task::spawn_local(async move {
        let result = fetch_json::<T>(&format!("{DATA}/{name}")).await;
        file.set(Some(result.into()));
    });
}
