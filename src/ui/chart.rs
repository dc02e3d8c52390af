//! Draws a [`ChartSpec`] as SVG with plotters. A thin renderer: every word
//! and number comes from the spec, which also gives the accessible
//! description and data table shown beside the drawing.

use met_core::data::format;
use met_core::render::chart::ChartSpec;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

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

/// Plotters' SVG backend writes `font-size` as size / 1.24: this gives 14 px text.
const FONT_SIZE: f64 = 14.0 * 1.24;

fn draw(spec: &ChartSpec, width: u32, height: u32, svg: &mut String) -> Result<(), Box<dyn std::error::Error>> {
    let root = SVGBackend::with_string(svg, (width, height)).into_drawing_area();
    root.fill(&WHITE)?;
    let ticks = spec.y_ticks();
    let top = ticks.last().copied().unwrap_or(1.0);
    let bottom = ticks.first().copied().unwrap_or(0.0);
    let n = spec.months.len().max(1);
    let narrow = width < 480;
    // Fixed label areas and no plotters mesh: plotters measures text by laying
    // out a hidden element in the page, which forces a page layout per label.
    // Labels here are anchored SVG text, which needs no measuring.
    let left = if narrow { 44 } else { 52 };
    let chart = ChartBuilder::on(&root)
        .margin_top(10)
        .margin_right(14)
        .x_label_area_size(30)
        .y_label_area_size(left)
        .build_cartesian_2d(-0.5f64..(n as f64 - 0.5), bottom..top)?;
    let text = colour("#0b0c0c");
    let font = ("sans-serif", FONT_SIZE).into_font().color(&text);
    let grid = ShapeStyle { color: colour("#dddddd").to_rgba(), filled: false, stroke_width: 1 };
    let axis = ShapeStyle { color: colour("#505a5f").to_rgba(), filled: false, stroke_width: 1 };
    let (x0, x1) = (-0.5, n as f64 - 0.5);
    let at = |x: f64, y: f64| chart.backend_coord(&(x, y));
    for &t in &ticks {
        root.draw(&PathElement::new(vec![at(x0, t), at(x1, t)], if t == bottom { axis } else { grid }))?;
        let (px, py) = at(x0, t);
        let label = format::decimal(t, spec.decimals.min(2));
        root.draw(&Text::new(label, (px - 6, py), font.clone().pos(Pos::new(HPos::Right, VPos::Center))))?;
    }
    root.draw(&PathElement::new(vec![at(x0, bottom), at(x0, top)], axis))?;
    // Month labels are about 70 px wide: label every `every`-th month so they never overlap.
    let plot_width = width.saturating_sub(left + 14).max(1) as usize;
    let every = (n * 80).div_ceil(plot_width).max(1);
    for (i, month) in spec.months.iter().enumerate().filter(|(i, _)| i.is_multiple_of(every)) {
        let (px, py) = at(i as f64, bottom);
        root.draw(&PathElement::new(vec![(px, py), (px, py + 5)], axis))?;
        root.draw(&Text::new(month.short_name(), (px, py + 8), font.clone().pos(Pos::new(HPos::Center, VPos::Top))))?;
    }

    // Series breaks: a thin grey rule and a short label at the top of the plot.
    let small = ("sans-serif", 12.0 * 1.24).into_font().color(&colour("#505a5f"));
    for mark in &spec.marks {
        let x = mark.index as f64 - 0.5;
        root.draw(&PathElement::new(vec![at(x, bottom), at(x, top)], axis))?;
        let (px, py) = at(x, top);
        root.draw(&Text::new(
            mark.label.clone(),
            (px + 4, py + 2),
            small.clone().pos(Pos::new(HPos::Left, VPos::Top)),
        ))?;
    }

    let mut chart = chart;
    for series in &spec.series {
        let line = colour(series.colour);
        let style = ShapeStyle { color: line.to_rgba(), filled: false, stroke_width: 3 };
        // Unknown months break the line: runs of known values are drawn apart.
        let mut runs: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
        for i in 0..series.values.len() {
            match spec.drawn(&series.values, i) {
                Some(v) => runs.last_mut().map(|r| r.push((i as f64, v))).unwrap_or(()),
                None => runs.push(Vec::new()),
            }
        }
        for run in runs.into_iter().filter(|r| !r.is_empty()) {
            if run.len() == 1 {
                chart.draw_series(run.iter().map(|p| Circle::new(*p, 4, style.filled())))?;
            } else {
                chart.draw_series(LineSeries::new(run, style))?;
            }
        }
    }
    // Months the latest file revised: a hollow diamond on the first line.
    if let Some(first) = spec.series.first() {
        let ink = ShapeStyle { color: text.to_rgba(), filled: false, stroke_width: 2 };
        for &i in &spec.revised {
            let Some(v) = spec.drawn(&first.values, i) else { continue };
            let (px, py) = chart.backend_coord(&(i as f64, v));
            let diamond = vec![(px, py - 6), (px + 6, py), (px, py + 6), (px - 6, py)];
            root.draw(&Polygon::new(diamond.clone(), WHITE.filled()))?;
            let mut outline = diamond;
            outline.push((px, py - 6));
            root.draw(&PathElement::new(outline, ink))?;
        }
    }
    root.present()?;
    drop(chart);
    drop(root);
    // Dashes are drawn by the browser (one polyline with a dash pattern) rather
    // than by plotters (one element per dash), which keeps long series light.
    for series in &spec.series {
        if let Some(pattern) = series.dash {
            let stroke = format!("stroke=\"{}\" stroke-width=\"3\" points", series.colour.to_uppercase());
            let dashed = stroke.replace(" points", &format!(" stroke-dasharray=\"{pattern}\" points"));
            *svg = svg.replace(&stroke, &dashed);
        }
    }
    Ok(())
}

/// The chart as a file: title, legend and unit above the drawing, notes and
/// source below, so the picture carries its own context. Returns the SVG and
/// its width and height.
pub fn standalone_svg(spec: &ChartSpec, width: u32, height: u32) -> (String, u32, u32) {
    let chars = (width / 8).max(30) as usize;
    let mut head = String::new();
    let mut y = 8;
    for line in format::wrap(&spec.title, chars.saturating_sub(chars / 8)) {
        y += 22;
        head.push_str(&format!(
            "<text x=\"8\" y=\"{y}\" font-size=\"17\" font-weight=\"700\">{}</text>",
            format::xml(&line)
        ));
    }
    y += 26;
    let mut x = 8;
    for s in &spec.series {
        let dash = s.dash.map(|d| format!(" stroke-dasharray=\"{d}\"")).unwrap_or_default();
        head.push_str(&format!(
            "<line x1=\"{x}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"4\"{dash}/>",
            y - 5,
            x + 28,
            y - 5,
            s.colour
        ));
        head.push_str(&format!("<text x=\"{}\" y=\"{y}\" font-size=\"14\">{}</text>", x + 34, format::xml(&s.name)));
        x += 50 + 8 * s.name.chars().count() as u32;
    }
    y += 22;
    head.push_str(&format!(
        "<text x=\"8\" y=\"{y}\" font-size=\"13\" fill=\"#505a5f\">{}</text>",
        format::xml(&spec.y_label)
    ));
    let top = y + 6;
    let chart = render_svg(spec, width, height).replacen("<svg ", &format!("<svg x=\"0\" y=\"{top}\" "), 1);
    let mut foot = String::new();
    let mut y = top + height + 4;
    for text in spec.marks.iter().map(|m| &m.note).chain(&spec.notes).chain(std::iter::once(&spec.source)) {
        for line in format::wrap(text, chars + chars / 4) {
            y += 16;
            foot.push_str(&format!(
                "<text x=\"8\" y=\"{y}\" font-size=\"12\" fill=\"#505a5f\">{}</text>",
                format::xml(&line)
            ));
        }
        y += 4;
    }
    let total = y + 10;
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{total}\" viewBox=\"0 0 {width} {total}\" \
         font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif\" fill=\"#0b0c0c\">\
         <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>{head}{chart}{foot}</svg>"
    );
    (svg, width, total)
}

/// Draws a bar chart as SVG: each value's label on one line and its bar below,
/// with the value written at the bar's end, so long labels fit a phone. An
/// unknown value has no bar, only its symbol: it is never drawn as zero.
pub fn render_bars(spec: &met_core::render::chart::BarSpec, width: u32) -> String {
    // A label's line, the bar below it, and the space to the next label.
    const LINE: u32 = 17;
    const BAR: u32 = 30;
    let max = spec.max();
    // Room for the value text after the longest bar.
    let room = f64::from(width.saturating_sub(130).max(60));
    // Labels wrap to the width (about 7.5 px a character at 14 px) so that a
    // long one is never cut off on a phone.
    let chars = (width as usize * 2 / 15).max(16);
    let mut body = String::new();
    let mut y = 0;
    for bar in &spec.bars {
        for line in format::wrap(&bar.label, chars) {
            y += LINE;
            body.push_str(&format!("<text x=\"0\" y=\"{}\" font-size=\"14\">{}</text>", y - 1, format::xml(&line)));
        }
        let length = bar.value.known().map_or(0.0, |v| (v / max * room).max(if v > 0.0 { 1.0 } else { 0.0 }));
        if bar.value.known().is_some() {
            body.push_str(&format!(
                "<rect x=\"0\" y=\"{}\" width=\"{length:.1}\" height=\"18\" fill=\"{}\"/>",
                y + 5,
                met_core::render::chart::LINE_COLOURS[0]
            ));
        }
        body.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{}\" font-size=\"14\" font-weight=\"700\">{}</text>",
            length + 6.0,
            y + 19,
            format::xml(&bar.text)
        ));
        y += BAR - 1;
    }
    let height = y + 8;
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" \
         font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif\" fill=\"#0b0c0c\">{body}</svg>"
    )
}
