//! The one cross-tabulation published from stop and search: searches of people
//! by self-defined ethnic group × age × outcome, for London, each borough and
//! the searches without a borough, over whole 12-month periods
//! (`stops-crosstab.json`), and its view: for one age group, each ethnic
//! group's searches by outcome and the share that ended in an arrest.
//!
//! Outcomes are grouped into arrest, other action, no further action and not
//! recorded ([`OUTCOME_GROUPS`]): split seven ways, most cells of a borough's
//! table would be under the threshold and withheld. The cells are protected
//! with the one-way counts (see `DISCLOSURE.md`): they add up to the published
//! searches by ethnic group and by age, and London's cells are the sums of its
//! parts'. A `null` is a withheld count: [`Figure::Suppressed`] here, `[c]` on
//! screen, never 0.

use crate::data::figure::Figure;
use crate::data::format;
use crate::data::month::{Month, Period};
use crate::render::chart::{Bar, BarSpec, Table};
use crate::stops::stop_search::{Dimension, StopArea, Value, MIN_SEARCHES_FOR_RATIO};
use serde::{Deserialize, Serialize};

/// The cross-tabulation file.
pub const FILE: &str = "stops-crosstab.json";

/// One group of outcomes in the cross-tabulation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OutcomeGroup {
    pub id: &'static str,
    pub label: &'static str,
    /// The outcome value ids (of [`Dimension::Outcome`]) in the group.
    pub outcomes: &'static [&'static str],
}

/// The outcome groups, in display order; every outcome value is in exactly one.
pub const OUTCOME_GROUPS: &[OutcomeGroup] = &[
    OutcomeGroup { id: "arrest", label: "Arrest", outcomes: &["arrest"] },
    OutcomeGroup {
        id: "other-action",
        label: "Other action",
        outcomes: &["summons", "caution", "community-resolution", "penalty-notice", "drugs-warning"],
    },
    OutcomeGroup { id: "no-further-action", label: "No further action", outcomes: &["no-further-action"] },
    OutcomeGroup { id: "unknown", label: "Outcome not recorded", outcomes: &["unknown"] },
];

/// The group of an outcome value id.
pub fn outcome_group(outcome: &str) -> Option<usize> {
    OUTCOME_GROUPS.iter().position(|g| g.outcomes.contains(&outcome))
}

fn ethnicities() -> &'static [Value] {
    Dimension::Ethnicity.values()
}

fn ages() -> &'static [Value] {
    Dimension::Age.values()
}

/// The number of cells of one area's table.
pub fn cells() -> usize {
    ethnicities().len() * ages().len() * OUTCOME_GROUPS.len()
}

/// The position of a cell in an area's row: ethnic group, then age, then outcome group.
pub fn cell(ethnicity: usize, age: usize, outcome: usize) -> usize {
    (ethnicity * ages().len() + age) * OUTCOME_GROUPS.len() + outcome
}

/// One 12-month period of the cross-tabulation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CrossPeriod {
    pub period: Period,
    /// Per area (as in [`CrossFile::areas`]), per [`cell`]; `None` is withheld.
    pub counts: Vec<Vec<Option<u32>>>,
}

/// `stops-crosstab.json`: protected counts only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CrossFile {
    pub schema: u32,
    pub threshold: u32,
    pub first: Month,
    pub months: usize,
    /// London, the boroughs, and the searches without a location or outside the
    /// boroughs: London's cells are the sums of the others'.
    pub areas: Vec<StopArea>,
    /// The value ids of the three dimensions, in cell order (a check that the
    /// file and the app agree).
    pub ethnicity: Vec<String>,
    pub age: Vec<String>,
    pub outcome: Vec<String>,
    pub periods: Vec<CrossPeriod>,
}

impl CrossFile {
    /// Whether the file's dimensions are the ones this app knows.
    pub fn matches_app(&self) -> bool {
        let ids = |values: &[Value]| values.iter().map(|v| v.id.to_string()).collect::<Vec<_>>();
        self.ethnicity == ids(ethnicities())
            && self.age == ids(ages())
            && self.outcome == OUTCOME_GROUPS.iter().map(|g| g.id.to_string()).collect::<Vec<_>>()
    }

    /// One area's cells in one period.
    fn row(&self, code: &str, period: Period) -> Option<&[Option<u32>]> {
        let a = self.areas.iter().position(|a| a.code == code)?;
        let p = self.periods.iter().find(|p| p.period == period)?;
        p.counts.get(a).map(Vec::as_slice)
    }
}

/// The age group a view opens on: the most searched.
pub const DEFAULT_AGE: &str = "18-24";

/// The value of [`DEFAULT_AGE`], for its label.
pub fn default_age() -> &'static Value {
    ages().iter().find(|v| v.id == DEFAULT_AGE).unwrap_or(&ages()[0])
}

/// One ethnic group's searches in the chosen age group, by outcome.
#[derive(Clone, Debug, PartialEq)]
pub struct CrossRow {
    pub label: &'static str,
    /// One per [`OUTCOME_GROUPS`].
    pub outcomes: Vec<Figure>,
    pub searches: Figure,
    /// Arrests as a fraction of the searches; missing under
    /// [`MIN_SEARCHES_FOR_RATIO`] searches.
    pub arrest_share: Figure,
}

/// Searches of people of one age group in an area and period, by ethnic group and outcome.
#[derive(Clone, Debug, PartialEq)]
pub struct CrossTable {
    pub area_name: String,
    pub period: Period,
    pub age: &'static Value,
    pub rows: Vec<CrossRow>,
    /// Every cell of the area's table in the period, all ages: `(ethnic group,
    /// age, outcome group, count)`, for the download.
    pub every_age: Vec<(&'static str, &'static str, &'static str, Figure)>,
    pub notes: Vec<String>,
    pub source: String,
}

fn share_text(share: Figure, searches: Figure) -> String {
    match (share, searches) {
        (Figure::Known(s), _) => format!("{}%", format::decimal(s * 100.0, 1)),
        (Figure::Missing, Figure::Known(_)) => format!("fewer than {MIN_SEARCHES_FOR_RATIO} searches"),
        (other, _) => format::figure(other),
    }
}

impl CrossTable {
    /// The title of the whole table, every age group.
    pub fn long_title(&self) -> String {
        format!("Searches of people by ethnic group, age and outcome, {}, {}", self.area_name, self.period.describe())
    }

    pub fn title(&self) -> String {
        format!(
            "Searches of people aged {} by ethnic group and outcome, {}, {}",
            self.age.label.to_lowercase(),
            self.area_name,
            self.period.describe()
        )
    }

    /// Ethnic group, searches, each outcome group and the share ending in arrest.
    pub fn table(&self) -> Table {
        let mut head = vec!["Ethnic group".to_string(), "Searches".to_string()];
        head.extend(OUTCOME_GROUPS.iter().map(|g| g.label.to_string()));
        head.push("Share ending in arrest".to_string());
        let rows = self
            .rows
            .iter()
            .map(|r| {
                let mut row = vec![r.label.to_string(), format::figure(r.searches)];
                row.extend(r.outcomes.iter().map(|&f| format::figure(f)));
                row.push(share_text(r.arrest_share, r.searches));
                row
            })
            .collect();
        Table { caption: self.title(), head, rows }
    }

    /// The share of each ethnic group's searches that ended in an arrest.
    pub fn bars(&self) -> BarSpec {
        BarSpec {
            title: format!(
                "Share of searches of people aged {} that ended in an arrest, by ethnic group, {}, {}",
                self.age.label.to_lowercase(),
                self.area_name,
                self.period.describe()
            ),
            unit: "Per cent of the group's searches".to_string(),
            bars: self
                .rows
                .iter()
                .map(|r| Bar {
                    label: r.label.to_string(),
                    value: r.arrest_share.map(|s| s * 100.0),
                    text: match (r.arrest_share, r.searches) {
                        (Figure::Known(_), Figure::Known(n)) => {
                            format!("{} of {}", share_text(r.arrest_share, r.searches), format::count(n))
                        }
                        _ => share_text(r.arrest_share, r.searches),
                    },
                })
                .collect(),
            notes: self.notes.clone(),
            source: self.source.clone(),
        }
    }
}

/// The table for area `code` (named `name`), `period` and the age group with
/// value id `age`, or `None` when the file has no such area, period or age.
/// `for_ward` says the view is of a ward, shown its borough's table.
pub fn build(
    file: &CrossFile,
    (code, name): (&str, &str),
    period: Period,
    age: &str,
    for_ward: bool,
    source: &str,
) -> Option<CrossTable> {
    if !file.matches_app() {
        return None;
    }
    let a = ages().iter().position(|v| v.id == age)?;
    let counts = file.row(code, period)?;
    let arrest = outcome_group("arrest")?;
    let rows = ethnicities()
        .iter()
        .enumerate()
        .map(|(e, v)| {
            let outcomes: Vec<Figure> = (0..OUTCOME_GROUPS.len())
                .map(|o| counts.get(cell(e, a, o)).map_or(Figure::Missing, |&c| Figure::from_protected(c)))
                .collect();
            let searches = Figure::sum(outcomes.iter().copied());
            let arrest_share = match (outcomes[arrest], searches) {
                (Figure::Known(x), Figure::Known(n)) if n >= f64::from(MIN_SEARCHES_FOR_RATIO) => Figure::Known(x / n),
                (Figure::Known(_), Figure::Known(_)) => Figure::Missing,
                (Figure::Missing, _) | (_, Figure::Missing) => Figure::Missing,
                _ => Figure::Suppressed,
            };
            CrossRow { label: v.label, outcomes, searches, arrest_share }
        })
        .collect();
    let mut notes = vec![
        "The ethnic group the person gave. Searches of a vehicle only (or of unrecorded type) are left out. \
         Other action: a summons, caution, community resolution, penalty notice or drugs warning."
            .to_string(),
        format!(
            "No share is given under {MIN_SEARCHES_FOR_RATIO} searches: shares of small counts swing widely by \
             chance. An arrest after a search does not mean the search found what it was for."
        ),
        format!(
            "[c]: fewer than {} searches, or withheld so that such a count cannot be worked out from the others; \
             a group with a withheld outcome has no total or share.",
            file.threshold
        ),
    ];
    if for_ward {
        notes.insert(0, format!("This table is published for London and the boroughs only: these are {name}'s."));
    }
    Some(CrossTable {
        area_name: name.to_string(),
        period,
        age: &ages()[a],
        rows,
        every_age: long_rows(file, code, period),
        notes,
        source: source.to_string(),
    })
}

/// Every cell of an area's table in one period, for the CSV download:
/// `(ethnic group, age, outcome group, count)`.
pub fn long_rows(
    file: &CrossFile,
    code: &str,
    period: Period,
) -> Vec<(&'static str, &'static str, &'static str, Figure)> {
    let Some(counts) = file.row(code, period) else { return Vec::new() };
    let mut out = Vec::with_capacity(cells());
    for (e, ethnicity) in ethnicities().iter().enumerate() {
        for (a, age) in ages().iter().enumerate() {
            for (o, group) in OUTCOME_GROUPS.iter().enumerate() {
                let count = counts.get(cell(e, a, o)).map_or(Figure::Missing, |&c| Figure::from_protected(c));
                out.push((ethnicity.label, age.label, group.label, count));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stops::stop_search::LONDON;

    fn period() -> Period {
        Period::new(Month::parse("2023-09").unwrap(), Month::parse("2024-08").unwrap())
    }

    /// A file with London only, whose 18–24 cells are given per ethnic group
    /// as `[arrest, other, none, unknown]`.
    fn file(rows: &[[Option<u32>; 4]]) -> CrossFile {
        let mut counts = vec![Some(0); cells()];
        let a = ages().iter().position(|v| v.id == "18-24").unwrap();
        for (e, row) in rows.iter().enumerate() {
            for (o, c) in row.iter().enumerate() {
                counts[cell(e, a, o)] = *c;
            }
        }
        let ids = |values: &[Value]| values.iter().map(|v| v.id.to_string()).collect();
        CrossFile {
            schema: crate::data::dataset::SCHEMA,
            threshold: 10,
            first: Month::parse("2022-09").unwrap(),
            months: 24,
            areas: vec![StopArea { code: LONDON.into(), name: "London".into(), parent: None }],
            ethnicity: ids(ethnicities()),
            age: ids(ages()),
            outcome: OUTCOME_GROUPS.iter().map(|g| g.id.to_string()).collect(),
            periods: vec![CrossPeriod { period: period(), counts: vec![counts] }],
        }
    }

    fn check(rows: &[[Option<u32>; 4]], expected: &[(&str, &str)]) {
        let table = build(&file(rows), (LONDON, "London"), period(), "18-24", false, "source").unwrap();
        let got: Vec<(String, String)> = table.table().rows.iter().map(|r| (r[1].clone(), r[6].clone())).collect();
        let expected: Vec<(String, String)> = expected.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn every_outcome_is_in_one_group() {
        for v in Dimension::Outcome.values() {
            assert_eq!(OUTCOME_GROUPS.iter().filter(|g| g.outcomes.contains(&v.id)).count(), 1, "{}", v.id);
        }
        assert_eq!(cells(), 6 * 6 * 4);
        assert_eq!(cell(5, 5, 3), cells() - 1);
        assert_eq!(default_age().id, DEFAULT_AGE);
    }

    #[test]
    fn shares_need_known_totals_of_fifty_or_more() {
        check(
            &[
                // 20 arrests of 100: 20%.
                [Some(20), Some(10), Some(70), Some(0)],
                // A withheld outcome: no total, no share.
                [Some(12), None, Some(60), Some(0)],
                // 40 searches: too few for a share.
                [Some(10), Some(0), Some(30), Some(0)],
                // Withheld arrests among a known total cannot happen (the total
                // would give them away), but the table says [c] all the same.
                [None, None, Some(80), Some(0)],
                [Some(0), Some(0), Some(0), Some(0)],
                [Some(0), Some(0), Some(0), Some(0)],
            ],
            &[
                ("100", "20.0%"),
                ("[c]", "[c]"),
                ("40", "fewer than 50 searches"),
                ("[c]", "[c]"),
                ("0", "fewer than 50 searches"),
                ("0", "fewer than 50 searches"),
            ],
        );
    }

    #[test]
    fn wards_get_their_boroughs_table_and_bad_ages_none() {
        let f = file(&[[Some(20), Some(10), Some(70), Some(0)]; 6]);
        let t = build(&f, (LONDON, "London"), period(), "18-24", true, "s").unwrap();
        assert!(t.notes[0].contains("London's"));
        assert_eq!(t.bars().bars[0].text, "20.0% of 100");
        assert!(build(&f, (LONDON, "London"), period(), "18-240", false, "s").is_none());
        assert!(build(&f, ("E09000007", "Camden"), period(), "18-24", false, "s").is_none());
        assert_eq!(long_rows(&f, LONDON, period()).len(), cells());
    }
}
