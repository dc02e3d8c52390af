//! Reader for the MPS "Recorded Crime: Geographic Breakdown" CSV files.
//!
//! Four header layouts have been published; columns are found by name, never by
//! position:
//!
//! | releases | major | minor | area columns |
//! |---|---|---|---|
//! | ≤ early 2019 | `Major Category` | `Minor Category` | `Borough` |
//! | 2019–2023 | `MajorText` | `MinorText` | `LookUp_BoroughName` (+ `WardName`, `WardCode`) |
//! | 2024–early 2026 | `MajorText` | `MinorText` | `BoroughName` or `WardName`, `WardCode`, `LookUp_BoroughName` |
//! | mid 2026 | `Group` | `SubGroup` | `BOCU` or `WardName`, `WardCode`, `LookUp_BoroughName` |
//!
//! Every header cell of six digits is a month (`YYYYMM`); months must be
//! consecutive. Quoted fields, CRLF or LF line ends and a UTF-8 byte-order mark
//! are all accepted. Any other surprise is an [`Error`] naming the line and
//! column.

use crate::data::dataset::Level;
use crate::data::month::Month;
use std::fmt;
use std::io::Read;

/// Names of the major-category column in the known layouts.
const MAJOR: [&str; 3] = ["MajorText", "Major Category", "Group"];
/// Names of the minor-category column.
const MINOR: [&str; 3] = ["MinorText", "Minor Category", "SubGroup"];
/// Names of the borough column (ward files name the ward's borough too).
const BOROUGH: [&str; 4] = ["BoroughName", "LookUp_BoroughName", "BOCU", "Borough"];

/// A problem in a file, with the 1-based line and the column it is in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    pub line: u64,
    pub column: Option<String>,
    pub message: String,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.column {
            Some(c) => write!(f, "line {}, column {c:?}: {}", self.line, self.message),
            None => write!(f, "line {}: {}", self.line, self.message),
        }
    }
}

impl std::error::Error for Error {}

fn error(line: u64, column: Option<&str>, message: impl Into<String>) -> Error {
    Error { line, column: column.map(str::to_string), message: message.into() }
}

/// Which columns hold what, found from the header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Layout {
    pub level: Level,
    pub major: usize,
    pub minor: usize,
    pub borough: usize,
    /// `(WardCode, WardName)` columns, for ward files.
    pub ward: Option<(usize, usize)>,
    /// `(column, month)` for each month column, in order.
    pub months: Vec<(usize, Month)>,
}

/// One data row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The 1-based line the row starts on.
    pub line: u64,
    pub major: String,
    pub minor: String,
    pub borough: String,
    /// `(code, name)` of the ward, for ward files.
    pub ward: Option<(String, String)>,
    /// One count per month of the file.
    pub counts: Vec<u32>,
}

/// A parsed file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CrimeFile {
    pub level: Level,
    /// The first month; months are consecutive.
    pub first: Month,
    pub months: usize,
    pub rows: Vec<Row>,
}

fn find(header: &[String], names: &[&str]) -> Option<usize> {
    header.iter().position(|h| names.iter().any(|n| h.trim() == *n))
}

/// Recognises an MPS crime header, or says why it is not one.
pub fn detect(header: &[String]) -> Result<Layout, String> {
    let major = find(header, &MAJOR).ok_or("no major-category column (MajorText, Major Category or Group)")?;
    let minor = find(header, &MINOR).ok_or("no minor-category column (MinorText, Minor Category or SubGroup)")?;
    let borough =
        find(header, &BOROUGH).ok_or("no borough column (BoroughName, LookUp_BoroughName, BOCU or Borough)")?;
    let ward = match (find(header, &["WardCode"]), find(header, &["WardName"])) {
        (Some(code), Some(name)) => Some((code, name)),
        (None, None) => None,
        _ => return Err("a ward file needs both WardCode and WardName columns".into()),
    };
    let mut months: Vec<(usize, Month)> = Vec::new();
    for (i, h) in header.iter().enumerate() {
        let h = h.trim();
        if h.len() == 6 && h.bytes().all(|b| b.is_ascii_digit()) {
            let month = Month::parse(h).ok_or_else(|| format!("column {h:?} looks like a month but is not one"))?;
            if let Some((_, prev)) = months.last() {
                if month != prev.plus_months(1) {
                    return Err(format!("month columns jump from {prev} to {month}; they must be consecutive"));
                }
            }
            months.push((i, month));
        }
    }
    if months.is_empty() {
        return Err("no month columns (YYYYMM)".into());
    }
    let level = if ward.is_some() { Level::Ward } else { Level::Borough };
    Ok(Layout { level, major, minor, borough, ward, months })
}

/// Reads the header line only, for recognising files.
pub fn read_header(reader: impl Read) -> Option<Vec<String>> {
    let mut csv = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(reader);
    let mut record = csv::StringRecord::new();
    csv.read_record(&mut record).ok()?;
    let mut header: Vec<String> = record.iter().map(str::to_string).collect();
    if let Some(first) = header.first_mut() {
        *first = first.trim_start_matches('\u{feff}').to_string();
    }
    Some(header)
}

/// Maps byte offsets of a file to 1-based line numbers.
///
/// The csv crate's own line count lags by one after CRLF line ends, so lines
/// are counted from byte offsets instead, with a binary search over the
/// positions of every `\n`.
pub struct Lines<'a> {
    bytes: &'a [u8],
    newlines: Vec<usize>,
}

impl<'a> Lines<'a> {
    pub fn new(bytes: &'a [u8]) -> Lines<'a> {
        Lines { bytes, newlines: bytes.iter().enumerate().filter(|(_, &b)| b == b'\n').map(|(i, _)| i).collect() }
    }

    /// The line on which the record starting at byte `offset` begins.
    pub fn line_at(&self, offset: u64) -> u64 {
        let mut start = usize::try_from(offset).unwrap_or(self.bytes.len()).min(self.bytes.len());
        while start < self.bytes.len() && matches!(self.bytes[start], b'\r' | b'\n') {
            start += 1;
        }
        1 + self.newlines.partition_point(|&n| n < start) as u64
    }
}

/// Parses a whole file.
pub fn parse(bytes: &[u8]) -> Result<CrimeFile, Error> {
    let lines = Lines::new(bytes);
    let mut csv = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(bytes);
    let mut records = csv.records();
    let header: Vec<String> = match records.next() {
        Some(Ok(r)) => r.iter().map(|s| s.trim_start_matches('\u{feff}').to_string()).collect(),
        Some(Err(e)) => return Err(error(1, None, format!("unreadable header: {e}"))),
        None => return Err(error(1, None, "the file is empty")),
    };
    let layout = detect(&header).map_err(|m| error(1, None, m))?;
    let width = header.len();
    let mut rows = Vec::new();
    for record in records {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| lines.line_at(p.byte()));
            error(line, None, format!("not valid CSV: {e}"))
        })?;
        let line = record.position().map_or(0, |p| lines.line_at(p.byte()));
        if record.len() == 1 && record.get(0).is_some_and(|f| f.trim().is_empty()) {
            continue;
        }
        if record.len() != width {
            return Err(error(line, None, format!("expected {width} fields like the header, found {}", record.len())));
        }
        let text = |i: usize| -> Result<String, Error> {
            let value = record.get(i).unwrap_or("").trim();
            if value.is_empty() {
                Err(error(line, Some(&header[i]), "expected a name, found an empty field"))
            } else {
                Ok(value.to_string())
            }
        };
        let counts = layout
            .months
            .iter()
            .map(|&(i, _)| {
                let cell = record.get(i).unwrap_or("").trim();
                cell.parse::<u32>().map_err(|_| {
                    error(
                        line,
                        Some(&header[i]),
                        format!("expected a whole number of offences (0 or more), found {cell:?}"),
                    )
                })
            })
            .collect::<Result<Vec<u32>, Error>>()?;
        rows.push(Row {
            line,
            major: text(layout.major)?,
            minor: text(layout.minor)?,
            borough: text(layout.borough)?,
            ward: match layout.ward {
                Some((code, name)) => Some((text(code)?, text(name)?)),
                None => None,
            },
            counts,
        });
    }
    Ok(CrimeFile { level: layout.level, first: layout.months[0].1, months: layout.months.len(), rows })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parses `input` and checks level, first month, month count and the rows as
    /// `(line, major, minor, borough, ward code, counts)`.
    #[allow(clippy::type_complexity)]
    fn check(input: &str, level: Level, first: &str, rows: &[(u64, &str, &str, &str, Option<&str>, &[u32])]) {
        let file = parse(input.as_bytes()).unwrap_or_else(|e| panic!("{e} in {input:?}"));
        assert_eq!(file.level, level);
        assert_eq!(file.first.iso(), first);
        let got: Vec<_> = file
            .rows
            .iter()
            .map(|r| {
                (
                    r.line,
                    r.major.as_str(),
                    r.minor.as_str(),
                    r.borough.as_str(),
                    r.ward.as_ref().map(|w| w.0.as_str()),
                    r.counts.as_slice(),
                )
            })
            .collect();
        assert_eq!(got, rows, "input {input:?}");
    }

    fn check_error(input: &str, expected: &str) {
        let err = parse(input.as_bytes()).expect_err(input);
        assert_eq!(err.to_string(), expected, "input {input:?}");
    }

    #[test]
    fn reads_every_header_layout() {
        check(
            "Borough,Major Category,Minor Category,201801,201802\nCamden,Burglary,Burglary in a Dwelling,3,4\n",
            Level::Borough,
            "2018-01",
            &[(2, "Burglary", "Burglary in a Dwelling", "Camden", None, &[3, 4])],
        );
        check(
            "MajorText,MinorText,LookUp_BoroughName,202001\nBurglary,Burglary - Residential,Camden,7\n",
            Level::Borough,
            "2020-01",
            &[(2, "Burglary", "Burglary - Residential", "Camden", None, &[7])],
        );
        check(
            "MajorText,MinorText,BoroughName,202401,202402\r\nBURGLARY,RES BURGLARY OF A HOME,Camden,1,0\r\n",
            Level::Borough,
            "2024-01",
            &[(2, "BURGLARY", "RES BURGLARY OF A HOME", "Camden", None, &[1, 0])],
        );
        check(
            "Group,SubGroup,BOCU,202606\nPUBLIC ORDER OFFENCES,\"PUBLIC FEAR, ALARM OR DISTRESS\",Camden,12\n",
            Level::Borough,
            "2026-06",
            &[(2, "PUBLIC ORDER OFFENCES", "PUBLIC FEAR, ALARM OR DISTRESS", "Camden", None, &[12])],
        );
        check(
            "MajorText,MinorText,WardName,WardCode,LookUp_BoroughName,202401\r\nTHEFT,SHOPLIFTING,\"Ham, Petersham & Richmond Riverside\",E05013772,Richmond upon Thames,5\r\n",
            Level::Ward,
            "2024-01",
            &[(2, "THEFT", "SHOPLIFTING", "Richmond upon Thames", Some("E05013772"), &[5])],
        );
        check(
            "Group,SubGroup,WardName,WardCode,LookUp_BoroughName,202407\nTHEFT,SHOPLIFTING,Abbey (KG),E05013712,Kingston upon Thames,2\n",
            Level::Ward,
            "2024-07",
            &[(2, "THEFT", "SHOPLIFTING", "Kingston upon Thames", Some("E05013712"), &[2])],
        );
    }

    #[test]
    fn accepts_bom_crlf_and_blank_last_line() {
        check(
            "\u{feff}MajorText,MinorText,BoroughName,202412,202501\r\nTHEFT,SHOPLIFTING,Camden,1,2\r\n\r\n",
            Level::Borough,
            "2024-12",
            &[(2, "THEFT", "SHOPLIFTING", "Camden", None, &[1, 2])],
        );
        check(
            "Borough,Major Category,Minor Category,201801\nCamden,Theft,Other,1",
            Level::Borough,
            "2018-01",
            &[(2, "Theft", "Other", "Camden", None, &[1])],
        );
    }

    #[test]
    fn names_line_and_column_of_bad_input() {
        check_error(
            "MajorText,MinorText,BoroughName,202401\nTHEFT,SHOPLIFTING,Camden,-1\n",
            "line 2, column \"202401\": expected a whole number of offences (0 or more), found \"-1\"",
        );
        check_error(
            "MajorText,MinorText,BoroughName,202401\nTHEFT,SHOPLIFTING,Camden\n",
            "line 2: expected 4 fields like the header, found 3",
        );
        check_error(
            "MajorText,MinorText,BoroughName,202401\nTHEFT,,Camden,1\n",
            "line 2, column \"MinorText\": expected a name, found an empty field",
        );
        check_error(
            "MajorText,MinorText,BoroughName,202401,202403\n",
            "line 1: month columns jump from 2024-01 to 2024-03; they must be consecutive",
        );
        check_error(
            "MajorText,MinorText,BoroughName,202413\n",
            "line 1: column \"202413\" looks like a month but is not one",
        );
        check_error(
            "Crime ID,Month,Reported by\n",
            "line 1: no major-category column (MajorText, Major Category or Group)",
        );
        check_error("", "line 1: the file is empty");
        check_error(
            "MajorText,MinorText,BoroughName,202401\nTHEFT,SHOPLIFTING,Camden,1\nTHEFT,\"OTHER,Camden,1\n",
            "line 3: expected 4 fields like the header, found 2",
        );
    }
}
