//! Paths of the content documents, relative to the content root (`content/` in `dist/`).
//! The pipeline writes to these paths and the app requests them, from this one place.

use crate::{Lang, PageNumber};

/// Page `n` (from 1) of a language's article index.
pub fn index_page(lang: Lang, n: PageNumber) -> String {
    format!("{}/pages/{n}.json", lang.code())
}

/// The tags of a language.
pub fn tags(lang: Lang) -> String {
    format!("{}/tags.json", lang.code())
}

/// Page `n` (from 1) of the articles of a language with one tag.
pub fn tag(lang: Lang, slug: &str, n: PageNumber) -> String {
    format!("{}/tags/{slug}/{n}.json", lang.code())
}

/// The search index of a language.
pub fn search(lang: Lang) -> String {
    format!("{}/search.json", lang.code())
}

/// The plain text of one article (a JSON string), for search result
/// snippets: loaded per result, so a search never downloads every text.
pub fn search_text(lang: Lang, slug: &str) -> String {
    format!("{}/texts/{slug}.json", lang.code())
}

/// One article's document.
pub fn post(lang: Lang, slug: &str) -> String {
    format!("{}/posts/{slug}.json", lang.code())
}
