//! The UI strings the pipeline writes into what it generates (feed titles, heading
//! anchors' names, copy buttons), taken from `locales/*.json`: the files the app's
//! own strings come from, so the two never differ. The files are compiled in, so
//! the pipeline needs no path to them at run time.

use crate::error::{ContentError, ErrorKind};
use model::Lang;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

/// Each language's locale file, as its path from the workspace root and its text.
const FILES: [(Lang, &str, &str); 2] = [
    (
        Lang::En,
        "locales/en.json",
        include_str!("../../locales/en.json"),
    ),
    (
        Lang::Ru,
        "locales/ru.json",
        include_str!("../../locales/ru.json"),
    ),
];

/// Text the pipeline puts into the markup and feeds it generates, in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Labels {
    /// The site's name: the feed's title (`site_name`).
    pub site_name: String,
    /// One sentence on what the site is: the feed's description (`tagline`).
    pub tagline: String,
    /// Accessible name of a heading's anchor link (`section_link`).
    pub section_link: String,
    /// Text of a code block's copy button (`copy_code`).
    pub copy_code: String,
    /// The word before a figure's number in its caption (`figure`).
    pub figure: String,
}

/// The labels of one locale file's strings; a missing key is an error naming it.
fn labels(path: &Path, strings: &BTreeMap<String, String>) -> Result<Labels, ContentError> {
    let get = |key: &'static str| {
        strings
            .get(key)
            .cloned()
            .ok_or_else(|| ContentError::new(path, 1, ErrorKind::LocaleKey(key)))
    };
    Ok(Labels {
        site_name: get("site_name")?,
        tagline: get("tagline")?,
        section_link: get("section_link")?,
        copy_code: get("copy_code")?,
        figure: get("figure")?,
    })
}

/// One language's locale file, parsed.
struct Locale {
    /// Its path from the workspace root, for errors.
    path: &'static Path,
    /// Its strings by key.
    strings: BTreeMap<String, String>,
}

/// Every language's locale file, from the compiled-in copies.
fn locales() -> Result<BTreeMap<Lang, Locale>, ContentError> {
    FILES
        .iter()
        .map(|&(lang, path, source)| {
            let path = Path::new(path);
            let strings = model::locales::parse(path, source)
                .map_err(|e| ContentError::new(path, 1, ErrorKind::Locale(e.message)))?;
            Ok((lang, Locale { path, strings }))
        })
        .collect()
}

/// Every language's labels.
fn load() -> Result<BTreeMap<Lang, Labels>, ContentError> {
    locales()?
        .into_iter()
        .map(|(lang, l)| Ok((lang, labels(l.path, &l.strings)?)))
        .collect()
}

static LABELS: OnceLock<Result<BTreeMap<Lang, Labels>, ContentError>> = OnceLock::new();

/// Checks the locale files: every label the pipeline needs is there, and every
/// `{name}` placeholder of a string is in the same key of the other languages.
/// [`crate::load`] runs it first, so a broken locale file is reported like any
/// other content error rather than found by [`Labels::of`].
pub fn check() -> Vec<ContentError> {
    let mut errors: Vec<ContentError> =
        LABELS.get_or_init(load).clone().err().into_iter().collect();
    if let Ok(locales) = locales() {
        errors.extend(placeholder_errors(&locales));
    }
    errors
}

/// Every placeholder mismatch between the first language's file and the others.
fn placeholder_errors(locales: &BTreeMap<Lang, Locale>) -> Vec<ContentError> {
    let mut files = locales.values();
    let Some(first) = files.next() else {
        return Vec::new();
    };
    files
        .flat_map(|other| {
            model::locales::placeholder_mismatches(
                (first.path, &first.strings),
                (other.path, &other.strings),
            )
        })
        .map(|m| {
            ContentError::new(
                &m.path,
                1,
                ErrorKind::LocalePlaceholder {
                    key: m.key,
                    placeholder: m.placeholder,
                    other: m.other.display().to_string(),
                },
            )
        })
        .collect()
}

impl Labels {
    /// The labels of `lang`.
    ///
    /// # Panics
    ///
    /// If the compiled-in locale files lack a label; [`check`] reports that as an
    /// error instead, and the tests run it.
    pub fn of(lang: Lang) -> &'static Labels {
        match LABELS.get_or_init(load) {
            Ok(labels) => &labels[&lang],
            Err(e) => panic!("{e}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_in_locales_give_every_label() {
        assert_eq!(check(), []);
        assert_eq!(Labels::of(Lang::En).copy_code, "Copy");
        assert_eq!(Labels::of(Lang::Ru).site_name, "Инженерные инсайты");
    }

    #[test]
    fn a_placeholder_mismatch_is_an_error_naming_file_key_and_placeholder() {
        let locale = |path, pairs: &[(&str, &str)]| Locale {
            path: Path::new(path),
            strings: pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        };
        let locales = BTreeMap::from([
            (
                Lang::En,
                locale("locales/en.json", &[("page_of", "Page {page} of {pages}")]),
            ),
            (
                Lang::Ru,
                locale("locales/ru.json", &[("page_of", "Страница {page}")]),
            ),
        ]);
        let errors: Vec<String> = placeholder_errors(&locales)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            errors,
            ["locales/ru.json:1: `page_of` lacks the placeholder {pages}, which locales/en.json has"]
        );
    }

    #[test]
    fn a_missing_label_names_the_file_and_key() {
        let strings = BTreeMap::from([("site_name".to_string(), "x".to_string())]);
        let err = labels(Path::new("locales/xx.json"), &strings).unwrap_err();
        assert_eq!(
            err.to_string(),
            "locales/xx.json:1: no key `tagline`, which the pipeline writes into its output"
        );
    }
}
