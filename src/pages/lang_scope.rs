use crate::pages::NotFoundPage;
use leptos::prelude::*;
use leptos_router::{components::Outlet, hooks::use_params_map};
use model::Lang;

/// Parent of every `/{lang}/…` route: renders the child route for a supported
/// language and the 404 view for anything else (`/de/`, `/english/blog/x`).
#[component]
pub fn LangScope() -> impl IntoView {
    let params = use_params_map();
    let known = move || {
        params
            .read()
            .get("lang")
            .is_some_and(|code| Lang::from_code(&code).is_some())
    };
    view! {
        <Show when=known fallback=NotFoundPage>
            <Outlet />
        </Show>
    }
}
