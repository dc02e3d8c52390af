//! `prepare` on small hand-written fixtures in the publishers' formats
//! (`tests/fixtures/mini/`: three header layouts, CRLF and LF, a BOM, quoted
//! commas, a revision, a pseudo-borough) plus a borough shapefile written by
//! the test. Runs anywhere, with or without the real data.
#![cfg(not(target_arch = "wasm32"))]

use met_core::data::dataset::{AreaKind, Level, Manifest, SeriesFile};
use met_core::data::month::{Month, Period};
use shapefile::dbase::{FieldValue, Record, TableWriterBuilder};
use shapefile::{Point, Polygon, PolygonRing};
use std::path::{Path, PathBuf};

#[path = "support/audit.rs"]
mod audit;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini");

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Writes a shapefile of rectangles `(x, y, width, height)` in BNG metres, each
/// with one text value per field of `fields`.
fn write_shapefile(path: &Path, fields: &[&str], features: &[([f64; 4], &[&str])]) {
    let table =
        fields.iter().fold(TableWriterBuilder::new(), |t, f| t.add_character_field((*f).try_into().unwrap(), 40));
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let mut writer = shapefile::Writer::from_path(path, table).unwrap();
    for ([x, y, w, h], values) in features {
        let ring = vec![
            Point::new(*x, *y),
            Point::new(*x, y + h),
            Point::new(x + w, y + h),
            Point::new(x + w, *y),
            Point::new(*x, *y),
        ];
        let mut record = Record::default();
        for (field, value) in fields.iter().zip(*values) {
            record.insert((*field).into(), FieldValue::Character(Some((*value).into())));
        }
        writer.write_shape_and_record(&Polygon::new(PolygonRing::Outer(ring)), &record).unwrap();
    }
}

/// Writes a GLA-style borough shapefile: three 2 km squares side by side.
fn write_boroughs(dir: &Path) {
    write_shapefile(
        &dir.join("London_Borough_Excluding_MHW.shp"),
        &["NAME", "GSS_CODE"],
        &[
            ([525_000.0, 180_000.0, 2_000.0, 2_000.0], &["City of London", "E09000001"]),
            ([527_000.0, 180_000.0, 2_000.0, 2_000.0], &["Camden", "E09000007"]),
            ([529_000.0, 180_000.0, 2_000.0, 2_000.0], &["Westminster", "E09000033"]),
        ],
    );
}

fn source() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(Path::new(FIXTURES), dir.path());
    write_boroughs(dir.path());
    dir
}

fn run(from: &Path, out: &Path) -> Result<met_prepare::Report, met_prepare::Error> {
    met_prepare::run(&met_prepare::Options { from: from.to_path_buf(), out: out.to_path_buf(), progress: false })
}

fn read<T: serde::de::DeserializeOwned>(out: &Path, name: &str) -> T {
    serde_json::from_slice(&std::fs::read(out.join(name)).unwrap()).unwrap()
}

fn values(file: &SeriesFile, category: &str, area: &str) -> Vec<Option<u32>> {
    let a = file.areas.iter().position(|c| c == area).unwrap_or_else(|| panic!("no area {area}"));
    file.series(category).unwrap_or_else(|| panic!("no category {category}")).values[a].clone()
}

#[test]
fn merges_layouts_takes_newest_release_and_records_revisions() {
    let src = source();
    let out = src.path().join("out");
    let report = run(src.path(), &out).unwrap();

    let all: SeriesFile = read(&out, "crime-borough-all.json");
    assert_eq!(all.first, Month::parse("2018-01").unwrap());
    let tail = |v: Vec<Option<u32>>| v[v.len() - 3..].to_vec();
    // 2024-02 comes from the newer release (13 + 2), not the older one (12).
    assert_eq!(tail(values(&all, "all", "E09000007")), [Some(10), Some(15), Some(12)]);
    assert_eq!(tail(values(&all, "all", "E09000033")), [Some(5), Some(6), Some(7)]);
    // The newer release has no Unknown row: no offences, not unknown.
    assert_eq!(tail(values(&all, "all", "MPS-UNKNOWN")), [Some(1), Some(0), Some(0)]);
    // Months no release covers are unknown, never zero.
    assert_eq!(values(&all, "all", "E09000007")[0], Some(4));
    assert_eq!(values(&all, "all", "E09000007")[1], None);

    let order: SeriesFile = read(&out, "crime-borough-public-order-offences.json");
    // "PUBLIC FEAR ALARM OR DISTRESS" and "PUBLIC FEAR, ALARM OR DISTRESS" are one category.
    assert_eq!(
        tail(values(&order, "public-order-offences/public-fear-alarm-or-distress", "E09000033")),
        [Some(5), Some(6), Some(7)]
    );
    let fraud: SeriesFile = read(&out, "crime-borough-nfib-fraud.json");
    assert_eq!(tail(values(&fraud, "nfib-fraud", "E09000007")), [None, Some(2), Some(3)]);

    let revisions = std::fs::read_to_string(out.join("revisions-crime-borough.csv")).unwrap();
    assert_eq!(
        revisions.lines().collect::<Vec<_>>(),
        [
            "release,previous_release,month,area_code,area_name,category,old,new",
            "crime-borough-2024-03,crime-borough-2024-02,2024-02,E09000007,\"Camden\",burglary/res-burglary-of-a-home,12,13",
        ]
    );

    let manifest: Manifest = read(&out, "manifest.json");
    assert_eq!(manifest.area("E09000001").unwrap().kind, AreaKind::NotPoliced);
    assert_eq!(manifest.area("E09000007").unwrap().population, Some(210_136));
    assert_eq!(manifest.area("MPS-UNKNOWN").unwrap().kind, AreaKind::Pseudo);
    assert_eq!(
        manifest.category("public-order-offences/public-fear-alarm-or-distress").unwrap().name,
        "PUBLIC FEAR, ALARM OR DISTRESS"
    );
    let ward = manifest.area("E05013772").unwrap();
    assert_eq!(
        (ward.level, ward.name.as_str(), ward.borough.as_deref()),
        (Level::Ward, "Ham, Petersham & Richmond Riverside", Some("E09000007"))
    );
    assert_eq!(manifest.revisions, 1);
    assert!(
        report.ignored.iter().any(|(p, why)| p == "README.txt" && why.contains("documentation")),
        "{:?}",
        report.ignored
    );
    assert_eq!(report.rows_read, 3 + 3 + 1 + 2);
    let summary = met_prepare::summary(&report, &out);
    assert!(summary.contains("1 revised cells"), "{summary}");
}

#[test]
fn bad_input_names_file_line_and_column_and_leaves_output_untouched() {
    let src = source();
    let out = src.path().join("out");
    run(src.path(), &out).unwrap();
    let before = std::fs::read(out.join("manifest.json")).unwrap();

    let bad = src.path().join("newer/bad.csv");
    std::fs::write(
        &bad,
        "MajorText,MinorText,BoroughName,202501\r\nTHEFT,SHOPLIFTING,Camden,4\r\nTHEFT,OTHER THEFT,Camden,x\r\n",
    )
    .unwrap();
    let err = run(src.path(), &out).unwrap_err().to_string();
    assert!(
        err.ends_with(
            "newer/bad.csv: line 3, column \"202501\": expected a whole number of offences (0 or more), found \"x\""
        ),
        "{err}"
    );
    assert_eq!(std::fs::read(out.join("manifest.json")).unwrap(), before);

    std::fs::write(&bad, "MajorText,MinorText,BoroughName,202501\nTHEFT,SHOPLIFTING,Camdem,4\n").unwrap();
    let err = run(src.path(), &out).unwrap_err().to_string();
    assert!(err.contains("newer/bad.csv: line 2: unknown borough name \"Camdem\""), "{err}");
    assert_eq!(std::fs::read(out.join("manifest.json")).unwrap(), before);
    let leftovers: Vec<PathBuf> = std::fs::read_dir(src.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// The files directly in `dir` (not its folders), by name.
fn files_of(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().unwrap().is_file())
        .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap()))
        .collect()
}

#[test]
fn each_release_is_kept_under_its_id_and_later_runs_carry_it_over() {
    let src = source();
    let out = src.path().join("out");
    let first = run(src.path(), &out).unwrap();
    let published = files_of(&out);
    let manifest: Manifest = read(&out, "manifest.json");
    assert!(met_core::data::dataset::is_release_id(&manifest.release), "{}", manifest.release);
    assert_eq!((first.release.as_str(), first.earlier_releases.len()), (manifest.release.as_str(), 0));
    assert_eq!(files_of(&out.join("releases").join(&first.release)), published);
    // The same input makes the same release: nothing new is kept.
    assert_eq!(run(src.path(), &out).unwrap().release, first.release);
    assert_eq!(std::fs::read_dir(out.join("releases")).unwrap().count(), 1);

    // Newer figures make a new release; the first one's files stay as they were.
    std::fs::create_dir_all(out.join("releases/not-a-release")).unwrap();
    let path = src.path().join("newer/borough.csv");
    let text = std::fs::read_to_string(&path).unwrap().replace("Camden,13,9", "Camden,14,9");
    std::fs::write(&path, text).unwrap();
    let second = run(src.path(), &out).unwrap();
    assert_ne!(second.release, first.release);
    assert_eq!(second.earlier_releases, std::slice::from_ref(&first.release));
    assert_eq!(files_of(&out.join("releases").join(&first.release)), published);
    assert_eq!(files_of(&out.join("releases").join(&second.release)), files_of(&out));
    let all: SeriesFile = read(&out.join("releases").join(&first.release), "crime-borough-all.json");
    let latest: SeriesFile = read(&out, "crime-borough-all.json");
    let feb = |f: &SeriesFile| values(f, "all", "E09000007")[f.months - 2];
    assert_eq!((feb(&all), feb(&latest)), (Some(15), Some(16)));
    // Only folders named and made like releases are carried over.
    assert!(!out.join("releases/not-a-release").exists());
    assert!(met_prepare::summary(&second, &out).contains(&format!(
        "Data release {} (also in releases/{}/); earlier releases kept: {}",
        second.release, second.release, first.release
    )));
}

#[test]
fn a_missing_required_source_is_named() {
    let src = source();
    std::fs::remove_file(src.path().join("ts007a.csv")).unwrap();
    let err = run(src.path(), &src.path().join("out")).unwrap_err().to_string();
    assert!(err.contains("no file of Census 2021 population by borough (ONS TS007A) found"), "{err}");
    assert!(!src.path().join("out").exists());
}

#[test]
fn a_category_missing_from_the_table_is_kept_and_reported() {
    let src = source();
    let path = src.path().join("newer/borough.csv");
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("CYBER CRIME,COMPUTER MISUSE,Camden,1,2\n");
    std::fs::write(&path, text).unwrap();
    let out = src.path().join("out");
    let report = run(src.path(), &out).unwrap();
    assert_eq!(
        report.unknown_categories,
        ["newer/borough.csv line 5: category \"CYBER CRIME\" / \"COMPUTER MISUSE\" is not in the category table (src/core/crime/categories.rs); its figures are kept as \"cyber-crime/computer-misuse\", add it to the table with a plain name"]
    );
    assert!(met_prepare::summary(&report, &out).contains("Warning: newer/borough.csv line 5: category \"CYBER CRIME\""));
    let cyber: SeriesFile = read(&out, "crime-borough-cyber-crime.json");
    let tail = |v: Vec<Option<u32>>| v[v.len() - 2..].to_vec();
    assert_eq!(tail(values(&cyber, "cyber-crime/computer-misuse", "E09000007")), [Some(1), Some(2)]);
    let manifest: Manifest = read(&out, "manifest.json");
    assert_eq!(manifest.category("cyber-crime/computer-misuse").unwrap().plain, None);
    assert!(manifest.category("burglary/res-burglary-of-a-home").unwrap().plain.is_some());
}

/// The WGS84 latitude and longitude of a British National Grid point, found by
/// iterating the forward conversion.
fn lat_lon_at(x: f64, y: f64) -> (f64, f64) {
    let (mut lat, mut lon) = (51.5_f64, -0.1_f64);
    for _ in 0..30 {
        let (e, n) = met_prepare::locate::to_grid(lat, lon);
        lat += (y - n) / 111_200.0;
        lon += (x - e) / (111_200.0 * lat.to_radians().cos());
    }
    (lat, lon)
}

/// A police.uk file for April 2024 with the cases that matter: BST at the start
/// and end of the month, a search without a place, one outside London, and a
/// label the table does not know. Searches stop on 5 April, so the month is partial.
fn write_stop_search(dir: &Path) -> usize {
    let (lat, lon) = lat_lon_at(528_000.0, 181_000.0); // Camden in the fixture's boroughs.
    let mut csv = String::from("Type,Date,Part of a policing operation,Policing operation,Latitude,Longitude,Gender,Age range,Self-defined ethnicity,Officer-defined ethnicity,Legislation,Object of search,Outcome,Outcome linked to object of search,Removal of more than just outer clothing\n");
    let row = |date: &str, place: &str, outcome: &str| {
        format!("Person search,{date},False,,{place},Male,18-24,White - Irish,White,Misuse of Drugs Act 1971 (section 23),Controlled drugs,{outcome},,\n")
    };
    let camden = format!("{lat:.6},{lon:.6}");
    // 31 March 23:30 UTC is 1 April 00:30 in British Summer Time.
    csv += &row("2024-03-31T23:30:00+00:00", &camden, "Arrest");
    for day in 2..=5 {
        for _ in 0..3 {
            csv += &row(&format!("2024-04-0{day}T12:00:00+00:00"), &camden, "A no further action disposal");
        }
    }
    csv += &row("2024-04-03T12:00:00+00:00", ",", "Arrest");
    csv += &row("2024-04-03T12:00:00+00:00", "52.480000,-1.890000", "Arrest"); // Birmingham.
    csv += &row("2024-04-04T12:00:00+00:00", &camden, "Sent to the moon"); // line 17
                                                                           // 30 April 23:30 UTC is already 1 May in London: no May file, so it is left out.
    csv += &row("2024-04-30T23:30:00+00:00", &camden, "Arrest");
    std::fs::create_dir_all(dir.join("stop-search")).unwrap();
    std::fs::write(dir.join("stop-search/2024-04-metropolitan-stop-and-search.csv"), csv).unwrap();
    16
}

#[test]
fn stop_and_search_is_bucketed_in_local_months_placed_and_protected() {
    let src = source();
    let counted = write_stop_search(src.path());
    let out = tempfile::tempdir().unwrap();
    let report = run(src.path(), out.path()).unwrap();
    let stops = report.stops.expect("stop and search was read");
    assert_eq!((stops.searches, stops.no_location, stops.outside), (counted + 1, 1, 1));
    let april = &stops.months[0];
    assert_eq!((april.month.iso().as_str(), april.first_day, april.last_day, april.complete), ("2024-04", 1, 5, false));
    let warnings = stops.warnings.join("\n");
    assert!(warnings.contains("line 17: Outcome label \"Sent to the moon\" is not in the label table"), "{warnings}");
    assert!(
        warnings.contains("1 searches are dated outside 2024-04 in UK local time (the first in 2024-05)"),
        "{warnings}"
    );

    let file: met_core::stops::stop_search::StopsFile = read(out.path(), "stops-borough.json");
    let at = |code: &str| file.areas.iter().position(|a| a.code == code).unwrap();
    assert_eq!(file.partial.len(), 1);
    assert_eq!(file.searches[at("london")], [Some(16)]);
    assert_eq!(file.searches[at("E09000007")], [Some(14)]);
    assert_eq!(file.searches[at("no-location")], [Some(1)]);
    assert_eq!(file.searches[at("outside-london")], [Some(1)]);
    // Three arrests in London (Camden 1, no location 1, outside 1): every count of
    // 1 to 9 is suppressed, London's 3 too, and nothing can be worked out.
    assert_eq!(file.arrests[at("E09000007")], Some(vec![None]));
    assert_eq!(file.arrests[at("london")], Some(vec![None]));
    let wards: met_core::stops::stop_search::StopsFile = read(out.path(), "stops-ward.json");
    let cross: met_core::stops::crosstab::CrossFile = read(out.path(), met_core::stops::crosstab::FILE);
    assert!(cross.periods.is_empty(), "one month makes no 12-month period");
    let findings = audit::audit(&[&file, &wards], Some(&cross));
    assert!(findings.broken.is_empty() && findings.small.is_empty() && findings.recovered.is_empty(), "{findings:?}");
    // No row-level detail leaves prepare: no times, coordinates or labels of ours.
    let text = std::fs::read_to_string(out.path().join("stops-borough.json")).unwrap();
    assert!(!text.contains("2024-04-0") && !text.contains("51.5") && !text.contains("Sent to the moon"));
}

/// One month of London's arrests, 25 = A (suppressed, 4) + B 21 + C (`c`, in fact 0).
fn three_areas(c: Option<u32>) -> met_core::stops::stop_search::StopsFile {
    use met_core::stops::stop_search::{StopArea, StopsFile};
    let area = |code: &str, parent: Option<&str>| StopArea {
        code: code.into(),
        name: code.into(),
        parent: parent.map(str::to_string),
    };
    StopsFile {
        schema: 1,
        threshold: 10,
        first: Month::new(2024, 1).unwrap(),
        months: 1,
        partial: Vec::new(),
        areas: vec![
            area("london", None),
            area("A", Some("london")),
            area("B", Some("london")),
            area("C", Some("london")),
        ],
        searches: vec![vec![Some(90)], vec![Some(30)], vec![Some(50)], vec![Some(10)]],
        arrests: vec![Some(vec![Some(25)]), Some(vec![None]), Some(vec![Some(21)]), Some(vec![c])],
        periods: Vec::new(),
        residents: Vec::new(),
    }
}

#[test]
fn the_auditor_finds_what_a_careless_publication_gives_away() {
    // With C's 0 published, A is 4.
    let file = three_areas(Some(0));
    let findings = audit::audit(&[&file], None);
    assert_eq!(findings.recovered, ["arrests A 2024-01 = 4"]);
    assert_eq!(findings.differenced.len(), 1, "{findings:?}");
    // A published 4 is caught too, and a broken sum.
    let mut careless = file;
    careless.arrests[1] = Some(vec![Some(4)]);
    careless.searches[3] = vec![Some(11)];
    let findings = audit::audit(&[&careless], None);
    assert_eq!(findings.small, ["arrests A 2024-01 = 4"]);
    assert_eq!(findings.broken, ["london month 0 = parts: 90 ≠ 91"]);
}

#[test]
fn ward_files_of_an_older_vintage_are_kept_apart_with_their_own_map() {
    let src = source();
    // A 2019-layout ward file on the wards before May 2022 (Camden's E05000xxx codes), and a
    // GLA shapefile of those wards: neither may leak into the current wards.
    std::fs::write(
        src.path().join("ward-2021.csv"),
        "MajorText,MinorText,WardName,WardCode,LookUp_BoroughName,202111,202112\n\
         Theft,Shoplifting,Kilburn,E05000138,Camden,8,9\n\
         Burglary,Burglary - Residential,Abbey,E05000130,Camden,2,0\n",
    )
    .unwrap();
    // A GLA-style ward shapefile, with each ward's borough as LAGSSCODE: two wards splitting Camden.
    write_shapefile(
        &src.path().join("gla/ESRI/London_Ward.shp"),
        &["NAME", "GSS_CODE", "LAGSSCODE"],
        &[
            ([527_000.0, 180_000.0, 2_000.0, 1_000.0], &["Kilburn", "E05000138", "E09000007"]),
            ([527_000.0, 181_000.0, 2_000.0, 1_000.0], &["Abbey", "E05000130", "E09000007"]),
        ],
    );
    let out = src.path().join("out");
    let report = run(src.path(), &out).unwrap();
    let manifest: Manifest = read(&out, "manifest.json");
    // The current wards are the May 2022 ones of ward.csv only.
    let current: Vec<&str> = manifest.areas_of(Level::Ward).map(|a| a.code.as_str()).collect();
    assert_eq!(current, ["E05013772", "E05013806"]);
    assert_eq!(manifest.ward_vintage.as_deref(), Some("2022"));
    let wards: SeriesFile = read(&out, "crime-ward-all.json");
    assert_eq!(wards.first, Month::parse("2024-01").unwrap());
    assert!(!wards.areas.iter().any(|a| a.starts_with("E05000")));
    // The older wards: their own list, series and map, with their borough from LAGSSCODE.
    let older = &manifest.older_wards[0];
    assert_eq!((older.id.as_str(), older.boundaries, older.period.len()), ("2018", true, 2));
    let kilburn = older.areas.iter().find(|a| a.code == "E05000138").unwrap();
    assert_eq!((kilburn.name.as_str(), kilburn.borough.as_deref()), ("Kilburn", Some("E09000007")));
    let old: SeriesFile = read(&out, "crime-ward-2018-all.json");
    assert_eq!(values(&old, "all", "E05000138"), [Some(8), Some(9)]);
    assert_eq!(values(&old, "all", "E05000130"), [Some(2), Some(0)]);
    // Each vintage holds only its own wards: none is 0 for the other's months.
    assert_eq!(old.areas, ["E05000130", "E05000138"]);
    assert_eq!(wards.areas, ["E05013772", "E05013806"]);
    let geo: met_core::data::dataset::GeoFile = read(&out, "wards-2018.geo.json");
    assert_eq!(geo.areas.len(), 2);
    assert!(manifest.releases.iter().any(|r| r.id == "crime-ward-2018-2021-12"));
    let summary = met_prepare::summary(&report, &out);
    assert!(
        summary.contains("ward-2021.csv is on the wards of May 2018 to May 2022, not on the wards drawn in May 2022"),
        "{summary}"
    );
    assert!(!summary.contains("ward E05000"), "{summary}");

    // Without the shapefile the older wards are still published, and the summary says what is missing.
    std::fs::remove_dir_all(src.path().join("gla")).unwrap();
    let report = run(src.path(), &out).unwrap();
    let manifest: Manifest = read(&out, "manifest.json");
    assert!(!manifest.older_wards[0].boundaries);
    assert!(met_prepare::summary(&report, &out).contains("no boundary file of the wards of May 2018 to May 2022"));
}

#[test]
fn a_repeated_row_is_an_error_naming_both_lines() {
    let src = source();
    let path = src.path().join("ward.csv");
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("THEFT,SHOPLIFTING,\"Ham, Petersham & Richmond Riverside\",E05013772,Camden,3,4\n");
    std::fs::write(&path, text).unwrap();
    let err = run(src.path(), &src.path().join("out")).unwrap_err().to_string();
    assert!(err.contains("ward.csv: line 4: THEFT / SHOPLIFTING in E05013772 is repeated: line 2 has"), "{err}");
    assert!(!src.path().join("out").exists());
}

#[test]
fn a_stub_month_never_replaces_a_complete_one_and_is_reported() {
    let src = source();
    // A newer borough release whose first month (2024-03) is nearly empty.
    std::fs::write(
        src.path().join("newer/stub.csv"),
        "MajorText,MinorText,BoroughName,202403,202404,202405,202406\n\
         BURGLARY,RES BURGLARY OF A HOME,Camden,0,9,10,11\n\
         PUBLIC ORDER OFFENCES,PUBLIC FEAR ALARM OR DISTRESS,Westminster,1,7,8,7\n",
    )
    .unwrap();
    let out = src.path().join("out");
    let report = run(src.path(), &out).unwrap();
    let all: SeriesFile = read(&out, "crime-borough-all.json");
    let tail = |v: Vec<Option<u32>>| v[v.len() - 4..].to_vec();
    // March 2024 stays 12 (from the release ending March: burglary 9, fraud 3), not the stub's 0.
    assert_eq!(tail(values(&all, "all", "E09000007")), [Some(12), Some(9), Some(10), Some(11)]);
    let manifest: Manifest = read(&out, "manifest.json");
    let stub = manifest.releases.iter().find(|r| r.id == "crime-borough-2024-06").unwrap();
    assert_eq!(stub.incomplete.len(), 1);
    assert_eq!(
        (stub.incomplete[0].month.iso().as_str(), stub.incomplete[0].used.as_deref()),
        ("2024-03", Some("crime-borough-2024-03"))
    );
    let summary = met_prepare::summary(&report, &out);
    assert!(
        summary.contains("incomplete month 2024-03 in London: 1 offences where about 19 were expected; crime-borough-2024-03's complete figure is used"),
        "{summary}"
    );
}

#[test]
fn the_oldest_layout_maps_onto_todays_categories() {
    let src = source();
    std::fs::write(
        src.path().join("old-layout-2018.csv"),
        "Borough,Major Category,Minor Category,201712,201801\n\
         Camden,Burglary,Burglary in a Dwelling,4,4\n\
         Camden,Drugs,Possession Of Drugs,3,5\n\
         Camden,Theft & Handling,Theft From Motor Vehicle,2,1\n\
         Camden,Violence Against the Person,Common Assault,6,7\n",
    )
    .unwrap();
    let out = src.path().join("out");
    let report = run(src.path(), &out).unwrap();
    assert!(report.unknown_categories.is_empty(), "{:?}", report.unknown_categories);
    let drugs: SeriesFile = read(&out, "crime-borough-drug-offences.json");
    assert_eq!(values(&drugs, "drug-offences/possession-of-drugs", "E09000007")[..2], [Some(3), Some(5)]);
    let vehicle: SeriesFile = read(&out, "crime-borough-vehicle-offences.json");
    assert_eq!(values(&vehicle, "vehicle-offences", "E09000007")[..2], [Some(2), Some(1)]);
    // No newer-classification file follows it directly here, so no break is marked.
    let manifest: Manifest = read(&out, "manifest.json");
    assert!(manifest.datasets[0].breaks.is_empty());
}

#[test]
fn an_empty_file_is_a_warning_and_a_stray_stop_search_month_is_ignored() {
    let src = source();
    std::fs::write(src.path().join("empty.csv"), "").unwrap();
    write_stop_search(src.path());
    // A file years before the others.
    let april =
        std::fs::read_to_string(src.path().join("stop-search/2024-04-metropolitan-stop-and-search.csv")).unwrap();
    std::fs::write(
        src.path().join("stop-search/2019-01-metropolitan-stop-and-search.csv"),
        april.replace("2024-04-0", "2019-01-0").replace("2024-03-31", "2019-01-01").replace("2024-04-30", "2019-01-30"),
    )
    .unwrap();
    // A search in the City of London, policed by the City of London Police.
    let (lat, lon) = lat_lon_at(526_000.0, 181_000.0);
    let mut text = april;
    text.push_str(&format!("Person search,2024-04-03T12:00:00+00:00,False,,{lat:.6},{lon:.6},Male,18-24,White - Irish,White,Misuse of Drugs Act 1971 (section 23),Controlled drugs,Arrest,,\n"));
    std::fs::write(src.path().join("stop-search/2024-04-metropolitan-stop-and-search.csv"), text).unwrap();
    let out = src.path().join("out");
    let report = run(src.path(), &out).unwrap();
    let summary = met_prepare::summary(&report, &out);
    assert!(summary.contains("Warning: empty.csv is an empty file"), "{summary}");
    assert!(
        report
            .ignored
            .iter()
            .any(|(p, why)| p.contains("2019-01") && why.contains("apart from the consecutive months")),
        "{:?}",
        report.ignored
    );
    let stops = report.stops.unwrap();
    assert_eq!((stops.months.len(), stops.in_city), (1, 1));
    let file: met_core::stops::stop_search::StopsFile = read(&out, "stops-borough.json");
    assert!(!file.areas.iter().any(|a| a.code == "E09000001"));
    let at = |code: &str| file.areas.iter().position(|a| a.code == code).unwrap();
    assert_eq!(file.searches[at("outside-london")], [Some(2)]);
}

/// Writes police.uk files for `months`, each with the same searches from
/// month to month except for a few that vary with `seed` and the month, spread
/// over Camden, Westminster, no location and outside London, people's groups
/// and outcomes, so that small counts are suppressed and more is hidden to
/// protect them. Every file covers its whole month.
fn write_stop_months(dir: &Path, months: &[&str]) {
    let places = [lat_lon_at(528_000.0, 181_000.0), lat_lon_at(530_000.0, 181_000.0)];
    let ethnicities =
        ["White - Irish", "Black/African/Caribbean/Black British - African", "Asian/Asian British - Indian", ""];
    let ages = ["18-24", "25-34", "10-17", "over 34"];
    let outcomes = ["A no further action disposal", "Arrest", "Community resolution", "Summons / charged by post"];
    let types = ["Person search", "Person and Vehicle search", "Vehicle search"];
    std::fs::create_dir_all(dir.join("stop-search")).unwrap();
    for (m, month) in months.iter().enumerate() {
        let mut csv = String::from("Type,Date,Part of a policing operation,Policing operation,Latitude,Longitude,Gender,Age range,Self-defined ethnicity,Officer-defined ethnicity,Legislation,Object of search,Outcome,Outcome linked to object of search,Removal of more than just outer clothing\n");
        // A small deterministic generator (a linear congruential one).
        let mut state = 12_345u64 + m as u64 * 7_919;
        let mut next = |n: usize| {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            usize::try_from(state >> 33).unwrap() % n
        };
        let last_day = match &month[5..] {
            "02" => 28,
            "04" | "06" | "09" | "11" => 30,
            _ => 31,
        };
        for i in 0..90 {
            let day = if i == 0 {
                1
            } else if i == 1 {
                last_day
            } else {
                1 + next(last_day)
            };
            let place = match next(20) {
                0 => ",".to_string(),
                1 => "52.480000,-1.890000".to_string(),
                k => {
                    let (lat, lon) = places[usize::from(k > 14)];
                    format!("{lat:.6},{lon:.6}")
                }
            };
            let officer = ["White", "Black", "Asian"][next(3)];
            csv += &format!(
                "{},{month}-{day:02}T12:00:00+00:00,False,,{place},{},{},{},{officer},Misuse of Drugs Act 1971 (section 23),Controlled drugs,{},,\n",
                types[next(10).min(2)],
                ["Male", "Female"][next(4).min(1)],
                ages[next(4)],
                ethnicities[next(4)],
                outcomes[next(7).saturating_sub(3)],
            );
        }
        std::fs::write(dir.join(format!("stop-search/{month}-metropolitan-stop-and-search.csv")), csv).unwrap();
    }
}

#[test]
fn successive_releases_publish_the_same_cells_or_new_ones() {
    use met_core::stops::stop_search::StopsFile;
    // Release 1: April 2024 to April 2025, so one fixed year (April to March)
    // and a month of the next. Release 2 adds May 2025.
    let months: Vec<String> =
        Period::new(Month::new(2024, 4).unwrap(), Month::new(2025, 5).unwrap()).months().map(Month::iso).collect();
    let months: Vec<&str> = months.iter().map(String::as_str).collect();
    // Both into one folder, which keeps the earlier release.
    let out = tempfile::tempdir().unwrap();
    let prepare = |months: &[&str], revise: bool| {
        let src = source();
        write_stop_months(src.path(), months);
        if revise {
            let path = src.path().join("stop-search/2024-06-metropolitan-stop-and-search.csv");
            let mut text = std::fs::read_to_string(&path).unwrap();
            let last = text.lines().last().unwrap().to_string();
            text.push_str(&format!("{last}\n"));
            std::fs::write(path, text).unwrap();
        }
        let report = run(src.path(), out.path()).unwrap();
        let boroughs: StopsFile = read(out.path(), "stops-borough.json");
        let cross: met_core::stops::crosstab::CrossFile = read(out.path(), met_core::stops::crosstab::FILE);
        (report.stops.unwrap().warnings, boroughs, cross)
    };
    let (_, first, first_cross) = prepare(&months[..13], false);
    let (warnings, second, second_cross) = prepare(&months, false);
    assert!(!warnings.iter().any(|w| w.contains("differently")), "{warnings:?}");
    let year =
        |f: &StopsFile| f.periods.iter().map(|p| format!("{}..{}", p.period.from, p.period.to)).collect::<Vec<_>>();
    assert_eq!(year(&first), ["2024-04..2025-03"]);
    assert_eq!(year(&second), year(&first), "no new whole year yet");
    // The same cells, hidden or published alike: the year's, and every month
    // both releases have.
    assert_eq!(second.periods, first.periods);
    assert_eq!(second_cross.periods, first_cross.periods);
    assert_eq!((first.months, second.months), (13, 14));
    for (a, area) in first.areas.iter().enumerate() {
        assert_eq!(second.areas[a].code, area.code);
        assert_eq!(second.searches[a][..13], first.searches[a][..], "{}", area.code);
        assert_eq!(
            second.arrests[a].as_ref().map(|x| x[..13].to_vec()),
            first.arrests[a].clone(),
            "arrests of {}",
            area.code
        );
    }
    let hidden = first.arrests.iter().flatten().flatten().filter(|c| c.is_none()).count();
    let year = &first.periods[0].dimensions;
    let hidden_by_value = year.iter().flat_map(|d| &d.values).flat_map(|v| &v.counts).filter(|c| c.is_none()).count();
    assert!(hidden > 5 && hidden_by_value > 20, "the fixture exercises protection: {hidden}, {hidden_by_value}");
    // An attacker holding both releases recovers nothing.
    let findings = audit::audit_releases(&[(&[&first], Some(&first_cross)), (&[&second], Some(&second_cross))]);
    assert!(
        findings.broken.is_empty()
            && findings.small.is_empty()
            && findings.differenced.is_empty()
            && findings.recovered.is_empty(),
        "{findings:?}"
    );
    // police.uk revising a month is named, since the two versions can be subtracted.
    let (warnings, _, _) = prepare(&months, true);
    assert!(
        warnings.iter().any(|w| w.contains("published stop and search differently for 2024-06 (first in London)")),
        "{warnings:?}"
    );
}

#[test]
fn the_auditor_attacks_releases_together() {
    let file = three_areas;
    let (first, second) = (file(None), file(Some(0)));
    assert_eq!(audit::audit(&[&first], None).recovered, Vec::<String>::new());
    // A later release that publishes C's 0 gives A's 4 away, and one that
    // publishes another value for the same count is caught.
    let findings = audit::audit_releases(&[(&[&first], None), (&[&second], None)]);
    assert_eq!(findings.recovered, ["arrests A 2024-01 = 4"]);
    let findings = audit::audit_releases(&[(&[&second], None), (&[&file(Some(1))], None)]);
    assert!(
        findings.broken.iter().any(|b| b.contains("arrests C 2024-01: 0 in one release, 1 in another")),
        "{findings:?}"
    );
}
