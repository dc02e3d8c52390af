//! The stop-and-search view model: everything the stop-and-search page shows,
//! computed from the two protected files (`stops-borough.json`,
//! `stops-ward.json`) and the view state.
//!
//! It reuses the crime view's parts where the figures have the same shape: a
//! [`Ranking`] of areas for the map and the table, a monthly [`ChartSpec`] and
//! the summary sentence. Stop and search adds a monthly arrest rate, a
//! [`Breakdown`] by one dimension (outcome, age, power used…) and, for London
//! and the boroughs, searches per 1,000 residents of each ethnic group with the
//! disproportionality ratio ([`Groups`]).
//!
//! A `null` in the files is a suppressed count: it becomes
//! [`Figure::Suppressed`] here and `[c]` on screen, never 0. Months whose
//! police.uk file covers only some days are gaps in the lines and flagged in
//! tables.

use crate::crime::aggregate;
use crate::crime::summary::{self, Facts};
use crate::crime::view::{self, AreaRow, Ranking, Scope, ViewModel, SEARCHES};
use crate::data::dataset::{AreaKind, Level, Manifest};
use crate::data::figure::Figure;
use crate::data::format;
use crate::data::month::{Month, Period};
use crate::render::chart::{Bar, BarSpec, ChartSpec, Mark, SeriesSpec, Table, DASHES, LINE_COLOURS};
use crate::share::url_state::{Measure, ViewState};
use crate::stops::stop_search::{self, Dimension, GroupRate, StopsFile, LONDON, NO_LOCATION, OUTSIDE};
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// London, the boroughs and the searches without a ward-level place.
pub const BOROUGH_FILE: &str = "stops-borough.json";
/// The wards, and each borough's searches in none of its wards.
pub const WARD_FILE: &str = "stops-ward.json";

/// The files a view reads: the borough file always, the ward file when the
/// map shows wards.
pub fn files_needed(manifest: &Manifest, state: &ViewState) -> Vec<&'static str> {
    let mut files = vec![BOROUGH_FILE];
    if view::scope(manifest, state).level() == Level::Ward {
        files.push(WARD_FILE);
    }
    files
}

/// The loaded files of a view.
#[derive(Clone, Copy)]
pub struct StopsFiles<'a> {
    pub borough: &'a StopsFile,
    /// Required when [`files_needed`] names the ward file.
    pub ward: Option<&'a StopsFile>,
}

/// `part / whole` as a fraction; unknown if either is, or the whole is 0.
fn ratio(part: Figure, whole: Figure) -> Figure {
    match (part, whole) {
        (Figure::Known(p), Figure::Known(w)) if w > 0.0 => Figure::Known(p / w),
        (Figure::Known(_), Figure::Known(_)) => Figure::Missing,
        (Figure::Suppressed, _) | (_, Figure::Suppressed) => Figure::Suppressed,
        _ => Figure::Missing,
    }
}

/// Reads one stop-and-search file by area code.
struct Index<'a> {
    file: &'a StopsFile,
    codes: HashMap<&'a str, usize>,
}

impl<'a> Index<'a> {
    fn new(file: &'a StopsFile) -> Index<'a> {
        Index { file, codes: file.areas.iter().enumerate().map(|(i, a)| (a.code.as_str(), i)).collect() }
    }

    fn name(&self, code: &str) -> Option<&'a str> {
        self.codes.get(code).map(|&i| self.file.areas[i].name.as_str())
    }

    /// All months of the file.
    fn months(&self) -> Vec<Month> {
        (0..self.file.months).map(|i| self.file.first.plus_months(i as i32)).collect()
    }

    /// Searches in an area, one figure per month of the file.
    fn monthly(&self, code: &str) -> Vec<Figure> {
        match self.codes.get(code) {
            Some(&i) => self.file.searches[i].iter().map(|&c| Figure::from_protected(c)).collect(),
            None => vec![Figure::Missing; self.file.months],
        }
    }

    /// Arrests in an area by month, for areas published by month.
    fn monthly_arrests(&self, code: &str) -> Option<Vec<Figure>> {
        let &i = self.codes.get(code)?;
        let arrests = self.file.arrests.get(i)?.as_ref()?;
        Some(arrests.iter().map(|&c| Figure::from_protected(c)).collect())
    }

    /// Searches in an area over one of the file's 12-month periods, or else
    /// the sum of its published monthly counts ([`added_up`]).
    fn searches(&self, code: &str, period: Period) -> Figure {
        let Some(&i) = self.codes.get(code) else { return Figure::Missing };
        match self.file.periods.iter().find(|p| p.period == period) {
            Some(p) => Figure::from_protected(p.searches[i]),
            None => added_up(self.file, &self.file.searches[i], period),
        }
    }

    /// Searches of one value of a dimension in an area over a period.
    fn value(&self, code: &str, period: Period, dimension: Dimension, value: &str) -> Figure {
        let found = self.codes.get(code).and_then(|&i| {
            let p = self.file.periods.iter().find(|p| p.period == period)?;
            let d = p.dimensions.iter().find(|d| d.dimension == dimension)?;
            let v = d.values.iter().find(|v| v.value == value)?;
            Some(Figure::from_protected(v.counts[i]))
        });
        found.unwrap_or(Figure::Missing)
    }

    fn residents(&self, code: &str) -> Option<&'a BTreeMap<String, u32>> {
        let &i = self.codes.get(code)?;
        self.file.residents.get(i)?.as_ref()
    }
}

/// The sum of one area's monthly counts over `period`: withheld if any month
/// is, missing if a month is not in the file or its file covers only some days.
/// Anyone can add up the published months, so the sum discloses nothing new.
fn added_up(file: &StopsFile, monthly: &[Option<u32>], period: Period) -> Figure {
    let whole = period.months().all(|m| {
        m >= file.first && file.first.months_through(m) <= file.months && !file.partial.iter().any(|p| p.month == m)
    });
    if !whole {
        return Figure::Missing;
    }
    let start = file.first.months_through(period.from) - 1;
    Figure::sum(monthly[start..start + period.len()].iter().map(|&c| Figure::from_protected(c)))
}

/// Why a view has no breakdowns, when its period is not one of the file's
/// whole years from April to March: which year will bring them.
pub fn no_breakdowns(file: &StopsFile, period: Period) -> Option<String> {
    if file.periods.iter().any(|p| p.period == period) {
        return None;
    }
    let mut april = file.first;
    while april.month() != 4 {
        april = april.plus_months(1);
    }
    let year = Period::new(april, april.plus_months(11));
    Some(format!(
        "No whole year from April to March is published yet, so these are the searches of {} added up from the \
         monthly figures. Who was searched, why, what happened, and rates by ethnic group are published for whole \
         years from April to March only, so that no combination singles anyone out: the first, {}, will come with \
         the figures for {}.",
        period.describe(),
        year.describe(),
        year.to.long_name()
    ))
}

/// One value of a breakdown.
#[derive(Clone, Debug, PartialEq)]
pub struct BreakdownRow {
    pub label: &'static str,
    pub count: Figure,
    /// The share of the breakdown's base, as a fraction.
    pub share: Figure,
    /// London's share, when the area is not London.
    pub london_share: Option<Figure>,
}

/// Searches in one area and period by the values of one dimension.
#[derive(Clone, Debug, PartialEq)]
pub struct Breakdown {
    pub dimension: Dimension,
    pub area_name: String,
    pub period: Period,
    /// "searches" or "searches of people" (vehicle-only searches have no person).
    pub base_name: &'static str,
    pub base: Figure,
    pub rows: Vec<BreakdownRow>,
    pub notes: Vec<String>,
    pub source: String,
}

impl Breakdown {
    pub fn title(&self) -> String {
        format!(
            "Stop and search in {} by {}, {}",
            self.area_name,
            lower_first(self.dimension.label()),
            self.period.describe()
        )
    }

    /// The breakdown as a table: value, searches, share (and London's share).
    pub fn table(&self) -> Table {
        let compare = self.rows.first().is_some_and(|r| r.london_share.is_some());
        let mut head =
            vec![self.dimension.label().to_string(), "Searches".to_string(), format!("Share of {}", self.base_name)];
        if compare {
            head.push("London's share".to_string());
        }
        let rows = self
            .rows
            .iter()
            .map(|r| {
                let mut row = vec![r.label.to_string(), format::figure(r.count), percent_text(r.share)];
                if let Some(l) = r.london_share {
                    row.push(percent_text(l));
                }
                row
            })
            .collect();
        Table { caption: self.title(), head, rows }
    }

    /// The breakdown as a bar chart of shares.
    pub fn bars(&self) -> BarSpec {
        BarSpec {
            title: self.title(),
            unit: format!("Per cent of {}", self.base_name),
            bars: self
                .rows
                .iter()
                .map(|r| Bar {
                    label: r.label.to_string(),
                    value: r.share.map(|s| s * 100.0),
                    text: match r.count {
                        Figure::Known(c) => format!("{} ({})", percent_text(r.share), format::count(c)),
                        other => format::figure(other),
                    },
                })
                .collect(),
            notes: self.notes.clone(),
            source: self.source.clone(),
        }
    }
}

/// Searches per 1,000 residents of each ethnic group in London or a borough.
#[derive(Clone, Debug, PartialEq)]
pub struct Groups {
    pub area_name: String,
    pub period: Period,
    pub rows: Vec<(&'static str, GroupRate)>,
    /// Searches of people who did not state their ethnic group.
    pub not_stated: Figure,
    pub person_searches: Figure,
    pub notes: Vec<String>,
    pub source: String,
}

/// What the disproportionality ratio is and is not, in plain words.
pub const RATIO_EXPLAINED: &str = "The ratio compares how often people of each ethnic group were searched, for \
    every 1,000 residents of that group, with how often White people were. A ratio of 3 means three times as many \
    searches per resident. It does not say why: it does not allow for where searches happen, for people who live \
    outside the area or London, for the age of each group, or for how the population has changed since the 2021 \
    Census; and people who did not state their ethnic group are left out. It shows a difference worth asking about, \
    not whether any search was fair.";

impl Groups {
    pub fn title(&self) -> String {
        format!("Searches per 1,000 residents by ethnic group, {}, {}", self.area_name, self.period.describe())
    }

    pub fn table(&self) -> Table {
        let head = ["Ethnic group", "Searches", "Residents, 2021", "Per 1,000 residents", "Ratio to White"]
            .map(String::from)
            .to_vec();
        let rows = self
            .rows
            .iter()
            .map(|(label, g)| {
                vec![
                    label.to_string(),
                    format::figure(g.searches),
                    g.residents.map_or_else(|| "..".to_string(), |r| format::thousands(i64::from(r))),
                    decimal_text(g.rate, 1),
                    if g.group == "white" { "1.0 (reference)".to_string() } else { decimal_text(g.ratio, 1) },
                ]
            })
            .collect();
        Table { caption: self.title(), head, rows }
    }

    pub fn bars(&self) -> BarSpec {
        BarSpec {
            title: self.title(),
            unit: "Searches per 1,000 residents of the group".to_string(),
            bars: self
                .rows
                .iter()
                .map(|(label, g)| Bar { label: label.to_string(), value: g.rate, text: decimal_text(g.rate, 1) })
                .collect(),
            notes: self.notes.clone(),
            source: self.source.clone(),
        }
    }
}

/// Everything on the stop-and-search page for one view.
#[derive(Clone, Debug, PartialEq)]
pub struct StopsModel {
    /// Heading, breadcrumb, ranking (map and table), monthly chart, summary,
    /// source: shared with the page's common parts without a copy.
    pub view: Arc<ViewModel>,
    /// Arrests as a share of searches by month, for London and the boroughs.
    pub arrests: Option<ChartSpec>,
    pub breakdown: Breakdown,
    /// Rates by ethnic group, for London or the chosen area's borough.
    pub groups: Option<Groups>,
    /// The area of the tables published for London and the boroughs only
    /// (rates by ethnic group, the cross-tabulation): `(code, name)`, the
    /// chosen area's borough for a ward.
    pub table_area: (String, String),
    /// Whether the view is of a ward, shown its borough's tables.
    pub is_ward: bool,
    /// Why the breakdowns, rates by ethnic group and the cross-tabulation are
    /// not shown, when the view's months are not a published whole year.
    pub no_breakdowns: Option<String>,
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
}

fn percent_text(share: Figure) -> String {
    match share {
        Figure::Known(s) => format!("{}%", format::decimal(s * 100.0, 1)),
        other => format::figure(other),
    }
}

fn decimal_text(value: Figure, places: usize) -> String {
    match value {
        Figure::Known(v) => format::decimal(v, places),
        other => format::figure(other),
    }
}

/// The source line of every stop-and-search chart, table and download.
pub fn source_line(file: &StopsFile) -> String {
    let last = file.first.plus_months(file.months as i32 - 1);
    format!(
        "Source: police.uk stop and search data for the Metropolitan Police Service, {} to {}. Counts of 1 to {} \
         searches, and counts from which one could be worked out, are not published ([c]). Population: ONS Census \
         2021. Open Government Licence v3.0.",
        file.first.long_name(),
        last.long_name(),
        file.threshold - 1
    )
}

/// The 12-month period before `period`, if the file has it.
fn earlier(file: &StopsFile, period: Period) -> Option<Period> {
    let before = period.year_earlier();
    file.periods.iter().any(|p| p.period == before).then_some(before)
}

/// Computes the view. `files.ward` must be given when [`files_needed`] names the ward file.
pub fn build(manifest: &Manifest, files: StopsFiles, state: &ViewState) -> StopsModel {
    let period = state.period;
    let boroughs = Index::new(files.borough);
    let wards = files.ward.map(Index::new);
    let scope = view::scope(manifest, state);
    let before = earlier(files.borough, period);
    let source = source_line(files.borough);

    let london_pop = manifest.london_population();
    let london_count = boroughs.searches(LONDON, period);
    let row = |index: &Index, code: &str, name: &str, kind: AreaKind, population: Option<u32>| {
        let count = index.searches(code, period);
        AreaRow {
            code: code.to_string(),
            name: name.to_string(),
            kind,
            count,
            year_earlier: before.map_or(Figure::Missing, |b| index.searches(code, b)),
            rate: aggregate::per_thousand(count, population),
            share: ratio(count, london_count),
            population,
        }
    };
    let london = row(&boroughs, LONDON, "London", AreaKind::Area, london_pop);

    let mut notes = Vec::new();
    let (mut rows, total) = match (&scope, &wards) {
        (Scope::Boroughs, _) | (_, None) => {
            let mut rows: Vec<AreaRow> = manifest
                .areas_of(Level::Borough)
                .filter(|a| a.kind == AreaKind::Area)
                .map(|a| row(&boroughs, &a.code, &a.name, a.kind, a.population))
                .collect();
            for code in [NO_LOCATION, OUTSIDE] {
                rows.push(row(&boroughs, code, boroughs.name(code).unwrap_or(code), AreaKind::Pseudo, None));
            }
            notes.push(format!(
                "London's figures include {} searches without a recorded location and {} located outside the \
                 boroughs the Met polices (beyond London, or in the City of London, which has its own police force), \
                 which are in no borough.",
                format::figure(boroughs.searches(NO_LOCATION, period)),
                format::figure(boroughs.searches(OUTSIDE, period)),
            ));
            (rows, london)
        }
        (Scope::LondonWards, Some(w)) => {
            let rows = manifest
                .areas_of(Level::Ward)
                .filter(|a| a.kind == AreaKind::Area)
                .map(|a| row(w, &a.code, &a.name, a.kind, a.population))
                .collect();
            (rows, london)
        }
        (Scope::WardsOf(b), Some(w)) => {
            let mut rows: Vec<AreaRow> = manifest
                .wards_of(b)
                .filter(|a| a.kind == AreaKind::Area)
                .map(|a| row(w, &a.code, &a.name, a.kind, a.population))
                .collect();
            let no_ward = stop_search::no_ward(b);
            if let Some(name) = w.name(&no_ward) {
                rows.push(row(w, &no_ward, name, AreaKind::Pseudo, None));
            }
            let borough = manifest.area(b);
            let total = borough
                .map_or_else(|| london.clone(), |a| row(&boroughs, &a.code, &a.name, AreaKind::Area, a.population));
            (rows, total)
        }
    };
    if before.is_none() && state.measure == Measure::Change {
        notes.push(format!(
            "There is no change to show: the figures start in {}, so the 12 months before {} are not published.",
            files.borough.first.long_name(),
            period.describe()
        ));
    }
    let no_breakdowns = no_breakdowns(files.borough, period);
    if no_breakdowns.is_some() {
        notes.push(
            "These are the sums of the published monthly counts: an area with any month withheld ([c]) has its sum \
             withheld too."
                .to_string(),
        );
    }
    if scope.level() == Level::Ward {
        notes.push(
            "Each search is counted in the ward that holds its published location. police.uk moves every \
             location to the nearest of a set of points to protect privacy, so searches near a ward's edge may \
             be counted in the ward next door."
                .to_string(),
        );
    }
    let classes = view::order_and_classes(&mut rows, state);
    let view::Place { selected, borough_of, area_name, full_name, trail } = view::place(manifest, state);

    // The index and code of the chosen area: a ward in the ward file, else the borough file.
    let (area_index, area_code) = match (selected, &wards) {
        (Some(a), Some(w)) if a.level == Level::Ward => (w, a.code.as_str()),
        (Some(a), _) => (&boroughs, a.code.as_str()),
        (None, _) => (&boroughs, LONDON),
    };
    let is_ward = selected.is_some_and(|a| a.level == Level::Ward);
    let area_total = if is_ward && wards.is_none() { Figure::Missing } else { area_index.searches(area_code, period) };
    let area_before = before.map_or(Figure::Missing, |b| area_index.searches(area_code, b));

    let chart = monthly_chart(
        files.borough,
        state.measure,
        (&area_index.monthly(area_code), boroughs.monthly_arrests(area_code).filter(|_| !is_ward)),
        selected.map(|a| (a, borough_of)),
        (&boroughs, london_pop),
        &full_name,
        &source,
    );
    let arrests = arrest_chart(&boroughs, (!is_ward).then_some(area_code), &area_name, &source);

    let facts = Facts {
        what: ("stop and search".into(), "stop and searches".into()),
        area_name: full_name.clone(),
        period,
        area_total,
        area_year_earlier: area_before,
        london: selected.map(|_| (london_count, before.map_or(Figure::Missing, |b| boroughs.searches(LONDON, b)))),
    };
    // A withheld total is not "unpublished for some months": say what it is.
    let mut summary = if area_total == Figure::Suppressed {
        format!(
            "The number of stop and searches in {full_name} in {} is withheld ([c]) to protect the people searched: \
             it is small, or would let a small count elsewhere be worked out. The map and table show the areas \
             around it.",
            period.describe()
        )
    } else {
        summary::summarise(&facts)
    };
    let arrest_share = ratio(area_index.value(area_code, period, Dimension::Outcome, "arrest"), area_total);
    if let Figure::Known(s) = arrest_share {
        summary.push_str(&format!(" {}% of these searches ended in an arrest.", format::decimal(s * 100.0, 1)));
    }
    let population = selected.map_or(london_pop, |a| a.population);
    if let Figure::Known(r) = aggregate::per_thousand(area_total, population) {
        summary.push_str(&format!(" That is {} searches per 1,000 residents.", format::decimal(r, 1)));
    }

    let breakdown = breakdown(state.dimension, (area_index, area_code, &full_name), &boroughs, period, &source);
    let group_area = match (selected, borough_of) {
        (Some(_), Some(b)) => Some((b.code.as_str(), b.name.as_str())),
        (Some(a), None) => Some((a.code.as_str(), a.name.as_str())),
        (None, _) => Some((LONDON, "London")),
    };
    let groups = group_area
        .filter(|_| no_breakdowns.is_none())
        .and_then(|(code, name)| groups(&boroughs, code, name, period, is_ward, &source));
    let table_area = group_area.map_or_else(
        || (LONDON.to_string(), "London".to_string()),
        |(code, name)| (code.to_string(), name.to_string()),
    );

    StopsModel {
        view: Arc::new(ViewModel {
            heading: format!("Stop and search in {full_name}"),
            area_name,
            trail,
            category_plain: Some(
                "every stop and search by the Met published on police.uk: of a person, a vehicle or both, under \
                 any power, counted where it happened"
                    .to_string(),
            ),
            ranking: Arc::new(Ranking {
                scope,
                counted: SEARCHES,
                category_name: "Stop and search".to_string(),
                period,
                measure: state.measure,
                rows,
                total,
                classes,
                notes,
                suggestion: None,
            }),
            chart,
            summary,
            source,
        }),
        arrests,
        breakdown,
        groups,
        table_area,
        is_ward,
        no_breakdowns,
    }
}

/// The monthly marks and gaps of a file's part months.
fn part_months(file: &StopsFile, months: &[Month]) -> (Vec<Mark>, Vec<usize>) {
    let mut marks = Vec::new();
    let mut gaps = Vec::new();
    for p in &file.partial {
        if let Some(i) = months.iter().position(|m| *m == p.month) {
            gaps.push(i);
            marks.push(Mark {
                index: i,
                label: "Part month".to_string(),
                note: format!(
                    "{}: police.uk's file covers {} to {} {} only, so the month is left out of the lines; the \
                     table gives its figures, marked \"part month\".",
                    p.month.long_name(),
                    p.first_day,
                    p.last_day,
                    p.month.month_name()
                ),
            });
        }
    }
    (marks, gaps)
}

/// The trend chart: searches (and arrests) by month as counts, or searches per
/// 1,000 residents or as a share of London, with the area's borough and London.
fn monthly_chart(
    file: &StopsFile,
    measure: Measure,
    (searches, arrests): (&[Figure], Option<Vec<Figure>>),
    selected: Option<(&crate::data::dataset::Area, Option<&crate::data::dataset::Area>)>,
    (boroughs, london_pop): (&Index, Option<u32>),
    full_name: &str,
    source: &str,
) -> ChartSpec {
    let months = boroughs.months();
    let (marks, gaps) = part_months(file, &months);
    let series = |name: String, values: Vec<Figure>, i: usize| SeriesSpec {
        name,
        values,
        colour: LINE_COLOURS[i],
        dash: DASHES[i],
    };
    let london = boroughs.monthly(LONDON);
    let per_thousand = |values: &[Figure], pop: Option<u32>| -> Vec<Figure> {
        values.iter().map(|v| aggregate::per_thousand(*v, pop)).collect()
    };
    let area_name = selected.map_or("London", |(a, _)| a.name.as_str());
    let (title, y_label, decimals, lines) = match (measure, selected) {
        (Measure::Rate, _) => {
            let mut lines = vec![series(
                area_name.to_string(),
                per_thousand(searches, selected.map_or(london_pop, |(a, _)| a.population)),
                0,
            )];
            if let Some((_, Some(b))) = selected {
                lines.push(series(b.name.clone(), per_thousand(&boroughs.monthly(&b.code), b.population), 1));
            }
            if selected.is_some() {
                let i = lines.len();
                lines.push(series("London".to_string(), per_thousand(&london, london_pop), i));
            }
            (
                format!("Searches per 1,000 residents by month, {full_name}"),
                "Searches per 1,000 residents".to_string(),
                2,
                lines,
            )
        }
        (Measure::Share, Some((a, b))) => {
            let share_of_london = |values: &[Figure]| -> Vec<Figure> {
                values.iter().zip(&london).map(|(v, l)| ratio(*v, *l).map(|s| s * 100.0)).collect()
            };
            let mut lines = vec![series(a.name.clone(), share_of_london(searches), 0)];
            if let Some(b) = b {
                lines.push(series(b.name.clone(), share_of_london(&boroughs.monthly(&b.code)), 1));
            }
            (
                format!("Share of London's searches by month, {full_name}"),
                "Per cent of London's searches".to_string(),
                2,
                lines,
            )
        }
        _ => {
            let mut lines = vec![series("Searches".to_string(), searches.to_vec(), 0)];
            if let Some(a) = arrests {
                lines.push(series("Arrests after a search".to_string(), a, 1));
            }
            (format!("Stop and searches by month, {full_name}"), "Searches or arrests per month".to_string(), 0, lines)
        }
    };
    let mut notes =
        vec!["[c]: fewer than 10, or withheld so that such a count cannot be worked out from others.".to_string()];
    if measure == Measure::Change {
        notes.push("The chart shows counts: the change on a year earlier is in the map and table.".to_string());
    }
    ChartSpec {
        title,
        y_label,
        decimals,
        months,
        series: lines,
        marks,
        gaps,
        revised: Vec::new(),
        notes,
        source: source.to_string(),
    }
}

/// Arrests as a per cent of searches by month, for London or a borough (with London).
fn arrest_chart(boroughs: &Index, area: Option<&str>, area_name: &str, source: &str) -> Option<ChartSpec> {
    let code = area?;
    let months = boroughs.months();
    let rate = |code: &str| -> Option<Vec<Figure>> {
        let arrests = boroughs.monthly_arrests(code)?;
        Some(arrests.iter().zip(boroughs.monthly(code)).map(|(a, s)| ratio(*a, s).map(|r| r * 100.0)).collect())
    };
    let mut series =
        vec![SeriesSpec { name: area_name.to_string(), values: rate(code)?, colour: LINE_COLOURS[0], dash: DASHES[0] }];
    if code != LONDON {
        series.push(SeriesSpec {
            name: "London".to_string(),
            values: rate(LONDON)?,
            colour: LINE_COLOURS[1],
            dash: DASHES[1],
        });
    }
    Some(ChartSpec {
        title: format!("Searches that led to an arrest, by month, {area_name}"),
        y_label: "Per cent of searches".to_string(),
        decimals: 1,
        months,
        series,
        marks: Vec::new(),
        gaps: Vec::new(),
        revised: Vec::new(),
        notes: vec!["A month with [c] arrests has no rate.".to_string()],
        source: source.to_string(),
    })
}

/// The plain note that goes with a dimension.
fn dimension_note(dimension: Dimension) -> Option<&'static str> {
    Some(match dimension {
        Dimension::Ethnicity => "The ethnic group the person gave, grouped into the five groups of the Census. \"Not stated\" counts people who did not say.",
        Dimension::OfficerEthnicity => "The ethnic group the officer thought the person belonged to. Officers' records have no mixed group.",
        Dimension::Linked => "Whether the outcome was linked to what the officer searched for (for example, drugs found in a drugs search). The Met's files leave this blank until January 2024 and record every search since as not linked, so these figures cannot show how often searches found what they were for.",
        Dimension::Clothing => "Whether the person was asked to remove more than outer clothing (coat, jacket, gloves), which must happen out of public view.",
        Dimension::Legislation => "The power the officer used. Most searches need reasonable grounds to suspect the person carries drugs, weapons or stolen goods; section 60 searches, authorised for an area and a time, need none.",
        Dimension::Outcome => "What happened after the search. No further action means the person was free to go.",
        _ => return None,
    })
}

fn breakdown(
    dimension: Dimension,
    (index, code, name): (&Index, &str, &str),
    boroughs: &Index,
    period: Period,
    source: &str,
) -> Breakdown {
    let person = dimension.about_the_person();
    let base_of = |index: &Index, code: &str| {
        if person {
            // The searches of a person: their values' sum, or the person types'.
            Figure::sum(dimension.values().iter().map(|v| index.value(code, period, dimension, v.id)))
                .known()
                .map_or_else(
                    || {
                        Figure::sum(
                            stop_search::PERSON_TYPES.iter().map(|t| index.value(code, period, Dimension::Type, t)),
                        )
                    },
                    Figure::Known,
                )
        } else {
            index.searches(code, period)
        }
    };
    let base = base_of(index, code);
    let london_base = base_of(boroughs, LONDON);
    let rows = dimension
        .values()
        .iter()
        .map(|v| {
            let count = index.value(code, period, dimension, v.id);
            BreakdownRow {
                label: v.label,
                count,
                share: ratio(count, base),
                london_share: (code != LONDON)
                    .then(|| ratio(boroughs.value(LONDON, period, dimension, v.id), london_base)),
            }
        })
        .collect();
    let mut notes: Vec<String> = dimension_note(dimension).map(String::from).into_iter().collect();
    if person {
        notes.push(format!(
            "Searches of a vehicle only (or of unrecorded type) are left out: shares are of the {} searches of people.",
            format::figure(base)
        ));
    }
    notes.push("[c]: fewer than 10 searches, or withheld so that such a count cannot be worked out from the others. Shares are of all the searches, including those withheld.".to_string());
    Breakdown {
        dimension,
        area_name: name.to_string(),
        period,
        base_name: if person { "searches of people" } else { "searches" },
        base,
        rows,
        notes,
        source: source.to_string(),
    }
}

fn groups(boroughs: &Index, code: &str, name: &str, period: Period, for_ward: bool, source: &str) -> Option<Groups> {
    let residents = boroughs.residents(code)?;
    let counts: Vec<(String, Option<u32>)> = stop_search::Dimension::Ethnicity
        .values()
        .iter()
        .map(|v| (v.id.to_string(), boroughs.value(code, period, Dimension::Ethnicity, v.id).known().map(|c| c as u32)))
        .collect();
    let rates = stop_search::group_rates(&counts, residents);
    let label = |id: &str| Dimension::Ethnicity.values().iter().find(|v| v.id == id).map_or("", |v| v.label);
    let not_stated = boroughs.value(code, period, Dimension::Ethnicity, "not-stated");
    let person_searches = Figure::sum(counts.iter().map(|(_, c)| Figure::from_protected(*c)));
    let mut notes = vec![
        format!(
            "Residents: ONS Census 2021, usual residents of {name} by ethnic group (table TS021). Searches: the \
             ethnic group the person gave."
        ),
        format!(
            "{} searches of people with no stated ethnic group are left out of the rates.",
            format::figure(not_stated)
        ),
        format!(
            "No ratio is given where either group had fewer than {} searches: ratios of small counts swing widely \
             by chance. [c]: withheld to protect the people searched.",
            stop_search::MIN_SEARCHES_FOR_RATIO
        ),
    ];
    if for_ward {
        notes.insert(
            0,
            format!("Rates by ethnic group are given for London and the boroughs only: these are {name}'s."),
        );
    }
    Some(Groups {
        area_name: name.to_string(),
        period,
        rows: rates.into_iter().map(|g| (label(g.group), g)).collect(),
        not_stated,
        person_searches,
        notes,
        source: source.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::dataset::{Area, SCHEMA};
    use crate::share::url_state::{Explorer, Sort};
    use crate::stops::stop_search::{DimensionCounts, PartialMonth, PeriodCounts, StopArea, ValueCounts};

    fn m(s: &str) -> Month {
        Month::parse(s).unwrap()
    }

    const LATEST: (&str, &str) = ("2024-01", "2024-12");

    fn period((a, b): (&str, &str)) -> Period {
        Period::new(m(a), m(b))
    }

    fn area(code: &str, name: &str, kind: AreaKind, population: u32) -> Area {
        let level = if code.starts_with("E05") { Level::Ward } else { Level::Borough };
        let borough = (level == Level::Ward).then(|| "E09000007".to_string());
        Area {
            code: code.into(),
            name: name.into(),
            level,
            kind,
            borough,
            population: Some(population),
            aliases: vec![],
        }
    }

    fn manifest() -> Manifest {
        Manifest {
            schema: SCHEMA,
            datasets: vec![],
            releases: vec![],
            categories: vec![],
            areas: vec![
                area("E09000007", "Camden", AreaKind::Area, 200_000),
                area("E09000002", "Barking and Dagenham", AreaKind::Area, 100_000),
                area("E09000001", "City of London", AreaKind::NotPoliced, 8_000),
                area("E05000001", "Kilburn", AreaKind::Area, 20_000),
                area("E05000002", "Highgate", AreaKind::Area, 10_000),
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
        }
    }

    fn stop_area(code: &str, name: &str, parent: Option<&str>) -> StopArea {
        StopArea { code: code.into(), name: name.into(), parent: parent.map(Into::into) }
    }

    /// One dimension's counts: `(value, counts per area)`.
    fn dim(dimension: Dimension, values: &[(&str, &[Option<u32>])]) -> DimensionCounts {
        DimensionCounts {
            dimension,
            values: values.iter().map(|(v, c)| ValueCounts { value: (*v).into(), counts: c.to_vec() }).collect(),
        }
    }

    /// London (1,200 searches in 2024, 1,000 in 2023), Camden, Barking and
    /// Dagenham, the City (suppressed), and searches without a place; 24 months
    /// from January 2023, March 2023 a part month.
    fn borough_file() -> StopsFile {
        let monthly =
            |n: u32| -> Vec<Option<u32>> { (0..24).map(|i| Some(if i < 12 { n * 5 / 6 } else { n })).collect() };
        let mut london = monthly(100);
        london[2] = Some(30);
        StopsFile {
            schema: 1,
            threshold: 10,
            first: m("2023-01"),
            months: 24,
            partial: vec![PartialMonth { month: m("2023-03"), first_day: 1, last_day: 9 }],
            areas: vec![
                stop_area(LONDON, "London", None),
                stop_area("E09000007", "Camden", Some(LONDON)),
                stop_area("E09000002", "Barking and Dagenham", Some(LONDON)),
                stop_area("E09000001", "City of London", Some(LONDON)),
                stop_area(NO_LOCATION, "Location not recorded", Some(LONDON)),
                stop_area(OUTSIDE, "Outside London's boroughs", Some(LONDON)),
            ],
            searches: vec![london, monthly(60), monthly(30), vec![None; 24], monthly(8), vec![Some(0); 24]],
            arrests: vec![Some(monthly(20)), Some(monthly(12)), Some(vec![None; 24]), None, None, None],
            periods: vec![
                PeriodCounts {
                    period: period(LATEST),
                    searches: vec![Some(1200), Some(720), Some(360), None, Some(96), Some(0)],
                    dimensions: vec![
                        dim(
                            Dimension::Outcome,
                            &[
                                ("arrest", &[Some(240), Some(144), None, None, None, Some(0)]),
                                ("no-further-action", &[Some(960), Some(576), None, None, None, Some(0)]),
                            ],
                        ),
                        dim(Dimension::Type, &[("vehicle", &[Some(200), Some(120), None, None, None, Some(0)])]),
                        dim(
                            Dimension::Ethnicity,
                            &[
                                ("asian", &[Some(100), Some(60), None, None, None, Some(0)]),
                                ("black", &[Some(400), Some(240), None, None, None, Some(0)]),
                                ("mixed", &[None, Some(40), None, None, None, Some(0)]),
                                ("white", &[Some(400), Some(200), None, None, None, Some(0)]),
                                ("other", &[Some(30), Some(20), None, None, None, Some(0)]),
                                ("not-stated", &[None, Some(40), None, None, None, Some(0)]),
                            ],
                        ),
                    ],
                },
                PeriodCounts {
                    period: period(("2023-01", "2023-12")),
                    searches: vec![Some(1000), Some(600), Some(300), None, Some(80), Some(0)],
                    dimensions: vec![],
                },
            ],
            residents: vec![
                Some(
                    [("asian", 20_000), ("black", 20_000), ("mixed", 5_000), ("white", 50_000), ("other", 5_000)]
                        .map(|(k, v)| (k.to_string(), v))
                        .into(),
                ),
                Some(
                    [("asian", 30_000), ("black", 20_000), ("mixed", 10_000), ("white", 130_000), ("other", 10_000)]
                        .map(|(k, v)| (k.to_string(), v))
                        .into(),
                ),
                None,
                None,
                None,
                None,
            ],
        }
    }

    /// Camden's wards Kilburn and Highgate, and Camden's searches in neither.
    fn ward_file() -> StopsFile {
        let file = borough_file();
        StopsFile {
            areas: vec![
                stop_area("E05000001", "Kilburn", Some("E09000007")),
                stop_area("E05000002", "Highgate", Some("E09000007")),
                stop_area("E09000007-no-ward", "Camden: not in a ward", Some("E09000007")),
            ],
            searches: vec![vec![Some(40); 24], vec![Some(15); 24], vec![None; 24]],
            arrests: vec![None, None, None],
            periods: vec![PeriodCounts {
                period: period(LATEST),
                searches: vec![Some(480), None, None],
                dimensions: vec![dim(
                    Dimension::Outcome,
                    &[("arrest", &[Some(48), None, None]), ("no-further-action", &[Some(432), None, None])],
                )],
            }],
            residents: vec![None, None, None],
            ..file
        }
    }

    fn state(area: Option<&str>, measure: Measure, dimension: Dimension) -> ViewState {
        ViewState {
            explorer: Explorer::Stops,
            area: area.map(Into::into),
            level: Level::Borough,
            category: "all".into(),
            period: period(LATEST),
            measure,
            rolling: false,
            sort: Sort::default(),
            dimension,
            age: crate::stops::crosstab::DEFAULT_AGE,
            embed: None,
            release: None,
            page: crate::share::url_state::Page::Figures,
            wards: None,
        }
    }

    fn build_for(area: Option<&str>, measure: Measure, dimension: Dimension) -> StopsModel {
        let (manifest, boroughs, wards) = (manifest(), borough_file(), ward_file());
        let s = state(area, measure, dimension);
        let ward = (files_needed(&manifest, &s).len() == 2).then_some(&wards);
        build(&manifest, StopsFiles { borough: &boroughs, ward }, &s)
    }

    fn texts(table: &Table) -> Vec<String> {
        table.rows.iter().map(|r| r.join(" | ")).collect()
    }

    #[test]
    fn london_by_borough() {
        let model = build_for(None, Measure::Rate, Dimension::Outcome);
        let r = &model.view.ranking;
        let rows: Vec<(&str, Figure, Figure)> =
            r.rows.iter().map(|r| (r.name.as_str(), r.count, r.year_earlier)).collect();
        assert_eq!(
            rows,
            [
                ("Barking and Dagenham", Figure::Known(360.0), Figure::Known(300.0)),
                ("Camden", Figure::Known(720.0), Figure::Known(600.0)),
                // The City of London has its own police force: not a row of the Met's searches.
                ("Location not recorded", Figure::Known(96.0), Figure::Known(80.0)),
                ("Outside London's boroughs", Figure::Known(0.0), Figure::Known(0.0)),
            ]
        );
        assert_eq!(r.rows[1].rate, Figure::Known(3.6));
        assert_eq!(r.rows[1].share, Figure::Known(0.6));
        assert_eq!(r.total.count, Figure::Known(1200.0));
        assert!(
            r.notes[0].starts_with("London's figures include 96 searches without a recorded location and 0"),
            "{:?}",
            r.notes
        );
        assert_eq!(
            model.view.summary,
            "In January to December 2024 the Met recorded 1,200 stop and searches in London, 20.0% more than in the \
             same months a year earlier. 20.0% of these searches ended in an arrest. That is 4.0 searches per 1,000 \
             residents."
        );
        // London's rate uses the Met boroughs' residents (Camden and Barking and Dagenham: 300,000).
        let chart = &model.view.chart;
        assert_eq!(chart.months.len(), 24);
        assert_eq!(chart.gaps, [2]);
        assert_eq!(chart.series.len(), 1);
        assert_eq!(chart.series[0].values[12], Figure::Known(100.0 / 300.0));
        assert!(chart.table().rows[2][0].ends_with("(part month)"));
        let arrests = model.arrests.expect("London has monthly arrests");
        assert_eq!(arrests.series[0].values[12], Figure::Known(20.0));
        assert_eq!(model.view.heading, "Stop and search in London");
    }

    #[test]
    fn without_a_whole_year_the_view_adds_up_the_months_and_says_why_there_are_no_breakdowns() {
        let manifest = manifest();
        let mut boroughs = borough_file();
        boroughs.periods.clear();
        // Camden has one month withheld in the months added up, Barking and Dagenham none.
        boroughs.searches[1][20] = None;
        let months = period(("2024-01", "2024-12"));
        let s = ViewState { period: months, ..state(None, Measure::Count, Dimension::Outcome) };
        let model = build(&manifest, StopsFiles { borough: &boroughs, ward: None }, &s);
        let counts: Vec<(&str, Figure)> = model.view.ranking.rows.iter().map(|r| (r.name.as_str(), r.count)).collect();
        assert_eq!(
            counts,
            [
                ("Barking and Dagenham", Figure::Known(360.0)),
                ("Camden", Figure::Suppressed),
                ("Location not recorded", Figure::Known(96.0)),
                ("Outside London's boroughs", Figure::Known(0.0)),
            ]
        );
        assert_eq!(model.view.ranking.total.count, Figure::Known(1200.0));
        assert!(model.view.ranking.notes.iter().any(|n| n.starts_with("These are the sums")));
        assert_eq!(model.groups, None);
        let why = model.no_breakdowns.expect("no whole year is published");
        assert!(
            why.contains("the first, April 2023 to March 2024, will come with the figures for March 2024"),
            "{why}"
        );
        // A part month (March 2023) is never added in: a period holding it is unknown.
        let early = ViewState { period: period(("2023-01", "2023-12")), ..s.clone() };
        let model = build(&manifest, StopsFiles { borough: &boroughs, ward: None }, &early);
        assert_eq!(model.view.ranking.total.count, Figure::Missing);
        // With the year published, nothing is added up.
        let model = build(&manifest, StopsFiles { borough: &borough_file(), ward: None }, &s);
        assert_eq!(model.no_breakdowns, None);
    }

    #[test]
    fn the_first_period_has_no_change_and_says_so() {
        let (manifest, boroughs) = (manifest(), borough_file());
        let s =
            ViewState { period: period(("2023-01", "2023-12")), ..state(None, Measure::Change, Dimension::Outcome) };
        let model = build(&manifest, StopsFiles { borough: &boroughs, ward: None }, &s);
        let r = &model.view.ranking;
        assert!(r.rows.iter().all(|row| row.value(Measure::Change) == Figure::Missing));
        assert!(r.notes.iter().any(|n| n.starts_with("There is no change to show: the figures start in January 2023")));
        assert!(!model.view.summary.contains("year earlier"), "{}", model.view.summary);
    }

    #[test]
    fn counts_chart_shows_searches_and_arrests() {
        let model = build_for(Some("E09000007"), Measure::Count, Dimension::Outcome);
        let names: Vec<&str> = model.view.chart.series.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Searches", "Arrests after a search"]);
        assert_eq!(model.view.chart.series[0].values[0], Figure::Known(50.0));
        let arrests = model.arrests.expect("a borough has monthly arrests");
        assert_eq!(arrests.series.len(), 2);
        assert!(
            model
                .view
                .summary
                .ends_with("20.0% of these searches ended in an arrest. That is 3.6 searches per 1,000 residents."),
            "{}",
            model.view.summary
        );
    }

    #[test]
    fn breakdown_keeps_suppressed_counts_and_excludes_vehicles_from_person_shares() {
        let model = build_for(None, Measure::Rate, Dimension::Outcome);
        let t = model.breakdown.table();
        assert_eq!(t.head, ["Outcome", "Searches", "Share of searches"]);
        assert_eq!(texts(&t)[0], "Arrest | 240 | 20.0%");
        assert_eq!(texts(&t)[2], "Caution | .. | ..");
        let model = build_for(Some("E09000007"), Measure::Rate, Dimension::Ethnicity);
        let b = &model.breakdown;
        // Camden's values add up to 600 searches of people: 720 less 120 vehicle-only searches.
        assert_eq!(b.base, Figure::Known(600.0));
        assert_eq!(b.base_name, "searches of people");
        let t = b.table();
        assert_eq!(t.head.last().map(String::as_str), Some("London's share"));
        // London's share of "mixed" is withheld because London's count is.
        assert_eq!(texts(&t)[2], "Mixed or multiple ethnic groups | 40 | 6.7% | [c]");
        let bars = b.bars();
        assert_eq!(bars.bars[1].text, "40.0% (240)");
        assert!(bars
            .description()
            .starts_with("Bar chart of per cent of searches of people. Asian or Asian British: 10.0% (60);"));
    }

    #[test]
    fn rates_by_ethnic_group_and_ratios() {
        let model = build_for(None, Measure::Rate, Dimension::Outcome);
        let g = model.groups.expect("London has residents by group");
        let t = texts(&g.table());
        assert_eq!(t[0], "Asian or Asian British | 100 | 20,000 | 5.0 | 0.6");
        assert_eq!(t[1], "Black, Black British, Caribbean or African | 400 | 20,000 | 20.0 | 2.5");
        assert_eq!(t[2], "Mixed or multiple ethnic groups | [c] | 5,000 | [c] | [c]");
        assert_eq!(t[3], "White | 400 | 50,000 | 8.0 | 1.0 (reference)");
        // 30 searches are too few for a ratio.
        assert_eq!(t[4], "Other ethnic group | 30 | 5,000 | 6.0 | ..");
        assert!(g.notes[1].starts_with("[c] searches of people with no stated ethnic group"), "{:?}", g.notes);
        // A ward shows its borough's rates, saying so.
        let ward = build_for(Some("E05000001"), Measure::Rate, Dimension::Outcome);
        let g = ward.groups.expect("the ward's borough has residents by group");
        assert_eq!(g.area_name, "Camden");
        assert!(g.notes[0].contains("these are Camden's"));
    }

    #[test]
    fn a_ward_among_its_boroughs_wards() {
        let model = build_for(Some("E05000001"), Measure::Rate, Dimension::Outcome);
        let r = &model.view.ranking;
        assert_eq!(r.scope, Scope::WardsOf("E09000007".into()));
        let rows: Vec<(&str, Figure)> = r.rows.iter().map(|r| (r.name.as_str(), r.count)).collect();
        assert_eq!(
            rows,
            [
                ("Highgate", Figure::Suppressed),
                ("Kilburn", Figure::Known(480.0)),
                ("Camden: not in a ward", Figure::Suppressed)
            ]
        );
        assert_eq!(r.total.name, "Camden");
        assert_eq!(model.view.heading, "Stop and search in Kilburn, Camden");
        // Wards have no monthly arrests: the chart has the ward, Camden and London.
        let names: Vec<&str> = model.view.chart.series.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Kilburn", "Camden", "London"]);
        assert_eq!(model.view.chart.series[0].values[12], Figure::Known(2.0));
        assert!(model.arrests.is_none());
        assert!(model.view.summary.contains("10.0% of these searches ended in an arrest"), "{}", model.view.summary);
        // The year before has no ward figures in the file: no change is claimed.
        assert!(
            model.view.summary.starts_with(
                "In January to December 2024 the Met recorded 480 stop and searches in Kilburn, Camden; across London"
            ),
            "{}",
            model.view.summary
        );
        assert_eq!(model.breakdown.rows[0].london_share, Some(Figure::Known(0.2)));
        // Highgate's total is withheld: the summary says so instead of giving a number.
        let model = build_for(Some("E05000002"), Measure::Rate, Dimension::Outcome);
        assert_eq!(
            model.view.summary,
            "The number of stop and searches in Highgate, Camden in January to December 2024 is withheld ([c]) to \
             protect the people searched: it is small, or would let a small count elsewhere be worked out. The map \
             and table show the areas around it."
        );
    }
}
