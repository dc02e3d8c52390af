//! Draws a [`ChartSpec`] as SVG with plotters. A thin renderer: every word
//! and number comes from the spec, which also gives the accessible
//! description and data table shown beside the drawing.

use met_core::chart::ChartSpec;
use met_core::format;
use plotters::prelude::*;

fn colour(hex: &str) -> RGBColor {
    let channel = |i: usize| u8::from_str_radix(hex.get(i..i + 2).unwrap_or("00"), 16).unwrap_or(0);
    RGBColor(channel(1), channel(3), channel(5))
}

/// Renders the chart as an SVG document string of `width` × `height` pixels.
pub fn render_svg(spec: &ChartSpec, width: u32, height: u32) -> String {
    let mut svg = String::new();
    if let Err(e) = draw(spec, width, height, &mut svg) {
        return format!("<svg xmlns=\"http://www.w3.org/2000/svg\"><text x=\"8\" y=\"20\">Chart could not be drawn: {e}</text></svg>");
    }
    svg
}

fn draw(spec: &ChartSpec, width: u32, height: u32, svg: &mut String) -> Result<(), Box<dyn std::error::Error>> {
    let root = SVGBackend::with_string(svg, (width, height)).into_drawing_area();
    root.fill(&WHITE)?;
    let ticks = spec.y_ticks();
    let top = ticks.last().copied().unwrap_or(1.0);
    let bottom = ticks.first().copied().unwrap_or(0.0);
    let n = spec.months.len().max(1);
    let narrow = width < 480;
    let mut chart = ChartBuilder::on(&root)
        .margin_top(12)
        .margin_right(16)
        .x_label_area_size(if narrow { 36 } else { 40 })
        .y_label_area_size(if narrow { 56 } else { 72 })
        .build_cartesian_2d(-0.5f64..(n as f64 - 0.5), bottom..top)?;
    let decimals = spec.decimals;
    let months = spec.months.clone();
    // Month labels are about 70 px wide: label every `every`-th month so they never overlap.
    let plot_width = width.saturating_sub(if narrow { 64 } else { 84 }).max(1) as usize;
    let every = (n * 78).div_ceil(plot_width).max(1);
    let x_label = move |x: &f64| {
        let i = x.round();
        if (x - i).abs() > 0.01 || i < 0.0 {
            return String::new();
        }
        let i = i as usize;
        months.get(i).filter(|_| i.is_multiple_of(every)).map(|m| m.short_name()).unwrap_or_default()
    };
    let y_label = move |v: &f64| format::decimal(*v, decimals.min(2));
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(n.min(60))
        .x_label_formatter(&x_label)
        .y_labels(ticks.len())
        .y_label_formatter(&y_label)
        .y_desc(spec.y_label.as_str())
        .axis_desc_style(("sans-serif", 15).into_font().color(&colour("#0b0c0c")))
        .label_style(("sans-serif", 15).into_font().color(&colour("#0b0c0c")))
        .bold_line_style(colour("#dddddd"))
        .light_line_style(WHITE)
        .axis_style(colour("#505a5f"))
        .draw()?;

    for series in &spec.series {
        let line = colour(series.colour);
        let style = ShapeStyle { color: line.to_rgba(), filled: false, stroke_width: 3 };
        // Unknown months break the line: runs of known values are drawn apart.
        let mut runs: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
        for (i, v) in series.values.iter().enumerate() {
            match v.known() {
                Some(v) => runs.last_mut().map(|r| r.push((i as f64, v))).unwrap_or(()),
                None => runs.push(Vec::new()),
            }
        }
        for run in runs.into_iter().filter(|r| !r.is_empty()) {
            if run.len() == 1 {
                chart.draw_series(run.iter().map(|p| Circle::new(*p, 4, style.filled())))?;
            } else if series.dashed {
                chart.draw_series(DashedLineSeries::new(run, 8, 5, style))?;
            } else {
                chart.draw_series(LineSeries::new(run, style))?;
            }
        }
    }
    root.present()?;
    Ok(())
}
