//! Fetching the app's data files, once each, into signals.
//!
//! Files are requested lazily: the manifest, the borough boundaries and the
//! data files the address asks for (with the ward file and boundaries for a
//! view of wards) before the app is first drawn ([`Store::first`]), each
//! other data file when a view first needs it, and the ward boundaries when
//! the map first shows wards. A failed request
//! leaves a [`Load::Failed`] with a message for the error panel; "try again"
//! simply requests it anew.
//!
//! A view pinned to a data release (`release=<id>`) reads every file from
//! that release's folder; when the folder is gone, the latest release is
//! read instead and the URL state explains why.

use leptos::prelude::*;
use met_core::data::dataset::{release_folder, GeoFile, Manifest, SeriesFile, WARDS_GEO};
use met_core::explain::glossary::{self, Term};
use met_core::stops::crosstab::{self, CrossFile};
use met_core::stops::stop_search::StopsFile;
use serde::de::DeserializeOwned;
use sha2::Digest;
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

/// Where the latest release's data files are, relative to the page.
pub const DATA: &str = "data";

/// A data file, or `None` when the server has no such file: a 404, or the
/// page itself that a single-page server answers instead.
async fn fetch_json_or_missing<T: DeserializeOwned>(url: &str) -> Result<Option<T>, String> {
    Ok(fetch_with_text(url).await?.map(|(value, _)| value))
}

/// A data file with its text, or `None` as [`fetch_json_or_missing`].
async fn fetch_with_text<T: DeserializeOwned>(url: &str) -> Result<Option<(T, String)>, String> {
    let response = gloo_net::http::Request::get(url).send().await.map_err(|e| format!("{url}: {e}"))?;
    let html = response.headers().get("content-type").is_some_and(|t| t.starts_with("text/html"));
    if response.status() == 404 || (response.ok() && html) {
        return Ok(None);
    }
    if !response.ok() {
        return Err(format!("{url}: the server answered {} {}", response.status(), response.status_text()));
    }
    let text = response.text().await.map_err(|e| format!("{url}: {e}"))?;
    let value = serde_json::from_str(&text).map_err(|e| format!("{url}: not a valid data file ({e})"))?;
    Ok(Some((value, text)))
}

/// A first file as the manifest fetched with it knows it. A release published
/// between the two requests could give a file of another release: one whose
/// SHA-256 is not the one the manifest gives it is read again from the folder
/// of the manifest's own release. Only the first view's files are hashed, once:
/// every later file is read from that folder already.
async fn of_release<T: DeserializeOwned>(
    fetched: Result<(T, String), String>,
    name: &str,
    manifest: Option<&Manifest>,
) -> Result<T, String> {
    let (value, text) = fetched?;
    let Some(m) = manifest else { return Ok(value) };
    let hex = |bytes: &[u8]| bytes.iter().map(|b| format!("{b:02x}")).collect::<String>();
    match m.outputs.iter().find(|o| o.path == name) {
        Some(o) if o.sha256 != hex(&sha2::Sha256::digest(text.as_bytes())) => {
            fetch_json(&format!("{DATA}/{}/{name}", release_folder(&m.release))).await
        }
        _ => Ok(value),
    }
}

async fn fetch_json_with_text<T: DeserializeOwned>(url: &str) -> Result<(T, String), String> {
    fetch_with_text(url).await?.ok_or_else(|| format!("{url}: the server has no such file (404 Not Found)"))
}

/// The first view's one or two data files (the borough file, and the ward
/// file for a view of wards), fetched together.
async fn fetch_first<T: DeserializeOwned>(urls: &[String]) -> Vec<Result<(T, String), String>> {
    match urls {
        [one] => vec![fetch_json_with_text(one).await],
        [borough, ward] => {
            let (borough, ward) = futures::join!(fetch_json_with_text(borough), fetch_json_with_text(ward));
            vec![borough, ward]
        }
        _ => Vec::new(),
    }
}

async fn fetch_json<T: DeserializeOwned>(url: &str) -> Result<T, String> {
    fetch_json_or_missing(url).await?.ok_or_else(|| format!("{url}: the server has no such file (404 Not Found)"))
}

/// The id of the latest data release on the server, read past any cache.
pub async fn latest_release() -> Result<Option<String>, String> {
    #[derive(serde::Deserialize)]
    struct ReleaseOnly {
        release: String,
    }
    let url = format!("{DATA}/manifest.json?checked={}", js_sys::Date::now() as u64);
    Ok(fetch_json_or_missing::<ReleaseOnly>(&url).await?.map(|m| m.release))
}

/// The files of the first view, requested with the manifest before the app
/// is drawn.
pub struct FirstFiles {
    /// Crime series files, or stop-and-search files when `stops`: the
    /// borough file, and the ward file for a view of wards.
    pub files: Vec<String>,
    pub stops: bool,
    /// Whether the view shows today's wards (their boundaries are needed).
    pub wards: bool,
}

/// All loaded files.
#[derive(Clone, Copy)]
pub struct Store {
    /// The folder the files are read from: [`DATA`] or a release's folder in it.
    base: StoredValue<String>,
    pub manifest: RwSignal<Load<Manifest>>,
    pub boroughs: RwSignal<Load<GeoFile>>,
    /// Ward boundaries by file name (today's, or an older vintage's), each
    /// requested when a view first needs it.
    pub wards: RwSignal<HashMap<String, Load<GeoFile>>>,
    /// Series files by file name.
    pub series: RwSignal<HashMap<String, Load<SeriesFile>>>,
    /// Stop-and-search files by file name.
    pub stops: RwSignal<HashMap<String, Load<StopsFile>>>,
    /// The stop-and-search cross-tabulation: `None` until a view needs it.
    pub cross: RwSignal<Option<Load<CrossFile>>>,
    /// The definitions (`glossary.json`): `None` until one is asked for.
    pub glossary: RwSignal<Option<Load<Vec<Term>>>>,
}

impl Store {
    /// A store holding the files of the first view, fetched in parallel:
    /// the manifest, the borough boundaries and the data files of `first`,
    /// from the folder of `release` if given, else (or when that folder is
    /// gone) the latest. The app is drawn once, with its data, instead of once
    /// empty and again when the files arrive.
    pub async fn first(first: &FirstFiles, release: Option<String>) -> Store {
        if let Some(id) = release {
            let (store, missing) = Store::first_from(format!("{DATA}/{}", release_folder(&id)), first).await;
            if !missing {
                return store;
            }
        }
        Store::first_from(DATA.to_string(), first).await.0
    }

    /// The first view's files from `base`, and whether it has no manifest.
    async fn first_from(base: String, first: &FirstFiles) -> (Store, bool) {
        let url = |name: &str| format!("{base}/{name}");
        let manifest_url = url("manifest.json");
        let manifest = fetch_json_or_missing::<Manifest>(&manifest_url);
        let boroughs_url = url("boroughs.geo.json");
        let boroughs = fetch_json_with_text::<GeoFile>(&boroughs_url);
        let wards = async {
            match first.wards {
                true => Some(fetch_json_with_text::<GeoFile>(&url(WARDS_GEO)).await),
                false => None,
            }
        };
        // Each file is read as its kind: crime series, or stop and search.
        let of_kind = |stops: bool| first.files.iter().filter(move |_| first.stops == stops);
        let urls = |stops: bool| of_kind(stops).map(|name| url(name)).collect::<Vec<_>>();
        let (series_urls, stops_urls) = (urls(false), urls(true));
        let series = fetch_first::<SeriesFile>(&series_urls);
        let stops = fetch_first::<StopsFile>(&stops_urls);
        let (manifest, boroughs, wards, series, stops) = futures::join!(manifest, boroughs, wards, series, stops);
        let gone = matches!(manifest, Ok(None));
        let manifest = manifest
            .and_then(|m| m.ok_or_else(|| format!("{manifest_url}: the server has no such file (404 Not Found)")));
        let known = manifest.as_ref().ok().filter(|_| base == DATA);
        let boroughs = of_release(boroughs, "boroughs.geo.json", known).await;
        let wards = match wards {
            Some(w) => Some(of_release(w, WARDS_GEO, known).await),
            None => None,
        };
        let mut checked_series = Vec::new();
        for (name, fetched) in of_kind(false).zip(series) {
            checked_series.push(of_release(fetched, name, known).await);
        }
        let mut checked_stops = Vec::new();
        for (name, fetched) in of_kind(true).zip(stops) {
            checked_stops.push(of_release(fetched, name, known).await);
        }
        let (series, stops) = (checked_series, checked_stops);
        // Every later file of the session comes from the folder of the release
        // the manifest names (`prepare` writes the latest release there too), so
        // files published after the page was opened never join this manifest's.
        let base = match &manifest {
            Ok(m) if base == DATA => format!("{DATA}/{}", release_folder(&m.release)),
            _ => base,
        };
        let store = Store::first_from_parts(base, manifest, boroughs);
        if let Some(wards) = wards {
            store.wards.set(HashMap::from([(WARDS_GEO.to_string(), wards.into())]));
        }
        store.series.set(of_kind(false).cloned().zip(series.into_iter().map(Load::from)).collect());
        store.stops.set(of_kind(true).cloned().zip(stops.into_iter().map(Load::from)).collect());
        (store, gone)
    }

    fn first_from_parts(base: String, manifest: Result<Manifest, String>, boroughs: Result<GeoFile, String>) -> Store {
        Store {
            base: StoredValue::new(base),
            manifest: RwSignal::new(manifest.into()),
            boroughs: RwSignal::new(boroughs.into()),
            wards: RwSignal::new(HashMap::new()),
            series: RwSignal::new(HashMap::new()),
            stops: RwSignal::new(HashMap::new()),
            cross: RwSignal::new(None),
            glossary: RwSignal::new(None),
        }
    }

    /// The URL of the data file `name`.
    fn url(self, name: &str) -> String {
        format!("{}/{name}", self.base.with_value(String::clone))
    }

    /// Requests the files every view needs.
    pub fn load_start(self) {
        self.manifest.set(Load::Loading);
        self.boroughs.set(Load::Loading);
        leptos::task::spawn_local(async move {
            let result = fetch_json::<Manifest>(&self.url("manifest.json")).await;
            self.manifest.set(result.into());
        });
        leptos::task::spawn_local(async move {
            let result = fetch_json::<GeoFile>(&self.url("boroughs.geo.json")).await;
            self.boroughs.set(result.into());
        });
    }

    /// Requests a series file unless it is loaded or loading.
    pub fn need_series(self, name: &str) {
        need(self, self.series, name);
    }

    /// Requests a stop-and-search file unless it is loaded or loading.
    pub fn need_stops(self, name: &str) {
        need(self, self.stops, name);
    }

    /// Requests the ward boundaries file `name` unless it is loaded or loading.
    pub fn need_wards(self, name: &str) {
        need(self, self.wards, name);
    }

    /// Requests the stop-and-search cross-tabulation unless it is loaded or loading.
    pub fn need_cross(self) {
        need_one(self, self.cross, crosstab::FILE);
    }

    /// Requests the definitions unless they are loaded or loading.
    pub fn need_glossary(self) {
        need_one(self, self.glossary, glossary::FILE);
    }

    /// Forgets failed files and requests everything needed again.
    /// The names of the files on their way, in a fixed order.
    pub fn loading(self) -> Vec<String> {
        fn waiting<T>(files: &HashMap<String, Load<T>>) -> Vec<String> {
            let mut names: Vec<String> =
                files.iter().filter(|(_, l)| matches!(l, Load::Loading)).map(|(n, _)| n.clone()).collect();
            names.sort();
            names
        }
        let mut names = Vec::new();
        if matches!(self.manifest.get(), Load::Loading) {
            names.push("manifest.json".to_string());
        }
        if matches!(self.boroughs.get(), Load::Loading) {
            names.push("boroughs.geo.json".to_string());
        }
        names.extend(self.wards.with(waiting));
        names.extend(self.series.with(waiting));
        names.extend(self.stops.with(waiting));
        if matches!(self.cross.get(), Some(Load::Loading)) {
            names.push(crosstab::FILE.to_string());
        }
        if matches!(self.glossary.get(), Some(Load::Loading)) {
            names.push(glossary::FILE.to_string());
        }
        names
    }

    pub fn retry(self) {
        if !matches!(self.manifest.get_untracked(), Load::Ready(_))
            || !matches!(self.boroughs.get_untracked(), Load::Ready(_))
        {
            self.load_start();
        }
        if matches!(self.cross.get_untracked(), Some(Load::Failed(_))) {
            self.cross.set(None);
        }
        if matches!(self.glossary.get_untracked(), Some(Load::Failed(_))) {
            self.glossary.set(None);
        }
        self.series.update(|s| s.retain(|_, v| !matches!(v, Load::Failed(_))));
        self.wards.update(|s| s.retain(|_, v| !matches!(v, Load::Failed(_))));
        self.stops.update(|s| s.retain(|_, v| !matches!(v, Load::Failed(_))));
    }
}

/// Requests the data file `name` into `files` unless it is loaded or loading.
fn need<T: DeserializeOwned + Send + Sync + 'static>(
    store: Store,
    files: RwSignal<HashMap<String, Load<T>>>,
    name: &str,
) {
    if files.with_untracked(|s| matches!(s.get(name), Some(Load::Ready(_) | Load::Loading))) {
        return;
    }
    let name = name.to_string();
    files.update(|s| {
        s.insert(name.clone(), Load::Loading);
    });
    leptos::task::spawn_local(async move {
        let result = fetch_json::<T>(&store.url(&name)).await;
        files.update(|s| {
            s.insert(name, result.into());
        });
    });
}

/// Requests the one data file `name` into `file` unless it is loaded or loading.
fn need_one<T: DeserializeOwned + Send + Sync + 'static>(
    store: Store,
    file: RwSignal<Option<Load<T>>>,
    name: &'static str,
) {
    if file.with_untracked(|f| matches!(f, Some(Load::Ready(_) | Load::Loading))) {
        return;
    }
    file.set(Some(Load::Loading));
    leptos::task::spawn_local(async move {
        let result = fetch_json::<T>(&store.url(name)).await;
        file.set(Some(result.into()));
    });
}
