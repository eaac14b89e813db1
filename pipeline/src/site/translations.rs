//! Which translations are behind their originals.
//!
//! A translation records in `translated_from` the [`crate::digest`] of the
//! original's body it was made from; the original is the version without that
//! key. When the original's body changes, its digest changes and the translation
//! is out of date until it is brought up to date and records the new digest.
//! Where both versions, or neither, carry the key, neither is taken for the
//! original and the pair counts as current.

use super::tree::{Article, Site};
use crate::dates;
use model::{Lang, Outdated};
use std::fmt;
use std::path::PathBuf;

/// Where one article's translation stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TranslationState {
    /// Written in every language, and no translation lags behind its original.
    Current,
    /// The original's body changed after the translation was made.
    OutOfDate {
        /// The original's file.
        original: PathBuf,
        /// The translation's file.
        translation: PathBuf,
        /// When the original changed: its `updated` date, else its `date`.
        since: String,
        /// The original's digest now, which the translation should record.
        digest: String,
    },
    /// No version in this language.
    Missing(Lang),
}

impl fmt::Display for TranslationState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TranslationState::Current => f.write_str("current"),
            TranslationState::OutOfDate { since, digest, .. } => {
                write!(
                    f,
                    "out of date since {since} (record translated_from = \"{digest}\")"
                )
            }
            TranslationState::Missing(lang) => write!(f, "missing ({})", lang.code()),
        }
    }
}

/// One article and where its translation stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Translation {
    /// The article's slug.
    pub slug: String,
    /// Its state.
    pub state: TranslationState,
}

/// The original and the translation of a pair, where one is marked as such.
fn original_of<'a>(a: &'a Article, b: &'a Article) -> Option<(&'a Article, &'a Article)> {
    match (&a.front.translated_from, &b.front.translated_from) {
        (None, Some(_)) => Some((a, b)),
        (Some(_), None) => Some((b, a)),
        _ => None,
    }
}

impl Site {
    /// The other language's version of `a`, if there is one.
    fn twin(&self, a: &Article) -> Option<&Article> {
        Lang::ALL
            .into_iter()
            .filter(|l| *l != a.lang)
            .find_map(|l| self.version(l, &a.front.slug))
    }

    /// The original `a` translates, if `a` is a translation that lags behind it.
    fn behind<'a>(&'a self, a: &'a Article) -> Option<&'a Article> {
        let (original, translation) = original_of(a, self.twin(a)?)?;
        (std::ptr::eq(translation, a)
            && translation.front.translated_from.as_deref() != Some(original.digest.as_str()))
        .then_some(original)
    }

    /// [`model::Post::outdated`] of the version `a`, dated in its language.
    pub(super) fn outdated(&self, a: &Article) -> Option<Outdated> {
        let original = self.behind(a)?;
        let since = original.front.lastmod().to_string();
        Some(Outdated {
            original: original.lang,
            since_label: dates::label(a.lang, &since).unwrap_or_else(|| since.clone()),
            since,
        })
    }

    /// Every article, by slug, with where its translation stands.
    pub fn translations(&self) -> Vec<Translation> {
        let mut slugs: Vec<&str> = self
            .articles
            .values()
            .flatten()
            .map(|a| a.front.slug.as_str())
            .collect();
        slugs.sort_unstable();
        slugs.dedup();
        slugs
            .into_iter()
            .map(|slug| {
                let versions: Vec<&Article> = Lang::ALL
                    .into_iter()
                    .filter_map(|l| self.version(l, slug))
                    .collect();
                let state = if let Some(lang) = Lang::ALL
                    .into_iter()
                    .find(|l| versions.iter().all(|a| a.lang != *l))
                {
                    TranslationState::Missing(lang)
                } else {
                    versions
                        .iter()
                        .find_map(|a| {
                            let original = self.behind(a)?;
                            Some(TranslationState::OutOfDate {
                                original: original.path.clone(),
                                translation: a.path.clone(),
                                since: original.front.lastmod().to_string(),
                                digest: original.digest.clone(),
                            })
                        })
                        .unwrap_or(TranslationState::Current)
                };
                Translation {
                    slug: slug.to_string(),
                    state,
                }
            })
            .collect()
    }

    /// One warning per out-of-date translation, naming both files, for the
    /// build to print: an out-of-date translation never stops it.
    pub fn translation_warnings(&self) -> Vec<String> {
        self.translations()
            .into_iter()
            .filter_map(|t| match t.state {
                TranslationState::OutOfDate {
                    original,
                    translation,
                    since,
                    digest,
                } => Some(format!(
                    "warning: {} is out of date: {} changed (since {since}); update the \
                     translation and set translated_from = \"{digest}\"",
                    translation.display(),
                    original.display()
                )),
                _ => None,
            })
            .collect()
    }
}
