//! The pipeline on small content trees: each broken input fails the build with the
//! file and line to fix, and a good tree becomes the documents the app reads.

use model::site_toml::FeedSettings;
use model::Lang;
use pipeline::ErrorKind;
use std::fs;
use std::path::{Path, PathBuf};

const TAGS: &str = "[llm]\nen = \"LLMs\"\nru = \"LLM\"\n\n[rag]\nen = \"RAG\"\nru = \"RAG\"\n";

fn article(slug: &str, title: &str, date: &str, body: &str) -> String {
    format!(
        "+++\nslug = \"{slug}\"\ntitle = \"{title}\"\nsummary = \"About {title}.\"\ndate = {date}\ntags = [\"llm\", \"rag\"]\n+++\n\n{body}\n"
    )
}

/// A valid two-article tree in both languages.
fn good_tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::write(root.join("tags.toml"), TAGS).unwrap();
    fs::write(root.join("README.md"), "not an article").unwrap();
    for lang in ["en", "ru"] {
        fs::create_dir(root.join(lang)).unwrap();
        // "second" is newer, so the link to it is an update note.
        let note = match lang {
            "en" => "Update (November 2026)",
            _ => "Дополнение (ноябрь 2026)",
        };
        let body = format!("Intro words here.\n\n## Section\n\n*{note}: see [the other](/{lang}/blog/second).*\n\n```rust\nfn main() {{}}\n```");
        fs::write(
            root.join(lang).join("first.md"),
            article("first", "First", "2026-10-01", &body),
        )
        .unwrap();
        fs::write(
            root.join(lang).join("second.md"),
            article("second", "Second", "2026-11-01", "Text."),
        )
        .unwrap();
    }
    dir
}

/// Loads `root` and returns its errors as (file relative to root, line, kind).
fn errors(root: &Path) -> Vec<(PathBuf, usize, ErrorKind)> {
    let errors = pipeline::load(root, "").expect_err("the tree should be rejected");
    errors
        .0
        .into_iter()
        .map(|e| {
            (
                e.path.strip_prefix(root).unwrap().to_path_buf(),
                e.line,
                e.kind,
            )
        })
        .collect()
}

/// Writes everything for `site` under `out` for https://example.org, with the
/// default feed settings.
fn emit(site: &pipeline::Site, out: &Path) -> pipeline::emit::Written {
    pipeline::emit::write(site, out, "https://example.org", &FeedSettings::default()).unwrap()
}

fn edit(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join(file);
    let source = fs::read_to_string(&path).unwrap();
    assert!(source.contains(from), "{file} has no {from:?}");
    fs::write(path, source.replacen(from, to, 1)).unwrap();
}

#[test]
fn a_rebuild_writes_only_what_changed_and_removes_what_is_gone() {
    let dir = good_tree();
    let root = dir.path();
    let out = tempfile::tempdir().unwrap();
    let first = emit(&pipeline::load(root, "").unwrap(), out.path());
    assert_eq!(first.rewritten.len(), first.files);
    let unchanged = emit(&pipeline::load(root, "").unwrap(), out.path());
    assert!(unchanged.rewritten.is_empty() && unchanged.removed.is_empty());

    let doc = |lang: &str, slug: &str| out.path().join(format!("content/{lang}/posts/{slug}.json"));
    let untouched = fs::metadata(doc("ru", "second"))
        .unwrap()
        .modified()
        .unwrap();
    edit(root, "en/second.md", "Text.", "Text, revised.");
    let edited = emit(&pipeline::load(root, "").unwrap(), out.path());
    assert!(
        edited.rewritten.contains(&doc("en", "second"))
            && edited.rewritten.len() < edited.files / 2,
        "{:?} of {} files written",
        edited.rewritten,
        edited.files
    );
    assert!(fs::read_to_string(doc("en", "second"))
        .unwrap()
        .contains("Text, revised."));
    assert_eq!(
        fs::metadata(doc("ru", "second"))
            .unwrap()
            .modified()
            .unwrap(),
        untouched
    );

    for lang in ["en", "ru"] {
        fs::remove_file(root.join(lang).join("first.md")).unwrap();
    }
    let removed = emit(&pipeline::load(root, "").unwrap(), out.path());
    assert!(removed.removed.contains(&doc("en", "first")));
    assert!(!doc("en", "first").exists());
    assert!(!out.path().join("root/cards/ru/first.png").exists());
    assert!(doc("en", "second").exists());
}

#[test]
fn good_tree_becomes_documents() {
    let dir = good_tree();
    let site = pipeline::load(dir.path(), "").unwrap();
    let index = site.index(Lang::Ru);
    let slugs: Vec<_> = index.posts.iter().map(|p| p.slug.as_str()).collect();
    assert_eq!(slugs, ["second", "first"], "newest first");
    assert_eq!(index.posts[0].date_label, "1 ноября 2026 г.");
    assert_eq!(index.tags.len(), 2);
    assert_eq!(index.tags[0].count, 2);
    let post = site
        .posts(Lang::En)
        .find(|p| p.meta.slug == "first")
        .unwrap();
    assert!(post
        .html
        .contains("<a href=\"/en/blog/second\">the other</a>"));
    assert_eq!(post.headings[0].id, "section");
    assert_eq!(post.meta.reading_minutes, 1);
    // Newest first: "second" is newer than "first", and nothing is older.
    assert_eq!(post.newer.as_ref().map(|l| l.slug.as_str()), Some("second"));
    assert_eq!(post.older, None);
    let related: Vec<_> = post.related.iter().map(|p| p.slug.as_str()).collect();
    assert_eq!(related, ["second"]);

    let out = tempfile::tempdir().unwrap();
    let n = emit(&site, out.path()).files;
    assert_eq!(
        n, 30,
        "per language 2 articles, 1 index page, the tag list, 2 tags, \
         the search index, its one part and 2 results, 2 article cards and an \
         index card; 2 feeds, sitemap, robots.txt"
    );
    assert!(out.path().join("root/cards/ru/first.png").is_file());
    assert!(out.path().join("root/cards/en/index.png").is_file());
    let json = fs::read_to_string(out.path().join("content/ru/posts/first.json")).unwrap();
    let back: model::Post = serde_json::from_str(&json).unwrap();
    assert_eq!(back.lang, Lang::Ru);
    for doc in [
        "pages/1.json",
        "tags/page/1.json",
        "tags/rag/1.json",
        "tags/llm/1.json",
    ] {
        assert!(out.path().join("content/en").join(doc).exists(), "{doc}");
    }
    let mut found = search_slugs(out.path(), Lang::En);
    found.sort();
    assert_eq!(found, ["first", "second"]);
    assert!(!out.path().join("content/en/pages/2.json").exists());
    assert!(out.path().join("root/ru/feed.xml").exists());
    assert!(out.path().join("root/sitemap.xml").exists());
}

#[test]
fn missing_slug() {
    let dir = good_tree();
    edit(dir.path(), "en/first.md", "slug = \"first\"\n", "");
    let errs = errors(dir.path());
    assert!(
        errs.contains(&("en/first.md".into(), 2, ErrorKind::MissingField("slug"))),
        "{errs:?}"
    );
}

#[test]
fn a_file_not_named_after_its_slug_is_rejected() {
    let dir = good_tree();
    fs::rename(
        dir.path().join("ru/second.md"),
        dir.path().join("ru/vtoroy.md"),
    )
    .unwrap();
    let errs = errors(dir.path());
    assert_eq!(
        errs,
        [(
            "ru/vtoroy.md".into(),
            2,
            ErrorKind::SlugFileName {
                slug: "second".into(),
                file: "vtoroy.md".into()
            }
        )]
    );
}

#[test]
fn duplicate_slug_names_both_files() {
    let dir = good_tree();
    edit(
        dir.path(),
        "en/second.md",
        "slug = \"second\"",
        "slug = \"first\"",
    );
    let errs = errors(dir.path());
    let (path, line, kind) = errs
        .iter()
        .find(|(_, _, k)| matches!(k, ErrorKind::DuplicateSlug { .. }))
        .unwrap();
    assert_eq!((path.to_str().unwrap(), *line), ("en/second.md", 2));
    assert!(
        matches!(kind, ErrorKind::DuplicateSlug { slug, other } if slug == "first" && other.ends_with("en/first.md")),
        "{kind:?}"
    );
}

#[test]
fn unparsable_date() {
    let dir = good_tree();
    edit(dir.path(), "ru/second.md", "2026-11-01", "2026-02-30");
    let errs = errors(dir.path());
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!(
        (errs[0].0.to_str().unwrap(), errs[0].1),
        ("ru/second.md", 5)
    );
    assert!(matches!(errs[0].2, ErrorKind::FrontMatter(_)));
}

#[test]
fn missing_required_field() {
    let dir = good_tree();
    edit(
        dir.path(),
        "ru/first.md",
        "summary = \"About First.\"\n",
        "",
    );
    assert_eq!(
        errors(dir.path()),
        [("ru/first.md".into(), 2, ErrorKind::MissingField("summary"))]
    );
}

#[test]
fn unknown_language_folder() {
    let dir = good_tree();
    fs::create_dir(dir.path().join("de")).unwrap();
    assert_eq!(
        errors(dir.path()),
        [("de".into(), 1, ErrorKind::UnknownLanguage("de".into()))]
    );
}

#[test]
fn the_examples_folder_holds_scripts_not_articles() {
    let dir = good_tree();
    fs::create_dir(dir.path().join("examples")).unwrap();
    fs::write(dir.path().join("examples/first.py"), "print(1)\n").unwrap();
    let site = pipeline::load(dir.path(), "").unwrap();
    assert_eq!(site.articles[&Lang::En].len(), 2);
}

/// Found by the link check of the built site (tests/clients): an English-only
/// article's Russian page linked its own sections and the articles it cites
/// on the English site, so a Russian reader who followed one left Russian.
#[test]
fn an_untranslated_page_links_its_sections_and_the_articles_it_cites_in_its_own_language() {
    let dir = good_tree();
    fs::remove_file(dir.path().join("ru/first.md")).unwrap();
    for base in ["", "/insights"] {
        let site = pipeline::load(dir.path(), base).unwrap();
        let fallback = site
            .posts(Lang::Ru)
            .find(|p| p.meta.slug == "first")
            .unwrap();
        assert_eq!(fallback.meta.written_in, Some(Lang::En));
        let html = &fallback.html;
        assert!(
            html.contains(&format!("href=\"{base}/ru/blog/first#section\"")),
            "{html}"
        );
        assert!(
            html.contains(&format!("<a href=\"{base}/ru/blog/second\">the other</a>")),
            "{html}"
        );
        assert!(!html.contains("/en/"), "{html}");
        // The English page is as written.
        let original = site
            .posts(Lang::En)
            .find(|p| p.meta.slug == "first")
            .unwrap();
        assert!(original
            .html
            .contains(&format!("<a href=\"{base}/en/blog/second\">the other</a>")));
    }
}

#[test]
fn an_article_in_one_language_is_shown_untranslated_in_the_other() {
    let dir = good_tree();
    // "second" is English only; ru/first.md still links /ru/blog/second, its
    // untranslated page.
    fs::remove_file(dir.path().join("ru/second.md")).unwrap();
    let site = pipeline::load(dir.path(), "").unwrap();

    let ru = site.index(Lang::Ru);
    let cards: Vec<_> = ru
        .posts
        .iter()
        .map(|p| (p.slug.as_str(), p.written_in))
        .collect();
    assert_eq!(cards, [("second", Some(Lang::En)), ("first", None)]);
    // The card speaks the index's language; the article keeps its own title.
    assert_eq!(ru.posts[0].date_label, "1 ноября 2026 г.");
    assert_eq!(ru.posts[0].tags[0].name, "LLM");
    assert_eq!(ru.posts[0].title, "Second");
    assert!(ru.tags.iter().all(|t| t.count == 2), "{:?}", ru.tags);

    let fallback = site
        .posts(Lang::Ru)
        .find(|p| p.meta.slug == "second")
        .unwrap();
    assert_eq!(fallback.lang, Lang::Ru);
    assert_eq!(fallback.meta.written_in, Some(Lang::En));
    assert_eq!(fallback.meta.date_label, "November 1, 2026");
    assert_eq!(fallback.meta.tags[0].name, "LLMs");
    assert_eq!(fallback.languages, [Lang::En]);
    assert_eq!(
        fallback.older.as_ref().map(|l| l.slug.as_str()),
        Some("first")
    );
    assert_eq!(fallback.related[0].slug, "first");
    assert_eq!(fallback.related[0].written_in, None);
    let ru_first = site
        .posts(Lang::Ru)
        .find(|p| p.meta.slug == "first")
        .unwrap();
    assert_eq!(ru_first.related[0].written_in, Some(Lang::En));
    assert_eq!(ru_first.related[0].date_label, "1 ноября 2026 г.");

    let en = site.posts(Lang::En).collect::<Vec<_>>();
    let languages: Vec<_> = en
        .iter()
        .map(|p| (p.meta.slug.as_str(), p.languages.clone(), p.meta.written_in))
        .collect();
    assert_eq!(
        languages,
        [
            ("second", vec![Lang::En], None),
            ("first", vec![Lang::En, Lang::Ru], None)
        ]
    );

    // The Russian feed and search have only what is written in Russian.
    let xml = pipeline::discovery::feed(
        &site,
        Lang::Ru,
        "https://example.org",
        &FeedSettings::default(),
    );
    let channel = rss::Channel::read_from(xml.as_bytes()).unwrap();
    let links: Vec<_> = channel.items().iter().filter_map(|i| i.link()).collect();
    assert_eq!(links, ["https://example.org/ru/blog/first"]);
    let search = |lang| pipeline::search::index(&site, lang, pipeline::search::PART_BYTES);
    assert_eq!(search(Lang::Ru).docs.len(), 1);
    assert_eq!(search(Lang::En).index.docs, 2);

    // The sitemap names no untranslated page, and no alternate that does not exist.
    let xml = pipeline::discovery::sitemap(&site, "https://example.org");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let alternates = |loc: &str| -> Option<Vec<(String, String)>> {
        let url = doc.descendants().find(|n| {
            n.has_tag_name("url")
                && n.children()
                    .any(|c| c.has_tag_name("loc") && c.text() == Some(loc))
        })?;
        Some(
            url.children()
                .filter(|c| c.has_tag_name("link"))
                .map(|l| {
                    (
                        l.attribute("hreflang").unwrap().to_string(),
                        l.attribute("href").unwrap().to_string(),
                    )
                })
                .collect(),
        )
    };
    assert_eq!(alternates("https://example.org/ru/blog/second"), None);
    let second = "https://example.org/en/blog/second".to_string();
    assert_eq!(
        alternates(&second),
        Some(vec![
            ("en".into(), second.clone()),
            ("x-default".into(), second)
        ])
    );
    assert_eq!(
        alternates("https://example.org/en/blog/first").map(|a| a.len()),
        Some(3)
    );

    let out = tempfile::tempdir().unwrap();
    emit(&site, out.path());
    let json = fs::read_to_string(out.path().join("content/ru/posts/second.json")).unwrap();
    let back: model::Post = serde_json::from_str(&json).unwrap();
    assert_eq!(
        (back.lang, back.meta.written_in),
        (Lang::Ru, Some(Lang::En))
    );
    assert!(!search_slugs(out.path(), Lang::Ru).contains(&"second".to_string()));
}

/// The slugs of the results a language's search index can give, read from its
/// documents as the app reads them.
fn search_slugs(out: &Path, lang: Lang) -> Vec<String> {
    let content = out.join("content");
    let read = |path: String| fs::read_to_string(content.join(path)).unwrap();
    let index: model::SearchIndex =
        serde_json::from_str(&read(model::paths::search(lang))).unwrap();
    for n in 0..index.parts.len() as u32 {
        let path = model::paths::search_part(lang, &index.parts_version, n);
        let part: model::SearchPart = serde_json::from_str(&read(path)).unwrap();
        assert!(!part.forms.is_empty());
    }
    (0..index.docs)
        .map(|n| {
            let doc: model::SearchDoc =
                serde_json::from_str(&read(model::paths::search_doc(lang, &index.version, n)))
                    .unwrap();
            doc.slug
        })
        .collect()
}

#[test]
fn a_russian_article_may_be_the_only_version() {
    let dir = good_tree();
    fs::remove_file(dir.path().join("en/first.md")).unwrap();
    let site = pipeline::load(dir.path(), "").unwrap();
    let en = site.index(Lang::En);
    assert_eq!(en.posts[1].slug, "first");
    assert_eq!(en.posts[1].written_in, Some(Lang::Ru));
    assert_eq!(en.posts[1].date_label, "October 1, 2026");
}

#[test]
fn malformed_front_matter() {
    let dir = good_tree();
    edit(
        dir.path(),
        "en/first.md",
        "title = \"First\"",
        "title = First",
    );
    let errs = errors(dir.path());
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!((errs[0].0.to_str().unwrap(), errs[0].1), ("en/first.md", 3));
    assert!(matches!(errs[0].2, ErrorKind::FrontMatter(_)));

    let dir = good_tree();
    edit(dir.path(), "en/first.md", "+++\n\n", "\n");
    assert_eq!(
        errors(dir.path())[0],
        ("en/first.md".into(), 1, ErrorKind::FrontMatterFence)
    );
}

#[test]
fn unknown_tag_and_translation_mismatch() {
    let dir = good_tree();
    edit(
        dir.path(),
        "ru/first.md",
        "\"llm\", \"rag\"",
        "\"llm\", \"kubernetes\"",
    );
    let errs = errors(dir.path());
    assert!(
        errs.contains(&(
            "ru/first.md".into(),
            6,
            ErrorKind::UnknownTag("kubernetes".into())
        )),
        "{errs:?}"
    );
}

#[test]
fn a_tag_named_like_the_tag_lists_pages_or_badly_is_refused_at_its_line() {
    for (tag, kind) in [
        ("page", ErrorKind::ReservedTag("page".into())),
        ("Big-Tag", ErrorKind::BadSlug("Big-Tag".into())),
    ] {
        let dir = good_tree();
        fs::write(
            dir.path().join("tags.toml"),
            format!("{TAGS}\n[{tag}]\nen = \"X\"\nru = \"X\"\n"),
        )
        .unwrap();
        let line = TAGS.lines().count() + 2;
        assert_eq!(errors(dir.path()), [("tags.toml".into(), line, kind)]);
    }
}

#[test]
fn shared_fields_must_agree_across_languages() {
    let dir = good_tree();
    edit(dir.path(), "ru/first.md", "2026-10-01", "2026-10-02");
    edit(
        dir.path(),
        "ru/first.md",
        "\"llm\", \"rag\"",
        "\"rag\", \"llm\"",
    );
    let errs = errors(dir.path());
    let fields: Vec<_> = errs
        .iter()
        .map(|(_, _, k)| match k {
            ErrorKind::TranslationMismatch { field, .. } => *field,
            other => panic!("unexpected {other:?}"),
        })
        .collect();
    assert_eq!(fields, ["date", "tags"]);
}

#[test]
fn broken_internal_link_points_at_its_line() {
    let dir = good_tree();
    edit(
        dir.path(),
        "en/first.md",
        "/en/blog/second",
        "/en/blog/nowhere",
    );
    assert_eq!(
        errors(dir.path()),
        [(
            "en/first.md".into(),
            13,
            ErrorKind::BrokenLink("/en/blog/nowhere".into())
        )]
    );
    // A link into the other language is an error of its own: links stay in the
    // reader's language, also to an article written in the other one only.
    for only_english in [false, true] {
        let dir = good_tree();
        if only_english {
            fs::remove_file(dir.path().join("ru/second.md")).unwrap();
        }
        edit(
            dir.path(),
            "ru/first.md",
            "/ru/blog/second",
            "/en/blog/second",
        );
        assert_eq!(
            errors(dir.path()),
            [(
                "ru/first.md".into(),
                13,
                ErrorKind::OtherLanguageLink {
                    url: "/en/blog/second".into(),
                    lang: "ru"
                }
            )]
        );
    }
    let dir = good_tree();
    edit(dir.path(), "ru/first.md", "/ru/blog/second", "/en/tags/");
    let errs = errors(dir.path());
    assert!(
        errs[0].2.to_string().contains("leaves the ru site"),
        "{errs:?}"
    );
}

#[test]
fn a_link_to_a_newer_article_outside_a_dated_update_note_stops_the_build_at_its_line() {
    let newer = |slug: &str, marker| ErrorKind::LinkToNewer {
        slug: slug.into(),
        published: "2026-11-01".into(),
        marker,
    };
    // Plain prose, as if the article had linked to one not yet written.
    let dir = good_tree();
    edit(
        dir.path(),
        "en/first.md",
        "*Update (November 2026): see",
        "See",
    );
    assert_eq!(
        errors(dir.path()),
        [("en/first.md".into(), 13, newer("second", "Update"))]
    );
    // A note dated before the article it links to was published.
    let dir = good_tree();
    edit(dir.path(), "ru/first.md", "ноябрь 2026", "октябрь 2026");
    assert_eq!(
        errors(dir.path()),
        [("ru/first.md".into(), 13, newer("second", "Дополнение"))]
    );
    // The other language's marker does not count.
    let dir = good_tree();
    edit(
        dir.path(),
        "ru/first.md",
        "Дополнение (ноябрь 2026)",
        "Update (November 2026)",
    );
    assert_eq!(
        errors(dir.path()),
        [("ru/first.md".into(), 13, newer("second", "Дополнение"))]
    );
    // A later note, and any link back in time, are fine.
    let dir = good_tree();
    edit(dir.path(), "en/first.md", "November 2026", "January 2027");
    edit(
        dir.path(),
        "en/second.md",
        "Text.",
        "Text, after [the first](/en/blog/first).",
    );
    pipeline::load(dir.path(), "").expect("a later note and a backward link are allowed");
}

#[test]
fn a_russian_word_the_glossary_replaces_stops_the_build_at_its_line() {
    let dir = good_tree();
    let root = dir.path();
    edit(
        root,
        "ru/first.md",
        "Intro words here.",
        "Кэш и eval-набор.",
    );
    // English prose and Russian code may use the English word.
    edit(root, "en/first.md", "Intro words here.", "An eval set.");
    edit(root, "ru/first.md", "fn main() {}", "fn eval() {}");
    let term = |found: &str, preferred| ErrorKind::Terminology {
        found: found.into(),
        preferred,
    };
    assert_eq!(
        errors(root),
        [
            ("ru/first.md".into(), 9, term("Кэш", "кеш")),
            (
                "ru/first.md".into(),
                9,
                term("eval", "оценка, оценочный набор")
            ),
        ]
    );
}

#[test]
fn a_script_url_in_a_link_stops_the_build_at_its_line() {
    let dir = good_tree();
    edit(
        dir.path(),
        "ru/first.md",
        "(/ru/blog/second)",
        "(javascript:alert(document.cookie))",
    );
    assert_eq!(
        errors(dir.path()),
        [(
            "ru/first.md".into(),
            13,
            ErrorKind::UnsafeUrl("javascript:alert(document.cookie)".into())
        )]
    );
}

#[test]
fn a_feed_item_describes_a_plain_text_summary_as_text_not_markup() {
    let dir = good_tree();
    edit(
        dir.path(),
        "en/first.md",
        "summary = \"About First.\"",
        "summary = \"Why Vec<T> & <b>bold</b> claims fail.\"",
    );
    let site = pipeline::load(dir.path(), "").unwrap();
    let xml = pipeline::discovery::feed(
        &site,
        Lang::En,
        "https://example.org",
        &FeedSettings::default(),
    );
    let channel = rss::Channel::read_from(xml.as_bytes()).unwrap();
    let item = channel
        .items()
        .iter()
        .find(|i| i.link().is_some_and(|l| l.ends_with("/first")))
        .unwrap();
    // RSS descriptions are HTML: the summary's characters must reach the reader
    // as text, not as a `<T>` tag and bold markup.
    assert_eq!(
        item.description(),
        Some("Why Vec&lt;T&gt; &amp; &lt;b&gt;bold&lt;/b&gt; claims fail.")
    );
}

#[test]
fn code_block_without_language() {
    let dir = good_tree();
    edit(dir.path(), "en/first.md", "```rust", "```");
    let errs = errors(dir.path());
    assert!(
        errs.contains(&("en/first.md".into(), 15, ErrorKind::CodeLanguage)),
        "{errs:?}"
    );
}

#[test]
fn every_error_is_reported_at_once() {
    let dir = good_tree();
    edit(dir.path(), "en/first.md", "```rust", "```");
    edit(dir.path(), "ru/second.md", "2026-11-01", "2026-02-30");
    let report = pipeline::load(dir.path(), "").unwrap_err().to_string();
    assert!(
        report.contains("en/first.md:15: code block must name its language"),
        "{report}"
    );
    assert!(
        report.contains("ru/second.md:5: malformed front matter"),
        "{report}"
    );
}

#[test]
fn unfinished_text_anywhere_in_an_article_stops_the_build_at_its_line() {
    let dir = good_tree();
    let root = dir.path();
    edit(root, "en/first.md", "About First.", "TBD.");
    edit(
        root,
        "en/first.md",
        "Intro words here.",
        "Lorem ipsum dolor.",
    );
    edit(
        root,
        "en/first.md",
        "fn main() {}",
        "fn main() {} // TODO: handle errors",
    );
    edit(
        root,
        "en/second.md",
        "Text.",
        "Prices are placeholders, XXX.",
    );
    edit(root, "ru/first.md", "Intro words here.", "Цены-ЗАГЛУШКИ.");
    assert_eq!(
        errors(root),
        [
            ("en/first.md".into(), 4, ErrorKind::Placeholder("TBD")),
            ("en/first.md".into(), 9, ErrorKind::Placeholder("lorem")),
            ("en/first.md".into(), 16, ErrorKind::Placeholder("TODO")),
            (
                "en/second.md".into(),
                9,
                ErrorKind::Placeholder("PLACEHOLDER")
            ),
            ("en/second.md".into(), 9, ErrorKind::Placeholder("XXX")),
            ("ru/first.md".into(), 9, ErrorKind::Placeholder("ЗАГЛУШК")),
        ]
    );
    let report = pipeline::load(root, "").unwrap_err().to_string();
    assert!(
        report.contains("en/first.md:16: unfinished text \"TODO\" left in the article"),
        "{report}"
    );
}

#[test]
fn ordinary_words_that_contain_a_marker_are_not_unfinished_text() {
    let dir = good_tree();
    edit(
        dir.path(),
        "en/first.md",
        "Intro words here.",
        "A todo list in `TODO.json`, keys like todo:42, dolorem, XXL.",
    );
    pipeline::load(dir.path(), "").unwrap();
}

/// Marks `file` as a translation made from the original whose digest is `digest`.
fn translated_from(root: &Path, file: &str, digest: &str) {
    edit(
        root,
        file,
        "tags = [\"llm\", \"rag\"]\n",
        &format!("tags = [\"llm\", \"rag\"]\ntranslated_from = \"{digest}\"\n"),
    );
}

fn digest_of(site: &pipeline::Site, lang: Lang, slug: &str) -> String {
    site.articles[&lang]
        .iter()
        .find(|a| a.front.slug == slug)
        .unwrap()
        .digest
        .clone()
}

#[test]
fn a_translation_is_out_of_date_when_its_originals_body_changes() {
    use pipeline::TranslationState;
    let dir = good_tree();
    let root = dir.path();
    let before = digest_of(&pipeline::load(root, "").unwrap(), Lang::En, "first");
    for slug in ["first", "second"] {
        let digest = digest_of(&pipeline::load(root, "").unwrap(), Lang::En, slug);
        translated_from(root, &format!("ru/{slug}.md"), &digest);
    }
    let site = pipeline::load(root, "").unwrap();
    assert!(site
        .translations()
        .iter()
        .all(|t| t.state == TranslationState::Current));
    assert!(site.translation_warnings().is_empty());
    assert!(site.posts(Lang::Ru).all(|p| p.outdated.is_none()));

    // Front matter edits and trailing blank lines leave the digest alone.
    edit(root, "en/first.md", "About First.", "About the first.");
    edit(
        root,
        "en/first.md",
        "fn main() {}\n```\n",
        "fn main() {}\n```\n\n\n",
    );
    assert_eq!(
        digest_of(&pipeline::load(root, "").unwrap(), Lang::En, "first"),
        before
    );

    edit(
        root,
        "en/first.md",
        "Intro words here.",
        "Intro words, changed.",
    );
    let site = pipeline::load(root, "").expect("an out-of-date translation never fails the build");
    let now = digest_of(&site, Lang::En, "first");
    assert_ne!(now, before);
    let first = &site.translations()[0];
    assert_eq!(first.slug, "first");
    assert_eq!(
        first.state,
        TranslationState::OutOfDate {
            original: root.join("en/first.md"),
            translation: root.join("ru/first.md"),
            since: "2026-10-01".into(),
            digest: now.clone(),
        }
    );
    assert_eq!(
        first.state.to_string(),
        format!("out of date since 2026-10-01 (record translated_from = \"{now}\")")
    );
    let warnings = site.translation_warnings();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("ru/first.md") && warnings[0].contains("en/first.md"));
    let ru = site
        .posts(Lang::Ru)
        .find(|p| p.meta.slug == "first")
        .unwrap();
    assert_eq!(
        ru.outdated,
        Some(model::Outdated {
            original: Lang::En,
            since: "2026-10-01".into(),
            since_label: "1 октября 2026 г.".into(),
        })
    );
    let en = site
        .posts(Lang::En)
        .find(|p| p.meta.slug == "first")
        .unwrap();
    assert_eq!(en.outdated, None, "the original is never out of date");

    // Recording the new digest brings it up to date.
    edit(root, "ru/first.md", &before, &now);
    let site = pipeline::load(root, "").unwrap();
    assert!(site.translation_warnings().is_empty());
}

#[test]
fn without_one_original_a_pair_is_current_and_a_lone_article_is_missing_its_translation() {
    use pipeline::TranslationState;
    let dir = good_tree();
    let root = dir.path();
    // Both marked as translations: neither is the original.
    translated_from(root, "en/first.md", "000000000000");
    translated_from(root, "ru/first.md", "000000000000");
    fs::remove_file(root.join("en/second.md")).unwrap();
    let states: Vec<_> = pipeline::load(root, "")
        .unwrap()
        .translations()
        .into_iter()
        .map(|t| (t.slug, t.state))
        .collect();
    assert_eq!(
        states,
        [
            ("first".into(), TranslationState::Current),
            ("second".into(), TranslationState::Missing(Lang::En))
        ]
    );
    assert_eq!(
        TranslationState::Missing(Lang::En).to_string(),
        "missing (en)"
    );
}

#[test]
fn a_translated_from_that_is_not_a_digest_stops_the_build_at_its_line() {
    let dir = good_tree();
    translated_from(dir.path(), "ru/first.md", "ABC");
    assert_eq!(
        errors(dir.path()),
        [("ru/first.md".into(), 7, ErrorKind::BadDigest("ABC".into()))]
    );
}

#[test]
fn the_translations_command_lists_every_slug_with_its_state() {
    let dir = good_tree();
    fs::remove_file(dir.path().join("ru/second.md")).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_pipeline"))
        .arg("translations")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "first: current\nsecond: missing (ru)\n"
    );
}

/// Adds `slug` in both languages, linked from nowhere, with `extra` front matter.
fn add_article(root: &Path, slug: &str, date: &str, extra: &str) {
    for lang in ["en", "ru"] {
        let source = article(slug, slug, date, "Text of it.")
            .replace("+++\n\nText", &format!("{extra}+++\n\nText"));
        fs::write(root.join(lang).join(format!("{slug}.md")), source).unwrap();
    }
}

/// Every place a build can show `slug` in `lang`, as (place, shown).
fn shown(site: &pipeline::Site, lang: Lang, slug: &str) -> Vec<(&'static str, bool)> {
    let index = site.index(lang);
    let sitemap = pipeline::discovery::sitemap(site, "https://example.org");
    let feed =
        pipeline::discovery::feed(site, lang, "https://example.org", &FeedSettings::default());
    let url = format!("/{}/blog/{slug}", lang.code());
    vec![
        ("index", index.posts.iter().any(|p| p.slug == slug)),
        ("document", site.posts(lang).any(|p| p.meta.slug == slug)),
        (
            "related or neighbour",
            site.posts(lang).any(|p| {
                p.related.iter().any(|r| r.slug == slug)
                    || p.newer.iter().chain(&p.older).any(|l| l.slug == slug)
            }),
        ),
        (
            "search",
            pipeline::search::index(site, lang, pipeline::search::PART_BYTES)
                .docs
                .iter()
                .any(|d| d.slug == slug),
        ),
        ("feed", feed.contains(&url)),
        ("sitemap", sitemap.contains(&url)),
    ]
}

#[test]
fn a_draft_is_left_out_of_a_release_build_entirely_and_marked_with_drafts() {
    let dir = good_tree();
    let root = dir.path();
    // A third topic tag: its count must not reveal the draft either.
    fs::write(
        root.join("tags.toml"),
        format!("{TAGS}\n[cost]\nen = \"Cost\"\nru = \"Стоимость\"\n"),
    )
    .unwrap();
    add_article(root, "third", "2026-10-15", "draft = true\n");
    for lang in ["en", "ru"] {
        edit(
            root,
            &format!("{lang}/third.md"),
            "[\"llm\", \"rag\"]",
            "[\"llm\", \"cost\"]",
        );
    }
    let release = pipeline::load_with(root, "", &pipeline::Options::release("2026-12-01")).unwrap();
    for lang in Lang::ALL {
        assert!(
            shown(&release, lang, "third").iter().all(|(_, s)| !s),
            "{lang:?}: {:?}",
            shown(&release, lang, "third")
        );
        let index = release.index(lang);
        assert_eq!(index.posts.len(), 2);
        assert!(index.tags.iter().all(|t| t.slug != "cost" && t.count == 2));
    }
    let out = tempfile::tempdir().unwrap();
    emit(&release, out.path());
    assert!(!out.path().join("content/en/posts/third.json").exists());

    let drafts = pipeline::Options {
        drafts: true,
        ..pipeline::Options::release("2026-12-01")
    };
    let dev = pipeline::load_with(root, "", &drafts).unwrap();
    let index = dev.index(Lang::Ru);
    let third = index.posts.iter().find(|p| p.slug == "third").unwrap();
    assert!(third.draft);
    assert!(index
        .posts
        .iter()
        .filter(|p| p.slug != "third")
        .all(|p| !p.draft));
    assert!(shown(&dev, Lang::En, "third").iter().all(|(_, s)| *s));
}

#[test]
fn an_article_dated_after_the_build_date_waits_unless_future() {
    let dir = good_tree();
    let root = dir.path();
    add_article(root, "third", "2026-12-15", "");
    let on = |today: &str, future: bool| {
        let options = pipeline::Options {
            future,
            ..pipeline::Options::release(today)
        };
        let site = pipeline::load_with(root, "", &options).unwrap();
        shown(&site, Lang::En, "third").iter().all(|(_, s)| *s)
    };
    assert!(!on("2026-12-14", false));
    assert!(on("2026-12-15", false), "published on its date");
    assert!(on("2026-12-14", true));
    assert!(shown(
        &pipeline::load_with(root, "", &pipeline::Options::release("2026-12-14")).unwrap(),
        Lang::En,
        "third"
    )
    .iter()
    .all(|(_, s)| !s));
}

#[test]
fn a_published_article_linking_to_a_left_out_one_stops_the_build_at_its_line() {
    let dir = good_tree();
    let root = dir.path();
    for lang in ["en", "ru"] {
        edit(
            root,
            &format!("{lang}/second.md"),
            "+++\n\nText",
            "draft = true\n+++\n\nText",
        );
    }
    let today = pipeline::Options::release("2026-12-01");
    let errs: Vec<_> = pipeline::load_with(root, "", &today)
        .unwrap_err()
        .0
        .into_iter()
        .map(|e| {
            (
                e.path.strip_prefix(root).unwrap().to_path_buf(),
                e.line,
                e.kind,
            )
        })
        .collect();
    let draft = ErrorKind::LinkToUnpublished {
        slug: "second".into(),
        why: "a draft".into(),
    };
    assert_eq!(
        errs,
        [
            ("en/first.md".into(), 13, draft.clone()),
            ("ru/first.md".into(), 13, draft)
        ]
    );
    // A draft may link to a draft; with --drafts the link is fine.
    let all = pipeline::Options::everything("2026-12-01");
    assert!(pipeline::load_with(root, "", &all).is_ok());

    // A scheduled article, through the command line and BUILD_DATE.
    let dir = good_tree();
    let out = tempfile::tempdir().unwrap();
    let run = |args: &[&str], date: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_pipeline"))
            .args(args)
            .arg(dir.path())
            .arg(out.path())
            .env("BUILD_DATE", date)
            .env("SITE_URL", "https://example.org")
            .output()
            .unwrap()
    };
    let failed = run(&[], "2026-10-15");
    assert!(!failed.status.success());
    let stderr = String::from_utf8(failed.stderr).unwrap();
    assert!(
        stderr.contains("first.md:13: link to \"second\", which is scheduled for 2026-11-01"),
        "{stderr}"
    );
    assert!(run(&["--future"], "2026-10-15").status.success());
    assert!(run(&[], "2026-11-01").status.success());
    assert!(!run(&[], "soon").status.success());
}

#[test]
fn updated_dates_label_the_documents_and_date_the_sitemap_and_the_feed() {
    let dir = good_tree();
    let root = dir.path();
    for lang in ["en", "ru"] {
        edit(
            root,
            &format!("{lang}/first.md"),
            "date = 2026-10-01\n",
            "date = 2026-10-01\nupdated = 2026-11-15\n",
        );
    }
    let site = pipeline::load(root, "").unwrap();
    for (lang, label) in [
        (Lang::En, "November 15, 2026"),
        (Lang::Ru, "15 ноября 2026 г."),
    ] {
        let post = site.posts(lang).find(|p| p.meta.slug == "first").unwrap();
        assert_eq!(post.meta.updated.as_deref(), Some("2026-11-15"));
        assert_eq!(post.meta.updated_label.as_deref(), Some(label));
        // Still listed by publication date.
        assert_eq!(site.index(lang).posts[1].slug, "first");
    }
    let sitemap = pipeline::discovery::sitemap(&site, "https://example.org");
    assert!(sitemap.contains(
        "<loc>https://example.org/en/blog/first</loc>\n    <lastmod>2026-11-15</lastmod>"
    ));
    let xml = pipeline::discovery::feed(
        &site,
        Lang::En,
        "https://example.org",
        &FeedSettings::default(),
    );
    let channel = rss::Channel::read_from(xml.as_bytes()).unwrap();
    assert_eq!(
        channel.last_build_date(),
        Some("Sun, 15 Nov 2026 00:00:00 +0000")
    );
    let first = channel
        .items()
        .iter()
        .find(|i| i.link().unwrap().ends_with("/first"));
    assert_eq!(
        first.and_then(|i| i.pub_date()),
        Some("Thu, 01 Oct 2026 00:00:00 +0000")
    );
    // The item says when it was updated (Atom's element; RSS has none), and
    // only the updated one does.
    let items: Vec<&str> = xml.split("<item>").skip(1).collect();
    let item = items
        .iter()
        .find(|i| i.contains("/en/blog/first</link>"))
        .unwrap();
    assert!(
        item.contains("<atom:updated>2026-11-15T00:00:00Z</atom:updated>"),
        "{item}"
    );
    assert_eq!(xml.matches("<atom:updated>").count(), 1, "{xml}");
    assert!(xml.contains("xmlns:atom=\"http://www.w3.org/2005/Atom\""));

    // An out-of-date translation dates from the original's update.
    edit(
        root,
        "ru/first.md",
        "tags =",
        "translated_from = \"000000000000\"\ntags =",
    );
    let site = pipeline::load(root, "").unwrap();
    let ru = site
        .posts(Lang::Ru)
        .find(|p| p.meta.slug == "first")
        .unwrap();
    assert_eq!(ru.outdated.unwrap().since, "2026-11-15");

    edit(
        root,
        "en/first.md",
        "updated = 2026-11-15",
        "updated = 2026-09-30",
    );
    assert_eq!(
        errors(root),
        [(
            "en/first.md".into(),
            6,
            ErrorKind::UpdatedBeforeDate {
                updated: "2026-09-30".into(),
                date: "2026-10-01".into()
            }
        )]
    );
}

/// A tree whose "first" article shows the figure `flow.svg` in both languages.
fn tree_with_figure() -> tempfile::TempDir {
    let dir = good_tree();
    let root = dir.path();
    let folder = root.join("figures/first");
    fs::create_dir_all(&folder).unwrap();
    fs::write(
        folder.join("flow.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 400 200\"><text font-size=\"16\">Flow</text></svg>",
    )
    .unwrap();
    edit(
        root,
        "en/first.md",
        "Intro words here.",
        "Intro words here.\n\n![The flow](flow.svg \"How it flows\")",
    );
    edit(
        root,
        "ru/first.md",
        "Intro words here.",
        "Intro words here.\n\n![Поток](flow.svg \"Как он идёт\")",
    );
    dir
}

#[test]
fn a_figure_is_written_under_its_hashed_name_and_shown_in_both_languages() {
    let dir = tree_with_figure();
    let site = pipeline::load(dir.path(), "").unwrap();
    let out = tempfile::tempdir().unwrap();
    emit(&site, out.path());
    let json = fs::read_to_string(out.path().join("content/ru/posts/first.json")).unwrap();
    let post: model::Post = serde_json::from_str(&json).unwrap();
    let src = post.html.split("<img src=\"").nth(1).unwrap();
    let src = &src[..src.find('"').unwrap()];
    assert!(
        src.starts_with("/figures/first/flow-") && src.ends_with(".svg"),
        "{src}"
    );
    let served = fs::read_to_string(out.path().join("root").join(&src[1..])).unwrap();
    assert!(
        served.contains("<style>svg{color-scheme:light dark;"),
        "{served}"
    );
    assert!(
        post.html.contains("Рисунок 1.</span> Как он идёт"),
        "{}",
        post.html
    );
}

#[test]
fn figure_mistakes_name_the_article_file_and_line() {
    let dir = tree_with_figure();
    let root = dir.path();
    // A missing file in English, no alt text in Russian.
    edit(root, "en/first.md", "](flow.svg", "](missing.svg");
    edit(root, "ru/first.md", "![Поток]", "![]");
    let found = errors(root);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].0, PathBuf::from("en/first.md"));
    // Front matter (lines 1-7), a blank line, the intro, a blank line: line 11.
    assert_eq!(found[0].1, 11, "{found:?}");
    assert!(matches!(found[0].2, ErrorKind::FigureNotFound { .. }));
    assert_eq!(
        (found[1].0.as_path(), found[1].1),
        (Path::new("ru/first.md"), 11)
    );
    assert_eq!(found[1].2, ErrorKind::FigureAlt);
}

#[test]
fn a_figure_in_one_language_only_is_an_error() {
    let dir = tree_with_figure();
    let root = dir.path();
    edit(
        root,
        "ru/first.md",
        "![Поток](flow.svg \"Как он идёт\")",
        "Без рисунка.",
    );
    let found = errors(root);
    assert!(
        found
            .iter()
            .any(|(file, _, kind)| file == Path::new("en/first.md")
                && matches!(
                    kind,
                    ErrorKind::TranslationMismatch {
                        field: "figures",
                        ..
                    }
                )),
        "{found:?}"
    );
}

#[test]
fn a_caption_in_one_language_only_is_an_error() {
    let dir = tree_with_figure();
    let root = dir.path();
    edit(root, "ru/first.md", " \"Как он идёт\")", ")");
    let found = errors(root);
    assert!(
        found
            .iter()
            .any(|(file, _, kind)| file == Path::new("en/first.md")
                && matches!(kind, ErrorKind::TranslationMismatch { field: "figures", theirs, .. }
                if theirs == "flow.svg without a caption")),
        "{found:?}"
    );
}

#[test]
fn a_drafts_figures_are_left_out_of_a_release_build() {
    let dir = tree_with_figure();
    let root = dir.path();
    for file in ["en/first.md", "ru/first.md"] {
        edit(root, file, "tags = [", "draft = true\ntags = [");
    }
    let release = pipeline::load(root, "").unwrap();
    let out = tempfile::tempdir().unwrap();
    emit(&release, out.path());
    assert!(!out.path().join("root/figures/first").exists());
    let drafts = pipeline::Options {
        drafts: true,
        ..pipeline::Options::release(&pipeline::dates::today_utc())
    };
    let with_drafts = pipeline::load_with(root, "", &drafts).unwrap();
    emit(&with_drafts, out.path());
    assert!(out.path().join("root/figures/first").is_dir());
}

/// The text of `slug`'s English version as `site` rendered it.
fn english_html(site: &pipeline::Site, slug: &str) -> String {
    site.posts(Lang::En)
        .find(|p| p.meta.slug == slug)
        .unwrap()
        .html
}

#[test]
fn a_load_again_reads_only_the_files_that_changed_and_everything_when_tags_change() {
    let dir = good_tree();
    let root = dir.path();
    let options = pipeline::Options::release("2026-12-01");
    let mut loaded = pipeline::Loaded::default();
    pipeline::load_again(root, "", &options, &mut loaded).unwrap();
    assert_eq!(loaded.len(), 4);

    // Same length and time as before: taken to be the same file, not read again.
    let file = root.join("en/second.md");
    let stamp = fs::metadata(&file).unwrap().modified().unwrap();
    edit(root, "en/second.md", "Text.", "Txet.");
    fs::File::options()
        .write(true)
        .open(&file)
        .unwrap()
        .set_modified(stamp)
        .unwrap();
    let site = pipeline::load_again(root, "", &options, &mut loaded).unwrap();
    assert!(english_html(&site, "second").contains("Text."));

    // A new time: read again.
    fs::File::options()
        .write(true)
        .open(&file)
        .unwrap()
        .set_modified(stamp + std::time::Duration::from_secs(1))
        .unwrap();
    let site = pipeline::load_again(root, "", &options, &mut loaded).unwrap();
    assert!(english_html(&site, "second").contains("Txet."));

    // The tag vocabulary is part of every article: all are read again, and a
    // file changed behind an unchanged stamp is seen then too.
    edit(root, "en/first.md", "Intro words", "Outro words");
    fs::File::options()
        .write(true)
        .open(root.join("en/first.md"))
        .unwrap()
        .set_modified(
            fs::metadata(root.join("ru/first.md"))
                .unwrap()
                .modified()
                .unwrap(),
        )
        .unwrap();
    let tags = fs::read_to_string(root.join("tags.toml")).unwrap();
    fs::write(
        root.join("tags.toml"),
        format!("{tags}\n[spare]\nen = \"Spare\"\nru = \"Запас\"\n"),
    )
    .unwrap();
    let site = pipeline::load_again(root, "", &options, &mut loaded).unwrap();
    assert!(english_html(&site, "first").contains("Outro words"));

    // A file removed is forgotten, and its absence reported like in any load.
    fs::remove_file(root.join("ru/second.md")).unwrap();
    fs::remove_file(root.join("en/second.md")).unwrap();
    assert!(
        pipeline::load_again(root, "", &options, &mut loaded).is_err(),
        "first links to second"
    );
    assert_eq!(loaded.len(), 2);
}

/// Every file under `dir` with its bytes, by path relative to `dir`.
fn tree(dir: &Path) -> std::collections::BTreeMap<PathBuf, Vec<u8>> {
    let mut files = std::collections::BTreeMap::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else {
                let bytes = fs::read(&path).unwrap();
                files.insert(path.strip_prefix(dir).unwrap().to_path_buf(), bytes);
            }
        }
    }
    files
}

#[test]
fn a_rebuild_with_what_the_last_kept_writes_what_a_whole_build_writes() {
    let dir = good_tree();
    let root = dir.path();
    // Older English articles sharing one tag with "first" (and "second"), so
    // that which are related to it follows their tags and dates.
    let mut tags = TAGS.to_string();
    for (slug, date, tag) in [
        ("third", "2026-09-01", "llm"),
        ("fourth", "2026-08-01", "rag"),
        ("fifth", "2026-07-01", "llm"),
    ] {
        tags += &format!("\n[{slug}]\nen = \"{slug}\"\nru = \"{slug}\"\n");
        let source = article(slug, slug, date, "Older text.").replace(
            "tags = [\"llm\", \"rag\"]",
            &format!("tags = [\"{tag}\", \"{slug}\"]"),
        );
        fs::write(root.join("en").join(format!("{slug}.md")), source).unwrap();
    }
    fs::write(root.join("tags.toml"), tags).unwrap();
    let (kept_out, whole_out) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let mut kept = pipeline::emit::Kept::default();
    let mut loaded = pipeline::Loaded::default();
    let options = pipeline::Options::release("2026-12-01");
    let mut rebuild = |kept: &mut pipeline::emit::Kept| {
        let site = pipeline::load_again(root, "", &options, &mut loaded).unwrap();
        let feed = FeedSettings::default();
        pipeline::emit::write_with(
            &site,
            kept_out.path(),
            "https://example.org",
            &feed,
            Some(kept),
        )
        .unwrap()
    };
    rebuild(&mut kept);
    // Each edit changes what other documents show: the neighbour's link, the
    // index, the search index of one language only.
    for (file, from, to) in [
        (
            "en/second.md",
            "title = \"Second\"",
            "title = \"Second, retitled\"",
        ),
        ("en/first.md", "Intro words here.", "Intro words changed."),
        (
            "ru/second.md",
            "summary = \"About Second.\"",
            "summary = \"О втором.\"",
        ),
        ("ru/first.md", "title = \"First\"", "title = \"Первая\""),
        // Related articles: by shared tags, then by closeness in time.
        ("en/fifth.md", "[\"llm\", \"fifth\"]", "[\"llm\", \"rag\"]"),
        ("en/fourth.md", "date = 2026-08-01", "date = 2026-09-15"),
    ] {
        std::thread::sleep(std::time::Duration::from_millis(10));
        edit(root, file, from, to);
        let written = rebuild(&mut kept);
        emit(&pipeline::load(root, "").unwrap(), whole_out.path());
        // The documents, and the pages' files: feeds, sitemaps, social cards
        // (not the cache, which holds what earlier builds drew too).
        let made = |out: &Path| {
            let mut files = tree(&out.join("content"));
            files.extend(
                tree(&out.join("root"))
                    .into_iter()
                    .map(|(p, b)| (Path::new("root").join(p), b)),
            );
            files
        };
        let (kept_files, whole) = (made(kept_out.path()), made(whole_out.path()));
        let differ: Vec<_> = kept_files
            .keys()
            .chain(whole.keys())
            .filter(|path| kept_files.get(*path) != whole.get(*path))
            .collect();
        assert!(
            differ.is_empty(),
            "after {file}: {from} -> {to}: {differ:?} differ"
        );
        assert!(!written.rewritten.is_empty());
    }
}
