use crate::components::{PostList, SubscribeCta};
use crate::head::{Page, PageHead};
use crate::i18n::{strings, use_lang, use_route_has_lang};
use crate::pages::{with_index, NotFoundPage};
use crate::routing;
use leptos::prelude::*;

/// `/{lang}/`: the site's name and tagline, every article newest first, and the
/// closing call to action.
#[component]
pub fn HomePage() -> impl IntoView {
    let lang = use_lang();
    let known = use_route_has_lang();
    let list = with_index(|lang, index| view! { <PostList posts=index.posts.clone() lang /> });
    move || {
        if !known.get() {
            return view! { <NotFoundPage /> }.into_any();
        }
        let lang = lang.get();
        let t = strings(lang);
        view! {
            <PageHead lang title=t.site_name.to_string() description=t.tagline page=Page::Home />
            <section class="hero">
                <h1 id="page-title" tabindex="-1">{t.site_name}</h1>
                <p class="hero__tagline">{t.tagline}</p>
            </section>
            <section class="posts" aria-labelledby="latest-title">
                <div class="posts__head">
                    <h2 id="latest-title">{t.latest_articles}</h2>
                    <a href=routing::tags(lang)>{t.all_tags}</a>
                </div>
                {list.clone()}
            </section>
            <SubscribeCta t lang />
        }
        .into_any()
    }
}
