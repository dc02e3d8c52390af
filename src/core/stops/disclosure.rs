//! Disclosure control: small counts are suppressed, and more counts are
//! suppressed until no suppressed count can be worked out from what is
//! published.
//!
//! A publication is a list of cells (counts) and the relations an attacker
//! knows between them: each [`Relation`] says that the cells on its left add
//! up to the cells on its right (a total and its parts along the value, area
//! or period axis). [`attack`] does what such an attacker can do with the
//! published cells:
//!
//! * **differencing and bounds**: every relation bounds each of its suppressed
//!   cells by the others (a suppressed count is at least 0), repeated until
//!   nothing changes. A cell whose bounds meet is recovered;
//! * **linear algebra**: the relations are reduced (Gaussian elimination over
//!   the suppressed cells of each connected group of relations); a cell that
//!   the published cells determine on their own is recovered.
//!
//! [`protect`] suppresses every cell of `1..THRESHOLD` that is subject to the
//! threshold (primary suppression). Then (secondary suppression) it makes
//! sure no relation hides exactly one cell, and while [`attack`] still
//! recovers a cell it suppresses one more in a relation that exposes it. The
//! cell chosen is, in order: one subject to the threshold rather than a total
//! (totals are suppressed only if nothing else can protect a cell); not a zero
//! where a relation would hide only zeros (hidden cells adding up to nothing
//! give themselves away); the one that leaves fewest other relations hiding a
//! single cell; and the smallest (a zero loses least).
//!
//! A hidden zero or total of searches that the attacker works out (alone in a
//! relation, or among hidden cells adding up to nothing) is published instead
//! of protected by hiding more: neither is a small count, and publishing what
//! the published cells already determine tells the attacker nothing new. Without
//! this, every such zero costs another hidden cell, which often is a zero worked
//! out the same way, and suppression spreads from the wards' many small counts
//! into the boroughs' and London's figures.
//!
//! Some unknowns are never published at all but enter the sums (for example
//! the searches not of a person by outcome, which link the cross-tabulation of
//! people to the outcomes of all searches): they are [`Kind::Unpublished`],
//! hidden from the start, and the attacker recovering one reveals nothing about
//! a person.

use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Counts from 1 to `THRESHOLD - 1` are never published.
pub const THRESHOLD: u32 = 10;

/// What a cell is, for the threshold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A plain count of searches: published unless needed to protect another cell.
    Total,
    /// A count of searches with some attribute of a person or case: subject to
    /// the threshold.
    Count,
    /// Never published; only an unknown in the sums.
    Unpublished,
}

impl Kind {
    /// Whether a cell of this kind and `value` is suppressed from the start.
    pub fn primary(self, value: u32) -> bool {
        match self {
            Kind::Total => false,
            Kind::Count => value > 0 && value < THRESHOLD,
            Kind::Unpublished => true,
        }
    }
}

/// `Σ left = Σ right`, over cell indices.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Relation {
    pub left: Vec<usize>,
    pub right: Vec<usize>,
}

impl Relation {
    /// A total and its parts.
    pub fn total(whole: usize, parts: Vec<usize>) -> Relation {
        Relation { left: vec![whole], right: parts }
    }

    fn terms(&self) -> impl Iterator<Item = (usize, i64)> + '_ {
        self.left.iter().map(|&c| (c, 1)).chain(self.right.iter().map(|&c| (c, -1)))
    }
}

/// A relation over the suppressed cells: `Σ coefficient × cell = constant`.
struct Equation {
    terms: Vec<(usize, i64)>,
    constant: i64,
}

/// The relations with at least one suppressed cell, as equations over them.
fn equations(cells: &[Option<u32>], relations: &[Relation]) -> Vec<Equation> {
    let mut out = Vec::new();
    for r in relations {
        let mut terms: BTreeMap<usize, i64> = BTreeMap::new();
        let mut constant = 0i64;
        for (c, a) in r.terms() {
            match cells[c] {
                Some(v) => constant -= a * i64::from(v),
                None => *terms.entry(c).or_insert(0) += a,
            }
        }
        terms.retain(|_, a| *a != 0);
        if !terms.is_empty() {
            out.push(Equation { terms: terms.into_iter().collect(), constant });
        }
    }
    out
}

const INFINITY: i64 = i64::MAX / 4;

fn ceil_div(a: i64, b: i64) -> i64 {
    a.div_euclid(b) + i64::from(a.rem_euclid(b) != 0)
}

/// Bounds propagation: `[lo, hi]` of every suppressed cell.
fn bounds(equations: &[Equation], unknowns: &[usize]) -> HashMap<usize, (i64, i64)> {
    let mut range: HashMap<usize, (i64, i64)> = unknowns.iter().map(|&c| (c, (0, INFINITY))).collect();
    let mut by_cell: HashMap<usize, Vec<usize>> = HashMap::new();
    for (e, eq) in equations.iter().enumerate() {
        for &(c, _) in &eq.terms {
            by_cell.entry(c).or_default().push(e);
        }
    }
    let mut queue: Vec<usize> = (0..equations.len()).collect();
    let mut queued = vec![true; equations.len()];
    let mut steps = 0usize;
    while let Some(e) = queue.pop() {
        queued[e] = false;
        steps += 1;
        if steps > 50 * equations.len() + 1000 {
            break;
        }
        let eq = &equations[e];
        // Each term's least and greatest values, and the sums of those.
        let spans: Vec<(i64, i64)> = eq
            .terms
            .iter()
            .map(|&(c, a)| {
                let (lo, hi) = range[&c];
                if a > 0 {
                    (a.saturating_mul(lo), a.saturating_mul(hi))
                } else {
                    (a.saturating_mul(hi), a.saturating_mul(lo))
                }
            })
            .collect();
        let (min, max) =
            spans.iter().fold((0i64, 0i64), |(a, b), &(lo, hi)| (a.saturating_add(lo), b.saturating_add(hi)));
        for (&(c, a), &(lo_t, hi_t)) in eq.terms.iter().zip(&spans) {
            // a·x = constant − (Σ of the others).
            let (others_min, others_max) = (min.saturating_sub(lo_t), max.saturating_sub(hi_t));
            let (from, to) = (eq.constant.saturating_sub(others_max), eq.constant.saturating_sub(others_min));
            // (`from` and `to` may have saturated: negate without overflow.)
            let (new_lo, new_hi) = if a > 0 {
                (ceil_div(from, a), to.div_euclid(a))
            } else {
                (ceil_div(to.saturating_neg(), -a), from.saturating_neg().div_euclid(-a))
            };
            // With another term unbounded above (below), one side stays open.
            let (above, below) = (others_max >= INFINITY / 2, others_min <= -INFINITY / 2);
            let (open_lo, open_hi) = if a > 0 { (above, below) } else { (below, above) };
            let (lo, hi) = range[&c];
            let lo2 = if open_lo { lo } else { lo.max(new_lo) };
            let hi2 = if open_hi { hi } else { hi.min(new_hi) };
            if (lo2, hi2) != (lo, hi) && lo2 <= hi2 {
                range.insert(c, (lo2, hi2));
                for &other in &by_cell[&c] {
                    if !queued[other] {
                        queued[other] = true;
                        queue.push(other);
                    }
                }
            }
        }
    }
    range
}

/// Cells determined by the equations alone: reduced row echelon form per
/// connected group, and rows left with a single cell.
fn determined(equations: &[Equation]) -> Vec<(usize, i64)> {
    // Group equations that share a suppressed cell.
    let mut parent: HashMap<usize, usize> = HashMap::new();
    fn find(parent: &mut HashMap<usize, usize>, c: usize) -> usize {
        let p = *parent.entry(c).or_insert(c);
        if p == c {
            return c;
        }
        let root = find(parent, p);
        parent.insert(c, root);
        root
    }
    for eq in equations {
        let first = find(&mut parent, eq.terms[0].0);
        for &(c, _) in &eq.terms[1..] {
            let other = find(&mut parent, c);
            parent.insert(other, first);
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (e, eq) in equations.iter().enumerate() {
        let root = find(&mut parent, eq.terms[0].0);
        groups.entry(root).or_default().push(e);
    }
    let mut out = Vec::new();
    for members in groups.values() {
        out.extend(reduce(members.iter().map(|&e| &equations[e])));
    }
    out
}

const EPSILON: f64 = 1e-9;

/// Gaussian elimination (kept in reduced form) of one group of equations.
fn reduce<'a>(equations: impl Iterator<Item = &'a Equation>) -> Vec<(usize, i64)> {
    // Each basis row: sparse coefficients and constant; its pivot has coefficient 1.
    let mut rows: Vec<(BTreeMap<usize, f64>, f64)> = Vec::new();
    let mut pivot_row: HashMap<usize, usize> = HashMap::new();
    let mut rows_with: HashMap<usize, BTreeSet<usize>> = HashMap::new();
    for eq in equations {
        #[allow(clippy::cast_precision_loss)]
        let mut row: BTreeMap<usize, f64> = eq.terms.iter().map(|&(c, a)| (c, a as f64)).collect();
        #[allow(clippy::cast_precision_loss)]
        let mut constant = eq.constant as f64;
        // Eliminate the existing pivots.
        while let Some((&c, &a)) = row.iter().find(|(c, _)| pivot_row.contains_key(c)) {
            let (basis, k) = &rows[pivot_row[&c]];
            for (&bc, &ba) in basis {
                let v = row.get(&bc).copied().unwrap_or(0.0) - a * ba;
                if v.abs() < EPSILON {
                    row.remove(&bc);
                } else {
                    row.insert(bc, v);
                }
            }
            constant -= a * k;
        }
        let Some((&pivot, &a)) = row.iter().next() else { continue };
        for v in row.values_mut() {
            *v /= a;
        }
        constant /= a;
        // Eliminate the new pivot from the rows that have it.
        let index = rows.len();
        for r in rows_with.remove(&pivot).unwrap_or_default() {
            let (other, k) = &mut rows[r];
            let Some(f) = other.remove(&pivot) else { continue };
            for (&c, &v) in &row {
                if c == pivot {
                    continue;
                }
                let value = other.get(&c).copied().unwrap_or(0.0) - f * v;
                if value.abs() < EPSILON {
                    other.remove(&c);
                    if let Some(set) = rows_with.get_mut(&c) {
                        set.remove(&r);
                    }
                } else {
                    other.insert(c, value);
                    rows_with.entry(c).or_default().insert(r);
                }
            }
            *k -= f * constant;
        }
        for &c in row.keys() {
            if c != pivot {
                rows_with.entry(c).or_default().insert(index);
            }
        }
        pivot_row.insert(pivot, index);
        rows.push((row, constant));
    }
    rows.iter()
        .filter(|(row, _)| row.len() == 1)
        .filter_map(|(row, k)| {
            let (&c, _) = row.iter().next()?;
            #[allow(clippy::cast_possible_truncation)]
            Some((c, k.round() as i64))
        })
        .collect()
}

/// The suppressed cells (`None`) an attacker can recover, with their values.
pub fn attack(cells: &[Option<u32>], relations: &[Relation]) -> Vec<(usize, i64)> {
    attack_with(cells, relations, None)
}

/// [`attack`]; given the cells' `kinds` (bounds first), the linear algebra
/// runs only if bounds alone recover no cell that could be published (it is
/// much slower), so the answer is then the cells bounds find.
fn attack_with(cells: &[Option<u32>], relations: &[Relation], bounds_first: Option<&[Kind]>) -> Vec<(usize, i64)> {
    let equations = equations(cells, relations);
    let unknowns: Vec<usize> = (0..cells.len()).filter(|&c| cells[c].is_none()).collect();
    let range = bounds(&equations, &unknowns);
    let mut found: BTreeMap<usize, i64> =
        range.iter().filter(|(_, (lo, hi))| lo == hi).map(|(&c, &(lo, _))| (c, lo)).collect();
    let enough = bounds_first.is_some_and(|kinds| found.keys().any(|&c| kinds[c] != Kind::Unpublished));
    if !enough {
        for (c, v) in determined(&equations) {
            found.entry(c).or_insert(v);
        }
    }
    found.into_iter().collect()
}

/// [`attack_published`], bounds first: the cells bounds alone recover if any,
/// else what the algebra adds.
fn recover(cells: &[Option<u32>], relations: &[Relation], kinds: &[Kind]) -> Vec<(usize, i64)> {
    published_only(attack_with(cells, relations, Some(kinds)), kinds)
}

/// What [`attack`] recovers among the cells that could be published (not
/// the [`Kind::Unpublished`] unknowns).
pub fn attack_published(cells: &[Option<u32>], relations: &[Relation], kinds: &[Kind]) -> Vec<(usize, i64)> {
    published_only(attack(cells, relations), kinds)
}

fn published_only(mut found: Vec<(usize, i64)>, kinds: &[Kind]) -> Vec<(usize, i64)> {
    found.retain(|&(c, _)| kinds[c] != Kind::Unpublished);
    found
}

/// Which cells to suppress. `values` are the true counts; `kinds` say which
/// cells the threshold applies to ([`Kind::Count`]); totals are suppressed only
/// when needed to protect a suppressed cell, and unpublished cells always are.
/// Fails, naming a cell, only if no further suppression could protect it.
pub fn protect(values: &[u32], kinds: &[Kind], relations: &[Relation]) -> Result<Vec<bool>, String> {
    let none = vec![false; values.len()];
    protect_more(values, kinds, relations, &none, &Fixed { spared: &none, frozen: &none })
}

/// Which cells protection should leave as they are.
#[derive(Clone, Copy, Debug)]
pub struct Fixed<'a> {
    /// Hidden only where nothing else protects a cell (an earlier table's
    /// cells, while a table added to it is protected).
    pub spared: &'a [bool],
    /// Never hidden nor published again: decided with an earlier block of the
    /// publication (a month's counts, while a period of it is protected), so
    /// that every release publishes that block the same way. A frozen hidden
    /// cell is protected like any other, even a zero.
    pub frozen: &'a [bool],
}

/// [`protect`], starting from the cells `already` suppressed, and leaving the
/// cells `fixed` says as they are: spared cells are suppressed only where
/// nothing else protects a cell, frozen ones never change. Sparing an earlier
/// publication's cells while protecting a table added to it keeps the new
/// table's protection from spreading into the old; then `relations` may be
/// only the new table's sums, and the caller attacks the whole publication to
/// check.
pub fn protect_more(
    values: &[u32],
    kinds: &[Kind],
    relations: &[Relation],
    already: &[bool],
    fixed: &Fixed,
) -> Result<Vec<bool>, String> {
    let (spared, frozen) = (fixed.spared, fixed.frozen);
    let mut suppressed: Vec<bool> =
        (0..values.len()).map(|c| already[c] || (!frozen[c] && kinds[c].primary(values[c]))).collect();
    // A zero or a total that the attacker works out is published rather than
    // protected (neither is a small count), unless it is frozen.
    let worked_out = |c: usize| !frozen[c] && (values[c] == 0 || kinds[c] == Kind::Total);
    let thresholded: Vec<bool> = kinds.iter().map(|&k| k != Kind::Total).collect();
    let mut by_cell: HashMap<usize, Vec<usize>> = HashMap::new();
    for (r, rel) in relations.iter().enumerate() {
        for (c, _) in rel.terms() {
            by_cell.entry(c).or_default().push(r);
        }
    }
    let hidden_in = |r: usize, suppressed: &[bool]| relations[r].terms().filter(|&(x, _)| suppressed[x]).count();
    let hidden_sum = |r: usize, suppressed: &[bool]| -> u64 {
        relations[r].terms().filter(|&(x, _)| suppressed[x]).map(|(x, _)| u64::from(values[x])).sum()
    };
    // Zeros the attacker works out are published (`shown`) and never hidden again.
    let mut shown = vec![false; values.len()];
    // The cell of relation `r` whose suppression exposes least: cells under the
    // threshold rule before totals, then fewest other relations left with a
    // single suppressed cell, then the smallest. Never a zero in a relation
    // whose other hidden cells add up to nothing: it would be worked out (and
    // published again) at once.
    let best = |r: usize, suppressed: &[bool], shown: &[bool], spare: bool| {
        let free = |x: usize| !(suppressed[x] || shown[x] || frozen[x] || (spare && spared[x]));
        let futile = |x: usize| values[x] == 0 && by_cell[&x].iter().any(|&o| hidden_sum(o, suppressed) == 0);
        relations[r].terms().map(|(x, _)| x).filter(|&x| free(x) && !futile(x)).min_by_key(|&x| {
            let others = || by_cell[&x].iter().filter(move |&&o| o != r);
            let exposed = others().filter(|&&o| hidden_in(o, suppressed) == 0).count();
            (!thresholded[x], exposed, values[x])
        })
    };
    // First the classic rule, cheaply: no relation hides exactly one cell
    // (unless that cell is never published anyway, or is a zero: then it is
    // published, since hiding a zero protects nothing that is small).
    // Then the attacker's view, until it recovers nothing; the classic rule is
    // applied again around every cell each round changes.
    let mut queue: Vec<usize> = (0..relations.len()).collect();
    loop {
        while let Some(r) = queue.pop() {
            let mut hidden = relations[r].terms().filter(|&(x, _)| suppressed[x]);
            let single = match (hidden.next(), hidden.next()) {
                (Some((x, _)), None) if kinds[x] != Kind::Unpublished => x,
                _ => continue,
            };
            if worked_out(single) {
                suppressed[single] = false;
                shown[single] = true;
                queue.extend(by_cell[&single].iter().copied());
            } else if let Some(x) = best(r, &suppressed, &shown, true).or_else(|| best(r, &suppressed, &shown, false)) {
                suppressed[x] = true;
                queue.extend(by_cell[&x].iter().copied());
            }
        }
        let cells: Vec<Option<u32>> = values.iter().zip(&suppressed).map(|(&v, &s)| (!s).then_some(v)).collect();
        let recovered = recover(&cells, relations, kinds);
        let Some(&(first, _)) = recovered.first() else { return Ok(suppressed) };
        // A zero or a total worked out is published: it discloses no small count.
        let (zeros, recovered): (Vec<_>, Vec<_>) = recovered.into_iter().partition(|&(c, _)| worked_out(c));
        for &(c, _) in &zeros {
            suppressed[c] = false;
            shown[c] = true;
            queue.extend(by_cell[&c].iter().copied());
        }
        // One more cell for each other recovered cell, unless an earlier choice
        // of this round already hides another cell in a relation with it.
        let mut added = zeros.len();
        for (c, _) in recovered {
            // Over every relation with the cell: a cell subject to the threshold
            // first, in the relation hiding fewest cells, then as `best` orders.
            let choose = |relations_of: &mut dyn Iterator<Item = usize>, suppressed: &[bool], spare: bool| {
                relations_of
                    .filter_map(|r| {
                        best(r, suppressed, &shown, spare).map(|x| ((!thresholded[x], hidden_in(r, suppressed)), r, x))
                    })
                    .min_by_key(|(key, r, _)| (*key, *r))
            };
            let mine = || by_cell.get(&c).into_iter().flatten().copied();
            // When every cell beside it is hidden or spared, a cell further out:
            // in a sum with one of the hidden cells beside it (for example the
            // published zero that shows the hidden cells below it are zeros).
            // Spared cells only as a last resort.
            let further = |suppressed: &[bool], spare: bool| {
                let hidden_beside = mine().flat_map(|r| relations[r].terms()).filter(|&(x, _)| suppressed[x] && x != c);
                let mut further = hidden_beside.flat_map(|(x, _)| by_cell[&x].iter().copied());
                choose(&mut further, suppressed, spare)
            };
            let choice = choose(&mut mine(), &suppressed, true)
                .or_else(|| further(&suppressed, true))
                .or_else(|| choose(&mut mine(), &suppressed, false))
                .or_else(|| further(&suppressed, false));
            if let Some((_, _, x)) = choice {
                suppressed[x] = true;
                queue.extend(by_cell[&x].iter().copied());
                added += 1;
            }
        }
        if added == 0 {
            return Err(format!("cell {first} can be recovered and every cell related to it is already suppressed"));
        }
    }
}

/// Publishes again the secondary cells among `candidates` (most important
/// first) whose publication lets the attacker recover no small count, and
/// returns how many cells it published. Greedy protection sometimes hides a
/// large count (of London, say) where a small one elsewhere would have done;
/// this undoes that where it is safe. A candidate comes back together with
/// the cells its publication determines, if none of them is a small count.
/// Only the sums linked to the candidate through hidden cells are attacked:
/// the others do not change. `frozen` cells stay as they are (see [`Fixed`]).
pub fn restore(
    values: &[u32],
    kinds: &[Kind],
    suppressed: &mut [bool],
    relations: &[Relation],
    candidates: &[usize],
    frozen: &[bool],
) -> usize {
    let mut by_cell: HashMap<usize, Vec<usize>> = HashMap::new();
    for (r, rel) in relations.iter().enumerate() {
        for (c, _) in rel.terms() {
            by_cell.entry(c).or_default().push(r);
        }
    }
    // Publishes `cells` again if that is safe, attacking only the sums linked
    // to them through hidden cells (bounds first: they reject most cheaply).
    // What the attacker then recovers is published too, as long as none of it
    // is a small count: it is determined by what is published, so showing it
    // tells nothing new (a large count of London often comes back only with
    // the one beside it). Returns how many cells were published, or `None`
    // (and changes nothing) if a small count would be recovered.
    let publish = |suppressed: &mut [bool], cells: &[usize]| -> Option<usize> {
        let mut seen_relations = BTreeSet::new();
        let mut seen_cells: std::collections::HashSet<usize> = cells.iter().copied().collect();
        let mut queue = cells.to_vec();
        while let Some(c) = queue.pop() {
            for &r in by_cell.get(&c).into_iter().flatten() {
                if !seen_relations.insert(r) {
                    continue;
                }
                for (x, _) in relations[r].terms() {
                    if suppressed[x] && seen_cells.insert(x) {
                        queue.push(x);
                    }
                }
            }
        }
        let near: Vec<Relation> = seen_relations.iter().map(|&r| relations[r].clone()).collect();
        let mut published = cells.to_vec();
        for &c in cells {
            suppressed[c] = false;
        }
        for _ in 0..RESTORE_ROUNDS {
            let shown: Vec<Option<u32>> = values.iter().zip(&*suppressed).map(|(&v, &s)| (!s).then_some(v)).collect();
            let recovered = recover(&shown, &near, kinds);
            if recovered.is_empty() {
                return Some(published.len());
            }
            if recovered.iter().any(|&(c, _)| kinds[c].primary(values[c]) || frozen[c]) {
                break;
            }
            for (c, _) in recovered {
                suppressed[c] = false;
                published.push(c);
            }
        }
        for &c in &published {
            suppressed[c] = true;
        }
        None
    };
    // Candidates are tried a few at a time (most are safe), and one by one,
    // in order, when a group is not.
    let mut restored = 0;
    for group in candidates.chunks(RESTORE_GROUP) {
        let group: Vec<usize> =
            group.iter().copied().filter(|&c| suppressed[c] && !frozen[c] && kinds[c] != Kind::Unpublished).collect();
        if let Some(n) = publish(suppressed, &group) {
            restored += n;
            continue;
        }
        for &c in &group {
            if suppressed[c] {
                restored += publish(suppressed, &[c]).unwrap_or(0);
            }
        }
    }
    restored
}

/// How many candidates [`restore`] tries at once.
const RESTORE_GROUP: usize = 8;

/// How many times [`restore`] publishes what the attacker recovers before it
/// gives up on a candidate.
const RESTORE_ROUNDS: usize = 4;

#[cfg(test)]
mod tests {
    use super::*;

    /// Counts where `true`, totals where `false`.
    fn kinds(thresholded: &[bool]) -> Vec<Kind> {
        thresholded.iter().map(|&t| if t { Kind::Count } else { Kind::Total }).collect()
    }

    fn check_attack(cells: &[Option<u32>], relations: &[Relation], expected: &[(usize, i64)]) {
        assert_eq!(attack(cells, relations), expected);
    }

    #[test]
    fn attacks_find_what_differencing_and_algebra_reveal() {
        // Total 20 = 12 + x: x = 8 by differencing.
        check_attack(&[Some(20), Some(12), None], &[Relation::total(0, vec![1, 2])], &[(2, 8)]);
        // Two suppressed parts: not recoverable.
        check_attack(&[Some(20), Some(12), None, None], &[Relation::total(0, vec![1, 2, 3])], &[]);
        // x + y = 5, y + z = 7, x + z = 6: only algebra finds x = 2, y = 3, z = 4.
        let relations =
            vec![Relation::total(0, vec![3, 4]), Relation::total(1, vec![4, 5]), Relation::total(2, vec![3, 5])];
        check_attack(&[Some(5), Some(7), Some(6), None, None, None], &relations, &[(3, 2), (4, 3), (5, 4)]);
        // Bounds: x + y = 0 forces both to 0.
        check_attack(&[Some(0), None, None], &[Relation::total(0, vec![1, 2])], &[(1, 0), (2, 0)]);
        // Across two relations: a row and a column of a 2×2 table with margins.
        //   a b | 10
        //   c d | 30
        //  15 25
        let relations = vec![
            Relation::total(4, vec![0, 1]),
            Relation::total(5, vec![2, 3]),
            Relation::total(6, vec![0, 2]),
            Relation::total(7, vec![1, 3]),
        ];
        let cells = [None, None, None, None, Some(10), Some(30), Some(15), Some(25)];
        check_attack(&cells, &relations, &[]);
        let cells = [None, Some(6), None, Some(19), Some(10), Some(30), Some(15), Some(25)];
        check_attack(&cells, &relations, &[(0, 4), (2, 11)]);
    }

    #[test]
    fn restore_publishes_again_what_is_not_needed() {
        // 100 = 5 + 40 + 55 with all three parts hidden: the 55 can be shown again,
        // then the 40 cannot (the 5 would be 100 − 40 − 55).
        let values = [100, 5, 40, 55];
        let relations = vec![Relation::total(0, vec![1, 2, 3])];
        let mut suppressed = [false, true, true, true];
        assert_eq!(restore(&values, &kinds(&[true; 4]), &mut suppressed, &relations, &[3, 2], &[false; 4]), 1);
        assert_eq!(suppressed, [false, true, true, false]);
        // A second, unrelated sum is not attacked and does not block the first.
        let relations = vec![Relation::total(0, vec![1, 2, 3]), Relation::total(4, vec![5, 6])];
        let values = [100, 5, 40, 55, 20, 3, 17];
        let mut suppressed = [false, true, true, true, false, true, true];
        assert_eq!(restore(&values, &kinds(&[true; 7]), &mut suppressed, &relations, &[3, 6], &[false; 7]), 1);
        assert_eq!(suppressed, [false, true, true, false, false, true, true]);
        // 100 = 5 + 6 + 40 + 49 and 89 = 40 + 49: the 49 cannot come back
        // alone (the 40 would be 89 − 49), but it can with the 40, since the
        // 5 and the 6 are still only known to add up to 11.
        let values = [100, 5, 6, 40, 49, 89];
        let relations = vec![Relation::total(0, vec![1, 2, 3, 4]), Relation::total(5, vec![3, 4])];
        let mut suppressed = [false, true, true, true, true, false];
        assert_eq!(restore(&values, &kinds(&[true; 6]), &mut suppressed, &relations, &[4], &[false; 6]), 2);
        assert_eq!(suppressed, [false, true, true, false, false, false]);
        // When what comes back with it includes a small count, nothing does.
        let values = [100, 5, 6, 40, 49, 46];
        let relations = vec![Relation::total(0, vec![1, 2, 3, 4]), Relation::total(5, vec![2, 3])];
        let mut suppressed = [false, true, true, true, true, false];
        assert_eq!(restore(&values, &kinds(&[true; 6]), &mut suppressed, &relations, &[4], &[false; 6]), 0);
        assert_eq!(suppressed, [false, true, true, true, true, false]);
    }

    #[test]
    fn protect_hides_small_counts_and_whatever_would_reveal_them() {
        // A total of 25 over parts 3, 22, 0: 3 is suppressed, and 0 with it (zeros go first).
        let values = [25, 3, 22, 0];
        let relations = vec![Relation::total(0, vec![1, 2, 3])];
        let s = protect(&values, &kinds(&[false, true, true, true]), &relations).unwrap();
        assert_eq!(s, [false, true, false, true]);
        // The 2×2 table: a = 4 is small. One more cell in its row and column is not
        // enough on its own (the algebra would find them); protect finds a safe set.
        let values = [4, 6, 11, 19, 10, 30, 15, 25];
        let relations = vec![
            Relation::total(4, vec![0, 1]),
            Relation::total(5, vec![2, 3]),
            Relation::total(6, vec![0, 2]),
            Relation::total(7, vec![1, 3]),
        ];
        let thresholded = [true, true, true, true, false, false, false, false];
        let s = protect(&values, &kinds(&thresholded), &relations).unwrap();
        assert!(s[0]);
        let cells: Vec<Option<u32>> = values.iter().zip(&s).map(|(&v, &s)| (!s).then_some(v)).collect();
        assert_eq!(attack(&cells, &relations), []);
        // An unpublished cell is hidden from the start, and recovering it needs no
        // protection: 20 searches = 12 of people + 8 of vehicles only.
        let kinds3 = [Kind::Total, Kind::Count, Kind::Unpublished];
        assert_eq!(protect(&[20, 12, 8], &kinds3, &[Relation::total(0, vec![1, 2])]).unwrap(), [false, false, true]);
        // 40 = 6 + 23 + 11: the 6 needs a second hidden cell. Protection picks the
        // smaller 11; when it is spared (an earlier table's), the 23.
        let values = [40, 6, 23, 11];
        let relations = [Relation::total(0, vec![1, 2, 3])];
        assert_eq!(protect(&values, &[Kind::Count; 4], &relations).unwrap(), [false, true, false, true]);
        let fixed = |spared: &'static [bool]| Fixed { spared, frozen: &[false; 4] };
        let s = protect_more(&values, &[Kind::Count; 4], &relations, &[false; 4], &fixed(&[true, false, false, true]))
            .unwrap();
        assert_eq!(s, [false, true, true, false]);
        // Spared cells are hidden when nothing else can protect a count.
        let s = protect_more(&values, &[Kind::Count; 4], &relations, &[false; 4], &fixed(&[true; 4])).unwrap();
        assert_eq!(s, [false, true, false, true]);
        // Frozen cells never change: with the 11 frozen published, the 23 is
        // hidden; with the 6 frozen hidden and the 23 and 11 frozen published,
        // only the total is left to protect it.
        let frozen = [false, false, false, true];
        let none = [false; 4];
        let s = protect_more(&values, &[Kind::Count; 4], &relations, &none, &Fixed { spared: &none, frozen: &frozen });
        assert_eq!(s.unwrap(), [false, true, true, false]);
        let frozen = [false, true, true, true];
        let hidden = [false, true, false, false];
        let s =
            protect_more(&values, &[Kind::Count; 4], &relations, &hidden, &Fixed { spared: &none, frozen: &frozen });
        assert_eq!(s.unwrap(), [true, true, false, false], "the total is hidden instead");
        // A zero the attacker would work out is published rather than hidden:
        // 20 = 5 + 15 + z and 0 = z + w (a total of 15 that is not subject to the
        // threshold). Hiding z with the 5 would give z away (z + w = 0), so the
        // 15 is hidden instead, and z and w are published.
        let values = [20, 5, 15, 0, 0, 0];
        let kinds6 = [Kind::Total, Kind::Count, Kind::Total, Kind::Count, Kind::Total, Kind::Count];
        let relations = [Relation::total(0, vec![1, 2, 3]), Relation::total(4, vec![3, 5])];
        assert_eq!(protect(&values, &kinds6, &relations).unwrap(), [false, true, true, false, false, false]);
        // Counts of 10 and over, and zeros, are published.
        assert_eq!(protect(&[10, 0, 10], &kinds(&[true; 3]), &[Relation::total(0, vec![1, 2])]).unwrap(), [false; 3]);
    }
}
