use crate::api::Request;
use crate::components::{BackLink, Pagination};
use crate::head::PageHead;
use crate::i18n::{paged_title, strings};
use crate::loader::{page_document, use_page_number};
use crate::pages::NotFoundPage;
use crate::routing;
use leptos::prelude::*;
use model::{PageNumber, Route, TagIndex};
use std::rc::Rc;

/// `/{lang}/tags/` and `/{lang}/tags/page/{n}`: the tags with their number of
/// articles, most used first, a page of them at a time (each page its own
/// document, so neither grows with the vocabulary); or the 404 view past the
/// last page. Page 1 is only at `/{lang}/tags/`.
#[component]
pub fn TagsPage() -> impl IntoView {
    let page = use_page_number();
    let request = move |lang| Request::Tags(lang, page.get().unwrap_or(PageNumber::FIRST));
    let body = page_document(request, |lang, index: Rc<TagIndex>| {
        let t = strings(lang);
        let route = Route::Tags {
            lang,
            page: index.page,
        };
        let title = paged_title(lang, t.all_tags.to_string(), index.page, index.pages);
        let items = index
            .tags
            .iter()
            .map(|tag| {
                view! {
                    <li>
                        <a href=routing::href(&Route::tag(lang, &tag.slug))>
                            <span class="tag-index__name">{tag.name.clone()}</span>
                            <span class="tag-index__count">{tag.count}</span>
                        </a>
                    </li>
                }
            })
            .collect_view();
        view! {
            <PageHead lang title description=t.tags_description route=route.clone() />
            <header class="page-header">
                <p class="back">
                    <BackLink lang />
                </p>
                <h1 id="page-title" tabindex="-1">{t.all_tags}</h1>
            </header>
            <ul class="tag-index">{items}</ul>
            <Pagination lang route pages=index.pages />
        }
    });
    move || {
        if page.get().is_some() {
            body.clone().into_any()
        } else {
            view! { <NotFoundPage /> }.into_any()
        }
    }
}
