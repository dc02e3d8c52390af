//! One stable category model across releases.
//!
//! The MPS files name categories differently over time (Title Case before 2024,
//! UPPER CASE since; `PUBLIC FEAR ALARM OR DISTRESS` vs `PUBLIC FEAR, ALARM OR
//! DISTRESS`). A category's identity is its *key*: the name lower-cased with
//! every run of punctuation or spaces turned into one hyphen. Minor categories
//! are keyed under their major category as `major/minor`, and `all` is the
//! total of every category.

/// The id of the total of all categories.
pub const ALL: &str = "all";

/// The stable key of a published category name.
///
/// ```
/// assert_eq!(met_core::crime::category::key("PUBLIC FEAR, ALARM OR DISTRESS"), "public-fear-alarm-or-distress");
/// assert_eq!(met_core::crime::category::key("Arson and Criminal Damage"), "arson-and-criminal-damage");
/// ```
pub fn key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for ch in name.trim().chars() {
        if ch.is_alphanumeric() {
            out.extend(ch.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') && ch != '\'' {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// The id of a minor category: `major-key/minor-key`.
pub fn minor_id(major: &str, minor: &str) -> String {
    format!("{}/{}", key(major), key(minor))
}

/// The major category id that a category id belongs to (itself for a major).
pub fn major_of(id: &str) -> &str {
    id.split_once('/').map_or(id, |(major, _)| major)
}

/// A readable form of an official UPPER CASE name: `RES BURGLARY OF A HOME` →
/// `Res burglary of a home`. Official names are kept as published elsewhere.
pub fn sentence_case(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    let mut chars = lower.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &str) {
        assert_eq!(key(input), expected, "input {input:?}");
    }

    #[test]
    fn keys_ignore_case_and_punctuation() {
        check("BURGLARY", "burglary");
        check("Burglary", "burglary");
        check("PUBLIC FEAR ALARM OR DISTRESS", "public-fear-alarm-or-distress");
        check("PUBLIC FEAR, ALARM OR DISTRESS", "public-fear-alarm-or-distress");
        check("BURGLARY - RESIDENTIAL", "burglary-residential");
        check("  Theft  From the Person ", "theft-from-the-person");
        check("St Peter's", "st-peters");
    }

    #[test]
    fn minor_ids_nest_under_majors() {
        assert_eq!(minor_id("BURGLARY", "RES BURGLARY OF A HOME"), "burglary/res-burglary-of-a-home");
        assert_eq!(major_of("burglary/res-burglary-of-a-home"), "burglary");
        assert_eq!(major_of("burglary"), "burglary");
        assert_eq!(sentence_case("NFIB FRAUD"), "Nfib fraud");
    }
}
