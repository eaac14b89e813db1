use crate::i18n::{strings, use_lang};
use leptos::prelude::*;

/// The footer on every view.
#[component]
pub fn SiteFooter() -> impl IntoView {
    let lang = use_lang();
    move || {
        let t = strings(lang.get());
        view! {
            <footer class="site-footer">
                <p>
                    <span class="site-footer__name">{t.site_name}</span>
                    " · "
                    {t.footer_note}
                </p>
            </footer>
        }
    }
}
