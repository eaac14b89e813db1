use crate::components::{Byline, TagList};
use crate::i18n::Lang;
use crate::routing;
use leptos::prelude::*;
use model::PostMeta;
use model::Route;

/// One article on the index: linked title, date, reading time, summary and tags.
#[component]
pub fn PostCard(
    /// The article's metadata.
    post: PostMeta,
    /// Language of the index.
    lang: Lang,
) -> impl IntoView {
    let href = routing::href(&Route::article(lang, &post.slug));
    view! {
        <article class="card">
            <h3 class="card__title">
                <a href=href>{post.title}</a>
            </h3>
            <Byline date=post.date date_label=post.date_label minutes=post.reading_minutes lang />
            <p class="card__summary">{post.summary}</p>
            <TagList tags=post.tags lang />
        </article>
    }
}
