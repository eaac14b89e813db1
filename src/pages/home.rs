use crate::api::Request;
use crate::components::{Pagination, PostList, SubscribeCta};
use crate::head::PageHead;
use crate::i18n::{page_of, strings, use_lang, Lang};
use crate::loader::{page_document, part_document, use_page_number};
use crate::pages::NotFoundPage;
use crate::routing;
use leptos::prelude::*;
use model::{IndexPage, PageNumber, Route, PAGE_SIZE};
use std::rc::Rc;

/// `/{lang}/` and `/{lang}/page/{n}`: the site's name and tagline, one page of
/// articles newest first ([`PAGE_SIZE`] a page, so the first screen costs the
/// same whatever the size of the archive), links to the other pages, and the
/// closing call to action.
///
/// Each page is its own document (`content/{lang}/pages/{n}.json`), so neither
/// the download nor the render grows with the archive. Page 1 always exists: its
/// frame shows at once and the list loads inside it. A later page waits for its
/// document, and is the 404 view when there is none (past the last page). Page 1
/// is only at `/{lang}/` (`/{lang}/page/1` is a 404).
#[component]
pub fn HomePage() -> impl IntoView {
    let lang = use_lang();
    let page = use_page_number();
    move || match page.get() {
        None => view! { <NotFoundPage /> }.into_any(),
        Some(page) if page.is_first() => {
            let lang = lang.get();
            let t = strings(lang);
            let list = part_document(
                |lang| Request::IndexPage(lang, PageNumber::FIRST),
                |lang, page: Rc<IndexPage>| articles(lang, &page),
            );
            let head = view! {
                <PageHead lang title=t.site_name.to_string() description=t.tagline route=Route::home(lang) />
            };
            frame(lang, head, list)
        }
        Some(current) => page_document(
            move |lang| Request::IndexPage(lang, current),
            |lang, page: Rc<IndexPage>| {
                let route = Route::Home {
                    lang,
                    page: page.page,
                };
                let head = view! {
                    <PageHead
                        lang
                        title=page_of(lang, page.page, page.pages)
                        description=strings(lang).tagline
                        route
                    />
                };
                frame(lang, head, articles(lang, &page))
            },
        )
        .into_any(),
    }
}

/// One page of article cards and the links to the other pages.
fn articles(lang: Lang, page: &IndexPage) -> impl IntoView {
    debug_assert!(page.posts.len() <= PAGE_SIZE);
    view! {
        <PostList posts=page.posts.clone() lang total=page.total as usize />
        <Pagination lang route=Route::Home { lang, page: page.page } pages=page.pages />
    }
}

/// The index around its list: name and tagline, the list, the call to action.
fn frame(lang: Lang, head: impl IntoView, list: impl IntoView) -> AnyView {
    let t = strings(lang);
    view! {
        {head}
        <section class="hero">
            <h1 id="page-title" tabindex="-1">{t.site_name}</h1>
            <p class="hero__tagline">{t.tagline}</p>
        </section>
        <section class="posts" aria-labelledby="latest-title">
            <div class="posts__head">
                <h2 id="latest-title">{t.latest_articles}</h2>
                <a href=routing::href(&Route::tags(lang))>{t.all_tags}</a>
            </div>
            {list}
        </section>
        <SubscribeCta t lang />
    }
    .into_any()
}
