//! Aggregation of monthly series: totals over a period, London totals, rates.
//!
//! London is the sum of every row of the borough file, including the rows that
//! are not a borough (`Unknown`, the airports), so London totals equal the
//! publisher's file. Rates are per 1,000 usual residents (Census 2021).

use crate::dataset::SeriesFile;
use crate::figure::Figure;
use crate::month::{Month, Period};
use std::collections::HashMap;

/// The monthly figures of one area and category over a period.
pub fn monthly(file: &SeriesFile, category: &str, area: &str, period: Period) -> Vec<Figure> {
    period.months().map(|m| file.figure(category, area, m)).collect()
}

/// The total of one area and category over a period (missing if any month is).
pub fn total(file: &SeriesFile, category: &str, area: &str, period: Period) -> Figure {
    Figure::sum(period.months().map(|m| file.figure(category, area, m)))
}

/// London's figure for one month: the sum over every row of the file.
pub fn london_month(file: &SeriesFile, category: &str, month: Month) -> Figure {
    Figure::sum(file.areas.iter().map(|a| file.figure(category, a, month)))
}

/// London's monthly figures over a period.
pub fn london_monthly(file: &SeriesFile, category: &str, period: Period) -> Vec<Figure> {
    period.months().map(|m| london_month(file, category, m)).collect()
}

/// London's total over a period.
pub fn london_total(file: &SeriesFile, category: &str, period: Period) -> Figure {
    Figure::sum(period.months().map(|m| london_month(file, category, m)))
}

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

/// Reads one category of a series file for many areas.
pub struct Reader<'a> {
    file: &'a SeriesFile,
    category: &'a str,
    index: HashMap<&'a str, usize>,
}

impl<'a> Reader<'a> {
    pub fn new(file: &'a SeriesFile, category: &'a str) -> Reader<'a> {
        Reader { file, category, index: file.index() }
    }

    pub fn monthly(&self, code: &str, period: Period) -> Vec<Figure> {
        self.file.row_figures(self.category, self.index.get(code).copied(), period)
    }

    pub fn total(&self, code: &str, period: Period) -> Figure {
        Figure::sum(self.monthly(code, period))
    }

    /// Every row summed month by month: London, for the borough file.
    pub fn all_monthly(&self, period: Period) -> Vec<Figure> {
        let mut sums = vec![Figure::Known(0.0); period.len()];
        for row in 0..self.file.areas.len() {
            for (sum, f) in sums.iter_mut().zip(self.file.row_figures(self.category, Some(row), period)) {
                *sum = sum.plus(f);
            }
        }
        sums
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::{CategorySeries, Level, SCHEMA};

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
            }],
        }
    }

    fn period(a: &str, b: &str) -> Period {
        Period::new(Month::parse(a).unwrap(), Month::parse(b).unwrap())
    }

    fn check(area: Option<&str>, p: Period, expected: Figure) {
        let f = file();
        let got = match area {
            Some(a) => total(&f, "all", a, p),
            None => london_total(&f, "all", p),
        };
        assert_eq!(got, expected, "{area:?} {p:?}");
    }

    #[test]
    fn totals_over_periods() {
        check(Some("A"), period("2025-01", "2025-03"), Figure::Known(6.0));
        check(Some("B"), period("2025-01", "2025-02"), Figure::Known(30.0));
        check(Some("B"), period("2025-01", "2025-03"), Figure::Missing);
        check(Some("A"), period("2024-12", "2025-01"), Figure::Missing);
        check(None, period("2025-01", "2025-02"), Figure::Known(34.0));
        check(None, period("2025-03", "2025-03"), Figure::Missing);
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
