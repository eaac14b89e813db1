use crate::i18n::{fill, strings, Lang};
use leptos::prelude::*;

/// Publication date and reading time, as cards and articles show them.
#[component]
pub fn Byline(
    /// ISO date for `<time datetime>`.
    date: String,
    /// The date as readers of `lang` write it.
    date_label: String,
    /// Reading time in minutes.
    minutes: u32,
    /// Language of the labels.
    lang: Lang,
    /// Prefix the date with a visually hidden "Published" for screen readers.
    #[prop(optional)]
    announce: bool,
    /// The date of the last update, ISO and as readers of `lang` write it.
    #[prop(optional_no_strip)]
    updated: Option<(String, String)>,
) -> impl IntoView {
    let t = strings(lang);
    let updated = updated.map(|(date, label)| {
        let (before, after) = t
            .updated_on
            .split_once("{date}")
            .unwrap_or((t.updated_on, ""));
        view! {
            <span class="meta__sep" aria-hidden="true">"·"</span>
            <span>{before}<time datetime=date>{label}</time>{after}</span>
        }
    });
    view! {
        <p class="meta">
            {announce.then(|| view! { <span class="visually-hidden">{t.published_on} " "</span> })}
            <time datetime=date>{date_label}</time>
            {updated}
            <span class="meta__sep" aria-hidden="true">"·"</span>
            <span>{fill(t.reading_time, minutes)}</span>
        </p>
    }
}
