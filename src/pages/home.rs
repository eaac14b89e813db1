use crate::components::{Pagination, PostList, SubscribeCta};
use crate::head::{Page, PageHead};
use crate::i18n::{strings, use_route_has_lang};
use crate::pages::{with_index, NotFoundPage};
use crate::routing;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use model::{page_count, PAGE_SIZE};

/// `/{lang}/` and `/{lang}/page/{n}`: the site's name and tagline, one page of
/// articles newest first ([`PAGE_SIZE`] a page, so the first screen costs the
/// same whatever the size of the archive), links to the other pages, and the
/// closing call to action. Page 1 is only at `/{lang}/`; a page past the last is
/// the 404 view.
#[component]
pub fn HomePage() -> impl IntoView {
    let known = use_route_has_lang();
    let params = use_params_map();
    // `None`: not a page number this view serves.
    let page = Memo::new(move |_| match params.read().get("page") {
        None => Some(1),
        Some(n) => n.parse::<usize>().ok().filter(|n| *n >= 2),
    });
    let body = with_index(move |lang, index| {
        let t = strings(lang);
        let pages = page_count(index.posts.len());
        let Some(current) = page.get().filter(|p| *p <= pages) else {
            return view! { <NotFoundPage /> }.into_any();
        };
        let posts = index
            .posts
            .chunks(PAGE_SIZE)
            .nth(current - 1)
            .unwrap_or_default()
            .to_vec();
        let head = if current == 1 {
            view! { <PageHead lang title=t.site_name.to_string() description=t.tagline page=Page::Home /> }
        } else {
            let title = t
                .page_of
                .replace("{page}", &current.to_string())
                .replace("{pages}", &pages.to_string());
            view! { <PageHead lang title description=t.tagline page=Page::HomePage(current) /> }
        };
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
                <PostList posts lang total=index.posts.len() />
                <Pagination lang current pages />
            </section>
            <SubscribeCta t lang />
        }
        .into_any()
    });
    move || {
        if known.get() {
            body.clone().into_any()
        } else {
            view! { <NotFoundPage /> }.into_any()
        }
    }
}
