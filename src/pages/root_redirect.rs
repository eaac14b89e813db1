use crate::{prefs, routing};
use leptos::prelude::*;
use leptos_router::{components::Redirect, NavigateOptions};

/// `/`: sends the reader to the index in their language (saved choice, else the
/// browser's languages, else English), replacing `/` in the history.
#[component]
pub fn RootRedirect() -> impl IntoView {
    let options = NavigateOptions {
        replace: true,
        ..Default::default()
    };
    view! { <Redirect path=routing::home(prefs::preferred_lang()) options /> }
}
