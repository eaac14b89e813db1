//! Full-text search over the index the pipeline built (see `pipeline/src/search.rs`):
//! query words are looked up among the word forms of the articles, as prefixes, and
//! each form leads to its stem's postings, so any inflected form finds the others.
//! Pure logic, tested natively; the search box renders what this returns.

use model::SearchIndex;

/// The most results shown.
pub const MAX_RESULTS: usize = 8;
/// Shortest query word that is looked up as a prefix.
const MIN_PREFIX: usize = 2;
/// Characters of context on each side of a snippet's first match.
const SNIPPET_RADIUS: usize = 70;

/// One matching article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Position of the article in the index.
    pub doc: usize,
    /// Relevance: summed weights of the matched stems (title > summary > body).
    pub score: u32,
}

/// The longest query read, in characters; the field accepts no more either.
pub const MAX_QUERY_CHARS: usize = 200;
/// The longest query word looked up, in characters: longer than any word of
/// the articles, and short enough that looking up a pasted wall of text stays
/// instant (an 80,000-character word once froze the tab for 14 s).
pub const MAX_WORD_CHARS: usize = 48;

/// The query's words, normalised as the pipeline normalises the articles (lower
/// case; ё and э folded to е, so «кэш» also finds «кеш»); only the first
/// [`MAX_QUERY_CHARS`] characters are read, and each word is cut to
/// [`MAX_WORD_CHARS`].
pub fn query_words(query: &str) -> Vec<String> {
    let end = query
        .char_indices()
        .nth(MAX_QUERY_CHARS)
        .map_or(query.len(), |(i, _)| i);
    model::search_words(&query[..end])
        .map(|word| match word.char_indices().nth(MAX_WORD_CHARS) {
            Some((cut, _)) => word[..cut].to_string(),
            None => word,
        })
        .collect()
}

/// Word forms of the index that start with `prefix` (sorted forms: one range).
fn forms_with_prefix<'a>(index: &'a SearchIndex, prefix: &str) -> &'a [(String, u32)] {
    let start = index.forms.partition_point(|(f, _)| f.as_str() < prefix);
    let len = index.forms[start..]
        .iter()
        .take_while(|(f, _)| f.starts_with(prefix))
        .count();
    &index.forms[start..start + len]
}

/// Word forms for a query word: those it is a prefix of; for a form the articles
/// never use ("prefixes" where they say "prefix"), those of its longest prefix that
/// keeps at least two thirds of the word, which stands in for the stem.
fn forms_for<'a>(index: &'a SearchIndex, word: &str) -> &'a [(String, u32)] {
    let chars: Vec<char> = word.chars().collect();
    let shortest = (chars.len() * 2)
        .div_ceil(3)
        .max(MIN_PREFIX + 1)
        .min(chars.len());
    (shortest..=chars.len())
        .rev()
        .map(|n| forms_with_prefix(index, &chars[..n].iter().collect::<String>()))
        .find(|forms| !forms.is_empty())
        .unwrap_or_default()
}

/// The articles matching every word of `query`, best first, and the word forms
/// that matched (for highlighting).
pub fn search(index: &SearchIndex, query: &str) -> (Vec<Hit>, Vec<String>) {
    let words = query_words(query);
    if words.is_empty() {
        return (Vec::new(), Vec::new());
    }
    // Per document: summed score, and how many query words matched it.
    let mut scores = vec![(0u32, 0usize); index.docs.len()];
    let mut matched = Vec::new();
    for word in &words {
        let forms: &[(String, u32)] = if word.chars().count() >= MIN_PREFIX {
            forms_for(index, word)
        } else {
            let start = index.forms.partition_point(|(f, _)| f < word);
            let len = index.forms[start..]
                .iter()
                .take_while(|(f, _)| f == word)
                .count();
            &index.forms[start..start + len]
        };
        let mut stems: Vec<u32> = forms.iter().map(|(_, s)| *s).collect();
        stems.sort_unstable();
        stems.dedup();
        let mut seen = vec![false; index.docs.len()];
        for stem in stems {
            // Unpacked only for the stems the query reaches; a damaged list
            // matches nothing.
            let packed = index.postings.get(stem as usize).map_or("", String::as_str);
            for (doc, weight) in model::postings::decode(packed).unwrap_or_default() {
                let doc = doc as usize;
                if let Some(slot) = scores.get_mut(doc) {
                    slot.0 = slot.0.saturating_add(weight);
                    if !seen[doc] {
                        seen[doc] = true;
                        slot.1 += 1;
                    }
                }
            }
            // Every form of a matched stem is highlighted: the reader typed one
            // form, the text may use another.
            matched.extend(
                index
                    .forms
                    .iter()
                    .filter(|(_, s)| *s == stem)
                    .map(|(f, _)| f.clone()),
            );
        }
    }
    let mut hits: Vec<Hit> = scores
        .into_iter()
        .enumerate()
        .filter(|(_, (_, words_matched))| *words_matched == words.len())
        .map(|(doc, (score, _))| Hit { doc, score })
        .collect();
    hits.sort_unstable_by_key(|h| (std::cmp::Reverse(h.score), h.doc));
    hits.truncate(MAX_RESULTS);
    matched.sort();
    matched.dedup();
    (hits, matched)
}

/// A piece of snippet text, highlighted or not.
pub type Segment = (String, bool);

/// A window of `text` around the first whole-word occurrence of any of `forms`,
/// split into highlighted and plain segments. Falls back to the start of `text`.
pub fn snippet(text: &str, forms: &[String]) -> Vec<Segment> {
    let chars: Vec<char> = text.chars().collect();
    // Folded as search words are, char for char, so positions line up with `chars`.
    let folded: Vec<char> = chars.iter().map(|c| model::fold(*c)).collect();
    let is_word = |i: usize| folded.get(i).is_some_and(|c| c.is_alphanumeric());
    let forms: Vec<Vec<char>> = forms.iter().map(|f| f.chars().collect()).collect();
    let matches_at = |i: usize| -> Option<usize> {
        if i > 0 && is_word(i - 1) {
            return None;
        }
        forms
            .iter()
            .filter(|f| folded[i..].starts_with(f) && !is_word(i + f.len()))
            .map(|f| f.len())
            .max()
    };
    let first = (0..folded.len())
        .find(|&i| matches_at(i).is_some())
        .unwrap_or(0);
    let start = first.saturating_sub(SNIPPET_RADIUS);
    let end = (first + SNIPPET_RADIUS * 2).min(chars.len());
    let mut segments: Vec<Segment> = Vec::new();
    if start > 0 {
        segments.push(("…".into(), false));
    }
    let mut i = start;
    let mut plain = String::new();
    while i < end {
        if let Some(len) = matches_at(i) {
            if !plain.is_empty() {
                segments.push((std::mem::take(&mut plain), false));
            }
            segments.push((chars[i..(i + len).min(chars.len())].iter().collect(), true));
            i += len;
        } else {
            plain.push(chars[i]);
            i += 1;
        }
    }
    if end < chars.len() {
        plain.push('…');
    }
    if !plain.is_empty() {
        segments.push((plain, false));
    }
    segments
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::{Lang, SearchDoc};

    /// Three documents; forms "кеш…" (folded from кэш/кеш) share stem 0, "cach…" stem 1, "index" stem 2.
    fn index() -> SearchIndex {
        let doc = |slug: &str| SearchDoc {
            slug: slug.into(),
            title: slug.into(),
            summary: String::new(),
        };
        SearchIndex {
            lang: Lang::Ru,
            docs: vec![doc("a"), doc("b"), doc("c")],
            forms: vec![
                ("cache".into(), 1),
                ("cached".into(), 1),
                ("caching".into(), 1),
                ("index".into(), 2),
                ("кеширование".into(), 0),
                ("кешированием".into(), 0),
                ("кеширования".into(), 0),
            ],
            postings: [&[(0, 3), (2, 10)][..], &[(1, 1), (2, 1)], &[(1, 5)]]
                .map(model::postings::encode)
                .to_vec(),
        }
    }

    #[test]
    fn an_inflected_form_finds_every_form_of_its_stem() {
        let (hits, matched) = search(&index(), "кэширование");
        let docs: Vec<_> = hits.iter().map(|h| h.doc).collect();
        assert_eq!(docs, [2, 0], "best first");
        assert_eq!(matched, ["кеширование", "кешированием", "кеширования"]);
    }

    #[test]
    fn prefixes_match_while_typing_and_every_word_must_match() {
        assert_eq!(search(&index(), "cach").0.len(), 2);
        let (hits, _) = search(&index(), "cach index");
        assert_eq!(hits, [Hit { doc: 1, score: 6 }]);
        assert!(search(&index(), "cache kubernetes").0.is_empty());
        assert!(search(&index(), "  ,. ").0.is_empty());
        // An unseen form falls back to its longest known prefix.
        assert_eq!(search(&index(), "indexes").0, [Hit { doc: 1, score: 5 }]);
        assert!(
            search(&index(), "indigo").0.is_empty(),
            "a third of the word may not go"
        );
        assert!(
            search(&index(), "Кэширование").0.len() == 2,
            "case-insensitive"
        );
    }

    #[test]
    fn a_huge_query_is_bounded_before_it_is_looked_up() {
        let huge = "a".repeat(80_000);
        let words = query_words(&huge);
        assert_eq!(words.len(), 1);
        assert!(
            words[0].chars().count() <= MAX_WORD_CHARS,
            "{}",
            words[0].len()
        );
        let many = "cache ".repeat(10_000);
        let read: usize = query_words(&many)
            .iter()
            .map(|w| w.chars().count() + 1)
            .sum();
        assert!(read <= MAX_QUERY_CHARS + 1, "{read}");
        // Still found: the words the articles use are far shorter.
        assert_eq!(search(&index(), &format!("caching {huge}")).0.len(), 0);
        assert_eq!(search(&index(), &many).0.len(), 2);
    }

    #[test]
    fn snippets_highlight_whole_words_around_the_first_match() {
        let text = "Кэш помогает. Кэшированием занимается прокси, а кэширования нет в клиенте.";
        let forms = vec!["кешированием".to_string(), "кеширования".to_string()];
        let segments = snippet(text, &forms);
        let marked: Vec<_> = segments
            .iter()
            .filter(|(_, m)| *m)
            .map(|(t, _)| t.as_str())
            .collect();
        assert_eq!(marked, ["Кэшированием", "кэширования"]);
        let joined: String = segments.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(joined, text);
        // Not inside another word.
        let segments = snippet("precached cache", &["cache".to_string()]);
        assert_eq!(
            segments,
            [
                ("precached ".to_string(), false),
                ("cache".to_string(), true)
            ]
        );
    }

    #[test]
    fn long_texts_are_cut_around_the_match() {
        let text = format!("{} needle {}", "a ".repeat(200), "b ".repeat(200));
        let segments = snippet(&text, &["needle".to_string()]);
        assert_eq!(segments.first().unwrap().0, "…");
        assert!(segments.last().unwrap().0.ends_with('…'));
        assert!(segments.iter().any(|(t, m)| *m && t == "needle"));
        let len: usize = segments.iter().map(|(t, _)| t.chars().count()).sum();
        assert!(len < 230, "{len}");
    }
}
