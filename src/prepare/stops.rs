//! The stop-and-search stage of `prepare`: reads the police.uk files, places
//! each search in a borough and a ward, and counts searches by area, month and
//! each dimension. Only these counts leave this module: never a row, a time or
//! a coordinate.
//!
//! A search belongs to its UK local month (police.uk's times are UTC; its files
//! are split by local month). A search with no location counts towards London
//! as "location not recorded"; one whose location falls outside every borough
//! counts as "outside London's boundaries". A search inside a borough but in
//! none of that borough's wards (the GLA and ONS boundaries differ by metres, and
//! the ward file lacks 20 of the City of London's 25 wards) counts towards the
//! borough as "not in a ward".

use crate::geometry::Shape;
use crate::locate::{to_grid, Locator};
use crate::read::Located;
use met_core::data::month::{self, Month, Period};
use met_core::stops::crosstab::{self, CrossFile, CrossPeriod, OUTCOME_GROUPS};
use met_core::stops::disclosure::{self, Kind, Relation};
use met_core::stops::stop_search::{
    self, covers_month, no_ward, Dimension, DimensionCounts, PartialMonth, PeriodCounts, StopArea, StopsFile,
    ValueCounts, LONDON, NO_LOCATION, OUTSIDE,
};
use std::collections::BTreeMap;
use std::path::Path;

/// What is counted for each search: all searches, and one count per value of
/// each dimension (person dimensions count searches of a person only).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub searches: u32,
    /// Indexed like [`Dimension::ALL`], then like [`Dimension::values`].
    pub values: Vec<Vec<u32>>,
    /// Searches of people by ethnic group × age × outcome group, indexed by [`crosstab::cell`].
    pub cross: Vec<u32>,
}

impl Counts {
    fn new() -> Counts {
        Counts {
            searches: 0,
            values: Dimension::ALL.iter().map(|d| vec![0; d.values().len()]).collect(),
            cross: vec![0; crosstab::cells()],
        }
    }

    fn add(&mut self, values: &[u8; 10]) {
        self.searches += 1;
        let person = stop_search::PERSON_TYPES.contains(&Dimension::Type.values()[usize::from(values[0])].id);
        for (k, d) in Dimension::ALL.iter().enumerate() {
            if person || !d.about_the_person() {
                self.values[k][usize::from(values[k])] += 1;
            }
        }
        if person {
            let outcome = Dimension::Outcome.values()[usize::from(values[Dimension::Outcome as usize])].id;
            let group = crosstab::outcome_group(outcome).unwrap_or(OUTCOME_GROUPS.len() - 1);
            let cell = crosstab::cell(
                usize::from(values[Dimension::Ethnicity as usize]),
                usize::from(values[Dimension::Age as usize]),
                group,
            );
            self.cross[cell] += 1;
        }
    }

    /// The count of one value.
    pub fn value(&self, dimension: Dimension, id: &str) -> u32 {
        dimension.index_of(id).map_or(0, |i| self.values[dimension as usize][i])
    }
}

/// One police.uk file's month and how much of it its searches cover.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MonthCoverage {
    pub month: Month,
    pub first_day: u32,
    pub last_day: u32,
    pub complete: bool,
}

/// All stop-and-search counts.
#[derive(Clone, Debug, Default)]
pub struct Stops {
    pub months: Vec<MonthCoverage>,
    /// `(area code, month)` → counts. Areas: [`LONDON`], borough and ward codes,
    /// [`NO_LOCATION`], [`OUTSIDE`] and [`no_ward`] codes.
    pub cells: BTreeMap<(String, Month), Counts>,
    /// Warnings: unknown labels and searches outside their file's month, located.
    pub warnings: Vec<String>,
    pub searches: usize,
    pub no_location: usize,
    pub outside: usize,
    /// Of `outside`, the searches placed in the City of London, which has its
    /// own police force (they are there because of location anonymisation or a
    /// boundary's width).
    pub in_city: usize,
    pub not_in_a_ward: usize,
    /// Files not used, with the reason (e.g. a month apart from the others).
    pub ignored: Vec<(String, String)>,
}

/// The City of London, policed by the City of London Police, not the Met.
pub const CITY_OF_LONDON: &str = "E09000001";

/// The longest run of consecutive months (the latest of equally long runs).
fn longest_run(months: &[Month]) -> Option<Period> {
    let mut sorted = months.to_vec();
    sorted.sort_unstable();
    // `max_by_key` keeps the last of equal maxima: the latest run.
    month::runs(&sorted).into_iter().max_by_key(|p| p.len())
}

/// The month a file holds, from its name `YYYY-MM-…-stop-and-search.csv`.
fn file_month(path: &Path) -> Option<Month> {
    let name = path.file_name()?.to_str()?;
    Month::parse(name.get(..7)?)
}

/// Reads every stop-and-search file and counts its searches by area and month.
/// `ward_borough` gives each ward's borough code.
pub fn count(
    files: &[(&Path, String)],
    boroughs: &[Shape],
    wards: &[Shape],
    ward_borough: &BTreeMap<String, String>,
) -> Result<Stops, Located> {
    // The Met does not police the City of London: a search placed there counts
    // as outside the Met's boroughs, not as the City's.
    let policed: Vec<Shape> = boroughs.iter().filter(|b| b.code != CITY_OF_LONDON).cloned().collect();
    let city: Vec<Shape> = boroughs.iter().filter(|b| b.code == CITY_OF_LONDON).cloned().collect();
    let wards: Vec<Shape> =
        wards.iter().filter(|w| ward_borough.get(&w.code).is_none_or(|b| b != CITY_OF_LONDON)).cloned().collect();
    let boroughs = policed.as_slice();
    let (borough_index, city_index, ward_index) = (Locator::new(boroughs), Locator::new(&city), Locator::new(&wards));
    let mut stops = Stops::default();
    let mut read: Vec<(&String, Month, stop_search::StopFile)> = Vec::new();
    for (path, rel) in files {
        let bytes = std::fs::read(path).map_err(|e| Located::new(path, 0, None, e.to_string()))?;
        let file = stop_search::read(&bytes).map_err(|e| Located::new(path, e.line, e.column.as_deref(), e.message))?;
        let month = file_month(path)
            .or_else(|| file.searches.first().map(|s| s.month))
            .ok_or_else(|| Located::new(path, 0, None, "no searches, and no month (YYYY-MM) in the file name"))?;
        if let Some((other, _, _)) = read.iter().find(|r| r.1 == month) {
            return Err(Located::new(
                path,
                0,
                None,
                format!("a second file for {month} (the first is {other}): keep only the one you trust"),
            ));
        }
        read.push((rel, month, file));
    }
    // One stray month (say, a file years before the rest) must not stop the
    // others: the longest run of consecutive months is used, the rest ignored.
    let run = longest_run(&read.iter().map(|r| r.1).collect::<Vec<_>>());
    for (rel, month, file) in read {
        if let Some(r) = run.filter(|r| !r.contains(month)) {
            stops.ignored.push((
                rel.clone(),
                format!(
                    "stop and search for {month}, apart from the consecutive months {}..{} that are published (a \
                     gap would break every 12-month period); ignored",
                    r.from, r.to
                ),
            ));
            continue;
        }
        for u in &file.unknown {
            stops.warnings.push(format!(
                "{rel} line {}: {} label {:?} is not in the label table; {} searches counted as not recorded",
                u.line,
                u.dimension.column(),
                u.label,
                u.count
            ));
        }
        if let Some(odd) = file.searches.iter().find(|s| s.month != month) {
            let n = file.searches.iter().filter(|s| s.month != month).count();
            stops.warnings.push(format!(
                "{rel}: {n} searches are dated outside {month} in UK local time (the first in {}); they count in their own month when it has a file, else they are left out",
                odd.month
            ));
        }
        let days: Vec<u32> = file.searches.iter().filter(|s| s.month == month).map(|s| s.day).collect();
        let (first_day, last_day) = (days.iter().copied().min().unwrap_or(0), days.iter().copied().max().unwrap_or(0));
        stops.months.push(MonthCoverage {
            month,
            first_day,
            last_day,
            complete: !days.is_empty() && covers_month(month, first_day, last_day),
        });
        for search in &file.searches {
            let mut add = |area: &str| {
                stops.cells.entry((area.to_string(), search.month)).or_insert_with(Counts::new).add(&search.values);
            };
            add(LONDON);
            stops.searches += 1;
            let Some((lat, lon)) = search.place else {
                add(NO_LOCATION);
                stops.no_location += 1;
                continue;
            };
            let (x, y) = to_grid(lat, lon);
            // The ward decides, and its borough with it; a point in no ward falls
            // back to the borough boundaries.
            let ward = ward_index.find(x, y).map(|w| &wards[w].code).and_then(|w| Some((w, ward_borough.get(w)?)));
            let borough = match ward {
                Some((_, b)) => Some(b.as_str()),
                None => borough_index.find(x, y).map(|b| boroughs[b].code.as_str()),
            };
            let Some(borough) = borough else {
                add(OUTSIDE);
                stops.outside += 1;
                if city_index.find(x, y).is_some() {
                    stops.in_city += 1;
                }
                continue;
            };
            add(borough);
            match ward {
                Some((w, _)) => add(w),
                None => {
                    add(&no_ward(borough));
                    stops.not_in_a_ward += 1;
                }
            }
        }
    }
    stops.months.sort_by_key(|m| m.month);
    // Searches in a month without a file of its own cannot be published with a
    // true monthly total: they are left out (and were reported above).
    let months: Vec<Month> = stops.months.iter().map(|m| m.month).collect();
    stops.cells.retain(|(_, m), _| months.contains(m));
    Ok(stops)
}

/// What [`publish`] published and suppressed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Protection {
    pub cells: usize,
    /// Cells of 1 to 9 searches.
    pub primary: usize,
    /// Further cells suppressed so that no suppressed cell can be worked out.
    pub secondary: usize,
    /// Counts hidden as secondary and then published again (London's, and the
    /// searches of London and the boroughs; see `disclosure::restore`).
    pub restored: usize,
    /// Arrests of a partial latest month, withheld until the month is complete
    /// (included in `cells`).
    pub withheld: usize,
    /// Cells of the cross-tabulation (included in `cells`), and how many are suppressed.
    pub cross_cells: usize,
    pub cross_suppressed: usize,
}

/// The protected files.
pub struct Published {
    /// London, the boroughs and the searches without a ward-level place.
    pub boroughs: StopsFile,
    /// The wards, and each borough's searches in none of its wards.
    pub wards: StopsFile,
    /// Searches of people by ethnic group × age × outcome for London and its parts.
    pub cross: CrossFile,
    pub protection: Protection,
}

/// The cells of the publication.
#[derive(Default)]
struct Cells {
    values: Vec<u32>,
    kinds: Vec<Kind>,
}

impl Cells {
    fn add(&mut self, value: u32, kind: Kind) -> usize {
        self.values.push(value);
        self.kinds.push(kind);
        self.values.len() - 1
    }
}

/// The sums of the cross-tabulation `cross` (its cells by area, for London and
/// its parts) with the one-way counts `values` (by dimension, value and area):
/// an area's cells add up to its searches by ethnic group and by age; for each
/// outcome group, with an unpublished unknown (the searches not of a person,
/// added to `cells` here), to its outcomes, and those unknowns to its searches
/// not of a person; London's cells to its parts'. Fails if a count of people
/// exceeds the count of all searches it belongs to.
fn cross_sums(
    cells: &mut Cells,
    cross: &[Vec<usize>],
    values: &[Vec<Vec<usize>>],
    children: &[Vec<usize>],
    codes: &[&str],
) -> Result<Vec<Relation>, String> {
    let mut sums = Vec::new();
    let (ethnicities, ages) = (Dimension::Ethnicity.values().len(), Dimension::Age.values().len());
    for (a, mine) in cross.iter().enumerate() {
        let at = |e: usize, g: usize, o: usize| mine[crosstab::cell(e, g, o)];
        let groups = 0..OUTCOME_GROUPS.len();
        for (e, per_area) in values[Dimension::Ethnicity as usize].iter().enumerate() {
            let parts = (0..ages).flat_map(|g| groups.clone().map(move |o| at(e, g, o))).collect();
            sums.push(Relation::total(per_area[a], parts));
        }
        for (g, per_area) in values[Dimension::Age as usize].iter().enumerate() {
            let parts = (0..ethnicities).flat_map(|e| groups.clone().map(move |o| at(e, g, o))).collect();
            sums.push(Relation::total(per_area[a], parts));
        }
        let mut others = Vec::new();
        for (o, group) in OUTCOME_GROUPS.iter().enumerate() {
            let all: Vec<usize> = group
                .outcomes
                .iter()
                .filter_map(|id| Dimension::Outcome.index_of(id))
                .map(|v| values[Dimension::Outcome as usize][v][a])
                .collect();
            let people: Vec<usize> = (0..ethnicities).flat_map(|e| (0..ages).map(move |g| at(e, g, o))).collect();
            let sum = |c: &[usize]| c.iter().map(|&c| cells.values[c]).sum::<u32>();
            let not_of_people = sum(&all).checked_sub(sum(&people)).ok_or_else(|| {
                format!("{}: more searches of people than searches with outcome {}", codes[a], group.id)
            })?;
            let hidden = cells.add(not_of_people, Kind::Unpublished);
            others.push(hidden);
            sums.push(Relation { left: all, right: people.into_iter().chain([hidden]).collect() });
        }
        let not_people: Vec<usize> = Dimension::Type
            .values()
            .iter()
            .enumerate()
            .filter(|(_, v)| !stop_search::PERSON_TYPES.contains(&v.id))
            .map(|(t, _)| values[Dimension::Type as usize][t][a])
            .collect();
        sums.push(Relation { left: not_people, right: others });
        // London is the sum of its parts (a borough's parts, its wards, have no table).
        if !children[a].is_empty() && children[a].iter().all(|&c| c < cross.len()) {
            for (x, &whole) in mine.iter().enumerate() {
                sums.push(Relation::total(whole, children[a].iter().map(|&c| cross[c][x]).collect()));
            }
        }
    }
    Ok(sums)
}

/// The month fixed 12-month periods start with: April, as the Home Office's
/// stop-and-search statistics (years ending March).
pub const PERIOD_START: u8 = 4;

/// The fixed 12-month periods (April to March) wholly within `first..=last`,
/// newest first. Fixed, so that a later release publishes the same periods or
/// new ones, never one overlapping a period already published.
pub fn periods(first: Month, last: Month) -> Vec<Period> {
    let mut out = Vec::new();
    let Some(mut from) = Month::new(last.year(), PERIOD_START) else { return out };
    while from >= first {
        let to = from.plus_months(11);
        if to <= last {
            out.push(Period::new(from, to));
        }
        from = from.plus_months(-12);
    }
    out
}

/// Builds the protected files: London, the boroughs and the searches without a
/// ward-level place (`stops-borough.json`), and the wards with each borough's
/// searches in none of its wards (`stops-ward.json`).
///
/// Published: searches by area and month (every area); arrests by month for
/// London, the boroughs and the two pseudo-areas; and, for each 12-month period,
/// searches and every value of every dimension by area. Counts by a value are
/// subject to the threshold; totals are not (see `DISCLOSURE.md`). `residents`
/// (Census 2021 by borough and ethnic group) go with London and the boroughs.
pub fn publish(
    stops: &Stops,
    boroughs: &[Shape],
    wards: &[Shape],
    ward_borough: &BTreeMap<String, String>,
    residents: &BTreeMap<String, BTreeMap<String, u32>>,
) -> Result<Published, String> {
    let (Some(first), Some(last)) = (stops.months.first(), stops.months.last()) else {
        return Err("no stop-and-search months".into());
    };
    let (first, last) = (first.month, last.month);
    let months: Vec<Month> = Period::new(first, last).months().collect();
    if let Some(gap) = months.iter().find(|m| !stops.months.iter().any(|c| c.month == **m)) {
        return Err(format!("no stop-and-search file for {gap}: months must be consecutive"));
    }
    // Areas: London's parts, then each borough's parts.
    let mut borough_list: Vec<&Shape> = boroughs.iter().filter(|b| b.code != CITY_OF_LONDON).collect();
    borough_list.sort_by(|a, b| a.code.cmp(&b.code));
    let mut areas: Vec<StopArea> = vec![StopArea { code: LONDON.into(), name: "London".into(), parent: None }];
    let part = |code: &str, name: &str, parent: &str| StopArea {
        code: code.into(),
        name: name.into(),
        parent: Some(parent.into()),
    };
    for b in &borough_list {
        areas.push(part(&b.code, &b.name, LONDON));
    }
    areas.push(part(NO_LOCATION, "Location not recorded", LONDON));
    areas.push(part(OUTSIDE, "Outside the Met's boroughs", LONDON));
    let borough_areas = areas.len();
    for b in &borough_list {
        let mut mine: Vec<&Shape> = wards.iter().filter(|w| ward_borough.get(&w.code) == Some(&b.code)).collect();
        mine.sort_by(|a, b| a.code.cmp(&b.code));
        for w in mine {
            areas.push(part(&w.code, &w.name, &b.code));
        }
        areas.push(part(&no_ward(&b.code), &format!("{}: not in a ward", b.name), &b.code));
    }
    let index: BTreeMap<&str, usize> = areas.iter().enumerate().map(|(i, a)| (a.code.as_str(), i)).collect();
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); areas.len()];
    for (i, area) in areas.iter().enumerate() {
        if let Some(&p) = area.parent.as_deref().and_then(|p| index.get(p)) {
            children[p].push(i);
        }
    }
    let monthly_arrests = |a: usize| a < borough_areas;
    let arrest = Dimension::Outcome.index_of("arrest").unwrap_or(0);
    let count = |a: usize, m: Month| stops.cells.get(&(areas[a].code.clone(), m));

    // A partial latest month may be completed by the next release: its
    // arrests are withheld (an unknown, never published) and no period holds
    // it, so two releases never publish two versions of the same count.
    let provisional = stops.months.last().filter(|m| !m.complete).map(|m| m.month);
    let arrest_kind = |m: Month| if Some(m) == provisional { Kind::Unpublished } else { Kind::Count };

    let mut cells = Cells::default();
    // Searches and arrests by month, each month a block of its own.
    let searches: Vec<Vec<usize>> = (0..areas.len())
        .map(|a| months.iter().map(|&m| cells.add(count(a, m).map_or(0, |c| c.searches), Kind::Total)).collect())
        .collect();
    let arrests: Vec<Option<Vec<usize>>> = (0..areas.len())
        .map(|a| {
            monthly_arrests(a).then(|| {
                months
                    .iter()
                    .map(|&m| {
                        cells.add(count(a, m).map_or(0, |c| c.value(Dimension::Outcome, "arrest")), arrest_kind(m))
                    })
                    .collect()
            })
        })
        .collect();
    let mut month_blocks: Vec<Vec<Relation>> = vec![Vec::new(); months.len()];
    for (i, block) in month_blocks.iter_mut().enumerate() {
        for a in 0..areas.len() {
            if children[a].is_empty() {
                continue;
            }
            block.push(Relation::total(searches[a][i], children[a].iter().map(|&c| searches[c][i]).collect()));
            if let Some(mine) = &arrests[a] {
                let parts: Option<Vec<usize>> =
                    children[a].iter().map(|&c| arrests[c].as_ref().map(|x| x[i])).collect();
                if let Some(parts) = parts {
                    block.push(Relation::total(mine[i], parts));
                }
            }
        }
    }
    // Each fixed 12-month period: searches and every value of every dimension,
    // a block of its own that also holds its sums with its months and theirs.
    let periods: Vec<Period> =
        periods(first, last).into_iter().filter(|p| provisional.is_none_or(|m| !p.contains(m))).collect();
    let mut period_cells = Vec::new();
    let mut cross_cells = Vec::new();
    let mut period_blocks = Vec::new();
    for period in &periods {
        let in_period: Vec<usize> =
            months.iter().enumerate().filter(|(_, m)| period.contains(**m)).map(|(i, _)| i).collect();
        // The attacker knows its months' sums too (their cells are frozen).
        let mut block: Vec<Relation> = in_period.iter().flat_map(|&i| month_blocks[i].iter().cloned()).collect();
        let total_of =
            |a: usize, f: &dyn Fn(&Counts) -> u32| period.months().map(|m| count(a, m).map_or(0, f)).sum::<u32>();
        let totals: Vec<usize> =
            (0..areas.len()).map(|a| cells.add(total_of(a, &|c| c.searches), Kind::Total)).collect();
        let values: Vec<Vec<Vec<usize>>> = Dimension::ALL
            .iter()
            .enumerate()
            .map(|(k, d)| {
                (0..d.values().len())
                    .map(|v| {
                        (0..areas.len()).map(|a| cells.add(total_of(a, &|c| c.values[k][v]), Kind::Count)).collect()
                    })
                    .collect()
            })
            .collect();
        for a in 0..areas.len() {
            // Months add up to the period.
            block.push(Relation::total(totals[a], in_period.iter().map(|&i| searches[a][i]).collect()));
            if let Some(mine) = &arrests[a] {
                block.push(Relation::total(
                    values[Dimension::Outcome as usize][arrest][a],
                    in_period.iter().map(|&i| mine[i]).collect(),
                ));
            }
            // Values add up to the searches (for a person dimension, the searches
            // of a person: see `stop_search::PERSON_TYPES`).
            let types = &values[Dimension::Type as usize];
            let person: Vec<usize> = stop_search::PERSON_TYPES
                .iter()
                .filter_map(|id| Dimension::Type.index_of(id))
                .map(|v| types[v][a])
                .collect();
            for (k, d) in Dimension::ALL.iter().enumerate() {
                let parts: Vec<usize> = values[k].iter().map(|v| v[a]).collect();
                let whole = if d.about_the_person() { person.clone() } else { vec![totals[a]] };
                block.push(Relation { left: whole, right: parts });
            }
            // Parts of an area add up to it.
            if !children[a].is_empty() {
                block.push(Relation::total(totals[a], children[a].iter().map(|&c| totals[c]).collect()));
                for per_value in values.iter().flatten() {
                    block.push(Relation::total(per_value[a], children[a].iter().map(|&c| per_value[c]).collect()));
                }
            }
        }
        // Searches of people by ethnic group × age × outcome group, for London
        // and its parts. They add up to the published searches by ethnic group
        // and by age; by outcome group, together with the other searches (never
        // published), to the published outcomes of all searches.
        let cross: Vec<Vec<usize>> = (0..borough_areas)
            .map(|a| (0..crosstab::cells()).map(|x| cells.add(total_of(a, &|c| c.cross[x]), Kind::Count)).collect())
            .collect();
        let codes: Vec<&str> = areas.iter().map(|a| a.code.as_str()).collect();
        let cross_block = cross_sums(&mut cells, &cross, &values, &children, &codes)?;
        period_blocks.push((block, cross_block));
        period_cells.push((totals, values));
        cross_cells.push(cross);
    }

    // Each month is protected on its own, then each period with its months as
    // they are (frozen): a block's cells depend only on its own counts, so
    // successive releases publish the same cells, or new ones.
    let n = cells.values.len();
    let mut suppressed = vec![false; n];
    let mut restored = 0;
    let none = vec![false; n];
    for (i, block) in month_blocks.iter().enumerate() {
        let fixed = disclosure::Fixed { spared: &none, frozen: &none };
        let mut mine = disclosure::protect_more(&cells.values, &cells.kinds, block, &suppressed, &fixed)
            .map_err(|e| format!("{}: {e}", months[i]))?;
        // London's arrests are the page's first figure: published again where safe.
        let candidates: Vec<usize> = arrests[0].iter().map(|x| x[i]).filter(|&c| mine[c]).collect();
        restored += disclosure::restore(&cells.values, &cells.kinds, &mut mine, block, &candidates, &none);
        suppressed = mine;
    }
    let mut frozen = vec![false; n];
    for c in searches.iter().flatten().chain(arrests.iter().flatten().flatten()) {
        frozen[*c] = true;
    }
    for (k, (block, cross_block)) in period_blocks.iter().enumerate() {
        let (totals, values) = &period_cells[k];
        let fixed = disclosure::Fixed { spared: &none, frozen: &frozen };
        let mut mine = disclosure::protect_more(&cells.values, &cells.kinds, block, &suppressed, &fixed)
            .map_err(|e| format!("{}: {e}", periods[k].describe()))?;
        // London's counts by dimension matter most to readers: publish again
        // those that protection hid where that is safe, London's arrests first
        // (the arrest rate is the page's first figure), then the largest, then
        // the searches of the boroughs, which the map shows. Zeros are left:
        // publishing one would give away the zeros hidden below it.
        let mut london: Vec<usize> = values.iter().flatten().map(|per_area| per_area[0]).collect();
        london.sort_by_key(|&c| std::cmp::Reverse(cells.values[c]));
        let mut borough_totals = totals[..borough_areas].to_vec();
        borough_totals.sort_by_key(|&c| std::cmp::Reverse(cells.values[c]));
        let candidates: Vec<usize> = std::iter::once(values[Dimension::Outcome as usize][arrest][0])
            .chain(london.into_iter().filter(|&c| cells.values[c] >= disclosure::THRESHOLD))
            .chain(borough_totals)
            .filter(|&c| mine[c])
            .collect();
        restored += disclosure::restore(&cells.values, &cells.kinds, &mut mine, block, &candidates, &frozen);
        // Then the cross-tabulation, as a table added to a protected
        // publication: its own cells are hidden to protect it (the others only
        // as a last resort), checked against its own sums first (fast), then
        // against all (where, if anything is still recovered, any cell of the
        // period may be hidden).
        let mut spared: Vec<bool> = cells.kinds.iter().map(|&k| k != Kind::Unpublished).collect();
        for &c in cross_cells[k].iter().flatten() {
            spared[c] = false;
        }
        let fixed = disclosure::Fixed { spared: &spared, frozen: &frozen };
        // Where its own sums cannot protect it, all of the period's can (below).
        let one_way = mine.clone();
        mine = disclosure::protect_more(&cells.values, &cells.kinds, cross_block, &mine, &fixed).unwrap_or(one_way);
        let all: Vec<Relation> = block.iter().chain(cross_block).cloned().collect();
        let published: Vec<Option<u32>> = cells.values.iter().zip(&mine).map(|(&v, &s)| (!s).then_some(v)).collect();
        if !disclosure::attack_published(&published, &all, &cells.kinds).is_empty() {
            let fixed = disclosure::Fixed { spared: &none, frozen: &frozen };
            mine = disclosure::protect_more(&cells.values, &cells.kinds, &all, &mine, &fixed)
                .map_err(|e| format!("{}: {e}", periods[k].describe()))?;
        }
        // The cross-tabulation's protection hides some large counts of London
        // and the boroughs: publish again those that are safe, largest first.
        let by_value = values.iter().flatten().flat_map(|per_area| per_area[..borough_areas].iter());
        let mut large: Vec<usize> = totals[..borough_areas]
            .iter()
            .chain(by_value)
            .copied()
            .filter(|&c| mine[c] && cells.values[c] >= disclosure::THRESHOLD)
            .collect();
        large.sort_by_key(|&c| std::cmp::Reverse(cells.values[c]));
        restored += disclosure::restore(&cells.values, &cells.kinds, &mut mine, &all, &large, &frozen);
        suppressed = mine;
    }
    let primary = cells.values.iter().zip(&cells.kinds).filter(|(&v, &k)| k == Kind::Count && k.primary(v)).count();
    let unpublished = cells.kinds.iter().filter(|&&k| k == Kind::Unpublished).count();
    let withheld = arrests.iter().flatten().flatten().filter(|&&c| cells.kinds[c] == Kind::Unpublished).count();
    let protection = Protection {
        cells: cells.values.len() - unpublished + withheld,
        withheld,
        primary,
        secondary: suppressed.iter().filter(|s| **s).count() - primary - unpublished,
        restored,
        cross_cells: cross_cells.iter().flatten().map(Vec::len).sum(),
        cross_suppressed: cross_cells.iter().flatten().flatten().filter(|&&c| suppressed[c]).count(),
    };
    let shown = |c: usize| (!suppressed[c]).then_some(cells.values[c]);
    let partial: Vec<PartialMonth> = stops
        .months
        .iter()
        .filter(|m| !m.complete)
        .map(|m| PartialMonth { month: m.month, first_day: m.first_day, last_day: m.last_day })
        .collect();
    let area_residents = |code: &str| -> Option<BTreeMap<String, u32>> {
        if residents.is_empty() {
            return None;
        }
        if code == LONDON {
            let mut all: BTreeMap<String, u32> = BTreeMap::new();
            for groups in residents.values() {
                for (g, n) in groups {
                    *all.entry(g.clone()).or_insert(0) += n;
                }
            }
            return Some(all);
        }
        residents.get(code).cloned()
    };
    let file = |range: std::ops::Range<usize>| StopsFile {
        schema: met_core::data::dataset::SCHEMA,
        threshold: disclosure::THRESHOLD,
        first,
        months: months.len(),
        partial: partial.clone(),
        areas: areas[range.clone()].to_vec(),
        searches: range.clone().map(|a| searches[a].iter().map(|&c| shown(c)).collect()).collect(),
        arrests: range.clone().map(|a| arrests[a].as_ref().map(|x| x.iter().map(|&c| shown(c)).collect())).collect(),
        residents: range.clone().map(|a| area_residents(&areas[a].code)).collect(),
        periods: periods
            .iter()
            .zip(&period_cells)
            .map(|(period, (totals, values))| PeriodCounts {
                period: *period,
                searches: range.clone().map(|a| shown(totals[a])).collect(),
                dimensions: Dimension::ALL
                    .iter()
                    .zip(values)
                    .map(|(d, per_value)| DimensionCounts {
                        dimension: *d,
                        values: d
                            .values()
                            .iter()
                            .zip(per_value)
                            .map(|(v, per_area)| ValueCounts {
                                value: v.id.to_string(),
                                counts: range.clone().map(|a| shown(per_area[a])).collect(),
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
    };
    let cross = CrossFile {
        schema: met_core::data::dataset::SCHEMA,
        threshold: disclosure::THRESHOLD,
        first,
        months: months.len(),
        areas: areas[..borough_areas].to_vec(),
        ethnicity: Dimension::Ethnicity.values().iter().map(|v| v.id.to_string()).collect(),
        age: Dimension::Age.values().iter().map(|v| v.id.to_string()).collect(),
        outcome: OUTCOME_GROUPS.iter().map(|g| g.id.to_string()).collect(),
        periods: periods
            .iter()
            .zip(&cross_cells)
            .map(|(period, per_area)| CrossPeriod {
                period: *period,
                counts: per_area.iter().map(|row| row.iter().map(|&c| shown(c)).collect()).collect(),
            })
            .collect(),
    };
    Ok(Published { boroughs: file(0..borough_areas), wards: file(borough_areas..areas.len()), cross, protection })
}

/// Where `later` publishes a month or a year of `earlier` differently (a
/// count, or whether it is hidden), by area: each block should be published
/// identically by every release that has it (`DISCLOSURE.md`, rule 6), unless
/// police.uk revised the month, or the areas changed. One line per month or
/// year that differs, naming the first area.
pub fn differences(earlier: &StopsFile, later: &StopsFile) -> Vec<String> {
    if earlier.areas != later.areas {
        return vec!["the areas differ (new boundaries?)".to_string()];
    }
    let mut out = Vec::new();
    for i in 0..earlier.months {
        let month = earlier.first.plus_months(i32::try_from(i).unwrap_or(0));
        let Some(j) = usize::try_from(month.index() - later.first.index()).ok().filter(|&j| j < later.months) else {
            continue;
        };
        let arrests = |f: &StopsFile, a: usize, m: usize| f.arrests[a].as_ref().map(|x| x[m]);
        let differs = (0..earlier.areas.len()).find(|&a| {
            earlier.searches[a][i] != later.searches[a][j] || arrests(earlier, a, i) != arrests(later, a, j)
        });
        if let Some(a) = differs {
            out.push(format!("{month} (first in {})", earlier.areas[a].name));
        }
    }
    for p in &earlier.periods {
        if let Some(q) = later.periods.iter().find(|q| q.period == p.period) {
            if q != p {
                out.push(p.period.describe());
            }
        }
    }
    out
}
