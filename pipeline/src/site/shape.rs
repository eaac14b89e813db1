//! Shaping the validated tree into the documents the app reads: cards, index,
//! article documents with their neighbours and related articles.

use super::tree::{Article, Site, TagNames};
use crate::dates;
use model::{Lang, Post, PostLink, PostMeta, SiteIndex, Tag, TagCount};
use std::collections::BTreeMap;

/// Reading speed used for reading time, in words per minute. Russian words are longer
/// on average, so the same text has fewer of them and is read at fewer per minute.
const fn words_per_minute(lang: Lang) -> usize {
    match lang {
        Lang::En => 220,
        Lang::Ru => 180,
    }
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
            updated: None,
            updated_label: None,
            written_in: None,
            draft: false,
        }
    }
}

/// Whole minutes to read `words` words in `lang`, at least one.
pub fn reading_minutes(lang: Lang, words: usize) -> u32 {
    let minutes = words.div_ceil(words_per_minute(lang)).max(1);
    u32::try_from(minutes).unwrap_or(u32::MAX)
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
            languages: Lang::ALL.to_vec(),
            outdated: None,
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
