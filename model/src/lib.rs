//! The data contract between the build-time content pipeline and the app.
//!
//! The pipeline serialises these types to JSON (`dist/content/...`); the app
//! deserialises the same types, either fetched at run time or bundled into the wasm.
//! Keeping them in one crate means the two sides cannot drift apart.

use serde::{Deserialize, Serialize};

#[cfg(feature = "sources")]
pub mod locales;
#[cfg(feature = "sources")]
pub mod site_toml;

/// A language the site is published in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    En,
    /// Russian.
    Ru,
}

impl Lang {
    /// Every language, in the order they are offered to readers.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ru];

    /// The BCP 47 code used in URLs, folders and `lang` attributes.
    pub const fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
        }
    }

    /// The language's name in that language, as the switcher shows it.
    pub const fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ru => "Русский",
        }
    }

    /// Parses an exact language code as used in URLs (`"en"`, `"ru"`).
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// Picks a supported language from a BCP 47 tag such as `ru-RU` or `en-GB`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::from_code(&primary)
    }

    /// The other language, for the language switcher.
    pub const fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Ru,
            Lang::Ru => Lang::En,
        }
    }
}

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
        paginate(&self.posts.iter().collect::<Vec<_>>())
            .map(|(page, pages, total, posts)| IndexPage {
                lang: self.lang,
                page,
                pages,
                total,
                posts,
            })
            .collect()
    }

    /// Every page of the site in this language, as a site path, with the date of
    /// the newest article it lists (for the sitemap's `lastmod`) where it lists
    /// articles by date: the index and its pages, the articles, the tag list, and
    /// each tag with its pages. The one list of the site's pages: the sitemap
    /// names them and the prerenderer writes them.
    pub fn site_pages(&self) -> Vec<(String, Option<String>)> {
        let code = self.lang.code();
        let newest = |i: usize| self.posts.get(i).map(|p| p.date.clone());
        let mut pages = vec![(format!("/{code}/"), newest(0))];
        for n in 2..=page_count(self.posts.len()) {
            pages.push((format!("/{code}/page/{n}"), newest((n - 1) * PAGE_SIZE)));
        }
        for post in &self.posts {
            pages.push((
                format!("/{code}/blog/{}", post.slug),
                Some(post.date.clone()),
            ));
        }
        pages.push((format!("/{code}/tags/"), None));
        for tag in &self.tags {
            pages.push((format!("/{code}/tags/{}", tag.slug), None));
            for n in 2..=page_count(tag.count as usize) {
                pages.push((format!("/{code}/tags/{}/page/{n}", tag.slug), None));
            }
        }
        pages
    }

    /// The tag list.
    pub fn tag_index(&self) -> TagIndex {
        TagIndex {
            lang: self.lang,
            tags: self.tags.clone(),
        }
    }

    /// Every tag's articles, in pages of [`PAGE_SIZE`] like the index.
    pub fn tagged(&self) -> impl Iterator<Item = TaggedPosts> + '_ {
        self.tags.iter().flat_map(move |tag| {
            let posts: Vec<&PostMeta> = self
                .posts
                .iter()
                .filter(|p| p.tags.iter().any(|t| t.slug == tag.slug))
                .collect();
            paginate(&posts).map(|(page, pages, total, posts)| TaggedPosts {
                lang: self.lang,
                tag: tag.clone(),
                page,
                pages,
                total,
                posts,
            })
        })
    }
}

/// `posts` in pages of [`PAGE_SIZE`], as `(page, pages, total, posts)` with pages
/// numbered from 1; at least one page, which may be empty.
fn paginate(posts: &[&PostMeta]) -> impl Iterator<Item = (u32, u32, u32, Vec<PostMeta>)> {
    let pages = page_count(posts.len());
    let total = posts.len() as u32;
    let mut chunks: Vec<Vec<PostMeta>> = posts
        .chunks(PAGE_SIZE)
        .map(|chunk| chunk.iter().map(|p| (*p).clone()).collect())
        .collect();
    chunks.resize(pages, Vec::new());
    chunks
        .into_iter()
        .enumerate()
        .map(move |(i, posts)| (i as u32 + 1, pages as u32, total, posts))
}

/// One page of a language's article index (`/{lang}/`, `/{lang}/page/{n}`):
/// [`PAGE_SIZE`] articles, newest first, so the first screen costs the same
/// whatever the size of the archive.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexPage {
    /// Language of the index.
    pub lang: Lang,
    /// This page's number, from 1.
    pub page: u32,
    /// The number of pages.
    pub pages: u32,
    /// The number of articles in the language.
    pub total: u32,
    /// This page's articles, newest first.
    pub posts: Vec<PostMeta>,
}

/// Every tag of a language in use, with counts (`/{lang}/tags/`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagIndex {
    /// Language of the tag names.
    pub lang: Lang,
    /// The tags, most used first.
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
    /// This page's number, from 1.
    pub page: u32,
    /// The number of pages.
    pub pages: u32,
    /// The number of articles with the tag.
    pub total: u32,
    /// This page's articles, newest first.
    pub posts: Vec<PostMeta>,
}

/// One article as search sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchDoc {
    /// The article's slug.
    pub slug: String,
    /// Its title.
    pub title: String,
    /// Its summary.
    pub summary: String,
}

/// The per-language search index (see the pipeline's `search` module).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchIndex {
    /// Language of the index.
    pub lang: Lang,
    /// The articles, in index order (newest first).
    pub docs: Vec<SearchDoc>,
    /// Every word form in the articles, sorted, with the id of its stem.
    pub forms: Vec<(String, u32)>,
    /// For each stem id, its `(document, weight)` pairs sorted by document,
    /// packed by [`postings::encode`].
    pub postings: Vec<String>,
}

/// A stem's postings, `(document, weight)` pairs sorted by document, packed into
/// a string. Far smaller than JSON pairs (the search index is mostly postings),
/// and cheap to parse: the browser unpacks only the few lists a query touches.
///
/// The numbers, in order: each document as the difference from the previous one
/// (the first as it is), then its weight. Each number is written low bits first,
/// five bits a character: one of `0-9a-v` ends the number, one of `A-Zw-z-_`
/// (the same 32 values) says that more follow. All are JSON-safe.
pub mod postings {
    const LAST: &[u8; 32] = b"0123456789abcdefghijklmnopqrstuv";
    const MORE: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZwxyz-_";

    /// Packs `list` (sorted by document, each document once).
    pub fn encode(list: &[(u32, u32)]) -> String {
        let mut out = String::with_capacity(list.len() * 3);
        let mut push = |mut n: u32| loop {
            let digit = (n & 31) as usize;
            n >>= 5;
            if n == 0 {
                out.push(LAST[digit] as char);
                break;
            }
            out.push(MORE[digit] as char);
        };
        let mut previous = 0;
        for &(doc, weight) in list {
            push(doc - previous);
            push(weight);
            previous = doc;
        }
        out
    }

    /// Unpacks what [`encode`] wrote; `None` for anything it cannot have written.
    pub fn decode(packed: &str) -> Option<Vec<(u32, u32)>> {
        let mut numbers = Vec::with_capacity(packed.len() / 2);
        let (mut value, mut shift) = (0u32, 0u32);
        for byte in packed.bytes() {
            let (digit, last) = match byte {
                b'0'..=b'9' => (byte - b'0', true),
                b'a'..=b'v' => (byte - b'a' + 10, true),
                b'A'..=b'Z' => (byte - b'A', false),
                b'w'..=b'z' => (byte - b'w' + 26, false),
                b'-' => (30, false),
                b'_' => (31, false),
                _ => return None,
            };
            let digit = u32::from(digit);
            // Past 32 bits, or a needless last digit 0 (not how numbers are written).
            if shift > 30 || (shift == 30 && digit > 3) || (last && shift > 0 && digit == 0) {
                return None;
            }
            value |= digit << shift;
            shift += 5;
            if last {
                numbers.push(value);
                (value, shift) = (0, 0);
            }
        }
        if shift != 0 || numbers.len() % 2 != 0 {
            return None;
        }
        let mut doc = 0u32;
        numbers
            .chunks(2)
            .enumerate()
            .map(|(i, pair)| {
                if i > 0 && pair[0] == 0 {
                    return None;
                }
                doc = doc.checked_add(pair[0])?;
                Some((doc, pair[1]))
            })
            .collect()
    }
}

/// The words of `text` as search indexes and queries them: runs of letters and
/// digits, each character [`fold`]ed. The pipeline indexes with it and the app
/// normalises queries with it, so the two cannot drift apart.
pub fn search_words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.chars().map(fold).collect())
}

/// A character as search compares it: lower case for the scripts the site is
/// written in (Basic Latin, Latin-1 and basic Cyrillic), with ё and э as е so that
/// spelling variants meet («кэш» and «кеш», «ёмкость» and «емкость»); any other
/// character as it is.
///
/// Not `char::to_lowercase`: its table of every Unicode case pair made the app's
/// wasm 7 KB (brotli) larger, for scripts the site does not use. Within the ranges
/// above the two agree (tested), and so they do on every word of the content.
pub const fn fold(c: char) -> char {
    let shift = match c {
        'Ё' | 'ё' | 'Э' | 'э' => return 'е',
        'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ' | 'А'..='Я' => 32,
        'Ѐ'..='Џ' => 80,
        _ => return c,
    };
    match char::from_u32(c as u32 + shift) {
        Some(lower) => lower,
        None => c,
    }
}

/// Element ids the app itself renders (the shell, headers, forms, search). Ids the
/// pipeline gives headings and footnotes in article HTML must never be one of
/// these, or the app would find (and overwrite) the article's element instead of
/// its own: see [`is_app_id`].
pub const APP_ELEMENT_IDS: &[&str] = &[
    "main",
    "route-announcer",
    "page-title",
    "toc-title",
    "related-title",
    "latest-title",
    "cta-title",
    "subscribe-email",
    "subscribe-message",
    "search-input",
    "search-results",
];

/// Prefixes of element ids the app numbers (`search-option-0`, …).
pub const APP_ELEMENT_ID_PREFIXES: &[&str] = &["search-option-"];

/// Whether `id` is, or could be, an element id of the app's own markup.
pub fn is_app_id(id: &str) -> bool {
    APP_ELEMENT_IDS.contains(&id) || APP_ELEMENT_ID_PREFIXES.iter().any(|p| id.starts_with(p))
}

/// Paths of the content documents, relative to the content root (`content/` in `dist/`).
/// The pipeline writes to these paths and the app requests them, from this one place.
pub mod paths {
    use super::Lang;

    /// Page `n` (from 1) of a language's article index.
    pub fn index_page(lang: Lang, n: u32) -> String {
        format!("{}/pages/{n}.json", lang.code())
    }

    /// The tags of a language.
    pub fn tags(lang: Lang) -> String {
        format!("{}/tags.json", lang.code())
    }

    /// Page `n` (from 1) of the articles of a language with one tag.
    pub fn tag(lang: Lang, slug: &str, n: u32) -> String {
        format!("{}/tags/{slug}/{n}.json", lang.code())
    }

    /// The search index of a language.
    pub fn search(lang: Lang) -> String {
        format!("{}/search.json", lang.code())
    }

    /// The plain text of one article (a JSON string), for search result
    /// snippets: loaded per result, so a search never downloads every text.
    pub fn search_text(lang: Lang, slug: &str) -> String {
        format!("{}/texts/{slug}.json", lang.code())
    }

    /// One article's document.
    pub fn post(lang: Lang, slug: &str) -> String {
        format!("{}/posts/{slug}.json", lang.code())
    }
}

/// The absolute URL the site is served from, e.g. `https://example.org/insights`:
/// one setting (`content/site.toml`, or `SITE_URL` at build time) from which the
/// pipeline, the prerenderer and the app take absolute URLs and the path prefix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SiteUrl {
    url: String,
    base_len: usize,
}

impl SiteUrl {
    /// Parses an `http(s)://host[:port][/path]` URL; a trailing slash is dropped.
    pub fn parse(raw: &str) -> Result<SiteUrl, String> {
        let url = raw.trim().trim_end_matches('/');
        let rest = url
            .strip_prefix("https://")
            .or_else(|| url.strip_prefix("http://"))
            .ok_or_else(|| format!("site URL must start with https:// or http://: {url:?}"))?;
        let host = rest.split('/').next().unwrap_or_default();
        let bad = |c: char| c.is_whitespace() || matches!(c, '?' | '#' | '"' | '<' | '>' | '\\');
        if host.is_empty() || url.contains(bad) || rest.contains("//") {
            return Err(format!("not a usable site URL: {url:?}"));
        }
        Ok(SiteUrl {
            url: url.to_string(),
            base_len: rest.len() - host.len(),
        })
    }

    /// The URL without a trailing slash: `https://example.org/insights`.
    pub fn as_str(&self) -> &str {
        &self.url
    }

    /// The path prefix without a trailing slash: `/insights`, or `""` at a root.
    pub fn base_path(&self) -> &str {
        &self.url[self.url.len() - self.base_len..]
    }

    /// The absolute URL of a site path given without the prefix (`/en/`).
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{path}", self.url)
    }
}

/// Articles per page of the index: `/{lang}/` shows the newest, `/{lang}/page/2`
/// the next ones, and so on. Shared by the app, the prerenderer and the sitemap.
pub const PAGE_SIZE: usize = 20;

/// The number of index pages for `posts` articles (at least one).
pub fn page_count(posts: usize) -> usize {
    posts.div_ceil(PAGE_SIZE).max(1)
}

/// Whether `slug` is a valid article or tag slug: non-empty lowercase ASCII letters,
/// digits and single hyphens, neither starting nor ending with a hyphen.
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--")
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_map_to_supported_languages() {
        for (tag, want) in [
            ("en", Some(Lang::En)),
            ("en-GB", Some(Lang::En)),
            ("ru-RU", Some(Lang::Ru)),
            ("RU", Some(Lang::Ru)),
            ("ru_UA", Some(Lang::Ru)),
            ("de-DE", None),
            ("", None),
        ] {
            assert_eq!(Lang::from_tag(tag), want, "tag {tag:?}");
        }
    }

    #[test]
    fn url_codes_are_exact() {
        assert_eq!(Lang::from_code("ru"), Some(Lang::Ru));
        assert_eq!(Lang::from_code("RU"), None);
        assert_eq!(Lang::from_code("ru-RU"), None);
        assert_eq!(Lang::En.other(), Lang::Ru);
    }

    #[test]
    fn search_words_are_lowercased_and_folded() {
        let w: Vec<_> = search_words("Ёмкость HNSW-индекса: 16 рёбер, кэш").collect();
        assert_eq!(w, ["емкость", "hnsw", "индекса", "16", "ребер", "кеш"]);
    }

    #[test]
    fn site_urls_give_their_path_prefix() {
        let root = SiteUrl::parse("https://example.org/").unwrap();
        assert_eq!(
            (root.as_str(), root.base_path()),
            ("https://example.org", "")
        );
        let sub = SiteUrl::parse(" https://example.org/insights/ ").unwrap();
        assert_eq!(sub.as_str(), "https://example.org/insights");
        assert_eq!(sub.base_path(), "/insights");
        assert_eq!(sub.absolute("/en/"), "https://example.org/insights/en/");
        let local = SiteUrl::parse("http://127.0.0.1:8080/a/b").unwrap();
        assert_eq!(local.base_path(), "/a/b");
        for bad in [
            "example.org",
            "ftp://x",
            "https://",
            "https://a b",
            "https://x/a?q",
            "https://x//a",
        ] {
            assert!(SiteUrl::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn index_pages() {
        assert_eq!(page_count(0), 1);
        assert_eq!(page_count(20), 1);
        assert_eq!(page_count(21), 2);
        assert_eq!(page_count(2000), 100);
    }

    #[test]
    fn slugs() {
        for (slug, ok) in [
            ("vector-index-tuning", true),
            ("a1", true),
            ("", false),
            ("-a", false),
            ("a-", false),
            ("a--b", false),
            ("Caps", false),
            ("с-кириллицей", false),
            ("a_b", false),
        ] {
            assert_eq!(is_valid_slug(slug), ok, "slug {slug:?}");
        }
    }

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
        }
    }

    #[test]
    fn fold_lowercases_latin_and_cyrillic_like_unicode_does() {
        let ranges = ['\u{0}'..='\u{ff}', '\u{400}'..='\u{45f}'];
        for c in ranges.into_iter().flatten() {
            let want = match c {
                'Ё' | 'ё' | 'Э' | 'э' => 'е',
                c => c.to_lowercase().next().unwrap(),
            };
            // ß and other letters without a one-character lower case stay as they are.
            if c.to_lowercase().count() == 1 {
                assert_eq!(fold(c), want, "{c:?} U+{:04X}", c as u32);
            }
        }
        let words: Vec<String> =
            search_words("Кэширование, ЁМКОСТЬ и Café-Crème: HTTP/2").collect();
        assert_eq!(
            words,
            ["кеширование", "емкость", "и", "café", "crème", "http", "2"]
        );
    }

    #[test]
    fn postings_pack_small_and_unpack_to_the_same_list() {
        let list = [(0, 10), (1, 1), (33, 4), (1_000, 1), (u32::MAX, u32::MAX)];
        let packed = postings::encode(&list);
        assert_eq!(&packed[..7], "0a11A14");
        assert_eq!(postings::decode(&packed).unwrap(), list);
        assert_eq!(postings::encode(&[]), "");
        assert_eq!(postings::decode("").unwrap(), []);
        for bad in [
            "a", "A", "a1A", "a1!", "a\"", "a10a", "_______0", "a101", "A00",
        ] {
            assert_eq!(postings::decode(bad), None, "{bad}");
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
        let sizes: Vec<_> = pages.iter().map(|p| (p.page, p.posts.len())).collect();
        assert_eq!(sizes, [(1, 20), (2, 20), (3, 5)]);
        assert!(pages.iter().all(|p| p.pages == 3 && p.total == 45));
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
            .all(|t| (t.page, t.pages, t.total) == (1, 1, 2)));
        assert_eq!(index.tag_index().tags.len(), 2);
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
        let paths: Vec<&str> = pages.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(&paths[..3], ["/ru/", "/ru/page/2", "/ru/blog/post-0"]);
        assert_eq!(
            &paths[27..],
            ["/ru/tags/", "/ru/tags/rag", "/ru/tags/rag/page/2"]
        );
        assert_eq!(pages.len(), 2 + 25 + 3);
        assert_eq!(pages[0].1.as_deref(), Some("2026-01-01"));
        assert_eq!(pages[27].1, None);
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
            .map(|t| (t.page, t.pages, t.total, t.posts.len()))
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
