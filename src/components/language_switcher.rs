use crate::head;
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
    // One reactive block for the whole list: it changes only on navigation, and a
    // single closure keeps the wasm smaller than one per attribute.
    move || {
        let current = lang.get();
        let path = location.pathname.get();
        // A prerendered page has no fragment (and the router warns when asked).
        let hash = if cfg!(target_arch = "wasm32") {
            location.hash.get()
        } else {
            String::new()
        };
        let search = location.search.get();
        let items = Lang::ALL
            .into_iter()
            .map(|to| {
                let item = if to == current {
                    view! {
                        <span class="current" aria-current="true" lang=to.code()>
                            {to.native_name()}
                        </span>
                    }
                    .into_any()
                } else {
                    let href = routing::switch_href(&path, &search, &hash, to);
                    // Not translated yet: the link still leads to the page, which
                    // shows the original with a notice; it says so in the
                    // language of the page, in words a screen reader reads too.
                    let missing = head::untranslated();
                    let note = missing.then(|| {
                        view! {
                            <span class="lang-switch__note" lang=current.code()>
                                " (" {strings(current).not_translated} ")"
                            </span>
                        }
                    });
                    view! {
                        <a href=href hreflang=to.code() lang=to.code() on:click=move |_| prefs::save(to)>
                            {to.native_name()}
                            {note}
                        </a>
                    }
                    .into_any()
                };
                view! { <li>{item}</li> }
            })
            .collect_view();
        view! {
            <nav class="lang-switch" aria-label=strings(current).language_label>
                <ul>{items}</ul>
            </nav>
        }
    }
}
