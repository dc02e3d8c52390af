//! Ward boundary vintages.
//!
//! London's wards were redrawn borough by borough: every borough in 2002, then
//! Hackney, Kensington and Chelsea and Tower Hamlets in 2014, Bexley, Croydon,
//! Redbridge and Southwark in 2018, and the other 25 boroughs in May 2022. Each
//! redrawing gave the new wards new GSS codes from a new range, and a ward that
//! was not redrawn kept its code. A ward file of the Met is published on the
//! wards of its day, so the newest code range in it tells its *vintage*: a
//! 2019 file has `E05011…` codes but no `E05013…` ones. Wards of different
//! vintages are different places and are never merged into one list or map.

use crate::data::month::Month;

/// A set of London's wards in force together.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Vintage {
    /// `2022`, `2018`, `2014`, `2002`, or `later` for codes newer than any known.
    pub id: &'static str,
    /// For people: "the wards drawn in May 2022".
    pub name: &'static str,
    /// The first code of the range this vintage brought in.
    pub first_code: &'static str,
}

/// The known vintages, newest first; a file belongs to the first whose
/// range its newest code reaches.
pub const VINTAGES: [Vintage; 5] = [
    Vintage { id: "later", name: "wards newer than those of May 2022", first_code: "E05015000" },
    Vintage { id: "2022", name: "the wards drawn in May 2022", first_code: "E05013000" },
    Vintage { id: "2018", name: "the wards of May 2018 to May 2022", first_code: "E05011000" },
    Vintage { id: "2014", name: "the wards of May 2014 to May 2018", first_code: "E05009000" },
    Vintage { id: "2002", name: "the wards of May 2002 to May 2014", first_code: "E05000000" },
];

/// The vintage of a set of ward codes: the newest range any of them is in.
/// Codes that are not ward codes (`E05…`) are passed over; `None` if none is.
///
/// A file of a few boroughs may hold no code of the ranges of 2014 or 2018
/// although it was published on those wards (Camden kept its codes from 2002
/// to 2022); its `last` month, when given, then decides between 2002, 2014
/// and 2018. It never decides for May 2022 or later: every file on those wards
/// holds codes of their own range.
pub fn vintage_of<'a>(codes: impl IntoIterator<Item = &'a str>, last: Option<Month>) -> Option<&'static Vintage> {
    let newest = codes.into_iter().filter(|c| c.starts_with("E05") && c.len() == 9).max()?;
    let by_codes = VINTAGES.iter().position(|v| newest >= v.first_code)?;
    let by_date = last.and_then(|m| {
        let may = |year: u16| Month::new(year, 5);
        [("2018", may(2018)), ("2014", may(2014))]
            .into_iter()
            .find(|(_, from)| from.is_some_and(|f| m >= f))
            .and_then(|(id, _)| VINTAGES.iter().position(|v| v.id == id))
    });
    Some(&VINTAGES[by_date.map_or(by_codes, |d| d.min(by_codes))])
}

/// A vintage by id.
pub fn vintage(id: &str) -> Option<&'static Vintage> {
    VINTAGES.iter().find(|v| v.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(codes: &[&str], expected: Option<&str>) {
        assert_eq!(vintage_of(codes.iter().copied(), None).map(|v| v.id), expected, "{codes:?}");
    }

    #[test]
    fn the_newest_code_range_decides() {
        // May 2022 wards, with the older codes of boroughs not redrawn in 2022.
        check(&["E05009317", "E05011095", "E05013570"], Some("2022"));
        check(&["E05000130", "E05009317", "E05011095"], Some("2018"));
        check(&["E05000130", "E05009317"], Some("2014"));
        check(&["E05000130", "E05000405"], Some("2002"));
        check(&["E05015001"], Some("later"));
        check(&["E09000007", "MPS-SO18"], None);
        // Camden's codes alone: the file's last month decides, but never for May 2022.
        let at = |codes: &[&str], last: &str| vintage_of(codes.iter().copied(), Month::parse(last)).map(|v| v.id);
        assert_eq!(at(&["E05000138"], "2021-12"), Some("2018"));
        assert_eq!(at(&["E05000138"], "2016-03"), Some("2014"));
        assert_eq!(at(&["E05000138"], "2012-03"), Some("2002"));
        assert_eq!(at(&["E05000138"], "2023-03"), Some("2018"));
        assert_eq!(at(&["E05013570"], "2012-03"), Some("2022"));
    }
}
