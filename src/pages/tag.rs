use crate::api::{Document, Request};
use crate::components::{BackLink, Pagination, PostList};
use crate::head::{Page, PageHead};
use crate::i18n::{page_of, strings, use_route_has_lang};
use crate::pages::{use_page_number, with_document, NotFoundPage};
use crate::routing;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// `/{lang}/tags/{tag}` and `/{lang}/tags/{tag}/page/{n}`: the articles with one
/// tag, a page of them at a time like the index, each page its own document; or
/// the 404 view for a tag or page that does not exist (there is no document for
/// it). Page 1 is only at `/{lang}/tags/{tag}`.
#[component]
pub fn TagPage() -> impl IntoView {
    let known = use_route_has_lang();
    let params = use_params_map();
    let tag = Memo::new(move |_| params.read().get("tag").unwrap_or_default());
    let page = use_page_number();
    let request = move |lang| Request::Tag(lang, tag.get(), page.get().unwrap_or(0));
    let body = with_document(request, Document::into_tag, false, |lang, tagged| {
        let info = &tagged.tag;
        let (current, pages) = (tagged.page as usize, tagged.pages as usize);
        let t = strings(lang);
        let mut title = t.tagged_title.replace("{tag}", &info.name);
        if current > 1 {
            title = format!("{title} — {}", page_of(lang, current, pages));
        }
        let description = t.tagged_description.replace("{tag}", &info.name);
        let posts = tagged.posts.clone();
        view! {
            <PageHead lang title=title.clone() description page=Page::Tag(info.slug.clone(), current) />
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
            <PostList posts lang total=tagged.total as usize />
            <Pagination lang current pages tag=info.slug.clone() />
        }
    });
    move || {
        if known.get() && page.get().is_some() {
            body.clone().into_any()
        } else {
            view! { <NotFoundPage /> }.into_any()
        }
    }
}
