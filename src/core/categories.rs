//! The committed category table: every crime category the MPS files have
//! used, with a plain-language name, and the other spellings that mean it.
//!
//! Category identity is the [`category::key`](crate::category::key) of the
//! published name, which already absorbs case and punctuation (Title Case
//! before 2024, UPPER CASE since, `PUBLIC FEAR ALARM OR DISTRESS` with or
//! without the comma). [`VARIANTS`] maps the spellings that differ by more
//! (renamed or truncated names) onto one id. `prepare` reports any category
//! that is in neither table, and keeps its figures under its own key, so a
//! new category is never silently dropped.

use crate::category;

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

/// The ids of a published major and minor name: `(major id, leaf id, known)`,
/// where `known` says whether the table has the leaf.
pub fn resolve(major: &str, minor: &str) -> (String, String, bool) {
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
