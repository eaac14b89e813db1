use crate::api::{self, Request};
use crate::components::{ErrorPanel, Loading, PostCard, SubscribeCta};
use crate::head::PageHead;
use crate::i18n::{strings, use_lang, use_route_has_lang};
use crate::pages::NotFoundPage;
use leptos::prelude::*;

/// `/{lang}/`: the site's name and tagline, every article newest first, and the
/// closing call to action.
#[component]
pub fn HomePage() -> impl IntoView {
    let lang = use_lang();
    let index = LocalResource::new(move || api::load(Request::Index(lang.get())));
    let list = move || {
        let lang = lang.get();
        match index
            .get()
            .map(|doc| doc.and_then(api::Document::into_index))
        {
            None => view! { <Loading lang /> }.into_any(),
            Some(Ok(index)) => {
                let count = strings(lang)
                    .articles_count
                    .format(lang, index.posts.len() as u64);
                let cards = index
                    .posts
                    .iter()
                    .map(|post| view! { <PostCard post=post.clone() lang /> })
                    .collect_view();
                view! {
                    <p class="count">{count}</p>
                    <div class="card-list">{cards}</div>
                }
                .into_any()
            }
            Some(Err(error)) => {
                let on_retry = Callback::new(move |_| index.refetch());
                view! { <ErrorPanel error lang on_retry /> }.into_any()
            }
        }
    };
    let known = use_route_has_lang();
    move || {
        if !known.get() {
            return view! { <NotFoundPage /> }.into_any();
        }
        let t = strings(lang.get());
        view! {
            <PageHead lang=lang.get() title=t.site_name.to_string() description=t.tagline />
            <section class="hero">
                <h1 id="page-title" tabindex="-1">{t.site_name}</h1>
                <p class="hero__tagline">{t.tagline}</p>
            </section>
            <section class="posts" aria-labelledby="latest-title">
                <h2 id="latest-title">{t.latest_articles}</h2>
                {list}
            </section>
            <SubscribeCta t />
        }
        .into_any()
    }
}
