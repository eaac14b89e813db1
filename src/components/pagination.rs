use crate::i18n::{page_of, strings, Lang};
use crate::routing;
use leptos::prelude::*;
use model::{PageNumber, Route};

/// Links between the pages of a paged list (the index, a tag's articles, the
/// tag list): previous, "page n of m", next. Nothing when everything fits on one
/// page. The articles' pages are labelled newer and older; the tag list's, most
/// used first, previous and next.
#[component]
pub fn Pagination(
    /// Language of the labels and links.
    lang: Lang,
    /// The page shown: its kind and number (see [`Route::page`]).
    route: Route,
    /// The number of pages.
    pages: PageNumber,
) -> impl IntoView {
    let current = route.page().unwrap_or(PageNumber::FIRST);
    (!pages.is_first()).then(|| {
        let t = strings(lang);
        let (label, before, after) = match route {
            Route::Tags { .. } => (t.tags_pagination_label, t.previous_tags, t.next_tags),
            _ => (t.pagination_label, t.newer_page, t.older_page),
        };
        let href = |page: PageNumber| routing::href(&route.with_page(page));
        let status = page_of(lang, current, pages);
        let newer = current.previous().map(|page| {
            view! {
                <a class="pagination__newer" rel="prev" href=href(page)>
                    <span aria-hidden="true">"← "</span>
                    {before}
                </a>
            }
        });
        let older = (current < pages).then(|| {
            view! {
                <a class="pagination__older" rel="next" href=href(current.next())>
                    {after}
                    <span aria-hidden="true">" →"</span>
                </a>
            }
        });
        view! {
            <nav class="pagination" aria-label=label>
                {newer}
                <span class="pagination__status" aria-current="page">{status}</span>
                {older}
            </nav>
        }
    })
}
