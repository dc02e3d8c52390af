//! Placing stop-and-search locations in wards and boroughs.
//!
//! police.uk gives WGS84 latitude and longitude; the boundaries are in British
//! National Grid. [`to_grid`] converts with the Ordnance Survey's published
//! seven-parameter Helmert transformation (WGS84 → OSGB36, good to about 5 m,
//! far finer than police.uk's anonymised "map points") and the National Grid's
//! Transverse Mercator projection. [`Locator`] then finds the area containing a
//! point through a grid index of 1 km cells, each listing the areas whose
//! bounding box meets it, and an exact crossing-number test.
//!
//! A point on a border shared by two areas belongs to exactly one of them: the
//! crossing test counts an edge only when it straddles the point's northing
//! half-open (`y0 <= y < y1`), and points on an edge count as inside only to
//! the edge's left. Neighbours drawn with the same vertices therefore never
//! both claim a point.

use crate::geometry::Shape;

/// A WGS84 latitude and longitude in degrees → British National Grid
/// `(easting, northing)` in metres.
pub fn to_grid(lat: f64, lon: f64) -> (f64, f64) {
    let (lat, lon) = (lat.to_radians(), lon.to_radians());
    // WGS84 ellipsoid to Earth-centred cartesian coordinates (height 0).
    let (a, b) = (6_378_137.0, 6_356_752.314_245);
    let e2 = 1.0 - (b * b) / (a * a);
    let nu = a / (1.0 - e2 * lat.sin().powi(2)).sqrt();
    let (x, y, z) = (nu * lat.cos() * lon.cos(), nu * lat.cos() * lon.sin(), (1.0 - e2) * nu * lat.sin());
    // Helmert transformation to OSGB36 (Ordnance Survey, "A guide to coordinate systems in Great Britain").
    let (tx, ty, tz) = (-446.448, 125.157, -542.060);
    let s = 20.4894e-6;
    let arc = |seconds: f64| (seconds / 3600.0).to_radians();
    let (rx, ry, rz) = (arc(-0.1502), arc(-0.2470), arc(-0.8421));
    let x2 = tx + (1.0 + s) * x - rz * y + ry * z;
    let y2 = ty + rz * x + (1.0 + s) * y - rx * z;
    let z2 = tz - ry * x + rx * y + (1.0 + s) * z;
    // Back to latitude and longitude on the Airy 1830 ellipsoid.
    let (a, b) = (6_377_563.396, 6_356_256.909);
    let e2 = 1.0 - (b * b) / (a * a);
    let p = (x2 * x2 + y2 * y2).sqrt();
    let mut phi = z2.atan2(p * (1.0 - e2));
    for _ in 0..10 {
        let nu = a / (1.0 - e2 * phi.sin().powi(2)).sqrt();
        phi = (z2 + e2 * nu * phi.sin()).atan2(p);
    }
    let lambda = y2.atan2(x2);
    transverse_mercator(phi, lambda)
}

/// OSGB36 latitude and longitude (radians) → National Grid easting and northing.
fn transverse_mercator(phi: f64, lambda: f64) -> (f64, f64) {
    let (a, b) = (6_377_563.396_f64, 6_356_256.909_f64);
    let f0 = 0.999_601_271_7;
    let (phi0, lambda0) = (49f64.to_radians(), (-2f64).to_radians());
    let (e0, n0) = (400_000.0, -100_000.0);
    let e2 = 1.0 - (b * b) / (a * a);
    let n = (a - b) / (a + b);
    let (sin, cos, tan) = (phi.sin(), phi.cos(), phi.tan());
    let nu = a * f0 / (1.0 - e2 * sin * sin).sqrt();
    let rho = a * f0 * (1.0 - e2) / (1.0 - e2 * sin * sin).powf(1.5);
    let eta2 = nu / rho - 1.0;
    let (dp, sp) = (phi - phi0, phi + phi0);
    let m = b
        * f0
        * ((1.0 + n + 1.25 * n * n + 1.25 * n.powi(3)) * dp
            - (3.0 * n + 3.0 * n * n + 2.625 * n.powi(3)) * dp.sin() * sp.cos()
            + (1.875 * n * n + 1.875 * n.powi(3)) * (2.0 * dp).sin() * (2.0 * sp).cos()
            - (35.0 / 24.0) * n.powi(3) * (3.0 * dp).sin() * (3.0 * sp).cos());
    let i = m + n0;
    let ii = nu / 2.0 * sin * cos;
    let iii = nu / 24.0 * sin * cos.powi(3) * (5.0 - tan * tan + 9.0 * eta2);
    let iiia = nu / 720.0 * sin * cos.powi(5) * (61.0 - 58.0 * tan * tan + tan.powi(4));
    let iv = nu * cos;
    let v = nu / 6.0 * cos.powi(3) * (nu / rho - tan * tan);
    let vi = nu / 120.0 * cos.powi(5) * (5.0 - 18.0 * tan * tan + tan.powi(4) + 14.0 * eta2 - 58.0 * tan * tan * eta2);
    let l = lambda - lambda0;
    let north = i + ii * l * l + iii * l.powi(4) + iiia * l.powi(6);
    let east = e0 + iv * l + v * l.powi(3) + vi * l.powi(5);
    (east, north)
}

/// Whether a point is inside a shape's rings (even-odd; holes count as outside),
/// with the half-open rule for points on edges described in the module docs.
pub fn contains(shape: &Shape, x: f64, y: f64) -> bool {
    let mut inside = false;
    for ring in &shape.rings {
        let n = ring.len();
        for i in 0..n {
            #[allow(clippy::cast_precision_loss)]
            let ([x0, y0], [x1, y1]) = (ring[i].map(|c| c as f64), ring[(i + 1) % n].map(|c| c as f64));
            if (y0 <= y) != (y1 <= y) {
                let cross = x0 + (y - y0) * (x1 - x0) / (y1 - y0);
                if x < cross {
                    inside = !inside;
                }
            }
        }
    }
    inside
}

/// The bounding box `[x0, y0, x1, y1]` of a shape.
fn bounds(shape: &Shape) -> [i64; 4] {
    let mut b = [i64::MAX, i64::MAX, i64::MIN, i64::MIN];
    for [x, y] in shape.rings.iter().flatten() {
        b = [b[0].min(*x), b[1].min(*y), b[2].max(*x), b[3].max(*y)];
    }
    b
}

/// Size of a grid cell in metres.
const CELL: i64 = 1000;

/// A grid index over a set of shapes.
pub struct Locator<'a> {
    shapes: &'a [Shape],
    bounds: Vec<[i64; 4]>,
    origin: [i64; 2],
    columns: usize,
    rows: usize,
    cells: Vec<Vec<usize>>,
}

impl<'a> Locator<'a> {
    pub fn new(shapes: &'a [Shape]) -> Locator<'a> {
        let bounds: Vec<[i64; 4]> = shapes.iter().map(bounds).collect();
        let all = bounds.iter().fold([i64::MAX, i64::MAX, i64::MIN, i64::MIN], |a, b| {
            [a[0].min(b[0]), a[1].min(b[1]), a[2].max(b[2]), a[3].max(b[3])]
        });
        if shapes.is_empty() {
            return Locator { shapes, bounds, origin: [0, 0], columns: 0, rows: 0, cells: Vec::new() };
        }
        let origin = [all[0].div_euclid(CELL), all[1].div_euclid(CELL)];
        let columns = usize::try_from(all[2].div_euclid(CELL) - origin[0] + 1).unwrap_or(0);
        let rows = usize::try_from(all[3].div_euclid(CELL) - origin[1] + 1).unwrap_or(0);
        let mut cells = vec![Vec::new(); columns * rows];
        for (i, b) in bounds.iter().enumerate() {
            for cy in b[1].div_euclid(CELL)..=b[3].div_euclid(CELL) {
                for cx in b[0].div_euclid(CELL)..=b[2].div_euclid(CELL) {
                    let (c, r) = (usize::try_from(cx - origin[0]), usize::try_from(cy - origin[1]));
                    if let (Ok(c), Ok(r)) = (c, r) {
                        cells[r * columns + c].push(i);
                    }
                }
            }
        }
        Locator { shapes, bounds, origin, columns, rows, cells }
    }

    /// The shapes containing a point, in the order given (one, except where
    /// shapes overlap).
    pub fn find_all(&self, x: f64, y: f64) -> Vec<usize> {
        #[allow(clippy::cast_possible_truncation)]
        let (cx, cy) = (
            (x.floor() as i64).div_euclid(CELL) - self.origin[0],
            (y.floor() as i64).div_euclid(CELL) - self.origin[1],
        );
        let (Ok(c), Ok(r)) = (usize::try_from(cx), usize::try_from(cy)) else { return Vec::new() };
        if c >= self.columns || r >= self.rows {
            return Vec::new();
        }
        self.cells[r * self.columns + c]
            .iter()
            .copied()
            .filter(|&i| {
                #[allow(clippy::cast_precision_loss)]
                let b = self.bounds[i].map(|v| v as f64);
                x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3] && contains(&self.shapes[i], x, y)
            })
            .collect()
    }

    /// The first shape containing a point.
    pub fn find(&self, x: f64, y: f64) -> Option<usize> {
        self.find_all(x, y).first().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(code: &str, x: i64, y: i64, side: i64) -> Shape {
        Shape {
            code: code.into(),
            name: code.into(),
            rings: vec![vec![[x, y], [x + side, y], [x + side, y + side], [x, y + side]]],
            parent: None,
        }
    }

    #[test]
    fn transverse_mercator_matches_the_ordnance_survey_worked_example() {
        // OS "A guide to coordinate systems in Great Britain", annex C: 52°39′27.2531″N 1°43′4.5177″E (OSGB36).
        let phi = (52.0 + 39.0 / 60.0 + 27.2531 / 3600.0_f64).to_radians();
        let lambda = (1.0 + 43.0 / 60.0 + 4.5177 / 3600.0_f64).to_radians();
        let (e, n) = transverse_mercator(phi, lambda);
        assert!((e - 651_409.903).abs() < 0.01, "{e}");
        assert!((n - 313_177.270).abs() < 0.01, "{n}");
    }

    #[test]
    fn wgs84_points_land_within_metres_of_their_grid_references() {
        // The same point in WGS84/ETRS89 (52°39′28.8282″N 1°42′57.8663″E): the Helmert
        // transformation is good to a few metres against the OS's exact OSTN15.
        let (e, n) = to_grid(52.0 + 39.0 / 60.0 + 28.8282 / 3600.0, 1.0 + 42.0 / 60.0 + 57.8663 / 3600.0);
        assert!((e - 651_409.903).abs() < 5.0 && (n - 313_177.270).abs() < 5.0, "{e} {n}");
    }

    fn check_find(shapes: &[Shape], point: (f64, f64), expected: &[usize]) {
        let locator = Locator::new(shapes);
        assert_eq!(locator.find_all(point.0, point.1), expected, "{point:?}");
    }

    #[test]
    fn points_on_shared_borders_belong_to_exactly_one_area() {
        // Four 1 km squares meeting at (1000, 1000); a fifth far away with a hole.
        let mut holed = square("E", 5000, 5000, 3000);
        holed.rings.push(vec![[6000, 6000], [7000, 6000], [7000, 7000], [6000, 7000]]);
        let shapes = vec![
            square("A", 0, 0, 1000),
            square("B", 1000, 0, 1000),
            square("C", 0, 1000, 1000),
            square("D", 1000, 1000, 1000),
            holed,
        ];
        for (point, expected) in [
            ((500.0, 500.0), vec![0]),
            ((1500.0, 500.0), vec![1]),
            // On the vertical border between A and B, on the horizontal border between A and C,
            // and on the corner all four share.
            ((1000.0, 500.0), vec![1]),
            ((500.0, 1000.0), vec![2]),
            ((1000.0, 1000.0), vec![3]),
            ((2500.0, 500.0), vec![]),
            ((-1.0, -1.0), vec![]),
            ((5500.0, 5500.0), vec![4]),
            ((6500.0, 6500.0), vec![]),
        ] {
            check_find(&shapes, point, &expected);
        }
        // Every point of a fine lattice over the four squares is in exactly one.
        let locator = Locator::new(&shapes);
        for i in 0..=40 {
            for j in 0..=40 {
                let (x, y) = (f64::from(i) * 50.0, f64::from(j) * 50.0);
                let n = locator.find_all(x, y).len();
                let inside = x < 2000.0 && y < 2000.0;
                assert_eq!(n, usize::from(inside), "({x}, {y})");
            }
        }
    }
}
