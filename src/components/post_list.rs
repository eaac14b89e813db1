use crate::components::PostCard;
use crate::i18n::{strings, Lang};
use leptos::prelude::*;
use model::PostMeta;

/// Article cards with their count ("20 articles", "3 статьи").
#[component]
pub fn PostList(
    /// The articles, in the order to show them.
    posts: Vec<PostMeta>,
    /// Language of the labels.
    lang: Lang,
    /// The number of articles in the whole list, when `posts` is one page of it.
    #[prop(optional)]
    total: Option<usize>,
) -> impl IntoView {
    let count = strings(lang)
        .articles_count
        .format(lang, total.unwrap_or(posts.len()) as u64);
    let cards = posts
        .into_iter()
        .map(|post| view! { <PostCard post lang /> })
        .collect_view();
    view! {
        <p class="count">{count}</p>
        <div class="card-list">{cards}</div>
    }
}
