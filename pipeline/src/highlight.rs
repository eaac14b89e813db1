//! Syntax highlighting at build time. Code becomes spans with a handful of short
//! token classes (`tk-kw`, `tk-str`, …) that `style/main.css` colours for light and
//! dark themes, so the browser ships no highlighter.
//!
//! syntect parses with the Sublime grammars bat uses (two-face); a small in-code
//! theme maps scope selectors to token classes through the colour channel, which
//! keeps the markup compact compared with one class per scope atom.

use crate::escape::escape_into;
use std::str::FromStr;
use std::sync::OnceLock;
use syntect::easy::HighlightLines;
use syntect::highlighting::{
    Color, ScopeSelectors, StyleModifier, Theme, ThemeItem, ThemeSettings,
};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

/// Token classes, in order of precedence, with the scope selectors they cover.
const TOKENS: &[(&str, &str)] = &[
    ("com", "comment, punctuation.definition.comment"),
    ("str", "string, constant.character.escape, punctuation.definition.string"),
    ("num", "constant.numeric, constant.language, constant.other"),
    ("kw", "keyword - keyword.operator, storage.modifier, storage.type.function, storage.type.class, variable.language"),
    ("fn", "entity.name.function, support.function, meta.function-call.generic"),
    ("ty", "entity.name.type, entity.name.class, support.type, support.class, storage.type"),
    ("attr", "entity.other.attribute-name, meta.attribute, entity.name.tag, support.type.property-name"),
];

fn syntaxes() -> &'static SyntaxSet {
    static SET: OnceLock<SyntaxSet> = OnceLock::new();
    SET.get_or_init(two_face::syntax::extra_newlines)
}

/// A theme whose "colours" are token-class numbers (1-based in the red channel).
fn classing_theme() -> &'static Theme {
    static THEME: OnceLock<Theme> = OnceLock::new();
    THEME.get_or_init(|| Theme {
        settings: ThemeSettings {
            foreground: Some(Color {
                r: 0,
                g: 0,
                b: 0,
                a: 255,
            }),
            ..ThemeSettings::default()
        },
        scopes: TOKENS
            .iter()
            .enumerate()
            .map(|(i, (_, selectors))| ThemeItem {
                scope: ScopeSelectors::from_str(selectors).expect("valid selectors"),
                style: StyleModifier {
                    foreground: Some(Color {
                        r: i as u8 + 1,
                        g: 0,
                        b: 0,
                        a: 255,
                    }),
                    ..StyleModifier::default()
                },
            })
            .collect(),
        ..Theme::default()
    })
}

/// Whether `lang` has a grammar (`text` never does: it is shown as written).
pub fn supports(lang: &str) -> bool {
    lang != "text" && syntaxes().find_syntax_by_token(lang).is_some()
}

/// The inner HTML of `<code>` for `code` in `lang`: escaped text with token spans.
pub fn highlight(lang: &str, code: &str) -> String {
    let mut out = String::with_capacity(code.len() * 2);
    let syntax = match syntaxes().find_syntax_by_token(lang) {
        Some(s) if lang != "text" => s,
        _ => {
            escape_into(&mut out, code);
            return out;
        }
    };
    let mut lines = HighlightLines::new(syntax, classing_theme());
    for line in LinesWithEndings::from(code) {
        let Ok(ranges) = lines.highlight_line(line, syntaxes()) else {
            // A grammar failure must not lose code: show the rest unhighlighted.
            escape_into(&mut out, line);
            continue;
        };
        let mut open: Option<u8> = None;
        for (style, text) in ranges {
            let class = style.foreground.r;
            // Whitespace and line ends stay outside spans: they need no colour.
            let (class, text, tail) = match text.trim_end().len() {
                0 => (0, "", text),
                n => (class, &text[..n], &text[n..]),
            };
            if open != Some(class) {
                if open.is_some_and(|c| c > 0) {
                    out.push_str("</span>");
                }
                if class > 0 {
                    out.push_str("<span class=\"tk-");
                    out.push_str(TOKENS[usize::from(class) - 1].0);
                    out.push_str("\">");
                }
                open = Some(class);
            }
            escape_into(&mut out, text);
            if !tail.is_empty() {
                if open.is_some_and(|c| c > 0) {
                    out.push_str("</span>");
                }
                open = Some(0);
                escape_into(&mut out, tail);
            }
        }
        if open.is_some_and(|c| c > 0) {
            out.push_str("</span>");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_allowed_language_has_a_grammar() {
        for lang in crate::markdown::CODE_LANGUAGES {
            assert_eq!(supports(lang), *lang != "text", "{lang}");
        }
    }

    #[test]
    fn python_gets_token_classes() {
        let html = highlight("python", "def f(x):\n    return \"hi\" # note\n");
        assert!(html.contains("<span class=\"tk-kw\">def</span>"), "{html}");
        assert!(html.contains("<span class=\"tk-fn\">f</span>"), "{html}");
        assert!(
            html.contains("<span class=\"tk-str\">&quot;hi&quot;</span>"),
            "{html}"
        );
        assert!(
            html.contains("<span class=\"tk-com\"># note</span>\n"),
            "{html}"
        );
    }

    #[test]
    fn code_is_escaped_and_text_is_left_alone() {
        let html = highlight("rust", "let v: Vec<u8> = vec![1 & 2];\n");
        assert!(html.contains("&lt;"), "{html}");
        assert!(!html.contains("<u8>"), "{html}");
        assert!(html.contains("<span class=\"tk-num\">1</span>"), "{html}");
        assert_eq!(highlight("text", "a < b\n"), "a &lt; b\n");
    }

    #[test]
    fn spans_are_balanced() {
        for (lang, code) in [
            ("sql", "SELECT 'a' -- x\nFROM t;\n"),
            ("yaml", "a: [1, \"b\"]\n"),
            ("bash", "echo \"$HOME\" # c\n"),
        ] {
            let html = highlight(lang, code);
            assert_eq!(
                html.matches("<span").count(),
                html.matches("</span>").count(),
                "{lang}: {html}"
            );
        }
    }
}
