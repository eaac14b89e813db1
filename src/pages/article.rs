use crate::api::Request;
use crate::components::{ArticleView, MoreArticles};
use crate::head::PageHead;
use crate::loader::page_document;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use model::{Post, Route};
use std::rc::Rc;

/// `/{lang}/blog/{slug}`: one article, or the 404 view for an unknown slug.
#[component]
pub fn ArticlePage() -> impl IntoView {
    let params = use_params_map();
    let slug = Memo::new(move |_| params.read().get("slug").unwrap_or_default());
    page_document(
        move |lang| Request::Post(lang, slug.get()),
        |lang, post: Rc<Post>| {
            view! {
                <PageHead
                    lang
                    title=post.meta.title.clone()
                    description=post.meta.description.clone()
                    route=Route::article(lang, &post.meta.slug)
                    article=Box::new(post.meta.clone())
                    languages=post.languages.clone()
                />
                <ArticleView post=post.clone() />
                <MoreArticles post />
            }
        },
    )
}
