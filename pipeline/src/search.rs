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

/// Plain text of rendered HTML: tags dropped (heading anchors and copy buttons
/// with them), the entities the pipeline emits decoded, whitespace collapsed.
pub fn html_text(html: &str) -> String {
    let html = html.replace(">#</a>", "></a>");
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    let mut in_button = false;
    let mut rest = html.as_str();
    while let Some(c) = rest.chars().next() {
        if rest.starts_with("<button") {
            in_button = true;
        } else if rest.starts_with("</button>") {
            in_button = false;
        }
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag && !in_button => out.push(c),
            _ => {}
        }
        rest = &rest[c.len_utf8()..];
    }
    let decoded = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    decoded.split_whitespace().collect::<Vec<_>>().join(" ")
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
    // The texts are independent of each other: extracted on every core.
    let articles = &site.articles[&lang];
    let plain = crate::parallel::parallel_map(articles, |a| html_text(&a.body.html));
    for (d, (article, text)) in articles.iter().zip(plain).enumerate() {
        let front = &article.front;
        let fields = [
            (&front.title, TITLE),
            (&front.summary, SUMMARY),
            (&text, BODY),
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
        texts.push(text);
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

    #[test]
    fn html_becomes_plain_text() {
        assert_eq!(
            html_text(
                "<h2 id=\"a\">Why<a class=\"anchor\" href=\"#a\">#</a></h2><div class=\"code-block\">\
                 <button type=\"button\" class=\"copy\">Copy</button><pre><code>x &lt; y &amp;&amp; z</code></pre></div>"
            ),
            "Why x < y && z"
        );
    }
}
