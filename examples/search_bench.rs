//! Search latency over a built search index (scripts/bench):
//! `cargo run --release --features ssr --example search_bench -- target/synth/site/content`.
//! Runs the app's own query code natively; the browser runs the same code as wasm,
//! typically slower by a small factor, which the benchmark notes.

use engineering_insights::search;
use model::{paths, Lang, SearchIndex, SearchPart};
use std::rc::Rc;
use std::time::Instant;

fn main() {
    let root = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "target/synth/site/content".into());
    for (lang, queries) in [
        (
            Lang::En,
            &[
                "cach",
                "caching",
                "vector index",
                "latency budget",
                "retries idempotency",
                "q",
            ][..],
        ),
        (
            Lang::Ru,
            &[
                "кэширование",
                "векторный индекс",
                "задержк",
                "повторы идемпотентность",
                "мод",
            ][..],
        ),
    ] {
        let read = |path: String| {
            let path = format!("{root}/{path}");
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
        };
        let index: SearchIndex =
            serde_json::from_str(&read(paths::search(lang))).expect("a search index");
        // Every part once, as the app keeps what it loaded for the visit.
        let parts: Vec<search::Part> = index
            .parts
            .iter()
            .enumerate()
            .map(|(n, _)| {
                let path = paths::search_part(lang, &index.parts_version, n as u32);
                let part: SearchPart = serde_json::from_str(&read(path)).expect("a search part");
                (n, Rc::new(part))
            })
            .collect();
        let mut times = Vec::new();
        for _ in 0..20 {
            for q in queries {
                let start = Instant::now();
                let words = search::query_words(q);
                let needed = search::parts_for(&index, &words);
                let loaded: Vec<search::Part> = needed.iter().map(|&n| parts[n].clone()).collect();
                let (hits, _) = search::search(&index, &loaded, &words);
                std::hint::black_box(hits);
                times.push(start.elapsed().as_secs_f64() * 1000.0);
            }
        }
        times.sort_by(|a, b| a.partial_cmp(b).unwrap());
        let mean = times.iter().sum::<f64>() / times.len() as f64;
        let p95 = times[times.len() * 95 / 100];
        let forms: usize = parts.iter().map(|(_, p)| p.forms.len()).sum();
        println!(
            "search {}: {} articles, {} forms in {} parts, {} queries: mean {mean:.2} ms, p95 {p95:.2} ms, max {:.2} ms",
            lang.code(),
            index.docs,
            forms,
            parts.len(),
            times.len(),
            times.last().unwrap()
        );
    }
}
