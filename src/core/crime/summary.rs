//! Plain-language summaries generated from the same numbers as the chart.
//!
//! One sentence that says what the view shows, e.g. "In the 12 months to June
//! 2026 the Met recorded 2,346 burglary offences in Camden, 5.1% fewer than in
//! the same months a year earlier; across London there were 57,000, 3.2%
//! fewer." A change is only given as a percentage when the earlier figure is at
//! least [`MIN_BASE_FOR_PERCENT`].

use crate::crime::aggregate;
use crate::data::figure::Figure;
use crate::data::format;
use crate::data::month::Period;

/// Below this many offences a year earlier, changes are given as numbers only:
/// percentages of small counts swing wildly and mislead.
pub const MIN_BASE_FOR_PERCENT: f64 = 20.0;

/// The numbers a summary is made of.
#[derive(Clone, Debug, PartialEq)]
pub struct Facts {
    /// What is counted, as a noun phrase in the singular and plural:
    /// ("crime", "crimes"), ("burglary offence", "burglary offences").
    pub what: (String, String),
    pub area_name: String,
    pub period: Period,
    pub area_total: Figure,
    pub area_year_earlier: Figure,
    /// London's figures, or `None` when the area is London itself.
    pub london: Option<(Figure, Figure)>,
}

/// "In January to December 2025" or "In the 12 months to December 2025".
fn period_phrase(period: Period) -> String {
    let n = period.len();
    if n == 12 && period.from.month() != 1 {
        format!("In the 12 months to {}", period.to.long_name())
    } else {
        format!("In {}", period.describe())
    }
}

/// ", 5.1% fewer than in the same months a year earlier", or "" when unknown.
fn change_phrase(now: Figure, before: Figure, long: bool) -> String {
    let Some((diff, relative)) = aggregate::change(now, before, MIN_BASE_FOR_PERCENT) else {
        return String::new();
    };
    let tail = if long { " than in the same months a year earlier" } else { "" };
    if diff == 0.0 {
        return if long {
            ", the same as in the same months a year earlier".to_string()
        } else {
            ", no change".to_string()
        };
    }
    let direction = if diff < 0.0 { "fewer" } else { "more" };
    match relative {
        Some(r) => format!(", {} {direction}{tail}", format::percent(r.abs())),
        None => format!(", {} {direction}{tail}", format::count(diff.abs())),
    }
}

/// The summary sentence(s) for a view.
pub fn summarise(facts: &Facts) -> String {
    let lead = period_phrase(facts.period);
    let Figure::Known(total) = facts.area_total else {
        return format!(
            "{lead} the number of {} in {} is not published for every month, so no total is given.",
            facts.what.1, facts.area_name
        );
    };
    let what = if format::count(total) == "1" { &facts.what.0 } else { &facts.what.1 };
    let mut text = format!(
        "{lead} the Met recorded {} {} in {}{}",
        format::count(total),
        what,
        facts.area_name,
        change_phrase(facts.area_total, facts.area_year_earlier, true)
    );
    if let Some((Figure::Known(london), before)) = facts.london {
        text.push_str(&format!(
            "; across London there were {}{}",
            format::count(london),
            change_phrase(Figure::Known(london), before, false)
        ));
    }
    text.push('.');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::month::Month;

    fn facts(area: Figure, before: Figure, london: Option<(Figure, Figure)>) -> Facts {
        let m = |s| Month::parse(s).unwrap();
        Facts {
            what: ("burglary offence".into(), "burglary offences".into()),
            area_name: "Camden".into(),
            period: Period::new(m("2025-01"), m("2025-12")),
            area_total: area,
            area_year_earlier: before,
            london,
        }
    }

    fn check(input: &Facts, expected: &str) {
        assert_eq!(summarise(input), expected);
    }

    #[test]
    fn summaries_say_the_numbers() {
        let k = Figure::Known;
        check(
            &facts(k(2346.0), k(2500.0), Some((k(50_000.0), k(48_000.0)))),
            "In January to December 2025 the Met recorded 2,346 burglary offences in Camden, 6.2% fewer than in the same months a year earlier; across London there were 50,000, 4.2% more.",
        );
        check(&facts(k(12.0), k(10.0), None), "In January to December 2025 the Met recorded 12 burglary offences in Camden, 2 more than in the same months a year earlier.");
        check(
            &facts(k(12.0), Figure::Missing, None),
            "In January to December 2025 the Met recorded 12 burglary offences in Camden.",
        );
        check(&facts(k(30.0), k(30.0), None), "In January to December 2025 the Met recorded 30 burglary offences in Camden, the same as in the same months a year earlier.");
        check(
            &facts(Figure::Missing, k(1.0), None),
            "In January to December 2025 the number of burglary offences in Camden is not published for every month, so no total is given.",
        );
        let mut rolling = facts(k(1.0), Figure::Missing, None);
        rolling.period = Period::new(Month::parse("2025-07").unwrap(), Month::parse("2026-06").unwrap());
        check(&rolling, "In the 12 months to June 2026 the Met recorded 1 burglary offence in Camden.");
    }
}
