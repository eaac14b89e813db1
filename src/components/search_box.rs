use crate::api::{self, Document, Request};
use crate::i18n::{strings, use_lang, Lang};
use crate::routing;
use crate::search::{self, Hit, Segment};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use model::SearchIndex;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// Article texts for snippets, by language and slug, as they arrive.
type Texts = RwSignal<HashMap<(Lang, String), Rc<String>>, LocalStorage>;

/// Id of the query field, for the `/` shortcut.
const INPUT_ID: &str = "search-input";

/// What the field and its results share. The field and its keys live in the
/// main module; the results (index, matching, snippets, the list) are a chunk
/// loaded on first use ([`results_panel`]), and report back through `found`.
#[derive(Clone, Copy)]
struct SearchState {
    lang: Memo<Lang>,
    query: RwSignal<String>,
    open: RwSignal<bool>,
    selected: RwSignal<usize>,
    /// The slugs of the results listed; `None` until the index has arrived.
    found: RwSignal<Option<Vec<String>>>,
}

impl SearchState {
    fn hit_count(self) -> usize {
        self.found.with(|f| f.as_ref().map_or(0, Vec::len))
    }
}

/// The search field in the header: results as you type, with snippets; arrows move
/// through them, Enter opens one, Esc closes, `/` focuses the field from anywhere.
/// The code of the results, the index of the current language and each shown
/// article's text (for its snippet) are all downloaded on first use only.
#[component]
pub fn SearchBox() -> impl IntoView {
    let lang = use_lang();
    let state = SearchState {
        lang,
        query: RwSignal::new(String::new()),
        open: RwSignal::new(false),
        selected: RwSignal::new(0usize),
        found: RwSignal::new(None),
    };
    let SearchState {
        query,
        open,
        selected,
        found,
        ..
    } = state;
    let wanted = RwSignal::new(false);

    let navigate = use_navigate();
    let open_hit = move |position: usize| {
        let slug = found.with_untracked(|f| f.as_ref()?.get(position).cloned());
        if let Some(slug) = slug {
            open.set(false);
            query.set(String::new());
            navigate(
                &routing::post(lang.get_untracked(), &slug),
                Default::default(),
            );
        }
    };

    let on_keydown = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "ArrowDown" => {
            ev.prevent_default();
            open.set(true);
            let n = state.hit_count();
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
            } else {
                blur_input();
            }
        }
        _ => {}
    };

    focus_on_slash();

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
            match load_results_panel(state).await {
                Ok(panel) => panel,
                Err(_) => {
                    failed.set(true);
                    unavailable(state).into_any()
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
                type="search"
                class="search__input"
                placeholder=move || t().search_placeholder
                aria-label=move || t().search_label
                role="combobox"
                aria-autocomplete="list"
                aria-controls="search-results"
                aria-expanded=move || (open.get() && state.hit_count() > 0).to_string()
                aria-activedescendant=move || (open.get() && state.hit_count() > 0).then(|| format!("search-option-{}", selected.get()))
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

/// Why the results code could not be loaded (split builds fetch it; others
/// always have it).
#[cfg(feature = "split")]
type ChunkError = leptos::wasm_split::SplitLoaderError;
#[cfg(not(feature = "split"))]
type ChunkError = std::convert::Infallible;

/// [`results_panel`], from its chunk in split builds (fetched on the first call;
/// a failed fetch is an error, and the next call fetches again).
async fn load_results_panel(state: SearchState) -> Result<AnyView, ChunkError> {
    #[cfg(feature = "split")]
    return results_panel(state).await;
    #[cfg(not(feature = "split"))]
    return results_panel(state);
}

/// In place of the results when their code could not be fetched.
fn unavailable(state: SearchState) -> impl IntoView {
    let SearchState {
        lang, query, open, ..
    } = state;
    move || {
        (open.get() && !query.with(|q| q.trim().is_empty())).then(|| {
            view! {
                <div class="search__dropdown">
                    <p class="search__note" role="alert">{strings(lang.get()).error_network}</p>
                </div>
            }
        })
    }
}

/// The results under the field: loads the index (again on a language switch) and
/// the texts of the results shown, matches the query and lists the hits. A chunk
/// of its own in release builds (`split`): `wasm_split` (what `leptos::lazy`
/// uses) with `fallible`, so a chunk that cannot be fetched is an error to show,
/// not a panic.
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        search_results,
        wasm_split_path = ::leptos::wasm_split,
        fallible
    )
)]
fn results_panel(state: SearchState) -> Result<AnyView, ChunkError> {
    let SearchState {
        lang,
        query,
        open,
        selected,
        found,
    } = state;
    let index: RwSignal<Option<Rc<SearchIndex>>, LocalStorage> = RwSignal::new_local(None);
    let texts: Texts = RwSignal::new_local(HashMap::new());

    Effect::new(move || {
        let lang = lang.get();
        index.set(None);
        leptos::task::spawn_local(async move {
            if let Ok(found) = api::load(Request::Search(lang))
                .await
                .and_then(Document::into_search)
            {
                index.set(Some(found));
            }
        });
    });

    let results = Memo::new(move |_| {
        let q = query.get();
        index.with(|i| i.as_ref().map(|i| search::search(i, &q)))
    });

    // What the field's keys need: the slugs of the results, in order.
    Effect::new(move || {
        let slugs = results.with(|r| {
            let (hits, _) = r.as_ref()?;
            index.with_untracked(|i| {
                let i = i.as_ref()?;
                Some(
                    hits.iter()
                        .map(|hit| i.docs[hit.doc].slug.clone())
                        .collect(),
                )
            })
        });
        found.set(slugs);
    });

    // The texts of the results shown, each requested once; until one arrives
    // (or while it cannot), the snippet comes from the summary. A text that
    // failed to arrive is asked for again the next time the results change.
    let requested: Rc<RefCell<HashSet<(Lang, String)>>> = Rc::default();
    Effect::new(move || {
        let wanted: Vec<(Lang, String)> = results.with(|r| {
            let Some((hits, _)) = r else {
                return Vec::new();
            };
            index.with_untracked(|i| {
                let Some(i) = i else { return Vec::new() };
                hits.iter()
                    .map(|hit| (i.lang, i.docs[hit.doc].slug.clone()))
                    .collect()
            })
        });
        for key in wanted {
            if !requested.borrow_mut().insert(key.clone()) {
                continue;
            }
            let requested = Rc::clone(&requested);
            leptos::task::spawn_local(async move {
                let request = Request::SearchText(key.0, key.1.clone());
                match api::load(request)
                    .await
                    .and_then(Document::into_search_text)
                {
                    Ok(text) => texts.update(|t| {
                        t.insert(key, text);
                    }),
                    Err(_) => {
                        requested.borrow_mut().remove(&key);
                    }
                }
            });
        }
    });

    let dropdown = move || {
        if !open.get() || query.with(|q| q.trim().is_empty()) {
            return None;
        }
        let lang = lang.get();
        let t = strings(lang);
        let body = match results.get() {
            None => view! { <p class="search__note">{t.search_loading}</p> }.into_any(),
            Some((hits, _)) if hits.is_empty() => {
                let text = t.search_no_results.replace("{q}", query.get().trim());
                view! { <p class="search__note">{text}</p> }.into_any()
            }
            Some((hits, forms)) => {
                let count = t.search_results.format(lang, hits.len() as u64);
                let items = hits
                    .into_iter()
                    .enumerate()
                    .map(|(position, hit)| {
                        result_item(
                            lang, position, &hit, &forms, index, texts, selected, open, query,
                        )
                    })
                    .collect_view();
                view! {
                    <p class="visually-hidden" role="status">{count}</p>
                    <ul id="search-results" class="search__results" role="listbox" aria-label=t.search_label>
                        {items}
                    </ul>
                }
                .into_any()
            }
        };
        Some(view! { <div class="search__dropdown">{body}</div> })
    };
    Ok(dropdown.into_any())
}

/// One result: linked title and a snippet with the matched words marked.
#[allow(clippy::too_many_arguments)]
fn result_item(
    lang: Lang,
    position: usize,
    hit: &Hit,
    forms: &[String],
    index: RwSignal<Option<Rc<SearchIndex>>, LocalStorage>,
    texts: Texts,
    selected: RwSignal<usize>,
    open: RwSignal<bool>,
    query: RwSignal<String>,
) -> impl IntoView {
    let (slug, title, summary) = index.with_untracked(|i| {
        let doc = &i.as_ref().expect("results come from a loaded index").docs[hit.doc];
        (doc.slug.clone(), doc.title.clone(), doc.summary.clone())
    });
    let key = (lang, slug.clone());
    // Changes when this result's own text arrives, not with every other's.
    let arrived = Memo::new({
        let key = key.clone();
        move |_| texts.with(|t| t.contains_key(&key))
    });
    let forms = forms.to_vec();
    let snippet = move || {
        arrived.track();
        let segments: Vec<Segment> = texts.with_untracked(|t| match t.get(&key) {
            Some(text) => search::snippet(text, &forms),
            None => search::snippet(&summary, &forms),
        });
        segments
            .into_iter()
            .map(|(text, marked)| {
                if marked {
                    view! { <mark>{text}</mark> }.into_any()
                } else {
                    text.into_any()
                }
            })
            .collect_view()
    };
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
                href=routing::post(lang, &slug)
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

/// `/` anywhere outside a text field focuses the search field.
fn focus_on_slash() {
    #[cfg(target_arch = "wasm32")]
    {
        let handle = window_event_listener(leptos::ev::keydown, |ev| {
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
            if let Some(input) = crate::dom::html_element(INPUT_ID) {
                ev.prevent_default();
                let _ = input.focus();
            }
        });
        on_cleanup(move || handle.remove());
    }
}

/// Takes focus out of the search field (Esc on an empty or closed list).
fn blur_input() {
    #[cfg(target_arch = "wasm32")]
    if let Some(input) = crate::dom::html_element(INPUT_ID) {
        let _ = input.blur();
    }
}
