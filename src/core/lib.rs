//! The pure core of Met Data Explorer.
//!
//! Everything here is plain Rust with no browser or UI imports, so it is tested
//! natively with `cargo test`. The folders are its domains:
//!
//! * [`data`]: months, figures, the app's file formats, ward vintages, formats, area search;
//! * [`crime`]: the Met's crime files, merging, categories, and the crime view;
//! * [`stops`]: stop and search, its disclosure control and its view;
//! * [`explain`]: definitions, guides and the About page;
//! * [`share`]: the URL state, embeds and downloads;
//! * [`render`]: chart specs and map classes.
//!
//! Data flows one way through them: published files ([`crime::crime_csv`],
//! behind the `parse` feature) → merged releases ([`crime::merge`]) → app data
//! files ([`data::dataset`]) → a filtered view ([`crime::view`]) → aggregates
//! ([`crime::aggregate`]) → a chart spec ([`render::chart`]), a table, and a
//! plain-language [`crime::summary`]. The view itself lives in the URL
//! ([`share::url_state`]).

pub mod crime;
pub mod data;
pub mod explain;
pub mod render;
pub mod share;
pub mod stops;

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    /// The modules each module's source names with `crate::<domain>::<module>`,
    /// outside comments (a domain's `mod.rs` only declares its modules).
    fn imports() -> BTreeMap<String, BTreeSet<String>> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut out = BTreeMap::new();
        for domain in std::fs::read_dir(root).unwrap() {
            let domain = domain.unwrap().path();
            if !domain.is_dir() {
                continue;
            }
            for entry in std::fs::read_dir(&domain).unwrap() {
                let path = entry.unwrap().path();
                let module = path.file_stem().unwrap().to_string_lossy().into_owned();
                if path.extension().is_none_or(|e| e != "rs") || module == "mod" {
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                let code = text.lines().filter(|l| !l.trim_start().starts_with("//"));
                let word = |s: &str| s.chars().take_while(|c| c.is_ascii_lowercase() || *c == '_').collect::<String>();
                let names: BTreeSet<String> = code
                    .flat_map(|l| l.split("crate::").skip(1).map(str::to_string).collect::<Vec<_>>())
                    .filter_map(|rest| Some(word(rest.split_once("::")?.1)))
                    .filter(|m| !m.is_empty() && *m != module)
                    .collect();
                out.insert(module, names);
            }
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
