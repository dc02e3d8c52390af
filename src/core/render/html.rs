//! HTML that the app sets in one go (a table of 679 wards, the category
//! picker's options), written through the one markup writer: building such
//! lists node by node from wasm takes far longer.

use crate::crime::category;
use crate::crime::view::{change_text, measure_text, AreaRow, Ranking};
use crate::data::dataset::{AreaKind, Manifest};
use crate::render::chart::Table;
use crate::render::markup::{Markup, Value};
use crate::share::url_state::Measure;

/// `<option>`s of `(value, label)` pairs.
pub fn options<'a>(items: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut m = Markup::new();
    for (value, label) in items {
        m.element("option", &[("value", value.into())], label);
    }
    m.finish()
}

/// The category picker's options: "All crimes", then each major category in
/// a group with its minor categories.
pub fn category_options(manifest: &Manifest) -> String {
    let mut m = Markup::new();
    m.element("option", &[("value", "all".into())], "All crimes");
    for major in manifest.categories.iter().filter(|c| c.parent.is_none()) {
        let label = category::sentence_case(&major.name);
        m.open("optgroup", &[("label", Value::Text(&label))]);
        m.element("option", &[("value", Value::Text(&major.id))], &format!("{label}: all"));
        for minor in manifest.categories.iter().filter(|c| c.parent.as_deref() == Some(major.id.as_str())) {
            let name = format!("{label}: {}", category::sentence_case(&minor.name));
            m.element("option", &[("value", Value::Text(&minor.id))], &name);
        }
        m.close("optgroup");
    }
    m.finish()
}

/// The texts of a row's figure cells, in the order of the table's columns.
pub fn cell_texts(r: &AreaRow) -> [String; 4] {
    [
        measure_text(r.count, Measure::Count),
        measure_text(r.rate, Measure::Rate),
        measure_text(r.share, Measure::Share),
        change_text(r.change()),
    ]
}

/// The first `limit` body rows of the table of areas, the `selected` one
/// marked; a place's name is a button that chooses it.
pub fn area_rows(ranking: &Ranking, selected: Option<&str>, limit: usize) -> String {
    let mut m = Markup::new();
    for r in ranking.rows.iter().take(limit) {
        let chosen = selected == Some(r.code.as_str());
        let id = format!("row-{}", r.code);
        if chosen {
            m.open("tr", &[("id", Value::Text(&id)), ("class", "selected".into())]);
        } else {
            m.open("tr", &[("id", Value::Text(&id))]);
        }
        m.open("th", &[("scope", "row".into())]);
        if r.kind == AreaKind::Area {
            let pressed = if chosen { "true" } else { "false" };
            let button = [
                ("type", "button".into()),
                ("class", "link-button".into()),
                ("aria-pressed", pressed.into()),
                ("data-code", Value::Text(&r.code)),
            ];
            m.element("button", &button, &r.name);
        } else {
            m.open("span", &[]).text(&r.name);
            m.element("span", &[("class", "hint".into())], " (not a place: not assigned to a borough)");
            m.close("span");
        }
        m.close("th");
        for text in cell_texts(r) {
            m.element("td", &[("class", "num".into())], &text);
        }
        m.close("tr");
    }
    m.finish()
}

/// A plain table in its own sideways-scrolling region (so a wide table never
/// widens the page), named by its caption.
pub fn plain_table_region(m: &mut Markup, table: &Table) {
    let label = table.caption.as_str();
    m.open(
        "div",
        &[
            ("class", "table-wrap".into()),
            ("tabindex", "0".into()),
            ("role", "region".into()),
            ("aria-label", label.into()),
        ],
    );
    m.open("table", &[("class", "data-table".into())]).element("caption", &[], label);
    m.open("thead", &[]).open("tr", &[]);
    head_cells(m, table);
    m.close("tr").close("thead").open("tbody", &[]);
    body_rows(m, table);
    m.close("tbody").close("table").close("div");
}

fn head_cells(m: &mut Markup, table: &Table) {
    for h in &table.head {
        m.element("th", &[("scope", "col".into())], h);
    }
}

fn body_rows(m: &mut Markup, table: &Table) {
    for row in &table.rows {
        m.open("tr", &[]);
        let mut cells = row.iter();
        m.element("th", &[("scope", "row".into())], cells.next().map_or("", String::as_str));
        for c in cells {
            m.element("td", &[("class", "num".into())], c);
        }
        m.close("tr");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crime::view::{Scope, OFFENCES};
    use crate::data::figure::Figure;
    use crate::data::month::{Month, Period};
    use crate::render::choropleth::Classes;
    use crate::share::url_state::Measure;

    const EVIL: &str = "<script>x</script> & \"q\" '";

    fn row(code: &str, name: &str, kind: AreaKind) -> AreaRow {
        AreaRow {
            code: code.into(),
            name: name.into(),
            kind,
            count: Figure::Known(1234.0),
            year_earlier: Figure::Known(1000.0),
            rate: Figure::Suppressed,
            share: Figure::Missing,
            population: None,
        }
    }

    #[test]
    fn lists_and_tables_escape_every_text_and_value() {
        assert_eq!(
            options([("a\"b", EVIL)]),
            "<option value=\"a&quot;b\">&lt;script&gt;x&lt;/script&gt; &amp; &quot;q&quot; &#39;</option>"
        );
        let month = Month::new(2025, 1).unwrap();
        let ranking = Ranking {
            scope: Scope::Boroughs,
            counted: OFFENCES,
            category_name: "All crimes".into(),
            period: Period::new(month, month),
            measure: Measure::Count,
            rows: vec![row("E09000007", EVIL, AreaKind::Area), row("MPS-UNK", "Unknown", AreaKind::Pseudo)],
            total: row("london", "London", AreaKind::Area),
            classes: Classes::quantiles(&[], 5),
            notes: Vec::new(),
            suggestion: None,
        };
        let rows = area_rows(&ranking, Some("E09000007"), 10);
        assert_eq!(
            rows,
            "<tr id=\"row-E09000007\" class=\"selected\"><th scope=\"row\"><button type=\"button\" class=\"link-button\" \
             aria-pressed=\"true\" data-code=\"E09000007\">&lt;script&gt;x&lt;/script&gt; &amp; &quot;q&quot; &#39;\
             </button></th><td class=\"num\">1,234</td><td class=\"num\">[c]</td><td class=\"num\">..</td>\
             <td class=\"num\">+23.4%</td></tr><tr id=\"row-MPS-UNK\"><th scope=\"row\"><span>Unknown<span \
             class=\"hint\"> (not a place: not assigned to a borough)</span></span></th><td class=\"num\">1,234</td>\
             <td class=\"num\">[c]</td><td class=\"num\">..</td><td class=\"num\">+23.4%</td></tr>"
        );
        assert_eq!(area_rows(&ranking, None, 1).matches("<tr").count(), 1);
        let table = Table { caption: EVIL.into(), head: vec![EVIL.into()], rows: vec![vec![EVIL.into(), "1".into()]] };
        let mut m = Markup::new();
        plain_table_region(&mut m, &table);
        let html = m.finish();
        assert!(!html.contains("<script"), "{html}");
        assert_eq!(html.matches("<td class=\"num\">1</td>").count(), 1);
        assert!(
            html.starts_with("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"&lt;script"),
            "{html}"
        );
    }
}
