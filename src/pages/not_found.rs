use crate::head::PageHead;
use crate::i18n::{strings, use_lang};
use crate::routing;
use leptos::prelude::*;
use model::Route;

/// The 404 view: any unknown URL, article, or language.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let lang = use_lang();
    move || {
        let lang = lang.get();
        let t = strings(lang);
        view! {
            <PageHead lang title=t.not_found_title.to_string() description=t.not_found_text route=Route::NotFound { lang: Some(lang) } />
            <section class="not-found">
                <p class="not-found__code" aria-hidden="true">"404"</p>
                <h1 id="page-title" tabindex="-1">{t.not_found_title}</h1>
                <p>{t.not_found_text}</p>
                <p>
                    <a class="button" href=routing::href(&Route::home(lang))>{t.go_home}</a>
                </p>
            </section>
        }
    }
}
