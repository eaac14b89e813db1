use crate::i18n::{page_of, strings, Lang};
use crate::routing;
use leptos::prelude::*;

/// Links between the pages of the index, or of a tag's articles: newer, "page n
/// of m", older. Nothing when everything fits on one page.
#[component]
pub fn Pagination(
    /// Language of the labels and links.
    lang: Lang,
    /// The page shown, from 1.
    current: usize,
    /// The number of pages.
    pages: usize,
    /// The tag whose articles these are pages of; none for the index.
    #[prop(optional)]
    tag: Option<String>,
) -> impl IntoView {
    (pages > 1).then(|| {
        let t = strings(lang);
        let href = move |n: usize| match &tag {
            Some(tag) => routing::tag_page(lang, tag, n),
            None => routing::home_page(lang, n),
        };
        let status = page_of(lang, current, pages);
        let newer = (current > 1).then(|| {
            view! {
                <a class="pagination__newer" rel="prev" href=href(current - 1)>
                    <span aria-hidden="true">"← "</span>
                    {t.newer_page}
                </a>
            }
        });
        let older = (current < pages).then(|| {
            view! {
                <a class="pagination__older" rel="next" href=href(current + 1)>
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
