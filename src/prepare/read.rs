//! Small helpers for reading publishers' CSV files with located errors.
//!
//! Every error names the file, the 1-based line and the column, and says what
//! was expected, e.g. `ts007a.csv: line 2, column "Age: Total": expected a
//! whole number, found "lots"`.

use met_core::crime::crime_csv::Lines;
use std::fmt;
use std::path::{Path, PathBuf};

/// An error located in an input file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located {
    pub file: PathBuf,
    /// 1-based line, or 0 when the error is about the whole file.
    pub line: u64,
    pub column: Option<String>,
    pub message: String,
}

impl Located {
    pub fn new(file: &Path, line: u64, column: Option<&str>, message: impl Into<String>) -> Located {
        Located { file: file.to_path_buf(), line, column: column.map(str::to_string), message: message.into() }
    }
}

impl fmt::Display for Located {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if self.line > 0 {
            write!(f, ": line {}", self.line)?;
        }
        if let Some(c) = &self.column {
            write!(f, ", column {c:?}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for Located {}

/// The header of a CSV file, for finding columns by name.
pub struct Header<'a> {
    path: &'a Path,
    names: Vec<String>,
}

impl Header<'_> {
    /// The index of a column, or an error naming the columns that exist.
    pub fn column(&self, name: &str) -> Result<Column, Located> {
        self.names
            .iter()
            .position(|n| n.trim() == name)
            .map(|index| Column { index, name: name.to_string() })
            .ok_or_else(|| {
                Located::new(self.path, 1, None, format!("expected a column {name:?}; the header has {:?}", self.names))
            })
    }
}

/// A column found in a header.
#[derive(Clone, Debug)]
pub struct Column {
    index: usize,
    name: String,
}

/// One record with its line, for located field access.
pub struct Record<'a> {
    path: &'a Path,
    line: u64,
    fields: csv::StringRecord,
}

impl Record<'_> {
    pub fn line(&self) -> u64 {
        self.line
    }

    /// A non-empty text field.
    pub fn text(&self, column: &Column) -> Result<&str, Located> {
        match self.fields.get(column.index).map(str::trim) {
            Some(v) if !v.is_empty() => Ok(v),
            _ => Err(Located::new(self.path, self.line, Some(&column.name), "expected a value, found an empty field")),
        }
    }

    /// A whole number field.
    pub fn number(&self, column: &Column) -> Result<u32, Located> {
        let v = self.fields.get(column.index).unwrap_or("").trim();
        v.parse().map_err(|_| {
            Located::new(self.path, self.line, Some(&column.name), format!("expected a whole number, found {v:?}"))
        })
    }
}

/// Reads a CSV file (BOM, CRLF or LF, quoted fields) as a header and records.
pub fn csv_records<'a>(
    path: &'a Path,
    bytes: &'a [u8],
) -> Result<(Header<'a>, impl Iterator<Item = Result<Record<'a>, Located>> + 'a), Located> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(bytes);
    let mut first = csv::StringRecord::new();
    match reader.read_record(&mut first) {
        Ok(true) => {}
        Ok(false) => return Err(Located::new(path, 1, None, "the file is empty")),
        Err(e) => return Err(Located::new(path, 1, None, format!("unreadable header: {e}"))),
    }
    let names: Vec<String> = first.iter().map(|s| s.trim_start_matches('\u{feff}').to_string()).collect();
    let width = names.len();
    let header = Header { path, names };
    let lines = Lines::new(bytes);
    let records = reader.into_records().filter_map(move |r| match r {
        Ok(fields) => {
            let line = fields.position().map_or(0, |p| lines.line_at(p.byte()));
            if fields.len() == 1 && fields.get(0).is_some_and(|f| f.trim().is_empty()) {
                return None;
            }
            if fields.len() != width {
                return Some(Err(Located::new(
                    path,
                    line,
                    None,
                    format!("expected {width} fields like the header, found {}", fields.len()),
                )));
            }
            Some(Ok(Record { path, line, fields }))
        }
        Err(e) => {
            let line = e.position().map_or(0, |p| lines.line_at(p.byte()));
            Some(Err(Located::new(path, line, None, format!("not valid CSV: {e}"))))
        }
    });
    Ok((header, records))
}
