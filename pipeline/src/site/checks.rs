//! Checks across files, run once every article is loaded: files named after
//! their slugs, slugs unique per language, translations agreeing where both
//! exist, internal links resolving in the reader's language, and
//! links to newer articles only in update notes.

use super::tree::{Article, TagNames};
use crate::dates;
use crate::error::{ContentError, ErrorKind};
use crate::updates;
use model::{Lang, Route};
use std::collections::{BTreeMap, BTreeSet, HashMap};

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

/// Where an article exists in more than one language, the versions agree on what
/// they share: date, tags, code. An article in one language only is fine: the
/// other language shows it untranslated.
pub(super) fn check_translations(
    articles: &BTreeMap<Lang, Vec<Article>>,
    errors: &mut Vec<ContentError>,
) {
    // Reported once, on the English side; the other version found by its slug
    // (a scan of the other list for each article was quadratic).
    let lang = Lang::En;
    let other = lang.other();
    let twins: HashMap<&str, &Article> = articles[&other]
        .iter()
        .map(|b| (b.front.slug.as_str(), b))
        .collect();
    for a in &articles[&lang] {
        let Some(twin) = twins.get(a.front.slug.as_str()) else {
            continue;
        };
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
        if a.body.figures != twin.body.figures {
            errors.push(mismatch("figures", 1, twin.body.figures.join(", ")));
        }
    }
}

/// Root-relative links must point at a page of this site in the same language:
/// an article of that language, or one shown there untranslated (written in
/// another language only).
pub(super) fn check_links(
    articles: &BTreeMap<Lang, Vec<Article>>,
    vocabulary: &BTreeMap<String, TagNames>,
    failed: &BTreeSet<(Lang, String)>,
    errors: &mut Vec<ContentError>,
) {
    // Every slug once, not a scan of every article for each link.
    let slugs: BTreeSet<&str> = articles
        .values()
        .flatten()
        .map(|b| b.front.slug.as_str())
        .chain(failed.iter().map(|(_, slug)| slug.as_str()))
        .collect();
    let exists = |slug: &str| slugs.contains(slug);
    for (&lang, list) in articles {
        for a in list {
            for (line, url) in &a.body.internal_links {
                let path = url.split(['#', '?']).next().unwrap_or_default();
                let route = Route::parse(path);
                let kind = match route.as_ref().and_then(Route::lang) {
                    Some(l) if l != lang => Some(ErrorKind::OtherLanguageLink {
                        url: url.clone(),
                        lang: lang.code(),
                    }),
                    _ => {
                        let ok = match route {
                            Some(Route::Home { page, .. }) => page.is_first(),
                            Some(Route::Tags { .. }) => true,
                            Some(Route::Article { slug, .. }) => exists(&slug),
                            Some(Route::Tag { tag, page, .. }) => {
                                page.is_first() && vocabulary.contains_key(&tag)
                            }
                            _ => false,
                        };
                        (!ok).then(|| ErrorKind::BrokenLink(url.clone()))
                    }
                };
                if let Some(kind) = kind {
                    errors.push(ContentError::new(&a.path, a.body_line + line, kind));
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
                // The same article in any language: an untranslated one is
                // linked at its page in this language.
                let Some(target) = articles.values().flatten().find(|b| b.front.slug == slug)
                else {
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
