//! Census 2021 population: per borough from ONS table TS007A, per ward from
//! the GLA's LSOA workbook aggregated with the ONS LSOA → ward best-fit lookup.
//!
//! Best fit means each LSOA counts wholly in one ward, so ward populations are
//! close approximations; borough totals from TS007A are used for boroughs.

use crate::read::{csv_records, Located};
use std::collections::BTreeMap;
use std::path::Path;

/// Usual residents per borough GSS code, from TS007A (`geography code`, `Age: Total`).
pub fn read_ts007a(path: &Path, bytes: &[u8]) -> Result<BTreeMap<String, u32>, Located> {
    let mut out = BTreeMap::new();
    let (header, rows) = csv_records(path, bytes)?;
    let code = header.column("geography code")?;
    let total = header.column("Age: Total")?;
    for row in rows {
        let row = row?;
        let c = row.text(&code)?;
        if c.starts_with("E09") {
            out.insert(c.to_string(), row.number(&total)?);
        }
    }
    Ok(out)
}

/// Usual residents per borough GSS code and high-level ethnic group (the ids of
/// [`met_core::stops::stop_search::Dimension::Ethnicity`]: asian, black, mixed, white,
/// other), from Census 2021 TS021 (20 categories, codes 1–19; "Does not apply",
/// code -8, is left out).
pub fn read_ts021(path: &Path, bytes: &[u8]) -> Result<BTreeMap<String, BTreeMap<String, u32>>, Located> {
    let mut out: BTreeMap<String, BTreeMap<String, u32>> = BTreeMap::new();
    let (header, rows) = csv_records(path, bytes)?;
    let area = header.column("Lower Tier Local Authorities Code")?;
    let group = header.column("Ethnic group (20 categories) Code")?;
    let count = header.column("Observation")?;
    for row in rows {
        let row = row?;
        let code = row.text(&area)?;
        if !code.starts_with("E09") {
            continue;
        }
        let id = match row.text(&group)? {
            "-8" => continue,
            "1" | "2" | "3" | "4" | "5" => "asian",
            "6" | "7" | "8" => "black",
            "9" | "10" | "11" | "12" => "mixed",
            "13" | "14" | "15" | "16" | "17" => "white",
            "18" | "19" => "other",
            other => {
                let column = "Ethnic group (20 categories) Code";
                return Err(Located::new(
                    path,
                    row.line(),
                    Some(column),
                    format!("expected a code from -8 to 19, found {other:?}"),
                ));
            }
        };
        *out.entry(code.to_string()).or_default().entry(id.to_string()).or_insert(0) += row.number(&count)?;
    }
    Ok(out)
}

/// The LSOA → (ward, borough) best-fit lookup, London (E09) rows only.
pub fn read_lookup(path: &Path, bytes: &[u8]) -> Result<BTreeMap<String, (String, String)>, Located> {
    let mut out = BTreeMap::new();
    let (header, rows) = csv_records(path, bytes)?;
    let (lsoa, ward, lad) = (header.column("LSOA21CD")?, header.column("WD24CD")?, header.column("LAD24CD")?);
    for row in rows {
        let row = row?;
        let borough = row.text(&lad)?;
        if borough.starts_with("E09") {
            out.insert(row.text(&lsoa)?.to_string(), (row.text(&ward)?.to_string(), borough.to_string()));
        }
    }
    Ok(out)
}

/// Usual residents per LSOA from sheet `2021` of the GLA "Ethnic group" workbook.
pub fn read_lsoa_workbook(path: &Path) -> Result<BTreeMap<String, u32>, Located> {
    use calamine::{open_workbook_auto, Data, Reader};
    let fail = |line: u64, column: Option<&str>, message: String| Located::new(path, line, column, message);
    let mut book = open_workbook_auto(path).map_err(|e| fail(0, None, format!("not a readable workbook: {e}")))?;
    let range = book.worksheet_range("2021").map_err(|e| fail(0, None, format!("no sheet \"2021\": {e}")))?;
    let mut rows = range.rows().enumerate();
    let (header_line, header) = rows
        .by_ref()
        .find(|(_, r)| r.iter().any(|c| matches!(c, Data::String(s) if s.trim() == "LSOA code")))
        .ok_or_else(|| fail(0, None, "no header row with \"LSOA code\" in sheet 2021".into()))?;
    let find = |name: &str| {
        header
            .iter()
            .position(|c| matches!(c, Data::String(s) if s.trim() == name))
            .ok_or_else(|| fail(header_line as u64 + 1, None, format!("no column {name:?}")))
    };
    let (code, total) = (find("LSOA code")?, find("All usual residents")?);
    let mut out = BTreeMap::new();
    for (i, row) in rows {
        let line = i as u64 + 1;
        let lsoa = match row.get(code) {
            Some(Data::String(s)) if s.starts_with('E') => s.trim().to_string(),
            _ => continue,
        };
        let value = match row.get(total) {
            Some(Data::Float(f)) if *f >= 0.0 && f.fract() == 0.0 => *f,
            #[allow(clippy::cast_precision_loss)]
            Some(Data::Int(n)) if *n >= 0 => *n as f64,
            other => {
                return Err(fail(
                    line,
                    Some("All usual residents"),
                    format!("expected a whole number of residents, found {other:?}"),
                ))
            }
        };
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        out.insert(lsoa, value as u32);
    }
    Ok(out)
}

/// Sums LSOA populations into wards through the lookup; LSOAs missing from the
/// lookup are returned so they can be reported.
pub fn ward_population(
    lsoa: &BTreeMap<String, u32>,
    lookup: &BTreeMap<String, (String, String)>,
) -> (BTreeMap<String, u32>, Vec<String>) {
    let mut wards: BTreeMap<String, u32> = BTreeMap::new();
    let mut unmatched = Vec::new();
    for (code, people) in lsoa {
        match lookup.get(code) {
            Some((ward, _)) => *wards.entry(ward.clone()).or_default() += people,
            None => unmatched.push(code.clone()),
        }
    }
    (wards, unmatched)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ethnic_groups_add_up_from_the_twenty_census_categories() {
        let csv = "Lower Tier Local Authorities Code,Lower Tier Local Authorities,Ethnic group (20 categories) Code,Ethnic group (20 categories),Observation\n\
E09000007,Camden,-8,Does not apply,0\n\
E09000007,Camden,1,\"Asian, Asian British or Asian Welsh: Bangladeshi\",100\n\
E09000007,Camden,5,\"Asian, Asian British or Asian Welsh: Other Asian\",20\n\
E09000007,Camden,13,\"White: English, Welsh, Scottish, Northern Irish or British\",300\n\
E06000001,Hartlepool,13,White: English,999\n";
        let out = read_ts021(Path::new("ts021.csv"), csv.as_bytes()).unwrap();
        assert_eq!(out.len(), 1);
        assert_eq!(out["E09000007"].get("asian"), Some(&120));
        assert_eq!(out["E09000007"].get("white"), Some(&300));
        let bad = csv.replace(",5,", ",25,");
        let e = read_ts021(Path::new("ts021.csv"), bad.as_bytes()).unwrap_err();
        assert_eq!(e.to_string(), "ts021.csv: line 4, column \"Ethnic group (20 categories) Code\": expected a code from -8 to 19, found \"25\"");
    }

    #[test]
    fn reads_ts007a_london_rows() {
        let csv = "date,geography,geography code,Age: Total,Age: Aged 4 years and under\n2021,Camden,E09000007,210136,10000\n2021,\"Bristol, City of\",E06000023,472465,1\n";
        let got = read_ts007a(Path::new("ts007a.csv"), csv.as_bytes()).unwrap();
        assert_eq!(got, BTreeMap::from([("E09000007".to_string(), 210_136)]));
        let bad = "date,geography,geography code,Age: Total\n2021,Camden,E09000007,lots\n";
        let err = read_ts007a(Path::new("ts007a.csv"), bad.as_bytes()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "ts007a.csv: line 2, column \"Age: Total\": expected a whole number, found \"lots\""
        );
    }

    #[test]
    fn sums_lsoas_into_wards_with_a_bom_lookup() {
        let lookup = "\u{feff}LSOA21CD,LSOA21NM,WD24CD,WD24NM,LAD24CD\nE01000001,\"City of London 001A\",E05009288,Aldersgate,E09000001\nE01000002,x,E05009288,Aldersgate,E09000001\nW01000001,y,W05000001,z,W06000001\n";
        let lookup = read_lookup(Path::new("lookup.csv"), lookup.as_bytes()).unwrap();
        assert_eq!(lookup.len(), 2);
        let lsoa = BTreeMap::from([
            ("E01000001".to_string(), 1500),
            ("E01000002".to_string(), 1600),
            ("E01999999".to_string(), 7),
        ]);
        let (wards, unmatched) = ward_population(&lsoa, &lookup);
        assert_eq!(wards, BTreeMap::from([("E05009288".to_string(), 3100)]));
        assert_eq!(unmatched, ["E01999999"]);
    }
}
