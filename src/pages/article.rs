use crate::api::{self, ContentError};
use crate::components::{ArticleView, ErrorPanel, Loading};
use crate::i18n::use_lang;
use crate::pages::NotFoundPage;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

/// `/{lang}/blog/{slug}`: one article, or the 404 view for an unknown slug.
#[component]
pub fn ArticlePage() -> impl IntoView {
    let lang = use_lang();
    let params = use_params_map();
    let slug = Memo::new(move |_| params.read().get("slug").unwrap_or_default());
    let post = LocalResource::new(move || {
        let (lang, slug) = (lang.get(), slug.get());
        async move { api::load_post(lang, &slug).await }
    });
    let body = move || {
        Suspend::new(async move {
            match post.await {
                Ok(post) => view! {
                    <Title text=post.meta.title.clone() />
                    <Meta name="description" content=post.meta.description.clone() />
                    <ArticleView post />
                }
                .into_any(),
                Err(ContentError::NotFound) => view! { <NotFoundPage /> }.into_any(),
                Err(error) => {
                    view! { <ErrorPanel error on_retry=Callback::new(move |_| post.refetch()) /> }
                        .into_any()
                }
            }
        })
    };
    view! { <Transition fallback=Loading>{body}</Transition> }
}
