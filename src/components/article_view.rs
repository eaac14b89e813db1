use crate::components::{code_copy, BackLink, Byline, TagList, Toc, TranslationNotice};
use leptos::prelude::*;
use model::Post;
use std::rc::Rc;

/// A whole article: title, metadata, the body the pipeline rendered, a way back.
///
/// An article not translated into the page's language yet is shown in its own
/// language (the `lang` of the `<article>` says which, for screen readers and
/// hyphenation) under a notice in the page's; its links stay on the page's
/// language.
#[component]
pub fn ArticleView(
    /// The article document.
    post: Rc<Post>,
) -> impl IntoView {
    let lang = post.lang;
    let meta = post.meta.clone();
    let text_lang = meta.written_in.unwrap_or(lang);
    let updated = meta.updated.clone().zip(meta.updated_label.clone());
    // Only a build with drafts (`BLOG_DRAFTS=1`) has any to mark.
    #[cfg(drafts)]
    let draft = meta.draft.then(|| super::draft_mark(lang));
    #[cfg(not(drafts))]
    let draft = ();
    view! {
        <article class="article" lang=text_lang.code()>
            <header class="article__header">
                <TranslationNotice post=post.clone() />
                <p class="back" lang=lang.code()>
                    <BackLink lang />
                </p>
                {draft}
                <h1 id="page-title" tabindex="-1">{meta.title}</h1>
                <Byline
                    date=meta.date
                    date_label=meta.date_label
                    minutes=meta.reading_minutes
                    lang=text_lang
                    announce=true
                    updated
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
            <footer class="article__footer" lang=lang.code()>
                <BackLink lang />
            </footer>
        </article>
    }
}
