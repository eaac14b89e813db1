use crate::i18n::{strings, use_lang};
use leptos::prelude::*;

/// The footer on every view.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let lang = use_lang();
    view! {
        <footer class="site-footer">
            <p>
                <span class="site-footer__name">{move || strings(lang.get()).site_name}</span>
                " · "
                {move || strings(lang.get()).footer_note}
            </p>
        </footer>
    }
}
