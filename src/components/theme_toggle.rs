use crate::i18n::{strings, use_lang};
use leptos::prelude::*;

/// A colour theme the reader can force; without a choice the system setting rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    /// Light colours.
    Light,
    /// Dark colours.
    Dark,
}

impl Theme {
    /// The value of `<html data-theme>` and of the saved choice.
    pub const fn code(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// The other theme.
    pub const fn toggled(self) -> Theme {
        match self {
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Light,
        }
    }
}

/// Switches between light and dark and remembers the choice. `public/boot.js`
/// applies the saved choice before the first paint.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let lang = use_lang();
    let theme = RwSignal::new(dom::current());
    let toggle = move |_| {
        let next = theme.get_untracked().toggled();
        dom::apply(next);
        theme.set(next);
    };
    move || {
        let t = strings(lang.get());
        let label = match theme.get() {
            Theme::Light => t.theme_to_dark,
            Theme::Dark => t.theme_to_light,
        };
        // Both icons are in the markup and the stylesheet shows the one for the
        // theme on screen, so a prerendered page shows the right icon before the
        // app runs and nothing changes when it takes over. The labels for either
        // theme ride along for `public/boot.js`, which runs the toggle until then.
        view! {
            <button
                type="button"
                class="theme-toggle"
                aria-label=label
                title=label
                data-label-light=t.theme_to_dark
                data-label-dark=t.theme_to_light
                on:click=toggle
            >
                <span class="theme-toggle__to-dark" aria-hidden="true">"☾"</span>
                <span class="theme-toggle__to-light" aria-hidden="true">"☀"</span>
            </button>
        }
    }
}

#[cfg(target_arch = "wasm32")]
mod dom {
    use super::Theme;

    const KEY: &str = "theme";

    /// The theme on screen: the forced one, else the system's.
    pub fn current() -> Theme {
        let window = web_sys::window();
        let forced = window
            .as_ref()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .and_then(|e| e.get_attribute("data-theme"));
        match forced.as_deref() {
            Some("dark") => Theme::Dark,
            Some("light") => Theme::Light,
            _ => {
                let dark = window
                    .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
                    .is_some_and(|m| m.matches());
                if dark {
                    Theme::Dark
                } else {
                    Theme::Light
                }
            }
        }
    }

    /// Forces `theme` on the page and saves it for later visits.
    pub fn apply(theme: Theme) {
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Some(html) = window.document().and_then(|d| d.document_element()) {
            let _ = html.set_attribute("data-theme", theme.code());
        }
        if let Ok(Some(storage)) = window.local_storage() {
            let _ = storage.set_item(KEY, theme.code());
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod dom {
    use super::Theme;

    pub fn current() -> Theme {
        Theme::Light
    }

    pub fn apply(_theme: Theme) {}
}
