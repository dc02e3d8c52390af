//! `prepare` on small hand-written fixtures in the publishers' formats
//! (`tests/fixtures/mini/`: three header layouts, CRLF and LF, a BOM, quoted
//! commas, a revision, a pseudo-borough) plus a borough shapefile written by
//! the test. Runs anywhere, with or without the real data.
#![cfg(not(target_arch = "wasm32"))]

use met_core::dataset::{AreaKind, Level, Manifest, SeriesFile};
use met_core::month::Month;
use shapefile::dbase::{FieldValue, Record, TableWriterBuilder};
use shapefile::{Point, Polygon, PolygonRing};
use std::path::{Path, PathBuf};

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

/// Writes a GLA-style borough shapefile: three squares side by side (BNG metres).
fn write_boroughs(dir: &Path) {
    let table = TableWriterBuilder::new()
        .add_character_field("NAME".try_into().unwrap(), 40)
        .add_character_field("GSS_CODE".try_into().unwrap(), 9);
    let mut writer = shapefile::Writer::from_path(dir.join("London_Borough_Excluding_MHW.shp"), table).unwrap();
    for (i, (name, code)) in
        [("City of London", "E09000001"), ("Camden", "E09000007"), ("Westminster", "E09000033")].iter().enumerate()
    {
        let x = 525_000.0 + 2_000.0 * i as f64;
        let ring = vec![
            Point::new(x, 180_000.0),
            Point::new(x, 182_000.0),
            Point::new(x + 2_000.0, 182_000.0),
            Point::new(x + 2_000.0, 180_000.0),
            Point::new(x, 180_000.0),
        ];
        let mut record = Record::default();
        record.insert("NAME".into(), FieldValue::Character(Some((*name).into())));
        record.insert("GSS_CODE".into(), FieldValue::Character(Some((*code).into())));
        writer.write_shape_and_record(&Polygon::new(PolygonRing::Outer(ring)), &record).unwrap();
    }
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
        ["newer/borough.csv line 5: category \"CYBER CRIME\" / \"COMPUTER MISUSE\" is not in the category table (src/core/categories.rs); its figures are kept as \"cyber-crime/computer-misuse\", add it to the table with a plain name"]
    );
    assert!(met_prepare::summary(&report, &out).contains("Warning: newer/borough.csv line 5: category \"CYBER CRIME\""));
    let cyber: SeriesFile = read(&out, "crime-borough-cyber-crime.json");
    let tail = |v: Vec<Option<u32>>| v[v.len() - 2..].to_vec();
    assert_eq!(tail(values(&cyber, "cyber-crime/computer-misuse", "E09000007")), [Some(1), Some(2)]);
    let manifest: Manifest = read(&out, "manifest.json");
    assert_eq!(manifest.category("cyber-crime/computer-misuse").unwrap().plain, None);
    assert!(manifest.category("burglary/res-burglary-of-a-home").unwrap().plain.is_some());
}
