use crate::components::TagList;
use crate::i18n::{fill, strings};
use crate::routing;
use leptos::prelude::*;
use model::Post;
use std::rc::Rc;

/// A whole article: title, metadata, the body the pipeline rendered, a way back.
#[component]
pub fn ArticleView(
    /// The article document.
    post: Rc<Post>,
) -> impl IntoView {
    let lang = post.lang;
    let t = strings(lang);
    let meta = post.meta.clone();
    view! {
        <article class="article" lang=lang.code()>
            <header class="article__header">
                <p class="back">
                    <a href=routing::home(lang)>
                        <span aria-hidden="true">"← "</span>
                        {t.back_to_articles}
                    </a>
                </p>
                <h1 id="page-title" tabindex="-1">{meta.title}</h1>
                <p class="meta">
                    <span class="visually-hidden">{t.published_on} " "</span>
                    <time datetime=meta.date>{meta.date_label}</time>
                    <span class="meta__sep" aria-hidden="true">"·"</span>
                    <span>{fill(t.reading_time, meta.reading_minutes)}</span>
                </p>
                <TagList tags=meta.tags lang />
            </header>
            // The body is HTML the build pipeline rendered from the team's Markdown
            // (raw HTML in sources is escaped there); nothing fetched from elsewhere.
            <div class="prose" inner_html=post.html.clone()></div>
            <footer class="article__footer">
                <a href=routing::home(lang)>
                    <span aria-hidden="true">"← "</span>
                    {t.back_to_articles}
                </a>
            </footer>
        </article>
    }
}
