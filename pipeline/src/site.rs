//! Loading and validating the whole content tree, and shaping it into the documents
//! the app reads.

use crate::dates::{self, YearMonth};
use crate::error::{ContentError, ContentErrors, ErrorKind};
use crate::front_matter::{self, FrontMatter};
use crate::glossary;
use crate::markdown::{self, Rendered};
use crate::placeholders;
use crate::updates;
use model::{Lang, Post, PostLink, PostMeta, SiteIndex, Tag, TagCount};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Reading speed used for reading time, in words per minute. Russian words are longer
/// on average, so the same text has fewer of them and is read at fewer per minute.
const fn words_per_minute(lang: Lang) -> usize {
    match lang {
        Lang::En => 220,
        Lang::Ru => 180,
    }
}

/// The display names of one tag.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TagNames {
    en: String,
    ru: String,
}

impl TagNames {
    /// The name in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Ru => &self.ru,
        }
    }
}

/// One language version of an article, validated and rendered.
#[derive(Debug, Clone)]
pub struct Article {
    /// Language of this version.
    pub lang: Lang,
    /// Source file.
    pub path: PathBuf,
    /// Its front matter.
    pub front: FrontMatter,
    /// Its rendered body.
    pub body: Rendered,
    /// Line of the file on which the body starts.
    pub body_line: usize,
    /// Lines of the file that open an update note, with the note's month (see
    /// `updates`).
    pub update_notes: BTreeMap<usize, YearMonth>,
}

impl Article {
    /// The card metadata of this version.
    fn meta(&self, vocabulary: &BTreeMap<String, TagNames>) -> PostMeta {
        let f = &self.front;
        PostMeta {
            slug: f.slug.clone(),
            title: f.title.clone(),
            summary: f.summary.clone(),
            description: f.description.clone(),
            date: f.date.clone(),
            date_label: dates::label(self.lang, &f.date).unwrap_or_else(|| f.date.clone()),
            tags: f
                .tags
                .iter()
                .map(|slug| Tag {
                    slug: slug.clone(),
                    name: vocabulary[slug].get(self.lang).to_string(),
                })
                .collect(),
            reading_minutes: reading_minutes(self.lang, self.body.words),
        }
    }
}

/// Whole minutes to read `words` words in `lang`, at least one.
pub fn reading_minutes(lang: Lang, words: usize) -> u32 {
    let minutes = words.div_ceil(words_per_minute(lang)).max(1);
    u32::try_from(minutes).unwrap_or(u32::MAX)
}

/// The validated content tree.
#[derive(Debug, Clone)]
pub struct Site {
    /// Tag slug to display names, from `tags.toml`.
    pub vocabulary: BTreeMap<String, TagNames>,
    /// Per language, the articles newest first.
    pub articles: BTreeMap<Lang, Vec<Article>>,
}

impl Site {
    /// The index document for `lang`.
    pub fn index(&self, lang: Lang) -> SiteIndex {
        let posts: Vec<PostMeta> = self.articles[&lang]
            .iter()
            .map(|a| a.meta(&self.vocabulary))
            .collect();
        let mut tags: Vec<TagCount> = self
            .vocabulary
            .iter()
            .map(|(slug, names)| TagCount {
                slug: slug.clone(),
                name: names.get(lang).to_string(),
                count: posts
                    .iter()
                    .filter(|p| p.tags.iter().any(|t| &t.slug == slug))
                    .count() as u32,
            })
            .filter(|t| t.count > 0)
            .collect();
        tags.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
        SiteIndex { lang, posts, tags }
    }

    /// Every article document of `lang`.
    pub fn posts(&self, lang: Lang) -> impl Iterator<Item = Post> + '_ {
        (0..self.articles[&lang].len()).map(move |i| self.post(lang, i))
    }

    /// The document of the `i`-th newest article of `lang`.
    pub fn post(&self, lang: Lang, i: usize) -> Post {
        let list = &self.articles[&lang];
        let link = |a: &Article| PostLink {
            slug: a.front.slug.clone(),
            title: a.front.title.clone(),
        };
        let a = &list[i];
        Post {
            lang,
            meta: a.meta(&self.vocabulary),
            html: a.body.html.clone(),
            headings: a.body.headings.clone(),
            // The list is newest first.
            newer: i.checked_sub(1).map(|j| link(&list[j])),
            older: list.get(i + 1).map(link),
            related: related(list, i)
                .into_iter()
                .map(|j| list[j].meta(&self.vocabulary))
                .collect(),
        }
    }
}

/// How many related articles an article shows.
const RELATED: usize = 3;

/// Indexes of the articles most related to `list[i]`: most shared tags first, then
/// closest in time; articles sharing no tag only fill the remaining places.
pub fn related(list: &[Article], i: usize) -> Vec<usize> {
    let tags = &list[i].front.tags;
    let mut others: Vec<(usize, usize)> = list
        .iter()
        .enumerate()
        .filter(|(j, _)| *j != i)
        .map(|(j, b)| (j, b.front.tags.iter().filter(|t| tags.contains(t)).count()))
        .collect();
    let key = |&(j, shared): &(usize, usize)| (std::cmp::Reverse(shared), j.abs_diff(i), j);
    // Only the first few are needed: select them, then sort just those.
    if others.len() > RELATED {
        others.select_nth_unstable_by_key(RELATED - 1, key);
        others.truncate(RELATED);
    }
    others.sort_by_key(key);
    others.into_iter().map(|(j, _)| j).collect()
}

/// The folder of `content/` that holds the worked examples' check scripts
/// (`<slug>.py`, run by the tests), not articles.
const EXAMPLES_DIR: &str = "examples";

/// Loads, validates and renders everything under `root` (`content/`).
///
/// Every problem found is reported, each with its file and line. `base` is the
/// site's path prefix (`""` at a domain root, else e.g. `/insights`), which the
/// rendered articles' internal links carry.
pub fn load(root: &Path, base: &str) -> Result<Site, ContentErrors> {
    let mut errors = Vec::new();
    let vocabulary = load_vocabulary(&root.join("tags.toml")).unwrap_or_else(|e| {
        errors.push(e);
        BTreeMap::new()
    });

    let mut articles: BTreeMap<Lang, Vec<Article>> =
        Lang::ALL.iter().map(|l| (*l, Vec::new())).collect();
    // Files that failed to load, by language and file stem: their problems are already
    // reported, so the cross-file checks must not pile follow-on errors on top.
    let mut failed: BTreeSet<(Lang, String)> = BTreeSet::new();
    for dir in sorted_entries(root, &mut errors)
        .into_iter()
        .filter(|p| p.is_dir() && !p.ends_with(EXAMPLES_DIR))
    {
        let name = dir
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        let Some(lang) = Lang::from_code(&name) else {
            errors.push(ContentError::new(&dir, 1, ErrorKind::UnknownLanguage(name)));
            continue;
        };
        let files: Vec<PathBuf> = sorted_entries(&dir, &mut errors)
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "md"))
            .collect();
        let loaded = parallel_map(&files, |path| load_article(lang, path, &vocabulary, base));
        for (path, result) in files.iter().zip(loaded) {
            match result {
                Ok(article) => articles
                    .get_mut(&lang)
                    .expect("every language")
                    .push(article),
                Err(mut e) => {
                    errors.append(&mut e);
                    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
                    failed.insert((lang, stem.to_string()));
                }
            }
        }
    }

    for list in articles.values() {
        check_duplicates(list, &mut errors);
    }
    check_translations(root, &articles, &failed, &mut errors);
    check_links(&articles, &vocabulary, &failed, &mut errors);
    check_chronology(&articles, &mut errors);

    if !errors.is_empty() {
        errors.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
        errors.dedup();
        return Err(ContentErrors(errors));
    }
    for list in articles.values_mut() {
        list.sort_by(|a, b| {
            b.front
                .date
                .cmp(&a.front.date)
                .then_with(|| a.front.slug.cmp(&b.front.slug))
        });
    }
    Ok(Site {
        vocabulary,
        articles,
    })
}

/// `f` over `items` on every core, results in the order of `items`. Reading,
/// rendering and highlighting one article is independent of the others.
pub(crate) fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = items.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(|| part.iter().map(&f).collect::<Vec<R>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("an article's thread panicked"))
            .collect()
    })
}

fn sorted_entries(dir: &Path, errors: &mut Vec<ContentError>) -> Vec<PathBuf> {
    match fs::read_dir(dir) {
        Ok(entries) => {
            let mut paths: Vec<PathBuf> =
                entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.sort();
            paths
        }
        Err(e) => {
            errors.push(ContentError::new(dir, 1, ErrorKind::Io(e.to_string())));
            Vec::new()
        }
    }
}

fn load_vocabulary(path: &Path) -> Result<BTreeMap<String, TagNames>, ContentError> {
    let source = fs::read_to_string(path)
        .map_err(|e| ContentError::new(path, 1, ErrorKind::Io(e.to_string())))?;
    let vocabulary: BTreeMap<String, TagNames> =
        toml::from_str(&source).map_err(|e| ContentError::from_toml(path, &source, 1, &e))?;
    if let Some(bad) = vocabulary.keys().find(|k| !model::is_valid_slug(k)) {
        return Err(ContentError::new(path, 1, ErrorKind::BadSlug(bad.clone())));
    }
    Ok(vocabulary)
}

fn load_article(
    lang: Lang,
    path: &Path,
    vocabulary: &BTreeMap<String, TagNames>,
    base: &str,
) -> Result<Article, Vec<ContentError>> {
    let one = |e: ContentError| vec![e];
    let source = fs::read_to_string(path)
        .map_err(|e| one(ContentError::new(path, 1, ErrorKind::Io(e.to_string()))))?;
    let split = front_matter::split(path, &source).map_err(one)?;
    let front = front_matter::parse(path, split.front).map_err(one)?;
    let mut errors: Vec<ContentError> = front
        .tags
        .iter()
        .filter(|t| !vocabulary.is_empty() && !vocabulary.contains_key(*t))
        .map(|t| ContentError::new(path, front.tags_line, ErrorKind::UnknownTag(t.clone())))
        .collect();
    errors.extend(
        placeholders::find(&source)
            .into_iter()
            .map(|(line, word)| ContentError::new(path, line, ErrorKind::Placeholder(word))),
    );
    if lang == Lang::Ru {
        errors.extend(
            glossary::find(&source)
                .into_iter()
                .map(|(line, found, preferred)| {
                    ContentError::new(path, line, ErrorKind::Terminology { found, preferred })
                }),
        );
    }
    let body = markdown::render(
        split.body,
        lang,
        &format!("/{}/blog/{}", lang.code(), front.slug),
        base,
    )
    .map_err(|body_errors| {
        body_errors
            .into_iter()
            .map(|(line, kind)| ContentError::new(path, split.body_line + line, kind))
            .collect::<Vec<_>>()
    });
    match body {
        Ok(body) if errors.is_empty() => Ok(Article {
            lang,
            path: path.to_path_buf(),
            front,
            body,
            body_line: split.body_line,
            update_notes: source
                .lines()
                .enumerate()
                .filter_map(|(i, line)| Some((i + 1, updates::note_month(lang, line)?)))
                .collect(),
        }),
        Ok(_) => Err(errors),
        Err(mut e) => {
            errors.append(&mut e);
            Err(errors)
        }
    }
}

fn check_duplicates(list: &[Article], errors: &mut Vec<ContentError>) {
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

fn check_translations(
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
fn check_links(
    articles: &BTreeMap<Lang, Vec<Article>>,
    vocabulary: &BTreeMap<String, TagNames>,
    failed: &BTreeSet<(Lang, String)>,
    errors: &mut Vec<ContentError>,
) {
    for (&lang, list) in articles {
        for a in list {
            for (line, url) in &a.body.internal_links {
                let path = url
                    .split(['#', '?'])
                    .next()
                    .unwrap_or_default()
                    .trim_end_matches('/');
                let segments: Vec<&str> = path.split('/').skip(1).collect();
                let ok = match segments.as_slice() {
                    [l] => *l == lang.code(),
                    [l, "blog", slug] => {
                        *l == lang.code()
                            && (list.iter().any(|b| b.front.slug == *slug)
                                || failed.contains(&(lang, slug.to_string())))
                    }
                    [l, "tags", tag] => *l == lang.code() && vocabulary.contains_key(*tag),
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
fn check_chronology(articles: &BTreeMap<Lang, Vec<Article>>, errors: &mut Vec<ContentError>) {
    for (&lang, list) in articles {
        let prefix = format!("/{}/blog/", lang.code());
        for a in list {
            for (line, url) in &a.body.internal_links {
                let Some(slug) = url
                    .strip_prefix(&prefix)
                    .and_then(|rest| rest.split(['#', '?', '/']).next())
                else {
                    continue;
                };
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
                            slug: slug.to_string(),
                            published: target.front.date.clone(),
                            marker: updates::marker(lang),
                        },
                    ));
                }
            }
        }
    }
}
