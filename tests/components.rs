//! Component tests in headless Chromium (`wasm-bindgen-test`): real DOM, real
//! events, real router. Run by scripts/test through wasm-bindgen-test-runner.
#![cfg(target_arch = "wasm32")]

use engineering_insights::api::ContentError;
use engineering_insights::components::{ErrorPanel, PostCard};
use engineering_insights::i18n::{Lang, Locale};
use engineering_insights::App;
use leptos::prelude::*;
use model::{PostMeta, Tag};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh element in the page to mount into.
fn container() -> web_sys::HtmlElement {
    let el: web_sys::HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&el).unwrap();
    el
}

fn find(root: &web_sys::Element, selector: &str) -> web_sys::HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector} in {}", root.inner_html()))
        .unchecked_into()
}

fn text(root: &web_sys::Element, selector: &str) -> String {
    find(root, selector)
        .text_content()
        .unwrap_or_default()
        .trim()
        .to_string()
}

/// The `lang` attribute of `<html>`.
fn html_lang() -> Option<String> {
    document().document_element()?.get_attribute("lang")
}

/// Lets the reactive system and pending futures run.
async fn settle() {
    for _ in 0..20 {
        leptos::task::tick().await;
    }
    // The app's header and footer are rendered in tasks of their own
    // (`takeover::later`).
    for _ in 0..2 {
        engineering_insights::dom::next_task().await;
        leptos::task::tick().await;
    }
}

fn sample() -> PostMeta {
    PostMeta {
        slug: "webhook-delivery-architecture".into(),
        title: "Webhook Delivery Architecture".into(),
        summary: "Retries, idempotency, signing.".into(),
        description: "Retries, idempotency, signing.".into(),
        date: "2026-07-24".into(),
        date_label: "24 июля 2026 г.".into(),
        tags: vec![
            Tag {
                slug: "apis".into(),
                name: "API".into(),
            },
            Tag {
                slug: "reliability".into(),
                name: "Надёжность".into(),
            },
        ],
        reading_minutes: 11,
        updated: None,
        updated_label: None,
        written_in: None,
        draft: false,
    }
}

#[wasm_bindgen_test]
async fn post_card_renders_a_linked_title_date_time_and_tags() {
    let el = container();
    let _mounted = leptos::mount::mount_to(el.clone(), || {
        provide_context(Locale::fixed(Lang::Ru));
        view! { <PostCard post=sample() lang=Lang::Ru /> }
    });
    settle().await;
    let link = find(&el, "h3 a");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("/ru/blog/webhook-delivery-architecture")
    );
    assert_eq!(text(&el, "time"), "24 июля 2026 г.");
    assert_eq!(
        find(&el, "time").get_attribute("datetime").as_deref(),
        Some("2026-07-24")
    );
    assert!(el.text_content().unwrap().contains("11 мин чтения"));
    assert_eq!(el.query_selector_all(".tag").unwrap().length(), 2);
}

#[wasm_bindgen_test]
async fn error_panel_explains_in_the_current_language_and_retries() {
    let el = container();
    let lang = RwSignal::new(Lang::En);
    let retries = RwSignal::new(0);
    let on_retry = Callback::new(move |_| retries.update(|n| *n += 1));
    let _mounted = leptos::mount::mount_to(
        el.clone(),
        move || move || view! { <ErrorPanel error=ContentError::Status(503) lang=lang.get() on_retry /> },
    );
    settle().await;
    assert_eq!(find(&el, "[role=alert]").tag_name(), "DIV");
    assert!(el.text_content().unwrap().contains("HTTP 503"));
    assert_eq!(text(&el, "button"), "Try again");
    find(&el, "button").click();
    settle().await;
    assert_eq!(retries.get_untracked(), 1);
    // Rendered again in the other language, the message follows.
    lang.set(Lang::Ru);
    settle().await;
    assert_eq!(text(&el, "button"), "Повторить");
    assert!(el
        .text_content()
        .unwrap()
        .contains("Сервер контента ответил ошибкой (HTTP 503)"));
}

#[wasm_bindgen_test]
async fn app_routes_unknown_urls_to_404_and_switches_language_client_side() {
    let history = web_sys::window().unwrap().history().unwrap();
    history
        .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("/en/no/such/page"))
        .unwrap();
    let el = container();
    let _mounted = leptos::mount::mount_to(el.clone(), App);
    settle().await;
    assert_eq!(text(&el, "main h1"), "Page not found");
    assert_eq!(html_lang().as_deref(), Some("en"));

    // The switcher offers the other language for the same path, and following it
    // is a client-side navigation.
    let link = find(&el, ".lang-switch a");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("/ru/no/such/page")
    );
    assert_eq!(link.get_attribute("hreflang").as_deref(), Some("ru"));
    link.click();
    settle().await;
    let location = web_sys::window().unwrap().location();
    assert_eq!(location.pathname().unwrap(), "/ru/no/such/page");
    assert_eq!(text(&el, "main h1"), "Страница не найдена");
    assert_eq!(html_lang().as_deref(), Some("ru"));
    assert_eq!(
        web_sys::window()
            .unwrap()
            .local_storage()
            .unwrap()
            .unwrap()
            .get_item("lang")
            .unwrap()
            .as_deref(),
        Some("ru"),
        "the choice is remembered"
    );

    // The 404 view's link leads home in the current language.
    find(&el, "main a.button").click();
    settle().await;
    assert_eq!(location.pathname().unwrap(), "/ru/");
    assert_eq!(text(&el, "main h1"), "Инженерные инсайты");
}
