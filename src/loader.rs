//! How a view waits for its document: loading state, 404 view or error panel
//! with retry, and the route parameters a document request is made of.

use crate::api::{self, ContentError, Document, Loaded, Request};
use crate::components::{ErrorPanel, Loading};
use crate::i18n::{use_lang, Lang};
use crate::pages::NotFoundPage;
use leptos::prelude::*;
use leptos_router::{hooks::use_params_map, params::ParamsMap};
use model::PageNumber;
use std::rc::Rc;

/// Whose document it is: what a missing one means.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    /// The page's own document: without it the page does not exist (the 404 view).
    Page,
    /// A part of a page with its own title: the page exists whatever the
    /// document says, so a missing one is an error of the content host, shown
    /// in the error panel (with a section heading).
    Part,
}

/// The view of a page made of one document of kind `T`.
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
pub fn page_document<T: Loaded, V: IntoView + 'static>(
    request: impl Fn(Lang) -> Request + Clone + Send + Sync + 'static,
    ready: impl Fn(Lang, Rc<T>) -> V + Clone + Send + Sync + 'static,
) -> impl Fn() -> AnyView + Clone + Send + Sync + 'static {
    with_document(request, Role::Page, ready)
}

/// [`page_document`] for a part of a page (the index's list of articles under
/// its heading): a missing document is an error, not a missing page.
pub fn part_document<T: Loaded, V: IntoView + 'static>(
    request: impl Fn(Lang) -> Request + Clone + Send + Sync + 'static,
    ready: impl Fn(Lang, Rc<T>) -> V + Clone + Send + Sync + 'static,
) -> impl Fn() -> AnyView + Clone + Send + Sync + 'static {
    with_document(request, Role::Part, ready)
}

fn with_document<T: Loaded, V: IntoView + 'static>(
    request: impl Fn(Lang) -> Request + Clone + Send + Sync + 'static,
    role: Role,
    ready: impl Fn(Lang, Rc<T>) -> V + Clone + Send + Sync + 'static,
) -> impl Fn() -> AnyView + Clone + Send + Sync + 'static {
    let lang = use_route_lang();
    let resource = document_resource(Signal::derive({
        let request = request.clone();
        move || request(lang.get())
    }));
    move || {
        let lang = lang.get();
        let wanted = request(lang);
        // Only the answer to the request of the URL shown: while another is in
        // flight (the previous page's, on a navigation), this one is loading.
        let loaded = match api::cached(&wanted) {
            Some(doc) => Some(Ok(doc)),
            None => resource
                .get()
                .and_then(|(asked, doc)| (asked == wanted).then_some(doc)),
        };
        match loaded.map(|doc| doc.and_then(T::from_document)) {
            None => view! { <Loading lang /> }.into_any(),
            Some(Ok(doc)) => ready(lang, doc).into_any(),
            Some(Err(ContentError::NotFound)) if role == Role::Page => {
                view! { <NotFoundPage /> }.into_any()
            }
            Some(Err(error)) => {
                let on_retry = Callback::new(move |_| resource.refetch());
                let part = role == Role::Part;
                view! { <ErrorPanel error lang on_retry part /> }.into_any()
            }
        }
    }
}

/// The language of the route's `:lang` segment, read from the same route
/// parameters as the slug, tag and page, so that a navigation changing the
/// language and the slug at once (`/en/blog/a` → `/ru/blog/b`) never asks for a
/// mix of the two (the Russian `a`). The app-wide language follows the URL
/// too, but may be updated before the parameters are.
fn use_route_lang() -> Memo<Lang> {
    let params = use_params_map();
    let fallback = use_lang();
    Memo::new(move |_| params.with(lang_param).unwrap_or_else(|| fallback.get()))
}

/// The route's `:lang` parameter, if it names a language of the site.
pub fn lang_param(params: &ParamsMap) -> Option<Lang> {
    params.get("lang").as_deref().and_then(Lang::from_code)
}

/// The resource behind [`page_document`], answering with the request it
/// answers, so a view can tell its own document from a previous one. Not
/// generic, so the async machinery is compiled once for every view rather than
/// once per call site.
fn document_resource(
    request: Signal<Request>,
) -> LocalResource<(Request, Result<Document, ContentError>)> {
    LocalResource::new(move || {
        let request = request.get();
        async move { (request.clone(), api::load(request).await) }
    })
}

/// The page of a paged list (the index, a tag) the route shows: the first
/// without a `page` parameter, the number in `…/page/{n}` otherwise, and `None`
/// when that is not a page this list serves (`page/1`, `page/x`), which is the
/// 404 view.
pub fn use_page_number() -> Memo<Option<PageNumber>> {
    let params = use_params_map();
    Memo::new(move |_| match params.read().get("page") {
        None => Some(PageNumber::FIRST),
        Some(n) => PageNumber::from_segment(&n),
    })
}
