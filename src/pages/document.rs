use crate::api::{self, ContentError, Document, Request};
use crate::components::{ErrorPanel, Loading};
use crate::i18n::{use_lang, Lang};
use crate::pages::NotFoundPage;
use leptos::prelude::*;
use model::Post;
use std::rc::Rc;

/// The loading of every view that shows one document.
///
/// `request` names the document (it may read the route); `ready` renders it. A
/// document already at hand ([`api::cached`]: bundled, prerendered or seen earlier
/// in the visit) renders at once, so a prerendered page is taken over with the
/// same markup. Otherwise the loading state shows until it arrives; a missing
/// document shows the 404 view (the page does not exist) and any other failure
/// the error panel with a working retry.
///
/// The returned closure is a reactive view: place it in a view as is (calling it
/// inside another reactive block would make that block depend on the document).
///
/// `part`: the view is a part of a page with its own title, not the whole page.
/// The page exists whatever the document says, so a missing document is an error
/// of the content host, shown in the error panel (with a section heading).
pub fn with_document<T: 'static, V>(
    request: impl Fn(Lang) -> Request + Clone + Send + Sync + 'static,
    extract: fn(Document) -> Result<T, ContentError>,
    part: bool,
    ready: impl Fn(Lang, T) -> V + Clone + Send + Sync + 'static,
) -> impl Fn() -> AnyView + Clone + Send + Sync + 'static
where
    V: IntoView + 'static,
{
    let lang = use_lang();
    let resource = document_resource(Signal::derive({
        let request = request.clone();
        move || request(lang.get())
    }));
    move || {
        let lang = lang.get();
        let loaded = match api::cached(&request(lang)) {
            Some(doc) => Some(Ok(doc)),
            None => resource.get(),
        };
        match loaded.map(|doc| doc.and_then(extract)) {
            None => view! { <Loading lang /> }.into_any(),
            Some(Ok(doc)) => ready(lang, doc).into_any(),
            Some(Err(ContentError::NotFound)) if !part => view! { <NotFoundPage /> }.into_any(),
            Some(Err(error)) => {
                let on_retry = Callback::new(move |_| resource.refetch());
                view! { <ErrorPanel error lang on_retry part /> }.into_any()
            }
        }
    }
}

/// The resource behind [`with_document`]: not generic, so the async machinery
/// is compiled once for every view rather than once per call site.
fn document_resource(request: Signal<Request>) -> LocalResource<Result<Document, ContentError>> {
    LocalResource::new(move || api::load(request.get()))
}

/// [`with_document`] for one article of the language.
pub fn with_post<V>(
    slug: Memo<String>,
    ready: impl Fn(Lang, Rc<Post>) -> V + Clone + Send + Sync + 'static,
) -> impl Fn() -> AnyView + Clone + Send + Sync + 'static
where
    V: IntoView + 'static,
{
    with_document(
        move |lang| Request::Post(lang, slug.get()),
        Document::into_post,
        false,
        ready,
    )
}
