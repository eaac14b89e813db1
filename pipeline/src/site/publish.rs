//! What a build publishes: drafts and articles dated after the build date are
//! left out of a release build entirely (no document, card, tag count, link,
//! search entry, feed item or sitemap entry), unless asked for.

use super::tree::Article;
use crate::error::{ContentError, ErrorKind};
use model::{Lang, Route};
use std::collections::{BTreeMap, BTreeSet};

/// What a build includes besides the published articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Include drafts (`draft = true`), marked as such: `--drafts`.
    pub drafts: bool,
    /// Include articles dated after `today`: `--future`.
    pub future: bool,
    /// The build's date, ISO `YYYY-MM-DD` (UTC today, or `BUILD_DATE`).
    pub today: String,
}

impl Options {
    /// A release build on `today`: published articles only.
    pub fn release(today: &str) -> Self {
        Options {
            drafts: false,
            future: false,
            today: today.to_string(),
        }
    }

    /// Every article, drafts and future ones included.
    pub fn everything(today: &str) -> Self {
        Options {
            drafts: true,
            future: true,
            today: today.to_string(),
        }
    }

    /// Why this build leaves `a` out, or `None` if it publishes it.
    fn left_out(&self, a: &Article) -> Option<String> {
        if a.front.draft && !self.drafts {
            Some("a draft".into())
        } else if a.front.date > self.today && !self.future {
            Some(format!("scheduled for {}", a.front.date))
        } else {
            None
        }
    }
}

/// Removes what `options` leaves out from `articles`, and reports each link from
/// an article it keeps to an article that no language publishes.
pub(super) fn publish(
    articles: &mut BTreeMap<Lang, Vec<Article>>,
    options: &Options,
    errors: &mut Vec<ContentError>,
) {
    let mut published: BTreeSet<String> = BTreeSet::new();
    let mut left_out: BTreeMap<String, String> = BTreeMap::new();
    for a in articles.values().flatten() {
        match options.left_out(a) {
            None => {
                published.insert(a.front.slug.clone());
            }
            Some(why) => {
                left_out.insert(a.front.slug.clone(), why);
            }
        }
    }
    for a in articles.values().flatten() {
        if options.left_out(a).is_some() {
            continue;
        }
        for (line, url) in &a.body.internal_links {
            let path = url.split(['#', '?']).next().unwrap_or_default();
            let Some(Route::Article { slug, .. }) = Route::parse(path) else {
                continue;
            };
            // Another language's published version still has a page here.
            if published.contains(&slug) {
                continue;
            }
            if let Some(why) = left_out.get(&slug) {
                errors.push(ContentError::new(
                    &a.path,
                    a.body_line + line,
                    ErrorKind::LinkToUnpublished {
                        slug: slug.clone(),
                        why: why.clone(),
                    },
                ));
            }
        }
    }
    for list in articles.values_mut() {
        list.retain(|a| options.left_out(a).is_none());
    }
}
