//! The pages that explain the figures: definitions (a searchable glossary),
//! and the how-to guides, about the data (catalogue, cover sheets, release
//! calendar, this site's data releases) and the accessibility statement, whose
//! HTML `met_core::explain::pages` writes; the "?" button that opens a term's
//! definition beside its label; and the signposts in every footer. The
//! definitions come from the glossary file that `prepare` publishes from
//! `met_core::explain::glossary` (loaded when first needed).

use super::data::{Load, Store};
use leptos::prelude::*;
use met_core::explain::about;
use met_core::explain::glossary::{self, Term};
use met_core::explain::pages;

pub use met_core::explain::pages::term_anchor;

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
            Some(t) => view! { <div class="term-definition" inner_html=pages::term_definition(t)></div> }.into_any(),
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

/// The definitions page: every term by section (as `met_core::explain::pages`
/// writes them), narrowed by a search box.
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
    let sections = move || found.with(|f| f.as_ref().map(pages::definition_sections));
    let status = move || match store.glossary.get() {
        Some(Load::Failed(e)) => Some(failed(store, &e).into_any()),
        Some(Load::Ready(_)) => None,
        _ => Some(loading().into_any()),
    };
    view! {
        <div inner_html=pages::definitions_top(pages::Place::App)></div>
        <div class="field glossary-search">
            <label for="glossary-search">"Search the definitions"</label>
            <input type="search" id="glossary-search" class="search-input" autocomplete="off"
                prop:value=move || query.get() on:input=move |ev| query.set(event_target_value(&ev)) />
        </div>
        <p role="status" id="glossary-count" class="hint">{count}</p>
        {status}
        <div inner_html=sections></div>
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
