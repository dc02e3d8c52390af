//! Area search: type-ahead over borough and ward names, other names and codes.
//!
//! Matching ignores case, punctuation and accents' absence: "st peters" finds
//! "St Peter's", "ham petersham" finds "Ham, Petersham & Richmond Riverside",
//! "saint" and "st" are the same word, and "&" is "and". Results are ranked:
//! whole name, then name start, then a word start, then all words found; within
//! a rank boroughs come before wards, then names A–Z.

use crate::data::dataset::{AreaKind, Level, Manifest};

/// One search result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub code: String,
    pub name: String,
    /// E.g. "Borough" or "Ward in Tower Hamlets"; with "also known as …" when an
    /// other name matched.
    pub detail: String,
}

#[derive(PartialEq, Eq)]
struct Entry {
    code: String,
    name: String,
    level: Level,
    borough_name: String,
    /// The normalised name first, then normalised other names.
    keys: Vec<String>,
    aliases: Vec<String>,
    /// For a ward of an older vintage, its name ("the wards of May 2018 to May 2022").
    vintage: Option<String>,
}

/// A prepared index of every selectable area.
#[derive(PartialEq, Eq)]
pub struct SearchIndex {
    entries: Vec<Entry>,
}

/// Lower case, apostrophes dropped, `&` as "and", "saint" as "st", any other
/// punctuation as a space, single spaces.
pub fn normalise(text: &str) -> String {
    let mut spaced = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '\'' | '’' | '‘' | '.' => {}
            '&' => spaced.push_str(" and "),
            c if c.is_alphanumeric() => spaced.extend(c.to_lowercase()),
            _ => spaced.push(' '),
        }
    }
    let words: Vec<&str> = spaced.split_whitespace().map(|w| if w == "saint" { "st" } else { w }).collect();
    words.join(" ")
}

/// How well `key` matches `query` (both normalised): lower is better.
fn rank(key: &str, query: &str) -> Option<u8> {
    if key == query {
        Some(0)
    } else if key.starts_with(query) {
        Some(1)
    } else if key.contains(&format!(" {query}")) {
        Some(2)
    } else {
        let words: Vec<&str> = key.split(' ').collect();
        query.split(' ').all(|q| words.iter().any(|w| w.starts_with(q))).then_some(3)
    }
}

impl SearchIndex {
    /// Indexes the Met boroughs and wards of a manifest, today's and older
    /// vintages' (not pseudo-areas, not the City).
    pub fn new(manifest: &Manifest) -> SearchIndex {
        let borough_name = |code: &Option<String>| {
            code.as_deref().and_then(|c| manifest.area(c)).map_or(String::new(), |a| a.name.clone())
        };
        let today = manifest.areas.iter().map(|a| (a, None));
        // A ward not redrawn since is one of today's: listed once, as today's.
        let older = manifest.older_wards.iter().flat_map(|v| {
            v.areas.iter().filter(|a| manifest.area(&a.code).is_none()).map(move |a| (a, Some(v.name.clone())))
        });
        let entries = today
            .chain(older)
            .filter(|(a, _)| a.kind == AreaKind::Area)
            .map(|(a, vintage)| {
                let mut keys = vec![normalise(&a.name)];
                keys.extend(a.aliases.iter().map(|n| normalise(n)));
                Entry {
                    code: a.code.clone(),
                    name: a.name.clone(),
                    level: a.level,
                    borough_name: borough_name(&a.borough),
                    keys,
                    aliases: a.aliases.clone(),
                    vintage,
                }
            })
            .collect();
        SearchIndex { entries }
    }

    /// Up to `limit` areas matching `query`, best first.
    pub fn find(&self, query: &str, limit: usize) -> Vec<Hit> {
        let q = normalise(query);
        if q.is_empty() {
            return Vec::new();
        }
        let code_query = query.trim().to_ascii_uppercase();
        let mut found: Vec<(u8, Level, &Entry, Option<usize>)> = self
            .entries
            .iter()
            .filter_map(|e| {
                if code_query.len() >= 3 && e.code.starts_with(&code_query) {
                    return Some((if e.code == code_query { 0 } else { 1 }, e.level, e, None));
                }
                let (best, key) = e.keys.iter().enumerate().filter_map(|(i, k)| Some((rank(k, &q)?, i))).min()?;
                Some((best, e.level, e, (key > 0).then(|| key - 1)))
            })
            .collect();
        // Today's wards before older ones of the same name.
        found.sort_by(|a, b| {
            (a.0, a.1, a.2.vintage.is_some(), &a.2.name).cmp(&(b.0, b.1, b.2.vintage.is_some(), &b.2.name))
        });
        found
            .into_iter()
            .take(limit)
            .map(|(_, level, e, alias)| {
                let mut detail = match level {
                    Level::Borough => "Borough".to_string(),
                    Level::Ward => format!("Ward in {}", e.borough_name),
                };
                if let Some(vintage) = &e.vintage {
                    detail.push_str(&format!(", one of {vintage}"));
                }
                if let Some(name) = alias.and_then(|i| e.aliases.get(i)) {
                    detail.push_str(&format!(", also called {name}"));
                }
                Hit { code: e.code.clone(), name: e.name.clone(), detail }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::dataset::{Area, SCHEMA};

    fn area(code: &str, name: &str, level: Level, borough: Option<&str>, aliases: &[&str]) -> Area {
        Area {
            code: code.into(),
            name: name.into(),
            level,
            kind: if code == "E09000001" || borough == Some("E09000001") {
                AreaKind::NotPoliced
            } else {
                AreaKind::Area
            },
            borough: borough.map(Into::into),
            population: None,
            aliases: aliases.iter().map(|a| (*a).to_string()).collect(),
        }
    }

    fn index() -> SearchIndex {
        let manifest = Manifest {
            schema: SCHEMA,
            datasets: vec![],
            releases: vec![],
            categories: vec![],
            areas: vec![
                area("E09000030", "Tower Hamlets", Level::Borough, None, &[]),
                area("E09000027", "Richmond upon Thames", Level::Borough, None, &[]),
                area("E09000001", "City of London", Level::Borough, None, &[]),
                area("E05009331", "Bethnal Green West", Level::Ward, Some("E09000030"), &["St Peter's"]),
                area("E05009317", "Bethnal Green East", Level::Ward, Some("E09000030"), &["Bethnal Green"]),
                area("E05013780", "Ham, Petersham & Richmond Riverside", Level::Ward, Some("E09000027"), &[]),
                area("E05013790", "St Margarets & North Twickenham", Level::Ward, Some("E09000027"), &[]),
                area("E05009288", "Aldersgate", Level::Ward, Some("E09000001"), &[]),
            ],
            revisions: 0,
            inputs: vec![],
            outputs: vec![],
            stops: None,
            history: Vec::new(),
            release: String::new(),
            ward_vintage: None,
            older_wards: vec![crate::data::dataset::WardVintage {
                id: "2014".into(),
                name: "the wards of May 2014 to May 2018".into(),
                period: crate::data::month::Period::new(
                    crate::data::month::Month::new(2015, 1).unwrap(),
                    crate::data::month::Month::new(2018, 4).unwrap(),
                ),
                areas: vec![
                    area("E05000575", "Bethnal Green South", Level::Ward, Some("E09000030"), &[]),
                    area("E05009331", "Bethnal Green West", Level::Ward, Some("E09000030"), &[]),
                ],
                boundaries: true,
            }],
            older_view: None,
        };
        SearchIndex::new(&manifest)
    }

    fn check(query: &str, expected: &[(&str, &str)]) {
        let hits = index().find(query, 5);
        let got: Vec<(&str, &str)> = hits.iter().map(|h| (h.name.as_str(), h.detail.as_str())).collect();
        assert_eq!(got, expected, "query {query:?}");
    }

    #[test]
    fn finds_areas_by_forgiving_names_and_codes() {
        check("st peters", &[("Bethnal Green West", "Ward in Tower Hamlets, also called St Peter's")]);
        check("ST. PETER'S", &[("Bethnal Green West", "Ward in Tower Hamlets, also called St Peter's")]);
        check("saint margarets", &[("St Margarets & North Twickenham", "Ward in Richmond upon Thames")]);
        check("ham petersham", &[("Ham, Petersham & Richmond Riverside", "Ward in Richmond upon Thames")]);
        check("petersham and richmond", &[("Ham, Petersham & Richmond Riverside", "Ward in Richmond upon Thames")]);
        check(
            "richmond",
            &[
                ("Richmond upon Thames", "Borough"),
                ("Ham, Petersham & Richmond Riverside", "Ward in Richmond upon Thames"),
            ],
        );
        // Older wards are found too, after today's, and say which wards they are.
        check(
            "bethnal green",
            &[
                ("Bethnal Green East", "Ward in Tower Hamlets, also called Bethnal Green"),
                ("Bethnal Green West", "Ward in Tower Hamlets"),
                ("Bethnal Green South", "Ward in Tower Hamlets, one of the wards of May 2014 to May 2018"),
            ],
        );
        check("e05009331", &[("Bethnal Green West", "Ward in Tower Hamlets")]);
        check("city of london", &[]);
        check("aldersgate", &[]);
        check("  ", &[]);
        check("zzz", &[]);
    }

    #[test]
    fn normalises_punctuation_and_saint() {
        assert_eq!(normalise("  Ham, Petersham & Richmond Riverside "), "ham petersham and richmond riverside");
        assert_eq!(normalise("Saint Peter’s"), "st peters");
        assert_eq!(normalise("St. Helier"), "st helier");
    }
}
