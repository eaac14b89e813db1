use crate::api::{self, Document, Request};
use crate::components::{ErrorPanel, Loading};
use crate::i18n::{use_lang, Lang};
use leptos::prelude::*;
use model::SiteIndex;
use std::rc::Rc;

/// The views built on the article index (home, tag pages) share its loading:
/// `ready` renders once the index of the current language is there; until then the
/// loading state shows, and a failure shows the error panel with a working retry.
///
/// The returned closure is a reactive view: place it in a view as is (calling it
/// inside another reactive block would make that block depend on the index).
pub fn with_index<V>(
    ready: impl Fn(Lang, Rc<SiteIndex>) -> V + Clone + Send + Sync + 'static,
) -> impl Fn() -> AnyView + Clone + Send + Sync + 'static
where
    V: IntoView + 'static,
{
    let lang = use_lang();
    let index = LocalResource::new(move || api::load(Request::Index(lang.get())));
    move || {
        let lang = lang.get();
        match index.get().map(|doc| doc.and_then(Document::into_index)) {
            None => view! { <Loading lang /> }.into_any(),
            Some(Ok(index)) => ready(lang, index).into_any(),
            Some(Err(error)) => {
                let on_retry = Callback::new(move |_| index.refetch());
                view! { <ErrorPanel error lang on_retry /> }.into_any()
            }
        }
    }
}
