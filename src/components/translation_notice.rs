use crate::i18n::strings;
use crate::routing;
use leptos::prelude::*;
use model::{Post, Route};
use std::rc::Rc;

/// What a reader of this language should know about the article's translation,
/// in their language: that it has none yet (the original is shown), or that the
/// original changed after it was made (with a link to the original). Nothing
/// for a translation that is current.
#[component]
pub fn TranslationNotice(
    /// The article document.
    post: Rc<Post>,
) -> impl IntoView {
    let lang = post.lang;
    let t = strings(lang);
    if post.meta.written_in.is_some_and(|w| w != lang) {
        return Some(
            view! {
                <p class="notice" role="note" lang=lang.code()>{t.untranslated_notice}</p>
            }
            .into_any(),
        );
    }
    let outdated = post.outdated.as_ref()?;
    let original = routing::href(&Route::article(outdated.original, &post.meta.slug));
    let (before, after) = t
        .outdated_notice
        .split_once("{date}")
        .unwrap_or((t.outdated_notice, ""));
    Some(
        view! {
            <p class="notice" role="note" lang=lang.code()>
                {before}
                <time datetime=outdated.since.clone()>{outdated.since_label.clone()}</time>
                {after}
                " "
                <a href=original hreflang=outdated.original.code()>{t.read_original}</a>
            </p>
        }
        .into_any(),
    )
}
