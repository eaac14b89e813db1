//! Full-text search over the index the pipeline built (see `pipeline/src/search.rs`):
//! query words are looked up among the word forms of the articles, as prefixes, and
//! each form leads to its stem's postings, so any inflected form finds the others.
//! The forms come in parts, ranges of the sorted forms ([`parts_for`] says which a
//! query needs); the search runs over the parts loaded.
//! Pure logic, tested natively; the search box loads what this asks for and
//! renders what it returns.

use model::{SearchIndex, SearchPart};
use std::cmp::Reverse;
use std::rc::Rc;

/// The most results shown.
pub const MAX_RESULTS: usize = 8;
/// Shortest query word that is looked up as a prefix.
const MIN_PREFIX: usize = 2;
/// The most articles an index is searched for (its count is read from the
/// host; far more than any archive has).
const MAX_DOCS: u32 = 1 << 22;
/// Characters of context on each side of a snippet's first match.
const SNIPPET_RADIUS: usize = 70;

/// One matching article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// The article's number in the index.
    pub doc: u32,
    /// How many of the query's words it matched.
    pub words: usize,
    /// Relevance: summed weights of the matched stems (title > summary > text).
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

/// The most parts one query word may reach. A prefix that starts the forms of
/// more (a word's first two or three letters in a large archive: "pr" reaches
/// 46 parts of 863 at 10,000 Russian articles, 280 KB) is not looked up, so a
/// keystroke never loads more than these, and typing a word letter by letter
/// loads about as much as the word does.
const MAX_PARTS: usize = 4;

/// How a query word is looked up: by these prefixes, longest first (the first
/// that has forms wins), or (`whole`) only as itself, a whole form; in these
/// parts.
struct Lookup {
    prefixes: Vec<String>,
    whole: bool,
    parts: std::ops::Range<usize>,
}

/// A query word's [`Lookup`]: by the word itself, then, for a form the articles
/// never use ("prefixes" where they say "prefix"), each shorter prefix down to
/// two thirds of the word, which stands in for the stem; only those reaching
/// at most [`MAX_PARTS`]. A one-letter word, or one whose every prefix reaches
/// further, only as a whole form, in the part it would be in.
fn lookup(index: &SearchIndex, word: &str) -> Lookup {
    let chars: Vec<char> = word.chars().collect();
    let shortest = (chars.len() * 2).div_ceil(3).max(MIN_PREFIX + 1);
    let mut parts = 0..0;
    let mut prefixes = Vec::new();
    if chars.len() >= MIN_PREFIX {
        for n in (shortest.min(chars.len())..=chars.len()).rev() {
            let prefix: String = chars[..n].iter().collect();
            let range = index.parts_for_prefix(&prefix);
            if range.len() > MAX_PARTS {
                break;
            }
            parts = range;
            prefixes.push(prefix);
        }
    }
    let whole = prefixes.is_empty();
    if whole {
        let start = index.parts_for_prefix(word).start;
        parts = start..(start + 1).min(index.parts.len());
        prefixes.push(word.to_string());
    }
    Lookup {
        prefixes,
        whole,
        parts,
    }
}

/// The parts of `index` the query `words` reach, in order, each once (see
/// [`lookup`]).
pub fn parts_for(index: &SearchIndex, words: &[String]) -> Vec<usize> {
    let mut parts: Vec<usize> = words
        .iter()
        .flat_map(|word| lookup(index, word).parts)
        .collect();
    parts.sort_unstable();
    parts.dedup();
    parts
}

/// A loaded part, by its position in the index.
pub type Part = (usize, Rc<SearchPart>);

/// The articles matching the query's `words` ([`query_words`]), best first, and the word forms
/// that matched (for highlighting), from the `parts` loaded (the search box
/// loads those [`parts_for`] names first; a part missing is searched as empty).
///
/// Ranked by how many of the query's words an article matches, then by weight
/// (a title match above any number of matches in the text), then newest first.
pub fn search(index: &SearchIndex, parts: &[Part], words: &[String]) -> (Vec<Hit>, Vec<String>) {
    // Per document: summed score, and how many query words matched it.
    let docs = index.docs.min(MAX_DOCS) as usize;
    let mut scores = vec![(0u32, 0usize); docs];
    let mut matched = Vec::new();
    for word in words {
        let Lookup {
            prefixes,
            whole,
            parts: range,
        } = lookup(index, word);
        let reached: Vec<&SearchPart> = parts
            .iter()
            .filter(|(n, _)| range.contains(n))
            .map(|(_, p)| &**p)
            .collect();
        // The stems (by id, with their postings and the part they were found in)
        // of the longest prefix that has forms.
        let mut stems: Vec<(u32, &SearchPart, usize)> = prefixes
            .iter()
            .map(|prefix| {
                reached
                    .iter()
                    .flat_map(|part| {
                        let start = part.forms.partition_point(|(f, _)| f < prefix);
                        part.forms[start..]
                            .iter()
                            .take_while(|(f, _)| f.starts_with(prefix.as_str()))
                            .filter(|(f, _)| !whole || f == prefix)
                            .filter_map(|(_, at)| {
                                let stem = part.stems.get(*at as usize)?;
                                Some((stem.id, *part, *at as usize))
                            })
                    })
                    .collect::<Vec<_>>()
            })
            .find(|stems| !stems.is_empty())
            .unwrap_or_default();
        stems.sort_unstable_by_key(|(id, ..)| *id);
        stems.dedup_by_key(|(id, ..)| *id);
        let mut seen = vec![false; docs];
        for (id, part, at) in stems {
            let stem = &part.stems[at];
            // Unpacked only for the stems the query reaches; a damaged list
            // matches nothing.
            for (doc, weight) in model::postings::decode(&stem.postings).unwrap_or_default() {
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
            matched.extend(stem.elsewhere.iter().cloned());
            for part in &reached {
                matched.extend(
                    part.forms
                        .iter()
                        .filter(|(_, at)| part.stems.get(*at as usize).is_some_and(|s| s.id == id))
                        .map(|(f, _)| f.clone()),
                );
            }
        }
    }
    let mut hits: Vec<Hit> = (0..)
        .zip(scores)
        .filter(|(_, (_, words))| *words > 0)
        .map(|(doc, (score, words))| Hit { doc, words, score })
        .collect();
    hits.sort_unstable_by_key(|h| (Reverse(h.words), Reverse(h.score), h.doc));
    hits.truncate(MAX_RESULTS);
    matched.sort();
    matched.dedup();
    (hits, matched)
}

/// A piece of snippet text, highlighted or not.
pub type Segment = (String, bool);

/// A result's snippet: from the beginning of its text that its document carries
/// if a matched form is there, else from its summary if one is there, else the
/// text's first lines.
pub fn result_snippet(doc: &model::SearchDoc, forms: &[String]) -> Vec<Segment> {
    let marked = |segments: &[Segment]| segments.iter().any(|(_, m)| *m);
    let text = snippet(&doc.text, forms);
    if marked(&text) {
        return text;
    }
    let summary = snippet(&doc.summary, forms);
    if marked(&summary) {
        summary
    } else {
        text
    }
}

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
    use model::{Lang, SearchStem};

    /// A form, its stem and the stem's postings.
    type Form<'a> = (&'a str, u32, &'a [(u32, u32)]);

    /// An index of `docs` articles over `forms` (sorted, each with its stem's
    /// postings), cut into parts before the forms at `cuts`: every part loaded.
    fn indexed(docs: u32, forms: &[Form], cuts: &[usize]) -> (SearchIndex, Vec<Part>) {
        let mut bounds = vec![0];
        bounds.extend_from_slice(cuts);
        bounds.push(forms.len());
        let parts: Vec<SearchPart> = bounds
            .windows(2)
            .map(|w| {
                let run = &forms[w[0]..w[1]];
                let mut stems: Vec<SearchStem> = Vec::new();
                let forms = run
                    .iter()
                    .map(|&(form, id, list)| {
                        let at = stems.iter().position(|s| s.id == id).unwrap_or_else(|| {
                            let elsewhere = forms
                                .iter()
                                .filter(|(f, i, _)| *i == id && !run.iter().any(|(g, ..)| g == f))
                                .map(|(f, ..)| f.to_string())
                                .collect();
                            let postings = model::postings::encode(list);
                            stems.push(SearchStem {
                                id,
                                postings,
                                elsewhere,
                            });
                            stems.len() - 1
                        });
                        (form.to_string(), at as u32)
                    })
                    .collect();
                SearchPart { forms, stems }
            })
            .collect();
        let index = SearchIndex {
            lang: Lang::Ru,
            docs,
            version: "v1".into(),
            parts_version: "p1".into(),
            parts: parts.iter().map(|p| p.forms[0].0.clone()).collect(),
        };
        (index, parts.into_iter().map(Rc::new).enumerate().collect())
    }

    /// Three articles; forms "кеш…" (folded from кэш/кеш) share stem 0, "cach…"
    /// stem 1, "index" stem 2; each form in a part of its own.
    fn index() -> (SearchIndex, Vec<Part>) {
        const KESH: &[(u32, u32)] = &[(0, 3), (2, 16)];
        const CACHE: &[(u32, u32)] = &[(1, 1), (2, 1)];
        indexed(
            3,
            &[
                ("cache", 1, CACHE),
                ("cached", 1, CACHE),
                ("caching", 1, CACHE),
                ("index", 2, &[(1, 5)]),
                ("кеширование", 0, KESH),
                ("кешированием", 0, KESH),
                ("кеширования", 0, KESH),
            ],
            &[1, 2, 3, 4, 5, 6],
        )
    }

    fn found(query: &str) -> Vec<(u32, usize, u32)> {
        let (index, parts) = index();
        search(&index, &parts, &query_words(query))
            .0
            .iter()
            .map(|h| (h.doc, h.words, h.score))
            .collect()
    }

    #[test]
    fn an_inflected_form_finds_every_form_of_its_stem() {
        let (index, parts) = index();
        let (hits, matched) = search(&index, &parts, &query_words("кэширование"));
        let docs: Vec<_> = hits.iter().map(|h| h.doc).collect();
        assert_eq!(docs, [2, 0], "best first");
        // Each form is in a part of its own: the others are named as elsewhere.
        assert_eq!(matched, ["кеширование", "кешированием", "кеширования"]);
    }

    #[test]
    fn prefixes_match_while_typing_and_articles_with_every_word_come_first() {
        assert_eq!(found("cach").len(), 2);
        assert_eq!(found("cach index"), [(1, 2, 6), (2, 1, 1)]);
        assert_eq!(
            found("cache kubernetes"),
            [(1, 1, 1), (2, 1, 1)],
            "one word of two"
        );
        assert!(found("kubernetes").is_empty());
        assert!(found("  ,. ").is_empty());
        // An unseen form falls back to its longest known prefix.
        assert_eq!(found("indexes"), [(1, 1, 5)]);
        assert!(found("indigo").is_empty(), "a third of the word may not go");
        assert_eq!(found("Кэширование").len(), 2, "case-insensitive");
        // One letter is a whole form, not a prefix.
        assert!(found("c").is_empty());
    }

    #[test]
    fn a_query_needs_only_the_parts_its_words_reach() {
        let (index, parts) = index();
        let words = |q: &str| query_words(q);
        // A word and its fallback down to two thirds ("cach") reach every part
        // that may hold a form starting with that.
        assert_eq!(parts_for(&index, &words("cached")), [0, 1, 2]);
        assert_eq!(parts_for(&index, &words("cach")), [0, 1, 2]);
        assert_eq!(parts_for(&index, &words("index кэш")), [2, 3, 4, 5, 6]);
        assert_eq!(parts_for(&index, &words("indexes")), [3]);
        assert_eq!(parts_for(&index, &words("c")), [0]);
        assert!(parts_for(&index, &[]).is_empty());
        // What is not loaded is not searched, and nothing fails.
        let loaded: Vec<Part> = parts.iter().filter(|(n, _)| *n == 3).cloned().collect();
        assert_eq!(
            search(&index, &loaded, &query_words("cache index")).0.len(),
            1
        );
        assert!(search(&index, &[], &query_words("cache")).0.is_empty());
    }

    #[test]
    fn a_prefix_that_reaches_too_many_parts_is_looked_up_as_a_whole_form() {
        // "pro" starts the forms of seven parts: more than one keystroke may load.
        let (index, parts) = indexed(
            8,
            &[
                ("pro", 0, &[(0, 1)]),
                ("probe", 1, &[(1, 1)]),
                ("process", 2, &[(2, 1)]),
                ("produce", 3, &[(3, 1)]),
                ("program", 4, &[(4, 1)]),
                ("project", 5, &[(5, 1)]),
                ("proxy", 6, &[(6, 1)]),
                ("queue", 7, &[(7, 1)]),
            ],
            &[1, 2, 3, 4, 5, 6, 7],
        );
        assert!(index.parts_for_prefix("pro").len() > MAX_PARTS);
        let words = |q: &str| query_words(q);
        let docs = |q: &str| -> Vec<u32> {
            search(&index, &parts, &words(q))
                .0
                .iter()
                .map(|h| h.doc)
                .collect()
        };
        // Only the part the whole form "pro" is in, and only that form.
        assert_eq!(parts_for(&index, &words("pro")), [0]);
        assert_eq!(docs("pro"), [0]);
        assert_eq!(parts_for(&index, &words("pr")), [0], "two letters alike");
        assert_eq!(docs("pr"), [] as [u32; 0]);
        // A longer prefix within reach is looked up as a prefix; its fallback
        // down to "pro" is dropped, as it would reach too far.
        // (Part 0 may hold forms between "pro" and "probe".)
        assert_eq!(parts_for(&index, &words("prob")), [0, 1]);
        assert_eq!(docs("prob"), [1]);
        assert_eq!(parts_for(&index, &words("prox queue")), [5, 6, 7]);
        assert_eq!(docs("prox queue"), [6, 7]);
        // Within reach, a short prefix still finds every form it starts.
        assert_eq!(docs("qu"), [7]);
    }

    #[test]
    fn title_matches_rank_above_text_matches_and_results_are_stable() {
        // Weights as the pipeline writes them: 16 for the title, 1 to 3 for the text.
        let (index, parts) = indexed(
            5,
            &[
                ("queue", 0, &[(0, 3), (1, 16), (2, 1), (3, 3), (4, 3)]),
                ("retry", 1, &[(2, 1), (4, 1)]),
            ],
            &[1],
        );
        let order = |q: &str| -> Vec<u32> {
            search(&index, &parts, &query_words(q))
                .0
                .iter()
                .map(|h| h.doc)
                .collect()
        };
        assert_eq!(
            order("queue"),
            [1, 0, 3, 4, 2],
            "title first; ties newest first"
        );
        assert_eq!(order("queue retry"), [4, 2, 1, 0, 3], "both words first");
        for _ in 0..10 {
            assert_eq!(order("queue"), [1, 0, 3, 4, 2]);
        }
        // Numbers past the index's count (a damaged part) are not results.
        let (index, parts) = indexed(1, &[("queue", 0, &[(0, 1), (7, 16)])], &[]);
        assert_eq!(search(&index, &parts, &query_words("queue")).0.len(), 1);
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
        assert_eq!(found(&format!("caching {huge}")).len(), 2);
        assert_eq!(found(&many).len(), 2);
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
    fn a_match_past_the_text_a_result_carries_is_shown_from_the_summary() {
        let doc = model::SearchDoc {
            slug: "a".into(),
            title: "A".into(),
            summary: "Retries with a queue.".into(),
            text: "Idempotency keys first.".into(),
        };
        let marked = |forms: &[&str]| -> Vec<String> {
            let forms: Vec<String> = forms.iter().map(|f| f.to_string()).collect();
            result_snippet(&doc, &forms)
                .into_iter()
                .filter(|(_, m)| *m)
                .map(|(t, _)| t)
                .collect()
        };
        assert_eq!(marked(&["keys", "queue"]), ["keys"], "the text first");
        assert_eq!(marked(&["queue"]), ["queue"]);
        assert!(marked(&["kafka"]).is_empty());
        let plain: String = result_snippet(&doc, &[])
            .into_iter()
            .map(|(t, _)| t)
            .collect();
        assert_eq!(plain, doc.text);
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
