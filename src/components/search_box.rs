use super::status::error_text;
use crate::api::{self, ContentError, Document, Loaded, Request};
use crate::i18n::{strings, use_lang, Lang, Strings};
use crate::routing;
use crate::search;
use crate::ChunkError;
use futures::future::{FutureExt, LocalBoxFuture, Shared};
use leptos::prelude::*;
use leptos::reactive::computed::ScopedFuture;
use leptos_router::hooks::use_navigate;
use model::{Route, SearchDoc, SearchIndex, SearchPart};
use std::collections::HashMap;
use std::sync::Arc;

/// What the field gives its results, and the one bridge across the boundary of
/// the results' chunk ([`results_panel`]): the field (in the main module) owns
/// these signals and the keys; the results (a chunk loaded on first use) read
/// them and answer with [`Results`]. Nothing else crosses.
#[derive(Clone, Copy)]
struct SearchInput {
    lang: Memo<Lang>,
    query: RwSignal<String>,
    open: RwSignal<bool>,
    selected: RwSignal<usize>,
}

/// What the results give back to the field once their code has run: the list to
/// show, and the slugs of the results listed, in order (empty until the index
/// has arrived), which the field's keys move through and open.
struct Results {
    view: AnyView,
    slugs: Signal<Vec<String>>,
}

/// The search field in the header: results as you type, with snippets; arrows move
/// through them, Enter opens one, Esc closes, `/` focuses the field from anywhere.
/// The code of the results, the index of the current language, the parts of it
/// a query's words reach and each shown result's document (title and text for
/// its snippet) are all downloaded when first needed, once.
#[component]
pub fn SearchBox() -> impl IntoView {
    let lang = use_lang();
    let input = SearchInput {
        lang,
        query: RwSignal::new(String::new()),
        open: RwSignal::new(false),
        selected: RwSignal::new(0usize),
    };
    let SearchInput {
        query,
        open,
        selected,
        ..
    } = input;
    let wanted = RwSignal::new(false);
    let field = NodeRef::<leptos::html::Input>::new();
    // The results' answer, set once, when their code has run (see `results`).
    let listed: RwSignal<Option<Signal<Vec<String>>>> = RwSignal::new(None);
    let hit_count = move || listed.get().map_or(0, |slugs| slugs.with(Vec::len));

    let navigate = use_navigate();
    let open_hit = move |position: usize| {
        let slug = listed
            .get_untracked()
            .and_then(|slugs| slugs.with_untracked(|s| s.get(position).cloned()));
        if let Some(slug) = slug {
            open.set(false);
            query.set(String::new());
            // The router puts its base (the site's prefix) in front of the
            // path itself: the route's path, not the link's href.
            navigate(
                &Route::article(lang.get_untracked(), &slug).path(),
                Default::default(),
            );
        }
    };

    let on_keydown = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "ArrowDown" => {
            ev.prevent_default();
            open.set(true);
            let n = hit_count();
            if n > 0 {
                selected.update(|s| *s = (*s + 1).min(n - 1));
            }
        }
        "ArrowUp" => {
            ev.prevent_default();
            selected.update(|s| *s = s.saturating_sub(1));
        }
        "Enter" => {
            ev.prevent_default();
            open_hit(selected.get_untracked());
        }
        "Escape" => {
            if open.get_untracked() && !query.get_untracked().is_empty() {
                open.set(false);
            } else if let Some(field) = field.get_untracked() {
                let _ = field.blur();
            }
        }
        _ => {}
    };

    focus_on_slash(field);

    // Loaded once the reader has used the field, then kept. If the code could
    // not be fetched, the list says so, and the next keystroke tries again.
    let attempt = RwSignal::new(0u32);
    let failed = RwSignal::new(false);
    let retry_if_failed = move || {
        if failed.get_untracked() {
            failed.set(false);
            attempt.update(|n| *n += 1);
        }
    };
    let results = move || {
        if !wanted.get() {
            return None;
        }
        attempt.track();
        Some(Suspend::new(async move {
            match load_results_panel(input).await {
                Ok(Results { view, slugs }) => {
                    listed.set(Some(slugs));
                    view
                }
                Err(_) => {
                    failed.set(true);
                    unavailable(input).into_any()
                }
            }
        }))
    };

    // One field for the visit: a language switch changes its words, not the
    // field, so focus and the loaded results stay.
    let t = move || strings(lang.get());
    view! {
        <div class="search" role="search">
            <input
                id=INPUT_ID
                node_ref=field
                // A text field, not `type="search"`: the combobox role and
                // `aria-expanded` are not allowed on a search field (ARIA in
                // HTML; the Nu HTML Checker says so), and the APG's combobox
                // is a text input. `inputmode` and `enterkeyhint` keep the
                // phone's search keyboard.
                type="text"
                inputmode="search"
                enterkeyhint="search"
                class="search__input"
                maxlength=search::MAX_QUERY_CHARS.to_string()
                placeholder=move || t().search_placeholder
                aria-label=move || t().search_label
                role="combobox"
                aria-autocomplete="list"
                aria-controls="search-results"
                aria-expanded=move || (open.get() && hit_count() > 0).to_string()
                aria-activedescendant=move || (open.get() && hit_count() > 0).then(|| format!("search-option-{}", selected.get()))
                autocomplete="off"
                prop:value=move || query.get()
                on:focus=move |_| {
                    // Set once: setting it again would rebuild the results.
                    if !wanted.get_untracked() {
                        wanted.set(true);
                    }
                    open.set(true);
                }
                on:blur=move |_| open.set(false)
                on:input=move |ev| {
                    retry_if_failed();
                    query.set(event_target_value(&ev));
                    selected.set(0);
                    open.set(true);
                }
                on:keydown=on_keydown
            />
            {results}
        </div>
    }
}

/// Id of the query field (the combobox the options belong to), by which the
/// takeover finds it in the prerendered header.
pub(crate) const INPUT_ID: &str = "search-input";

/// [`results_panel`], from its chunk in split builds (fetched on the first call;
/// a failed fetch is an error, and the next call fetches again).
async fn load_results_panel(input: SearchInput) -> Result<Results, ChunkError> {
    #[cfg(feature = "split")]
    return results_panel(input).await;
    #[cfg(not(feature = "split"))]
    return results_panel(input);
}

/// In place of the results when their code could not be fetched: offline, or
/// gone from the host because the site was deployed again since this page was
/// opened (its chunks have new names). The next keystroke tries again; a reload
/// brings the current deploy's code.
fn unavailable(input: SearchInput) -> impl IntoView {
    let SearchInput {
        lang, query, open, ..
    } = input;
    move || {
        (open.get() && !query.with(|q| q.trim().is_empty())).then(|| {
            let t = strings(lang.get());
            view! { <div class="search__dropdown">{reload_alert(t, true)}</div> }
        })
    }
}

/// Search cannot go on without a reload: its code or a part of its index is no
/// longer on the host (the site was deployed again since this page was opened),
/// or (`network`) could not be fetched, which may be why.
fn reload_alert(t: &'static Strings, network: bool) -> impl IntoView {
    view! {
        <div role="alert">
            {network.then(|| view! { <p class="search__note">{t.error_network}</p> })}
            <p class="search__note">{t.search_reload_hint}</p>
            <button
                type="button"
                class="button search__retry"
                on:mousedown=|ev| ev.prevent_default()
                on:click=|_| reload()
            >
                {t.reload}
            </button>
        </div>
    }
}

/// Reloads the page, which brings the current deploy's code.
fn reload() {
    #[cfg(target_arch = "wasm32")]
    let _ = window().location().reload();
}

/// Where the search of the field's query stands: the parts of the index of the
/// language being read are loading, could not be loaded, or gave these results
/// (with the word forms to mark in their snippets).
#[derive(Clone, PartialEq)]
enum Outcome {
    Loading,
    Failed(ContentError),
    Found(Vec<Shown>, Vec<String>),
}

/// One result as listed.
type Shown = Arc<SearchDoc>;

/// One search's answer, with what it was asked: the language and the query's
/// words. An answer to other words than the field's (a query before the last)
/// is never said of the field's words: neither its "no matches" nor its error.
#[derive(Clone)]
struct Searched {
    lang: Lang,
    words: String,
    answer: Result<Found, ContentError>,
}

/// What one search found.
#[derive(Clone)]
struct Found {
    docs: Vec<Shown>,
    forms: Vec<String>,
}

/// One search: the index of `lang`, the parts the query's words reach, and the
/// documents of the results shown (their titles and snippet texts), each loaded
/// once for the visit, the parts (and then the results) all at once. The
/// results' documents come from the version of the index their numbers were
/// found in, so an index and results of two deploys never mix: a part or result
/// gone from the host is [`ContentError::NotFound`].
async fn find(loads: Loads, lang: Lang, query: &str) -> Result<Found, ContentError> {
    let index = SearchIndex::from_document(loads.start(Request::Search(lang)).await?)?;
    let words = search::query_words(query);
    let pending: Vec<_> = search::parts_for(&index, &words)
        .into_iter()
        .map(|n| {
            let request = Request::SearchPart(lang, index.parts_version.clone(), n as u32);
            (n, loads.start(request))
        })
        .collect();
    let mut parts = Vec::with_capacity(pending.len());
    for (n, part) in pending {
        parts.push((n, SearchPart::from_document(part.await?)?));
    }
    let (hits, forms) = search::search(&index, &parts, &words);
    let pending: Vec<_> = hits
        .iter()
        .map(|hit| loads.start(Request::SearchDoc(lang, index.version.clone(), hit.doc)))
        .collect();
    let mut docs = Vec::with_capacity(pending.len());
    for doc in pending {
        docs.push(Arc::new((*SearchDoc::from_document(doc.await?)?).clone()));
    }
    Ok(Found { docs, forms })
}

/// The results under the field: a resource of the language and the query's
/// words ([`find`]); while the next query's parts load, the last results stay.
/// In release builds (`split`) its code is in the views' chunk (see
/// `crate::routes::route_table`), which the app fetches when idle after the takeover:
/// `wasm_split` (what `leptos::lazy` uses) with `fallible`, so a chunk that
/// cannot be fetched is an error to show, not a panic. One chunk rather than
/// two: the results and the views share most of their code (measured: 104.0 KB
/// for one, against 48.2 + 33.3 KB and a shared 31.4 KB chunk for two).
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        views,
        wasm_split_path = ::leptos::wasm_split,
        fallible
    )
)]
fn results_panel(input: SearchInput) -> Result<Results, ChunkError> {
    let SearchInput {
        lang, query, open, ..
    } = input;
    let loads = Loads {
        requests: StoredValue::new_local(HashMap::new()),
        owner: StoredValue::new(Owner::current().unwrap_or_default()),
    };
    // Searched again when the words change, not at every keystroke.
    let words = Memo::new(move |_| query.with(|q| search::query_words(q).join(" ")));
    let found = LocalResource::new(move || {
        let (lang, words) = (lang.get(), words.get());
        async move {
            let answer = find(loads, lang, &words).await;
            Searched {
                lang,
                words,
                answer,
            }
        }
    });

    let results = Memo::new(move |_| match found.get() {
        None => Outcome::Loading,
        // The previous language's, until this one's arrives.
        Some(s) if s.lang != lang.get() => Outcome::Loading,
        Some(Searched {
            words: asked,
            answer,
            ..
        }) => match answer {
            // The last query's results stay listed while this one's are on
            // their way (marked busy, below)...
            Ok(found) if asked == words.get() || !found.docs.is_empty() => {
                Outcome::Found(found.docs, found.forms)
            }
            Err(error) if asked == words.get() => Outcome::Failed(error),
            // ...but not its "no matches", nor its error: a reader's tap on
            // that error's retry would land on the results that replace it.
            _ => Outcome::Loading,
        },
    });
    // The results listed are a query's before the last (its parts are on their
    // way): said to assistive technology, and to tests, by `aria-busy`.
    let busy = Memo::new(move |_| {
        found
            .read()
            .as_ref()
            .is_some_and(|s| s.answer.is_ok() && s.words != words.get())
    });
    let slugs = Memo::new(move |_| match &*results.read() {
        Outcome::Found(docs, _) => docs.iter().map(|d| d.slug.clone()).collect(),
        _ => Vec::new(),
    });

    // What is shown changes with the kind of outcome; the list within it is
    // rebuilt when the results change.
    #[derive(Clone, Copy, PartialEq)]
    enum Kind {
        /// Waiting for the language's index (the first query of a visit).
        LoadingIndex,
        /// Waiting for the parts of the index and the results a query needs.
        LoadingResults,
        Failed,
        /// A part or result this index names is no longer on the host: the site
        /// was deployed again since the index was loaded.
        Gone,
        Empty,
        Listed,
    }
    let kind = Memo::new(move |_| match &*results.read() {
        Outcome::Loading if api::cached(&Request::Search(lang.get())).is_some() => {
            Kind::LoadingResults
        }
        Outcome::Loading => Kind::LoadingIndex,
        Outcome::Failed(ContentError::NotFound) => Kind::Gone,
        Outcome::Failed(_) => Kind::Failed,
        Outcome::Found(docs, _) if docs.is_empty() => Kind::Empty,
        Outcome::Found(..) => Kind::Listed,
    });
    // Whether the dropdown shows: it is rebuilt when this changes, not at every
    // keystroke (which sets the query, and `open` again), which would rebuild
    // every result.
    let shown = Memo::new(move |_| open.get() && !query.with(|q| q.trim().is_empty()));
    let dropdown = move || {
        if !shown.get() {
            return None;
        }
        let lang = lang.get();
        let t = strings(lang);
        let body = match kind.get() {
            Kind::LoadingIndex => {
                view! { <p class="search__note">{t.search_loading_index}</p> }.into_any()
            }
            Kind::LoadingResults => {
                view! { <p class="search__note">{t.search_loading_results}</p> }.into_any()
            }
            Kind::Gone => reload_alert(t, false).into_any(),
            Kind::Failed => {
                let error = move || match &*results.read() {
                    Outcome::Failed(error) => error_text(lang, error),
                    _ => String::new(),
                };
                view! {
                    <div role="alert">
                        <p class="search__note">{error}</p>
                        <button
                            type="button"
                            class="button search__retry"
                            on:mousedown=|ev| ev.prevent_default()
                            on:click=move |_| found.refetch()
                        >
                            {t.retry}
                        </button>
                    </div>
                }
                .into_any()
            }
            Kind::Empty => {
                let text = move || {
                    let q: String = query.with(|q| q.trim().chars().take(60).collect());
                    t.search_no_results.replace("{q}", &q)
                };
                view! { <p class="search__note">{text}</p> }.into_any()
            }
            Kind::Listed => {
                let count = move || t.search_results.format(lang, slugs.with(Vec::len) as u64);
                // Rebuilt when the results change: a few items, no state of their own.
                let listed = move || match &*results.read() {
                    Outcome::Found(docs, forms) => docs
                        .iter()
                        .enumerate()
                        .map(|(position, doc)| result_item(input, lang, position, doc, forms))
                        .collect_view()
                        .into_any(),
                    _ => ().into_any(),
                };
                view! {
                    <p class="visually-hidden" role="status">{count}</p>
                    <ul
                        id="search-results"
                        class="search__results"
                        role="listbox"
                        aria-label=t.search_label
                        aria-busy=move || busy.get().to_string()
                    >
                        {listed}
                    </ul>
                }
                .into_any()
            }
        };
        Some(view! { <div class="search__dropdown">{body}</div> })
    };
    Ok(Results {
        view: dropdown.into_any(),
        slugs: slugs.into(),
    })
}

/// One result: linked title and a snippet of its text with the matched words
/// marked.
fn result_item(
    input: SearchInput,
    lang: Lang,
    position: usize,
    doc: &SearchDoc,
    forms: &[String],
) -> impl IntoView {
    let SearchInput {
        query,
        open,
        selected,
        ..
    } = input;
    let snippet = search::result_snippet(doc, forms)
        .into_iter()
        .map(|(text, marked)| {
            if marked {
                view! { <mark>{text}</mark> }.into_any()
            } else {
                text.into_any()
            }
        })
        .collect_view();
    let title = doc.title.clone();
    view! {
        // The link itself is the option (an option must not contain a control);
        // focus stays in the field, which points at the selected option.
        <li role="none" class="search__result" on:mousemove=move |_| selected.set(position)>
            // Keeps focus in the field so the click lands before the list closes.
            <a
                id=format!("search-option-{position}")
                role="option"
                tabindex="-1"
                aria-selected=move || (selected.get() == position).to_string()
                href=routing::href(&Route::article(lang, &doc.slug))
                on:mousedown=|ev| ev.prevent_default()
                on:click=move |_| {
                    open.set(false);
                    query.set(String::new());
                }
            >
                <span class="search__title">{title}</span>
                <span class="search__snippet">{snippet}</span>
            </a>
        </li>
    }
}

/// A document on its way, shared by whoever waits for it.
type SharedDocument = Shared<LocalBoxFuture<'static, Result<Document, ContentError>>>;

/// The search's requests on their way, one per document: a keystroke while one
/// is on its way neither cancels nor repeats it (what arrived is then kept for
/// the visit by the data layer), and a failed one is forgotten, so the next
/// search asks again. They belong to the results panel, not to a run of its
/// resource, whose cleanup would abort them.
#[derive(Clone, Copy)]
struct Loads {
    requests: StoredValue<HashMap<Request, SharedDocument>, LocalStorage>,
    owner: StoredValue<Owner>,
}

impl Loads {
    /// The document `request` asks for, on its way from now on (whether or not
    /// anyone waits for it), or the one already on its way.
    fn start(self, request: Request) -> SharedDocument {
        if let Some(pending) = self.requests.with_value(|r| r.get(&request).cloned()) {
            return pending;
        }
        let load = api::load(request.clone());
        let shared = self
            .owner
            .get_value()
            .with(|| ScopedFuture::new_untracked(load))
            .boxed_local()
            .shared();
        self.requests.update_value(|r| {
            r.insert(request.clone(), shared.clone());
        });
        let (requests, done) = (self.requests, shared.clone());
        leptos::task::spawn_local(async move {
            let _ = done.await;
            requests.try_update_value(|r| r.remove(&request));
        });
        shared
    }
}

/// `/` anywhere outside a text field focuses the search field.
fn focus_on_slash(field: NodeRef<leptos::html::Input>) {
    #[cfg(target_arch = "wasm32")]
    {
        let handle = window_event_listener(leptos::ev::keydown, move |ev| {
            if ev.key() != "/" || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
                return;
            }
            let typing = document().active_element().is_some_and(|e| {
                matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                    || e.get_attribute("contenteditable").is_some()
            });
            if typing {
                return;
            }
            if let Some(field) = field.get_untracked() {
                ev.prevent_default();
                let _ = field.focus();
            }
        });
        on_cleanup(move || handle.remove());
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = field;
}
