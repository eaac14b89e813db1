//! The validated content tree: what loading produces and shaping reads.

use crate::dates::YearMonth;
use crate::figures::FigureSet;
use crate::front_matter::FrontMatter;
use crate::markdown::Rendered;
use model::Lang;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

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
    /// The [`crate::digest`] of its Markdown body.
    pub digest: String,
    /// Line of the file on which the body starts.
    pub body_line: usize,
    /// Lines of the file that open an update note, with the note's month (see
    /// `updates`).
    pub update_notes: BTreeMap<usize, YearMonth>,
}

/// The validated content tree.
#[derive(Debug, Clone)]
pub struct Site {
    /// Tag slug to display names, from `tags.toml`.
    pub vocabulary: BTreeMap<String, TagNames>,
    /// Per language, the articles newest first.
    pub articles: BTreeMap<Lang, Vec<Article>>,
    /// The figures the articles show, and the files they are served as.
    pub figures: FigureSet,
}
