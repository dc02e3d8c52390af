//! `prepare`: the publishers' files in, the app's compact aggregate files out.
//!
//! [`run`] finds the inputs ([`discover`]), reads crime releases
//! (`met_core::crime::crime_csv`), merges them newest-first with every revision
//! recorded (`met_core::crime::merge`), reads and simplifies boundaries ([`geometry`]),
//! reads Census 2021 population ([`population`]) and writes the output folder
//! in one atomic step ([`output`]). See `ARCHITECTURE.md` for the file formats.

pub mod discover;
pub mod geometry;
pub mod locate;
pub mod output;
pub mod population;
pub mod read;
pub mod stops;

use discover::Kind;
use geometry::{Frame, Shape};
use met_core::crime::crime_csv;
use met_core::crime::merge::{self, Merged, ReleaseTable};
use met_core::crime::{categories, category};
use met_core::data::dataset::{
    self, Area, AreaKind, Category, CategorySeries, Dataset, FileHash, Level, Manifest, Release, SeriesFile,
    WardVintage,
};
use met_core::data::month::{Month, Period};
use met_core::data::wards;
use met_core::stops::{crosstab, stop_search, stops_view};
use read::Located;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

/// Simplification tolerance for borough outlines, in metres.
pub const BOROUGH_EPSILON_M: f64 = 40.0;
/// Simplification tolerance for ward outlines, in metres.
pub const WARD_EPSILON_M: f64 = 15.0;
/// Coordinates of the geometry files are in units of this many metres.
pub const METRES_PER_UNIT: i64 = 10;

/// Rows of the MPS files that are not a place, and the codes we give them.
pub const PSEUDO_AREAS: [(&str, &str); 3] = [
    ("Unknown", "MPS-UNKNOWN"),
    ("London Heathrow and London City Airports", "MPS-AIRPORTS"),
    ("Aviation Security (SO18)", "MPS-SO18"),
];

const BOUNDARY_ATTRIBUTION: &str = "Contains National Statistics data © Crown copyright and database right. \
Contains Ordnance Survey data © Crown copyright and database right. Source: Office for National Statistics and \
Greater London Authority, licensed under the Open Government Licence v3.0.";

/// What went wrong, in words that name the file and place.
#[derive(Debug)]
pub struct Error(pub String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl From<Located> for Error {
    fn from(e: Located) -> Error {
        Error(e.to_string())
    }
}

fn io_error(path: &Path, e: &std::io::Error) -> Error {
    Error(format!("{}: {e}", path.display()))
}

/// The inputs and outputs of a run.
#[derive(Clone, Debug)]
pub struct Options {
    pub from: PathBuf,
    pub out: PathBuf,
    /// Draw progress bars (only on a terminal).
    pub progress: bool,
}

/// What a run did, for the one-screen summary.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub used: Vec<(String, String)>,
    pub ignored: Vec<(String, String)>,
    pub notes: Vec<String>,
    /// Categories not in the committed category table: kept, and reported.
    pub unknown_categories: Vec<String>,
    pub rows_read: usize,
    pub releases: Vec<Release>,
    pub periods: Vec<(Level, Period)>,
    pub areas: Vec<(Level, usize)>,
    pub categories: usize,
    pub revisions: Vec<(Level, usize)>,
    pub outputs: Vec<FileHash>,
    /// The id of the data release written (see `dataset::Manifest::release`).
    pub release: String,
    /// The ids of the earlier releases carried over from the old output folder.
    pub earlier_releases: Vec<String>,
    /// Total gzip size of the series files as JSON and as postcard (binary serde).
    pub encoding: (usize, usize),
    /// Stop and search: what was read and where the searches were placed.
    pub stops: Option<StopsReport>,
}

impl Report {
    /// Moves a file that discovery found usable to the ignored ones, saying why.
    fn set_aside(&mut self, path: String, why: String) {
        self.used.retain(|(p, _)| *p != path);
        self.ignored.push((path, why));
    }
}

/// What the stop-and-search stage read and placed.
#[derive(Clone, Debug, Default)]
pub struct StopsReport {
    pub searches: usize,
    pub no_location: usize,
    pub outside: usize,
    /// Of `outside`, those placed in the City of London.
    pub in_city: usize,
    pub not_in_a_ward: usize,
    pub months: Vec<stops::MonthCoverage>,
    pub warnings: Vec<String>,
    pub protection: stops::Protection,
    pub protect_seconds: f64,
}

/// One crime file read and mapped to area codes.
struct CrimeInput {
    path: String,
    level: Level,
    table: ReleaseTable,
    rows: usize,
    /// Official names of categories as this release spells them.
    names: BTreeMap<String, String>,
    /// Ward code → borough name as this file gives it.
    ward_boroughs: BTreeMap<String, String>,
    /// Ward code → ward name as this file gives it.
    ward_names: BTreeMap<String, String>,
    /// Categories missing from the category table, with where they were first seen.
    unknown_categories: Vec<String>,
    /// For a ward file, the vintage of its wards.
    vintage: Option<&'static wards::Vintage>,
}

/// Borough names (by [`category::key`], which ignores case and punctuation) → GSS code.
fn borough_index(shapes: &[Shape]) -> BTreeMap<String, String> {
    let mut index: BTreeMap<String, String> = shapes.iter().map(|s| (category::key(&s.name), s.code.clone())).collect();
    for (name, code) in PSEUDO_AREAS {
        index.insert(category::key(name), code.to_string());
    }
    index
}

fn read_crime(path: &Path, rel: &str, boroughs: &BTreeMap<String, String>) -> Result<CrimeInput, Error> {
    let bytes = std::fs::read(path).map_err(|e| io_error(path, &e))?;
    let file = crime_csv::parse(&bytes).map_err(|e| Located::new(path, e.line, e.column.as_deref(), e.message))?;
    let period = Period::new(file.first, file.first.plus_months(i32::try_from(file.months).unwrap_or(1) - 1));
    let id = format!("crime-{}-{}", file.level.id(), period.to.iso());
    let mut table = ReleaseTable::new(&id, period);
    let mut names = BTreeMap::new();
    let mut ward_boroughs = BTreeMap::new();
    let mut ward_names = BTreeMap::new();
    let mut unknown = BTreeMap::new();
    // The line of each (area, major, minor) seen: a repeated one would be summed.
    let mut seen: BTreeMap<(String, String, String), u64> = BTreeMap::new();
    for row in &file.rows {
        let borough = boroughs.get(&category::key(&row.borough)).ok_or_else(|| {
            Located::new(
                path,
                row.line,
                None,
                format!("unknown borough name {:?}: expected one of the 32 London boroughs, or a known pseudo-area (Unknown, airports, SO18)", row.borough),
            )
        })?;
        let area = match &row.ward {
            Some((code, name)) => {
                if !code.starts_with("E05") {
                    return Err(Located::new(
                        path,
                        row.line,
                        Some("WardCode"),
                        format!("expected a ward code like E05013570, found {code:?}"),
                    )
                    .into());
                }
                ward_boroughs.insert(code.clone(), borough.clone());
                ward_names.insert(code.clone(), name.clone());
                code.clone()
            }
            None => borough.clone(),
        };
        let key = (area.clone(), category::key(&row.major), category::key(&row.minor));
        if let Some(first) = seen.insert(key, row.line) {
            return Err(Located::new(
                path,
                row.line,
                None,
                format!(
                    "{} / {} in {} is repeated: line {first} has the same area and category, and the two would be \
                     added together; a file gives each area and category once",
                    row.major,
                    row.minor,
                    row.ward.as_ref().map_or(row.borough.as_str(), |(code, _)| code.as_str())
                ),
            )
            .into());
        }
        table.add_row(&area, &row.major, &row.minor, &row.counts);
        let (major_id, leaf, known) = categories::resolve(&row.major, &row.minor);
        if !known && !unknown.contains_key(&leaf) {
            unknown.insert(
                leaf.clone(),
                format!(
                    "{rel} line {}: category {:?} / {:?} is not in the category table (src/core/crime/categories.rs); its figures are kept as {leaf:?}, add it to the table with a plain name",
                    row.line, row.major, row.minor
                ),
            );
        }
        names.insert(major_id, row.major.clone());
        names.insert(leaf, row.minor.clone());
    }
    let vintage = wards::vintage_of(ward_names.keys().map(String::as_str), Some(period.to));
    Ok(CrimeInput {
        vintage,
        path: rel.to_string(),
        level: file.level,
        table,
        rows: file.rows.len(),
        names,
        ward_boroughs,
        ward_names,
        unknown_categories: unknown.into_values().collect(),
    })
}

/// The series file for one major category (or `all`) of a level.
fn series_file(level: Level, merged: &Merged, major: &str) -> SeriesFile {
    series_of(
        level,
        merged,
        |c| {
            if major == category::ALL {
                c == category::ALL
            } else {
                category::major_of(c) == major
            }
        },
    )
}

/// The months (indices from the series' first month) of each (category, area)
/// that the level's latest release revised: a leaf's revision also revises its
/// major category and `all`.
fn revised_by_latest(merged: &Merged) -> BTreeMap<(String, String), std::collections::BTreeSet<u16>> {
    let mut out: BTreeMap<(String, String), std::collections::BTreeSet<u16>> = BTreeMap::new();
    for r in merged.revisions.iter().filter(|r| r.release == merged.latest) {
        let Ok(index) = u16::try_from(r.month.index() - merged.period.from.index()) else { continue };
        for cat in [r.category.as_str(), category::major_of(&r.category), category::ALL] {
            out.entry((cat.to_string(), r.area.clone())).or_default().insert(index);
        }
    }
    out
}

/// A series file of the categories `keep` accepts.
fn series_of(level: Level, merged: &Merged, keep: impl Fn(&str) -> bool) -> SeriesFile {
    let ids: Vec<&String> = merged.categories.iter().filter(|c| keep(c)).collect();
    let revised = revised_by_latest(merged);
    let series = ids
        .into_iter()
        .map(|id| CategorySeries {
            category: id.clone(),
            revised: {
                let rows: Vec<Vec<u16>> = merged
                    .areas
                    .iter()
                    .map(|a| {
                        revised.get(&(id.clone(), a.clone())).map(|m| m.iter().copied().collect()).unwrap_or_default()
                    })
                    .collect();
                if rows.iter().all(Vec::is_empty) {
                    Vec::new()
                } else {
                    rows
                }
            },
            values: merged
                .areas
                .iter()
                .map(|a| {
                    merged
                        .values
                        .get(&(id.clone(), a.clone()))
                        .cloned()
                        .unwrap_or_else(|| vec![None; merged.period.len()])
                })
                .collect(),
        })
        .collect();
    SeriesFile {
        schema: dataset::SCHEMA,
        level,
        first: merged.period.from,
        months: merged.period.len(),
        areas: merged.areas.clone(),
        series,
    }
}

fn json<T: serde::Serialize>(value: &T) -> Vec<u8> {
    // Serialising our own plain data structures cannot fail.
    serde_json::to_vec(value).unwrap_or_default()
}

fn revisions_csv(merged: &Merged, names: &BTreeMap<String, String>) -> Vec<u8> {
    let mut out = String::from("release,previous_release,month,area_code,area_name,category,old,new\n");
    for r in &merged.revisions {
        let name = names.get(&r.area).map_or("", String::as_str);
        out.push_str(&format!(
            "{},{},{},{},\"{}\",{},{},{}\n",
            r.release,
            r.previous,
            r.month,
            r.area,
            name.replace('"', "\"\""),
            r.category,
            r.old,
            r.new
        ));
    }
    out.into_bytes()
}

fn progress_bar(enabled: bool, len: u64, message: &'static str) -> indicatif::ProgressBar {
    if !enabled {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{spinner} {msg:28} [{bar:30}] {pos}/{len} {wide_msg}") {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(message);
    bar
}

/// Runs `prepare`: reads everything, then writes the output folder atomically.
pub fn run(options: &Options) -> Result<Report, Error> {
    let from = &options.from;
    if !from.is_dir() {
        return Err(Error(format!("{}: source folder not found", from.display())));
    }
    let found = discover::discover(from).map_err(|e| io_error(from, &e))?;
    let rel = |p: &Path| p.strip_prefix(from).unwrap_or(p).display().to_string();
    let mut report = Report {
        used: found.used.iter().map(|(p, k)| (rel(p), k.describe().to_string())).collect(),
        ignored: found.ignored.iter().map(|(p, why)| (rel(p), why.clone())).collect(),
        ..Report::default()
    };
    let one = |kind: &Kind| found.used.iter().find(|(_, k)| k == kind).map(|(p, _)| p.clone());
    let need = |kind: Kind| {
        one(&kind).ok_or_else(|| Error(format!("{}: no file of {} found", from.display(), kind.describe())))
    };

    // Boundaries first: borough names in the crime files are matched against them.
    let bar = progress_bar(options.progress, 2, "reading boundaries");
    let borough_path = need(Kind::BoroughShapes)?;
    let borough_shapes =
        geometry::read_shapefile(&borough_path).map_err(|e| Error(format!("{}: {e}", borough_path.display())))?;
    bar.inc(1);
    // Ward boundaries: one file of each vintage.
    let mut ward_boundaries: BTreeMap<&'static str, Vec<Shape>> = BTreeMap::new();
    for (path, kind) in found.used.iter().filter(|(_, k)| k.is_ward_boundaries()) {
        let mut shapes = match kind {
            Kind::WardShapes(table) => geometry::read_geopackage(path, table),
            _ => geometry::read_shapefile(path),
        }
        .map_err(|e| Error(format!("{}: {e}", path.display())))?;
        // The GLA's "CityMerged" files draw the City of London as one area.
        shapes.retain(|s| s.code.starts_with("E05"));
        let why = match wards::vintage_of(shapes.iter().map(|s| s.code.as_str()), None) {
            None => "no ward codes (E05…)".to_string(),
            Some(v) if ward_boundaries.contains_key(v.id) => {
                format!("another boundary file of {} is already used", v.name)
            }
            Some(v) => {
                ward_boundaries.insert(v.id, shapes);
                continue;
            }
        };
        report.set_aside(rel(path), why);
    }
    bar.finish_and_clear();

    // Crime releases.
    let boroughs = borough_index(&borough_shapes);
    let crime_paths: Vec<&PathBuf> = found.used.iter().filter(|(_, k)| *k == Kind::Crime).map(|(p, _)| p).collect();
    let bar = progress_bar(options.progress, crime_paths.len() as u64, "reading crime files");
    let mut inputs: Vec<CrimeInput> = Vec::new();
    let mut input_hashes: BTreeMap<String, String> = BTreeMap::new();
    for path in crime_paths {
        bar.set_message(rel(path));
        let input = read_crime(path, &rel(path), &boroughs)?;
        let hash = output::sha256(&std::fs::read(path).map_err(|e| io_error(path, &e))?);
        if let Some(other) = inputs.iter().find(|i| i.table.id == input.table.id && i.vintage == input.vintage) {
            if input_hashes.get(&other.path) == Some(&hash) {
                report.notes.push(format!("{} is a copy of {}; used once", input.path, other.path));
                continue;
            }
            return Err(Error(format!(
                "{} and {} are different files for the same release ({}): keep only the one you trust",
                other.path, input.path, input.table.id
            )));
        }
        report.rows_read += input.rows;
        report.unknown_categories.extend(input.unknown_categories.iter().cloned());
        input_hashes.insert(input.path.clone(), hash);
        inputs.push(input);
        bar.inc(1);
    }
    bar.finish_and_clear();
    if !inputs.iter().any(|i| i.level == Level::Borough) {
        return Err(Error(format!("{}: no MPS borough-level crime file found", from.display())));
    }
    // A boundary file of only some boroughs may not show its vintage by its codes:
    // it serves a vintage of the crime files that has none when it holds all its wards.
    let crime_vintages: BTreeSet<&'static str> = inputs.iter().filter_map(|i| i.vintage.map(|v| v.id)).collect();
    for vintage in &crime_vintages {
        if ward_boundaries.contains_key(vintage) {
            continue;
        }
        let codes: BTreeSet<&String> = inputs
            .iter()
            .filter(|i| i.vintage.map(|v| v.id) == Some(vintage))
            .flat_map(|i| i.ward_names.keys())
            .collect();
        let spare = ward_boundaries.iter().find(|(k, shapes)| {
            !crime_vintages.contains(*k) && codes.iter().all(|c| shapes.iter().any(|s| &s.code == *c))
        });
        if let Some(k) = spare.map(|(k, _)| *k) {
            if let Some(shapes) = ward_boundaries.remove(k) {
                ward_boundaries.insert(vintage, shapes);
            }
        }
    }
    // The current wards are those of the newest ward file (or, without one, the
    // newest boundaries); files of older vintages are kept apart.
    let newest_ward_file =
        inputs.iter().filter(|i| i.level == Level::Ward).max_by_key(|i| i.table.period.map(|p| p.to));
    let current = newest_ward_file
        .and_then(|i| i.vintage)
        .or_else(|| wards::VINTAGES.iter().find(|v| ward_boundaries.contains_key(v.id)));
    // Releases on older wards are named by their vintage too.
    for input in inputs.iter_mut().filter(|i| i.level == Level::Ward && i.vintage != current) {
        if let (Some(v), Some(p)) = (input.vintage, input.table.period) {
            input.table.id = format!("crime-ward-{}-{}", v.id, p.to.iso());
        }
    }
    let ward_shapes = current.and_then(|v| ward_boundaries.remove(v.id)).unwrap_or_default();

    // Population.
    let pop_path = need(Kind::BoroughPopulation)?;
    let borough_pop =
        population::read_ts007a(&pop_path, &std::fs::read(&pop_path).map_err(|e| io_error(&pop_path, &e))?)?;
    let lookup = match one(&Kind::LsoaLookup) {
        Some(p) => population::read_lookup(&p, &std::fs::read(&p).map_err(|e| io_error(&p, &e))?)?,
        None => BTreeMap::new(),
    };
    let ward_pop = match one(&Kind::LsoaPopulation) {
        Some(p) => {
            let lsoa = population::read_lsoa_workbook(&p)?;
            let (wards, unmatched) = population::ward_population(&lsoa, &lookup);
            if !unmatched.is_empty() {
                report.notes.push(format!(
                    "{} LSOAs of the population workbook are not in the lookup (e.g. {})",
                    unmatched.len(),
                    unmatched[0]
                ));
            }
            wards
        }
        None => BTreeMap::new(),
    };
    let ward_lad: BTreeMap<&String, &String> = lookup.values().map(|(w, l)| (w, l)).collect();

    // Stop and search.
    let stop_paths: Vec<(&Path, String)> =
        found.used.iter().filter(|(_, k)| *k == Kind::StopSearch).map(|(p, _)| (p.as_path(), rel(p))).collect();
    let stop_files = if stop_paths.is_empty() {
        None
    } else {
        let ward_borough: BTreeMap<String, String> =
            ward_lad.iter().map(|(w, l)| ((*w).clone(), (*l).clone())).collect();
        let counts = stops::count(&stop_paths, &borough_shapes, &ward_shapes, &ward_borough)?;
        for (path, why) in &counts.ignored {
            report.set_aside(path.clone(), why.clone());
        }
        let residents = match one(&Kind::EthnicPopulation) {
            Some(p) => population::read_ts021(&p, &std::fs::read(&p).map_err(|e| io_error(&p, &e))?)?,
            None => BTreeMap::new(),
        };
        let started = std::time::Instant::now();
        let stops::Published { boroughs: borough_file, wards: ward_file, cross, protection } =
            stops::publish(&counts, &borough_shapes, &ward_shapes, &ward_borough, &residents)
                .map_err(|e| Error(format!("stop and search: {e}")))?;
        let mut warnings = counts.warnings;
        warnings.extend(compare_with_kept_releases(&options.out, [&borough_file, &ward_file]));
        report.stops = Some(StopsReport {
            searches: counts.searches,
            no_location: counts.no_location,
            outside: counts.outside,
            in_city: counts.in_city,
            not_in_a_ward: counts.not_in_a_ward,
            months: counts.months,
            warnings,
            protection,
            protect_seconds: started.elapsed().as_secs_f64(),
        });
        let dataset = dataset::StopsDataset {
            title: format!(
                "Stop and search by the Metropolitan Police (police.uk), data to {}",
                borough_file.first.plus_months(borough_file.months as i32 - 1).long_name()
            ),
            period: Period::new(borough_file.first, borough_file.first.plus_months(borough_file.months as i32 - 1)),
            periods: borough_file.periods.iter().map(|p| p.period).collect(),
            partial: borough_file.partial.clone(),
            publisher: "Metropolitan Police Service, via police.uk".into(),
            licence: "Open Government Licence v3.0".into(),
            source_url: "https://data.police.uk/data/".into(),
        };
        Some(([json(&borough_file), json(&ward_file), json(&cross)], dataset))
    };

    // Merge each level.
    let mut staging = output::Staging::new(&options.out).map_err(|e| io_error(&options.out, &e))?;
    let result = build_outputs(
        &inputs,
        &borough_shapes,
        (&ward_shapes, current, &ward_boundaries),
        &borough_pop,
        &ward_pop,
        &ward_lad,
        &mut staging,
        &mut report,
        options.progress,
    );
    let result = result.and_then(|m| {
        if let Some((files, _)) = &stop_files {
            let names = [stops_view::BOROUGH_FILE, stops_view::WARD_FILE, crosstab::FILE];
            for (name, bytes) in names.into_iter().zip(files) {
                staging.write(name, bytes).map_err(|e| Error(format!("writing {name}: {e}")))?;
            }
        }
        Ok(m)
    });
    let manifest = match result {
        Ok(m) => m,
        Err(e) => {
            staging.abandon();
            return Err(e);
        }
    };
    let mut manifest = manifest;
    manifest.stops = stop_files.map(|(_, d)| d);
    let mut hashes: Vec<FileHash> = found
        .used
        .iter()
        .map(|(p, _)| {
            let bytes = std::fs::read(p).map_err(|e| io_error(p, &e))?;
            Ok(FileHash { path: rel(p), bytes: bytes.len() as u64, sha256: output::sha256(&bytes) })
        })
        .collect::<Result<_, Error>>()?;
    // The shapefile's .dbf holds the names and codes: hash it too.
    let dbf = borough_path.with_extension("dbf");
    if let Ok(bytes) = std::fs::read(&dbf) {
        hashes.push(FileHash { path: rel(&dbf), bytes: bytes.len() as u64, sha256: output::sha256(&bytes) });
    }
    manifest.inputs = hashes;
    manifest.outputs = staging.files.clone();
    manifest.release = output::release_id(&staging.files);
    let bytes = json(&manifest);
    let kept = match staging.write("manifest.json", &bytes).and_then(|()| staging.keep_releases(&manifest.release)) {
        Ok(kept) => kept,
        Err(e) => {
            staging.abandon();
            return Err(io_error(&options.out, &e));
        }
    };
    report.outputs = staging.files.clone();
    report.release = manifest.release;
    report.earlier_releases = kept;
    staging.commit().map_err(|e| io_error(&options.out, &e))?;
    Ok(report)
}

/// Warnings for each release kept in `out` that publishes a month or a year
/// of stop and search differently from `files` (the borough and ward files).
fn compare_with_kept_releases(out: &Path, files: [&stop_search::StopsFile; 2]) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(out.join("releases")) else { return Vec::new() };
    let mut dirs: Vec<PathBuf> = entries.filter_map(|e| Some(e.ok()?.path())).collect();
    dirs.sort();
    let mut warnings = Vec::new();
    for dir in dirs {
        let mut differs = Vec::new();
        for (name, file) in [stops_view::BOROUGH_FILE, stops_view::WARD_FILE].into_iter().zip(files) {
            let earlier: Option<stop_search::StopsFile> =
                std::fs::read(dir.join(name)).ok().and_then(|b| serde_json::from_slice(&b).ok());
            for d in earlier.map(|e| stops::differences(&e, file)).unwrap_or_default() {
                if !differs.contains(&d) {
                    differs.push(d);
                }
            }
        }
        if !differs.is_empty() {
            let id = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            warnings.push(format!(
                "kept release {id} published stop and search differently for {}: police.uk revised these months, \
                 or the areas changed. Someone holding both releases can subtract one from the other (DISCLOSURE.md, \
                 rule 7); remove releases/{id}/ if its pinned links need not keep working",
                differs.join(", ")
            ));
        }
    }
    warnings
}

#[allow(clippy::too_many_arguments)]
fn build_outputs(
    inputs: &[CrimeInput],
    borough_shapes: &[Shape],
    (ward_shapes, current, older_boundaries): (&[Shape], Option<&'static wards::Vintage>, &BTreeMap<&str, Vec<Shape>>),
    borough_pop: &BTreeMap<String, u32>,
    ward_pop: &BTreeMap<String, u32>,
    ward_lad: &BTreeMap<&String, &String>,
    staging: &mut output::Staging,
    report: &mut Report,
    progress: bool,
) -> Result<Manifest, Error> {
    let write = |staging: &mut output::Staging, name: &str, bytes: &[u8]| {
        staging.write(name, bytes).map_err(|e| Error(format!("writing {name}: {e}")))
    };
    let mut datasets = Vec::new();
    let mut releases = Vec::new();
    let mut categories: BTreeMap<String, Category> = BTreeMap::new();
    let mut areas: Vec<Area> = Vec::new();
    let mut revisions = 0;
    let mut history = Vec::new();
    let (mut json_gz, mut postcard_gz) = (0, 0);
    // The definitions of every category and term, published beside the figures.
    write(staging, met_core::explain::glossary::FILE, &json(&met_core::explain::glossary::TERMS))?;

    for level in [Level::Borough, Level::Ward] {
        let mut level_inputs: Vec<&CrimeInput> =
            inputs.iter().filter(|i| i.level == level && (level == Level::Borough || i.vintage == current)).collect();
        if level_inputs.is_empty() {
            continue;
        }
        level_inputs.sort_by_key(|i| i.table.period.map(|p| p.to));
        let tables: Vec<ReleaseTable> = level_inputs.iter().map(|i| i.table.clone()).collect();
        let Some(merged) = merge::merge(&tables) else { continue };
        let names = official_names(&level_inputs);
        releases.extend(release_records(level, &level_inputs, &merged));
        let (j, p) = write_series(staging, level.id(), level, &merged, progress)?;
        (json_gz, postcard_gz) = (json_gz + j, postcard_gz + p);
        add_categories(&mut categories, &merged, &names);

        // Areas of this level.
        let with_data: BTreeSet<&String> = merged.areas.iter().collect();
        let mut area_names: BTreeMap<String, String> = BTreeMap::new();
        match level {
            Level::Borough => {
                for s in borough_shapes {
                    let kind = if with_data.contains(&s.code) { AreaKind::Area } else { AreaKind::NotPoliced };
                    areas.push(Area {
                        code: s.code.clone(),
                        name: s.name.clone(),
                        level,
                        kind,
                        borough: None,
                        population: borough_pop.get(&s.code).copied(),
                        aliases: Vec::new(),
                    });
                    area_names.insert(s.code.clone(), s.name.clone());
                }
                for (name, code) in PSEUDO_AREAS {
                    if with_data.contains(&code.to_string()) {
                        areas.push(Area {
                            code: code.into(),
                            name: name.into(),
                            level,
                            kind: AreaKind::Pseudo,
                            borough: None,
                            population: None,
                            aliases: Vec::new(),
                        });
                        area_names.insert(code.into(), name.into());
                    }
                }
            }
            Level::Ward => {
                let mps_boroughs: BTreeMap<&String, &String> =
                    level_inputs.iter().flat_map(|i| i.ward_boroughs.iter()).collect();
                let mps_names: BTreeMap<&String, &String> =
                    level_inputs.iter().flat_map(|i| i.ward_names.iter()).collect();
                for s in ward_shapes {
                    let kind = if with_data.contains(&s.code) { AreaKind::Area } else { AreaKind::NotPoliced };
                    let borough = ward_lad
                        .get(&s.code)
                        .map(|c| (*c).clone())
                        .or_else(|| mps_boroughs.get(&s.code).map(|c| (*c).clone()));
                    areas.push(Area {
                        code: s.code.clone(),
                        name: s.name.clone(),
                        level,
                        kind,
                        borough,
                        population: ward_pop.get(&s.code).copied(),
                        // ONS and the MPS name two Tower Hamlets wards differently; keep both.
                        aliases: mps_names
                            .get(&s.code)
                            .filter(|n| category::key(n) != category::key(&s.name))
                            .map(|n| vec![(*n).clone()])
                            .unwrap_or_default(),
                    });
                    area_names.insert(s.code.clone(), s.name.clone());
                }
                for code in &merged.areas {
                    if !ward_shapes.iter().any(|s| &s.code == code) {
                        let name = mps_names.get(code).map_or_else(|| code.clone(), |n| (*n).clone());
                        report.notes.push(format!(
                            "ward {code} ({name}) has crime figures but no boundary; listed without a map shape"
                        ));
                        areas.push(Area {
                            code: code.clone(),
                            name: name.clone(),
                            level,
                            kind: AreaKind::Area,
                            borough: mps_boroughs.get(code).map(|c| (*c).clone()),
                            population: ward_pop.get(code).copied(),
                            aliases: Vec::new(),
                        });
                        area_names.insert(code.clone(), name);
                    }
                }
            }
        }
        let count = areas.iter().filter(|a| a.level == level).count();
        report.areas.push((level, count));
        report.periods.push((level, merged.period));
        report.revisions.push((level, merged.revisions.len()));
        revisions += merged.revisions.len();
        history.extend(merged.history.iter().cloned());
        write(staging, &format!("revisions-crime-{}.csv", level.id()), &revisions_csv(&merged, &area_names))?;
        let latest =
            level_inputs.last().map_or(merged.period.to, |i| i.table.period.map_or(merged.period.to, |p| p.to));
        datasets.push(Dataset {
            id: format!("crime-{}", level.id()),
            title: format!(
                "MPS recorded crime by {} (London Datastore), data to {}",
                level.id(),
                Month::long_name(latest)
            ),
            level,
            period: merged.period,
            publisher: "Metropolitan Police Service".into(),
            licence: "Open Government Licence v3.0".into(),
            source_url: "https://data.london.gov.uk/dataset/mps-recorded-crime-geographic-breakdown".into(),
            breaks: breaks(&merged),
        });
    }

    // Boundaries, simplified together per level, in one London frame.
    let bar = progress_bar(progress, 2, "simplifying boundaries");
    let frame = Frame::around(borough_shapes, METRES_PER_UNIT);
    let boroughs = geometry::simplify_shared(borough_shapes, BOROUGH_EPSILON_M);
    write(
        staging,
        "boroughs.geo.json",
        &json(&geometry::geo_file(Level::Borough, &boroughs, &frame, BOUNDARY_ATTRIBUTION)),
    )?;
    bar.inc(1);
    if !ward_shapes.is_empty() {
        let wards = geometry::simplify_shared(ward_shapes, WARD_EPSILON_M);
        write(
            staging,
            "wards.geo.json",
            &json(&geometry::geo_file(Level::Ward, &wards, &frame, BOUNDARY_ATTRIBUTION)),
        )?;
    }
    bar.finish_and_clear();

    // Ward files on older wards: apart from the current ones, each vintage with
    // its own series, wards and, where its boundaries were found, map.
    let mut older = Vec::new();
    for (vintage, merged, group) in older_ward_vintages(inputs, current, older_boundaries, staging, report, progress)? {
        add_categories(&mut categories, &merged, &official_names(&group));
        releases.extend(release_records(Level::Ward, &group, &merged));
        history.extend(merged.history.iter().cloned());
        revisions += merged.revisions.len();
        let shapes = older_boundaries.get(vintage.id).map(Vec::as_slice).unwrap_or_default();
        if !shapes.is_empty() {
            let simplified = geometry::simplify_shared(shapes, WARD_EPSILON_M);
            let file = geometry::geo_file(Level::Ward, &simplified, &frame, BOUNDARY_ATTRIBUTION);
            write(staging, &format!("wards-{}.geo.json", vintage.id), &json(&file))?;
        }
        older.push(WardVintage {
            id: vintage.id.to_string(),
            name: vintage.name.to_string(),
            period: merged.period,
            areas: older_wards(&merged, &group, shapes),
            boundaries: !shapes.is_empty(),
        });
    }
    report.encoding = (json_gz, postcard_gz);
    report.categories = categories.len();
    report.releases.clone_from(&releases);

    Ok(Manifest {
        ward_vintage: current.map(|v| v.id.to_string()),
        older_wards: older,
        older_view: None,
        schema: dataset::SCHEMA,
        datasets,
        releases,
        categories: categories.into_values().collect(),
        areas,
        revisions,
        inputs: Vec::new(),
        outputs: Vec::new(),
        stops: None,
        history,
        release: String::new(),
    })
}

/// The official names of categories as a level's files spell them (`inputs`
/// oldest first: the newest release's spelling wins).
fn official_names(inputs: &[&CrimeInput]) -> BTreeMap<String, String> {
    inputs.iter().flat_map(|i| i.names.clone()).collect()
}

/// What the manifest says of each release of a merged level.
fn release_records(level: Level, inputs: &[&CrimeInput], merged: &Merged) -> Vec<Release> {
    inputs
        .iter()
        .map(|input| Release {
            id: input.table.id.clone(),
            level,
            file: input.path.clone(),
            period: input.table.period.unwrap_or(merged.period),
            rows: input.rows,
            months_used: merged.used.get(&input.table.id).cloned().unwrap_or_default(),
            incomplete: merged.incomplete.get(&input.table.id).cloned().unwrap_or_default(),
        })
        .collect()
}

/// The wards of an older vintage: named and placed in their borough by its
/// boundary file (`LAGSSCODE`) where there is one, else by its crime files.
fn older_wards(merged: &Merged, inputs: &[&CrimeInput], shapes: &[Shape]) -> Vec<Area> {
    let file_boroughs: BTreeMap<&String, &String> = inputs.iter().flat_map(|i| i.ward_boroughs.iter()).collect();
    let file_names: BTreeMap<&String, &String> = inputs.iter().flat_map(|i| i.ward_names.iter()).collect();
    merged
        .areas
        .iter()
        .map(|code| {
            let shape = shapes.iter().find(|s| &s.code == code);
            Area {
                code: code.clone(),
                name: shape.map(|s| &s.name).or_else(|| file_names.get(code).copied()).unwrap_or(code).clone(),
                level: Level::Ward,
                kind: AreaKind::Area,
                borough: shape.and_then(|s| s.parent.clone()).or_else(|| file_boroughs.get(code).map(|b| (*b).clone())),
                population: None,
                aliases: Vec::new(),
            }
        })
        .collect()
}

/// Adds the categories of a merged level that are not listed yet, with their
/// official `names` (a level merged earlier, with newer files, keeps its spelling).
fn add_categories(categories: &mut BTreeMap<String, Category>, merged: &Merged, names: &BTreeMap<String, String>) {
    for id in merged.categories.iter().filter(|id| *id != category::ALL) {
        categories.entry(id.clone()).or_insert_with(|| Category {
            id: id.clone(),
            name: names.get(id).cloned().unwrap_or_else(|| id.clone()),
            plain: categories::plain_name(id).map(String::from),
            parent: id.contains('/').then(|| category::major_of(id).to_string()),
            file: category::major_of(id).to_string(),
        });
    }
}

/// Writes a merged level's series files, `crime-<prefix>-<major>.json` (one per
/// major category, and `all`), and its majors file `majors-<prefix>.json`.
/// Returns the gzip sizes of the series files as JSON and as postcard.
fn write_series(
    staging: &mut output::Staging,
    prefix: &str,
    level: Level,
    merged: &Merged,
    progress: bool,
) -> Result<(usize, usize), Error> {
    let write = |staging: &mut output::Staging, name: &str, bytes: &[u8]| {
        staging.write(name, bytes).map_err(|e| Error(format!("writing {name}: {e}")))
    };
    let (mut json_gz, mut postcard_gz) = (0, 0);
    let majors: BTreeSet<&str> = merged.categories.iter().map(|c| category::major_of(c)).collect();
    let bar = progress_bar(progress, majors.len() as u64, "writing series files");
    for major in &majors {
        let file = series_file(level, merged, major);
        let bytes = json(&file);
        json_gz += output::gzip_size(&bytes);
        postcard_gz += output::gzip_size(&postcard::to_allocvec(&file).unwrap_or_default());
        write(staging, &format!("crime-{prefix}-{major}.json"), &bytes)?;
        bar.inc(1);
    }
    bar.finish_and_clear();
    // Every major category's total in one file, for the small multiples.
    let majors_file = series_of(level, merged, |c| c != category::ALL && !c.contains('/'));
    write(staging, &format!("majors-{prefix}.json"), &json(&majors_file))?;
    Ok((json_gz, postcard_gz))
}

/// The series breaks of a merged level: where it passes from the older
/// classification of crimes to today's, for the categories whose figures
/// either side count different offences.
fn breaks(merged: &Merged) -> Vec<dataset::SeriesBreak> {
    let changed: Vec<String> = categories::older_breaks()
        .into_iter()
        .filter(|c| merged.categories.iter().any(|m| m == c))
        .map(String::from)
        .collect();
    merged.reclassified.iter().map(|&month| dataset::SeriesBreak { month, categories: changed.clone() }).collect()
}

/// Merges and writes the ward files of vintages older than `current`, each
/// apart (`crime-ward-<vintage>-…`), and says in the report what each holds and
/// whether its map could be drawn.
#[allow(clippy::type_complexity)]
fn older_ward_vintages<'a>(
    inputs: &'a [CrimeInput],
    current: Option<&'static wards::Vintage>,
    boundaries: &BTreeMap<&str, Vec<Shape>>,
    staging: &mut output::Staging,
    report: &mut Report,
    progress: bool,
) -> Result<Vec<(&'static wards::Vintage, Merged, Vec<&'a CrimeInput>)>, Error> {
    let mut out = Vec::new();
    for vintage in wards::VINTAGES.iter().filter(|v| Some(*v) != current) {
        let mut group: Vec<&CrimeInput> =
            inputs.iter().filter(|i| i.level == Level::Ward && i.vintage == Some(vintage)).collect();
        group.sort_by_key(|i| i.table.period.map(|p| p.to));
        let tables: Vec<ReleaseTable> = group.iter().map(|i| i.table.clone()).collect();
        let Some(merged) = merge::merge(&tables) else { continue };
        write_series(staging, &format!("ward-{}", vintage.id), Level::Ward, &merged, progress)?;
        let files: Vec<&str> = group.iter().map(|i| i.path.as_str()).collect();
        report.notes.push(format!(
            "{} {} on {}, not on {} of the newest ward file: published apart as crime-ward-{}-*.json, {} wards, \
             {}..{}; {}",
            files.join(", "),
            if files.len() == 1 { "is" } else { "are" },
            vintage.name,
            current.map_or("the wards", |c| c.name),
            vintage.id,
            merged.areas.len(),
            merged.period.from,
            merged.period.to,
            if boundaries.contains_key(vintage.id) {
                format!("their map is wards-{}.geo.json", vintage.id)
            } else {
                format!(
                    "no boundary file of {} was found, so they have no map: add the GLA's ward shapefile of that \
                     vintage (\"Statistical GIS Boundary Files for London\") to draw it",
                    vintage.name
                )
            }
        ));
        out.push((vintage, merged, group));
    }
    Ok(out)
}

/// The one-screen summary printed at the end of a run.
pub fn summary(report: &Report, out: &Path) -> String {
    use met_core::data::format::thousands;
    let kb = |b: u64| format!("{:.1} KB", b as f64 / 1024.0);
    let mut s = String::new();
    s.push_str(&format!("Used {} files:\n", report.used.len()));
    for (path, what) in &report.used {
        s.push_str(&format!("  {path}  ({what})\n"));
    }
    s.push_str(&format!("Ignored {} files:\n", report.ignored.len()));
    for (path, why) in &report.ignored {
        s.push_str(&format!("  {path}: {why}\n"));
    }
    for (path, _) in report.ignored.iter().filter(|(_, why)| why == discover::EMPTY) {
        s.push_str(&format!("Warning: {path} is an empty file (no header, no rows); it was ignored\n"));
    }
    for note in &report.notes {
        s.push_str(&format!("Note: {note}\n"));
    }
    for unknown in &report.unknown_categories {
        s.push_str(&format!("Warning: {unknown}\n"));
    }
    s.push_str(&format!("Crime rows read: {}\n", thousands(report.rows_read as i64)));
    for r in &report.releases {
        let used: Vec<String> = r.months_used.iter().map(|p| format!("{}..{}", p.from, p.to)).collect();
        s.push_str(&format!(
            "  release {} ({} rows, {}..{}): months used {}\n",
            r.id,
            thousands(r.rows as i64),
            r.period.from,
            r.period.to,
            if used.is_empty() { "none".into() } else { used.join(", ") }
        ));
        for i in &r.incomplete {
            let instead = match &i.used {
                Some(id) => format!("{id}'s complete figure is used"),
                None => "no release covers it completely, so it is shown as unknown".to_string(),
            };
            s.push_str(&format!(
                "    incomplete month {} {}: {} offences where about {} were expected; {instead}\n",
                i.month,
                i.area.as_deref().map_or_else(|| "in London".to_string(), |a| format!("in {a}")),
                thousands(i.total as i64),
                thousands(i.expected as i64),
            ));
        }
    }
    for (level, period) in &report.periods {
        let areas = report.areas.iter().find(|(l, _)| l == level).map_or(0, |(_, n)| *n);
        let revs = report.revisions.iter().find(|(l, _)| l == level).map_or(0, |(_, n)| *n);
        s.push_str(&format!(
            "{}: {} areas, {} months ({}..{}), {} revised cells\n",
            level.id(),
            areas,
            period.len(),
            period.from,
            period.to,
            thousands(revs as i64)
        ));
    }
    s.push_str(&format!("Categories: {}\n", report.categories));
    if let Some(st) = &report.stops {
        for w in &st.warnings {
            s.push_str(&format!("Warning: {w}\n"));
        }
        let partial: Vec<String> = st
            .months
            .iter()
            .filter(|m| !m.complete)
            .map(|m| format!("{} (days {}–{} only)", m.month, m.first_day, m.last_day))
            .collect();
        s.push_str(&format!(
            "Stop and search: {} searches in {} months ({}..{}); {} without a location, {} outside the Met's boroughs ({} of them in the City of London, which has its own police force), {} in a borough but in none of its wards; partial months: {}\n",
            thousands(st.searches as i64),
            st.months.len(),
            st.months.first().map(|m| m.month.to_string()).unwrap_or_default(),
            st.months.last().map(|m| m.month.to_string()).unwrap_or_default(),
            thousands(st.no_location as i64),
            thousands(st.outside as i64),
            thousands(st.in_city as i64),
            thousands(st.not_in_a_ward as i64),
            if partial.is_empty() { "none".to_string() } else { partial.join(", ") }
        ));
        let p = &st.protection;
        s.push_str(&format!(
            "Disclosure control: {} cells, {} suppressed as 1–9 searches, {} more so that none can be worked out, {} \
             counts published again where safe ({:.1} s)\n",
            thousands(p.cells as i64),
            thousands(p.primary as i64),
            thousands(p.secondary as i64),
            p.restored,
            st.protect_seconds
        ));
        s.push_str(&format!(
            "Cross-tabulation (ethnic group × age × outcome, London and its parts): {} cells, {} suppressed\n",
            thousands(p.cross_cells as i64),
            thousands(p.cross_suppressed as i64)
        ));
    }
    let total: u64 = report.outputs.iter().map(|f| f.bytes).sum();
    s.push_str(&format!("Wrote {} files to {} ({}):\n", report.outputs.len(), out.display(), kb(total)));
    for f in &report.outputs {
        s.push_str(&format!("  {:32} {:>10}\n", f.path, kb(f.bytes)));
    }
    s.push_str(&format!(
        "Data release {} (also in releases/{}/); earlier releases kept: {}\n",
        report.release,
        report.release,
        if report.earlier_releases.is_empty() { "none".to_string() } else { report.earlier_releases.join(", ") }
    ));
    s.push_str(&format!(
        "Encoding check (series files, gzip -9): JSON {} vs postcard {}\n",
        kb(report.encoding.0 as u64),
        kb(report.encoding.1 as u64)
    ));
    s
}

/// Writes the standalone explaining pages (`met_core::explain::pages::standalone`)
/// of the manifest in `out` into the folder `pages`, replacing it whole; dated
/// by this month. Returns how many pages were written.
pub fn write_pages(out: &Path, pages: &Path) -> Result<usize, Error> {
    let path = out.join("manifest.json");
    let text = std::fs::read_to_string(&path).map_err(|e| io_error(&path, &e))?;
    let manifest: met_core::data::dataset::Manifest =
        serde_json::from_str(&text).map_err(|e| Error(format!("{}: not a manifest: {e}", path.display())))?;
    let written = met_core::explain::pages::standalone(&manifest, this_month());
    let staging = pages.with_extension("new");
    let _ = std::fs::remove_dir_all(&staging);
    std::fs::create_dir_all(&staging).map_err(|e| io_error(&staging, &e))?;
    for (file, html) in &written {
        let target = staging.join(file);
        std::fs::write(&target, html).map_err(|e| io_error(&target, &e))?;
    }
    let _ = std::fs::remove_dir_all(pages);
    std::fs::rename(&staging, pages).map_err(|e| io_error(pages, &e))?;
    Ok(written.len())
}

/// This month, by the system clock (UTC).
fn this_month() -> Month {
    let seconds = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    month_of_day(i64::try_from(seconds / 86_400).unwrap_or(0))
}

/// The month of a day counted from 1 January 1970 (the civil calendar).
fn month_of_day(days: i64) -> Month {
    let (year, month, _) = stop_search::civil_from_days(days);
    Month::new(u16::try_from(year).unwrap_or(1970), u8::try_from(month).unwrap_or(1))
        .unwrap_or_else(|| unreachable!("a civil date has a month from 1 to 12"))
}

#[cfg(test)]
mod month_tests {
    use super::*;

    #[test]
    fn days_map_to_their_civil_month() {
        let check =
            |days: i64, expected: &str| assert_eq!(month_of_day(days), Month::parse(expected).unwrap(), "{days}");
        check(0, "1970-01");
        check(30, "1970-01");
        check(31, "1970-02");
        check(11_016, "2000-02"); // 29 February 2000
        check(11_017, "2000-03");
        check(20_792, "2026-12"); // 5 December 2026
        check(20_818, "2026-12"); // 31 December 2026
        check(20_819, "2027-01");
    }
}
