use crate::i18n::{page_of, strings, Lang};
use crate::routing;
use leptos::prelude::*;

/// Links between the pages of the index: newer, "page n of m", older. Nothing
/// when everything fits on one page.
#[component]
pub fn Pagination(
    /// Language of the labels and links.
    lang: Lang,
    /// The page shown, from 1.
    current: usize,
    /// The number of pages.
    pages: usize,
) -> impl IntoView {
    (pages > 1).then(|| {
        let t = strings(lang);
        let status = page_of(lang, current, pages);
        let newer = (current > 1).then(|| {
            view! {
                <a class="pagination__newer" rel="prev" href=routing::home_page(lang, current - 1)>
                    <span aria-hidden="true">"← "</span>
                    {t.newer_page}
                </a>
            }
        });
        let older = (current < pages).then(|| {
            view! {
                <a class="pagination__older" rel="next" href=routing::home_page(lang, current + 1)>
                    {t.older_page}
                    <span aria-hidden="true">" →"</span>
                </a>
            }
        });
        view! {
            <nav class="pagination" aria-label=t.pagination_label>
                {newer}
                <span class="pagination__status" aria-current="page">{status}</span>
                {older}
            </nav>
        }
    })
}
