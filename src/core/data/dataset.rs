//! The app's data files: what `prepare` writes and the app reads.
//!
//! * `manifest.json` ([`Manifest`]): datasets, releases, periods, categories,
//!   areas with population, and the sha256 of every input and output.
//! * `crime-<level>-<major>.json` ([`SeriesFile`]): monthly counts for one major
//!   category (its total and each minor category) for every area of a level;
//!   `crime-<level>-all.json` holds the total of all categories.
//! * `<level>s.geo.json` ([`GeoFile`]): simplified boundaries as SVG paths.
//!
//! Files are fetched lazily: the first view needs the manifest, the borough
//! boundaries and one series file.

use crate::data::figure::Figure;
use crate::data::month::{Month, Period};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// Version of the file formats below; bump when a reader would misread old files.
pub const SCHEMA: u32 = 1;

/// A geographic level of the data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Borough,
    Ward,
}

impl Level {
    pub fn id(self) -> &'static str {
        match self {
            Level::Borough => "borough",
            Level::Ward => "ward",
        }
    }
}

/// What an area is, which decides how it is drawn and counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AreaKind {
    /// A London borough or ward policed by the Met.
    Area,
    /// A row of the MPS files that is not a place on the map (e.g. `Unknown`):
    /// counted in London totals, listed separately in tables.
    Pseudo,
    /// On the map but not policed by the Met (the City of London).
    NotPoliced,
}

/// One area of a level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Area {
    /// GSS code (`E09…`, `E05…`) or, for pseudo-areas, a code of ours (`MPS-…`).
    pub code: String,
    pub name: String,
    pub level: Level,
    pub kind: AreaKind,
    /// For wards, the code of their borough.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub borough: Option<String>,
    /// Usual residents at Census 2021, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<u32>,
    /// Other names the publishers use for this area (e.g. the MPS name of a
    /// ward that ONS has renamed), so a search finds it by either.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

/// One category, major or minor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Category {
    /// `all`, `burglary` or `burglary/res-burglary-of-a-home`.
    pub id: String,
    /// The name as the newest release spells it.
    pub name: String,
    /// What it counts in plain words, from the committed category table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plain: Option<String>,
    /// For a minor category, the id of its major category.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// The data file holding this category, per level.
    pub file: String,
}

/// One published release of a source file that went into the data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Release {
    /// E.g. `crime-borough-2025-12`: the level and the newest month it covers.
    pub id: String,
    pub level: Level,
    /// Path of the input file, relative to the source folder.
    pub file: String,
    pub period: Period,
    pub rows: usize,
    /// Months of this release used in the merged series (newest release wins).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub months_used: Vec<Period>,
    /// Months of this release that looked incomplete (a stub), London-wide or
    /// in one area, and what was shown instead (see `merge`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub incomplete: Vec<IncompleteMonth>,
}

/// A month of a release that looked incomplete: far below the release's
/// neighbouring months, or below the same month in an older release. It never
/// replaces a complete figure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncompleteMonth {
    pub month: Month,
    /// The area judged, or `None` when London's total was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<String>,
    /// All crimes that month in this release (London's, or the area's).
    pub total: u64,
    /// What the neighbouring months or the older release led to expect.
    pub expected: u64,
    /// The release whose complete figure is shown instead; `None` when no
    /// release covers the month completely, so no figure is shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub used: Option<String>,
}

impl Release {
    /// Whether London's total of `month` in this release looked incomplete.
    pub fn incomplete_in_london(&self, month: Month) -> bool {
        self.incomplete.iter().any(|i| i.area.is_none() && i.month == month)
    }
}

/// A file and its checksum.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FileHash {
    pub path: String,
    pub bytes: u64,
    pub sha256: String,
}

/// One dataset at one level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    pub id: String,
    pub title: String,
    pub level: Level,
    pub period: Period,
    pub publisher: String,
    pub licence: String,
    pub source_url: String,
    /// Months where the categories change between the publisher's files.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub breaks: Vec<SeriesBreak>,
}

/// A month where the series passes from files of the older classification of
/// crimes (2008 to 2016) to today's: the figures of `categories` either side
/// count different offences.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeriesBreak {
    /// The first month of the newer classification.
    pub month: Month,
    /// The category ids whose figures either side are not comparable.
    pub categories: Vec<String>,
}

/// What one publisher file (release) changed in the one before it: how many
/// figures (a month of a category in an area), in which months, and London's
/// total of all crimes for each of those months in the two files.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevisionSummary {
    /// The newer release's id (see [`Release::id`]).
    pub release: String,
    pub previous: String,
    pub cells: usize,
    pub areas: usize,
    pub categories: usize,
    pub months: Vec<MonthRevision>,
}

/// The revisions of one month between two releases.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthRevision {
    pub month: Month,
    /// Figures of this month that changed.
    pub cells: usize,
    /// London's total of all crimes this month in the older file, and in the newer.
    pub before: u64,
    pub after: u64,
}

/// `manifest.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    pub schema: u32,
    pub datasets: Vec<Dataset>,
    pub releases: Vec<Release>,
    pub categories: Vec<Category>,
    pub areas: Vec<Area>,
    /// Number of (month, area, category) cells that a newer release revised.
    pub revisions: usize,
    pub inputs: Vec<FileHash>,
    pub outputs: Vec<FileHash>,
    /// The stop-and-search data, when published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stops: Option<StopsDataset>,
    /// What each publisher file changed in the one before it, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<RevisionSummary>,
    /// This data release's id: the first 12 hex digits of a hash of its output
    /// files, so the same figures always have the same id. `prepare` keeps
    /// every release's files under `releases/<id>/`; a link with `release=<id>`
    /// shows that release's figures (see [`release_folder`]).
    #[serde(default)]
    pub release: String,
    /// The ward vintage (`wards::Vintage::id`) of `areas`' wards and of the
    /// `crime-ward-*` files, when there are wards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ward_vintage: Option<String>,
    /// Ward figures published on the wards of earlier vintages, kept apart.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub older_wards: Vec<WardVintage>,
    /// Set only in the view of an older vintage ([`Manifest::for_older_wards`]):
    /// its id, which names the ward files the view reads. Never in a file.
    #[serde(skip)]
    pub older_view: Option<String>,
}

/// Ward figures on an earlier vintage of wards than the current one: different
/// places, so they are never merged into the current wards' list, map or series.
/// Their files are `crime-ward-<id>-<major>.json`, `majors-ward-<id>.json` and,
/// when a boundary file of the vintage was found, `wards-<id>.geo.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WardVintage {
    /// `wards::Vintage::id`, e.g. `2018`.
    pub id: String,
    /// For people: "the wards of May 2018 to May 2022".
    pub name: String,
    /// The months of crime figures on these wards.
    pub period: Period,
    /// Its wards, each with its borough.
    pub areas: Vec<Area>,
    /// Whether its boundaries are published.
    pub boundaries: bool,
}

/// What the manifest says about the stop-and-search files, so a link can be
/// checked before they are loaded.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StopsDataset {
    pub title: String,
    /// The months the files cover.
    pub period: Period,
    /// The fixed 12-month periods with counts by dimension, newest first.
    pub periods: Vec<Period>,
    /// Months whose police.uk file covers only some days.
    pub partial: Vec<crate::data::month::PartialMonth>,
    pub publisher: String,
    pub licence: String,
    pub source_url: String,
}

impl StopsDataset {
    /// The latest 12 whole months (or fewer, if fewer are published): the
    /// months the stop-and-search view adds up when no whole year from April
    /// to March is published. A month whose file covers only some days ends
    /// the run, so it is never added in. `None` if every month is partial.
    pub fn latest_whole_months(&self) -> Option<Period> {
        let partial = |m: Month| self.partial.iter().any(|p| p.month == m);
        let mut to = self.period.to;
        while partial(to) {
            if to == self.period.from {
                return None;
            }
            to = to.plus_months(-1);
        }
        let mut from = to;
        while from > self.period.from && from.months_through(to) < 12 && !partial(from.plus_months(-1)) {
            from = from.plus_months(-1);
        }
        Some(Period::new(from, to))
    }
}

impl Manifest {
    /// A category's name for labels: "All crimes", "Burglary", "Res burglary of a home".
    pub fn category_label(&self, id: &str) -> String {
        if id == crate::crime::category::ALL {
            return "All crimes".to_string();
        }
        self.category(id).map_or_else(|| id.to_string(), |c| crate::crime::category::sentence_case(&c.name))
    }

    /// What this release holds, for a reader: "crime figures to June 2026 and
    /// stop-and-search figures to August 2024".
    pub fn release_contents(&self) -> String {
        let crime = self.dataset(Level::Borough).map(|d| format!("crime figures to {}", d.period.to.long_name()));
        let stops = self.stops.as_ref().map(|s| format!("stop-and-search figures to {}", s.period.to.long_name()));
        match (crime, stops) {
            (Some(c), Some(s)) => format!("{c} and {s}"),
            (Some(one), None) | (None, Some(one)) => one,
            (None, None) => "no figures".to_string(),
        }
    }

    /// The name of a category, major or minor, in its official spelling.
    pub fn category_name(&self, id: &str) -> String {
        if id == crate::crime::category::ALL {
            return "All crimes".to_string();
        }
        self.category(id).map_or_else(|| id.to_string(), |c| crate::crime::category::sentence_case(&c.name))
    }

    /// The noun phrase for a category in sentences: ("burglary offence", "burglary offences").
    pub fn category_noun(&self, id: &str) -> (String, String) {
        if id == crate::crime::category::ALL {
            return ("crime".into(), "crimes".into());
        }
        let name = self.category_name(id).to_lowercase();
        (format!("{name} offence"), format!("{name} offences"))
    }

    /// The population of London as the Met polices it: all Met boroughs.
    pub fn london_population(&self) -> Option<u32> {
        self.areas_of(Level::Borough).filter(|a| a.kind == AreaKind::Area).map(|a| a.population).sum()
    }

    /// The source line shown under every crime chart, table and download.
    pub fn crime_source_line(&self) -> String {
        let latest = self.dataset(Level::Borough).map(|d| d.period.to.long_name()).unwrap_or_default();
        format!(
            "Source: Metropolitan Police Service, MPS Recorded Crime: Geographic Breakdown (London Datastore), data to {latest}. \
             Population: ONS Census 2021. Open Government Licence v3.0."
        )
    }

    pub fn dataset(&self, level: Level) -> Option<&Dataset> {
        self.datasets.iter().find(|d| d.level == level)
    }

    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    pub fn area(&self, code: &str) -> Option<&Area> {
        self.areas.iter().find(|a| a.code == code)
    }

    pub fn areas_of(&self, level: Level) -> impl Iterator<Item = &Area> {
        self.areas.iter().filter(move |a| a.level == level)
    }

    /// The wards of a borough.
    pub fn wards_of<'a>(&'a self, borough: &'a str) -> impl Iterator<Item = &'a Area> {
        self.areas_of(Level::Ward).filter(move |a| a.borough.as_deref() == Some(borough))
    }

    /// This manifest as a view of the older ward vintage `id`: the boroughs
    /// with that vintage's wards instead of today's, the months of its ward
    /// figures, and the categories its files have; its ward files are read
    /// ([`Manifest::series_file`]). `None` if no such vintage is published.
    pub fn for_older_wards(&self, id: &str) -> Option<Manifest> {
        let vintage = self.older_wards.iter().find(|v| v.id == id)?;
        let mut view = self.clone();
        view.areas.retain(|a| a.level != Level::Ward);
        view.areas.extend(vintage.areas.iter().cloned());
        for d in view.datasets.iter_mut().filter(|d| d.level == Level::Ward) {
            d.period = vintage.period;
            d.title = format!("{} ({})", d.title, vintage.name);
            d.breaks.clear();
        }
        view.ward_vintage = Some(id.to_string());
        view.older_view = Some(id.to_string());
        let files: BTreeSet<&str> = self.outputs.iter().map(|f| f.path.as_str()).collect();
        let has = |major: &str| files.contains(format!("crime-ward-{id}-{major}.json").as_str());
        view.categories.retain(|c| has(crate::crime::category::major_of(&c.id)));
        Some(view)
    }

    /// The series file of a category at a level (of the older vintage in its view).
    pub fn series_file(&self, level: Level, category_id: &str) -> String {
        match (&self.older_view, level) {
            (Some(v), Level::Ward) => format!("crime-ward-{v}-{}.json", crate::crime::category::major_of(category_id)),
            _ => series_file_name(level, category_id),
        }
    }

    /// The file of every major category's total at a level (of the older vintage in its view).
    pub fn majors_file(&self, level: Level) -> String {
        match (&self.older_view, level) {
            (Some(v), Level::Ward) => format!("majors-ward-{v}.json"),
            _ => majors_file_name(level),
        }
    }

    /// The ward boundaries' file, or `None` when the older vintage in view has none.
    pub fn wards_geo_file(&self) -> Option<String> {
        match &self.older_view {
            Some(v) => self
                .older_wards
                .iter()
                .find(|w| &w.id == v)
                .filter(|w| w.boundaries)
                .map(|_| format!("wards-{v}.geo.json")),
            None => Some(WARDS_GEO.to_string()),
        }
    }

    /// The months whose newest release covered them only in part, London-wide
    /// (so their figure, if any, comes from an older release).
    pub fn incomplete_months(&self) -> Vec<Month> {
        let newest_covering = |r: &Release, month: Month| {
            !self.releases.iter().any(|o| o.level == r.level && o.period.to > r.period.to && o.period.contains(month))
        };
        let mut out: Vec<Month> = self
            .releases
            .iter()
            .flat_map(|r| r.incomplete.iter().filter(|i| i.area.is_none()).map(move |i| (r, i.month)))
            .filter(|(r, month)| newest_covering(r, *month))
            .map(|(_, month)| month)
            .collect();
        out.sort();
        out.dedup();
        out
    }
}

/// Today's ward boundaries.
pub const WARDS_GEO: &str = "wards.geo.json";

/// Whether `id` has the form of a release id (12 lowercase hex digits), so it
/// can name a folder.
pub fn is_release_id(id: &str) -> bool {
    id.len() == RELEASE_ID_LEN && id.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// The length of a release id.
pub const RELEASE_ID_LEN: usize = 12;

/// The folder, relative to the data folder, that keeps release `id`'s files.
pub fn release_folder(id: &str) -> String {
    format!("releases/{id}")
}

/// The file with the total of every major category at a level: `majors-ward.json`.
pub fn majors_file_name(level: Level) -> String {
    format!("majors-{}.json", level.id())
}

/// The series file holding a category at a level: `crime-ward-burglary.json`.
pub fn series_file_name(level: Level, category_id: &str) -> String {
    format!("crime-{}-{}.json", level.id(), crate::crime::category::major_of(category_id))
}

/// Monthly counts of one category for every area of one level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CategorySeries {
    pub category: String,
    /// `values[area][month]`: a count, or `null` when not published.
    pub values: Vec<Vec<Option<u32>>>,
    /// `revised[area]`: the months (indices, as in `values`) whose figure the
    /// level's latest publisher file revised. Empty when it revised none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub revised: Vec<Vec<u16>>,
}

/// `crime-<level>-<major>.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SeriesFile {
    pub schema: u32,
    pub level: Level,
    /// The month of index 0 of every values row.
    pub first: Month,
    pub months: usize,
    /// Area codes in the order of every `values` list.
    pub areas: Vec<String>,
    pub series: Vec<CategorySeries>,
}

impl SeriesFile {
    pub fn period(&self) -> Period {
        Period::new(self.first, self.first.plus_months(i32::try_from(self.months).unwrap_or(1) - 1))
    }

    pub fn series(&self, category: &str) -> Option<&CategorySeries> {
        self.series.iter().find(|s| s.category == category)
    }

    /// Area code → row index, for reading many areas at once.
    pub fn index(&self) -> std::collections::HashMap<&str, usize> {
        self.areas.iter().enumerate().map(|(i, a)| (a.as_str(), i)).collect()
    }

    /// For each month of `period`, whether the latest publisher file revised
    /// the figure of `category` in row `row`, or in any row when `row` is `None`
    /// (London's total).
    pub fn row_revised(&self, category: &str, row: Option<usize>, period: Period) -> Vec<bool> {
        let mut flags = vec![false; period.len()];
        let Some(series) = self.series(category) else { return flags };
        let rows: Vec<&Vec<u16>> = match row {
            Some(r) => series.revised.get(r).into_iter().collect(),
            None => series.revised.iter().collect(),
        };
        for &i in rows.into_iter().flatten() {
            let month = self.first.plus_months(i32::from(i));
            if period.contains(month) {
                flags[usize::try_from(month.index() - period.from.index()).unwrap_or(0)] = true;
            }
        }
        flags
    }

    /// The figures of one row of `series` over a period, month by month
    /// (missing outside the file, or when there is no such series or row).
    pub fn cells<'s>(
        &'s self,
        series: Option<&'s CategorySeries>,
        row: Option<usize>,
        period: Period,
    ) -> impl Iterator<Item = Figure> + 's {
        let values = row.and_then(|r| series.and_then(|s| s.values.get(r)));
        let start = period.from.index() - self.first.index();
        (start..start + period.len() as i32).map(move |i| {
            let i = usize::try_from(i).ok();
            Figure::from_cell(values.and_then(|v| v.get(i?)).copied().flatten())
        })
    }
}

/// `<level>s.geo.json`: boundaries projected to British National Grid, shifted
/// and scaled to a `width` × `height` box with y pointing down, ready for SVG.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GeoFile {
    pub schema: u32,
    pub level: Level,
    pub width: u32,
    pub height: u32,
    /// Metres per unit of the coordinates.
    pub metres_per_unit: f64,
    pub areas: Vec<GeoArea>,
    pub attribution: String,
}

/// The outline of one area as an SVG path in [`GeoFile`] units.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GeoArea {
    pub code: String,
    pub name: String,
    pub path: String,
    /// A point inside the area, for labels and focus rings.
    pub label: [i32; 2],
    /// The bounding box `[min x, min y, max x, max y]`, for zooming to the area.
    #[serde(default)]
    pub bbox: [i32; 4],
}

/// A manifest with today's wards (one in Camden, 2024 to 2025) and the
/// wards of 2018 (one, 2019 to April 2022, without boundaries), for tests.
#[cfg(test)]
pub(crate) fn with_older_wards() -> Manifest {
    let m = |s: &str| Month::parse(s).unwrap();
    let area = |code: &str, level: Level, borough: Option<&str>| Area {
        code: code.into(),
        name: code.into(),
        level,
        kind: AreaKind::Area,
        borough: borough.map(String::from),
        population: None,
        aliases: Vec::new(),
    };
    let dataset = |level: Level, from: &str| Dataset {
        id: format!("crime-{}", level.id()),
        title: "Wards".into(),
        level,
        period: Period::new(m(from), m("2025-12")),
        publisher: String::new(),
        licence: String::new(),
        source_url: String::new(),
        breaks: Vec::new(),
    };
    let category =
        |id: &str| Category { id: id.into(), name: id.into(), plain: None, parent: None, file: String::new() };
    let output = |path: &str| FileHash { path: path.into(), bytes: 0, sha256: String::new() };
    Manifest {
        schema: SCHEMA,
        datasets: vec![dataset(Level::Borough, "2010-04"), dataset(Level::Ward, "2024-01")],
        releases: Vec::new(),
        categories: vec![category("burglary"), category("burglary/burglary-residential"), category("nfib-fraud")],
        areas: vec![
            area("E09000007", Level::Borough, None),
            area("E09000028", Level::Borough, None),
            area("E05013660", Level::Ward, Some("E09000007")),
            area("E05011100", Level::Ward, Some("E09000028")),
        ],
        revisions: 0,
        inputs: Vec::new(),
        outputs: vec![output("crime-ward-2018-burglary.json"), output("crime-ward-nfib-fraud.json")],
        stops: None,
        history: Vec::new(),
        release: String::new(),
        ward_vintage: Some("2022".into()),
        older_wards: vec![WardVintage {
            id: "2018".into(),
            name: "the wards of May 2018 to May 2022".into(),
            period: Period::new(m("2019-04"), m("2022-04")),
            // Southwark's E05011100 was not redrawn in 2022: one of today's wards too.
            areas: vec![
                area("E05000130", Level::Ward, Some("E09000007")),
                area("E05011100", Level::Ward, Some("E09000028")),
            ],
            boundaries: false,
        }],
        older_view: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `months` of stop-and-search files with the `partial` ones.
    fn check_whole_months((from, to): (&str, &str), partial: &[&str], expected: Option<(&str, &str)>) {
        let m = |s: &str| Month::parse(s).unwrap();
        let stops = StopsDataset {
            title: String::new(),
            period: Period::new(m(from), m(to)),
            periods: Vec::new(),
            partial: partial
                .iter()
                .map(|p| crate::data::month::PartialMonth { month: m(p), first_day: 1, last_day: 9 })
                .collect(),
            publisher: String::new(),
            licence: String::new(),
            source_url: String::new(),
        };
        let expected = expected.map(|(a, b)| Period::new(m(a), m(b)));
        assert_eq!(stops.latest_whole_months(), expected, "{from} to {to}, partial {partial:?}");
    }

    #[test]
    fn the_latest_whole_months_of_stop_and_search() {
        check_whole_months(("2023-06", "2024-08"), &[], Some(("2023-09", "2024-08")));
        check_whole_months(("2024-06", "2024-08"), &[], Some(("2024-06", "2024-08")));
        check_whole_months(("2023-06", "2024-08"), &["2024-08"], Some(("2023-08", "2024-07")));
        check_whole_months(("2023-06", "2024-08"), &["2024-08", "2024-07"], Some(("2023-07", "2024-06")));
        check_whole_months(("2024-01", "2024-08"), &["2024-03"], Some(("2024-04", "2024-08")));
        check_whole_months(("2024-08", "2024-08"), &["2024-08"], None);
    }

    #[test]
    fn only_the_newest_releases_incomplete_months_are_marked() {
        let m = |s: &str| Month::parse(s).unwrap();
        let release = |id: &str, from: &str, to: &str, incomplete: &[(&str, Option<&str>)]| Release {
            id: id.into(),
            level: Level::Borough,
            file: String::new(),
            period: Period::new(m(from), m(to)),
            rows: 0,
            months_used: Vec::new(),
            incomplete: incomplete
                .iter()
                .map(|(month, area)| IncompleteMonth {
                    month: m(month),
                    area: area.map(String::from),
                    total: 1,
                    expected: 100,
                    used: None,
                })
                .collect(),
        };
        let manifest = Manifest {
            schema: SCHEMA,
            datasets: Vec::new(),
            releases: vec![
                // The older file's stub March is replaced by the newer file's full one: no mark.
                release("r1", "2024-01", "2024-03", &[("2024-03", None)]),
                // The newer file's last month is a stub, and one area's May: only June is marked.
                release("r2", "2024-02", "2024-06", &[("2024-06", None), ("2024-05", Some("E09000007"))]),
            ],
            categories: Vec::new(),
            areas: Vec::new(),
            revisions: 0,
            inputs: Vec::new(),
            outputs: Vec::new(),
            stops: None,
            history: Vec::new(),
            release: String::new(),
            ward_vintage: None,
            older_wards: Vec::new(),
            older_view: None,
        };
        assert_eq!(manifest.incomplete_months(), [m("2024-06")]);
    }

    #[test]
    fn an_older_ward_vintage_is_viewed_with_its_own_wards_months_categories_and_files() {
        let m = |s: &str| Month::parse(s).unwrap();
        let manifest = with_older_wards();
        assert_eq!(manifest.series_file(Level::Ward, "burglary/burglary-residential"), "crime-ward-burglary.json");
        assert_eq!(manifest.wards_geo_file().as_deref(), Some("wards.geo.json"));
        assert!(manifest.for_older_wards("2014").is_none());
        let old = manifest.for_older_wards("2018").unwrap();
        let wards: Vec<&str> = old.wards_of("E09000007").map(|a| a.code.as_str()).collect();
        assert_eq!(wards, ["E05000130"]);
        assert!(old.area("E09000007").is_some());
        assert_eq!(old.dataset(Level::Ward).unwrap().period, Period::new(m("2019-04"), m("2022-04")));
        assert_eq!(old.dataset(Level::Borough).unwrap().period.from, m("2010-04"));
        // Only the categories its files hold; its own files; no map without boundaries.
        let ids: Vec<&str> = old.categories.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["burglary", "burglary/burglary-residential"]);
        assert_eq!(old.series_file(Level::Ward, "burglary/burglary-residential"), "crime-ward-2018-burglary.json");
        assert_eq!(old.series_file(Level::Borough, "burglary"), "crime-borough-burglary.json");
        assert_eq!(old.majors_file(Level::Ward), "majors-ward-2018.json");
        assert_eq!(old.wards_geo_file(), None);
    }

    #[test]
    fn series_file_looks_up_figures_by_code_and_month() {
        let file = SeriesFile {
            schema: SCHEMA,
            level: Level::Borough,
            first: Month::parse("2025-01").unwrap(),
            months: 2,
            areas: vec!["E09000007".into(), "E09000033".into()],
            series: vec![CategorySeries {
                category: "all".into(),
                values: vec![vec![Some(5), None], vec![Some(0), Some(7)]],
                revised: vec![vec![], vec![1]],
            }],
        };
        let m = |s: &str| Month::parse(s).unwrap();
        let index = file.index();
        let figures = |cat: &str, area: &str, from: &str, to: &str| {
            file.cells(file.series(cat), index.get(area).copied(), Period::new(m(from), m(to))).collect::<Vec<_>>()
        };
        assert_eq!(figures("all", "E09000007", "2025-01", "2025-02"), [Figure::Known(5.0), Figure::Missing]);
        assert_eq!(
            figures("all", "E09000033", "2024-12", "2025-03"),
            [Figure::Missing, Figure::Known(0.0), Figure::Known(7.0), Figure::Missing]
        );
        assert_eq!(figures("burglary", "E09000033", "2025-01", "2025-01"), [Figure::Missing]);
        assert_eq!(figures("all", "E09000099", "2025-01", "2025-01"), [Figure::Missing]);
        assert_eq!(file.period().describe(), "January to February 2025");
        // Revised months: of one row, or of any row (London), within a period.
        let revised = |row: Option<&str>, from: &str, to: &str| {
            file.row_revised("all", row.map(|a| index[a]), Period::new(m(from), m(to)))
        };
        assert_eq!(revised(Some("E09000007"), "2025-01", "2025-02"), [false, false]);
        assert_eq!(revised(Some("E09000033"), "2024-12", "2025-03"), [false, false, true, false]);
        assert_eq!(revised(None, "2025-02", "2025-02"), [true]);
        assert_eq!(file.row_revised("burglary", None, Period::new(m("2025-02"), m("2025-02"))), [false]);
        let json = serde_json::to_string(&file).unwrap();
        assert!(json.contains("\"first\":\"2025-01\""), "{json}");
        assert_eq!(serde_json::from_str::<SeriesFile>(&json).unwrap(), file);
    }
}
