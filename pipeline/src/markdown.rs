//! Markdown body to HTML, at build time: heading ids, code block checks, link
//! collection and word counts, so the browser only inserts finished HTML.

use crate::error::ErrorKind;
use crate::figures::{self, FigureSet, Missing, Placement};
use crate::highlight;
use crate::locale::Labels;
use model::{Heading, Lang};
use pulldown_cmark::{
    html, CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd,
};
use std::collections::{HashMap, HashSet};

/// Languages a fenced code block may name (`text` for plain output and diagrams).
pub const CODE_LANGUAGES: &[&str] = &[
    "bash",
    "go",
    "javascript",
    "json",
    "python",
    "rust",
    "sql",
    "text",
    "toml",
    "typescript",
    "yaml",
];

/// A body rendered to HTML with what the pipeline learned on the way.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rendered {
    /// The HTML body.
    pub html: String,
    /// `##` and `###` headings in order, with their element ids.
    pub headings: Vec<Heading>,
    /// Words of prose (code blocks excluded), for reading time and length checks.
    pub words: usize,
    /// The text a reader sees, code included, whitespace collapsed: what search
    /// indexes and shows in result snippets. Image descriptions and footnote
    /// numbers are not part of it.
    pub text: String,
    /// Root-relative link targets with the body-relative line they appear on.
    pub internal_links: Vec<(usize, String)>,
    /// Languages of the fenced code blocks, in order.
    pub code_languages: Vec<String>,
    /// The figures shown, as the Markdown names them, in order; one without a
    /// caption as "name.svg without a caption".
    pub figures: Vec<String>,
}

/// The figures an article may show: the site's figures and the article's slug
/// (its folder of figures).
#[derive(Debug, Clone, Copy)]
pub struct ArticleFigures<'a> {
    pub set: &'a FigureSet,
    pub slug: &'a str,
}

/// A figure's Markdown being read: its line, file, caption and alt text so far.
struct ImageAt {
    line: usize,
    name: String,
    caption: String,
    alt: String,
}

/// Problems found in a body, each with its 0-based line offset inside the body.
pub type BodyErrors = Vec<(usize, ErrorKind)>;

/// Renders `body` of a `lang` article published at `page` (its site path without
/// the prefix); every problem is returned with its line offset in the body.
///
/// `base` is the path prefix of a site hosted under a sub-path (`/insights`, or
/// `""`): internal links (`/en/blog/x`, as authors write them) and heading anchors
/// get it. Anchors, footnote references and in-page links (`#x`) link to
/// `page#id`, not a bare `#id`: the document's `<base>` would resolve a bare
/// fragment against the site root.
///
/// Every id the HTML gets (headings of any level, footnotes) is unique in the
/// article and never one of the app's own element ids ([`model::is_app_id`]).
/// Link and image URLs that run code or carry a document (`javascript:`,
/// `vbscript:`, `data:`) are errors.
///
/// An article without figures; any image is an error. See [`render_article`].
pub fn render(body: &str, lang: Lang, page: &str, base: &str) -> Result<Rendered, BodyErrors> {
    let none = FigureSet::default();
    render_article(
        body,
        lang,
        page,
        base,
        ArticleFigures {
            set: &none,
            slug: "",
        },
    )
}

/// [`render`] for an article that may show `figures`: an image standing in a
/// paragraph of its own becomes a `<figure>` (numbered caption, size, lazy
/// loading below the first screen); any other image is an error.
pub fn render_article(
    body: &str,
    lang: Lang,
    page: &str,
    base: &str,
    figures: ArticleFigures,
) -> Result<Rendered, BodyErrors> {
    let labels = Labels::of(lang);
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_SMART_PUNCTUATION;
    let line_of = |offset: usize| body[..offset].matches('\n').count();

    let mut errors = BodyErrors::new();
    let mut events: Vec<Event> = Vec::new();
    let mut headings = Vec::new();
    let mut heading_at: Option<(usize, u8)> = None;
    // The language and text of the code block being read, if any.
    let mut in_code: Option<(String, String)> = None;
    let mut words = 0;
    let mut text = String::new();
    // Nesting depth of images: their alt text is an attribute, not seen text.
    let mut in_image = 0usize;
    let mut internal_links = Vec::new();
    let mut code_languages = Vec::new();
    let mut image: Option<ImageAt> = None;
    let mut figure_names = Vec::new();
    let mut captions = 0;
    // Where the open paragraph starts in `events`, and the lines of the figures in it.
    let mut paragraph: Option<usize> = None;
    let mut figures_in_paragraph: Vec<usize> = Vec::new();
    // Every id given out so far: headings of every level and footnotes.
    let mut ids: HashSet<String> = HashSet::new();
    // Footnote labels by number, in the order they are first met.
    let mut footnotes: HashMap<String, (usize, String)> = HashMap::new();
    let mut footnote = |label: &str, ids: &mut HashSet<String>| {
        let next = footnotes.len() + 1;
        footnotes
            .entry(label.to_string())
            .or_insert_with(|| (next, unique_id(ids, &format!("fn {next}"))))
            .clone()
    };

    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        // The search text comes from the author's events, before the pipeline adds
        // its own markup (anchors, copy buttons, footnote numbers).
        match &event {
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image -= 1,
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t)
                if in_image == 0 =>
            {
                text.push_str(t);
            }
            // Inline markup joins the text it wraps to its neighbours ("un*do*ne");
            // breaks and block boundaries separate words.
            Event::Start(tag) if !is_inline(&tag.to_end()) => text.push(' '),
            Event::End(end) if !is_inline(end) => text.push(' '),
            Event::SoftBreak | Event::HardBreak | Event::Rule => text.push(' '),
            _ => {}
        }
        // Inside an image: its text is the alt text, its markup dropped.
        if let Some(at) = &mut image {
            match &event {
                Event::End(TagEnd::Image) => {}
                Event::Text(t) | Event::Code(t) => {
                    at.alt.push_str(t);
                    continue;
                }
                _ => continue,
            }
        }
        match &event {
            Event::Start(Tag::Paragraph) => {
                paragraph = Some(events.len());
                figures_in_paragraph.clear();
            }
            Event::End(TagEnd::Paragraph) => {
                let start = paragraph.take().unwrap_or(0);
                // A paragraph of one figure is that figure, not a <p> around it.
                if figures_in_paragraph.len() == 1 && events.len() == start + 2 {
                    events.remove(start);
                    continue;
                }
                errors.extend(
                    figures_in_paragraph
                        .drain(..)
                        .map(|line| (line, ErrorKind::FigureAlone)),
                );
            }
            Event::End(TagEnd::Image) => {
                let Some(at) = image.take() else {
                    events.push(event);
                    continue;
                };
                if at.alt.trim().is_empty() {
                    errors.push((at.line, ErrorKind::FigureAlt));
                }
                let figure = if at.name.contains(['/', ':', '?', '#']) {
                    Err(Missing::Type)
                } else {
                    figures.set.get(figures.slug, &at.name, lang)
                };
                let figure = match figure {
                    Ok(figure) => figure,
                    Err(missing) => {
                        errors.push((
                            at.line,
                            match missing {
                                Missing::Type => ErrorKind::FigureType(at.name),
                                Missing::Variant => ErrorKind::FigureVariant(at.name),
                                Missing::NotFound => ErrorKind::FigureNotFound {
                                    name: at.name,
                                    slug: figures.slug.to_string(),
                                },
                            },
                        ));
                        continue;
                    }
                };
                let caption = (!at.caption.trim().is_empty()).then(|| {
                    captions += 1;
                    (format!("{} {captions}.", labels.figure), at.caption.trim())
                });
                if let Some((_, caption)) = &caption {
                    text.push(' ');
                    text.push_str(caption);
                    text.push(' ');
                }
                let placement = Placement {
                    alt: at.alt.trim(),
                    caption,
                    base,
                    // The first figure, before any section and after a short
                    // opening, is in the first screen.
                    eager: figure_names.is_empty() && headings.is_empty() && words < 60,
                };
                if paragraph.is_some() {
                    figures_in_paragraph.push(at.line);
                } else {
                    errors.push((at.line, ErrorKind::FigureAlone));
                }
                // Both languages show the same figures, each with a caption or
                // neither (site/checks.rs compares these).
                figure_names.push(match &placement.caption {
                    Some(_) => at.name,
                    None => format!("{} without a caption", at.name),
                });
                events.push(Event::Html(CowStr::from(figures::html(figure, &placement))));
                continue;
            }
            Event::Start(Tag::Heading { level, .. }) => {
                if *level == HeadingLevel::H1 {
                    errors.push((line_of(range.start), ErrorKind::BodyH1));
                }
                heading_at = Some((events.len(), *level as u8));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((start, level)) = heading_at.take() {
                    let text = plain_text(&events[start + 1..]);
                    let id = unique_id(&mut ids, &text);
                    if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[start] {
                        *slot = Some(CowStr::from(id.clone()));
                    }
                    events.push(Event::Html(CowStr::from(format!(
                        "<a class=\"anchor\" href=\"{base}{page}#{id}\" aria-label=\"{}\">#</a>",
                        labels.section_link
                    ))));
                    if level <= 3 {
                        headings.push(Heading { level, id, text });
                    }
                }
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => info.split_whitespace().next().unwrap_or(""),
                    CodeBlockKind::Indented => "",
                };
                if CODE_LANGUAGES.contains(&lang) {
                    code_languages.push(lang.to_string());
                } else {
                    errors.push((line_of(range.start), ErrorKind::CodeLanguage));
                }
                in_code = Some((lang.to_string(), String::new()));
                continue;
            }
            Event::Text(text) if in_code.is_some() => {
                if let Some((_, code)) = &mut in_code {
                    code.push_str(text);
                }
                continue;
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((lang, code)) = in_code.take() {
                    events.push(Event::Html(CowStr::from(code_block(&lang, &code, labels))));
                }
                continue;
            }
            // A wide table scrolls inside a box that keyboard users can focus.
            Event::Start(Tag::Table(_)) => {
                events.push(Event::Html(CowStr::from(
                    "<div class=\"table-scroll\" tabindex=\"0\">",
                )));
            }
            Event::End(TagEnd::Table) => {
                events.push(event);
                events.push(Event::Html(CowStr::from("</div>")));
                continue;
            }
            Event::Text(text) | Event::Code(text) => words += count_words(text),
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. })
                if is_unsafe_url(dest_url) =>
            {
                errors.push((
                    line_of(range.start),
                    ErrorKind::UnsafeUrl(dest_url.to_string()),
                ));
            }
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                image = Some(ImageAt {
                    line: line_of(range.start),
                    name: dest_url.to_string(),
                    caption: title.to_string(),
                    alt: String::new(),
                });
                continue;
            }
            Event::FootnoteReference(label) => {
                let (n, id) = footnote(label, &mut ids);
                events.push(Event::Html(CowStr::from(format!(
                    "<sup class=\"footnote-reference\"><a href=\"{base}{page}#{id}\">{n}</a></sup>"
                ))));
                continue;
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                let (n, id) = footnote(label, &mut ids);
                events.push(Event::Html(CowStr::from(format!(
                    "<div class=\"footnote-definition\" id=\"{id}\"><sup class=\"footnote-definition-label\">{n}</sup>"
                ))));
                continue;
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) if dest_url.starts_with('#') => {
                events.push(Event::Start(Tag::Link {
                    link_type: *link_type,
                    dest_url: CowStr::from(format!("{base}{page}{dest_url}")),
                    title: title.clone(),
                    id: id.clone(),
                }));
                continue;
            }
            Event::Start(Tag::Link { dest_url, .. }) if dest_url.starts_with('/') => {
                internal_links.push((line_of(range.start), dest_url.to_string()));
                if let Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }) = event
                {
                    events.push(Event::Start(Tag::Link {
                        link_type,
                        dest_url: CowStr::from(format!("{base}{dest_url}")),
                        title,
                        id,
                    }));
                }
                continue;
            }
            _ => {}
        }
        events.push(match event {
            // Authors write Markdown, not HTML: raw HTML is shown as text so nothing
            // but the pipeline's own markup ever reaches the page.
            Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
            other => other,
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut out = String::with_capacity(body.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    Ok(Rendered {
        html: out,
        headings,
        words,
        text: text.split_whitespace().collect::<Vec<_>>().join(" "),
        internal_links,
        code_languages,
        figures: figure_names,
    })
}

/// A highlighted code block with its copy button (the app wires the button up).
fn code_block(lang: &str, code: &str, labels: &Labels) -> String {
    format!(
        "<div class=\"code-block\"><button type=\"button\" class=\"copy\">{}</button>\
         <pre tabindex=\"0\"><code class=\"language-{lang}\">{}</code></pre></div>\n",
        labels.copy_code,
        highlight::highlight(lang, code)
    )
}

/// Whether a tag is inline markup within a line of text rather than a block.
fn is_inline(end: &TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

/// The text content of a run of inline events.
fn plain_text(events: &[Event]) -> String {
    events
        .iter()
        .filter_map(|e| match e {
            Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
            Event::SoftBreak | Event::HardBreak => Some(" "),
            _ => None,
        })
        .collect()
}

/// Counts words: whitespace-separated runs that contain a letter or digit.
pub fn count_words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Whether a link or image URL has a scheme that runs code or carries a document.
/// Browsers ignore case, and tabs and newlines anywhere in it, and leading spaces.
fn is_unsafe_url(url: &str) -> bool {
    let scheme: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
        .take_while(|c| *c != ':')
        .flat_map(|c| c.to_lowercase())
        .collect();
    url.contains(':') && matches!(scheme.as_str(), "javascript" | "vbscript" | "data")
}

/// A URL fragment for a heading (or footnote): lowercase letters and digits of any
/// script, joined by hyphens, made unique within the article (`ids`, which it
/// joins) and never one of the app's own element ids.
fn unique_id(ids: &mut HashSet<String>, text: &str) -> String {
    let mut base = String::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !base.is_empty() {
            base.push('-');
        }
        base.extend(word.chars().flat_map(char::to_lowercase));
    }
    if base.is_empty() {
        base.push_str("section");
    }
    // `## Route announcer` must not take the id the app announces navigation in.
    if model::is_app_id(&base) {
        base.insert_str(0, "section-");
    }
    let mut id = base.clone();
    let mut n = 2;
    while ids.contains(&id) || model::is_app_id(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    ids.insert(id.clone());
    id
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn renders_headings_with_ids_and_collects_them() {
        let r = render(
            "Intro.\n\n## Why it matters\n\ntext\n\n### Кэширование `KV`\n\n## Why it matters\n",
            Lang::En,
            "/en/blog/x",
            "",
        )
        .unwrap();
        assert!(
            r.html.contains(
                "<h2 id=\"why-it-matters\">Why it matters<a class=\"anchor\" \
                 href=\"/en/blog/x#why-it-matters\" aria-label=\"Link to this section\">#</a></h2>"
            ),
            "{}",
            r.html
        );
        assert!(
            r.html.contains(
                "<h3 id=\"кэширование-kv\">Кэширование <code>KV</code><a class=\"anchor\""
            ),
            "{}",
            r.html
        );
        assert!(
            r.html.contains("<h2 id=\"why-it-matters-2\">"),
            "{}",
            r.html
        );
        let ids: Vec<_> = r
            .headings
            .iter()
            .map(|h| (h.level, h.id.as_str()))
            .collect();
        assert_eq!(
            ids,
            [
                (2, "why-it-matters"),
                (3, "кэширование-kv"),
                (2, "why-it-matters-2")
            ]
        );
        assert_eq!(r.headings[1].text, "Кэширование KV");
    }

    #[test]
    fn renders_tables_lists_code_and_links() {
        let r = render(
            "| a | b |\n|---|---|\n| 1 | 2 |\n\n- one\n- two\n\n```rust\nfn main() {}\n```\n\n[x](https://example.org) [y](/en/blog/y)\n", Lang::En, "/en/blog/x", ""
        )
        .unwrap();
        assert!(r
            .html
            .contains("<div class=\"table-scroll\" tabindex=\"0\"><table>"));
        assert!(r.html.contains("</table>\n</div>"), "{}", r.html);
        assert!(r.html.contains("<ul>\n<li>one</li>"));
        assert!(
            r.html.contains(
                "<div class=\"code-block\"><button type=\"button\" class=\"copy\">Copy</button>\
                 <pre tabindex=\"0\"><code class=\"language-rust\"><span class=\"tk-kw\">fn</span> \
                 <span class=\"tk-fn\">main</span>"
            ),
            "{}",
            r.html
        );
        assert!(r.html.contains("<a href=\"https://example.org\">x</a>"));
        assert_eq!(r.internal_links, [(11, "/en/blog/y".to_string())]);
        assert_eq!(r.code_languages, ["rust"]);
    }

    #[test]
    fn a_sub_path_prefixes_internal_links_and_anchors_only() {
        let r = render(
            "## Part\n\n[in](/ru/blog/y#part) [out](https://example.org/z)\n",
            Lang::Ru,
            "/ru/blog/x",
            "/insights",
        )
        .unwrap();
        assert!(
            r.html.contains("href=\"/insights/ru/blog/x#part\""),
            "{}",
            r.html
        );
        assert!(
            r.html
                .contains("<a href=\"/insights/ru/blog/y#part\">in</a>"),
            "{}",
            r.html
        );
        assert!(r.html.contains("<a href=\"https://example.org/z\">out</a>"));
        // Links are checked against the site's own paths, without the prefix.
        assert_eq!(r.internal_links, [(2, "/ru/blog/y#part".to_string())]);
    }

    #[test]
    fn raw_html_is_escaped() {
        let r = render(
            "Hello <script>alert(1)</script>\n\n<div onclick=\"x()\">hi</div>\n",
            Lang::En,
            "/en/blog/x",
            "",
        )
        .unwrap();
        assert!(!r.html.contains("<script>"), "{}", r.html);
        assert!(!r.html.contains("<div"), "{}", r.html);
        assert!(r.html.contains("&lt;script&gt;"));
    }

    #[test]
    fn code_blocks_must_name_a_known_language() {
        let errors = render(
            "text\n\n```\nplain\n```\n\n```cobol\nX\n```\n\n    indented\n",
            Lang::En,
            "/en/blog/x",
            "",
        )
        .unwrap_err();
        let lines: Vec<_> = errors.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [2, 6, 10]);
        assert!(errors.iter().all(|(_, k)| *k == ErrorKind::CodeLanguage));
    }

    #[test]
    fn ids_are_unique_at_every_level_and_never_the_apps_own() {
        let r = render(
            "## Route announcer\n\n## Main\n\n#### Notes\n\n#### Notes\n\n### Search option 1\n\ntext[^a]\n\n[^a]: A note.\n",
            Lang::En,
            "/en/blog/x",
            "",
        )
        .unwrap();
        let ids: Vec<&str> = r
            .html
            .split(" id=\"")
            .skip(1)
            .map(|rest| &rest[..rest.find('"').unwrap()])
            .collect();
        let unique: HashSet<&str> = ids.iter().copied().collect();
        assert_eq!(unique.len(), ids.len(), "repeated ids: {ids:?}");
        assert_eq!(ids.len(), 6, "five headings and a footnote: {ids:?}");
        for id in &ids {
            assert!(!model::is_app_id(id), "{id} is the app's own id");
        }
        assert!(
            ids.contains(&"notes") && ids.contains(&"notes-2"),
            "{ids:?}"
        );
    }

    #[test]
    fn in_page_links_and_footnotes_point_at_the_page_not_the_site_root() {
        let r = render(
            "See [below](#part) and a note.[^1]\n\n## Part\n\n[^1]: The note.\n",
            Lang::Ru,
            "/ru/blog/x",
            "/insights",
        )
        .unwrap();
        assert!(!r.html.contains("href=\"#"), "{}", r.html);
        assert!(
            r.html
                .contains("<a href=\"/insights/ru/blog/x#part\">below</a>"),
            "{}",
            r.html
        );
        let reference = r
            .html
            .split("class=\"footnote-reference\"><a href=\"")
            .nth(1)
            .expect("a footnote reference");
        let target = &reference[..reference.find('"').unwrap()];
        let (path, id) = target.split_once('#').unwrap();
        assert_eq!(path, "/insights/ru/blog/x");
        assert!(
            r.html
                .contains(&format!("class=\"footnote-definition\" id=\"{id}\"")),
            "{}",
            r.html
        );
    }

    #[test]
    fn script_and_data_urls_are_errors_with_their_line() {
        let errors = render(
            "[a](javascript:alert(1))\n\n[b](JavaScript:void)\n\n![c](data:image/svg+xml,x)\n\n<vbscript:msgbox>\n\n[ok](https://example.org/javascript:x) [fine](/en/blog/y)\n",
            Lang::En,
            "/en/blog/x",
            "",
        )
        .unwrap_err();
        let lines: Vec<_> = errors.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [0, 2, 4, 6], "{errors:?}");
        assert!(errors
            .iter()
            .all(|(_, k)| matches!(k, ErrorKind::UnsafeUrl(_))));
    }

    #[test]
    fn search_text_is_what_the_reader_sees() {
        let (_dir, set) = figure_set();
        let r = render_article(
            "## Why\n\nun*do*ne, `x < y` [link](/en/blog/y).[^1]\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```python\nf(x=1)\n```\n\n![alt *text*](flow.svg \"The caption\")\n\n[^1]: A note.\n",
            Lang::En,
            "/en/blog/x",
            "",
            ArticleFigures { set: &set, slug: "x" },
        )
        .unwrap();
        // No anchor `#`, copy button, footnote number, figure label or alt text;
        // no space where a tag was.
        assert_eq!(
            r.text,
            "Why undone, x < y link. a b 1 2 f(x=1) The caption A note."
        );
    }

    fn figure_set() -> (tempfile::TempDir, FigureSet) {
        use crate::figures::tests::{content_with, png, SVG, SVG_RU};
        let dir = content_with(
            "x",
            &[
                ("flow.svg", SVG.into()),
                ("flow.ru.svg", SVG_RU.into()),
                ("shot.png", png(600, 300)),
            ],
        );
        let mut errors = Vec::new();
        let set = FigureSet::load(dir.path(), &mut errors);
        assert!(errors.is_empty(), "{errors:?}");
        (dir, set)
    }

    fn with_figures(body: &str, lang: Lang) -> Result<Rendered, BodyErrors> {
        let (_dir, set) = figure_set();
        render_article(
            body,
            lang,
            &format!("/{}/blog/x", lang.code()),
            "/insights",
            ArticleFigures {
                set: &set,
                slug: "x",
            },
        )
    }

    #[test]
    fn a_figure_line_becomes_a_numbered_figure_in_the_pages_language() {
        let body = "Intro.\n\n![The flow](flow.svg \"How it flows\")\n\n## Part\n\n![A shot](shot.png)\n\n![Again](flow.svg \"Once more\")\n";
        let en = with_figures(body, Lang::En).unwrap();
        assert_eq!(
            en.figures,
            ["flow.svg", "shot.png without a caption", "flow.svg"]
        );
        // Not inside a paragraph; the first, in the first screen, loads at once.
        assert!(
            en.html
                .contains("<p>Intro.</p>\n<figure><a href=\"/insights/figures/x/flow-"),
            "{}",
            en.html
        );
        assert!(en.html.contains("alt=\"The flow\" width=\"600\" height=\"300\" decoding=\"async\"></a><figcaption><span class=\"figure-label\">Figure 1.</span> How it flows</figcaption></figure>"), "{}", en.html);
        assert!(
            en.html.contains(
                "<picture><source type=\"image/webp\" srcset=\"/insights/figures/x/shot-480w-"
            ),
            "{}",
            en.html
        );
        assert!(
            en.html
                .contains("alt=\"A shot\" width=\"600\" height=\"300\" loading=\"lazy\""),
            "{}",
            en.html
        );
        // Only captioned figures are numbered.
        assert!(
            en.html.contains("Figure 2.</span> Once more"),
            "{}",
            en.html
        );
        assert!(!en.html.contains("<p><figure"), "{}", en.html);
        assert_eq!(en.html.matches("<figure>").count(), 3);
        let ru = with_figures(body, Lang::Ru).unwrap();
        assert!(
            ru.html.contains("src=\"/insights/figures/x/flow.ru-"),
            "{}",
            ru.html
        );
        assert!(
            ru.html.contains("width=\"600\" height=\"320\""),
            "{}",
            ru.html
        );
        assert!(
            ru.html.contains("Рисунок 1.</span> How it flows"),
            "{}",
            ru.html
        );
        // After a long opening, the first figure is below the first screen.
        let long = format!("{}\n\n![The flow](flow.svg)\n", "word ".repeat(80));
        let late = with_figures(&long, Lang::En).unwrap();
        assert!(late.html.contains("loading=\"lazy\""), "{}", late.html);
    }

    #[test]
    fn figure_mistakes_are_errors_with_their_line() {
        let errors = with_figures(
            concat!(
                "![](flow.svg)\n\n",
                "![Gone](missing.svg)\n\n",
                "![Variant](flow.ru.svg)\n\n",
                "![Animated](anim.gif)\n\n",
                "![Remote](https://example.org/a.png)\n\n",
                "Text and ![inline](flow.svg) in a paragraph.\n\n",
                "- ![listed](flow.svg)\n\n",
                "[![linked](flow.svg)](/en/blog/y)\n",
            ),
            Lang::En,
        )
        .unwrap_err();
        let found: Vec<(usize, &str)> = errors
            .iter()
            .map(|(line, kind)| {
                (
                    *line,
                    match kind {
                        ErrorKind::FigureAlt => "alt",
                        ErrorKind::FigureNotFound { .. } => "missing",
                        ErrorKind::FigureVariant(_) => "variant",
                        ErrorKind::FigureType(_) => "type",
                        ErrorKind::FigureAlone => "alone",
                        _ => "other",
                    },
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                (0, "alt"),
                (2, "missing"),
                (4, "variant"),
                (6, "type"),
                (8, "type"),
                (10, "alone"),
                (12, "alone"),
                (14, "alone")
            ],
            "{errors:?}"
        );
        assert!(errors[1].1.to_string().contains("content/figures/x/"));
    }

    #[test]
    fn level_one_headings_are_rejected() {
        let errors = render("para\n\n# Title again\n", Lang::En, "/en/blog/x", "").unwrap_err();
        assert_eq!(errors, [(2, ErrorKind::BodyH1)]);
    }

    #[test]
    fn word_count_skips_code_blocks_and_punctuation() {
        let r = render(
            "One two, three — four.\n\n```python\nnot counted at all\n```\n\nПять `шесть`.\n",
            Lang::En,
            "/en/blog/x",
            "",
        )
        .unwrap();
        assert_eq!(r.words, 6);
        assert_eq!(count_words("a — b -- c"), 3);
    }
}
