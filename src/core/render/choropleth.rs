//! Classed colour scales for maps, and the map's areas as SVG paths.
//!
//! Areas are put into up to five classes by quantiles of the known values, with
//! break points rounded to two significant figures so the legend reads well.
//! Unknown values get no class: the map draws them with a hatch pattern and the
//! legend lists them, so "no data" never looks like a low value.

/// Sequential blues, light to dark, after the UK Analysis Function and GOV.UK
/// colours. Each area also carries a 3:1-contrast outline, and every value is in
/// the table, so colour is never the only carrier of meaning.
pub const PALETTE: [&str; 5] = ["#d6e6f5", "#9dc3e6", "#5694ca", "#1d70b8", "#12436d"];

/// A diverging scale for changes: blues for falls, a light grey for little
/// change, oranges for rises (colour-blind safe; the legend and table carry the
/// numbers too).
pub const DIVERGING: [&str; 5] = ["#12436d", "#5694ca", "#f3f2f1", "#f5a15a", "#a04b00"];

/// The fixed inner breaks of the change scale: falls of 20% and 5%, rises of 5% and 20%.
pub const CHANGE_BREAKS: [f64; 4] = [-0.2, -0.05, 0.05, 0.2];

/// Class breaks: class `i` holds values in `[breaks[i], breaks[i+1])`, the last
/// class includes its upper end.
#[derive(Clone, Debug, PartialEq)]
pub struct Classes {
    pub breaks: Vec<f64>,
    /// Whether the classes are the fixed, diverging classes of a change.
    pub diverging: bool,
}

/// Rounds to two significant figures (downwards for a lower bound).
fn round_down_2sf(v: f64) -> f64 {
    if v <= 0.0 {
        return 0.0;
    }
    let magnitude = 10f64.powf(v.log10().floor() - 1.0);
    (v / magnitude).floor() * magnitude
}

impl Classes {
    /// Quantile classes of `values` (unknowns already removed).
    pub fn quantiles(values: &[f64], max_classes: usize) -> Classes {
        let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
        sorted.sort_by(f64::total_cmp);
        let (Some(&min), Some(&max)) = (sorted.first(), sorted.last()) else {
            return Classes { breaks: Vec::new(), diverging: false };
        };
        let mut breaks = vec![round_down_2sf(min)];
        for i in 1..max_classes {
            let q = sorted[i * sorted.len() / max_classes];
            let b = round_down_2sf(q);
            if b > *breaks.last().unwrap_or(&0.0) && b < max {
                breaks.push(b);
            }
        }
        breaks.push(max);
        if breaks.len() == 1 {
            breaks.push(max);
        }
        Classes { breaks, diverging: false }
    }

    /// The five fixed classes of a change ([`CHANGE_BREAKS`]), widened at the
    /// ends to the smallest and largest value.
    pub fn changes(values: &[f64]) -> Classes {
        let lo = values.iter().copied().filter(|v| v.is_finite()).fold(CHANGE_BREAKS[0], f64::min);
        let hi = values.iter().copied().filter(|v| v.is_finite()).fold(CHANGE_BREAKS[3], f64::max);
        let mut breaks = vec![lo];
        breaks.extend(CHANGE_BREAKS);
        breaks.push(hi);
        Classes { breaks, diverging: true }
    }

    pub fn count(&self) -> usize {
        self.breaks.len().saturating_sub(1)
    }

    /// The class of a value, clamped to the first and last class.
    pub fn class_of(&self, value: f64) -> usize {
        let n = self.count();
        (1..n).take_while(|&i| value >= self.breaks[i]).last().unwrap_or(0)
    }

    /// The colour of a class, spread over the palette.
    pub fn colour(&self, class: usize) -> &'static str {
        if self.diverging {
            return DIVERGING[class.min(DIVERGING.len() - 1)];
        }
        let n = self.count().max(1);
        let step = if n == 1 { 0 } else { class * (PALETTE.len() - 1) / (n - 1) };
        PALETTE[step.min(PALETTE.len() - 1)]
    }

    /// Legend entries: colour and `lower to under upper` label.
    pub fn legend(&self, format: impl Fn(f64) -> String) -> Vec<(&'static str, String)> {
        if self.diverging {
            let labels = [
                "A fall of 20% or more",
                "A fall of 5% to 20%",
                "Within 5% either way",
                "A rise of 5% to 20%",
                "A rise of 20% or more",
            ];
            return DIVERGING.iter().copied().zip(labels.map(String::from)).collect();
        }
        (0..self.count())
            .map(|i| {
                let (lo, hi) = (self.breaks[i], self.breaks[i + 1]);
                let label = if i + 1 == self.count() {
                    format!("{} to {}", format(lo), format(hi))
                } else {
                    format!("{} to under {}", format(lo), format(hi))
                };
                (self.colour(i), label)
            })
            .collect()
    }
}

/// The map's areas as SVG paths, one per area, in the order given: each with
/// its shape, its code (`data-code`, and `area-<code>` as its id), and its
/// name as its accessible name until its figures are known. Each is a button
/// out of the tab order, unpressed, with the fill of an area not yet coloured
/// (`fill`). Written as one string, the map is parsed by the browser at once
/// instead of built element by element.
pub fn area_paths<'a>(areas: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>, fill: &str) -> String {
    let mut markup = super::markup::Markup::new();
    for (code, name, d) in areas {
        let id = format!("area-{code}");
        markup.open(
            "path",
            &[
                ("id", id.as_str().into()),
                ("data-code", code.into()),
                ("d", d.into()),
                ("class", "map-area".into()),
                ("fill", fill.into()),
                ("role", "button".into()),
                ("tabindex", "-1".into()),
                ("aria-pressed", "false".into()),
                ("aria-label", name.into()),
            ],
        );
        markup.close("path");
    }
    markup.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(values: &[f64], expected: &[f64]) {
        assert_eq!(Classes::quantiles(values, 5).breaks, expected, "values {values:?}");
    }

    #[test]
    fn breaks_are_rounded_quantiles() {
        let values: Vec<f64> = (1..=100).map(f64::from).collect();
        check(&values, &[1.0, 21.0, 41.0, 61.0, 81.0, 100.0]);
        check(&[5.0, 5.0, 5.0], &[5.0, 5.0]);
        check(&[], &[]);
        check(&[0.0, 1234.0, 5678.0], &[0.0, 1200.0, 5600.0, 5678.0]);
    }

    #[test]
    fn values_fall_in_classes() {
        let c = Classes { breaks: vec![0.0, 10.0, 20.0, 30.0], diverging: false };
        assert_eq!(c.class_of(-1.0), 0);
        assert_eq!(c.class_of(9.9), 0);
        assert_eq!(c.class_of(10.0), 1);
        assert_eq!(c.class_of(30.0), 2);
        assert_eq!(c.colour(0), PALETTE[0]);
        assert_eq!(c.colour(2), PALETTE[4]);
        let legend = c.legend(|v| format!("{v}"));
        assert_eq!(legend[0].1, "0 to under 10");
        assert_eq!(legend[2].1, "20 to 30");
    }

    #[test]
    fn change_classes_are_fixed_and_diverging() {
        let c = Classes::changes(&[-0.5, 0.0, 0.1]);
        assert_eq!(c.breaks, [-0.5, -0.2, -0.05, 0.05, 0.2, 0.2]);
        let classes: Vec<usize> = [-0.3, -0.1, 0.0, 0.1, 0.25].iter().map(|v| c.class_of(*v)).collect();
        assert_eq!(classes, [0, 1, 2, 3, 4]);
        assert_eq!(c.colour(0), DIVERGING[0]);
        assert_eq!(c.colour(4), DIVERGING[4]);
        assert_eq!(c.legend(|v| v.to_string())[2], (DIVERGING[2], "Within 5% either way".to_string()));
    }

    #[test]
    fn area_paths_are_buttons_named_by_their_area() {
        let paths = area_paths([("E05000001", "St Peter's & \"Central\"", "M0 0l1 1z")], "#f3f2f1");
        assert_eq!(
            paths,
            "<path id=\"area-E05000001\" data-code=\"E05000001\" d=\"M0 0l1 1z\" class=\"map-area\" \
             fill=\"#f3f2f1\" role=\"button\" tabindex=\"-1\" aria-pressed=\"false\" \
             aria-label=\"St Peter&#39;s &amp; &quot;Central&quot;\"></path>"
        );
        assert_eq!(area_paths([], "#f3f2f1"), "");
    }
}
