use crate::api::Request;
use crate::components::{BackLink, Pagination, PostList};
use crate::head::PageHead;
use crate::i18n::{paged_title, strings};
use crate::loader::{page_document, use_page_number};
use crate::pages::NotFoundPage;
use crate::routing;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use model::{PageNumber, Route, TaggedPosts};
use std::rc::Rc;

/// `/{lang}/tags/{tag}` and `/{lang}/tags/{tag}/page/{n}`: the articles with one
/// tag, a page of them at a time like the index, each page its own document; or
/// the 404 view for a tag or page that does not exist (there is no document for
/// it). Page 1 is only at `/{lang}/tags/{tag}`.
#[component]
pub fn TagPage() -> impl IntoView {
    let params = use_params_map();
    let tag = Memo::new(move |_| params.read().get("tag").unwrap_or_default());
    let page = use_page_number();
    let request =
        move |lang| Request::Tag(lang, tag.get(), page.get().unwrap_or(PageNumber::FIRST));
    let body = page_document(request, |lang, tagged: Rc<TaggedPosts>| {
        let info = &tagged.tag;
        let (current, pages) = (tagged.page, tagged.pages);
        let route = Route::Tag {
            lang,
            tag: info.slug.clone(),
            page: current,
        };
        let t = strings(lang);
        let title = paged_title(
            lang,
            t.tagged_title.replace("{tag}", &info.name),
            current,
            pages,
        );
        let description = t.tagged_description.replace("{tag}", &info.name);
        let posts = tagged.posts.clone();
        view! {
            <PageHead lang title=title.clone() description route=route.clone() />
            <header class="page-header">
                <p class="back">
                    <BackLink lang />
                    <span class="meta__sep" aria-hidden="true">" · "</span>
                    <a href=routing::href(&Route::tags(lang))>{t.all_tags}</a>
                </p>
                <h1 id="page-title" tabindex="-1">{info.name.clone()}</h1>
            </header>
            // The cards' headings are level 3, under this one.
            <h2 class="visually-hidden">{title}</h2>
            <PostList posts lang total=tagged.total as usize />
            <Pagination lang route pages />
        }
    });
    move || {
        if page.get().is_some() {
            body.clone().into_any()
        } else {
            view! { <NotFoundPage /> }.into_any()
        }
    }
}
