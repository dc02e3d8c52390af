//! The pages that explain the figures: definitions (a searchable glossary),
//! about the data (catalogue, cover sheets, release calendar, this site's
//! data releases) and the accessibility statement; the "?" button that opens
//! a term's definition beside its label; and the signposts in every footer.
//! Their words come from `met_core::explain::about` and the glossary file that
//! `prepare` publishes from `met_core::explain::glossary` (loaded when first needed).

use super::data::{Load, Store};
use super::table::PlainTable;
use leptos::prelude::*;
use met_core::data::dataset::Manifest;
use met_core::data::month::Month;
use met_core::explain::about::{self, Entry};
use met_core::explain::glossary::{self, Section, Term};
use met_core::explain::guides::GUIDES;
use std::sync::Arc;

/// The element id of a term on the definitions page.
pub fn term_anchor(id: &str) -> String {
    format!("term-{}", id.replace('/', "--"))
}

/// How a "?" reaches the definitions page: the page's link to a term, and
/// the callback that opens it in place. Provided by the app.
#[derive(Clone, Copy)]
pub struct Glossary {
    pub href: Callback<String, String>,
    pub open: Callback<String>,
}

/// A "?" button beside a label that opens the term's definition in a
/// popover (Escape or a click outside closes it), with a link to it on the
/// definitions page. The definitions load when one is first opened. The term
/// can follow the view (the category chosen): then only the button's name,
/// the link and the definition change, not the elements.
#[component]
pub fn Define(
    /// The glossary id of the term.
    #[prop(into)]
    id: Signal<String>,
    /// The label it explains, as shown.
    #[prop(into)]
    label: Signal<String>,
) -> impl IntoView {
    let (Some(links), Some(store)) = (use_context::<Glossary>(), use_context::<Store>()) else { return ().into_any() };
    // The same term can have a "?" in several places: each popover has its own id.
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let popover = format!("define-{}", NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed));
    let close = popover.clone();
    // Read in the attribute's own effect, so that the "?" is not drawn anew
    // at every change of the view.
    let href = move || links.href.run(id.get());
    let body = move || match store.glossary.get() {
        Some(Load::Ready(terms)) => id.with(|id| match glossary::find(&terms, id) {
            Some(t) => definition(t, "h2").into_any(),
            None => view! { <p>"This term has no definition yet."</p> }.into_any(),
        }),
        Some(Load::Failed(e)) => failed(store, &e).into_any(),
        _ => loading().into_any(),
    };
    view! {
        <button type="button" class="define" popovertarget=popover.clone() aria-label=move || format!("What “{}” means", label.get())
            on:click=move |_| store.need_glossary()>"?"</button>
        <div id=popover class="popover" popover="auto" role="dialog" aria-label=move || format!("Definition: {}", label.get())>
            {body}
            <p class="popover-actions">
                <a href=href on:click=move |ev| {
                    ev.prevent_default();
                    links.open.run(id.get_untracked());
                }>"All definitions"</a>
                <button type="button" class="button button-secondary" popovertarget=close popovertargetaction="hide">"Close"</button>
            </p>
        </div>
    }
    .into_any()
}

/// One term: its name as a heading, what it means, what is and is not
/// counted, and the publisher's own term.
fn definition(term: &Term, heading: &'static str) -> impl IntoView {
    let name = term.name.to_string();
    let name = match heading {
        "h2" => view! { <h2 class="term-name">{name}</h2> }.into_any(),
        _ => view! { <h3 class="term-name">{name}</h3> }.into_any(),
    };
    let line = |label: &'static str, text: &str| {
        (!text.is_empty()).then(|| view! { <p><strong>{label}</strong>{text.to_string()}</p> })
    };
    view! {
        {name}
        <p>{term.means.to_string()}</p>
        {line("Counted: ", &term.counted)}
        {line("Not counted: ", &term.not_counted)}
        {(!term.official.is_empty()).then(|| view! { <p class="hint">"Published as: "{term.official.to_string()}</p> })}
    }
}

/// The line shown while the glossary file loads.
fn loading() -> impl IntoView {
    view! { <p class="loading" role="status">"Loading the definitions…"</p> }
}

/// The line shown when the glossary file failed to load, with Try again.
fn failed(store: Store, error: &str) -> impl IntoView {
    let retry = move |_| {
        store.glossary.set(None);
        store.need_glossary();
    };
    view! {
        <div class="error-message" role="alert">
            <p>{format!("The definitions could not be loaded: {error}")}</p>
            <button type="button" class="button button-secondary" on:click=retry>"Try again"</button>
        </div>
    }
}

/// Definitions from the glossary file, for lists beside a figure: each id's
/// name and meaning (loading or failed: a line saying so).
pub fn definition_list(store: Store, ids: Vec<String>) -> impl IntoView {
    move || match store.glossary.get() {
        Some(Load::Ready(terms)) => view! {
            <dl class="term-list">
                {ids.iter().filter_map(|id| glossary::find(&terms, id)).map(|t| view! {
                    <dt>{t.name.to_string()}</dt><dd>{format!("{} {}", t.means, t.counted).trim_end().to_string()}</dd>
                }).collect_view()}
            </dl>
        }
        .into_any(),
        Some(Load::Failed(e)) => failed(store, &e).into_any(),
        _ => loading().into_any(),
    }
}

/// The definitions page: every term by section, narrowed by a search box.
#[component]
pub fn Definitions(store: Store) -> impl IntoView {
    store.need_glossary();
    let query = RwSignal::new(String::new());
    let found: Memo<Option<Vec<Term>>> = Memo::new(move |_| {
        let terms = store.glossary.get()?.ready()?;
        Some(query.with(|q| glossary::search(&terms, q).into_iter().cloned().collect()))
    });
    let count = move || {
        let n = found.with(|f| f.as_ref().map(Vec::len))?;
        Some(match (n, query.with(|q| q.trim().is_empty())) {
            (_, true) => format!("{n} definitions"),
            (0, false) => "No definitions match. Try another word, or clear the search.".to_string(),
            (1, false) => "1 definition matches".to_string(),
            _ => format!("{n} definitions match"),
        })
    };
    let sections = move || {
        let found = found.get()?;
        Some(
            Section::ALL
                .into_iter()
                .filter_map(|section| {
                    let terms: Vec<&Term> = found.iter().filter(|t| t.section == section).collect();
                    if terms.is_empty() {
                        return None;
                    }
                    let heading = format!("section-{}", section.token());
                    let labelled_by = heading.clone();
                    Some(view! {
                        <section aria-labelledby=labelled_by>
                            <h2 id=heading class="panel-heading">{section.title()}</h2>
                            <ul class="terms">
                                {terms.into_iter().map(|t| view! { <li class="term" id=term_anchor(&t.id) tabindex="-1">{definition(t, "h3")}</li> }).collect_view()}
                            </ul>
                        </section>
                    })
                })
                .collect_view(),
        )
    };
    let status = move || match store.glossary.get() {
        Some(Load::Failed(e)) => Some(failed(store, &e).into_any()),
        Some(Load::Ready(_)) => None,
        _ => Some(loading().into_any()),
    };
    view! {
        <h1 class="view-heading" tabindex="-1" id="page-heading">"Definitions"</h1>
        <p class="summary">"What each crime category, stop-and-search term and figure on this site means, in plain words: what is counted, what is not, and the publisher's own term. "
            <a href=format!("{}/{}", super::data::DATA, glossary::FILE) download>"Download every definition (JSON)"</a>"."</p>
        <div class="field glossary-search">
            <label for="glossary-search">"Search the definitions"</label>
            <input type="search" id="glossary-search" class="search-input" autocomplete="off"
                prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev)) />
        </div>
        <p role="status" id="glossary-count" class="hint">{count}</p>
        {status}
        {sections}
    }
}

/// The "About the data" page.
#[component]
pub fn AboutData(manifest: Arc<Manifest>, today: Month) -> impl IntoView {
    let entries = about::catalogue(&manifest);
    let dues = about::calendar(&manifest, today);
    let contents = entries
        .iter()
        .map(|e| view! { <li><a href=format!("#dataset-{}", e.id)>{e.title.clone()}</a></li> })
        .collect_view();
    let datasets = entries.into_iter().map(dataset).collect_view();
    let release = (!manifest.release.is_empty()).then(|| {
        view! {
            <section aria-labelledby="releases-heading">
                <h2 id="releases-heading" class="panel-heading">"This site's data releases"</h2>
                <p>{format!("The figures on this site are data release {}, which holds {}. Every time this site's figures are updated from the publishers' files, a new release is made, and the earlier releases are kept, so a view pinned to a release (for example an embedded chart) keeps showing the same figures.", manifest.release, manifest.release_contents())}</p>
                <p>{format!("Between the publishers' files used, {} figures (a month of a category in an area) were revised. Each is listed with its old and new value: ", met_core::data::format::thousands(i64::try_from(manifest.revisions).unwrap_or(i64::MAX)))}
                    <a href="data/revisions-crime-borough.csv" download>"revisions by borough (CSV)"</a>", "
                    <a href="data/revisions-crime-ward.csv" download>"revisions by ward (CSV)"</a>"."</p>
            </section>
        }
    });
    view! {
        <h1 class="view-heading" tabindex="-1" id="page-heading">"About the data"</h1>
        <p class="summary">"Where every figure on this site comes from, what it covers, what is left out and why, and when new figures are expected."</p>
        <nav aria-label="On this page" class="contents">
            <h2 class="contents-title">"Contents"</h2>
            <ul>
                {contents}
                <li><a href="#calendar-heading">"Release calendar"</a></li>
                <li><a href="#releases-heading">"This site's data releases"</a></li>
            </ul>
        </nav>
        {datasets}
        {calendar(dues, today)}
        {release}
    }
}

/// One dataset's catalogue entry and cover sheet.
fn dataset(e: Entry) -> impl IntoView {
    let heading = format!("dataset-{}", e.id);
    let labelled_by = heading.clone();
    let row = |key: &'static str, value: AnyView| {
        view! { <div class="summary-row"><dt>{key}</dt><dd>{value}</dd></div> }
    };
    let list =
        |items: Vec<String>| view! { <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> };
    let sources =
        e.sources.into_iter().map(|l| view! { <li><a href=l.url rel="external">{l.label}</a></li> }).collect_view();
    let history = e.id.starts_with("crime-").then(|| {
        let changes = if e.history.is_empty() {
            view! { <p>"Only one of the publisher's files is used, so there is nothing to compare yet."</p> }.into_any()
        } else {
            e.history
                .into_iter()
                .map(|c| {
                    view! {
                        <p>{c.summary}</p>
                        <details class="details">
                            <summary>"Show London's totals before and after, by month"</summary>
                            <PlainTable table=c.table />
                        </details>
                    }
                })
                .collect_view()
                .into_any()
        };
        view! {
            <h3>"Version history"</h3>
            <p>"Each new file from the publisher can change figures for months it had already published. Charts mark the months the latest file revised with ◇."</p>
            {changes}
        }
    });
    let not_published = (!e.not_published.is_empty()).then(|| {
        view! {
            <h3>"What is not published, and why"</h3>
            {list(e.not_published)}
        }
    });
    view! {
        <section aria-labelledby=labelled_by class="dataset">
            <h2 id=heading class="panel-heading">{e.title}</h2>
            <dl class="summary-list">
                {row("Publisher", e.publisher.into_any())}
                {row("Licence", e.licence.into_any())}
                {e.attribution.map(|a| row("Attribution", a.into_any()))}
                {row("Geography", e.geography.into_any())}
                {row("Period", e.period.into_any())}
                {row("Releases used", list(e.releases).into_any())}
                {row("Sources", view! { <ul>{sources}</ul> }.into_any())}
            </dl>
            <h3>"Known caveats"</h3>
            {list(e.caveats)}
            {not_published}
            {history}
        </section>
    }
}

/// The release calendar as a timeline: the latest figures each dataset has
/// here, when its next figures are expected, and today.
fn calendar(dues: Vec<about::Due>, today: Month) -> impl IntoView {
    let mut events: Vec<(Month, String, &'static str)> = Vec::new();
    for d in &dues {
        events.push((
            d.latest,
            format!("{}: the latest figures on this site are for {}.", d.dataset, d.latest.long_name()),
            "past",
        ));
        let next = d.latest.plus_months(1).long_name();
        let text = if d.overdue {
            format!("{}: figures for {next} were expected to be published. Newer figures have probably been published since; this site shows them after its next update.", d.dataset)
        } else {
            format!("{}: figures for {next} are expected.", d.dataset)
        };
        events.push((d.expected, text, if d.overdue { "overdue" } else { "expected" }));
    }
    events.push((today, "Today.".to_string(), "today"));
    events.sort_by_key(|(m, _, kind)| (*m, *kind == "today"));
    let rules = dues
        .iter()
        .map(|d| view! { <li><strong>{format!("{}: ", d.dataset)}</strong>{d.rule.clone()}</li> })
        .collect_view();
    view! {
        <section aria-labelledby="calendar-heading">
            <h2 id="calendar-heading" class="panel-heading">"Release calendar"</h2>
            <p>"When each dataset's figures were last brought into this site, and when the publisher's next figures are expected, from each publisher's schedule:"</p>
            <ul>{rules}</ul>
            <ol class="timeline">
                {events.into_iter().map(|(m, text, kind)| view! {
                    <li class=format!("timeline-item timeline-{kind}")>
                        <span class="timeline-date">{m.long_name()}</span>
                        <span class="timeline-text">{text}</span>
                    </li>
                }).collect_view()}
            </ol>
            <p class="hint">"Census figures come from the 2021 Census; the next census is planned for 2031. Boundaries change only after boundary reviews."</p>
        </section>
    }
}

/// The how-to guides, each with a button that opens the view it describes
/// (`open` shows a guide's query in place of following its link).
#[component]
pub fn Guides(open: Callback<&'static str>) -> impl IntoView {
    let contents =
        GUIDES.iter().map(|g| view! { <li><a href=format!("#guide-{}", g.id)>{g.title}</a></li> }).collect_view();
    let guides = GUIDES
        .iter()
        .map(|g| {
            let heading = format!("guide-{}", g.id);
            let labelled_by = heading.clone();
            view! {
                <section aria-labelledby=labelled_by class="guide">
                    <h2 id=heading class="panel-heading">{g.title}</h2>
                    <p>{g.summary}</p>
                    <ol class="steps">{g.steps.iter().map(|s| view! { <li>{*s}</li> }).collect_view()}</ol>
                    <p><a href=format!("?{}", g.view) class="button guide-button" on:click=move |ev| {
                        ev.prevent_default();
                        open.run(g.view);
                    }>{g.button}</a></p>
                </section>
            }
        })
        .collect_view();
    view! {
        <h1 class="view-heading" tabindex="-1" id="page-heading">"How-to guides"</h1>
        <p class="summary">"Short guides to the questions people most often bring to these figures. Each one ends with a button that opens the view it describes."</p>
        <nav aria-label="Guides" class="contents"><ul>{contents}</ul></nav>
        {guides}
    }
}

/// The accessibility statement.
#[component]
pub fn Accessibility() -> impl IntoView {
    view! {
        <h1 class="view-heading" tabindex="-1" id="page-heading">"Accessibility statement"</h1>
        <div class="prose">
            <p>"Met Data Explorer shows the Metropolitan Police's published crime and stop-and-search figures for London. We want as many people as possible to be able to use it. You should be able to:"</p>
            <ul>
                <li>"zoom in up to 400% without the text spilling off the screen, and use it on a phone from 320 pixels wide"</li>
                <li>"use every control, the map included, with a keyboard alone"</li>
                <li>"read every chart and map as a table, and hear a plain-language summary of each view with a screen reader"</li>
                <li>"tell every line, shape and band apart without relying on colour: lines have patterns and labels, map bands have their values in the table"</li>
                <li>"use the site with animation reduced, and print any view"</li>
            </ul>
            <h2 class="panel-heading">"How accessible this website is"</h2>
            <p>"We know of these problems:"</p>
            <ul>
                <li>"Downloaded chart images (SVG and PNG) have a title but no text alternative inside the file; the CSV download of the same chart holds its figures."</li>
                <li>"On the map, small wards can be smaller than 24 by 24 pixels, too small to tap easily on a phone; choose them from the search box or the table, which do the same."</li>
                <li>"In the dark colour scheme and in Windows contrast themes, the map and the charts keep their own colours on a white card: their colours were chosen and checked against white."</li>
            </ul>
            <h2 class="panel-heading">"How we tested this website"</h2>
            <p>"Every change to the site runs these tests in the Chromium browser, driven by Playwright, before it is published:"</p>
            <ul>
                <li>"axe-core 4.14 against WCAG 2.2 A and AA on the crime and stop-and-search explorers, the definitions, guides, about the data and this statement, and an embedded view; at 320, 360, 768 and 1280 pixels wide; in the light and dark colour schemes and with forced colours (a Windows contrast theme, as Chromium emulates it); with a definition's pop-up and the Embed dialog open."</li>
                <li>"The map walked with the keyboard to every area and back out; every control reached with Tab shown on screen and not covered; targets of at least 24 by 24 pixels or spaced apart; the text-spacing settings of WCAG 1.4.12 clipping nothing; no sideways scrolling at 320 by 256 pixels (400% zoom); what the screen reader hears after each kind of change; nothing moving when reduced motion is asked for; no shortcuts of a single key."</li>
                <li>"The first screen of each view, at 360 by 780 and 1280 by 800 pixels, showing the view's heading, its summary and the top of its map."</li>
            </ul>
            <p>"We have not yet tested the site with people who use assistive technology, nor with the screen readers JAWS, NVDA, TalkBack and VoiceOver themselves, nor with a real Windows contrast theme."</p>
            <h2 class="panel-heading">"Feedback and contact information"</h2>
            <p>"If you find a problem not listed here, or need the figures in another format, "<a href="https://www.met.police.uk/contact/af/contact-us/" rel="external">"contact the Metropolitan Police"</a>". Say which page and figures you were looking at: the page's link (Copy link) is the quickest way."</p>
            <h2 class="panel-heading">"Enforcement procedure"</h2>
            <p>"The Equality and Human Rights Commission (EHRC) is responsible for enforcing the accessibility regulations for public sector websites. If you are not happy with how we respond to your complaint, "<a href="https://www.equalityadvisoryservice.com/" rel="external">"contact the Equality Advisory and Support Service (EASS)"</a>"."</p>
            <h2 class="panel-heading">"Technical information"</h2>
            <p>"This website is partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard, because of the problems listed above. It works without any request to another website and uses the fonts already on your device."</p>
            <p>"This statement was prepared on 30 November 2026 and last reviewed on 4 December 2026, when the tests above were added."</p>
        </div>
    }
}

/// Where else to look, and how to ask: in every page's footer.
pub fn signposts() -> impl IntoView {
    view! {
        <nav aria-label="Help and other sources" class="signposts">
            <h2 class="signposts-title">"Help and other sources"</h2>
            <ul>
                {about::signposts().into_iter().map(|l| view! { <li><a href=l.url rel="external">{l.label}</a></li> }).collect_view()}
            </ul>
        </nav>
    }
}
