use crate::i18n::{strings, use_lang};
use crate::routing;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

/// The 404 view: any unknown URL, article, or language.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let lang = use_lang();
    let t = move || strings(lang.get());
    view! {
        <Title text=move || t().not_found_title />
        <Meta name="robots" content="noindex" />
        <section class="not-found">
            <p class="not-found__code" aria-hidden="true">"404"</p>
            <h1 id="page-title" tabindex="-1">{move || t().not_found_title}</h1>
            <p>{move || t().not_found_text}</p>
            <p>
                <a class="button" href=move || routing::home(lang.get())>{move || t().go_home}</a>
            </p>
        </section>
    }
}
