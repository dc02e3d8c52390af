//! The committed category table: every crime category the MPS files have
//! used, with a plain-language name, and the other spellings that mean it.
//!
//! Category identity is the [`category::key`](crate::crime::category::key) of the
//! published name, which already absorbs case and punctuation (Title Case
//! before 2024, UPPER CASE since, `PUBLIC FEAR ALARM OR DISTRESS` with or
//! without the comma). [`VARIANTS`] maps the spellings that differ by more
//! (renamed or truncated names) onto one id. `prepare` reports any category
//! that is in neither table, and keeps its figures under its own key, so a
//! new category is never silently dropped.

use crate::crime::category;

/// `(id, plain name)`: what each category counts, in plain words.
pub const PLAIN: &[(&str, &str)] = &[
    ("all", "Every crime the Met recorded"),
    ("arson-and-criminal-damage", "Deliberate fires and damage to property"),
    ("arson-and-criminal-damage/arson", "Deliberately setting fire to property"),
    ("arson-and-criminal-damage/criminal-damage", "Damaging or destroying property, such as vandalism or graffiti"),
    ("burglary", "Entering a building as a trespasser to steal or do harm"),
    (
        "burglary/burglary-business-and-community",
        "Burglary of shops, offices, schools, churches and other buildings that are not homes",
    ),
    ("burglary/burglary-in-a-dwelling", "Burglary of a home (the older category, used until 2023)"),
    ("burglary/burglary-non-dwelling", "Burglary of a building that is not a home (an older category)"),
    ("burglary/burglary-residential", "Burglary of a home or of a building on its land, counted together"),
    ("burglary/res-burglary-of-a-home", "Burglary of a home, including a garage or shed joined to it"),
    (
        "burglary/res-burglary-of-unconnected-building",
        "Burglary of a shed, garage or other building on a home's land but not joined to it",
    ),
    ("drug-offences", "Having, making or dealing illegal drugs"),
    ("drug-offences/possession-of-drugs", "Having illegal drugs, usually for one's own use"),
    ("drug-offences/trafficking-of-drugs", "Producing, supplying or dealing illegal drugs"),
    ("fraud-and-forgery", "Fraud and forgery recorded by the Met itself (most fraud is reported to Action Fraud)"),
    ("fraud-and-forgery/fraud-and-forgery", "Fraud and forgery recorded by the Met itself"),
    (
        "miscellaneous-crimes-against-society",
        "Other crimes against society, such as perverting the course of justice or bail offences",
    ),
    (
        "miscellaneous-crimes-against-society/misc-crimes-against-society",
        "Other crimes against society, such as perverting the course of justice or bail offences",
    ),
    ("nfib-fraud", "Fraud reported to Action Fraud and passed to the Met by the National Fraud Intelligence Bureau"),
    ("nfib-fraud/nfib", "Fraud passed to the Met by the National Fraud Intelligence Bureau"),
    ("possession-of-weapons", "Carrying or having a knife, gun or other weapon"),
    ("possession-of-weapons/possession-of-weapons", "Carrying or having a knife, gun or other weapon"),
    ("public-order-offences", "Behaviour in public that causes fear, alarm or distress, or violent disorder"),
    ("public-order-offences/other-offences-public-order", "Other public order offences"),
    ("public-order-offences/public-fear-alarm-or-distress", "Causing fear, alarm or distress in public"),
    (
        "public-order-offences/race-or-religious-agg-public-fear",
        "Causing fear, alarm or distress in public, made worse by hostility to race or religion",
    ),
    ("public-order-offences/violent-disorder", "Three or more people using or threatening violence together"),
    ("robbery", "Stealing using force or the threat of force"),
    ("robbery/robbery-of-business-property", "Robbery of a business's money or goods"),
    ("robbery/robbery-of-personal-property", "Robbery of a person's own things, such as a phone or bag"),
    ("sexual-offences", "Rape and other sexual offences"),
    ("sexual-offences/other-sexual-offences", "Sexual offences other than rape, such as sexual assault"),
    ("sexual-offences/rape", "Rape"),
    ("theft", "Taking someone else's property without force"),
    ("theft/bicycle-theft", "Theft of a bicycle"),
    ("theft/other-theft", "Other theft, such as from a building or of property left unattended"),
    ("theft/shoplifting", "Theft from a shop"),
    ("theft/theft-from-the-person", "Theft directly from a person without force, such as pickpocketing"),
    ("vehicle-offences", "Theft of or from vehicles, and interfering with them"),
    (
        "vehicle-offences/aggravated-vehicle-taking",
        "Taking a vehicle without consent where it is then driven dangerously, damaged or causes injury",
    ),
    ("vehicle-offences/interfering-with-a-motor-vehicle", "Tampering with a vehicle, for example trying its doors"),
    ("vehicle-offences/theft-from-a-vehicle", "Theft of things from a vehicle"),
    (
        "vehicle-offences/theft-or-unauth-taking-of-a-motor-veh",
        "Theft of a motor vehicle, or taking it without permission",
    ),
    ("violence-against-the-person", "Violence and threats against people, from assault to homicide"),
    (
        "violence-against-the-person/death-serious-injury-illegal-driving",
        "Causing death or serious injury by dangerous, careless or illegal driving",
    ),
    ("violence-against-the-person/homicide", "Murder, manslaughter and infanticide"),
    ("violence-against-the-person/stalking-and-harassment", "Stalking and harassment"),
    ("violence-against-the-person/violence-with-injury", "Violence that causes an injury"),
    (
        "violence-against-the-person/violence-without-injury",
        "Violence or threats without injury, such as common assault",
    ),
];

/// `(variant id, id)`: spellings of earlier releases that differ from the
/// current one by more than case and punctuation.
pub const VARIANTS: &[(&str, &str)] = &[
    (
        "miscellaneous-crimes-against-society/miscellaneous-crimes-against-society",
        "miscellaneous-crimes-against-society/misc-crimes-against-society",
    ),
    (
        "vehicle-offences/theft-or-unauthorised-taking-of-a-motor-vehicle",
        "vehicle-offences/theft-or-unauth-taking-of-a-motor-veh",
    ),
    ("nfib-fraud/nfib-fraud", "nfib-fraud/nfib"),
];

/// A category of the older classification (the `Borough,Major Category,Minor
/// Category` files of 2008 to 2016) and today's category it is counted in. Its
/// keys are written without "and", which the files spell both ways ("Theft &
/// Handling", "Theft and Handling").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Older {
    /// The older major and minor category, as keys.
    pub major: &'static str,
    pub minor: &'static str,
    /// Today's leaf (minor) category id.
    pub leaf: &'static str,
    /// Whether the two count the same offences, so the series runs on; if not,
    /// charts mark a break where the files change.
    pub same: bool,
}

const fn older(major: &'static str, minor: &'static str, leaf: &'static str, same: bool) -> Older {
    Older { major, minor, leaf, same }
}

/// The older classification mapped onto today's categories. Several older
/// categories may be counted in one of today's (their figures are added).
pub const OLDER: &[Older] = &[
    older("burglary", "burglary-in-a-dwelling", "burglary/burglary-in-a-dwelling", true),
    older("burglary", "burglary-in-other-buildings", "burglary/burglary-non-dwelling", true),
    older("criminal-damage", "criminal-damage-to-dwelling", "arson-and-criminal-damage/criminal-damage", false),
    older("criminal-damage", "criminal-damage-to-motor-vehicle", "arson-and-criminal-damage/criminal-damage", false),
    older("criminal-damage", "criminal-damage-to-other-building", "arson-and-criminal-damage/criminal-damage", false),
    older("criminal-damage", "other-criminal-damage", "arson-and-criminal-damage/criminal-damage", false),
    older("drugs", "drug-trafficking", "drug-offences/trafficking-of-drugs", true),
    older("drugs", "possession-of-drugs", "drug-offences/possession-of-drugs", true),
    older("drugs", "other-drugs", "drug-offences/trafficking-of-drugs", false),
    older("fraud-forgery", "counted-per-victim", "fraud-and-forgery/fraud-and-forgery", false),
    older("fraud-forgery", "other-fraud-forgery", "fraud-and-forgery/fraud-and-forgery", false),
    older(
        "other-notifiable-offences",
        "going-equipped",
        "miscellaneous-crimes-against-society/misc-crimes-against-society",
        false,
    ),
    older(
        "other-notifiable-offences",
        "other-notifiable",
        "miscellaneous-crimes-against-society/misc-crimes-against-society",
        false,
    ),
    older("robbery", "business-property", "robbery/robbery-of-business-property", true),
    older("robbery", "personal-property", "robbery/robbery-of-personal-property", true),
    older("sexual-offences", "rape", "sexual-offences/rape", true),
    older("sexual-offences", "other-sexual", "sexual-offences/other-sexual-offences", true),
    older("theft-handling", "theft-from-shops", "theft/shoplifting", true),
    older("theft-handling", "theft-taking-of-pedal-cycle", "theft/bicycle-theft", true),
    older("theft-handling", "other-theft-person", "theft/theft-from-the-person", true),
    older("theft-handling", "other-theft", "theft/other-theft", true),
    older("theft-handling", "theft-from-motor-vehicle", "vehicle-offences/theft-from-a-vehicle", true),
    older(
        "theft-handling",
        "theft-taking-of-motor-vehicle",
        "vehicle-offences/theft-or-unauth-taking-of-a-motor-veh",
        false,
    ),
    older(
        "theft-handling",
        "motor-vehicle-interference-tampering",
        "vehicle-offences/interfering-with-a-motor-vehicle",
        true,
    ),
    older(
        "theft-handling",
        "handling-stolen-goods",
        "miscellaneous-crimes-against-society/misc-crimes-against-society",
        false,
    ),
    older(
        "violence-against-the-person",
        "assault-with-injury",
        "violence-against-the-person/violence-with-injury",
        false,
    ),
    older("violence-against-the-person", "wounding-gbh", "violence-against-the-person/violence-with-injury", false),
    older(
        "violence-against-the-person",
        "common-assault",
        "violence-against-the-person/violence-without-injury",
        false,
    ),
    older(
        "violence-against-the-person",
        "other-violence",
        "violence-against-the-person/violence-without-injury",
        false,
    ),
    older("violence-against-the-person", "harassment", "violence-against-the-person/stalking-and-harassment", false),
    older("violence-against-the-person", "murder", "violence-against-the-person/homicide", false),
    older("violence-against-the-person", "offensive-weapon", "possession-of-weapons/possession-of-weapons", false),
];

/// Today's major categories whose totals count other offences than the older
/// classification's categories counted in them, so that their series breaks
/// where the files change. (Theft, vehicle offences, drugs, burglary, robbery
/// and sexual offences run on: their older minor categories map one to one or
/// add up to the same offences.)
pub const OLDER_MAJOR_BREAKS: &[&str] = &[
    "arson-and-criminal-damage",
    "fraud-and-forgery",
    "miscellaneous-crimes-against-society",
    "possession-of-weapons",
    "violence-against-the-person",
];

/// The older category a published major and minor name is, if it is one.
pub fn older_category(major: &str, minor: &str) -> Option<&'static Older> {
    let key = |name: &str| category::key(name).replace("-and-", "-");
    let (major, minor) = (key(major), key(minor));
    OLDER.iter().find(|o| o.major == major && o.minor == minor)
}

/// The categories whose series breaks where the older classification gives
/// way to today's: the leaves that older categories are counted in without
/// being the same, and [`OLDER_MAJOR_BREAKS`].
pub fn older_breaks() -> Vec<&'static str> {
    let mut ids: Vec<&str> = OLDER.iter().filter(|o| !o.same).map(|o| o.leaf).collect();
    ids.extend(OLDER_MAJOR_BREAKS);
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// The ids of a published major and minor name: `(major id, leaf id, known)`,
/// where `known` says whether the table has the leaf.
pub fn resolve(major: &str, minor: &str) -> (String, String, bool) {
    if let Some(o) = older_category(major, minor) {
        return (category::major_of(o.leaf).to_string(), o.leaf.to_string(), true);
    }
    let canonical = |id: String| VARIANTS.iter().find(|(v, _)| *v == id).map_or(id, |(_, c)| (*c).to_string());
    let major_id = canonical(category::key(major));
    let leaf = canonical(format!("{major_id}/{}", category::key(minor)));
    let known = plain_name(&leaf).is_some() && plain_name(&major_id).is_some();
    (major_id, leaf, known)
}

/// The plain-language name of a category id.
pub fn plain_name(id: &str) -> Option<&'static str> {
    PLAIN.iter().find(|(i, _)| *i == id).map(|(_, p)| *p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(major: &str, minor: &str, expected: (&str, &str, bool)) {
        let (a, b, known) = resolve(major, minor);
        assert_eq!((a.as_str(), b.as_str(), known), expected, "{major:?} / {minor:?}");
    }

    #[test]
    fn spellings_of_every_era_resolve_to_one_id() {
        check("BURGLARY", "RES BURGLARY OF A HOME", ("burglary", "burglary/res-burglary-of-a-home", true));
        check("Burglary", "Burglary - Residential", ("burglary", "burglary/burglary-residential", true));
        check(
            "Public Order Offences",
            "Public Fear Alarm or Distress",
            ("public-order-offences", "public-order-offences/public-fear-alarm-or-distress", true),
        );
        check(
            "Miscellaneous Crimes Against Society",
            "Miscellaneous Crimes Against Society",
            (
                "miscellaneous-crimes-against-society",
                "miscellaneous-crimes-against-society/misc-crimes-against-society",
                true,
            ),
        );
        check("NFIB FRAUD", "NFIB", ("nfib-fraud", "nfib-fraud/nfib", true));
        check("CYBER CRIME", "HACKING", ("cyber-crime", "cyber-crime/hacking", false));
    }

    #[test]
    fn the_older_classification_maps_onto_todays() {
        check("Drugs", "Possession Of Drugs", ("drug-offences", "drug-offences/possession-of-drugs", true));
        check("Theft & Handling", "Theft From Shops", ("theft", "theft/shoplifting", true));
        check("Theft and Handling", "Theft From Shops", ("theft", "theft/shoplifting", true));
        for fraud in ["Fraud & Forgery", "Fraud and Forgery"] {
            check(fraud, "Counted per Victim", ("fraud-and-forgery", "fraud-and-forgery/fraud-and-forgery", true));
            check(fraud, "Other Fraud & Forgery", ("fraud-and-forgery", "fraud-and-forgery/fraud-and-forgery", true));
        }
        // A theft of the older classification can be one of today's vehicle offences.
        check(
            "Theft & Handling",
            "Theft From Motor Vehicle",
            ("vehicle-offences", "vehicle-offences/theft-from-a-vehicle", true),
        );
        check(
            "Other Notifiable Offences",
            "Going Equipped",
            (
                "miscellaneous-crimes-against-society",
                "miscellaneous-crimes-against-society/misc-crimes-against-society",
                true,
            ),
        );
        check("Burglary", "Burglary in Other Buildings", ("burglary", "burglary/burglary-non-dwelling", true));
        let breaks = older_breaks();
        assert!(
            breaks.contains(&"violence-against-the-person") && breaks.contains(&"drug-offences/trafficking-of-drugs")
        );
        assert!(!breaks.contains(&"drug-offences") && !breaks.contains(&"theft/shoplifting"), "{breaks:?}");
        for o in OLDER {
            assert!(plain_name(o.leaf).is_some(), "older {}/{} maps to {}, not in the table", o.major, o.minor, o.leaf);
        }
    }

    #[test]
    fn the_table_is_consistent() {
        for (id, plain) in PLAIN {
            assert!(!plain.is_empty(), "{id}");
            if let Some((major, _)) = id.split_once('/') {
                assert!(plain_name(major).is_some(), "{id} has no major category in the table");
            }
        }
        for (variant, id) in VARIANTS {
            assert!(plain_name(id).is_some(), "variant {variant} maps to {id}, which is not in the table");
            assert!(plain_name(variant).is_none(), "{variant} is both a variant and an id");
        }
    }
}
