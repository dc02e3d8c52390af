//! Recorded crime: reading the Met's CSV files (behind the `parse` feature), merging releases, the
//! category tables, and a crime view's aggregates, model, trend chart and summary.

pub mod aggregate;
pub mod categories;
pub mod category;
#[cfg(feature = "parse")]
pub mod crime_csv;
pub mod merge;
pub mod summary;
pub mod trend;
pub mod view;
