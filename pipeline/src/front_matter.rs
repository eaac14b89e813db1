//! Splitting a source file into TOML front matter and Markdown body, and typing the
//! front matter.

use crate::error::{ContentError, ErrorKind};
use serde::Deserialize;
use std::path::Path;

/// The front matter fields as authors write them.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    slug: Option<String>,
    title: Option<String>,
    summary: Option<String>,
    #[serde(default)]
    description: Option<String>,
    date: Option<toml::value::Datetime>,
    tags: Option<Vec<String>>,
    #[serde(default)]
    translated_from: Option<String>,
    #[serde(default)]
    updated: Option<toml::value::Datetime>,
    #[serde(default)]
    draft: bool,
}

/// Validated front matter of one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatter {
    /// URL key shared by both languages.
    pub slug: String,
    /// Plain-text title.
    pub title: String,
    /// Plain-text summary for cards.
    pub summary: String,
    /// Plain text for meta tags; the summary when not given.
    pub description: String,
    /// ISO date, `YYYY-MM-DD`.
    pub date: String,
    /// Tag slugs as written (checked against the vocabulary later).
    pub tags: Vec<String>,
    /// On a translation: the [`crate::digest`] of the original's body it was
    /// made from; `None` on an original.
    pub translated_from: Option<String>,
    /// ISO date of the last substantive update, never before `date`.
    pub updated: Option<String>,
    /// A draft: built only with `--drafts`.
    pub draft: bool,
    /// Line of `slug = ...`, for errors that concern the slug.
    pub slug_line: usize,
    /// Line of `tags = ...`.
    pub tags_line: usize,
}

impl FrontMatter {
    /// When the article last changed: its `updated` date, else its `date`.
    pub fn lastmod(&self) -> &str {
        self.updated.as_deref().unwrap_or(&self.date)
    }
}

/// A source file split at its front matter fences.
#[derive(Debug)]
pub struct Split<'a> {
    /// The TOML between the fences.
    pub front: &'a str,
    /// The Markdown after the closing fence.
    pub body: &'a str,
    /// 1-based line of the file on which `body` starts.
    pub body_line: usize,
}

/// Line of the first front matter line (just after the opening fence).
const FRONT_FIRST_LINE: usize = 2;

/// Splits `source` into front matter and body.
pub fn split<'a>(path: &Path, source: &'a str) -> Result<Split<'a>, ContentError> {
    let fence_err = || ContentError::new(path, 1, ErrorKind::FrontMatterFence);
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let rest = source
        .strip_prefix("+++\n")
        .or_else(|| source.strip_prefix("+++\r\n"))
        .ok_or_else(fence_err)?;
    let mut offset = 0;
    for (i, line) in rest.split_inclusive('\n').enumerate() {
        if line.trim_end() == "+++" {
            return Ok(Split {
                front: &rest[..offset],
                body: &rest[offset + line.len()..],
                body_line: FRONT_FIRST_LINE + i + 1,
            });
        }
        offset += line.len();
    }
    Err(fence_err())
}

/// Line of the `key = ...` assignment in the front matter, or its first line.
fn key_line(front: &str, key: &str) -> usize {
    front
        .lines()
        .position(|l| {
            l.trim_start()
                .strip_prefix(key)
                .is_some_and(|r| r.trim_start().starts_with('='))
        })
        .map_or(FRONT_FIRST_LINE, |i| FRONT_FIRST_LINE + i)
}

/// Parses and checks the front matter of the file at `path`.
pub fn parse(path: &Path, front: &str) -> Result<FrontMatter, ContentError> {
    let raw: Raw = toml::from_str(front)
        .map_err(|e| ContentError::from_toml(path, front, FRONT_FIRST_LINE, &e))?;
    let at =
        |key: &'static str, kind: ErrorKind| ContentError::new(path, key_line(front, key), kind);
    let required = |key: &'static str, value: Option<String>| {
        value
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
            .ok_or_else(|| at(key, ErrorKind::MissingField(key)))
    };
    let slug = required("slug", raw.slug)?;
    if !model::is_valid_slug(&slug) {
        return Err(at("slug", ErrorKind::BadSlug(slug)));
    }
    let title = required("title", raw.title)?;
    let summary = required("summary", raw.summary)?;
    let description = raw
        .description
        .map(|d| d.trim().to_string())
        .filter(|d| !d.is_empty())
        .unwrap_or_else(|| summary.clone());
    let date = raw
        .date
        .ok_or_else(|| at("date", ErrorKind::MissingField("date")))?;
    let plain = |key: &'static str, date: toml::value::Datetime| match (
        date.date,
        date.time,
        date.offset,
    ) {
        (Some(d), None, None) => Ok(format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)),
        _ => Err(at(key, ErrorKind::BadDate(date.to_string()))),
    };
    let date = plain("date", date)?;
    let updated = raw.updated.map(|u| plain("updated", u)).transpose()?;
    if let Some(updated) = &updated {
        // ISO dates compare as strings.
        if *updated < date {
            return Err(at(
                "updated",
                ErrorKind::UpdatedBeforeDate {
                    updated: updated.clone(),
                    date,
                },
            ));
        }
    }
    let tags = raw
        .tags
        .ok_or_else(|| at("tags", ErrorKind::MissingField("tags")))?;
    if !(2..=5).contains(&tags.len()) {
        return Err(at("tags", ErrorKind::TagCount(tags.len())));
    }
    let twice = (0..tags.len()).find_map(|i| tags[..i].contains(&tags[i]).then_some(&tags[i]));
    if let Some(twice) = twice {
        return Err(at("tags", ErrorKind::DuplicateTag(twice.clone())));
    }
    let translated_from = raw.translated_from.map(|d| d.trim().to_string());
    if let Some(d) = &translated_from {
        if !crate::digest::is_digest(d) {
            return Err(at("translated_from", ErrorKind::BadDigest(d.clone())));
        }
    }
    Ok(FrontMatter {
        translated_from,
        updated,
        draft: raw.draft,
        slug_line: key_line(front, "slug"),
        tags_line: key_line(front, "tags"),
        slug,
        title,
        summary,
        description,
        date,
        tags,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "+++\nslug = \"a-post\"\ntitle = \"A post\"\nsummary = \"Short.\"\ndate = 2026-11-20\ntags = [\"llm\", \"rag\"]\n+++\n\nBody\n";

    fn parse_source(source: &str) -> Result<FrontMatter, ContentError> {
        let path = Path::new("content/en/a-post.md");
        let s = split(path, source)?;
        parse(path, s.front)
    }

    fn err(source: &str) -> (usize, ErrorKind) {
        let e = parse_source(source).expect_err("should fail");
        assert_eq!(e.path, Path::new("content/en/a-post.md"));
        (e.line, e.kind)
    }

    #[test]
    fn parses_good_front_matter() {
        let fm = parse_source(GOOD).unwrap();
        assert_eq!(fm.slug, "a-post");
        assert_eq!(fm.date, "2026-11-20");
        assert_eq!(fm.description, "Short.", "description defaults to summary");
        assert_eq!(fm.tags, ["llm", "rag"]);
        let s = split(Path::new("x"), GOOD).unwrap();
        assert_eq!(s.body_line, 8);
        assert_eq!(s.body, "\nBody\n");
    }

    #[test]
    fn a_tag_named_twice_is_an_error_at_the_tags_line() {
        let (line, kind) = err(&GOOD.replace("[\"llm\", \"rag\"]", "[\"llm\", \"rag\", \"llm\"]"));
        assert_eq!((line, kind), (6, ErrorKind::DuplicateTag("llm".into())));
    }

    #[test]
    fn missing_fences() {
        assert_eq!(err("slug = \"x\"\n").1, ErrorKind::FrontMatterFence);
        assert_eq!(err("+++\nslug = \"x\"\n").1, ErrorKind::FrontMatterFence);
    }

    #[test]
    fn missing_required_fields_name_the_field() {
        for field in ["slug", "title", "summary", "date", "tags"] {
            let source: String = GOOD
                .lines()
                .filter(|l| !l.starts_with(field))
                .map(|l| format!("{l}\n"))
                .collect();
            assert_eq!(err(&source).1, ErrorKind::MissingField(field), "{field}");
        }
        let (line, kind) = err(&GOOD.replace("title = \"A post\"", "title = \"  \""));
        assert_eq!((line, kind), (3, ErrorKind::MissingField("title")));
    }

    #[test]
    fn unparsable_date_points_at_its_line() {
        let (line, kind) = err(&GOOD.replace("2026-11-20", "2026-13-45"));
        assert_eq!(line, 5);
        assert!(matches!(kind, ErrorKind::FrontMatter(_)), "{kind:?}");
        let (line, kind) = err(&GOOD.replace("2026-11-20", "\"yesterday\""));
        assert_eq!(line, 5);
        assert!(matches!(kind, ErrorKind::FrontMatter(_)), "{kind:?}");
        let (line, kind) = err(&GOOD.replace("2026-11-20", "2026-11-20T10:00:00"));
        assert_eq!(
            (line, kind),
            (5, ErrorKind::BadDate("2026-11-20T10:00:00".into()))
        );
    }

    #[test]
    fn malformed_toml_points_at_its_line() {
        let (line, kind) = err(&GOOD.replace("summary = \"Short.\"", "summary = \"Short."));
        assert_eq!(line, 4);
        assert!(matches!(kind, ErrorKind::FrontMatter(_)));
        let (_, kind) = err(&GOOD.replace("+++\n\nBody", "colour = \"red\"\n+++\n\nBody"));
        assert!(matches!(kind, ErrorKind::FrontMatter(m) if m.contains("colour")));
    }

    #[test]
    fn bad_slug_and_tag_count() {
        assert_eq!(
            err(&GOOD.replace("a-post", "A Post")),
            (2, ErrorKind::BadSlug("A Post".into()))
        );
        assert_eq!(
            err(&GOOD.replace("[\"llm\", \"rag\"]", "[\"llm\"]")),
            (6, ErrorKind::TagCount(1))
        );
    }

    #[test]
    fn translated_from_is_a_digest() {
        let with = |v: &str| GOOD.replace("tags =", &format!("translated_from = {v}\ntags ="));
        let fm = parse_source(&with("\"0123456789ab\"")).unwrap();
        assert_eq!(fm.translated_from.as_deref(), Some("0123456789ab"));
        assert_eq!(parse_source(GOOD).unwrap().translated_from, None);
        for bad in [
            "0123456789AB",
            "0123456789a",
            "0123456789abc",
            "ghijklmnopqr",
        ] {
            assert_eq!(
                err(&with(&format!("\"{bad}\""))),
                (6, ErrorKind::BadDigest(bad.into())),
                "{bad}"
            );
        }
    }

    #[test]
    fn updated_and_draft() {
        let fm = parse_source(GOOD).unwrap();
        assert_eq!(
            (fm.updated.as_deref(), fm.draft, fm.lastmod()),
            (None, false, "2026-11-20")
        );
        let with = |extra: &str| GOOD.replace("tags =", &format!("{extra}\ntags ="));
        let fm = parse_source(&with("updated = 2026-12-01\ndraft = true")).unwrap();
        assert_eq!(fm.updated.as_deref(), Some("2026-12-01"));
        assert_eq!(fm.lastmod(), "2026-12-01");
        assert!(fm.draft);
        assert_eq!(
            parse_source(&with("updated = 2026-11-20"))
                .unwrap()
                .lastmod(),
            "2026-11-20"
        );
        assert_eq!(
            err(&with("updated = 2026-11-19")),
            (
                6,
                ErrorKind::UpdatedBeforeDate {
                    updated: "2026-11-19".into(),
                    date: "2026-11-20".into()
                }
            )
        );
        assert_eq!(
            err(&with("updated = 2026-12-01T10:00:00")),
            (6, ErrorKind::BadDate("2026-12-01T10:00:00".into()))
        );
    }

    #[test]
    fn error_message_names_file_and_line() {
        let e = parse_source(&GOOD.replace("2026-11-20", "2026-11-20T10:00:00")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "content/en/a-post.md:5: unparsable date \"2026-11-20T10:00:00\": write a TOML date such as 2026-11-20"
        );
    }
}
