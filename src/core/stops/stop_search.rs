//! Stop and search: the dimensions a search is counted by, every label
//! police.uk has used mapped to one value of each, and the UK local month of a
//! search's UTC time.
//!
//! police.uk publishes one row per search, with its time in UTC and the
//! publisher's own labels, which changed over the years (older files add a
//! code such as `(W1)` to ethnic groups and use "Suspect arrested" for
//! "Arrest"). The committed table [`LABELS`] maps each label to one stable
//! value id per [`Dimension`]; an empty field, or a label the table does not
//! know, counts as [`UNKNOWN`] and the reader reports the latter with its file
//! and line. Record-level details never leave `prepare`: only counts do.

use crate::data::figure::Figure;
use crate::data::month::Month;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A dimension a search is counted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Dimension {
    Type,
    Ethnicity,
    OfficerEthnicity,
    Age,
    Gender,
    Legislation,
    Object,
    Outcome,
    Linked,
    Clothing,
}

/// One value of a dimension: a stable id and a plain label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Value {
    pub id: &'static str,
    pub label: &'static str,
}

const fn v(id: &'static str, label: &'static str) -> Value {
    Value { id, label }
}

/// The types of search that are of a person: person dimensions (ethnicity,
/// age, sex) and the cross-tabulation count these only. Vehicle-only searches
/// have no person, and a search of unrecorded type may not.
pub const PERSON_TYPES: [&str; 2] = ["person", "person-and-vehicle"];

/// The value id of an empty field, or of a label the table does not know.
pub const UNKNOWN: &str = "unknown";

const TYPES: &[Value] = &[
    v("person", "Person search"),
    v("person-and-vehicle", "Person and vehicle search"),
    v("vehicle", "Vehicle search"),
    v(UNKNOWN, "Not recorded"),
];
const ETHNICITIES: &[Value] = &[
    v("asian", "Asian or Asian British"),
    v("black", "Black, Black British, Caribbean or African"),
    v("mixed", "Mixed or multiple ethnic groups"),
    v("white", "White"),
    v("other", "Other ethnic group"),
    v("not-stated", "Not stated"),
];
const OFFICER_ETHNICITIES: &[Value] =
    &[v("asian", "Asian"), v("black", "Black"), v("white", "White"), v("other", "Other"), v(UNKNOWN, "Not recorded")];
const AGES: &[Value] = &[
    v("under-10", "Under 10"),
    v("10-17", "10 to 17"),
    v("18-24", "18 to 24"),
    v("25-34", "25 to 34"),
    v("over-34", "Over 34"),
    v(UNKNOWN, "Not recorded"),
];
const GENDERS: &[Value] = &[v("male", "Male"), v("female", "Female"), v("other", "Other"), v(UNKNOWN, "Not recorded")];
const LEGISLATION: &[Value] = &[
    v("misuse-of-drugs-s23", "Misuse of Drugs Act 1971, section 23"),
    v("pace-s1", "Police and Criminal Evidence Act 1984, section 1"),
    v("cjpoa-s60", "Criminal Justice and Public Order Act 1994, section 60"),
    v("firearms-s47", "Firearms Act 1968, section 47"),
    v("other", "Other legislation"),
    v(UNKNOWN, "Not recorded"),
];
const OBJECTS: &[Value] = &[
    v("controlled-drugs", "Controlled drugs"),
    v("stolen-goods", "Stolen goods"),
    v("offensive-weapons", "Offensive weapons"),
    v("evidence", "Evidence of offences under the Act"),
    v("harm", "Anything to threaten or harm anyone"),
    v("firearms", "Firearms"),
    v("criminal-damage", "Articles for use in criminal damage"),
    v("fireworks", "Fireworks"),
    v("other", "Something else"),
    v(UNKNOWN, "Not recorded"),
];
const OUTCOMES: &[Value] = &[
    v("arrest", "Arrest"),
    v("summons", "Summons or charged by post"),
    v("caution", "Caution"),
    v("community-resolution", "Community resolution"),
    v("penalty-notice", "Penalty notice for disorder"),
    v("drugs-warning", "Khat or cannabis warning"),
    v("no-further-action", "No further action"),
    v(UNKNOWN, "Not recorded"),
];
const LINKED: &[Value] = &[v("linked", "Linked"), v("not-linked", "Not linked"), v(UNKNOWN, "Not recorded")];
const CLOTHING: &[Value] = &[v("yes", "Yes"), v("no", "No"), v(UNKNOWN, "Not recorded")];

impl Dimension {
    pub const ALL: [Dimension; 10] = [
        Dimension::Type,
        Dimension::Ethnicity,
        Dimension::OfficerEthnicity,
        Dimension::Age,
        Dimension::Gender,
        Dimension::Legislation,
        Dimension::Object,
        Dimension::Outcome,
        Dimension::Linked,
        Dimension::Clothing,
    ];

    /// The police.uk column the dimension is read from.
    pub fn column(self) -> &'static str {
        match self {
            Dimension::Type => "Type",
            Dimension::Ethnicity => "Self-defined ethnicity",
            Dimension::OfficerEthnicity => "Officer-defined ethnicity",
            Dimension::Age => "Age range",
            Dimension::Gender => "Gender",
            Dimension::Legislation => "Legislation",
            Dimension::Object => "Object of search",
            Dimension::Outcome => "Outcome",
            Dimension::Linked => "Outcome linked to object of search",
            Dimension::Clothing => "Removal of more than just outer clothing",
        }
    }

    /// A plain name for headings.
    pub fn label(self) -> &'static str {
        match self {
            Dimension::Type => "Type of search",
            Dimension::Ethnicity => "Ethnic group (as the person described it)",
            Dimension::OfficerEthnicity => "Ethnic group (as the officer described it)",
            Dimension::Age => "Age",
            Dimension::Gender => "Sex or gender",
            Dimension::Legislation => "Power used",
            Dimension::Object => "What was searched for",
            Dimension::Outcome => "Outcome",
            Dimension::Linked => "Outcome linked to what was searched for",
            Dimension::Clothing => "More than outer clothing removed",
        }
    }

    /// Every value, in display order; each ends with [`UNKNOWN`] where a field may
    /// be empty. Self-defined ethnicity has "Not stated" instead.
    pub fn values(self) -> &'static [Value] {
        match self {
            Dimension::Type => TYPES,
            Dimension::Ethnicity => ETHNICITIES,
            Dimension::OfficerEthnicity => OFFICER_ETHNICITIES,
            Dimension::Age => AGES,
            Dimension::Gender => GENDERS,
            Dimension::Legislation => LEGISLATION,
            Dimension::Object => OBJECTS,
            Dimension::Outcome => OUTCOMES,
            Dimension::Linked => LINKED,
            Dimension::Clothing => CLOTHING,
        }
    }

    /// Whether the dimension describes the person searched: it counts only
    /// searches of a person ([`PERSON_TYPES`]).
    pub fn about_the_person(self) -> bool {
        matches!(self, Dimension::Ethnicity | Dimension::OfficerEthnicity | Dimension::Age | Dimension::Gender)
    }

    /// The dimension's token in a link (`breakdown=outcome`).
    pub fn token(self) -> &'static str {
        match self {
            Dimension::Type => "type",
            Dimension::Ethnicity => "ethnicity",
            Dimension::OfficerEthnicity => "officer-ethnicity",
            Dimension::Age => "age",
            Dimension::Gender => "gender",
            Dimension::Legislation => "legislation",
            Dimension::Object => "object",
            Dimension::Outcome => "outcome",
            Dimension::Linked => "linked",
            Dimension::Clothing => "clothing",
        }
    }

    pub fn parse(token: &str) -> Option<Dimension> {
        Dimension::ALL.into_iter().find(|d| d.token() == token)
    }

    /// The index of a value id among [`Dimension::values`].
    pub fn index_of(self, id: &str) -> Option<usize> {
        self.values().iter().position(|v| v.id == id)
    }

    /// The value id of the empty field.
    fn empty(self) -> &'static str {
        match self {
            Dimension::Ethnicity => "not-stated",
            _ => UNKNOWN,
        }
    }
}

/// The committed label table: `(dimension, label as published, value id)`.
/// Labels are compared exactly, after trimming and dropping an older file's
/// trailing code such as ` (W1)`.
pub const LABELS: &[(Dimension, &str, &str)] = &[
    (Dimension::Type, "Person search", "person"),
    (Dimension::Type, "Person and Vehicle search", "person-and-vehicle"),
    (Dimension::Type, "Vehicle search", "vehicle"),
    (Dimension::OfficerEthnicity, "Asian", "asian"),
    (Dimension::OfficerEthnicity, "Black", "black"),
    (Dimension::OfficerEthnicity, "White", "white"),
    (Dimension::OfficerEthnicity, "Other", "other"),
    (Dimension::OfficerEthnicity, "Mixed", "other"),
    (Dimension::Age, "under 10", "under-10"),
    (Dimension::Age, "10-17", "10-17"),
    (Dimension::Age, "18-24", "18-24"),
    (Dimension::Age, "25-34", "25-34"),
    (Dimension::Age, "over 34", "over-34"),
    (Dimension::Gender, "Male", "male"),
    (Dimension::Gender, "Female", "female"),
    (Dimension::Gender, "Other", "other"),
    (Dimension::Legislation, "Misuse of Drugs Act 1971 (section 23)", "misuse-of-drugs-s23"),
    (Dimension::Legislation, "Police and Criminal Evidence Act 1984 (section 1)", "pace-s1"),
    (Dimension::Legislation, "Criminal Justice and Public Order Act 1994 (section 60)", "cjpoa-s60"),
    (Dimension::Legislation, "Firearms Act 1968 (section 47)", "firearms-s47"),
    (Dimension::Legislation, "Police and Criminal Evidence Act 1984 (section 6)", "other"),
    (Dimension::Legislation, "Terrorism Act 2000 (section 47A)", "other"),
    (Dimension::Legislation, "Terrorism Act 2000 (section 43)", "other"),
    (Dimension::Legislation, "Terrorism Act 2000 (section 43A)", "other"),
    (Dimension::Legislation, "Psychoactive Substances Act 2016 (s36(2))", "other"),
    (Dimension::Legislation, "Psychoactive Substances Act 2016 (s37(2))", "other"),
    (Dimension::Legislation, "Customs and Excise Management Act 1979 (section 163)", "other"),
    (Dimension::Legislation, "Aviation Security Act 1982 (section 27(1))", "other"),
    (Dimension::Legislation, "Sporting Events (Control of Alcohol etc.) Act 1985 (section 7)", "other"),
    (Dimension::Legislation, "Crossbows Act 1987 (section 4)", "other"),
    (Dimension::Legislation, "Wildlife and Countryside Act 1981 (section 19)", "other"),
    (Dimension::Legislation, "Deer Act 1991 (section 12)", "other"),
    (Dimension::Legislation, "Poaching Prevention Act 1862 (section 2)", "other"),
    (Dimension::Legislation, "Conservation of Seals Act 1970 (section 4)", "other"),
    (Dimension::Legislation, "Public Stores Act 1875 (section 6)", "other"),
    (Dimension::Legislation, "Environmental Protection Act 1990 (section 34B )", "other"),
    // Older files' powers, no longer in use or since renamed.
    (Dimension::Legislation, "Criminal Justice Act 1988 (section 139B)", "other"),
    (Dimension::Legislation, "Terrorism Act 2000 (section 44)", "other"),
    (Dimension::Object, "Controlled drugs", "controlled-drugs"),
    (Dimension::Object, "Stolen goods", "stolen-goods"),
    (Dimension::Object, "Offensive weapons", "offensive-weapons"),
    (Dimension::Object, "Evidence of offences under the Act", "evidence"),
    (Dimension::Object, "Anything to threaten or harm anyone", "harm"),
    (Dimension::Object, "Firearms", "firearms"),
    (Dimension::Object, "Articles for use in criminal damage", "criminal-damage"),
    (Dimension::Object, "Fireworks", "fireworks"),
    (Dimension::Object, "Article for use in theft", "other"),
    (Dimension::Object, "Evidence of wildlife offences", "other"),
    (Dimension::Object, "Psychoactive substances", "other"),
    (Dimension::Object, "Goods on which duty has not been paid etc.", "other"),
    (Dimension::Object, "Game or poaching equipment", "other"),
    (Dimension::Object, "Seals or hunting equipment", "other"),
    (Dimension::Object, "Crossbows", "other"),
    (Dimension::Object, "Detailed object of search unavailable", UNKNOWN),
    (Dimension::Outcome, "Arrest", "arrest"),
    (Dimension::Outcome, "Suspect arrested", "arrest"),
    (Dimension::Outcome, "Summons / charged by post", "summons"),
    (Dimension::Outcome, "Suspect summonsed to court", "summons"),
    (Dimension::Outcome, "Caution (simple or conditional)", "caution"),
    (Dimension::Outcome, "Offender cautioned", "caution"),
    (Dimension::Outcome, "Community resolution", "community-resolution"),
    (Dimension::Outcome, "Local resolution", "community-resolution"),
    (Dimension::Outcome, "Penalty Notice for Disorder", "penalty-notice"),
    (Dimension::Outcome, "Offender given penalty notice", "penalty-notice"),
    (Dimension::Outcome, "Khat or Cannabis warning", "drugs-warning"),
    (Dimension::Outcome, "Offender given drugs possession warning", "drugs-warning"),
    (Dimension::Outcome, "A no further action disposal", "no-further-action"),
    (Dimension::Outcome, "Nothing found - no further action", "no-further-action"),
    (Dimension::Outcome, "Article found - Detailed outcome unavailable", UNKNOWN),
    (Dimension::Linked, "True", "linked"),
    (Dimension::Linked, "False", "not-linked"),
    (Dimension::Clothing, "True", "yes"),
    (Dimension::Clothing, "False", "no"),
];

/// Self-defined ethnicity labels are "<group> - <detail>"; the group decides.
const ETHNIC_GROUPS: &[(&str, &str)] = &[
    ("Asian/Asian British", "asian"),
    ("Asian or Asian British", "asian"),
    ("Black/African/Caribbean/Black British", "black"),
    ("Black or Black British", "black"),
    ("Mixed/Multiple ethnic groups", "mixed"),
    ("Mixed", "mixed"),
    ("White", "white"),
    ("Other ethnic group", "other"),
    ("Chinese or other ethnic group", "other"),
    // The 2001 Census labels of older files ("Asian - Indian (A1)").
    ("Asian", "asian"),
    ("Black", "black"),
];

/// Drops an older file's trailing code, e.g. `"White - Irish (W2)"` → `"White - Irish"`.
fn without_code(label: &str) -> &str {
    let label = label.trim();
    match label.rfind(" (") {
        Some(i)
            if label.ends_with(')')
                && label[i + 2..label.len() - 1].len() <= 3
                && label[i + 2..label.len() - 1].bytes().all(|b| b.is_ascii_alphanumeric()) =>
        {
            &label[..i]
        }
        _ => label,
    }
}

/// The value id of a published label, or `None` for a label the table does not know.
pub fn value_of(dimension: Dimension, label: &str) -> Option<&'static str> {
    let label = without_code(label);
    if label.is_empty() {
        return Some(dimension.empty());
    }
    if dimension == Dimension::Ethnicity {
        let (group, detail) = label.split_once(" - ").unwrap_or((label, ""));
        if (group == "Other ethnic group" && detail.eq_ignore_ascii_case("Not stated"))
            || group.eq_ignore_ascii_case("Not stated")
        {
            return Some("not-stated");
        }
        return ETHNIC_GROUPS.iter().find(|(g, _)| *g == group).map(|(_, id)| *id);
    }
    LABELS.iter().find(|(d, l, _)| *d == dimension && *l == label).map(|(_, _, id)| *id)
}

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date `(year, month, day)` of a day number since 1970-01-01.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = u32::try_from(doy - (153 * mp + 2) / 5 + 1).unwrap_or(1);
    let month = u32::try_from(if mp < 10 { mp + 3 } else { mp - 9 }).unwrap_or(1);
    (if month <= 2 { yoe + era * 400 + 1 } else { yoe + era * 400 }, month, day)
}

/// Seconds since 1970-01-01T00:00Z of an ISO 8601 time with an offset, e.g.
/// `2024-08-01T00:05:00+00:00` (seconds and fractions optional, `Z` allowed).
pub fn parse_time(text: &str) -> Option<i64> {
    let text = text.trim();
    let (date, rest) = text.split_once('T')?;
    let mut d = date.splitn(3, '-');
    let (year, month, day): (i64, u32, u32) =
        (d.next()?.parse().ok()?, d.next()?.parse().ok()?, d.next()?.parse().ok()?);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let (clock, offset) = if let Some(c) = rest.strip_suffix('Z') {
        (c, 0)
    } else {
        let i = rest.rfind(['+', '-'])?;
        let (h, m) = rest[i + 1..].split_once(':')?;
        let minutes = h.parse::<i64>().ok()? * 60 + m.parse::<i64>().ok()?;
        (&rest[..i], if rest.as_bytes()[i] == b'-' { -minutes } else { minutes })
    };
    let mut c = clock.split(':');
    let hour: i64 = c.next()?.parse().ok()?;
    let minute: i64 = c.next()?.parse().ok()?;
    let second: f64 = c.next().map_or(Some(0.0), |s| s.parse().ok())?;
    if hour > 23 || minute > 59 || !(0.0..61.0).contains(&second) {
        return None;
    }
    #[allow(clippy::cast_possible_truncation)]
    let second = second as i64;
    Some(days_from_civil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - offset * 60)
}

/// The last Sunday of a month, as a day number since 1970-01-01.
fn last_sunday(year: i64, month: u32) -> i64 {
    let next = if month == 12 { days_from_civil(year + 1, 1, 1) } else { days_from_civil(year, month + 1, 1) };
    let last = next - 1;
    // 1970-01-01 was a Thursday: day 0 → weekday 4 (Sunday = 0).
    last - (last + 4).rem_euclid(7)
}

/// The UK local date `(year, month, day)` of a UTC time: British Summer Time
/// (UTC+1) runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on the
/// last Sunday of October.
pub fn uk_local_date(utc_seconds: i64) -> (i64, u32, u32) {
    let (year, _, _) = civil_from_days(utc_seconds.div_euclid(86_400));
    let start = last_sunday(year, 3) * 86_400 + 3600;
    let end = last_sunday(year, 10) * 86_400 + 3600;
    let local = if (start..end).contains(&utc_seconds) { utc_seconds + 3600 } else { utc_seconds };
    civil_from_days(local.div_euclid(86_400))
}

/// The UK local month of a UTC time.
pub fn uk_month(utc_seconds: i64) -> Option<Month> {
    let (year, month, _) = uk_local_date(utc_seconds);
    Month::new(u16::try_from(year).ok()?, u8::try_from(month).ok()?)
}

/// The number of days in a month.
pub fn days_in(month: Month) -> u32 {
    let (y, m) = (i64::from(month.year()), u32::from(month.month()));
    let next = if m == 12 { days_from_civil(y + 1, 1, 1) } else { days_from_civil(y, m + 1, 1) };
    u32::try_from(next - days_from_civil(y, m, 1)).unwrap_or(30)
}

/// Whether a file's searches cover its whole month: a month whose first or last
/// search is more than two days from the month's ends is partial (police.uk's
/// December 2022 file for the Met stops on the 17th).
pub fn covers_month(month: Month, first_day: u32, last_day: u32) -> bool {
    first_day <= 3 && last_day + 2 >= days_in(month)
}

pub use crate::data::month::PartialMonth;

/// One place in a stop-and-search file: London, a borough, a ward, or the
/// searches without a place of their own ([`NO_LOCATION`], [`OUTSIDE`], and a
/// borough's searches in none of its wards).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StopArea {
    pub code: String,
    pub name: String,
    /// The area this one is part of; an area's searches are the sum of its parts'.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
}

/// London-wide.
pub const LONDON: &str = "london";
/// Searches without a location.
pub const NO_LOCATION: &str = "no-location";
/// Searches located outside every borough.
pub const OUTSIDE: &str = "outside-london";
/// The code of a borough's searches in none of its wards.
pub fn no_ward(borough: &str) -> String {
    format!("{borough}-no-ward")
}

/// Counts of one value of a dimension, one per area; `None` is suppressed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValueCounts {
    pub value: String,
    pub counts: Vec<Option<u32>>,
}

/// Every value of one dimension.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DimensionCounts {
    pub dimension: Dimension,
    pub values: Vec<ValueCounts>,
}

/// The counts of one 12-month period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodCounts {
    pub period: crate::data::month::Period,
    /// Searches per area (totals are not suppressed unless needed to protect another count).
    pub searches: Vec<Option<u32>>,
    pub dimensions: Vec<DimensionCounts>,
}

/// A stop-and-search data file: protected counts only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StopsFile {
    pub schema: u32,
    /// Counts of 1 to `threshold - 1` searches are suppressed (`null`).
    pub threshold: u32,
    pub first: Month,
    pub months: usize,
    pub partial: Vec<PartialMonth>,
    pub areas: Vec<StopArea>,
    /// Searches per area and month.
    pub searches: Vec<Vec<Option<u32>>>,
    /// Arrests per area and month, for areas published by month (`None` for the others).
    pub arrests: Vec<Option<Vec<Option<u32>>>>,
    pub periods: Vec<PeriodCounts>,
    /// Usual residents (Census 2021) by high-level ethnic group, for London and
    /// the boroughs (`None` for the other areas).
    #[serde(default)]
    pub residents: Vec<Option<BTreeMap<String, u32>>>,
}

/// Below this many searches of a group (or of the White group), no
/// disproportionality ratio is given: a ratio of small counts swings widely by chance.
pub const MIN_SEARCHES_FOR_RATIO: u32 = 50;

/// Searches of one ethnic group set against its residents.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupRate {
    /// The group's value id (`asian`, `black`, `mixed`, `white`, `other`).
    pub group: &'static str,
    pub searches: Figure,
    pub residents: Option<u32>,
    /// Searches per 1,000 residents of the group.
    pub rate: Figure,
    /// The group's rate divided by the White group's rate; `Missing` when either
    /// group has fewer than [`MIN_SEARCHES_FOR_RATIO`] searches.
    pub ratio: Figure,
}

/// Rates per 1,000 residents and disproportionality ratios against the White
/// group, from a period's self-defined ethnicity counts (`(value id, count)`,
/// `None` = suppressed) and the area's residents by group. "Not stated" has no
/// residents and no rate.
pub fn group_rates(counts: &[(String, Option<u32>)], residents: &BTreeMap<String, u32>) -> Vec<GroupRate> {
    let searches = |id: &str| match counts.iter().find(|(v, _)| v == id) {
        Some((_, Some(n))) => Figure::Known(f64::from(*n)),
        Some((_, None)) => Figure::Suppressed,
        None => Figure::Missing,
    };
    let rate = |id: &str| match (searches(id), residents.get(id)) {
        (Figure::Known(n), Some(&r)) if r > 0 => Figure::Known(n * 1000.0 / f64::from(r)),
        (Figure::Suppressed, Some(_)) => Figure::Suppressed,
        _ => Figure::Missing,
    };
    let enough = |id: &str| searches(id).known().is_some_and(|n| n >= f64::from(MIN_SEARCHES_FOR_RATIO));
    let white = rate("white");
    ETHNICITIES
        .iter()
        .filter(|v| v.id != "not-stated")
        .map(|v| {
            let ratio = match (rate(v.id), white) {
                (Figure::Known(r), Figure::Known(w)) if w > 0.0 && enough(v.id) && enough("white") => {
                    Figure::Known(r / w)
                }
                (Figure::Suppressed, _) | (_, Figure::Suppressed) => Figure::Suppressed,
                _ => Figure::Missing,
            };
            GroupRate {
                group: v.id,
                searches: searches(v.id),
                residents: residents.get(v.id).copied(),
                rate: rate(v.id),
                ratio,
            }
        })
        .collect()
}

#[cfg(feature = "parse")]
pub use read::{read, Search, StopFile, UnknownLabel};

#[cfg(feature = "parse")]
mod read {
    use super::{parse_time, uk_local_date, value_of, Dimension, UNKNOWN};
    use crate::crime::crime_csv::{Error, Lines};
    use crate::data::month::Month;

    /// One search, reduced to what is counted: its UK local month and day, its
    /// place (WGS84 latitude and longitude) when recorded, and its value index
    /// in each [`Dimension`] (in the order of [`Dimension::ALL`]).
    #[derive(Clone, Debug, PartialEq)]
    pub struct Search {
        pub month: Month,
        pub day: u32,
        pub place: Option<(f64, f64)>,
        pub values: [u8; 10],
    }

    /// A label the table does not know, where it was first seen and how often.
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub struct UnknownLabel {
        pub dimension: Dimension,
        pub label: String,
        pub line: u64,
        pub count: usize,
    }

    /// A parsed police.uk stop-and-search file.
    #[derive(Clone, Debug, PartialEq, Default)]
    pub struct StopFile {
        pub searches: Vec<Search>,
        pub unknown: Vec<UnknownLabel>,
    }

    fn error(line: u64, column: Option<&str>, message: impl Into<String>) -> Error {
        Error { line, column: column.map(str::to_string), message: message.into() }
    }

    /// Parses a whole file. Columns are found by name; a missing column, a bad
    /// time or a bad coordinate is an error naming the line and column.
    pub fn read(bytes: &[u8]) -> Result<StopFile, Error> {
        let lines = Lines::new(bytes);
        let mut csv = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(bytes);
        let mut records = csv.records();
        let header: Vec<String> = match records.next() {
            Some(Ok(r)) => r.iter().map(|s| s.trim_start_matches('\u{feff}').trim().to_string()).collect(),
            Some(Err(e)) => return Err(error(1, None, format!("unreadable header: {e}"))),
            None => return Err(error(1, None, "the file is empty")),
        };
        let column = |name: &str| {
            header
                .iter()
                .position(|h| h == name)
                .ok_or_else(|| error(1, None, format!("expected a column {name:?}; the header has {header:?}")))
        };
        let (date, lat, lon) = (column("Date")?, column("Latitude")?, column("Longitude")?);
        let dims: Vec<usize> = Dimension::ALL.iter().map(|d| column(d.column())).collect::<Result<_, _>>()?;
        let mut file = StopFile::default();
        for record in records {
            let record = match record {
                Ok(r) => r,
                Err(e) => {
                    let line = e.position().map_or(0, |p| lines.line_at(p.byte()));
                    return Err(error(line, None, format!("not valid CSV: {e}")));
                }
            };
            let line = record.position().map_or(0, |p| lines.line_at(p.byte()));
            if record.len() == 1 && record.get(0).is_some_and(|f| f.trim().is_empty()) {
                continue;
            }
            if record.len() != header.len() {
                return Err(error(
                    line,
                    None,
                    format!("expected {} fields like the header, found {}", header.len(), record.len()),
                ));
            }
            let field = |i: usize| record.get(i).unwrap_or("").trim();
            let time = parse_time(field(date)).ok_or_else(|| {
                error(
                    line,
                    Some("Date"),
                    format!("expected a time like 2024-08-01T00:05:00+00:00, found {:?}", field(date)),
                )
            })?;
            let (year, month, day) = uk_local_date(time);
            let month = u16::try_from(year)
                .ok()
                .and_then(|y| Month::new(y, u8::try_from(month).ok()?))
                .ok_or_else(|| error(line, Some("Date"), format!("time out of range: {:?}", field(date))))?;
            let place = match (field(lat), field(lon)) {
                ("", "") => None,
                (a, b) => {
                    let coordinate = |text: &str, name: &str, limit: f64| {
                        text.parse::<f64>().ok().filter(|v| v.abs() <= limit).ok_or_else(|| {
                            error(line, Some(name), format!("expected a coordinate in degrees, found {text:?}"))
                        })
                    };
                    Some((coordinate(a, "Latitude", 90.0)?, coordinate(b, "Longitude", 180.0)?))
                }
            };
            let mut values = [0u8; 10];
            for (k, (dimension, &i)) in Dimension::ALL.iter().zip(&dims).enumerate() {
                let label = field(i);
                let id = value_of(*dimension, label).unwrap_or_else(|| {
                    match file.unknown.iter_mut().find(|u| u.dimension == *dimension && u.label == label) {
                        Some(u) => u.count += 1,
                        None => file.unknown.push(UnknownLabel {
                            dimension: *dimension,
                            label: label.to_string(),
                            line,
                            count: 1,
                        }),
                    }
                    UNKNOWN
                });
                let index = dimension.index_of(id).unwrap_or(dimension.values().len() - 1);
                values[k] = u8::try_from(index).unwrap_or(u8::MAX);
            }
            file.searches.push(Search { month, day, place, values });
        }
        Ok(file)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_label(dimension: Dimension, label: &str, expected: Option<&str>) {
        assert_eq!(value_of(dimension, label), expected, "{dimension:?} {label:?}");
    }

    #[test]
    fn labels_old_and_new_map_to_one_value() {
        for (dimension, label, expected) in [
            (Dimension::Ethnicity, "White - English/Welsh/Scottish/Northern Irish/British", Some("white")),
            (Dimension::Ethnicity, "White - English/Welsh/Scottish/Northern Irish/British (W1)", Some("white")),
            (Dimension::Ethnicity, "Black/African/Caribbean/Black British - African", Some("black")),
            (Dimension::Ethnicity, "Other ethnic group - Not stated", Some("not-stated")),
            (Dimension::Ethnicity, "Other ethnic group - Arab", Some("other")),
            (Dimension::Ethnicity, "Mixed/Multiple ethnic groups - White and Asian", Some("mixed")),
            (Dimension::Ethnicity, "", Some("not-stated")),
            (Dimension::Ethnicity, "Martian - Any", None),
            // Labels of older files.
            (Dimension::Ethnicity, "Not Stated (NS)", Some("not-stated")),
            (Dimension::Ethnicity, "Other ethnic group - Not stated (NS)", Some("not-stated")),
            (Dimension::Ethnicity, "Asian - Indian (A1)", Some("asian")),
            (Dimension::Ethnicity, "Black - Caribbean (B1)", Some("black")),
            (Dimension::Legislation, "Criminal Justice Act 1988 (section 139B)", Some("other")),
            (Dimension::Legislation, "Terrorism Act 2000 (section 44)", Some("other")),
            (Dimension::OfficerEthnicity, "", Some(UNKNOWN)),
            (Dimension::Outcome, "Suspect arrested", Some("arrest")),
            (Dimension::Outcome, "Arrest", Some("arrest")),
            (Dimension::Outcome, "A no further action disposal", Some("no-further-action")),
            (Dimension::Outcome, "Khat or Cannabis warning", Some("drugs-warning")),
            (Dimension::Outcome, "Transported to the moon", None),
            (Dimension::Legislation, "Terrorism Act 2000 (section 47A)", Some("other")),
            (Dimension::Legislation, "Misuse of Drugs Act 1971 (section 23)", Some("misuse-of-drugs-s23")),
            (Dimension::Age, "over 34", Some("over-34")),
            (Dimension::Linked, "False", Some("not-linked")),
            (Dimension::Clothing, "", Some(UNKNOWN)),
        ] {
            check_label(dimension, label, expected);
        }
    }

    #[test]
    fn every_value_of_the_table_is_a_value_of_its_dimension() {
        for (dimension, label, id) in LABELS {
            assert!(dimension.index_of(id).is_some(), "{dimension:?} {label:?} → {id}");
        }
        for dimension in Dimension::ALL {
            assert!(dimension.index_of(dimension.empty()).is_some(), "{dimension:?}");
        }
    }

    fn check_local(utc: &str, expected: (i64, u32, u32)) {
        assert_eq!(uk_local_date(parse_time(utc).unwrap()), expected, "{utc}");
    }

    #[test]
    fn local_dates_follow_british_summer_time() {
        // August: the file's first rows are 23:xx UTC on the last day of July.
        check_local("2024-07-31T23:05:00+00:00", (2024, 8, 1));
        check_local("2024-07-31T22:59:00+00:00", (2024, 7, 31));
        // BST 2024 began 31 March 01:00 UTC and ended 27 October 01:00 UTC.
        check_local("2024-03-31T00:59:00+00:00", (2024, 3, 31));
        check_local("2024-03-30T23:30:00+00:00", (2024, 3, 30));
        check_local("2024-04-30T23:01:00+00:00", (2024, 5, 1));
        check_local("2024-10-27T00:30:00+00:00", (2024, 10, 27));
        check_local("2024-10-31T23:30:00+00:00", (2024, 10, 31));
        check_local("2023-03-31T23:01:00+00:00", (2023, 4, 1));
        // Winter: UTC is local time.
        check_local("2022-12-31T23:59:00+00:00", (2022, 12, 31));
        check_local("2023-01-01T00:00:00Z", (2023, 1, 1));
        // Other offsets are converted first.
        check_local("2024-08-01T00:30:00+01:00", (2024, 8, 1));
        check_local("2024-12-01T00:30:00+01:00", (2024, 11, 30));
        assert_eq!(parse_time("2024-13-01T00:00:00+00:00"), None);
        assert_eq!(parse_time("yesterday"), None);
    }

    #[test]
    fn civil_dates_round_trip() {
        for days in [-800_000, -1, 0, 1, 19_000, 20_000, 2_932_896] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(days_from_civil(2024, 2, 29) + 1, days_from_civil(2024, 3, 1));
    }

    #[test]
    fn rates_and_ratios_need_enough_searches_and_never_hide_a_suppression() {
        let residents: BTreeMap<String, u32> =
            [("white", 100_000), ("black", 20_000), ("asian", 30_000), ("mixed", 5_000), ("other", 4_000)]
                .map(|(k, v)| (k.to_string(), v))
                .into();
        let counts: Vec<(String, Option<u32>)> = [
            ("asian", Some(60)),
            ("black", Some(200)),
            ("mixed", Some(30)),
            ("white", Some(250)),
            ("other", None),
            ("not-stated", Some(400)),
        ]
        .map(|(k, v)| (k.to_string(), v))
        .into();
        let rates = group_rates(&counts, &residents);
        let by = |id: &str| rates.iter().find(|r| r.group == id).unwrap().clone();
        assert_eq!(rates.len(), 5);
        // Black: 10 per 1,000 against White's 2.5: four times the rate.
        assert_eq!((by("black").rate, by("black").ratio), (Figure::Known(10.0), Figure::Known(4.0)));
        assert_eq!(by("white").ratio, Figure::Known(1.0));
        assert_eq!(by("asian").ratio, Figure::Known(0.8));
        // 30 searches are too few for a ratio; the rate is still given.
        assert_eq!((by("mixed").rate, by("mixed").ratio), (Figure::Known(6.0), Figure::Missing));
        assert_eq!((by("other").rate, by("other").ratio), (Figure::Suppressed, Figure::Suppressed));
        // No residents: no rate.
        assert_eq!(group_rates(&counts, &BTreeMap::new())[0].rate, Figure::Missing);
    }

    #[test]
    fn partial_months_are_recognised() {
        let dec = Month::new(2022, 12).unwrap();
        assert!(!covers_month(dec, 1, 17));
        assert!(covers_month(dec, 1, 31));
        assert!(covers_month(Month::new(2024, 2).unwrap(), 1, 28));
        assert!(!covers_month(Month::new(2024, 2).unwrap(), 5, 29));
        assert_eq!(days_in(Month::new(2024, 2).unwrap()), 29);
    }

    #[cfg(feature = "parse")]
    #[test]
    fn reads_a_file_with_located_errors_and_unknown_labels() {
        let header = "Type,Date,Part of a policing operation,Policing operation,Latitude,Longitude,Gender,Age range,Self-defined ethnicity,Officer-defined ethnicity,Legislation,Object of search,Outcome,Outcome linked to object of search,Removal of more than just outer clothing\n";
        let good = format!(
            "{header}Person search,2024-07-31T23:10:00+00:00,False,,51.5,-0.12,Male,18-24,White - Irish,White,Misuse of Drugs Act 1971 (section 23),Controlled drugs,Arrest,False,False\n\
             Vehicle search,2024-08-02T10:00:00+00:00,False,,,,Other,,,,Police and Criminal Evidence Act 1984 (section 1),Stolen goods,Sent to Mars,,\n"
        );
        let file = read(good.as_bytes()).unwrap();
        assert_eq!(file.searches.len(), 2);
        let first = &file.searches[0];
        assert_eq!((first.month, first.day, first.place), (Month::new(2024, 8).unwrap(), 1, Some((51.5, -0.12))));
        let value = |s: &Search, d: Dimension| d.values()[usize::from(s.values[d as usize])].id;
        assert_eq!(value(first, Dimension::Ethnicity), "white");
        assert_eq!(value(first, Dimension::Outcome), "arrest");
        let second = &file.searches[1];
        assert_eq!(second.place, None);
        assert_eq!(value(second, Dimension::Ethnicity), "not-stated");
        assert_eq!(value(second, Dimension::Outcome), UNKNOWN);
        assert_eq!(
            file.unknown,
            vec![UnknownLabel { dimension: Dimension::Outcome, label: "Sent to Mars".into(), line: 3, count: 1 }]
        );

        let bad_time = format!("{header}Person search,31/07/2024,False,,51.5,-0.12,Male,18-24,,,,,,,\n");
        let e = read(bad_time.as_bytes()).unwrap_err();
        assert_eq!((e.line, e.column.as_deref()), (2, Some("Date")));
        let bad_place =
            format!("{header}Person search,2024-08-01T10:00:00+00:00,False,,north,-0.12,Male,18-24,,,,,,,\n");
        let e = read(bad_place.as_bytes()).unwrap_err();
        assert_eq!((e.line, e.column.as_deref()), (2, Some("Latitude")));
        let e = read(b"Type,Date\nPerson search,2024-08-01T10:00:00+00:00\n").unwrap_err();
        assert!(e.message.contains("\"Latitude\""), "{e}");
    }
}
