//! Rendering a route on the host, for the prerenderer: the same components as the
//! browser, with the documents already in the data layer.

use crate::api::Loaded;
use crate::{api, head, routing, App};
use leptos::prelude::*;
use model::{Post, Route};

/// A route rendered on the host, as the prerenderer writes it into an HTML file.
pub struct Prerendered {
    /// The markup of `<body>`: exactly what the app renders for the route.
    pub body: String,
    /// What the page said about itself (see [`head::head_tags`]).
    pub head: head::Head,
}

/// Renders the view at `path` (a site path without the prefix) on the host with
/// the same components as the browser. Documents the view needs must be in the
/// data layer first ([`api::store`]); a view whose data is missing would render
/// its loading state, so that is refused.
pub fn prerender(path: &str) -> Result<Prerendered, String> {
    use leptos_router::location::RequestUrl;
    let route = Route::parse(path);
    let documents = route.as_ref().map(api::documents_for).unwrap_or_default();
    let missing: Vec<_> = documents
        .into_iter()
        .filter(|r| api::cached(r).is_none())
        .collect();
    if !missing.is_empty() {
        return Err(format!("{path}: documents not loaded: {missing:?}"));
    }
    // The header, with the language switcher, is rendered before the article
    // whose document says which languages it exists in.
    let untranslated = match &route {
        Some(Route::Article { lang, slug }) => {
            api::cached(&api::Request::Post(*lang, slug.clone()))
                .and_then(|document| Post::from_document(document).ok())
                .is_some_and(|post| !post.languages.contains(&lang.other()))
        }
        _ => false,
    };
    head::set_untranslated(untranslated);
    let owner = Owner::new();
    let body = owner.with(|| {
        provide_context(RequestUrl::new(&format!("{}{path}", routing::BASE)));
        view! { <App /> }.to_html()
    });
    let head = head::take_rendered().ok_or_else(|| format!("{path}: the view set no head"))?;
    Ok(Prerendered { body, head })
}
