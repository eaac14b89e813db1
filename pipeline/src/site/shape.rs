//! Shaping the validated tree into the documents the app reads: cards, index,
//! article documents with their neighbours and related articles.

use super::tree::{Article, Site, TagNames};
use crate::dates;
use model::{Lang, Post, PostLink, PostMeta, SiteIndex, Tag, TagCount};
use std::collections::{BTreeMap, HashMap};

/// Reading speed used for reading time, in words per minute. Russian words are longer
/// on average, so the same text has fewer of them and is read at fewer per minute.
const fn words_per_minute(lang: Lang) -> usize {
    match lang {
        Lang::En => 220,
        Lang::Ru => 180,
    }
}

impl Article {
    /// The card metadata of this version as a page in `lang` lists it: tag names
    /// and date labels in `lang`, and `written_in` set where `lang` is not the
    /// language the article is written in.
    pub(crate) fn meta_in(&self, lang: Lang, vocabulary: &BTreeMap<String, TagNames>) -> PostMeta {
        let f = &self.front;
        PostMeta {
            slug: f.slug.clone(),
            title: f.title.clone(),
            summary: f.summary.clone(),
            description: f.description.clone(),
            date: f.date.clone(),
            date_label: dates::label(lang, &f.date).unwrap_or_else(|| f.date.clone()),
            tags: f
                .tags
                .iter()
                .map(|slug| Tag {
                    slug: slug.clone(),
                    name: vocabulary[slug].get(lang).to_string(),
                })
                .collect(),
            reading_minutes: reading_minutes(self.lang, self.body.words),
            updated: f.updated.clone(),
            updated_label: f
                .updated
                .as_ref()
                .map(|u| dates::label(lang, u).unwrap_or_else(|| u.clone())),
            written_in: (lang != self.lang).then_some(self.lang),
            draft: f.draft,
        }
    }
}

/// The order of every article list: newest first, then by slug.
pub(super) fn newest_first(a: &Article, b: &Article) -> std::cmp::Ordering {
    b.front
        .date
        .cmp(&a.front.date)
        .then_with(|| a.front.slug.cmp(&b.front.slug))
}

/// Whole minutes to read `words` words in `lang`, at least one.
pub fn reading_minutes(lang: Lang, words: usize) -> u32 {
    let minutes = words.div_ceil(words_per_minute(lang)).max(1);
    u32::try_from(minutes).unwrap_or(u32::MAX)
}

impl Site {
    /// The articles `lang` lists, newest first: its own, and each article that has
    /// no version in `lang` in the language it is written in (the first of
    /// [`Lang::ALL`] that has it), shown untranslated.
    pub fn listing(&self, lang: Lang) -> Vec<&Article> {
        let mut list: Vec<&Article> = self.articles[&lang].iter().collect();
        // A set of the slugs listed so far: a scan of the list for each article
        // made this quadratic (10,000 articles per language: minutes).
        let mut listed: std::collections::HashSet<&str> =
            list.iter().map(|a| a.front.slug.as_str()).collect();
        for other in Lang::ALL.into_iter().filter(|l| *l != lang) {
            for a in &self.articles[&other] {
                if listed.insert(a.front.slug.as_str()) {
                    list.push(a);
                }
            }
        }
        list.sort_by(|a, b| newest_first(a, b));
        list
    }

    /// Every language `slug` is written in, in the order of [`Lang::ALL`].
    pub fn languages(&self, slug: &str) -> Vec<Lang> {
        Lang::ALL
            .into_iter()
            .filter(|l| self.version(*l, slug).is_some())
            .collect()
    }

    /// The index document for `lang`: its listing (see [`Site::listing`]) and the
    /// tags with the number of listed articles that carry each.
    pub fn index(&self, lang: Lang) -> SiteIndex {
        let posts: Vec<PostMeta> = self
            .listing(lang)
            .into_iter()
            .map(|a| a.meta_in(lang, &self.vocabulary))
            .collect();
        // Counted in one pass over the articles (not one per tag: at 10,000
        // articles and 500 tags that was most of a second).
        let mut counts: HashMap<&str, u32> = HashMap::new();
        for tag in posts.iter().flat_map(|p| &p.tags) {
            *counts.entry(tag.slug.as_str()).or_default() += 1;
        }
        let mut tags: Vec<TagCount> = self
            .vocabulary
            .iter()
            .map(|(slug, names)| TagCount {
                slug: slug.clone(),
                name: names.get(lang).to_string(),
                count: counts.get(slug.as_str()).copied().unwrap_or(0),
            })
            .filter(|t| t.count > 0)
            .collect();
        tags.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
        SiteIndex { lang, posts, tags }
    }

    /// Every article document of `lang`, in the order of its listing: also those
    /// shown untranslated.
    pub fn posts(&self, lang: Lang) -> impl Iterator<Item = Post> + '_ {
        let list = self.listing(lang);
        let related = TagPostings::of(&list).related_all();
        (0..list.len()).map(move |i| self.post_of(lang, &list, &related[i], i))
    }

    /// The document of the `i`-th newest article `lang` lists.
    pub fn post(&self, lang: Lang, i: usize) -> Post {
        let list = self.listing(lang);
        let related = related(&TagPostings::of(&list), i);
        self.post_of(lang, &list, &related, i)
    }

    /// The document of `list[i]`, `list` being `lang`'s listing (see
    /// [`Site::listing`]) and `related` the places of its related articles in
    /// it (see [`related`]).
    pub(crate) fn post_of(
        &self,
        lang: Lang,
        list: &[&Article],
        related: &[usize],
        i: usize,
    ) -> Post {
        self.with_body(self.post_frame(lang, list, related, i), list[i])
    }

    /// `frame` (from [`Site::post_frame`]) with the body of `article`.
    pub(crate) fn with_body(&self, frame: Post, article: &Article) -> Post {
        Post {
            html: self.body_in(frame.lang, article),
            headings: article.body.headings.clone(),
            ..frame
        }
    }

    /// The body of `article` as its page in `lang` shows it. On an untranslated
    /// page (`lang` is not the article's) the links into the site, to its own
    /// sections and to the articles it cites, lead to the pages in `lang`, where
    /// the reader is: every such link the renderer writes starts with
    /// `href="{base}/{article's language}/"`, and every route exists in every
    /// language.
    fn body_in(&self, lang: Lang, article: &Article) -> String {
        let html = &article.body.html;
        if lang == article.lang {
            return html.clone();
        }
        let prefix = |l: Lang| format!("href=\"{}/{}/", self.base, l.code());
        html.replace(&prefix(article.lang), &prefix(lang))
    }

    /// [`Site::post_of`] without the body (HTML and headings): with the body's
    /// hash, what tells whether the document changed, at little cost.
    pub(crate) fn post_frame(
        &self,
        lang: Lang,
        list: &[&Article],
        related: &[usize],
        i: usize,
    ) -> Post {
        let link = |a: &Article| PostLink {
            slug: a.front.slug.clone(),
            title: a.front.title.clone(),
        };
        let a = list[i];
        // An untranslated article's page shows it as written: its title, labels
        // and tag names in its own language, marked with that language.
        let mut meta = a.meta_in(a.lang, &self.vocabulary);
        meta.written_in = (a.lang != lang).then_some(a.lang);
        Post {
            lang,
            meta,
            html: String::new(),
            headings: Vec::new(),
            // The list is newest first.
            newer: i.checked_sub(1).map(|j| link(list[j])),
            older: list.get(i + 1).map(|b| link(b)),
            related: related
                .iter()
                .map(|&j| list[j].meta_in(lang, &self.vocabulary))
                .collect(),
            languages: self.languages(&a.front.slug),
            // An untranslated page is the original itself.
            outdated: if a.lang == lang {
                self.outdated(a)
            } else {
                None
            },
        }
    }
}

/// How many related articles an article shows.
const RELATED: usize = 3;

/// Which articles of a listing carry each tag, by their place in it (in
/// order): what finds an article's related ones without comparing it with
/// every other article of the listing. Tags are numbered, so that comparing
/// two articles' tags compares numbers.
pub struct TagPostings {
    /// Each tag's articles, by the tag's number.
    by_tag: Vec<Vec<usize>>,
    /// Each article's tags, by number.
    tags: Vec<Vec<u32>>,
}

impl TagPostings {
    pub fn of(list: &[&Article]) -> TagPostings {
        let mut numbers: HashMap<&str, u32> = HashMap::new();
        let mut by_tag: Vec<Vec<usize>> = Vec::new();
        let mut tags = Vec::with_capacity(list.len());
        for (j, a) in list.iter().enumerate() {
            let mut of_article = Vec::with_capacity(a.front.tags.len());
            for tag in &a.front.tags {
                let next = by_tag.len() as u32;
                let n = *numbers.entry(tag.as_str()).or_insert(next);
                if n == next {
                    by_tag.push(Vec::new());
                }
                by_tag[n as usize].push(j);
                of_article.push(n);
            }
            tags.push(of_article);
        }
        TagPostings { by_tag, tags }
    }

    /// Every article's related articles (see [`related`]), in the listing's
    /// order, found on every core.
    pub fn related_all(&self) -> Vec<Vec<usize>> {
        let places: Vec<usize> = (0..self.tags.len()).collect();
        crate::parallel::parallel_map(&places, |&i| related(self, i))
    }
}

/// Indexes of the articles most related to the `i`-th of the listing `postings`
/// were made of: most shared tags first, then
/// closest in time; articles sharing no tag only fill the remaining places.
///
/// The articles sharing a tag are visited closest in time first, through each
/// of the article's tags' postings, until no article not yet seen could share
/// more tags than the last of those found (it would have to be in more of the
/// postings than are left to walk).
pub fn related(postings: &TagPostings, i: usize) -> Vec<usize> {
    let tags = &postings.tags[i];
    let count = postings.tags.len();
    let shared = |j: usize| postings.tags[j].iter().filter(|t| tags.contains(t)).count();
    // Per tag, its postings and the next place to visit below and above `i`.
    let mut walks: Vec<(&[usize], usize, usize)> = tags
        .iter()
        .map(|&t| &postings.by_tag[t as usize])
        .map(|p| {
            let at = p.partition_point(|&j| j < i);
            (p.as_slice(), at, at + usize::from(p.get(at) == Some(&i)))
        })
        .collect();
    let key = |&(j, shared): &(usize, usize)| (std::cmp::Reverse(shared), j.abs_diff(i), j);
    let mut seen = vec![false; count];
    seen[i] = true;
    let mut best: Vec<(usize, usize)> = Vec::with_capacity(RELATED + 1);
    loop {
        let left = walks
            .iter()
            .filter(|(p, below, above)| *below > 0 || *above < p.len())
            .count();
        if left == 0 || (best.len() == RELATED && best[RELATED - 1].1 >= left) {
            break;
        }
        // The closest article still to visit; at equal distance the one placed
        // first (the newer).
        let mut next: Option<(usize, usize, bool)> = None;
        for (w, (p, below, above)) in walks.iter().enumerate() {
            let sides = [
                (*below > 0).then(|| (p[*below - 1], false)),
                (*above < p.len()).then(|| (p[*above], true)),
            ];
            for (j, up) in sides.into_iter().flatten() {
                if next.is_none_or(|(k, _, _)| (j.abs_diff(i), j) < (k.abs_diff(i), k)) {
                    next = Some((j, w, up));
                }
            }
        }
        let (j, w, up) = next.expect("a walk with places left");
        if up {
            walks[w].2 += 1;
        } else {
            walks[w].1 -= 1;
        }
        if !std::mem::replace(&mut seen[j], true) {
            best.push((j, shared(j)));
            best.sort_by_key(key);
            best.truncate(RELATED);
        }
    }
    // Every article sharing a tag was seen: the closest of the others fill up.
    let mut d = 1;
    while best.len() < RELATED && (d <= i || i + d < count) {
        for j in [i.checked_sub(d), Some(i + d).filter(|&j| j < count)]
            .into_iter()
            .flatten()
        {
            if best.len() < RELATED && !seen[j] {
                best.push((j, 0));
            }
        }
        d += 1;
    }
    best.into_iter().map(|(j, _)| j).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What [`related`] finds, the slow way: every other article compared.
    fn related_by_comparing_all(list: &[&Article], i: usize) -> Vec<usize> {
        let tags = &list[i].front.tags;
        let mut others: Vec<(usize, usize)> = list
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(j, b)| (j, b.front.tags.iter().filter(|t| tags.contains(t)).count()))
            .collect();
        others.sort_by_key(|&(j, shared)| (std::cmp::Reverse(shared), j.abs_diff(i), j));
        others.into_iter().take(RELATED).map(|(j, _)| j).collect()
    }

    fn article(tags: &[usize]) -> Article {
        let tags: Vec<String> = tags.iter().map(|t| format!("t{t}")).collect();
        let source = format!(
            "+++\nslug = \"a\"\ntitle = \"A\"\nsummary = \"A.\"\ndate = 2026-11-20\ntags = {tags:?}\n+++\n"
        );
        let split = crate::front_matter::split(std::path::Path::new("a.md"), &source).unwrap();
        Article {
            lang: Lang::En,
            path: "a.md".into(),
            front: crate::front_matter::parse(std::path::Path::new("a.md"), split.front).unwrap(),
            body: Default::default(),
            digest: String::new(),
            body_line: 1,
            update_notes: BTreeMap::new(),
        }
    }

    proptest! {
        #[test]
        fn related_articles_are_those_comparing_every_article_finds(
            tags in prop::collection::vec(prop::collection::btree_set(0usize..7, 2..=4), 1..60)
        ) {
            let articles: Vec<Article> = tags
                .iter()
                .map(|t| article(&t.iter().copied().collect::<Vec<_>>()))
                .collect();
            let list: Vec<&Article> = articles.iter().collect();
            let postings = TagPostings::of(&list);
            for i in 0..list.len() {
                prop_assert_eq!(related(&postings, i), related_by_comparing_all(&list, i), "article {}", i);
            }
        }
    }
}
