//! The disclosure auditor: reads the published stop-and-search files as an
//! attacker would and tries to work out suppressed counts.
//!
//! It rebuilds, from the files alone and the meaning of their fields, every
//! sum an attacker knows: an area is the sum of its parts (`parent`), a
//! 12-month period the sum of its months, the values of a dimension the sum of
//! the searches (person dimensions: of the person searches). It then checks
//! that the published figures obey those sums (so the structure it attacks is
//! the real one), that no published count subject to the threshold is below
//! it, and attacks: naive differencing (a sum with one unknown) written here,
//! and the bounds-and-algebra attacker of `met_core::stops::disclosure`.
//!
//! The cross-tabulation (ethnic group × age × outcome group) adds its sums: an
//! area's cells add up to its searches by ethnic group and by age; by outcome
//! group, together with the searches not of a person (never published: an
//! unknown of the attacker's for each area, period and group), to its outcomes;
//! and London's cells to its parts'.
//!
//! Several releases are attacked together ([`audit_releases`]): a cell is
//! the same unknown in every release that has it (named by area, month or
//! period, and value), and known if any release publishes it, so counts that
//! differ between overlapping periods of two releases would be found.

use met_core::stops::crosstab::{self, CrossFile, OUTCOME_GROUPS};
use met_core::stops::disclosure::{attack, Relation, THRESHOLD};
use met_core::stops::stop_search::{Dimension, StopsFile, PERSON_TYPES};
use std::collections::BTreeMap;

/// What the auditor found; all empty means the publication holds.
#[derive(Debug, Default)]
#[allow(dead_code)] // The sizes are read by one of the two test files that use this module.
pub struct Findings {
    /// Sums that the published figures break.
    pub broken: Vec<String>,
    /// Published counts subject to the threshold but under it.
    pub small: Vec<String>,
    /// Suppressed counts recovered by differencing one sum.
    pub differenced: Vec<String>,
    /// Suppressed counts recovered by bounds or algebra over all sums.
    pub recovered: Vec<String>,
    pub cells: usize,
    pub suppressed: usize,
    pub relations: usize,
}

#[derive(Default)]
struct Publication {
    cells: Vec<Option<u32>>,
    names: Vec<String>,
    by_name: BTreeMap<String, usize>,
    thresholded: Vec<bool>,
    /// Unknowns that are never published: recovering one discloses nothing.
    unpublished: Vec<bool>,
    relations: Vec<(String, Relation)>,
    /// Cells two releases publish with different values.
    conflicts: Vec<String>,
}

impl Publication {
    /// The cell named `name`, added or, if an earlier release has it, merged:
    /// known if either release publishes it.
    fn add(&mut self, value: Option<u32>, name: String, thresholded: bool) -> usize {
        if let Some(&c) = self.by_name.get(&name) {
            match (self.cells[c], value) {
                (Some(a), Some(b)) if a != b => {
                    self.conflicts.push(format!("{name}: {a} in one release, {b} in another"));
                }
                (None, Some(_)) => self.cells[c] = value,
                _ => {}
            }
            return c;
        }
        self.by_name.insert(name.clone(), self.cells.len());
        self.cells.push(value);
        self.names.push(name);
        self.thresholded.push(thresholded);
        self.unpublished.push(false);
        self.cells.len() - 1
    }
}

/// One release: its stop-and-search files and its cross-tabulation, if any.
pub type Release<'a> = (&'a [&'a StopsFile], Option<&'a CrossFile>);

/// Audits a set of files published together, with the cross-tabulation if any.
pub fn audit(files: &[&StopsFile], cross: Option<&CrossFile>) -> Findings {
    audit_releases(&[(files, cross)])
}

/// Audits several releases together, as an attacker who saved each would.
pub fn audit_releases(releases: &[Release]) -> Findings {
    let mut p = Publication::default();
    for (files, cross) in releases {
        add_release(&mut p, files, *cross);
    }
    attack_all(&p)
}

/// Adds one release's cells and sums to `p`.
fn add_release(p: &mut Publication, files: &[&StopsFile], cross: Option<&CrossFile>) {
    // Cell indices by area code.
    let mut searches: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut arrests: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    // (period index, area) → searches; (period, dimension, value, area) → count.
    let mut totals: BTreeMap<(usize, String), usize> = BTreeMap::new();
    let mut values: BTreeMap<(usize, Dimension, String, String), usize> = BTreeMap::new();
    let mut parents: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let first = files[0];
    for file in files {
        assert_eq!((file.first, file.months), (first.first, first.months), "files of one publication");
        for (a, area) in file.areas.iter().enumerate() {
            if let Some(parent) = &area.parent {
                parents.entry(parent.clone()).or_default().push(area.code.clone());
            }
            let month = |i: usize| file.first.plus_months(i32::try_from(i).unwrap());
            let s: Vec<usize> = file.searches[a]
                .iter()
                .enumerate()
                .map(|(i, v)| p.add(*v, format!("searches {} {}", area.code, month(i)), false))
                .collect();
            searches.insert(area.code.clone(), s);
            if let Some(row) = &file.arrests[a] {
                let x =
                    row.iter().enumerate().map(|(i, v)| p.add(*v, format!("arrests {} {}", area.code, month(i)), true));
                arrests.insert(area.code.clone(), x.collect());
            }
            for (k, period) in file.periods.iter().enumerate() {
                let name = format!("{}..{}", period.period.from, period.period.to);
                totals.insert(
                    (k, area.code.clone()),
                    p.add(period.searches[a], format!("searches {} {name}", area.code), false),
                );
                for d in &period.dimensions {
                    for v in &d.values {
                        let cell =
                            p.add(v.counts[a], format!("{:?}={} {} {name}", d.dimension, v.value, area.code), true);
                        values.insert((k, d.dimension, v.value.clone(), area.code.clone()), cell);
                    }
                }
            }
        }
    }
    let periods = &first.periods;
    // Areas are the sums of their parts.
    for (parent, kids) in &parents {
        let Some(whole) = searches.get(parent) else { continue };
        for (i, &w) in whole.iter().enumerate() {
            p.relations.push((
                format!("{parent} month {i} = parts"),
                Relation::total(w, kids.iter().map(|k| searches[k][i]).collect()),
            ));
        }
        if let (Some(whole), true) = (arrests.get(parent), kids.iter().all(|k| arrests.contains_key(k))) {
            for (i, &w) in whole.iter().enumerate() {
                p.relations.push((
                    format!("arrests {parent} month {i} = parts"),
                    Relation::total(w, kids.iter().map(|k| arrests[k][i]).collect()),
                ));
            }
        }
        for k in 0..periods.len() {
            let parts = kids.iter().map(|c| totals[&(k, c.clone())]).collect();
            p.relations
                .push((format!("{parent} period {k} = parts"), Relation::total(totals[&(k, parent.clone())], parts)));
        }
        for ((k, d, v, area), &cell) in &values {
            if area == parent {
                let parts = kids.iter().map(|c| values[&(*k, *d, v.clone(), c.clone())]).collect();
                p.relations.push((format!("{d:?}={v} {parent} period {k} = parts"), Relation::total(cell, parts)));
            }
        }
    }
    // Periods are the sums of their months; values the sums of the searches.
    for (k, period) in periods.iter().enumerate() {
        let months: Vec<usize> = (0..first.months)
            .filter(|&i| period.period.contains(first.first.plus_months(i32::try_from(i).unwrap())))
            .collect();
        for (area, s) in &searches {
            let total = totals[&(k, area.clone())];
            p.relations.push((
                format!("{area} period {k} = months"),
                Relation::total(total, months.iter().map(|&i| s[i]).collect()),
            ));
            if let Some(x) = arrests.get(area) {
                let arrest = values[&(k, Dimension::Outcome, "arrest".to_string(), area.clone())];
                p.relations.push((
                    format!("arrests {area} period {k} = months"),
                    Relation::total(arrest, months.iter().map(|&i| x[i]).collect()),
                ));
            }
            let person: Vec<usize> = met_core::stops::stop_search::PERSON_TYPES
                .iter()
                .map(|t| values[&(k, Dimension::Type, (*t).to_string(), area.clone())])
                .collect();
            for d in Dimension::ALL {
                let parts: Vec<usize> =
                    d.values().iter().map(|v| values[&(k, d, v.id.to_string(), area.clone())]).collect();
                let left = if d.about_the_person() { person.clone() } else { vec![total] };
                p.relations.push((format!("{d:?} {area} period {k} = searches"), Relation { left, right: parts }));
            }
        }
    }
    if let Some(cross) = cross {
        add_cross(p, cross, &values);
    }
}

/// What the attacker finds in `p`.
fn attack_all(p: &Publication) -> Findings {
    let mut findings = Findings {
        cells: p.cells.len(),
        suppressed: p.cells.iter().filter(|c| c.is_none()).count(),
        relations: p.relations.len(),
        broken: p.conflicts.clone(),
        ..Findings::default()
    };
    for (c, value) in p.cells.iter().enumerate() {
        if let Some(v) = value {
            if p.thresholded[c] && *v > 0 && *v < THRESHOLD {
                findings.small.push(format!("{} = {v}", p.names[c]));
            }
        }
    }
    for (name, r) in &p.relations {
        let sum = |side: &[usize]| side.iter().map(|&c| p.cells[c].map(u64::from)).sum::<Option<u64>>();
        let unknown: Vec<usize> = r.left.iter().chain(&r.right).copied().filter(|&c| p.cells[c].is_none()).collect();
        match (sum(&r.left), sum(&r.right)) {
            (Some(a), Some(b)) if a != b => findings.broken.push(format!("{name}: {a} ≠ {b}")),
            _ if unknown.len() == 1 && !p.unpublished[unknown[0]] => {
                findings.differenced.push(format!("{} from {name}", p.names[unknown[0]]));
            }
            _ => {}
        }
    }
    let relations: Vec<Relation> = p.relations.iter().map(|(_, r)| r.clone()).collect();
    findings.recovered = attack(&p.cells, &relations)
        .into_iter()
        .filter(|&(c, _)| !p.unpublished[c])
        .map(|(c, v)| format!("{} = {v}", p.names[c]))
        .collect();
    findings
}

/// The cross-tabulation's cells and sums. `values` are the one-way counts' cells.
fn add_cross(p: &mut Publication, cross: &CrossFile, values: &BTreeMap<(usize, Dimension, String, String), usize>) {
    assert!(cross.matches_app(), "the cross-tabulation's dimensions are the app's");
    let ethnicities = Dimension::Ethnicity.values();
    let ages = Dimension::Age.values();
    let mut cells: BTreeMap<(usize, String), Vec<usize>> = BTreeMap::new();
    for (k, period) in cross.periods.iter().enumerate() {
        let period_name = format!("{}..{}", period.period.from, period.period.to);
        for (a, area) in cross.areas.iter().enumerate() {
            let mine: Vec<usize> = (0..crosstab::cells())
                .map(|x| p.add(period.counts[a][x], format!("cross cell {x} {} {period_name}", area.code), true))
                .collect();
            let at = |e: usize, g: usize, o: usize| mine[crosstab::cell(e, g, o)];
            let one_way = |d: Dimension, v: &str| values[&(k, d, v.to_string(), area.code.clone())];
            for (e, v) in ethnicities.iter().enumerate() {
                let parts = (0..ages.len()).flat_map(|g| (0..OUTCOME_GROUPS.len()).map(move |o| at(e, g, o))).collect();
                let whole = one_way(Dimension::Ethnicity, v.id);
                p.relations.push((
                    format!("cross {} {} {period_name} = ethnicity", v.id, area.code),
                    Relation::total(whole, parts),
                ));
            }
            for (g, v) in ages.iter().enumerate() {
                let parts =
                    (0..ethnicities.len()).flat_map(|e| (0..OUTCOME_GROUPS.len()).map(move |o| at(e, g, o))).collect();
                let whole = one_way(Dimension::Age, v.id);
                p.relations
                    .push((format!("cross {} {} {period_name} = age", v.id, area.code), Relation::total(whole, parts)));
            }
            let mut others = Vec::new();
            for (o, group) in OUTCOME_GROUPS.iter().enumerate() {
                let hidden =
                    p.add(None, format!("searches not of a person, {} {} {period_name}", group.id, area.code), false);
                p.unpublished[hidden] = true;
                others.push(hidden);
                let all = group.outcomes.iter().map(|id| one_way(Dimension::Outcome, id)).collect();
                let people = (0..ethnicities.len()).flat_map(|e| (0..ages.len()).map(move |g| at(e, g, o)));
                p.relations.push((
                    format!("cross {} {} {period_name} = outcomes", group.id, area.code),
                    Relation { left: all, right: people.chain([hidden]).collect() },
                ));
            }
            let not_people = Dimension::Type
                .values()
                .iter()
                .filter(|t| !PERSON_TYPES.contains(&t.id))
                .map(|t| one_way(Dimension::Type, t.id))
                .collect();
            p.relations.push((
                format!("searches not of a person {} {period_name}", area.code),
                Relation { left: not_people, right: others },
            ));
            cells.insert((k, area.code.clone()), mine);
        }
        for area in &cross.areas {
            let kids: Vec<&str> = cross
                .areas
                .iter()
                .filter(|c| c.parent.as_deref() == Some(area.code.as_str()))
                .map(|c| c.code.as_str())
                .collect();
            if kids.is_empty() {
                continue;
            }
            for (x, &whole) in cells[&(k, area.code.clone())].iter().enumerate() {
                let parts = kids.iter().map(|c| cells[&(k, (*c).to_string())][x]).collect();
                p.relations.push((
                    format!("cross cell {x} {} {period_name} = parts", area.code),
                    Relation::total(whole, parts),
                ));
            }
        }
    }
}
