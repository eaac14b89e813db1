use crate::head::PageHead;
use crate::i18n::{strings, Lang};
use crate::routing;
use leptos::prelude::*;
use model::Route;

/// `/`: sends the reader to the index in their language (saved choice, else the
/// browser's languages, else English), replacing `/` in the history.
///
/// A full page load of `/` is redirected before the first paint by
/// `public/lang.js`; this view handles client-side navigation to `/`. The page
/// prerendered for `/` (what crawlers and readers without JavaScript see) offers
/// both languages instead.
#[component]
pub fn RootRedirect() -> impl IntoView {
    #[cfg(target_arch = "wasm32")]
    {
        use leptos_router::{components::Redirect, NavigateOptions};
        let options = NavigateOptions {
            replace: true,
            ..Default::default()
        };
        view! { <Redirect path=routing::href(&Route::home(crate::prefs::preferred_lang())) options /> }
    }
    #[cfg(not(target_arch = "wasm32"))]
    view! { <LanguageChoice /> }
}

/// Both languages of the site, each named and described in its own language.
#[component]
pub fn LanguageChoice() -> impl IntoView {
    let t = strings(Lang::En);
    let choices = Lang::ALL
        .into_iter()
        .map(|lang| {
            let t = strings(lang);
            view! {
                <li lang=lang.code()>
                    <a href=routing::href(&Route::home(lang)) hreflang=lang.code()>{lang.native_name()}</a>
                    <p>{t.tagline}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <PageHead lang=Lang::En title=t.site_name.to_string() description=t.tagline route=Route::Root />
        <section class="hero">
            <h1 id="page-title" tabindex="-1">
                {t.site_name} " · " <span lang="ru">{strings(Lang::Ru).site_name}</span>
            </h1>
        </section>
        <ul class="language-choice">{choices}</ul>
    }
}
