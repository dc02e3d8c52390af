//! Rendering specs: the chart spec and the map's classes and colours.

pub mod chart;
pub mod choropleth;
