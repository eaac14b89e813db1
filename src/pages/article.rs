use crate::components::{ArticleView, MoreArticles};
use crate::head::{Page, PageHead};
use crate::i18n::use_route_has_lang;
use crate::pages::{with_post, NotFoundPage};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// `/{lang}/blog/{slug}`: one article, or the 404 view for an unknown slug.
#[component]
pub fn ArticlePage() -> impl IntoView {
    let params = use_params_map();
    let slug = Memo::new(move |_| params.read().get("slug").unwrap_or_default());
    let known = use_route_has_lang();
    let body = with_post(slug, |lang, post| {
        view! {
            <PageHead
                lang
                title=post.meta.title.clone()
                description=post.meta.description.clone()
                page=Page::Article(Box::new(post.meta.clone()))
            />
            <ArticleView post=post.clone() />
            <MoreArticles post />
        }
    });
    move || {
        if known.get() {
            body.clone().into_any()
        } else {
            view! { <NotFoundPage /> }.into_any()
        }
    }
}
