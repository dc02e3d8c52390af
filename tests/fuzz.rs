//! Fuzzing the readers of the publishers' files and of the address: the crime
//! CSV layouts, police.uk stop and search, Census TS007A, GeoPackage geometry,
//! shapefiles, and the URL reader. Each target mutates the files of a committed
//! corpus (the hand-written fixtures in `tests/fixtures/mini/`, and
//! `tests/fuzz/`) with a seeded generator: bits flipped, bytes set, inserted
//! (quotes, commas, line ends, a byte-order mark, digits) or deleted, ranges
//! repeated, files truncated and spliced. A reader may refuse any input with an
//! error; it must never panic.
//!
//! `cargo test --test fuzz` runs a fixed number of cases per target with fixed
//! seeds (deterministic). `scripts/fuzz.sh SECONDS` runs each target for that
//! long with fresh seeds. A panic names the target and seed and writes the
//! input to `target/fuzz-crashes/`: make it a fixture test.
#![cfg(not(target_arch = "wasm32"))]

use met_core::data::month::{Month, Period};
use met_core::share::url_state::{self, Context};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// A small, fast, seeded generator (xorshift64*): the same seed, the same cases.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Bytes a reader of CSV, numbers and dates is most likely to trip on.
const INTERESTING: &[&[u8]] = &[
    b",",
    b"\"",
    b"\"\"",
    b"\n",
    b"\r\n",
    b"\r",
    b"\xEF\xBB\xBF",
    b"-",
    b"0",
    b"9",
    b"99999999999999999999",
    b"-1",
    b"NaN",
    b"1e309",
    b"T",
    b"+01:00",
    b":",
    b"/",
    b"\xFF",
    b"\x00",
    b"\xE2\x80\xAE",
    b"2024-13-45T25:61:61+00:00",
];

/// One mutated input: 1 to 8 changes to a corpus file, sometimes spliced with another.
fn mutate(rng: &mut Rng, corpus: &[Vec<u8>]) -> Vec<u8> {
    let mut bytes = corpus[rng.below(corpus.len())].clone();
    for _ in 0..=rng.below(8) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(7) {
            0 if !bytes.is_empty() => {
                let i = at.min(bytes.len() - 1);
                bytes[i] ^= 1 << rng.below(8);
            }
            1 if !bytes.is_empty() => {
                let i = at.min(bytes.len() - 1);
                bytes[i] = rng.next() as u8;
            }
            2 => {
                let piece = INTERESTING[rng.below(INTERESTING.len())];
                bytes.splice(at..at, piece.iter().copied());
            }
            3 => {
                let end = (at + rng.below(64)).min(bytes.len());
                bytes.drain(at..end);
            }
            4 => {
                let end = (at + rng.below(256)).min(bytes.len());
                let copy = bytes[at..end].to_vec();
                bytes.splice(at..at, copy);
            }
            5 => bytes.truncate(at),
            _ => {
                let other = &corpus[rng.below(corpus.len())];
                let from = rng.below(other.len() + 1);
                bytes.truncate(at);
                bytes.extend_from_slice(&other[from..]);
            }
        }
    }
    bytes
}

/// Runs `target` on mutated inputs: `cases` of them, or for `FUZZ_SECONDS`
/// when set (with seeds from `FUZZ_SEED`, else the clock). Panics, naming the
/// seed and saving the input, if the target panics.
fn fuzz(name: &str, corpus: &[Vec<u8>], cases: u32, target: impl Fn(&[u8]) + std::panic::RefUnwindSafe) {
    assert!(!corpus.is_empty(), "{name}: an empty corpus");
    let seconds: Option<u64> = std::env::var("FUZZ_SECONDS").ok().and_then(|s| s.parse().ok());
    let first_seed: u64 = std::env::var("FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(|| {
        if seconds.is_some() {
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(1, |d| d.as_nanos() as u64)
        } else {
            1
        }
    });
    let until = seconds.map(|s| Instant::now() + Duration::from_secs(s));
    let (mut seed, mut run) = (first_seed, 0u64);
    // The originals first: they must be read without a panic too.
    for input in corpus {
        assert!(std::panic::catch_unwind(|| target(input)).is_ok(), "{name}: a corpus file panics");
    }
    std::panic::set_hook(Box::new(|_| {}));
    loop {
        if until.map_or(run >= u64::from(cases), |t| Instant::now() >= t) {
            break;
        }
        let mut rng = Rng(seed.max(1));
        let input = mutate(&mut rng, corpus);
        if std::panic::catch_unwind(|| target(&input)).is_err() {
            let _ = std::panic::take_hook();
            let dir = Path::new(ROOT).join("target/fuzz-crashes");
            let _ = std::fs::create_dir_all(&dir);
            let file = dir.join(format!("{name}-{seed}.bin"));
            let _ = std::fs::write(&file, &input);
            panic!("{name}: panicked on the input of seed {seed}, saved to {}", file.display());
        }
        seed = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
        run += 1;
    }
    let _ = std::panic::take_hook();
    eprintln!("{name}: {run} inputs, no panic (first seed {first_seed})");
}

fn read_all(paths: &[PathBuf]) -> Vec<Vec<u8>> {
    paths.iter().map(|p| std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))).collect()
}

fn files(dir: &str, ext: &str) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(Path::new(ROOT).join(dir))
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    paths.sort();
    paths
}

#[test]
fn crime_csv_layouts() {
    let mut paths = files("tests/fixtures/mini", "csv");
    paths.retain(|p| !p.ends_with("ts007a.csv"));
    paths.extend(files("tests/fixtures/mini/newer", "csv"));
    fuzz("crime_csv", &read_all(&paths), 3000, |bytes| {
        let _ = met_core::crime::crime_csv::parse(bytes);
    });
}

#[test]
fn stop_and_search() {
    let corpus = read_all(&files("tests/fuzz/stop_search", "csv"));
    fuzz("stop_search", &corpus, 3000, |bytes| {
        let _ = met_core::stops::stop_search::read(bytes);
    });
}

#[test]
fn census_ts007a() {
    let corpus = read_all(&[Path::new(ROOT).join("tests/fixtures/mini/ts007a.csv")]);
    fuzz("census_ts007a", &corpus, 3000, |bytes| {
        let _ = met_prepare::population::read_ts007a(Path::new("ts007a.csv"), bytes);
    });
}

/// A GeoPackage geometry: the "GP" header (little-endian, no envelope) and a
/// WKB polygon of one square ring.
fn gpkg_square() -> Vec<u8> {
    let mut points = Vec::new();
    for (x, y) in [(0.0f64, 0.0f64), (0.0, 10.0), (10.0, 10.0), (10.0, 0.0), (0.0, 0.0)] {
        points.extend_from_slice(&x.to_le_bytes());
        points.extend_from_slice(&y.to_le_bytes());
    }
    gpkg_claiming(5, &points)
}

#[test]
fn geopackage_geometry() {
    let square = gpkg_square();
    assert_eq!(met_prepare::geometry::parse_gpkg_geometry(&square).map(|rings| rings.len()), Ok(1));
    fuzz("gpkg_geometry", &[square], 5000, |bytes| {
        let _ = met_prepare::geometry::parse_gpkg_geometry(bytes);
    });
}

#[test]
fn shapefile_reader() {
    use shapefile::dbase::{FieldValue, Record, TableWriterBuilder};
    use shapefile::{Point, Polygon, PolygonRing};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("boroughs.shp");
    let table = TableWriterBuilder::new().add_character_field("NAME".try_into().unwrap(), 20);
    let mut writer = shapefile::Writer::from_path(&path, table).unwrap();
    for (i, name) in ["Camden", "Barnet"].iter().enumerate() {
        let x = i as f64 * 10.0;
        let ring = vec![Point::new(x, 0.0), Point::new(x, 5.0), Point::new(x + 5.0, 5.0), Point::new(x, 0.0)];
        let mut record = Record::default();
        record.insert("NAME".into(), FieldValue::Character(Some((*name).into())));
        writer.write_shape_and_record(&Polygon::new(PolygonRing::Outer(ring)), &record).unwrap();
    }
    drop(writer);
    let corpus = vec![std::fs::read(&path).unwrap()];
    // Only the geometry file is mutated; each case is written where the reader looks.
    fuzz("shapefile", &corpus, 400, |bytes| {
        let case = tempfile::tempdir().unwrap();
        let shp = case.path().join("boroughs.shp");
        std::fs::write(&shp, bytes).unwrap();
        for ext in ["dbf", "shx"] {
            let _ = std::fs::copy(path.with_extension(ext), shp.with_extension(ext));
        }
        let _ = met_prepare::geometry::read_shapefile(&shp);
    });
}

/// The context of a small release, as the URL reader sees it.
fn context() -> Context {
    let m = |s| Month::parse(s).unwrap();
    Context {
        areas: vec!["E09000007".into(), "E09000033".into(), "E05013570".into()],
        categories: vec!["all".into(), "burglary".into(), "burglary/res-burglary-of-a-home".into()],
        available: Period::new(m("2010-04"), m("2026-06")),
        ward_available: Some(Period::new(m("2024-01"), m("2025-12"))),
        wards: ["E05013570".to_string()].into(),
        ward_borough: [("E05013570".to_string(), "E09000007".to_string())].into(),
        stop_periods: vec![Period::new(m("2023-04"), m("2024-03"))],
        stop_months: None,
        release: "0123456789ab".into(),
        ward_choices: Vec::new(),
        showing: None,
    }
}

#[test]
fn url_reader() {
    let queries = std::fs::read_to_string(Path::new(ROOT).join("tests/fuzz/url/queries.txt")).unwrap();
    let corpus: Vec<Vec<u8>> = queries.lines().map(|q| q.as_bytes().to_vec()).collect();
    let context = context();
    fuzz("url", &corpus, 20000, |bytes| {
        let query = String::from_utf8_lossy(bytes);
        let (migrated, _) = url_state::migrate(&query);
        let (state, _) = url_state::from_query(&migrated, &context);
        // Whatever it was given, the state it read writes a query that reads back the same state.
        let written = url_state::to_query(&state, &context);
        assert_eq!(url_state::from_query(&written, &context).0, state, "{query:?} → {written:?}");
    });
}

/// A GeoPackage polygon blob of one ring claiming `points` points, followed by `tail`.
fn gpkg_claiming(points: u32, tail: &[u8]) -> Vec<u8> {
    let mut blob = vec![b'G', b'P', 0, 0b0000_0001];
    blob.extend_from_slice(&27700i32.to_le_bytes());
    blob.push(1);
    blob.extend_from_slice(&3u32.to_le_bytes());
    blob.extend_from_slice(&1u32.to_le_bytes());
    blob.extend_from_slice(&points.to_le_bytes());
    blob.extend_from_slice(tail);
    blob
}

/// The crashes fuzzing found, kept as fixtures.
#[test]
fn crashes_found_stay_fixed() {
    // A ring claiming 4,294,967,295 points made the reader reserve 68 GB and abort.
    let error = met_prepare::geometry::parse_gpkg_geometry(&gpkg_claiming(u32::MAX, &[0; 32])).unwrap_err();
    assert!(error.contains("a ring of 4294967295 points is longer than the 32 bytes left"), "{error}");
    // A MultiPolygon nested in MultiPolygons, each a few bytes, could recurse until the stack overflowed.
    let mut nested = vec![b'G', b'P', 0, 0b0000_0001];
    nested.extend_from_slice(&27700i32.to_le_bytes());
    for _ in 0..3 {
        nested.push(1);
        nested.extend_from_slice(&6u32.to_le_bytes());
        nested.extend_from_slice(&1u32.to_le_bytes());
    }
    let error = met_prepare::geometry::parse_gpkg_geometry(&nested).unwrap_err();
    assert_eq!(error, "a MultiPolygon inside a MultiPolygon");
}
