//! Finding the input files inside `--from` by their headers and formats,
//! whatever their folder or file names.
//!
//! Every file below the folder is looked at, in sorted path order, and is
//! either *used* as one [`Kind`] or *ignored* with a reason that `prepare`
//! prints, so a missing or misnamed file never goes unnoticed.

use crate::geometry;
use met_core::crime::crime_csv;
use std::path::{Path, PathBuf};

/// What a recognised input file is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// An MPS crime CSV (any header layout, borough or ward level).
    Crime,
    /// The GLA borough shapefile (British National Grid).
    BoroughShapes,
    /// The ONS ward GeoPackage; the feature table's name.
    WardShapes(String),
    /// A GLA ward shapefile ("Statistical GIS Boundary Files for London"),
    /// with each ward's borough in `LAGSSCODE`.
    WardShapefile,
    /// ONS Census 2021 TS007A by local authority.
    BoroughPopulation,
    /// ONS LSOA (2021) → ward (2024) → LAD (2024) best-fit lookup.
    LsoaLookup,
    /// GLA Census 2021 LSOA workbook with `All usual residents`.
    LsoaPopulation,
    /// A police.uk stop-and-search file (one month of one force).
    StopSearch,
    /// ONS Census 2021 TS021 ethnic group (20 categories) by local authority.
    EthnicPopulation,
}

impl Kind {
    pub fn describe(&self) -> &'static str {
        match self {
            Kind::Crime => "MPS recorded crime (London Datastore)",
            Kind::BoroughShapes => "borough boundaries (GLA shapefile)",
            Kind::WardShapes(_) => "ward boundaries (ONS GeoPackage)",
            Kind::WardShapefile => "ward boundaries (GLA shapefile)",
            Kind::BoroughPopulation => "Census 2021 population by borough (ONS TS007A)",
            Kind::LsoaLookup => "LSOA to ward lookup (ONS)",
            Kind::LsoaPopulation => "Census 2021 population by LSOA (GLA workbook)",
            Kind::StopSearch => "stop and search records (police.uk)",
            Kind::EthnicPopulation => "Census 2021 population by ethnic group and borough (ONS TS021)",
        }
    }

    /// Whether at most one file of this kind is used (ward boundaries: one of
    /// each vintage, chosen by `prepare`).
    fn single(&self) -> bool {
        !matches!(self, Kind::Crime | Kind::StopSearch | Kind::WardShapes(_) | Kind::WardShapefile)
    }

    /// Whether this is a file of ward boundaries.
    pub fn is_ward_boundaries(&self) -> bool {
        matches!(self, Kind::WardShapes(_) | Kind::WardShapefile)
    }
}

/// The files found.
#[derive(Debug, Default)]
pub struct Found {
    pub used: Vec<(PathBuf, Kind)>,
    pub ignored: Vec<(PathBuf, String)>,
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?.map(|e| e.map(|e| e.path())).collect::<Result<_, _>>()?;
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

fn has(header: &[String], names: &[&str]) -> bool {
    names.iter().all(|n| header.iter().any(|h| h.trim() == *n))
}

/// Why an empty file is ignored (`prepare` also warns about it).
pub const EMPTY: &str = "empty file (no header, no rows)";

/// Recognises a CSV file by its header.
fn classify_csv(path: &Path) -> Result<Kind, String> {
    if std::fs::metadata(path).map_err(|e| e.to_string())?.len() <= 16 {
        let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
        let text = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
        if text.iter().all(u8::is_ascii_whitespace) {
            return Err(EMPTY.into());
        }
    }
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    let header = crime_csv::read_header(std::io::BufReader::new(file)).ok_or("empty or unreadable CSV")?;
    if crime_csv::detect(&header).is_ok() {
        return Ok(Kind::Crime);
    }
    if has(&header, &["geography code", "Age: Total"]) {
        return Ok(Kind::BoroughPopulation);
    }
    if has(&header, &["LSOA21CD", "WD24CD", "LAD24CD"]) {
        return Ok(Kind::LsoaLookup);
    }
    if has(&header, &["Type", "Date", "Latitude", "Longitude", "Legislation", "Object of search", "Outcome"]) {
        return Ok(Kind::StopSearch);
    }
    if has(&header, &["Crime ID", "Month", "LSOA code", "Crime type"]) {
        return Err(
            "police.uk street-level crimes: not used (the MPS borough and ward files are the crime source)".into()
        );
    }
    if has(&header, &["Lower Tier Local Authorities Code", "Ethnic group (20 categories) Code", "Observation"]) {
        return Ok(Kind::EthnicPopulation);
    }
    if has(&header, &["Code", "Year", "Population", "Source"]) {
        return Err("GLA population projections: not used (Census 2021 is the denominator)".into());
    }
    if let Err(why) = crime_csv::detect(&header) {
        if has(&header, &["MajorText"]) || has(&header, &["Group", "SubGroup"]) {
            // Looks like a crime file but is malformed: that must not pass silently.
            return Err(format!("looks like an MPS crime file but {why}"));
        }
    }
    Err(format!("unrecognised CSV header starting {:?}", header.iter().take(4).collect::<Vec<_>>()))
}

/// Recognises one file, or says why it is ignored.
fn classify(path: &Path) -> Result<Kind, String> {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "csv" => classify_csv(path),
        "shp" => {
            let shapes = geometry::read_shapefile(path).map_err(|e| format!("unreadable shapefile: {e}"))?;
            if !shapes.is_empty() && shapes.iter().all(|s| s.code.starts_with("E09")) {
                Ok(Kind::BoroughShapes)
            } else if shapes.iter().any(|s| s.code.starts_with("E05"))
                && shapes.iter().all(|s| s.code.starts_with("E05") || s.code.starts_with("E09"))
                && shapes.iter().filter(|s| s.code.starts_with("E05")).all(|s| s.parent.is_some())
            {
                Ok(Kind::WardShapefile)
            } else {
                Err("shapefile with neither London borough codes (E09…) nor ward codes (E05…) with their borough \
                     (LAGSSCODE) in GSS_CODE"
                    .into())
            }
        }
        "gpkg" => match geometry::gpkg_ward_table(path) {
            Ok(Some(table)) => Ok(Kind::WardShapes(table)),
            Ok(None) => Err("GeoPackage without a ward table (WD24CD, WD24NM)".into()),
            Err(e) => Err(format!("unreadable GeoPackage: {e}")),
        },
        "xlsx" => {
            use calamine::{open_workbook_auto, Reader};
            let book = open_workbook_auto(path).map_err(|e| format!("unreadable workbook: {e}"))?;
            if book.sheet_names().iter().any(|s| s == "2021") {
                Ok(Kind::LsoaPopulation)
            } else {
                Err("workbook without a sheet \"2021\"".into())
            }
        }
        "geojson" => Err("GeoJSON boundaries: not used (the GLA shapefile in British National Grid is used)".into()),
        "dbf" | "shx" | "prj" | "sbn" | "sbx" | "atx" | "cpg" | "xml" => Err("side file of a shapefile".into()),
        "md" | "txt" => Err("documentation, not data".into()),
        _ => Err("unknown file type".into()),
    }
}

/// Finds and classifies every file below `dir`.
pub fn discover(dir: &Path) -> std::io::Result<Found> {
    let mut paths = Vec::new();
    walk(dir, &mut paths)?;
    let mut found = Found::default();
    for path in paths {
        match classify(&path) {
            Ok(kind) if kind.single() && found.used.iter().any(|(_, k)| *k == kind) => {
                found.ignored.push((path, format!("another file of this kind ({}) is already used", kind.describe())));
            }
            Ok(kind) => found.used.push((path, kind)),
            Err(reason) => found.ignored.push((path, reason)),
        }
    }
    Ok(found)
}
