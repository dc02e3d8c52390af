//! Merging successive releases into one monthly series, recording revisions.
//!
//! The MPS republishes the latest 24 months every month and revises past months
//! (both up and down). The merged series takes each month from the **newest
//! release that covers it fully**; a release's last month is not "full" when it
//! looks like a stub (its London total is under [`STUB_SHARE`] of the median of
//! the six months before it). Every cell that differs between two releases
//! covering the same month is a [`Revision`].
//!
//! Within a release, an area × category without a row had no offences (0). A
//! category that no row of a release mentions was not published then: its cells
//! are unknown (`None`), not zero.

use crate::category;
use crate::dataset::{MonthRevision, RevisionSummary};
use crate::month::{Month, Period};
use std::collections::{BTreeMap, BTreeSet};

/// A last month below this share of the recent median is treated as partial.
pub const STUB_SHARE: f64 = 0.6;

/// One release as a table of monthly counts per (category, area).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReleaseTable {
    /// E.g. `crime-borough-2025-12`.
    pub id: String,
    pub period: Option<Period>,
    /// Counts per (category id, area code): leaf (minor) categories, majors and `all`.
    pub cells: BTreeMap<(String, String), Vec<u32>>,
    /// Leaf (minor) category ids present in the release.
    pub leaves: BTreeSet<String>,
    /// Every category id present (leaves, their majors and `all`).
    pub categories: BTreeSet<String>,
}

impl ReleaseTable {
    pub fn new(id: &str, period: Period) -> ReleaseTable {
        ReleaseTable { id: id.to_string(), period: Some(period), ..ReleaseTable::default() }
    }

    fn add_to(&mut self, category: &str, area: &str, counts: &[u32]) {
        let cell = self.cells.entry((category.to_string(), area.to_string())).or_insert_with(|| vec![0; counts.len()]);
        for (c, v) in cell.iter_mut().zip(counts) {
            *c += v;
        }
        self.categories.insert(category.to_string());
    }

    /// Adds one published row; its counts also go into its major category and `all`.
    pub fn add_row(&mut self, area: &str, major: &str, minor: &str, counts: &[u32]) {
        let (major_id, leaf, _) = crate::categories::resolve(major, minor);
        self.leaves.insert(leaf.clone());
        self.add_to(&leaf, area, counts);
        self.add_to(&major_id, area, counts);
        self.add_to(category::ALL, area, counts);
    }

    /// The published value of a cell: 0 without a row, `None` if the category
    /// is absent from the release or the month outside it.
    pub fn value(&self, category: &str, area: &str, month: Month) -> Option<u32> {
        let period = self.period?;
        if !period.contains(month) || !self.categories.contains(category) {
            return None;
        }
        let i = usize::try_from(month.index() - period.from.index()).ok()?;
        Some(self.cells.get(&(category.to_string(), area.to_string())).map_or(0, |v| v[i]))
    }

    /// London's total of all categories per month.
    fn london(&self) -> Vec<u64> {
        let n = self.period.map_or(0, Period::len);
        let mut totals = vec![0u64; n];
        for ((cat, _), counts) in &self.cells {
            if cat == category::ALL {
                for (t, c) in totals.iter_mut().zip(counts) {
                    *t += u64::from(*c);
                }
            }
        }
        totals
    }

    /// Whether the last month looks like a stub (far below the recent median).
    pub fn last_month_is_partial(&self) -> bool {
        let totals = self.london();
        let Some((&last, before)) = totals.split_last() else {
            return false;
        };
        let mut recent: Vec<u64> = before.iter().rev().take(6).copied().collect();
        if recent.len() < 3 {
            return false;
        }
        recent.sort_unstable();
        let median = recent[recent.len() / 2] as f64;
        (last as f64) < STUB_SHARE * median
    }

    /// The months this release covers fully.
    pub fn full_period(&self) -> Option<Period> {
        let p = self.period?;
        if self.last_month_is_partial() {
            (p.len() > 1).then(|| Period::new(p.from, p.to.plus_months(-1)))
        } else {
            Some(p)
        }
    }
}

/// A cell whose value changed from one release to the next.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Revision {
    /// The newer release.
    pub release: String,
    pub previous: String,
    pub month: Month,
    pub area: String,
    /// A leaf (minor) category id.
    pub category: String,
    pub old: u32,
    pub new: u32,
}

/// Releases merged into one series.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    pub period: Period,
    pub areas: Vec<String>,
    /// Every category id, sorted.
    pub categories: Vec<String>,
    /// `values[(category, area)][month index]`.
    pub values: BTreeMap<(String, String), Vec<Option<u32>>>,
    /// For each release id, the months taken from it.
    pub used: BTreeMap<String, Vec<Period>>,
    pub revisions: Vec<Revision>,
    /// What each release changed in the one before it, oldest first.
    pub history: Vec<RevisionSummary>,
    /// The newest release's id.
    pub latest: String,
}

/// Consecutive runs of months as periods.
fn runs(months: &[Month]) -> Vec<Period> {
    let mut out: Vec<Period> = Vec::new();
    for &m in months {
        match out.last_mut() {
            Some(p) if p.to.plus_months(1) == m => p.to = m,
            _ => out.push(Period::new(m, m)),
        }
    }
    out
}

/// Merges releases of one level. Releases are ordered oldest to newest by their
/// last month (ties by id); each month comes from the newest that covers it fully.
pub fn merge(releases: &[ReleaseTable]) -> Option<Merged> {
    let mut order: Vec<&ReleaseTable> = releases.iter().filter(|r| r.period.is_some()).collect();
    order.sort_by(|a, b| (a.period.map(|p| p.to), &a.id).cmp(&(b.period.map(|p| p.to), &b.id)));
    let from = order.iter().filter_map(|r| r.full_period()).map(|p| p.from).min()?;
    let to = order.iter().filter_map(|r| r.full_period()).map(|p| p.to).max()?;
    let period = Period::new(from, to);
    let areas: BTreeSet<&String> = order.iter().flat_map(|r| r.cells.keys().map(|(_, a)| a)).collect();
    let categories: BTreeSet<&String> = order.iter().flat_map(|r| r.categories.iter()).collect();

    let mut values: BTreeMap<(String, String), Vec<Option<u32>>> = BTreeMap::new();
    let mut used: BTreeMap<String, Vec<Month>> = BTreeMap::new();
    for (i, month) in period.months().enumerate() {
        let Some(source) = order.iter().rev().find(|r| r.full_period().is_some_and(|p| p.contains(month))) else {
            continue;
        };
        used.entry(source.id.clone()).or_default().push(month);
        for cat in &categories {
            for area in &areas {
                let v = source.value(cat, area, month);
                let cell = values.entry(((*cat).clone(), (*area).clone())).or_insert_with(|| vec![None; period.len()]);
                cell[i] = v;
            }
        }
    }

    let mut revisions = Vec::new();
    let mut history = Vec::new();
    for pair in order.windows(2) {
        let (old, new) = (pair[0], pair[1]);
        let (Some(po), Some(pn)) = (old.period, new.period) else { continue };
        let first = revisions.len();
        let overlap: Vec<Month> = po.months().filter(|m| pn.contains(*m)).collect();
        for cat in old.leaves.intersection(&new.leaves) {
            for area in &areas {
                for &month in &overlap {
                    if let (Some(a), Some(b)) = (old.value(cat, area, month), new.value(cat, area, month)) {
                        if a != b {
                            revisions.push(Revision {
                                release: new.id.clone(),
                                previous: old.id.clone(),
                                month,
                                area: (*area).clone(),
                                category: cat.clone(),
                                old: a,
                                new: b,
                            });
                        }
                    }
                }
            }
        }
        history.push(summary(old, new, &revisions[first..]));
    }
    Some(Merged {
        period,
        areas: areas.into_iter().cloned().collect(),
        categories: categories.into_iter().cloned().collect(),
        values,
        used: used.into_iter().map(|(k, v)| (k, runs(&v))).collect(),
        revisions,
        history,
        latest: order.last().map(|r| r.id.clone()).unwrap_or_default(),
    })
}

/// What `new` changed in `old`: its revised figures counted by month, with
/// London's total of all crimes for each of those months in both.
fn summary(old: &ReleaseTable, new: &ReleaseTable, changed: &[Revision]) -> RevisionSummary {
    let mut by_month: BTreeMap<Month, usize> = BTreeMap::new();
    for r in changed {
        *by_month.entry(r.month).or_default() += 1;
    }
    let total = |table: &ReleaseTable, month: Month| -> u64 {
        let Some(p) = table.period else { return 0 };
        let i = usize::try_from(month.index() - p.from.index()).unwrap_or(usize::MAX);
        table.london().get(i).copied().unwrap_or(0)
    };
    RevisionSummary {
        release: new.id.clone(),
        previous: old.id.clone(),
        cells: changed.len(),
        areas: changed.iter().map(|r| &r.area).collect::<BTreeSet<_>>().len(),
        categories: changed.iter().map(|r| &r.category).collect::<BTreeSet<_>>().len(),
        months: by_month
            .into_iter()
            .map(|(month, cells)| MonthRevision { month, cells, before: total(old, month), after: total(new, month) })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Month {
        Month::parse(s).unwrap()
    }

    /// A release of `months` months from `from`, with rows (area, major, minor, counts).
    fn release(id: &str, from: &str, months: i32, rows: &[(&str, &str, &str, &[u32])]) -> ReleaseTable {
        let start = m(from);
        let mut r = ReleaseTable::new(id, Period::new(start, start.plus_months(months - 1)));
        for (area, major, minor, counts) in rows {
            r.add_row(area, major, minor, counts);
        }
        r
    }

    fn check(merged: &Merged, category: &str, area: &str, expected: &[Option<u32>]) {
        let got = merged.values.get(&(category.to_string(), area.to_string()));
        assert_eq!(got.map(Vec::as_slice), Some(expected), "{category} {area}");
    }

    #[test]
    fn newest_release_wins_and_revisions_are_recorded() {
        let old = release(
            "r1",
            "2024-01",
            3,
            &[("A", "THEFT", "SHOPLIFTING", &[1, 2, 3]), ("B", "THEFT", "OTHER THEFT", &[5, 5, 5])],
        );
        let new = release(
            "r2",
            "2024-02",
            3,
            &[("A", "Theft", "Shoplifting", &[2, 4, 6]), ("B", "THEFT", "OTHER THEFT", &[5, 5, 5])],
        );
        // Given newest first, to show order does not matter.
        let merged = merge(&[new, old]).unwrap();
        assert_eq!(merged.period, Period::new(m("2024-01"), m("2024-04")));
        check(&merged, "theft/shoplifting", "A", &[Some(1), Some(2), Some(4), Some(6)]);
        check(&merged, "theft", "A", &[Some(1), Some(2), Some(4), Some(6)]);
        check(&merged, "all", "B", &[Some(5); 4]);
        let revised: Vec<_> = merged.revisions.iter().map(|r| (r.month.iso(), r.area.as_str(), r.old, r.new)).collect();
        assert_eq!(revised, [("2024-03".to_string(), "A", 3, 4)]);
        // The history says the same, with London's totals in both releases.
        assert_eq!(
            merged.history,
            [RevisionSummary {
                release: "r2".into(),
                previous: "r1".into(),
                cells: 1,
                areas: 1,
                categories: 1,
                months: vec![MonthRevision { month: m("2024-03"), cells: 1, before: 8, after: 9 }],
            }]
        );
        assert_eq!(merged.latest, "r2");
        assert_eq!(merged.used["r1"], [Period::new(m("2024-01"), m("2024-01"))]);
        assert_eq!(merged.used["r2"], [Period::new(m("2024-02"), m("2024-04"))]);
    }

    #[test]
    fn absent_rows_are_zero_and_absent_categories_unknown() {
        let old = release("r1", "2022-01", 2, &[("A", "THEFT", "SHOPLIFTING", &[1, 1])]);
        let new = release(
            "r2",
            "2022-03",
            2,
            &[("A", "THEFT", "SHOPLIFTING", &[1, 1]), ("B", "NFIB FRAUD", "NFIB", &[7, 0])],
        );
        let merged = merge(&[old, new]).unwrap();
        check(&merged, "nfib-fraud", "B", &[None, None, Some(7), Some(0)]);
        check(&merged, "nfib-fraud", "A", &[None, None, Some(0), Some(0)]);
        check(&merged, "theft/shoplifting", "B", &[Some(0), Some(0), Some(0), Some(0)]);
        check(&merged, "all", "B", &[Some(0), Some(0), Some(7), Some(0)]);
        assert!(merged.revisions.is_empty());
    }

    #[test]
    fn a_stub_last_month_is_taken_from_the_older_release() {
        let old = release("r1", "2024-01", 6, &[("A", "THEFT", "SHOPLIFTING", &[100, 100, 100, 100, 100, 100])]);
        let stub = release("r2", "2024-03", 5, &[("A", "THEFT", "SHOPLIFTING", &[100, 100, 100, 100, 20])]);
        assert!(stub.last_month_is_partial());
        assert!(!old.last_month_is_partial());
        let merged = merge(&[old, stub]).unwrap();
        assert_eq!(merged.period, Period::new(m("2024-01"), m("2024-06")));
        check(&merged, "all", "A", &[Some(100); 6]);
        assert!(merged.revisions.is_empty());
    }
}
