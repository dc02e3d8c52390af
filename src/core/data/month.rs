//! Calendar months, the time unit of every published series.
//!
//! The publishers write months as `YYYYMM` (crime column headers) or `YYYY-MM`
//! (police.uk, our URLs and data files). [`Month`] parses both and orders
//! chronologically; [`Month::index`] turns a month into a dense integer so that a
//! series can be a plain vector.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// One calendar month, e.g. January 2025.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    year: u16,
    /// 1 = January … 12 = December.
    month: u8,
}

const NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Month {
    /// Makes a month, or `None` if `month` is not 1–12 or the year is implausible.
    pub fn new(year: u16, month: u8) -> Option<Month> {
        ((1..=12).contains(&month) && (1900..=2999).contains(&year)).then_some(Month { year, month })
    }

    /// Parses `YYYYMM` (as in crime file headers) or `YYYY-MM`.
    pub fn parse(text: &str) -> Option<Month> {
        let text = text.trim();
        let (year, month) = match text.len() {
            6 => (text.get(0..4)?, text.get(4..6)?),
            7 if text.as_bytes()[4] == b'-' => (text.get(0..4)?, text.get(5..7)?),
            _ => return None,
        };
        if !year.bytes().chain(month.bytes()).all(|b| b.is_ascii_digit()) {
            return None;
        }
        Month::new(year.parse().ok()?, month.parse().ok()?)
    }

    pub fn year(self) -> u16 {
        self.year
    }

    /// 1 = January … 12 = December.
    pub fn month(self) -> u8 {
        self.month
    }

    /// Months since January of year 0: consecutive months have consecutive indices.
    pub fn index(self) -> i32 {
        i32::from(self.year) * 12 + i32::from(self.month) - 1
    }

    /// The inverse of [`Month::index`].
    pub fn from_index(index: i32) -> Option<Month> {
        let year = u16::try_from(index.div_euclid(12)).ok()?;
        let month = u8::try_from(index.rem_euclid(12) + 1).ok()?;
        Month::new(year, month)
    }

    /// The month `n` months later (or earlier, for negative `n`).
    pub fn plus_months(self, n: i32) -> Month {
        Month::from_index(self.index() + n).unwrap_or(self)
    }

    /// Number of months from `self` to `later`, inclusive of both (0 if `later` is earlier).
    pub fn months_through(self, later: Month) -> usize {
        usize::try_from(later.index() - self.index() + 1).unwrap_or(0)
    }

    /// `2025-01`: the form used in URLs and data files.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }

    /// `January 2025`.
    pub fn long_name(self) -> String {
        format!("{} {}", NAMES[usize::from(self.month - 1)], self.year)
    }

    /// `Jan 2025`.
    pub fn short_name(self) -> String {
        format!("{} {}", &NAMES[usize::from(self.month - 1)][..3], self.year)
    }

    /// `January`.
    pub fn month_name(self) -> &'static str {
        NAMES[usize::from(self.month - 1)]
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for Month {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for Month {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Month::parse(&text).ok_or_else(|| serde::de::Error::custom(format!("not a month: {text:?}")))
    }
}

/// An inclusive range of months, `from` ≤ `to`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub from: Month,
    pub to: Month,
}

impl Period {
    /// Makes a period, swapping the ends if they are given in the wrong order.
    pub fn new(a: Month, b: Month) -> Period {
        Period { from: a.min(b), to: a.max(b) }
    }

    pub fn len(self) -> usize {
        self.from.months_through(self.to)
    }

    pub fn is_empty(self) -> bool {
        false
    }

    pub fn contains(self, month: Month) -> bool {
        self.from <= month && month <= self.to
    }

    pub fn months(self) -> impl Iterator<Item = Month> {
        (self.from.index()..=self.to.index()).filter_map(Month::from_index)
    }

    /// The latest 12 months of this period (or all of it, if shorter).
    pub fn latest_year(self) -> Period {
        Period::new(self.to.plus_months(-11).max(self.from), self.to)
    }

    /// This period with the 11 months before it: what 12-month rolling totals
    /// ending in each of its months need.
    pub fn with_year_before(self) -> Period {
        Period::new(self.from.plus_months(-11), self.to)
    }

    /// The same-length period immediately before this one shifted by a year.
    pub fn year_earlier(self) -> Period {
        Period { from: self.from.plus_months(-12), to: self.to.plus_months(-12) }
    }

    /// `January 2025`, `January to December 2025` or `April 2024 to March 2025`.
    pub fn describe(self) -> String {
        if self.from == self.to {
            self.from.long_name()
        } else if self.from.year() == self.to.year() {
            format!("{} to {}", self.from.month_name(), self.to.long_name())
        } else {
            format!("{} to {}", self.from.long_name(), self.to.long_name())
        }
    }

    /// The shorter `Jan–Dec 2025` or `Apr 2024–Mar 2025`.
    pub fn short(self) -> String {
        if self.from == self.to {
            self.from.short_name()
        } else if self.from.year() == self.to.year() {
            format!("{}–{}", &self.from.month_name()[..3], self.to.short_name())
        } else {
            format!("{}–{}", self.from.short_name(), self.to.short_name())
        }
    }
}

/// A month whose file covers only some of its days.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartialMonth {
    pub month: Month,
    pub first_day: u32,
    pub last_day: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Option<&str>) {
        assert_eq!(Month::parse(input).map(Month::iso).as_deref(), expected, "input {input:?}");
    }

    #[test]
    fn parses_both_forms_and_rejects_others() {
        check("202501", Some("2025-01"));
        check("2025-12", Some("2025-12"));
        check(" 201004 ", Some("2010-04"));
        check("202513", None);
        check("202500", None);
        check("2025/01", None);
        check("20251", None);
        check("abcdef", None);
        check("", None);
    }

    #[test]
    fn index_round_trips_and_orders() {
        let a = Month::parse("2024-12").unwrap();
        let b = a.plus_months(1);
        assert_eq!(b.iso(), "2025-01");
        assert_eq!(Month::from_index(a.index()), Some(a));
        assert!(a < b);
        assert_eq!(a.plus_months(-12).iso(), "2023-12");
        assert_eq!(Month::parse("201004").unwrap().months_through(Month::parse("202606").unwrap()), 195);
    }

    #[test]
    fn describes_periods_in_words() {
        let m = |s| Month::parse(s).unwrap();
        assert_eq!(Period::new(m("2025-01"), m("2025-12")).describe(), "January to December 2025");
        assert_eq!(Period::new(m("2025-03"), m("2024-04")).describe(), "April 2024 to March 2025");
        assert_eq!(Period::new(m("2025-03"), m("2025-03")).describe(), "March 2025");
        assert_eq!(Period::new(m("2025-01"), m("2025-12")).short(), "Jan–Dec 2025");
        assert_eq!(Period::new(m("2025-01"), m("2025-12")).len(), 12);
    }
}

/// Consecutive runs of sorted months as periods: `[Jan, Feb, Apr]` → `Jan–Feb`, `Apr`.
pub fn runs(months: &[Month]) -> Vec<Period> {
    let mut out: Vec<Period> = Vec::new();
    for &m in months {
        match out.last_mut() {
            Some(p) if p.to.plus_months(1) == m => p.to = m,
            _ => out.push(Period::new(m, m)),
        }
    }
    out
}

/// Named periods offered as one-click choices, all within the published months.
///
/// * the latest 12 months;
/// * the latest complete calendar year (January–December);
/// * the latest complete financial year (April–March), as police figures are often reported;
/// * every published month.
pub fn presets(available: Period) -> Vec<(String, Period)> {
    let mut out = Vec::new();
    let latest = available.to;
    out.push(("Latest 12 months".to_string(), available.latest_year()));
    // A year is offered only when all of it is published.
    let mut whole = |label: String, from: Option<Month>, to: Option<Month>| {
        if let (Some(from), Some(to)) = (from, to) {
            if available.contains(from) && available.contains(to) {
                out.push((label, Period::new(from, to)));
            }
        }
    };
    let year = if latest.month() == 12 { latest.year() } else { latest.year() - 1 };
    whole(format!("Calendar year {year}"), Month::new(year, 1), Month::new(year, 12));
    let fy = if latest.month() >= 3 { latest.year() } else { latest.year() - 1 };
    whole(format!("Financial year {}/{:02}", fy - 1, fy % 100), Month::new(fy - 1, 4), Month::new(fy, 3));
    out.push(("All published months".to_string(), available));
    out
}

#[cfg(test)]
mod preset_tests {
    use super::*;

    fn check(from: &str, to: &str, expected: &[(&str, &str, &str)]) {
        let p = Period::new(Month::parse(from).unwrap(), Month::parse(to).unwrap());
        let got: Vec<(String, String, String)> =
            presets(p).into_iter().map(|(l, q)| (l, q.from.iso(), q.to.iso())).collect();
        let expected: Vec<(String, String, String)> =
            expected.iter().map(|(l, a, b)| (l.to_string(), a.to_string(), b.to_string())).collect();
        assert_eq!(got, expected, "available {from}..{to}");
    }

    #[test]
    fn presets_stay_within_the_published_months() {
        check(
            "2010-04",
            "2026-06",
            &[
                ("Latest 12 months", "2025-07", "2026-06"),
                ("Calendar year 2025", "2025-01", "2025-12"),
                ("Financial year 2025/26", "2025-04", "2026-03"),
                ("All published months", "2010-04", "2026-06"),
            ],
        );
        check(
            "2024-01",
            "2025-12",
            &[
                ("Latest 12 months", "2025-01", "2025-12"),
                ("Calendar year 2025", "2025-01", "2025-12"),
                ("Financial year 2024/25", "2024-04", "2025-03"),
                ("All published months", "2024-01", "2025-12"),
            ],
        );
        check(
            "2025-06",
            "2026-02",
            &[("Latest 12 months", "2025-06", "2026-02"), ("All published months", "2025-06", "2026-02")],
        );
    }
}
