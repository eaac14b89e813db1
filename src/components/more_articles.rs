use crate::components::PostCard;
use crate::i18n::{strings, Lang};
use crate::routing;
use leptos::prelude::*;
use model::Post;
use model::Route;

/// The end of an article: newer and older neighbours, then related articles.
#[component]
pub fn MoreArticles(
    /// The article being read.
    post: std::rc::Rc<Post>,
) -> impl IntoView {
    let lang: Lang = post.lang;
    let t = strings(lang);
    let neighbour = |link: &Option<model::PostLink>, label: &'static str, class: &'static str| {
        link.as_ref().map(|l| {
            view! {
                <a class=class href=routing::href(&Route::article(lang, &l.slug))>
                    <span class="post-nav__label">{label}</span>
                    <span class="post-nav__title">{l.title.clone()}</span>
                </a>
            }
        })
    };
    let related = post
        .related
        .iter()
        .map(|p| view! { <PostCard post=p.clone() lang /> })
        .collect_view();
    view! {
        <nav class="post-nav" aria-label=t.more_articles_label>
            {neighbour(&post.newer, t.newer_article, "post-nav__newer")}
            {neighbour(&post.older, t.older_article, "post-nav__older")}
        </nav>
        <section class="related" aria-labelledby="related-title">
            <h2 id="related-title">{t.related_articles}</h2>
            <div class="card-list">{related}</div>
        </section>
    }
}
