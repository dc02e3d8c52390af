//! Draws a [`ChartSpec`] as SVG with plotters, and a [`BarSpec`] and the
//! standalone chart file through the one markup writer ([`Markup`]). A thin
//! renderer: every word and number comes from the spec, which also gives the
//! accessible description and data table shown beside the drawing. Runs
//! natively, so its output is snapshot-tested with `cargo test`.

use crate::data::format;
use crate::render::chart::{BarSpec, ChartSpec, LINE_COLOURS};
use crate::render::markup::{Markup, Value};
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
        let mut m = Markup::new();
        m.open("svg", &[("xmlns", SVG_NS.into())])
            .element("text", &[("x", 8u32.into()), ("y", 20u32.into())], &format!("Chart could not be drawn: {e}"))
            .close("svg");
        return m.finish();
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

const SVG_NS: &str = "http://www.w3.org/2000/svg";
const FONTS: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";
const INK: &str = "#0b0c0c";
const SECONDARY: &str = "#505a5f";

/// The outer `<svg>` of a picture of `width` × `height`, around `body`.
fn document(width: u32, height: u32, background: bool, body: &Markup) -> String {
    let view_box = format!("0 0 {width} {height}");
    let mut m = Markup::new();
    m.open(
        "svg",
        &[
            ("xmlns", SVG_NS.into()),
            ("width", width.into()),
            ("height", height.into()),
            ("viewBox", Value::Text(&view_box)),
            ("font-family", FONTS.into()),
            ("fill", INK.into()),
        ],
    );
    if background {
        m.empty("rect", &[("width", "100%".into()), ("height", "100%".into()), ("fill", "#ffffff".into())]);
    }
    m.append(body).close("svg");
    m.finish()
}

/// The chart as a file: title, legend and unit above the drawing, notes and
/// source below, so the picture carries its own context. Returns the SVG and
/// its width and height.
pub fn standalone_svg(spec: &ChartSpec, width: u32, height: u32) -> (String, u32, u32) {
    let chars = (width / 8).max(30) as usize;
    let mut body = Markup::new();
    let mut y = 8;
    // Bold 17 px text is up to about 11 px a character: the title wraps to fit.
    for line in format::wrap(&spec.title, (width / 11).max(24) as usize) {
        y += 22;
        let at = [("x", 8u32.into()), ("y", y.into()), ("font-size", 17u32.into()), ("font-weight", 700u32.into())];
        body.element("text", &at, &line);
    }
    y += 26;
    let mut x = 8;
    for s in &spec.series {
        let mut line = vec![
            ("x1", Value::from(x)),
            ("y1", (y - 5).into()),
            ("x2", (x + 28).into()),
            ("y2", (y - 5).into()),
            ("stroke", s.colour.into()),
            ("stroke-width", 4u32.into()),
        ];
        if let Some(d) = s.dash {
            line.push(("stroke-dasharray", d.into()));
        }
        body.empty("line", &line);
        body.element("text", &[("x", (x + 34).into()), ("y", y.into()), ("font-size", 14u32.into())], &s.name);
        x += 50 + 8 * s.name.chars().count() as u32;
    }
    y += 22;
    let unit = [("x", 8u32.into()), ("y", y.into()), ("font-size", 13u32.into()), ("fill", SECONDARY.into())];
    body.element("text", &unit, &spec.y_label);
    let top = y + 6;
    // The drawing is plotters' own SVG document, nested and moved down.
    let chart = render_svg(spec, width, height).replacen("<svg ", &format!("<svg x=\"0\" y=\"{top}\" "), 1);
    let mut foot = Markup::new();
    let mut y = top + height + 4;
    for text in spec.marks.iter().map(|m| &m.note).chain(&spec.notes).chain(std::iter::once(&spec.source)) {
        for line in format::wrap(text, chars + chars / 4) {
            y += 16;
            let at = [("x", 8u32.into()), ("y", y.into()), ("font-size", 12u32.into()), ("fill", SECONDARY.into())];
            foot.element("text", &at, &line);
        }
        y += 4;
    }
    let total = y + 10;
    body.append(&Markup::from_plotters(chart)).append(&foot);
    let svg = document(width, total, true, &body);
    (svg, width, total)
}

/// Draws a bar chart as SVG: each value's label on one line and its bar below,
/// with the value written at the bar's end, so long labels fit a phone. An
/// unknown value has no bar, only its symbol: it is never drawn as zero.
pub fn render_bars(spec: &BarSpec, width: u32) -> String {
    // A label's line, the bar below it, and the space to the next label.
    const LINE: u32 = 17;
    const BAR: u32 = 30;
    let max = spec.max();
    // Room for the value text after the longest bar.
    let room = f64::from(width.saturating_sub(130).max(60));
    // Labels wrap to the width (about 7.5 px a character at 14 px) so that a
    // long one is never cut off on a phone.
    let chars = (width as usize * 2 / 15).max(16);
    let mut body = Markup::new();
    let mut y = 0;
    for bar in &spec.bars {
        for line in format::wrap(&bar.label, chars) {
            y += LINE;
            body.element("text", &[("x", 0u32.into()), ("y", (y - 1).into()), ("font-size", 14u32.into())], &line);
        }
        let length = bar.value.known().map_or(0.0, |v| (v / max * room).max(if v > 0.0 { 1.0 } else { 0.0 }));
        if bar.value.known().is_some() {
            let at = [
                ("x", 0u32.into()),
                ("y", (y + 5).into()),
                ("width", length.into()),
                ("height", 18u32.into()),
                ("fill", LINE_COLOURS[0].into()),
            ];
            body.empty("rect", &at);
        }
        let at = [
            ("x", (length + 6.0).into()),
            ("y", (y + 19).into()),
            ("font-size", 14u32.into()),
            ("font-weight", 700u32.into()),
        ];
        body.element("text", &at, &bar.text);
        y += BAR - 1;
    }
    document(width, y + 8, false, &body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::figure::Figure;
    use crate::data::month::Month;
    use crate::render::chart::{Bar, Mark, SeriesSpec, DASHES};

    fn m(s: &str) -> Month {
        Month::parse(s).unwrap()
    }

    fn spec() -> ChartSpec {
        ChartSpec {
            title: "Burglary offences per 1,000 residents by month, Camden and London".into(),
            y_label: "Offences per 1,000 residents".into(),
            decimals: 2,
            months: vec![m("2025-01"), m("2025-02"), m("2025-03"), m("2025-04")],
            series: vec![
                SeriesSpec {
                    name: "Camden".into(),
                    values: vec![Figure::Known(0.8), Figure::Missing, Figure::Known(0.9), Figure::Known(1.0)],
                    colour: LINE_COLOURS[0],
                    dash: DASHES[0],
                },
                SeriesSpec {
                    name: "London".into(),
                    values: vec![Figure::Known(0.5); 4],
                    colour: LINE_COLOURS[2],
                    dash: DASHES[1],
                },
            ],
            marks: vec![Mark { index: 2, label: "CONNECT".into(), note: "A break.".into() }],
            gaps: vec![],
            revised: vec![],
            notes: vec![],
            source: "test".into(),
        }
    }

    #[test]
    fn chart_renders_svg_with_axis_title_and_a_gap_for_unknown_months() {
        let svg = render_svg(&spec(), 600, 320);
        assert!(svg.starts_with("<svg"), "{svg}");
        assert!(svg.contains("1.00") && svg.matches("<text").count() >= 6, "no y tick labels: {svg}");
        assert!(svg.contains("Jan 2025"));
        // Camden's first month stands alone before the gap: drawn as a dot, not a line to zero.
        assert!(svg.contains("<circle"), "no dot for the isolated month");
        assert!(!svg.contains("NaN"));
        // London is dashed, Camden solid: the series differ by more than colour.
        assert_eq!(svg.matches("stroke-dasharray=\"8 5\"").count(), 1, "{svg}");
        // The series break is labelled on the chart.
        assert!(svg.contains("CONNECT"), "{svg}");
        assert!(!svg.contains("<polygon"), "no revised months, no diamonds");
        // Revised months get a diamond on the first line, where it has a value.
        let revised = render_svg(&ChartSpec { revised: vec![1, 2, 3], ..spec() }, 600, 320);
        assert_eq!(revised.matches("<polygon").count(), 2, "{revised}");
    }

    #[test]
    fn standalone_chart_carries_its_title_legend_and_source() {
        let (svg, width, height) = standalone_svg(&spec(), 600, 320);
        assert_eq!(width, 600);
        assert!(height > 320 + 60, "room for title and notes: {height}");
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""), "{svg}");
        // The title wraps to the width, every word kept.
        let title = format::wrap(&spec().title, 54);
        assert_eq!(title.len(), 2);
        assert!(title.iter().all(|line| svg.contains(&format!(">{line}<"))), "{svg}");
        assert!(svg.contains(">Camden<") && svg.contains(">London<"));
        assert!(svg.contains(">A break.<") && svg.contains(">test<"), "notes and source: {svg}");
        assert_eq!(svg.matches("<svg").count(), 2, "the plot is nested once");
    }

    fn bars() -> BarSpec {
        let bar = |label: &str, value: Figure, text: &str| Bar { label: label.into(), value, text: text.into() };
        BarSpec {
            title: "Stop and search in Camden by outcome".into(),
            unit: "Per cent of searches".into(),
            bars: vec![
                bar("Arrest", Figure::Known(12.5), "12.5% (250)"),
                bar("Caution", Figure::Suppressed, "[c]"),
                bar("A label long enough to wrap onto a second line at this width <&>", Figure::Known(0.0), "0% (0)"),
            ],
            notes: vec![],
            source: "test".into(),
        }
    }

    /// Compares `svg` with the committed snapshot `name`; `UPDATE_SNAPSHOTS=1`
    /// writes it instead (then look at the SVG and commit it).
    fn snapshot(name: &str, svg: &str) {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("render/snapshots").join(name);
        if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, svg).unwrap();
        }
        let expected = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: {e} (run with UPDATE_SNAPSHOTS=1 to write it)", path.display()));
        assert!(expected == svg, "{} differs from the rendering:\n{svg}", path.display());
    }

    #[test]
    fn renderings_match_their_snapshots() {
        snapshot("trend.svg", &render_svg(&spec(), 600, 320));
        snapshot("trend-phone.svg", &render_svg(&spec(), 320, 240));
        snapshot("standalone.svg", &standalone_svg(&spec(), 600, 320).0);
        snapshot("bars.svg", &render_bars(&bars(), 360));
    }

    #[test]
    fn bars_never_draw_an_unknown_as_zero_and_escape_labels() {
        let svg = render_bars(&bars(), 360);
        // Two known values, two bars (a zero is a bar of no length); the suppressed one has only its symbol.
        assert_eq!(svg.matches("<rect").count(), 2, "{svg}");
        assert!(svg.contains(">[c]<"), "{svg}");
        assert!(svg.contains("&lt;&amp;&gt;") && !svg.contains("<&>"), "{svg}");
    }

    #[test]
    fn text_from_data_is_escaped_in_every_rendering() {
        let evil = "<script>alert(1)</script> & \"x\"";
        let mut s = spec();
        s.title = evil.into();
        s.series[0].name = evil.into();
        s.marks[0].label = evil.into();
        s.source = evil.into();
        for svg in [render_svg(&s, 600, 320), standalone_svg(&s, 600, 320).0] {
            assert!(!svg.contains("<script"), "{svg}");
            assert!(svg.contains("&lt;script&gt;"), "{svg}");
        }
    }
}
