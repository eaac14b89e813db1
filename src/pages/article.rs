use crate::api::{self, ContentError, Request};
use crate::components::{ArticleView, ErrorPanel, Loading, MoreArticles};
use crate::head::PageHead;
use crate::i18n::{use_lang, use_route_has_lang};
use crate::pages::NotFoundPage;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// `/{lang}/blog/{slug}`: one article, or the 404 view for an unknown slug.
#[component]
pub fn ArticlePage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let slug = Memo::new(move |_| params.read().get("slug").unwrap_or_default());
    let post = LocalResource::new(move || api::load(Request::Post(lang.get(), slug.get())));
    let known = use_route_has_lang();
    move || {
        let lang = lang.get();
        if !known.get() {
            return view! { <NotFoundPage /> }.into_any();
        }
        match post.get().map(|doc| doc.and_then(api::Document::into_post)) {
            None => view! { <Loading lang /> }.into_any(),
            Some(Ok(post)) => view! {
                <PageHead lang title=post.meta.title.clone() description=post.meta.description.clone() />
                <ArticleView post=post.clone() />
                <MoreArticles post />
            }
            .into_any(),
            Some(Err(ContentError::NotFound)) => view! { <NotFoundPage /> }.into_any(),
            Some(Err(error)) => {
                let on_retry = Callback::new(move |_| post.refetch());
                view! { <ErrorPanel error lang on_retry /> }.into_any()
            }
        }
    }
}
