//! Checks across files, run once every article is loaded: files named after
//! their slugs, slugs unique per language, translations present and agreeing, internal links resolving, and
//! links to newer articles only in update notes.

use super::tree::{Article, TagNames};
use crate::dates;
use crate::error::{ContentError, ErrorKind};
use crate::updates;
use model::{Lang, Route};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// An article's file is named after its slug (`<slug>.md`), as in Zola: the slug
/// is its URL, and the translation of `en/x.md` is found at `ru/x.md`, also when
/// that file fails to load and only its name is known.
pub(super) fn check_file_names(list: &[Article], errors: &mut Vec<ContentError>) {
    for a in list {
        let stem = a.path.file_stem().unwrap_or_default().to_string_lossy();
        if stem != a.front.slug {
            errors.push(ContentError::new(
                &a.path,
                a.front.slug_line,
                ErrorKind::SlugFileName {
                    slug: a.front.slug.clone(),
                    file: a
                        .path
                        .file_name()
                        .unwrap_or_default()
                        .to_string_lossy()
                        .to_string(),
                },
            ));
        }
    }
}

pub(super) fn check_duplicates(list: &[Article], errors: &mut Vec<ContentError>) {
    let mut seen: BTreeMap<&str, &Article> = BTreeMap::new();
    for a in list {
        if let Some(first) = seen.insert(&a.front.slug, a) {
            errors.push(ContentError::new(
                &a.path,
                a.front.slug_line,
                ErrorKind::DuplicateSlug {
                    slug: a.front.slug.clone(),
                    other: first.path.display().to_string(),
                },
            ));
        }
    }
}

pub(super) fn check_translations(
    root: &Path,
    articles: &BTreeMap<Lang, Vec<Article>>,
    failed: &BTreeSet<(Lang, String)>,
    errors: &mut Vec<ContentError>,
) {
    for (&lang, list) in articles {
        let other = lang.other();
        for a in list {
            let Some(twin) = articles[&other]
                .iter()
                .find(|b| b.front.slug == a.front.slug)
            else {
                if failed.contains(&(other, a.front.slug.clone())) {
                    continue;
                }
                errors.push(ContentError::new(
                    &a.path,
                    a.front.slug_line,
                    ErrorKind::MissingTranslation {
                        slug: a.front.slug.clone(),
                        missing: other.code(),
                        expected: root
                            .join(other.code())
                            .join(format!("{}.md", a.front.slug))
                            .display()
                            .to_string(),
                    },
                ));
                continue;
            };
            // Report a mismatch once, on the English side.
            if lang != Lang::En {
                continue;
            }
            let mismatch = |field, line, theirs: String| {
                ContentError::new(
                    &a.path,
                    line,
                    ErrorKind::TranslationMismatch {
                        field,
                        other: other.code(),
                        theirs,
                    },
                )
            };
            if a.front.date != twin.front.date {
                errors.push(mismatch("date", 1, twin.front.date.clone()));
            }
            if a.front.tags != twin.front.tags {
                errors.push(mismatch(
                    "tags",
                    a.front.tags_line,
                    twin.front.tags.join(", "),
                ));
            }
            if a.body.code_languages != twin.body.code_languages {
                errors.push(mismatch(
                    "code blocks",
                    1,
                    twin.body.code_languages.join(", "),
                ));
            }
        }
    }
}

/// Root-relative links must point at a page of this site in the same language.
pub(super) fn check_links(
    articles: &BTreeMap<Lang, Vec<Article>>,
    vocabulary: &BTreeMap<String, TagNames>,
    failed: &BTreeSet<(Lang, String)>,
    errors: &mut Vec<ContentError>,
) {
    for (&lang, list) in articles {
        for a in list {
            for (line, url) in &a.body.internal_links {
                let path = url.split(['#', '?']).next().unwrap_or_default();
                let ok = match Route::parse(path) {
                    Some(Route::Home { lang: l, page }) => l == lang && page.is_first(),
                    Some(Route::Tags { lang: l }) => l == lang,
                    Some(Route::Article { lang: l, slug }) => {
                        l == lang
                            && (list.iter().any(|b| b.front.slug == slug)
                                || failed.contains(&(lang, slug)))
                    }
                    Some(Route::Tag { lang: l, tag, page }) => {
                        l == lang && page.is_first() && vocabulary.contains_key(&tag)
                    }
                    _ => false,
                };
                if !ok {
                    errors.push(ContentError::new(
                        &a.path,
                        a.body_line + line,
                        ErrorKind::BrokenLink(url.clone()),
                    ));
                }
            }
        }
    }
}

/// A link to an article published after this one must sit in an update note dated
/// no earlier than that article (see `updates`): on the day it was published, this
/// article could not have linked to it.
pub(super) fn check_chronology(
    articles: &BTreeMap<Lang, Vec<Article>>,
    errors: &mut Vec<ContentError>,
) {
    for (&lang, list) in articles {
        for a in list {
            for (line, url) in &a.body.internal_links {
                let path = url.split(['#', '?']).next().unwrap_or_default();
                let Some(Route::Article { lang: l, slug }) = Route::parse(path) else {
                    continue;
                };
                if l != lang {
                    continue;
                }
                let Some(target) = list.iter().find(|b| b.front.slug == slug) else {
                    continue;
                };
                if target.front.date <= a.front.date {
                    continue;
                }
                let line = a.body_line + line;
                let published = dates::year_month(&target.front.date);
                let noted = a.update_notes.get(&line);
                if noted.is_none_or(|note| Some(*note) < published) {
                    errors.push(ContentError::new(
                        &a.path,
                        line,
                        ErrorKind::LinkToNewer {
                            slug: slug.clone(),
                            published: target.front.date.clone(),
                            marker: updates::marker(lang),
                        },
                    ));
                }
            }
        }
    }
}
