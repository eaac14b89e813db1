//! Search latency over a built search index (scripts/bench):
//! `cargo run --release --features ssr --example search_bench -- target/synth/site/content`.
//! Runs the app's own query code natively; the browser runs the same code as wasm,
//! typically slower by a small factor, which the benchmark notes.

use engineering_insights::search;
use model::{Lang, SearchIndex};
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
        let path = format!("{root}/{}/search.json", lang.code());
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let index: SearchIndex = serde_json::from_str(&text).expect("a search index");
        let mut times = Vec::new();
        for _ in 0..20 {
            for q in queries {
                let start = Instant::now();
                let (hits, _) = search::search(&index, q);
                std::hint::black_box(hits);
                times.push(start.elapsed().as_secs_f64() * 1000.0);
            }
        }
        times.sort_by(|a, b| a.partial_cmp(b).unwrap());
        let mean = times.iter().sum::<f64>() / times.len() as f64;
        let p95 = times[times.len() * 95 / 100];
        println!(
            "search {}: {} articles, {} forms, {} queries: mean {mean:.2} ms, p95 {p95:.2} ms, max {:.2} ms",
            lang.code(),
            index.docs.len(),
            index.forms.len(),
            times.len(),
            times.last().unwrap()
        );
    }
}
