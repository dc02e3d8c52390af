//! The site's footer: the figures' source, the view's address on paper, signposts and the legal lines.

use super::pages;
use super::state::PageLink;
use leptos::prelude::*;
use met_core::share::url_state::Page;

#[component]
pub fn SiteFooter(
    /// The source line of the figures shown.
    source: Signal<Option<String>>,
    /// The view's shareable address, printed on paper.
    share_url: Memo<Option<String>>,
) -> impl IntoView {
    view! {
        <footer class="site-footer">
            <div class="width-container">
                <p>{source}</p>
                <p class="print-only">{move || share_url.get().map(|u| format!("This view: {u}"))}</p>
                {pages::signposts()}
                <ul class="footer-links">
                    <li><PageLink page=Page::Data /></li>
                    <li><PageLink page=Page::Definitions /></li>
                    <li><PageLink page=Page::Accessibility /></li>
                </ul>
                <p>{met_core::explain::about::FOOTER_ATTRIBUTION}</p>
            </div>
        </footer>
    }
}
