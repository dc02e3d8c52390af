//! Merging successive releases into one monthly series, recording revisions.
//!
//! The MPS republishes the latest 24 months every month and revises past months
//! (both up and down). The merged series takes each month from the **newest
//! release that covers it completely**.
//!
//! Every month of every release is judged first ([`judge`]). A month is
//! *incomplete* (a stub) when London's total is under [`STUB_SHARE`] of the
//! median of the release's own neighbouring months, or of the same month in the
//! older release that covers it completely: a stub never replaces a complete
//! figure, wherever it is in the file (first, last or between). An area's month
//! is judged the same way against the older release and its own neighbouring
//! months, when the older release gave it at least [`AREA_MIN`] offences; the
//! older complete figure is then used for that area and month. Every decision is
//! recorded ([`IncompleteMonth`]). Only complete figures are compared for
//! [`Revision`]s, so a stub is never counted as thousands of "revisions".
//!
//! Within a release, an area × category without a row had no offences (0). A
//! category that no row of a release mentions was not published then: its cells
//! are unknown (`None`), not zero. Releases on different wards (another ward
//! vintage, `wards`) are never merged together, so a ward is never 0 for the
//! months of a file that did not know it.

use crate::crime::category;
use crate::data::dataset::{IncompleteMonth, MonthRevision, RevisionSummary};
use crate::data::month::{runs, Month, Period};
use std::collections::{BTreeMap, BTreeSet};

/// A month below this share of what its neighbours or an older release lead
/// to expect is treated as incomplete.
pub const STUB_SHARE: f64 = 0.6;
/// How many months on each side of a month are its neighbours.
pub const NEIGHBOURS: usize = 3;
/// An area's month is judged only where the older release gave it at least
/// this many offences: smaller counts vary too much from month to month.
pub const AREA_MIN: u64 = 50;

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
    /// Whether its categories are those of the older classification (2008 to
    /// 2016; see `categories::OLDER`).
    pub older_classification: bool,
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
        if crate::crime::categories::older_category(major, minor).is_some() {
            self.older_classification = true;
        }
        let (major_id, leaf, _) = crate::crime::categories::resolve(major, minor);
        self.leaves.insert(leaf.clone());
        self.add_to(&leaf, area, counts);
        self.add_to(&major_id, area, counts);
        self.add_to(category::ALL, area, counts);
    }

    /// The index of `month` in the release, if it covers it.
    fn index(&self, month: Month) -> Option<usize> {
        let period = self.period?;
        period.contains(month).then(|| usize::try_from(month.index() - period.from.index()).ok())?
    }

    /// The published value of a cell: 0 without a row, `None` if the category
    /// is absent from the release or the month outside it.
    pub fn value(&self, category: &str, area: &str, month: Month) -> Option<u32> {
        let i = self.index(month)?;
        if !self.categories.contains(category) {
            return None;
        }
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

    /// Every area with a row.
    fn areas(&self) -> BTreeSet<&String> {
        self.cells.keys().filter(|(c, _)| c == category::ALL).map(|(_, a)| a).collect()
    }
}

/// The median of the values up to [`NEIGHBOURS`] places either side of `i`
/// (not `i` itself), or `None` with fewer than two of them.
fn neighbours(values: &[Option<u64>], i: usize) -> Option<u64> {
    let from = i.saturating_sub(NEIGHBOURS);
    let to = (i + NEIGHBOURS + 1).min(values.len());
    let mut near: Vec<u64> = (from..to).filter(|&j| j != i).filter_map(|j| values[j]).collect();
    if near.len() < 2 {
        return None;
    }
    near.sort_unstable();
    Some(near[near.len() / 2])
}

/// Whether `total` is far below `expected`.
fn far_below(total: u64, expected: u64) -> bool {
    (total as f64) < STUB_SHARE * expected as f64
}

/// The incomplete months of each release (in `order`, oldest first, with
/// `londons` their London totals by month), judged oldest first so that each
/// is compared with older figures already judged complete.
fn judge(order: &[&ReleaseTable], londons: &[Vec<u64>]) -> Vec<Vec<IncompleteMonth>> {
    let london_at = |j: usize, month: Month| order[j].index(month).map(|x| londons[j][x]);
    let mut verdicts: Vec<Vec<IncompleteMonth>> = Vec::new();
    for (k, r) in order.iter().enumerate() {
        let Some(period) = r.period else {
            verdicts.push(Vec::new());
            continue;
        };
        // The newest older release with a complete figure for the month (and area).
        let older = |month: Month, area: Option<&str>| {
            (0..k).rev().find(|&j| {
                order[j].index(month).is_some()
                    && !incomplete_at(&verdicts[j], month, area)
                    && area.is_none_or(|a| order[j].value(category::ALL, a, month).is_some())
            })
        };
        let mut found = Vec::new();
        let london: Vec<Option<u64>> = londons[k].iter().copied().map(Some).collect();
        for (i, month) in period.months().enumerate() {
            let total = london[i].unwrap_or(0);
            let own = neighbours(&london, i);
            let old = older(month, None);
            let old_total = old.and_then(|j| london_at(j, month));
            let expected = [old_total, own].into_iter().flatten().find(|&e| far_below(total, e));
            if let Some(expected) = expected {
                found.push(IncompleteMonth {
                    month,
                    area: None,
                    total,
                    expected,
                    used: old.map(|j| order[j].id.clone()),
                });
            }
        }
        let london_incomplete: BTreeSet<Month> = found.iter().map(|f| f.month).collect();
        for area in r.areas() {
            let own: Vec<Option<u64>> =
                period.months().map(|m| r.value(category::ALL, area, m).map(u64::from)).collect();
            for (i, month) in period.months().enumerate() {
                let Some(total) = own[i] else { continue };
                if london_incomplete.contains(&month) {
                    continue;
                }
                let Some(j) = older(month, Some(area)) else { continue };
                let Some(old_total) = order[j].value(category::ALL, area, month).map(u64::from) else { continue };
                let near = neighbours(&own, i);
                // Offences missing from an area are missing from London too; offences
                // moved to other areas (a pseudo-borough's placed in boroughs) are a revision.
                let old_london = london_at(j, month).unwrap_or(0);
                let missing = old_london.saturating_sub(london[i].unwrap_or(0));
                if old_total >= AREA_MIN
                    && far_below(total, old_total)
                    && near.is_none_or(|n| far_below(total, n))
                    && 2 * missing >= old_total - total
                {
                    found.push(IncompleteMonth {
                        month,
                        area: Some(area.clone()),
                        total,
                        expected: old_total,
                        used: Some(order[j].id.clone()),
                    });
                }
            }
        }
        verdicts.push(found);
    }
    verdicts
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
    /// For each release id, the months (or areas' months) that looked
    /// incomplete, and what was used instead.
    pub incomplete: BTreeMap<String, Vec<IncompleteMonth>>,
    pub revisions: Vec<Revision>,
    /// What each release changed in the one before it, oldest first.
    pub history: Vec<RevisionSummary>,
    /// The newest release's id.
    pub latest: String,
    /// The months taken from a release of today's classification right after
    /// months taken from one of the older classification.
    pub reclassified: Vec<Month>,
}

/// Whether a release's verdicts call `month` incomplete London-wide (`area`
/// `None`), or for `area` (London-wide or that area alone).
fn incomplete_at(verdicts: &[IncompleteMonth], month: Month, area: Option<&str>) -> bool {
    verdicts.iter().any(|v| v.month == month && (v.area.is_none() || v.area.as_deref() == area))
}

/// Merges releases of one level. Releases are ordered oldest to newest by their
/// last month (ties by id); each month comes from the newest that covers it
/// completely, and an area's incomplete month from the older release judged
/// complete for it.
pub fn merge(releases: &[ReleaseTable]) -> Option<Merged> {
    let mut order: Vec<&ReleaseTable> = releases.iter().filter(|r| r.period.is_some()).collect();
    order.sort_by(|a, b| (a.period.map(|p| p.to), &a.id).cmp(&(b.period.map(|p| p.to), &b.id)));
    // London's totals of every release, computed once.
    let londons: Vec<Vec<u64>> = order.iter().map(|r| r.london()).collect();
    let verdicts = judge(&order, &londons);
    let complete_months: BTreeSet<Month> = order
        .iter()
        .zip(&verdicts)
        .flat_map(|(r, v)| r.period.into_iter().flat_map(|p| p.months()).filter(|m| !incomplete_at(v, *m, None)))
        .collect();
    let period = Period::new(*complete_months.first()?, *complete_months.last()?);
    let areas: BTreeSet<&String> = order.iter().flat_map(|r| r.cells.keys().map(|(_, a)| a)).collect();
    let categories: BTreeSet<&String> = order.iter().flat_map(|r| r.categories.iter()).collect();
    let position = |id: &str| order.iter().position(|r| r.id == id);

    let mut values: BTreeMap<(String, String), Vec<Option<u32>>> = BTreeMap::new();
    let mut used: BTreeMap<String, Vec<Month>> = BTreeMap::new();
    for (i, month) in period.months().enumerate() {
        let Some(k) = (0..order.len())
            .rev()
            .find(|&k| order[k].index(month).is_some() && !incomplete_at(&verdicts[k], month, None))
        else {
            continue;
        };
        used.entry(order[k].id.clone()).or_default().push(month);
        for area in &areas {
            // An area's incomplete month comes from the older release judged complete for it.
            let source = verdicts[k]
                .iter()
                .find(|v| v.month == month && v.area.as_ref() == Some(*area))
                .and_then(|v| v.used.as_deref().and_then(position))
                .map_or(order[k], |j| order[j]);
            for cat in &categories {
                let cell = values.entry(((*cat).clone(), (*area).clone())).or_insert_with(|| vec![None; period.len()]);
                cell[i] = source.value(cat, area, month);
            }
        }
    }

    let older: BTreeSet<Month> = order
        .iter()
        .filter(|r| r.older_classification)
        .flat_map(|r| used.get(&r.id).into_iter().flatten().copied())
        .collect();
    let reclassified = period
        .months()
        .filter(|m| !older.contains(m) && older.contains(&m.plus_months(-1)) && used.values().flatten().any(|u| u == m))
        .collect();

    let mut revisions = Vec::new();
    let mut history = Vec::new();
    for (k, pair) in order.windows(2).enumerate() {
        let (old, new) = (pair[0], pair[1]);
        let (Some(po), Some(pn)) = (old.period, new.period) else { continue };
        let first = revisions.len();
        let overlap: Vec<Month> = po.months().filter(|m| pn.contains(*m)).collect();
        for cat in old.leaves.intersection(&new.leaves) {
            for area in &areas {
                for &month in &overlap {
                    let judged = Some(area.as_str());
                    if incomplete_at(&verdicts[k], month, judged) || incomplete_at(&verdicts[k + 1], month, judged) {
                        continue;
                    }
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
        history.push(summary((old, &londons[k]), (new, &londons[k + 1]), &revisions[first..]));
    }
    Some(Merged {
        period,
        areas: areas.into_iter().cloned().collect(),
        categories: categories.into_iter().cloned().collect(),
        values,
        used: used.into_iter().map(|(k, v)| (k, runs(&v))).collect(),
        incomplete: order.iter().zip(verdicts).map(|(r, v)| (r.id.clone(), v)).collect(),
        revisions,
        history,
        latest: order.last().map(|r| r.id.clone()).unwrap_or_default(),
        reclassified,
    })
}

/// What `new` changed in `old`: its revised figures counted by month, with
/// London's total of all crimes for each of those months in both.
fn summary(
    (old, old_london): (&ReleaseTable, &[u64]),
    (new, new_london): (&ReleaseTable, &[u64]),
    changed: &[Revision],
) -> RevisionSummary {
    let mut by_month: BTreeMap<Month, usize> = BTreeMap::new();
    for r in changed {
        *by_month.entry(r.month).or_default() += 1;
    }
    let at = |table: &ReleaseTable, london: &[u64], month: Month| table.index(month).map_or(0, |i| london[i]);
    RevisionSummary {
        release: new.id.clone(),
        previous: old.id.clone(),
        cells: changed.len(),
        areas: changed.iter().map(|r| &r.area).collect::<BTreeSet<_>>().len(),
        categories: changed.iter().map(|r| &r.category).collect::<BTreeSet<_>>().len(),
        months: by_month
            .into_iter()
            .map(|(month, cells)| MonthRevision {
                month,
                cells,
                before: at(old, old_london, month),
                after: at(new, new_london, month),
            })
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

    /// The incomplete months found, as `(release, month, area, total, expected, used)`.
    #[allow(clippy::type_complexity)]
    fn incomplete(merged: &Merged) -> Vec<(String, String, Option<String>, u64, u64, Option<String>)> {
        merged
            .incomplete
            .iter()
            .flat_map(|(id, v)| {
                v.iter().map(move |i| (id.clone(), i.month.iso(), i.area.clone(), i.total, i.expected, i.used.clone()))
            })
            .collect()
    }

    #[test]
    fn a_stub_last_month_is_taken_from_the_older_release() {
        let old = release("r1", "2024-01", 6, &[("A", "THEFT", "SHOPLIFTING", &[100, 100, 100, 100, 100, 100])]);
        let stub = release("r2", "2024-03", 5, &[("A", "THEFT", "SHOPLIFTING", &[100, 100, 100, 100, 20])]);
        let merged = merge(&[old, stub]).unwrap();
        assert_eq!(merged.period, Period::new(m("2024-01"), m("2024-06")));
        check(&merged, "all", "A", &[Some(100); 6]);
        assert!(merged.revisions.is_empty());
        assert_eq!(incomplete(&merged), [("r2".into(), "2024-07".into(), None, 20, 100, None)]);
    }

    #[test]
    fn a_stub_first_month_never_replaces_the_complete_figure() {
        // The newer release starts with a nearly empty month that the older one has in full.
        let old = release(
            "r1",
            "2024-01",
            4,
            &[("A", "THEFT", "SHOPLIFTING", &[700, 710, 720, 730]), ("B", "THEFT", "SHOPLIFTING", &[300; 4])],
        );
        let new = release(
            "r2",
            "2024-03",
            4,
            &[("A", "THEFT", "SHOPLIFTING", &[4, 725, 740, 750]), ("B", "THEFT", "SHOPLIFTING", &[1, 300, 300, 300])],
        );
        let merged = merge(&[old, new]).unwrap();
        check(&merged, "all", "A", &[Some(700), Some(710), Some(720), Some(725), Some(740), Some(750)]);
        // Only the complete April is compared: one revision, not a fall of 99%.
        let revised: Vec<_> = merged.revisions.iter().map(|r| (r.month.iso(), r.area.as_str())).collect();
        assert_eq!(revised, [("2024-04".to_string(), "A")]);
        assert_eq!(incomplete(&merged), [("r2".into(), "2024-03".into(), None, 5, 1020, Some("r1".into()))]);
        assert_eq!(merged.used["r1"], [Period::new(m("2024-01"), m("2024-03"))]);
    }

    #[test]
    fn a_stub_with_no_complete_figure_elsewhere_is_unknown() {
        // A middle month far below its neighbours, and nothing older to take instead.
        let only = release("r1", "2024-01", 5, &[("A", "THEFT", "SHOPLIFTING", &[500, 510, 12, 505, 495])]);
        let merged = merge(&[only]).unwrap();
        check(&merged, "all", "A", &[Some(500), Some(510), None, Some(505), Some(495)]);
        assert_eq!(incomplete(&merged), [("r1".into(), "2024-03".into(), None, 12, 505, None)]);
        // A complete month that is merely low (a fall of a third) is a figure, not a stub.
        let low = release("r1", "2024-01", 5, &[("A", "THEFT", "SHOPLIFTING", &[500, 510, 340, 505, 495])]);
        assert!(incomplete(&merge(&[low]).unwrap()).is_empty());
    }

    #[test]
    fn one_area_with_a_stub_month_keeps_its_complete_figure() {
        let rows = |a: &'static [u32], b: &'static [u32], c: &'static [u32]| -> Vec<(&str, &str, &str, &[u32])> {
            vec![("A", "THEFT", "SHOPLIFTING", a), ("B", "THEFT", "SHOPLIFTING", b), ("C", "THEFT", "SHOPLIFTING", c)]
        };
        let old = release("r1", "2024-01", 4, &rows(&[900; 4], &[200; 4], &[30; 4]));
        // B's March is nearly empty in the newer release; C is too small to judge.
        let new = release("r2", "2024-02", 4, &rows(&[900; 4], &[200, 3, 210, 200], &[30, 2, 30, 30]));
        let merged = merge(&[old, new]).unwrap();
        check(&merged, "all", "B", &[Some(200), Some(200), Some(200), Some(210), Some(200)]);
        check(&merged, "theft/shoplifting", "B", &[Some(200), Some(200), Some(200), Some(210), Some(200)]);
        check(&merged, "all", "C", &[Some(30), Some(30), Some(2), Some(30), Some(30)]);
        assert_eq!(incomplete(&merged), [("r2".into(), "2024-03".into(), Some("B".into()), 3, 200, Some("r1".into()))]);
        // B's March is no revision; its April is.
        let revised: Vec<_> = merged.revisions.iter().map(|r| (r.month.iso(), r.area.as_str(), r.new)).collect();
        assert_eq!(revised, [("2024-04".to_string(), "B", 210), ("2024-03".to_string(), "C", 2)]);
    }

    #[test]
    fn the_older_classification_maps_on_and_its_end_is_marked() {
        let old = release(
            "r1",
            "2010-01",
            3,
            &[("A", "Drugs", "Possession Of Drugs", &[4, 5, 6]), ("A", "Drugs", "Other Drugs", &[1, 1, 1])],
        );
        assert!(old.older_classification);
        let new = release("r2", "2010-03", 2, &[("A", "DRUG OFFENCES", "POSSESSION OF DRUGS", &[7, 8])]);
        let merged = merge(&[old, new]).unwrap();
        check(&merged, "drug-offences/possession-of-drugs", "A", &[Some(4), Some(5), Some(7), Some(8)]);
        check(&merged, "drug-offences", "A", &[Some(5), Some(6), Some(7), Some(8)]);
        assert_eq!(merged.reclassified, [m("2010-03")]);
    }

    #[test]
    fn offences_moved_between_areas_are_a_revision_not_a_stub() {
        let old = release(
            "r1",
            "2024-01",
            3,
            &[("A", "THEFT", "SHOPLIFTING", &[900; 3]), ("UNKNOWN", "THEFT", "SHOPLIFTING", &[170; 3])],
        );
        // The newer release placed the unknown offences of March in A.
        let new = release(
            "r2",
            "2024-01",
            4,
            &[
                ("A", "THEFT", "SHOPLIFTING", &[900, 900, 1070, 900]),
                ("UNKNOWN", "THEFT", "SHOPLIFTING", &[170, 170, 0, 170]),
            ],
        );
        let merged = merge(&[old, new]).unwrap();
        assert!(incomplete(&merged).is_empty());
        check(&merged, "all", "UNKNOWN", &[Some(170), Some(170), Some(0), Some(170)]);
    }
}
