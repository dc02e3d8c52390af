//! Number formatting for people: thousands separators, fixed decimals, signed
//! changes and percentages, always with the symbol for unknown figures.

use crate::data::figure::Figure;

/// `1850808` → `1,850,808`; negative numbers keep their sign.
pub fn thousands(value: i64) -> String {
    let digits = value.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if value < 0 {
        out.push('-');
    }
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// A count rounded to a whole number, with separators.
pub fn count(value: f64) -> String {
    // Counts in our files are integers far below 2^53, so rounding is exact.
    #[allow(clippy::cast_possible_truncation)]
    thousands(value.round() as i64)
}

/// A figure for a table cell: the count, or the symbol for an unknown.
pub fn figure(value: Figure) -> String {
    match value {
        Figure::Known(v) => count(v),
        other => other.symbol().map(|(s, _)| s.to_string()).unwrap_or_default(),
    }
}

/// A value with a fixed number of decimals and separators: `1234.5` → `1,234.5`.
pub fn decimal(value: f64, places: usize) -> String {
    let text = format!("{:.*}", places, value.abs());
    let (whole, frac) = text.split_once('.').unwrap_or((&text, ""));
    let whole: i64 = whole.parse().unwrap_or(0);
    let sign = if value < 0.0 && text.bytes().any(|b| (b'1'..=b'9').contains(&b)) { "-" } else { "" };
    if frac.is_empty() {
        format!("{sign}{}", thousands(whole))
    } else {
        format!("{sign}{}.{frac}", thousands(whole))
    }
}

/// A percentage with one decimal place: `0.1234` → `12.3%`.
pub fn percent(share: f64) -> String {
    format!("{}%", decimal(share * 100.0, 1))
}

/// Breaks text into lines of at most `width` characters at spaces (a longer
/// word gets a line of its own).
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

/// `1 month`, `3 months`, `1,200 months`.
pub fn plural(n: usize, one: &str, many: &str) -> String {
    let n_text = thousands(i64::try_from(n).unwrap_or(i64::MAX));
    if n == 1 {
        format!("{n_text} {one}")
    } else {
        format!("{n_text} {many}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: i64, expected: &str) {
        assert_eq!(thousands(input), expected, "input {input}");
    }

    #[test]
    fn separates_thousands() {
        check(0, "0");
        check(999, "999");
        check(1000, "1,000");
        check(1_850_808, "1,850,808");
        check(-12_345, "-12,345");
    }

    #[test]
    fn formats_decimals_and_unknowns() {
        assert_eq!(decimal(1234.56, 1), "1,234.6");
        assert_eq!(decimal(-0.04, 1), "0.0");
        assert_eq!(decimal(-2.5, 1), "-2.5");
        assert_eq!(percent(0.1234), "12.3%");
        assert_eq!(figure(Figure::Known(2346.0)), "2,346");
        assert_eq!(figure(Figure::Missing), "..");
        assert_eq!(figure(Figure::Suppressed), "[c]");
    }

    #[test]
    fn wraps_and_escapes() {
        assert_eq!(
            wrap("Burglary per 1,000 residents in Camden", 12),
            ["Burglary per", "1,000", "residents in", "Camden"]
        );
        assert_eq!(wrap("", 5), Vec::<String>::new());
    }
}
