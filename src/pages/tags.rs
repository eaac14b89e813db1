use crate::api::Request;
use crate::components::BackLink;
use crate::head::PageHead;
use crate::i18n::strings;
use crate::loader::page_document;
use crate::routing;
use leptos::prelude::*;
use model::{Route, TagIndex};
use std::rc::Rc;

/// `/{lang}/tags`: every tag with its number of articles.
#[component]
pub fn TagsPage() -> impl IntoView {
    page_document(Request::Tags, |lang, index: Rc<TagIndex>| {
        let t = strings(lang);
        let items = index
            .tags
            .iter()
            .map(|tag| {
                view! {
                    <li>
                        <a href=routing::href(&Route::tag(lang, &tag.slug))>
                            <span class="tag-index__name">{tag.name.clone()}</span>
                            <span class="tag-index__count">{tag.count}</span>
                        </a>
                    </li>
                }
            })
            .collect_view();
        view! {
            <PageHead lang title=t.all_tags.to_string() description=t.tags_description route=Route::Tags { lang } />
            <header class="page-header">
                <p class="back">
                    <BackLink lang />
                </p>
                <h1 id="page-title" tabindex="-1">{t.all_tags}</h1>
            </header>
            <ul class="tag-index">{items}</ul>
        }
    })
}
