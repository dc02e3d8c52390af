//! `prepare` over the real published files in `../shared/data` (or
//! `MET_DATA_DIR`), checking figures known from the publisher's CSVs.
//!
//! When the folder is absent the test says so and passes without checking:
//! CI always has it, and the fixture tests in `prepare_fixtures.rs` run anywhere.
#![cfg(not(target_arch = "wasm32"))]

use met_core::data::dataset::{AreaKind, Level, Manifest, SeriesFile};
use met_core::data::month::{Month, Period};
use met_core::stops::crosstab::{self, CrossFile};
use met_core::stops::stop_search::{Dimension, StopsFile};
use std::path::PathBuf;
use std::sync::OnceLock;

#[path = "support/audit.rs"]
mod audit;

fn source() -> Option<PathBuf> {
    let dir = std::env::var_os("MET_DATA_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data"));
    dir.is_dir().then_some(dir)
}

/// The output of `prepare` over the source, for all tests of this file:
/// `MET_PREPARED_DIR` when set (`scripts/test.sh` points it at the
/// `public/data` it has just prepared from the same source, and
/// `output_is_byte_identical_for_identical_input` checks that it is what this
/// code writes), else a run of `prepare` made once.
fn prepared() -> Option<&'static PathBuf> {
    static OUT: OnceLock<Option<PathBuf>> = OnceLock::new();
    OUT.get_or_init(|| {
        let from = source()?;
        if let Some(dir) = std::env::var_os("MET_PREPARED_DIR").map(PathBuf::from) {
            assert!(dir.join("manifest.json").is_file(), "MET_PREPARED_DIR={} holds no prepared data", dir.display());
            return Some(dir);
        }
        let out = std::env::temp_dir().join(format!("met-prepare-shared-{}", std::process::id()));
        met_prepare::run(&met_prepare::Options { from, out: out.clone(), progress: false }).expect("prepare succeeds");
        Some(out)
    })
    .as_ref()
}

fn read<T: serde::de::DeserializeOwned>(name: &str) -> T {
    let path = prepared().unwrap().join(name);
    serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn total(file: &SeriesFile, category: &str, from: &str, to: &str) -> u64 {
    let period = Period::new(Month::parse(from).unwrap(), Month::parse(to).unwrap());
    let series = file.series(category).unwrap();
    let first = file.first.index();
    series
        .values
        .iter()
        .flat_map(|row| period.months().map(move |m| row[usize::try_from(m.index() - first).unwrap()]))
        .map(|v| u64::from(v.expect("published")))
        .sum()
}

macro_rules! skip_without_data {
    () => {
        if prepared().is_none() {
            eprintln!("skipped: no ../shared/data and no MET_DATA_DIR");
            return;
        }
    };
}

#[test]
fn ward_and_borough_files_sum_to_the_publishers_totals() {
    skip_without_data!();
    let wards: SeriesFile = read("crime-ward-all.json");
    assert_eq!(total(&wards, "all", "2024-01", "2025-12"), 1_794_538);
    // The borough file of the same release, before merging, is checked through
    // the merged series' months that came from it plus the revisions file below.
    let boroughs: SeriesFile = read("crime-borough-all.json");
    assert_eq!(boroughs.first.iso(), "2010-04");
    assert_eq!(boroughs.months, 195);
    assert_eq!(total(&boroughs, "all", "2010-04", "2026-06"), 13_365_969);
}

#[test]
fn the_release_ending_2025_12_sums_to_1_850_808() {
    skip_without_data!();
    // Rebuild that release's total from the merged series and the recorded
    // revisions: merged value where that release was used, else the newer
    // value minus (new − old) of the revision from that release.
    let boroughs: SeriesFile = read("crime-borough-all.json");
    let merged = total(&boroughs, "all", "2024-01", "2025-12") as i64;
    let csv = std::fs::read_to_string(prepared().unwrap().join("revisions-crime-borough.csv")).unwrap();
    let mut shift = 0i64;
    for line in csv.lines().skip(1) {
        let fields: Vec<&str> = line.split(',').collect();
        let (release, previous) = (fields[0], fields[1]);
        let (old, new): (i64, i64) =
            (fields[fields.len() - 2].parse().unwrap(), fields[fields.len() - 1].parse().unwrap());
        if previous == "crime-borough-2025-12" && release == "crime-borough-2026-06" {
            shift += old - new;
        }
    }
    assert_eq!(merged + shift, 1_850_808);
}

#[test]
fn manifest_lists_releases_areas_categories_and_hashes() {
    skip_without_data!();
    let m: Manifest = read("manifest.json");
    let ids: Vec<&str> = m.releases.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "crime-borough-2023-02",
            "crime-borough-2025-02",
            "crime-borough-2025-12",
            "crime-borough-2026-06",
            "crime-ward-2025-12"
        ]
    );
    let boroughs: Vec<_> = m.areas_of(Level::Borough).filter(|a| a.kind == AreaKind::Area).collect();
    assert_eq!(boroughs.len(), 32);
    assert!(boroughs.iter().all(|a| a.population.is_some_and(|p| p > 100_000)));
    assert_eq!(m.area("E09000001").unwrap().kind, AreaKind::NotPoliced);
    assert_eq!(m.areas_of(Level::Ward).filter(|a| a.kind == AreaKind::Area).count(), 679);
    assert!(m.category("burglary/res-burglary-of-a-home").is_some());
    assert!(m.category("public-order-offences/public-fear-alarm-or-distress").is_some());
    // Every published category is in the committed category table, with a plain name.
    let unnamed: Vec<&str> = m.categories.iter().filter(|c| c.plain.is_none()).map(|c| c.id.as_str()).collect();
    assert!(unnamed.is_empty(), "categories missing from src/core/crime/categories.rs: {unnamed:?}");
    assert!(m.revisions > 10_000, "{}", m.revisions);
    assert!(m.inputs.iter().all(|f| f.sha256.len() == 64));
    assert!(m.outputs.iter().any(|f| f.path == "crime-borough-all.json"));
}

#[test]
fn simplified_boundaries_keep_every_area() {
    skip_without_data!();
    let boroughs: met_core::data::dataset::GeoFile = read("boroughs.geo.json");
    let wards: met_core::data::dataset::GeoFile = read("wards.geo.json");
    assert_eq!(boroughs.areas.len(), 33);
    assert_eq!(wards.areas.len(), 684);
    for a in boroughs.areas.iter().chain(&wards.areas) {
        assert!(a.path.starts_with('M') && a.path.ends_with('z'), "{} has no outline", a.code);
    }
}

#[test]
fn output_is_byte_identical_for_identical_input() {
    skip_without_data!();
    let again = std::env::temp_dir().join(format!("met-prepare-again-{}", std::process::id()));
    met_prepare::run(&met_prepare::Options { from: source().unwrap(), out: again.clone(), progress: false }).unwrap();
    // The latest release's files, and the same files kept under releases/<id>/
    // (the prepared folder may keep earlier releases too).
    let manifest: Manifest = read("manifest.json");
    let kept = format!("releases/{}", manifest.release);
    for folder in [std::path::PathBuf::new(), kept.into()] {
        let mut names: Vec<_> = std::fs::read_dir(again.join(&folder))
            .unwrap()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().unwrap().is_file())
            .map(|e| folder.join(e.file_name()))
            .collect();
        names.sort();
        assert!(names.len() > 20, "{folder:?}");
        for name in names {
            let a = std::fs::read(again.join(&name)).unwrap();
            let b = std::fs::read(prepared().unwrap().join(&name)).unwrap();
            assert!(a == b, "{name:?} differs between two runs");
        }
    }
    std::fs::remove_dir_all(again).unwrap();
}

/// Sums every month cell of one publisher's file, straight from the CSV reader.
fn raw_total(relative: &str) -> Option<u64> {
    let bytes = std::fs::read(source()?.join(relative)).ok()?;
    let file = met_core::crime::crime_csv::parse(&bytes).unwrap();
    Some(file.rows.iter().flat_map(|r| r.counts.iter()).map(|&c| u64::from(c)).sum())
}

#[test]
fn the_reader_sums_the_raw_files_to_the_published_totals() {
    skip_without_data!();
    // Only when the shared folder has its usual layout (MET_DATA_DIR may differ).
    let (Some(ward), Some(borough)) = (
        raw_total("crime/london-datastore/202401-202512/MPS Ward Level Crime (most recent 24 months).csv"),
        raw_total("crime/london-datastore/202401-202512/MPS Borough Level Crime (most recent 24 months).csv"),
    ) else {
        eprintln!("skipped: the 202401-202512 release is not at its usual path");
        return;
    };
    assert_eq!(ward, 1_794_538);
    assert_eq!(borough, 1_850_808);
}

/// A minimal CSV reader written for this test alone (quotes, CRLF, BOM), so the
/// cross-check does not share code with the reader under test.
fn raw_rows(relative: &str) -> Option<(Vec<String>, Vec<Vec<String>>)> {
    let text = std::fs::read_to_string(source()?.join(relative)).ok()?;
    let text = text.trim_start_matches('\u{feff}');
    let mut rows = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let (mut fields, mut field, mut quoted) = (Vec::new(), String::new(), false);
        let mut chars = line.trim_end_matches('\r').chars().peekable();
        while let Some(c) = chars.next() {
            match (c, quoted) {
                ('"', true) if chars.peek() == Some(&'"') => {
                    field.push('"');
                    chars.next();
                }
                ('"', _) => quoted = !quoted,
                (',', false) => fields.push(std::mem::take(&mut field)),
                _ => field.push(c),
            }
        }
        fields.push(field);
        rows.push(fields);
    }
    let header = rows.remove(0);
    Some((header, rows))
}

/// Sums a raw file's cells over months `from..=to` (YYYYMM), for rows whose
/// area column (the ward code, else the borough name) equals `area` (any area if `None`) and whose category columns
/// match `major` and, if given, `minor` (ignoring case).
fn raw_sum(relative: &str, area: Option<&str>, major: &str, minor: Option<&str>, from: &str, to: &str) -> u64 {
    let (header, rows) = raw_rows(relative).unwrap_or_else(|| panic!("{relative} missing"));
    let col = |names: &[&str]| header.iter().position(|h| names.contains(&h.as_str())).unwrap();
    let (major_col, minor_col) = (col(&["MajorText", "Group"]), col(&["MinorText", "SubGroup"]));
    let area_col = col(&["WardCode", "BoroughName", "BOCU"]);
    let months: Vec<usize> =
        (0..header.len()).filter(|&i| header[i].as_str() >= from && header[i].as_str() <= to).collect();
    rows.iter()
        .filter(|r| area.is_none_or(|a| r[area_col] == a))
        .filter(|r| r[major_col].eq_ignore_ascii_case(major))
        .filter(|r| minor.is_none_or(|m| r[minor_col].eq_ignore_ascii_case(m)))
        .flat_map(|r| months.iter().map(move |&i| r[i].trim().parse::<u64>().unwrap()))
        .sum()
}

#[test]
fn displayed_figures_equal_the_publishers_csvs_for_varied_views() {
    use met_core::crime::aggregate::Files;
    use met_core::crime::view::build;
    use met_core::data::figure::Figure;
    use met_core::share::url_state::{Context, ViewState};
    skip_without_data!();
    let dir = "crime/london-datastore";
    if raw_rows(&format!("{dir}/202407-202606/MPS Borough Level Crime (most recent 24 months).csv")).is_none() {
        eprintln!("skipped: the releases are not at their usual paths");
        return;
    }
    let manifest: Manifest = read("manifest.json");
    let context = Context::of(&manifest);
    let view = |query: &str| {
        let (state, notes): (ViewState, _) = met_core::share::url_state::from_query(query, &context);
        assert!(notes.is_empty(), "{query}: {notes:?}");
        let borough: SeriesFile = read(&met_core::data::dataset::series_file_name(Level::Borough, &state.category));
        let ward: SeriesFile = read(&met_core::data::dataset::series_file_name(Level::Ward, &state.category));
        build(&manifest, Files { borough: &borough, ward: Some(&ward) }, &state)
    };
    let shown = |query: &str, name: &str| {
        let v = view(query);
        let row = v.ranking.rows.iter().chain([&v.ranking.total]).find(|r| r.name == name);
        row.unwrap_or_else(|| panic!("{query}: no row {name}")).count
    };
    let known = |n: u64| Figure::Known(n as f64);
    let newest = format!("{dir}/202407-202606/MPS Borough Level Crime (most recent 24 months).csv");
    let ward_file = format!("{dir}/202401-202512/MPS Ward Level Crime (most recent 24 months).csv");
    let historical = format!("{dir}/201004-202302/MPS Borough Level Crime (Historical).csv");
    let r2025 = format!("{dir}/202303-202502/MPS Borough Level Crime (most recent 24 months).csv");

    // A borough, a major category, a range: the newest release (BOCU names are upper case there).
    let bocu = |name: &str| {
        let (header, rows) = raw_rows(&newest).unwrap();
        let c = header.iter().position(|h| h == "BOCU").unwrap();
        rows.iter().map(|r| r[c].clone()).find(|b| b.eq_ignore_ascii_case(name)).unwrap()
    };
    assert_eq!(
        shown("area=E09000007&cat=burglary&from=2025-01&to=2025-12", "Camden"),
        known(raw_sum(&newest, Some(&bocu("Camden")), "BURGLARY", None, "202501", "202512"))
    );
    // A ward, a minor category, a single month: the ward file. Brent has a
    // Kilburn ward too, so the ward is found by code.
    let kilburn = manifest.wards_of("E09000007").find(|w| w.name == "Kilburn").unwrap().code.clone();
    assert_eq!(
        shown("area=E09000007&cat=theft/shoplifting&from=2025-03&to=2025-03", "Kilburn"),
        known(raw_sum(&ward_file, Some(&kilburn), "THEFT", Some("SHOPLIFTING"), "202503", "202503"))
    );
    // Across a release boundary: January and February 2023 from the historical
    // file, March to December from the release ending February 2025.
    let westminster = raw_sum(
        &historical,
        Some("Westminster"),
        "VIOLENCE AGAINST THE PERSON",
        Some("VIOLENCE WITH INJURY"),
        "202301",
        "202302",
    ) + raw_sum(
        &r2025,
        Some("Westminster"),
        "VIOLENCE AGAINST THE PERSON",
        Some("VIOLENCE WITH INJURY"),
        "202303",
        "202312",
    );
    assert_eq!(
        shown("cat=violence-against-the-person/violence-with-injury&from=2023-01&to=2023-12", "Westminster"),
        known(westminster)
    );
    // Months revised by a newer release show the newest figure: London, all
    // crimes, July to December 2024 (covered by three releases).
    let london = raw_sum(&newest, None, "", None, "202407", "202412");
    let all_majors: u64 = {
        let (header, rows) = raw_rows(&newest).unwrap();
        let months: Vec<usize> =
            (0..header.len()).filter(|&i| ("202407".."202413").contains(&header[i].as_str())).collect();
        rows.iter().flat_map(|r| months.iter().map(move |&i| r[i].trim().parse::<u64>().unwrap())).sum()
    };
    assert_eq!(london, 0, "no major category is called the empty string");
    let older = {
        let (header, rows) =
            raw_rows(&format!("{dir}/202401-202512/MPS Borough Level Crime (most recent 24 months).csv")).unwrap();
        let months: Vec<usize> =
            (0..header.len()).filter(|&i| ("202407".."202413").contains(&header[i].as_str())).collect();
        rows.iter().flat_map(|r| months.iter().map(move |&i| r[i].trim().parse::<u64>().unwrap())).sum::<u64>()
    };
    assert_ne!(all_majors, older, "the newer release revised these months");
    assert_eq!(shown("from=2024-07&to=2024-12", "London"), known(all_majors));
}

/// The rows of one police.uk stop-and-search file, as maps from column to field.
fn stop_rows(month: &str) -> Vec<std::collections::HashMap<String, String>> {
    let path = source().unwrap().join(format!("stop-search/{month}-metropolitan-stop-and-search.csv"));
    let mut reader = csv::Reader::from_path(&path).unwrap();
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_string).collect();
    reader.records().map(|r| header.iter().cloned().zip(r.unwrap().iter().map(str::to_string)).collect()).collect()
}

fn stops_files() -> (StopsFile, StopsFile) {
    (read("stops-borough.json"), read("stops-ward.json"))
}

/// A London-level cell of the borough file: area index 0 is London.
fn london_month(file: &StopsFile, rows: &[Option<u32>], month: &str) -> u32 {
    assert_eq!(file.areas[0].code, "london");
    let i = usize::try_from(Month::parse(month).unwrap().index() - file.first.index()).unwrap();
    rows[i].expect("London's monthly figures are published")
}

#[test]
fn stop_and_search_counts_equal_the_raw_files() {
    skip_without_data!();
    let (boroughs, _) = stops_files();
    assert_eq!((boroughs.first.iso(), boroughs.months), ("2022-09".to_string(), 24));
    assert_eq!(
        boroughs.partial.iter().map(|p| (p.month.iso(), p.last_day)).collect::<Vec<_>>(),
        [("2022-12".to_string(), 17)]
    );
    // Files are split by UK local month, so each month's searches are its file's rows,
    // including August's first rows dated 31 July in UTC.
    for month in ["2023-01", "2024-08", "2022-12"] {
        let rows = stop_rows(month);
        assert_eq!(
            london_month(&boroughs, &boroughs.searches[0], month),
            u32::try_from(rows.len()).unwrap(),
            "{month}"
        );
        let arrests = rows.iter().filter(|r| r["Outcome"] == "Arrest").count();
        let published = boroughs.arrests[0].as_ref().unwrap();
        assert_eq!(london_month(&boroughs, published, month), u32::try_from(arrests).unwrap(), "{month}");
        // Searches without a place.
        let no_place = rows.iter().filter(|r| r["Latitude"].is_empty()).count();
        let code = boroughs.areas.iter().position(|a| a.code == "no-location").unwrap();
        assert_eq!(london_month(&boroughs, &boroughs.searches[code], month), u32::try_from(no_place).unwrap());
    }
    assert_eq!(stop_rows("2023-01").len(), 16_401);
    // Self-defined Black ethnic groups across London in the year ending March 2024
    // (the one fixed April-to-March year of the 24 months), person searches only.
    let years: Vec<String> = boroughs.periods.iter().map(|p| format!("{}..{}", p.period.from, p.period.to)).collect();
    assert_eq!(years, ["2023-04..2024-03"]);
    let period = &boroughs.periods[0];
    let raw: usize = Period::new(Month::parse("2023-04").unwrap(), Month::parse("2024-03").unwrap())
        .months()
        .map(|m| {
            stop_rows(&m.iso())
                .iter()
                .filter(|r| {
                    r["Type"] != "Vehicle search"
                        && r["Self-defined ethnicity"].starts_with("Black/African/Caribbean/Black British")
                })
                .count()
        })
        .sum();
    let ethnicity = period.dimensions.iter().find(|d| d.dimension == Dimension::Ethnicity).unwrap();
    let black = ethnicity.values.iter().find(|v| v.value == "black").unwrap();
    assert_eq!(black.counts[0], Some(u32::try_from(raw).unwrap()));
    // London's residents by ethnic group: TS021's 8,799,736 for the 33 boroughs
    // (less "Does not apply", which is 0).
    let london = boroughs.residents[0].as_ref().expect("London's residents by ethnic group");
    assert_eq!(london.values().sum::<u32>(), 8_799_736);
    assert_eq!(london.len(), 5);
    // The 32 boroughs the Met polices (the City of London has its own police force).
    assert!(boroughs.residents.iter().skip(1).take(32).all(Option::is_some));
}

#[test]
fn searches_are_placed_like_the_publishers_own_sanity_check() {
    skip_without_data!();
    // MANIFEST.md: of August 2024's 9,892 located searches, 9,842 fall inside the 33
    // borough polygons and 50 just outside Greater London. Our boundaries are the GLA
    // shapefile and ONS wards in British National Grid, so a few may differ.
    let (boroughs, wards) = stops_files();
    let outside = boroughs.areas.iter().position(|a| a.code == "outside-london").unwrap();
    let n = london_month(&boroughs, &boroughs.searches[outside], "2024-08");
    assert!((40..=60).contains(&n), "{n} searches outside London in August 2024");
    // Every borough's searches are its wards' plus those in none of its wards. A
    // ward's total is suppressed only where nothing else could protect a small
    // count (tiny areas such as the City's wards): then the published parts fall short.
    let mut checked = 0;
    for (b, area) in boroughs.areas.iter().enumerate().filter(|(_, a)| a.code.starts_with("E09")) {
        let parts: Vec<usize> =
            (0..wards.areas.len()).filter(|&w| wards.areas[w].parent.as_deref() == Some(&area.code)).collect();
        assert!(!parts.is_empty(), "{}", area.code);
        for m in 0..boroughs.months {
            // A borough's monthly total is hidden only where nothing else could protect a count.
            let Some(whole) = boroughs.searches[b][m] else { continue };
            match parts.iter().map(|&w| wards.searches[w][m]).sum::<Option<u32>>() {
                Some(sum) => {
                    assert_eq!(sum, whole, "{} month {m}", area.code);
                    checked += 1;
                }
                None => assert!(parts.iter().filter_map(|&w| wards.searches[w][m]).sum::<u32>() <= whole),
            }
        }
    }
    assert!(checked > 33 * 24 * 8 / 10, "{checked} borough-months with every ward published");
}

#[test]
fn no_suppressed_stop_and_search_count_can_be_worked_out() {
    skip_without_data!();
    let (boroughs, wards) = stops_files();
    let cross: CrossFile = read(crosstab::FILE);
    let findings = audit::audit(&[&boroughs, &wards], Some(&cross));
    eprintln!(
        "auditor: {} cells, {} suppressed, {} sums tried",
        findings.cells, findings.suppressed, findings.relations
    );
    assert!(findings.cells > 60_000 && findings.suppressed > 10_000 && findings.relations > 10_000, "{findings:?}");
    assert_eq!(findings.broken, Vec::<String>::new());
    assert_eq!(findings.small, Vec::<String>::new());
    assert_eq!(findings.differenced, Vec::<String>::new());
    assert_eq!(findings.recovered, Vec::<String>::new());

    // The cross-tabulation's sums are attacked: hiding one cell of a row (an
    // area's ethnic group) whose other cells and count are published gives it away.
    let mut careless = cross;
    let row = crosstab::cells() / Dimension::Ethnicity.values().len();
    let counts = &careless.periods[0].counts;
    let (a, x) = (0..careless.areas.len())
        .flat_map(|a| (0..Dimension::Ethnicity.values().len()).map(move |e| (a, e)))
        .find_map(|(a, e)| {
            let cells = &counts[a][e * row..(e + 1) * row];
            let x = cells.iter().position(|c| c.is_some_and(|v| v > 0))?;
            cells.iter().all(Option::is_some).then_some((a, e * row + x))
        })
        .expect("a row of the cross-tabulation published in full");
    careless.periods[0].counts[a][x] = None;
    let code = careless.areas[a].code.clone();
    let findings = audit::audit(&[&boroughs, &wards], Some(&careless));
    let name = format!("cross cell {x} {code} {}..{}", careless.periods[0].period.from, careless.periods[0].period.to);
    assert!(findings.differenced.iter().any(|d| d.starts_with(&name)), "{:?}", findings.differenced);
    assert!(findings.recovered.iter().any(|d| d.starts_with(&name)), "{:?}", findings.recovered);
}

/// A raw borough file as cells: (category key, borough key) → month (YYYYMM) → count.
type RawCells = std::collections::BTreeMap<(String, String), std::collections::BTreeMap<String, u64>>;

fn raw_cells(relative: &str) -> Option<RawCells> {
    let (header, rows) = raw_rows(relative)?;
    let col = |names: &[&str]| header.iter().position(|h| names.contains(&h.as_str())).unwrap();
    let (major, minor, area) =
        (col(&["MajorText", "Group"]), col(&["MinorText", "SubGroup"]), col(&["BoroughName", "BOCU"]));
    let months: Vec<usize> =
        (0..header.len()).filter(|&i| header[i].len() == 6 && header[i].bytes().all(|b| b.is_ascii_digit())).collect();
    let key = |s: &str| s.chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_ascii_lowercase();
    let mut cells = RawCells::new();
    for r in &rows {
        let cell = cells.entry((format!("{}/{}", key(&r[major]), key(&r[minor])), key(&r[area]))).or_default();
        for &i in &months {
            *cell.entry(header[i].clone()).or_default() += r[i].trim().parse::<u64>().unwrap();
        }
    }
    Some(cells)
}

#[test]
fn the_version_history_matches_a_direct_comparison_of_two_releases() {
    skip_without_data!();
    let (Some(old), Some(new)) = (
        raw_cells("crime/london-datastore/202401-202512/MPS Borough Level Crime (most recent 24 months).csv"),
        raw_cells("crime/london-datastore/202407-202606/MPS Borough Level Crime (most recent 24 months).csv"),
    ) else {
        eprintln!("skipped: the 202401-202512 and 202407-202606 releases are not at their usual paths");
        return;
    };
    // Straight from the two CSVs: for each month both cover, the cells whose count
    // differs (a category in both files; an area without a row counts 0) and London's totals.
    let months_of =
        |c: &RawCells| c.values().flat_map(|m| m.keys().cloned()).collect::<std::collections::BTreeSet<_>>();
    let both: Vec<String> = months_of(&old).intersection(&months_of(&new)).cloned().collect();
    let categories = |c: &RawCells| c.keys().map(|(k, _)| k.clone()).collect::<std::collections::BTreeSet<_>>();
    let shared: std::collections::BTreeSet<String> =
        categories(&old).intersection(&categories(&new)).cloned().collect();
    let areas: std::collections::BTreeSet<String> = old.keys().chain(new.keys()).map(|(_, a)| a.clone()).collect();
    let value = |c: &RawCells, cat: &str, area: &str, month: &str| {
        c.get(&(cat.to_string(), area.to_string())).and_then(|m| m.get(month)).copied().unwrap_or(0)
    };
    let total = |c: &RawCells, month: &str| c.values().filter_map(|m| m.get(month)).sum::<u64>();
    let mut expected = Vec::new();
    for month in &both {
        let changed = shared
            .iter()
            .flat_map(|cat| areas.iter().map(move |a| (cat, a)))
            .filter(|(cat, a)| value(&old, cat, a, month) != value(&new, cat, a, month))
            .count();
        if changed > 0 {
            expected.push((
                format!("{}-{}", &month[..4], &month[4..]),
                changed,
                total(&old, month),
                total(&new, month),
            ));
        }
    }
    assert!(expected.len() > 6, "the newer file revised many months: {expected:?}");

    let manifest: Manifest = read("manifest.json");
    let history = manifest
        .history
        .iter()
        .find(|h| h.release == "crime-borough-2026-06" && h.previous == "crime-borough-2025-12")
        .expect("the history compares the two newest borough files");
    let shown: Vec<(String, usize, u64, u64)> =
        history.months.iter().map(|m| (m.month.iso(), m.cells, m.before, m.after)).collect();
    assert_eq!(shown, expected);
    assert_eq!(history.cells, expected.iter().map(|e| e.1).sum::<usize>());
    // The chart's marks: a month of London's total is marked revised exactly when
    // the newer file changed one of its figures.
    let all: SeriesFile = read("crime-borough-all.json");
    let first = Month::parse(&expected[0].0).unwrap();
    let last = Month::parse(&expected.last().unwrap().0).unwrap();
    let flags = all.row_revised("all", None, Period::new(first, last));
    let marked: Vec<String> =
        Period::new(first, last).months().zip(flags).filter(|(_, f)| *f).map(|(m, _)| m.iso()).collect();
    assert_eq!(marked, expected.iter().map(|e| e.0.clone()).collect::<Vec<_>>());
}

#[test]
fn every_category_and_stop_and_search_value_published_has_a_definition() {
    skip_without_data!();
    let manifest: Manifest = read("manifest.json");
    for c in &manifest.categories {
        assert!(
            met_core::explain::glossary::term(&c.id).is_some(),
            "{} ({}) has no definition in src/core/explain/glossary.rs",
            c.id,
            c.name
        );
    }
    let stops: StopsFile = read("stops-borough.json");
    let mut checked = 0;
    for period in &stops.periods {
        for d in &period.dimensions {
            for v in &d.values {
                let id = met_core::explain::glossary::value_id(d.dimension, &v.value);
                assert!(
                    met_core::explain::glossary::term(&id).is_some(),
                    "{id} has no definition in src/core/explain/glossary.rs"
                );
                checked += 1;
            }
        }
    }
    assert!(
        checked > 50 && manifest.categories.len() > 40,
        "{checked} values, {} categories",
        manifest.categories.len()
    );
}

/// The release before: the same files without the latest stop-and-search
/// month, prepared into a folder of its own (links to the shared files).
#[cfg(unix)]
fn prepare_without_the_latest_stop_search_month() -> (tempfile::TempDir, StopsFile, StopsFile, CrossFile) {
    use std::os::unix::fs::symlink;
    let from = source().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("src");
    std::fs::create_dir_all(src.join("stop-search")).unwrap();
    for entry in std::fs::read_dir(&from).unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().unwrap() != "stop-search" {
            symlink(&path, src.join(path.file_name().unwrap())).unwrap();
        }
    }
    let mut months: Vec<PathBuf> =
        std::fs::read_dir(from.join("stop-search")).unwrap().map(|e| e.unwrap().path()).collect();
    months.sort();
    months.pop();
    for path in &months {
        symlink(path, src.join("stop-search").join(path.file_name().unwrap())).unwrap();
    }
    let out = dir.path().join("out");
    met_prepare::run(&met_prepare::Options { from: src, out: out.clone(), progress: false }).unwrap();
    let read = |name: &str| std::fs::read(out.join(name)).unwrap();
    let boroughs = serde_json::from_slice(&read("stops-borough.json")).unwrap();
    let wards = serde_json::from_slice(&read("stops-ward.json")).unwrap();
    let cross = serde_json::from_slice(&read(crosstab::FILE)).unwrap();
    (dir, boroughs, wards, cross)
}

#[cfg(unix)]
#[test]
fn two_successive_releases_publish_the_same_cells_and_give_nothing_away_together() {
    skip_without_data!();
    let (_dir, earlier_boroughs, earlier_wards, earlier_cross) = prepare_without_the_latest_stop_search_month();
    let (boroughs, wards) = stops_files();
    let cross: CrossFile = read(crosstab::FILE);
    assert_eq!((earlier_boroughs.months + 1, earlier_boroughs.first), (boroughs.months, boroughs.first));
    // Every count both releases have is published, or hidden, alike.
    for (earlier, later) in [(&earlier_boroughs, &boroughs), (&earlier_wards, &wards)] {
        assert_eq!(earlier.areas, later.areas);
        assert_eq!(earlier.periods, later.periods);
        for a in 0..earlier.areas.len() {
            assert_eq!(earlier.searches[a][..], later.searches[a][..earlier.months], "{}", earlier.areas[a].code);
            let months = |x: &Option<Vec<Option<u32>>>| x.as_ref().map(|x| x[..earlier.months].to_vec());
            assert_eq!(months(&earlier.arrests[a]), months(&later.arrests[a]), "{}", earlier.areas[a].code);
        }
    }
    assert_eq!(earlier_cross.periods, cross.periods);
    let findings = audit::audit_releases(&[
        (&[&earlier_boroughs, &earlier_wards], Some(&earlier_cross)),
        (&[&boroughs, &wards], Some(&cross)),
    ]);
    assert_eq!(findings.broken, Vec::<String>::new());
    assert_eq!(findings.small, Vec::<String>::new());
    assert_eq!(findings.recovered, Vec::<String>::new());
}
