//! The full-text search index, built per language at build time.
//!
//! Stemming happens here, not in the browser: every word form that occurs in the
//! articles is listed with its stem (Snowball, via rust-stemmers), so the client
//! finds "кэширования" and "кэшированием" from "кэширование" by looking the
//! query's form up in that list — also as a prefix while the reader types —
//! without shipping a stemmer.
//!
//! The index goes out in pieces whose size does not grow with the archive (see
//! [`model::SearchIndex`]): a small document naming the parts, parts that each
//! hold a run of the sorted forms with their stems' postings, and one document
//! per result with its title and text.

use crate::site::Site;
use model::{postings, Lang, SearchDoc, SearchIndex, SearchPart, SearchStem};
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

fn stemmer(lang: Lang) -> Stemmer {
    Stemmer::create(match lang {
        Lang::En => Algorithm::English,
        Lang::Ru => Algorithm::Russian,
    })
}

/// Weight of a stem in an article: found in the title, in the summary, and up
/// to [`BODY_MOST`] for its occurrences in the text. A title match outweighs
/// anything the summary and text can add, so it always ranks above them.
const TITLE: u32 = 16;
const SUMMARY: u32 = 4;
const BODY_MOST: u32 = 3;

/// The weight of a stem found in the title (or not), the summary (or not) and
/// `body` times in the text.
fn weight(title: bool, summary: bool, body: u32) -> u32 {
    TITLE * u32::from(title) + SUMMARY * u32::from(summary) + body.min(BODY_MOST)
}

/// About how large a part grows (JSON bytes) before the next one starts: one
/// part is what a query word usually costs. Measured at 10,000 articles per
/// language (BENCHMARKS.md).
pub const PART_BYTES: usize = 24 * 1024;

/// How much of an article's text its result document carries for the snippet,
/// in characters: the results of a query are eight such documents, and each
/// keystroke that changes the results fetches theirs, so this is most of what
/// typing a query downloads. With 4,000 a Russian result was 2.5 KB brotli, with
/// 1,200 it is 1.0 KB, and a title word is still found in its text (else in its
/// summary) for 82–87 % of the real articles, against 86–92 % (BENCHMARKS.md,
/// "A query typed letter by letter").
pub const SNIPPET_TEXT: usize = 1200;

/// The first `chars` characters of `text`, cut after a whole word.
fn beginning(text: &str, chars: usize) -> &str {
    let Some((end, _)) = text.char_indices().nth(chars) else {
        return text;
    };
    let cut = text[..end].rfind(char::is_whitespace).unwrap_or(end);
    text[..cut].trim_end()
}

/// A language's search index as written: the index, its parts by name, and
/// one document per result, numbered as the index numbers them.
pub struct Built {
    /// What the app loads first.
    pub index: SearchIndex,
    /// Each part's JSON text, in order.
    pub parts: Vec<String>,
    /// The results' documents, newest first.
    pub docs: Vec<SearchDoc>,
}

/// Where a word form is found in one article: in the title, in the summary,
/// and how often in the text.
type Found = (bool, bool, u32);

/// What one article contributes, read from its texts: each word form and
/// where it is found, sorted by form.
type Read = Vec<(String, Found)>;

/// What one article contributes as kept: each form by its number in the
/// language's [`Forms`], in the order of the forms' text.
type Occurrences = Vec<(u32, Found)>;

fn occurrences(title: &str, summary: &str, text: &str) -> Read {
    let mut found: HashMap<String, Found> = HashMap::new();
    for word in model::search_words(title) {
        found.entry(word).or_default().0 = true;
    }
    for word in model::search_words(summary) {
        found.entry(word).or_default().1 = true;
    }
    for word in model::search_words(text) {
        let entry = found.entry(word).or_default();
        entry.2 = entry.2.saturating_add(1);
    }
    let mut found: Read = found.into_iter().collect();
    found.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    found
}

/// Every word form a language's articles have used, numbered once, each with
/// its stem's number (each form stemmed once): what the index is built from
/// without looking a form's text up again for each article that has it.
struct Forms {
    stemmer: Stemmer,
    numbers: HashMap<String, u32>,
    /// By number: the form and its stem's number.
    forms: Vec<(String, u32)>,
    stems: HashMap<String, u32>,
}

impl Forms {
    fn new(lang: Lang) -> Forms {
        Forms {
            stemmer: stemmer(lang),
            numbers: HashMap::new(),
            forms: Vec::new(),
            stems: HashMap::new(),
        }
    }

    /// `read` with each form replaced by its number.
    fn numbered(&mut self, read: Read) -> Occurrences {
        read.into_iter()
            .map(|(form, found)| {
                if let Some(&n) = self.numbers.get(&form) {
                    return (n, found);
                }
                let next = self.stems.len() as u32;
                let stem = *self
                    .stems
                    .entry(self.stemmer.stem(&form).into_owned())
                    .or_insert(next);
                let n = self.forms.len() as u32;
                self.numbers.insert(form.clone(), n);
                self.forms.push((form, stem));
                (n, found)
            })
            .collect()
    }
}

/// What an article's words were read from: its body's digest, title and summary.
type ReadFrom = (String, String, String);

/// The words each article contributes, kept from one build to the next by the
/// development server (see [`index_with`]): reading the words is most of the
/// index's cost (at 10,000 articles per language, several seconds).
#[derive(Default)]
pub struct Words {
    /// By language and slug: the article's body digest, title and summary the
    /// words were read from, and the words.
    kept: HashMap<(Lang, String), (ReadFrom, Arc<Occurrences>)>,
    /// Each language's forms.
    forms: HashMap<Lang, Forms>,
}

/// The search index of `lang`, split into parts of about `part_bytes`.
pub fn index(site: &Site, lang: Lang, part_bytes: usize) -> Built {
    index_with(site, lang, part_bytes, &mut Words::default())
}

/// [`index`], reading again only the words of articles whose text, title or
/// summary changed since `words` was filled; `words` then holds this language's
/// articles' words (and still those of other languages).
pub fn index_with(site: &Site, lang: Lang, part_bytes: usize, words: &mut Words) -> Built {
    let articles = &site.articles[&lang];
    let check = |article: &crate::Article| {
        let front = &article.front;
        (
            article.digest.clone(),
            front.title.clone(),
            front.summary.clone(),
        )
    };
    let key = |article: &crate::Article| (lang, article.front.slug.clone());
    // Compared where they are: no copy of every article's texts per build.
    let same = |(digest, title, summary): &ReadFrom, a: &crate::Article| {
        *digest == a.digest && *title == a.front.title && *summary == a.front.summary
    };
    let missing: Vec<&crate::Article> = articles
        .iter()
        .filter(|a| words.kept.get(&key(a)).is_none_or(|(c, _)| !same(c, a)))
        .collect();
    // Reading the words of an article is independent of the others.
    let read = crate::parallel::parallel_map(&missing, |article| {
        let front = &article.front;
        // The text is collected by the Markdown pass (see `markdown::Rendered::text`).
        occurrences(&front.title, &front.summary, &article.body.text)
    });
    let forms = words.forms.entry(lang).or_insert_with(|| Forms::new(lang));
    for (article, found) in missing.into_iter().zip(read) {
        let found = Arc::new(forms.numbered(found));
        words.kept.insert(key(article), (check(article), found));
    }
    let slugs: HashSet<&str> = articles.iter().map(|a| a.front.slug.as_str()).collect();
    words
        .kept
        .retain(|(l, slug), _| *l != lang || slugs.contains(slug.as_str()));
    let found: Vec<Arc<Occurrences>> = articles
        .iter()
        .map(|a| Arc::clone(&words.kept[&key(a)].1))
        .collect();
    let docs: Vec<SearchDoc> = articles
        .iter()
        .map(|article| SearchDoc {
            slug: article.front.slug.clone(),
            title: article.front.title.clone(),
            summary: article.front.summary.clone(),
            text: beginning(&article.body.text, SNIPPET_TEXT).to_string(),
        })
        .collect();
    build(lang, &words.forms[&lang], &found, docs, part_bytes)
}

/// The index of articles whose words are `found` (same order as `docs`), their
/// forms numbered in `forms`.
fn build(
    lang: Lang,
    forms: &Forms,
    found: &[Arc<Occurrences>],
    docs: Vec<SearchDoc>,
    part_bytes: usize,
) -> Built {
    // This index's stems are numbered in the order they are first met (each
    // article's forms in the order of their text), so alike in every build;
    // by the number of their stem in `forms`.
    let mut numbers: Vec<u32> = vec![u32::MAX; forms.stems.len()];
    let mut stems = 0;
    // Which forms occur, by their number in `forms`.
    let mut occurs = vec![false; forms.forms.len()];
    let mut present: Vec<u32> = Vec::new();
    let mut lists: Vec<Vec<(u32, u32)>> = Vec::new();
    // One article's stems: where each was found, and which were.
    let mut of_doc: Vec<Found> = Vec::new();
    let mut touched: Vec<u32> = Vec::new();
    for (d, words) in found.iter().enumerate() {
        // Several forms of one stem in an article add up to one entry.
        for &(form, (title, summary, body)) in words.iter() {
            if !std::mem::replace(&mut occurs[form as usize], true) {
                present.push(form);
            }
            let stem = &mut numbers[forms.forms[form as usize].1 as usize];
            if *stem == u32::MAX {
                *stem = stems;
                stems += 1;
                of_doc.push(Found::default());
            }
            let id = *stem;
            let entry = &mut of_doc[id as usize];
            if *entry == Found::default() {
                touched.push(id);
            }
            *entry = (entry.0 | title, entry.1 | summary, entry.2 + body);
        }
        lists.resize(stems as usize, Vec::new());
        for id in touched.drain(..) {
            let (title, summary, body) = std::mem::take(&mut of_doc[id as usize]);
            lists[id as usize].push((d as u32, weight(title, summary, body)));
        }
    }
    // Articles were visited in order: each list's pairs are sorted already.
    let packed: Vec<String> = lists.iter().map(|list| postings::encode(list)).collect();
    let mut forms: Vec<(&str, u32)> = present
        .into_iter()
        .map(|n| {
            let (form, stem) = &forms.forms[n as usize];
            (form.as_str(), numbers[*stem as usize])
        })
        .collect();
    forms.sort_unstable();
    let parts = split(&forms, &packed, part_bytes);
    let mut forms_of: Vec<Vec<&str>> = vec![Vec::new(); packed.len()];
    for &(form, id) in &forms {
        forms_of[id as usize].push(form);
    }
    let mut written = Vec::new();
    let mut firsts = Vec::new();
    for run in parts {
        let mut local: HashMap<u32, u32> = HashMap::new();
        let mut part = SearchPart {
            forms: Vec::with_capacity(run.len()),
            stems: Vec::new(),
        };
        for &(form, id) in run {
            let next = local.len() as u32;
            let at = *local.entry(id).or_insert_with(|| {
                part.stems.push(SearchStem {
                    id,
                    postings: packed[id as usize].clone(),
                    elsewhere: Vec::new(),
                });
                next
            });
            part.forms.push((form.to_string(), at));
        }
        let (first, last) = (run[0].0, run[run.len() - 1].0);
        for stem in &mut part.stems {
            stem.elsewhere = forms_of[stem.id as usize]
                .iter()
                .filter(|f| **f < first || **f > last)
                .map(|f| f.to_string())
                .collect();
        }
        firsts.push(first.to_string());
        written.push(serde_json::to_string(&part).expect("a search part serialises"));
    }
    let slugs: Vec<&str> = docs.iter().map(|d| d.slug.as_str()).collect();
    Built {
        index: SearchIndex {
            lang,
            docs: docs.len() as u32,
            version: crate::digest::file_hash(slugs.join("\n").as_bytes()),
            parts_version: crate::digest::file_hash(written.concat().as_bytes()),
            parts: firsts,
        },
        parts: written,
        docs,
    }
}

/// The sorted forms cut into runs of about `part_bytes` of JSON each, a stem's
/// postings counted once per run. The forms of one stem mostly share their first
/// letters, so they mostly fall in one run.
fn split<'a>(
    forms: &'a [(&'a str, u32)],
    packed: &[String],
    part_bytes: usize,
) -> Vec<&'a [(&'a str, u32)]> {
    let mut runs = Vec::new();
    let mut start = 0;
    let mut size = 0;
    let mut seen: std::collections::HashSet<u32> = std::collections::HashSet::new();
    for (i, &(form, id)) in forms.iter().enumerate() {
        let mut cost = form.len() + 8;
        if !seen.contains(&id) {
            cost += packed[id as usize].len() + 24;
        }
        if size + cost > part_bytes && i > start {
            runs.push(&forms[start..i]);
            (start, size) = (i, 0);
            seen.clear();
            cost = form.len() + 8 + packed[id as usize].len() + 24;
        }
        seen.insert(id);
        size += cost;
    }
    if start < forms.len() {
        runs.push(&forms[start..]);
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_and_english_forms_share_a_stem() {
        let s = stemmer(Lang::Ru);
        let stem = s.stem("кеширование").into_owned();
        for form in ["кеширования", "кешированием", "кешированию"]
        {
            assert_eq!(s.stem(form), stem, "{form}");
        }
        let en = stemmer(Lang::En);
        assert_eq!(en.stem("caching"), en.stem("cached"));
    }

    #[test]
    fn a_result_carries_the_beginning_of_its_text_cut_after_a_word() {
        assert_eq!(beginning("short text", 100), "short text");
        assert_eq!(beginning("кэш и индекс", 8), "кэш и");
        assert_eq!(beginning("кэш и индекс", 6), "кэш и");
        assert_eq!(beginning("нераздельное", 5), "нераз");
    }

    #[test]
    fn a_title_match_outweighs_anything_summary_and_text_add() {
        assert!(weight(true, false, 0) > weight(false, true, u32::MAX));
        assert!(weight(false, true, 0) > weight(false, false, BODY_MOST));
        assert!(weight(false, false, 2) > weight(false, false, 1));
        // Small enough to pack as one character.
        assert!(weight(true, true, u32::MAX) < 32);
    }

    fn doc(slug: &str, title: &str, text: &str) -> (Read, SearchDoc) {
        let found = occurrences(title, "", text);
        let doc = SearchDoc {
            slug: slug.into(),
            title: title.into(),
            summary: String::new(),
            text: text.into(),
        };
        (found, doc)
    }

    fn built(part_bytes: usize) -> Built {
        let (found, docs): (Vec<_>, Vec<_>) = [
            doc("a", "Caching prompts", "A cache in front of the model."),
            doc(
                "b",
                "Queues",
                "Caches and cached queues, delivery and retries.",
            ),
            doc("c", "Delivery", "Retries with backoff."),
        ]
        .into_iter()
        .unzip();
        let mut forms = Forms::new(Lang::En);
        let found: Vec<_> = found
            .into_iter()
            .map(|read| Arc::new(forms.numbered(read)))
            .collect();
        build(Lang::En, &forms, &found, docs, part_bytes)
    }

    #[test]
    fn parts_hold_runs_of_the_sorted_forms_and_every_stem_they_reach() {
        let whole = built(usize::MAX);
        assert_eq!(whole.parts.len(), 1);
        let small = built(64);
        assert!(small.parts.len() > 3, "{}", small.parts.len());
        assert_eq!(small.index.parts.len(), small.parts.len());
        let parts: Vec<SearchPart> = small
            .parts
            .iter()
            .map(|json| serde_json::from_str(json).unwrap())
            .collect();
        // Together the parts hold every form once, in order, each starting where
        // the index says.
        let all: Vec<&str> = parts
            .iter()
            .flat_map(|p| p.forms.iter().map(|(f, _)| f.as_str()))
            .collect();
        let mut sorted = all.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(all, sorted);
        for (first, part) in small.index.parts.iter().zip(&parts) {
            assert_eq!(first, &part.forms[0].0);
        }
        // A stem's postings are the same wherever it is, and a form of a stem
        // held elsewhere is named.
        let mut by_id: HashMap<u32, &str> = HashMap::new();
        for part in &parts {
            for stem in &part.stems {
                assert_eq!(
                    *by_id.entry(stem.id).or_insert(&stem.postings),
                    stem.postings
                );
            }
        }
        let cache: Vec<&SearchPart> = parts
            .iter()
            .filter(|p| p.forms.iter().any(|(f, _)| f.starts_with("cach")))
            .collect();
        let mut highlighted: Vec<String> = Vec::new();
        for part in &cache {
            for (form, at) in &part.forms {
                if form.starts_with("cach") {
                    highlighted.push(form.clone());
                    highlighted.extend(part.stems[*at as usize].elsewhere.iter().cloned());
                }
            }
        }
        highlighted.sort();
        highlighted.dedup();
        assert_eq!(highlighted, ["cache", "cached", "caches", "caching"]);
    }

    #[test]
    fn the_index_is_the_same_from_one_build_to_the_next() {
        // Two builds of one site must name and fill their parts alike: a deploy
        // is built once per mode, and the tests read one build's index.
        let first = built(64);
        for _ in 0..5 {
            let again = built(64);
            assert_eq!(again.index, first.index);
            assert_eq!(again.parts, first.parts);
        }
    }

    #[test]
    fn weights_say_where_a_word_was_found() {
        let whole = built(usize::MAX);
        let part: SearchPart = serde_json::from_str(&whole.parts[0]).unwrap();
        let stem_of = |form: &str| {
            let at = part.forms.iter().find(|(f, _)| f == form).unwrap().1;
            postings::decode(&part.stems[at as usize].postings).unwrap()
        };
        // "Caching" in a's title and "cache" in its text; two forms in b's text.
        assert_eq!(stem_of("cache"), [(0, TITLE + 1), (1, 2)]);
        assert_eq!(stem_of("retries"), [(1, 1), (2, 1)]);
        assert_eq!(whole.index.docs, 3);
        assert_eq!(whole.docs[2].slug, "c");
        // The version names which article each number is.
        let mut other = built(usize::MAX);
        other.docs.swap(0, 1);
        assert_eq!(whole.index.version, built(64).index.version);
        // The parts' folder names their contents.
        assert_ne!(whole.index.parts_version, built(64).index.parts_version);
        let swapped: Vec<&str> = other.docs.iter().map(|d| d.slug.as_str()).collect();
        assert_ne!(
            whole.index.version,
            crate::digest::file_hash(swapped.join("\n").as_bytes())
        );
    }
}
