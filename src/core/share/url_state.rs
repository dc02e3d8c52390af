//! The view state and its URL: the one source of truth for what is on screen.
//!
//! [`from_query`] and [`to_query`] are a pure pair: `from_query(to_query(s)) == s`
//! for every valid state, `to_query` writes only values that differ from the
//! defaults, and `from_query` never fails: an unknown or bad parameter falls back
//! to its default and yields a [`Fallback`] saying why, for the page to show.
//!
//! Links are versioned: `to_query` starts every non-default view with
//! `v=` [`VERSION`], and [`migrate`] brings a link written by an earlier
//! version up to date before `from_query` reads it, so links shared or
//! embedded years ago keep opening the view they showed. Version 1 (links
//! without `v`) named the crime category `cat` and the stop-and-search
//! breakdown `dim`; version 2 calls them `crime` and `breakdown`.

use crate::crime::category;
use crate::data::dataset::{is_release_id, AreaKind, Level, Manifest};
use crate::data::month::{Month, Period};
use crate::stops::crosstab;
use crate::stops::stop_search::Dimension;

/// Which figures the page explores.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Explorer {
    /// Recorded crime (London Datastore).
    #[default]
    Crime,
    /// Stop and search (police.uk).
    Stops,
}

impl Explorer {
    pub fn token(self) -> &'static str {
        match self {
            Explorer::Crime => "crime",
            Explorer::Stops => "stops",
        }
    }
}

/// The page shown: the figures, or one of the pages that explain them. The
/// other parameters are kept on every page, so "back to the figures" returns
/// to the same view.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Page {
    #[default]
    Figures,
    /// Definitions of every category and term (`page=definitions`).
    Definitions,
    /// How-to guides (`page=guides`).
    Guides,
    /// The data catalogue: sources, licences, release calendar, cover sheets (`page=data`).
    Data,
    /// The accessibility statement (`page=accessibility`).
    Accessibility,
}

impl Page {
    pub const ALL: [Page; 5] = [Page::Figures, Page::Definitions, Page::Guides, Page::Data, Page::Accessibility];

    pub fn token(self) -> &'static str {
        match self {
            Page::Figures => "figures",
            Page::Definitions => "definitions",
            Page::Guides => "guides",
            Page::Data => "data",
            Page::Accessibility => "accessibility",
        }
    }

    /// The page's name in navigation and its title.
    pub fn title(self) -> &'static str {
        match self {
            Page::Figures => "Figures",
            Page::Definitions => "Definitions",
            Page::Guides => "How-to guides",
            Page::Data => "About the data",
            Page::Accessibility => "Accessibility statement",
        }
    }

    pub fn parse(token: &str) -> Option<Page> {
        Page::ALL.into_iter().find(|p| p.token() == token)
    }
}

/// What the user is looking at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ViewState {
    /// The page shown (`page=`); the figures by default.
    pub page: Page,
    pub explorer: Explorer,
    /// The selected area's code (a borough or a ward), or `None` for London as a whole.
    pub area: Option<String>,
    /// The level the map and table show when no area is chosen (`level=ward`:
    /// every ward in London). With an area chosen they show its borough's wards.
    pub level: Level,
    /// The category id (`all`, a major or a `major/minor` id).
    pub category: String,
    pub period: Period,
    /// What the map, chart and table measure.
    pub measure: Measure,
    /// Whether the chart shows 12-month rolling totals instead of single months.
    pub rolling: bool,
    /// The order of the table of areas.
    pub sort: Sort,
    /// The stop-and-search breakdown shown (`breakdown=`).
    pub dimension: Dimension,
    /// The age group of the ethnic group × outcome table (`age=`, an age value id).
    pub age: &'static str,
    /// Embed mode (`embed=chart` or `embed=map`): only that figure, with its
    /// title, summary, source and a link to the full view, for an `<iframe>`.
    pub embed: Option<Panel>,
    /// A data release the view is pinned to (`release=<id>`): its figures are
    /// read from that release's folder, whatever has been published since.
    /// `None` follows the latest release.
    pub release: Option<String>,
    /// An older vintage of wards shown instead of today's (`wards=2018`, or
    /// implied by an `area=` among them); `None` for today's wards.
    pub wards: Option<String>,
}

/// The figure an embedded view shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    Chart,
    Map,
}

impl Panel {
    pub const ALL: [Panel; 2] = [Panel::Chart, Panel::Map];

    pub fn token(self) -> &'static str {
        match self {
            Panel::Chart => "chart",
            Panel::Map => "map",
        }
    }

    pub fn parse(token: &str) -> Option<Panel> {
        Panel::ALL.into_iter().find(|p| p.token() == token)
    }
}

/// The breakdown a stop-and-search view opens on.
pub const DEFAULT_DIMENSION: Dimension = Dimension::Outcome;

/// What is measured: a count, a rate per 1,000 residents, a share of London,
/// or the change (on a year earlier in the map and table; indexed to the first
/// month in the chart).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Measure {
    Count,
    #[default]
    Rate,
    Share,
    Change,
}

impl Measure {
    pub const ALL: [Measure; 4] = [Measure::Count, Measure::Rate, Measure::Share, Measure::Change];

    pub fn token(self) -> &'static str {
        match self {
            Measure::Count => "count",
            Measure::Rate => "rate",
            Measure::Share => "share",
            Measure::Change => "change",
        }
    }

    pub fn parse(token: &str) -> Option<Measure> {
        Measure::ALL.into_iter().find(|m| m.token() == token)
    }

    /// The measure's name on buttons and headings.
    pub fn label(self) -> &'static str {
        match self {
            Measure::Count => "Number of offences",
            Measure::Rate => "Rate per 1,000 residents",
            Measure::Share => "Share of London",
            Measure::Change => "Change on a year earlier",
        }
    }
}

/// What the table of areas is sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum SortKey {
    #[default]
    Name,
    Count,
    Rate,
    Share,
    /// The change on the same period a year earlier, in per cent.
    Change,
}

impl SortKey {
    const TOKENS: [(SortKey, &'static str); 5] = [
        (SortKey::Name, "name"),
        (SortKey::Count, "count"),
        (SortKey::Rate, "rate"),
        (SortKey::Share, "share"),
        (SortKey::Change, "change"),
    ];
}

/// A table order: a column and a direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Sort {
    pub key: SortKey,
    pub descending: bool,
}

impl Sort {
    /// `name`, `-count`, `rate`…: a leading `-` means descending.
    pub fn token(self) -> String {
        let key = SortKey::TOKENS.iter().find(|(k, _)| *k == self.key).map_or("name", |(_, t)| *t);
        if self.descending {
            format!("-{key}")
        } else {
            key.to_string()
        }
    }

    pub fn parse(token: &str) -> Option<Sort> {
        let (descending, key) = token.strip_prefix('-').map_or((false, token), |k| (true, k));
        let key = SortKey::TOKENS.iter().find(|(_, t)| *t == key)?.0;
        Some(Sort { key, descending })
    }

    /// The order after clicking `key`'s column: the other direction if it is
    /// already sorted by `key`, else names A–Z and numbers highest first.
    pub fn toggled(self, key: SortKey) -> Sort {
        if self.key == key {
            Sort { key, descending: !self.descending }
        } else {
            Sort { key, descending: key != SortKey::Name }
        }
    }
}

/// What the URL may refer to: the valid areas, categories and months.
#[derive(Clone, Debug, PartialEq)]
pub struct Context {
    pub areas: Vec<String>,
    pub categories: Vec<String>,
    /// The months the data covers.
    pub available: Period,
    /// The months ward figures cover, if any are published.
    pub ward_available: Option<Period>,
    /// The codes of the wards among `areas`.
    pub wards: std::collections::BTreeSet<String>,
    /// Each ward's borough.
    pub ward_borough: std::collections::BTreeMap<String, String>,
    /// The 12-month periods of the stop-and-search figures, newest first
    /// (empty when no whole year from April to March is published).
    pub stop_periods: Vec<Period>,
    /// The months the stop-and-search view adds up from the monthly figures
    /// when no whole year is published (see
    /// [`StopsDataset::latest_whole_months`](crate::data::dataset::StopsDataset::latest_whole_months));
    /// `None` when stop and search is not published, or whole years are.
    pub stop_months: Option<Period>,
    /// The id of the data release loaded (see [`Manifest::release`]).
    pub release: String,
    /// The sets of wards a view may show, today's first, when older vintages
    /// are published (else empty).
    pub ward_choices: Vec<WardChoice>,
    /// The older vintage this context's areas and ward months are of.
    pub showing: Option<String>,
}

/// A set of wards to show: today's (`id` is `None`) or an older vintage's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WardChoice {
    pub id: Option<String>,
    /// "the wards drawn in May 2022".
    pub name: String,
    /// The months of crime figures on these wards.
    pub period: Period,
}

/// The older ward vintage a query asks for: `wards=<id>`, unless `area=`
/// names a ward of one vintage only, whose vintage wins. `None` for today's wards, and in stop
/// and search (counted on today's wards only).
pub fn wards_asked(query: &str, manifest: &Manifest) -> Option<String> {
    if param(query, "explorer").as_deref() == Some("stops") {
        return None;
    }
    let asked = param(query, "wards").filter(|w| manifest.older_wards.iter().any(|v| &v.id == w));
    let Some(area) = param(query, "area") else { return asked };
    let today = manifest.areas_of(Level::Ward).any(|a| a.code.eq_ignore_ascii_case(&area));
    let older = manifest.older_wards.iter().find(|v| v.areas.iter().any(|a| a.code.eq_ignore_ascii_case(&area)));
    // A ward in both (not redrawn in between) leaves the choice to `wards=`.
    match (today, older) {
        (true, None) => None,
        (false, Some(v)) => Some(v.id.clone()),
        _ => asked,
    }
}

/// What the URL may refer to in the view of the wards `wards` (`None`:
/// today's), for writing the address of a view of other wards.
pub fn context_for_wards(manifest: &Manifest, wards: Option<&str>) -> Context {
    let view = wards.and_then(|id| manifest.for_older_wards(id));
    Context::of_view(manifest, view.as_ref().unwrap_or(manifest))
}

impl Context {
    /// What a manifest's data lets the URL refer to: Met boroughs and wards,
    /// every category, and the months of the borough series.
    pub fn of(manifest: &Manifest) -> Context {
        Context::of_view(manifest, manifest)
    }

    /// What `view` (`manifest` itself, or its view of an older ward vintage,
    /// [`Manifest::for_older_wards`]) lets the URL refer to.
    pub fn of_view(manifest: &Manifest, view: &Manifest) -> Context {
        let mut context = Context::of_one(view);
        context.showing.clone_from(&view.older_view);
        if let (false, Some(today)) = (manifest.older_wards.is_empty(), manifest.dataset(Level::Ward)) {
            let name = manifest
                .ward_vintage
                .as_deref()
                .and_then(crate::data::wards::vintage)
                .map_or("today's wards", |v| v.name);
            context.ward_choices.push(WardChoice { id: None, name: name.to_string(), period: today.period });
            context.ward_choices.extend(manifest.older_wards.iter().map(|v| WardChoice {
                id: Some(v.id.clone()),
                name: v.name.clone(),
                period: v.period,
            }));
        }
        context
    }

    fn of_one(manifest: &Manifest) -> Context {
        let areas = manifest.areas.iter().filter(|a| a.kind == AreaKind::Area).map(|a| a.code.clone()).collect();
        let mut categories = vec![category::ALL.to_string()];
        categories.extend(manifest.categories.iter().map(|c| c.id.clone()));
        let available = manifest.dataset(Level::Borough).map_or_else(
            || {
                let month = Month::new(2024, 1).unwrap_or_else(|| unreachable!("January 2024 is a month"));
                Period::new(month, month)
            },
            |d| d.period,
        );
        let ward_available = manifest.dataset(Level::Ward).map(|d| d.period);
        let wards =
            manifest.areas_of(Level::Ward).filter(|a| a.kind == AreaKind::Area).map(|a| a.code.clone()).collect();
        let ward_borough =
            manifest.areas_of(Level::Ward).filter_map(|a| Some((a.code.clone(), a.borough.clone()?))).collect();
        let stop_periods = manifest.stops.as_ref().map(|s| s.periods.clone()).unwrap_or_default();
        let stop_months =
            manifest.stops.as_ref().filter(|s| s.periods.is_empty()).and_then(|s| s.latest_whole_months());
        Context {
            areas,
            categories,
            available,
            ward_available,
            wards,
            ward_borough,
            stop_periods,
            stop_months,
            release: manifest.release.clone(),
            ward_choices: Vec::new(),
            showing: None,
        }
    }

    /// The periods the stop-and-search view can show, newest first: its whole
    /// years, or else the latest months of monthly figures (empty when stop
    /// and search is not published).
    pub fn stop_choices(&self) -> Vec<Period> {
        if self.stop_periods.is_empty() {
            self.stop_months.into_iter().collect()
        } else {
            self.stop_periods.clone()
        }
    }

    /// Whether the stop-and-search explorer has figures to show.
    pub fn has_stops(&self) -> bool {
        !self.stop_choices().is_empty()
    }

    /// The default period of London's boroughs: the latest 12 months (or
    /// fewer, if less is published).
    pub fn default_period(&self) -> Period {
        self.available.latest_year()
    }

    /// The default period of a view: the latest 12 months of the figures its
    /// map shows, so a view of wards (any chosen area, or `level=ward`) opens
    /// on months that have ward figures.
    pub fn default_period_for(&self, explorer: Explorer, area: Option<&str>, level: Level) -> Period {
        if let (Explorer::Stops, Some(&latest)) = (explorer, self.stop_choices().first()) {
            return latest;
        }
        match self.ward_available {
            Some(wards) if area.is_some() || level == Level::Ward => wards.latest_year(),
            _ => self.default_period(),
        }
    }

    /// The default period of a state's view.
    pub fn default_period_of(&self, state: &ViewState) -> Period {
        self.default_period_for(state.explorer, state.area.as_deref(), state.level)
    }

    /// The state after choosing another explorer, area or level with `change`.
    /// A period left at its default follows the new view's default; a ward is
    /// never shown for months without ward figures, and stop and search only
    /// for its 12-month periods.
    pub fn retarget(&self, state: &ViewState, change: impl FnOnce(&mut ViewState)) -> ViewState {
        let mut next = state.clone();
        change(&mut next);
        if state.period == self.default_period_of(state) {
            next.period = self.default_period_of(&next);
        }
        if next.explorer == Explorer::Stops {
            if !self.stop_choices().contains(&next.period) {
                next.period = self.default_period_of(&next);
            }
            return next;
        }
        let is_ward = next.area.as_ref().is_some_and(|a| self.wards.contains(a));
        if let (true, Some(wards)) = (is_ward, self.ward_available) {
            if !(wards.contains(next.period.from) && wards.contains(next.period.to)) {
                next.period = wards.latest_year();
            }
        }
        next
    }

    /// The state after choosing the set of wards `wards`: a chosen ward
    /// gives way to its borough (wards of another vintage are other places),
    /// and the months are the latest year of those wards' figures.
    pub fn choose_wards(&self, state: &ViewState, wards: Option<String>) -> ViewState {
        let mut next = state.clone();
        if let Some(ward) = next.area.as_ref().filter(|a| self.wards.contains(*a)) {
            next.area = self.ward_borough.get(ward).cloned();
        }
        if let Some(choice) = self.ward_choices.iter().find(|c| c.id == wards) {
            next.period = choice.period.latest_year();
        }
        next.wards = wards;
        next
    }

    pub fn default_state(&self) -> ViewState {
        ViewState {
            page: Page::Figures,
            explorer: Explorer::Crime,
            area: None,
            level: Level::Borough,
            category: category::ALL.to_string(),
            period: self.default_period(),
            measure: Measure::default(),
            rolling: false,
            sort: Sort::default(),
            dimension: DEFAULT_DIMENSION,
            age: crosstab::DEFAULT_AGE,
            embed: None,
            release: None,
            wards: None,
        }
    }

    fn clamp(&self, month: Month) -> Month {
        month.max(self.available.from).min(self.available.to)
    }
}

/// A parameter that could not be used as given, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fallback {
    pub parameter: String,
    pub reason: String,
}

fn fallback(parameter: &str, reason: String) -> Fallback {
    Fallback { parameter: parameter.to_string(), reason }
}

/// Percent-decodes one query component (`+` is a space).
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match u8::from_str_radix(text.get(i + 1..i + 3).unwrap_or(""), 16) {
                Ok(b) => {
                    out.push(b);
                    i += 2;
                }
                Err(_) => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-encodes one query component, keeping `/` and `-` readable.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'/' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Shortens untrusted text before it is quoted back in a message.
fn quote(text: &str) -> String {
    let short: String = text.chars().take(40).collect();
    let ellipsis = if text.chars().count() > 40 { "…" } else { "" };
    format!("“{short}{ellipsis}”")
}

/// The decoded value of one parameter of the current version (see
/// [`migrate`]), before any validation (the first one wins).
pub fn param(query: &str, name: &str) -> Option<String> {
    let (query, _) = migrate(query);
    query.split('&').find_map(|pair| {
        let (n, v) = pair.split_once('=').unwrap_or((pair, ""));
        (decode(n) == name).then(|| decode(v))
    })
}

/// The data release a query asks for, if its id is well formed: the app
/// reads that release's folder before the manifest can confirm it (a
/// malformed id never reaches a request; [`from_query`] explains it).
pub fn requested_release(query: &str) -> Option<String> {
    param(query, "release").filter(|id| is_release_id(id))
}

/// The version of the link format that [`to_query`] writes.
pub const VERSION: u32 = 2;

/// Parameters renamed by each version: `(version, old name, new name)`.
const RENAMED: [(u32, &str, &str); 2] = [(2, "cat", "crime"), (2, "dim", "breakdown")];

/// Brings a query written by any version up to [`VERSION`] (without the
/// leading `?`), with a note if its version is not one this page knows. A
/// link without `v` is version 1. Parameters keep their order and their
/// encoding; only names change.
pub fn migrate(query: &str) -> (String, Vec<Fallback>) {
    let query = query.strip_prefix('?').unwrap_or(query);
    let pairs: Vec<(&str, &str)> =
        query.split('&').filter(|p| !p.is_empty()).map(|p| p.split_once('=').unwrap_or((p, ""))).collect();
    let mut notes = Vec::new();
    let given = pairs.iter().find(|(n, _)| decode(n) == "v").map(|(_, v)| decode(v));
    let version = match given.as_deref().map(str::parse::<u32>) {
        None => 1,
        Some(Ok(v)) if (1..=VERSION).contains(&v) => v,
        Some(Ok(v)) if v > VERSION => {
            notes.push(fallback(
                "v",
                format!("This link was made by a newer version of this site (version {v}); read as version {VERSION}."),
            ));
            VERSION
        }
        Some(_) => {
            notes.push(fallback(
                "v",
                format!("{} is not a link version; read as version {VERSION}.", quote(given.as_deref().unwrap_or(""))),
            ));
            VERSION
        }
    };
    let mut out = Vec::with_capacity(pairs.len() + 1);
    for (name, value) in pairs {
        let decoded = decode(name);
        if decoded == "v" {
            continue;
        }
        let renamed =
            RENAMED.iter().find(|(since, old, _)| version < *since && *old == decoded).map(|(_, _, new)| *new);
        out.push(format!("{}={value}", renamed.unwrap_or(name)));
    }
    if !out.is_empty() {
        out.insert(0, format!("v={VERSION}"));
    }
    (out.join("&"), notes)
}

/// Reads a view from a query string (with or without the leading `?`) of any
/// version (see [`migrate`]).
pub fn from_query(query: &str, context: &Context) -> (ViewState, Vec<Fallback>) {
    let mut state = context.default_state();
    let (query, mut notes) = migrate(query);
    let (mut from, mut to) = (None, None);
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        let (name, value) = (decode(name), decode(value));
        match name.as_str() {
            "v" => {}
            "page" => match Page::parse(&value) {
                Some(page) => state.page = page,
                None => notes.push(fallback(
                    "page",
                    format!(
                        "{} is not a page of this site (definitions, guides, data or accessibility); showing the figures.",
                        quote(&value)
                    ),
                )),
            },
            "explorer" => match value.as_str() {
                "crime" => state.explorer = Explorer::Crime,
                "stops" if context.has_stops() => state.explorer = Explorer::Stops,
                "stops" => notes.push(fallback(
                    "explorer",
                    "Stop-and-search figures are not published on this site yet; showing crime.".to_string(),
                )),
                _ => notes.push(fallback(
                    "explorer",
                    format!("{} is not a part of this site (crime or stops); showing crime.", quote(&value)),
                )),
            },
            "breakdown" => match Dimension::parse(&value) {
                Some(d) => state.dimension = d,
                None => notes.push(fallback(
                    "breakdown",
                    format!(
                        "{} is not a stop-and-search breakdown; showing {}.",
                        quote(&value),
                        DEFAULT_DIMENSION.label().to_lowercase()
                    ),
                )),
            },
            "age" => match Dimension::Age.values().iter().find(|v| v.id == value) {
                Some(v) => state.age = v.id,
                None => notes.push(fallback(
                    "age",
                    format!(
                        "{} is not an age group of the published tables; showing {}.",
                        quote(&value),
                        crosstab::default_age().label.to_lowercase()
                    ),
                )),
            },
            "embed" => match Panel::parse(&value) {
                Some(panel) => state.embed = Some(panel),
                None => {
                    state.embed = Some(Panel::Chart);
                    notes.push(fallback(
                        "embed",
                        format!("{} is not a figure to embed (chart or map); showing the chart.", quote(&value)),
                    ));
                }
            },
            "wards" => {
                // A published vintage not shown gave way to a ward of another (see `wards_asked`).
                if !context.ward_choices.iter().any(|c| c.id.as_deref() == Some(value.as_str())) {
                    notes.push(fallback(
                        "wards",
                        format!("No older wards {} are published here; showing today's wards.", quote(&value)),
                    ));
                }
            }
            "release" => {
                if value == context.release && is_release_id(&value) {
                    state.release = Some(value);
                } else {
                    notes.push(fallback(
                        "release",
                        format!(
                            "The data release {} is not published on this site any more; showing the latest figures.",
                            quote(&value)
                        ),
                    ));
                }
            }
            "area" => {
                if value.is_empty() || value.eq_ignore_ascii_case("london") {
                    state.area = None;
                } else if let Some(code) = context.areas.iter().find(|c| c.eq_ignore_ascii_case(&value)) {
                    state.area = Some(code.clone());
                } else {
                    notes.push(fallback("area", format!("No area has the code {}; showing London.", quote(&value))));
                }
            }
            "crime" => {
                if context.categories.contains(&value) {
                    state.category = value;
                } else {
                    notes.push(fallback(
                        "crime",
                        format!("There is no crime category {}; showing all crimes.", quote(&value)),
                    ));
                }
            }
            "level" => match value.as_str() {
                "borough" => state.level = Level::Borough,
                "ward" => state.level = Level::Ward,
                _ => notes.push(fallback(
                    "level",
                    format!("{} is not a level (borough or ward); showing boroughs.", quote(&value)),
                )),
            },
            "measure" => match Measure::parse(&value) {
                Some(measure) => state.measure = measure,
                None => notes.push(fallback(
                    "measure",
                    format!("{} is not a measure (count, rate, share or change); showing the rate.", quote(&value)),
                )),
            },
            "roll" => match value.as_str() {
                "12" => state.rolling = true,
                "1" => state.rolling = false,
                _ => notes.push(fallback(
                    "roll",
                    format!("{} is not a rolling period (12 or 1); showing single months.", quote(&value)),
                )),
            },
            "sort" => match Sort::parse(&value) {
                Some(sort) => state.sort = sort,
                None => notes.push(fallback(
                    "sort",
                    format!(
                        "{} is not a table order (name, count, rate, share or change); sorted by name.",
                        quote(&value)
                    ),
                )),
            },
            "from" | "to" => match Month::parse(&value) {
                Some(month) => {
                    let clamped = context.clamp(month);
                    if clamped != month {
                        notes.push(fallback(
                            &name,
                            format!(
                                "{} is outside the published months ({}); using {}.",
                                month.long_name(),
                                context.available.describe(),
                                clamped.long_name()
                            ),
                        ));
                    }
                    if name == "from" {
                        from = Some(clamped);
                    } else {
                        to = Some(clamped);
                    }
                }
                None => notes.push(fallback(&name, format!("{} is not a month like 2025-01; ignored.", quote(&value)))),
            },
            _ => notes
                .push(fallback(&name, format!("The parameter {} is not used by this page; ignored.", quote(&name)))),
        }
    }
    if state.explorer == Explorer::Crime {
        state.wards.clone_from(&context.showing);
    }
    let default = context.default_period_of(&state);
    state.period = match (from, to) {
        (None, None) => default,
        (Some(f), None) => Period::new(f, default.to.max(f)),
        (None, Some(t)) => Period::new(t.plus_months(-11).max(context.available.from).min(t), t),
        (Some(f), Some(t)) => {
            if f > t {
                notes.push(fallback("from", "The start month was after the end month; swapped them.".to_string()));
            }
            Period::new(f, t)
        }
    };
    if state.explorer == Explorer::Stops && !context.stop_choices().contains(&state.period) {
        let periods: Vec<String> = context.stop_periods.iter().map(|p| p.describe()).collect();
        let reason = if periods.is_empty() {
            format!(
                "No whole year of stop-and-search figures from April to March is published yet, so the view shows \
                 the latest months of monthly figures; showing {}.",
                default.describe()
            )
        } else {
            format!(
                "Stop-and-search figures are given for whole years from April to March ({}); showing {}.",
                periods.join("; "),
                default.describe()
            )
        };
        notes.push(fallback("from", reason));
        state.period = default;
    }
    (state, notes)
}

/// Writes a view as a query string (without `?`): the version, then only the
/// non-defaults in a fixed order. The empty string means the default view.
/// What a view shows, in one line for the bar that opens the controls on a
/// narrow screen: `Burglary · Jan–Dec 2025 · Rate per 1,000 residents`, and
/// `· 12-month rolling totals` when the chart shows them. `category_label` is
/// the crime category's name; stop and search names itself.
pub fn choices_line(state: &ViewState, category_label: &str) -> String {
    let (what, measure) = match state.explorer {
        Explorer::Stops if state.measure == Measure::Count => ("Stop and search", "Number of searches"),
        Explorer::Stops => ("Stop and search", state.measure.label()),
        Explorer::Crime => (category_label, state.measure.label()),
    };
    let mut parts = vec![what.to_string(), state.period.short(), measure.to_string()];
    if state.rolling && state.explorer == Explorer::Crime {
        parts.push("12-month rolling totals".to_string());
    }
    parts.join(" · ")
}

pub fn to_query(state: &ViewState, context: &Context) -> String {
    write(state, context, false)
}

/// The query of a link to share or embed: [`to_query`] with the period always
/// written, so the link shows the same months after newer figures are
/// published (a link without a period follows the latest figures).
pub fn share_query(state: &ViewState, context: &Context) -> String {
    write(state, context, true)
}

fn write(state: &ViewState, context: &Context, pin_period: bool) -> String {
    let default = context.default_state();
    let mut parts = Vec::new();
    if state.page != default.page {
        parts.push(format!("page={}", state.page.token()));
    }
    if state.explorer != default.explorer {
        parts.push(format!("explorer={}", state.explorer.token()));
    }
    if let Some(area) = &state.area {
        parts.push(format!("area={}", encode(area)));
    }
    if state.level != default.level {
        parts.push(format!("level={}", state.level.id()));
    }
    if let Some(wards) = &state.wards {
        parts.push(format!("wards={}", encode(wards)));
    }
    if state.category != default.category {
        parts.push(format!("crime={}", encode(&state.category)));
    }
    if state.measure != default.measure {
        parts.push(format!("measure={}", state.measure.token()));
    }
    if pin_period || state.period != context.default_period_of(state) {
        // Both ends are written so the period survives new data being published.
        parts.push(format!("from={}", state.period.from.iso()));
        parts.push(format!("to={}", state.period.to.iso()));
    }
    if state.rolling {
        parts.push("roll=12".to_string());
    }
    if state.sort != default.sort {
        parts.push(format!("sort={}", state.sort.token()));
    }
    if state.dimension != default.dimension {
        parts.push(format!("breakdown={}", state.dimension.token()));
    }
    if state.age != default.age {
        parts.push(format!("age={}", state.age));
    }
    if let Some(panel) = state.embed {
        parts.push(format!("embed={}", panel.token()));
    }
    if let Some(release) = &state.release {
        parts.push(format!("release={}", encode(release)));
    }
    if !parts.is_empty() {
        parts.insert(0, format!("v={VERSION}"));
    }
    parts.join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn context() -> Context {
        let m = |s| Month::parse(s).unwrap();
        Context {
            areas: vec!["E09000007".into(), "E09000033".into(), "E05013570".into()],
            categories: vec!["all".into(), "burglary".into(), "burglary/res-burglary-of-a-home".into()],
            available: Period::new(m("2010-04"), m("2026-06")),
            ward_available: Some(Period::new(m("2024-01"), m("2025-12"))),
            wards: ["E05013570".to_string()].into(),
            ward_borough: std::collections::BTreeMap::new(),
            stop_periods: vec![Period::new(m("2023-09"), m("2024-08")), Period::new(m("2022-09"), m("2023-08"))],
            stop_months: None,
            release: "0123456789ab".into(),
            ward_choices: Vec::new(),
            showing: None,
        }
    }

    /// Checks the state read from `query`, and the fallback parameters reported.
    fn check(query: &str, expected: (&Option<&str>, &str, &str, &str), fallbacks: &[&str]) {
        let (state, notes) = from_query(query, &context());
        let (area, cat, from, to) = expected;
        assert_eq!(state.area.as_deref(), *area, "area of {query:?}");
        assert_eq!(state.category, cat, "category of {query:?}");
        assert_eq!(state.period.from.iso(), from, "from of {query:?}");
        assert_eq!(state.period.to.iso(), to, "to of {query:?}");
        let names: Vec<&str> = notes.iter().map(|n| n.parameter.as_str()).collect();
        assert_eq!(names, fallbacks, "fallbacks of {query:?}: {notes:?}");
    }

    /// Checks the one-line summary of the choices of `query`'s view.
    fn check_choices(query: &str, label: &str, expected: &str) {
        let (state, _) = from_query(query, &context());
        assert_eq!(choices_line(&state, label), expected, "choices of {query:?}");
    }

    #[test]
    fn sums_up_the_choices_in_one_line() {
        check_choices("", "All crime", "All crime · Jul 2025–Jun 2026 · Rate per 1,000 residents");
        check_choices(
            "?cat=burglary&from=2025-01&to=2025-12&measure=change&roll=12",
            "Burglary",
            "Burglary · Jan–Dec 2025 · Change on a year earlier · 12-month rolling totals",
        );
        check_choices(
            "?explorer=stops&measure=count",
            "All crime",
            "Stop and search · Sep 2023–Aug 2024 · Number of searches",
        );
    }

    #[test]
    fn reads_good_and_bad_queries() {
        check("", (&None, "all", "2025-07", "2026-06"), &[]);
        check(
            "?area=E09000007&cat=burglary&from=2025-01&to=2025-12",
            (&Some("E09000007"), "burglary", "2025-01", "2025-12"),
            &[],
        );
        // A chosen area shows its wards, so its default period is the latest year of ward figures.
        check("area=e09000007", (&Some("E09000007"), "all", "2025-01", "2025-12"), &[]);
        check("level=ward", (&None, "all", "2025-01", "2025-12"), &[]);
        check(
            "cat=burglary%2Fres-burglary-of-a-home",
            (&None, "burglary/res-burglary-of-a-home", "2025-07", "2026-06"),
            &[],
        );
        check("area=E09000001", (&None, "all", "2025-07", "2026-06"), &["area"]);
        check("cat=%3Cscript%3E", (&None, "all", "2025-07", "2026-06"), &["crime"]);
        check("v=2&crime=%3Cscript%3E", (&None, "all", "2025-07", "2026-06"), &["crime"]);
        check("from=2025-13&to=banana", (&None, "all", "2025-07", "2026-06"), &["from", "to"]);
        check("from=2025-12&to=2025-01", (&None, "all", "2025-01", "2025-12"), &["from"]);
        check("from=2001-01&to=2030-01", (&None, "all", "2010-04", "2026-06"), &["from", "to"]);
        check("from=2020-03", (&None, "all", "2020-03", "2026-06"), &[]);
        check("to=2020-03", (&None, "all", "2019-04", "2020-03"), &[]);
        check("utm_source=x&&area=", (&None, "all", "2025-07", "2026-06"), &["utm_source"]);
        check("%zz=1", (&None, "all", "2025-07", "2026-06"), &["%zz"]);
        check("sort=-rate", (&None, "all", "2025-07", "2026-06"), &[]);
        check("sort=height", (&None, "all", "2025-07", "2026-06"), &["sort"]);
        check("level=ward&measure=share&roll=12", (&None, "all", "2025-01", "2025-12"), &[]);
        check("level=county&measure=fear&roll=6", (&None, "all", "2025-07", "2026-06"), &["level", "measure", "roll"]);
        // An embed of a figure it does not know shows the chart.
        let (state, notes) = from_query("v=2&embed=table", &context());
        assert_eq!((state.embed, notes.len()), (Some(Panel::Chart), 1));
        assert_eq!(from_query("v=2&embed=map", &context()).0.embed, Some(Panel::Map));
        // Pages keep the rest of the view, for the way back.
        let (state, notes) = from_query("v=2&page=guides&area=E09000007", &context());
        assert_eq!((state.page, state.area.as_deref(), notes.len()), (Page::Guides, Some("E09000007"), 0));
        check("page=%3Cimg%3E", (&None, "all", "2025-07", "2026-06"), &["page"]);
        for page in Page::ALL {
            let state = ViewState { page, ..context().default_state() };
            assert_eq!(from_query(&to_query(&state, &context()), &context()).0, state);
        }
    }

    #[test]
    fn an_older_vintage_of_wards_is_asked_for_by_its_id_or_one_of_its_wards() {
        let manifest = crate::data::dataset::with_older_wards();
        for (query, asked) in [
            ("v=2&wards=2018", Some("2018")),
            ("v=2&area=E05000130", Some("2018")),
            ("v=2&area=e05000130&wards=2014", Some("2018")),
            ("v=2&wards=2014", None),
            ("v=2&area=E05013660", None),
            ("v=2&area=E05013660&wards=2018", None),
            ("v=2&area=E09000007&wards=2018", Some("2018")),
            // A ward of both: as `wards=` says.
            ("v=2&area=E05011100&wards=2018", Some("2018")),
            ("v=2&area=E05011100", None),
            ("v=2&explorer=stops&wards=2018", None),
        ] {
            assert_eq!(wards_asked(query, &manifest).as_deref(), asked, "{query}");
        }
        // The view of the 2018 wards: their ward and months, written back as `wards=2018`.
        let old = manifest.for_older_wards("2018").unwrap();
        let ctx = Context::of_view(&manifest, &old);
        let (state, notes) = from_query("v=2&area=E05000130", &ctx);
        assert_eq!((state.area.as_deref(), state.wards.as_deref(), notes), (Some("E05000130"), Some("2018"), vec![]));
        assert_eq!(state.period.describe(), "May 2021 to April 2022");
        assert_eq!(to_query(&state, &ctx), "v=2&area=E05000130&wards=2018");
        assert_eq!(from_query(&to_query(&state, &ctx), &ctx).0, state);
        // Back to today's wards: the ward gives way to its borough, and the months follow.
        let today = ctx.choose_wards(&ViewState { area: Some("E05000130".into()), ..state }, None);
        let borough = Some("E09000007".to_string());
        assert_eq!(
            (today.area, today.wards, today.period.describe()),
            (borough, None, "January to December 2025".into())
        );
        let ctx_today = Context::of(&manifest);
        assert_eq!(ctx_today.ward_choices.iter().map(|c| c.id.as_deref()).collect::<Vec<_>>(), [None, Some("2018")]);
        // A ward of today's chosen while the 2018 wards were shown: today's, quietly.
        let (state, notes) = from_query("v=2&area=E05013660&wards=2018", &ctx_today);
        assert_eq!((state.area.as_deref(), state.wards, notes), (Some("E05013660"), None, vec![]));
        let (state, notes) = from_query("v=2&wards=2014", &ctx_today);
        assert_eq!((state.wards, notes[0].parameter.as_str()), (None, "wards"));
        assert_eq!(notes[0].reason, "No older wards “2014” are published here; showing today's wards.");
    }

    #[test]
    fn a_view_pinned_to_a_release_keeps_it_while_it_is_the_one_loaded() {
        let ctx = context();
        let pinned = |query: &str| {
            let (state, notes) = from_query(query, &ctx);
            (state.release, notes.iter().map(|n| n.parameter.clone()).collect::<Vec<_>>())
        };
        assert_eq!(pinned("v=2&release=0123456789ab"), (Some("0123456789ab".into()), vec![]));
        // The app loads the latest release when the pinned one is gone: the link
        // then says so and follows the latest figures.
        assert_eq!(pinned("v=2&release=ba9876543210"), (None, vec!["release".to_string()]));
        let (_, notes) = from_query("v=2&release=%3Cb%3E..%2F..%2F", &ctx);
        assert_eq!(
            notes[0].reason,
            "The data release “<b>../../” is not published on this site any more; showing the latest figures."
        );
        // Only a well-formed id is ever requested, before the manifest is read.
        assert_eq!(requested_release("v=2&release=0123456789ab").as_deref(), Some("0123456789ab"));
        for bad in ["release=..%2Fdata", "release=0123456789AB", "release=0123456789a", "release=", "area=x"] {
            assert_eq!(requested_release(bad), None, "{bad}");
        }
        let state = ViewState { release: Some("0123456789ab".into()), ..ctx.default_state() };
        assert_eq!(to_query(&state, &ctx), "v=2&release=0123456789ab");
        assert_eq!(share_query(&state, &ctx), "v=2&from=2025-07&to=2026-06&release=0123456789ab");
    }

    #[test]
    fn round_trips_and_writes_only_non_defaults() {
        let ctx = context();
        let m = |s| Month::parse(s).unwrap();
        let states = [
            ctx.default_state(),
            ViewState { area: Some("E09000007".into()), ..ctx.default_state() },
            ViewState { category: "burglary/res-burglary-of-a-home".into(), ..ctx.default_state() },
            ViewState { period: Period::new(m("2010-04"), m("2010-04")), ..ctx.default_state() },
            ViewState { sort: Sort { key: SortKey::Rate, descending: true }, ..ctx.default_state() },
            ViewState { sort: Sort { key: SortKey::Name, descending: true }, ..ctx.default_state() },
            ViewState { level: Level::Ward, measure: Measure::Count, rolling: true, ..ctx.default_state() },
            ViewState { measure: Measure::Share, sort: Sort::parse("-change").unwrap(), ..ctx.default_state() },
            ViewState { measure: Measure::Change, ..ctx.default_state() },
            ViewState {
                area: Some("E05013570".into()),
                level: Level::Ward,
                category: "burglary".into(),
                period: Period::new(m("2024-01"), m("2025-12")),
                measure: Measure::Share,
                rolling: true,
                sort: Sort { key: SortKey::Count, descending: false },
                explorer: Explorer::Crime,
                dimension: Dimension::Age,
                age: "over-34",
                embed: Some(Panel::Map),
                release: Some("0123456789ab".into()),
                page: Page::Definitions,
                wards: None,
            },
            ViewState {
                explorer: Explorer::Stops,
                period: Period::new(m("2023-09"), m("2024-08")),
                ..ctx.default_state()
            },
            ViewState {
                explorer: Explorer::Stops,
                area: Some("E09000007".into()),
                period: Period::new(m("2022-09"), m("2023-08")),
                dimension: Dimension::OfficerEthnicity,
                age: "10-17",
                measure: Measure::Count,
                ..ctx.default_state()
            },
        ];
        for state in states {
            let query = to_query(&state, &ctx);
            let (back, notes) = from_query(&query, &ctx);
            assert_eq!(back, state, "query {query:?}");
            assert!(notes.is_empty(), "{notes:?}");
        }
        assert_eq!(to_query(&ctx.default_state(), &ctx), "");
        let ward_year = Period::new(m("2025-01"), m("2025-12"));
        let state = ViewState {
            area: Some("E09000007".into()),
            category: "burglary".into(),
            period: ward_year,
            ..ctx.default_state()
        };
        assert_eq!(to_query(&state, &ctx), "v=2&area=E09000007&crime=burglary");
        let sorted = ViewState { sort: Sort { key: SortKey::Count, descending: true }, ..state };
        assert_eq!(to_query(&sorted, &ctx), "v=2&area=E09000007&crime=burglary&sort=-count");
        let all = ViewState { level: Level::Ward, measure: Measure::Count, rolling: true, ..sorted };
        assert_eq!(
            to_query(&all, &ctx),
            "v=2&area=E09000007&level=ward&crime=burglary&measure=count&roll=12&sort=-count"
        );
    }

    #[test]
    fn stop_and_search_views_use_their_own_periods() {
        let ctx = context();
        let m = |s| Month::parse(s).unwrap();
        let latest = Period::new(m("2023-09"), m("2024-08"));
        let (state, notes) = from_query("v=2&explorer=stops&breakdown=age", &ctx);
        assert_eq!((state.explorer, state.period, state.dimension), (Explorer::Stops, latest, Dimension::Age));
        assert!(notes.is_empty());
        assert_eq!(to_query(&state, &ctx), "v=2&explorer=stops&breakdown=age");
        // A period that is not one of the 12-month periods falls back to the latest, with a reason.
        let (state, notes) = from_query("v=2&explorer=stops&from=2024-01&to=2024-03&breakdown=height&age=17", &ctx);
        assert_eq!(state.period, latest);
        let names: Vec<&str> = notes.iter().map(|n| n.parameter.as_str()).collect();
        assert_eq!(names, ["breakdown", "age", "from"]);
        assert_eq!(state.age, crate::stops::crosstab::DEFAULT_AGE);
        let (state, notes) = from_query("explorer=shops", &ctx);
        assert_eq!((state.explorer, notes.len()), (Explorer::Crime, 1));
        // Without stop-and-search figures the link opens on crime.
        let none = Context { stop_periods: vec![], ..ctx.clone() };
        let (state, notes) = from_query("explorer=stops", &none);
        assert_eq!((state.explorer, notes.len()), (Explorer::Crime, 1));
        // Monthly figures without a whole year from April to March: the view adds up their latest months.
        let months = Period::new(m("2023-09"), m("2024-07"));
        let monthly = Context { stop_periods: vec![], stop_months: Some(months), ..ctx.clone() };
        assert_eq!(monthly.stop_choices(), [months]);
        let (state, notes) = from_query("explorer=stops", &monthly);
        assert_eq!((state.explorer, state.period, notes.len()), (Explorer::Stops, months, 0));
        assert_eq!(to_query(&state, &monthly), "v=2&explorer=stops");
        let (state, notes) = from_query("explorer=stops&from=2023-09&to=2024-08", &monthly);
        assert_eq!(state.period, months);
        assert!(notes[0].reason.contains("No whole year"), "{notes:?}");
        assert_eq!(monthly.retarget(&monthly.default_state(), |s| s.explorer = Explorer::Stops).period, months);
        // Moving between the explorers: default periods follow, a chosen crime period gives way.
        let crime = ctx.default_state();
        let stops = ctx.retarget(&crime, |s| s.explorer = Explorer::Stops);
        assert_eq!(stops.period, latest);
        let back = ctx.retarget(&stops, |s| s.explorer = Explorer::Crime);
        assert_eq!(back.period, ctx.default_period());
        let chosen = ViewState { period: Period::new(m("2019-01"), m("2019-12")), ..crime };
        assert_eq!(ctx.retarget(&chosen, |s| s.explorer = Explorer::Stops).period, latest);
        let earlier = ViewState { period: Period::new(m("2022-09"), m("2023-08")), ..stops };
        let ward = ctx.retarget(&earlier, |s| s.area = Some("E05013570".into()));
        assert_eq!(ward.period, Period::new(m("2022-09"), m("2023-08")));
        for d in Dimension::ALL {
            assert_eq!(Dimension::parse(d.token()), Some(d));
            assert_eq!(serde_json::to_string(&d).unwrap(), format!("\"{}\"", d.token()));
        }
    }

    #[test]
    fn choosing_an_area_moves_a_default_period_and_keeps_a_chosen_one() {
        let ctx = context();
        let m = |s| Month::parse(s).unwrap();
        let check = |from: &ViewState, area: Option<&str>, expected: (&str, &str)| {
            let next = ctx.retarget(from, |s| s.area = area.map(Into::into));
            assert_eq!(next.area.as_deref(), area);
            assert_eq!((next.period.from.iso().as_str(), next.period.to.iso().as_str()), expected, "to {area:?}");
        };
        let london = ctx.default_state();
        check(&london, Some("E09000007"), ("2025-01", "2025-12"));
        check(&london, Some("E05013570"), ("2025-01", "2025-12"));
        let chosen = ViewState { period: Period::new(m("2019-01"), m("2019-12")), ..london.clone() };
        check(&chosen, Some("E09000007"), ("2019-01", "2019-12"));
        // A ward has no figures for 2019: its latest year is shown instead.
        check(&chosen, Some("E05013570"), ("2025-01", "2025-12"));
        let camden = ctx.retarget(&london, |s| s.area = Some("E09000007".into()));
        check(&camden, None, ("2025-07", "2026-06"));
        let inside = ViewState { period: Period::new(m("2024-03"), m("2024-05")), ..camden };
        check(&inside, Some("E05013570"), ("2024-03", "2024-05"));
    }

    /// Checks what [`migrate`] makes of `query`, and the parameters it notes.
    fn check_migrate(query: &str, expected: &str, noted: &[&str]) {
        let (migrated, notes) = migrate(query);
        assert_eq!(migrated, expected, "{query:?}");
        let names: Vec<&str> = notes.iter().map(|n| n.parameter.as_str()).collect();
        assert_eq!(names, noted, "{query:?}: {notes:?}");
    }

    #[test]
    fn old_links_are_migrated() {
        // Version 1 (no `v`): `cat` and `dim` are renamed; order and encoding are kept.
        check_migrate("", "", &[]);
        check_migrate(
            "?area=E09000007&cat=burglary%2Fres-burglary-of-a-home",
            "v=2&area=E09000007&crime=burglary%2Fres-burglary-of-a-home",
            &[],
        );
        check_migrate("explorer=stops&dim=age&age=10-17", "v=2&explorer=stops&breakdown=age&age=10-17", &[]);
        // Version 2 is left as it is; `crime` in a version 1 link is not a renamed name.
        check_migrate("v=2&crime=burglary&cat=x", "v=2&crime=burglary&cat=x", &[]);
        check_migrate("crime=burglary", "v=2&crime=burglary", &[]);
        // A newer or a garbled version is read as this one, with a note.
        check_migrate("v=9&crime=theft", "v=2&crime=theft", &["v"]);
        check_migrate("v=%3Cb%3E&cat=theft", "v=2&cat=theft", &["v"]);
        // An old link opens the same view as its current form.
        let ctx = context();
        let (old, notes) = from_query("area=E09000007&cat=burglary&dim=age&from=2024-01&to=2024-12&sort=-rate", &ctx);
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!((old.category.as_str(), old.dimension), ("burglary", Dimension::Age));
        assert_eq!(
            to_query(&old, &ctx),
            "v=2&area=E09000007&crime=burglary&from=2024-01&to=2024-12&sort=-rate&breakdown=age"
        );
        assert_eq!(from_query(&to_query(&old, &ctx), &ctx), (old, vec![]));
        assert_eq!(param("cat=theft", "crime").as_deref(), Some("theft"));
    }

    #[test]
    fn shared_links_pin_the_period() {
        let ctx = context();
        let london = ctx.default_state();
        assert_eq!(to_query(&london, &ctx), "");
        assert_eq!(share_query(&london, &ctx), "v=2&from=2025-07&to=2026-06");
        let camden = ctx.retarget(&london, |s| s.area = Some("E09000007".into()));
        assert_eq!(share_query(&camden, &ctx), "v=2&area=E09000007&from=2025-01&to=2025-12");
        for state in [london, camden] {
            assert_eq!(from_query(&share_query(&state, &ctx), &ctx), (state, vec![]));
        }
    }

    #[test]
    fn sort_tokens_and_toggling() {
        let name = Sort::default();
        assert_eq!(name.token(), "name");
        assert_eq!(name.toggled(SortKey::Name).token(), "-name");
        assert_eq!(name.toggled(SortKey::Rate).token(), "-rate");
        assert_eq!(Sort::parse("-rate").unwrap().toggled(SortKey::Rate).token(), "rate");
        assert_eq!(Sort::parse("rate").map(Sort::token).as_deref(), Some("rate"));
        assert_eq!(Sort::parse("-"), None);
    }

    #[test]
    fn reads_one_raw_parameter() {
        assert_eq!(
            param("?v=2&crime=burglary%2Fres-burglary-of-a-home&x=1", "crime").as_deref(),
            Some("burglary/res-burglary-of-a-home")
        );
        assert_eq!(param("area=E09000007", "crime"), None);
        assert_eq!(param("v=2&crime=a&crime=b", "crime").as_deref(), Some("a"));
    }

    #[test]
    fn decodes_and_encodes_components() {
        assert_eq!(decode("a%20b+c%2F"), "a b c/");
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%G1"), "%G1");
        assert_eq!(encode("a b/c&d"), "a%20b/c%26d");
    }
}
