use crate::components::{code_copy, BackLink, Byline, TagList, Toc};
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
    let meta = post.meta.clone();
    view! {
        <article class="article" lang=lang.code()>
            <header class="article__header">
                <p class="back">
                    <BackLink lang />
                </p>
                <h1 id="page-title" tabindex="-1">{meta.title}</h1>
                <Byline
                    date=meta.date
                    date_label=meta.date_label
                    minutes=meta.reading_minutes
                    lang
                    announce=true
                />
                <TagList tags=meta.tags lang />
            </header>
            <Toc headings=post.headings.clone() lang slug=meta.slug.clone() />
            // The body is HTML the build pipeline rendered from the team's Markdown
            // (raw HTML in sources is escaped there); nothing fetched from elsewhere.
            <div
                class="prose"
                inner_html=post.html.clone()
                on:click=move |ev| code_copy::on_body_click(ev, lang)
            ></div>
            <footer class="article__footer">
                <BackLink lang />
            </footer>
        </article>
    }
}
