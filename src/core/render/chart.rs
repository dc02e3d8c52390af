//! Chart specs: a chart as data.
//!
//! A [`ChartSpec`] says everything about a chart (title, axes, series, notes,
//! source); the UI's renderer only draws it. The chart's accessible description
//! ([`ChartSpec::description`]) and its data table ([`ChartSpec::table`]) are
//! generated from the same spec, so the three can never disagree. Unknown
//! values are gaps in the line, `..`/`[c]` in the table and words in the
//! description, never zero.

use crate::data::figure::Figure;
use crate::data::format;
use crate::data::month::Month;

/// One line of a time-series chart.
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesSpec {
    pub name: String,
    /// One figure per month of [`ChartSpec::months`].
    pub values: Vec<Figure>,
    pub colour: &'static str,
    /// The SVG dash pattern (`None` for a solid line): lines differ by pattern
    /// as well as colour, so colour never carries the meaning alone.
    pub dash: Option<&'static str>,
}

/// Line patterns: solid for the chosen area, then dashed, then dotted.
pub const DASHES: [Option<&str>; 3] = [None, Some("8 5"), Some("2 4")];

/// A month marked on the chart with a vertical rule, e.g. a series break.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mark {
    /// Index into [`ChartSpec::months`].
    pub index: usize,
    /// A short label drawn at the rule, e.g. "CONNECT".
    pub label: String,
    /// The full explanation, shown under the chart and read with the description.
    pub note: String,
}

/// A monthly time-series chart.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartSpec {
    pub title: String,
    pub y_label: String,
    /// Decimal places of values in the table and description.
    pub decimals: usize,
    pub months: Vec<Month>,
    pub series: Vec<SeriesSpec>,
    /// Months marked with a rule: series breaks.
    pub marks: Vec<Mark>,
    /// Months whose published figures cover only part of the month: the line
    /// leaves them out so they never look like a fall; the table and CSV give
    /// their figures, flagged.
    pub gaps: Vec<usize>,
    /// Months whose figure on the first line the publisher's latest file
    /// revised: marked on the line, and "(revised)" in the table.
    pub revised: Vec<usize>,
    /// Footnotes shown under the chart (e.g. what `..` means).
    pub notes: Vec<String>,
    pub source: String,
}

/// One bar of a bar chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    /// The bar's length; an unknown value has no bar, only its symbol.
    pub value: Figure,
    /// The value as written beside the bar, e.g. "12.3% (1,234)" or "[c]".
    pub text: String,
}

/// A horizontal bar chart: one bar per value of a breakdown.
#[derive(Clone, Debug, PartialEq)]
pub struct BarSpec {
    pub title: String,
    /// What the bars measure, e.g. "Per cent of searches".
    pub unit: String,
    pub bars: Vec<Bar>,
    pub notes: Vec<String>,
    pub source: String,
}

impl BarSpec {
    /// The largest known value (at least a small positive number).
    pub fn max(&self) -> f64 {
        self.bars.iter().filter_map(|b| b.value.known()).fold(0.0, f64::max).max(1e-9)
    }

    /// A text alternative: every bar's label and value, in order.
    pub fn description(&self) -> String {
        // Symbols are read out as words: a screen reader says "[c]" as brackets and a letter.
        let spoken = |b: &Bar| match b.value {
            Figure::Known(_) => b.text.clone(),
            other => other.symbol().map_or_else(String::new, |(_, words)| words.to_string()),
        };
        let bars: Vec<String> = self.bars.iter().map(|b| format!("{}: {}", b.label, spoken(b))).collect();
        format!("Bar chart of {}. {}.", self.unit.to_lowercase(), bars.join("; "))
    }
}

/// A table of strings with a caption, for display and for CSV.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub caption: String,
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// Colours of the chart lines (Analysis Function dark blue, dark pink, and a dark
/// orange), each ≥ 3:1 on white.
pub const LINE_COLOURS: [&str; 3] = ["#12436d", "#801650", "#a04b00"];

/// Round numbers for an axis from 0 (or below, if values are negative) to ≥ `max`.
pub fn nice_ticks(min: f64, max: f64, target: usize) -> Vec<f64> {
    let (lo, hi) = (min.min(0.0), if max > min.min(0.0) { max } else { min.min(0.0) + 1.0 });
    let raw = (hi - lo) / target.max(1) as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * magnitude).find(|s| *s >= raw).unwrap_or(raw);
    let start = (lo / step).floor() * step;
    let mut ticks = Vec::new();
    for k in 0..=(target * 4) {
        let t = start + step * k as f64;
        // Rounding to nine decimals removes binary noise such as 0.6000000000000001.
        ticks.push((t * 1e9).round() / 1e9);
        if t >= hi - step * 1e-9 {
            break;
        }
    }
    ticks
}

impl ChartSpec {
    fn value_text(&self, value: Figure) -> String {
        match value {
            Figure::Known(v) => format::decimal(v, self.decimals),
            other => other.symbol().map(|(s, _)| s.to_string()).unwrap_or_default(),
        }
    }

    /// A series' value as drawn: `None` for unknown values and part months.
    pub fn drawn(&self, values: &[Figure], index: usize) -> Option<f64> {
        if self.gaps.contains(&index) {
            return None;
        }
        values.get(index).and_then(|v| v.known())
    }

    /// The smallest and largest drawn value over all series.
    pub fn extent(&self) -> Option<(f64, f64)> {
        let known = self.series.iter().flat_map(|s| (0..s.values.len()).filter_map(|i| self.drawn(&s.values, i)));
        known.fold(None, |acc, v| match acc {
            None => Some((v, v)),
            Some((lo, hi)) => Some((f64::min(lo, v), f64::max(hi, v))),
        })
    }

    /// The y-axis ticks.
    pub fn y_ticks(&self) -> Vec<f64> {
        let (lo, hi) = self.extent().unwrap_or((0.0, 1.0));
        nice_ticks(lo, hi, 5)
    }

    /// A text alternative: what the chart shows and, per series, its latest,
    /// highest and lowest values and how many months are unknown.
    pub fn description(&self) -> String {
        let (Some(first), Some(last)) = (self.months.first(), self.months.last()) else {
            return format!("{}: no months to show.", self.title);
        };
        let mut text = format!(
            "Line chart of {} by month, {} to {}.",
            self.y_label.to_lowercase(),
            first.long_name(),
            last.long_name()
        );
        for series in &self.series {
            let known: Vec<(Month, f64)> = (0..series.values.len())
                .filter_map(|i| Some((*self.months.get(i)?, self.drawn(&series.values, i)?)))
                .collect();
            let unknown = series.values.iter().filter(|v| v.known().is_none()).count();
            let Some(&(latest_m, latest)) = known.last() else {
                text.push_str(&format!(" {}: no published values.", series.name));
                continue;
            };
            let &(high_m, high) = known.iter().max_by(|a, b| a.1.total_cmp(&b.1)).unwrap_or(&known[0]);
            let &(low_m, low) = known.iter().min_by(|a, b| a.1.total_cmp(&b.1)).unwrap_or(&known[0]);
            text.push_str(&format!(
                " {}: {} in {}; highest {} in {}, lowest {} in {}.",
                series.name,
                format::decimal(latest, self.decimals),
                latest_m.long_name(),
                format::decimal(high, self.decimals),
                high_m.long_name(),
                format::decimal(low, self.decimals),
                low_m.long_name()
            ));
            let withheld = series.values.iter().filter(|v| **v == Figure::Suppressed).count();
            if unknown > withheld {
                text.push_str(&format!(" {} not published.", format::plural(unknown - withheld, "month", "months")));
            }
            if withheld > 0 {
                text.push_str(&format!(
                    " {} withheld to protect confidentiality.",
                    format::plural(withheld, "month", "months")
                ));
            }
        }
        for mark in &self.marks {
            text.push(' ');
            text.push_str(&mark.note);
        }
        if let (Some(first), false) = (self.series.first(), self.revised.is_empty()) {
            let months: Vec<String> =
                self.revised.iter().filter_map(|&i| self.months.get(i)).map(|m| m.short_name()).collect();
            text.push_str(&format!(" {} revised by the publisher's latest file: {}.", first.name, months.join(", ")));
        }
        text
    }

    /// The chart's data as a table: a row per month, a column per series.
    pub fn table(&self) -> Table {
        let mut head = vec!["Month".to_string()];
        head.extend(self.series.iter().map(|s| s.name.clone()));
        let rows = self
            .months
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let mut label = m.short_name();
                if self.gaps.contains(&i) {
                    label.push_str(" (part month)");
                }
                if self.revised.contains(&i) {
                    label.push_str(" (revised)");
                }
                let mut row = vec![label];
                row.extend(
                    self.series.iter().map(|s| self.value_text(s.values.get(i).copied().unwrap_or(Figure::Missing))),
                );
                row
            })
            .collect();
        Table { caption: format!("{} ({})", self.title, self.y_label.to_lowercase()), head, rows }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec() -> ChartSpec {
        let m = |s| Month::parse(s).unwrap();
        ChartSpec {
            title: "Burglary in Camden".into(),
            y_label: "Offences per 1,000 residents".into(),
            decimals: 2,
            months: vec![m("2025-01"), m("2025-02"), m("2025-03")],
            series: vec![
                SeriesSpec {
                    name: "Camden".into(),
                    values: vec![Figure::Known(1.5), Figure::Missing, Figure::Known(0.5)],
                    colour: LINE_COLOURS[0],
                    dash: DASHES[0],
                },
                SeriesSpec {
                    name: "London".into(),
                    values: vec![Figure::Known(1.0), Figure::Known(1.25), Figure::Suppressed],
                    colour: LINE_COLOURS[1],
                    dash: DASHES[1],
                },
            ],
            marks: vec![Mark { index: 1, label: "CONNECT".into(), note: "A break.".into() }],
            gaps: vec![],
            revised: Vec::new(),
            notes: vec![],
            source: "MPS".into(),
        }
    }

    #[test]
    fn table_and_description_come_from_the_spec() {
        let s = spec();
        let t = s.table();
        assert_eq!(t.head, ["Month", "Camden", "London"]);
        assert_eq!(t.rows[1], ["Feb 2025", "..", "1.25"]);
        assert_eq!(t.rows[2], ["Mar 2025", "0.50", "[c]"]);
        assert_eq!(
            s.description(),
            "Line chart of offences per 1,000 residents by month, January 2025 to March 2025. \
             Camden: 0.50 in March 2025; highest 1.50 in January 2025, lowest 0.50 in March 2025. 1 month not published. \
             London: 1.25 in February 2025; highest 1.25 in February 2025, lowest 1.00 in January 2025. 1 month withheld to protect confidentiality. \
             A break."
        );
        assert_eq!(s.extent(), Some((0.5, 1.5)));
        // Revised months are flagged in the table and named in the description.
        let revised = ChartSpec { revised: vec![0, 2], ..spec() };
        assert_eq!(revised.table().rows[0][0], "Jan 2025 (revised)");
        assert_eq!(revised.table().rows[1][0], "Feb 2025");
        assert!(revised
            .description()
            .ends_with("A break. Camden revised by the publisher's latest file: Jan 2025, Mar 2025."));
    }

    #[test]
    fn bar_descriptions_say_withheld_values_in_words() {
        let bar = |label: &str, value: Figure, text: &str| Bar { label: label.into(), value, text: text.into() };
        let spec = BarSpec {
            title: "Outcome".into(),
            unit: "Per cent of searches".into(),
            bars: vec![bar("Arrest", Figure::Known(20.0), "20.0% (240)"), bar("Caution", Figure::Suppressed, "[c]")],
            notes: vec![],
            source: String::new(),
        };
        assert_eq!(
            spec.description(),
            "Bar chart of per cent of searches. Arrest: 20.0% (240); Caution: withheld to protect confidentiality."
        );
        assert_eq!(spec.max(), 20.0);
    }

    #[test]
    fn ticks_are_round_and_cover_the_range() {
        assert_eq!(nice_ticks(3.0, 97.0, 5), [0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
        assert_eq!(nice_ticks(0.0, 1.3, 5), [0.0, 0.5, 1.0, 1.5]);
        assert_eq!(nice_ticks(0.0, 0.0, 5), [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
    }
}
