//! The documents the pipeline writes and the app reads: articles, their cards,
//! the index pages and the tags.

use crate::{Lang, PageNumber, Route, PAGE_SIZE, TAG_PAGE_SIZE};
use serde::{Deserialize, Serialize};

/// A tag as shown to readers: its stable slug and its name in the page's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tag {
    /// Stable identifier, shared by both languages and used in URLs.
    pub slug: String,
    /// Display name in the document's language.
    pub name: String,
}

/// What an article card needs: everything but the body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostMeta {
    /// URL key shared by both languages.
    pub slug: String,
    /// Plain-text title.
    pub title: String,
    /// One or two plain-text sentences shown on cards.
    pub summary: String,
    /// Plain text for `<meta name="description">`.
    pub description: String,
    /// Publication date, ISO 8601 (`YYYY-MM-DD`), for `<time datetime>`.
    pub date: String,
    /// The date as readers of this language write it, e.g. "20 ноября 2026 г.".
    pub date_label: String,
    /// Tags in the document's language.
    pub tags: Vec<Tag>,
    /// Estimated reading time in whole minutes (at least 1).
    pub reading_minutes: u32,
    /// The date of the last substantive update (`updated` in the front matter),
    /// ISO 8601, never before `date`; `None` if it was never updated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    /// `updated` as readers of this language write it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_label: Option<String>,
    /// The language the article is written in, where a document of another
    /// language lists or shows it because it has no translation into that
    /// language yet (cards and the page mark it); `None` for an article in the
    /// document's own language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub written_in: Option<Lang>,
    /// A draft: only development builds carry it, and show it marked as one.
    #[serde(default, skip_serializing_if = "is_false")]
    pub draft: bool,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// On a translation whose original changed after it was made: when, for the
/// notice that links to the original.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outdated {
    /// The original's language.
    pub original: Lang,
    /// When the original changed (its `updated` date), ISO 8601.
    pub since: String,
    /// `since` as readers of the translation's language write it.
    pub since_label: String,
}

/// A page of the site with what the sitemap says of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SitePage {
    /// The page.
    pub route: Route,
    /// The date of the newest article it shows (its `updated` date if any),
    /// where it lists articles by date.
    pub lastmod: Option<String>,
    /// For an article shown in a language it is not written in (see
    /// [`PostMeta::written_in`]), the language it is written in: such a page is
    /// prerendered but not in the sitemap, and its canonical URL is the original's.
    pub written_in: Option<Lang>,
}

impl PostMeta {
    /// When the article last changed: its `updated` date, else its `date`.
    pub fn lastmod(&self) -> String {
        self.updated.clone().unwrap_or_else(|| self.date.clone())
    }
}

/// A section heading of an article body, for anchors and a table of contents.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Heading {
    /// Heading level, 2 or 3.
    pub level: u8,
    /// The `id` attribute of the heading element.
    pub id: String,
    /// Plain-text heading.
    pub text: String,
}

/// A link to another article: enough for "newer" / "older" navigation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostLink {
    /// The article's slug.
    pub slug: String,
    /// Its title.
    pub title: String,
}

/// What the article view needs: the metadata plus the rendered body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Post {
    /// Language of this document.
    pub lang: Lang,
    /// Card metadata.
    pub meta: PostMeta,
    /// Body rendered to HTML at build time by the pipeline (never by the browser).
    pub html: String,
    /// Section headings in document order.
    pub headings: Vec<Heading>,
    /// The next newer article, if any.
    pub newer: Option<PostLink>,
    /// The next older article, if any.
    pub older: Option<PostLink>,
    /// Up to three articles on the same topics, most shared tags first.
    pub related: Vec<PostMeta>,
    /// Every language the article is written in (one, or all): the language
    /// switcher and the hreflang alternates offer only these.
    pub languages: Vec<Lang>,
    /// Set on a translation whose original changed after it was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outdated: Option<Outdated>,
}

/// A tag with the number of articles that carry it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagCount {
    /// Stable identifier, shared by both languages and used in URLs.
    pub slug: String,
    /// Display name in the index's language.
    pub name: String,
    /// Number of articles in this language with the tag.
    pub count: u32,
}

/// The whole index of a language: every article's metadata, newest first, and
/// every tag. The pipeline assembles it and delivers it split into documents whose
/// size does not grow with the archive: [`IndexPage`], [`TagIndex`], [`TaggedPosts`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteIndex {
    /// Language of this index.
    pub lang: Lang,
    /// Every article's metadata, newest first.
    pub posts: Vec<PostMeta>,
    /// Every tag in use, with counts, in vocabulary order.
    pub tags: Vec<TagCount>,
}

impl SiteIndex {
    /// The index split into its pages (at least one, which may be empty).
    pub fn pages(&self) -> Vec<IndexPage> {
        paginate(&self.posts, PAGE_SIZE)
            .map(|(page, pages, total, posts)| IndexPage {
                lang: self.lang,
                page,
                pages,
                total,
                posts,
            })
            .collect()
    }

    /// Every page of the site in this language: the index and its pages, the
    /// articles (also those shown here untranslated), the tag list, and each tag
    /// with its pages. The one list of the site's pages: the prerenderer writes
    /// them and the sitemap names those written in this language.
    pub fn site_pages(&self) -> Vec<SitePage> {
        let lang = self.lang;
        let page = |route, lastmod| SitePage {
            route,
            lastmod,
            written_in: None,
        };
        let newest = |n: PageNumber| {
            self.posts
                .get(n.first_item(PAGE_SIZE))
                .map(PostMeta::lastmod)
        };
        let mut pages: Vec<_> = PageNumber::count_for(self.posts.len(), PAGE_SIZE)
            .up_to()
            .map(|n| page(Route::Home { lang, page: n }, newest(n)))
            .collect();
        for post in &self.posts {
            pages.push(SitePage {
                route: Route::article(lang, &post.slug),
                lastmod: Some(post.lastmod()),
                written_in: post.written_in,
            });
        }
        for n in PageNumber::count_for(self.tags.len(), TAG_PAGE_SIZE).up_to() {
            pages.push(page(Route::Tags { lang, page: n }, None));
        }
        for tag in &self.tags {
            for n in PageNumber::count_for(tag.count as usize, PAGE_SIZE).up_to() {
                let tag = tag.slug.clone();
                pages.push(page(Route::Tag { lang, tag, page: n }, None));
            }
        }
        pages
    }

    /// The tag list in its pages of [`TAG_PAGE_SIZE`] (at least one, which may
    /// be empty).
    pub fn tag_pages(&self) -> Vec<TagIndex> {
        paginate(&self.tags, TAG_PAGE_SIZE)
            .map(|(page, pages, _, tags)| TagIndex {
                lang: self.lang,
                page,
                pages,
                tags,
            })
            .collect()
    }

    /// Every tag's articles, in pages of [`PAGE_SIZE`] like the index.
    pub fn tagged(&self) -> impl Iterator<Item = TaggedPosts> + '_ {
        // Each tag's articles, in one pass over the articles (not one per tag).
        let mut by_tag: std::collections::HashMap<&str, Vec<&PostMeta>> =
            std::collections::HashMap::new();
        for post in &self.posts {
            for tag in &post.tags {
                by_tag.entry(tag.slug.as_str()).or_default().push(post);
            }
        }
        self.tags.iter().flat_map(move |tag| {
            let posts = by_tag.get(tag.slug.as_str()).cloned().unwrap_or_default();
            paginate(&posts, PAGE_SIZE)
                .map(|(page, pages, total, posts)| TaggedPosts {
                    lang: self.lang,
                    tag: tag.clone(),
                    page,
                    pages,
                    total,
                    posts: posts.into_iter().cloned().collect(),
                })
                .collect::<Vec<_>>()
        })
    }
}

/// `items` (articles or tags) in pages of `per_page`, as `(page, pages, total,
/// items)`; at least one page, which may be empty.
fn paginate<T: Clone>(
    items: &[T],
    per_page: usize,
) -> impl Iterator<Item = (PageNumber, PageNumber, u32, Vec<T>)> + '_ {
    let pages = PageNumber::count_for(items.len(), per_page);
    let total = u32::try_from(items.len()).unwrap_or(u32::MAX);
    let mut chunks = items.chunks(per_page);
    pages.up_to().map(move |page| {
        let items = chunks.next().unwrap_or_default().to_vec();
        (page, pages, total, items)
    })
}

/// One page of a language's article index (`/{lang}/`, `/{lang}/page/{n}`):
/// [`PAGE_SIZE`] articles, newest first, so the first screen costs the same
/// whatever the size of the archive.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexPage {
    /// Language of the index.
    pub lang: Lang,
    /// This page's number.
    pub page: PageNumber,
    /// The number of pages: the last page's number.
    pub pages: PageNumber,
    /// The number of articles in the language.
    pub total: u32,
    /// This page's articles, newest first.
    pub posts: Vec<PostMeta>,
}

/// One page of the tags of a language in use, with counts (`/{lang}/tags/`,
/// `/{lang}/tags/page/{n}`): [`TAG_PAGE_SIZE`] tags, most used first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagIndex {
    /// Language of the tag names.
    pub lang: Lang,
    /// This page's number.
    pub page: PageNumber,
    /// The number of pages: the last page's number.
    pub pages: PageNumber,
    /// This page's tags, most used first.
    pub tags: Vec<TagCount>,
}

/// One page of the articles with one tag (`/{lang}/tags/{tag}`,
/// `/{lang}/tags/{tag}/page/{n}`), [`PAGE_SIZE`] a page as in the index.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaggedPosts {
    /// Language of the articles.
    pub lang: Lang,
    /// The tag.
    pub tag: TagCount,
    /// This page's number.
    pub page: PageNumber,
    /// The number of pages: the last page's number.
    pub pages: PageNumber,
    /// The number of articles with the tag.
    pub total: u32,
    /// This page's articles, newest first.
    pub posts: Vec<PostMeta>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(n: usize, tags: &[&str]) -> PostMeta {
        PostMeta {
            slug: format!("post-{n}"),
            title: format!("Post {n}"),
            summary: String::new(),
            description: String::new(),
            date: "2026-01-01".into(),
            date_label: "1 January 2026".into(),
            tags: tags
                .iter()
                .map(|t| Tag {
                    slug: t.to_string(),
                    name: t.to_uppercase(),
                })
                .collect(),
            reading_minutes: 3,
            updated: None,
            updated_label: None,
            written_in: None,
            draft: false,
        }
    }

    #[test]
    fn the_index_splits_into_pages_of_page_size() {
        let index = SiteIndex {
            lang: Lang::En,
            posts: (0..45).map(|n| meta(n, &[])).collect(),
            tags: vec![],
        };
        let pages = index.pages();
        let sizes: Vec<_> = pages
            .iter()
            .map(|p| (p.page.get(), p.posts.len()))
            .collect();
        assert_eq!(sizes, [(1, 20), (2, 20), (3, 5)]);
        assert!(pages.iter().all(|p| p.pages.get() == 3 && p.total == 45));
        assert_eq!(pages[2].posts[0].slug, "post-40");
        let empty = SiteIndex {
            posts: vec![],
            ..index
        };
        assert_eq!(
            empty.pages().len(),
            1,
            "an empty index still has its first page"
        );
    }

    #[test]
    fn tagged_posts_keep_index_order() {
        let count = |slug: &str, count| TagCount {
            slug: slug.into(),
            name: slug.to_uppercase(),
            count,
        };
        let index = SiteIndex {
            lang: Lang::Ru,
            posts: vec![
                meta(1, &["rag"]),
                meta(2, &["llm"]),
                meta(3, &["rag", "llm"]),
            ],
            tags: vec![count("rag", 2), count("llm", 2)],
        };
        let tagged: Vec<_> = index.tagged().collect();
        let slugs: Vec<Vec<_>> = tagged
            .iter()
            .map(|t| t.posts.iter().map(|p| p.slug.as_str()).collect())
            .collect();
        assert_eq!(slugs, [["post-1", "post-3"], ["post-2", "post-3"]]);
        assert_eq!(tagged[0].tag, count("rag", 2));
        assert!(tagged
            .iter()
            .all(|t| (t.page.get(), t.pages.get(), t.total) == (1, 1, 2)));
        assert_eq!(index.tag_pages()[0].tags.len(), 2);
    }

    #[test]
    fn a_long_tag_list_is_paged_and_every_page_is_a_site_page() {
        let tags = |n: usize| -> Vec<TagCount> {
            (0..n)
                .map(|i| TagCount {
                    slug: format!("tag-{i}"),
                    name: format!("Tag {i}"),
                    count: 0,
                })
                .collect()
        };
        let index = SiteIndex {
            lang: Lang::En,
            posts: vec![],
            tags: tags(TAG_PAGE_SIZE * 2 + 1),
        };
        let pages = index.tag_pages();
        let shape: Vec<_> = pages
            .iter()
            .map(|p| (p.page.get(), p.pages.get(), p.tags.len()))
            .collect();
        assert_eq!(
            shape,
            [(1, 3, TAG_PAGE_SIZE), (2, 3, TAG_PAGE_SIZE), (3, 3, 1)]
        );
        assert_eq!(pages[1].tags[0].slug, format!("tag-{TAG_PAGE_SIZE}"));
        let listed: Vec<String> = index
            .site_pages()
            .iter()
            .filter(|p| matches!(p.route, Route::Tags { .. }))
            .map(|p| p.route.path())
            .collect();
        assert_eq!(listed, ["/en/tags/", "/en/tags/page/2", "/en/tags/page/3"]);
        let empty = SiteIndex {
            tags: vec![],
            ..index
        };
        assert_eq!(empty.tag_pages().len(), 1, "an empty list has its page");
    }

    #[test]
    fn the_site_pages_of_a_language() {
        let index = SiteIndex {
            lang: Lang::Ru,
            posts: (0..25).map(|n| meta(n, &["rag"])).collect(),
            tags: vec![TagCount {
                slug: "rag".into(),
                name: "RAG".into(),
                count: 25,
            }],
        };
        let pages = index.site_pages();
        let paths: Vec<String> = pages.iter().map(|p| p.route.path()).collect();
        assert_eq!(&paths[..3], ["/ru/", "/ru/page/2", "/ru/blog/post-0"]);
        assert_eq!(
            &paths[27..],
            ["/ru/tags/", "/ru/tags/rag", "/ru/tags/rag/page/2"]
        );
        assert_eq!(pages.len(), 2 + 25 + 3);
        assert_eq!(pages[0].lastmod.as_deref(), Some("2026-01-01"));
        assert_eq!(pages[27].lastmod, None);
    }

    #[test]
    fn a_tag_with_many_articles_is_paged_like_the_index() {
        let index = SiteIndex {
            lang: Lang::En,
            posts: (0..50)
                .map(|n| meta(n, if n % 2 == 0 { &["rag"] } else { &[] }))
                .collect(),
            tags: vec![TagCount {
                slug: "rag".into(),
                name: "RAG".into(),
                count: 25,
            }],
        };
        let pages: Vec<_> = index
            .tagged()
            .map(|t| (t.page.get(), t.pages.get(), t.total, t.posts.len()))
            .collect();
        assert_eq!(pages, [(1, 2, 25, 20), (2, 2, 25, 5)]);
        let second = index.tagged().nth(1).unwrap();
        assert_eq!(second.posts[0].slug, "post-40");
    }

    #[test]
    fn documents_round_trip_through_json() {
        let index = SiteIndex {
            lang: Lang::Ru,
            posts: vec![],
            tags: vec![TagCount {
                slug: "rag".into(),
                name: "RAG".into(),
                count: 3,
            }],
        };
        let json = serde_json::to_string(&index).unwrap();
        assert_eq!(
            json,
            r#"{"lang":"ru","posts":[],"tags":[{"slug":"rag","name":"RAG","count":3}]}"#
        );
        assert_eq!(serde_json::from_str::<SiteIndex>(&json).unwrap(), index);
    }
}
