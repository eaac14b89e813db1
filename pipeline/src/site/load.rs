//! Reading the content tree from disk: the tag vocabulary and every article,
//! each parsed, checked on its own and rendered; then the cross-file checks.

use super::checks::{
    check_chronology, check_duplicates, check_file_names, check_links, check_translations,
};
use super::publish::{publish, Options};
use super::shape::newest_first;
use super::tree::{Article, Site, TagNames};
use crate::error::{ContentError, ContentErrors, ErrorKind};
use crate::figures::{self, FigureSet};
use crate::front_matter;
use crate::glossary;
use crate::locale;
use crate::markdown;
use crate::parallel::parallel_map_reporting;
use crate::placeholders;
use crate::updates;
use model::{Lang, Route};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// The folder of `content/` that holds the worked examples' check scripts
/// (`<slug>.py`, run by the tests), not articles.
const EXAMPLES_DIR: &str = "examples";

/// [`load_with`] for a release build today (UTC): drafts and articles dated
/// after today are left out.
pub fn load(root: &Path, base: &str) -> Result<Site, ContentErrors> {
    load_with(root, base, &Options::release(&crate::dates::today_utc()))
}

/// Loads, validates and renders everything under `root` (`content/`), keeping
/// what `options` publishes.
///
/// Every problem found is reported, each with its file and line. `base` is the
/// site's path prefix (`""` at a domain root, else e.g. `/insights`), which the
/// rendered articles' internal links carry.
pub fn load_with(root: &Path, base: &str, options: &Options) -> Result<Site, ContentErrors> {
    load_again(root, base, options, &mut Loaded::default())
}

/// A file's modification time and length: a file whose stamp is the same as at
/// the last load is taken to hold the same text.
type Stamp = (Option<SystemTime>, u64);

fn stamp(path: &Path) -> Stamp {
    fs::metadata(path).map_or((None, u64::MAX), |m| (m.modified().ok(), m.len()))
}

/// What an earlier load read, kept for the next one ([`load_again`]): what each
/// article's file gave, by its stamp, and what every article was rendered with.
/// The development server keeps it between rebuilds, so that after one article
/// changed only that one is read and rendered again.
#[derive(Default)]
pub struct Loaded {
    files: HashMap<PathBuf, (Stamp, Result<Article, Vec<ContentError>>)>,
    /// The tag vocabulary, base path and figures the kept articles were
    /// rendered with: when any of them changes, every article is loaded anew.
    context: Option<(BTreeMap<String, TagNames>, String, FigureSet)>,
}

impl Loaded {
    /// How many articles' files it holds.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

/// [`load_with`], reading and rendering again only the articles whose files
/// changed since `loaded` was filled (and everything when the tag vocabulary,
/// the figures or `base` did); `loaded` then holds this load. Cross-file checks
/// and publishing always run on the whole tree.
pub fn load_again(
    root: &Path,
    base: &str,
    options: &Options,
    loaded: &mut Loaded,
) -> Result<Site, ContentErrors> {
    let mut errors = locale::check();
    let vocabulary = load_vocabulary(&root.join("tags.toml")).unwrap_or_else(|e| {
        errors.push(e);
        BTreeMap::new()
    });

    let figures = FigureSet::load(root, &mut errors);
    let same_context = loaded
        .context
        .as_ref()
        .is_some_and(|(v, b, f)| *v == vocabulary && b == base && f.same_figures(&figures));
    if !same_context {
        loaded.files.clear();
        loaded.context = Some((vocabulary.clone(), base.to_string(), figures.clone()));
    }
    let mut seen: BTreeSet<PathBuf> = BTreeSet::new();
    let mut articles: BTreeMap<Lang, Vec<Article>> =
        Lang::ALL.iter().map(|l| (*l, Vec::new())).collect();
    // Files that failed to load, by language and file stem: their problems are already
    // reported, so the cross-file checks must not pile follow-on errors on top.
    let mut failed: BTreeSet<(Lang, String)> = BTreeSet::new();
    for dir in sorted_entries(root, &mut errors)
        .into_iter()
        .filter(|p| p.is_dir() && !p.ends_with(EXAMPLES_DIR) && !p.ends_with(figures::DIR))
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
        // Stamped before reading: a file changed while it is read is read again
        // next time.
        let changed: Vec<(&PathBuf, Stamp)> = files
            .iter()
            .map(|path| (path, stamp(path)))
            .filter(|(path, s)| loaded.files.get(*path).is_none_or(|(kept, _)| kept != s))
            .collect();
        let label = format!("loading {} articles", lang.code());
        let fresh = parallel_map_reporting(&label, &changed, |(path, _)| {
            load_article(lang, path, &vocabulary, base, &figures)
        });
        for ((path, s), result) in changed.into_iter().zip(fresh) {
            loaded.files.insert(path.clone(), (s, result));
        }
        seen.extend(files.iter().cloned());
        for path in &files {
            let result = loaded.files[path].1.clone();
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

    // A file gone since the last load is forgotten.
    loaded.files.retain(|path, _| seen.contains(path));

    for list in articles.values() {
        check_file_names(list, &mut errors);
        check_duplicates(list, &mut errors);
    }
    check_translations(&articles, &mut errors);
    check_links(&articles, &vocabulary, &failed, &mut errors);
    check_chronology(&articles, &mut errors);
    publish(&mut articles, options, &mut errors);

    if !errors.is_empty() {
        errors.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
        errors.dedup();
        return Err(ContentErrors(errors));
    }
    for list in articles.values_mut() {
        list.sort_by(newest_first);
    }
    Ok(Site::new(vocabulary, articles, figures, base))
}

/// The entries of `dir`, sorted; an unreadable folder is an error naming it.
pub(crate) fn sorted_entries(dir: &Path, errors: &mut Vec<ContentError>) -> Vec<PathBuf> {
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
    // The line of a tag's table header, for the error.
    let line_of = |tag: &str| {
        source
            .lines()
            .position(|l| l.trim().trim_matches(['[', ']']).trim_matches('"') == tag)
            .map_or(1, |i| i + 1)
    };
    if let Some(bad) = vocabulary.keys().find(|k| !model::is_valid_slug(k)) {
        return Err(ContentError::new(
            path,
            line_of(bad),
            ErrorKind::BadSlug(bad.clone()),
        ));
    }
    if let Some(bad) = vocabulary.keys().find(|k| !model::is_valid_tag(k)) {
        let kind = ErrorKind::ReservedTag(bad.clone());
        return Err(ContentError::new(path, line_of(bad), kind));
    }
    Ok(vocabulary)
}

fn load_article(
    lang: Lang,
    path: &Path,
    vocabulary: &BTreeMap<String, TagNames>,
    base: &str,
    figures: &FigureSet,
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
    let body = markdown::render_article(
        split.body,
        lang,
        &Route::article(lang, &front.slug).path(),
        base,
        markdown::ArticleFigures {
            set: figures,
            slug: &front.slug,
        },
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
            body: std::sync::Arc::new(body),
            digest: crate::digest::digest(split.body),
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
