use crate::components::{LanguageSwitcher, SearchBox, ThemeToggle};
use crate::i18n::{strings, use_lang};
use crate::routing;
use leptos::prelude::*;
use model::Route;

/// The banner on every view: the site name linking home, and the language switcher.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let lang = use_lang();
    let brand = move || {
        let lang = lang.get();
        let t = strings(lang);
        view! {
            // Named by its visible text (the mark is decoration): the site name.
            <a class="brand" href=routing::href(&Route::home(lang))>
                <span class="brand__mark" aria-hidden="true">"EI"</span>
                <span class="brand__name">{t.site_name}</span>
            </a>
        }
    };
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                {brand}
                <SearchBox />
                <div class="site-header__tools">
                    <LanguageSwitcher />
                    <ThemeToggle />
                </div>
            </div>
        </header>
    }
}
