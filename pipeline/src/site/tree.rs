//! The validated content tree: what loading produces and shaping reads.

use crate::dates::YearMonth;
use crate::figures::FigureSet;
use crate::front_matter::FrontMatter;
use crate::markdown::Rendered;
use model::Lang;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

/// The display names of one tag.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
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
    /// Its rendered body: shared, as a rebuild that keeps the article (see
    /// [`super::load::Loaded`]) makes the site of it again without copying
    /// its text (at 10,000 articles per language, 0.3 s of every rebuild).
    pub body: std::sync::Arc<Rendered>,
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
    /// Per language, the articles newest first (as loaded: [`Site::version`]
    /// finds them by where they were then).
    pub articles: BTreeMap<Lang, Vec<Article>>,
    /// The figures the articles show, and the files they are served as.
    pub figures: FigureSet,
    /// The path the site is served under (`""` or e.g. `/insights`), which
    /// every link of an article's body starts with.
    pub base: String,
    /// Where each slug's versions are in `articles`: finding an article's other
    /// version by a scan of the list made every build quadratic (10,000 articles
    /// per language: most of a minute).
    positions: HashMap<String, Vec<(Lang, usize)>>,
}

impl Site {
    /// The site of `articles` (per language, in their final order).
    pub(super) fn new(
        vocabulary: BTreeMap<String, TagNames>,
        articles: BTreeMap<Lang, Vec<Article>>,
        figures: FigureSet,
        base: &str,
    ) -> Site {
        let mut positions: HashMap<String, Vec<(Lang, usize)>> = HashMap::new();
        for (lang, list) in &articles {
            for (i, a) in list.iter().enumerate() {
                positions
                    .entry(a.front.slug.clone())
                    .or_default()
                    .push((*lang, i));
            }
        }
        Site {
            vocabulary,
            articles,
            figures,
            base: base.to_string(),
            positions,
        }
    }

    /// The version of `slug` written in `lang`, if there is one.
    pub fn version(&self, lang: Lang, slug: &str) -> Option<&Article> {
        let list = &self.articles[&lang];
        let (_, i) = self.positions.get(slug)?.iter().find(|(l, _)| *l == lang)?;
        match list.get(*i) {
            Some(a) if a.front.slug == slug => Some(a),
            // `articles` was reordered after the site was made: look the slow way.
            _ => list.iter().find(|a| a.front.slug == slug),
        }
    }
}
