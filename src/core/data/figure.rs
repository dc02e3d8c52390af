//! A figure that may be unknown: the one value type of every table, chart and file.
//!
//! Suppressed and missing values are values, never 0 or NaN. Arithmetic on
//! figures propagates them: a total over a period with one missing month is
//! missing, and a total touching a suppressed cell is suppressed, so an unknown
//! can never hide inside a sum.

use serde::{Deserialize, Serialize};

/// One figure of a published table.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Figure {
    /// A published number.
    Known(f64),
    /// Not published for this area, category or month (for example the category
    /// did not exist yet, or the month lies outside the release).
    Missing,
    /// Withheld by disclosure control because it is too small to publish safely.
    Suppressed,
}

impl Figure {
    /// The number, if known.
    pub fn known(self) -> Option<f64> {
        match self {
            Figure::Known(v) => Some(v),
            _ => None,
        }
    }

    /// Adds two figures; an unknown operand makes the result unknown
    /// (suppression wins over missing, since it is the stronger constraint).
    #[must_use]
    pub fn plus(self, other: Figure) -> Figure {
        match (self, other) {
            (Figure::Known(a), Figure::Known(b)) => Figure::Known(a + b),
            (Figure::Suppressed, _) | (_, Figure::Suppressed) => Figure::Suppressed,
            _ => Figure::Missing,
        }
    }

    /// Applies `f` to a known value, leaving unknowns as they are.
    #[must_use]
    pub fn map(self, f: impl FnOnce(f64) -> f64) -> Figure {
        match self {
            Figure::Known(v) => Figure::Known(f(v)),
            other => other,
        }
    }

    /// The sum of an iterator of figures; the empty sum is zero.
    pub fn sum(figures: impl IntoIterator<Item = Figure>) -> Figure {
        figures.into_iter().fold(Figure::Known(0.0), Figure::plus)
    }

    /// The stored form in data files: a count, or `None` for missing.
    pub fn from_cell(cell: Option<u32>) -> Figure {
        cell.map_or(Figure::Missing, |v| Figure::Known(f64::from(v)))
    }

    /// A count of a protected file (stop and search): `None` is withheld.
    pub fn from_protected(cell: Option<u32>) -> Figure {
        cell.map_or(Figure::Suppressed, |v| Figure::Known(f64::from(v)))
    }

    /// The symbol used in tables and CSV for an unknown figure, with its meaning.
    pub fn symbol(self) -> Option<(&'static str, &'static str)> {
        match self {
            Figure::Known(_) => None,
            Figure::Missing => Some(("..", "not published for this period")),
            Figure::Suppressed => Some(("[c]", "withheld to protect confidentiality")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &[Figure], expected: Figure) {
        assert_eq!(Figure::sum(input.iter().copied()), expected, "sum of {input:?}");
    }

    #[test]
    fn sums_propagate_unknowns() {
        check(&[], Figure::Known(0.0));
        check(&[Figure::Known(2.0), Figure::Known(3.0)], Figure::Known(5.0));
        check(&[Figure::Known(2.0), Figure::Missing], Figure::Missing);
        check(&[Figure::Missing, Figure::Suppressed, Figure::Known(1.0)], Figure::Suppressed);
        check(&[Figure::Known(0.0), Figure::Known(0.0)], Figure::Known(0.0));
    }

    #[test]
    fn cells_map_to_figures() {
        assert_eq!(Figure::from_cell(Some(0)), Figure::Known(0.0));
        assert_eq!(Figure::from_cell(None), Figure::Missing);
        assert_eq!(Figure::from_protected(None), Figure::Suppressed);
        assert_eq!(Figure::from_protected(Some(0)), Figure::Known(0.0));
        assert_eq!(Figure::Missing.map(|v| v * 2.0), Figure::Missing);
        assert_eq!(Figure::Known(2.0).map(|v| v * 2.0), Figure::Known(4.0));
    }
}
