//! The view model: everything one screen shows, computed from the view state,
//! the manifest and one series file.
//!
//! The map, the table, the chart and the summary all read the same
//! [`AreaRow`]s and series, so the same number appears everywhere.

use crate::aggregate;
use crate::category;
use crate::chart::{ChartSpec, SeriesSpec, LINE_COLOURS};
use crate::choropleth::Classes;
use crate::dataset::{AreaKind, Level, Manifest, SeriesFile};
use crate::figure::Figure;
use crate::month::Period;
use crate::summary::{self, Facts};
use crate::url_state::{Sort, SortKey, ViewState};
use std::sync::Arc;

/// One area's figures over the chosen period.
#[derive(Clone, Debug, PartialEq)]
pub struct AreaRow {
    pub code: String,
    pub name: String,
    pub kind: AreaKind,
    pub count: Figure,
    /// Per 1,000 residents (Census 2021).
    pub rate: Figure,
    pub population: Option<u32>,
}

/// The part of a view that does not depend on the selected area: the map and
/// the table read only this, so choosing another area does not redraw them.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranking {
    pub category_name: String,
    pub period: Period,
    /// Met boroughs in the table's order, then rows that are not places (e.g. "Unknown").
    pub rows: Vec<AreaRow>,
    /// London: the sum of every row.
    pub london: AreaRow,
    /// Classes of the map, over the rates of the Met boroughs.
    pub classes: Classes,
}

/// Everything on screen for one view.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewModel {
    /// E.g. "Burglary in Camden".
    pub heading: String,
    /// The selected area's name, or "London".
    pub area_name: String,
    pub ranking: Arc<Ranking>,
    pub chart: ChartSpec,
    pub summary: String,
    pub source: String,
}

/// The name of a category, major or minor, in its official spelling.
pub fn category_name(manifest: &Manifest, id: &str) -> String {
    if id == category::ALL {
        return "All crimes".to_string();
    }
    manifest.category(id).map_or_else(|| id.to_string(), |c| category::sentence_case(&c.name))
}

/// The noun phrase for a category in sentences: ("burglary offence", "burglary offences").
fn noun(manifest: &Manifest, id: &str) -> (String, String) {
    if id == category::ALL {
        return ("crime".into(), "crimes".into());
    }
    let name = category_name(manifest, id).to_lowercase();
    (format!("{name} offence"), format!("{name} offences"))
}

/// The population of London as the Met polices it: all Met boroughs.
fn london_population(manifest: &Manifest) -> Option<u32> {
    let areas = manifest.areas_of(Level::Borough).filter(|a| a.kind == AreaKind::Area);
    areas.map(|a| a.population).sum()
}

/// The source line shown under every chart, table and download.
pub fn source_line(manifest: &Manifest) -> String {
    let latest = manifest.dataset(Level::Borough).map(|d| d.period.to.long_name()).unwrap_or_default();
    format!(
        "Source: Metropolitan Police Service, MPS Recorded Crime: Geographic Breakdown (London Datastore), data to {latest}. \
         Population: ONS Census 2021. Open Government Licence v3.0."
    )
}

/// Orders the table: Met areas by the chosen column (unknown values last in
/// either direction, ties by name), then the rows that are not places.
pub fn sort_rows(rows: &mut [AreaRow], sort: Sort) {
    use std::cmp::Ordering;
    let value = |r: &AreaRow| match sort.key {
        SortKey::Name => None,
        SortKey::Count => r.count.known(),
        SortKey::Rate => r.rate.known(),
    };
    rows.sort_by(|a, b| {
        let group = (a.kind != AreaKind::Area).cmp(&(b.kind != AreaKind::Area));
        let by_value = match (value(a), value(b)) {
            (Some(x), Some(y)) => {
                if sort.descending {
                    y.total_cmp(&x)
                } else {
                    x.total_cmp(&y)
                }
            }
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        let by_name =
            if sort.key == SortKey::Name && sort.descending { b.name.cmp(&a.name) } else { a.name.cmp(&b.name) };
        group.then(by_value).then(by_name)
    });
}

/// Computes the view. `file` must be the borough series file holding `state.category`.
pub fn build(manifest: &Manifest, file: &SeriesFile, state: &ViewState) -> ViewModel {
    let cat = state.category.as_str();
    let period = state.period;
    let row = |code: &str, name: &str, kind: AreaKind, population: Option<u32>| {
        let count = aggregate::total(file, cat, code, period);
        AreaRow {
            code: code.to_string(),
            name: name.to_string(),
            kind,
            count,
            rate: aggregate::per_thousand(count, population),
            population,
        }
    };
    let mut rows: Vec<AreaRow> = manifest
        .areas_of(Level::Borough)
        .filter(|a| a.kind != AreaKind::NotPoliced)
        .map(|a| row(&a.code, &a.name, a.kind, a.population))
        .collect();
    sort_rows(&mut rows, state.sort);
    let london_pop = london_population(manifest);
    let london_count = aggregate::london_total(file, cat, period);
    let london = AreaRow {
        code: "london".into(),
        name: "London".into(),
        kind: AreaKind::Area,
        count: london_count,
        rate: aggregate::per_thousand(london_count, london_pop),
        population: london_pop,
    };
    let rates: Vec<f64> = rows.iter().filter(|r| r.kind == AreaKind::Area).filter_map(|r| r.rate.known()).collect();
    let classes = Classes::quantiles(&rates, 5);

    let selected = state.area.as_deref().and_then(|code| manifest.area(code));
    let area_name = selected.map_or_else(|| "London".to_string(), |a| a.name.clone());
    let category_name = category_name(manifest, cat);
    let source = source_line(manifest);

    let months: Vec<_> = period.months().collect();
    let london_rates: Vec<Figure> = aggregate::london_monthly(file, cat, period)
        .into_iter()
        .map(|f| aggregate::per_thousand(f, london_pop))
        .collect();
    let mut series = Vec::new();
    if let Some(area) = selected {
        let values = aggregate::monthly(file, cat, &area.code, period)
            .into_iter()
            .map(|f| aggregate::per_thousand(f, area.population))
            .collect();
        series.push(SeriesSpec { name: area.name.clone(), values, colour: LINE_COLOURS[0], dashed: false });
    }
    series.push(SeriesSpec {
        name: "London".into(),
        values: london_rates,
        colour: LINE_COLOURS[usize::from(selected.is_some())],
        dashed: selected.is_some(),
    });
    let what = noun(manifest, cat).1;
    let chart = ChartSpec {
        title: format!(
            "{} per 1,000 residents by month, {area_name}{}",
            category::sentence_case(&what),
            if selected.is_some() { " and London" } else { "" }
        ),
        y_label: "Offences per 1,000 residents".into(),
        decimals: 2,
        months,
        series,
        notes: vec![
            "Rates use Census 2021 usual residents. London excludes the City of London, which the City of London Police polices.".into(),
            ".. means not published for that month.".into(),
        ],
        source: source.clone(),
    };

    let area_code = selected.map(|a| a.code.clone());
    let area_total = match &area_code {
        Some(code) => aggregate::total(file, cat, code, period),
        None => london_count,
    };
    let earlier = period.year_earlier();
    let area_year_earlier = match &area_code {
        Some(code) => aggregate::total(file, cat, code, earlier),
        None => aggregate::london_total(file, cat, earlier),
    };
    let facts = Facts {
        what: noun(manifest, cat),
        area_name: area_name.clone(),
        period,
        area_total,
        area_year_earlier,
        london: selected.map(|_| (london_count, aggregate::london_total(file, cat, earlier))),
    };
    ViewModel {
        heading: format!("{category_name} in {area_name}"),
        area_name,
        ranking: Arc::new(Ranking { category_name, period, rows, london, classes }),
        chart,
        summary: summary::summarise(&facts),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::{Area, Category, CategorySeries, Dataset, SCHEMA};
    use crate::month::Month;

    fn m(s: &str) -> Month {
        Month::parse(s).unwrap()
    }

    fn area(code: &str, name: &str, kind: AreaKind, population: Option<u32>) -> Area {
        Area { code: code.into(), name: name.into(), level: Level::Borough, kind, borough: None, population }
    }

    fn fixture() -> (Manifest, SeriesFile) {
        let manifest = Manifest {
            schema: SCHEMA,
            datasets: vec![Dataset {
                id: "crime-borough".into(),
                title: "Recorded crime by borough".into(),
                level: Level::Borough,
                period: Period::new(m("2024-01"), m("2025-12")),
                publisher: "MPS".into(),
                licence: "OGL".into(),
                source_url: String::new(),
            }],
            releases: vec![],
            categories: vec![Category {
                id: "burglary".into(),
                name: "BURGLARY".into(),
                parent: None,
                file: "crime-borough-burglary.json".into(),
            }],
            areas: vec![
                area("E09000007", "Camden", AreaKind::Area, Some(200_000)),
                area("E09000001", "City of London", AreaKind::NotPoliced, Some(8_600)),
                area("E09000002", "Barking and Dagenham", AreaKind::Area, Some(100_000)),
                area("MPS-UNKNOWN", "Unknown", AreaKind::Pseudo, None),
            ],
            revisions: 0,
            inputs: vec![],
            outputs: vec![],
        };
        let ones = |v: u32| vec![Some(v); 24];
        let file = SeriesFile {
            schema: SCHEMA,
            level: Level::Borough,
            first: m("2024-01"),
            months: 24,
            areas: vec!["E09000007".into(), "E09000002".into(), "MPS-UNKNOWN".into()],
            series: vec![CategorySeries { category: "burglary".into(), values: vec![ones(10), ones(5), ones(1)] }],
        };
        (manifest, file)
    }

    #[test]
    fn builds_rows_map_chart_and_summary_from_the_same_numbers() {
        let (manifest, file) = fixture();
        let state = ViewState {
            area: Some("E09000007".into()),
            category: "burglary".into(),
            period: Period::new(m("2025-01"), m("2025-12")),
            sort: Sort::default(),
        };
        let view = build(&manifest, &file, &state);
        assert_eq!(view.heading, "Burglary in Camden");
        let names: Vec<&str> = view.ranking.rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["Barking and Dagenham", "Camden", "Unknown"]);
        assert_eq!(view.ranking.rows[1].count, Figure::Known(120.0));
        assert_eq!(view.ranking.rows[1].rate, Figure::Known(0.6));
        assert_eq!(view.ranking.rows[2].rate, Figure::Missing);
        assert_eq!(view.ranking.london.count, Figure::Known(192.0));
        assert_eq!(view.ranking.london.rate, Figure::Known(0.64));
        assert_eq!(view.chart.series.len(), 2);
        assert_eq!(view.chart.series[0].values[0], Figure::Known(0.05));
        assert_eq!(
            view.summary,
            "In January to December 2025 the Met recorded 120 burglary offences in Camden, the same as in the same months a year earlier; across London there were 192, no change."
        );
    }

    fn names(rows: &[AreaRow]) -> Vec<&str> {
        rows.iter().map(|r| r.name.as_str()).collect()
    }

    #[test]
    fn rows_sort_by_column_with_unknowns_and_pseudo_areas_last() {
        let row = |name: &str, kind: AreaKind, rate: Figure| AreaRow {
            code: name.into(),
            name: name.into(),
            kind,
            count: Figure::Known(1.0),
            rate,
            population: None,
        };
        let mut rows = vec![
            row("Unknown", AreaKind::Pseudo, Figure::Missing),
            row("Bexley", AreaKind::Area, Figure::Known(2.0)),
            row("Camden", AreaKind::Area, Figure::Missing),
            row("Acton", AreaKind::Area, Figure::Known(5.0)),
        ];
        let check = |rows: &mut Vec<AreaRow>, sort: &str, expected: &[&str]| {
            sort_rows(rows, Sort::parse(sort).unwrap());
            assert_eq!(names(rows), expected, "sort {sort}");
        };
        check(&mut rows, "name", &["Acton", "Bexley", "Camden", "Unknown"]);
        check(&mut rows, "-name", &["Camden", "Bexley", "Acton", "Unknown"]);
        check(&mut rows, "-rate", &["Acton", "Bexley", "Camden", "Unknown"]);
        check(&mut rows, "rate", &["Bexley", "Acton", "Camden", "Unknown"]);
        check(&mut rows, "-count", &["Acton", "Bexley", "Camden", "Unknown"]);
    }

    #[test]
    fn london_view_and_unpublished_months() {
        let (manifest, file) = fixture();
        let state = ViewState {
            area: None,
            category: "burglary".into(),
            period: Period::new(m("2025-07"), m("2026-06")),
            sort: Sort::default(),
        };
        let view = build(&manifest, &file, &state);
        assert_eq!(view.heading, "Burglary in London");
        assert_eq!(view.ranking.london.count, Figure::Missing);
        assert_eq!(view.chart.series.len(), 1);
        assert_eq!(view.chart.series[0].values[6], Figure::Missing);
        assert!(view.summary.contains("is not published for every month"), "{}", view.summary);
    }
}
