//! CSV downloads of exactly the data in the current view.
//!
//! Every file starts with a header block of `field,value` lines (title,
//! source, licence and attribution, releases, generation time, symbols), then
//! an empty line, then one table with a header row. Numbers are plain (no
//! separators), unknown values are empty with a flag column saying why, so a
//! spreadsheet never reads an unknown as 0.

use crate::crime::view::Ranking;
use crate::data::dataset::{Level, Manifest};
use crate::data::figure::Figure;
use crate::render::chart::ChartSpec;

/// What the header block says about a download.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Meta {
    pub title: String,
    pub source: String,
    /// The releases the figures come from, e.g. "crime-borough-2026-06 (…)".
    pub releases: Vec<String>,
    /// When the file was made, ISO 8601 (the UI passes the clock in).
    pub generated: String,
    /// The address of the view, so the file can be traced back to it.
    pub link: String,
}

/// The licence line every download carries.
pub const LICENCE: &str = "Open Government Licence v3.0 (https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/). \
Contains public sector information licensed under the Open Government Licence v3.0. Contains National Statistics data © Crown copyright and database right.";

/// The releases used by the datasets of the given levels, newest first.
pub fn releases(manifest: &Manifest, levels: &[Level]) -> Vec<String> {
    let mut out: Vec<String> = manifest
        .releases
        .iter()
        .filter(|r| levels.contains(&r.level) && !r.months_used.is_empty())
        .map(|r| format!("{} ({}, {})", r.id, r.file, r.period.describe()))
        .collect();
    out.reverse();
    out
}

/// Quotes a field when it holds a comma, quote or line break.
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

fn line(fields: &[String]) -> String {
    let mut out = fields.iter().map(|f| field(f)).collect::<Vec<_>>().join(",");
    out.push_str("\r\n");
    out
}

/// A number in full precision without separators (rounded to 6 decimals to drop binary noise).
fn number(value: f64) -> String {
    let rounded = (value * 1e6).round() / 1e6;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        rounded.to_string()
    }
}

/// The value and flag columns of a figure.
fn cells(value: Figure, scale: f64) -> [String; 2] {
    match value {
        Figure::Known(v) => [number(v * scale), String::new()],
        Figure::Missing => [String::new(), "not published".into()],
        Figure::Suppressed => [String::new(), "suppressed".into()],
    }
}

fn header(meta: &Meta) -> String {
    let mut out = String::new();
    let mut add = |k: &str, v: &str| out.push_str(&line(&[k.to_string(), v.to_string()]));
    add("title", &meta.title);
    add("source", &meta.source);
    add("licence", LICENCE);
    for r in &meta.releases {
        add("release", r);
    }
    add("generated", &meta.generated);
    add("view", &meta.link);
    add("flags", "an empty value is flagged: 'not published' (no figure for every month) or 'suppressed' (withheld)");
    out.push_str("\r\n");
    out
}

/// The table of areas: counts, rates, shares and the change on a year earlier.
pub fn ranking_csv(ranking: &Ranking, meta: &Meta) -> String {
    let mut out = header(meta);
    let many = ranking.counted.many;
    out.push_str(&line(&[
        "area_code".to_string(),
        "area_name".to_string(),
        many.to_string(),
        format!("{many}_flag"),
        "population_census_2021".to_string(),
        "per_1000_residents".to_string(),
        "per_1000_residents_flag".to_string(),
        "share_of_london_percent".to_string(),
        "share_of_london_flag".to_string(),
        format!("{many}_year_earlier"),
        format!("{many}_year_earlier_flag"),
        "change_percent".to_string(),
    ]));
    for row in ranking.rows.iter().chain(std::iter::once(&ranking.total)) {
        let [count, count_flag] = cells(row.count, 1.0);
        let [rate, rate_flag] = cells(row.rate, 1.0);
        let [share, share_flag] = cells(row.share, 100.0);
        let [earlier, earlier_flag] = cells(row.year_earlier, 1.0);
        let change = row.change().and_then(|(_, r)| r).map(|r| number(r * 100.0)).unwrap_or_default();
        out.push_str(&line(&[
            row.code.clone(),
            row.name.clone(),
            count,
            count_flag,
            row.population.map(|p| p.to_string()).unwrap_or_default(),
            rate,
            rate_flag,
            share,
            share_flag,
            earlier,
            earlier_flag,
            change,
        ]));
    }
    out
}

/// The chart's data: a row per month, a value and a flag column per line.
pub fn chart_csv(chart: &ChartSpec, meta: &Meta) -> String {
    let mut out = header(meta);
    let mut head = vec!["month".to_string()];
    for s in &chart.series {
        head.push(format!("{} ({})", s.name, chart.y_label.to_lowercase()));
        head.push(format!("{} flag", s.name));
    }
    out.push_str(&line(&head));
    for (i, month) in chart.months.iter().enumerate() {
        let mut row = vec![month.iso()];
        for s in &chart.series {
            let [value, flag] = cells(s.values.get(i).copied().unwrap_or(Figure::Missing), 1.0);
            let flag = if chart.gaps.contains(&i) && flag.is_empty() { "part month".to_string() } else { flag };
            row.extend([value, flag]);
        }
        out.push_str(&line(&row));
    }
    out
}

/// A stop-and-search breakdown: a row per value with its count and share.
pub fn breakdown_csv(breakdown: &crate::stops::stops_view::Breakdown, meta: &Meta) -> String {
    let mut out = header(meta);
    let base = breakdown.base_name.replace(' ', "_");
    let mut head = vec![
        "value".to_string(),
        "searches".to_string(),
        "searches_flag".to_string(),
        format!("percent_of_{base}"),
        format!("percent_of_{base}_flag"),
    ];
    let compare = breakdown.rows.first().is_some_and(|r| r.london_share.is_some());
    if compare {
        head.extend(["london_percent".to_string(), "london_percent_flag".to_string()]);
    }
    out.push_str(&line(&head));
    for r in &breakdown.rows {
        let mut row = vec![r.label.to_string()];
        row.extend(cells(r.count, 1.0));
        row.extend(cells(r.share, 100.0));
        if let Some(l) = r.london_share {
            row.extend(cells(l, 100.0));
        }
        out.push_str(&line(&row));
    }
    out
}

/// The cross-tabulation of an area and period: one row per ethnic group, age and outcome group.
pub fn crosstab_csv(table: &crate::stops::crosstab::CrossTable, meta: &Meta) -> String {
    let mut out = header(meta);
    let head = ["ethnic_group", "age", "outcome", "searches", "searches_flag"];
    out.push_str(&line(&head.map(String::from)));
    for (ethnicity, age, outcome, count) in &table.every_age {
        let mut row = vec![ethnicity.to_string(), age.to_string(), outcome.to_string()];
        row.extend(cells(*count, 1.0));
        out.push_str(&line(&row));
    }
    out
}

/// Searches per 1,000 residents by ethnic group, with the ratio to the White group.
pub fn groups_csv(groups: &crate::stops::stops_view::Groups, meta: &Meta) -> String {
    let mut out = header(meta);
    out.push_str(&line(
        &[
            "ethnic_group",
            "searches",
            "searches_flag",
            "residents_census_2021",
            "searches_per_1000_residents",
            "searches_per_1000_residents_flag",
            "ratio_to_white",
            "ratio_to_white_flag",
        ]
        .map(String::from),
    ));
    for (label, g) in &groups.rows {
        let mut row = vec![label.to_string()];
        row.extend(cells(g.searches, 1.0));
        row.push(g.residents.map(|r| r.to_string()).unwrap_or_default());
        row.extend(cells(g.rate, 1.0));
        row.extend(cells(g.ratio, 1.0));
        out.push_str(&line(&row));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crime::view::{AreaRow, Scope};
    use crate::data::dataset::AreaKind;
    use crate::data::month::{Month, Period};
    use crate::render::chart::{SeriesSpec, DASHES, LINE_COLOURS};
    use crate::render::choropleth::Classes;
    use crate::share::url_state::Measure;

    fn meta() -> Meta {
        Meta {
            title: "Burglary by borough, January 2025".into(),
            source: "Source: MPS".into(),
            releases: vec!["crime-borough-2026-06 (a.csv, July 2024 to June 2026)".into()],
            generated: "2026-11-29T21:00:00Z".into(),
            link: "https://example.org/?v=2&crime=burglary".into(),
        }
    }

    fn check(csv: &str, expected: &[&str]) {
        let table: Vec<&str> = csv.split("\r\n\r\n").nth(1).unwrap().lines().collect();
        assert_eq!(table, expected);
        assert!(
            csv.starts_with("title,\"Burglary by borough, January 2025\"\r\nsource,Source: MPS\r\nlicence,"),
            "{csv}"
        );
        assert!(csv.contains("\r\nrelease,\"crime-borough-2026-06 (a.csv, July 2024 to June 2026)\"\r\n"), "{csv}");
        assert!(csv.contains("\r\ngenerated,2026-11-29T21:00:00Z\r\n"), "{csv}");
    }

    #[test]
    fn ranking_csv_has_flags_instead_of_zeros() {
        let m = Month::parse("2025-01").unwrap();
        let row = |code: &str, name: &str, count: Figure, rate: Figure, earlier: Figure| AreaRow {
            code: code.into(),
            name: name.into(),
            kind: AreaKind::Area,
            count,
            year_earlier: earlier,
            rate,
            share: count.map(|c| c / 200.0),
            population: Some(1000),
        };
        let k = Figure::Known;
        let ranking = Ranking {
            scope: Scope::Boroughs,
            counted: crate::crime::view::OFFENCES,
            category_name: "Burglary".into(),
            period: Period::new(m, m),
            measure: Measure::Rate,
            rows: vec![
                row("E1", "Ham, Petersham", k(50.0), k(50.0), k(40.0)),
                row("E2", "Camden", Figure::Missing, Figure::Missing, k(3.0)),
            ],
            total: row("london", "London", k(200.0), k(1.0 / 3.0), k(250.0)),
            classes: Classes { breaks: vec![], diverging: false },
            notes: vec![],
            suggestion: None,
        };
        check(
            &ranking_csv(&ranking, &meta()),
            &[
                "area_code,area_name,offences,offences_flag,population_census_2021,per_1000_residents,per_1000_residents_flag,share_of_london_percent,share_of_london_flag,offences_year_earlier,offences_year_earlier_flag,change_percent",
                "E1,\"Ham, Petersham\",50,,1000,50,,25,,40,,25",
                "E2,Camden,,not published,1000,,not published,,not published,3,,",
                "london,London,200,,1000,0.333333,,100,,250,,-20",
            ],
        );
    }

    #[test]
    fn chart_csv_has_a_row_per_month() {
        let m = |s| Month::parse(s).unwrap();
        let chart = ChartSpec {
            title: "t".into(),
            y_label: "Offences".into(),
            decimals: 0,
            months: vec![m("2025-01"), m("2025-02")],
            series: vec![SeriesSpec {
                name: "Camden".into(),
                values: vec![Figure::Known(3.0), Figure::Suppressed],
                colour: LINE_COLOURS[0],
                dash: DASHES[0],
            }],
            marks: vec![],
            gaps: vec![],
            revised: Vec::new(),
            notes: vec![],
            source: String::new(),
        };
        check(
            &chart_csv(&chart, &meta()),
            &["month,Camden (offences),Camden flag", "2025-01,3,", "2025-02,,suppressed"],
        );
    }
}
