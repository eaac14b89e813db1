use crate::components::{Pagination, PostList, SubscribeCta};
use crate::head::{Page, PageHead};
use crate::i18n::{page_of, strings, use_lang, use_route_has_lang, Lang};
use crate::pages::{with_index, with_index_part, NotFoundPage};
use crate::routing;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use model::{page_count, SiteIndex, PAGE_SIZE};

/// `/{lang}/` and `/{lang}/page/{n}`: the site's name and tagline, one page of
/// articles newest first ([`PAGE_SIZE`] a page, so the first screen costs the
/// same whatever the size of the archive), links to the other pages, and the
/// closing call to action.
///
/// Page 1 always exists: its frame shows at once and the list loads inside it.
/// A later page exists only if the index has that many articles, so it waits for
/// the index and is the 404 view when it is past the last page. Page 1 is only at
/// `/{lang}/` (`/{lang}/page/1` is a 404).
#[component]
pub fn HomePage() -> impl IntoView {
    let lang = use_lang();
    let known = use_route_has_lang();
    let params = use_params_map();
    // `None`: not a page number this view serves.
    let page = Memo::new(move |_| match params.read().get("page") {
        None => Some(1),
        Some(n) => n.parse::<usize>().ok().filter(|n| *n >= 2),
    });
    move || {
        if !known.get() {
            return view! { <NotFoundPage /> }.into_any();
        }
        match page.get() {
            None => view! { <NotFoundPage /> }.into_any(),
            Some(1) => {
                let t = strings(lang.get());
                let list = with_index_part(|lang, index| articles(lang, &index, 1));
                let head = view! {
                    <PageHead lang=lang.get() title=t.site_name.to_string() description=t.tagline page=Page::Home />
                };
                frame(lang.get(), head, list)
            }
            Some(current) => with_index(move |lang, index| {
                let pages = page_count(index.posts.len());
                if current > pages {
                    return view! { <NotFoundPage /> }.into_any();
                }
                let head = view! {
                    <PageHead
                        lang
                        title=page_of(lang, current, pages)
                        description=strings(lang).tagline
                        page=Page::HomePage(current)
                    />
                };
                frame(lang, head, articles(lang, &index, current))
            })
            .into_any(),
        }
    }
}

/// One page of article cards and the links to the other pages.
fn articles(lang: Lang, index: &SiteIndex, current: usize) -> impl IntoView {
    let posts = index
        .posts
        .chunks(PAGE_SIZE)
        .nth(current - 1)
        .unwrap_or_default()
        .to_vec();
    let pages = page_count(index.posts.len());
    view! {
        <PostList posts lang total=index.posts.len() />
        <Pagination lang current pages />
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
                <a href=routing::tags(lang)>{t.all_tags}</a>
            </div>
            {list}
        </section>
        <SubscribeCta t lang />
    }
    .into_any()
}
