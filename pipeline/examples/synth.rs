//! Generates N synthetic articles per language into a content folder, for scale
//! benchmarks (scripts/bench): `cargo run --release -p pipeline --example synth -- N DIR`.
//! Bodies are made of real words of the real articles, shuffled deterministically,
//! so stemming and search see a realistic vocabulary. Besides the real tags, the
//! vocabulary gets one topic tag per 20 articles (a large archive has many tags,
//! so its tag list runs to several pages), and each article one of them.

use std::fs;
use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(2000);
    let out = PathBuf::from(args.next().unwrap_or_else(|| "target/synth/content".into()));
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../content");
    let _ = fs::remove_dir_all(&out);
    fs::create_dir_all(&out).expect("create output");
    let topics = (n / 20).max(1);
    let mut vocabulary = fs::read_to_string(root.join("tags.toml")).expect("read tags");
    for k in 0..topics {
        vocabulary.push_str(&format!(
            "\n[topic-{k}]\nen = \"Topic {k}\"\nru = \"Тема {k}\"\n"
        ));
    }
    fs::write(out.join("tags.toml"), vocabulary).expect("write tags");
    fs::copy(root.join("site.toml"), out.join("site.toml")).expect("copy site");
    let tags = [
        "llm",
        "rag",
        "inference",
        "cost",
        "databases",
        "cloud",
        "security",
        "ai-agents",
    ];
    for lang in ["en", "ru"] {
        let dir = out.join(lang);
        fs::create_dir_all(&dir).unwrap();
        // The vocabulary: every word of the real articles in this language.
        let mut vocab: Vec<String> = Vec::new();
        for entry in fs::read_dir(root.join(lang)).unwrap() {
            let text = fs::read_to_string(entry.unwrap().path()).unwrap();
            vocab.extend(
                text.split_whitespace()
                    .filter(|w| w.chars().all(char::is_alphabetic) && w.chars().count() > 2)
                    .map(str::to_string),
            );
        }
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move |m: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % m as u64) as usize
        };
        for i in 0..n {
            let words = |count: usize, next: &mut dyn FnMut(usize) -> usize| {
                (0..count)
                    .map(|_| vocab[next(vocab.len())].as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let title = words(6, &mut next);
            let summary = words(25, &mut next);
            let mut body = String::new();
            for s in 0..6 {
                body.push_str(&format!("## Section {s} {}\n\n", words(3, &mut next)));
                for _ in 0..3 {
                    body.push_str(&words(70, &mut next));
                    body.push_str("\n\n");
                }
            }
            let day = 1 + i % 28;
            let month = 1 + (i / 28) % 12;
            let (a, b) = (tags[i % tags.len()], tags[(i + 3) % tags.len()]);
            let topic = i % topics;
            let source = format!(
                "+++\nslug = \"synthetic-{i}\"\ntitle = \"{title}\"\nsummary = \"{summary}\"\ndate = 2025-{month:02}-{day:02}\ntags = [\"{a}\", \"{b}\", \"topic-{topic}\"]\n+++\n\n{body}"
            );
            fs::write(dir.join(format!("synthetic-{i}.md")), source).unwrap();
        }
    }
    println!("synth: {n} articles per language in {}", out.display());
}
