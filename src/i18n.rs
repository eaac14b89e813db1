//! UI strings and the app-wide language context.
//!
//! Strings live in `locales/{en,ru}.json` and are compiled into typed constants by
//! `build.rs`; the end-to-end tests read the same files.

use leptos::prelude::*;
pub use model::Lang;
use model::PageNumber;

include!(concat!(env!("OUT_DIR"), "/strings.rs"));

/// The CLDR plural forms of one message; `{n}` in a form is replaced by the count.
#[derive(Debug, Clone, Copy)]
pub struct Plural {
    /// Form for "one" (1, 21, 31 … in Russian; only 1 in English).
    pub one: &'static str,
    /// Form for "few" (2–4, 22–24 … in Russian).
    pub few: &'static str,
    /// Form for "many" (0, 5–20, 25–30 … in Russian).
    pub many: &'static str,
    /// Form for everything else (fractions; English plural).
    pub other: &'static str,
}

/// The CLDR plural category of a whole number `n` in `lang`.
pub fn plural_category(lang: Lang, n: u64) -> &'static str {
    match lang {
        Lang::En if n == 1 => "one",
        Lang::En => "other",
        Lang::Ru => match (n % 10, n % 100) {
            (1, r) if r != 11 => "one",
            (2..=4, r) if !(12..=14).contains(&r) => "few",
            _ => "many",
        },
    }
}

impl Plural {
    /// The form for `n` in `lang`, with `{n}` filled in.
    pub fn format(&self, lang: Lang, n: u64) -> String {
        let form = match plural_category(lang, n) {
            "one" => self.one,
            "few" => self.few,
            "many" => self.many,
            _ => self.other,
        };
        fill(form, n)
    }
}

/// Replaces `{n}` in `template` with `n`.
pub fn fill(template: &str, n: impl std::fmt::Display) -> String {
    template.replace("{n}", &n.to_string())
}

/// "Page 2 of 3" in `lang`: where a page of the index stands.
pub fn page_of(lang: Lang, page: PageNumber, pages: PageNumber) -> String {
    strings(lang)
        .page_of
        .replace("{page}", &page.to_string())
        .replace("{pages}", &pages.to_string())
}

/// A paged list's title on page `page` of `pages`: `title` on the first page,
/// `title — Page 2 of 3` on a later one.
pub fn paged_title(lang: Lang, title: String, page: PageNumber, pages: PageNumber) -> String {
    if page.is_first() {
        title
    } else {
        format!("{title} — {}", page_of(lang, page, pages))
    }
}

/// The strings of `lang`.
pub const fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::En => &EN,
        Lang::Ru => &RU,
    }
}

/// App-wide language state, derived from the URL.
#[derive(Clone, Copy)]
pub struct Locale {
    /// The language to speak: the route's, or the reader's preferred language on
    /// routes that have none, such as an unknown URL.
    pub lang: Memo<Lang>,
}

impl Locale {
    /// A fixed language, for rendering a component on its own.
    pub fn fixed(lang: Lang) -> Self {
        Locale {
            lang: Memo::new(move |_| lang),
        }
    }
}

/// The current language; panics only if called outside the app shell, a programming error.
pub fn use_lang() -> Memo<Lang> {
    expect_context::<Locale>().lang
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_plural_categories() {
        for (n, want) in [
            (0, "many"),
            (1, "one"),
            (2, "few"),
            (4, "few"),
            (5, "many"),
            (11, "many"),
            (12, "many"),
            (14, "many"),
            (20, "many"),
            (21, "one"),
            (22, "few"),
            (111, "many"),
            (101, "one"),
        ] {
            assert_eq!(plural_category(Lang::Ru, n), want, "{n}");
        }
    }

    #[test]
    fn plural_messages() {
        assert_eq!(RU.articles_count.format(Lang::Ru, 20), "20 статей");
        assert_eq!(RU.articles_count.format(Lang::Ru, 21), "21 статья");
        assert_eq!(RU.articles_count.format(Lang::Ru, 3), "3 статьи");
        assert_eq!(EN.articles_count.format(Lang::En, 1), "1 article");
        assert_eq!(EN.articles_count.format(Lang::En, 20), "20 articles");
        let n = |n| PageNumber::new(n).unwrap();
        assert_eq!(page_of(Lang::Ru, n(2), n(3)), "Страница 2 из 3");
    }

    #[test]
    fn seed_strings_are_exact() {
        assert_eq!(RU.site_name, "Инженерные инсайты");
        assert_eq!(
            RU.tagline,
            "Глубокие разборы AI-систем, облачной архитектуры, распределённых систем и инженерного лидерства."
        );
        assert_eq!(RU.cta_title, "Оставайтесь впереди");
    }
}
