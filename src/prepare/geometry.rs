//! Boundaries: reading, topology-preserving simplification and SVG paths.
//!
//! Boroughs come from the GLA shapefile and wards from the ONS GeoPackage, both
//! in British National Grid metres, so no reprojection is needed. Simplifying
//! each polygon on its own would open gaps and slivers between neighbours, so
//! rings are cut into *arcs* at junctions (points where the set of neighbouring
//! vertices changes, as in TopoJSON); each distinct arc is simplified once with
//! Douglas–Peucker (`geo::Simplify`) and both neighbours reuse it. A ring that
//! collapses is kept unsimplified, so every area survives.

use geo::{Area as _, InteriorPoint, LineString, Polygon, Simplify};
use met_core::data::dataset::{GeoArea, GeoFile, Level, SCHEMA};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

/// A point in whole metres of British National Grid (easting, northing).
pub type Point = [i64; 2];
/// A closed ring without its repeated closing point.
pub type Ring = Vec<Point>;

/// One area's outline: outer rings and holes alike (drawn with the even-odd rule).
#[derive(Clone, Debug, PartialEq)]
pub struct Shape {
    pub code: String,
    pub name: String,
    pub rings: Vec<Ring>,
    /// The code of the area it is part of, where the file gives it (the GLA's
    /// ward shapefiles give each ward's borough as `LAGSSCODE`).
    pub parent: Option<String>,
}

/// Rounds to whole metres, drops repeated points and the closing point.
fn clean_ring(points: impl IntoIterator<Item = (f64, f64)>) -> Ring {
    let mut ring: Ring = Vec::new();
    for (x, y) in points {
        // BNG coordinates are below 10^7 metres, far inside i64.
        #[allow(clippy::cast_possible_truncation)]
        let p = [x.round() as i64, y.round() as i64];
        if ring.last() != Some(&p) {
            ring.push(p);
        }
    }
    while ring.len() > 1 && ring.first() == ring.last() {
        ring.pop();
    }
    ring
}

/// Reads a polygon shapefile with `GSS_CODE` and `NAME` attributes, and
/// `LAGSSCODE` (the borough of a GLA ward) where it has one.
pub fn read_shapefile(path: &Path) -> Result<Vec<Shape>, String> {
    let items =
        shapefile::read_as::<_, shapefile::Polygon, shapefile::dbase::Record>(path).map_err(|e| e.to_string())?;
    let text = |record: &shapefile::dbase::Record, field: &str, i: usize| match record.get(field) {
        Some(shapefile::dbase::FieldValue::Character(Some(s))) => Ok(s.trim().to_string()),
        _ => Err(format!("record {}: field {field} missing or empty", i + 1)),
    };
    let mut shapes = Vec::new();
    for (i, (polygon, record)) in items.iter().enumerate() {
        let rings = polygon
            .rings()
            .iter()
            .map(|r| clean_ring(r.points().iter().map(|p| (p.x, p.y))))
            .filter(|r| r.len() >= 3)
            .collect();
        shapes.push(Shape {
            code: text(record, "GSS_CODE", i)?,
            name: text(record, "NAME", i)?,
            rings,
            parent: text(record, "LAGSSCODE", i).ok().filter(|c| !c.is_empty()),
        });
    }
    Ok(shapes)
}

/// A little-endian or big-endian reader over WKB bytes.
struct Wkb<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Wkb<'_> {
    fn take<const N: usize>(&mut self) -> Result<[u8; N], String> {
        let slice = self.bytes.get(self.at..self.at + N).ok_or("geometry ends early")?;
        self.at += N;
        Ok(slice.try_into().map_err(|_| "geometry ends early")?)
    }

    fn u32(&mut self, little: bool) -> Result<u32, String> {
        let b = self.take::<4>()?;
        Ok(if little { u32::from_le_bytes(b) } else { u32::from_be_bytes(b) })
    }

    fn f64(&mut self, little: bool) -> Result<f64, String> {
        let b = self.take::<8>()?;
        Ok(if little { f64::from_le_bytes(b) } else { f64::from_be_bytes(b) })
    }

    /// Reads one Polygon or MultiPolygon geometry (`inside` a MultiPolygon,
    /// only a Polygon), appending its rings. Counts are checked against the
    /// bytes left before anything is allocated for them.
    fn geometry(&mut self, rings: &mut Vec<Ring>, inside: bool) -> Result<(), String> {
        let little = self.take::<1>()?[0] == 1;
        match self.u32(little)? {
            3 => {
                for _ in 0..self.u32(little)? {
                    let n = self.u32(little)? as usize;
                    let left = self.bytes.len().saturating_sub(self.at);
                    if n > left / 16 {
                        return Err(format!(
                            "a ring of {n} points is longer than the {left} bytes left of the geometry"
                        ));
                    }
                    let mut points = Vec::with_capacity(n);
                    for _ in 0..n {
                        points.push((self.f64(little)?, self.f64(little)?));
                    }
                    let ring = clean_ring(points);
                    if ring.len() >= 3 {
                        rings.push(ring);
                    }
                }
                Ok(())
            }
            6 if inside => Err("a MultiPolygon inside a MultiPolygon".to_string()),
            6 => {
                for _ in 0..self.u32(little)? {
                    self.geometry(rings, true)?;
                }
                Ok(())
            }
            other => Err(format!("expected a 2D Polygon or MultiPolygon, found WKB type {other}")),
        }
    }
}

/// Decodes a GeoPackage geometry blob: the `GP` header, an optional envelope
/// (size given by bits 1–3 of the flags byte), then standard WKB.
pub fn parse_gpkg_geometry(blob: &[u8]) -> Result<Vec<Ring>, String> {
    if blob.len() < 8 || &blob[0..2] != b"GP" {
        return Err("not a GeoPackage geometry (no GP header)".into());
    }
    let envelope = match (blob[3] >> 1) & 0b111 {
        0 => 0,
        1 => 32,
        2 | 3 => 48,
        4 => 64,
        other => return Err(format!("invalid envelope code {other}")),
    };
    let mut wkb = Wkb { bytes: blob, at: 8 + envelope };
    let mut rings = Vec::new();
    wkb.geometry(&mut rings, false)?;
    Ok(rings)
}

/// The feature table of a GeoPackage and its code, name and geometry columns.
const WARD_COLUMNS: [&str; 2] = ["WD24CD", "WD24NM"];

/// Whether a GeoPackage has a feature table with ward code and name columns.
pub fn gpkg_ward_table(path: &Path) -> Result<Option<String>, String> {
    let db = rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| e.to_string())?;
    let mut stmt = db
        .prepare("SELECT table_name FROM gpkg_contents WHERE data_type = 'features' ORDER BY table_name")
        .map_err(|e| format!("not a GeoPackage: {e}"))?;
    let tables: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .map_err(|e| e.to_string())?
        .collect::<Result<_, _>>()
        .map_err(|e| e.to_string())?;
    for table in tables {
        let cols: Vec<String> = db
            .prepare(&format!("SELECT name FROM pragma_table_info('{}')", table.replace('\'', "''")))
            .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
            .map_err(|e| e.to_string())?;
        if WARD_COLUMNS.iter().all(|c| cols.iter().any(|k| k == c)) {
            return Ok(Some(table));
        }
    }
    Ok(None)
}

/// Reads the wards of a GeoPackage feature table (British National Grid).
pub fn read_geopackage(path: &Path, table: &str) -> Result<Vec<Shape>, String> {
    let db = rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| e.to_string())?;
    let srs: i64 = db
        .query_row("SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = ?1", [table], |r| r.get(0))
        .map_err(|e| format!("no geometry column registered for {table}: {e}"))?;
    if srs != 27700 {
        return Err(format!("expected British National Grid (srs 27700), found srs {srs}"));
    }
    let geom: String = db
        .query_row("SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?1", [table], |r| r.get(0))
        .map_err(|e| e.to_string())?;
    let sql = format!(
        "SELECT WD24CD, WD24NM, \"{}\" FROM \"{}\" ORDER BY WD24CD",
        geom.replace('"', ""),
        table.replace('"', "")
    );
    let mut stmt = db.prepare(&sql).map_err(|e| e.to_string())?;
    let mut rows = stmt.query([]).map_err(|e| e.to_string())?;
    let mut shapes = Vec::new();
    while let Some(row) = rows.next().map_err(|e| e.to_string())? {
        let code: String = row.get(0).map_err(|e| e.to_string())?;
        let name: String = row.get(1).map_err(|e| e.to_string())?;
        let blob: Vec<u8> = row.get(2).map_err(|e| e.to_string())?;
        let rings = parse_gpkg_geometry(&blob).map_err(|e| format!("ward {code}: {e}"))?;
        shapes.push(Shape { code, name: name.trim().to_string(), rings, parent: None });
    }
    Ok(shapes)
}

/// Douglas–Peucker on an open polyline, keeping both ends.
fn simplify_line(points: &[Point], epsilon: f64) -> Vec<Point> {
    #[allow(clippy::cast_precision_loss)]
    let line: LineString<f64> = points.iter().map(|p| (p[0] as f64, p[1] as f64)).collect();
    #[allow(clippy::cast_possible_truncation)]
    line.simplify(epsilon).0.iter().map(|c| [c.x.round() as i64, c.y.round() as i64]).collect()
}

/// The canonical direction of an arc (so an arc and its reverse share a key),
/// and whether `arc` had to be reversed to get it.
fn canonical(arc: &[Point]) -> (Vec<Point>, bool) {
    let reversed: Vec<Point> = arc.iter().rev().copied().collect();
    if reversed.as_slice() < arc {
        (reversed, true)
    } else {
        (arc.to_vec(), false)
    }
}

/// A ring without junctions, rotated to start at its smallest point and turned
/// to a canonical direction, so that identical rings of two areas match.
fn canonical_ring(ring: &[Point]) -> (Vec<Point>, bool) {
    let start = ring.iter().enumerate().min_by_key(|(_, p)| **p).map_or(0, |(i, _)| i);
    let mut rotated: Vec<Point> = ring[start..].iter().chain(&ring[..start]).copied().collect();
    let reversed = rotated.len() > 2 && rotated[rotated.len() - 1] < rotated[1];
    if reversed {
        rotated[1..].reverse();
    }
    (rotated, reversed)
}

/// Signed area of a ring, in square metres.
fn ring_area(ring: &[Point]) -> f64 {
    #[allow(clippy::cast_precision_loss)]
    let polygon = Polygon::new(ring.iter().map(|p| (p[0] as f64, p[1] as f64)).collect(), vec![]);
    polygon.unsigned_area()
}

/// Simplifies all shapes of one level together so that shared borders stay shared.
pub fn simplify_shared(shapes: &[Shape], epsilon: f64) -> Vec<Shape> {
    // Each vertex's set of neighbouring vertices over every ring it is on.
    let mut neighbours: HashMap<Point, BTreeSet<Point>> = HashMap::new();
    for ring in shapes.iter().flat_map(|s| &s.rings) {
        let n = ring.len();
        for i in 0..n {
            let entry = neighbours.entry(ring[i]).or_default();
            entry.insert(ring[(i + n - 1) % n]);
            entry.insert(ring[(i + 1) % n]);
        }
    }
    let is_junction = |p: &Point| neighbours.get(p).is_some_and(|s| s.len() > 2);
    let mut arcs: BTreeMap<Vec<Point>, Vec<Point>> = BTreeMap::new();
    let mut simplify_arc = |arc: &[Point]| -> Vec<Point> {
        let (key, reversed) = canonical(arc);
        let simplified = arcs.entry(key).or_insert_with_key(|k| simplify_line(k, epsilon));
        let mut out = simplified.clone();
        if reversed {
            out.reverse();
        }
        out
    };
    shapes
        .iter()
        .map(|shape| {
            let largest = shape.rings.iter().map(|r| ring_area(r)).fold(0.0, f64::max);
            let rings = shape
                .rings
                .iter()
                .filter_map(|ring| {
                    let junctions: Vec<usize> = (0..ring.len()).filter(|&i| is_junction(&ring[i])).collect();
                    let simplified = if let Some(&first) = junctions.first() {
                        let rotated: Vec<Point> = ring[first..].iter().chain(&ring[..first]).copied().collect();
                        let cuts: Vec<usize> = junctions.iter().map(|j| j - first).chain([ring.len()]).collect();
                        let mut out: Ring = Vec::new();
                        for w in cuts.windows(2) {
                            let end = w[1].min(rotated.len());
                            let mut arc = rotated[w[0]..end].to_vec();
                            arc.push(rotated[end % rotated.len()]);
                            let piece = simplify_arc(&arc);
                            out.extend_from_slice(&piece[..piece.len() - 1]);
                        }
                        out
                    } else {
                        let (canon, reversed) = canonical_ring(ring);
                        let mut closed = canon.clone();
                        closed.push(canon[0]);
                        let mut piece = simplify_arc(&closed);
                        piece.pop();
                        if reversed {
                            piece[1..].reverse();
                        }
                        piece
                    };
                    if simplified.len() >= 3 && ring_area(&simplified) > 0.0 {
                        Some(simplified)
                    } else if ring_area(ring) >= largest {
                        // Never lose an area: keep its main ring unsimplified.
                        Some(ring.clone())
                    } else {
                        None
                    }
                })
                .collect();
            Shape { code: shape.code.clone(), name: shape.name.clone(), rings, parent: shape.parent.clone() }
        })
        .collect()
}

/// The frame of the app's maps: the bounding box of London's boroughs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    pub min_e: i64,
    pub max_n: i64,
    pub width_m: i64,
    pub height_m: i64,
    pub metres_per_unit: i64,
}

impl Frame {
    pub fn around(shapes: &[Shape], metres_per_unit: i64) -> Frame {
        let points = shapes.iter().flat_map(|s| s.rings.iter().flatten());
        let (mut min_e, mut min_n, mut max_e, mut max_n) = (i64::MAX, i64::MAX, i64::MIN, i64::MIN);
        for p in points {
            min_e = min_e.min(p[0]);
            max_e = max_e.max(p[0]);
            min_n = min_n.min(p[1]);
            max_n = max_n.max(p[1]);
        }
        Frame { min_e, max_n, width_m: max_e - min_e, height_m: max_n - min_n, metres_per_unit }
    }

    fn unit(&self, p: Point) -> [i64; 2] {
        let m = self.metres_per_unit;
        [(p[0] - self.min_e + m / 2).div_euclid(m), (self.max_n - p[1] + m / 2).div_euclid(m)]
    }
}

/// An SVG path with relative moves: `M x y l dx dy dx dy … z` per ring.
pub fn svg_path(rings: &[Ring], frame: &Frame) -> String {
    let mut d = String::new();
    for ring in rings {
        let mut units: Vec<[i64; 2]> = ring.iter().map(|p| frame.unit(*p)).collect();
        units.dedup();
        while units.len() > 1 && units.first() == units.last() {
            units.pop();
        }
        if units.len() < 3 {
            continue;
        }
        d.push_str(&format!("M{} {}l", units[0][0], units[0][1]));
        for w in units.windows(2) {
            let (dx, dy) = (w[1][0] - w[0][0], w[1][1] - w[0][1]);
            if dx >= 0 && !d.ends_with('l') {
                d.push(' ');
            }
            d.push_str(&dx.to_string());
            if dy >= 0 {
                d.push(' ');
            }
            d.push_str(&dy.to_string());
        }
        d.push('z');
    }
    d
}

/// A point inside the shape's largest ring, in frame units.
fn label_point(shape: &Shape, frame: &Frame) -> [i32; 2] {
    let largest = shape.rings.iter().max_by(|a, b| ring_area(a).total_cmp(&ring_area(b)));
    #[allow(clippy::cast_precision_loss)]
    let point = largest
        .and_then(|r| Polygon::new(r.iter().map(|p| (p[0] as f64, p[1] as f64)).collect(), vec![]).interior_point());
    #[allow(clippy::cast_possible_truncation)]
    let p = point.map_or([0, 0], |p| frame.unit([p.x().round() as i64, p.y().round() as i64]));
    [i32::try_from(p[0]).unwrap_or(0), i32::try_from(p[1]).unwrap_or(0)]
}

/// The bounding box of a shape in frame units: `[min x, min y, max x, max y]`.
fn bbox(shape: &Shape, frame: &Frame) -> [i32; 4] {
    let units = shape.rings.iter().flatten().map(|p| frame.unit(*p));
    let b = units.fold([i64::MAX, i64::MAX, i64::MIN, i64::MIN], |b, u| {
        [b[0].min(u[0]), b[1].min(u[1]), b[2].max(u[0]), b[3].max(u[1])]
    });
    b.map(|v| i32::try_from(v).unwrap_or(0))
}

/// The app's geometry file for one level.
pub fn geo_file(level: Level, shapes: &[Shape], frame: &Frame, attribution: &str) -> GeoFile {
    #[allow(clippy::cast_precision_loss)]
    let metres_per_unit = frame.metres_per_unit as f64;
    let m = frame.metres_per_unit;
    GeoFile {
        schema: SCHEMA,
        level,
        width: u32::try_from((frame.width_m + m - 1) / m).unwrap_or(0),
        height: u32::try_from((frame.height_m + m - 1) / m).unwrap_or(0),
        metres_per_unit,
        areas: shapes
            .iter()
            .map(|s| GeoArea {
                code: s.code.clone(),
                name: s.name.clone(),
                path: svg_path(&s.rings, frame),
                label: label_point(s, frame),
                bbox: bbox(s, frame),
            })
            .collect(),
        attribution: attribution.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(code: &str, x0: i64, y0: i64, size: i64, step: i64) -> Shape {
        // A square with a vertex every `step` metres along each side.
        let mut ring = Vec::new();
        let mut t = 0;
        while t < size {
            ring.push([x0 + t, y0]);
            t += step;
        }
        let mut t = 0;
        while t < size {
            ring.push([x0 + size, y0 + t]);
            t += step;
        }
        let mut t = size;
        while t > 0 {
            ring.push([x0 + t, y0 + size]);
            t -= step;
        }
        let mut t = size;
        while t > 0 {
            ring.push([x0, y0 + t]);
            t -= step;
        }
        Shape { code: code.into(), name: code.into(), rings: vec![ring], parent: None }
    }

    #[test]
    fn shared_borders_stay_shared_and_every_area_survives() {
        // Two squares sharing the edge x = 1000, plus a tiny island.
        let mut a = square("A", 0, 0, 1000, 100);
        // A wiggle on the shared border, below epsilon, that both must drop alike.
        a.rings[0][15] = [1003, 500];
        let mut b = square("B", 1000, 0, 1000, 100);
        let idx = b.rings[0].iter().position(|p| *p == [1000, 500]).unwrap();
        b.rings[0][idx] = [1003, 500];
        let island = Shape {
            code: "C".into(),
            name: "C".into(),
            rings: vec![vec![[5000, 5000], [5004, 5000], [5004, 5003]]],
            parent: None,
        };
        let out = simplify_shared(&[a, b, island], 10.0);
        assert_eq!(out.len(), 3);
        for s in &out {
            assert!(!s.rings.is_empty() && s.rings[0].len() >= 3, "{} lost: {:?}", s.code, s.rings);
        }
        // A square simplifies to its corners plus the junctions on the shared edge.
        let edge = |s: &Shape| -> BTreeSet<Point> { s.rings[0].iter().filter(|p| p[0] == 1000).copied().collect() };
        assert_eq!(edge(&out[0]), edge(&out[1]));
        assert_eq!(edge(&out[0]), BTreeSet::from([[1000, 0], [1000, 1000]]));
        assert_eq!(out[0].rings[0].len(), 4);
        assert_eq!(out[2].rings[0].len(), 3);
    }

    #[test]
    fn identical_rings_of_two_areas_match_after_simplification() {
        // An enclave: B's outer ring is A's hole, listed from another start and direction.
        let outer = square("A", 0, 0, 3000, 100).rings.remove(0);
        let hole = square("X", 1000, 1000, 1000, 10).rings.remove(0);
        let mut hole_other_way = hole.clone();
        hole_other_way.reverse();
        hole_other_way.rotate_left(7);
        let a = Shape { code: "A".into(), name: "A".into(), rings: vec![outer, hole], parent: None };
        let b = Shape { code: "B".into(), name: "B".into(), rings: vec![hole_other_way], parent: None };
        let out = simplify_shared(&[a, b], 5.0);
        let set = |r: &Ring| -> BTreeSet<Point> { r.iter().copied().collect() };
        assert_eq!(set(&out[0].rings[1]), set(&out[1].rings[0]));
        assert_eq!(out[1].rings[0].len(), 4);
    }

    #[test]
    fn decodes_geopackage_blobs() {
        // GP header, version 0, flags: little-endian, envelope code 1 (32 bytes), srs 27700.
        let mut blob = vec![b'G', b'P', 0, 0b0000_0011];
        blob.extend_from_slice(&27700i32.to_le_bytes());
        blob.extend_from_slice(&[0u8; 32]);
        blob.push(1);
        blob.extend_from_slice(&6u32.to_le_bytes());
        blob.extend_from_slice(&1u32.to_le_bytes());
        blob.push(1);
        blob.extend_from_slice(&3u32.to_le_bytes());
        blob.extend_from_slice(&1u32.to_le_bytes());
        blob.extend_from_slice(&4u32.to_le_bytes());
        for (x, y) in [(0.0f64, 0.0f64), (10.4, 0.0), (10.0, 10.0), (0.0, 0.0)] {
            blob.extend_from_slice(&x.to_le_bytes());
            blob.extend_from_slice(&y.to_le_bytes());
        }
        assert_eq!(parse_gpkg_geometry(&blob), Ok(vec![vec![[0, 0], [10, 0], [10, 10]]]));
        assert!(parse_gpkg_geometry(b"XX").is_err());
        assert_eq!(parse_gpkg_geometry(&blob[..60]), Err("geometry ends early".to_string()));
    }

    #[test]
    fn svg_paths_are_relative_and_flip_y() {
        let frame = Frame { min_e: 0, max_n: 100, width_m: 100, height_m: 100, metres_per_unit: 10 };
        assert_eq!(svg_path(&[vec![[0, 100], [50, 100], [50, 50]]], &frame), "M0 0l5 0 0 5z");
        assert_eq!(svg_path(&[vec![[0, 0], [1, 0], [2, 1]]], &frame), "");
    }
}
