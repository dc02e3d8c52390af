//! Rendering: the chart spec, the map's classes, colours and area paths, the one markup
//! writer, and the SVG renderers (plotters) that draw the specs.

pub mod chart;
pub mod choropleth;
pub mod html;
pub mod markup;
pub mod svg;
