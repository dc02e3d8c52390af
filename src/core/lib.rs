//! The pure core of Met Data Explorer.
//!
//! Everything here is plain Rust with no browser or UI imports, so it is tested
//! natively with `cargo test`. Data flows one way through these modules:
//! published files ([`crime_csv`], behind the `parse` feature) → merged releases
//! ([`merge`]) → app data files ([`dataset`]) → a filtered view ([`view`]) →
//! aggregates ([`aggregate`]) → a chart spec ([`chart`]), a table, and a
//! plain-language [`summary`]. The view itself lives in the URL ([`url_state`]).

pub mod about;
pub mod aggregate;
pub mod categories;
pub mod category;
pub mod chart;
pub mod choropleth;
#[cfg(feature = "parse")]
pub mod crime_csv;
pub mod crosstab;
pub mod dataset;
pub mod disclosure;
pub mod download;
pub mod embed;
pub mod figure;
pub mod format;
pub mod glossary;
pub mod guides;
pub mod merge;
pub mod month;
pub mod search;
pub mod stop_search;
pub mod stops_view;
pub mod summary;
pub mod trend;
pub mod url_state;
pub mod view;
pub mod wards;
