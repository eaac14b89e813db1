use crate::components::TagList;
use crate::i18n::{fill, strings, Lang};
use crate::routing;
use leptos::prelude::*;
use model::PostMeta;

/// One article on the index: linked title, date, reading time, summary and tags.
#[component]
pub fn PostCard(
    /// The article's metadata.
    post: PostMeta,
    /// Language of the index.
    lang: Lang,
) -> impl IntoView {
    let t = strings(lang);
    let href = routing::post(lang, &post.slug);
    view! {
        <article class="card">
            <h3 class="card__title">
                <a href=href>{post.title}</a>
            </h3>
            <p class="meta">
                <time datetime=post.date>{post.date_label}</time>
                <span class="meta__sep" aria-hidden="true">"·"</span>
                <span>{fill(t.reading_time, post.reading_minutes)}</span>
            </p>
            <p class="card__summary">{post.summary}</p>
            <TagList tags=post.tags lang />
        </article>
    }
}
