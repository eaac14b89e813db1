//! Errors that stop the build, each naming the file and line to fix.

use std::fmt;
use std::path::{Path, PathBuf};

/// A problem in the content sources, located at `path:line`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}:{line}: {kind}", path.display())]
pub struct ContentError {
    /// The file to fix.
    pub path: PathBuf,
    /// 1-based line in that file.
    pub line: usize,
    /// What is wrong.
    pub kind: ErrorKind,
}

impl ContentError {
    /// A new error at `path:line`.
    pub fn new(path: &Path, line: usize, kind: ErrorKind) -> Self {
        ContentError {
            path: path.to_path_buf(),
            line: line.max(1),
            kind,
        }
    }

    /// A TOML error in `source`, a part of the file at `path` that starts on line
    /// `first_line`, located at the line the parser points to.
    pub fn from_toml(path: &Path, source: &str, first_line: usize, e: &toml::de::Error) -> Self {
        let line = e.span().map_or(first_line, |s| {
            first_line + source[..s.start.min(source.len())].matches('\n').count()
        });
        ContentError::new(
            path,
            line,
            ErrorKind::FrontMatter(e.message().trim().to_string()),
        )
    }
}

/// What is wrong with a content file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ErrorKind {
    /// The file cannot be read.
    #[error("cannot read file: {0}")]
    Io(String),
    /// No `+++` front matter block at the top, or it is not closed.
    #[error(
        "front matter must open on the first line with `+++` and close with another `+++` line"
    )]
    FrontMatterFence,
    /// The front matter is not valid TOML or not of the expected shape.
    #[error("malformed front matter: {0}")]
    FrontMatter(String),
    /// A required field is missing or empty.
    #[error("missing required field `{0}`")]
    MissingField(&'static str),
    /// The date is not a plain calendar date.
    #[error("unparsable date {0:?}: write a TOML date such as 2026-11-20")]
    BadDate(String),
    /// The slug has characters outside `a-z0-9-`.
    #[error("invalid slug {0:?}: use lowercase letters, digits and single hyphens")]
    BadSlug(String),
    /// A tag of the vocabulary is the word the tag list's later pages use.
    #[error("the tag {0:?} is reserved: /{{lang}}/tags/{0}/{{n}} is a page of the tag list; choose another slug")]
    ReservedTag(String),
    /// The file is not named after the article's slug.
    #[error("slug {slug:?} differs from the file name {file:?}: name the file {slug}.md")]
    SlugFileName {
        /// The slug in the front matter.
        slug: String,
        /// The file's name.
        file: String,
    },
    /// Another file in the same language has this slug.
    #[error("duplicate slug {slug:?}: also used by {other}")]
    DuplicateSlug {
        /// The slug used twice.
        slug: String,
        /// The other file.
        other: String,
    },
    /// A folder under `content/` that is not a supported language.
    #[error("unknown language folder {0:?}: expected one of en, ru")]
    UnknownLanguage(String),
    /// The two language versions disagree on a field that must be shared.
    #[error("`{field}` differs from the {other} version ({theirs})")]
    TranslationMismatch {
        /// The field that differs.
        field: &'static str,
        /// Code of the other language.
        other: &'static str,
        /// The other version's value.
        theirs: String,
    },
    /// A `translated_from` that is not a digest (see `digest`).
    #[error("translated_from {0:?} is not a digest of 12 lowercase hex digits: copy it from `pipeline translations`")]
    BadDigest(String),
    /// An `updated` date before the article's `date`.
    #[error("updated {updated} is before the article's date {date}")]
    UpdatedBeforeDate {
        /// The `updated` date.
        updated: String,
        /// The `date`.
        date: String,
    },
    /// A link from a published article to one that this build leaves out.
    #[error("link to {slug:?}, which is {why}: a published article cannot link to it")]
    LinkToUnpublished {
        /// The linked article's slug.
        slug: String,
        /// Why it is left out: a draft, or scheduled for a later date.
        why: String,
    },
    /// A tag not in `content/tags.toml`.
    #[error("unknown tag {0:?}: add it to content/tags.toml or use an existing one")]
    UnknownTag(String),
    /// Too few or too many tags.
    #[error("an article needs 2 to 5 tags, found {0}")]
    TagCount(usize),
    /// A tag named twice in one article's `tags`.
    #[error("tag {0:?} is listed twice")]
    DuplicateTag(String),
    /// A fenced code block without a known language.
    #[error("code block must name its language, one of: {}", crate::markdown::CODE_LANGUAGES.join(", "))]
    CodeLanguage,
    /// A link to an article of this site that does not exist.
    #[error("link to unknown article {0:?}")]
    BrokenLink(String),
    /// A link to a page of another language than the file's: links stay in the
    /// reader's language (an untranslated article has a page in every language).
    #[error("link to {url:?} leaves the {lang} site: link the page of this language, /{lang}/...")]
    OtherLanguageLink {
        /// The link as written.
        url: String,
        /// Code of the file's language.
        lang: &'static str,
    },
    /// The configured site URL is not an absolute http(s) URL.
    #[error("site url {0:?} must be absolute, like https://example.org")]
    BadSiteUrl(String),
    /// A level-1 heading in the body; the title is the page's only `<h1>`.
    #[error("use `##` or `###` for sections: the title is the page's only level-1 heading")]
    BodyH1,
    /// A link or image URL with a scheme that runs code or smuggles a document
    /// (`javascript:`, `vbscript:`, `data:`).
    #[error("unsafe URL scheme in {0:?}: link to an http(s) page or a path of this site")]
    UnsafeUrl(String),
    /// A link to an article published later, outside an update note dated no earlier
    /// than that article (see `updates`).
    #[error(
        "link to {slug:?}, published {published}, after this article: move it into an update \
         note, a line opening with \"*{marker} (<month> <year>):\" dated that month or later, \
         or link back in time only"
    )]
    LinkToNewer {
        /// The newer article's slug.
        slug: String,
        /// Its publication date.
        published: String,
        /// The word that opens an update note in this language.
        marker: &'static str,
    },
    /// A word the Russian articles do not use for a concept (see `glossary`).
    #[error("{found:?}: the Russian articles write {preferred} (glossary in content/README.md)")]
    Terminology {
        /// The word as written.
        found: String,
        /// The term the set uses instead.
        preferred: &'static str,
    },
    /// A locale file (`locales/*.json`) that is not a flat JSON object of strings.
    #[error("malformed locale file: {0}")]
    Locale(String),
    /// A locale file lacks a string the pipeline writes (see `locale`).
    #[error("no key `{0}`, which the pipeline writes into its output")]
    LocaleKey(&'static str),
    /// A string of a locale file lacks a `{name}` placeholder that the same key has
    /// in another language's file.
    #[error("`{key}` lacks the placeholder {{{placeholder}}}, which {other} has")]
    LocalePlaceholder {
        /// The key of the string.
        key: String,
        /// The placeholder's name, without braces.
        placeholder: String,
        /// The locale file whose string has it.
        other: String,
    },
    /// A figure file the pipeline cannot serve (see `figures`), with why.
    #[error("{0}")]
    Figure(String),
    /// An image in an article names no file of the article's figure folder.
    #[error("no figure {name:?} in content/figures/{slug}/: put the file there (content/README.md, \"Figures\")")]
    FigureNotFound {
        /// The file name as written.
        name: String,
        /// The article's slug, its figure folder.
        slug: String,
    },
    /// An image of another kind than a figure file of the article.
    #[error("image {0:?}: figures are .svg, .png or .jpg files of the article's folder content/figures/<slug>/, named without a path")]
    FigureType(String),
    /// A language variant named in the Markdown.
    #[error("image {0:?}: name the figure without its language (name.svg); each language's page picks its own variant")]
    FigureVariant(String),
    /// A figure without an alt text.
    #[error("a figure needs an alt text saying what it shows: ![what it shows](file.svg)")]
    FigureAlt,
    /// A figure inside a paragraph, list item, table, heading or link.
    #[error("a figure stands in a paragraph of its own: put the image line between blank lines")]
    FigureAlone,
    /// Unfinished text left for a reader to see (see `placeholders`).
    #[error("unfinished text {0:?} left in the article: write the real text or remove it")]
    Placeholder(&'static str),
}

/// Every error found in one run, so an author can fix them all at once.
#[derive(Debug)]
pub struct ContentErrors(pub Vec<ContentError>);

impl fmt::Display for ContentErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for e in &self.0 {
            writeln!(f, "error: {e}")?;
        }
        write!(f, "{} error(s) in the content sources", self.0.len())
    }
}

impl std::error::Error for ContentErrors {}
