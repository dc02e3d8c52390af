//! The explaining pages as HTML: the how-to guides, "About the data" (from a
//! release's manifest) and the accessibility statement. Each is the page's
//! content under its heading, written through the one escaping writer, so the
//! app shows it as it is and the same words can be published as a page of
//! their own.

use crate::data::dataset::Manifest;
use crate::data::format;
use crate::data::month::Month;
use crate::explain::about::{self, Due, Entry};
use crate::explain::glossary::{self, Section, Term};
use crate::explain::guides::GUIDES;
use crate::render::html;
use crate::render::markup::{Markup, Value};

/// Where a page is shown: in the app, or published on its own beside it
/// (`pages/<file>`, readable without JavaScript).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    App,
    Standalone,
}

impl Place {
    /// The app's address, relative to the page.
    fn base(self) -> &'static str {
        match self {
            Place::App => "",
            Place::Standalone => "../",
        }
    }
}

/// The page's heading, which the app moves the focus to when the page opens.
fn heading(m: &mut Markup, title: &str) {
    m.element(
        "h1",
        &[("class", "view-heading".into()), ("tabindex", "-1".into()), ("id", "page-heading".into())],
        title,
    );
}

/// A list of plain items.
fn list<S: AsRef<str>>(m: &mut Markup, items: &[S]) {
    m.open("ul", &[]);
    for item in items {
        m.element("li", &[], item.as_ref());
    }
    m.close("ul");
}

/// A section headed by `title`, whose heading has the id `id`.
fn section_of(m: &mut Markup, id: &str, class: Option<&'static str>, title: &str, body: impl FnOnce(&mut Markup)) {
    let mut attributes: Vec<(&'static str, Value)> = vec![("aria-labelledby", id.into())];
    if let Some(class) = class {
        attributes.push(("class", class.into()));
    }
    m.open("section", &attributes);
    m.element("h2", &[("id", id.into()), ("class", "panel-heading".into())], title);
    body(m);
    m.close("section");
}

/// A link to another site.
fn external(m: &mut Markup, label: &str, url: &str) {
    m.element("a", &[("href", url.into()), ("rel", "external".into())], label);
}

/// The how-to guides, each ending with a link (drawn as a button) to the
/// view it describes: the app's address, `?` and the guide's query.
pub fn guides(place: Place) -> String {
    let base = place.base();
    let mut m = Markup::new();
    heading(&mut m, "How-to guides");
    m.element(
        "p",
        &[("class", "summary".into())],
        "Short guides to the questions people most often bring to these figures. Each one ends with a button that \
         opens the view it describes.",
    );
    m.open("nav", &[("aria-label", "Guides".into()), ("class", "contents".into())]).open("ul", &[]);
    for g in GUIDES {
        m.open("li", &[]).element("a", &[("href", format!("#guide-{}", g.id).as_str().into())], g.title).close("li");
    }
    m.close("ul").close("nav");
    for g in GUIDES {
        section_of(&mut m, &format!("guide-{}", g.id), Some("guide"), g.title, |m| {
            m.element("p", &[], g.summary);
            m.open("ol", &[("class", "steps".into())]);
            for step in g.steps {
                m.element("li", &[], step);
            }
            m.close("ol");
            let href = format!("{base}?{}", g.view);
            m.open("p", &[])
                .element("a", &[("href", href.as_str().into()), ("class", "button guide-button".into())], g.button)
                .close("p");
        });
    }
    m.finish()
}

/// The "About the data" page of a release: its catalogue with a cover sheet
/// for each dataset, the release calendar on `today`'s month, and the
/// release itself. A standalone page's calendar marks the month it was
/// written, not the reader's today.
pub fn about_data(manifest: &Manifest, today: Month, place: Place) -> String {
    let base = place.base();
    let mut m = Markup::new();
    let entries = about::catalogue(manifest);
    heading(&mut m, "About the data");
    m.element(
        "p",
        &[("class", "summary".into())],
        "Where every figure on this site comes from, what it covers, what is left out and why, and when new figures \
         are expected.",
    );
    m.open("nav", &[("aria-label", "On this page".into()), ("class", "contents".into())]);
    m.element("h2", &[("class", "contents-title".into())], "Contents").open("ul", &[]);
    let mut contents: Vec<(String, String)> =
        entries.iter().map(|e| (format!("#dataset-{}", e.id), e.title.clone())).collect();
    contents.push(("#calendar-heading".into(), "Release calendar".into()));
    contents.push(("#releases-heading".into(), "This site's data releases".into()));
    for (href, title) in &contents {
        m.open("li", &[]).element("a", &[("href", href.into())], title).close("li");
    }
    m.close("ul").close("nav");
    for e in entries {
        dataset(&mut m, e);
    }
    let now = if place == Place::App { "Today." } else { "This page was written." };
    calendar(&mut m, &about::calendar(manifest, today), (today, now));
    if !manifest.release.is_empty() {
        section_of(&mut m, "releases-heading", None, "This site's data releases", |m| {
            m.element(
                "p",
                &[],
                &format!(
                    "The figures on this site are data release {}, which holds {}. Every time this site's figures are \
                     updated from the publishers' files, a new release is made, and the earlier releases are kept, \
                     so a view pinned to a release (for example an embedded chart) keeps showing the same figures.",
                    manifest.release,
                    manifest.release_contents()
                ),
            );
            let revised = format::thousands(i64::try_from(manifest.revisions).unwrap_or(i64::MAX));
            let (by_borough, by_ward) =
                (format!("{base}data/revisions-crime-borough.csv"), format!("{base}data/revisions-crime-ward.csv"));
            m.open("p", &[])
                .text(&format!(
                    "Between the publishers' files used, {revised} figures (a month of a category in an area) were \
                     revised. Each is listed with its old and new value: "
                ))
                .element(
                    "a",
                    &[("href", by_borough.as_str().into()), ("download", "".into())],
                    "revisions by borough (CSV)",
                )
                .text(", ")
                .element("a", &[("href", by_ward.as_str().into()), ("download", "".into())], "revisions by ward (CSV)")
                .text(".")
                .close("p");
        });
    }
    m.finish()
}

/// One dataset's catalogue entry and cover sheet.
fn dataset(m: &mut Markup, e: Entry) {
    section_of(m, &format!("dataset-{}", e.id), Some("dataset"), &e.title, |m| {
        m.open("dl", &[("class", "summary-list".into())]);
        let row = |m: &mut Markup, key: &str, value: &dyn Fn(&mut Markup)| {
            m.open("div", &[("class", "summary-row".into())]).element("dt", &[], key).open("dd", &[]);
            value(m);
            m.close("dd").close("div");
        };
        row(m, "Publisher", &|m| {
            m.text(&e.publisher);
        });
        row(m, "Licence", &|m| {
            m.text(&e.licence);
        });
        if let Some(a) = &e.attribution {
            row(m, "Attribution", &|m| {
                m.text(a);
            });
        }
        row(m, "Geography", &|m| {
            m.text(&e.geography);
        });
        row(m, "Period", &|m| {
            m.text(&e.period);
        });
        row(m, "Releases used", &|m| list(m, &e.releases));
        row(m, "Sources", &|m| {
            m.open("ul", &[]);
            for l in &e.sources {
                m.open("li", &[]);
                external(m, &l.label, &l.url);
                m.close("li");
            }
            m.close("ul");
        });
        m.close("dl");
        m.element("h3", &[], "Known caveats");
        list(m, &e.caveats);
        if !e.not_published.is_empty() {
            m.element("h3", &[], "What is not published, and why");
            list(m, &e.not_published);
        }
        if e.id.starts_with("crime-") {
            m.element("h3", &[], "Version history");
            m.element(
                "p",
                &[],
                "Each new file from the publisher can change figures for months it had already published. Charts \
                 mark the months the latest file revised with ◇.",
            );
            if e.history.is_empty() {
                m.element("p", &[], "Only one of the publisher's files is used, so there is nothing to compare yet.");
            }
            for c in &e.history {
                m.element("p", &[], &c.summary);
                m.open("details", &[("class", "details".into())]);
                m.element("summary", &[], "Show London's totals before and after, by month");
                html::plain_table_region(m, &c.table);
                m.close("details");
            }
        }
    });
}

/// The release calendar as a timeline: the latest figures each dataset has
/// here, when its next figures are expected, and today (the month, and what
/// it says).
fn calendar(m: &mut Markup, dues: &[Due], (today, now): (Month, &str)) {
    let mut events: Vec<(Month, String, &'static str)> = Vec::new();
    for d in dues {
        events.push((
            d.latest,
            format!("{}: the latest figures on this site are for {}.", d.dataset, d.latest.long_name()),
            "past",
        ));
        let next = d.latest.plus_months(1).long_name();
        let text = if d.overdue {
            format!(
                "{}: figures for {next} were expected to be published. Newer figures have probably been published \
                 since; this site shows them after its next update.",
                d.dataset
            )
        } else {
            format!("{}: figures for {next} are expected.", d.dataset)
        };
        events.push((d.expected, text, if d.overdue { "overdue" } else { "expected" }));
    }
    events.push((today, now.to_string(), "today"));
    events.sort_by_key(|(month, _, kind)| (*month, *kind == "today"));
    section_of(m, "calendar-heading", None, "Release calendar", |m| {
        m.element(
            "p",
            &[],
            "When each dataset's figures were last brought into this site, and when the publisher's next figures are \
             expected, from each publisher's schedule:",
        );
        m.open("ul", &[]);
        for d in dues {
            m.open("li", &[]).element("strong", &[], &format!("{}: ", d.dataset)).text(&d.rule).close("li");
        }
        m.close("ul");
        m.open("ol", &[("class", "timeline".into())]);
        for (month, text, kind) in &events {
            let class = format!("timeline-item timeline-{kind}");
            m.open("li", &[("class", class.as_str().into())]);
            m.element("span", &[("class", "timeline-date".into())], &month.long_name());
            m.element("span", &[("class", "timeline-text".into())], text);
            m.close("li");
        }
        m.close("ol");
        m.element(
            "p",
            &[("class", "hint".into())],
            "Census figures come from the 2021 Census; the next census is planned for 2031. Boundaries change only \
             after boundary reviews.",
        );
    });
}

/// The accessibility statement.
pub fn accessibility() -> String {
    let mut m = Markup::new();
    heading(&mut m, "Accessibility statement");
    m.open("div", &[("class", "prose".into())]);
    m.element(
        "p",
        &[],
        "Met Data Explorer shows the Metropolitan Police's published crime and stop-and-search figures for London. \
         We want as many people as possible to be able to use it. You should be able to:",
    );
    list(
        &mut m,
        &[
            "zoom in up to 400% without the text spilling off the screen, and use it on a phone from 320 pixels wide",
            "use every control, the map included, with a keyboard alone",
            "read every chart and map as a table, and hear a plain-language summary of each view with a screen reader",
            "tell every line, shape and band apart without relying on colour: lines have patterns and labels, map \
             bands have their values in the table",
            "use the site with animation reduced, and print any view",
        ],
    );
    let h2 = |m: &mut Markup, title: &str| {
        m.element("h2", &[("class", "panel-heading".into())], title);
    };
    h2(&mut m, "How accessible this website is");
    m.element("p", &[], "We know of these problems:");
    list(
        &mut m,
        &[
            "Downloaded chart images (SVG and PNG) have a title but no text alternative inside the file; the CSV \
             download of the same chart holds its figures.",
            "On the map, small wards can be smaller than 24 by 24 pixels, too small to tap easily on a phone; choose \
             them from the search box or the table, which do the same.",
            "In the dark colour scheme and in Windows contrast themes, the map and the charts keep their own colours \
             on a white card: their colours were chosen and checked against white.",
        ],
    );
    h2(&mut m, "How we tested this website");
    m.element(
        "p",
        &[],
        "Every change to the site runs these tests in the Chromium browser, driven by Playwright, before it is \
         published:",
    );
    list(
        &mut m,
        &[
            "axe-core 4.14 against WCAG 2.2 A and AA on the crime and stop-and-search explorers, the definitions, \
             guides, about the data and this statement, and an embedded view; at 320, 360, 768 and 1280 pixels wide; \
             in the light and dark colour schemes and with forced colours (a Windows contrast theme, as Chromium \
             emulates it); with a definition's pop-up and the Embed dialog open.",
            "The map walked with the keyboard to every area and back out; every control reached with Tab shown on \
             screen and not covered; targets of at least 24 by 24 pixels or spaced apart; the text-spacing settings \
             of WCAG 1.4.12 clipping nothing; no sideways scrolling at 320 by 256 pixels (400% zoom); what the screen \
             reader hears after each kind of change; nothing moving when reduced motion is asked for; no shortcuts \
             of a single key.",
            "The first screen of each view, at 360 by 780 and 1280 by 800 pixels, showing the view's heading, its \
             summary and the top of its map.",
        ],
    );
    m.element(
        "p",
        &[],
        "We have not yet tested the site with people who use assistive technology, nor with the screen readers JAWS, \
         NVDA, TalkBack and VoiceOver themselves, nor with a real Windows contrast theme.",
    );
    h2(&mut m, "Feedback and contact information");
    m.open("p", &[]).text("If you find a problem not listed here, or need the figures in another format, ");
    external(&mut m, "contact the Metropolitan Police", "https://www.met.police.uk/contact/af/contact-us/");
    m.text(". Say which page and figures you were looking at: the page's link (Copy link) is the quickest way.")
        .close("p");
    h2(&mut m, "Enforcement procedure");
    m.open("p", &[]).text(
        "The Equality and Human Rights Commission (EHRC) is responsible for enforcing the accessibility regulations \
         for public sector websites. If you are not happy with how we respond to your complaint, ",
    );
    external(
        &mut m,
        "contact the Equality Advisory and Support Service (EASS)",
        "https://www.equalityadvisoryservice.com/",
    );
    m.text(".").close("p");
    h2(&mut m, "Technical information");
    m.element(
        "p",
        &[],
        "This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard, \
         because of the problems listed above. It works without any request to another website and uses the fonts \
         already on your device.",
    );
    m.element(
        "p",
        &[],
        "This statement was prepared on 30 November 2026 and last reviewed on 4 December 2026, when the tests above \
         were added.",
    );
    m.close("div");
    m.finish()
}

/// The element id of a term on the definitions page.
pub fn term_anchor(id: &str) -> String {
    format!("term-{}", id.replace('/', "--"))
}

/// The definitions page: its heading and summary ([`definitions_top`]) and
/// every term by section ([`definition_sections`]). The app puts a search box
/// between the two, which narrows the terms when scripts run.
pub fn definitions(terms: &[Term], place: Place) -> String {
    definitions_top(place) + &definition_sections(terms)
}

/// The definitions page's heading, and what it holds with a link to the file of every definition.
pub fn definitions_top(place: Place) -> String {
    let mut m = Markup::new();
    heading(&mut m, "Definitions");
    let file = format!("{}data/{}", place.base(), glossary::FILE);
    m.open("p", &[("class", "summary".into())])
        .text(
            "What each crime category, stop-and-search term and figure on this site means, in plain words: what is \
             counted, what is not, and the publisher's own term. ",
        )
        .element("a", &[("href", file.as_str().into()), ("download", "".into())], "Download every definition (JSON)")
        .text(".")
        .close("p");
    m.finish()
}

/// One term, as the "?" beside a label shows it: its name as a heading, what
/// it means, what is and is not counted, and the publisher's own term.
pub fn term_definition(term: &Term) -> String {
    let mut m = Markup::new();
    write_term(&mut m, term, "h2");
    m.finish()
}

fn write_term(m: &mut Markup, t: &Term, heading: &'static str) {
    m.element(heading, &[("class", "term-name".into())], &t.name);
    m.element("p", &[], &t.means);
    for (label, text) in [("Counted: ", &t.counted), ("Not counted: ", &t.not_counted)] {
        if !text.is_empty() {
            m.open("p", &[]).element("strong", &[], label).text(text).close("p");
        }
    }
    if !t.official.is_empty() {
        m.element("p", &[("class", "hint".into())], &format!("Published as: {}", t.official));
    }
}

/// `terms` by section, each with what it means, what is and is not counted
/// and the publisher's own term.
pub fn definition_sections<'a>(terms: impl IntoIterator<Item = &'a Term>) -> String {
    let terms: Vec<&Term> = terms.into_iter().collect();
    let mut m = Markup::new();
    for section in Section::ALL {
        let in_section: Vec<&Term> = terms.iter().copied().filter(|t| t.section == section).collect();
        if in_section.is_empty() {
            continue;
        }
        section_of(&mut m, &format!("section-{}", section.token()), None, section.title(), |m| {
            m.open("ul", &[("class", "terms".into())]);
            for t in in_section {
                let anchor = term_anchor(&t.id);
                m.open("li", &[("class", "term".into()), ("id", anchor.as_str().into()), ("tabindex", "-1".into())]);
                write_term(m, t, "h3");
                m.close("li");
            }
            m.close("ul");
        });
    }
    m.finish()
}

/// A page published on its own beside the app (`pages/<file>`), readable
/// without JavaScript: the app's links are relative to it (`../`).
#[derive(Clone, Copy, Debug)]
pub struct Standalone {
    pub file: &'static str,
    pub title: &'static str,
    pub description: &'static str,
    /// Its content, from a release's manifest and the month it is written.
    pub content: fn(&Manifest, Month) -> String,
}

/// The pages published on their own.
pub const STANDALONE: [Standalone; 4] = [
    Standalone {
        file: "guides.html",
        title: "How-to guides",
        description: "Short guides to the questions people most often bring to the Met's crime and stop-and-search \
                      figures, each opening the view it describes.",
        content: |_, _| guides(Place::Standalone),
    },
    Standalone {
        file: "definitions.html",
        title: "Definitions",
        description: "What each crime category, stop-and-search term and figure on Met Data Explorer means, in plain \
                      words: what is counted, what is not, and the publisher's own term.",
        content: |_, _| definitions(glossary::TERMS, Place::Standalone),
    },
    Standalone {
        file: "about-the-data.html",
        title: "About the data",
        description:
            "Where every figure on Met Data Explorer comes from, what it covers, what is left out and why, and \
                      when new figures are expected.",
        content: |manifest, today| about_data(manifest, today, Place::Standalone),
    },
    Standalone {
        file: "accessibility.html",
        title: "Accessibility statement",
        description: "How accessible Met Data Explorer is, the problems we know of, how we tested it and how to \
                      complain.",
        content: |_, _| accessibility(),
    },
];

/// The address of the site's stylesheet in a standalone page, filled in
/// when the site is built (its name has the hash of its content).
pub const STYLESHEET: &str = "../__STYLESHEET__";

/// The content security policy of a standalone page: its own site only, and
/// no scripts at all.
const POLICY: &str =
    "default-src 'self'; img-src 'self' data:; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'";

/// Each standalone page of a release, as a whole HTML document: its file
/// name and text. `today` dates the release calendar.
pub fn standalone(manifest: &Manifest, today: Month) -> Vec<(&'static str, String)> {
    STANDALONE.iter().map(|page| (page.file, document(page, &(page.content)(manifest, today)))).collect()
}

/// A whole page around `main` (HTML written by this module): the site's
/// header and links, and its footer with the signposts.
fn document(page: &Standalone, main: &str) -> String {
    let mut m = Markup::new();
    m.doctype();
    m.open("html", &[("lang", "en-GB".into())]).open("head", &[]);
    m.empty("meta", &[("charset", "utf-8".into())]);
    m.empty("meta", &[("name", "viewport".into()), ("content", "width=device-width, initial-scale=1".into())]);
    m.empty("meta", &[("http-equiv", "Content-Security-Policy".into()), ("content", POLICY.into())]);
    m.element("title", &[], &format!("{} — Met Data Explorer", page.title));
    m.empty("meta", &[("name", "description".into()), ("content", page.description.into())]);
    // No icon of its own (as the app): the browser then asks for none.
    m.empty("link", &[("rel", "icon".into()), ("href", "data:,".into())]);
    m.empty("link", &[("rel", "stylesheet".into()), ("href", STYLESHEET.into())]);
    m.close("head").open("body", &[]);
    m.element("a", &[("href", "#main".into()), ("class", "skip-link".into())], "Skip to main content");
    m.open("header", &[("class", "site-header".into())]).open("div", &[("class", "width-container".into())]);
    m.open("div", &[("class", "header-row".into())]).open("p", &[("class", "site-name".into())]);
    m.element("a", &[("href", "../".into()), ("class", "site-home".into())], "Met Data Explorer");
    m.close("p").close("div");
    m.element(
        "p",
        &[("class", "site-tagline".into())],
        "Crime and stop and search in London, from the Metropolitan Police's published figures",
    );
    m.open("nav", &[("class", "service-nav".into()), ("aria-label", "Site".into())]).open("ul", &[]);
    let links = [
        ("../", "Crime"),
        ("../?explorer=stops", "Stop and search"),
        ("guides.html", "How-to guides"),
        ("definitions.html", "Definitions"),
        ("about-the-data.html", "About the data"),
    ];
    for (href, label) in links {
        let mut attributes: Vec<(&'static str, Value)> = vec![("href", href.into())];
        if href == page.file {
            attributes.push(("aria-current", "page".into()));
        }
        m.open("li", &[]).element("a", &attributes, label).close("li");
    }
    m.close("ul").close("nav").close("div").close("header");
    m.open("main", &[("id", "main".into()), ("class", "width-container".into()), ("tabindex", "-1".into())]);
    m.open("div", &[("class", "page".into())]);
    // The page's content, written by this module's writer, goes between the two halves.
    let top = m.finish();
    let mut m = Markup::new();
    m.close("div").close("main");
    m.open("footer", &[("class", "site-footer".into())]).open("div", &[("class", "width-container".into())]);
    m.open("nav", &[("aria-label", "Help and other sources".into()), ("class", "signposts".into())]);
    m.element("h2", &[("class", "signposts-title".into())], "Help and other sources").open("ul", &[]);
    for l in about::signposts() {
        m.open("li", &[]);
        external(&mut m, &l.label, &l.url);
        m.close("li");
    }
    m.close("ul").close("nav");
    m.open("ul", &[("class", "footer-links".into())]);
    for (href, label) in [
        ("about-the-data.html", "About the data"),
        ("definitions.html", "Definitions"),
        ("accessibility.html", "Accessibility statement"),
    ] {
        m.open("li", &[]).element("a", &[("href", href.into())], label).close("li");
    }
    m.close("ul");
    m.element("p", &[], about::FOOTER_ATTRIBUTION);
    m.close("div").close("footer").close("body").close("html");
    format!("{top}{main}{}", m.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explain::about::tests::manifest;

    /// Checks that `html` holds each of `expected` and, where the markup of a
    /// page must never appear, none of `absent`.
    fn check(html: &str, expected: &[&str], absent: &[&str]) {
        assert!(html.starts_with("<h1 class=\"view-heading\" tabindex=\"-1\" id=\"page-heading\">"), "{html}");
        for e in expected {
            assert!(html.contains(e), "missing {e:?} in {html}");
        }
        for a in absent {
            assert!(!html.contains(a), "unexpected {a:?} in {html}");
        }
        // Every element opened is closed (void elements are written as <x/>).
        for tag in ["section", "ul", "ol", "li", "p", "dl", "div", "details", "table", "nav"] {
            let opened = html.matches(&format!("<{tag}>")).count() + html.matches(&format!("<{tag} ")).count();
            assert_eq!(opened, html.matches(&format!("</{tag}>")).count(), "<{tag}> in {html}");
        }
    }

    #[test]
    fn guides_link_each_to_its_view() {
        let html = guides(Place::App);
        let mut expected = vec![];
        let parts: Vec<String> = GUIDES
            .iter()
            .flat_map(|g| {
                [
                    format!("<a href=\"#guide-{}\">", g.id),
                    format!("<section aria-labelledby=\"guide-{0}\" class=\"guide\"><h2 id=\"guide-{0}\"", g.id),
                    format!("<a href=\"?{}\" class=\"button guide-button\">", g.view.replace('&', "&amp;")),
                ]
            })
            .collect();
        expected.extend(parts.iter().map(String::as_str));
        check(&html, &expected, &["<script"]);
        assert_eq!(html.matches("guide-button").count(), GUIDES.len());
    }

    #[test]
    fn about_the_data_has_a_cover_sheet_per_dataset_a_calendar_and_the_release() {
        let mut m = manifest();
        m.release = "0123456789ab".into();
        m.revisions = 1234;
        let today = Month::parse("2026-12").unwrap();
        let html = about_data(&m, today, Place::App);
        let mut ids: Vec<String> =
            about::catalogue(&m).iter().map(|e| format!("<a href=\"#dataset-{}\">", e.id)).collect();
        ids.extend(about::catalogue(&m).iter().map(|e| format!("id=\"dataset-{}\"", e.id)));
        let mut expected: Vec<&str> = ids.iter().map(String::as_str).collect();
        expected.extend([
            "<dt>Licence</dt>",
            "<h3>Known caveats</h3>",
            "<h3>Version history</h3>",
            "<h2 id=\"calendar-heading\" class=\"panel-heading\">Release calendar</h2>",
            "<li class=\"timeline-item timeline-today\"><span class=\"timeline-date\">December 2026</span>\
             <span class=\"timeline-text\">Today.</span></li>",
            "data release 0123456789ab",
            "1,234 figures (a month of a category in an area) were revised",
            "<a href=\"data/revisions-crime-ward.csv\" download=\"\">revisions by ward (CSV)</a>",
            " rel=\"external\">",
        ]);
        check(&html, &expected, &["<script"]);
        // Without a release id (files prepared before releases), no section on releases.
        m.release.clear();
        check(&about_data(&m, today, Place::App), &["Release calendar"], &["releases-heading\" class"]);
    }

    #[test]
    fn the_accessibility_statement_names_its_problems_and_how_to_complain() {
        check(
            &accessibility(),
            &[
                ">Accessibility statement</h1><div class=\"prose\">",
                "<h2 class=\"panel-heading\">How accessible this website is</h2>",
                "<a href=\"https://www.equalityadvisoryservice.com/\" rel=\"external\">",
                "the page&#39;s link (Copy link)",
            ],
            &["<script"],
        );
    }

    #[test]
    fn standalone_pages_are_whole_documents_with_no_scripts_and_links_back_to_the_app() {
        let today = Month::parse("2026-12").unwrap();
        let mut m = manifest();
        m.release = "0123456789ab".into();
        let pages = standalone(&m, today);
        assert_eq!(pages.iter().map(|(f, _)| *f).collect::<Vec<_>>(), STANDALONE.map(|p| p.file));
        for ((file, html), page) in pages.iter().zip(STANDALONE) {
            assert!(
                html.starts_with("<!doctype html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"/>"),
                "{html}"
            );
            for expected in [
                format!("<title>{} — Met Data Explorer</title>", page.title),
                "content=\"default-src &#39;self&#39;; img-src &#39;self&#39; data:; script-src &#39;none&#39;;"
                    .to_string(),
                format!("<link rel=\"stylesheet\" href=\"{STYLESHEET}\"/>"),
                format!("<a href=\"{file}\" aria-current=\"page\">{}</a>", page.title)
                    .replace("Accessibility statement", ""),
                "<main id=\"main\" class=\"width-container\" tabindex=\"-1\"><div class=\"page\"><h1 ".to_string(),
                "</div></main><footer class=\"site-footer\">".to_string(),
                "<a href=\"../\" class=\"site-home\">Met Data Explorer</a>".to_string(),
                "</html>".to_string(),
            ] {
                // The accessibility statement is linked from the footer, not the header.
                if *file == "accessibility.html" && expected.contains("aria-current") {
                    continue;
                }
                assert!(html.contains(&expected), "{file}: missing {expected:?}");
            }
            assert!(!html.contains("<script"), "{file}");
        }
        // Links that lead into the app go up a folder.
        assert!(pages.iter().all(|(_, html)| !html.contains("href=\"?")));
        let [guides, definitions, about, _] = &pages[..] else { unreachable!() };
        assert_eq!(definitions.1.matches("<li class=\"term\"").count(), glossary::TERMS.len());
        assert!(definitions.1.contains("<a href=\"../data/glossary.json\" download=\"\">"));
        assert!(about.1.contains("href=\"../data/revisions-crime-ward.csv\""), "{}", about.1);
        assert!(about.1.contains("<span class=\"timeline-text\">This page was written.</span>"));
        assert!(guides.1.contains("class=\"button guide-button\""));
    }

    #[test]
    fn definitions_are_listed_by_section_with_what_is_and_is_not_counted() {
        use std::borrow::Cow;
        let term = |section, id: &'static str, official: &'static str, counted: &'static str| Term {
            id: Cow::Borrowed(id),
            section,
            name: Cow::Borrowed("<b>Burglary</b>"),
            official: Cow::Borrowed(official),
            means: Cow::Borrowed("Entering a building to steal."),
            counted: Cow::Borrowed(counted),
            not_counted: Cow::Borrowed(""),
        };
        let terms =
            [term(Section::Crime, "burglary/home", "BURGLARY", "Homes."), term(Section::Data, "data/rate", "", "")];
        let html = definitions(&terms, Place::App);
        check(
            &html,
            &[
                "<a href=\"data/glossary.json\" download=\"\">",
                "<section aria-labelledby=\"section-crime\"><h2 id=\"section-crime\" class=\"panel-heading\">Crime \
                 categories</h2><ul class=\"terms\"><li class=\"term\" id=\"term-burglary--home\" tabindex=\"-1\">\
                 <h3 class=\"term-name\">&lt;b&gt;Burglary&lt;/b&gt;</h3><p>Entering a building to steal.</p><p>\
                 <strong>Counted: </strong>Homes.</p><p class=\"hint\">Published as: BURGLARY</p></li></ul></section>",
                "<li class=\"term\" id=\"term-data--rate\" tabindex=\"-1\"><h3 class=\"term-name\">&lt;b&gt;Burglary\
                 &lt;/b&gt;</h3><p>Entering a building to steal.</p></li>",
            ],
            &["section-stops", "<b>"],
        );
    }
}
