//! What the "About the data" page says, built from the manifest so that it
//! describes the files the app actually loaded: a catalogue entry for each
//! dataset (publisher, licence, geography, period, release, sources, known
//! caveats and a cover sheet of what is not published and why), and a release
//! calendar from each publisher's schedule. Also the signposts every page
//! shows.

use crate::data::dataset::{AreaKind, Level, Manifest};
use crate::data::format;
use crate::data::month::Month;
use crate::render::chart::Table;

/// A link to another site.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub label: String,
    pub url: String,
}

fn link(label: &str, url: &str) -> Link {
    Link { label: label.to_string(), url: url.to_string() }
}

/// One dataset in the catalogue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// An id for the page's anchors: `crime-borough`, `crime-ward`, `stops`, `boundaries`, `population`.
    pub id: String,
    pub title: String,
    pub publisher: String,
    pub licence: String,
    /// The attribution the licence requires, where it names one.
    pub attribution: Option<String>,
    pub geography: String,
    /// The months this site holds, or the date the figures describe.
    pub period: String,
    /// The publisher's releases (files) used, and what was taken from each.
    pub releases: Vec<String>,
    pub sources: Vec<Link>,
    /// What to keep in mind when reading the figures.
    pub caveats: Vec<String>,
    /// The cover sheet: what is not published, and why.
    pub not_published: Vec<String>,
    /// What each of the publisher's files changed in the one before it.
    pub history: Vec<Change>,
}

/// What one publisher file changed in the one before it: a sentence, and
/// London's total for each month it revised, before and after.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub summary: String,
    pub table: Table,
}

/// The version history of a level's crime figures, oldest first.
pub fn history(manifest: &Manifest, level: Level) -> Vec<Change> {
    let ends = |id: &str| manifest.releases.iter().find(|r| r.id == id).map(|r| (r.level, r.period.to.long_name()));
    let count = |n: usize| format::thousands(i64::try_from(n).unwrap_or(i64::MAX));
    manifest
        .history
        .iter()
        .filter_map(|h| {
            let ((l, new), (_, old)) = (ends(&h.release)?, ends(&h.previous)?);
            if l != level {
                return None;
            }
            let (first, last) = (h.months.first()?.month, h.months.last()?.month);
            let summary = format!(
                "The file with figures to {new} changed {} of the file with figures to {old}, in {} from {} to {}, \
                 {} and {}.",
                format::plural(h.cells, "figure", "figures"),
                format::plural(h.months.len(), "month", "months"),
                first.long_name(),
                last.long_name(),
                format::plural(h.areas, "area", "areas"),
                format::plural(h.categories, "category", "categories"),
            );
            let rows = h
                .months
                .iter()
                .map(|m| {
                    let change = i64::try_from(m.after).unwrap_or(i64::MAX) - i64::try_from(m.before).unwrap_or(0);
                    let sign = match change.signum() {
                        1 => "+",
                        -1 => "−",
                        _ => "",
                    };
                    vec![
                        m.month.short_name(),
                        count(m.cells),
                        count(usize::try_from(m.before).unwrap_or(usize::MAX)),
                        count(usize::try_from(m.after).unwrap_or(usize::MAX)),
                        format!("{sign}{}", format::thousands(change.abs())),
                    ]
                })
                .collect();
            let table = Table {
                caption: format!("London's offences in the months the file with figures to {new} revised"),
                head: [
                    "Month",
                    "Figures revised",
                    &format!("Before (file to {old})"),
                    &format!("After (file to {new})"),
                    "Change",
                ]
                .map(String::from)
                .to_vec(),
                rows,
            };
            Some(Change { summary, table })
        })
        .collect()
}

/// What was done with a release's incomplete months, for its line in the
/// catalogue: "; its figures for March 2024 looked incomplete (47 offences in
/// London, where about 71,000 were expected), so the file with figures to
/// June 2026 is used for that month" (empty when every month was complete).
fn incomplete_note(manifest: &Manifest, release: &crate::data::dataset::Release) -> String {
    let file = |id: &str| {
        manifest
            .releases
            .iter()
            .find(|r| r.id == id)
            .map_or(id.to_string(), |r| format!("the file with figures to {}", r.period.to.long_name()))
    };
    let count = |n: u64| format::thousands(i64::try_from(n).unwrap_or(i64::MAX));
    let mut parts: Vec<String> = release
        .incomplete
        .iter()
        .filter(|i| i.area.is_none())
        .map(|i| {
            format!(
                "its figures for {} looked incomplete ({} offences in London, where about {} were expected), so {}",
                i.month.long_name(),
                count(i.total),
                count(i.expected),
                match &i.used {
                    Some(id) => format!("{} is used for that month", file(id)),
                    None => "no figure is shown for that month".to_string(),
                }
            )
        })
        .collect();
    let areas = release.incomplete.iter().filter(|i| i.area.is_some()).count();
    if areas > 0 {
        parts.push(format!(
            "{} of single areas looked incomplete and an older file's complete figure is used for them",
            format::plural(areas, "month", "months")
        ));
    }
    parts.iter().map(|p| format!("; {p}")).collect()
}

/// The attribution every page's footer carries.
pub const FOOTER_ATTRIBUTION: &str = "Contains National Statistics data © Crown copyright and database right. \
Contains Ordnance Survey data © Crown copyright and database right. Boundaries: Greater London Authority and Office \
for National Statistics.";

/// The attribution the boundary files' licence asks for.
pub const BOUNDARY_ATTRIBUTION: &str = "Contains National Statistics data © Crown copyright and database right. \
Contains Ordnance Survey data © Crown copyright and database right. Source: Office for National Statistics and \
Greater London Authority, licensed under the Open Government Licence v3.0.";

/// The attribution of the Census figures.
pub const CENSUS_ATTRIBUTION: &str = "Source: Office for National Statistics, Census 2021, licensed under the Open \
Government Licence v3.0. Contains National Statistics data © Crown copyright and database right.";

const OGL: &str = "Open Government Licence v3.0";

/// The catalogue of every dataset the loaded release uses.
pub fn catalogue(manifest: &Manifest) -> Vec<Entry> {
    let mut entries = Vec::new();
    let datastore = link(
        "MPS Recorded Crime: Geographic Breakdown, on the London Datastore",
        "https://data.london.gov.uk/dataset/mps-recorded-crime-geographic-breakdown",
    );
    let boroughs = manifest.areas_of(Level::Borough).filter(|a| a.kind == AreaKind::Area).count();
    let wards = manifest.areas_of(Level::Ward).filter(|a| a.kind == AreaKind::Area).count();
    for level in [Level::Borough, Level::Ward] {
        let Some(d) = manifest.dataset(level) else { continue };
        let releases = manifest
            .releases
            .iter()
            .filter(|r| r.level == level)
            .map(|r| {
                let used: Vec<String> = r.months_used.iter().map(|p| p.describe()).collect();
                format!(
                    "The file with figures to {} (“{}”, {} rows): {}{}.",
                    r.period.to.long_name(),
                    r.file.rsplit('/').next().unwrap_or(&r.file),
                    crate::data::format::thousands(i64::try_from(r.rows).unwrap_or(i64::MAX)),
                    if used.is_empty() {
                        "no months used, newer files replace all of them".to_string()
                    } else {
                        format!("months used {}", used.join(", "))
                    },
                    incomplete_note(manifest, r)
                )
            })
            .collect();
        let (geography, caveats, not_published) = if level == Level::Borough {
            (
                format!(
                    "The {boroughs} London boroughs the Met polices, and London as a whole. The City of London is \
                     policed by the City of London Police and is not in these figures."
                ),
                crime_caveats(true),
                crime_not_published(true),
            )
        } else {
            (
                format!("{wards} London wards (boundaries of December 2024), each in its borough."),
                crime_caveats(false),
                crime_not_published(false),
            )
        };
        entries.push(Entry {
            id: d.id.clone(),
            title: if level == Level::Borough { "Recorded crime by borough" } else { "Recorded crime by ward" }
                .to_string(),
            publisher: d.publisher.clone(),
            licence: d.licence.clone(),
            attribution: None,
            geography,
            period: d.period.describe(),
            releases,
            sources: vec![datastore.clone()],
            caveats,
            not_published,
            history: history(manifest, level),
        });
    }
    if let Some(s) = &manifest.stops {
        let partial: Vec<String> = s
            .partial
            .iter()
            .map(|p| format!("{} (days {} to {} only)", p.month.long_name(), p.first_day, p.last_day))
            .collect();
        let mut caveats = vec![
            "Each search's place is the nearest of a set of anonymous map points that police.uk uses instead \
             of the real location, so a search near a boundary can be counted in the neighbouring ward."
                .to_string(),
            "Searches without a location are in London's figures but in no borough or ward.".to_string(),
            "Dates in the files are in UTC; searches are counted in the London month of the file they were \
             published in."
                .to_string(),
            "Rates per 1,000 residents use Census 2021 residents of each ethnic group. People searched need not \
             live where they were searched."
                .to_string(),
        ];
        if !partial.is_empty() {
            caveats.push(format!(
                "Months whose published file covers only some days, so their counts are too low: {}.",
                partial.join(", ")
            ));
        }
        entries.push(Entry {
            id: "stops".to_string(),
            title: "Stop and search".to_string(),
            publisher: format!("{} (records supplied by the Metropolitan Police Service)", s.publisher),
            licence: s.licence.clone(),
            attribution: None,
            geography: format!(
                "London, its {boroughs} boroughs and their wards, by where the search took place (as placed by \
                 police.uk)."
            ),
            period: s.period.describe(),
            releases: vec![if s.periods.is_empty() {
                format!(
                    "police.uk's monthly files for {}; no whole year from April to March yet, so no breakdowns.",
                    s.period.describe()
                )
            } else {
                format!(
                    "police.uk's monthly files for {}; breakdowns for the years from April to March {}.",
                    s.period.describe(),
                    s.periods.iter().map(|p| p.describe()).collect::<Vec<_>>().join(" and ")
                )
            }],
            sources: vec![
                link("police.uk open data", &s.source_url),
                link("police.uk monthly archives", "https://data.police.uk/data/archive/"),
            ],
            caveats,
            not_published: vec![
                "No single search: no date, time, place, officer or description of a person. Only counts are \
                 published."
                    .to_string(),
                "Counts of 1 to 9 searches, and other counts that would let them be worked out, are suppressed \
                 (shown as “suppressed”), so that no combination of figures can single out a person."
                    .to_string(),
                "Breakdowns (by ethnic group, age, outcome and the other recorded details) are given only for \
                 fixed years from April to March, as in the Home Office's statistics, so that neither months nor \
                 differences between releases can be worked out."
                    .to_string(),
                "A latest month that police.uk's file covers only in part has its searches but not its arrests, \
                 until a later release completes it."
                    .to_string(),
                "Monthly figures are given only for searches and arrests, and arrests only for London and the \
                 boroughs."
                    .to_string(),
                "The table of outcomes by ethnic group and age is given for London and the boroughs, not for wards."
                    .to_string(),
            ],
            history: vec![],
        });
    }
    entries.push(Entry {
        id: "boundaries".to_string(),
        title: "Borough and ward boundaries".to_string(),
        publisher: "Greater London Authority (boroughs) and Office for National Statistics (wards)".to_string(),
        licence: OGL.to_string(),
        attribution: Some(BOUNDARY_ATTRIBUTION.to_string()),
        geography: "Borough outlines clipped to the coastline at mean high water; ward outlines of December 2024."
            .to_string(),
        period: "Boroughs as in the GLA's statistical boundary files; wards as at December 2024.".to_string(),
        releases: vec![
            "Statistical GIS Boundary Files for London (London_Borough_Excluding_MHW).".to_string(),
            "Wards (December 2024) Boundaries UK BGC, and the ONS lookup of 2021 small areas to 2024 wards."
                .to_string(),
        ],
        sources: vec![
            link(
                "Statistical GIS Boundary Files for London, on the London Datastore",
                "https://data.london.gov.uk/dataset/statistical-gis-boundary-files-london",
            ),
            link("ONS Open Geography Portal", "https://geoportal.statistics.gov.uk/"),
        ],
        caveats: vec![
            "Outlines are simplified for the screen (to within 40 m for boroughs, 15 m for wards); neighbours keep \
             the same border."
                .to_string(),
            "The Met's ward figures use codes of the 2022 wards; two Tower Hamlets wards are named differently by \
             the Met and by ONS, and this site uses the ONS names."
                .to_string(),
        ],
        not_published: vec![],
        history: vec![],
    });
    entries.push(Entry {
        id: "population".to_string(),
        title: "Residents (Census 2021)".to_string(),
        publisher: "Office for National Statistics; ward figures summed by the Greater London Authority's Census \
                    Information Scheme"
            .to_string(),
        licence: OGL.to_string(),
        attribution: Some(CENSUS_ATTRIBUTION.to_string()),
        geography: "Boroughs (local authorities) and wards (sums of 2021 small areas that best fit each ward)."
            .to_string(),
        period: "Census day, 21 March 2021.".to_string(),
        releases: vec![
            "TS007A, age by five-year age bands, local authorities: usual residents of each borough.".to_string(),
            "TS021, ethnic group, local authorities: residents of each ethnic group, for stop-and-search rates."
                .to_string(),
        ],
        sources: vec![
            link("Census 2021 bulk data, on Nomis", "https://www.nomisweb.co.uk/sources/census_2021_bulk"),
            link("TS021 Ethnic group, ONS", "https://www.ons.gov.uk/datasets/TS021/editions/2021/versions/3"),
        ],
        caveats: vec![
            "Rates divide by residents, but many offences involve visitors and workers: central areas such as \
             Westminster have high rates for that reason."
                .to_string(),
            "Ward populations are approximate: small areas do not fit ward boundaries exactly.".to_string(),
            "London's rates use the 32 Met boroughs' residents (not the City of London's).".to_string(),
        ],
        not_published: vec![],
        history: vec![],
    });
    entries
}

fn crime_caveats(borough: bool) -> Vec<String> {
    let mut caveats = vec![
        "Successive files revise earlier months, up or down. Each month is taken from the newest file that covers \
         it; the revisions are listed in the downloads of this release."
            .to_string(),
        "Categories change over time: fraud passed on by the National Fraud Intelligence Bureau is a category of \
         its own from 2023, and the burglary categories were renamed and split in 2023 and 2025, so older months \
         of a new category are not published."
            .to_string(),
        "Counts are offences recorded where they happened, not where victims or suspects live.".to_string(),
    ];
    if borough {
        caveats.push(
            "The files have rows that are not boroughs: offences the Met could not place (“Unknown”) and, until \
             2025, Heathrow and London City airports. They count in London's total but in no borough."
                .to_string(),
        );
    } else {
        caveats.push(
            "Ward figures do not add up to borough figures: about 3% of offences cannot be placed in a ward. \
             This site never adds wards up to stand in for a borough."
                .to_string(),
        );
        caveats.push(
            "The Met attributes Heathrow Villages ward to its aviation security command; this site shows it in \
             Hillingdon."
                .to_string(),
        );
    }
    caveats
}

fn crime_not_published(borough: bool) -> Vec<String> {
    let mut lines = vec![
        "No single offence: no date, exact place, victim or suspect. Only monthly counts by area and category are \
         published."
            .to_string(),
        "Offences recorded by the City of London Police and the British Transport Police.".to_string(),
    ];
    if !borough {
        lines.push(
            "Months before the ward file's first month: the ward files cover only recent months, on the \
             current ward boundaries."
                .to_string(),
        );
    }
    lines
}

/// When a dataset was last released and when the next release is expected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Due {
    pub dataset: String,
    /// The publisher's schedule, in words.
    pub rule: String,
    /// The latest month of figures this site holds.
    pub latest: Month,
    /// The month the next figures (to `latest` + 1) are expected to be published.
    pub expected: Month,
    /// Whether `expected` has passed: newer figures have probably been published.
    pub overdue: bool,
}

/// The release calendar on `today`'s month: the rule of each publisher's
/// schedule applied to the latest figures this release holds.
pub fn calendar(manifest: &Manifest, today: Month) -> Vec<Due> {
    let mut dues = Vec::new();
    for level in [Level::Borough, Level::Ward] {
        let Some(d) = manifest.dataset(level) else { continue };
        // Published each month with figures to the end of the month before.
        let expected = d.period.to.plus_months(2);
        dues.push(Due {
            dataset: format!("Recorded crime by {}", level.id()),
            rule: "Every month, with figures to the end of the month before.".to_string(),
            latest: d.period.to,
            expected,
            overdue: today > expected,
        });
    }
    if let Some(s) = &manifest.stops {
        // police.uk adds a month's records within about two months of its end.
        let expected = s.period.to.plus_months(3);
        dues.push(Due {
            dataset: "Stop and search".to_string(),
            rule: "Every month, about two months after the month ends.".to_string(),
            latest: s.period.to,
            expected,
            overdue: today > expected,
        });
    }
    dues
}

/// Where else to look, and how to ask: shown on every page.
pub fn signposts() -> Vec<Link> {
    vec![
        link("Give feedback or contact the Met", "https://www.met.police.uk/contact/af/contact-us/"),
        link("Ask the Met for information (Freedom of Information)", "https://www.met.police.uk/foi-ai/"),
        link(
            "How to make a Freedom of Information request",
            "https://www.gov.uk/make-a-freedom-of-information-request",
        ),
        link("Crime and policing near you, on police.uk", "https://www.police.uk/"),
        link("London Datastore", "https://data.london.gov.uk/"),
        link(
            "Crime in England and Wales, Office for National Statistics",
            "https://www.ons.gov.uk/peoplepopulationandcommunity/crimeandjustice",
        ),
    ]
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::data::dataset::{Dataset, Release, StopsDataset};
    use crate::data::month::Period;

    fn m(s: &str) -> Month {
        Month::parse(s).unwrap()
    }

    /// A manifest of a release with borough and ward crime and stop and search (also used by `pages`).
    pub(crate) fn manifest() -> Manifest {
        let dataset = |level: Level, from: &str, to: &str| Dataset {
            id: format!("crime-{}", level.id()),
            title: String::new(),
            level,
            period: Period::new(m(from), m(to)),
            publisher: "Metropolitan Police Service".into(),
            licence: OGL.into(),
            source_url: "https://data.london.gov.uk/dataset/mps-recorded-crime-geographic-breakdown".into(),
            breaks: Vec::new(),
        };
        Manifest {
            schema: 1,
            datasets: vec![dataset(Level::Borough, "2010-04", "2026-06"), dataset(Level::Ward, "2024-01", "2025-12")],
            releases: vec![
                Release {
                    id: "crime-borough-2025-12".into(),
                    level: Level::Borough,
                    file: "crime/202401-202512/MPS Borough Level Crime (most recent 24 months).csv".into(),
                    period: Period::new(m("2024-01"), m("2025-12")),
                    rows: 1000,
                    months_used: vec![],
                    incomplete: Vec::new(),
                },
                Release {
                    id: "crime-borough-2026-06".into(),
                    level: Level::Borough,
                    file: "crime/202407-202606/MPS Borough Level Crime (most recent 24 months).csv".into(),
                    period: Period::new(m("2024-07"), m("2026-06")),
                    rows: 1234,
                    months_used: vec![Period::new(m("2024-07"), m("2026-06"))],
                    incomplete: Vec::new(),
                },
            ],
            categories: vec![],
            areas: vec![],
            revisions: 0,
            inputs: vec![],
            outputs: vec![],
            stops: Some(StopsDataset {
                title: String::new(),
                period: Period::new(m("2022-09"), m("2024-08")),
                periods: vec![Period::new(m("2023-09"), m("2024-08")), Period::new(m("2022-09"), m("2023-08"))],
                partial: vec![crate::stops::stop_search::PartialMonth {
                    month: m("2022-12"),
                    first_day: 1,
                    last_day: 17,
                }],
                publisher: "police.uk".into(),
                licence: OGL.into(),
                source_url: "https://data.police.uk/data/".into(),
            }),
            history: vec![crate::data::dataset::RevisionSummary {
                release: "crime-borough-2026-06".into(),
                previous: "crime-borough-2025-12".into(),
                cells: 1532,
                areas: 33,
                categories: 1,
                months: vec![
                    crate::data::dataset::MonthRevision {
                        month: m("2024-07"),
                        cells: 1500,
                        before: 82_562,
                        after: 80_372,
                    },
                    crate::data::dataset::MonthRevision {
                        month: m("2025-01"),
                        cells: 32,
                        before: 73_133,
                        after: 74_690,
                    },
                ],
            }],
            release: String::new(),
            ward_vintage: None,
            older_wards: Vec::new(),
            older_view: None,
        }
    }

    #[test]
    fn the_catalogue_describes_each_dataset_from_the_manifest() {
        let entries = catalogue(&manifest());
        let ids: Vec<&str> = entries.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["crime-borough", "crime-ward", "stops", "boundaries", "population"]);
        let borough = &entries[0];
        assert_eq!(borough.period, "April 2010 to June 2026");
        assert_eq!(
            borough.releases[1],
            "The file with figures to June 2026 (“MPS Borough Level Crime (most recent 24 months).csv”, 1,234 \
             rows): months used July 2024 to June 2026."
        );
        assert!(entries[1].caveats.iter().any(|c| c.starts_with("Ward figures do not add up to borough figures")));
        // The version history: what the newest file changed, with London's totals before and after.
        assert_eq!(
            borough.history[0].summary,
            "The file with figures to June 2026 changed 1,532 figures of the file with figures to December 2025, in \
             2 months from July 2024 to January 2025, 33 areas and 1 category."
        );
        assert_eq!(
            borough.history[0].table.head,
            ["Month", "Figures revised", "Before (file to December 2025)", "After (file to June 2026)", "Change"]
        );
        assert_eq!(
            borough.history[0].table.rows,
            [["Jul 2024", "1,500", "82,562", "80,372", "−2,190"], ["Jan 2025", "32", "73,133", "74,690", "+1,557"]]
        );
        assert!(entries[1].history.is_empty());
        assert!(entries[2].caveats.iter().any(|c| c.contains("December 2022 (days 1 to 17 only)")));
        assert!(entries[2].releases[0].ends_with("September 2023 to August 2024 and September 2022 to August 2023."));
        for e in &entries {
            assert!(!e.sources.is_empty() && e.sources.iter().all(|l| l.url.starts_with("https://")), "{}", e.id);
            assert!(!e.caveats.is_empty(), "{}", e.id);
        }
        // Boundaries and Census figures carry the attribution their licence asks for.
        assert!(entries[3].attribution.as_deref().is_some_and(|a| a.contains("Ordnance Survey")));
        assert!(entries[4].attribution.is_some());
    }

    #[test]
    fn the_calendar_applies_each_schedule_to_the_latest_figures() {
        let check = |today: &str, expected: &[(&str, &str, bool)]| {
            let dues = calendar(&manifest(), m(today));
            let got: Vec<(String, String, bool)> =
                dues.iter().map(|d| (d.latest.iso(), d.expected.iso(), d.overdue)).collect();
            let expected: Vec<(String, String, bool)> =
                expected.iter().map(|(a, b, c)| ((*a).to_string(), (*b).to_string(), *c)).collect();
            assert_eq!(got, expected, "on {today}");
        };
        check("2026-08", &[("2026-06", "2026-08", false), ("2025-12", "2026-02", true), ("2024-08", "2024-11", true)]);
        check("2026-09", &[("2026-06", "2026-08", true), ("2025-12", "2026-02", true), ("2024-08", "2024-11", true)]);
    }
}
