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
#[derive(Clone, Debug)]
pub enum Load<T> {
    Loading,
    Ready(Arc<T>),
    Failed(String),
}

/// Two loads are the same when they hold the same loaded file: a memo of
/// loads then compares pointers, not every figure of two series files.
impl<T> PartialEq for Load<T> {
    fn eq(&self, other: &Load<T>) -> bool {
        match (self, other) {
            (Load::Loading, Load::Loading) => true,
            (Load::Ready(a), Load::Ready(b)) => Arc::ptr_eq(a, b),
            (Load::Failed(a), Load::Failed(b)) => a == b,
            _ => false,
        }
    }
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

/// A data file's text, or `None` when the server has no such file: a 404, or
/// the page itself that a single-page server answers instead. Fetching is
/// not generic: one copy of it serves every kind of file, which is read
/// after with [`parse`].
async fn fetch_text(url: &str) -> Result<Option<String>, String> {
    let response = gloo_net::http::Request::get(url).send().await.map_err(|e| format!("{url}: {e}"))?;
    let html = response.headers().get("content-type").is_some_and(|t| t.starts_with("text/html"));
    if response.status() == 404 || (response.ok() && html) {
        return Ok(None);
    }
    if !response.ok() {
        return Err(format!("{url}: the server answered {} {}", response.status(), response.status_text()));
    }
    response.text().await.map(Some).map_err(|e| format!("{url}: {e}"))
}

/// A data file's text, where a missing file is an error.
async fn fetch_required(url: &str) -> Result<String, String> {
    fetch_text(url).await?.ok_or_else(|| format!("{url}: the server has no such file (404 Not Found)"))
}

/// A data file read from its text.
fn parse<T: DeserializeOwned>(url: &str, text: &str) -> Result<T, String> {
    serde_json::from_str(text).map_err(|e| format!("{url}: not a valid data file ({e})"))
}

/// Where a first file must be read again, if it is not the manifest's. The
/// first files are fetched with the manifest, before its release is known: a
/// release published between the requests could give a file of another
/// release. One whose SHA-256 is not the one the manifest gives it is read
/// again from the folder of the manifest's own release. Only the first view's
/// files are hashed, once: every later file is read from that folder already.
fn read_again(text: &str, name: &str, manifest: Option<&Manifest>) -> Option<String> {
    let m = manifest?;
    let hex = |bytes: &[u8]| bytes.iter().map(|b| format!("{b:02x}")).collect::<String>();
    let output = m.outputs.iter().find(|o| o.path == name)?;
    (output.sha256 != hex(&sha2::Sha256::digest(text.as_bytes())))
        .then(|| format!("{DATA}/{}/{name}", release_folder(&m.release)))
}

/// A first file, parsed, and read again from the manifest's release when it
/// is of another ([`read_again`]).
async fn first_file<T: DeserializeOwned>(
    fetched: Result<String, String>,
    url: &str,
    name: &str,
    manifest: Option<&Manifest>,
) -> Result<T, String> {
    let text = fetched?;
    let value = parse(url, &text)?;
    match read_again(&text, name, manifest) {
        Some(again) => parse(&again, &fetch_required(&again).await?),
        None => Ok(value),
    }
}

/// The first view's one or two data files (the borough file, and the ward
/// file for a view of wards), fetched together.
async fn fetch_first(urls: &[String]) -> Vec<Result<String, String>> {
    match urls {
        [one] => vec![fetch_required(one).await],
        [borough, ward] => {
            let (borough, ward) = futures::join!(fetch_required(borough), fetch_required(ward));
            vec![borough, ward]
        }
        _ => Vec::new(),
    }
}

/// The id of the latest data release on the server, read past any cache.
pub async fn latest_release() -> Result<Option<String>, String> {
    #[derive(serde::Deserialize)]
    struct ReleaseOnly {
        release: String,
    }
    let url = format!("{DATA}/manifest.json?checked={}", js_sys::Date::now() as u64);
    match fetch_text(&url).await? {
        Some(text) => Ok(Some(parse::<ReleaseOnly>(&url, &text)?.release)),
        None => Ok(None),
    }
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
        let (manifest_url, boroughs_url, wards_url) = (url("manifest.json"), url("boroughs.geo.json"), url(WARDS_GEO));
        let wards = async {
            match first.wards {
                true => Some(fetch_required(&wards_url).await),
                false => None,
            }
        };
        // Each file is read as its kind: crime series, or stop and search.
        let of_kind = |stops: bool| first.files.iter().filter(move |_| first.stops == stops);
        let urls = |stops: bool| of_kind(stops).map(|name| url(name)).collect::<Vec<_>>();
        let (series_urls, stops_urls) = (urls(false), urls(true));
        let (manifest, boroughs, wards, series, stops) = futures::join!(
            fetch_text(&manifest_url),
            fetch_required(&boroughs_url),
            wards,
            fetch_first(&series_urls),
            fetch_first(&stops_urls)
        );
        let gone = matches!(manifest, Ok(None));
        let manifest = manifest
            .and_then(|m| m.ok_or_else(|| format!("{manifest_url}: the server has no such file (404 Not Found)")))
            .and_then(|text| parse::<Manifest>(&manifest_url, &text));
        let known = manifest.as_ref().ok().filter(|_| base == DATA);
        let boroughs = first_file::<GeoFile>(boroughs, &boroughs_url, "boroughs.geo.json", known).await;
        let wards = match wards {
            Some(w) => Some(first_file::<GeoFile>(w, &wards_url, WARDS_GEO, known).await),
            None => None,
        };
        let mut checked_series = Vec::new();
        for ((name, url), fetched) in of_kind(false).zip(&series_urls).zip(series) {
            checked_series.push(first_file::<SeriesFile>(fetched, url, name, known).await);
        }
        let mut checked_stops = Vec::new();
        for ((name, url), fetched) in of_kind(true).zip(&stops_urls).zip(stops) {
            checked_stops.push(first_file::<StopsFile>(fetched, url, name, known).await);
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
            let url = self.url("manifest.json");
            let result = fetch_required(&url).await.and_then(|text| parse::<Manifest>(&url, &text));
            self.manifest.set(result.into());
        });
        leptos::task::spawn_local(async move {
            let url = self.url("boroughs.geo.json");
            let result = fetch_required(&url).await.and_then(|text| parse::<GeoFile>(&url, &text));
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
        let url = store.url(&name);
        let result = fetch_required(&url).await.and_then(|text| parse::<T>(&url, &text));
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
        let url = store.url(name);
        let result = fetch_required(&url).await.and_then(|text| parse::<T>(&url, &text));
        file.set(Some(result.into()));
    });
}
