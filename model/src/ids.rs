//! Element ids the app's own markup uses.

/// Element ids the app itself renders (the shell, headers, forms, search). Ids the
/// pipeline gives headings and footnotes in article HTML must never be one of
/// these, or the app would find (and overwrite) the article's element instead of
/// its own: see [`is_app_id`].
pub const APP_ELEMENT_IDS: &[&str] = &[
    "main",
    "route-announcer",
    "page-title",
    "toc-title",
    "related-title",
    "latest-title",
    "cta-title",
    "subscribe-email",
    "subscribe-message",
    "search-input",
    "search-results",
];

/// Prefixes of element ids the app numbers (`search-option-0`, …).
pub const APP_ELEMENT_ID_PREFIXES: &[&str] = &["search-option-"];

/// Whether `id` is, or could be, an element id of the app's own markup.
pub fn is_app_id(id: &str) -> bool {
    APP_ELEMENT_IDS.contains(&id) || APP_ELEMENT_ID_PREFIXES.iter().any(|p| id.starts_with(p))
}
