//! The document head follows the view: `<title>`, `<html lang>` and every tag a
//! search engine or link preview reads (description, canonical URL, `hreflang`
//! alternates, Open Graph, Twitter card, JSON-LD, robots).
//!
//! One function, [`head_tags`] (in `tags`), decides the tags of a page. The prerenderer writes
//! them into each HTML file; in the browser [`PageHead`] replaces them after every
//! client-side navigation, so a crawler and a reader see the same head. Managed
//! tags carry a `data-h` attribute; nothing else in the head is touched.
//! The module `dom` writes them where they go.

mod dom;
mod tags;

#[cfg(target_arch = "wasm32")]
pub use dom::mark_shown;
#[cfg(not(target_arch = "wasm32"))]
pub use dom::take_rendered;
pub use dom::{set_lang, set_untranslated, untranslated};
pub use tags::{head_tags, HeadTag};

use crate::i18n::{strings, Lang};
use leptos::prelude::*;
use model::{PostMeta, Route};

/// What a page says about itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Head {
    /// Language of the page.
    pub lang: Lang,
    /// The page's own title; the document title appends the site name.
    pub title: String,
    /// Text for the description tags.
    pub description: String,
    /// The page, which decides its URL and alternates.
    pub route: Route,
    /// The article's metadata, on an article's page (its structured data).
    pub article: Option<Box<PostMeta>>,
    /// The languages the page exists in: all but for an article not yet
    /// translated. Only these are named as alternates.
    pub languages: Vec<Lang>,
}

impl Head {
    /// The full document title: `"{title} — {site}"`, or the site name alone.
    pub fn document_title(&self) -> String {
        document_title(self.lang, &self.title)
    }

    /// The page search engines should index for this one, if any (a 404 page
    /// has none): the page itself, or for an article shown untranslated, the
    /// original it shows.
    pub fn canonical(&self) -> Option<Route> {
        if !self.route.is_indexable() {
            return None;
        }
        Some(match self.article.as_ref().and_then(|a| a.written_in) {
            Some(original) => self.route.in_lang(original),
            None => self.route.clone(),
        })
    }
}

/// The title of the page a client-side navigation has just shown, for the
/// shell to announce and to move focus to its heading; provided by the shell,
/// set when a page sets its head (never for the page the reader opened).
#[derive(Clone, Copy)]
pub struct Announcement(pub RwSignal<String>);

/// The full document title of a page: `"{title} — {site}"`, or the site name alone.
pub fn document_title(lang: Lang, title: &str) -> String {
    let site = strings(lang).site_name;
    if title == site {
        site.to_string()
    } else {
        format!("{title} — {site}")
    }
}

/// Sets the head for the page being rendered. Render it once per page view.
#[component]
pub fn PageHead(
    /// Language of the page.
    lang: Lang,
    /// The page's own title (the site name is appended in `<title>`).
    title: String,
    /// Text for the description tags.
    #[prop(optional, into)]
    description: String,
    /// The page.
    route: Route,
    /// The article's metadata, on an article's page.
    #[prop(optional)]
    article: Option<Box<PostMeta>>,
    /// The languages the page exists in, if not all (an article not yet
    /// translated).
    #[prop(optional)]
    languages: Option<Vec<Lang>>,
) -> impl IntoView {
    dom::apply(Head {
        lang,
        title,
        description,
        route,
        article,
        languages: languages.unwrap_or_else(|| Lang::ALL.to_vec()),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_carry_the_site_name_once() {
        assert_eq!(
            document_title(Lang::En, "Engineering Insights"),
            "Engineering Insights"
        );
        assert_eq!(
            document_title(Lang::Ru, "Страница не найдена"),
            "Страница не найдена — Инженерные инсайты"
        );
        assert_eq!(
            document_title(Lang::En, "Webhooks"),
            "Webhooks — Engineering Insights"
        );
    }
}
