//! The trend of a view over time: the comparison chart (the chosen area, its
//! borough and London, by month or as 12-month rolling totals, in the chosen
//! measure), the series breaks marked on it, and the small multiples of every
//! major category.

use crate::crime::aggregate::{self, share, Files, Reader};
use crate::crime::category;
use crate::data::dataset::{Area, Level, Manifest};
use crate::data::figure::Figure;
use crate::data::format;
use crate::data::month::{Month, Period};
use crate::render::chart::{ChartSpec, Mark, SeriesSpec, DASHES, LINE_COLOURS};
use crate::share::url_state::{Measure, ViewState};

/// A series divided by its first value and multiplied by 100 (unknown if the
/// first value is unknown or zero).
pub(crate) fn indexed(values: &[Figure]) -> Vec<Figure> {
    match values.first() {
        Some(Figure::Known(base)) if *base > 0.0 => values.iter().map(|v| v.map(|x| x / base * 100.0)).collect(),
        _ => vec![Figure::Missing; values.len()],
    }
}

/// The months a view's chart reads: its period, and for rolling totals the 11
/// months before it too.
fn read_period(state: &ViewState) -> Period {
    if state.rolling {
        state.period.with_year_before()
    } else {
        state.period
    }
}

/// The counts a chart shows from figures read over [`read_period`].
fn shown(monthly: Vec<Figure>, rolling_totals: bool) -> Vec<Figure> {
    if rolling_totals {
        rolling(&monthly)
    } else {
        monthly
    }
}

/// Sums of the 12 months ending at each month of `period`, from monthly
/// figures that start 11 months before it.
fn rolling(monthly: &[Figure]) -> Vec<Figure> {
    monthly.windows(12).map(|w| Figure::sum(w.iter().copied())).collect()
}

/// Series breaks the publisher documents, marked on every crime chart.
const BREAKS: [(u16, u8, &str, &str); 2] = [
    (
        2019,
        3,
        "Categories changed",
        "March 2019: the Met changed its crime categories; compare minor categories across this month with care.",
    ),
    (
        2024,
        2,
        "CONNECT",
        "February 2024: the Met moved to a new crime recording system (CONNECT); figures either side are not fully \
         comparable, especially for hate crime and domestic abuse.",
    ),
];

/// Marks for the documented breaks within the months shown, for months where a
/// category starts or stops being published, and for months that a release
/// covered only in part (`partial`): a stub month must never look like a fall.
/// `reclassified` are the months where the figures of the chart's category
/// pass from the older classification of crimes to today's.
fn marks(months: &[Month], london: &[Figure], partial: &[Month], reclassified: &[Month]) -> Vec<Mark> {
    let within = |month: Month| months.iter().position(|x| *x == month).filter(|i| *i > 0);
    let mut marks: Vec<Mark> = BREAKS
        .iter()
        .filter_map(|&(y, m, label, note)| {
            let index = within(Month::new(y, m)?)?;
            Some(Mark { index, label: label.to_string(), note: note.to_string() })
        })
        .collect();
    for &month in reclassified {
        let Some(index) = within(month) else { continue };
        marks.push(Mark {
            index,
            label: "Older categories before".into(),
            note: format!(
                "{}: before this month the figures come from files of the Met's older crime categories (2008 to \
                 2016), which counted some other offences in this category; compare across this month with care.",
                month.long_name()
            ),
        });
    }
    for i in 1..london.len().min(months.len()) {
        let (before, now) = (london[i - 1].known().is_some(), london[i].known().is_some());
        if before != now {
            let (label, verb) =
                if now { ("Published from here", "starts") } else { ("Not published after here", "stops") };
            marks.push(Mark {
                index: i,
                label: label.to_string(),
                note: format!(
                    "{}: the publisher's figures for this category {verb} here; this is not a change in crime.",
                    months[i].long_name()
                ),
            });
        }
    }
    for month in partial {
        let Some(index) = months.iter().position(|m| m == month) else { continue };
        let note = if london.get(index).is_some_and(|f| f.known().is_some()) {
            "the newest release covers only part of this month, so its figure comes from the release before"
        } else {
            "the newest release covers only part of this month, so no figure is shown; this is not a fall in crime"
        };
        // A partial month explains its own gap.
        marks.retain(|m| !(m.index == index && m.label == "Not published after here"));
        marks.push(Mark { index, label: "Partial month".into(), note: format!("{}: {note}.", month.long_name()) });
    }
    marks.sort_by_key(|m| m.index);
    marks
}

/// The months where `category`'s borough figures pass from the older
/// classification of crimes to today's, and its definition changes.
fn reclassified(manifest: &Manifest, category: &str) -> Vec<Month> {
    let datasets = manifest.datasets.iter();
    datasets.flat_map(|d| &d.breaks).filter(|b| b.categories.iter().any(|c| c == category)).map(|b| b.month).collect()
}

/// The trend chart: the chosen area, its borough (for a ward) and London, in
/// the chosen measure, by month or as 12-month rolling totals.
pub(crate) fn chart(
    manifest: &Manifest,
    state: &ViewState,
    boroughs: &Reader,
    wards: Option<&Reader>,
    (selected, borough_of): (Option<&Area>, Option<&Area>),
    london_pop: Option<u32>,
    full_name: &str,
) -> ChartSpec {
    let period = state.period;
    let read = read_period(state);
    let shape = |monthly: Vec<Figure>| shown(monthly, state.rolling);
    let london_counts = shape(boroughs.all_monthly(read));
    let measure = match (state.measure, selected) {
        (Measure::Share, None) => Measure::Count,
        (m, _) => m,
    };
    let line = |counts: Vec<Figure>, population: Option<u32>| -> Vec<Figure> {
        match measure {
            Measure::Count => counts,
            Measure::Change => indexed(&counts),
            Measure::Rate => counts.into_iter().map(|c| aggregate::per_thousand(c, population)).collect(),
            Measure::Share => {
                counts.into_iter().zip(&london_counts).map(|(c, l)| share(c, *l).map(|v| v * 100.0)).collect()
            }
        }
    };
    let mut lines: Vec<(String, Vec<Figure>)> = Vec::new();
    if let Some(area) = selected {
        let reader = if area.level == Level::Ward { wards.unwrap_or(boroughs) } else { boroughs };
        lines.push((area.name.clone(), line(shape(reader.monthly(&area.code, read)), area.population)));
    }
    if let (Some(b), false) = (borough_of, measure == Measure::Count) {
        let values = line(shape(boroughs.monthly(&b.code, read)), b.population);
        lines.push((format!("{} (borough)", b.name), values));
    }
    if selected.is_none() || matches!(measure, Measure::Rate | Measure::Change) {
        lines.push(("London".into(), line(london_counts.clone(), london_pop)));
    }
    let series = lines
        .into_iter()
        .enumerate()
        .map(|(i, (name, values))| {
            let style = if name == "London" { LINE_COLOURS.len() - 1 } else { i };
            SeriesSpec { name, values, colour: LINE_COLOURS[style], dash: DASHES[style] }
        })
        .collect();
    let what = category::sentence_case(&manifest.category_noun(&state.category).1);
    let when = if state.rolling { "12 months to each month" } else { "by month" };
    let (title, y_label, decimals) = match measure {
        Measure::Count => (format!("{what}, {when}, {full_name}"), "Offences".to_string(), 0),
        Measure::Rate => (
            format!(
                "{what} per 1,000 residents, {when}, {full_name}{}",
                if selected.is_some() { " compared with London" } else { "" }
            ),
            "Offences per 1,000 residents".to_string(),
            if state.rolling { 1 } else { 2 },
        ),
        Measure::Share => (
            format!("{what}: share of London's total, {when}, {full_name}"),
            "Per cent of London's offences".to_string(),
            2,
        ),
        Measure::Change => (
            format!(
                "{what}, {when}, indexed to the first month (= 100), {full_name}{}",
                if selected.is_some() { " compared with London" } else { "" }
            ),
            "Index (first month = 100)".to_string(),
            1,
        ),
    };
    let months: Vec<Month> = period.months().collect();
    let mut notes = Vec::new();
    // Months of the first line that the latest publisher file revised (for a
    // rolling total: any of the 12 months it adds up).
    let (primary, reader, code) = match selected {
        Some(area) => {
            let reader = if area.level == Level::Ward { wards.unwrap_or(boroughs) } else { boroughs };
            (area.name.as_str(), reader, Some(area.code.as_str()))
        }
        None => ("London", boroughs, None),
    };
    let flags = reader.revised(code, read);
    let revised: Vec<usize> = if state.rolling {
        flags.windows(12).enumerate().filter(|(_, w)| w.contains(&true)).map(|(i, _)| i).collect()
    } else {
        flags.iter().enumerate().filter(|(_, f)| **f).map(|(i, _)| i).collect()
    };
    if !revised.is_empty() {
        let level = selected.map_or(Level::Borough, |a| a.level);
        let latest = manifest.releases.iter().filter(|r| r.level == level).map(|r| r.period.to).max();
        notes.push(format!(
            "◇ marks the {} whose figures for {primary} the publisher's latest file{} revised: an earlier file gave \
             other figures. About the data lists every revision.",
            format::plural(revised.len(), "month", "months"),
            latest.map(|m| format!(" (figures to {})", m.long_name())).unwrap_or_default(),
        ));
    }
    if state.rolling {
        notes.push("Each point is the total of the 12 months up to and including that month.".to_string());
    }
    if measure == Measure::Rate {
        let residents: Vec<String> = [selected, borough_of]
            .into_iter()
            .flatten()
            .map(|a| (a.name.as_str(), a.population))
            .chain([("London", london_pop)])
            .map(|(name, p)| format!("{name} {}", p.map_or("not known".to_string(), |p| format::count(f64::from(p)))))
            .collect();
        notes.push(format!("Residents (Census 2021): {}.", residents.join("; ")));
        notes.push(
            "Rates use Census 2021 usual residents (ward populations are summed from small areas, so approximate). \
             Central areas with many visitors and workers, such as Westminster, have high rates because offences \
             against visitors are counted but visitors are not residents. London excludes the City of London, which \
             the City of London Police polices."
                .to_string(),
        );
    }
    if measure == Measure::Change {
        notes.push(
            "Each line is divided by its own first month and multiplied by 100, so areas of different sizes can be \
             compared: 110 means 10% more than in the first month. The map and table show the change on the same \
             months a year earlier."
                .to_string(),
        );
    }
    notes.push(".. means not published for that month.".into());
    ChartSpec {
        title,
        y_label,
        decimals,
        marks: marks(&months, &london_counts, &manifest.incomplete_months(), &reclassified(manifest, &state.category)),
        gaps: Vec::new(),
        revised,
        months,
        series,
        notes,
        source: manifest.crime_source_line(),
    }
}

/// One small chart of the small multiples: a major category in the chosen area.
#[derive(Clone, Debug, PartialEq)]
pub struct SmallMultiple {
    pub category: String,
    pub name: String,
    /// The count over the chosen period.
    pub total: Figure,
    pub chart: ChartSpec,
}

/// A small chart for every major category in the chosen area (or London), in
/// the chosen measure (a share of London is shown as a rate), largest first.
/// `files` are the majors files ([`crate::data::dataset::majors_file_name`]); the ward
/// one is needed when a ward is chosen. Each chart has its own y scale.
pub fn small_multiples(manifest: &Manifest, files: Files, state: &ViewState) -> Vec<SmallMultiple> {
    let period = state.period;
    let read = read_period(state);
    let selected = state.area.as_deref().and_then(|c| manifest.area(c));
    let (file, population) = match selected {
        Some(a) if a.level == Level::Ward => (files.ward.unwrap_or(files.borough), a.population),
        Some(a) => (files.borough, a.population),
        None => (files.borough, manifest.london_population()),
    };
    let measure = if state.measure == Measure::Count { Measure::Count } else { Measure::Rate };
    let area_name = selected.map_or_else(|| "London".to_string(), |a| a.name.clone());
    let mut out: Vec<SmallMultiple> = file
        .series
        .iter()
        .map(|series| {
            let reader = Reader::new(file, &series.category);
            let monthly = match selected {
                Some(a) => reader.monthly(&a.code, read),
                None => reader.all_monthly(read),
            };
            let total = Figure::sum(monthly.iter().copied().skip(monthly.len().saturating_sub(period.len())));
            let counts = shown(monthly, state.rolling);
            let values = match measure {
                Measure::Rate => counts.into_iter().map(|c| aggregate::per_thousand(c, population)).collect(),
                _ => counts,
            };
            let name = manifest.category_name(&series.category);
            let (y_label, decimals) = match measure {
                Measure::Count => ("Offences".to_string(), 0),
                _ => ("Offences per 1,000 residents".to_string(), if state.rolling { 1 } else { 2 }),
            };
            SmallMultiple {
                category: series.category.clone(),
                name: name.clone(),
                total,
                chart: ChartSpec {
                    title: format!("{name}, {area_name}"),
                    y_label,
                    decimals,
                    months: period.months().collect(),
                    series: vec![SeriesSpec {
                        name: area_name.clone(),
                        values,
                        colour: LINE_COLOURS[0],
                        dash: DASHES[0],
                    }],
                    marks: Vec::new(),
                    gaps: Vec::new(),
                    revised: Vec::new(),
                    notes: Vec::new(),
                    source: manifest.crime_source_line(),
                },
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.total.known().unwrap_or(-1.0).total_cmp(&a.total.known().unwrap_or(-1.0)).then(a.name.cmp(&b.name))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(a: &str, b: &str) -> Period {
        Period::new(Month::parse(a).unwrap(), Month::parse(b).unwrap())
    }

    fn m(s: &str) -> Month {
        Month::parse(s).unwrap()
    }

    #[test]
    fn breaks_are_marked_where_the_publisher_documents_them_or_data_starts() {
        let months: Vec<Month> = period("2024-01", "2024-04").months().collect();
        let k = Figure::Known(1.0);
        let found: Vec<(usize, String)> =
            marks(&months, &[Figure::Missing, k, k, Figure::Missing], &[m("2024-04")], &[m("2024-03")])
                .into_iter()
                .map(|m| (m.index, m.label))
                .collect();
        assert_eq!(
            found,
            [
                (1, "CONNECT".to_string()),
                (1, "Published from here".to_string()),
                (2, "Older categories before".to_string()),
                (3, "Partial month".to_string())
            ]
        );
        let months: Vec<Month> = period("2019-03", "2019-04").months().collect();
        assert!(
            marks(&months, &[k, k], &[], &[m("2019-03")]).is_empty(),
            "a break in the first month shown is not a break within the chart"
        );
    }
}
