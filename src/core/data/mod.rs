//! The data the app reads: months and periods, figures (known, suppressed or missing), the app's file
//! formats and what a manifest says, ward vintages, number formats, and the area search.

pub mod dataset;
pub mod figure;
pub mod format;
pub mod month;
pub mod search;
pub mod wards;
