//! Paths of the content documents, relative to the content root (`content/` in `dist/`).
//! The pipeline writes to these paths and the app requests them, from this one place.

use crate::{Lang, PageNumber};

/// Page `n` (from 1) of a language's article index.
pub fn index_page(lang: Lang, n: PageNumber) -> String {
    format!("{}/pages/{n}.json", lang.code())
}

/// Page `n` (from 1) of the tag list of a language (beside the tags' own
/// folders: no tag is called `page`, see [`crate::RESERVED_TAG`]).
pub fn tags(lang: Lang, n: PageNumber) -> String {
    format!("{}/tags/page/{n}.json", lang.code())
}

/// Page `n` (from 1) of the articles of a language with one tag.
pub fn tag(lang: Lang, slug: &str, n: PageNumber) -> String {
    format!("{}/tags/{slug}/{n}.json", lang.code())
}

/// The search index of a language: where its parts and results are (see
/// [`crate::SearchIndex`]).
pub fn search(lang: Lang) -> String {
    format!("{}/search.json", lang.code())
}

/// Part `n` of a language's search index of one parts `version`.
pub fn search_part(lang: Lang, version: &str, n: u32) -> String {
    format!("{}/search/{version}/{n}.json", lang.code())
}

/// Result `n` of a language's search index of one `version`: the article's
/// title, summary and text, loaded for the results shown only.
pub fn search_doc(lang: Lang, version: &str, n: u32) -> String {
    format!("{}/search/{version}/{n}.json", lang.code())
}

/// One article's document.
pub fn post(lang: Lang, slug: &str) -> String {
    format!("{}/posts/{slug}.json", lang.code())
}
