//! The full-text search index, built per language at build time.
//!
//! Stemming happens here, not in the browser: every word form that occurs in the
//! articles is listed with the id of its stem (Snowball, via rust-stemmers), so the
//! client finds "кэширования" and "кэшированием" from "кэширование" by looking the
//! query's form up in that list — also as a prefix while the reader types —
//! without shipping a stemmer. The article texts for result snippets are
//! documents of their own, one per article, loaded for the results shown.

use crate::site::Site;
use model::{Lang, SearchDoc, SearchIndex};
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::{BTreeMap, HashMap};

fn stemmer(lang: Lang) -> Stemmer {
    Stemmer::create(match lang {
        Lang::En => Algorithm::English,
        Lang::Ru => Algorithm::Russian,
    })
}

/// Weight of a word found in the title, summary and body.
const TITLE: u32 = 10;
const SUMMARY: u32 = 4;
const BODY: u32 = 1;

/// The search index of `lang` and the plain texts of its articles (same order).
pub fn index(site: &Site, lang: Lang) -> (SearchIndex, Vec<String>) {
    let stemmer = stemmer(lang);
    let mut stems: HashMap<String, usize> = HashMap::new();
    let mut forms: BTreeMap<String, usize> = BTreeMap::new();
    let mut postings: Vec<HashMap<usize, u32>> = Vec::new();
    let mut docs = Vec::new();
    let mut texts = Vec::new();
    for (d, article) in site.articles[&lang].iter().enumerate() {
        let front = &article.front;
        // Collected by the Markdown pass (see `markdown::Rendered::text`).
        let text = &article.body.text;
        let fields = [
            (&front.title, TITLE),
            (&front.summary, SUMMARY),
            (text, BODY),
        ];
        for (field, weight) in fields {
            for word in model::search_words(field) {
                // Each form is stemmed once; later occurrences are looked up.
                let id = match forms.get(&word) {
                    Some(&id) => id,
                    None => {
                        let stem = stemmer.stem(&word).into_owned();
                        let next = stems.len();
                        let id = *stems.entry(stem).or_insert(next);
                        if id == postings.len() {
                            postings.push(HashMap::new());
                        }
                        forms.insert(word, id);
                        id
                    }
                };
                *postings[id].entry(d).or_insert(0) += weight;
            }
        }
        docs.push(SearchDoc {
            slug: front.slug.clone(),
            title: front.title.clone(),
            summary: front.summary.clone(),
        });
        texts.push(text.clone());
    }
    let index = SearchIndex {
        lang,
        docs,
        forms: forms.into_iter().map(|(f, id)| (f, id as u32)).collect(),
        postings: postings
            .into_iter()
            .map(|p| {
                let mut list: Vec<(u32, u32)> = p.into_iter().map(|(d, w)| (d as u32, w)).collect();
                list.sort_unstable();
                model::postings::encode(&list)
            })
            .collect(),
    };
    (index, texts)
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
}
