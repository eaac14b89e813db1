use crate::api::{Document, Request};
use crate::components::{BackLink, PostList};
use crate::head::{Page, PageHead};
use crate::i18n::{strings, use_route_has_lang};
use crate::pages::{with_document, NotFoundPage};
use crate::routing;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// `/{lang}/tags/{tag}`: the articles with one tag (its own document), or the
/// 404 view for a tag that does not exist (there is no document for it).
#[component]
pub fn TagPage() -> impl IntoView {
    let known = use_route_has_lang();
    let params = use_params_map();
    let tag = Memo::new(move |_| params.read().get("tag").unwrap_or_default());
    let request = move |lang| Request::Tag(lang, tag.get());
    let body = with_document(request, Document::into_tag, false, |lang, tagged| {
        let info = &tagged.tag;
        let slug = info.slug.clone();
        let t = strings(lang);
        let title = t.tagged_title.replace("{tag}", &info.name);
        let description = t.tagged_description.replace("{tag}", &info.name);
        let posts = tagged.posts.clone();
        view! {
            <PageHead lang title=title.clone() description page=Page::Tag(slug) />
            <header class="page-header">
                <p class="back">
                    <BackLink lang />
                    <span class="meta__sep" aria-hidden="true">" · "</span>
                    <a href=routing::tags(lang)>{t.all_tags}</a>
                </p>
                <h1 id="page-title" tabindex="-1">{info.name.clone()}</h1>
            </header>
            // The cards' headings are level 3, under this one.
            <h2 class="visually-hidden">{title}</h2>
            <PostList posts lang />
        }
    });
    move || {
        if known.get() {
            body.clone().into_any()
        } else {
            view! { <NotFoundPage /> }.into_any()
        }
    }
}
