//! The view model: everything one screen shows, computed from the view state,
//! the manifest and the series files it needs.
//!
//! The map, the table, the chart, the summary and the downloads all read the
//! same [`AreaRow`]s and series, so the same number appears everywhere.
//!
//! What the map and table show follows the selected area ([`Scope`]): London's
//! boroughs (or, with `level=ward`, all its wards), or the wards of the chosen
//! borough (also when one of its wards is chosen). Borough and London figures
//! always come from the borough file, ward figures from the ward file: the
//! publisher's ward figures do not add up to its borough figures.

use crate::crime::aggregate::{self, Files, Reader};
use crate::crime::category;
use crate::crime::summary::{self, Facts, MIN_BASE_FOR_PERCENT};
use crate::crime::trend;
use crate::data::dataset::{Area, AreaKind, Level, Manifest};
use crate::data::figure::Figure;
use crate::data::format;
use crate::data::month::Period;
use crate::render::chart::ChartSpec;
use crate::render::choropleth::Classes;
use crate::share::url_state::{Measure, Sort, SortKey, ViewState};
use std::sync::Arc;

/// One area's figures over the chosen period.
#[derive(Clone, Debug, PartialEq)]
pub struct AreaRow {
    pub code: String,
    pub name: String,
    pub kind: AreaKind,
    pub count: Figure,
    /// The count over the same months a year earlier.
    pub year_earlier: Figure,
    /// Per 1,000 residents (Census 2021).
    pub rate: Figure,
    /// The share of London's offences, as a fraction.
    pub share: Figure,
    pub population: Option<u32>,
}

impl AreaRow {
    /// The figure of a measure (shares and changes as fractions). A change is
    /// unknown where the earlier figure is too small for a percentage.
    pub fn value(&self, measure: Measure) -> Figure {
        match measure {
            Measure::Count => self.count,
            Measure::Rate => self.rate,
            Measure::Share => self.share,
            Measure::Change => match self.change() {
                Some((_, Some(r))) => Figure::Known(r),
                _ => Figure::Missing,
            },
        }
    }

    /// The change on a year earlier: (absolute, relative if the base is at
    /// least [`MIN_BASE_FOR_PERCENT`]).
    pub fn change(&self) -> Option<(f64, Option<f64>)> {
        aggregate::change(self.count, self.year_earlier, MIN_BASE_FOR_PERCENT)
    }
}

/// A measure's value as text: `1,234`, `12.34`, `0.52%`, or the unknown symbol.
pub fn measure_text(value: Figure, measure: Measure) -> String {
    match (value, measure) {
        (Figure::Known(v), Measure::Count) => format::count(v),
        (Figure::Known(v), Measure::Rate) => format::decimal(v, 2),
        (Figure::Known(v), Measure::Share) => format!("{}%", format::decimal(v * 100.0, 2)),
        (Figure::Known(v), Measure::Change) => change_text(Some((v, Some(v)))),
        (other, _) => other.symbol().map(|(s, _)| s.to_string()).unwrap_or_default(),
    }
}

/// A change as text: `-5.1%`, `+12` when the base is too small for a
/// percentage, `0`, or `..` when unknown.
pub fn change_text(change: Option<(f64, Option<f64>)>) -> String {
    match change {
        None => "..".to_string(),
        Some((0.0, _)) => "0".to_string(),
        Some((_, Some(r))) => format!("{}{}", if r > 0.0 { "+" } else { "-" }, format::percent(r.abs())),
        Some((diff, None)) => format!("{}{}", if diff > 0.0 { "+" } else { "-" }, format::count(diff.abs())),
    }
}

/// Which areas the map and the table show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The 32 Met boroughs (and the City, on the map).
    Boroughs,
    /// Every ward in London.
    LondonWards,
    /// The wards of one borough.
    WardsOf(String),
}

impl Scope {
    pub fn level(&self) -> Level {
        if *self == Scope::Boroughs {
            Level::Borough
        } else {
            Level::Ward
        }
    }
}

/// The scope of a view: the chosen area's borough, or London at the chosen level.
pub fn scope(manifest: &Manifest, state: &ViewState) -> Scope {
    match state.area.as_deref().and_then(|c| manifest.area(c)) {
        Some(a) if a.level == Level::Ward => Scope::WardsOf(a.borough.clone().unwrap_or_default()),
        Some(a) => Scope::WardsOf(a.code.clone()),
        None if state.level == Level::Ward => Scope::LondonWards,
        None => Scope::Boroughs,
    }
}

/// The series files a view reads: the borough file of its category always,
/// the ward file when the map shows wards.
pub fn files_needed(manifest: &Manifest, state: &ViewState) -> Vec<String> {
    let mut files = vec![manifest.series_file(Level::Borough, &state.category)];
    if scope(manifest, state).level() == Level::Ward {
        files.push(manifest.series_file(Level::Ward, &state.category));
    }
    files
}

/// One step of the breadcrumb: London › Camden › Kilburn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Crumb {
    pub name: String,
    /// The area this step selects (`None` is London).
    pub area: Option<String>,
}

/// What a view counts, in words for headings, sentences and CSV columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Counted {
    /// "Offences", for column headings.
    pub heading: &'static str,
    /// "offence".
    pub one: &'static str,
    /// "offences", also the CSV column name.
    pub many: &'static str,
}

pub const OFFENCES: Counted = Counted { heading: "Offences", one: "offence", many: "offences" };
pub const SEARCHES: Counted = Counted { heading: "Searches", one: "search", many: "searches" };

impl Counted {
    /// The legend's and map heading's title for a measure.
    pub fn measure_title(self, measure: Measure) -> String {
        match measure {
            Measure::Count => format!("Number of {}", self.many),
            Measure::Rate => format!("{} per 1,000 residents", self.heading),
            Measure::Share => format!("Share of London's {}", self.many),
            Measure::Change => "Change on the same months a year earlier".to_string(),
        }
    }
}

/// The part of a view that does not depend on the selected area within its
/// scope: the map and the table read only this.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranking {
    pub scope: Scope,
    pub counted: Counted,
    pub category_name: String,
    pub period: Period,
    pub measure: Measure,
    /// Areas in the table's order, then rows that are not places (e.g. "Unknown").
    pub rows: Vec<AreaRow>,
    /// London, or the whole borough for a borough's wards, from the borough file.
    pub total: AreaRow,
    /// Classes of the map, over the chosen measure of the areas.
    pub classes: Classes,
    /// What the reader should know about these figures (e.g. ward totals).
    pub notes: Vec<String>,
    /// A period with published figures for this scope, offered when the chosen
    /// one has none (ward figures cover fewer months than borough figures).
    pub suggestion: Option<Period>,
}

impl Ranking {
    /// "Burglary by ward in Camden, January to December 2025".
    pub fn caption(&self) -> String {
        format!("{} {}, {}", self.category_name, self.scope_phrase(), self.period.describe())
    }

    /// "by borough", "by ward" or "by ward in Camden".
    pub fn scope_phrase(&self) -> String {
        match &self.scope {
            Scope::Boroughs => "by borough".to_string(),
            Scope::LondonWards => "by ward".to_string(),
            Scope::WardsOf(_) => format!("by ward in {}", self.total.name),
        }
    }
}

/// Everything on screen for one view.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewModel {
    /// E.g. "Burglary in Camden".
    pub heading: String,
    /// The selected area's name, or "London".
    pub area_name: String,
    pub trail: Vec<Crumb>,
    /// What the category counts, in plain words.
    pub category_plain: Option<String>,
    pub ranking: Arc<Ranking>,
    pub chart: ChartSpec,
    pub summary: String,
    pub source: String,
}

impl ViewModel {
    /// The page's title: "Burglary in Camden, Jan–Dec 2025 — Met Data Explorer".
    pub fn page_title(&self) -> String {
        format!("{}, {} — Met Data Explorer", self.heading, self.ranking.period.short())
    }
}

/// Orders the table: areas by the chosen column (unknown values last in
/// either direction, ties by name), then the rows that are not places.
pub fn sort_rows(rows: &mut [AreaRow], sort: Sort) {
    use std::cmp::Ordering;
    let value = |r: &AreaRow| match sort.key {
        SortKey::Name => None,
        SortKey::Count => r.count.known(),
        SortKey::Rate => r.rate.known(),
        SortKey::Share => r.share.known(),
        SortKey::Change => r.change().and_then(|(_, relative)| relative),
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

/// Sorts the rows as the state says and returns the map's classes over the
/// chosen measure of the areas.
pub(crate) fn order_and_classes(rows: &mut [AreaRow], state: &ViewState) -> Classes {
    sort_rows(rows, state.sort);
    let values: Vec<f64> =
        rows.iter().filter(|r| r.kind == AreaKind::Area).filter_map(|r| r.value(state.measure).known()).collect();
    if state.measure == Measure::Change {
        Classes::changes(&values)
    } else {
        Classes::quantiles(&values, 5)
    }
}

/// The chosen area, its borough, its names and the breadcrumb to it.
pub(crate) struct Place<'a> {
    pub selected: Option<&'a Area>,
    pub borough_of: Option<&'a Area>,
    /// "Kilburn", or "London".
    pub area_name: String,
    /// "Kilburn, Camden".
    pub full_name: String,
    pub trail: Vec<Crumb>,
}

pub(crate) fn place<'a>(manifest: &'a Manifest, state: &ViewState) -> Place<'a> {
    let selected = state.area.as_deref().and_then(|code| manifest.area(code));
    let borough_of = selected.and_then(|a| a.borough.as_deref()).and_then(|b| manifest.area(b));
    let area_name = selected.map_or_else(|| "London".to_string(), |a| a.name.clone());
    let full_name = match borough_of {
        Some(b) => format!("{area_name}, {}", b.name),
        None => area_name.clone(),
    };
    let mut trail = vec![Crumb { name: "London".into(), area: None }];
    trail.extend(borough_of.map(|b| Crumb { name: b.name.clone(), area: Some(b.code.clone()) }));
    trail.extend(selected.map(|a| Crumb { name: a.name.clone(), area: Some(a.code.clone()) }));
    Place { selected, borough_of, area_name, full_name, trail }
}

/// Computes the view. `files.ward` must be given when [`files_needed`] names a ward file.
pub fn build(manifest: &Manifest, files: Files, state: &ViewState) -> ViewModel {
    let cat = state.category.as_str();
    let period = state.period;
    let earlier = period.year_earlier();
    let boroughs = Reader::new(files.borough, cat);
    let wards = files.ward.map(|f| Reader::new(f, cat));
    let scope = scope(manifest, state);

    let london_pop = manifest.london_population();
    let london_count = Figure::sum(boroughs.all_monthly(period));
    let london_earlier = Figure::sum(boroughs.all_monthly(earlier));
    let row = |reader: &Reader, area: &Area| {
        let count = reader.total(&area.code, period);
        AreaRow {
            code: area.code.clone(),
            name: area.name.clone(),
            kind: area.kind,
            count,
            year_earlier: reader.total(&area.code, earlier),
            rate: aggregate::per_thousand(count, area.population),
            share: aggregate::share(count, london_count),
            population: area.population,
        }
    };
    let london = AreaRow {
        code: "london".into(),
        name: "London".into(),
        kind: AreaKind::Area,
        count: london_count,
        year_earlier: london_earlier,
        rate: aggregate::per_thousand(london_count, london_pop),
        share: aggregate::share(london_count, london_count),
        population: london_pop,
    };

    let category_name = manifest.category_name(cat);
    let mut notes = Vec::new();
    let mut suggestion = None;
    let (mut rows, total): (Vec<AreaRow>, AreaRow) = match (&scope, &wards) {
        (Scope::Boroughs, _) | (_, None) => {
            let rows = manifest
                .areas_of(Level::Borough)
                .filter(|a| a.kind != AreaKind::NotPoliced)
                .map(|a| row(&boroughs, a))
                .collect();
            (rows, london)
        }
        (Scope::LondonWards, Some(w)) => {
            let rows = manifest.areas_of(Level::Ward).filter(|a| a.kind == AreaKind::Area).map(|a| row(w, a)).collect();
            (rows, london)
        }
        (Scope::WardsOf(b), Some(w)) => {
            let rows = manifest.wards_of(b).filter(|a| a.kind == AreaKind::Area).map(|a| row(w, a)).collect();
            let borough = manifest.area(b).map_or_else(|| london.clone(), |a| row(&boroughs, a));
            (rows, borough)
        }
    };
    if scope.level() == Level::Ward {
        if let Some(v) = manifest.older_wards.iter().find(|v| Some(&v.id) == manifest.older_view.as_ref()) {
            let residents = if v.areas.iter().any(|a| a.population.is_some()) {
                ""
            } else {
                " Census 2021 counted residents on today's wards, so these have no rate per 1,000 residents: choose \
                 the number of offences."
            };
            notes.push(format!(
                "These are {}: different places from today's wards, so their figures are kept apart and cover {} \
                 only.{residents}",
                v.name,
                v.period.describe()
            ));
        }
        if let Some(d) = manifest.dataset(Level::Ward) {
            if !(d.period.contains(period.from) && d.period.contains(period.to)) {
                notes.push(format!(
                    "Ward figures are published for {} only, so wards outside those months show as not published.",
                    d.period.describe()
                ));
                suggestion = Some(d.period.latest_year());
            }
        }
        let wards_sum = Figure::sum(rows.iter().map(|r| r.count));
        if let (Figure::Known(w), Figure::Known(t)) = (wards_sum, total.count) {
            notes.push(format!(
                "These wards' figures add up to {} offences; the {} figure is {}. The publisher records about 3% of \
                 offences without a ward, so ward figures never add up to borough or London figures.",
                format::count(w),
                if matches!(scope, Scope::WardsOf(_)) { "borough" } else { "London" },
                format::count(t)
            ));
        }
    }
    let classes = order_and_classes(&mut rows, state);
    let Place { selected, borough_of, area_name, full_name, trail } = place(manifest, state);
    let source = manifest.crime_source_line();

    let chart =
        trend::chart(manifest, state, &boroughs, wards.as_ref(), (selected, borough_of), london_pop, &full_name);

    let (area_total, area_year_earlier) = match selected {
        Some(a) => {
            let reader = if a.level == Level::Ward { wards.as_ref().unwrap_or(&boroughs) } else { &boroughs };
            (reader.total(&a.code, period), reader.total(&a.code, earlier))
        }
        None => (london_count, london_earlier),
    };
    let facts = Facts {
        what: manifest.category_noun(cat),
        area_name: full_name.clone(),
        period,
        area_total,
        area_year_earlier,
        london: selected.map(|_| (london_count, london_earlier)),
    };
    ViewModel {
        heading: format!("{category_name} in {full_name}"),
        area_name,
        trail,
        category_plain: if cat == category::ALL {
            crate::crime::categories::plain_name(cat).map(String::from)
        } else {
            manifest.category(cat).and_then(|c| c.plain.clone())
        },
        ranking: Arc::new(Ranking {
            scope,
            counted: OFFENCES,
            category_name,
            period,
            measure: state.measure,
            rows,
            total,
            classes,
            notes,
            suggestion,
        }),
        chart,
        summary: summary::summarise(&facts),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::dataset::{Area, Category, CategorySeries, Dataset, SeriesFile, SCHEMA};
    use crate::data::month::Month;

    fn m(s: &str) -> Month {
        Month::parse(s).unwrap()
    }

    fn period(a: &str, b: &str) -> Period {
        Period::new(m(a), m(b))
    }

    fn area(code: &str, name: &str, kind: AreaKind, population: Option<u32>) -> Area {
        let level = if code.starts_with("E05") { Level::Ward } else { Level::Borough };
        let borough = (level == Level::Ward).then(|| "E09000007".to_string());
        Area { code: code.into(), name: name.into(), level, kind, borough, population, aliases: vec![] }
    }

    fn dataset(level: Level, p: Period) -> Dataset {
        Dataset {
            id: format!("crime-{}", level.id()),
            title: "Recorded crime".into(),
            level,
            period: p,
            publisher: "MPS".into(),
            licence: "OGL".into(),
            source_url: String::new(),
            breaks: Vec::new(),
        }
    }

    fn series(level: Level, first: &str, areas: &[&str], values: Vec<Vec<Option<u32>>>) -> SeriesFile {
        SeriesFile {
            schema: SCHEMA,
            level,
            first: m(first),
            months: values[0].len(),
            areas: areas.iter().map(|a| (*a).to_string()).collect(),
            series: vec![CategorySeries { category: "burglary".into(), values, revised: vec![] }],
        }
    }

    /// Camden (200,000 residents) with wards Kilburn and Highgate, Barking and
    /// Dagenham, the City and "Unknown"; borough figures for 2024–2025, ward
    /// figures for 2025 only.
    fn fixture() -> (Manifest, SeriesFile, SeriesFile) {
        let manifest = Manifest {
            schema: SCHEMA,
            datasets: vec![
                dataset(Level::Borough, period("2024-01", "2025-12")),
                dataset(Level::Ward, period("2025-01", "2025-12")),
            ],
            releases: vec![],
            categories: vec![Category {
                id: "burglary".into(),
                name: "BURGLARY".into(),
                plain: Some("Entering a building as a trespasser to steal or do harm".into()),
                parent: None,
                file: "burglary".into(),
            }],
            areas: vec![
                area("E09000007", "Camden", AreaKind::Area, Some(200_000)),
                area("E09000001", "City of London", AreaKind::NotPoliced, Some(8_600)),
                area("E09000002", "Barking and Dagenham", AreaKind::Area, Some(100_000)),
                area("MPS-UNKNOWN", "Unknown", AreaKind::Pseudo, None),
                area("E05000001", "Kilburn", AreaKind::Area, Some(10_000)),
                area("E05000002", "Highgate", AreaKind::Area, Some(20_000)),
            ],
            revisions: 0,
            inputs: vec![],
            outputs: vec![],
            stops: None,
            history: Vec::new(),
            release: String::new(),
            ward_vintage: None,
            older_wards: Vec::new(),
            older_view: None,
        };
        let ones = |v: u32, n: usize| vec![Some(v); n];
        let boroughs = series(
            Level::Borough,
            "2024-01",
            &["E09000007", "E09000002", "MPS-UNKNOWN"],
            vec![ones(10, 24), ones(5, 24), ones(1, 24)],
        );
        let wards = series(Level::Ward, "2025-01", &["E05000001", "E05000002"], vec![ones(4, 12), ones(5, 12)]);
        (manifest, boroughs, wards)
    }

    fn state(area: Option<&str>, p: Period) -> ViewState {
        ViewState {
            area: area.map(Into::into),
            level: Level::Borough,
            category: "burglary".into(),
            period: p,
            measure: Measure::Rate,
            rolling: false,
            sort: Sort::default(),
            explorer: crate::share::url_state::Explorer::Crime,
            dimension: crate::share::url_state::DEFAULT_DIMENSION,
            age: crate::stops::crosstab::DEFAULT_AGE,
            embed: None,
            release: None,
            page: crate::share::url_state::Page::Figures,
            wards: None,
        }
    }

    fn names(rows: &[AreaRow]) -> Vec<&str> {
        rows.iter().map(|r| r.name.as_str()).collect()
    }

    fn lines(view: &ViewModel) -> Vec<(&str, Figure)> {
        view.chart.series.iter().map(|s| (s.name.as_str(), s.values[0])).collect()
    }

    #[test]
    fn london_view_ranks_boroughs() {
        let (manifest, boroughs, _) = fixture();
        let s = state(None, period("2025-01", "2025-12"));
        assert_eq!(files_needed(&manifest, &s), ["crime-borough-burglary.json"]);
        let view = build(&manifest, Files { borough: &boroughs, ward: None }, &s);
        assert_eq!(view.heading, "Burglary in London");
        assert_eq!(view.page_title(), "Burglary in London, Jan–Dec 2025 — Met Data Explorer");
        assert_eq!(view.category_plain.as_deref(), Some("Entering a building as a trespasser to steal or do harm"));
        let r = &view.ranking;
        assert_eq!(names(&r.rows), ["Barking and Dagenham", "Camden", "Unknown"]);
        assert_eq!(r.rows[1].count, Figure::Known(120.0));
        assert_eq!(r.rows[1].rate, Figure::Known(0.6));
        assert_eq!(r.rows[1].share, Figure::Known(120.0 / 192.0));
        assert_eq!(r.rows[2].rate, Figure::Missing);
        assert_eq!(r.total.count, Figure::Known(192.0));
        assert_eq!(r.total.rate, Figure::Known(0.64));
        assert_eq!(r.caption(), "Burglary by borough, January to December 2025");
        assert!(r.notes.is_empty());
        assert_eq!(lines(&view), [("London", Figure::Known(16.0 / 300.0))]);
        assert_eq!(view.trail, [Crumb { name: "London".into(), area: None }]);
        assert_eq!(
            view.summary,
            "In January to December 2025 the Met recorded 192 burglary offences in London, the same as in the same months a year earlier."
        );
    }

    #[test]
    fn a_borough_shows_its_wards_against_the_borough_figure() {
        let (manifest, boroughs, wards) = fixture();
        let s = state(Some("E09000007"), period("2025-01", "2025-12"));
        assert_eq!(files_needed(&manifest, &s), ["crime-borough-burglary.json", "crime-ward-burglary.json"]);
        let view = build(&manifest, Files { borough: &boroughs, ward: Some(&wards) }, &s);
        let r = &view.ranking;
        assert_eq!(r.scope, Scope::WardsOf("E09000007".into()));
        assert_eq!(names(&r.rows), ["Highgate", "Kilburn"]);
        assert_eq!(r.rows[1].count, Figure::Known(48.0));
        assert_eq!(r.rows[1].rate, Figure::Known(4.8));
        assert_eq!(r.total.name, "Camden");
        assert_eq!(r.total.count, Figure::Known(120.0));
        assert_eq!(r.caption(), "Burglary by ward in Camden, January to December 2025");
        assert!(
            r.notes[0].starts_with("These wards' figures add up to 108 offences; the borough figure is 120."),
            "{:?}",
            r.notes
        );
        assert_eq!(r.suggestion, None);
        assert_eq!(lines(&view), [("Camden", Figure::Known(0.05)), ("London", Figure::Known(16.0 / 300.0))]);
        assert!(view.summary.contains("120 burglary offences in Camden"), "{}", view.summary);
        assert!(view.summary.contains("across London there were 192, no change"), "{}", view.summary);
    }

    #[test]
    fn a_ward_is_compared_with_its_borough_and_london() {
        let (manifest, boroughs, wards) = fixture();
        let s = state(Some("E05000001"), period("2025-01", "2025-12"));
        let view = build(&manifest, Files { borough: &boroughs, ward: Some(&wards) }, &s);
        assert_eq!(view.heading, "Burglary in Kilburn, Camden");
        let trail: Vec<(&str, Option<&str>)> =
            view.trail.iter().map(|c| (c.name.as_str(), c.area.as_deref())).collect();
        assert_eq!(trail, [("London", None), ("Camden", Some("E09000007")), ("Kilburn", Some("E05000001"))]);
        assert_eq!(
            lines(&view),
            [
                ("Kilburn", Figure::Known(0.4)),
                ("Camden (borough)", Figure::Known(0.05)),
                ("London", Figure::Known(16.0 / 300.0))
            ]
        );
        let dashes: Vec<_> = view.chart.series.iter().map(|s| s.dash).collect();
        assert_eq!(dashes, [None, Some("8 5"), Some("2 4")]);
        assert_eq!(view.chart.notes[0], "Residents (Census 2021): Kilburn 10,000; Camden 200,000; London 300,000.");
        // No ward figures a year earlier, so no change is given for Kilburn.
        assert_eq!(
            view.summary,
            "In January to December 2025 the Met recorded 48 burglary offences in Kilburn, Camden; across London there were 192, no change."
        );
    }

    #[test]
    fn ward_months_outside_the_ward_file_are_unknown_and_a_period_is_offered() {
        let (manifest, boroughs, wards) = fixture();
        let s = state(Some("E09000007"), period("2024-07", "2025-06"));
        let view = build(&manifest, Files { borough: &boroughs, ward: Some(&wards) }, &s);
        let r = &view.ranking;
        assert_eq!(r.rows[0].count, Figure::Missing);
        assert_eq!(r.total.count, Figure::Known(120.0));
        assert_eq!(r.suggestion, Some(period("2025-01", "2025-12")));
        assert!(
            r.notes[0].starts_with("Ward figures are published for January to December 2025 only"),
            "{:?}",
            r.notes
        );
    }

    #[test]
    fn measures_and_rolling_totals() {
        let (manifest, boroughs, wards) = fixture();
        let files = Files { borough: &boroughs, ward: Some(&wards) };
        let mut s = state(Some("E05000001"), period("2025-01", "2025-12"));
        s.measure = Measure::Share;
        let view = build(&manifest, files, &s);
        assert_eq!(lines(&view), [("Kilburn", Figure::Known(25.0)), ("Camden (borough)", Figure::Known(62.5))]);
        assert_eq!(view.chart.y_label, "Per cent of London's offences");
        assert_eq!(measure_text(view.ranking.rows[1].share, Measure::Share), "25.00%");
        s.measure = Measure::Count;
        s.rolling = true;
        let view = build(&manifest, files, &s);
        // Kilburn's ward figures start in January 2025: rolling totals need 12 months.
        assert_eq!(view.chart.series.len(), 1);
        assert_eq!(view.chart.series[0].values[0], Figure::Missing);
        assert_eq!(view.chart.series[0].values[11], Figure::Known(48.0));
        s.area = Some("E09000007".into());
        let view = build(&manifest, files, &s);
        assert_eq!(lines(&view), [("Camden", Figure::Known(120.0))]);
        assert_eq!(view.ranking.classes.breaks, [48.0, 60.0]);
    }

    #[test]
    fn months_the_latest_file_revised_are_marked_on_the_first_line() {
        let (mut manifest, mut boroughs, wards) = fixture();
        manifest.releases = vec![crate::data::dataset::Release {
            id: "crime-borough-2025-12".into(),
            level: Level::Borough,
            file: "b.csv".into(),
            period: period("2024-01", "2025-12"),
            rows: 3,
            months_used: vec![],
            incomplete: Vec::new(),
        }];
        // Camden's March and May 2025 were revised; Barking and Dagenham's June 2025.
        boroughs.series[0].revised = vec![vec![14, 16], vec![17], vec![]];
        let files = Files { borough: &boroughs, ward: Some(&wards) };
        let camden = build(&manifest, files, &state(Some("E09000007"), period("2025-01", "2025-06")));
        assert_eq!(camden.chart.revised, [2, 4]);
        assert_eq!(camden.chart.table().rows[2][0], "Mar 2025 (revised)");
        assert!(camden.chart.notes.contains(
            &"◇ marks the 2 months whose figures for Camden the publisher's latest file (figures to December 2025) \
              revised: an earlier file gave other figures. About the data lists every revision."
                .to_string()
        ));
        // London's line is revised where any borough's is.
        let london = build(&manifest, files, &state(None, period("2025-01", "2025-06")));
        assert_eq!(london.chart.revised, [2, 4, 5]);
        // A 12-month rolling total is revised when any month it adds up is.
        let mut rolling = state(Some("E09000007"), period("2025-01", "2025-03"));
        rolling.rolling = true;
        assert_eq!(build(&manifest, files, &rolling).chart.revised, [2]);
        rolling.period = period("2025-04", "2025-06");
        assert_eq!(build(&manifest, files, &rolling).chart.revised, [0, 1, 2]);
        // Ward figures have no revisions here.
        assert!(build(&manifest, files, &state(Some("E05000001"), period("2025-01", "2025-06")))
            .chart
            .revised
            .is_empty());
    }

    #[test]
    fn small_multiples_show_every_major_category_for_the_area() {
        let (manifest, boroughs, wards) = fixture();
        let mut theft = boroughs.series[0].clone();
        theft.category = "theft".into();
        theft.values = vec![vec![Some(20); 24], vec![None; 24], vec![Some(0); 24]];
        let majors = SeriesFile { series: vec![boroughs.series[0].clone(), theft], ..boroughs.clone() };
        let files = Files { borough: &majors, ward: Some(&wards) };
        let s = state(Some("E09000007"), period("2025-01", "2025-12"));
        let found: Vec<(String, Figure, Figure)> = crate::crime::trend::small_multiples(&manifest, files, &s)
            .into_iter()
            .map(|m| (m.name, m.total, m.chart.series[0].values[0]))
            .collect();
        assert_eq!(
            found,
            [
                ("theft".to_string(), Figure::Known(240.0), Figure::Known(0.1)),
                ("Burglary".to_string(), Figure::Known(120.0), Figure::Known(0.05))
            ]
        );
        let mut london = state(None, period("2025-01", "2025-12"));
        london.measure = Measure::Count;
        london.rolling = true;
        let found = crate::crime::trend::small_multiples(&manifest, files, &london);
        // London's theft has an unknown row (Barking and Dagenham): unknown, never a partial sum.
        assert_eq!(found[0].name, "Burglary");
        assert_eq!(found[0].chart.series[0].values[11], Figure::Known(192.0));
        assert_eq!(found[1].total, Figure::Missing);
    }

    #[test]
    fn change_maps_the_change_on_a_year_earlier_and_charts_an_index() {
        let (manifest, mut boroughs, wards) = fixture();
        // Camden: 10 a month in 2024, then 12 a month in 2025 (+20%).
        boroughs.series[0].values[0] = [vec![Some(10); 12], vec![Some(12); 12]].concat();
        let mut s = state(Some("E05000001"), period("2025-01", "2025-12"));
        s.measure = Measure::Change;
        let view = build(&manifest, Files { borough: &boroughs, ward: Some(&wards) }, &s);
        assert!(view.ranking.classes.diverging);
        assert_eq!(view.ranking.total.value(Measure::Change), Figure::Known(0.2));
        // Kilburn has no ward figures a year earlier: no change, never 0%.
        assert_eq!(view.ranking.rows[1].value(Measure::Change), Figure::Missing);
        assert_eq!(
            lines(&view),
            [
                ("Kilburn", Figure::Known(100.0)),
                ("Camden (borough)", Figure::Known(100.0)),
                ("London", Figure::Known(100.0))
            ]
        );
        assert_eq!(view.chart.y_label, "Index (first month = 100)");
        assert_eq!(measure_text(Figure::Known(0.2), Measure::Change), "+20.0%");
        assert_eq!(
            crate::crime::trend::indexed(&[Figure::Known(4.0), Figure::Known(5.0), Figure::Missing]),
            [Figure::Known(100.0), Figure::Known(125.0), Figure::Missing]
        );
        assert_eq!(
            crate::crime::trend::indexed(&[Figure::Known(0.0), Figure::Known(5.0)]),
            [Figure::Missing, Figure::Missing]
        );
    }

    #[test]
    fn changes_and_measures_as_text() {
        assert_eq!(change_text(None), "..");
        assert_eq!(change_text(Some((0.0, Some(0.0)))), "0");
        assert_eq!(change_text(Some((-12.0, Some(-0.051)))), "-5.1%");
        assert_eq!(change_text(Some((3.0, None))), "+3");
        assert_eq!(measure_text(Figure::Known(1234.0), Measure::Count), "1,234");
        assert_eq!(measure_text(Figure::Known(1.234), Measure::Rate), "1.23");
        assert_eq!(measure_text(Figure::Suppressed, Measure::Rate), "[c]");
    }

    #[test]
    fn rows_sort_by_column_with_unknowns_and_pseudo_areas_last() {
        let row = |name: &str, kind: AreaKind, rate: Figure, earlier: f64| AreaRow {
            code: name.into(),
            name: name.into(),
            kind,
            count: Figure::Known(100.0),
            year_earlier: Figure::Known(earlier),
            rate,
            share: Figure::Missing,
            population: None,
        };
        let mut rows = vec![
            row("Unknown", AreaKind::Pseudo, Figure::Missing, 50.0),
            row("Bexley", AreaKind::Area, Figure::Known(2.0), 80.0),
            row("Camden", AreaKind::Area, Figure::Missing, 10.0),
            row("Acton", AreaKind::Area, Figure::Known(5.0), 200.0),
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
        // Camden's base of 10 is too small for a percentage, so it sorts with the unknowns.
        check(&mut rows, "-change", &["Bexley", "Acton", "Camden", "Unknown"]);
    }
}
