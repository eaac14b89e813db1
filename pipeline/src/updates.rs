//! Update notes: the one place an article may link to an article published after it.
//!
//! A blog post cannot have linked on its publication day to a post that did not exist
//! yet. A link added later is marked as such, in a paragraph or list item of its own
//! that opens with the note's month: `*Update (December 2026): ...*` in English,
//! `*Дополнение (декабрь 2026): ...*` in Russian. The note's month may not precede
//! the linked article's publication.

use crate::dates::{self, YearMonth};
use model::Lang;

/// The word that opens an update note in `lang`.
pub const fn marker(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Update",
        Lang::Ru => "Дополнение",
    }
}

/// The month of the update note that `line` opens, if it opens one.
///
/// List markers (`-`, `*`, `+`, `1.`) and emphasis (`*`, `_`) may come first.
pub fn note_month(lang: Lang, line: &str) -> Option<YearMonth> {
    let mut rest = line.trim_start();
    if let Some(item) = ["- ", "* ", "+ "].iter().find_map(|m| rest.strip_prefix(m)) {
        rest = item;
    } else if let Some((number, item)) = rest.split_once(". ") {
        if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) {
            rest = item;
        }
    }
    let rest = rest.trim_start_matches(['*', '_']);
    let rest = rest.strip_prefix(marker(lang))?.strip_prefix(" (")?;
    let (month, _) = rest.split_once("):")?;
    dates::parse_month(lang, month)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_are_recognised_with_their_month() {
        for (lang, line, want) in [
            (
                Lang::En,
                "*Update (December 2026): see [x](/en/blog/x).*",
                Some((2026, 12)),
            ),
            (Lang::En, "Update (May 2027): plain.", Some((2027, 5))),
            (
                Lang::En,
                "- **Update (November 2026):** in a list.",
                Some((2026, 11)),
            ),
            (
                Lang::En,
                "3. _Update (March 2027):_ numbered.",
                Some((2027, 3)),
            ),
            (
                Lang::Ru,
                "*Дополнение (декабрь 2026): см. [x](/ru/blog/x).*",
                Some((2026, 12)),
            ),
            // Not notes: the marker elsewhere in the line, no month, the other language,
            // a month in the genitive case, a missing colon.
            (Lang::En, "See the *Update (December 2026):* below.", None),
            (Lang::En, "*Update: see [x](/en/blog/x).*", None),
            (Lang::Ru, "*Update (December 2026): ...*", None),
            (Lang::Ru, "*Дополнение (декабря 2026): ...*", None),
            (Lang::En, "*Update (December 2026) see*", None),
            (Lang::En, "", None),
        ] {
            assert_eq!(note_month(lang, line), want, "{lang:?} {line:?}");
        }
    }
}
