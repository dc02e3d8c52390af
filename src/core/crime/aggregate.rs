//! Aggregation of monthly series: totals over a period, London totals, rates.
//!
//! London is the sum of every row of the borough file, including the rows that
//! are not a borough (`Unknown`, the airports), so London totals equal the
//! publisher's file. Rates are per 1,000 usual residents (Census 2021).

use crate::data::dataset::{CategorySeries, SeriesFile};
use crate::data::figure::Figure;
use crate::data::month::Period;
use std::collections::HashMap;

/// A count per 1,000 residents; missing without a population.
pub fn per_thousand(count: Figure, population: Option<u32>) -> Figure {
    match population {
        Some(p) if p > 0 => count.map(|c| c * 1000.0 / f64::from(p)),
        _ => Figure::Missing,
    }
}

/// The change from `before` to `now`: (absolute, relative), where the relative
/// change is `None` if the base is below `min_base` (too small to be meaningful).
pub fn change(now: Figure, before: Figure, min_base: f64) -> Option<(f64, Option<f64>)> {
    let (now, before) = (now.known()?, before.known()?);
    let relative = (before >= min_base && before > 0.0).then(|| (now - before) / before);
    Some((now - before, relative))
}

/// Reads one category of a series file: one area, or every row summed
/// (London, for the borough file). The category's series is found once and
/// area rows through an index built once, so reading all 679 wards stays
/// linear; totals are summed as they are read, with nothing allocated.
pub struct Reader<'a> {
    file: &'a SeriesFile,
    category: &'a str,
    series: Option<&'a CategorySeries>,
    index: HashMap<&'a str, usize>,
}

impl<'a> Reader<'a> {
    pub fn new(file: &'a SeriesFile, category: &'a str) -> Reader<'a> {
        Reader { file, category, series: file.series(category), index: file.index() }
    }

    /// For each month of `period`, whether the latest publisher file revised
    /// the figure of area `code`, or of any area when `code` is `None`.
    pub fn revised(&self, code: Option<&str>, period: Period) -> Vec<bool> {
        match code {
            Some(c) => match self.index.get(c) {
                Some(&row) => self.file.row_revised(self.category, Some(row), period),
                None => vec![false; period.len()],
            },
            None => self.file.row_revised(self.category, None, period),
        }
    }

    /// The figures of one area over a period, as they are read.
    fn cells(&self, code: &str, period: Period) -> impl Iterator<Item = Figure> + '_ {
        self.file.cells(self.series, self.index.get(code).copied(), period)
    }

    /// The monthly figures of one area over a period (missing outside the file).
    pub fn monthly(&self, code: &str, period: Period) -> Vec<Figure> {
        self.cells(code, period).collect()
    }

    /// The total of one area over a period (missing if any month is).
    pub fn total(&self, code: &str, period: Period) -> Figure {
        Figure::sum(self.cells(code, period))
    }

    /// London's total over a period: every row, every month.
    pub fn all_total(&self, period: Period) -> Figure {
        Figure::sum(self.all_monthly(period))
    }

    /// Every row summed month by month: London, for the borough file.
    pub fn all_monthly(&self, period: Period) -> Vec<Figure> {
        let mut sums = vec![Figure::Known(0.0); period.len()];
        for row in 0..self.file.areas.len() {
            for (sum, f) in sums.iter_mut().zip(self.file.cells(self.series, Some(row), period)) {
                *sum = sum.plus(f);
            }
        }
        sums
    }
}

/// The series files of a view, as loaded.
#[derive(Clone, Copy)]
pub struct Files<'a> {
    pub borough: &'a SeriesFile,
    /// Required when the scope is at ward level.
    pub ward: Option<&'a SeriesFile>,
}

/// A share as a fraction, unknown if either side is.
pub fn share(count: Figure, of: Figure) -> Figure {
    match (count, of) {
        (Figure::Known(c), Figure::Known(t)) if t > 0.0 => Figure::Known(c / t),
        (Figure::Known(_), Figure::Known(_)) => Figure::Missing,
        (Figure::Suppressed, _) | (_, Figure::Suppressed) => Figure::Suppressed,
        _ => Figure::Missing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::dataset::{CategorySeries, Level, SCHEMA};
    use crate::data::month::Month;

    fn file() -> SeriesFile {
        SeriesFile {
            schema: SCHEMA,
            level: Level::Borough,
            first: Month::parse("2025-01").unwrap(),
            months: 3,
            areas: vec!["A".into(), "B".into(), "MPS-UNKNOWN".into()],
            series: vec![CategorySeries {
                category: "all".into(),
                values: vec![
                    vec![Some(1), Some(2), Some(3)],
                    vec![Some(10), Some(20), None],
                    vec![Some(0), Some(1), Some(0)],
                ],
                revised: vec![],
            }],
        }
    }

    fn period(a: &str, b: &str) -> Period {
        Period::new(Month::parse(a).unwrap(), Month::parse(b).unwrap())
    }

    fn check(area: Option<&str>, p: Period, expected: Figure) {
        let f = file();
        let reader = Reader::new(&f, "all");
        let got = match area {
            Some(a) => reader.total(a, p),
            None => reader.all_total(p),
        };
        assert_eq!(got, expected, "{area:?} {p:?}");
    }

    #[test]
    fn totals_over_periods() {
        check(Some("A"), period("2025-01", "2025-03"), Figure::Known(6.0));
        check(Some("B"), period("2025-01", "2025-02"), Figure::Known(30.0));
        check(Some("B"), period("2025-01", "2025-03"), Figure::Missing);
        check(Some("A"), period("2024-12", "2025-01"), Figure::Missing);
        check(Some("A"), period("2025-03", "2025-04"), Figure::Missing);
        check(Some("A"), period("2026-01", "2026-12"), Figure::Missing);
        check(Some("A"), period("2023-01", "2023-12"), Figure::Missing);
        check(None, period("2025-01", "2025-02"), Figure::Known(34.0));
        check(None, period("2025-03", "2025-03"), Figure::Missing);
        check(Some("Z"), period("2025-01", "2025-01"), Figure::Missing);
    }

    #[test]
    fn monthly_figures_are_missing_outside_the_file() {
        let f = file();
        let reader = Reader::new(&f, "all");
        assert_eq!(
            reader.monthly("B", period("2024-12", "2025-03")),
            [Figure::Missing, Figure::Known(10.0), Figure::Known(20.0), Figure::Missing]
        );
        assert_eq!(reader.all_monthly(period("2025-02", "2025-02")), [Figure::Known(23.0)]);
        assert_eq!(Reader::new(&f, "burglary").monthly("A", period("2025-01", "2025-01")), [Figure::Missing]);
    }

    #[test]
    fn rates_and_changes() {
        assert_eq!(per_thousand(Figure::Known(50.0), Some(200_000)), Figure::Known(0.25));
        assert_eq!(per_thousand(Figure::Known(50.0), None), Figure::Missing);
        assert_eq!(change(Figure::Known(90.0), Figure::Known(100.0), 20.0), Some((-10.0, Some(-0.1))));
        assert_eq!(change(Figure::Known(9.0), Figure::Known(10.0), 20.0), Some((-1.0, None)));
        assert_eq!(change(Figure::Missing, Figure::Known(10.0), 20.0), None);
    }
}
