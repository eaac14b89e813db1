use crate::api;
use crate::components::{ErrorPanel, Loading, PostCard, SubscribeCta};
use crate::i18n::{strings, use_lang};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// `/{lang}/`: the site's name and tagline, every article newest first, and the
/// closing call to action.
#[component]
pub fn HomePage() -> impl IntoView {
    let lang = use_lang();
    let t = move || strings(lang.get());
    let index = LocalResource::new(move || api::load_index(lang.get()));
    let list =
        move || {
            Suspend::new(async move {
                let lang = lang.get_untracked();
                match index.await {
                Ok(index) => {
                    let count = strings(lang).articles_count.format(lang, index.posts.len() as u64);
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
                Err(error) => {
                    view! { <ErrorPanel error on_retry=Callback::new(move |_| index.refetch()) /> }
                        .into_any()
                }
            }
            })
        };
    view! {
        <Title text=move || t().site_name />
        <Meta name="description" content=move || t().tagline />
        <section class="hero">
            <h1 id="page-title" tabindex="-1">{move || t().site_name}</h1>
            <p class="hero__tagline">{move || t().tagline}</p>
        </section>
        <section class="posts" aria-labelledby="latest-title">
            <h2 id="latest-title">{move || t().latest_articles}</h2>
            <Transition fallback=Loading>{list}</Transition>
        </section>
        <SubscribeCta />
    }
}
