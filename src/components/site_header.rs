use crate::components::LanguageSwitcher;
use crate::i18n::{strings, use_lang};
use crate::routing;
use leptos::prelude::*;

/// The banner on every view: the site name linking home, and the language switcher.
#[component]
pub fn SiteHeader() -> impl IntoView {
    let lang = use_lang();
    view! {
        <header class="site-header">
            <div class="site-header__inner">
                <a
                    class="brand"
                    href=move || routing::home(lang.get())
                    aria-label=move || strings(lang.get()).home_link_label
                >
                    <span class="brand__mark" aria-hidden="true">"EI"</span>
                    <span class="brand__name">{move || strings(lang.get()).site_name}</span>
                </a>
                <LanguageSwitcher />
            </div>
        </header>
    }
}
