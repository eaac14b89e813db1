use crate::i18n::{strings, use_lang, Lang};
use crate::{prefs, routing};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Links to the current page in every language. The current language is marked,
/// not linked; following a link is a client-side navigation that keeps the page and
/// remembers the choice.
#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let lang = use_lang();
    let location = use_location();
    let href = move |to: Lang| {
        let path = location.pathname.get();
        let mut target = routing::switch_lang(&path, to);
        target.push_str(&location.search.get());
        target.push_str(&location.hash.get());
        target
    };
    view! {
        <nav class="lang-switch" aria-label=move || strings(lang.get()).language_label>
            <ul>
                {Lang::ALL
                    .into_iter()
                    .map(|to| {
                        view! {
                            <li>
                                <Show
                                    when=move || lang.get() != to
                                    fallback=move || {
                                        view! {
                                            <span class="current" aria-current="true" lang=to.code()>
                                                {to.native_name()}
                                            </span>
                                        }
                                    }
                                >
                                    <a
                                        href=move || href(to)
                                        hreflang=to.code()
                                        lang=to.code()
                                        on:click=move |_| prefs::save(to)
                                    >
                                        {to.native_name()}
                                    </a>
                                </Show>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}
