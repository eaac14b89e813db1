//! One word per concept in the Russian articles: the variants the set does not use,
//! each with the term it uses instead. The full glossary, with the terms no rule can
//! check, is in `content/README.md`.

/// How a variant is recognised in a word (a run of letters, digits and `_`).
#[derive(Clone, Copy)]
enum Match {
    /// The word is the variant or one of its forms (`снимок`, `снимка`): starts with it.
    Prefix,
    /// The variant anywhere in a word (`закэшированный`).
    Inside,
    /// The whole word, in any letter case (`eval`, not `evaluate`).
    Word,
    /// A phrase of several words, found in the line (`дверь в одну сторону`): a
    /// calque whose words are each fine on their own.
    Phrase,
}

/// One variant that is not used, and the term that is.
struct Variant {
    /// Lower-case spelling of the variant.
    variant: &'static str,
    /// The term the set uses for the same concept.
    preferred: &'static str,
    how: Match,
    /// Also checked in code blocks and inline code. Off for English words that are
    /// fine as identifiers (`eval.txt`) but not as Russian prose.
    in_code: bool,
}

const fn v(variant: &'static str, preferred: &'static str, how: Match, in_code: bool) -> Variant {
    Variant {
        variant,
        preferred,
        how,
        in_code,
    }
}

const VARIANTS: [Variant; 22] = [
    v("кэш", "кеш", Match::Inside, true),
    v("хэш", "хеш", Match::Inside, true),
    v("тенант", "арендатор", Match::Prefix, true),
    v("снимок", "снапшот", Match::Prefix, true),
    v("снимк", "снапшот", Match::Prefix, true),
    v("снэпшот", "снапшот", Match::Inside, true),
    v("снепшот", "снапшот", Match::Inside, true),
    v("чекпоинт", "чекпойнт", Match::Inside, true),
    v("тюн", "настройка", Match::Prefix, true),
    v("квантовани", "квантизация", Match::Prefix, true),
    v("продакшн", "продакшен", Match::Inside, true),
    v("eval", "оценка, оценочный набор", Match::Word, false),
    v("evals", "оценка, оценочный набор", Match::Word, false),
    v("эвал", "оценка, оценочный набор", Match::Prefix, true),
    // The noun эмбеддинг is the set's word; the verb made from it is not.
    v("эмбеддит", "считать эмбеддинги", Match::Inside, true),
    v("эмбеддя", "считать эмбеддинги", Match::Inside, true),
    v("эмбеддю", "считать эмбеддинги", Match::Inside, true),
    v("эмбеддим", "считать эмбеддинги", Match::Inside, true),
    v("эмбеддил", "считать эмбеддинги", Match::Inside, true),
    v("эмбеддир", "считать эмбеддинги", Match::Inside, true),
    v("прайсов", "цена по прейскуранту", Match::Prefix, true),
    v(
        "дверь в одну сторону",
        "необратимый шаг",
        Match::Phrase,
        true,
    ),
];

/// Whether `word` (lower case) is an instance of `v`.
fn matches(word: &str, v: &Variant) -> bool {
    match v.how {
        Match::Prefix => word.starts_with(v.variant),
        Match::Inside => word.contains(v.variant),
        Match::Word => word == v.variant,
        // Phrases are looked for in the whole line, not word by word.
        Match::Phrase => false,
    }
}

/// `line` with the inside of every inline code span blanked out.
fn without_inline_code(line: &str) -> String {
    let mut inside = false;
    line.chars()
        .map(|c| {
            if c == '`' {
                inside = !inside;
                ' '
            } else if inside {
                ' '
            } else {
                c
            }
        })
        .collect()
}

/// Every variant the set does not use in the Russian `source`, as (1-based line,
/// the word as written, the preferred term), in line order.
pub fn find(source: &str) -> Vec<(usize, String, &'static str)> {
    let mut found = Vec::new();
    let mut in_fence = false;
    for (i, line) in source.lines().enumerate() {
        let fence_line = line.trim_start().starts_with("```");
        let code = in_fence || fence_line;
        if fence_line {
            in_fence = !in_fence;
        }
        // Most lines hold no variant at all: one look at the whole line (a word's
        // lower case is part of its line's) spares splitting it into words.
        let lower = line.to_lowercase();
        if !VARIANTS.iter().any(|v| lower.contains(v.variant)) {
            continue;
        }
        let prose = if code {
            String::new()
        } else {
            without_inline_code(line)
        };
        for v in VARIANTS.iter().filter(|v| matches!(v.how, Match::Phrase)) {
            let text = if v.in_code { line } else { prose.as_str() };
            if let Some(at) = text.to_lowercase().find(v.variant) {
                // The phrase as written: the lower case of these letters keeps
                // their byte lengths, so `at` is a position in `text` too.
                let written = text.get(at..at + v.variant.len()).unwrap_or(v.variant);
                found.push((i + 1, written.to_string(), v.preferred));
            }
        }
        for (text, in_code) in [(line, true), (prose.as_str(), false)] {
            let words = text
                .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .filter(|w| !w.is_empty());
            for word in words {
                let lower = word.to_lowercase();
                // Rules for all text look at the whole line once; prose-only rules at
                // the line without its code.
                if let Some(v) = VARIANTS
                    .iter()
                    .find(|v| v.in_code == in_code && matches(&lower, v))
                {
                    found.push((i + 1, word.to_string(), v.preferred));
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::find;

    #[test]
    fn variants_are_found_with_the_preferred_term() {
        let cases: [(&str, &[(&str, &str)]); 16] = [
            (
                "Кэш промптов и закэшированный вход",
                &[("Кэш", "кеш"), ("закэшированный", "кеш")],
            ),
            ("на каждого тенанта", &[("тенанта", "арендатор")]),
            (
                "снимок памяти, два снимка",
                &[("снимок", "снапшот"), ("снимка", "снапшот")],
            ),
            (
                "квантованные веса после квантования",
                &[("квантования", "квантизация")],
            ),
            ("Тюнинг индексов", &[("Тюнинг", "настройка")]),
            (
                "чекпоинты и хэши",
                &[("чекпоинты", "чекпойнт"), ("хэши", "хеш")],
            ),
            (
                "на своём eval-наборе, evals",
                &[
                    ("eval", "оценка, оценочный набор"),
                    ("evals", "оценка, оценочный набор"),
                ],
            ),
            // English words for code and sources are fine where they are code.
            ("llama-perplexity -f `eval.txt`", &[]),
            ("LLM evaluation и evaluate()", &[]),
            // The preferred terms themselves, and words that only look alike.
            (
                "кеш, хеш, арендатор, снапшот, чекпойнт, квантизация, лейтенант",
                &[],
            ),
            ("настройка и оценочный набор", &[]),
            (
                "предложение эмбеддится, чанки эмбеддятся, эмбеддим отдельно, \
                 переэмбеддирование",
                &[
                    ("эмбеддится", "считать эмбеддинги"),
                    ("эмбеддятся", "считать эмбеддинги"),
                    ("эмбеддим", "считать эмбеддинги"),
                    ("переэмбеддирование", "считать эмбеддинги"),
                ],
            ),
            (
                "Цены — прайсовые цены, а реальная отличается от прайсовой",
                &[
                    ("прайсовые", "цена по прейскуранту"),
                    ("прайсовой", "цена по прейскуранту"),
                ],
            ),
            (
                "Восстановление из бэкапа: Дверь в одну сторону",
                &[("Дверь в одну сторону", "необратимый шаг")],
            ),
            // The set's words near them: the noun, a price list, a door.
            (
                "эмбеддинги, эмбеддинговая модель, прайс-лист, дверь в серверную",
                &[],
            ),
            ("", &[]),
        ];
        for (line, expected) in cases {
            let found: Vec<(String, &str)> =
                find(line).into_iter().map(|(_, w, p)| (w, p)).collect();
            let expected: Vec<(String, &str)> =
                expected.iter().map(|(w, p)| (w.to_string(), *p)).collect();
            assert_eq!(found, expected, "{line:?}");
        }
    }

    #[test]
    fn code_blocks_are_checked_for_russian_words_only() {
        let source = "Текст.\n\n```python\nx = eval(s)  # кэш\n```\nevals\n";
        let found: Vec<(usize, String)> =
            find(source).into_iter().map(|(l, w, _)| (l, w)).collect();
        assert_eq!(found, [(4, "кэш".to_string()), (6, "evals".to_string())]);
    }
}
