//! The pure core of Met Data Explorer.
//!
//! Everything here is plain Rust with no browser or UI imports, so it is tested
//! natively with `cargo test`. Data flows one way through these modules:
//! published files ([`crime_csv`], behind the `parse` feature) → merged releases
//! ([`merge`]) → app data files ([`dataset`]) → a filtered view ([`view`]) →
//! aggregates ([`aggregate`]) → a chart spec ([`chart`]), a table, and a
//! plain-language [`summary`]. The view itself lives in the URL ([`url_state`]).

pub mod about;
pub mod aggregate;
pub mod categories;
pub mod category;
pub mod chart;
pub mod choropleth;
#[cfg(feature = "parse")]
pub mod crime_csv;
pub mod crosstab;
pub mod dataset;
pub mod disclosure;
pub mod download;
pub mod embed;
pub mod figure;
pub mod format;
pub mod glossary;
pub mod guides;
pub mod merge;
pub mod month;
pub mod search;
pub mod stop_search;
pub mod stops_view;
pub mod summary;
pub mod trend;
pub mod url_state;
pub mod view;
pub mod wards;

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    /// The modules each module's source names with `crate::`, outside comments.
    fn imports() -> BTreeMap<String, BTreeSet<String>> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut out = BTreeMap::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let module = path.file_stem().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&path).unwrap();
            let code = text.lines().filter(|l| !l.trim_start().starts_with("//"));
            let names: BTreeSet<String> = code
                .flat_map(|l| {
                    l.split("crate::").skip(1).map(|rest| {
                        rest.chars().take_while(|c| c.is_ascii_lowercase() || *c == '_').collect::<String>()
                    })
                })
                .filter(|m| !m.is_empty() && *m != module)
                .collect();
            out.insert(module, names);
        }
        out
    }

    /// A cycle among the modules' imports, if any.
    fn cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
        fn visit(
            graph: &BTreeMap<String, BTreeSet<String>>,
            node: &str,
            path: &mut Vec<String>,
            done: &mut BTreeSet<String>,
        ) -> Option<Vec<String>> {
            if let Some(i) = path.iter().position(|p| p == node) {
                return Some(path[i..].to_vec());
            }
            if done.contains(node) {
                return None;
            }
            path.push(node.to_string());
            for next in graph.get(node).into_iter().flatten() {
                if let Some(c) = visit(graph, next, path, done) {
                    return Some(c);
                }
            }
            path.pop();
            done.insert(node.to_string());
            None
        }
        let mut done = BTreeSet::new();
        graph.keys().find_map(|m| visit(graph, m, &mut Vec::new(), &mut done))
    }

    #[test]
    fn the_core_has_no_import_cycles() {
        let graph = imports();
        assert!(graph["trend"].contains("aggregate") && graph.len() > 20, "the imports are read: {graph:?}");
        assert_eq!(cycle(&graph), None);
        // The check can fail: a module importing one that imports it is a cycle.
        let mut with_cycle = graph;
        with_cycle.get_mut("month").unwrap().insert("view".into());
        assert!(cycle(&with_cycle).is_some_and(|c| c.contains(&"month".to_string())));
    }
}
