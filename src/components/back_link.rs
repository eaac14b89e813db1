use crate::i18n::{strings, Lang};
use crate::routing;
use leptos::prelude::*;
use model::Route;

/// "← All articles": the way back to the index from any page below it.
#[component]
pub fn BackLink(
    /// Language of the index to go back to.
    lang: Lang,
) -> impl IntoView {
    view! {
        <a href=routing::href(&Route::home(lang))>
            <span aria-hidden="true">"← "</span>
            {strings(lang).back_to_articles}
        </a>
    }
}
