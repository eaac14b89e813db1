use crate::components::{Byline, TagList};
use crate::i18n::{strings, Lang};
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
    let t = strings(lang);
    // An article not translated into the list's language yet: its card is in
    // its own language, and says which.
    let written_in = post.written_in.filter(|w| *w != lang);
    // Its title and summary are in its language; the date, reading time and
    // tags are the list's.
    let text_lang = written_in.map(|w| w.code());
    let marks = written_in.map(|_| {
        view! { <p class="card__marks"><span class="badge">{t.in_other_language}</span></p> }
    });
    #[cfg(drafts)]
    let marks = (marks, post.draft.then(|| super::draft_mark(lang)));
    let updated = post.updated.zip(post.updated_label);
    view! {
        <article class="card">
            {marks}
            <h3 class="card__title" lang=text_lang>
                <a href=href>{post.title}</a>
            </h3>
            <Byline date=post.date date_label=post.date_label minutes=post.reading_minutes lang updated />
            <p class="card__summary" lang=text_lang>{post.summary}</p>
            <TagList tags=post.tags lang />
        </article>
    }
}
