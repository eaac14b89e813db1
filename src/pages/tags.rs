use crate::api::{Document, Request};
use crate::components::BackLink;
use crate::head::{Page, PageHead};
use crate::i18n::{strings, use_route_has_lang};
use crate::pages::{with_document, NotFoundPage};
use crate::routing;
use leptos::prelude::*;

/// `/{lang}/tags`: every tag with its number of articles.
#[component]
pub fn TagsPage() -> impl IntoView {
    let known = use_route_has_lang();
    let body = with_document(Request::Tags, Document::into_tags, false, |lang, index| {
        let t = strings(lang);
        let items = index
            .tags
            .iter()
            .map(|tag| {
                view! {
                    <li>
                        <a href=routing::tag(lang, &tag.slug)>
                            <span class="tag-index__name">{tag.name.clone()}</span>
                            <span class="tag-index__count">{tag.count}</span>
                        </a>
                    </li>
                }
            })
            .collect_view();
        view! {
            <PageHead lang title=t.all_tags.to_string() description=t.tags_description page=Page::Tags />
            <header class="page-header">
                <p class="back">
                    <BackLink lang />
                </p>
                <h1 id="page-title" tabindex="-1">{t.all_tags}</h1>
            </header>
            <ul class="tag-index">{items}</ul>
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
