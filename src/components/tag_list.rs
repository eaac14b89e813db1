use crate::i18n::{strings, Lang};
use crate::routing;
use leptos::prelude::*;
use model::Route;
use model::Tag;

/// An article's tags, in the page's language.
#[component]
pub fn TagList(
    /// The tags to show.
    tags: Vec<Tag>,
    /// Language of the labels.
    lang: Lang,
) -> impl IntoView {
    view! {
        <ul class="tags" aria-label=strings(lang).tags_label>
            {tags
                .into_iter()
                .map(|tag| {
                    view! {
                        <li>
                            <a class="tag" href=routing::href(&Route::tag(lang, &tag.slug))>{tag.name}</a>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
