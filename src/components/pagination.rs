use crate::i18n::{page_of, strings, Lang};
use crate::routing;
use leptos::prelude::*;
use model::{PageNumber, Route};

/// Links between the pages of the index, or of a tag's articles: newer, "page n
/// of m", older. Nothing when everything fits on one page.
#[component]
pub fn Pagination(
    /// Language of the labels and links.
    lang: Lang,
    /// The page shown.
    current: PageNumber,
    /// The number of pages.
    pages: PageNumber,
    /// The tag whose articles these are pages of; none for the index.
    #[prop(optional)]
    tag: Option<String>,
) -> impl IntoView {
    (!pages.is_first()).then(|| {
        let t = strings(lang);
        let href = move |page: PageNumber| {
            routing::href(&match &tag {
                Some(tag) => Route::Tag {
                    lang,
                    tag: tag.clone(),
                    page,
                },
                None => Route::Home { lang, page },
            })
        };
        let status = page_of(lang, current, pages);
        let newer = current.previous().map(|page| {
            view! {
                <a class="pagination__newer" rel="prev" href=href(page)>
                    <span aria-hidden="true">"← "</span>
                    {t.newer_page}
                </a>
            }
        });
        let older = (current < pages).then(|| {
            view! {
                <a class="pagination__older" rel="next" href=href(current.next())>
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
