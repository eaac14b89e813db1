//! What search needs from the pipeline: the per-language index in parts, its
//! compact postings, and the one word splitter both sides use.

use crate::Lang;
use serde::{Deserialize, Serialize};

/// A language's search index as the app first loads it: how many articles it
/// covers and where the rest is. The word forms and their postings are split into
/// [`SearchPart`]s by ranges of the sorted forms, so a query downloads only the
/// parts its words reach; each result's title and text is a [`SearchDoc`] of its
/// own, loaded for the results shown. Small whatever the archive: a line per part.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchIndex {
    /// Language of the index.
    pub lang: Lang,
    /// How many articles it covers; a result is a number below this (newest first).
    pub docs: u32,
    /// The folder of this build's [`SearchDoc`]s (see `paths::search_doc`): a hash of
    /// which article each number is, so a reader who loaded this index never gets
    /// another build's article under a number.
    pub version: String,
    /// The folder of this build's parts (see `paths::search_part`): a hash of their
    /// contents, so a reader who loaded this index never gets another build's part.
    pub parts_version: String,
    /// The parts, numbered in the order of their forms: the first form each holds.
    pub parts: Vec<String>,
}

impl SearchIndex {
    /// The parts that may hold forms starting with `prefix`: one run, as parts hold
    /// ranges of the sorted forms. The part where `prefix` would sort, and each
    /// following part whose first form still starts with it.
    pub fn parts_for_prefix(&self, prefix: &str) -> std::ops::Range<usize> {
        let start = self
            .parts
            .partition_point(|first| first.as_str() <= prefix)
            .saturating_sub(1);
        let more = self.parts.get(start + 1..).unwrap_or_default();
        let end = start + 1 + more.iter().take_while(|f| f.starts_with(prefix)).count();
        start..end.min(self.parts.len())
    }
}

/// A run of a language's word forms, sorted, each with its stem, and the stems'
/// postings: everything a query word in its range needs. Reached only through
/// the index of its language, by a name that is a hash of its content.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchPart {
    /// The forms, sorted, each with the position of its stem in `stems`.
    pub forms: Vec<(String, u32)>,
    /// The stems of these forms.
    pub stems: Vec<SearchStem>,
}

/// One stem in a part; written as an array `[id, postings, elsewhere]` (the app
/// reads arrays with less code than objects).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "StemArray", into = "StemArray")]
pub struct SearchStem {
    /// Its number in the whole index: a stem whose forms fall in two parts is in
    /// both, and counted once.
    pub id: u32,
    /// Its `(article, weight)` pairs, packed by [`postings::encode`].
    pub postings: String,
    /// Its forms held in other parts (for highlighting every form of a match).
    pub elsewhere: Vec<String>,
}

/// How a [`SearchStem`] is written.
type StemArray = (u32, String, Vec<String>);

impl From<StemArray> for SearchStem {
    fn from((id, postings, elsewhere): StemArray) -> Self {
        SearchStem {
            id,
            postings,
            elsewhere,
        }
    }
}

impl From<SearchStem> for StemArray {
    fn from(stem: SearchStem) -> Self {
        (stem.id, stem.postings, stem.elsewhere)
    }
}

/// One article as a search result shows it: title, summary, and the plain text
/// its snippet is cut from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchDoc {
    /// The article's slug.
    pub slug: String,
    /// Its title.
    pub title: String,
    /// Its summary.
    pub summary: String,
    /// The beginning of its text as the reader sees it, without markup, for the
    /// snippet (the index covers the whole text; a match further on gets its
    /// snippet from the summary).
    pub text: String,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_words_are_lowercased_and_folded() {
        let w: Vec<_> = search_words("Ёмкость HNSW-индекса: 16 рёбер, кэш").collect();
        assert_eq!(w, ["емкость", "hnsw", "индекса", "16", "ребер", "кеш"]);
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
    fn a_prefix_reaches_the_parts_its_forms_can_be_in() {
        let index = SearchIndex {
            lang: Lang::En,
            docs: 0,
            version: "v".into(),
            parts_version: "p".into(),
            parts: ["apple", "cache", "cached", "caching", "delta"]
                .map(String::from)
                .to_vec(),
        };
        let cases = [
            ("a", 0..1),
            ("ab", 0..1),
            ("b", 0..1),
            ("c", 0..4),
            ("ca", 0..4),
            ("cac", 0..4),
            ("cache", 1..3),
            ("cached", 2..3),
            ("cachi", 2..4),
            ("caz", 3..4),
            ("d", 3..5),
            ("zz", 4..5),
            ("0", 0..1),
        ];
        for (prefix, want) in cases {
            assert_eq!(index.parts_for_prefix(prefix), want, "{prefix}");
        }
        let empty = SearchIndex {
            parts: Vec::new(),
            ..index
        };
        assert_eq!(empty.parts_for_prefix("a"), 0..0);
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
}
